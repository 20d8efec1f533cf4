// A moto server (scripts/moto.mjs) as a Cognito stand-in: set up a user pool, two app clients and a confirmed user
// with the AWS SDK v3, and send built requests two ways, through the SDK client and as a raw HTTP request from
// toHttpRequest (SigV4-signed with aws4fetch when the operation needs it, plain fetch otherwise), so a test reads
// "build → send both ways → expect". The raw way is the package's own `send` (readResponse and CognitoServiceError),
// with aws4fetch as its SigV4 `sign` hook.
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { AwsClient } from 'aws4fetch';
import {
  CognitoServiceError,
  send,
  type AdminInitiateAuthRequest,
  type AuthResponse,
  type InitiateAuthRequest,
} from '../../src/index.js';

export const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** The Cognito SDK client pointed at moto (one attempt: a refusal must not be retried). */
export function motoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
}

/** Wipes every moto backend (`POST /moto-api/reset`). */
export async function resetMoto(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' }).catch((error: unknown) => {
    throw new Error(`moto does not answer at MOTO_ENDPOINT=${endpoint} (start it with \`node scripts/moto.mjs start\`)`, { cause: error });
  });
  if (!response.ok) throw new Error(`POST ${endpoint}/moto-api/reset answered ${response.status}: ${await response.text()}`);
}

export interface MotoPool {
  userPoolId: string;
  /** An app client without a secret. */
  publicClient: { clientId: string };
  /** An app client with a secret (GenerateSecret: true). */
  secretClient: { clientId: string; clientSecret: string };
  /** A confirmed user with a permanent password. */
  user: { username: string; password: string; sub: string };
}

const EXPLICIT_AUTH_FLOWS: ExplicitAuthFlowsType[] = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
];

/** Creates a user pool, an app client without and one with a secret, and a confirmed user. */
export async function createPool(client: CognitoIdentityProviderClient): Promise<MotoPool> {
  const pool = await client.send(new CreateUserPoolCommand({ PoolName: 'cognito-kit-e2e' }));
  const userPoolId = pool.UserPool!.Id!;
  const createClient = (name: string, GenerateSecret: boolean) =>
    client.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: name, GenerateSecret, ExplicitAuthFlows: EXPLICIT_AUTH_FLOWS }));
  const publicClient = (await createClient('e2e-public', false)).UserPoolClient!;
  const secretClient = (await createClient('e2e-secret', true)).UserPoolClient!;

  const username = 'alice-e2e';
  const password = 'Correct-Horse-Battery-9';
  const created = await client.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS' }));
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: password, Permanent: true }));
  const sub = created.User!.Attributes!.find((attribute) => attribute.Name === 'sub')!.Value!;
  return {
    userPoolId,
    publicClient: { clientId: publicClient.ClientId! },
    secretClient: { clientId: secretClient.ClientId!, clientSecret: secretClient.ClientSecret! },
    user: { username, password, sub },
  };
}

/**
 * The wire request of each operation the tests send, as the builders return it. (The respond operations are left
 * out: no moto answer to them proves anything here, see e2e-moto.test.ts.)
 */
export interface Requests {
  AdminInitiateAuth: AdminInitiateAuthRequest;
  InitiateAuth: InitiateAuthRequest;
}

/** What AdminInitiateAuth and InitiateAuth answer. */
export type AuthReply = AuthResponse;

/** A reply, or a refusal with its HTTP status, error type (`__type` as sent, or the SDK's error name) and message. */
export type Outcome = { ok: true; status: number; reply: AuthReply } | { ok: false; status: number; errorType: string; message: string };

export interface Sender {
  name: string;
  send<Op extends keyof Requests>(operation: Op, request: Requests[Op]): Promise<Outcome>;
}

type SdkReply = AuthReply & { $metadata: { httpStatusCode?: number | undefined } };

/** The requests go to the SDK commands as built: no cast, so `tsc` proves they fit the command inputs. */
const COMMANDS: { [Op in keyof Requests]: (client: CognitoIdentityProviderClient, request: Requests[Op]) => Promise<SdkReply> } = {
  AdminInitiateAuth: (client, request) => client.send(new AdminInitiateAuthCommand(request)),
  InitiateAuth: (client, request) => client.send(new InitiateAuthCommand(request)),
};

/** Sends through `@aws-sdk/client-cognito-identity-provider` (signs the Admin operations itself). */
export function sdkSender(client: CognitoIdentityProviderClient): Sender {
  return {
    name: 'AWS SDK v3',
    async send(operation, request) {
      try {
        const { $metadata, ...reply } = await COMMANDS[operation](client, request);
        return { ok: true, status: $metadata.httpStatusCode ?? 0, reply };
      } catch (error) {
        const failure = error as Error & { $metadata?: { httpStatusCode?: number } };
        if (failure.$metadata === undefined) throw error; // not a service error (connection refused, ...)
        return { ok: false, status: failure.$metadata.httpStatusCode ?? 0, errorType: failure.name, message: failure.message };
      }
    },
  };
}

/**
 * Sends with the package's own `send` (toHttpRequest, fetch, readResponse): SigV4-signed by aws4fetch (service
 * cognito-idp) through its `sign` hook when the operation needs it, unsigned otherwise, as browsers send InitiateAuth.
 */
export function fetchSender(endpoint: string): Sender {
  const signer = new AwsClient({ ...CREDENTIALS, service: 'cognito-idp', region: REGION });
  const destination = { endpoint };
  const sends: { [Op in keyof Requests]: (request: Requests[Op]) => Promise<AuthReply> } = {
    AdminInitiateAuth: (request) => send('AdminInitiateAuth', request, destination, { sign: (http) => signer.sign(http.url, http) }),
    InitiateAuth: (request) => send('InitiateAuth', request, destination),
  };
  return {
    name: 'send + fetch (aws4fetch SigV4 for Admin operations)',
    async send(operation, request) {
      try {
        return { ok: true, status: 200, reply: await sends[operation](request) };
      } catch (error) {
        if (!(error instanceof CognitoServiceError)) throw error;
        return { ok: false, status: error.status, errorType: error.name, message: error.message };
      }
    },
  };
}

/** The claims of a JWT (no signature check: moto signs with its own dummy key). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}


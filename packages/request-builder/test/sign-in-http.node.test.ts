// The sign-in loop over real HTTP on loopback: the test pool served by node:http, reached by the runtime's own fetch
// through `send`, and by the AWS SDK v3 client (its own HTTP stack and SigV4 signer) as the transport. Node only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CognitoServiceError,
  send,
} from '../src/index.js';
import { signIn, type AdminSenders, type PublicSenders, type SignInStep } from '../src/sign-in.js';
import { createTestPool } from './helpers/test-pool.js';
import { base32Encode, totp } from './helpers/totp.js';

const USER_POOL_ID = 'eu-west-2_HttpPool1';
const CLIENT_ID = 'httpclient1';
const CLIENT_SECRET = 'httpclientsecret0123456789abcdef';
const TOTP_KEY = new TextEncoder().encode('http sign-in TOTP key');
const pool = createTestPool({
  userPoolId: USER_POOL_ID,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  users: [
    { username: 'u-1', password: 'Correct horse 1', aliases: ['alice@example.com'] },
    { username: 'u-2', password: 'Tom password 1', mfa: { type: 'SOFTWARE_TOKEN_MFA', totpSecret: base32Encode(TOTP_KEY) } },
  ],
});

let server: Server;
let endpoint = '';

beforeAll(async () => {
  // Each request handed to the pool as a fetch Request, its Response written back as it is.
  server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
      const request = new Request(`http://127.0.0.1${incoming.url ?? '/'}`, { method: incoming.method ?? 'POST', headers, body: Buffer.concat(chunks) });
      void pool.fetch(request).then(async (response) => {
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const base = { userPoolId: USER_POOL_ID, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };

async function finishTotp(step: SignInStep): Promise<SignInStep> {
  if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
  return step.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, { now: new Date() }) });
}

describe('over real HTTP on loopback', () => {
  it('with the runtime fetch through `send`: SRP, then TOTP; a wrong password is NotAuthorizedException', async () => {
    const destination = { endpoint };
    const senders: PublicSenders = {
      InitiateAuth: (request) => send('InitiateAuth', request, destination),
      RespondToAuthChallenge: (request) => send('RespondToAuthChallenge', request, destination),
    };
    const alice = await signIn({ ...base, send: senders, username: 'alice@example.com', password: 'Correct horse 1' });
    expect(alice.signedIn && alice.username).toBe('u-1');
    const tom = await finishTotp(await signIn({ ...base, send: senders, username: 'u-2', password: 'Tom password 1' }));
    expect(tom.signedIn).toBe(true);
    const wrong = await signIn({ ...base, send: senders, username: 'u-2', password: 'wrong' }).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(CognitoServiceError);
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', status: 400 });
    expect((wrong as CognitoServiceError).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('with the AWS SDK v3 as the transport, public and Admin (SigV4-signed by the SDK)', async () => {
    const cognito = new CognitoIdentityProviderClient({
      endpoint,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    });
    const viaSdk: PublicSenders = {
      InitiateAuth: (request) => cognito.send(new InitiateAuthCommand(request)),
      RespondToAuthChallenge: (request) => cognito.send(new RespondToAuthChallengeCommand(request)),
    };
    expect((await finishTotp(await signIn({ ...base, send: viaSdk, username: 'u-2', password: 'Tom password 1' }))).signedIn).toBe(true);
    const adminViaSdk: AdminSenders = {
      AdminInitiateAuth: (request) => cognito.send(new AdminInitiateAuthCommand(request)),
      AdminRespondToAuthChallenge: (request) => cognito.send(new AdminRespondToAuthChallengeCommand(request)),
    };
    const admin = await signIn({ ...base, send: adminViaSdk, username: 'alice@example.com', password: 'Correct horse 1' });
    expect(admin.signedIn && admin.authenticationResult.TokenType).toBe('Bearer');
    const refused = await signIn({ ...base, send: adminViaSdk, username: 'alice@example.com', password: 'nope' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'NotAuthorizedException' });
  });
});

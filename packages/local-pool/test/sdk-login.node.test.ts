// Full logins through the AWS SDK v3 client, with requests built by @cognito-kit/request-builder, against the local
// pool: the SDK's request handler hands each request to `pools.fetch` in memory (nothing leaves the process; the SDK
// over real HTTP is in http-loopback.node.test.ts). The SRP signatures and SECRET_HASH are really verified, a wrong
// password or secret is refused, and a remembered device signs in through DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER.
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { buildAdminInitiateAuth, buildAdminRespondToAuthChallenge, buildInitiateAuth, buildRespondToAuthChallenge } from '@cognito-kit/request-builder';
import { createDeviceVerifier } from '@cognito-kit/srp';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createLocalUserPools, type LocalPoolsConfig, type LocalUserPools } from '../src/index.js';
import { claimsOf, type Body } from './helpers/harness.js';

/** A pool signed in to with an e-mail: the username (and USER_ID_FOR_SRP) is the sub. */
interface Pool {
  userPoolId: string;
  clientId: string;
  clientSecret?: string | undefined;
  /** The name the user signs in with. */
  username: string;
  /** USER_ID_FOR_SRP: the sub in an e-mail pool, else the username. */
  userIdForSrp: string;
  password: string;
}

const POOL: Pool = {
  userPoolId: 'us-east-1_AbC123xyz',
  clientId: 'client0123456789',
  clientSecret: 'secret0123456789abcdefghijklmnop',
  username: 'alice@example.com',
  userIdForSrp: '7f3e2c1a-0000-4000-8000-00000000abcd',
  password: 'correct horse battery staple',
};

/** Any password of 6 characters or more: the policy checks nothing else. */
const ANY_PASSWORD = { minimumLength: 6, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false };

/** The local pool for `p`, with device tracking on. */
function localPools(p: Pool): LocalUserPools {
  const byEmail = p.username !== p.userIdForSrp;
  const config: LocalPoolsConfig = {
    userPools: [
      {
        id: p.userPoolId,
        ...(byEmail ? { usernameAttributes: ['email' as const] } : {}),
        passwordPolicy: ANY_PASSWORD,
        deviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
        clients: [{ id: p.clientId, secret: p.clientSecret, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
        users: [{ username: p.username, password: p.password, ...(byEmail ? { sub: p.userIdForSrp } : {}) }],
      },
    ],
  };
  return createLocalUserPools(config);
}

/** What the SDK's handler was given: the operation and the parsed JSON body. */
interface Sent {
  operation: string;
  body: Body;
}

/**
 * The AWS SDK client whose request handler turns each request into a fetch Request for `pools.fetch` and its
 * Response back into the SDK's (status 400 bodies become the SDK's errors, as from Cognito).
 */
function sdkClient(pools: LocalUserPools, sent: Sent[] = []): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { method: string; protocol: string; hostname: string; port?: number; path: string; headers: Record<string, string>; body?: unknown }) => {
        const body = request.body instanceof Uint8Array ? new TextDecoder().decode(request.body) : String(request.body ?? '');
        const parsed: unknown = JSON.parse(body);
        sent.push({ operation: (request.headers['x-amz-target'] ?? '').split('.').pop() ?? '', body: isBody(parsed) ? parsed : {} });
        const port = request.port === undefined ? '' : `:${request.port}`;
        const url = `${request.protocol}//${request.hostname}${port}${request.path}`;
        const response = await pools.fetch(new Request(url, { method: request.method, headers: request.headers, body }));
        return { response: { statusCode: response.status, headers: Object.fromEntries(response.headers), body: new Uint8Array(await response.arrayBuffer()) } };
      },
    },
  });
}

function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** USER_SRP_AUTH through AdminInitiateAuth and AdminRespondToAuthChallenge, with the request builder's requests. */
async function adminLogin(client: CognitoIdentityProviderClient, p: Pool, password: string, deviceKey?: string) {
  const common = { userPoolId: p.userPoolId, clientId: p.clientId, ...(p.clientSecret === undefined ? {} : { clientSecret: p.clientSecret }) };
  const device = deviceKey === undefined ? {} : { deviceKey };
  const first = buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: p.username, ...device });
  const response = await client.send(new AdminInitiateAuthCommand(first.request));
  expect(response.ChallengeName).toBe('PASSWORD_VERIFIER');
  const { request } = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'PASSWORD_VERIFIER', srpSession: first.srpSession, password, response, ...device });
  return client.send(new AdminRespondToAuthChallengeCommand(request));
}

/** The access token's claims, checked to be the user's. */
function expectUsersToken(accessToken: string | undefined, p: Pool): void {
  expect(claimsOf(accessToken)).toMatchObject({ token_use: 'access', sub: p.userIdForSrp, username: p.userIdForSrp, client_id: p.clientId });
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const word = (chars: string, min: number, max: number) => fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((parts) => parts.join(''));
const userPoolIds = fc.tuple(fc.constantFrom('us-east-1', 'eu-west-2', 'ap-southeast-2', 'sa-east-1'), word(ALNUM, 1, 20)).map(([region, name]) => `${region}_${name}`);
const usernames = word(`${ALNUM}._@+-éß漢字🔑"\\/`, 1, 30);
const passwords = word(`${ALNUM} !"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~é漢🔑\u00a0`, 6, 60).filter((p) => /\S/.test(p));

describe('USER_SRP_AUTH through the AWS SDK against the local pool', () => {
  it('signs in with the right password (signature and SECRET_HASH verified), answering as USER_ID_FOR_SRP', async () => {
    const sent: Sent[] = [];
    const result = await adminLogin(sdkClient(localPools(POOL), sent), POOL, POOL.password);
    expectUsersToken(result.AuthenticationResult?.AccessToken, POOL);
    const answer = sent.find((s) => s.body.ChallengeName === 'PASSWORD_VERIFIER')?.body.ChallengeResponses;
    expect(answer).toMatchObject({ USERNAME: POOL.userIdForSrp, SECRET_HASH: expect.any(String) });
  });

  it('is refused with a wrong password', async () => {
    await expect(adminLogin(sdkClient(localPools(POOL)), POOL, 'wrong password')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('is refused with a wrong client secret (SECRET_HASH)', async () => {
    const wrongSecret = { ...POOL, clientSecret: 'another0secret0of0enough0length' };
    await expect(adminLogin(sdkClient(localPools(POOL)), wrongSecret, POOL.password)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  test.prop([userPoolIds, usernames, passwords, fc.boolean()], { numRuns: 10 })(
    'signs in for any pool, username and password, with or without a secret',
    async (userPoolId, username, password, withSecret) => {
      const p: Pool = { userPoolId, clientId: 'client1', username, userIdForSrp: username, password, ...(withSecret ? { clientSecret: 'x'.repeat(30) } : {}) };
      const result = await adminLogin(sdkClient(localPools(p)), p, password);
      expect(claimsOf(result.AuthenticationResult?.AccessToken)).toMatchObject({ token_use: 'access', username, client_id: 'client1' });
    },
  );

  it('works with the public pair InitiateAuth / RespondToAuthChallenge', async () => {
    const client = sdkClient(localPools(POOL));
    const first = buildInitiateAuth({ clientId: POOL.clientId, clientSecret: POOL.clientSecret, authFlow: 'USER_SRP_AUTH', username: POOL.username });
    const response = await client.send(new InitiateAuthCommand(first.request));
    const { request } = buildRespondToAuthChallenge({
      clientId: POOL.clientId,
      clientSecret: POOL.clientSecret,
      userPoolId: POOL.userPoolId,
      challengeName: 'PASSWORD_VERIFIER',
      srpSession: first.srpSession,
      password: POOL.password,
      response,
    });
    expect('UserPoolId' in request).toBe(false);
    const result = await client.send(new RespondToAuthChallengeCommand(request));
    expectUsersToken(result.AuthenticationResult?.AccessToken, POOL);
  });
});

describe('device SRP through the AWS SDK against the local pool', () => {
  it('confirms a device, then signs in with DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER; a wrong device password is refused', async () => {
    const client = sdkClient(localPools(POOL));
    const common = { userPoolId: POOL.userPoolId, clientId: POOL.clientId, clientSecret: POOL.clientSecret };

    const firstLogin = await adminLogin(client, POOL, POOL.password);
    const { DeviceKey: deviceKey = '', DeviceGroupKey: deviceGroupKey = '' } = firstLogin.AuthenticationResult?.NewDeviceMetadata ?? {};
    expect(deviceKey).toMatch(/^us-east-1_[0-9a-f-]{36}$/);
    const registered = createDeviceVerifier({ deviceGroupKey, deviceKey });
    const confirmed = await client.send(
      new ConfirmDeviceCommand({ AccessToken: firstLogin.AuthenticationResult?.AccessToken, DeviceKey: deviceKey, DeviceSecretVerifierConfig: registered.DeviceSecretVerifierConfig }),
    );
    expect(confirmed.UserConfirmationNecessary).toBe(false);

    const deviceLogin = async (devicePassword: string) => {
      const afterPassword = await adminLogin(client, POOL, POOL.password, deviceKey);
      expect(afterPassword.ChallengeName).toBe('DEVICE_SRP_AUTH');
      const srpAuth = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'DEVICE_SRP_AUTH', username: POOL.userIdForSrp, deviceKey, session: afterPassword.Session });
      const challenge = await client.send(new AdminRespondToAuthChallengeCommand(srpAuth.request));
      expect(challenge.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
      const verifier = buildAdminRespondToAuthChallenge({
        ...common,
        challengeName: 'DEVICE_PASSWORD_VERIFIER',
        srpSession: srpAuth.srpSession,
        deviceGroupKey,
        deviceKey,
        devicePassword,
        response: challenge,
      });
      expect(verifier.request.Session).toBe(challenge.Session);
      return client.send(new AdminRespondToAuthChallengeCommand(verifier.request));
    };

    const deviceResult = await deviceLogin(registered.devicePassword);
    expectUsersToken(deviceResult.AuthenticationResult?.AccessToken, POOL);
    expect(claimsOf(deviceResult.AuthenticationResult?.AccessToken).device_key).toBe(deviceKey);
    const wrong = createDeviceVerifier({ deviceGroupKey, deviceKey }).devicePassword;
    await expect(deviceLogin(wrong)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

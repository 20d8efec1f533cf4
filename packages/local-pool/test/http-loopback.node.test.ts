// Node only: the pool served by node:http on loopback (as `cognito-kit serve` serves it) and reached over real HTTP:
// the sign-in loop through `send` and the runtime's fetch, and through the AWS SDK v3 client (its own HTTP stack and
// SigV4 signer) as the loop's transport; GetUser, the JWKS route feeding aws-jwt-verify (which verifies the pool's
// tokens unchanged), the body limit and a CORS preflight.
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoServiceError, send, type Destination } from '@cognito-kit/request-builder';
import { signIn, type AdminSenders, type PublicSenders, type SignInStep } from '@cognito-kit/request-builder/sign-in';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, createLocalUserPools } from '../src/index.js';
import { base32Encode, totp } from '../src/totp.js';
import { CLIENT_ID, CLIENT_SECRET, PASSWORD, POOL_ID, SECRET_CLIENT_ID, basicConfig, refusal } from './helpers/harness.js';
import { serve, type Served } from './helpers/node-server.js';

const TOTP_KEY = new TextEncoder().encode('http sign-in TOTP key 0123456789');
const pools = createLocalUserPools(
  basicConfig({
    aliasAttributes: ['email'],
    users: [
      { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', name: 'Alice' } },
      { username: 'tom', password: PASSWORD, totpSecret: base32Encode(TOTP_KEY) },
    ],
  }),
);
let served: Served;
let destination: Destination;
let senders: PublicSenders;

beforeAll(async () => {
  served = await serve((request) => pools.fetch(request));
  destination = { endpoint: served.url };
  senders = {
    InitiateAuth: (request) => send('InitiateAuth', request, destination),
    RespondToAuthChallenge: (request) => send('RespondToAuthChallenge', request, destination),
  };
});
afterAll(() => served.close());

describe('over HTTP on loopback', () => {
  it('signs in with SRP, GetUser answers, and aws-jwt-verify verifies both tokens with the JWKS the pool serves', async () => {
    const step = await signIn({ send: senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD });
    if (!step.signedIn) throw new Error(step.challengeName);
    const { AccessToken = '', IdToken = '' } = step.authenticationResult;
    const user = await fetch(served.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.GetUser' },
      body: JSON.stringify({ AccessToken }),
    });
    expect(await user.json()).toMatchObject({ Username: 'alice' });
    const jwks: unknown = await (await fetch(new URL(`${POOL_ID}/.well-known/jwks.json`, served.url))).json();
    for (const [tokenUse, token] of [['access', AccessToken], ['id', IdToken]] as const) {
      const verifier = CognitoJwtVerifier.create({ userPoolId: POOL_ID, tokenUse, clientId: CLIENT_ID });
      verifier.cacheJwks(jwks as Parameters<typeof verifier.cacheJwks>[0]);
      expect(await verifier.verify(token)).toMatchObject({ token_use: tokenUse, sub: pools.getUser(POOL_ID, 'alice')?.sub });
    }
  });

  it('refuses a body over the limit with 413, and answers a CORS preflight', async () => {
    const big = await fetch(served.url, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('x-amzn-errortype')).toBe('RequestEntityTooLargeException:');
    const preflight = await fetch(served.url, { method: 'OPTIONS', headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });
});

describe('the sign-in loop over HTTP on loopback, with a client secret', () => {
  const base = { userPoolId: POOL_ID, clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET };

  /** Answers SOFTWARE_TOKEN_MFA with the code of now (the pool runs on the real clock here). */
  async function finishTotp(step: SignInStep): Promise<SignInStep> {
    if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    return step.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, new Date()) });
  }

  it('with the runtime fetch through `send`: SRP by alias, then TOTP; a wrong password is CognitoServiceError with its request id', async () => {
    const alice = await signIn({ ...base, send: senders, username: 'alice@example.com', password: PASSWORD });
    expect(alice.signedIn && alice.username).toBe('alice');
    const tom = await finishTotp(await signIn({ ...base, send: senders, username: 'tom', password: PASSWORD }));
    expect(tom.signedIn).toBe(true);
    const wrong = await refusal(signIn({ ...base, send: senders, username: 'tom', password: 'Wrong horse 1!' }));
    expect(wrong).toBeInstanceOf(CognitoServiceError);
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', status: 400, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('with the AWS SDK v3 as the transport, public and Admin (SigV4-signed by the SDK)', async () => {
    const cognito = new CognitoIdentityProviderClient({
      endpoint: new URL(served.url).origin,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      maxAttempts: 1,
    });
    try {
      const viaSdk: PublicSenders = {
        InitiateAuth: (request) => cognito.send(new InitiateAuthCommand(request)),
        RespondToAuthChallenge: (request) => cognito.send(new RespondToAuthChallengeCommand(request)),
      };
      expect((await finishTotp(await signIn({ ...base, send: viaSdk, username: 'tom', password: PASSWORD }))).signedIn).toBe(true);
      const adminViaSdk: AdminSenders = {
        AdminInitiateAuth: (request) => cognito.send(new AdminInitiateAuthCommand(request)),
        AdminRespondToAuthChallenge: (request) => cognito.send(new AdminRespondToAuthChallengeCommand(request)),
      };
      const admin = await signIn({ ...base, send: adminViaSdk, username: 'alice@example.com', password: PASSWORD });
      expect(admin.signedIn && admin.authenticationResult.TokenType).toBe('Bearer');
      expect(admin.username).toBe('alice');
      const refused = await refusal(signIn({ ...base, send: adminViaSdk, username: 'alice@example.com', password: 'Wrong horse 1!' }));
      expect(refused).toMatchObject({ name: 'NotAuthorizedException' });
    } finally {
      cognito.destroy();
    }
  });
});

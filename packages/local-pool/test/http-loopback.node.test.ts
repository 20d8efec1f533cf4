// Node only: the pool served by node:http on loopback (as `cognito-kit serve` serves it) and reached over real HTTP
// by the runtime's fetch: the sign-in loop, GetUser, the JWKS route feeding aws-jwt-verify (which verifies the pool's
// tokens unchanged), the body limit and a CORS preflight.
import { send, type Destination } from '@cognito-kit/request-builder';
import { signIn, type PublicSenders } from '@cognito-kit/request-builder/sign-in';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, createLocalUserPools } from '../src/index.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicConfig } from './helpers/harness.js';
import { serve, type Served } from './helpers/node-server.js';

const pools = createLocalUserPools(basicConfig());
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

// aws-jwt-verify 5.2.1 (CognitoJwtVerifier) verifies, unchanged, the ID and access tokens that `cognito-kit serve`
// issued to four clients: amazon-cognito-identity-js (with a remembered device: device_key), the AWS SDK v3,
// Amplify v6 and the request builder. The verifier gets the pool's published JWKS through `cacheJwks` (it would
// otherwise fetch https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/jwks.json, Cognito's own host);
// the tokens are checked against what Cognito puts in them, and tokens of another pool, another client, the other
// token_use or with a changed payload are refused.
import { CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { send } from '@cognito-kit/request-builder';
import { signIn as builderSignIn } from '@cognito-kit/request-builder/sign-in';
import { createSrpSession, respondToPasswordVerifier } from '@cognito-kit/srp';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession, type ICognitoStorage } from 'amazon-cognito-identity-js';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn as amplifySignIn, signOut as amplifySignOut } from 'aws-amplify/auth';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { CognitoJwtInvalidClientIdError, CognitoJwtInvalidTokenUseError, JwtInvalidSignatureError, ParameterValidationError } from 'aws-jwt-verify/error';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoClaims, fetchJwks, jwtHeader, rejection, useLocalPool } from './js-helpers.js';

const POOL_ONE = 'eu-west-2_JwtPool1';
const CLIENT_ONE = 'jwtclientone0123456789abcd';
const CLIENT_TWO = 'jwtclienttwo0123456789abcd';
const POOL_TWO = 'us-east-1_JwtPool2';
const POOL_TWO_CLIENT = 'jwtotherpoolclient01234567';
const ALICE = { username: 'alice', password: 'Jwt-alice-Pa55word!', email: 'alice@example.com' };
const BOB = { username: 'bob', password: 'Jwt-bob-Pa55word!', email: 'bob@example.org' };
const FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

const pool = useLocalPool({
  userPools: [
    {
      id: POOL_ONE,
      deviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
      clients: [
        { id: CLIENT_ONE, explicitAuthFlows: FLOWS },
        { id: CLIENT_TWO, explicitAuthFlows: FLOWS },
      ],
      users: [{ username: ALICE.username, password: ALICE.password, attributes: { email: ALICE.email } }],
    },
    {
      id: POOL_TWO,
      clients: [{ id: POOL_TWO_CLIENT, explicitAuthFlows: FLOWS }],
      users: [{ username: BOB.username, password: BOB.password, attributes: { email: BOB.email } }],
    },
  ],
});

interface Tokens {
  idToken: string;
  accessToken: string;
}

/** The tokens each client got, filled in beforeAll. */
const issued: Record<'identityJs' | 'sdk' | 'amplify' | 'builder', Tokens> = {} as never;
let identityJsDeviceKey = '';

class MapStorage implements ICognitoStorage {
  private readonly items = new Map<string, string>();
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

async function identityJsLogin(storage: MapStorage): Promise<CognitoUserSession> {
  const userPool = new CognitoUserPool({ UserPoolId: POOL_ONE, ClientId: CLIENT_ONE, endpoint: pool().url, Storage: storage });
  const user = new CognitoUser({ Username: ALICE.username, Pool: userPool, Storage: storage });
  return new Promise((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: ALICE.username, Password: ALICE.password }), { onSuccess: resolve, onFailure: reject }),
  );
}

beforeAll(async () => {
  // amazon-cognito-identity-js: the first login confirms the device, the second proves it (device_key in the token).
  const storage = new MapStorage();
  await identityJsLogin(storage);
  identityJsDeviceKey = storage.getItem(`CognitoIdentityServiceProvider.${CLIENT_ONE}.alice.deviceKey`) ?? '';
  expect(identityJsDeviceKey).not.toBe('');
  const session = await identityJsLogin(storage);
  issued.identityJs = { idToken: session.getIdToken().getJwtToken(), accessToken: session.getAccessToken().getJwtToken() };

  // The AWS SDK v3 with @cognito-kit/srp, on the pool's second client.
  const cognito = new CognitoIdentityProviderClient({ region: 'eu-west-2', endpoint: pool().url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, maxAttempts: 1 });
  const srp = createSrpSession();
  const challenge = await cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: CLIENT_TWO, AuthParameters: { USERNAME: ALICE.username, SRP_A: srp.srpA } }));
  const answer = await cognito.send(
    new RespondToAuthChallengeCommand({
      ChallengeName: 'PASSWORD_VERIFIER',
      ClientId: CLIENT_TWO,
      ChallengeResponses: respondToPasswordVerifier(srp, { userPoolId: POOL_ONE, password: ALICE.password, challengeParameters: challenge.ChallengeParameters }),
    }),
  );
  issued.sdk = { idToken: answer.AuthenticationResult?.IdToken ?? '', accessToken: answer.AuthenticationResult?.AccessToken ?? '' };
  cognito.destroy();

  // Amplify v6, on the other pool.
  Amplify.configure({ Auth: { Cognito: { userPoolId: POOL_TWO, userPoolClientId: POOL_TWO_CLIENT, userPoolEndpoint: pool().url } } });
  expect((await amplifySignIn({ username: BOB.username, password: BOB.password })).isSignedIn).toBe(true);
  const amplifySession = await fetchAuthSession();
  issued.amplify = { idToken: amplifySession.tokens?.idToken?.toString() ?? '', accessToken: amplifySession.tokens?.accessToken.toString() ?? '' };
  // signOut revokes the refresh token (RevokeToken); the JWTs still verify offline until they expire, as Cognito's.
  await amplifySignOut();

  // The request builder's sign-in loop through fetch.
  const destination = { endpoint: pool().url };
  const step = await builderSignIn({
    send: { InitiateAuth: (request) => send('InitiateAuth', request, destination), RespondToAuthChallenge: (request) => send('RespondToAuthChallenge', request, destination) },
    userPoolId: POOL_ONE,
    clientId: CLIENT_ONE,
    username: ALICE.username,
    password: ALICE.password,
  });
  if (!step.signedIn) throw new Error('the request builder did not sign in');
  issued.builder = { idToken: step.authenticationResult.IdToken ?? '', accessToken: step.authenticationResult.AccessToken ?? '' };
}, 60_000);

function verifiers(userPoolId: string, clientId: string) {
  return {
    id: CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId }),
    access: CognitoJwtVerifier.create({ userPoolId, tokenUse: 'access', clientId }),
  };
}

/** Verifiers for a pool and client, given the pool's JWKS as served by the local pool. */
async function verifiersWithJwks(userPoolId: string, clientId: string) {
  const jwks = await fetchJwks(pool().url, userPoolId);
  const made = verifiers(userPoolId, clientId);
  made.id.cacheJwks(jwks as never);
  made.access.cacheJwks(jwks as never);
  return made;
}

describe('aws-jwt-verify verifies the tokens of cognito-kit serve', () => {
  it('publishes openid-configuration and a JWKS of two RS256 keys whose kids sign the ID and the access tokens', async () => {
    const response = await fetch(`${pool().url}/${POOL_ONE}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const issuer = `https://cognito-idp.eu-west-2.amazonaws.com/${POOL_ONE}`;
    expect(await response.json()).toMatchObject({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json`, id_token_signing_alg_values_supported: ['RS256'], subject_types_supported: ['public'] });
    const other = (await (await fetch(`${pool().url}/${POOL_TWO}/.well-known/openid-configuration`)).json()) as { issuer: string };
    expect(other.issuer).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${POOL_TWO}`);

    const jwks = await fetchJwks(pool().url, POOL_ONE);
    expect(jwks.keys).toHaveLength(2);
    for (const key of jwks.keys) expect(key).toMatchObject({ alg: 'RS256', kty: 'RSA', e: 'AQAB', use: 'sig', kid: expect.any(String), n: expect.any(String) });
    const kids = jwks.keys.map((key) => key.kid);
    expect(kids).toContain(jwtHeader(issued.sdk.idToken).kid);
    expect(kids).toContain(jwtHeader(issued.sdk.accessToken).kid);
    const otherKids = (await fetchJwks(pool().url, POOL_TWO)).keys.map((key) => key.kid);
    expect(otherKids.some((kid) => kids.includes(kid))).toBe(false);
    expect((await fetch(`${pool().url}/eu-west-2_NoSuchPool/.well-known/jwks.json`)).status).toBe(404);
  });

  it('amazon-cognito-identity-js tokens (remembered device) verify, with Cognito claims and device_key', async () => {
    const { id, access } = await verifiersWithJwks(POOL_ONE, CLIENT_ONE);
    const idPayload = await id.verify(issued.identityJs.idToken);
    const accessPayload = await access.verify(issued.identityJs.accessToken);
    expect(idPayload.email).toBe(ALICE.email);
    expect(accessPayload.device_key).toBe(identityJsDeviceKey);
    expectCognitoClaims(issued.identityJs.idToken, issued.identityJs.accessToken, { userPoolId: POOL_ONE, clientId: CLIENT_ONE, username: 'alice', email: ALICE.email, deviceKey: identityJsDeviceKey });
  });

  it('AWS SDK v3 tokens verify for their client (the pool\'s second) and are refused for the first', async () => {
    const mine = await verifiersWithJwks(POOL_ONE, CLIENT_TWO);
    expect((await mine.id.verify(issued.sdk.idToken)).aud).toBe(CLIENT_TWO);
    expect((await mine.access.verify(issued.sdk.accessToken)).client_id).toBe(CLIENT_TWO);
    const sdkDeviceKey = (JSON.parse(Buffer.from(issued.sdk.accessToken.split('.')[1] ?? '', 'base64url').toString()) as { device_key?: string }).device_key;
    expectCognitoClaims(issued.sdk.idToken, issued.sdk.accessToken, { userPoolId: POOL_ONE, clientId: CLIENT_TWO, username: 'alice', email: ALICE.email, deviceKey: sdkDeviceKey });

    const others = await verifiersWithJwks(POOL_ONE, CLIENT_ONE);
    expect(await rejection(others.id.verify(issued.sdk.idToken))).toBeInstanceOf(CognitoJwtInvalidClientIdError);
    expect(await rejection(others.access.verify(issued.sdk.accessToken))).toBeInstanceOf(CognitoJwtInvalidClientIdError);
  });

  it('Amplify v6 tokens verify for their pool (us-east-1) and are refused by the other pool\'s verifier', async () => {
    const mine = await verifiersWithJwks(POOL_TWO, POOL_TWO_CLIENT);
    expect((await mine.id.verify(issued.amplify.idToken))['cognito:username']).toBe('bob');
    expect((await mine.access.verify(issued.amplify.accessToken)).username).toBe('bob');
    expectCognitoClaims(issued.amplify.idToken, issued.amplify.accessToken, { userPoolId: POOL_TWO, clientId: POOL_TWO_CLIENT, username: 'bob', email: BOB.email });

    // A verifier of the other pool does not know the token's issuer: refused before any key is looked up.
    const poolOne = await verifiersWithJwks(POOL_ONE, POOL_TWO_CLIENT);
    for (const refused of [await rejection(poolOne.id.verify(issued.amplify.idToken)), await rejection(poolOne.access.verify(issued.amplify.accessToken))]) {
      expect(refused).toBeInstanceOf(ParameterValidationError);
      expect(refused.message).toBe(`issuer not configured: https://cognito-idp.us-east-1.amazonaws.com/${POOL_TWO}`);
    }
  });

  it('request builder tokens verify; an ID token is refused as an access token, and a changed payload is refused', async () => {
    const { id, access } = await verifiersWithJwks(POOL_ONE, CLIENT_ONE);
    await id.verify(issued.builder.idToken);
    await access.verify(issued.builder.accessToken);
    expect(await rejection(access.verify(issued.builder.idToken))).toBeInstanceOf(CognitoJwtInvalidTokenUseError);
    expect(await rejection(id.verify(issued.builder.accessToken))).toBeInstanceOf(CognitoJwtInvalidTokenUseError);

    // The payload changed (another username), the signature kept: refused.
    const [header = '', payload = '', signature = ''] = issued.builder.idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, 'cognito:username': 'mallory' })).toString('base64url')}.${signature}`;
    expect(await rejection(id.verify(forged))).toBeInstanceOf(JwtInvalidSignatureError);
  });
});

// Node only: aws-jwt-verify 5.2.1, the verifier AWS publishes, checks the pool's tokens unchanged. It fetches a JWKS
// only from Cognito's own host, so each verifier is given ours with cacheJwks, and its JWKS cache gets a fetcher that
// records and refuses every download: a test that would reach the network fails instead.
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { describe, expect, it } from 'vitest';
import { createPoolTokens } from '../src/tokens.js';
import type { PoolTokens, TokenSession, TokenSubject } from '../src/tokens.js';

const userPoolId = 'eu-west-2_LocalPool1';
const clientId = 'localclient0123456789abcd';
const sub = '7d8e4c2a-1b3f-4e5a-9c6d-0f1e2d3c4b5a';

const subject: TokenSubject = {
  sub,
  username: 'alice',
  attributes: { email: 'alice@example.com', email_verified: 'true', 'custom:tier': 'gold' },
  groups: ['admins'],
};

function sessionAt(authTime: Date, client = clientId): TokenSession {
  return { clientId: client, authTime, originJti: crypto.randomUUID(), eventId: crypto.randomUUID(), deviceKey: 'eu-west-2_device' };
}

const tokens = createPoolTokens({ userPoolId });
const downloads: string[] = [];

async function verifierFor(tokenUse: 'id' | 'access', pool: PoolTokens = tokens) {
  const jwksCache = new SimpleJwksCache({
    fetcher: {
      fetch: async (uri: string) => {
        downloads.push(uri);
        throw new Error(`no network in this test: ${uri}`);
      },
    },
  });
  const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse, clientId }, { jwksCache });
  verifier.cacheJwks(await pool.jwks());
  return verifier;
}

describe('aws-jwt-verify 5.2.1 and the pool tokens', () => {
  it('reads the header as Cognito writes it (decomposeUnverifiedJwt)', async () => {
    const { idToken, accessToken } = await tokens.issue(subject, sessionAt(new Date()), new Date());
    const kids = (await tokens.jwks()).keys.map((key) => key.kid);
    const id = decomposeUnverifiedJwt(idToken);
    const access = decomposeUnverifiedJwt(accessToken);
    expect(id.header).toEqual({ kid: kids[0], alg: 'RS256' });
    expect(access.header).toEqual({ kid: kids[1], alg: 'RS256' });
    expect(Object.keys(access.header)).toEqual(['kid', 'alg']);
    expect(id.payload['token_use']).toBe('id');
    expect(access.payload['token_use']).toBe('access');
  });

  it('verifies the ID token and the access token unchanged, offline', async () => {
    const now = new Date();
    const { idToken, accessToken } = await tokens.issue(subject, sessionAt(now), now);
    const idPayload = await (await verifierFor('id')).verify(idToken);
    expect(idPayload).toMatchObject({
      sub, aud: clientId, token_use: 'id', 'cognito:username': 'alice', email: 'alice@example.com', email_verified: true,
      'cognito:groups': ['admins'], iss: tokens.issuer,
    });
    const accessPayload = await (await verifierFor('access')).verify(accessToken);
    expect(accessPayload).toMatchObject({
      sub, client_id: clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin', username: 'alice',
      device_key: 'eu-west-2_device', iss: tokens.issuer,
    });
    expect(downloads).toEqual([]);
  });

  it('verifies tokens of a later refresh (same keys, same auth_time)', async () => {
    const signIn = new Date(Date.now() - 50 * 60_000);
    const later = new Date();
    const { idToken, accessToken } = await tokens.issue(subject, sessionAt(signIn), later);
    expect((await (await verifierFor('id')).verify(idToken)).auth_time).toBe(Math.floor(signIn.getTime() / 1000));
    expect((await (await verifierFor('access')).verify(accessToken)).iat).toBe(Math.floor(later.getTime() / 1000));
    expect(downloads).toEqual([]);
  });

  it('refuses a token of another pool', async () => {
    const now = new Date();
    const other = createPoolTokens({ userPoolId: 'eu-west-2_OtherPool2' });
    const { idToken, accessToken } = await other.issue(subject, sessionAt(now), now);
    await expect((await verifierFor('id')).verify(idToken)).rejects.toThrow();
    await expect((await verifierFor('access')).verify(accessToken)).rejects.toThrow();
    // Same pool id and issuer, other keys: the kid is not in the JWKS, so it tries Cognito's host, which we refuse.
    const twin = createPoolTokens({ userPoolId });
    const fromTwin = await twin.issue(subject, sessionAt(now), now);
    downloads.length = 0;
    await expect((await verifierFor('access')).verify(fromTwin.accessToken)).rejects.toThrow();
    expect(downloads).toEqual([`${tokens.issuer}/.well-known/jwks.json`]);
    downloads.length = 0;
  });

  it('refuses a token for another client id', async () => {
    const now = new Date();
    const { idToken, accessToken } = await tokens.issue(subject, sessionAt(now, 'anotherclient0123456789ab'), now);
    await expect((await verifierFor('id')).verify(idToken)).rejects.toThrow(/audience/i);
    await expect((await verifierFor('access')).verify(accessToken)).rejects.toThrow(/client/i);
  });

  it('refuses an expired token', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const { idToken, accessToken } = await tokens.issue(subject, sessionAt(twoHoursAgo), twoHoursAgo);
    await expect((await verifierFor('id')).verify(idToken)).rejects.toThrow(/expired/i);
    await expect((await verifierFor('access')).verify(accessToken)).rejects.toThrow(/expired/i);
  });

  it('refuses an ID token given to the access verifier, and the reverse', async () => {
    const now = new Date();
    const { idToken, accessToken } = await tokens.issue(subject, sessionAt(now), now);
    await expect((await verifierFor('access')).verify(idToken)).rejects.toThrow(/token use/i);
    await expect((await verifierFor('id')).verify(accessToken)).rejects.toThrow(/token use/i);
    expect(downloads).toEqual([]);
  });
});

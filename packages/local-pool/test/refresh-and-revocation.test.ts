// Refresh, GetUser, RevokeToken and GlobalSignOut: refresh tokens bound to their client, SECRET_HASH over the real
// username or sub, revocation reaching every access token of a sign-in (origin_jti). Portable.
import { buildInitiateAuth, send } from '@cognito-kit/request-builder';
import { signIn } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  DESTINATION,
  PASSWORD,
  POOL_ID,
  SECRET_CLIENT_ID,
  basicConfig,
  claimsOf,
  refusal,
  setUp,
  type Harness,
} from './helpers/harness.js';

async function tokensOf(h: Harness, options: { clientId?: string; clientSecret?: string; username?: string } = {}) {
  const client = options.clientSecret === undefined ? { clientId: options.clientId ?? CLIENT_ID } : { clientId: options.clientId ?? CLIENT_ID, clientSecret: options.clientSecret };
  const step = await signIn({ send: h.senders, userPoolId: POOL_ID, ...client, username: options.username ?? 'alice', password: PASSWORD, now: h.now });
  if (!step.signedIn) throw new Error(step.challengeName);
  return { ...step.authenticationResult, username: step.username, AccessToken: step.authenticationResult.AccessToken ?? '', RefreshToken: step.authenticationResult.RefreshToken ?? '' };
}

function refresh(h: Harness, refreshToken: string, options: { clientId?: string; clientSecret?: string; username?: string } = {}) {
  const clientId = options.clientId ?? CLIENT_ID;
  const secret = options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret, username: options.username ?? 'alice' };
  return send('InitiateAuth', buildInitiateAuth({ authFlow: 'REFRESH_TOKEN_AUTH', clientId, refreshToken, ...secret }).request, DESTINATION, h.options);
}

describe('refresh', () => {
  it('new ID and access tokens, no refresh token; auth_time and origin_jti kept, jti new', async () => {
    const h = setUp(basicConfig());
    const first = await tokensOf(h);
    h.advance(10 * 60_000);
    const reply = await refresh(h, first.RefreshToken);
    expect(Object.keys(reply.AuthenticationResult ?? {}).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'TokenType']);
    const before = claimsOf(first.AccessToken);
    const after = claimsOf(reply.AuthenticationResult?.AccessToken);
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.jti).not.toBe(before.jti);
    expect(after.iat).toBe(Number(before.iat) + 600);
    const flow = await send('InitiateAuth', buildInitiateAuth({ authFlow: 'REFRESH_TOKEN', clientId: CLIENT_ID, refreshToken: first.RefreshToken }).request, DESTINATION, h.options);
    expect(flow.AuthenticationResult?.IdToken).toBeDefined();
  });

  it('with a secret, SECRET_HASH over the username or the sub; in an e-mail pool the sub, not the e-mail', async () => {
    const h = setUp(basicConfig());
    const first = await tokensOf(h, { clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET });
    const sub = h.pools.getUser(POOL_ID, 'alice')?.sub ?? '';
    for (const username of ['alice', sub]) expect((await refresh(h, first.RefreshToken, { clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET, username })).AuthenticationResult).toBeDefined();

    const email = setUp(basicConfig({ usernameAttributes: ['email'], users: [{ username: 'alice@example.com', password: PASSWORD }] }));
    const byEmail = await tokensOf(email, { clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET, username: 'alice@example.com' });
    expect((await refresh(email, byEmail.RefreshToken, { clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET, username: byEmail.username })).AuthenticationResult).toBeDefined();
    expect(await refusal(refresh(email, byEmail.RefreshToken, { clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET, username: 'alice@example.com' }))).toMatchObject({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${SECRET_CLIENT_ID}`,
    });
  });

  it('an unknown token, another client`s, an expired one', async () => {
    const h = setUp(basicConfig());
    const first = await tokensOf(h);
    expect(await refusal(refresh(h, 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.made-up'))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
    expect(await refusal(refresh(h, first.RefreshToken, { clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET }))).toMatchObject({ message: 'Refresh Token has different Client' });
    h.advance(30 * 24 * 60 * 60_000 + 1000);
    expect(await refusal(refresh(h, first.RefreshToken))).toMatchObject({ message: 'Refresh Token has expired' });
  });
});

describe('GetUser', () => {
  it('Username and UserAttributes (sub first) for a valid access token', async () => {
    const h = setUp(basicConfig());
    const { AccessToken } = await tokensOf(h);
    const reply = await h.call('GetUser', { AccessToken });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      Username: 'alice',
      UserAttributes: [
        { Name: 'sub', Value: h.pools.getUser(POOL_ID, 'alice')?.sub },
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'name', Value: 'Alice' },
        { Name: 'email_verified', Value: 'true' },
      ],
    });
  });

  it('a token that is not the pool`s, or expired, is refused', async () => {
    const h = setUp(basicConfig());
    const { AccessToken, IdToken } = await tokensOf(h);
    expect((await h.call('GetUser', { AccessToken: 'not.a.token' })).body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Access Token' });
    expect((await h.call('GetUser', { AccessToken: IdToken })).body.message).toBe('Invalid Access Token');
    const [header, payload, signature] = AccessToken.split('.');
    const forged = [header, payload?.slice(0, -2) + (payload?.endsWith('AA') ? 'BB' : 'AA'), signature].join('.');
    expect((await h.call('GetUser', { AccessToken: forged })).body.message).toBe('Invalid Access Token');
    h.advance(3600_000);
    expect((await h.call('GetUser', { AccessToken })).body).toEqual({ __type: 'NotAuthorizedException', message: 'Access Token has expired' });
  });
});

describe('RevokeToken and GlobalSignOut', () => {
  it('RevokeToken revokes the refresh token and every access token of its sign-in, not the user`s other sign-ins', async () => {
    const h = setUp(basicConfig());
    const one = await tokensOf(h);
    const other = await tokensOf(h);
    const refreshed = (await refresh(h, one.RefreshToken)).AuthenticationResult?.AccessToken ?? '';
    expect((await h.call('RevokeToken', { Token: one.RefreshToken, ClientId: CLIENT_ID })).body).toEqual({});
    expect(await refusal(refresh(h, one.RefreshToken))).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    for (const AccessToken of [one.AccessToken, refreshed]) {
      expect((await h.call('GetUser', { AccessToken })).body).toEqual({ __type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    }
    expect((await h.call('GetUser', { AccessToken: other.AccessToken })).status).toBe(200);
    expect((await refresh(h, other.RefreshToken)).AuthenticationResult).toBeDefined();
    expect((await h.call('RevokeToken', { Token: 'unknown.refresh.token', ClientId: CLIENT_ID })).body).toEqual({});
  });

  it('a client with a secret must send it; a client without revocation refuses', async () => {
    const config = basicConfig();
    const pool = config.userPools[0];
    pool?.clients.push({ id: 'norevocation0123456789abc', enableTokenRevocation: false, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    const h = setUp(config);
    const secret = await tokensOf(h, { clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET });
    expect((await h.call('RevokeToken', { Token: secret.RefreshToken, ClientId: SECRET_CLIENT_ID })).body.__type).toBe('UnauthorizedException');
    expect((await h.call('RevokeToken', { Token: secret.RefreshToken, ClientId: SECRET_CLIENT_ID, ClientSecret: CLIENT_SECRET })).body).toEqual({});
    const plain = await tokensOf(h);
    expect((await h.call('RevokeToken', { Token: plain.RefreshToken, ClientId: SECRET_CLIENT_ID, ClientSecret: CLIENT_SECRET })).body.__type).toBe('UnauthorizedException');
    const kept = await tokensOf(h, { clientId: 'norevocation0123456789abc' });
    expect((await h.call('RevokeToken', { Token: kept.RefreshToken, ClientId: 'norevocation0123456789abc' })).body.__type).toBe('UnsupportedOperationException');
  });

  it('GlobalSignOut revokes every token of the user; a new sign-in works', async () => {
    const h = setUp(basicConfig());
    const one = await tokensOf(h);
    const two = await tokensOf(h);
    expect((await h.call('GlobalSignOut', { AccessToken: one.AccessToken })).body).toEqual({});
    for (const { AccessToken, RefreshToken } of [one, two]) {
      expect((await h.call('GetUser', { AccessToken })).body.message).toBe('Access Token has been revoked');
      expect(await refusal(refresh(h, RefreshToken))).toMatchObject({ message: 'Refresh Token has been revoked' });
    }
    const three = await tokensOf(h);
    expect((await h.call('GetUser', { AccessToken: three.AccessToken })).status).toBe(200);
  });
});

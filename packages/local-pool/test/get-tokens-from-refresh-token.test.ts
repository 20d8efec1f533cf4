// GetTokensFromRefreshToken, the refresh Amplify v6 sends: the same checks as REFRESH_TOKEN_AUTH, with the client
// secret itself instead of a SECRET_HASH, and no new refresh token (rotation is not emulated). Portable.
import { signIn } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, PASSWORD, POOL_ID, SECRET_CLIENT_ID, basicConfig, claimsOf, setUp, type Harness } from './helpers/harness.js';

async function refreshTokenOf(h: Harness, client: { clientId: string; clientSecret?: string }): Promise<string> {
  const step = await signIn({ send: h.senders, userPoolId: POOL_ID, ...client, username: 'alice', password: PASSWORD, now: h.now });
  if (!step.signedIn) throw new Error(step.challengeName);
  return step.authenticationResult.RefreshToken ?? '';
}

describe('GetTokensFromRefreshToken', () => {
  it('returns new ID and access tokens of the same sign-in, without a new refresh token', async () => {
    const h = setUp(basicConfig());
    const refreshToken = await refreshTokenOf(h, { clientId: CLIENT_ID });
    h.advance(60_000);
    const reply = await h.call('GetTokensFromRefreshToken', { ClientId: CLIENT_ID, RefreshToken: refreshToken });
    expect(reply.status).toBe(200);
    const result = reply.body.AuthenticationResult as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'TokenType']);
    expect(claimsOf(String(result.AccessToken))).toMatchObject({ client_id: CLIENT_ID, token_use: 'access', username: 'alice' });
  });

  it('a client with a secret needs the secret itself; a wrong or missing one, or another client, is refused', async () => {
    const h = setUp(basicConfig());
    const refreshToken = await refreshTokenOf(h, { clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET });
    const ok = await h.call('GetTokensFromRefreshToken', { ClientId: SECRET_CLIENT_ID, ClientSecret: CLIENT_SECRET, RefreshToken: refreshToken });
    expect(ok.status).toBe(200);
    const missing = await h.call('GetTokensFromRefreshToken', { ClientId: SECRET_CLIENT_ID, RefreshToken: refreshToken });
    expect([missing.status, missing.body.__type, missing.body.message]).toEqual([400, 'NotAuthorizedException', `Client ${SECRET_CLIENT_ID} is configured with secret but ClientSecret was not received`]);
    const wrong = await h.call('GetTokensFromRefreshToken', { ClientId: SECRET_CLIENT_ID, ClientSecret: 'not the secret of this client', RefreshToken: refreshToken });
    expect([wrong.status, wrong.body.__type]).toEqual([400, 'NotAuthorizedException']);
    const other = await h.call('GetTokensFromRefreshToken', { ClientId: CLIENT_ID, RefreshToken: refreshToken });
    expect(other.body.message).toBe('Refresh Token has different Client');
  });

  it('a revoked, unknown or malformed refresh token is refused', async () => {
    const h = setUp(basicConfig());
    const refreshToken = await refreshTokenOf(h, { clientId: CLIENT_ID });
    expect((await h.call('RevokeToken', { ClientId: CLIENT_ID, Token: refreshToken })).status).toBe(200);
    const revoked = await h.call('GetTokensFromRefreshToken', { ClientId: CLIENT_ID, RefreshToken: refreshToken });
    expect([revoked.body.__type, revoked.body.message]).toEqual(['NotAuthorizedException', 'Refresh Token has been revoked']);
    const unknown = await h.call('GetTokensFromRefreshToken', { ClientId: CLIENT_ID, RefreshToken: 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.unknown' });
    expect(unknown.body.message).toBe('Invalid Refresh Token.');
    const missing = await h.call('GetTokensFromRefreshToken', { ClientId: CLIENT_ID });
    expect(missing.body.__type).toBe('InvalidParameterException');
  });
});

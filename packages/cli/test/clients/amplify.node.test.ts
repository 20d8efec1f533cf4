// Amplify v6 (aws-amplify 6.22.1, `aws-amplify/auth`) against `cognito-kit serve`, over HTTP on loopback:
// `Auth.Cognito.userPoolEndpoint` points it at the local pool. Its signIn uses USER_SRP_AUTH by default and computes
// SRP itself (its own BigInteger and SHA-256), so a login that succeeds here proves the pool's SRP server half
// against a client nobody here wrote.
//
// Amplify on Node (20):
// - It keeps state globally (one signed-in user per process): the cases below run in order, each signing out.
// - Its token storage is `defaultStorage`, which uses `window.localStorage` when there is one and falls back to an
//   in-memory store otherwise: on Node the tokens live in this process's memory only (checked below).
// - It logs a [WARN] line about the custom endpoint (userPoolEndpoint is meant for testing, as here).
// - It cannot confirm a device: getNewDeviceMetadata calls getDeviceName(), which reads the browser's `navigator`,
//   and swallows the failure. So this pool does not track devices; devices are proved with
//   amazon-cognito-identity-js and the request builder.
// - It has no client-secret support (a browser or phone client has no secret): SECRET_HASH is proved with the AWS
//   SDK v3 and the request builder instead.
import { buildInitiateAuth, send } from '@cognito-kit/request-builder';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, fetchUserAttributes, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { defaultStorage } from 'aws-amplify/utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { awayFromStepEdge, expectCognitoClaims, expectLogLine, jwtPayload, recordFetch, rejection, totp, useLocalPool, wrongTotp, type FetchRecorder } from './js-helpers.js';

const POOL_ID = 'eu-west-2_AmplifyPool1';
const CLIENT_ID = 'amplifywebclient0123456789';
const ALICE = { username: 'alice', password: 'Amplify-alice-Pa55!', email: 'alice@example.com' };
const NORA = { username: 'nora', temporary: 'Temporary-nora-1!', newPassword: 'Chosen-by-nora-2@' };
const TOM = { username: 'tom', password: 'Amplify-tom-Pa55!', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DP' };

const pool = useLocalPool(
  {
    userPools: [
      {
        id: POOL_ID,
        clients: [{ id: CLIENT_ID, name: 'amplify web', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
        users: [
          { username: ALICE.username, password: ALICE.password, attributes: { email: ALICE.email } },
          { username: NORA.username, password: NORA.temporary, status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'nora@example.com' } },
          { username: TOM.username, password: TOM.password, totpSecret: TOM.totpSecret },
        ],
      },
    ],
  },
  () => [NORA.newPassword],
);

let recorder: FetchRecorder;
beforeAll(() => {
  recorder = recordFetch();
  Amplify.configure({ Auth: { Cognito: { userPoolId: POOL_ID, userPoolClientId: CLIENT_ID, userPoolEndpoint: pool().url } } });
});
afterAll(() => recorder.restore());

// Each case starts signed out, whatever the one before left (Amplify holds one signed-in user per process).
beforeEach(async () => {
  const signedIn = await getCurrentUser().then(
    () => true,
    () => false,
  );
  if (signedIn) await signOut();
});

/** The refresh token Amplify received in the last login (Amplify does not hand it out: read off the wire). */
function lastRefreshToken(): string {
  const withTokens = recorder.calls.filter((call) => call.response.AuthenticationResult !== undefined).at(-1);
  const result = withTokens?.response.AuthenticationResult as { RefreshToken?: string } | undefined;
  expect(result?.RefreshToken).toBeTypeOf('string');
  return result?.RefreshToken ?? '';
}

describe('Amplify v6 signIn against cognito-kit serve', () => {
  it('signs in with USER_SRP_AUTH (its default): getCurrentUser and fetchAuthSession show the user, tokens in memory', async () => {
    recorder.clear();
    const mark = pool().log().length;
    const result = await signIn({ username: ALICE.username, password: ALICE.password });
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(recorder.sequence()).toEqual(['InitiateAuth(USER_SRP_AUTH) -> PASSWORD_VERIFIER', 'RespondToAuthChallenge(PASSWORD_VERIFIER) -> tokens']);
    await expectLogLine(pool(), /alice signed in to eu-west-2_AmplifyPool1 with amplifywebclient0123456789 \(USER_SRP_AUTH\)/, mark);

    const user = await getCurrentUser();
    const session = await fetchAuthSession();
    const idToken = session.tokens?.idToken?.toString();
    const accessToken = session.tokens?.accessToken.toString();
    expect(user.username).toBe('alice');
    expect(user.userId).toBe(jwtPayload(idToken).sub);
    expect(session.tokens?.idToken?.payload['cognito:username']).toBe('alice');
    expectCognitoClaims(idToken, accessToken, { userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', email: ALICE.email });

    // GetUser with Amplify's access token.
    expect(await fetchUserAttributes()).toMatchObject({ email: ALICE.email, email_verified: 'true', sub: user.userId });

    // No window on Node: defaultStorage fell back to an in-memory store, and that is where the tokens are.
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(await defaultStorage.getItem(`CognitoIdentityServiceProvider.${CLIENT_ID}.alice.accessToken`)).toBe(accessToken);
  });

  it('refreshes through the pool with fetchAuthSession({ forceRefresh: true }) (GetTokensFromRefreshToken)', async () => {
    await signIn({ username: ALICE.username, password: ALICE.password });
    const before = await fetchAuthSession();
    recorder.clear();
    const refreshed = await fetchAuthSession({ forceRefresh: true });
    expect(recorder.sequence()).toEqual(['GetTokensFromRefreshToken -> tokens']);
    const newAccess = refreshed.tokens?.accessToken;
    expect(newAccess?.toString()).not.toBe(before.tokens?.accessToken.toString());
    expect(newAccess?.payload.origin_jti).toBe(before.tokens?.accessToken.payload.origin_jti);
    expect(newAccess?.payload.auth_time).toBe(before.tokens?.accessToken.payload.auth_time);
  });

  it('signOut revokes the refresh token (RevokeToken): it is then refused', async () => {
    recorder.clear();
    await signIn({ username: ALICE.username, password: ALICE.password });
    expect((await getCurrentUser()).username).toBe('alice');
    const refreshToken = lastRefreshToken();
    recorder.clear();
    await signOut();
    // Amplify swallows a RevokeToken failure: the wire shows it was accepted.
    expect(recorder.sequence()).toEqual(['RevokeToken -> 200']);
    expect((await rejection(getCurrentUser())).name).toBe('UserUnAuthenticatedException');
    const refresh = buildInitiateAuth({ authFlow: 'REFRESH_TOKEN_AUTH', clientId: CLIENT_ID, refreshToken });
    const refused = await rejection(send('InitiateAuth', refresh.request, { endpoint: pool().url }));
    expect([refused.name, refused.message]).toEqual(['NotAuthorizedException', 'Refresh Token has been revoked']);
  });

  it('refuses a wrong password with NotAuthorizedException and stays signed out', async () => {
    recorder.clear();
    const error = await rejection(signIn({ username: ALICE.username, password: `${ALICE.password}x` }));
    expect([error.name, error.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.']);
    expect(recorder.sequence()).toEqual(['InitiateAuth(USER_SRP_AUTH) -> PASSWORD_VERIFIER', 'RespondToAuthChallenge(PASSWORD_VERIFIER) -> NotAuthorizedException']);
    expect((await rejection(getCurrentUser())).name).toBe('UserUnAuthenticatedException');
    // An unknown user gets the same answer (preventUserExistenceErrors ENABLED, the console's default).
    const unknown = await rejection(signIn({ username: 'nobody', password: ALICE.password }));
    expect([unknown.name, unknown.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.']);
  });

  it('answers NEW_PASSWORD_REQUIRED for a FORCE_CHANGE_PASSWORD user with confirmSignIn; the new password then works', async () => {
    recorder.clear();
    const first = await signIn({ username: NORA.username, password: NORA.temporary });
    expect(first.isSignedIn).toBe(false);
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    const done = await confirmSignIn({ challengeResponse: NORA.newPassword });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(recorder.sequence()).toEqual([
      'InitiateAuth(USER_SRP_AUTH) -> PASSWORD_VERIFIER',
      'RespondToAuthChallenge(PASSWORD_VERIFIER) -> NEW_PASSWORD_REQUIRED',
      'RespondToAuthChallenge(NEW_PASSWORD_REQUIRED) -> tokens',
    ]);
    expect((await getCurrentUser()).username).toBe('nora');
    await signOut();

    expect(await signIn({ username: NORA.username, password: NORA.newPassword })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect((await getCurrentUser()).username).toBe('nora');
    await signOut();
    const old = await rejection(signIn({ username: NORA.username, password: NORA.temporary }));
    expect([old.name, old.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.']);
  });

  it('answers SOFTWARE_TOKEN_MFA with an RFC 6238 code through confirmSignIn; a wrong code is CodeMismatchException', async () => {
    await awayFromStepEdge();
    const wrong = await signIn({ username: TOM.username, password: TOM.password });
    expect(wrong.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    const mismatch = await rejection(confirmSignIn({ challengeResponse: wrongTotp(TOM.totpSecret) }));
    expect(mismatch.name).toBe('CodeMismatchException');
    expect((await rejection(getCurrentUser())).name).toBe('UserUnAuthenticatedException');

    await awayFromStepEdge();
    recorder.clear();
    const step = await signIn({ username: TOM.username, password: TOM.password });
    expect(step.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    const done = await confirmSignIn({ challengeResponse: totp(TOM.totpSecret) });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(recorder.sequence()).toEqual([
      'InitiateAuth(USER_SRP_AUTH) -> PASSWORD_VERIFIER',
      'RespondToAuthChallenge(PASSWORD_VERIFIER) -> SOFTWARE_TOKEN_MFA',
      'RespondToAuthChallenge(SOFTWARE_TOKEN_MFA) -> tokens',
    ]);
    const user = await getCurrentUser();
    expect(user.username).toBe('tom');
    const session = await fetchAuthSession();
    expect(session.tokens?.accessToken.payload.username).toBe('tom');
  });

  it('signOut({ global: true }) sends GlobalSignOut: the old access token is then refused by GetUser', async () => {
    await signIn({ username: ALICE.username, password: ALICE.password });
    const accessToken = (await fetchAuthSession()).tokens?.accessToken.toString() ?? '';
    recorder.clear();
    await signOut({ global: true });
    expect(recorder.sequence()).toEqual(['GlobalSignOut -> 200']);
    const response = await fetch(pool().url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.GetUser' },
      body: JSON.stringify({ AccessToken: accessToken }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
  });
});

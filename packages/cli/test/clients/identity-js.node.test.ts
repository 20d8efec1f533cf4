// amazon-cognito-identity-js 6.3.21 against `cognito-kit serve` over HTTP on loopback (`new CognitoUserPool({
// UserPoolId, ClientId, endpoint })`). It computes SRP itself (its own BigInteger, crypto-js-free SHA-256), confirms a
// new device by itself after a login that returns NewDeviceMetadata (ConfirmDevice with its own device verifier),
// and proves the device on the next login (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER).
//
// Its storage: without `Storage` it uses window.localStorage, or on Node a module-global in-memory object shared by
// every pool and user of the process. Here each case gives CognitoUserPool and CognitoUser a `Storage` of its own
// (a Map), so the device keys it writes persist from the first login to the second and can be read and tampered with.
//
// It has no client-secret support (a browser or phone client has no secret): against a client with a secret it can
// only be refused (checked below); SECRET_HASH is proved with the AWS SDK v3 and the request builder.
import { buildInitiateAuth, send } from '@cognito-kit/request-builder';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserAttribute,
  type CognitoUserSession,
  type ICognitoStorage,
} from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awayFromStepEdge, expectCognitoClaims, expectLogLine, jwtPayload, recordFetch, rejection, totp, useLocalPool, type FetchRecorder } from './js-helpers.js';

const POOL_ID = 'eu-west-2_IdentityJs1';
const CLIENT_ID = 'identityjsclient0123456789';
const SECRET_CLIENT_ID = 'identityjssecretclient0123';
const ALICE = { username: 'alice', password: 'IdentityJs-alice-Pa55!', email: 'alice@example.com' };
const NORA = { username: 'nora', temporary: 'Temporary-nora-1!', newPassword: 'Chosen-by-nora-2@' };
const TOM = { username: 'tom', password: 'IdentityJs-tom-Pa55!', totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };

const pool = useLocalPool(
  {
    userPools: [
      {
        id: POOL_ID,
        deviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
        clients: [
          { id: CLIENT_ID, name: 'identity-js web', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
          { id: SECRET_CLIENT_ID, name: 'with a secret', secret: 'identityjs0secret0that0no0browser0has0123456', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
        ],
        users: [
          { username: ALICE.username, password: ALICE.password, attributes: { email: ALICE.email } },
          { username: NORA.username, password: NORA.temporary, status: 'FORCE_CHANGE_PASSWORD' },
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
});
afterAll(() => recorder.restore());

/** ICognitoStorage over a Map: one per "browser", kept across logins. */
class MapStorage implements ICognitoStorage {
  readonly items = new Map<string, string>();
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

/** How authenticateUser (or an answer) ended: the session, or the challenge handed to the app. */
type Outcome =
  | { kind: 'signed-in'; session: CognitoUserSession; userConfirmationNecessary: boolean | undefined }
  | { kind: 'new-password'; userAttributes: Record<string, string>; requiredAttributes: string[] }
  | { kind: 'totp'; challengeParameters: Record<string, string> }
  | { kind: 'other'; name: string };

function callbacks(resolve: (outcome: Outcome) => void, reject: (error: Error) => void) {
  return {
    onSuccess: (session: CognitoUserSession, userConfirmationNecessary?: boolean) => resolve({ kind: 'signed-in', session, userConfirmationNecessary }),
    onFailure: (error: Error) => reject(error),
    newPasswordRequired: (userAttributes: Record<string, string>, requiredAttributes: string[]) => resolve({ kind: 'new-password', userAttributes, requiredAttributes }),
    totpRequired: (_name: string, challengeParameters: Record<string, string>) => resolve({ kind: 'totp', challengeParameters }),
    mfaRequired: (name: string) => resolve({ kind: 'other', name }),
    selectMFAType: (name: string) => resolve({ kind: 'other', name }),
    mfaSetup: (name: string) => resolve({ kind: 'other', name }),
    customChallenge: () => resolve({ kind: 'other', name: 'CUSTOM_CHALLENGE' }),
  };
}

/** A user of a CognitoUserPool pointed at the local pool, with `storage` as its Storage. */
function userOf(username: string, storage: MapStorage, clientId = CLIENT_ID): CognitoUser {
  const userPool = new CognitoUserPool({ UserPoolId: POOL_ID, ClientId: clientId, endpoint: pool().url, Storage: storage });
  return new CognitoUser({ Username: username, Pool: userPool, Storage: storage });
}

/** authenticateUser (USER_SRP_AUTH, identity-js's default flow), as a promise. */
function authenticate(user: CognitoUser, password: string): Promise<Outcome> {
  return new Promise((resolve, reject) => user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), callbacks(resolve, reject)));
}

function signedIn(outcome: Outcome): CognitoUserSession {
  if (outcome.kind !== 'signed-in') throw new Error(`expected a session, got ${outcome.kind}`);
  return outcome.session;
}

/** The device keys identity-js keeps for `username` in `storage`. */
function storedDevice(storage: MapStorage, username: string) {
  const prefix = `CognitoIdentityServiceProvider.${CLIENT_ID}.${username}`;
  return {
    deviceKey: storage.getItem(`${prefix}.deviceKey`),
    deviceGroupKey: storage.getItem(`${prefix}.deviceGroupKey`),
    randomPassword: storage.getItem(`${prefix}.randomPasswordKey`),
  };
}

describe('amazon-cognito-identity-js against cognito-kit serve', () => {
  const browser = new MapStorage();
  let deviceKey = '';
  let refreshSource: CognitoUserSession | undefined;

  it('authenticateUser (USER_SRP_AUTH) gets tokens; the new device is confirmed by identity-js itself (ConfirmDevice)', async () => {
    recorder.clear();
    const user = userOf(ALICE.username, browser);
    const outcome = await authenticate(user, ALICE.password);
    const session = signedIn(outcome);
    expect(outcome.kind === 'signed-in' && outcome.userConfirmationNecessary).toBeUndefined(); // DeviceOnlyRememberedOnUserPrompt false
    expect(recorder.sequence()).toEqual(['InitiateAuth(USER_SRP_AUTH) -> PASSWORD_VERIFIER', 'RespondToAuthChallenge(PASSWORD_VERIFIER) -> tokens', 'ConfirmDevice -> 200']);
    const [, verified, confirm] = recorder.calls;
    const metadata = (verified?.response.AuthenticationResult as { NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string } }).NewDeviceMetadata;
    expect(metadata?.DeviceKey).toMatch(/^eu-west-2_[0-9a-f-]+$/);
    expect(confirm?.request).toMatchObject({ DeviceKey: metadata?.DeviceKey, DeviceName: 'nodejs' });
    expect(confirm?.response).toEqual({ UserConfirmationNecessary: false });

    const stored = storedDevice(browser, 'alice');
    expect(stored).toMatchObject({ deviceKey: metadata?.DeviceKey, deviceGroupKey: metadata?.DeviceGroupKey });
    expect(stored.randomPassword).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    deviceKey = stored.deviceKey ?? '';

    expect(session.isValid()).toBe(true);
    expectCognitoClaims(session.getIdToken().getJwtToken(), session.getAccessToken().getJwtToken(), {
      userPoolId: POOL_ID,
      clientId: CLIENT_ID,
      username: 'alice',
      email: ALICE.email,
      deviceKey,
    });

    // GetUser with identity-js's access token.
    const attributes = await new Promise<CognitoUserAttribute[] | undefined>((resolve, reject) => user.getUserAttributes((error, result) => (error ? reject(error) : resolve(result))));
    expect(Object.fromEntries((attributes ?? []).map((attribute) => [attribute.getName(), attribute.getValue()]))).toMatchObject({ email: ALICE.email, sub: jwtPayload(session.getIdToken().getJwtToken()).sub });
  });

  it('a second login in the same storage proves the remembered device (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER)', async () => {
    recorder.clear();
    const mark = pool().log().length;
    const session = signedIn(await authenticate(userOf(ALICE.username, browser), ALICE.password));
    expect(recorder.sequence()).toEqual([
      'InitiateAuth(USER_SRP_AUTH) -> PASSWORD_VERIFIER',
      'RespondToAuthChallenge(PASSWORD_VERIFIER) -> DEVICE_SRP_AUTH',
      'RespondToAuthChallenge(DEVICE_SRP_AUTH) -> DEVICE_PASSWORD_VERIFIER',
      'RespondToAuthChallenge(DEVICE_PASSWORD_VERIFIER) -> tokens',
    ]);
    expect(recorder.calls[1]?.request.ChallengeResponses).toMatchObject({ DEVICE_KEY: deviceKey, USERNAME: 'alice' });
    expect(recorder.calls[2]?.request.ChallengeResponses).toMatchObject({ DEVICE_KEY: deviceKey, USERNAME: 'alice' });
    const result = recorder.calls[3]?.response.AuthenticationResult as Record<string, unknown>;
    expect(result.NewDeviceMetadata).toBeUndefined();
    expect(jwtPayload(session.getAccessToken().getJwtToken()).device_key).toBe(deviceKey);
    await expectLogLine(pool(), /alice signed in to eu-west-2_IdentityJs1 with identityjsclient0123456789 \(USER_SRP_AUTH, remembered device\)/, mark);
    refreshSource = session;
  });

  it('refreshSession sends REFRESH_TOKEN_AUTH with the DEVICE_KEY and gets new tokens of the same sign-in', async () => {
    const user = userOf(ALICE.username, browser);
    recorder.clear();
    const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
      user.refreshSession(refreshSource!.getRefreshToken(), (error: Error | null, session: CognitoUserSession) => (error ? reject(error) : resolve(session))),
    );
    expect(recorder.sequence()).toEqual(['InitiateAuth(REFRESH_TOKEN_AUTH) -> tokens']);
    expect(recorder.calls[0]?.request.AuthParameters).toMatchObject({ DEVICE_KEY: deviceKey });
    const before = jwtPayload(refreshSource!.getAccessToken().getJwtToken());
    const after = jwtPayload(refreshed.getAccessToken().getJwtToken());
    expect(after.jti).not.toBe(before.jti);
    expect([after.origin_jti, after.auth_time, after.device_key]).toEqual([before.origin_jti, before.auth_time, deviceKey]);
  });

  it('refuses a device whose password is not the one ConfirmDevice registered (NotAuthorizedException)', async () => {
    const tampered = new MapStorage();
    for (const [key, value] of browser.items) tampered.setItem(key, value);
    const prefix = `CognitoIdentityServiceProvider.${CLIENT_ID}.alice`;
    tampered.setItem(`${prefix}.randomPasswordKey`, `${storedDevice(browser, 'alice').randomPassword ?? ''}x`);
    recorder.clear();
    const error = await rejection(authenticate(userOf(ALICE.username, tampered), ALICE.password));
    expect(error.name).toBe('NotAuthorizedException');
    expect(recorder.sequence().at(-1)).toBe('RespondToAuthChallenge(DEVICE_PASSWORD_VERIFIER) -> NotAuthorizedException');
  });

  it('refuses a wrong password with NotAuthorizedException "Incorrect username or password."', async () => {
    recorder.clear();
    const error = await rejection(authenticate(userOf(ALICE.username, new MapStorage()), `${ALICE.password}x`));
    expect([error.name, error.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.']);
    expect(recorder.sequence()).toEqual(['InitiateAuth(USER_SRP_AUTH) -> PASSWORD_VERIFIER', 'RespondToAuthChallenge(PASSWORD_VERIFIER) -> NotAuthorizedException']);
    // With the remembered device in storage too: the password is still checked first.
    const withDevice = await rejection(authenticate(userOf(ALICE.username, browser), `${ALICE.password}x`));
    expect([withDevice.name, withDevice.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.']);
  });

  it('is refused by a client with a secret: identity-js cannot send SECRET_HASH', async () => {
    const error = await rejection(authenticate(userOf(ALICE.username, new MapStorage(), SECRET_CLIENT_ID), ALICE.password));
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toMatch(new RegExp(`^Client ${SECRET_CLIENT_ID} is configured (for|with) secret but (SECRET_HASH|secret) was not received$`));
  });

  it('completeNewPasswordChallenge answers NEW_PASSWORD_REQUIRED; the new password then signs in', async () => {
    const storage = new MapStorage();
    const user = userOf(NORA.username, storage);
    const first = await authenticate(user, NORA.temporary);
    expect(first.kind).toBe('new-password');
    const done = await new Promise<Outcome>((resolve, reject) => user.completeNewPasswordChallenge(NORA.newPassword, {}, callbacks(resolve, reject)));
    expect(jwtPayload(signedIn(done).getIdToken().getJwtToken())['cognito:username']).toBe('nora');
    signedIn(await authenticate(userOf(NORA.username, storage), NORA.newPassword));
    const old = await rejection(authenticate(userOf(NORA.username, new MapStorage()), NORA.temporary));
    expect(old.name).toBe('NotAuthorizedException');
  });

  it('sendMFACode(code, callbacks, "SOFTWARE_TOKEN_MFA") answers TOTP with an RFC 6238 code', async () => {
    await awayFromStepEdge();
    const user = userOf(TOM.username, new MapStorage());
    const challenge = await authenticate(user, TOM.password);
    expect(challenge).toMatchObject({ kind: 'totp', challengeParameters: { FRIENDLY_DEVICE_NAME: expect.any(String) } });
    const done = await new Promise<Outcome>((resolve, reject) => user.sendMFACode(totp(TOM.totpSecret), callbacks(resolve, reject), 'SOFTWARE_TOKEN_MFA'));
    expect(jwtPayload(signedIn(done).getAccessToken().getJwtToken()).username).toBe('tom');
  });

  it('a revoked refresh token is refused afterwards (RevokeToken through identity-js signOut)', async () => {
    const user = userOf(ALICE.username, browser);
    const session = signedIn(await authenticate(user, ALICE.password));
    recorder.clear();
    await new Promise<void>((resolve, reject) => user.signOut((error?: Error) => (error ? reject(error) : resolve())));
    expect(recorder.sequence()).toEqual(['RevokeToken -> 200']);
    const refresh = buildInitiateAuth({ authFlow: 'REFRESH_TOKEN_AUTH', clientId: CLIENT_ID, refreshToken: session.getRefreshToken().getToken(), deviceKey });
    const refused = await rejection(send('InitiateAuth', refresh.request, { endpoint: pool().url }));
    expect([refused.name, refused.message]).toEqual(['NotAuthorizedException', 'Refresh Token has been revoked']);
  });
});

// This project's request builder through `fetch` against `cognito-kit serve` over HTTP on loopback
// (`{ endpoint: url }`): `send` with the builders step by step, and `signIn` from `@cognito-kit/request-builder/sign-in`,
// which answers PASSWORD_VERIFIER and the device challenges itself and hands back TOTP and NEW_PASSWORD_REQUIRED.
// The pool is a separate process built from @cognito-kit/local-pool; both halves share @cognito-kit/srp, so these
// cases prove the wire (HTTP, JSON, errors, SECRET_HASH names, sessions) more than the SRP math, which Amplify,
// amazon-cognito-identity-js and the AWS CLI prove independently.
import {
  CognitoServiceError,
  buildAdminInitiateAuth,
  buildConfirmDevice,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  send,
  type AuthResponse,
  type InitiateAuthRequest,
  type RespondToAuthChallengeRequest,
} from '@cognito-kit/request-builder';
import { signIn, type PublicSenders, type RememberedDevice, type SignInInput } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import { FAKE_SIGV4, awayFromStepEdge, expectCognitoClaims, expectLogLine, jwtPayload, rejection, totp, useLocalPool, wrongTotp } from './js-helpers.js';

const POOL_ID = 'eu-west-2_Builder1';
const PUBLIC_CLIENT = 'builderpublicclient0123456';
const SECRET_CLIENT = 'buildersecretclient0123456';
const CLIENT_SECRET = 'builder0client0secret0for0the0local0pool0xyz';
const ALICE = { username: 'alice', password: 'Builder-alice-Pa55!', email: 'alice@example.com' };
const TOM = { username: 'tom', password: 'Builder-tom-Pa55!', totpSecret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' };
const NORA = { username: 'nora', temporary: 'Temporary-nora-1!', newPassword: 'Chosen-by-nora-2@' };

const FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'];
const pool = useLocalPool(
  {
    userPools: [
      {
        id: POOL_ID,
        deviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
        clients: [
          { id: PUBLIC_CLIENT, explicitAuthFlows: FLOWS },
          { id: SECRET_CLIENT, secret: CLIENT_SECRET, explicitAuthFlows: FLOWS },
        ],
        users: [
          { username: ALICE.username, password: ALICE.password, attributes: { email: ALICE.email } },
          { username: TOM.username, password: TOM.password, totpSecret: TOM.totpSecret },
          { username: NORA.username, password: NORA.temporary, status: 'FORCE_CHANGE_PASSWORD' },
        ],
      },
    ],
  },
  () => [NORA.newPassword],
);

/** `send`'s senders for the loop, recording `Operation(ChallengeName) -> reply` for each call. */
function senders(trail: string[] = []): PublicSenders {
  const destination = () => ({ endpoint: pool().url });
  const note = (label: string) => (reply: AuthResponse) => {
    trail.push(`${label} -> ${reply.ChallengeName ?? (reply.AuthenticationResult === undefined ? '?' : 'tokens')}`);
    return reply;
  };
  return {
    InitiateAuth: (request: InitiateAuthRequest) => send('InitiateAuth', request, destination()).then(note(`InitiateAuth(${request.AuthFlow})`)),
    RespondToAuthChallenge: (request: RespondToAuthChallengeRequest) =>
      send('RespondToAuthChallenge', request, destination()).then(note(`RespondToAuthChallenge(${request.ChallengeName})`)),
  };
}

function base(overrides: Partial<SignInInput> = {}): SignInInput {
  return { send: senders(), userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, username: ALICE.username, password: ALICE.password, ...overrides };
}

describe('@cognito-kit/request-builder through fetch against cognito-kit serve', () => {
  it('send, step by step (buildInitiateAuth USER_SRP_AUTH, buildRespondToAuthChallenge): tokens; a wrong password is a CognitoServiceError', async () => {
    const destination = { endpoint: pool().url };
    const start = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: PUBLIC_CLIENT, username: ALICE.username });
    const challenge = await send('InitiateAuth', start.request, destination);
    expect(challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
    const answer = buildRespondToAuthChallenge({ challengeName: 'PASSWORD_VERIFIER', userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, srpSession: start.srpSession, password: ALICE.password, response: challenge });
    const { AuthenticationResult } = await send('RespondToAuthChallenge', answer.request, destination);
    expect(AuthenticationResult?.NewDeviceMetadata?.DeviceKey).toMatch(/^eu-west-2_[0-9a-f-]+$/);
    expectCognitoClaims(AuthenticationResult?.IdToken, AuthenticationResult?.AccessToken, {
      userPoolId: POOL_ID,
      clientId: PUBLIC_CLIENT,
      username: 'alice',
      email: ALICE.email,
      deviceKey: AuthenticationResult?.NewDeviceMetadata?.DeviceKey,
    });

    const again = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: PUBLIC_CLIENT, username: ALICE.username });
    const second = await send('InitiateAuth', again.request, destination);
    const wrong = buildRespondToAuthChallenge({ challengeName: 'PASSWORD_VERIFIER', userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, srpSession: again.srpSession, password: `${ALICE.password}x`, response: second });
    const error = await rejection(send('RespondToAuthChallenge', wrong.request, destination));
    expect(error).toBeInstanceOf(CognitoServiceError);
    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400, retryable: false });
    // A right answer sent twice: the second is refused (each SECRET_BLOCK is answered once).
    const third = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: PUBLIC_CLIENT, username: ALICE.username });
    const right = buildRespondToAuthChallenge({
      challengeName: 'PASSWORD_VERIFIER',
      userPoolId: POOL_ID,
      clientId: PUBLIC_CLIENT,
      srpSession: third.srpSession,
      password: ALICE.password,
      response: await send('InitiateAuth', third.request, destination),
    });
    expect((await send('RespondToAuthChallenge', right.request, destination)).AuthenticationResult?.AccessToken).toBeTypeOf('string');
    expect((await rejection(send('RespondToAuthChallenge', right.request, destination))).name).toBe('NotAuthorizedException');
  });

  it('signIn with a client secret: SECRET_HASH on every request; a wrong secret or password is NotAuthorizedException', async () => {
    const trail: string[] = [];
    const step = await signIn(base({ send: senders(trail), clientId: SECRET_CLIENT, clientSecret: CLIENT_SECRET }));
    expect(step.signedIn).toBe(true);
    expect(trail).toEqual(['InitiateAuth(USER_SRP_AUTH) -> PASSWORD_VERIFIER', 'RespondToAuthChallenge(PASSWORD_VERIFIER) -> tokens']);
    if (!step.signedIn) return;
    expect(step.username).toBe('alice');
    expect(jwtPayload(step.authenticationResult.AccessToken).client_id).toBe(SECRET_CLIENT);

    const wrongSecret = await rejection(signIn(base({ clientId: SECRET_CLIENT, clientSecret: `${CLIENT_SECRET}x` })));
    expect(wrongSecret).toMatchObject({ name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${SECRET_CLIENT}` });
    const noSecret = await rejection(signIn(base({ clientId: SECRET_CLIENT })));
    expect(noSecret.name).toBe('NotAuthorizedException');
    const wrongPassword = await rejection(signIn(base({ clientId: SECRET_CLIENT, clientSecret: CLIENT_SECRET, password: `${ALICE.password}x` })));
    expect(wrongPassword).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('TOTP through the loop: SOFTWARE_TOKEN_MFA is handed back and answered with an RFC 6238 code; a wrong code is CodeMismatchException', async () => {
    await awayFromStepEdge();
    const wrongStep = await signIn(base({ username: TOM.username, password: TOM.password }));
    if (wrongStep.signedIn || wrongStep.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error(`expected SOFTWARE_TOKEN_MFA, got ${JSON.stringify(wrongStep)}`);
    expect((await rejection(wrongStep.answer({ SOFTWARE_TOKEN_MFA_CODE: wrongTotp(TOM.totpSecret) }))).name).toBe('CodeMismatchException');

    await awayFromStepEdge();
    const trail: string[] = [];
    const step = await signIn(base({ send: senders(trail), username: TOM.username, password: TOM.password }));
    if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error(`expected SOFTWARE_TOKEN_MFA, got ${JSON.stringify(step)}`);
    expect(step.session).toMatch(/^.{20,}$/);
    const done = await step.answer({ SOFTWARE_TOKEN_MFA_CODE: totp(TOM.totpSecret) });
    expect(done.signedIn).toBe(true);
    expect(trail).toEqual([
      'InitiateAuth(USER_SRP_AUTH) -> PASSWORD_VERIFIER',
      'RespondToAuthChallenge(PASSWORD_VERIFIER) -> SOFTWARE_TOKEN_MFA',
      'RespondToAuthChallenge(SOFTWARE_TOKEN_MFA) -> tokens',
    ]);
  });

  it('NEW_PASSWORD_REQUIRED through the loop; the new password then signs in', async () => {
    const step = await signIn(base({ username: NORA.username, password: NORA.temporary }));
    if (step.signedIn || step.challengeName !== 'NEW_PASSWORD_REQUIRED') throw new Error(`expected NEW_PASSWORD_REQUIRED, got ${JSON.stringify(step)}`);
    expect(step.challengeParameters).toMatchObject({ requiredAttributes: '[]' });
    expect((await step.answer({ NEW_PASSWORD: NORA.newPassword })).signedIn).toBe(true);
    expect((await signIn(base({ username: NORA.username, password: NORA.newPassword }))).signedIn).toBe(true);
  });

  it('a device: ConfirmDevice after the first login, then DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER (with SECRET_HASH); refresh with DEVICE_KEY', async () => {
    const destination = { endpoint: pool().url };
    const alice = base({ clientId: SECRET_CLIENT, clientSecret: CLIENT_SECRET });
    const first = await signIn(alice);
    if (!first.signedIn) throw new Error('expected tokens');
    const metadata = first.authenticationResult.NewDeviceMetadata;
    const accessToken = first.authenticationResult.AccessToken ?? '';
    if (metadata?.DeviceKey === undefined || metadata.DeviceGroupKey === undefined) throw new Error('expected NewDeviceMetadata');
    const keys = { deviceKey: metadata.DeviceKey, deviceGroupKey: metadata.DeviceGroupKey };
    const { request, devicePassword } = buildConfirmDevice({ ...keys, accessToken, deviceName: 'request builder test' });
    expect(await send('ConfirmDevice', request, destination)).toEqual({ UserConfirmationNecessary: false });
    const device: RememberedDevice = { ...keys, devicePassword };

    const trail: string[] = [];
    const mark = pool().log().length;
    const again = await signIn({ ...alice, send: senders(trail), device });
    if (!again.signedIn) throw new Error('expected tokens');
    expect(trail).toEqual([
      'InitiateAuth(USER_SRP_AUTH) -> PASSWORD_VERIFIER',
      'RespondToAuthChallenge(PASSWORD_VERIFIER) -> DEVICE_SRP_AUTH',
      'RespondToAuthChallenge(DEVICE_SRP_AUTH) -> DEVICE_PASSWORD_VERIFIER',
      'RespondToAuthChallenge(DEVICE_PASSWORD_VERIFIER) -> tokens',
    ]);
    expect(again.authenticationResult.NewDeviceMetadata).toBeUndefined();
    expect(jwtPayload(again.authenticationResult.AccessToken).device_key).toBe(device.deviceKey);
    await expectLogLine(pool(), /alice signed in to eu-west-2_Builder1 with buildersecretclient0123456 \(USER_SRP_AUTH, remembered device\)/, mark);

    const wrongDevice = await rejection(signIn({ ...alice, device: { ...device, devicePassword: `${devicePassword.slice(0, -4)}AAA=` } }));
    expect(wrongDevice.name).toBe('NotAuthorizedException');

    // Refresh: SECRET_HASH over the real username, DEVICE_KEY of the device.
    const refreshWith = (clientSecret: string) =>
      buildInitiateAuth({
        authFlow: 'REFRESH_TOKEN_AUTH',
        clientId: SECRET_CLIENT,
        clientSecret,
        refreshToken: again.authenticationResult.RefreshToken ?? '',
        username: again.username,
        deviceKey: device.deviceKey,
      });
    const refresh = refreshWith(CLIENT_SECRET);
    const refreshed = await send('InitiateAuth', refresh.request, destination);
    const before = jwtPayload(again.authenticationResult.AccessToken);
    const after = jwtPayload(refreshed.AuthenticationResult?.AccessToken);
    expect([after.origin_jti, after.auth_time, after.device_key]).toEqual([before.origin_jti, before.auth_time, device.deviceKey]);
    expect(after.jti).not.toBe(before.jti);
    const noDevice = buildInitiateAuth({ authFlow: 'REFRESH_TOKEN_AUTH', clientId: SECRET_CLIENT, clientSecret: CLIENT_SECRET, refreshToken: again.authenticationResult.RefreshToken ?? '', username: again.username });
    // Device tracking on: a refresh without the device's DEVICE_KEY is refused, as Cognito refuses it (COGNITO-SERVER.md §5).
    expect(await rejection(send('InitiateAuth', noDevice.request, destination))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
    const wrongHash = refreshWith(`${CLIENT_SECRET}x`);
    expect((await rejection(send('InitiateAuth', wrongHash.request, destination))).message).toBe(`Unable to verify secret hash for client ${SECRET_CLIENT}`);
  });

  it('AdminInitiateAuth through send with a SigV4 Authorization header; unsigned, it is refused as AWS refuses it', async () => {
    const destination = { endpoint: pool().url };
    const { request } = buildAdminInitiateAuth({ authFlow: 'ADMIN_USER_PASSWORD_AUTH', userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, username: ALICE.username, password: ALICE.password });
    const reply = await send('AdminInitiateAuth', request, destination, FAKE_SIGV4);
    expect(jwtPayload(reply.AuthenticationResult?.IdToken)['cognito:username']).toBe('alice');
    const wrong = buildAdminInitiateAuth({ authFlow: 'ADMIN_USER_PASSWORD_AUTH', userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, username: ALICE.username, password: `${ALICE.password}x` });
    expect(await rejection(send('AdminInitiateAuth', wrong.request, destination, FAKE_SIGV4))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });

    // send refuses to send an Admin operation unsigned, so this one goes out with fetch alone.
    const unsigned = await fetch(pool().url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminInitiateAuth' },
      body: JSON.stringify(request),
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(((await unsigned.json()) as { __type?: string }).__type).toMatch(/MissingAuthenticationTokenException$/);
  });
});

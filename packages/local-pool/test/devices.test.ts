// Remembered devices (deviceConfiguration): NewDeviceMetadata, ConfirmDevice, DEVICE_SRP_AUTH and
// DEVICE_PASSWORD_VERIFIER (with and without Session), devices in place of MFA, DeviceOnlyRememberedOnUserPrompt with
// UpdateDeviceStatus, and refresh with device tracking on. Portable.
import {
  buildConfirmDevice,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  send,
  type AuthResponse,
} from '@cognito-kit/request-builder';
import { signIn, type RememberedDevice, type SignInInput, type SignInStep } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import type { LocalPoolsConfig } from '../src/index.js';
import { base32Encode, totp } from '../src/totp.js';
import { CLIENT_ID, DESTINATION, PASSWORD, POOL_ID, basicConfig, claimsOf, refusal, setUp, type Harness } from './helpers/harness.js';

const TOTP_KEY = new TextEncoder().encode('device test TOTP key');

function devicePool(onPrompt: boolean): LocalPoolsConfig {
  return basicConfig({
    deviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: onPrompt },
    users: [
      { username: 'alice', password: PASSWORD },
      { username: 'tom', password: PASSWORD, totpSecret: base32Encode(TOTP_KEY) },
    ],
  });
}

function start(h: Harness, username: string, more: Partial<SignInInput> = {}): Promise<SignInStep> {
  return signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username, password: PASSWORD, now: h.now, ...more });
}

/** Signs in (answering TOTP if asked), confirms the new device, returns it with the sign-in's tokens. */
async function rememberDevice(h: Harness, username: string): Promise<{ device: RememberedDevice; necessary: boolean | undefined; refreshToken: string }> {
  let step = await start(h, username);
  if (!step.signedIn && step.challengeName === 'SOFTWARE_TOKEN_MFA') step = await step.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, h.now()) });
  if (!step.signedIn) throw new Error(step.challengeName);
  const { NewDeviceMetadata, AccessToken, RefreshToken } = step.authenticationResult;
  const deviceKey = NewDeviceMetadata?.DeviceKey ?? '';
  const deviceGroupKey = NewDeviceMetadata?.DeviceGroupKey ?? '';
  expect(deviceKey).toMatch(/^eu-west-2_[0-9a-f-]{36}$/);
  expect(claimsOf(AccessToken).device_key).toBe(deviceKey);
  const { request, devicePassword } = buildConfirmDevice({ accessToken: AccessToken, deviceKey, deviceGroupKey, deviceName: 'laptop' });
  const confirmed = await send('ConfirmDevice', request, DESTINATION, { ...h.options });
  return { device: { deviceKey, deviceGroupKey, devicePassword }, necessary: confirmed.UserConfirmationNecessary, refreshToken: RefreshToken ?? '' };
}

describe('remembered devices', () => {
  it('NewDeviceMetadata, ConfirmDevice, then DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER instead of MFA', async () => {
    const h = setUp(devicePool(false));
    const { device, necessary } = await rememberDevice(h, 'tom');
    expect(necessary).toBe(false);
    expect(h.pools.getUser(POOL_ID, 'tom')?.devices).toMatchObject([{ deviceKey: device.deviceKey, name: 'laptop', confirmed: true, remembered: true }]);
    const step = await start(h, 'tom', { device });
    if (!step.signedIn) throw new Error(`MFA was asked: ${step.challengeName}`);
    expect(step.authenticationResult.NewDeviceMetadata).toBeUndefined();
    expect(claimsOf(step.authenticationResult.AccessToken).device_key).toBe(device.deviceKey);
    expect(h.pools.getUser(POOL_ID, 'tom')?.devices[0]?.lastAuthenticatedAt).toEqual(h.now());
    const wrong = await refusal(start(h, 'tom', { device: { ...device, devicePassword: 'not the device password' } }));
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const noDevice = await start(h, 'tom');
    expect(noDevice.signedIn === false && noDevice.challengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('the device steps without a Session (amazon-cognito-identity-js, the AWS Python example), by DEVICE_KEY and SECRET_BLOCK', async () => {
    const h = setUp(devicePool(false));
    const { device } = await rememberDevice(h, 'alice');
    const first = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: CLIENT_ID, username: 'alice', deviceKey: device.deviceKey });
    const verifier = await send('InitiateAuth', first.request, DESTINATION, h.options);
    const answer = buildRespondToAuthChallenge({ challengeName: 'PASSWORD_VERIFIER', userPoolId: POOL_ID, clientId: CLIENT_ID, srpSession: first.srpSession, password: PASSWORD, deviceKey: device.deviceKey, response: verifier, now: h.now() });
    const deviceSrp = await send('RespondToAuthChallenge', answer.request, DESTINATION, h.options);
    expect(deviceSrp.ChallengeName).toBe('DEVICE_SRP_AUTH');
    const withoutSession: AuthResponse = { ...deviceSrp, Session: undefined };
    const srpStart = buildRespondToAuthChallenge({ challengeName: 'DEVICE_SRP_AUTH', clientId: CLIENT_ID, username: 'alice', deviceKey: device.deviceKey, response: withoutSession });
    const devicePasswordVerifier = await send('RespondToAuthChallenge', srpStart.request, DESTINATION, h.options);
    expect(devicePasswordVerifier.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
    expect(Object.keys(devicePasswordVerifier.ChallengeParameters ?? {}).sort()).toEqual(['DEVICE_KEY', 'SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME']);
    const proof = buildRespondToAuthChallenge({
      challengeName: 'DEVICE_PASSWORD_VERIFIER', clientId: CLIENT_ID, srpSession: srpStart.srpSession ?? first.srpSession, ...device,
      response: { ...devicePasswordVerifier, Session: undefined }, now: h.now(),
    });
    expect((await send('RespondToAuthChallenge', proof.request, DESTINATION, h.options)).AuthenticationResult?.AccessToken).toBeDefined();
    expect(await refusal(send('RespondToAuthChallenge', proof.request, DESTINATION, h.options))).toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('DeviceOnlyRememberedOnUserPrompt: UserConfirmationNecessary true; MFA then the device until UpdateDeviceStatus remembers it', async () => {
    const h = setUp(devicePool(true));
    const { device, necessary } = await rememberDevice(h, 'tom');
    expect(necessary).toBe(true);
    const step = await start(h, 'tom', { device });
    if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA first');
    const done = await step.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, h.now()) });
    if (!done.signedIn) throw new Error(done.challengeName);
    expect(claimsOf(done.authenticationResult.AccessToken).device_key).toBe(device.deviceKey);
    const AccessToken = done.authenticationResult.AccessToken;
    expect((await h.call('UpdateDeviceStatus', { AccessToken, DeviceKey: device.deviceKey, DeviceRememberedStatus: 'remembered' })).body).toEqual({});
    expect((await start(h, 'tom', { device })).signedIn).toBe(true);
  });

  it('without deviceConfiguration no device is remembered: no NewDeviceMetadata, and ConfirmDevice refuses any key', async () => {
    const h = setUp(basicConfig());
    const step = await start(h, 'alice');
    if (!step.signedIn) throw new Error(step.challengeName);
    expect(step.authenticationResult.NewDeviceMetadata).toBeUndefined();
    const { request } = buildConfirmDevice({ accessToken: step.authenticationResult.AccessToken, deviceKey: 'eu-west-2_0f1e2d3c-aaaa', deviceGroupKey: '-abc' });
    expect(await refusal(send('ConfirmDevice', request, DESTINATION, h.options))).toMatchObject({ name: 'InvalidParameterException', message: 'Invalid device key given.' });
  });
});

describe('refresh with device tracking on', () => {
  const refresh = (h: Harness, refreshToken: string, deviceKey?: string) =>
    send('InitiateAuth', buildInitiateAuth({ authFlow: 'REFRESH_TOKEN_AUTH', clientId: CLIENT_ID, refreshToken, ...(deviceKey === undefined ? {} : { deviceKey }) }).request, DESTINATION, h.options);

  it('needs the DEVICE_KEY of the confirmed device the token is bound to', async () => {
    const h = setUp(devicePool(false));
    const { device, refreshToken } = await rememberDevice(h, 'alice');
    const refreshed = await refresh(h, refreshToken, device.deviceKey);
    expect(claimsOf(refreshed.AuthenticationResult?.AccessToken).device_key).toBe(device.deviceKey);
    expect(await refusal(refresh(h, refreshToken))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
    const unconfirmed = await start(h, 'alice');
    if (!unconfirmed.signedIn) throw new Error(unconfirmed.challengeName);
    const newKey = unconfirmed.authenticationResult.NewDeviceMetadata?.DeviceKey;
    expect(await refusal(refresh(h, unconfirmed.authenticationResult.RefreshToken ?? '', newKey))).toMatchObject({ message: 'Invalid Refresh Token.' });
  });

  it('a refresh token of USER_PASSWORD_AUTH is refused (it proved no device)', async () => {
    const h = setUp(devicePool(false));
    const step = await start(h, 'alice', { authFlow: 'USER_PASSWORD_AUTH' });
    if (!step.signedIn) throw new Error(step.challengeName);
    const metadata = step.authenticationResult.NewDeviceMetadata;
    const { request } = buildConfirmDevice({ accessToken: step.authenticationResult.AccessToken, deviceKey: metadata?.DeviceKey ?? '', deviceGroupKey: metadata?.DeviceGroupKey ?? '' });
    await send('ConfirmDevice', request, DESTINATION, h.options);
    expect(await refusal(refresh(h, step.authenticationResult.RefreshToken ?? '', metadata?.DeviceKey))).toMatchObject({ message: 'Invalid Refresh Token.' });
  });
});

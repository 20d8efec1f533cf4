// Full logins through the AWS SDK v3 client, with requests from this package, against a request handler backed by
// @cognito-kit/srp/server: the SRP signatures and SECRET_HASH are really verified, a wrong password is refused, and
// a remembered device signs in through DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER.
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  ConfirmDeviceCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { createDeviceVerifier } from '@cognito-kit/srp';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildAdminInitiateAuth, buildAdminRespondToAuthChallenge, buildInitiateAuth, buildRespondToAuthChallenge } from '../src/index.js';
import * as arb from './arbitraries.js';
import { fakeCognito, type FakePool } from './helpers/fake-cognito.js';
import { sdkClient } from './helpers/sdk.js';

const pool: FakePool = {
  userPoolId: 'us-east-1_AbC123xyz',
  clientId: 'client0123456789',
  clientSecret: 'secret0123456789abcdefghijklmnop',
  username: 'alice@example.com',
  userIdForSrp: '7f3e2c1a-0000-4000-8000-00000000abcd',
  password: 'correct horse battery staple',
};

async function adminLogin(client: CognitoIdentityProviderClient, p: FakePool, password: string, deviceKey?: string) {
  const common = { userPoolId: p.userPoolId, clientId: p.clientId, ...(p.clientSecret === undefined ? {} : { clientSecret: p.clientSecret }) };
  const first = buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: p.username, ...(deviceKey === undefined ? {} : { deviceKey }) });
  const response = await client.send(new AdminInitiateAuthCommand(first.request));
  expect(response.ChallengeName).toBe('PASSWORD_VERIFIER');
  const { request } = buildAdminRespondToAuthChallenge({
    ...common,
    challengeName: 'PASSWORD_VERIFIER',
    srpSession: first.srpSession!,
    password,
    response: response as never,
    ...(deviceKey === undefined ? {} : { deviceKey }),
  });
  return client.send(new AdminRespondToAuthChallengeCommand(request));
}

describe('USER_SRP_AUTH through the AWS SDK against the server half', () => {
  it('signs in with the right password (signature and SECRET_HASH verified)', async () => {
    const cognito = fakeCognito(pool);
    const result = await adminLogin(sdkClient(cognito.answer), pool, pool.password);
    expect(result.AuthenticationResult?.AccessToken).toMatch(/^access\./);
    const answer = cognito.calls.find((c) => c.body.ChallengeName === 'PASSWORD_VERIFIER')!.body.ChallengeResponses as Record<string, string>;
    expect(answer.USERNAME).toBe(pool.userIdForSrp);
    expect(answer.SECRET_HASH).toBeDefined();
  });

  it('is refused with a wrong password', async () => {
    const cognito = fakeCognito(pool);
    await expect(adminLogin(sdkClient(cognito.answer), pool, 'wrong password')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('is refused with a wrong client secret (SECRET_HASH)', async () => {
    const cognito = fakeCognito(pool);
    await expect(adminLogin(sdkClient(cognito.answer), { ...pool, clientSecret: 'another0secret0of0enough0length' }, pool.password)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
  });

  test.prop([arb.userPoolId, arb.username, arb.password, fc.boolean()], { numRuns: 10 })(
    'signs in for any pool, username and password, with or without a secret',
    async (userPoolId, username, password, withSecret) => {
      const p: FakePool = { userPoolId, clientId: 'client1', username, userIdForSrp: username, password, ...(withSecret ? { clientSecret: 'x'.repeat(30) } : {}) };
      const cognito = fakeCognito(p);
      const result = await adminLogin(sdkClient(cognito.answer), p, password);
      expect(result.AuthenticationResult?.AccessToken).toMatch(/^access\./);
    },
  );

  it('works with the public pair InitiateAuth / RespondToAuthChallenge', async () => {
    const cognito = fakeCognito(pool);
    const client = sdkClient(cognito.answer);
    const first = buildInitiateAuth({ clientId: pool.clientId, clientSecret: pool.clientSecret!, authFlow: 'USER_SRP_AUTH', username: pool.username });
    const response = await client.send(new InitiateAuthCommand(first.request));
    const { request } = buildRespondToAuthChallenge({
      clientId: pool.clientId,
      clientSecret: pool.clientSecret!,
      userPoolId: pool.userPoolId,
      challengeName: 'PASSWORD_VERIFIER',
      srpSession: first.srpSession!,
      password: pool.password,
      response: response as never,
    });
    expect('UserPoolId' in request).toBe(false);
    const result = await client.send(new RespondToAuthChallengeCommand(request));
    expect(result.AuthenticationResult?.AccessToken).toMatch(/^access\./);
  });
});

describe('device SRP through the AWS SDK against the server half', () => {
  it('confirms a device, then signs in with DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER; a wrong device password is refused', async () => {
    const cognito = fakeCognito(pool);
    const client = sdkClient(cognito.answer);
    const common = { userPoolId: pool.userPoolId, clientId: pool.clientId, clientSecret: pool.clientSecret! };

    const firstLogin = await adminLogin(client, pool, pool.password);
    const { DeviceKey: deviceKey, DeviceGroupKey: deviceGroupKey } = firstLogin.AuthenticationResult!.NewDeviceMetadata!;
    const registered = createDeviceVerifier({ deviceGroupKey: deviceGroupKey!, deviceKey: deviceKey! });
    await client.send(
      new ConfirmDeviceCommand({ AccessToken: firstLogin.AuthenticationResult!.AccessToken!, DeviceKey: deviceKey!, DeviceSecretVerifierConfig: registered.DeviceSecretVerifierConfig }),
    );

    const deviceLogin = async (devicePassword: string) => {
      const afterPassword = await adminLogin(client, pool, pool.password, deviceKey!);
      expect(afterPassword.ChallengeName).toBe('DEVICE_SRP_AUTH');
      const srpAuth = buildAdminRespondToAuthChallenge({
        ...common,
        challengeName: 'DEVICE_SRP_AUTH',
        username: pool.userIdForSrp,
        deviceKey: deviceKey!,
        session: afterPassword.Session!,
      });
      const challenge = await client.send(new AdminRespondToAuthChallengeCommand(srpAuth.request));
      expect(challenge.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
      const verifier = buildAdminRespondToAuthChallenge({
        ...common,
        challengeName: 'DEVICE_PASSWORD_VERIFIER',
        srpSession: srpAuth.srpSession!,
        deviceGroupKey: deviceGroupKey!,
        deviceKey: deviceKey!,
        devicePassword,
        response: challenge as never,
      });
      expect(verifier.request.Session).toBe(challenge.Session);
      return client.send(new AdminRespondToAuthChallengeCommand(verifier.request));
    };

    expect((await deviceLogin(registered.devicePassword)).AuthenticationResult?.AccessToken).toMatch(/^access\./);
    const wrong = createDeviceVerifier({ deviceGroupKey: deviceGroupKey!, deviceKey: deviceKey! }).devicePassword;
    await expect(deviceLogin(wrong)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });
});

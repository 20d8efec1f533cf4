// Byte equality with the AWS SDK v3: for many valid inputs, the JSON body and headers of toHttpRequest equal what
// @aws-sdk/client-cognito-identity-provider serializes for the same request (captured by a handler that sends
// nothing). This is what Cognito receives from the SDK every day.
import {
  ConfirmDeviceCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  buildAdminInitiateAuth,
  buildAdminRespondToAuthChallenge,
  buildConfirmDevice,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  toHttpRequest,
  type AdminInitiateAuthInput,
  type InitiateAuthInput,
  type Operation,
} from '../src/index.js';
import * as arb from './arbitraries.js';
import { sdkSerialize, type SentRequest } from './helpers/sdk.js';

function expectSameWire(ours: ReturnType<typeof toHttpRequest>, sdk: SentRequest, operation: Operation) {
  expect(ours.body).toBe(sdk.body);
  expect(sdk.method).toBe(ours.method);
  expect(sdk.path).toBe('/');
  expect(`https://${sdk.hostname}/`).toBe(ours.url);
  expect(sdk.headers['content-type']).toBe(ours.headers['Content-Type']);
  expect(sdk.headers['x-amz-target']).toBe(`AWSCognitoIdentityProviderService.${operation}`);
  expect(ours.headers['X-Amz-Target']).toBe(`AWSCognitoIdentityProviderService.${operation}`);
}

const withSession = (input: Record<string, unknown>, index: number) =>
  input.authFlow === 'USER_SRP_AUTH' || input.authFlow === 'CUSTOM_AUTH' || input.preferredChallenge === 'PASSWORD_SRP'
    ? { ...input, srpSession: arb.srpSessions[index % arb.srpSessions.length]! }
    : input;

describe('request bodies equal the AWS SDK v3 serialization', () => {
  test.prop([arb.adminCommon, arb.adminFlowInput, fc.nat()], { numRuns: 150 })('AdminInitiateAuth, every flow', async (common, flow, i) => {
    const input = withSession({ ...common, ...flow }, i) as unknown as AdminInitiateAuthInput;
    if (input.clientSecret !== undefined && (input.authFlow === 'REFRESH_TOKEN' || input.authFlow === 'REFRESH_TOKEN_AUTH')) {
      fc.pre(input.username !== undefined);
    }
    if ((input as { withSrp?: boolean }).withSrp === false) delete (input as { srpSession?: unknown }).srpSession;
    const { request } = buildAdminInitiateAuth(input);
    const sdk = await sdkSerialize(new AdminInitiateAuthCommand(request));
    expectSameWire(toHttpRequest('AdminInitiateAuth', request, { region: 'us-east-1' }), sdk, 'AdminInitiateAuth');
  });

  test.prop([arb.adminCommon, arb.adminFlowInput.filter((f) => !f.authFlow.startsWith('ADMIN_')), fc.nat()], { numRuns: 100 })(
    'InitiateAuth, every public flow',
    async (common, flow, i) => {
      const { userPoolId: _pool, contextData, ...rest } = common;
      const input = withSession({ ...rest, ...flow, ...(contextData === undefined ? {} : { userContextData: { ipAddress: contextData.ipAddress } }) }, i) as unknown as InitiateAuthInput;
      if (input.clientSecret !== undefined && (input.authFlow === 'REFRESH_TOKEN' || input.authFlow === 'REFRESH_TOKEN_AUTH')) {
        fc.pre(input.username !== undefined);
      }
      if ((input as { withSrp?: boolean }).withSrp === false) delete (input as { srpSession?: unknown }).srpSession;
      const { request } = buildInitiateAuth(input);
      const sdk = await sdkSerialize(new InitiateAuthCommand(request));
      expectSameWire(toHttpRequest('InitiateAuth', request, { region: 'us-east-1' }), sdk, 'InitiateAuth');
    },
  );

  const passThrough = fc.record({
    challengeName: fc.constantFrom('SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'NEW_PASSWORD_REQUIRED', 'SELECT_CHALLENGE', 'EMAIL_OTP'),
    challengeResponses: fc.record({ USERNAME: arb.username, CODE: arb.text, 'userAttributes.name': arb.text }),
  });

  test.prop([arb.adminCommon, passThrough], { numRuns: 100 })('AdminRespondToAuthChallenge', async (common, answer) => {
    const { request } = buildAdminRespondToAuthChallenge({ ...common, ...answer } as never);
    const sdk = await sdkSerialize(new AdminRespondToAuthChallengeCommand(request as never));
    expectSameWire(toHttpRequest('AdminRespondToAuthChallenge', request, { region: 'us-east-1' }), sdk, 'AdminRespondToAuthChallenge');
  });

  test.prop([arb.adminCommon, passThrough], { numRuns: 100 })('RespondToAuthChallenge', async (common, answer) => {
    const { userPoolId: _pool, contextData: _context, ...rest } = common;
    const { request } = buildRespondToAuthChallenge({ ...rest, ...answer } as never);
    const sdk = await sdkSerialize(new RespondToAuthChallengeCommand(request as never));
    expectSameWire(toHttpRequest('RespondToAuthChallenge', request, { region: 'us-east-1' }), sdk, 'RespondToAuthChallenge');
  });

  test.prop([arb.refreshToken, arb.deviceKey, fc.option(arb.text.filter((t) => t.length > 0), { nil: undefined })], { numRuns: 50 })(
    'ConfirmDevice',
    async (accessToken, deviceKey, deviceName) => {
      const { request } = buildConfirmDevice({ accessToken, deviceKey, deviceGroupKey: '-grp', ...(deviceName === undefined ? {} : { deviceName }) });
      const sdk = await sdkSerialize(new ConfirmDeviceCommand(request as never));
      expectSameWire(toHttpRequest('ConfirmDevice', request, { region: 'us-east-1' }), sdk, 'ConfirmDevice');
    },
  );

  test.prop([arb.adminCommon, arb.username, arb.password, fc.nat()], { numRuns: 15 })(
    'AdminRespondToAuthChallenge for PASSWORD_VERIFIER and DEVICE_SRP_AUTH (computed answers)',
    async (common, userIdForSrp, password, i) => {
      const session = arb.unusedSrpSession(i);
      const challengeParameters = { SALT: 'a1b2c3', SRP_B: 'f0e1'.repeat(150), SECRET_BLOCK: 'c2VjcmV0LWJsb2Nr', USER_ID_FOR_SRP: userIdForSrp, USERNAME: userIdForSrp };
      const verifier = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'PASSWORD_VERIFIER', srpSession: session, password, challengeParameters });
      const device = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'DEVICE_SRP_AUTH', username: userIdForSrp, deviceKey: 'us-east-1_ab-12', srpSession: session });
      for (const { request } of [verifier, device]) {
        const sdk = await sdkSerialize(new AdminRespondToAuthChallengeCommand(request as never));
        expectSameWire(toHttpRequest('AdminRespondToAuthChallenge', request, { region: 'us-east-1' }), sdk, 'AdminRespondToAuthChallenge');
      }
    },
  );
});

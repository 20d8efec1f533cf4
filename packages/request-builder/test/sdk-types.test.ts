// Type-level proof (checked by `tsc`, which the CI runs over test/): the requests this package builds are
// assignable to the AWS SDK v3 command inputs, and each flow's input type asks for exactly its parameters.
import type {
  AdminInitiateAuthCommandInput,
  AdminRespondToAuthChallengeCommandInput,
  InitiateAuthCommandInput,
  RespondToAuthChallengeCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { createSrpSession } from '@cognito-kit/srp';
import { expect, expectTypeOf, it } from 'vitest';
import {
  buildAdminInitiateAuth,
  buildAdminRespondToAuthChallenge,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  type AdminInitiateAuthInput,
  type AdminInitiateAuthRequest,
  type InitiateAuthRequest,
} from '../src/index.js';

const common = { userPoolId: 'us-east-1_AbC123', clientId: 'client123' };

it('AdminInitiateAuthRequest is assignable to AdminInitiateAuthCommandInput', () => {
  expectTypeOf<AdminInitiateAuthRequest>().toExtend<AdminInitiateAuthCommandInput>();
  const { request } = buildAdminInitiateAuth({ ...common, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'alice', password: 'pw' });
  const sdkInput: AdminInitiateAuthCommandInput = request;
  expect(sdkInput.AuthFlow).toBe('ADMIN_USER_PASSWORD_AUTH');
});

it('InitiateAuthRequest is assignable to InitiateAuthCommandInput', () => {
  expectTypeOf<InitiateAuthRequest>().toExtend<InitiateAuthCommandInput>();
  const { request } = buildInitiateAuth({ clientId: 'client123', authFlow: 'USER_PASSWORD_AUTH', username: 'alice', password: 'pw' });
  const sdkInput: InitiateAuthCommandInput = request;
  expect(sdkInput.ClientId).toBe('client123');
});

it('respond requests for a known challenge are assignable to the SDK inputs', () => {
  const admin = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: '123456' } });
  const adminInput: AdminRespondToAuthChallengeCommandInput = admin.request;
  const pub = buildRespondToAuthChallenge({ clientId: 'client123', challengeName: 'SOFTWARE_TOKEN_MFA', challengeResponses: { USERNAME: 'a', SOFTWARE_TOKEN_MFA_CODE: '1' } });
  const publicInput: RespondToAuthChallengeCommandInput = pub.request;
  expect([adminInput.ChallengeName, publicInput.ChallengeName]).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
});

it('each flow asks, in its type, for exactly the parameters it needs', () => {
  // @ts-expect-error USER_SRP_AUTH takes no password
  const srpWithPassword: AdminInitiateAuthInput = { ...common, authFlow: 'USER_SRP_AUTH', username: 'a', password: 'p' };
  // @ts-expect-error ADMIN_USER_PASSWORD_AUTH needs a password
  const passwordless: AdminInitiateAuthInput = { ...common, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'a' };
  // @ts-expect-error refresh needs a refresh token
  const refreshWithout: AdminInitiateAuthInput = { ...common, authFlow: 'REFRESH_TOKEN_AUTH' };
  // @ts-expect-error not an AuthFlowType
  const unknownFlow: AdminInitiateAuthInput = { ...common, authFlow: 'PASSWORD_AUTH', username: 'a' };
  // @ts-expect-error InitiateAuth takes no ADMIN_* flow
  buildInitiateAuth.bind(null, { clientId: 'c', authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'a', password: 'p' });
  const custom: AdminInitiateAuthInput = { ...common, authFlow: 'CUSTOM_AUTH', username: 'a', withSrp: true, srpSession: createSrpSession() };
  expect([srpWithPassword, passwordless, refreshWithout, unknownFlow, custom].length).toBe(5);
});

it('the request has no undefined members in its type (exactOptionalPropertyTypes)', () => {
  expectTypeOf<AdminInitiateAuthRequest['Session']>().toEqualTypeOf<string | undefined>();
  const { request } = buildAdminInitiateAuth({ ...common, authFlow: 'REFRESH_TOKEN', refreshToken: 'abc' });
  expect(Object.values(request).includes(undefined)).toBe(false);
});

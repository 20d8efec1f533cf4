// Type tests against the real AWS SDK v3 types, checked by `tsc` twice: with exactOptionalPropertyTypes (tsconfig.json)
// and without it (tsconfig.loose.json), since users have both. Nothing here runs. An SDK command output is taken as it
// is by every builder that reads a previous reply, each built request goes into its SDK command unchanged, the SRP
// flows hand back their session without `!`, and the sign-in loop runs on the SDK client with no cast.
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AdminInitiateAuthCommandOutput,
  type AdminRespondToAuthChallengeCommandOutput,
  type InitiateAuthCommandOutput,
  type RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { SrpSession } from '@cognito-kit/srp';
import { expectTypeOf } from 'vitest';
import {
  buildAdminInitiateAuth,
  buildAdminRespondToAuthChallenge,
  buildConfirmDevice,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  readResponse,
  send,
  type AuthResponse,
} from '../../src/index.js';
import { signIn, type AdminSenders, type PublicSenders } from '../../src/sign-in.js';

declare const cognito: CognitoIdentityProviderClient;
declare const adminOutput: AdminInitiateAuthCommandOutput;
declare const publicOutput: InitiateAuthCommandOutput;
declare const respondOutput: RespondToAuthChallengeCommandOutput;
declare const adminRespondOutput: AdminRespondToAuthChallengeCommandOutput;
declare const password: string;
const pool = { userPoolId: 'eu-west-2_eYpv1mFHB', clientId: '18u8119jgbpr464n28s1itk2mq' } as const;

// The SRP flows hand back their session: no `!`, no optional.
const adminSrp = buildAdminInitiateAuth({ ...pool, authFlow: 'USER_SRP_AUTH', username: 'alice' });
expectTypeOf(adminSrp.srpSession).toEqualTypeOf<SrpSession>();
const publicSrp = buildInitiateAuth({ clientId: pool.clientId, authFlow: 'USER_SRP_AUTH', username: 'alice' });
expectTypeOf(publicSrp.srpSession).toEqualTypeOf<SrpSession>();
expectTypeOf(buildInitiateAuth({ clientId: pool.clientId, authFlow: 'CUSTOM_AUTH', username: 'a', withSrp: true }).srpSession).toEqualTypeOf<SrpSession>();
expectTypeOf(buildInitiateAuth({ clientId: pool.clientId, authFlow: 'USER_AUTH', username: 'a', preferredChallenge: 'PASSWORD_SRP' }).srpSession).toEqualTypeOf<SrpSession>();
expectTypeOf(buildInitiateAuth({ clientId: pool.clientId, authFlow: 'USER_PASSWORD_AUTH', username: 'a', password }).srpSession).toEqualTypeOf<SrpSession | undefined>();
expectTypeOf(buildRespondToAuthChallenge({ clientId: pool.clientId, challengeName: 'DEVICE_SRP_AUTH', username: 'a', deviceKey: 'k' }).srpSession).toEqualTypeOf<SrpSession>();

// Each built request goes into its SDK command as it is.
new AdminInitiateAuthCommand(adminSrp.request);
new InitiateAuthCommand(publicSrp.request);

// An SDK output is the `response` of an answer, for all four SDK outputs, and the answer goes into its command.
const afterAdmin = buildAdminRespondToAuthChallenge({ ...pool, challengeName: 'PASSWORD_VERIFIER', srpSession: adminSrp.srpSession, password, response: adminOutput });
new AdminRespondToAuthChallengeCommand(afterAdmin.request);
const afterPublic = buildRespondToAuthChallenge({ ...pool, challengeName: 'PASSWORD_VERIFIER', srpSession: publicSrp.srpSession, password, response: publicOutput });
new RespondToAuthChallengeCommand(afterPublic.request);
const device = buildRespondToAuthChallenge({ clientId: pool.clientId, challengeName: 'DEVICE_SRP_AUTH', username: 'a', deviceKey: 'k', response: respondOutput });
new RespondToAuthChallengeCommand(device.request);
const mfa = buildAdminRespondToAuthChallenge({
  ...pool,
  challengeName: 'SOFTWARE_TOKEN_MFA',
  challengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: '123456' },
  response: adminRespondOutput,
});
new AdminRespondToAuthChallengeCommand(mfa.request);
// The SDK's `string | undefined` members are taken where an optional member is (clientSecret from the environment).
declare const maybeSecret: string | undefined;
buildInitiateAuth({ clientId: pool.clientId, clientSecret: maybeSecret, authFlow: 'USER_SRP_AUTH', username: 'alice' });

// ConfirmDevice from an SDK output's NewDeviceMetadata.
const metadata = respondOutput.AuthenticationResult?.NewDeviceMetadata;
if (metadata?.DeviceKey !== undefined && metadata.DeviceGroupKey !== undefined) {
  const { request } = buildConfirmDevice({ accessToken: 'eyJ', deviceKey: metadata.DeviceKey, deviceGroupKey: metadata.DeviceGroupKey });
  new ConfirmDeviceCommand({ ...request, AccessToken: 'eyJ' });
}

// The reply types take the SDK outputs, and readResponse / send give them.
expectTypeOf<InitiateAuthCommandOutput>().toExtend<AuthResponse>();
expectTypeOf<AdminRespondToAuthChallengeCommandOutput>().toExtend<AuthResponse>();
expectTypeOf(readResponse('InitiateAuth', new Response('{}'))).resolves.toEqualTypeOf<AuthResponse>();
expectTypeOf(send('InitiateAuth', publicSrp.request, { region: 'eu-west-2' })).resolves.toEqualTypeOf<AuthResponse>();
// @ts-expect-error the destination is required
void send('InitiateAuth', publicSrp.request);

// The sign-in loop on the SDK client, with no cast.
const viaSdk: PublicSenders = {
  InitiateAuth: (request) => cognito.send(new InitiateAuthCommand(request)),
  RespondToAuthChallenge: (request) => cognito.send(new RespondToAuthChallengeCommand(request)),
};
const adminViaSdk: AdminSenders = {
  AdminInitiateAuth: (request) => cognito.send(new AdminInitiateAuthCommand(request)),
  AdminRespondToAuthChallenge: (request) => cognito.send(new AdminRespondToAuthChallengeCommand(request)),
};
void signIn({ ...pool, send: viaSdk, username: 'alice', password });
void signIn({ ...pool, send: adminViaSdk, username: 'alice', password, clientSecret: maybeSecret });

/**
 * The operations the pool answers, each with whether it must be SigV4-signed (the Admin ones: COGNITO.md §1.1), its
 * input members as the service model defines them (constraints from `@cognito-kit/request-builder`'s SHAPES and
 * enums), and its handler.
 *
 * @module
 */
import { AUTH_FLOWS, CHALLENGE_NAMES, SHAPES, type StringShape } from '@cognito-kit/request-builder';
import { adminCreateUser, adminGetUser, adminSetUserPassword } from './admin-users.js';
import type { Call } from './call.js';
import { confirmDevice, updateDeviceStatus } from './device-operations.js';
import { initiateAuth } from './initiate-auth.js';
import type { Input, JsonObject, Rule, Rules } from './input.js';
import { getTokensFromRefreshToken } from './refresh.js';
import { respondToAuthChallenge } from './respond.js';
import { associateSoftwareToken, verifySoftwareToken } from './software-token.js';
import { getUser, globalSignOut, revokeToken } from './user-operations.js';

/** One operation of the endpoint. */
export interface Operation {
  /** Admin operations need a SigV4 `Authorization` header (its signature is not checked). */
  readonly signed: boolean;
  readonly rules: Rules;
  handle(call: Call, input: Input): Promise<JsonObject>;
}

const string = (shape: StringShape, required = false): Rule => ({ kind: 'string', shape, required });
const map: Rule = { kind: 'map' };
/** AttributeNameType (1 to 32) and AttributeValueType (at most 2,048, sensitive). */
const ATTRIBUTE: Rule = {
  kind: 'structure',
  members: {
    Name: string({ name: 'AttributeNameType', min: 1, max: 32, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u }, true),
    Value: string({ name: 'AttributeValueType', max: 2048, sensitive: true }),
  },
};
/** SoftwareTokenMFAUserCodeType: exactly 6 of `[0-9]`, sensitive. */
const USER_CODE: StringShape = { name: 'SoftwareTokenMFAUserCodeType', min: 6, max: 6, pattern: /^[0-9]+$/, sensitive: true };
const CLIENT_ID = string(SHAPES.ClientIdType, true);
const USER_POOL_ID = string(SHAPES.UserPoolIdType, true);
const ACCESS_TOKEN = string(SHAPES.TokenModelType, true);
const SESSION = string(SHAPES.SessionType);
const ANALYTICS: Rule = { kind: 'structure', members: { AnalyticsEndpointId: string(SHAPES.StringType) } };
const USER_CONTEXT: Rule = { kind: 'structure', members: { IpAddress: string(SHAPES.StringType), EncodedData: string(SHAPES.StringType) } };
const CONTEXT_DATA: Rule = {
  kind: 'structure',
  members: {
    IpAddress: string(SHAPES.StringType, true),
    ServerName: string(SHAPES.StringType, true),
    ServerPath: string(SHAPES.StringType, true),
    HttpHeaders: { kind: 'list', required: true, item: { kind: 'structure', members: { headerName: string(SHAPES.StringType), headerValue: string(SHAPES.StringType) } } },
    EncodedData: string(SHAPES.StringType),
  },
};
const AUTH_FLOW: Rule = { kind: 'enum', values: AUTH_FLOWS, required: true };
const CHALLENGE_NAME: Rule = { kind: 'enum', values: CHALLENGE_NAMES, required: true };

/** The operations, by name. */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  [
    'InitiateAuth',
    {
      signed: false,
      rules: { AuthFlow: AUTH_FLOW, ClientId: CLIENT_ID, AuthParameters: map, ClientMetadata: map, AnalyticsMetadata: ANALYTICS, UserContextData: USER_CONTEXT, Session: SESSION },
      handle: (call, input) => initiateAuth(call, input, false),
    },
  ],
  [
    'AdminInitiateAuth',
    {
      signed: true,
      rules: { UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, AuthFlow: AUTH_FLOW, AuthParameters: map, ClientMetadata: map, AnalyticsMetadata: ANALYTICS, ContextData: CONTEXT_DATA, Session: SESSION },
      handle: (call, input) => initiateAuth(call, input, true),
    },
  ],
  [
    'RespondToAuthChallenge',
    {
      signed: false,
      rules: { ClientId: CLIENT_ID, ChallengeName: CHALLENGE_NAME, Session: SESSION, ChallengeResponses: map, AnalyticsMetadata: ANALYTICS, UserContextData: USER_CONTEXT, ClientMetadata: map },
      handle: (call, input) => respondToAuthChallenge(call, input, false),
    },
  ],
  [
    'AdminRespondToAuthChallenge',
    {
      signed: true,
      rules: { UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, ChallengeName: CHALLENGE_NAME, ChallengeResponses: map, Session: SESSION, AnalyticsMetadata: ANALYTICS, ContextData: CONTEXT_DATA, ClientMetadata: map },
      handle: (call, input) => respondToAuthChallenge(call, input, true),
    },
  ],
  [
    'ConfirmDevice',
    {
      signed: false,
      rules: {
        AccessToken: ACCESS_TOKEN,
        DeviceKey: string(SHAPES.DeviceKeyType, true),
        DeviceSecretVerifierConfig: { kind: 'structure', members: { PasswordVerifier: string(SHAPES.StringType), Salt: string(SHAPES.StringType) } },
        DeviceName: string(SHAPES.DeviceNameType),
      },
      handle: confirmDevice,
    },
  ],
  [
    'UpdateDeviceStatus',
    {
      signed: false,
      rules: { AccessToken: ACCESS_TOKEN, DeviceKey: string(SHAPES.DeviceKeyType, true), DeviceRememberedStatus: { kind: 'enum', values: ['remembered', 'not_remembered'] } },
      handle: updateDeviceStatus,
    },
  ],
  [
    'GetTokensFromRefreshToken',
    {
      signed: false,
      rules: {
        RefreshToken: string(SHAPES.TokenModelType, true),
        ClientId: CLIENT_ID,
        ClientSecret: string(SHAPES.ClientSecret),
        DeviceKey: string(SHAPES.DeviceKeyType),
        ClientMetadata: map,
      },
      handle: getTokensFromRefreshToken,
    },
  ],
  ['GetUser', { signed: false, rules: { AccessToken: ACCESS_TOKEN }, handle: getUser }],
  ['GlobalSignOut', { signed: false, rules: { AccessToken: ACCESS_TOKEN }, handle: globalSignOut }],
  [
    'RevokeToken',
    {
      signed: false,
      rules: { Token: string(SHAPES.TokenModelType, true), ClientId: CLIENT_ID, ClientSecret: string(SHAPES.ClientSecret), ClientMetadata: map },
      handle: revokeToken,
    },
  ],
  ['AssociateSoftwareToken', { signed: false, rules: { AccessToken: string(SHAPES.TokenModelType), Session: SESSION }, handle: associateSoftwareToken }],
  [
    'VerifySoftwareToken',
    {
      signed: false,
      rules: { AccessToken: string(SHAPES.TokenModelType), Session: SESSION, UserCode: string(USER_CODE, true), FriendlyDeviceName: string(SHAPES.StringType) },
      handle: verifySoftwareToken,
    },
  ],
  [
    'AdminCreateUser',
    {
      signed: true,
      rules: {
        UserPoolId: USER_POOL_ID,
        Username: string(SHAPES.UsernameType, true),
        UserAttributes: { kind: 'list', item: ATTRIBUTE },
        ValidationData: { kind: 'list', item: ATTRIBUTE },
        TemporaryPassword: string(SHAPES.PasswordType),
        ForceAliasCreation: { kind: 'boolean' },
        MessageAction: { kind: 'enum', values: ['RESEND', 'SUPPRESS'] },
        DesiredDeliveryMediums: { kind: 'list', item: { kind: 'enum', values: ['SMS', 'EMAIL'] } },
        ClientMetadata: map,
      },
      handle: adminCreateUser,
    },
  ],
  [
    'AdminSetUserPassword',
    {
      signed: true,
      rules: { UserPoolId: USER_POOL_ID, Username: string(SHAPES.UsernameType, true), Password: string(SHAPES.PasswordType, true), Permanent: { kind: 'boolean' } },
      handle: adminSetUserPassword,
    },
  ],
  ['AdminGetUser', { signed: true, rules: { UserPoolId: USER_POOL_ID, Username: string(SHAPES.UsernameType, true) }, handle: adminGetUser }],
]);

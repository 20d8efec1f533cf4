/**
 * Facts from the Cognito service model (botocore `cognito-idp/2016-04-18/service-2.json`, Smithy model
 * `com.amazonaws.cognitoidentityprovider`): enums, constraints and which members are sensitive.
 *
 * @module
 */
import { USER_POOL_ID_MAX_LENGTH, USER_POOL_ID_PATTERN } from '@cognito-kit/srp';

/**
 * AuthFlowType, all eight values in model order.
 *
 * @example
 * ```ts
 * import { AUTH_FLOWS } from '@cognito-kit/request-builder';
 * AUTH_FLOWS.includes('USER_SRP_AUTH'); // true
 * ```
 */
export const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;

/** A value of the model's AuthFlowType. */
export type AuthFlow = (typeof AUTH_FLOWS)[number];

/**
 * Flows InitiateAuth takes. ADMIN_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH are AdminInitiateAuth-only
 * (InitiateAuth doc: "ADMIN_USER_PASSWORD_AUTH is a flow type of AdminInitiateAuth and isn't valid for InitiateAuth").
 *
 * @example
 * ```ts
 * import { PUBLIC_AUTH_FLOWS } from '@cognito-kit/request-builder';
 * PUBLIC_AUTH_FLOWS.includes('ADMIN_USER_PASSWORD_AUTH' as never); // false
 * ```
 */
export const PUBLIC_AUTH_FLOWS = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'USER_PASSWORD_AUTH', 'USER_AUTH'] as const;

/** A flow InitiateAuth takes. */
export type PublicAuthFlow = (typeof PUBLIC_AUTH_FLOWS)[number];

/**
 * ChallengeNameType, all sixteen values in model order. The enum is open: other names pass through.
 *
 * @example
 * ```ts
 * import { CHALLENGE_NAMES } from '@cognito-kit/request-builder';
 * CHALLENGE_NAMES.length; // 16
 * ```
 */
export const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
] as const;

/** A value of the model's ChallengeNameType. */
export type ChallengeName = (typeof CHALLENGE_NAMES)[number];

/** A string constraint: length in Unicode code points and an anchored pattern. */
export interface StringShape {
  readonly name: string;
  readonly min?: number;
  readonly max?: number;
  /** Anchored here: Smithy patterns are not implicitly anchored. */
  readonly pattern?: RegExp;
  /** Human description of the pattern for messages. */
  readonly patternText?: string;
  readonly sensitive?: boolean;
}

/**
 * The model's string shapes this package validates against (lengths in code points, anchored patterns), for
 * callers that check their own inputs the same way.
 *
 * @example
 * ```ts
 * import { SHAPES } from '@cognito-kit/request-builder';
 * SHAPES.DeviceKeyType.pattern.test('us-east-1_0f1e2d3c-aaaa'); // true
 * ```
 */
export const SHAPES = {
  // The rule of @cognito-kit/srp, which hashes the name after the one underscore: the model's pattern also takes
  // `us_east_1_Abc`, whose PASSWORD_VERIFIER answer SRP could not compute.
  UserPoolIdType: {
    name: 'UserPoolIdType',
    min: 1,
    max: USER_POOL_ID_MAX_LENGTH,
    pattern: USER_POOL_ID_PATTERN,
    patternText: '<region>_<letters and digits>, with one underscore',
  },
  ClientIdType: { name: 'ClientIdType', min: 1, max: 128, pattern: /^[\w+]+$/, patternText: 'letters, digits, _ and +', sensitive: true },
  // The secret is never sent, only used as the HMAC key of SECRET_HASH: Cognito issues ClientSecretType values
  // (24-64 of [\w+]), but emulators such as moto issue UUIDs, so any non-empty string is taken.
  ClientSecret: { name: 'client secret', min: 1, max: 131072, sensitive: true },
  SessionType: { name: 'SessionType', min: 20, max: 2048, sensitive: true },
  StringType: { name: 'StringType', min: 0, max: 131072 },
  UsernameType: {
    name: 'UsernameType',
    min: 1,
    max: 128,
    pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
    patternText: 'letters, marks, symbols, numbers and punctuation (no spaces or control characters)',
    sensitive: true,
  },
  // Unanchored in the model ("contains a non-space character"): Cognito accepts passwords with inner spaces.
  PasswordType: { name: 'PasswordType', max: 256, pattern: /\S/, patternText: 'at least one non-space character', sensitive: true },
  DeviceKeyType: { name: 'DeviceKeyType', min: 1, max: 55, pattern: /^[\w-]+_[0-9a-f-]+$/, patternText: '<region>_<lower-case hex and dashes>' },
  DeviceNameType: { name: 'DeviceNameType', min: 1, max: 1024 },
  TokenModelType: { name: 'TokenModelType', min: 1, max: 131072, pattern: /^[A-Za-z0-9-_=.]+$/, patternText: 'A-Z a-z 0-9 - _ = .', sensitive: true },
} as const satisfies Record<string, StringShape>;

/** A non-empty StringType (no named shape in the model): challenge names, device group keys, device passwords. */
export const NON_EMPTY: StringShape = { name: 'StringType', min: 1, max: 131072 };

/** The service's JSON target prefix (awsJson1_1: X-Amz-Target = prefix + "." + operation). */
export const TARGET_PREFIX = 'AWSCognitoIdentityProviderService';

/**
 * Request members in the order the AWS SDK serializes them (its schema order), so a body built here is
 * byte-identical to the SDK's for the same request.
 *
 * @example
 * ```ts
 * import { MEMBER_ORDER } from '@cognito-kit/request-builder';
 * MEMBER_ORDER.InitiateAuth[0]; // 'AuthFlow'
 * ```
 */
export const MEMBER_ORDER = {
  AdminInitiateAuth: ['UserPoolId', 'ClientId', 'AuthFlow', 'AuthParameters', 'ClientMetadata', 'AnalyticsMetadata', 'ContextData', 'Session'],
  InitiateAuth: ['AuthFlow', 'ClientId', 'AuthParameters', 'ClientMetadata', 'AnalyticsMetadata', 'UserContextData', 'Session'],
  AdminRespondToAuthChallenge: ['UserPoolId', 'ClientId', 'ChallengeName', 'ChallengeResponses', 'Session', 'AnalyticsMetadata', 'ContextData', 'ClientMetadata'],
  RespondToAuthChallenge: ['ClientId', 'ChallengeName', 'Session', 'ChallengeResponses', 'AnalyticsMetadata', 'UserContextData', 'ClientMetadata'],
  ConfirmDevice: ['AccessToken', 'DeviceKey', 'DeviceSecretVerifierConfig', 'DeviceName'],
} as const;

/** The operations this package builds requests for. */
export type Operation = keyof typeof MEMBER_ORDER;

/** The four authentication operations, whose replies share one shape (AuthResponse). */
export type AuthOperation = Exclude<Operation, 'ConfirmDevice'>;

/**
 * A test Cognito user pool behind `fetch`, portable to workerd (no nodejs_compat), Deno, Bun and Chromium: Web APIs
 * only (Request, Response, Headers, crypto.getRandomValues / randomUUID / subtle, TextEncoder).
 *
 * It answers the awsJson1_1 requests of InitiateAuth, RespondToAuthChallenge, their Admin* forms (which must carry
 * the pool id and a SigV4 `Authorization` header; the signature itself is not checked), ConfirmDevice,
 * AssociateSoftwareToken and VerifySoftwareToken, and issues every challenge kind: PASSWORD_VERIFIER,
 * DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, USER_AUTH's SELECT_CHALLENGE and PASSWORD_SRP, NEW_PASSWORD_REQUIRED,
 * SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP, SELECT_MFA_TYPE and MFA_SETUP.
 *
 * All SRP math is `@cognito-kit/srp/server`'s (signatures, TIMESTAMP window at the pool's clock, USERNAME); SECRET_HASH
 * and TOTP (RFC 6238, ±1 step at the pool's clock) are really checked. Sessions are opaque, answered once and expire
 * after 3 minutes of the pool's clock; errors are Cognito's types and messages on the wire (HTTP 400, `__type`,
 * `x-amzn-ErrorType`). Facts and their sources: /work/shared/COGNITO-SERVER.md and COGNITO.md, and for what they do
 * not say, amazon-cognito-identity-js and Amplify v6. For tests only: tokens are opaque random strings, not JWTs.
 *
 * @example
 * ```ts
 * const pool = createTestPool({
 *   userPoolId: 'eu-west-2_TestPool1', clientId: 'client1',
 *   users: [{ username: 'alice', password: 'Correct horse 1', mfa: { type: 'SMS_MFA', code: '123456' } }],
 * });
 * const response = await pool.fetch(new Request('https://cognito-idp.eu-west-2.amazonaws.com/', {
 *   method: 'POST',
 *   headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
 *   body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Correct horse 1' } }),
 * }));
 * // 200 { ChallengeName: 'SMS_MFA', Session, ChallengeParameters: { USER_ID_FOR_SRP: 'alice', CODE_DELIVERY_… } }
 * ```
 *
 * @module
 */
import { associateSoftwareToken, confirmDevice, verifySoftwareToken } from './test-pool/devices-and-totp.js';
import { initiateAuth, respondToAuthChallenge } from './test-pool/sign-in.js';
import { createState, type PoolState } from './test-pool/state.js';
import { serve, type Call, type Operation } from './test-pool/wire.js';

/** A USER_AUTH first factor. */
export type FirstFactor = 'PASSWORD_SRP' | 'PASSWORD' | 'EMAIL_OTP';

/** The MFA asked after the password (and after NEW_PASSWORD_REQUIRED). */
export type TestPoolMfa =
  /** `totpSecret` is base32; the code is checked as RFC 6238 TOTP at the pool's clock, ±1 step. */
  | { type: 'SOFTWARE_TOKEN_MFA'; totpSecret: string }
  /** The code "sent" by SMS. */
  | { type: 'SMS_MFA'; code: string }
  /** Cognito's EMAIL_OTP MFA challenge, answered with EMAIL_OTP_CODE. */
  | { type: 'EMAIL_OTP'; code: string }
  /** Both SMS and TOTP: SELECT_MFA_TYPE first, ANSWER = SMS_MFA or SOFTWARE_TOKEN_MFA. */
  | { type: 'SELECT_MFA_TYPE'; smsCode: string; totpSecret: string }
  /** MFA required but not set up: MFA_SETUP, then AssociateSoftwareToken / VerifySoftwareToken (the user then has TOTP). */
  | { type: 'MFA_SETUP' };

export interface TestPoolUser {
  /** The real username: returned as USER_ID_FOR_SRP and USERNAME in challenges. */
  username: string;
  password: string;
  /** Other names the user signs in with (an email alias): SRP and SECRET_HASH still use `username`. */
  aliases?: string[];
  /** NEW_PASSWORD_REQUIRED after the password is verified (a user created by AdminCreateUser); `requiredAttributes` are listed in the challenge. */
  newPasswordRequired?: { requiredAttributes?: string[] };
  /** The MFA asked after the password (and after NEW_PASSWORD_REQUIRED). */
  mfa?: TestPoolMfa;
  /** For USER_AUTH: the first factors offered in SELECT_CHALLENGE (AvailableChallenges), default ['PASSWORD_SRP', 'PASSWORD']; add 'EMAIL_OTP' with emailOtpCode. */
  firstFactors?: FirstFactor[];
  emailOtpCode?: string;
  /**
   * User attributes (`email`, `phone_number`, …): NEW_PASSWORD_REQUIRED's `userAttributes`, and the masked
   * CODE_DELIVERY_DESTINATION of SMS_MFA and EMAIL_OTP. Default none.
   */
  attributes?: Record<string, string>;
}

export interface TestPoolConfig {
  /** e.g. 'eu-west-2_TestPool1' */
  userPoolId: string;
  clientId: string;
  /** SECRET_HASH required and checked when set. */
  clientSecret?: string;
  users: TestPoolUser[];
  /**
   * Device tracking: every SRP login with no DEVICE_KEY returns NewDeviceMetadata; ConfirmDevice stores the
   * verifier; a later login that sends a confirmed DEVICE_KEY (in AuthParameters and in the PASSWORD_VERIFIER
   * answer) gets DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER instead of MFA. Tokens of a login with a device are
   * bound to it: refreshing them needs that DEVICE_KEY, confirmed. Default false.
   */
  deviceTracking?: boolean;
  /** The pool's clock (TIMESTAMP window, TOTP, session expiry); default new Date(). */
  now?: () => Date;
}

/** A device of a user, for assertions. */
export interface TestPoolDevice {
  deviceKey: string;
  deviceGroupKey: string;
  /** ConfirmDevice stored its verifier. */
  confirmed: boolean;
}

export interface TestPool {
  /** The whole endpoint: POST / awsJson1_1. */
  fetch(request: Request): Promise<Response>;
  /** Every call: operation name and parsed body (`{}` when it was not a JSON object), for assertions. */
  readonly calls: { operation: string; body: Record<string, unknown> }[];
  /** The current password of a user (after NEW_PASSWORD_REQUIRED it is the new one); for assertions. */
  passwordOf(username: string): string | undefined;
  /** The current MFA of a user (after MFA_SETUP: SOFTWARE_TOKEN_MFA with the associated secret); for assertions. */
  mfaOf(username: string): TestPoolMfa | undefined;
  /** The devices issued to a user in NewDeviceMetadata; for assertions. */
  devicesOf(username: string): TestPoolDevice[];
}

/** Creates a pool. Each user's SRP verifier is computed here (one 3072-bit exponentiation per user). */
export function createTestPool(config: TestPoolConfig): TestPool {
  const state = createState(config);
  const operations = operationsOf(state);
  const calls: Call[] = [];
  return {
    fetch: (request) => serve(request, operations, calls),
    calls,
    passwordOf: (username) => state.names.get(username)?.password,
    mfaOf: (username) => state.names.get(username)?.mfa,
    devicesOf: (username) =>
      [...state.devices.values()]
        .filter((device) => device.username === state.names.get(username)?.username)
        .map(({ deviceKey, deviceGroupKey, verifierConfig }) => ({ deviceKey, deviceGroupKey, confirmed: verifierConfig !== undefined })),
  };
}

/** The operations by name: SigV4 for Admin* only (COGNITO.md §1.1), and their required members (the model). */
function operationsOf(state: PoolState): ReadonlyMap<string, Operation> {
  return new Map<string, Operation>([
    ['InitiateAuth', { signed: false, required: ['AuthFlow', 'ClientId'], handle: (body) => initiateAuth(state, body, false) }],
    ['AdminInitiateAuth', { signed: true, required: ['UserPoolId', 'ClientId', 'AuthFlow'], handle: (body) => initiateAuth(state, body, true) }],
    ['RespondToAuthChallenge', { signed: false, required: ['ClientId', 'ChallengeName'], handle: (body) => respondToAuthChallenge(state, body, false) }],
    [
      'AdminRespondToAuthChallenge',
      { signed: true, required: ['UserPoolId', 'ClientId', 'ChallengeName'], handle: (body) => respondToAuthChallenge(state, body, true) },
    ],
    ['ConfirmDevice', { signed: false, required: ['AccessToken', 'DeviceKey'], handle: (body) => confirmDevice(state, body) }],
    ['AssociateSoftwareToken', { signed: false, required: [], handle: (body) => associateSoftwareToken(state, body) }],
    ['VerifySoftwareToken', { signed: false, required: ['UserCode'], handle: (body) => verifySoftwareToken(state, body) }],
  ]);
}

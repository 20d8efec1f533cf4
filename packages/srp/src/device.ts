/**
 * Remembered devices: the verifier ConfirmDevice stores, and the answer to DEVICE_PASSWORD_VERIFIER.
 *
 * The math is the user's with other names: the device group key takes the pool name's place, the device key the
 * user id's, and a random device password (kept by the client) the password's.
 *
 * @module
 */
import type { SrpEngine } from './engine.js';
import { SrpError, assertObject, assertString } from './errors.js';
import { bytesToBase64, bytesToBigint } from './encoding.js';
import { padBytes } from './pad.js';
import { answerChallenge, challengeParameter } from './password-claim.js';
import { drawRandomBytes, type RandomSource } from './random.js';
import type { SrpSession } from './session.js';
import { computeVerifier, computeX, hashIdentity } from './steps.js';

/** Random bytes of a device password (its base64 is the password). */
export const DEVICE_PASSWORD_BYTES = 40;
/** Random bytes of a device salt. */
export const DEVICE_SALT_BYTES = 16;

/** What {@link createDeviceVerifier} returns. */
export interface DeviceVerifier {
  /** Base64 of 40 random bytes. Secret: store it with the device key; the device signs in with it. */
  devicePassword: string;
  /** The ConfirmDevice request member, base64 values. */
  DeviceSecretVerifierConfig: { Salt: string; PasswordVerifier: string };
}

/**
 * Creates a device password and the salt and verifier to register with ConfirmDevice.
 *
 * Draws exactly 40 bytes (the password), then 16 bytes (the salt). Salt is PAD of the 16 bytes read as a number
 * (1 to 17 bytes); PasswordVerifier is PAD(g^x mod N) with x = H(PAD(salt) | H(deviceGroupKey | deviceKey | ":" |
 * devicePassword)): the encodings amazon-cognito-identity-js and Amplify send.
 *
 * @param input - NewDeviceMetadata's DeviceGroupKey and DeviceKey, and an optional `randomBytes` and `engine`
 * @throws {SrpError} `INVALID_ARGUMENT` for an empty key; `RANDOM_UNAVAILABLE`, `INVALID_RANDOM_BYTES`
 * @example
 * ```ts
 * import { createDeviceVerifier } from '@cognito-kit/srp';
 * const { NewDeviceMetadata, AccessToken } = result.AuthenticationResult;
 * const { devicePassword, DeviceSecretVerifierConfig } = createDeviceVerifier({
 *   deviceGroupKey: NewDeviceMetadata.DeviceGroupKey, deviceKey: NewDeviceMetadata.DeviceKey,
 * });
 * await cognito.confirmDevice({ AccessToken, DeviceKey: NewDeviceMetadata.DeviceKey, DeviceSecretVerifierConfig });
 * ```
 */
export function createDeviceVerifier(input: { deviceGroupKey: string; deviceKey: string; engine?: SrpEngine } & RandomSource): DeviceVerifier {
  assertObject(input, 'input');
  assertString(input.deviceGroupKey, 'deviceGroupKey', true);
  assertString(input.deviceKey, 'deviceKey', true);
  const devicePassword = bytesToBase64(drawRandomBytes(input, DEVICE_PASSWORD_BYTES));
  const saltBytes = padBytes(bytesToBigint(drawRandomBytes(input, DEVICE_SALT_BYTES)));
  const x = computeX(bytesToBigint(saltBytes), hashIdentity(input.deviceGroupKey, input.deviceKey, devicePassword));
  return {
    devicePassword,
    DeviceSecretVerifierConfig: {
      Salt: bytesToBase64(saltBytes),
      PasswordVerifier: bytesToBase64(padBytes(computeVerifier(x, input))),
    },
  };
}

/** The ChallengeParameters of DEVICE_PASSWORD_VERIFIER that the answer uses. */
export type DevicePasswordVerifierChallengeParameters = {
  SALT: string;
  SRP_B: string;
  SECRET_BLOCK: string;
  USERNAME: string;
  /** When present, it must be the answering device's key. */
  DEVICE_KEY?: string;
};

/** Input of {@link respondToDevicePasswordVerifier}. */
export interface DevicePasswordVerifierInput {
  deviceGroupKey: string;
  deviceKey: string;
  /** The `devicePassword` of {@link createDeviceVerifier}. */
  devicePassword: string;
  /** ChallengeParameters of DEVICE_PASSWORD_VERIFIER (the AWS SDK's `Record<string, string> | undefined` too). */
  challengeParameters: DevicePasswordVerifierChallengeParameters | Readonly<Record<string, string>> | undefined;
  clientId?: string;
  /** Adds SECRET_HASH over USERNAME. */
  clientSecret?: string;
  /**
   * The instant to sign as TIMESTAMP; `new Date()` by default. Inject it for tests, or to correct a clock known to be
   * off. Cognito checks TIMESTAMP against its own clock: a machine clock that is minutes off (about five in reported
   * cases; the model says the answer must come "within a few seconds") makes Cognito answer NotAuthorizedException,
   * which looks exactly like a wrong password. Nothing here can detect that: keep the clock synchronised (NTP), or
   * pass a corrected `now`. An invalid `Date` (or a non-Date) throws `INVALID_DATE` before any work.
   */
  now?: Date;
}

/** The ChallengeResponses map of a DEVICE_PASSWORD_VERIFIER answer. */
export type DevicePasswordVerifierResponses = {
  USERNAME: string;
  DEVICE_KEY: string;
  PASSWORD_CLAIM_SECRET_BLOCK: string;
  PASSWORD_CLAIM_SIGNATURE: string;
  TIMESTAMP: string;
  SECRET_HASH?: string;
};

/**
 * Computes the ChallengeResponses for DEVICE_PASSWORD_VERIFIER, with a fresh session whose `srpA` was sent in the
 * DEVICE_SRP_AUTH answer.
 *
 * @throws {SrpError} `DEVICE_KEY_MISMATCH` when the challenge names another device; the errors of
 *   {@link respondToPasswordVerifier} otherwise
 * @example
 * ```ts
 * import { createSrpSession, respondToDevicePasswordVerifier } from '@cognito-kit/srp';
 * const session = createSrpSession();
 * const next = await cognito.respondToAuthChallenge({ ChallengeName: 'DEVICE_SRP_AUTH', ClientId, Session,
 *   ChallengeResponses: { USERNAME, DEVICE_KEY: deviceKey, SRP_A: session.srpA } });
 * const ChallengeResponses = respondToDevicePasswordVerifier(session, {
 *   deviceGroupKey, deviceKey, devicePassword, challengeParameters: next.ChallengeParameters,
 * });
 * ```
 */
export function respondToDevicePasswordVerifier(session: SrpSession, input: DevicePasswordVerifierInput): DevicePasswordVerifierResponses {
  assertObject(input, 'input');
  assertString(input.deviceGroupKey, 'deviceGroupKey', true);
  assertString(input.deviceKey, 'deviceKey', true);
  assertString(input.devicePassword, 'devicePassword', true);
  const parameters = input.challengeParameters;
  const username = challengeParameter(parameters, 'USERNAME');
  const challengedDevice = (parameters as Readonly<Record<string, unknown>>).DEVICE_KEY;
  if (challengedDevice !== undefined && challengedDevice !== input.deviceKey) {
    throw new SrpError('DEVICE_KEY_MISMATCH', 'challengeParameters.DEVICE_KEY is not the deviceKey answering', 'DEVICE_KEY');
  }
  const identity = { prefix: input.deviceGroupKey, userId: input.deviceKey, password: input.devicePassword };
  return answerChallenge(session, parameters, identity, input, { USERNAME: username, DEVICE_KEY: input.deviceKey });
}

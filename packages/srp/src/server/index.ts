/**
 * `@cognito-kit/srp/server`: what Cognito does on its side of SRP, so a client can be proved end to end where no
 * emulator checks SRP (moto accepts any signature). For tests and local servers: it keeps state in memory and is
 * not a hardened authentication server.
 *
 * @example
 * ```ts
 * import { createSrpSession, respondToPasswordVerifier } from '@cognito-kit/srp';
 * import { createUserVerifier, createServerChallenge, verifyPasswordClaim } from '@cognito-kit/srp/server';
 *
 * const user = { userPoolId: 'us-east-1_Example1', userIdForSrp: 'alice', password: 'correct horse' };
 * const stored = createUserVerifier(user);
 * const session = createSrpSession();
 * const challenge = createServerChallenge({ ...user, ...stored }, session.srpA);
 * const answer = respondToPasswordVerifier(session, {
 *   userPoolId: user.userPoolId, password: user.password, challengeParameters: challenge.challengeParameters,
 * });
 * verifyPasswordClaim(challenge, answer); // true
 * ```
 *
 * @module
 */
import { SrpError, assertObject, assertString } from '../errors.js';
import { base64ToBytes, bytesToBigint, bytesToHex, parseUnsignedHex } from '../encoding.js';
import { assertMaxLength } from '../limits.js';

/** Longest stored DeviceSecretVerifierConfig member read, in base64 characters (1,024 bytes). */
const MAX_VERIFIER_CONFIG_CHARS = 1368;
import { poolNameOf } from '../pool.js';
import { drawRandomBytes, type RandomSource } from '../random.js';
import { computeVerifier, computeX, hashIdentity } from '../steps.js';
import { checkClaim, issueChallenge, type ServerChallenge, type VerifyOptions } from './challenge.js';
import { engineOf, type SrpEngine } from '../engine.js';

export { DEFAULT_MAX_SKEW_MS, type ServerChallenge, type VerifyOptions } from './challenge.js';
export type { SrpEngine } from '../engine.js';

/** Options of the challenge makers: `randomBytes` for b and SECRET_BLOCK, `engine` for the exponentiations. */
export interface ChallengeOptions extends RandomSource {
  /** Where g^b, v^u and S are computed: this package's pure `modPow` by default. Nothing sent changes. */
  engine?: SrpEngine;
}

/** Bytes of the salt {@link createUserVerifier} draws, as Cognito's SALT values have. */
const USER_SALT_BYTES = 16;

/**
 * Creates what Cognito stores for a user: a random salt and the verifier v = g^x mod N.
 *
 * @param input - the pool, USER_ID_FOR_SRP and password; `randomBytes` draws the 16 salt bytes; `engine` computes g^x
 * @returns hex strings; the salt is the 16 bytes as 32 digits (it may start with `0`)
 * @throws {SrpError} `INVALID_USER_POOL_ID`, `INVALID_ARGUMENT`, `RANDOM_UNAVAILABLE`, `INVALID_RANDOM_BYTES`
 * @example
 * ```ts
 * import { createUserVerifier } from '@cognito-kit/srp/server';
 * const { salt, verifier } = createUserVerifier({ userPoolId: 'us-east-1_Example1', userIdForSrp: 'alice', password: 'pw' });
 * ```
 */
export function createUserVerifier(
  input: { userPoolId: string; userIdForSrp: string; password: string; engine?: SrpEngine } & RandomSource,
): { salt: string; verifier: string } {
  assertObject(input, 'input');
  const poolName = poolNameOf(input.userPoolId);
  assertString(input.userIdForSrp, 'userIdForSrp', true);
  assertString(input.password, 'password');
  const salt = drawRandomBytes(input, USER_SALT_BYTES);
  const x = computeX(bytesToBigint(salt), hashIdentity(poolName, input.userIdForSrp, input.password));
  return { salt: bytesToHex(salt), verifier: computeVerifier(x, input).toString(16) };
}

/**
 * Answers a client's SRP_A (USER_SRP_AUTH) with the PASSWORD_VERIFIER challenge: SALT, SRP_B, SECRET_BLOCK,
 * USER_ID_FOR_SRP and USERNAME (the `username` if given, else USER_ID_FOR_SRP).
 *
 * @param user - the stored user, with `salt` and `verifier` from {@link createUserVerifier}
 * @param srpA - the client's SRP_A
 * @param options - `randomBytes` for b and SECRET_BLOCK; `engine` for g^b, v^u and S
 * @throws {SrpError} `INVALID_HEX` (SRP_A, salt, verifier), `INVALID_SRP_A` when A mod N is 0,
 *   `INVALID_USER_POOL_ID`, `RANDOM_UNAVAILABLE`
 * @example
 * ```ts
 * import { createServerChallenge } from '@cognito-kit/srp/server';
 * const challenge = createServerChallenge({ userPoolId, userIdForSrp: 'alice', salt, verifier }, AuthParameters.SRP_A);
 * return { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: challenge.challengeParameters };
 * ```
 */
export function createServerChallenge(
  user: { userPoolId: string; userIdForSrp: string; username?: string; salt: string; verifier: string },
  srpA: string,
  options?: ChallengeOptions,
): ServerChallenge {
  assertObject(user, 'user');
  if (options !== undefined) assertObject(options, 'options');
  const poolName = poolNameOf(user.userPoolId);
  assertString(user.userIdForSrp, 'userIdForSrp', true);
  const username = user.username ?? user.userIdForSrp;
  assertString(username, 'username', true);
  parseUnsignedHex(user.salt, 'salt', 'INVALID_SALT');
  return issueChallenge({
    challengeName: 'PASSWORD_VERIFIER',
    prefix: poolName,
    userId: user.userIdForSrp,
    salt: user.salt,
    verifier: parseUnsignedHex(user.verifier, 'verifier'),
    srpA,
    usernames: [user.userIdForSrp, username],
    deviceKey: undefined,
    parameters: (values) => ({ ...values, USER_ID_FOR_SRP: user.userIdForSrp, USERNAME: username }),
    random: options,
    engine: engineOf(options),
  });
}

/**
 * Checks a PASSWORD_VERIFIER answer as Cognito does: the echoed SECRET_BLOCK, USERNAME (USER_ID_FOR_SRP or the
 * username), a TIMESTAMP in Cognito's exact format within `maxSkewMs` of `now`, SECRET_HASH when a client secret is
 * given, and the signature under the SRP key.
 *
 * @returns `true` only when every check passes; a malformed answer is `false`, not an exception
 * @throws {SrpError} `INVALID_ARGUMENT` when `challenge` was not issued by {@link createServerChallenge} or an option
 *   is malformed; `INVALID_DATE` for an invalid `now`
 * @example
 * ```ts
 * import { verifyPasswordClaim } from '@cognito-kit/srp/server';
 * if (!verifyPasswordClaim(challenge, request.ChallengeResponses)) throw new Error('NotAuthorizedException');
 * ```
 */
export function verifyPasswordClaim(challenge: ServerChallenge, responses: Record<string, string>, options?: VerifyOptions): boolean {
  return checkClaim(challenge, responses, options, 'PASSWORD_VERIFIER');
}

/** A device as ConfirmDevice registered it. */
export interface StoredDevice {
  deviceGroupKey: string;
  deviceKey: string;
  /** The username the device belongs to (sent back as USERNAME). */
  username: string;
  /** ConfirmDevice's DeviceSecretVerifierConfig, base64 values as the client sent them. */
  deviceSecretVerifierConfig: { Salt: string; PasswordVerifier: string };
}

/**
 * Answers a DEVICE_SRP_AUTH (the client's SRP_A for a remembered device) with DEVICE_PASSWORD_VERIFIER: SALT (hex
 * of the registered salt bytes), SRP_B, SECRET_BLOCK, DEVICE_KEY and USERNAME.
 *
 * @throws {SrpError} `INVALID_BASE64` for a malformed stored config; the errors of {@link createServerChallenge}
 * @example
 * ```ts
 * import { createDeviceServerChallenge } from '@cognito-kit/srp/server';
 * const challenge = createDeviceServerChallenge(storedDevice, ChallengeResponses.SRP_A);
 * ```
 */
export function createDeviceServerChallenge(device: StoredDevice, srpA: string, options?: ChallengeOptions): ServerChallenge {
  assertObject(device, 'device');
  if (options !== undefined) assertObject(options, 'options');
  assertString(device.deviceGroupKey, 'deviceGroupKey', true);
  assertString(device.deviceKey, 'deviceKey', true);
  assertString(device.username, 'username', true);
  const config = device.deviceSecretVerifierConfig;
  // ConfirmDevice stores a 16-byte salt and PAD(v), at most 385 bytes, as base64: 1,368 characters (1,024 bytes) is
  // far above either. A longer value is not a verifier, and decoding a hostile 10 MB one would cost seconds.
  assertMaxLength(config?.Salt, MAX_VERIFIER_CONFIG_CHARS, 'Salt', 'characters');
  assertMaxLength(config?.PasswordVerifier, MAX_VERIFIER_CONFIG_CHARS, 'PasswordVerifier', 'characters');
  const salt = base64ToBytes(config?.Salt, 'DeviceSecretVerifierConfig.Salt');
  if (salt.length === 0) throw new SrpError('INVALID_SALT', 'DeviceSecretVerifierConfig.Salt is empty', 'Salt');
  const verifier = bytesToBigint(base64ToBytes(config?.PasswordVerifier, 'DeviceSecretVerifierConfig.PasswordVerifier'));
  return issueChallenge({
    challengeName: 'DEVICE_PASSWORD_VERIFIER',
    prefix: device.deviceGroupKey,
    userId: device.deviceKey,
    // The client reads SALT as a number and re-pads it; the stored bytes are a PAD already, so they round-trip.
    salt: bytesToHex(salt),
    verifier,
    srpA,
    usernames: [device.username],
    deviceKey: device.deviceKey,
    parameters: (values) => ({ ...values, DEVICE_KEY: device.deviceKey, USERNAME: device.username }),
    random: options,
    engine: engineOf(options),
  });
}

/**
 * Checks a DEVICE_PASSWORD_VERIFIER answer: as {@link verifyPasswordClaim}, plus DEVICE_KEY.
 *
 * @example
 * ```ts
 * import { verifyDevicePasswordClaim } from '@cognito-kit/srp/server';
 * verifyDevicePasswordClaim(challenge, request.ChallengeResponses); // true or false
 * ```
 */
export function verifyDevicePasswordClaim(challenge: ServerChallenge, responses: Record<string, string>, options?: VerifyOptions): boolean {
  return checkClaim(challenge, responses, options, 'DEVICE_PASSWORD_VERIFIER');
}

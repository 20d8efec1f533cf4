/**
 * The one error class of `@cognito-kit/srp`.
 *
 * Every refusal carries a stable string {@link SrpErrorCode} to branch on, the name of the input it concerns
 * (`field`) and a message for people. Messages name inputs and describe what is wrong with them; they never
 * repeat a password, a client secret, the private value `a`, a derived key or a device password.
 *
 * @module
 */

/**
 * Stable codes of {@link SrpError}. New codes may be added in minor versions; existing ones never change meaning.
 *
 * - `INVALID_ARGUMENT`: an input has the wrong type or is empty where a value is required.
 * - `INVALID_HEX`: a hexadecimal input (SRP_B, SRP_A, a verifier) is not plain unsigned hex.
 * - `INVALID_SALT`: SALT is not plain unsigned hex.
 * - `INVALID_SRP_A`: A mod N is 0 (server half) or A is not usable.
 * - `INVALID_SRP_B`: B mod N is 0, which would let a malicious server force the session key.
 * - `INVALID_U`: u = H(PAD(A) | PAD(B)) is 0.
 * - `INVALID_SECRET_BLOCK`: SECRET_BLOCK is not standard base64 or is empty.
 * - `INVALID_BASE64`: another base64 input is malformed.
 * - `INVALID_USER_POOL_ID`: the user pool id is not `<region>_<name>`.
 * - `INVALID_DATE`: a `Date` is not a valid instant.
 * - `MISSING_CHALLENGE_PARAMETER`: a required member of ChallengeParameters is absent.
 * - `DEVICE_KEY_MISMATCH`: the challenge names another device than the one answering.
 * - `INVALID_SESSION`: an exported SRP session could not be imported, or an object is not a session.
 * - `SESSION_ALREADY_USED`: the SRP session has answered a challenge already; each login needs a new one.
 * - `RANDOM_UNAVAILABLE`: no `crypto.getRandomValues` in this runtime and no `randomBytes` was given.
 * - `INVALID_RANDOM_BYTES`: an injected `randomBytes` returned the wrong length or type, or only zero bytes.
 * - `INPUT_TOO_LARGE`: a server value is longer than any honest one can be (SRP_B or SRP_A over 1,024 hex digits,
 *   SALT over 1,024, SECRET_BLOCK, USER_ID_FOR_SRP, USERNAME or DEVICE_KEY over the model's 131,072 characters);
 *   refused before it is parsed, so a hostile 10 MB challenge costs microseconds.
 * - `ENGINE_UNAVAILABLE`: the `node:crypto` engine (`@cognito-kit/srp/node-crypto`) is not offered in this runtime
 *   (Cloudflare Workers, where creating it costs about 1.4 s, or a `node:crypto` without `createDiffieHellman`).
 */
export type SrpErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_HEX'
  | 'INVALID_SALT'
  | 'INVALID_SRP_A'
  | 'INVALID_SRP_B'
  | 'INVALID_U'
  | 'INVALID_SECRET_BLOCK'
  | 'INVALID_BASE64'
  | 'INVALID_USER_POOL_ID'
  | 'INVALID_DATE'
  | 'MISSING_CHALLENGE_PARAMETER'
  | 'DEVICE_KEY_MISMATCH'
  | 'INVALID_SESSION'
  | 'SESSION_ALREADY_USED'
  | 'RANDOM_UNAVAILABLE'
  | 'INVALID_RANDOM_BYTES'
  | 'INPUT_TOO_LARGE'
  | 'ENGINE_UNAVAILABLE';

/**
 * Thrown for every input `@cognito-kit/srp` refuses. Check `code`, not the message.
 *
 * @example
 * ```ts
 * import { SrpError, respondToPasswordVerifier } from '@cognito-kit/srp';
 * try {
 *   respondToPasswordVerifier(session, input);
 * } catch (error) {
 *   if (error instanceof SrpError && error.code === 'INVALID_SRP_B') {
 *     // the server sent B = 0 mod N: abort this login
 *   }
 *   throw error;
 * }
 * ```
 */
export class SrpError extends Error {
  /** The stable reason, usable as a discriminant. */
  readonly code: SrpErrorCode;
  /** The input the error concerns, such as `SRP_B`, `SALT` or `userPoolId`. */
  readonly field: string | undefined;

  constructor(code: SrpErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'SrpError';
    this.code = code;
    this.field = field;
  }
}

/** Throws {@link SrpError} `INVALID_ARGUMENT` unless `value` is a string (optionally non-empty). */
export function assertString(value: unknown, field: string, nonEmpty = false): asserts value is string {
  if (typeof value !== 'string') {
    throw new SrpError('INVALID_ARGUMENT', `${field} must be a string, got ${describeType(value)}`, field);
  }
  if (nonEmpty && value.length === 0) {
    throw new SrpError('INVALID_ARGUMENT', `${field} must not be empty`, field);
  }
}

/** Throws {@link SrpError} `INVALID_ARGUMENT` unless `value` is a non-null object (an options or input bag). */
export function assertObject(value: unknown, field: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    throw new SrpError('INVALID_ARGUMENT', `${field} must be an object, got ${describeType(value)}`, field);
  }
}

/** A type name for messages: never the value itself, which may be secret. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

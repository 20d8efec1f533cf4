/**
 * The steps of Cognito's SRP-6a, one function each, for people who assemble their own flow. The high-level
 * {@link respondToPasswordVerifier} and the server half are built from exactly these.
 *
 * ```text
 * A = g^a mod N                                   computeA
 * u = H(PAD(A) | PAD(B))                          computeU
 * x = H(PAD(salt) | H(prefix | userId | ":" | password))   hashIdentity, computeX
 * S = (B - k·g^x)^(a + u·x) mod N                 computeS
 * K = HKDF-SHA256(ikm PAD(S), salt PAD(u), info "Caldera Derived Key")[0..16]   deriveKey
 * signature = base64 HMAC-SHA256(K, prefix | userId | SECRET_BLOCK bytes | TIMESTAMP)   signPasswordClaim
 * ```
 * `prefix` is the pool name for users and the device group key for devices; `userId` is USER_ID_FOR_SRP or the
 * device key.
 *
 * @module
 */
import { SrpError, assertObject, assertString } from './errors.js';
import { N, g, k } from './group.js';
import { base64ToBytes, bytesToBase64, bytesToBigint, concatBytes, isBytes, utf8 } from './encoding.js';
import { engineOf, type SrpEngine } from './engine.js';
import { hmacSha256, sha256 } from './sha256.js';
import { padBytes } from './pad.js';

/**
 * HKDF `info` of Cognito's key derivation (the `0x01` counter byte is added by HKDF-Expand itself).
 *
 * @example
 * ```ts
 * import { HKDF_INFO } from '@cognito-kit/srp';
 * HKDF_INFO; // 'Caldera Derived Key'
 * ```
 */
export const HKDF_INFO = 'Caldera Derived Key';

const HKDF_INFO_BYTES = /* @__PURE__ */ utf8(HKDF_INFO);

function assertBigint(value: unknown, field: string): asserts value is bigint {
  if (typeof value !== 'bigint') throw new SrpError('INVALID_ARGUMENT', `${field} must be a bigint`, field);
}

/**
 * A = g^a mod N, the client's public value (SRP_A is its minimal lower-case hex, `A.toString(16)`).
 *
 * @param a - the client's private value, 1 ≤ a (Cognito clients draw 128 random bytes)
 * @param options - `engine`: where the exponentiation runs (this package's pure one by default)
 * @throws {SrpError} `INVALID_ARGUMENT` unless `a` is a positive bigint, or for an engine without `powModN`
 * @example
 * ```ts
 * import { computeA } from '@cognito-kit/srp';
 * const SRP_A = computeA(a).toString(16);
 * ```
 */
export function computeA(a: bigint, options?: { engine?: SrpEngine }): bigint {
  assertBigint(a, 'a');
  if (a <= 0n) throw new SrpError('INVALID_ARGUMENT', 'a must be positive', 'a');
  return engineOf(options).powModN(g, a);
}

/**
 * u = SHA-256(PAD(A) | PAD(B)) as an integer. B is used as the server sent it (not reduced mod N).
 *
 * @throws {SrpError} `INVALID_U` when u is 0 (SRP-6a aborts there); `INVALID_ARGUMENT` for non-bigints
 * @example
 * ```ts
 * import { computeU } from '@cognito-kit/srp';
 * const u = computeU(A, B);
 * ```
 */
export function computeU(A: bigint, B: bigint): bigint {
  assertBigint(A, 'A');
  assertBigint(B, 'B');
  const u = bytesToBigint(sha256(concatBytes(padBytes(A), padBytes(B))));
  if (u === 0n) throw new SrpError('INVALID_U', 'u = H(PAD(A) | PAD(B)) is zero; abort this login', 'u');
  return u;
}

/**
 * The inner hash of x: SHA-256 of the UTF-8 string `prefix + userId + ":" + password`, with no Unicode
 * normalisation (Cognito hashes the bytes as typed).
 *
 * @param prefix - the pool name (users) or the device group key (devices)
 * @param userId - USER_ID_FOR_SRP (users) or the device key (devices)
 * @param password - the password or device password; may be empty
 * @returns 32 bytes
 * @example
 * ```ts
 * import { hashIdentity, poolNameOf } from '@cognito-kit/srp';
 * const identity = hashIdentity(poolNameOf('eu-west-2_eYpv1mFHB'), userIdForSrp, password);
 * ```
 */
export function hashIdentity(prefix: string, userId: string, password: string): Uint8Array {
  assertString(prefix, 'prefix');
  assertString(userId, 'userId');
  assertString(password, 'password');
  return sha256(utf8(`${prefix}${userId}:${password}`));
}

/**
 * x = SHA-256(PAD(salt) | identityHash) as an integer.
 *
 * @param salt - SALT read as an unsigned integer (see {@link parseUnsignedHex})
 * @param identityHash - the 32 bytes of {@link hashIdentity}
 * @example
 * ```ts
 * import { computeX, hashIdentity, parseUnsignedHex } from '@cognito-kit/srp';
 * const x = computeX(parseUnsignedHex(SALT, 'SALT', 'INVALID_SALT'), hashIdentity(poolName, userId, password));
 * ```
 */
export function computeX(salt: bigint, identityHash: Uint8Array): bigint {
  assertBigint(salt, 'salt');
  if (salt < 0n) throw new SrpError('INVALID_SALT', 'salt must not be negative', 'salt');
  if (!isBytes(identityHash) || identityHash.length !== 32) {
    throw new SrpError('INVALID_ARGUMENT', 'identityHash must be the 32 bytes of hashIdentity', 'identityHash');
  }
  return bytesToBigint(sha256(concatBytes(padBytes(salt), identityHash)));
}

/**
 * The verifier v = g^x mod N that Cognito stores for a user (and ConfirmDevice stores for a device), on
 * `options.engine` when given.
 *
 * @example
 * ```ts
 * import { computeVerifier } from '@cognito-kit/srp';
 * const v = computeVerifier(x);
 * ```
 */
export function computeVerifier(x: bigint, options?: { engine?: SrpEngine }): bigint {
  assertBigint(x, 'x');
  return engineOf(options).powModN(g, x);
}

/**
 * Checks SRP_B: B mod N must not be 0, or a malicious server could force S = 0 and learn the key.
 *
 * @throws {SrpError} `INVALID_SRP_B`
 * @example
 * ```ts
 * import { assertValidB } from '@cognito-kit/srp';
 * assertValidB(B);
 * ```
 */
export function assertValidB(B: bigint): void {
  assertBigint(B, 'B');
  if (B % N === 0n) throw new SrpError('INVALID_SRP_B', 'SRP_B is 0 mod N; abort this login', 'SRP_B');
}

/**
 * The client's premaster secret S = (B - k·g^x)^(a + u·x) mod N, with the negative base reduced mod N. Both
 * exponentiations run on `input.engine` when given (this package's pure one by default).
 *
 * @throws {SrpError} `INVALID_SRP_B` when B mod N is 0; `INVALID_ARGUMENT` for non-bigints, a ≤ 0 or an engine
 *   without `powModN`
 * @example
 * ```ts
 * import { computeS } from '@cognito-kit/srp';
 * const S = computeS({ a, B, x, u });
 * ```
 */
export function computeS(input: { a: bigint; B: bigint; x: bigint; u: bigint; engine?: SrpEngine }): bigint {
  assertObject(input, 'input');
  const { a, B, x, u } = input;
  assertBigint(a, 'a');
  assertBigint(x, 'x');
  assertBigint(u, 'u');
  assertValidB(B);
  if (a <= 0n) throw new SrpError('INVALID_ARGUMENT', 'a must be positive', 'a');
  const engine = engineOf(input);
  const base = (B - k * engine.powModN(g, x)) % N;
  return engine.powModN(base, a + u * x);
}

/**
 * The 16-byte authentication key K = HKDF-SHA256(IKM = PAD(S), salt = PAD(u), info = "Caldera Derived Key"),
 * i.e. the first 16 bytes of HMAC(HMAC(PAD(u), PAD(S)), "Caldera Derived Key" | 0x01). Secret: never log it.
 *
 * @example
 * ```ts
 * import { deriveKey } from '@cognito-kit/srp';
 * const key = deriveKey(S, u); // Uint8Array(16)
 * ```
 */
export function deriveKey(S: bigint, u: bigint): Uint8Array {
  assertBigint(S, 'S');
  assertBigint(u, 'u');
  // RFC 5869 with one output block: PRK = HMAC(salt, IKM), T(1) = HMAC(PRK, info ‖ 0x01), K = the first 16 bytes.
  const prk = hmacSha256(padBytes(u), padBytes(S));
  const key = hmacSha256(prk, concatBytes(HKDF_INFO_BYTES, Uint8Array.of(1))).slice(0, 16);
  prk.fill(0);
  return key;
}

/**
 * PASSWORD_CLAIM_SIGNATURE = base64(HMAC-SHA256(K, prefix | userId | SECRET_BLOCK bytes | TIMESTAMP)).
 *
 * @param key - the 16 bytes of {@link deriveKey}
 * @param claim.prefix - the pool name (users) or device group key (devices)
 * @param claim.userId - USER_ID_FOR_SRP (users) or device key (devices)
 * @param claim.secretBlock - SECRET_BLOCK as Cognito sent it (base64), or its decoded bytes
 * @param claim.timestamp - the TIMESTAMP string that is also sent (see {@link formatTimestamp})
 * @throws {SrpError} `INVALID_SECRET_BLOCK` when the secret block is not standard base64 or is empty
 * @example
 * ```ts
 * import { signPasswordClaim } from '@cognito-kit/srp';
 * const PASSWORD_CLAIM_SIGNATURE = signPasswordClaim(key, { prefix: poolName, userId, secretBlock, timestamp });
 * ```
 */
export function signPasswordClaim(
  key: Uint8Array,
  claim: { prefix: string; userId: string; secretBlock: string | Uint8Array; timestamp: string },
): string {
  if (!isBytes(key) || key.length === 0) throw new SrpError('INVALID_ARGUMENT', 'key must be the bytes of deriveKey', 'key');
  assertObject(claim, 'claim');
  assertString(claim.prefix, 'prefix');
  assertString(claim.userId, 'userId');
  assertString(claim.timestamp, 'timestamp', true);
  const secretBlock = decodeSecretBlock(claim.secretBlock);
  const message = concatBytes(utf8(claim.prefix), utf8(claim.userId), secretBlock, utf8(claim.timestamp));
  return bytesToBase64(hmacSha256(key, message));
}

/** SECRET_BLOCK's bytes: standard base64 from Cognito, never empty. */
export function decodeSecretBlock(secretBlock: string | Uint8Array): Uint8Array {
  const bytes = isBytes(secretBlock) ? secretBlock : base64ToBytes(secretBlock, 'SECRET_BLOCK', 'INVALID_SECRET_BLOCK');
  if (bytes.length === 0) throw new SrpError('INVALID_SECRET_BLOCK', 'SECRET_BLOCK is empty', 'SECRET_BLOCK');
  return bytes;
}

/**
 * Cognito's PAD: the bytes Java's `BigInteger.toByteArray()` gives, as hex. Every value that is hashed in SRP
 * (N, g, A, B, u, S, the salt) goes through it, and a wrong PAD fails about one login in 256.
 *
 * @module
 */
import { SrpError } from './errors.js';
import { hexToBytes } from './encoding.js';

/**
 * Hex of the minimal big-endian two's-complement encoding of `value`, lower-case.
 *
 * For `value >= 0`: the hex digits, a leading `0` if their count is odd, then `00` if the first digit is 8-f (so
 * the sign bit stays clear). For negatives: the two's complement in the fewest bytes (`-1` → `ff`,
 * `-128` → `80`, `-129` → `ff7f`), as amazon-cognito-identity-js and Amplify do since they handle negative salts.
 *
 * @param value - any integer
 * @returns even-length lower-case hex, at least two digits
 * @throws {SrpError} `INVALID_ARGUMENT` when `value` is not a bigint
 * @example
 * ```ts
 * import { padHex } from '@cognito-kit/srp';
 * padHex(0x7fn);   // '7f'
 * padHex(0x80n);   // '0080'
 * padHex(0xabcn);  // '0abc'
 * padHex(-129n);   // 'ff7f'
 * ```
 */
export function padHex(value: bigint): string {
  if (typeof value !== 'bigint') {
    throw new SrpError('INVALID_ARGUMENT', 'padHex expects a bigint', 'value');
  }
  if (value >= 0n) {
    let hex = value.toString(16);
    if (hex.length % 2 !== 0) hex = '0' + hex;
    // First digit 8-f means the top bit is set: Java adds a sign byte.
    if (hex.charCodeAt(0) >= 56 /* '8' */) hex = '00' + hex;
    return hex;
  }
  // Java's toByteArray has bitLength(value) / 8 + 1 bytes, where bitLength of a negative n is that of -n - 1.
  const magnitudeBits = (-value - 1n).toString(2).length - (value === -1n ? 1 : 0);
  const byteCount = Math.floor(magnitudeBits / 8) + 1;
  const modulus = 1n << BigInt(byteCount * 8);
  return (modulus + value).toString(16).padStart(byteCount * 2, '0');
}

/** PAD as bytes: what is fed to SHA-256 and HKDF. */
export function padBytes(value: bigint): Uint8Array {
  return hexToBytes(padHex(value));
}

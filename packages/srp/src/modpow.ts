/**
 * Modular exponentiation on native bigint, the cost centre of SRP.
 *
 * Two paths: base 2 (every g^a and g^x) squares and then multiplies by 2^w as a shift, which needs no table and no
 * general multiplication; any other base (S on the client, v^u and the server's S) uses a left-to-right sliding
 * window over odd powers. Both are plain square-and-multiply underneath: the exponents here are secret, but
 * bigint arithmetic in JS engines is not constant-time anyway, and the reference clients are not either.
 *
 * @module
 */
import { SrpError } from './errors.js';

const SLIDING_WINDOW_BITS = 5;
const SHIFT_WINDOW_BITS = 8;

/**
 * `base ** exponent mod modulus` for bigints, with the result in `[0, modulus)`. A negative base is reduced
 * first, as SRP's `B - k·g^x` needs.
 *
 * @param base - any integer
 * @param exponent - a non-negative integer
 * @param modulus - an integer greater than 0
 * @throws {SrpError} `INVALID_ARGUMENT` for a negative exponent, a modulus below 1, or a non-bigint input
 * @example
 * ```ts
 * import { modPow, N, g } from '@cognito-kit/srp';
 * modPow(4n, 13n, 497n);   // 445n
 * const A = modPow(g, a, N);
 * ```
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (typeof base !== 'bigint' || typeof exponent !== 'bigint' || typeof modulus !== 'bigint') {
    throw new SrpError('INVALID_ARGUMENT', 'modPow expects bigint arguments');
  }
  if (modulus < 1n) throw new SrpError('INVALID_ARGUMENT', 'modPow needs a modulus of at least 1', 'modulus');
  if (exponent < 0n) throw new SrpError('INVALID_ARGUMENT', 'modPow needs a non-negative exponent', 'exponent');
  if (modulus === 1n) return 0n;
  let b = base % modulus;
  if (b < 0n) b += modulus;
  if (exponent === 0n) return 1n;
  if (b === 0n || b === 1n) return b;
  return b === 2n ? powerOfTwo(exponent, modulus) : slidingWindow(b, exponent, modulus);
}

/** 2^e mod m: squarings, and after each window of bits a shift by the window's value. */
function powerOfTwo(exponent: bigint, modulus: bigint): bigint {
  const bits = exponent.toString(2);
  // Start with the leading window so the first squarings are skipped.
  const lead = bits.length % SHIFT_WINDOW_BITS || SHIFT_WINDOW_BITS;
  let result = (1n << BigInt(parseInt(bits.slice(0, lead), 2))) % modulus;
  for (let i = lead; i < bits.length; i += SHIFT_WINDOW_BITS) {
    for (let s = 0; s < SHIFT_WINDOW_BITS; s++) result = (result * result) % modulus;
    const window = parseInt(bits.slice(i, i + SHIFT_WINDOW_BITS), 2);
    if (window !== 0) result = (result << BigInt(window)) % modulus;
  }
  return result;
}

/** b^e mod m, left to right, with windows of up to SLIDING_WINDOW_BITS bits that start and end with a 1. */
function slidingWindow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const bits = exponent.toString(2);
  // oddPowers[i] = base^(2i+1)
  const oddPowers: bigint[] = [base];
  const square = (base * base) % modulus;
  for (let i = 1; i < 1 << (SLIDING_WINDOW_BITS - 1); i++) oddPowers.push((oddPowers[i - 1]! * square) % modulus);

  let result = 1n;
  let started = false;
  let i = 0;
  while (i < bits.length) {
    if (bits.charCodeAt(i) === 48 /* '0' */) {
      if (started) result = (result * result) % modulus;
      i++;
      continue;
    }
    let end = Math.min(i + SLIDING_WINDOW_BITS, bits.length);
    while (bits.charCodeAt(end - 1) === 48) end--;
    const window = parseInt(bits.slice(i, end), 2);
    if (started) {
      for (let s = i; s < end; s++) result = (result * result) % modulus;
      result = (result * oddPowers[(window - 1) >> 1]!) % modulus;
    } else {
      result = oddPowers[(window - 1) >> 1]!;
      started = true;
    }
    i = end;
  }
  return result;
}

/**
 * Modular exponentiation on native bigint, the cost centre of SRP.
 *
 * Three paths. 2^e mod N for exponents of up to 1024 bits (every g^a, g^x and the server's g^b) uses tables of
 * fixed powers of 2 (fixed-base.ts): a 1024-bit g^a then costs ~160 modular multiplications instead of 1024
 * squarings, a 256-bit g^x ~80 instead of 256. The table for exponents of up to 512 bits is built on the first
 * such call (it costs about one such exponentiation, and pays within the login). The comb for longer exponents
 * costs about two shift-path g^a, so a process that logs in once (a browser page, a CLI) should not build it:
 * the first LONG_EXPONENT_SHIFT_CALLS long exponentiations of 2 mod N take the shift path, and the comb is built
 * on the next one.
 *
 * Other bases (S on the client, v^u and the server's S) use a left-to-right sliding window over odd powers; base 2
 * with another modulus (or a longer exponent) squares and then multiplies by 2^w as a shift. All of it is plain
 * square-and-multiply underneath: the exponents here are secret, but bigint arithmetic in JS engines is not
 * constant-time anyway, and the reference clients are not either.
 * Products mod N are reduced by Montgomery multiplication in 1024-bit chunks (montgomery.ts), about 7% faster
 * per step than V8's `%`, which costs about two multiplications at 3072 bits; full-width Montgomery and Barrett
 * reduction gave nothing (measured in the project's reductions experiment).
 *
 * @module
 */
import { SrpError } from './errors.js';
import { N } from './group.js';
import { FIXED_BASE_MAX_BITS, SHORT_EXPONENT_BITS, buildFixedBaseTables, fixedBasePowerOfTwo } from './fixed-base.js';
import { fromMontgomery, montgomeryMultiply, toMontgomery } from './montgomery.js';

const SLIDING_WINDOW_BITS = 5;
const SHIFT_WINDOW_BITS = 8;
/**
 * 2^e mod N calls with a long exponent (above SHORT_EXPONENT_BITS: a 1024-bit a or b) served by the shift path
 * before the comb table is built: a default login makes one, so a process that logs in once never builds it.
 */
const LONG_EXPONENT_SHIFT_CALLS = 1;

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
  if (b !== 2n) return slidingWindow(b, exponent, modulus);
  const bits = exponent.toString(2);
  if (modulus === N) {
    // Short exponents (x, a 256-bit a): Yao's table costs about one shift-path call to build, and the login's
    // next 2^e is three times cheaper, so it is used from the first call.
    if (bits.length <= SHORT_EXPONENT_BITS) return fixedBasePowerOfTwo(bits);
    if (bits.length <= FIXED_BASE_MAX_BITS) {
      if (longShiftCalls >= LONG_EXPONENT_SHIFT_CALLS) return fixedBasePowerOfTwo(bits);
      longShiftCalls++;
    }
    return fromMontgomery(powerOfTwo(bits, toMontgomery, montgomeryMultiply, N));
  }
  return powerOfTwo(bits, (x) => x, multiplyModulo(modulus), modulus);
}

/** 2^e mod N calls with a long exponent that took the shift path; stops at LONG_EXPONENT_SHIFT_CALLS. */
let longShiftCalls = 0;

/**
 * Builds every table of fixed powers of 2 now, for a long-lived process (a server, a load generator) that would
 * rather pay at start-up than during its first logins: about 40 ms and ~630 KB, after which every g^a, g^x and
 * server g^b is served from a table from its first call.
 *
 * Without it, the tables are built lazily so that a process that logs in once (a page, a CLI) pays as little as
 * possible: an exponent of up to 512 bits (x; a 256-bit a) builds Yao's table on its first use (about the cost of
 * one such exponentiation, repaid within the login); a 1024-bit exponent (the default a; the server's b) takes the
 * slower shift path once and builds the long comb on its second use; exponents of up to 256 bits move to the short
 * comb after 16 uses. So the cost of a call depends on what ran before it in the process; this makes it not.
 *
 * @example
 * ```ts
 * import { precomputeFixedBase } from '@cognito-kit/srp';
 * precomputeFixedBase(); // at start-up, before serving logins
 * ```
 */
export function precomputeFixedBase(): void {
  buildFixedBaseTables();
  longShiftCalls = LONG_EXPONENT_SHIFT_CALLS;
  precomputed = true;
}

let precomputed = false;

/**
 * Whether {@link precomputeFixedBase} has run in this copy of the package: an engine whose cold path is faster than
 * building a table (OpenSSL's) uses the tables only then.
 */
export function isFixedBasePrecomputed(): boolean {
  return precomputed;
}

/**
 * 2^e mod m: squarings under `multiply`, and after each window of bits a shift by the window's value, reduced
 * by a `%` that is cheap (the dividend is at most SHIFT_WINDOW_BITS bits longer than m). Works in Montgomery form
 * too: x·R·2^w is the form of x·2^w.
 */
function powerOfTwo(bits: string, into: (x: bigint) => bigint, multiply: (x: bigint, y: bigint) => bigint, modulus: bigint): bigint {
  // Start with the leading window so the first squarings are skipped.
  const lead = bits.length % SHIFT_WINDOW_BITS || SHIFT_WINDOW_BITS;
  let result = into((1n << BigInt(parseInt(bits.slice(0, lead), 2))) % modulus);
  for (let i = lead; i < bits.length; i += SHIFT_WINDOW_BITS) {
    for (let s = 0; s < SHIFT_WINDOW_BITS; s++) result = multiply(result, result);
    const window = parseInt(bits.slice(i, i + SHIFT_WINDOW_BITS), 2);
    if (window !== 0) result = (result << BigInt(window)) % modulus;
  }
  return result;
}

/** b^e mod m for 1 < b < m and e > 0; mod N in Montgomery form. */
function slidingWindow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const bits = exponent.toString(2);
  if (modulus === N) return fromMontgomery(slide(toMontgomery(base), bits, montgomeryMultiply));
  return slide(base, bits, multiplyModulo(modulus));
}

/** x·y mod m with bigint `%`: the multiplication for moduli other than N. */
function multiplyModulo(modulus: bigint): (x: bigint, y: bigint) => bigint {
  return (x, y) => (x * y) % modulus;
}

/**
 * base^e left to right under `multiply`, with windows of up to SLIDING_WINDOW_BITS bits that start and end with a
 * 1. `bits` is e in binary without leading zeros (e > 0), so the result starts at a window's odd power.
 */
function slide(base: bigint, bits: string, multiply: (x: bigint, y: bigint) => bigint): bigint {
  // oddPowers[i] = base^(2i+1)
  const oddPowers: bigint[] = [base];
  const square = multiply(base, base);
  for (let i = 1; i < 1 << (SLIDING_WINDOW_BITS - 1); i++) oddPowers.push(multiply(oddPowers[i - 1]!, square));

  let result = 0n;
  let started = false;
  let i = 0;
  while (i < bits.length) {
    if (bits.charCodeAt(i) === 48 /* '0' */) {
      if (started) result = multiply(result, result);
      i++;
      continue;
    }
    let end = Math.min(i + SLIDING_WINDOW_BITS, bits.length);
    while (bits.charCodeAt(end - 1) === 48) end--;
    const window = parseInt(bits.slice(i, end), 2);
    if (started) {
      for (let s = i; s < end; s++) result = multiply(result, result);
      result = multiply(result, oddPowers[(window - 1) >> 1]!);
    } else {
      result = oddPowers[(window - 1) >> 1]!;
      started = true;
    }
    i = end;
  }
  return result;
}

/**
 * 2^e mod N from precomputed powers of 2: every g^a, g^x and server g^b of a long-lived process.
 *
 * Two tables, both built on first use and kept in Montgomery form (montgomery.ts):
 * - Exponents of up to 512 bits (x, and a or b of 256 bits) use Yao's method over powers[i] = 2^(2^(5·i)):
 *   about bits/5 + 31 multiplications (~80 for a 256-bit x) from a table of up to 103 entries (40 KB).
 * - Exponents of 513 to 1024 bits (the 1024-bit a every Cognito client draws) use a Lim–Lee comb with 8 rows of
 *   128 bits, each cut into 4 blocks of 32: 31 squarings and at most 128 multiplications (~160 in all, against
 *   ~235 for Yao), from a table of 4 × 255 entries of 384 bytes (~390 KB) that costs ~2,000 multiplications to
 *   build, about two shift-path g^a.
 *
 * @module
 */
import { fromMontgomery, montgomeryMultiply, toMontgomery } from './montgomery.js';

/** Longest exponent served here (Cognito's a and the server's b are 1024 bits). */
export const FIXED_BASE_MAX_BITS = 1024;
/** Exponents up to this length use Yao's method, longer ones the comb. */
export const SHORT_EXPONENT_BITS = 512;
/** Digit size of Yao's method: cost ≈ bits/w + 2^w multiplications; 5 is the best for 256 bits. */
const YAO_WINDOW_BITS = 5;
const COMB_ROWS = 8;
const COMB_BLOCKS = 4;
const COMB_ROW_BITS = FIXED_BASE_MAX_BITS / COMB_ROWS; // 128
const COMB_BLOCK_BITS = COMB_ROW_BITS / COMB_BLOCKS; // 32

/**
 * 2^e mod N for `bits`, e in binary without leading zeros, of at most {@link FIXED_BASE_MAX_BITS} digits.
 */
export function fixedBasePowerOfTwo(bits: string): bigint {
  return fromMontgomery(bits.length <= SHORT_EXPONENT_BITS ? yao(bits) : comb(bits));
}

/** powers[i] = 2^(2^(YAO_WINDOW_BITS·i)) mod N in Montgomery form, grown on demand. */
const powers: bigint[] = [];

/**
 * Yao's method: with e = Σ e_i·2^(w·i) and G_i = powers[i], 2^e = Π_{d=1}^{2^w-1} B_d where B_d = Π_{e_i ≥ d} G_i.
 * Walking d down from 2^w-1, B gains the G_i whose digit is d, and the result gains B.
 */
function yao(bits: string): bigint {
  const w = YAO_WINDOW_BITS;
  const digits = Math.ceil(bits.length / w);
  if (powers.length === 0) powers.push(toMontgomery(2n));
  while (powers.length < digits) {
    let x = powers[powers.length - 1]!;
    for (let s = 0; s < w; s++) x = montgomeryMultiply(x, x);
    powers.push(x);
  }
  // byDigit[d] lists the i with e_i = d (digit i is the w bits ending w·i bits from the right)
  const byDigit: number[][] = Array.from({ length: 1 << w }, () => []);
  for (let i = 0; i < digits; i++) {
    const end = bits.length - w * i;
    const digit = parseInt(bits.slice(Math.max(0, end - w), end), 2);
    if (digit !== 0) byDigit[digit]!.push(i);
  }
  let result = 0n; // 0 = not started (no power of 2 is 0 mod N, nor its Montgomery form)
  let product = 0n;
  for (let d = (1 << w) - 1; d >= 1; d--) {
    for (const i of byDigit[d]!) product = product === 0n ? powers[i]! : montgomeryMultiply(product, powers[i]!);
    if (product !== 0n) result = result === 0n ? product : montgomeryMultiply(result, product);
  }
  return result;
}

/**
 * combTable[j][s] = Π_{i in s} 2^(2^(128·i + 32·j)) mod N (Montgomery form) for s in 1..255: the product over the
 * rows i whose bit is set in s, at block j. Index 0 is unused.
 */
let combTable: bigint[][] | undefined;

function buildCombTable(): bigint[][] {
  // bases[t] = 2^(2^(32·t)): row i, block j is t = 4·i + j
  const bases: bigint[] = [toMontgomery(2n)];
  for (let t = 1; t < COMB_ROWS * COMB_BLOCKS; t++) {
    let x = bases[t - 1]!;
    for (let s = 0; s < COMB_BLOCK_BITS; s++) x = montgomeryMultiply(x, x);
    bases.push(x);
  }
  const table: bigint[][] = [];
  for (let j = 0; j < COMB_BLOCKS; j++) {
    const row: bigint[] = [0n];
    for (let s = 1; s < 1 << COMB_ROWS; s++) {
      const lowest = 31 - Math.clz32(s & -s);
      const base = bases[COMB_BLOCKS * lowest + j]!;
      const rest = s & (s - 1);
      row.push(rest === 0 ? base : montgomeryMultiply(row[rest]!, base));
    }
    table.push(row);
  }
  return table;
}

/**
 * The comb: bit k of block j of row i is bit 128·i + 32·j + k of e. For k from 31 down to 0 the result is
 * squared, then multiplied by combTable[j][the 8 bits k of block j across the rows] for each block j.
 */
function comb(bits: string): bigint {
  const table = (combTable ??= buildCombTable());
  const last = bits.length - 1; // bit p of e is bits[last - p]
  let result = 0n; // 0 = not started
  for (let k = COMB_BLOCK_BITS - 1; k >= 0; k--) {
    if (result !== 0n) result = montgomeryMultiply(result, result);
    for (let j = 0; j < COMB_BLOCKS; j++) {
      let index = 0;
      for (let i = 0; i < COMB_ROWS; i++) {
        const p = COMB_ROW_BITS * i + COMB_BLOCK_BITS * j + k;
        if (p <= last && bits.charCodeAt(last - p) === 49 /* '1' */) index |= 1 << i;
      }
      if (index !== 0) result = result === 0n ? table[j]![index]! : montgomeryMultiply(result, table[j]![index]!);
    }
  }
  return result;
}

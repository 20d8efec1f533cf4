/**
 * 2^e mod N from precomputed powers of 2: every g^a, g^x and server g^b of a long-lived process.
 *
 * Three tables, each built when first needed and kept in Montgomery form (montgomery.ts):
 * - Yao's method over powers[i] = 2^(2^(5·i)) serves exponents of up to 512 bits: about bits/5 + 31
 *   multiplications (~80 for a 256-bit x) from up to 103 entries (40 KB) that cost about one shift-path
 *   exponentiation to build, so it pays within the first login.
 * - Lim–Lee combs: the exponent's bits are laid out in `rows` rows, each cut into `blocks` blocks of `blockBits`
 *   bits; a table holds, for each block position, the products of every subset of the rows' powers of 2. Then
 *   2^e costs blockBits − 1 squarings and at most blocks·blockBits multiplications.
 *   - 1024-bit exponents (the a every Cognito client draws, the server's b): 8 rows × 4 blocks of 32 bits, ~160
 *     multiplications against ~235 for Yao; 4 × 255 entries (~390 KB), ~2,000 multiplications to build (about
 *     two shift-path g^a), so it is built from a process's second such exponentiation (modpow.ts).
 *   - exponents of up to 256 bits (x, a 256-bit a) once SHORT_COMB_AFTER_CALLS of them have used Yao: 8 rows × 2
 *     blocks of 16 bits, ~47 multiplications against ~80; 2 × 255 entries (~200 KB), ~750 multiplications.
 *
 * @module
 */
import { fromMontgomery, montgomeryMultiply, toMontgomery } from './montgomery.js';

/** Longest exponent served here (Cognito's a and the server's b are 1024 bits). */
export const FIXED_BASE_MAX_BITS = 1024;
/** Exponents up to this length use Yao's method (or the short comb), longer ones the long comb. */
export const SHORT_EXPONENT_BITS = 512;
/** Digit size of Yao's method: cost ≈ bits/w + 2^w multiplications; 5 is the best for 256 bits. */
const YAO_WINDOW_BITS = 5;
/** Exponents of up to 256 bits served by Yao's method before the short comb is built (it pays after ~20). */
const SHORT_COMB_AFTER_CALLS = 16;

/**
 * 2^e mod N for `bits`, e in binary without leading zeros, of at most {@link FIXED_BASE_MAX_BITS} digits.
 */
export function fixedBasePowerOfTwo(bits: string): bigint {
  let result: bigint;
  if (bits.length > SHORT_EXPONENT_BITS) result = longComb(bits);
  else if (bits.length <= shortComb.maxBits && shortCalls >= SHORT_COMB_AFTER_CALLS) result = shortComb(bits);
  else {
    if (bits.length <= shortComb.maxBits) shortCalls++;
    result = yao(bits);
  }
  return fromMontgomery(result);
}

/** Exponents of up to 256 bits served by Yao's method so far (stops counting at SHORT_COMB_AFTER_CALLS). */
let shortCalls = 0;

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

/** A comb for exponents of up to rows·blocks·blockBits bits. */
interface Comb {
  (bits: string): bigint;
  readonly maxBits: number;
}

/**
 * A Lim–Lee comb: bit k of block j of row i is bit rowBits·i + blockBits·j + k of e. For k from blockBits−1 down
 * to 0 the result is squared, then multiplied by table[j][the k-th bits of block j across the rows] for each j.
 */
function makeComb(rows: number, blocks: number, blockBits: number): Comb {
  const rowBits = blocks * blockBits;
  let table: bigint[][] | undefined;

  /** table[j][s] = Π_{i in s} 2^(2^(rowBits·i + blockBits·j)) for s in 1..2^rows−1 (index 0 unused). */
  function build(): bigint[][] {
    // bases[t] = 2^(2^(blockBits·t)): row i, block j is t = blocks·i + j
    const bases: bigint[] = [toMontgomery(2n)];
    for (let t = 1; t < rows * blocks; t++) {
      let x = bases[t - 1]!;
      for (let s = 0; s < blockBits; s++) x = montgomeryMultiply(x, x);
      bases.push(x);
    }
    const built: bigint[][] = [];
    for (let j = 0; j < blocks; j++) {
      const column: bigint[] = [0n];
      for (let s = 1; s < 1 << rows; s++) {
        const lowest = 31 - Math.clz32(s & -s);
        const base = bases[blocks * lowest + j]!;
        const rest = s & (s - 1);
        column.push(rest === 0 ? base : montgomeryMultiply(column[rest]!, base));
      }
      built.push(column);
    }
    return built;
  }

  const comb = (bits: string): bigint => {
    const columns = (table ??= build());
    const last = bits.length - 1; // bit p of e is bits[last - p]
    let result = 0n; // 0 = not started
    for (let k = blockBits - 1; k >= 0; k--) {
      if (result !== 0n) result = montgomeryMultiply(result, result);
      for (let j = 0; j < blocks; j++) {
        let index = 0;
        for (let i = 0; i < rows; i++) {
          const p = rowBits * i + blockBits * j + k;
          if (p <= last && bits.charCodeAt(last - p) === 49 /* '1' */) index |= 1 << i;
        }
        if (index !== 0) result = result === 0n ? columns[j]![index]! : montgomeryMultiply(result, columns[j]![index]!);
      }
    }
    return result;
  };
  return Object.assign(comb, { maxBits: rows * rowBits });
}

const longComb = /* @__PURE__ */ makeComb(8, 4, 32);
const shortComb = /* @__PURE__ */ makeComb(8, 2, 16);

/**
 * Builds every table now: Yao's powers, then the short and the long comb (each builds its table on its first call),
 * and lets each serve from its first call. See `precomputeFixedBase` (modpow.ts) for when.
 */
export function buildFixedBaseTables(): void {
  yao('1'.padEnd(SHORT_EXPONENT_BITS, '0')); // grows the powers to the longest exponent Yao serves
  shortComb('1');
  longComb('1');
  shortCalls = SHORT_COMB_AFTER_CALLS;
}

/**
 * 2^e mod N by Yao's method alone, for `bits` (e in binary, no leading zeros) of any length the powers cover or
 * will grow to: the path of `@cognito-kit/srp/precomputed`, whose shipped powers cover 1,024 bits.
 */
export function yaoPowerOfTwo(bits: string): bigint {
  return fromMontgomery(yao(bits));
}

/**
 * Installs shipped powers (entry i = 2^(2^(YAO_WINDOW_BITS·i)) mod N, in Montgomery form) unless the process has grown
 * as many already: the values are the same either way.
 */
export function preloadYaoPowers(shipped: readonly bigint[]): void {
  if (shipped.length > powers.length) powers.splice(0, powers.length, ...shipped);
}

// modPow against big-integer's modPow, an independent implementation, on random inputs of every size that SRP
// uses, plus the group constants.
import { fc, test } from '@fast-check/vitest';
import bigInt from 'big-integer';
import { describe, expect, it } from 'vitest';
import { N, SrpError, g, k, modPow } from '../src/index.js';

// big-integer keeps the sign of a negative base in its result; SRP needs the residue in [0, m).
const oracle = (base: bigint, exponent: bigint, modulus: bigint): bigint => {
  const r = BigInt(bigInt(base.toString()).modPow(bigInt(exponent.toString()), bigInt(modulus.toString())).toString());
  return ((r % modulus) + modulus) % modulus;
};

const bits = (n: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(n)) - 1n });

describe('modPow', () => {
  test.prop([fc.bigInt({ min: -(1n << 3100n), max: 1n << 3100n }), bits(1300)], { numRuns: 60 })(
    'equals big-integer modPow mod N for any base (negatives included) and exponent',
    (base, exponent) => {
      expect(modPow(base, exponent, N)).toBe(oracle(base, exponent, N));
    },
  );

  test.prop([fc.oneof(bits(1024), bits(1300))], { numRuns: 60 })('base 2 (g^a, g^x; fixed-base table and shift paths) equals big-integer', (exponent) => {
    expect(modPow(g, exponent, N)).toBe(oracle(2n, exponent, N));
  });

  // Exponents at the seams of the fixed-base tables (Yao up to 512 bits, the comb's 8 rows × 4 blocks of 32 bits
  // up to 1024, the shift path beyond), after two warm-up calls so that the tables are in use.
  const seams = [1, 31, 32, 33, 127, 128, 129, 255, 256, 511, 512, 513, 639, 640, 895, 896, 1023, 1024, 1025];
  it.each(seams)('base 2 at the table seams: %i-bit exponents (2^(n−1), 2^n − 1, sparse bits) equal big-integer', (bitLength) => {
    modPow(g, 5n, N);
    modPow(g, 7n, N);
    const top = 1n << BigInt(bitLength - 1);
    const exponents = [top, (top << 1n) - 1n, top | 1n, top | (top >> 1n), top + 0x1234567n];
    for (const exponent of exponents) expect(modPow(g, exponent, N)).toBe(oracle(2n, exponent, N));
  });

  it('base 2 with short exponents, before and after the short comb is built (its seams and sparse bits), equals big-integer', () => {
    const lengths = [1, 2, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 191, 192, 255, 256, 257];
    const exponentsOf = (bitLength: number) => {
      const top = 1n << BigInt(bitLength - 1);
      return [top, (top << 1n) - 1n, top | 1n, top | (top >> 1n), top | (1n << BigInt(bitLength >> 1))];
    };
    // the first calls use Yao's table; after 16 of them the short comb serves exponents of up to 256 bits
    for (let round = 0; round < 3; round++) {
      for (const bitLength of lengths) {
        for (const exponent of exponentsOf(bitLength)) expect(modPow(g, exponent, N)).toBe(oracle(2n, exponent, N));
      }
    }
  });

  test.prop([fc.integer({ min: 0, max: 1023 }), fc.integer({ min: 0, max: 1023 }), fc.integer({ min: 513, max: 1024 })], { numRuns: 100 })(
    'base 2 with sparse exponents (two bits set, comb rows and blocks crossed) equals big-integer',
    (p, q, length) => {
      const exponent = (1n << BigInt(length - 1)) | (1n << BigInt(p % length)) | (1n << BigInt(q % length));
      expect(modPow(g, exponent, N)).toBe(oracle(2n, exponent, N));
    },
  );

  test.prop([fc.bigInt({ min: -(1n << 200n), max: 1n << 200n }), bits(300), fc.bigInt({ min: 1n, max: 1n << 256n })], {
    numRuns: 300,
  })('equals big-integer for small and odd moduli', (base, exponent, modulus) => {
    expect(modPow(base, exponent, modulus)).toBe(oracle(base, exponent, modulus));
  });

  test.prop([bits(64), fc.bigInt({ min: 2n, max: 1n << 64n })], { numRuns: 200 })(
    'base 2 with a small modulus (shifts past the modulus) equals big-integer',
    (exponent, modulus) => {
      expect(modPow(2n, exponent, modulus)).toBe(oracle(2n, exponent, modulus));
    },
  );

  it.each([
    [5n, 0n, N, 1n],
    [0n, 0n, 7n, 1n],
    [0n, 5n, 7n, 0n],
    [1n, 1n << 1000n, N, 1n],
    [N, 3n, N, 0n],
    [N + 2n, 10n, N, 1024n],
    [-1n, 3n, N, N - 1n],
    [4n, 13n, 497n, 445n],
    [123n, 456n, 1n, 0n],
  ])('modPow(%s, %s, m) edge', (base, exponent, modulus, expected) => {
    expect(modPow(base, exponent, modulus)).toBe(expected);
  });

  it('exponent 1 gives the base reduced into [0, m): a base of m or more, a multiple of m, a negative base', () => {
    const cases: [base: bigint, modulus: bigint][] = [[3n, 7n], [10n, 7n], [7n, 7n], [0n, 7n], [-4n, 7n], [5n, 1n << 64n], [N + 5n, N], [N, N]];
    for (const [base, modulus] of cases) expect(modPow(base, 1n, modulus), `${base} mod ${modulus}`).toBe(((base % modulus) + modulus) % modulus);
  });

  it('refuses a negative exponent, a modulus below 1 and non-bigints', () => {
    expect(() => modPow(2n, -1n, N)).toThrow(SrpError);
    expect(() => modPow(2n, 1n, 0n)).toThrow(SrpError);
    expect(() => modPow(2n, 1n, -5n)).toThrow(SrpError);
    expect(() => modPow(2 as unknown as bigint, 1n, N)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('the group', () => {
  it('N is RFC 3526 group 15 (3072-bit) and g = 2', () => {
    expect(N.toString(2).length).toBe(3072);
    expect(N.toString(16).slice(0, 24)).toBe('ffffffffffffffffc90fdaa2');
    expect(N.toString(16).endsWith('a93ad2caffffffffffffffff')).toBe(true);
    expect(g).toBe(2n);
    // RFC 3526 primes are safe primes: (N - 1) / 2 is odd and 2 generates the subgroup of order q.
    expect(modPow(g, (N - 1n) / 2n, N)).toBe(1n);
  });

  it('k = H(PAD(N) | PAD(g)) matches the value every reference client uses', () => {
    expect(k.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
  });
});

// @cognito-kit/srp/precomputed: the shipped powers are the ones the package computes, the engine's results are
// modPow's for any base and exponent, and every vector passes through it. Portable: it is meant for Workers.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { YAO_POWERS_DIGITS, YAO_POWERS_ENTRIES, YAO_POWERS_HEX } from '../src/fixed-base-table.js';
import { N, modPow } from '../src/index.js';
import { fromMontgomery } from '../src/montgomery.js';
import { precomputedEngine } from '../src/precomputed.js';
import { describeVectors } from './helpers/vector-suite.js';

describe('the shipped powers of g', () => {
  it('are 2^(2^(5·i)) mod N in Montgomery form, for exponents of up to 1,024 bits', () => {
    expect(YAO_POWERS_ENTRIES).toBe(Math.ceil(1024 / 5));
    expect(YAO_POWERS_DIGITS).toBe(768);
    expect(YAO_POWERS_HEX).toMatch(/^[0-9a-f]+$/);
    expect(YAO_POWERS_HEX.length).toBe(YAO_POWERS_ENTRIES * YAO_POWERS_DIGITS);
    let expected = 2n; // 2^(2^0)
    for (let i = 0; i < YAO_POWERS_ENTRIES; i++) {
      const entry = BigInt(`0x${YAO_POWERS_HEX.slice(i * YAO_POWERS_DIGITS, (i + 1) * YAO_POWERS_DIGITS)}`);
      expect(entry < N, `entry ${i}`).toBe(true);
      expect(fromMontgomery(entry), `entry ${i}`).toBe(expected);
      for (let s = 0; s < 5; s++) expected = (expected * expected) % N;
    }
  });
});

describe('the precomputed engine', () => {
  const exponent = fc.oneof(
    fc.constantFrom(0n, 1n, 2n, (1n << 1024n) - 1n, 1n << 1023n, 1n << 1024n, (1n << 1024n) + 1n),
    fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }),
    fc.bigInt({ min: 0n, max: (1n << 1024n) - 1n }),
    fc.bigInt({ min: 0n, max: (1n << 1100n) - 1n }),
  );
  const base = fc.oneof(fc.constantFrom(2n, 2n + N, 2n - N, 0n, 1n, N - 1n, -1n), fc.bigInt({ min: -N, max: 2n * N }));

  test.prop([exponent], { numRuns: 60 })('powers of g equal modPow`s', (e) => {
    expect(precomputedEngine.powModN(2n, e)).toBe(modPow(2n, e, N));
  });

  test.prop([base, exponent], { numRuns: 40 })('any other power equals modPow`s', (b, e) => {
    expect(precomputedEngine.powModN(b, e)).toBe(modPow(b, e, N));
  });

  it('is frozen', () => {
    expect(Object.isFrozen(precomputedEngine)).toBe(true);
  });

  describeVectors(precomputedEngine);
});

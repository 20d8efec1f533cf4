// Montgomery reduction mod N in 1024-bit chunks (src/montgomery.ts), against plain bigint arithmetic and
// big-integer: the reduction behind every modPow mod N, so every edge of its input range is checked.
import bigInt from 'big-integer';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { N } from '../src/index.js';
import { fromMontgomery, montgomeryMultiply, reduce, toMontgomery } from '../src/montgomery.js';

const R = 1n << 3072n;
// R^-1 mod N from an independent implementation
const rInverse = BigInt(bigInt(R.toString()).modInv(bigInt(N.toString())).toString());
const residue = fc.bigInt({ min: 0n, max: N - 1n });
const edges = [0n, 1n, 2n, N - 1n, N - 2n, (N - 1n) / 2n, R - N, (1n << 3071n), (1n << 64n) - 1n];
const edgeOrResidue = fc.oneof(fc.constantFrom(...edges.filter((e) => e < N)), residue);

describe('Montgomery reduction mod N', () => {
  test.prop([fc.bigInt({ min: 0n, max: N * R - 1n })], { numRuns: 300 })('reduce(T) = T·R⁻¹ mod N for any 0 ≤ T < N·R', (t) => {
    expect(reduce(t)).toBe((t * rInverse) % N);
  });

  it.each([
    ['0', 0n],
    ['1', 1n],
    ['N', N],
    ['N - 1', N - 1n],
    ['(N - 1)²', (N - 1n) ** 2n],
    ['N·R - 1 (largest input)', N * R - 1n],
    ['R', R],
    ['2^1024 - 1 (one full chunk)', (1n << 1024n) - 1n],
  ])('reduce(%s) edge', (_name, t) => {
    const reduced = reduce(t);
    expect(reduced).toBe((t * rInverse) % N);
    expect(reduced >= 0n && reduced < N).toBe(true);
  });

  test.prop([edgeOrResidue, edgeOrResidue], { numRuns: 300 })('multiplying in Montgomery form equals x·y mod N', (x, y) => {
    const product = fromMontgomery(montgomeryMultiply(toMontgomery(x), toMontgomery(y)));
    expect(product).toBe((x * y) % N);
    expect(product.toString()).toBe(bigInt(x.toString()).multiply(bigInt(y.toString())).mod(bigInt(N.toString())).toString());
  });

  test.prop([edgeOrResidue], { numRuns: 200 })('to and from Montgomery form round-trip, and stay below N', (x) => {
    const m = toMontgomery(x);
    expect(m >= 0n && m < N).toBe(true);
    expect(fromMontgomery(m)).toBe(x);
  });
});

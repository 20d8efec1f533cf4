// Node only: PAD agrees with amazon-cognito-identity-js's padHex (a CommonJS package, loaded with createRequire),
// negatives included. The portable PAD checks are in pad.test.ts.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { padHex } from '../src/index.js';
import { anyBigint } from './helpers/bigints.js';
import { referencePadHex } from './helpers/reference.js';

describe('padHex against the reference client', () => {
  test.prop([anyBigint], { numRuns: 300 })('agrees with amazon-cognito-identity-js padHex, negatives included', (value) => {
    expect(padHex(value)).toBe(referencePadHex(value));
  });

  test.prop([fc.bigInt({ min: -(1n << 64n), max: 1n << 64n })], { numRuns: 200 })('agrees on small values of either sign', (value) => {
    expect(padHex(value)).toBe(referencePadHex(value));
  });
});

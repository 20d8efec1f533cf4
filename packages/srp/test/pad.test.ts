// PAD is Java's BigInteger.toByteArray() as hex. Checked three ways: fixed cases from Java (Amplify's table),
// properties of minimal two's complement (every runtime), and agreement with amazon-cognito-identity-js's padHex
// (pad.node.test.ts: a CommonJS oracle).
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { toHex } from './helpers/bytes.js';
import { SrpError, padHex, N, g } from '../src/index.js';
import { padBytes } from '../src/pad.js';
import { anyBigint } from './helpers/bigints.js';

/** Reads minimal two's-complement hex back into an integer. */
function fromTwosComplement(hex: string): bigint {
  const unsigned = BigInt('0x' + hex);
  const bits = BigInt(hex.length * 4);
  return parseInt(hex[0]!, 16) >= 8 ? unsigned - (1n << bits) : unsigned;
}

describe('padHex', () => {
  it.each([
    [0n, '00'],
    [1n, '01'],
    [127n, '7f'],
    [128n, '0080'],
    [255n, '00ff'],
    [256n, '0100'],
    [0x800n, '0800'],
    [0x7fffn, '7fff'],
    [0xabcn, '0abc'],
    [-1n, 'ff'],
    [-2n, 'fe'],
    [-128n, '80'],
    [-129n, 'ff7f'],
    [-236n, 'ff14'],
    [-256n, 'ff00'],
    [-32768n, '8000'],
    [-32769n, 'ff7fff'],
  ])('PAD(%s) = %s (Java BigInteger.toByteArray)', (value, hex) => {
    expect(padHex(value)).toBe(hex);
  });

  it('encodes N with a sign byte and g as one byte', () => {
    expect(padHex(N)).toBe('00' + N.toString(16));
    expect(padHex(N).length).toBe(770);
    expect(padHex(g)).toBe('02');
  });

  test.prop([anyBigint])('round-trips through two’s complement', (value) => {
    expect(fromTwosComplement(padHex(value))).toBe(value);
  });

  test.prop([anyBigint])('is minimal, even-length, lower-case', (value) => {
    const hex = padHex(value);
    expect(hex).toMatch(/^([0-9a-f]{2})+$/);
    if (hex.length > 2) {
      // Dropping the first byte must change the value: otherwise the encoding was not minimal.
      expect(fromTwosComplement(hex.slice(2))).not.toBe(value);
    }
  });

  test.prop([anyBigint])('equals BigInt.asUintN over its own width (two’s complement)', (value) => {
    const hex = padHex(value);
    expect(BigInt.asUintN(hex.length * 4, value).toString(16).padStart(hex.length, '0')).toBe(hex);
  });

  test.prop([fc.bigInt({ min: 0n, max: 1n << 3100n })])('padBytes is the bytes of padHex', (value) => {
    expect(toHex(padBytes(value))).toBe(padHex(value));
  });

  it('refuses non-bigints with a typed error', () => {
    expect(() => padHex(5 as unknown as bigint)).toThrow(SrpError);
    expect(() => padHex('ff' as unknown as bigint)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

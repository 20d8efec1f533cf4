// Edges of the encodings and the math that mutation testing showed no test pinned down: the internal hex and byte
// helpers, base64 characters outside ASCII and misplaced padding, byte arrays of another realm (or of none), a
// TIMESTAMP that is not a string, modPow's modulus 1 and the longest user pool id. Node only (node:vm makes the
// other realm).
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SrpError, computeX, modPow, padHex, parseTimestamp, poolNameOf, signPasswordClaim } from '../src/index.js';
import { base64ToBytes, bigintToBytes, bytesToBigint, hexToBytes, isBytes } from '../src/encoding.js';

const key = new Uint8Array(16).fill(1);
const claim = { prefix: 'p', userId: 'u', timestamp: 't' };
const refusal = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(SrpError);
    return error as InstanceType<typeof SrpError>;
  }
  throw new Error('expected an SrpError');
};

describe('hex helpers', () => {
  it('hexToBytes reads either case and refuses odd length and non-hex digits in either nibble', () => {
    expect(Array.from(hexToBytes('00fFaA09'))).toEqual([0x00, 0xff, 0xaa, 0x09]);
    expect(Array.from(hexToBytes('AF'))).toEqual([0xaf]);
    expect(Array.from(hexToBytes('Fa'))).toEqual([0xfa]);
    expect(hexToBytes('')).toHaveLength(0);
    expect(refusal(() => hexToBytes('abc')).code).toBe('INVALID_HEX');
    for (const bad of ['g0', '0g', 'G0', '0G', '@0', '0@', '`0', '0`', '/0', ':0', '0 ']) {
      expect(refusal(() => hexToBytes(bad)).code, bad).toBe('INVALID_HEX');
    }
  });

  it("hexToBytes' refusal says what it expected", () => {
    expect(refusal(() => hexToBytes('abc'))).toMatchObject({ code: 'INVALID_HEX', message: 'not an even-length hex string' });
  });

  it('bigintToBytes is minimal big-endian with a leading zero nibble where needed; bytesToBigint reads it back', () => {
    expect(Array.from(bigintToBytes(0n))).toEqual([0]);
    expect(Array.from(bigintToBytes(0xabcn))).toEqual([0x0a, 0xbc]);
    expect(Array.from(bigintToBytes(0xffn))).toEqual([0xff]);
    expect(bytesToBigint(bigintToBytes(0x1234567n))).toBe(0x1234567n);
    expect(bytesToBigint(new Uint8Array(0))).toBe(0n);
    expect(bytesToBigint(Uint8Array.of(0, 0, 1))).toBe(1n);
  });

  it('padHex of -1 is ff, and negative values fill their bytes exactly', () => {
    expect(padHex(-1n)).toBe('ff');
    expect(padHex(-(1n << 63n))).toBe('8000000000000000');
    expect(padHex(-(1n << 63n) - 1n)).toBe('ff7fffffffffffffff');
  });
});

describe('base64', () => {
  it('refuses characters outside ASCII, 0x80 included, and names the position', () => {
    for (const text of ['QUJ\u0080', 'QUJ\u00ff', '\u0100QUJ', 'QU\uffffD']) {
      expect(refusal(() => base64ToBytes(text, 'SECRET_BLOCK')).code, JSON.stringify(text)).toBe('INVALID_BASE64');
    }
    expect(refusal(() => base64ToBytes('AB!D', 'X')).message).toBe('X is not valid base64 (character 3 is outside A-Z a-z 0-9 + /)');
  });

  it('takes padding only where the length is a multiple of 4', () => {
    expect(Array.from(base64ToBytes('QQ==', 'X'))).toEqual([0x41]);
    expect(Array.from(base64ToBytes('QQ', 'X'))).toEqual([0x41]);
    for (const text of ['QQ=', 'QUI=A', '=', '==', 'Q===', 'QQ=A']) {
      expect(refusal(() => base64ToBytes(text, 'X')).code, text).toBe('INVALID_BASE64');
    }
    expect(base64ToBytes('', 'X')).toHaveLength(0);
    expect(refusal(() => base64ToBytes('QUJDR', 'X')).message).toBe('X is not valid base64 (wrong length)');
  });

  it('signPasswordClaim refuses a secret block with a non-ASCII character instead of reading it as A', () => {
    expect(refusal(() => signPasswordClaim(key, { ...claim, secretBlock: 'QUJ\u0080' })).code).toBe('INVALID_SECRET_BLOCK');
  });
});

describe('byte arrays of another realm', () => {
  it('a Uint8Array made in a vm context is accepted as bytes; a look-alike is not', () => {
    const foreign = runInNewContext('new Uint8Array(32).fill(7)') as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    expect(isBytes(foreign)).toBe(true);
    expect(computeX(5n, foreign)).toBe(computeX(5n, new Uint8Array(32).fill(7)));
    expect(isBytes({ constructor: { name: 'Uint8Array' }, length: 32 })).toBe(false);
    expect(isBytes(new Uint16Array(16))).toBe(false);
    expect(isBytes(runInNewContext('new Int8Array(32)'))).toBe(false);
    expect(isBytes(new Uint8Array(4))).toBe(true);
    expect(isBytes(Buffer.alloc(4))).toBe(true);
    const foreignKey = runInNewContext('new Uint8Array(16).fill(1)') as Uint8Array;
    expect(signPasswordClaim(foreignKey, { ...claim, secretBlock: 'QUJD' })).toBe(signPasswordClaim(key, { ...claim, secretBlock: 'QUJD' }));
  });

  it('a Uint8Array without a prototype (so without a constructor) is not bytes, and is refused with an SrpError, not a TypeError', () => {
    const orphan = Object.setPrototypeOf(new Uint8Array(32).fill(7), null) as Uint8Array;
    expect(ArrayBuffer.isView(orphan)).toBe(true);
    expect(isBytes(orphan)).toBe(false);
    expect(refusal(() => computeX(5n, orphan))).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'identityHash' });
  });
});

describe('small contracts', () => {
  it('parseTimestamp reads only strings (an object whose toString is a TIMESTAMP is not one)', () => {
    const text = 'Tue Nov 3 05:07:08 UTC 2026';
    expect(parseTimestamp(text)?.toISOString()).toBe('2026-11-03T05:07:08.000Z');
    expect(parseTimestamp({ toString: () => text } as never)).toBeUndefined();
    expect(parseTimestamp(new String(text) as never)).toBeUndefined();
  });

  it('modPow with modulus 1 is 0, exponent 0 included', () => {
    expect(modPow(5n, 0n, 1n)).toBe(0n);
    expect(modPow(0n, 0n, 1n)).toBe(0n);
    expect(modPow(7n, 3n, 1n)).toBe(0n);
    expect(modPow(5n, 0n, 2n)).toBe(1n);
  });

  it('poolNameOf reads a user pool id of exactly 55 characters, the longest the service model allows', () => {
    const id = 'us-east-1_' + 'a'.repeat(45);
    expect(id).toHaveLength(55);
    expect(poolNameOf(id)).toBe('a'.repeat(45));
  });
});


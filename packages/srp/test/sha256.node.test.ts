// Node only (node:crypto): the package's SHA-256, HMAC-SHA256 (one-shot and keyed once) and HKDF, built on
// @noble/hashes' public hash API, equal OpenSSL's createHash, createHmac and hkdfSync, byte for byte. Keys of every
// length around SHA-256's 64-byte block (a longer key is hashed first), messages around each padding boundary (55
// bytes is the longest that pads within one block, 56 spills into a second), and a keyed HMAC reused many times.
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { HKDF_INFO, deriveKey, signPasswordClaim } from '../src/index.js';
import { padBytes } from '../src/pad.js';
import { hmacSha256, keyedHmacSha256, sha256 } from '../src/sha256.js';

const hex = (bytes: Uint8Array | ArrayBuffer) => Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes).toString('hex');
const opensslHmac = (key: Uint8Array, message: Uint8Array) => createHmac('sha256', key).update(message).digest('hex');
const bytes = (length: number) => new Uint8Array(randomBytes(length));

/** Message lengths at every boundary of one and two blocks, the empty message first. */
const EDGE_LENGTHS = [0, 1, 31, 32, 33, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 200];
/** Key lengths: empty, short, exactly one block, just over (hashed first), several blocks. */
const KEY_LENGTHS = [0, 1, 16, 32, 63, 64, 65, 100, 128, 129, 300];

describe('sha256 against node:crypto', () => {
  it('equals createHash at every boundary length', () => {
    for (const length of EDGE_LENGTHS) {
      const message = bytes(length);
      expect(hex(sha256(message))).toBe(createHash('sha256').update(message).digest('hex'));
    }
  });

  it('gives the FIPS 180-2 digest of "abc"', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('HMAC-SHA256 against node:crypto createHmac', () => {
  it('hmacSha256 and keyedHmacSha256 equal it for every key length and message length at the edges', () => {
    for (const keyLength of KEY_LENGTHS) {
      const key = bytes(keyLength);
      const keyed = keyedHmacSha256(key);
      for (const length of EDGE_LENGTHS) {
        const message = bytes(length);
        const expected = opensslHmac(key, message);
        expect(hex(hmacSha256(key, message)), `key ${keyLength}, message ${length}`).toBe(expected);
        expect(hex(keyed(message)), `keyed: key ${keyLength}, message ${length}`).toBe(expected);
      }
    }
  });

  it('a keyed HMAC is not changed by its calls: the same message gives the same tag after others, longest first', () => {
    const key = bytes(80);
    const keyed = keyedHmacSha256(key);
    const messages = [...EDGE_LENGTHS].reverse().map(bytes);
    const first = messages.map((m) => hex(keyed(m)));
    for (let round = 0; round < 3; round++) {
      messages.forEach((m, i) => expect(hex(keyed(m))).toBe(first[i]));
    }
    expect(first).toEqual(messages.map((m) => opensslHmac(key, m)));
  });

  it('leaves its key and message untouched and returns a fresh array each call', () => {
    const key = bytes(70);
    const message = bytes(56);
    const [keyCopy, messageCopy] = [key.slice(), message.slice()];
    const keyed = keyedHmacSha256(key);
    const one = keyed(message);
    const two = keyed(message);
    expect(one).not.toBe(two);
    expect(one).toEqual(two);
    hmacSha256(key, message);
    expect(key).toEqual(keyCopy);
    expect(message).toEqual(messageCopy);
  });

  test.prop([fc.uint8Array({ maxLength: 200 }), fc.array(fc.uint8Array({ maxLength: 200 }), { minLength: 1, maxLength: 6 })], { numRuns: 300 })(
    'equal it for random keys and any sequence of messages',
    (key, messages) => {
      const keyed = keyedHmacSha256(key);
      for (const message of messages) {
        const expected = opensslHmac(key, message);
        expect(hex(hmacSha256(key, message))).toBe(expected);
        expect(hex(keyed(message))).toBe(expected);
      }
    },
  );
});

describe('HKDF and the signature against node:crypto', () => {
  // S below N and u below 2^256, with the top bit set or not (PAD adds a sign byte) and leading zero bytes.
  const S = fc.bigInt({ min: 1n, max: (1n << 3072n) - 1n });
  const u = fc.bigInt({ min: 1n, max: (1n << 256n) - 1n });

  test.prop([S, u], { numRuns: 300 })('deriveKey equals hkdfSync(sha256, PAD(S), PAD(u), info, 16)', (s, uu) => {
    const expected = hkdfSync('sha256', padBytes(s), padBytes(uu), HKDF_INFO, 16);
    expect(hex(deriveKey(s, uu))).toBe(hex(expected));
  });

  it('deriveKey at the PAD edges: top bit set, leading zero bytes, one byte', () => {
    for (const [s, uu] of [
      [1n, 1n],
      [(1n << 3071n) + 5n, (1n << 255n) + 7n],
      [(1n << 3064n) - 1n, (1n << 248n) - 1n],
      [0x80n, 0x7fn],
    ] as const) {
      expect(hex(deriveKey(s, uu))).toBe(hex(hkdfSync('sha256', padBytes(s), padBytes(uu), HKDF_INFO, 16)));
    }
  });

  test.prop([fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.string({ maxLength: 60 }), fc.uint8Array({ minLength: 1, maxLength: 200 })], { numRuns: 200 })(
    'signPasswordClaim equals base64 createHmac(K, prefix ‖ userId ‖ SECRET_BLOCK ‖ TIMESTAMP)',
    (key, userId, secretBlock) => {
      const claim = { prefix: 'Xa3qHXodV', userId, secretBlock, timestamp: 'Thu Nov 26 08:00:00 UTC 2026' };
      const expected = createHmac('sha256', key)
        .update(Buffer.concat([Buffer.from(claim.prefix + userId, 'utf8'), secretBlock, Buffer.from(claim.timestamp, 'utf8')]))
        .digest('base64');
      expect(signPasswordClaim(key, claim)).toBe(expected);
    },
  );
});

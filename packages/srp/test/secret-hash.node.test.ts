// Node only (node:crypto): SECRET_HASH equals node:crypto's HMAC-SHA256 for any strings. The published vectors,
// secretHasher and the errors are checked in every runtime by secret-hash.test.ts.
import { createHmac } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { secretHash, secretHasher } from '../src/index.js';

const nodeSecretHash = (username: string, clientId: string, clientSecret: string) =>
  createHmac('sha256', Buffer.from(clientSecret, 'utf8')).update(username + clientId, 'utf8').digest('base64');

// Any Unicode string, lone surrogates excluded: TextEncoder and Buffer both replace them with U+FFFD anyway.
const text = (minLength = 0) => fc.string({ unit: 'grapheme', minLength, maxLength: 80 });

describe('secretHash against node:crypto', () => {
  test.prop([text(), text(1), text(1)], { numRuns: 500 })('equals node:crypto HMAC-SHA256', (username, clientId, clientSecret) => {
    expect(secretHash(username, clientId, clientSecret)).toBe(nodeSecretHash(username, clientId, clientSecret));
  });

  it('hashes the empty username (the function is defined there)', () => {
    expect(secretHash('', 'client', 'secret-secret-secret-secret')).toBe(nodeSecretHash('', 'client', 'secret-secret-secret-secret'));
  });

  it('pads every message length right: one keyed hasher over 0–300-byte usernames, grown and shrunk, equals node:crypto', () => {
    // The fast path pads in place in a reused buffer: each block boundary (55/56 bytes with the client id, 64,
    // 119/120, ...) and a short name after a long one must still hash exactly.
    const clientId = '1example23456789abcdefghij';
    const clientSecret = 'c1ientsecretc1ientsecretc1ientsecretc1ientsecret12345';
    const hashFor = secretHasher(clientId, clientSecret);
    const lengths = [...Array.from({ length: 301 }, (_, i) => i), 300, 0, 29, 30, 93, 94, 5];
    for (const length of lengths) {
      for (const username of ['a'.repeat(length), 'é'.repeat(Math.ceil(length / 2)), '😀'.repeat(Math.ceil(length / 4))]) {
        expect(hashFor(username)).toBe(nodeSecretHash(username, clientId, clientSecret));
      }
    }
  });

  test.prop([fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { minLength: 1, maxLength: 8 }), text(1), text(1)], { numRuns: 200 })(
    'a keyed hasher equals node:crypto for any sequence of usernames, lone surrogates included',
    (usernames, clientId, clientSecret) => {
      const hashFor = secretHasher(clientId, clientSecret);
      for (const username of usernames) expect(hashFor(username)).toBe(nodeSecretHash(username, clientId, clientSecret));
    },
  );
});

// SECRET_HASH against published values, secretHasher against secretHash, and the errors; in every runtime.
// The cross-check against node:crypto's HMAC for any strings is in secret-hash.node.test.ts.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { SrpError, secretHash, secretHasher } from '../src/index.js';

// Any Unicode string, lone surrogates excluded.
const text = (minLength = 0) => fc.string({ unit: 'grapheme', minLength, maxLength: 80 });

describe('secretHash', () => {
  it.each([
    ['test', '123abd', 'clientSecret', 'LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg='],
    [
      'a2c2e290-6d0f-4a08-a5ca-f0162935f3a6',
      '18u8119jgbpr464n28s1itk2mq',
      'ps50nb7hd1umdnmlt1xa9nwiscqvdvzy5ijw63vcacd09yihc2b',
      'QW3YkSgjkc9VNMtbTkuQflK54A6+9GS8ZiRDj0mSvPI=',
    ],
  ])('published vector for %s', (username, clientId, clientSecret, expected) => {
    expect(secretHash(username, clientId, clientSecret)).toBe(expected);
  });

  test.prop([fc.array(text(), { minLength: 1, maxLength: 5 }), text(1), fc.string({ minLength: 65, maxLength: 300 })])(
    'secretHasher, keyed once, gives the same hashes in any order (long keys included)',
    (usernames, clientId, clientSecret) => {
      const hashFor = secretHasher(clientId, clientSecret);
      for (const username of [...usernames, ...usernames.reverse()]) {
        expect(hashFor(username)).toBe(secretHash(username, clientId, clientSecret));
      }
    },
  );

  it('refuses an empty client id or secret, and non-strings, without repeating the secret', () => {
    const secret = 'do-not-print-this-secret-value';
    for (const call of [
      () => secretHash('alice', '', secret),
      () => secretHash('alice', 'client', ''),
      () => secretHash(undefined as unknown as string, 'client', secret),
      () => secretHash('alice', 'client', 42 as unknown as string),
      () => secretHasher('client', secret)(null as unknown as string),
    ]) {
      expect(call).toThrow(SrpError);
      try {
        call();
      } catch (error) {
        expect((error as SrpError).code).toBe('INVALID_ARGUMENT');
        expect((error as SrpError).message).not.toContain(secret);
      }
    }
  });
});

/**
 * Every random value the pool draws (salts, SRP's b, Sessions, refresh tokens, subs, device keys, codes, request
 * ids) comes from one source: `randomBytes` when the caller injects one (reproducible tests), else Web Crypto.
 *
 * @module
 */
import type { RandomSource } from '@cognito-kit/srp';
import { base64UrlEncode } from './jwt.js';
import { LocalPoolError } from './errors.js';

/** The random values the pool draws. */
export interface Randomness {
  /** The source as `@cognito-kit/srp` takes it (salts, SRP's private value b). */
  readonly source: Required<RandomSource>;
  /** `length` random bytes. */
  bytes(length: number): Uint8Array;
  /** A random version-4 UUID in lower case. */
  uuid(): string;
  /** `length` random bytes as base64url without padding: opaque Sessions, tokens and keys. */
  token(length: number): string;
  /** `count` random decimal digits, each uniform: a code sent by SMS or e-mail. */
  digits(count: number): string;
}

/**
 * The pool's randomness over `source.randomBytes`, or `crypto.getRandomValues`.
 *
 * @throws {LocalPoolError} `INVALID_OPTIONS` when `randomBytes` is not a function; `INVALID_RANDOM_BYTES` (on use)
 *   when it returns something other than the bytes asked for
 *
 * @example
 * ```ts
 * const random = createRandomness({});
 * random.uuid(); // '0f8fad5b-d9cb-469f-a165-70867728950e', say
 * ```
 */
export function createRandomness(source: RandomSource): Randomness {
  const injected: unknown = source.randomBytes;
  if (injected !== undefined && typeof injected !== 'function') throw new LocalPoolError('INVALID_OPTIONS', 'randomBytes must be a function');
  const draw = source.randomBytes;
  const bytes = (length: number): Uint8Array => {
    const out = draw === undefined ? crypto.getRandomValues(new Uint8Array(length)) : draw(length);
    if (!(out instanceof Uint8Array) || out.length !== length) {
      throw new LocalPoolError('INVALID_RANDOM_BYTES', `randomBytes(${length}) must return a Uint8Array of ${length} bytes`);
    }
    return out;
  };
  return {
    source: { randomBytes: bytes },
    bytes,
    uuid: () => formatUuid(bytes(16)),
    token: (length) => base64UrlEncode(bytes(length)),
    digits(count) {
      let out = '';
      while (out.length < count) {
        for (const byte of bytes(count)) {
          // 250 = 25 · 10: bytes from 250 up would favour the low digits.
          if (byte < 250 && out.length < count) out += String(byte % 10);
        }
      }
      return out;
    },
  };
}

/**
 * 16 bytes as a version-4, variant-1 UUID (RFC 9562 §5.4): the version and variant bits are set, the rest is kept.
 *
 * @example
 * ```ts
 * formatUuid(new Uint8Array(16)); // '00000000-0000-4000-8000-000000000000'
 * ```
 */
export function formatUuid(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Randomness as an explicit option: Web Crypto by default, or an injected source for tests and vectors.
 *
 * @module
 */
import { SrpError, describeType } from './errors.js';
import { isBytes } from './encoding.js';

/**
 * Where random bytes come from. Omit `randomBytes` to use `crypto.getRandomValues`, which every supported runtime
 * has; pass one to make a run reproducible (tests, vectors) or to use another CSPRNG.
 */
export interface RandomSource {
  /** Returns exactly `length` fresh random bytes. */
  randomBytes?: (length: number) => Uint8Array;
}

interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/** Random bytes from `crypto.getRandomValues`. */
function webCryptoRandomBytes(length: number): Uint8Array {
  const webCrypto = (globalThis as { crypto?: Partial<WebCrypto> }).crypto;
  if (typeof webCrypto?.getRandomValues !== 'function') {
    throw new SrpError('RANDOM_UNAVAILABLE', 'no crypto.getRandomValues in this runtime: pass randomBytes from a secure source', 'randomBytes');
  }
  // A single call is enough: the 65,536-byte quota of getRandomValues is far above what SRP draws.
  return webCrypto.getRandomValues(new Uint8Array(length));
}

/**
 * Draws `length` bytes from the source (or Web Crypto) and checks what came back.
 *
 * @throws {SrpError} `RANDOM_UNAVAILABLE` without a source; `INVALID_RANDOM_BYTES` when an injected source returns
 *   something other than a `Uint8Array` of exactly `length` bytes
 */
export function drawRandomBytes(source: RandomSource | undefined, length: number): Uint8Array {
  const custom = source?.randomBytes;
  if (custom !== undefined && typeof custom !== 'function') {
    throw new SrpError('INVALID_ARGUMENT', `randomBytes must be a function, got ${describeType(custom)}`, 'randomBytes');
  }
  const bytes = custom === undefined ? webCryptoRandomBytes(length) : custom(length);
  if (!isBytes(bytes) || bytes.length !== length) {
    throw new SrpError(
      'INVALID_RANDOM_BYTES',
      `randomBytes(${length}) must return a Uint8Array of ${length} bytes`,
      'randomBytes',
    );
  }
  return bytes;
}

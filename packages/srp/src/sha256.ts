/**
 * SHA-256 and HMAC-SHA256 for this package, on @noble/hashes' SHA-256 compression function (reached by
 * subclassing), with the message padded in place.
 *
 * SECRET_HASH hashes many short messages under one key: HMAC(K, m) = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), and both
 * padded keys fill exactly one block, so {@link KeyedHmacSha256} computes their chaining values once; each message
 * then costs its own blocks (one for a username and client id of up to 55 bytes together) plus one outer block.
 * What this leaves out of noble's hash objects is what costs more than the compressions on a short message:
 * cloning, buffering, and copying the message and the padding (benchmarks/RESULTS.md, "SECRET_HASH").
 *
 * @module
 */
import { _SHA256 } from '@noble/hashes/sha2.js';

/** A SHA-256 chaining value, or a digest, as eight 32-bit words. */
export type Sha256Words = [number, number, number, number, number, number, number, number];

/**
 * Bytes a buffer needs for a message of `length` bytes and its padding (0x80, zeros, the 8-byte bit length), up
 * to the next 64-byte block boundary.
 */
export function paddedLength(length: number): number {
  return Math.ceil((length + 9) / 64) * 64;
}

/** noble's SHA-256 as a bare compression function, from a chaining value that the caller keeps. */
class Sha256Chain extends _SHA256 {
  /**
   * Finishes the hash of `prefixBytes` bytes (a multiple of 64, already in `start`; SHA-256's initial value when
   * `start` is omitted) followed by `view`'s first `length` bytes, padding them in place in `view`, which must
   * hold {@link paddedLength}(length) bytes.
   */
  finish(view: DataView, length: number, start?: Sha256Words, prefixBytes = 0): Sha256Words {
    const end = paddedLength(length);
    view.setUint8(length, 0x80);
    for (let i = length + 1; i < end - 4; i++) view.setUint8(i, 0);
    view.setUint32(end - 4, (prefixBytes + length) * 8); // messages here are far below 2^29 bytes
    return this.run(view, end, start);
  }

  /** Compresses `view`'s whole blocks in [0, end) from `start` (or the initial value): already padded. */
  run(view: DataView, end: number, start?: Sha256Words): Sha256Words {
    if (start !== undefined) this.set(start[0], start[1], start[2], start[3], start[4], start[5], start[6], start[7]);
    for (let offset = 0; offset < end; offset += 64) this.process(view, offset);
    const words = this.get();
    this.roundClean(); // the shared message schedule held message-derived words
    return words;
  }
}

/** The 32 bytes of a digest's words, written into `bytes` (a new array by default). */
export function wordsToBytes(words: Sha256Words, bytes = new Uint8Array(32)): Uint8Array {
  for (let i = 0; i < 8; i++) {
    const word = words[i]!;
    bytes[4 * i] = word >>> 24;
    bytes[4 * i + 1] = word >>> 16;
    bytes[4 * i + 2] = word >>> 8;
    bytes[4 * i + 3] = word;
  }
  return bytes;
}

/** `bytes` copied into a fresh buffer with room for the padding. */
function paddable(bytes: Uint8Array): DataView {
  const buffer = new Uint8Array(paddedLength(bytes.length));
  buffer.set(bytes);
  return new DataView(buffer.buffer);
}

/**
 * SHA-256 of `message` (internal).
 *
 * @example
 * ```ts
 * const digest = sha256(utf8('abc')); // Uint8Array(32)
 * ```
 */
export function sha256(message: Uint8Array): Uint8Array {
  return wordsToBytes(new Sha256Chain().finish(paddable(message), message.length));
}

/**
 * An HMAC-SHA256 keyed once (internal).
 *
 * @example
 * ```ts
 * const hmac = new KeyedHmacSha256(utf8('secret'));
 * const buffer = new DataView(new ArrayBuffer(paddedLength(message.length)));
 * // ... write the message into buffer ...
 * const tag = hmac.mac(buffer, message.length);
 * ```
 */
export class KeyedHmacSha256 {
  private readonly chain = new Sha256Chain();
  private readonly innerStart: Sha256Words;
  private readonly outerStart: Sha256Words;
  /** The outer message: the inner digest, then its padding, written once (64 + 32 bytes hashed). */
  private readonly outerMessage = new DataView(new ArrayBuffer(64));

  constructor(key: Uint8Array) {
    const block = new Uint8Array(64);
    block.set(key.length > 64 ? sha256(key) : key);
    const view = new DataView(block.buffer);
    const start = (pad: number): Sha256Words => {
      for (let i = 0; i < 64; i++) block[i]! ^= pad;
      return new Sha256Chain().run(view, 64);
    };
    this.innerStart = start(0x36);
    this.outerStart = start(0x36 ^ 0x5c);
    block.fill(0);
    this.outerMessage.setUint8(32, 0x80);
    this.outerMessage.setUint32(60, (64 + 32) * 8);
  }

  /**
   * The tag of the message in `buffer`'s first `length` bytes; the buffer must hold {@link paddedLength}(length)
   * bytes, as the padding is written into it.
   */
  mac(buffer: DataView, length: number): Sha256Words {
    const inner = this.chain.finish(buffer, length, this.innerStart, 64);
    for (let i = 0; i < 8; i++) this.outerMessage.setUint32(4 * i, inner[i]!);
    return this.chain.run(this.outerMessage, 64, this.outerStart);
  }
}

/**
 * HMAC-SHA256(key, message) in one call (internal): the password claim's signature and HKDF's two HMACs.
 *
 * @example
 * ```ts
 * const tag = hmacSha256(key, message); // Uint8Array(32)
 * ```
 */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return wordsToBytes(new KeyedHmacSha256(key).mac(paddable(message), message.length));
}

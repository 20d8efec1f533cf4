/**
 * HMAC-SHA256 under a key fixed once, for the many short messages of SECRET_HASH.
 *
 * HMAC(K, m) = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)). Both padded keys fill exactly one SHA-256 block, so their
 * chaining values are computed once, here; each message then costs its own blocks (one for a username and client
 * id of up to 55 bytes together) plus one outer block. The compression function is @noble/hashes' SHA-256,
 * reached by subclassing. What this module leaves out is what costs more than the compressions themselves on a
 * short message: cloning hash objects, buffering, and copying the message and the padding
 * (benchmarks/RESULTS.md, "SECRET_HASH"). The message is padded in place, in the caller's buffer.
 *
 * @module
 */
import { _SHA256, sha256 } from '@noble/hashes/sha2.js';

const BLOCK_BYTES = 64;
/** A SHA-256 chaining value, or a digest, as eight 32-bit words. */
export type Sha256Words = [number, number, number, number, number, number, number, number];

/**
 * Bytes a buffer needs for a message of `length` bytes and its SHA-256 padding: 0x80, zeros, and the 8-byte bit
 * length, up to the next block boundary.
 */
export function paddedLength(length: number): number {
  return Math.ceil((length + 9) / BLOCK_BYTES) * BLOCK_BYTES;
}

/** noble's SHA-256 as a bare compression function over a chaining value that the caller keeps. */
class Sha256Chain extends _SHA256 {
  /** The current chaining value (SHA-256's initial value on a new instance). */
  state(): Sha256Words {
    return this.get();
  }

  /** Sets the chaining value to `start` and compresses `view`'s blocks in [0, end). */
  compress(start: Sha256Words, view: DataView, end: number): Sha256Words {
    this.set(start[0], start[1], start[2], start[3], start[4], start[5], start[6], start[7]);
    for (let offset = 0; offset < end; offset += BLOCK_BYTES) this.process(view, offset);
    return this.get();
  }

  /** Zeroes the shared message schedule, which held message-derived words. */
  wipe(): void {
    this.roundClean();
  }
}

/**
 * An HMAC-SHA256 keyed once (internal).
 *
 * @example
 * ```ts
 * const hmac = new KeyedHmacSha256(utf8('secret'));
 * const buffer = new Uint8Array(paddedLength(message.length));
 * buffer.set(message);
 * const tag = hmac.mac(new DataView(buffer.buffer), message.length);
 * ```
 */
export class KeyedHmacSha256 {
  private readonly chain = new Sha256Chain();
  private readonly innerStart: Sha256Words;
  private readonly outerStart: Sha256Words;
  /** The outer message: the inner digest, then its fixed padding (64 + 32 bytes hashed = 768 bits). */
  private readonly outerBlock = new DataView(new ArrayBuffer(BLOCK_BYTES));

  constructor(key: Uint8Array) {
    const block = new Uint8Array(BLOCK_BYTES);
    block.set(key.length > BLOCK_BYTES ? sha256(key) : key);
    const view = new DataView(block.buffer);
    const initial = this.chain.state();
    for (let i = 0; i < BLOCK_BYTES; i++) block[i]! ^= 0x36;
    this.innerStart = this.chain.compress(initial, view, BLOCK_BYTES);
    for (let i = 0; i < BLOCK_BYTES; i++) block[i]! ^= 0x36 ^ 0x5c;
    this.outerStart = this.chain.compress(initial, view, BLOCK_BYTES);
    block.fill(0);
    this.chain.wipe();
    this.outerBlock.setUint8(32, 0x80);
    this.outerBlock.setUint32(60, (BLOCK_BYTES + 32) * 8);
  }

  /**
   * The tag of the message in `buffer`'s first `length` bytes. The buffer must hold {@link paddedLength}(length)
   * bytes: the padding is written into it, after the message.
   */
  mac(buffer: DataView, length: number): Sha256Words {
    const end = paddedLength(length);
    buffer.setUint8(length, 0x80);
    for (let i = length + 1; i < end - 8; i++) buffer.setUint8(i, 0);
    const bits = (BLOCK_BYTES + length) * 8; // the key block comes first
    buffer.setUint32(end - 8, Math.floor(bits / 2 ** 32));
    buffer.setUint32(end - 4, bits >>> 0);
    const inner = this.chain.compress(this.innerStart, buffer, end);
    const { outerBlock } = this;
    for (let i = 0; i < 8; i++) outerBlock.setUint32(4 * i, inner[i]!);
    const tag = this.chain.compress(this.outerStart, outerBlock, BLOCK_BYTES);
    this.chain.wipe();
    return tag;
  }
}

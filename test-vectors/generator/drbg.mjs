// Deterministic randomness for the generator: a SHA-256 counter DRBG over a seed string.
// Every vector gets its own fork (seed + "/" + label), so adding or reordering cases never shifts the
// randomness of the others, and re-running the generator reproduces vectors.json byte for byte.
import { createHash } from 'node:crypto';

export class Drbg {
  /** @param {string} seed */
  constructor(seed) {
    this.seed = seed;
    this.counter = 0;
    this.pool = Buffer.alloc(0);
  }

  /** Independent stream for a sub-task; depends only on the seed and the label. */
  fork(label) {
    return new Drbg(`${this.seed}/${label}`);
  }

  /** n pseudo-random bytes: SHA-256(seed || 0x00 || counter) blocks, concatenated. */
  bytes(n) {
    while (this.pool.length < n) {
      const block = createHash('sha256').update(`${this.seed}\u0000${this.counter++}`).digest();
      this.pool = Buffer.concat([this.pool, block]);
    }
    const out = this.pool.subarray(0, n);
    this.pool = this.pool.subarray(n);
    return Buffer.from(out);
  }

  /** Uniform integer in [0, n) for n <= 2^32, by rejection (no modulo bias). */
  int(n) {
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const v = this.bytes(4).readUInt32BE(0);
      if (v < limit) return v % n;
    }
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }

  pick(list) {
    return list[this.int(list.length)];
  }

  /** n random bytes read as an unsigned big-endian integer. */
  bigint(n) {
    return BigInt('0x' + this.bytes(n).toString('hex'));
  }

  /** A string of `length` characters drawn from `alphabet` (an array of code points / strings). */
  string(alphabet, length) {
    const chars = [...alphabet];
    let s = '';
    for (let i = 0; i < length; i++) s += this.pick(chars);
    return s;
  }
}

/**
 * SHA-256 and HMAC-SHA256 for this package, on @noble/hashes' public hash API only: `sha256(message)` and the
 * streaming object of `sha256.create()`, with its `update`, `digest` and `clone`. Nothing here reaches into noble's
 * classes or their internal members, so any @noble/hashes 2.x that keeps that documented API can be installed
 * (the package takes a caret range, and a consumer's tree holds one copy).
 *
 * HMAC(K, m) = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)) (RFC 2104), where a key longer than SHA-256's 64-byte block is
 * hashed first and a shorter one is padded with zeros. Both padded keys fill exactly one block, so
 * {@link keyedHmacSha256} hashes them once, into two hash states, and each message clones those states: it costs
 * its own blocks plus one outer block, never the two key blocks again. SECRET_HASH (many usernames under one client
 * secret) is where that pays; HKDF and the password claim's signature key each HMAC once.
 *
 * @module
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** A running SHA-256 computation: what noble's `sha256.create()` returns. */
type Sha256State = ReturnType<typeof nobleSha256.create>;

/**
 * SHA-256 of `message` (internal).
 *
 * @example
 * ```ts
 * const digest = sha256(utf8('abc')); // Uint8Array(32), ba7816bf…
 * ```
 */
export function sha256(message: Uint8Array): Uint8Array {
  return nobleSha256(message);
}

/**
 * The two keyed states of HMAC-SHA256: SHA-256 having absorbed the key block XOR ipad (inner) and XOR opad (outer).
 * The key block is wiped once both are absorbed.
 */
function keyedStates(key: Uint8Array): [inner: Sha256State, outer: Sha256State] {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? nobleSha256(key) : key);
  const absorb = (pad: number): Sha256State => {
    for (let i = 0; i < 64; i++) block[i]! ^= pad;
    return nobleSha256.create().update(block);
  };
  const inner = absorb(0x36);
  const outer = absorb(0x36 ^ 0x5c); // undoes ipad and applies opad in one pass
  block.fill(0);
  return [inner, outer];
}

/**
 * An HMAC-SHA256 keyed once (internal): returns a function that computes the 32-byte tag of a message, cloning the
 * keyed states for each call (the states themselves are never finished, so the function can be called any number
 * of times).
 *
 * @example
 * ```ts
 * const mac = keyedHmacSha256(utf8('client secret'));
 * const tag = mac(utf8('alice' + clientId)); // Uint8Array(32)
 * ```
 */
export function keyedHmacSha256(key: Uint8Array): (message: Uint8Array) => Uint8Array {
  const [inner, outer] = keyedStates(key);
  return (message) => outer.clone().update(inner.clone().update(message).digest()).digest();
}

/**
 * HMAC-SHA256(key, message) in one call (internal): HKDF's two HMACs and the password claim's signature. The keyed
 * states are used once, so they are finished (and wiped by `digest`) rather than cloned.
 *
 * @example
 * ```ts
 * const tag = hmacSha256(key, message); // Uint8Array(32)
 * ```
 */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const [inner, outer] = keyedStates(key);
  return outer.update(inner.update(message).digest()).digest();
}

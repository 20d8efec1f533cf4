/**
 * `@cognito-kit/srp/node-crypto`: an {@link SrpEngine} on the runtime's OpenSSL (Node), BoringSSL (Bun) or Deno's
 * `node:crypto`, for servers, CLIs and load generators that run many logins. Never imported by the default entry
 * point, so `@cognito-kit/srp` itself stays free of `node:` imports.
 *
 * A Diffie-Hellman object over the group's N is a general modular exponentiation: `setPrivateKey(e)` then
 * `computeSecret(base)` returns base^e mod N. The runtimes refuse some cases (a result of 0, 1 or N−1, an exponent
 * of 0, and in Bun a base outside [2, N−2]); those, and every base the runtime refuses, take this package's pure
 * path, so the results are always exactly `modPow`'s. Powers of g use this package's tables instead once
 * {@link precomputeFixedBase} has built them (they are faster than OpenSSL on fixed-base powers).
 *
 * @example
 * ```ts
 * import { createSrpSession } from '@cognito-kit/srp';
 * import { nodeCryptoEngine } from '@cognito-kit/srp/node-crypto';
 * const session = createSrpSession({ engine: nodeCryptoEngine() });
 * ```
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { createDiffieHellman, type DiffieHellman } from 'node:crypto';
import type { SrpEngine } from './engine.js';
import { isFixedBaseExponent, residueModN } from './engine-helpers.js';
import { SrpError } from './errors.js';
import { N, g } from './group.js';
import { isFixedBasePrecomputed, modPow, precomputeFixedBase } from './modpow.js';

export type { SrpEngine } from './engine.js';
export { precomputeFixedBase };

/** An engine on the runtime's `node:crypto`, and what making it cost. */
export interface NodeCryptoEngine extends SrpEngine {
  /**
   * Milliseconds spent creating the Diffie-Hellman object, once per process: well under 1 in Node and Deno (0.2
   * measured in Node), but 1,400 to 1,700 in Bun (BoringSSL checks the group), so in Bun it pays only in a
   * long-lived process.
   */
  readonly creationMs: number;
}

let shared: NodeCryptoEngine | undefined;

/**
 * The engine on `node:crypto`, made on the first call and shared by every later one: its Diffie-Hellman object is
 * created once per process (never per login) and reused. Give it to `createSrpSession({ engine })`,
 * `importSrpSession(text, { engine })`, `createDeviceVerifier` and, in `@cognito-kit/srp/server`,
 * `createUserVerifier` and the challenge makers. Nothing sent changes: every value is `modPow`'s.
 *
 * For a long-lived process, call {@link precomputeFixedBase} at start-up too: powers of g then come from this
 * package's tables (faster than OpenSSL's) and only S (and the server's v^u and S) go to OpenSSL.
 *
 * @throws {SrpError} `ENGINE_UNAVAILABLE` in Cloudflare Workers (workerd), where creating the object costs about
 *   1.4 s of CPU, far beyond a request's budget (and `getDiffieHellman` has no `setPrivateKey`); or where
 *   `node:crypto` has no `createDiffieHellman`
 * @example
 * ```ts
 * import { createSrpSession, precomputeFixedBase } from '@cognito-kit/srp';
 * import { nodeCryptoEngine } from '@cognito-kit/srp/node-crypto';
 * precomputeFixedBase(); // a server: once, at start-up
 * const engine = nodeCryptoEngine();
 * const session = createSrpSession({ engine });
 * ```
 */
export function nodeCryptoEngine(): NodeCryptoEngine {
  if (shared !== undefined) return shared;
  if (runtimeName() === 'Cloudflare-Workers') {
    throw new SrpError(
      'ENGINE_UNAVAILABLE',
      'the node:crypto engine is not offered in Cloudflare Workers: creating its Diffie-Hellman object costs about 1.4 s of CPU there; use the default engine',
      'engine',
    );
  }
  if (typeof createDiffieHellman !== 'function') {
    throw new SrpError('ENGINE_UNAVAILABLE', 'this runtime`s node:crypto has no createDiffieHellman; use the default engine', 'engine');
  }
  const started = performance.now();
  const dh = createDiffieHellman(toBuffer(N), toBuffer(g));
  const creationMs = performance.now() - started;
  shared = Object.freeze({ powModN: (base: bigint, exponent: bigint) => powModN(dh, base, exponent), creationMs });
  return shared;
}

/** `navigator.userAgent` where the runtime has one (workerd says `Cloudflare-Workers`). */
function runtimeName(): string | undefined {
  const navigator: unknown = Reflect.get(globalThis, 'navigator');
  const name: unknown = typeof navigator === 'object' && navigator !== null ? Reflect.get(navigator, 'userAgent') : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** The group's N − 2: the largest base every runtime accepts. */
const LARGEST_BASE = N - 2n;

function powModN(dh: DiffieHellman, base: bigint, exponent: bigint): bigint {
  const reduced = residueModN(base);
  if (exponent <= 0n || reduced < 2n || reduced > LARGEST_BASE) return modPow(reduced, exponent, N);
  if (reduced === g && isFixedBasePrecomputed() && isFixedBaseExponent(exponent)) return modPow(reduced, exponent, N);
  try {
    dh.setPrivateKey(toBuffer(exponent));
    return fromBuffer(dh.computeSecret(toBuffer(reduced)));
  } catch {
    // A result of 1 or N − 1 (or anything else the runtime refuses): the pure path gives the same answer.
    return modPow(reduced, exponent, N);
  }
}

/** The big-endian bytes of a positive bigint. */
function toBuffer(value: bigint): Buffer {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
}

function fromBuffer(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

/**
 * The engine seam: every modular exponentiation of a login (the client's g^a, g^x and S; the server half's g^b,
 * v^u and S; a verifier's g^x) goes through an {@link SrpEngine}. The default is this package's pure `modPow`;
 * `@cognito-kit/srp/node-crypto` offers OpenSSL's, for Node, Bun and Deno. An engine changes how fast, never what
 * is sent: every value on the wire is the same.
 *
 * @module
 */
import { SrpError } from './errors.js';
import { N } from './group.js';
import { modPow } from './modpow.js';

/**
 * Computes `base^exponent mod N` for the group's N (RFC 5054's 3072-bit prime): `base` is any integer (reduce it mod
 * N first; S's base, B − k·g^x, may be negative) and `exponent ≥ 0`. It must return exactly what {@link modPow}
 * returns, in `[0, N)`: an engine changes speed, not results.
 *
 * @example
 * ```ts
 * import { N, createSrpSession, modPow, type SrpEngine } from '@cognito-kit/srp';
 * let calls = 0;
 * const counting: SrpEngine = { powModN: (base, exponent) => (calls++, modPow(base, exponent, N)) };
 * const session = createSrpSession({ engine: counting }); // calls === 1: A = g^a
 * ```
 */
export interface SrpEngine {
  /** `base^exponent mod N` in `[0, N)`, for any integer `base` and `exponent ≥ 0`. */
  powModN(base: bigint, exponent: bigint): bigint;
}

/** The default engine: this package's `modPow`. */
const PURE_ENGINE: SrpEngine = { powModN: (base, exponent) => modPow(base, exponent, N) };

/**
 * The engine an options object names, or the pure one when it names none (`null` included: the result is the same).
 *
 * @throws {SrpError} `INVALID_ARGUMENT` when `engine` has no `powModN` function
 */
export function engineOf(options: { engine?: SrpEngine | undefined } | undefined): SrpEngine {
  const engine = options?.engine ?? PURE_ENGINE;
  if (typeof engine.powModN !== 'function') throw new SrpError('INVALID_ARGUMENT', 'engine needs powModN', 'engine');
  return engine;
}

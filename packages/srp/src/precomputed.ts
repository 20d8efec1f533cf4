/**
 * `@cognito-kit/srp/precomputed`: an {@link SrpEngine} that ships the table of powers of g, so that the first login
 * of a cold isolate (a Cloudflare Worker's first request) builds nothing: g^a and g^x come from 205 precomputed
 * powers by Yao's method (about 236 and 80 multiplications), S from this package's `modPow` as usual. It costs its
 * bytes (about 154 KiB minified, 85 KiB gzipped: the powers do not compress), so it is its own entry point, never
 * reached from `@cognito-kit/srp`.
 *
 * Choose it where the CPU of a first request counts (Workers' 10 ms on the free plan: see the runtime benchmarks);
 * in a long-lived process the default engine is as fast once its own tables are built.
 *
 * @example
 * ```ts
 * import { createSrpSession } from '@cognito-kit/srp';
 * import { precomputedEngine } from '@cognito-kit/srp/precomputed';
 * const session = createSrpSession({ engine: precomputedEngine });
 * ```
 *
 * @module
 */
import type { SrpEngine } from './engine.js';
import { isFixedBaseExponent, residueModN } from './engine-helpers.js';
import { preloadYaoPowers, yaoPowerOfTwo } from './fixed-base.js';
import { YAO_POWERS_DIGITS, YAO_POWERS_ENTRIES, YAO_POWERS_HEX } from './fixed-base-table.js';
import { N, g } from './group.js';
import { modPow } from './modpow.js';

export type { SrpEngine } from './engine.js';

let loaded = false;

/** Reads the shipped powers into the package's table, on the first power of g (not at import). */
function load(): void {
  const shipped: bigint[] = [];
  for (let i = 0; i < YAO_POWERS_ENTRIES; i++) {
    shipped.push(BigInt(`0x${YAO_POWERS_HEX.slice(i * YAO_POWERS_DIGITS, (i + 1) * YAO_POWERS_DIGITS)}`));
  }
  preloadYaoPowers(shipped);
  loaded = true;
}

/**
 * The engine with the shipped table: powers of g with exponents below 2^1024 (a, b, x) by Yao's method from the
 * shipped powers, every other exponentiation by `modPow`. Results are `modPow`'s, so nothing sent changes.
 *
 * @example
 * ```ts
 * import { createSrpSession, respondToPasswordVerifier } from '@cognito-kit/srp';
 * import { precomputedEngine } from '@cognito-kit/srp/precomputed';
 * const session = createSrpSession({ engine: precomputedEngine }); // g^a from the shipped table
 * const answer = respondToPasswordVerifier(session, { userPoolId, password, challengeParameters });
 * ```
 */
export const precomputedEngine: SrpEngine = Object.freeze({
  powModN(base: bigint, exponent: bigint): bigint {
    const reduced = residueModN(base);
    if (reduced !== g || !isFixedBaseExponent(exponent)) return modPow(reduced, exponent, N);
    if (!loaded) load();
    return yaoPowerOfTwo(exponent.toString(2));
  },
});

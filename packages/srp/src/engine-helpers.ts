/**
 * What the engines outside the default path (`node-crypto`, `precomputed`) share: reducing a base into [0, N) and
 * asking whether a power of g can come from the tables. Its own module, so that nothing here reaches the default
 * bundle.
 *
 * @module
 */
import { FIXED_BASE_MAX_BITS } from './fixed-base.js';
import { N } from './group.js';

const FIXED_BASE_LIMIT = BigInt(FIXED_BASE_MAX_BITS);

/** `base` reduced into [0, N): what an engine does first (S's base, B − k·g^x, may be negative). */
export function residueModN(base: bigint): bigint {
  const residue = base % N;
  return residue < 0n ? residue + N : residue;
}

/** Whether 2^e mod N for this exponent can come from the tables of powers of g: 0 < e < 2^FIXED_BASE_MAX_BITS. */
export function isFixedBaseExponent(exponent: bigint): boolean {
  return exponent > 0n && exponent >> FIXED_BASE_LIMIT === 0n;
}

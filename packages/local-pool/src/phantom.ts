/**
 * The simulated challenge of a name that is no user (preventUserExistenceErrors ENABLED, COGNITO-SERVER.md §3): "the
 * same salt and an internal user ID in UUID format for the same user name and user pool combination", and a verifier
 * of a password nobody knows, so no answer passes. Both are derived with HMAC-SHA-256 under a key the instance draws
 * at start and never shows.
 *
 * @module
 */
import { createUserVerifier } from '@cognito-kit/srp/server';
import { nameKey } from './names.js';
import type { PoolsState, UserPool } from './pool.js';
import { formatUuid } from './random.js';

/** A name that is no user, as the pool answers for it. */
export interface Phantom {
  /** USER_ID_FOR_SRP: a UUID. */
  readonly userIdForSrp: string;
  /** The salt and verifier of its PASSWORD_VERIFIER (an exponentiation: computed when asked). */
  stored(): { salt: string; verifier: string };
}

/**
 * The phantom of `name` in `pool`: the same for the same name (as the pool compares names) for the life of the
 * instance.
 *
 * @example
 * ```ts
 * const phantom = await phantomOf(state, pool, 'nobody@example.com');
 * createServerChallenge({ userPoolId: pool.id, userIdForSrp: phantom.userIdForSrp, ...phantom.stored() }, srpA);
 * ```
 */
export async function phantomOf(state: PoolsState, pool: UserPool, name: string): Promise<Phantom> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(state.phantomKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const derive = async (purpose: string): Promise<Uint8Array> => {
    const message = new TextEncoder().encode(`${purpose}\u0000${pool.id}\u0000${nameKey(name, pool.naming.caseSensitive)}`);
    return new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  };
  const userIdForSrp = formatUuid(await derive('USER_ID_FOR_SRP'));
  const salt = (await derive('SALT')).subarray(0, 16);
  const password = Array.from(await derive('PASSWORD'), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return {
    userIdForSrp,
    stored: () => createUserVerifier({ userPoolId: pool.id, userIdForSrp, password, randomBytes: () => salt }),
  };
}

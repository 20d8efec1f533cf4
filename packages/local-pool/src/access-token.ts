/**
 * The operations authorized by an access token (GetUser, GlobalSignOut, ConfirmDevice, UpdateDeviceStatus, the TOTP
 * set-up): the token is routed to its pool by its issuer, verified by the pool's tokens (signature, iss, token_use,
 * exp), then checked against revocation (RevokeToken, GlobalSignOut) and the user's state.
 *
 * @module
 */
import type { Call } from './call.js';
import { decodeJwt } from './jwt.js';
import type { UserPool } from './pool.js';
import { MESSAGES, notAuthorized } from './service-error.js';
import type { AccessTokenClaims } from './tokens.js';
import type { UserRecord } from './users.js';

/** Who an access token speaks for. */
export interface Authorized {
  readonly pool: UserPool;
  readonly user: UserRecord;
  readonly claims: AccessTokenClaims;
}

/**
 * The pool, user and claims of a valid access token.
 *
 * @throws {CognitoError} NotAuthorizedException "Invalid Access Token", "Access Token has expired", "Access Token has
 *   been revoked", or "User is disabled."
 *
 * @example
 * ```ts
 * const { user } = await authorize(call, input.required('AccessToken'));
 * ```
 */
export async function authorize(call: Call, token: string): Promise<Authorized> {
  const payload = decodeJwt(token)?.payload;
  const issuer = payload?.iss;
  const pool = [...call.state.pools.values()].find((candidate) => candidate.tokens.issuer === issuer);
  if (pool === undefined || payload === undefined) throw notAuthorized(MESSAGES.invalidAccessToken);
  const claims = await pool.tokens.verifyAccessToken(token, call.now);
  if (claims === undefined) {
    // Expired, or not a token of this pool: a token that verifies just before its exp is an expired one.
    const exp = payload.exp;
    const expired = typeof exp === 'number' && (await pool.tokens.verifyAccessToken(token, new Date((exp - 1) * 1000))) !== undefined;
    throw notAuthorized(expired ? MESSAGES.expiredAccessToken : MESSAGES.invalidAccessToken);
  }
  if (pool.grants.isRevoked(claims.origin_jti)) throw notAuthorized(MESSAGES.revokedAccessToken);
  const user = pool.users.bySub(claims.sub);
  if (user === undefined) throw notAuthorized(MESSAGES.userNotFound);
  if (!user.enabled) throw notAuthorized(MESSAGES.userDisabled);
  return { pool, user, claims };
}

/**
 * REFRESH_TOKEN_AUTH / REFRESH_TOKEN (COGNITO-SERVER.md §5, §8): a refresh token of the client, not revoked nor
 * expired, SECRET_HASH over the user's real username or `sub`, and with device tracking on, the DEVICE_KEY of the
 * confirmed device the token is bound to. The new ID and access tokens keep the sign-in's `auth_time`, `origin_jti`
 * and `event_id`; no new refresh token (rotation is not emulated).
 *
 * @module
 */
import type { Call } from './call.js';
import { requiredParameter, type Parameters } from './first-factor.js';
import type { JsonObject } from './input.js';
import type { AppClient } from './pool.js';
import { checkSecretHash } from './secret-hash.js';
import { MESSAGES, notAuthorized } from './service-error.js';
import { subjectOf } from './sign-in-result.js';

/**
 * New ID and access tokens for a refresh token.
 *
 * @throws {CognitoError} NotAuthorizedException "Invalid Refresh Token.", "Refresh Token has been revoked",
 *   "Refresh Token has different Client", "Refresh Token has expired", or a SECRET_HASH refusal
 *
 * @example
 * ```ts
 * return refresh(call, client, AuthParameters);
 * ```
 */
export async function refresh(call: Call, client: AppClient, params: Parameters): Promise<JsonObject> {
  const { pool } = client;
  const grant = pool.grants.find(requiredParameter(params, 'REFRESH_TOKEN'));
  if (grant === undefined) throw notAuthorized(MESSAGES.invalidRefreshToken);
  if (grant.clientId !== client.id) throw notAuthorized(MESSAGES.refreshTokenOtherClient);
  const user = pool.users.bySub(grant.sub);
  if (user === undefined) throw notAuthorized(MESSAGES.invalidRefreshToken);
  checkSecretHash(client, [user.username, user.sub], params.SECRET_HASH);
  if (grant.revoked) throw notAuthorized(MESSAGES.revokedRefreshToken);
  if (call.now.getTime() > grant.expiresAt) throw notAuthorized(MESSAGES.expiredRefreshToken);
  if (!user.enabled) throw notAuthorized(MESSAGES.userDisabled);
  if (pool.deviceTracking !== undefined) {
    // re:Post cognito-invalid-refresh-token-error: DEVICE_KEY missing, the device not confirmed, or a token of
    // USER_PASSWORD_AUTH (a password flow that proved no device) all make the refresh token invalid.
    const device = pool.devices.of(user.sub, grant.deviceKey);
    if (grant.passwordFlowOnly || params.DEVICE_KEY !== grant.deviceKey || device?.verifier === undefined) {
      throw notAuthorized(MESSAGES.invalidRefreshToken);
    }
  }
  const session = { clientId: client.id, authTime: grant.authTime, originJti: grant.originJti, eventId: grant.eventId, deviceKey: grant.deviceKey };
  const tokens = await pool.tokens.issue(subjectOf(user), session, call.now);
  return {
    ChallengeParameters: {},
    AuthenticationResult: { AccessToken: tokens.accessToken, ExpiresIn: tokens.expiresIn, TokenType: 'Bearer', IdToken: tokens.idToken },
  };
}

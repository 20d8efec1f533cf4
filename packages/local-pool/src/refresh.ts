/**
 * REFRESH_TOKEN_AUTH / REFRESH_TOKEN and GetTokensFromRefreshToken (COGNITO-SERVER.md §5, §8): a refresh token of the client, not revoked nor
 * expired, SECRET_HASH over the user's real username or `sub`, and with device tracking on, the DEVICE_KEY of the
 * confirmed device the token is bound to. The new ID and access tokens keep the sign-in's `auth_time`, `origin_jti`
 * and `event_id`; no new refresh token (rotation is not emulated).
 *
 * @module
 */
import type { Call } from './call.js';
import { clientOf } from './clients.js';
import { requiredParameter, type Parameters } from './first-factor.js';
import type { Input, JsonObject } from './input.js';
import type { AppClient } from './pool.js';
import { checkSecretHash } from './secret-hash.js';
import { MESSAGES, notAuthorized } from './service-error.js';
import { subjectOf } from './sign-in-result.js';
import type { UserRecord } from './users.js';

/**
 * New ID and access tokens for a refresh token (InitiateAuth REFRESH_TOKEN_AUTH / REFRESH_TOKEN).
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
  const checkClient = (user: UserRecord): void => checkSecretHash(client, [user.username, user.sub], params.SECRET_HASH);
  const result = await refreshedTokens(call, client, requiredParameter(params, 'REFRESH_TOKEN'), params.DEVICE_KEY, checkClient);
  return { ChallengeParameters: {}, AuthenticationResult: result };
}

/**
 * GetTokensFromRefreshToken {RefreshToken, ClientId, ClientSecret?, DeviceKey?} (COGNITO-SERVER.md §8), which
 * Amplify v6 refreshes with: the refresh of {@link refresh}, proved by the client secret itself rather than a
 * SECRET_HASH. Rotation is not emulated, so no new refresh token comes back, as with rotation off.
 *
 * @throws {CognitoError} as {@link refresh}; NotAuthorizedException when a client with a secret gets a wrong or no
 *   ClientSecret
 *
 * @example
 * ```ts
 * return getTokensFromRefreshToken(call, input); // { AuthenticationResult: { AccessToken, IdToken, ... } }
 * ```
 */
export async function getTokensFromRefreshToken(call: Call, input: Input): Promise<JsonObject> {
  const client = clientOf(call, input, false);
  const checkClient = (): void => {
    const given = input.string('ClientSecret');
    if (client.secret === undefined) return;
    if (given === undefined) throw notAuthorized(`Client ${client.id} is configured with secret but ClientSecret was not received`);
    if (given !== client.secret) throw notAuthorized(`Unable to verify client secret for client ${client.id}`);
  };
  return { AuthenticationResult: await refreshedTokens(call, client, input.required('RefreshToken'), input.string('DeviceKey'), checkClient) };
}

/**
 * The refresh both operations share: a refresh token of the client, not revoked nor expired, proved by
 * `checkClient`, and with device tracking on, the DEVICE_KEY of the confirmed device it is bound to.
 */
async function refreshedTokens(
  call: Call,
  client: AppClient,
  refreshToken: string,
  deviceKey: string | undefined,
  checkClient: (user: UserRecord) => void,
): Promise<JsonObject> {
  const { pool } = client;
  const grant = pool.grants.find(refreshToken);
  if (grant === undefined) throw notAuthorized(MESSAGES.invalidRefreshToken);
  if (grant.clientId !== client.id) throw notAuthorized(MESSAGES.refreshTokenOtherClient);
  const user = pool.users.bySub(grant.sub);
  if (user === undefined) throw notAuthorized(MESSAGES.invalidRefreshToken);
  checkClient(user);
  if (grant.revoked) throw notAuthorized(MESSAGES.revokedRefreshToken);
  if (call.now.getTime() > grant.expiresAt) throw notAuthorized(MESSAGES.expiredRefreshToken);
  if (!user.enabled) throw notAuthorized(MESSAGES.userDisabled);
  if (pool.deviceTracking !== undefined) {
    // re:Post cognito-invalid-refresh-token-error: DEVICE_KEY missing, the device not confirmed, or a token of
    // USER_PASSWORD_AUTH (a password flow that proved no device) all make the refresh token invalid.
    const device = pool.devices.of(user.sub, grant.deviceKey);
    if (grant.passwordFlowOnly || deviceKey !== grant.deviceKey || device?.verifier === undefined) {
      throw notAuthorized(MESSAGES.invalidRefreshToken);
    }
  }
  const session = { clientId: client.id, authTime: grant.authTime, originJti: grant.originJti, eventId: grant.eventId, deviceKey: grant.deviceKey };
  const tokens = await pool.tokens.issue(subjectOf(user), session, call.now);
  return { AccessToken: tokens.accessToken, ExpiresIn: tokens.expiresIn, TokenType: 'Bearer', IdToken: tokens.idToken };
}

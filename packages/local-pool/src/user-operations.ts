/**
 * What a signed-in user (its access token) or its app client asks: GetUser, GlobalSignOut, and RevokeToken
 * (COGNITO-SERVER.md §8).
 *
 * @module
 */
import { authorize } from './access-token.js';
import type { Call } from './call.js';
import { clientOf } from './clients.js';
import type { Input, JsonObject } from './input.js';
import { CognitoError } from './service-error.js';
import { attributeList, mfaMembers } from './user-views.js';

/**
 * GetUser {AccessToken}: Username, UserAttributes (`sub` first) and the MFA members.
 *
 * @example
 * ```ts
 * return getUser(call, input); // { Username: 'alice', UserAttributes: [{ Name: 'sub', … }, …] }
 * ```
 */
export async function getUser(call: Call, input: Input): Promise<JsonObject> {
  const { user } = await authorize(call, input.required('AccessToken'));
  return { Username: user.username, UserAttributes: attributeList(user), ...mfaMembers(user) };
}

/**
 * GlobalSignOut {AccessToken}: every refresh token of the user is revoked, and so is every access token of its
 * sign-ins (they then get "Access Token has been revoked"; they still verify offline until they expire, as in
 * Cognito).
 *
 * @example
 * ```ts
 * return globalSignOut(call, input); // {}
 * ```
 */
export async function globalSignOut(call: Call, input: Input): Promise<JsonObject> {
  const { pool, user } = await authorize(call, input.required('AccessToken'));
  pool.grants.revokeUser(user.sub);
  return {};
}

/**
 * RevokeToken {Token, ClientId, ClientSecret}: revokes that refresh token and every access token of its sign-in. A
 * token that is not one of the client's refresh tokens revokes nothing and is not an error (RFC 7009 §2.2, which
 * Cognito's revocation endpoint follows).
 *
 * @throws {CognitoError} UnsupportedOperationException when the client has token revocation off;
 *   UnauthorizedException for a missing or wrong ClientSecret, or another client's token (the model's exceptions for
 *   RevokeToken; Cognito's messages were not found)
 *
 * @example
 * ```ts
 * return revokeToken(call, input); // {}
 * ```
 */
export async function revokeToken(call: Call, input: Input): Promise<JsonObject> {
  const client = clientOf(call, input, false);
  if (!client.tokenRevocation) throw new CognitoError('UnsupportedOperationException', 'Token revocation is not enabled for this client.');
  if (client.secret !== undefined && input.string('ClientSecret') !== client.secret) {
    throw new CognitoError('UnauthorizedException', `Client ${client.id} is configured with secret but ClientSecret was not received or is wrong`);
  }
  const grant = client.pool.grants.find(input.required('Token'));
  if (grant === undefined) return {};
  if (grant.clientId !== client.id) throw new CognitoError('UnauthorizedException', 'The token was not issued to this client.');
  client.pool.grants.revoke(grant);
  return {};
}

/**
 * What every challenge reply and every answer share: the reply (ChallengeName, a new Session answered once,
 * ChallengeParameters) and the check of who answers (USERNAME, and SECRET_HASH over USER_ID_FOR_SRP).
 *
 * @module
 */
import type { Call } from './call.js';
import type { Parameters } from './first-factor.js';
import type { JsonObject } from './input.js';
import type { Login, Pending } from './login.js';
import { nameKey } from './names.js';
import { checkSecretHash } from './secret-hash.js';
import { MESSAGES, missingParameter, notAuthorized } from './service-error.js';
import type { SessionScope } from './sessions.js';

/**
 * Who may answer a challenge of `login`: its client, through the kind of operation that started it, within the
 * client's AuthSessionValidity.
 *
 * @example
 * ```ts
 * call.state.sessions.issue(pending, scopeOf(login));
 * ```
 */
export function scopeOf(login: Login): SessionScope {
  return { clientId: login.client.id, admin: login.admin, validityMs: login.client.sessionValidityMs };
}

/**
 * The reply that asks `pending`: ChallengeName, a new Session (stored with `pending`, and under `otherKeys` for the
 * answers that come without one), and ChallengeParameters.
 *
 * @example
 * ```ts
 * return challengeReply(call, { kind: 'SOFTWARE_TOKEN_MFA', login }, { USER_ID_FOR_SRP, FRIENDLY_DEVICE_NAME });
 * ```
 */
export function challengeReply(call: Call, pending: Pending, parameters: Readonly<Record<string, string>>, otherKeys: readonly string[] = []): JsonObject {
  const Session = call.state.sessions.issue(pending, scopeOf(pending.login), otherKeys);
  return { ChallengeName: pending.kind, Session, ChallengeParameters: { ...parameters } };
}

/**
 * Checks who answers a challenge after the first step: USERNAME names the user signing in (USER_ID_FOR_SRP, or the
 * name the sign-in started with), and SECRET_HASH is over USER_ID_FOR_SRP (COGNITO-SERVER.md §6: "must use that
 * internal username").
 *
 * @throws {CognitoError} InvalidParameterException "Missing required parameter USERNAME"; NotAuthorizedException
 *   "Invalid session for the user." for another user; the SECRET_HASH refusals
 *
 * @example
 * ```ts
 * checkAnswerer(pending.login, ChallengeResponses);
 * ```
 */
export function checkAnswerer(login: Login, responses: Parameters): void {
  const username = responses.USERNAME;
  if (username === undefined) throw missingParameter('USERNAME');
  const { pool } = login.client;
  const named = login.user === undefined ? [login.userIdForSrp, login.signInName].some((name) => nameKey(name, pool.naming.caseSensitive) === nameKey(username, pool.naming.caseSensitive)) : pool.users.find(username) === login.user;
  if (!named) throw notAuthorized(MESSAGES.invalidSession);
  checkSecretHash(login.client, [login.userIdForSrp], responses.SECRET_HASH);
}

/**
 * The answer to NEW_PASSWORD_REQUIRED (COGNITO-SERVER.md §7): NEW_PASSWORD, which the pool's password policy must
 * accept, and `userAttributes.<name>` entries, which set attributes; the user is then CONFIRMED.
 *
 * @module
 */
import { attributeProblem } from './attributes.js';
import type { Call } from './call.js';
import { checkAnswerer } from './challenge.js';
import { requiredParameter, type Parameters } from './first-factor.js';
import type { JsonObject } from './input.js';
import type { PendingOf } from './login.js';
import { afterPassword } from './next-step.js';
import { passwordProblems } from './password-policy.js';
import { CognitoError, MESSAGES, invalidParameter, notAuthorized } from './service-error.js';
import type { UserRecord } from './users.js';
import type { UserPool } from './pool.js';

/** The prefix of the answer's attribute keys. */
const USER_ATTRIBUTES = 'userAttributes.';

/**
 * Refuses a password the pool's policy does not accept, with Cognito's first reason.
 *
 * @throws {CognitoError} InvalidPasswordException "<prefix> Password must have symbol characters", ...
 *
 * @example
 * ```ts
 * checkPolicy(pool, password, 'Password does not conform to policy:');
 * ```
 */
export function checkPolicy(pool: UserPool, password: string, prefix: string): void {
  const [first] = passwordProblems(password, pool.policy);
  if (first !== undefined) throw new CognitoError('InvalidPasswordException', `${prefix} ${first}`);
}

/**
 * Sets a user's password: a new salt and verifier, the time it was set, and its status.
 *
 * @example
 * ```ts
 * setPassword(pool, user, password, { permanent: true, now });
 * ```
 */
export function setPassword(pool: UserPool, user: UserRecord, password: string, how: { permanent: boolean; now: Date }): void {
  user.srp = pool.users.verifierFor(user.username, password);
  user.passwordSetAt = how.now;
  user.status = how.permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  user.modifiedAt = how.now;
}

/**
 * NEW_PASSWORD_REQUIRED: the new password and attributes, then what follows the password (device, MFA, tokens).
 *
 * @throws {CognitoError} InvalidPasswordException for a password the policy refuses; InvalidParameterException for
 *   an attribute the pool does not have
 *
 * @example
 * ```ts
 * return answerNewPassword(call, pending, { USERNAME, NEW_PASSWORD: 'Brand new 2?' });
 * ```
 */
export async function answerNewPassword(call: Call, pending: PendingOf<'NEW_PASSWORD_REQUIRED'>, responses: Parameters): Promise<JsonObject> {
  const { login } = pending;
  checkAnswerer(login, responses);
  const { user } = login;
  if (user === undefined) throw notAuthorized(MESSAGES.invalidSession);
  const password = requiredParameter(responses, 'NEW_PASSWORD');
  const { pool } = login.client;
  checkPolicy(pool, password, 'Password does not conform to policy:');
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(responses)) {
    if (!key.startsWith(USER_ATTRIBUTES)) continue;
    const name = key.slice(USER_ATTRIBUTES.length);
    const problem = attributeProblem(name, value);
    if (problem !== undefined) throw invalidParameter(`Attributes did not conform to the schema: ${problem}`);
    attributes[name] = value;
  }
  setPassword(pool, user, password, { permanent: true, now: call.now });
  Object.assign(user.attributes, attributes);
  pool.users.index(user);
  return afterPassword(call, login);
}

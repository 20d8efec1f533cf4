/**
 * The first factor of a sign-in: who is signing in (a user, or for an unknown name a phantom, as the client's
 * preventUserExistenceErrors says), and the proof of the password, with SRP (PASSWORD_VERIFIER) or as it is.
 *
 * @module
 */
import { SrpError } from '@cognito-kit/srp';
import { createServerChallenge } from '@cognito-kit/srp/server';
import type { AuthFlow } from '@cognito-kit/request-builder';
import type { Call } from './call.js';
import type { JsonObject } from './input.js';
import type { Login } from './login.js';
import { phantomOf } from './phantom.js';
import type { AppClient } from './pool.js';
import { checkSecretHash } from './secret-hash.js';
import { MESSAGES, invalidParameter, missingParameter, notAuthorized, userNotFound } from './service-error.js';
import { secretBlockKey } from './sessions.js';
import { statusRefusal } from './user-status.js';

/** AuthParameters or ChallengeResponses. */
export type Parameters = Readonly<Record<string, string>>;

/**
 * A value of AuthParameters or ChallengeResponses that must be there.
 *
 * @throws {CognitoError} InvalidParameterException "Missing required parameter <name>"
 *
 * @example
 * ```ts
 * const srpA = requiredParameter(AuthParameters, 'SRP_A');
 * ```
 */
export function requiredParameter(values: Parameters, name: string): string {
  const value = values[name];
  if (value === undefined) throw missingParameter(name);
  return value;
}

/**
 * Starts a sign-in for USERNAME: SECRET_HASH over the name as sent, then the user. A name that is no user is a
 * phantom under preventUserExistenceErrors ENABLED (and always for USER_AUTH, which ignores the setting), and
 * UserNotFoundException under LEGACY; under LEGACY a user's state is refused here too.
 *
 * @example
 * ```ts
 * const login = await startLogin(call, client, AuthParameters, { admin: false, authFlow: 'USER_SRP_AUTH' });
 * ```
 */
export async function startLogin(call: Call, client: AppClient, params: Parameters, how: { admin: boolean; authFlow: AuthFlow }): Promise<Login> {
  const name = requiredParameter(params, 'USERNAME');
  checkSecretHash(client, [name], params.SECRET_HASH);
  const { pool } = client;
  const user = pool.users.find(name);
  const legacy = client.preventUserExistenceErrors === 'LEGACY';
  if (user === undefined && legacy && how.authFlow !== 'USER_AUTH') throw userNotFound();
  const refusal = user !== undefined && legacy ? statusRefusal(user, client, call.now) : undefined;
  if (refusal !== undefined) throw refusal;
  const userIdForSrp = user?.username ?? (await phantomOf(call.state, pool, name)).userIdForSrp;
  return { client, user, userIdForSrp, signInName: name, ...how, deviceKey: params.DEVICE_KEY, firstFactor: 'PASSWORD', mfaDone: false };
}

/**
 * Checks a password sent as it is (USER_PASSWORD_AUTH, the ADMIN_* flows, USER_AUTH's PASSWORD): its verifier must
 * be the user's. A phantom's costs the same exponentiation and always fails.
 *
 * @throws {CognitoError} NotAuthorizedException "Incorrect username or password."
 *
 * @example
 * ```ts
 * checkPassword(login, requiredParameter(AuthParameters, 'PASSWORD'));
 * ```
 */
export function checkPassword(login: Login, password: string): void {
  const { users } = login.client.pool;
  const { user } = login;
  if (user === undefined) {
    users.verifierFor(login.userIdForSrp, password); // the same work as for a user, so timing does not tell
    throw notAuthorized(MESSAGES.incorrect);
  }
  if (!users.checkPassword(user, password)) throw notAuthorized(MESSAGES.incorrect);
}

/**
 * The PASSWORD_VERIFIER challenge for SRP_A: the server half's SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP and
 * USERNAME, without a Session (real Cognito sends none: COGNITO-SERVER.md §6); the answer is found by its
 * SECRET_BLOCK.
 *
 * @example
 * ```ts
 * return passwordVerifier(call, login, requiredParameter(AuthParameters, 'SRP_A'));
 * ```
 */
export async function passwordVerifier(call: Call, login: Login, srpA: string): Promise<JsonObject> {
  const { pool } = login.client;
  const stored = login.user?.srp ?? (await phantomOf(call.state, pool, login.signInName)).stored();
  const user = { userPoolId: pool.id, userIdForSrp: login.userIdForSrp, username: login.userIdForSrp, ...stored };
  const challenge = srpMath(() => createServerChallenge(user, srpA, call.state.random.source));
  const scope = { clientId: login.client.id, admin: login.admin, validityMs: login.client.sessionValidityMs };
  const secretBlock = challenge.challengeParameters.SECRET_BLOCK ?? '';
  call.state.sessions.put({ kind: 'PASSWORD_VERIFIER', login: { ...login, firstFactor: 'SRP' }, challenge }, scope, [secretBlockKey(secretBlock)]);
  return { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { ...challenge.challengeParameters } };
}

/**
 * Runs server-half code on a client's value: an SrpError (an SRP_A that is not hex, or 0 mod N) is the client's
 * fault, InvalidParameterException; the server half's messages never hold a secret.
 *
 * @example
 * ```ts
 * const challenge = srpMath(() => createServerChallenge(user, srpA));
 * ```
 */
export function srpMath<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SrpError) throw invalidParameter(`${error.field ?? 'An SRP value'} is invalid: ${error.message}`);
    throw error;
  }
}

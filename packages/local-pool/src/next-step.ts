/**
 * What follows the first factor, in Cognito's order: the user's state (under preventUserExistenceErrors ENABLED),
 * NEW_PASSWORD_REQUIRED, then a remembered device (which replaces MFA) or MFA, then a confirmed device that is not
 * remembered, then the tokens.
 *
 * @module
 */
import type { Call } from './call.js';
import { challengeReply } from './challenge.js';
import { deviceChallenge } from './device-challenges.js';
import type { JsonObject } from './input.js';
import type { Login } from './login.js';
import { mfaStep } from './mfa.js';
import { MESSAGES, notAuthorized } from './service-error.js';
import { signedIn } from './sign-in-result.js';
import { statusRefusal } from './user-status.js';

/**
 * After the first factor was proved (a password, SRP, or a code of USER_AUTH).
 *
 * @example
 * ```ts
 * return afterFirstFactor(call, { ...login, firstFactor: 'PASSWORD' });
 * ```
 */
export async function afterFirstFactor(call: Call, login: Login): Promise<JsonObject> {
  const { user, client } = login;
  if (user === undefined) throw notAuthorized(MESSAGES.incorrect);
  const refusal = client.preventUserExistenceErrors === 'ENABLED' ? statusRefusal(user, client, call.now) : undefined;
  if (refusal !== undefined) throw refusal;
  if (user.status !== 'FORCE_CHANGE_PASSWORD') return afterPassword(call, login);
  // COGNITO-SERVER.md §7: USER_ID_FOR_SRP, requiredAttributes (a JSON list) and userAttributes (a JSON object).
  return challengeReply(call, { kind: 'NEW_PASSWORD_REQUIRED', login }, {
    USER_ID_FOR_SRP: login.userIdForSrp,
    requiredAttributes: JSON.stringify([]),
    userAttributes: JSON.stringify(user.attributes),
  });
}

/**
 * After the password (and a new one, when it was due): a remembered device is asked instead of MFA; else MFA, then a
 * confirmed device that is not remembered; else the tokens.
 *
 * @example
 * ```ts
 * return afterPassword(call, { ...login, mfaDone: true });
 * ```
 */
export async function afterPassword(call: Call, login: Login): Promise<JsonObject> {
  const { user, client } = login;
  if (user === undefined) throw notAuthorized(MESSAGES.incorrect);
  const named = client.pool.devices.of(user.sub, login.deviceKey);
  const device = named?.verifier === undefined ? undefined : named;
  if (device?.remembered === true) return deviceChallenge(call, login, device);
  if (login.firstFactor !== 'OTP' && !login.mfaDone) {
    const mfa = mfaStep(call, login);
    if (mfa !== undefined) return mfa;
  }
  if (device !== undefined) return deviceChallenge(call, login, device);
  return signedIn(call, login, undefined);
}

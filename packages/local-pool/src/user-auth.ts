/**
 * USER_AUTH, choice-based sign-in: the first factors the pool allows (signInPolicy) and the user can use —
 * PASSWORD and PASSWORD_SRP always, EMAIL_OTP and SMS_OTP when allowed and the user has the address — started at
 * once when PREFERRED_CHALLENGE names one, else offered in SELECT_CHALLENGE (AvailableChallenges). It ignores
 * preventUserExistenceErrors: a name that is no user gets the same choices, none of which it passes
 * (COGNITO-SERVER.md §3).
 *
 * @module
 */
import type { Call } from './call.js';
import { challengeReply } from './challenge.js';
import { checkPassword, passwordVerifier, requiredParameter, type Parameters } from './first-factor.js';
import type { JsonObject } from './input.js';
import type { Login, PendingOf } from './login.js';
import { codeChallenge } from './mfa.js';
import { nameKey } from './names.js';
import { afterFirstFactor } from './next-step.js';
import { checkSecretHash } from './secret-hash.js';
import { MESSAGES, invalidParameter, notAuthorized } from './service-error.js';

/** The choices of USER_AUTH, in the order they are offered. */
type FirstFactorChallenge = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP';

/** The first factors `login` can choose from. */
function availableFactors(login: Login): FirstFactorChallenge[] {
  const { pool } = login.client;
  const attributes = login.user?.attributes;
  const available: FirstFactorChallenge[] = ['PASSWORD', 'PASSWORD_SRP'];
  if (pool.firstFactors.includes('EMAIL_OTP') && (attributes === undefined || attributes.email !== undefined)) available.push('EMAIL_OTP');
  if (pool.firstFactors.includes('SMS_OTP') && (attributes === undefined || attributes.phone_number !== undefined)) available.push('SMS_OTP');
  return available;
}

/**
 * The start of USER_AUTH: PREFERRED_CHALLENGE when it is available, else SELECT_CHALLENGE.
 *
 * @example
 * ```ts
 * return startUserAuth(call, login, AuthParameters);
 * ```
 */
export async function startUserAuth(call: Call, login: Login, params: Parameters): Promise<JsonObject> {
  const available = availableFactors(login);
  const preferred = available.find((factor) => factor === params.PREFERRED_CHALLENGE);
  if (preferred !== undefined) return startFactor(call, login, preferred, params);
  const reply = challengeReply(call, { kind: 'SELECT_CHALLENGE', login, available }, {});
  return { ...reply, AvailableChallenges: available };
}

/** A chosen first factor, with SRP_A or PASSWORD from AuthParameters or the SELECT_CHALLENGE answer. */
async function startFactor(call: Call, login: Login, factor: FirstFactorChallenge, values: Parameters): Promise<JsonObject> {
  switch (factor) {
    case 'PASSWORD_SRP':
      return passwordVerifier(call, login, requiredParameter(values, 'SRP_A'));
    case 'PASSWORD':
      checkPassword(login, requiredParameter(values, 'PASSWORD'));
      return afterFirstFactor(call, { ...login, firstFactor: 'PASSWORD' });
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return codeChallenge(call, login, factor, 'first-factor');
  }
}

/**
 * SELECT_CHALLENGE {ANSWER, USERNAME, SRP_A | PASSWORD}: a first-factor answer, so USERNAME may be the name the
 * sign-in started with, and SECRET_HASH is over the USERNAME sent, as at InitiateAuth.
 *
 * @example
 * ```ts
 * return answerSelectChallenge(call, pending, ChallengeResponses);
 * ```
 */
export async function answerSelectChallenge(call: Call, pending: PendingOf<'SELECT_CHALLENGE'>, responses: Parameters): Promise<JsonObject> {
  const { login } = pending;
  const name = requiredParameter(responses, 'USERNAME');
  const { pool } = login.client;
  const key = (text: string): string => nameKey(text, pool.naming.caseSensitive);
  const same = login.user === undefined ? [login.signInName, login.userIdForSrp].some((own) => key(own) === key(name)) : pool.users.find(name) === login.user;
  if (!same) throw notAuthorized(MESSAGES.invalidSession);
  checkSecretHash(login.client, [name], responses.SECRET_HASH);
  const answer = requiredParameter(responses, 'ANSWER');
  const factor = availableFactors(login).find((available) => available === answer && pending.available.includes(available));
  if (factor === undefined) throw invalidParameter(`Invalid ANSWER: it must be one of ${pending.available.join(', ')}`);
  return startFactor(call, { ...login, deviceKey: responses.DEVICE_KEY ?? login.deviceKey }, factor, responses);
}

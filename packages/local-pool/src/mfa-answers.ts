/**
 * The answers to MFA and code challenges: a code (SMS_MFA_CODE, EMAIL_OTP_CODE, SMS_OTP_CODE, checked against the
 * code sent; SOFTWARE_TOKEN_MFA_CODE, checked as TOTP at the pool's clock, one step either side), the choice of
 * SELECT_MFA_TYPE, and MFA_SETUP once VerifySoftwareToken accepted a code.
 *
 * @module
 */
import type { Call } from './call.js';
import { checkAnswerer } from './challenge.js';
import { requiredParameter, type Parameters } from './first-factor.js';
import type { JsonObject } from './input.js';
import type { PendingOf } from './login.js';
import { mfaChallenge } from './mfa.js';
import { afterFirstFactor, afterPassword } from './next-step.js';
import { MESSAGES, codeMismatch, invalidParameter, notAuthorized } from './service-error.js';
import { verifyTotp } from './totp.js';
import type { MfaType } from './config.js';

/**
 * SMS_MFA, EMAIL_OTP (as MFA or first factor) and SMS_OTP: the code sent, once.
 *
 * @throws {CognitoError} CodeMismatchException "Invalid code or auth state for the user."
 *
 * @example
 * ```ts
 * return answerCode(call, pending, ChallengeResponses);
 * ```
 */
export async function answerCode(call: Call, pending: PendingOf<'SMS_MFA' | 'EMAIL_OTP' | 'SMS_OTP'>, responses: Parameters): Promise<JsonObject> {
  const { login } = pending;
  checkAnswerer(login, responses);
  const code = requiredParameter(responses, `${pending.kind}_CODE`);
  if (login.user === undefined || code !== pending.code) throw codeMismatch(MESSAGES.codeMismatch);
  if (pending.role === 'first-factor') return afterFirstFactor(call, { ...login, firstFactor: 'OTP' });
  return afterPassword(call, { ...login, mfaDone: true });
}

/**
 * SOFTWARE_TOKEN_MFA: the TOTP of the user's key at the pool's clock, one 30-second step either side.
 *
 * @throws {CognitoError} CodeMismatchException "Invalid code received for user"
 *
 * @example
 * ```ts
 * return answerTotp(call, pending, ChallengeResponses);
 * ```
 */
export async function answerTotp(call: Call, pending: PendingOf<'SOFTWARE_TOKEN_MFA'>, responses: Parameters): Promise<JsonObject> {
  const { login } = pending;
  checkAnswerer(login, responses);
  const code = requiredParameter(responses, 'SOFTWARE_TOKEN_MFA_CODE');
  const key = login.user?.mfa.totp?.key;
  if (key === undefined || !(await verifyTotp(key, code, call.now))) throw codeMismatch(MESSAGES.totpMismatch);
  return afterPassword(call, { ...login, mfaDone: true });
}

/**
 * SELECT_MFA_TYPE: ANSWER names one of MFAS_CAN_CHOOSE, which is then asked with a new Session.
 *
 * @example
 * ```ts
 * return answerSelectMfaType(call, pending, { USERNAME, ANSWER: 'SOFTWARE_TOKEN_MFA' });
 * ```
 */
export function answerSelectMfaType(call: Call, pending: PendingOf<'SELECT_MFA_TYPE'>, responses: Parameters): JsonObject {
  checkAnswerer(pending.login, responses);
  const answer = requiredParameter(responses, 'ANSWER');
  const chosen = (['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] as const).find((type: MfaType) => type === answer && pending.choices.includes(type));
  if (chosen === undefined) throw invalidParameter(`Invalid ANSWER: it must be one of ${pending.choices.join(', ')}`);
  return mfaChallenge(call, pending.login, chosen);
}

/**
 * MFA_SETUP, answered with the Session VerifySoftwareToken returned: the user now has TOTP, and the sign-in goes on.
 *
 * @example
 * ```ts
 * return answerMfaSetup(call, pending, { USERNAME });
 * ```
 */
export async function answerMfaSetup(call: Call, pending: PendingOf<'MFA_SETUP'>, responses: Parameters): Promise<JsonObject> {
  checkAnswerer(pending.login, responses);
  if (pending.setup.stage !== 'verified') throw notAuthorized(MESSAGES.invalidSession);
  return afterPassword(call, { ...pending.login, mfaDone: true });
}

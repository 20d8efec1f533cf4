/**
 * RespondToAuthChallenge and AdminRespondToAuthChallenge: the answer finds the challenge it answers (by Session, or
 * by SECRET_BLOCK / DEVICE_KEY for the challenges sent without one), which must be of its client and name, and is
 * taken: one answer, right or wrong.
 *
 * @module
 */
import { verifyPasswordClaim } from '@cognito-kit/srp/server';
import type { Call } from './call.js';
import { checkAnswerer } from './challenge.js';
import { clientOf } from './clients.js';
import { answerDevicePasswordVerifier, answerDeviceSrpAuth } from './device-challenges.js';
import type { Parameters } from './first-factor.js';
import type { Input, JsonObject } from './input.js';
import type { Pending, PendingOf } from './login.js';
import { answerCode, answerMfaSetup, answerSelectMfaType, answerTotp } from './mfa-answers.js';
import { answerNewPassword } from './new-password.js';
import { afterFirstFactor } from './next-step.js';
import { MESSAGES, missingParameter, notAuthorized } from './service-error.js';
import { deviceKeyKey, secretBlockKey } from './sessions.js';
import { answerSelectChallenge } from './user-auth.js';

/**
 * RespondToAuthChallenge (`admin` false) or AdminRespondToAuthChallenge.
 *
 * @example
 * ```ts
 * return respondToAuthChallenge(call, input, false);
 * ```
 */
export async function respondToAuthChallenge(call: Call, input: Input, admin: boolean): Promise<JsonObject> {
  const client = clientOf(call, input, admin);
  const name = input.required('ChallengeName');
  const responses = input.map('ChallengeResponses');
  const { sessions } = call.state;
  let taken: ReturnType<typeof sessions.take>;
  for (const key of keysOf(name, input.string('Session'), responses)) {
    taken = sessions.take(key);
    if (taken !== undefined) break;
  }
  if (taken === undefined || taken.scope.clientId !== client.id || taken.scope.admin !== admin || taken.pending.kind !== name) {
    // A PASSWORD_VERIFIER answer with an unknown SECRET_BLOCK fails as a wrong password does.
    throw notAuthorized(name === 'PASSWORD_VERIFIER' ? MESSAGES.incorrect : MESSAGES.invalidSession);
  }
  return answer(call, taken.pending, responses);
}

/**
 * Where the challenge answered may be stored, in order: PASSWORD_VERIFIER by its SECRET_BLOCK (it has no Session);
 * the device steps by Session, then by DEVICE_KEY or SECRET_BLOCK; everything else by Session.
 */
function keysOf(name: string, session: string | undefined, responses: Parameters): string[] {
  const keys: string[] = [];
  const secretBlock = responses.PASSWORD_CLAIM_SECRET_BLOCK;
  if (name === 'PASSWORD_VERIFIER') {
    if (secretBlock === undefined) throw missingParameter('PASSWORD_CLAIM_SECRET_BLOCK');
    return [secretBlockKey(secretBlock)];
  }
  if (session !== undefined) keys.push(session);
  if (name === 'DEVICE_SRP_AUTH' && responses.DEVICE_KEY !== undefined) keys.push(deviceKeyKey(responses.DEVICE_KEY));
  if (name === 'DEVICE_PASSWORD_VERIFIER' && secretBlock !== undefined) keys.push(secretBlockKey(secretBlock));
  return keys;
}

function answer(call: Call, pending: Pending, responses: Parameters): JsonObject | Promise<JsonObject> {
  switch (pending.kind) {
    case 'PASSWORD_VERIFIER':
      return answerPasswordVerifier(call, pending, responses);
    case 'SELECT_CHALLENGE':
      return answerSelectChallenge(call, pending, responses);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(call, pending, responses);
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return answerCode(call, pending, responses);
    case 'SOFTWARE_TOKEN_MFA':
      return answerTotp(call, pending, responses);
    case 'SELECT_MFA_TYPE':
      return answerSelectMfaType(call, pending, responses);
    case 'MFA_SETUP':
      return answerMfaSetup(call, pending, responses);
    case 'DEVICE_SRP_AUTH':
      return answerDeviceSrpAuth(call, pending, responses);
    case 'DEVICE_PASSWORD_VERIFIER':
      return answerDevicePasswordVerifier(call, pending, responses);
  }
}

/**
 * PASSWORD_VERIFIER: SECRET_HASH over USER_ID_FOR_SRP, then the server half's check of the signature, the TIMESTAMP
 * format and window at the pool's clock, and USERNAME (USER_ID_FOR_SRP, not an alias). A phantom's never passes. A
 * DEVICE_KEY in the answer names the device to sign in with.
 */
async function answerPasswordVerifier(call: Call, pending: PendingOf<'PASSWORD_VERIFIER'>, responses: Parameters): Promise<JsonObject> {
  const { login, challenge } = pending;
  checkAnswerer(login, responses);
  const right = verifyPasswordClaim(challenge, { ...responses }, { now: call.now });
  if (!right || login.user === undefined) throw notAuthorized(MESSAGES.incorrect);
  return afterFirstFactor(call, { ...login, deviceKey: responses.DEVICE_KEY ?? login.deviceKey });
}

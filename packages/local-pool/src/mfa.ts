/**
 * The MFA a sign-in is asked (COGNITO-SERVER.md §7): none when the pool's MFA is OFF; the user's preferred one, or
 * the only one it has; SELECT_MFA_TYPE when it has several and prefers none; MFA_SETUP when the pool requires MFA
 * and the user has none. Codes for SMS and e-mail are 6 random digits, "sent" to the administration API.
 *
 * @module
 */
import { maskDestination } from './attributes.js';
import type { Call } from './call.js';
import { challengeReply } from './challenge.js';
import type { MfaType } from './config.js';
import type { JsonObject } from './input.js';
import type { CodeChallengeName, Login } from './login.js';
import type { UserRecord } from './users.js';

/** Digits of an SMS or e-mail code. */
const CODE_DIGITS = 6;

/**
 * The MFA a user can be asked now: enabled, and with what it needs (a phone number, an e-mail address, a TOTP key).
 *
 * @example
 * ```ts
 * usableMfa(user); // ['SOFTWARE_TOKEN_MFA']
 * ```
 */
export function usableMfa(user: UserRecord): MfaType[] {
  return user.mfa.enabled.filter((type) => {
    if (type === 'SOFTWARE_TOKEN_MFA') return user.mfa.totp !== undefined;
    return user.attributes[type === 'SMS_MFA' ? 'phone_number' : 'email'] !== undefined;
  });
}

/**
 * The MFA challenge `login` is asked after its password, or undefined when none is due.
 *
 * @example
 * ```ts
 * const mfa = mfaStep(call, login);
 * if (mfa !== undefined) return mfa;
 * ```
 */
export function mfaStep(call: Call, login: Login): JsonObject | undefined {
  const { user } = login;
  if (user === undefined || login.client.pool.mfaConfiguration === 'OFF') return undefined;
  const usable = usableMfa(user);
  const USER_ID_FOR_SRP = login.userIdForSrp;
  if (usable.length === 0) {
    if (login.client.pool.mfaConfiguration !== 'ON') return undefined;
    // Amplify v6 reads MFAS_CAN_SETUP as a JSON list, then calls AssociateSoftwareToken with the Session.
    return challengeReply(call, { kind: 'MFA_SETUP', login, setup: { stage: 'asked' } }, { USER_ID_FOR_SRP, MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']) });
  }
  const preferred = user.mfa.preferred;
  const chosen = preferred !== undefined && usable.includes(preferred) ? preferred : usable.length === 1 ? usable[0] : undefined;
  if (chosen !== undefined) return mfaChallenge(call, login, chosen);
  // Amplify v6 reads MFAS_CAN_CHOOSE as a JSON list (signInHelpers.ts getSignInResult).
  return challengeReply(call, { kind: 'SELECT_MFA_TYPE', login, choices: usable }, { USER_ID_FOR_SRP, MFAS_CAN_CHOOSE: JSON.stringify(usable) });
}

/**
 * The challenge of one MFA: SOFTWARE_TOKEN_MFA with FRIENDLY_DEVICE_NAME (no CODE_DELIVERY_* keys), or a code sent
 * by SMS (SMS_MFA) or e-mail (EMAIL_OTP).
 *
 * @example
 * ```ts
 * return mfaChallenge(call, login, 'SMS_MFA');
 * ```
 */
export function mfaChallenge(call: Call, login: Login, type: MfaType): JsonObject {
  if (type === 'SOFTWARE_TOKEN_MFA') {
    const FRIENDLY_DEVICE_NAME = login.user?.mfa.totp?.deviceName ?? '';
    return challengeReply(call, { kind: 'SOFTWARE_TOKEN_MFA', login }, { USER_ID_FOR_SRP: login.userIdForSrp, FRIENDLY_DEVICE_NAME });
  }
  return codeChallenge(call, login, type, 'mfa');
}

/**
 * Sends a code and asks for it: SMS_MFA and EMAIL_OTP as MFA, EMAIL_OTP and SMS_OTP as USER_AUTH's first factor.
 * ChallengeParameters carry CODE_DELIVERY_DELIVERY_MEDIUM and the masked CODE_DELIVERY_DESTINATION (Amplify shows
 * them). A phantom's code goes nowhere and no answer passes.
 *
 * @example
 * ```ts
 * return codeChallenge(call, login, 'EMAIL_OTP', 'first-factor');
 * ```
 */
export function codeChallenge(call: Call, login: Login, kind: CodeChallengeName, role: 'mfa' | 'first-factor'): JsonObject {
  const medium = kind === 'EMAIL_OTP' ? 'EMAIL' : 'SMS';
  const code = call.state.random.digits(CODE_DIGITS);
  const { user } = login;
  const destination = user?.attributes[medium === 'EMAIL' ? 'email' : 'phone_number'] ?? login.signInName;
  if (user !== undefined) deliver(call, login, user, { kind, medium, destination, code });
  return challengeReply(call, { kind, login, code, role }, {
    USER_ID_FOR_SRP: login.userIdForSrp,
    CODE_DELIVERY_DELIVERY_MEDIUM: medium,
    CODE_DELIVERY_DESTINATION: maskDestination(medium, destination),
  });
}

function deliver(call: Call, login: Login, user: UserRecord, message: { kind: CodeChallengeName; medium: 'SMS' | 'EMAIL'; destination: string; code: string }): void {
  const userPoolId = login.client.pool.id;
  call.state.outbox.add({ userPoolId, username: user.username, ...message, sentAt: call.now });
  call.state.log.emit({
    time: call.now,
    level: 'info',
    event: 'code-sent',
    message: `${message.kind} code for ${user.username} "sent" by ${message.medium} to ${maskDestination(message.medium, message.destination)} (read it with sentCodes())`,
    requestId: call.requestId,
    operation: call.operation,
    userPoolId,
    username: user.username,
  });
}

/**
 * The TOTP set-up: AssociateSoftwareToken gives a new base32 SecretCode, VerifySoftwareToken checks a code of it and
 * turns SOFTWARE_TOKEN_MFA on. Each in its two forms: with the Session of MFA_SETUP (the calls Amplify v6 makes
 * during sign-in, each answered with a new Session for the next), or with a signed-in user's AccessToken.
 *
 * @module
 */
import { authorize } from './access-token.js';
import type { Call } from './call.js';
import { scopeOf } from './challenge.js';
import type { Input, JsonObject } from './input.js';
import type { PendingOf } from './login.js';
import { CognitoError, MESSAGES, invalidParameter, notAuthorized } from './service-error.js';
import { base32Encode, verifyTotp } from './totp.js';
import type { UserRecord } from './users.js';

/** Bytes of a SecretCode: 32, so 52 base32 characters, as Cognito's. */
const SECRET_BYTES = 32;

/**
 * AssociateSoftwareToken {Session} or {AccessToken}: `{ SecretCode, Session }` or `{ SecretCode }`.
 *
 * @example
 * ```ts
 * return associateSoftwareToken(call, input);
 * ```
 */
export async function associateSoftwareToken(call: Call, input: Input): Promise<JsonObject> {
  const key = call.state.random.bytes(SECRET_BYTES);
  const SecretCode = base32Encode(key);
  const accessToken = input.string('AccessToken');
  if (accessToken !== undefined) {
    const { user } = await authorize(call, accessToken);
    user.mfa.associatedKey = key;
    return { SecretCode };
  }
  const pending = takeSetup(call, input);
  if (pending.setup.stage === 'verified') throw notAuthorized(MESSAGES.invalidSession);
  const Session = call.state.sessions.issue({ ...pending, setup: { stage: 'associated', key } }, scopeOf(pending.login));
  return { SecretCode, Session };
}

/**
 * VerifySoftwareToken {Session | AccessToken, UserCode, FriendlyDeviceName}: `{ Status: 'SUCCESS', Session? }`.
 *
 * @throws {CognitoError} EnableSoftwareTokenMFAException "Code mismatch and fail enable Software Token MFA"
 *
 * @example
 * ```ts
 * return verifySoftwareToken(call, input); // { Status: 'SUCCESS', Session }
 * ```
 */
export async function verifySoftwareToken(call: Call, input: Input): Promise<JsonObject> {
  const code = input.required('UserCode');
  const deviceName = input.string('FriendlyDeviceName');
  const accessToken = input.string('AccessToken');
  if (accessToken !== undefined) {
    const { user } = await authorize(call, accessToken);
    const key = user.mfa.associatedKey;
    if (key === undefined) throw invalidParameter('Call AssociateSoftwareToken first: no software token is associated with the user');
    await enableTotp(call, user, key, code, deviceName);
    user.mfa.associatedKey = undefined;
    return { Status: 'SUCCESS' };
  }
  const pending = takeSetup(call, input);
  const { setup, login } = pending;
  if (setup.stage !== 'associated' || login.user === undefined) throw notAuthorized(MESSAGES.invalidSession);
  await enableTotp(call, login.user, setup.key, code, deviceName);
  const Session = call.state.sessions.issue({ ...pending, setup: { stage: 'verified', key: setup.key } }, scopeOf(login));
  return { Status: 'SUCCESS', Session };
}

/** The MFA_SETUP challenge of the request's Session (taken: a Session is used once). */
function takeSetup(call: Call, input: Input): PendingOf<'MFA_SETUP'> {
  const session = input.string('Session');
  if (session === undefined) throw invalidParameter('AccessToken or Session is required');
  const taken = call.state.sessions.take(session);
  if (taken === undefined || taken.pending.kind !== 'MFA_SETUP') throw notAuthorized(MESSAGES.invalidSession);
  return taken.pending;
}

/** Checks a code of `key` and makes it the user's TOTP: enabled, and preferred when the user preferred nothing. */
async function enableTotp(call: Call, user: UserRecord, key: Uint8Array, code: string, deviceName: string | undefined): Promise<void> {
  if (!(await verifyTotp(key, code, call.now))) throw new CognitoError('EnableSoftwareTokenMFAException', MESSAGES.totpSetupMismatch);
  user.mfa.totp = { key, deviceName: deviceName ?? user.mfa.totp?.deviceName ?? 'TOTP device' };
  if (!user.mfa.enabled.includes('SOFTWARE_TOKEN_MFA')) user.mfa.enabled.push('SOFTWARE_TOKEN_MFA');
  user.mfa.preferred ??= 'SOFTWARE_TOKEN_MFA';
  user.modifiedAt = call.now;
}

/**
 * The operations around sign-in: ConfirmDevice (AccessToken auth) and the TOTP set-up of MFA_SETUP,
 * AssociateSoftwareToken and VerifySoftwareToken with the challenge's Session (the calls Amplify v6 makes).
 *
 * @module
 */
import { base32Decode, base32Encode, verifyTotp } from '../totp.js';
import type { PoolState } from './state.js';
import { CognitoError, invalidParameter, notAuthorized, stringMember, validationError, type Body } from './wire.js';

/** Bytes of a SecretCode: 32, as base32 without padding (52 characters). */
const TOTP_SECRET_BYTES = 32;

/** ConfirmDevice {AccessToken, DeviceKey, DeviceSecretVerifierConfig}: stores the verifier; the device is then remembered. */
export function confirmDevice(state: PoolState, body: Body): Body {
  const grant = state.accessTokens.get(stringMember(body, 'AccessToken') ?? '');
  if (grant === undefined) throw notAuthorized('Invalid Access Token');
  const device = state.devices.get(stringMember(body, 'DeviceKey') ?? '');
  // COGNITO-SERVER.md §5: a bad key is InvalidParameterException "Invalid device key given.".
  if (device === undefined || device.username !== grant.username) throw invalidParameter('Invalid device key given.');
  const config = body.DeviceSecretVerifierConfig;
  const Salt = typeof config === 'object' && config !== null && 'Salt' in config ? config.Salt : undefined;
  const PasswordVerifier = typeof config === 'object' && config !== null && 'PasswordVerifier' in config ? config.PasswordVerifier : undefined;
  if (typeof Salt !== 'string' || typeof PasswordVerifier !== 'string') {
    throw invalidParameter('DeviceSecretVerifierConfig needs Salt and PasswordVerifier.');
  }
  device.verifierConfig = { Salt, PasswordVerifier };
  // "Always remember" pools confirm at once (COGNITO-SERVER.md §5).
  return { UserConfirmationNecessary: false };
}

/**
 * AssociateSoftwareToken {Session} during MFA_SETUP: a new base32 SecretCode and a new Session. The AccessToken
 * form (a signed-in user adding TOTP) is not modelled.
 */
export function associateSoftwareToken(state: PoolState, body: Body): Body {
  const session = stringMember(body, 'Session');
  if (session === undefined) throw invalidParameter('The test pool takes AssociateSoftwareToken with the Session of MFA_SETUP only.');
  const pending = state.sessions.take(session);
  if (pending?.kind !== 'MFA_SETUP' || pending.setup.stage === 'verified') throw notAuthorized('Invalid session for the user.');
  const SecretCode = base32Encode(crypto.getRandomValues(new Uint8Array(TOTP_SECRET_BYTES)), { padding: false });
  const Session = state.sessions.issue({ ...pending, setup: { stage: 'associated', secret: SecretCode } });
  return { SecretCode, Session };
}

/**
 * VerifySoftwareToken {Session, UserCode, FriendlyDeviceName?}: the TOTP of the associated secret at the pool's
 * clock, ±1 step. Right: Status SUCCESS, a new Session for the MFA_SETUP answer, and the user now has TOTP MFA.
 * Wrong: EnableSoftwareTokenMFAException "Code mismatch and fail enable Software Token MFA" (the message seen in
 * aws-samples/aws-amplify-auth-starters#15).
 */
export async function verifySoftwareToken(state: PoolState, body: Body): Promise<Body> {
  const code = stringMember(body, 'UserCode') ?? '';
  checkUserCode(code);
  const session = stringMember(body, 'Session');
  if (session === undefined) throw invalidParameter('The test pool takes VerifySoftwareToken with the Session of MFA_SETUP only.');
  const pending = state.sessions.take(session);
  if (pending?.kind !== 'MFA_SETUP' || pending.setup.stage !== 'associated') throw notAuthorized('Invalid session for the user.');
  const { secret } = pending.setup;
  if (!(await verifyTotp(base32Decode(secret), code, { now: state.now() }))) {
    throw new CognitoError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');
  }
  const { user } = pending.login;
  user.mfa = { type: 'SOFTWARE_TOKEN_MFA', totpSecret: secret };
  user.totpDeviceName = stringMember(body, 'FriendlyDeviceName') ?? user.totpDeviceName;
  const Session = state.sessions.issue({ ...pending, setup: { stage: 'verified', secret } });
  return { Status: 'SUCCESS', Session };
}

/** The model's SoftwareTokenMFAUserCodeType: exactly 6 characters of `[0-9]+`; sensitive, so the value is not echoed. */
function checkUserCode(code: string): void {
  const failures: string[] = [];
  if (!/^[0-9]+$/.test(code)) failures.push('Member must satisfy regular expression pattern: [0-9]+');
  if (code.length > 6) failures.push('Member must have length less than or equal to 6');
  if (code.length < 6) failures.push('Member must have length greater than or equal to 6');
  if (failures.length > 0) throw validationError(failures.map((constraint) => ({ member: 'UserCode', value: undefined, constraint })));
}

/**
 * What follows the first factor, in Cognito's order: NEW_PASSWORD_REQUIRED, then a remembered device
 * (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER) or MFA (SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP, SELECT_MFA_TYPE,
 * MFA_SETUP), then tokens. Each challenge gets a fresh Session answered once.
 *
 * @module
 */
import { createDeviceServerChallenge, verifyDevicePasswordClaim } from '@cognito-kit/srp/server';
import type { TestPoolMfa } from '../test-pool.js';
import { base32Decode, verifyTotp } from '../totp.js';
import {
  TOKEN_LIFETIME_S,
  checkSecretHash,
  deviceKeyKey,
  randomToken,
  secretBlockKey,
  setPassword,
  srpMath,
  type ConfirmedDevice,
  type Login,
  type Pending,
  type PoolState,
} from './state.js';
import { CognitoError, invalidParameter, missingParameter, notAuthorized, type Body } from './wire.js';

/** ChallengeResponses of an answer. */
export type Responses = Readonly<Record<string, string>>;

/** The prefix of NEW_PASSWORD_REQUIRED's requiredAttributes items and of the answer's keys. */
const USER_ATTRIBUTES = 'userAttributes.';

/** A challenge reply: ChallengeName, a fresh Session, ChallengeParameters. */
export function challenge(state: PoolState, pending: Pending, parameters: Record<string, string>, otherKeys: readonly string[] = []): Body {
  const Session = state.sessions.issue(pending, otherKeys);
  return { ChallengeName: pending.kind, Session, ChallengeParameters: parameters };
}

/** After the password (or SRP) was proved. */
export function afterFirstFactor(state: PoolState, login: Login): Body {
  const { user } = login;
  if (user.newPasswordRequired === undefined) return afterPassword(state, login);
  // COGNITO-SERVER.md §7: USER_ID_FOR_SRP, requiredAttributes (JSON array, `userAttributes.` prefixed), userAttributes.
  return challenge(state, { kind: 'NEW_PASSWORD_REQUIRED', login }, {
    USER_ID_FOR_SRP: user.username,
    requiredAttributes: JSON.stringify(user.newPasswordRequired.requiredAttributes.map((name) => USER_ATTRIBUTES + name)),
    userAttributes: JSON.stringify(user.attributes),
  });
}

/** After NEW_PASSWORD_REQUIRED (or when none was due): a remembered device replaces MFA. */
function afterPassword(state: PoolState, login: Login): Body {
  const device = confirmedDevice(state, login);
  if (device !== undefined) {
    // Answerable with the Session (Amplify v6) or without it, by DEVICE_KEY (COGNITO-SERVER.md §5: accept both).
    return challenge(state, { kind: 'DEVICE_SRP_AUTH', login, device }, { USERNAME: login.user.username }, [deviceKeyKey(device.deviceKey)]);
  }
  const mfa = login.user.mfa;
  return mfa === undefined ? signedIn(state, login) : mfaChallenge(state, login, mfa);
}

function confirmedDevice(state: PoolState, login: Login): ConfirmedDevice | undefined {
  const device = login.deviceKey === undefined ? undefined : state.devices.get(login.deviceKey);
  if (device?.verifierConfig === undefined || device.username !== login.user.username) return undefined;
  return { ...device, verifierConfig: device.verifierConfig };
}

function mfaChallenge(state: PoolState, login: Login, mfa: TestPoolMfa): Body {
  const USER_ID_FOR_SRP = login.user.username;
  switch (mfa.type) {
    case 'SOFTWARE_TOKEN_MFA':
      // COGNITO-SERVER.md §7: {USER_ID_FOR_SRP, FRIENDLY_DEVICE_NAME}, no CODE_DELIVERY_* keys.
      return challenge(state, { kind: mfa.type, login, totpSecret: mfa.totpSecret }, { USER_ID_FOR_SRP, FRIENDLY_DEVICE_NAME: login.user.totpDeviceName });
    case 'SMS_MFA':
    case 'EMAIL_OTP':
      return challenge(state, { kind: mfa.type, login, code: mfa.code }, { USER_ID_FOR_SRP, ...codeDelivery(login, mfa.type) });
    case 'SELECT_MFA_TYPE':
      // Amplify v6 reads MFAS_CAN_CHOOSE as a JSON array (signInHelpers.ts getSignInResult).
      return challenge(state, { kind: mfa.type, login, smsCode: mfa.smsCode, totpSecret: mfa.totpSecret }, {
        USER_ID_FOR_SRP,
        MFAS_CAN_CHOOSE: JSON.stringify(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']),
      });
    case 'MFA_SETUP':
      // Amplify v6 reads MFAS_CAN_SETUP and calls AssociateSoftwareToken with the Session.
      return challenge(state, { kind: mfa.type, login, setup: { stage: 'challenged' } }, {
        USER_ID_FOR_SRP,
        MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']),
      });
  }
}

/** CODE_DELIVERY_DELIVERY_MEDIUM and a masked CODE_DELIVERY_DESTINATION, which Amplify shows. */
export function codeDelivery(login: Login, kind: 'SMS_MFA' | 'EMAIL_OTP'): Record<string, string> {
  const { attributes, aliases } = login.user;
  if (kind === 'SMS_MFA') {
    const phone = attributes.phone_number ?? '+10000000100';
    return { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: `+*******${phone.slice(-4)}` };
  }
  const email = attributes.email ?? aliases.find((alias) => alias.includes('@')) ?? 'user@example.com';
  const [local = '', domain = ''] = email.split('@');
  return { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: `${local.charAt(0)}***@${domain.charAt(0)}***` };
}

/**
 * USERNAME of an answer after the first factor: required, naming the user signing in (their username; an alias is
 * accepted too), and SECRET_HASH over the real username (COGNITO-SERVER.md §6: "must use that internal username").
 */
export function checkAnswerer(state: PoolState, login: Login, responses: Responses): void {
  const username = responses.USERNAME;
  if (username === undefined) throw missingParameter('USERNAME');
  if (state.names.get(username) !== login.user) throw notAuthorized('Invalid session for the user.');
  checkSecretHash(state, login.user.username, responses.SECRET_HASH);
}

/** NEW_PASSWORD_REQUIRED: NEW_PASSWORD and a `userAttributes.<name>` for each required attribute. */
export function answerNewPassword(state: PoolState, login: Login, responses: Responses): Body {
  checkAnswerer(state, login, responses);
  const password = responses.NEW_PASSWORD;
  if (password === undefined || password === '') throw missingParameter('NEW_PASSWORD');
  for (const name of login.user.newPasswordRequired?.requiredAttributes ?? []) {
    // Message as reported for a missing required attribute (pmill/aws-cognito#25).
    if (!responses[USER_ATTRIBUTES + name]) throw invalidParameter(`Invalid attributes given, ${name} is missing`);
  }
  setPassword(state, login.user, password);
  login.user.newPasswordRequired = undefined;
  return afterPassword(state, login);
}

/**
 * SMS_MFA_CODE, EMAIL_OTP_CODE or SOFTWARE_TOKEN_MFA_CODE. A wrong code is CodeMismatchException with the message
 * seen for each: "Invalid code or auth state for the user." (SMS, aws-amplify/amplify-js#11069) and "Invalid code
 * received for user" (TOTP, the string Amplify and apps match on).
 */
export async function answerCode(state: PoolState, pending: Extract<Pending, { kind: 'SMS_MFA' | 'EMAIL_OTP' | 'SOFTWARE_TOKEN_MFA' }>, responses: Responses): Promise<Body> {
  checkAnswerer(state, pending.login, responses);
  const key = `${pending.kind}_CODE`; // SMS_MFA_CODE, EMAIL_OTP_CODE, SOFTWARE_TOKEN_MFA_CODE
  const code = responses[key];
  if (code === undefined) throw missingParameter(key);
  const right =
    pending.kind === 'SOFTWARE_TOKEN_MFA'
      ? await verifyTotp(base32Decode(pending.totpSecret), code, { now: state.now() })
      : code === pending.code;
  if (!right) {
    const message = pending.kind === 'SOFTWARE_TOKEN_MFA' ? 'Invalid code received for user' : 'Invalid code or auth state for the user.';
    throw new CognitoError('CodeMismatchException', message);
  }
  return signedIn(state, pending.login);
}

/** SELECT_MFA_TYPE: ANSWER names the MFA, which is then asked with a new Session. */
export function answerSelectMfaType(state: PoolState, pending: Extract<Pending, { kind: 'SELECT_MFA_TYPE' }>, responses: Responses): Body {
  checkAnswerer(state, pending.login, responses);
  const { login } = pending;
  switch (responses.ANSWER) {
    case 'SMS_MFA':
      return mfaChallenge(state, login, { type: 'SMS_MFA', code: pending.smsCode });
    case 'SOFTWARE_TOKEN_MFA':
      return mfaChallenge(state, login, { type: 'SOFTWARE_TOKEN_MFA', totpSecret: pending.totpSecret });
    case undefined:
      throw missingParameter('ANSWER');
    default:
      throw invalidParameter('Invalid value for ANSWER: expected SMS_MFA or SOFTWARE_TOKEN_MFA');
  }
}

/** MFA_SETUP, answered with the Session VerifySoftwareToken returned: tokens. */
export function answerMfaSetup(state: PoolState, pending: Extract<Pending, { kind: 'MFA_SETUP' }>, responses: Responses): Body {
  checkAnswerer(state, pending.login, responses);
  if (pending.setup.stage !== 'verified') throw notAuthorized('Invalid session for the user.');
  return signedIn(state, pending.login);
}

/** DEVICE_SRP_AUTH {USERNAME, DEVICE_KEY, SRP_A}: the server half's DEVICE_PASSWORD_VERIFIER. */
export function answerDeviceSrpAuth(state: PoolState, pending: Extract<Pending, { kind: 'DEVICE_SRP_AUTH' }>, responses: Responses): Body {
  checkAnswerer(state, pending.login, responses);
  const { device, login } = pending;
  if (responses.DEVICE_KEY === undefined) throw missingParameter('DEVICE_KEY');
  if (responses.DEVICE_KEY !== device.deviceKey) throw invalidParameter('Invalid device key given.');
  const srpA = responses.SRP_A;
  if (srpA === undefined) throw missingParameter('SRP_A');
  const stored = { deviceGroupKey: device.deviceGroupKey, deviceKey: device.deviceKey, username: device.username, deviceSecretVerifierConfig: device.verifierConfig };
  const issued = srpMath(() => createDeviceServerChallenge(stored, srpA));
  const secretBlock = issued.challengeParameters.SECRET_BLOCK ?? '';
  return challenge(state, { kind: 'DEVICE_PASSWORD_VERIFIER', login, challenge: issued, deviceKey: device.deviceKey }, { ...issued.challengeParameters }, [
    secretBlockKey(secretBlock),
  ]);
}

/** DEVICE_PASSWORD_VERIFIER: the server half checks signature, TIMESTAMP window, USERNAME and DEVICE_KEY. */
export function answerDevicePasswordVerifier(state: PoolState, pending: Extract<Pending, { kind: 'DEVICE_PASSWORD_VERIFIER' }>, responses: Responses): Body {
  checkAnswerer(state, pending.login, responses);
  if (!verifyDevicePasswordClaim(pending.challenge, { ...responses }, { now: state.now() })) {
    throw notAuthorized('Incorrect username or password.');
  }
  return signedIn(state, pending.login, pending.deviceKey);
}

/**
 * Tokens. An SRP login that sent no DEVICE_KEY gets NewDeviceMetadata when the pool tracks devices
 * (COGNITO-SERVER.md §5); the tokens are bound to that device, or to the device that signed in.
 */
export function signedIn(state: PoolState, login: Login, deviceUsed?: string): Body {
  const newDevice = state.deviceTracking && login.srp && login.deviceKey === undefined ? registerDevice(state, login.user.username) : undefined;
  const grant = { username: login.user.username, deviceKey: deviceUsed ?? newDevice?.DeviceKey };
  const RefreshToken = `refresh.${randomToken(48)}`;
  state.refreshTokens.set(RefreshToken, grant);
  const result: Body = { ...newTokens(state, grant), RefreshToken };
  if (newDevice !== undefined) result.NewDeviceMetadata = newDevice;
  return { ChallengeParameters: {}, AuthenticationResult: result };
}

/** AccessToken, IdToken, ExpiresIn and TokenType; opaque strings matching TokenModelType `[A-Za-z0-9-_=.]+`. */
export function newTokens(state: PoolState, grant: { username: string; deviceKey: string | undefined }): Body {
  const AccessToken = `access.${randomToken(48)}`;
  state.accessTokens.set(AccessToken, grant);
  return { AccessToken, ExpiresIn: TOKEN_LIFETIME_S, TokenType: 'Bearer', IdToken: `id.${randomToken(48)}` };
}

/** A new device: key `<region>_<uuid>` (model pattern `[\w-]+_[0-9a-f-]+`), group key like Cognito's `-wt2ha1Zd`. */
function registerDevice(state: PoolState, username: string): { DeviceKey: string; DeviceGroupKey: string } {
  const DeviceKey = `${state.userPoolId.split('_')[0]}_${crypto.randomUUID()}`;
  const DeviceGroupKey = `-${randomToken(6)}`;
  state.devices.set(DeviceKey, { username, deviceKey: DeviceKey, deviceGroupKey: DeviceGroupKey, verifierConfig: undefined });
  return { DeviceKey, DeviceGroupKey };
}

/**
 * InitiateAuth / AdminInitiateAuth (every flow), the first-factor answers (PASSWORD_VERIFIER, SELECT_CHALLENGE) and
 * RespondToAuthChallenge's routing of an answer to the challenge it answers.
 *
 * @module
 */
import { createServerChallenge, verifyPasswordClaim } from '@cognito-kit/srp/server';
import type { FirstFactor } from '../test-pool.js';
import {
  afterFirstFactor,
  answerCode,
  answerDevicePasswordVerifier,
  answerDeviceSrpAuth,
  answerMfaSetup,
  answerNewPassword,
  answerSelectMfaType,
  challenge,
  checkAnswerer,
  codeDelivery,
  newTokens,
  type Responses,
} from './next-step.js';
import {
  checkSecretHash,
  deviceKeyKey,
  secretBlockKey,
  srpMath,
  type Login,
  type Pending,
  type PoolState,
  type UserRecord,
} from './state.js';
import {
  CognitoError,
  assertEnum,
  invalidParameter,
  missingParameter,
  notAuthorized,
  resourceNotFound,
  stringMap,
  stringMember,
  type Body,
} from './wire.js';

/** AuthFlowType, in model order (COGNITO.md §1.4). */
const AUTH_FLOWS = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH'];
/** ChallengeNameType, in model order (COGNITO.md §1.4). */
const CHALLENGE_NAMES = [
  'SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE', 'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH', 'NEW_PASSWORD_REQUIRED', 'SMS_OTP', 'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP',
];
const INCORRECT = 'Incorrect username or password.';

/** The app client, and for Admin operations the pool, must be this pool's. */
export function checkClient(state: PoolState, body: Body, admin: boolean): void {
  const userPoolId = stringMember(body, 'UserPoolId');
  if (admin && userPoolId !== state.userPoolId) throw resourceNotFound(`User pool ${String(userPoolId)} does not exist.`);
  const clientId = stringMember(body, 'ClientId');
  if (clientId !== state.clientId) throw resourceNotFound(`User pool client ${String(clientId)} does not exist.`);
}

/** InitiateAuth and AdminInitiateAuth. */
export function initiateAuth(state: PoolState, body: Body, admin: boolean): Body {
  checkClient(state, body, admin);
  const flow = stringMember(body, 'AuthFlow') ?? '';
  assertEnum('AuthFlow', flow, AUTH_FLOWS);
  const params = stringMap(body, 'AuthParameters');
  switch (flow) {
    case 'USER_SRP_AUTH':
      return passwordVerifier(state, { user: identify(state, params), deviceKey: params.DEVICE_KEY, srp: true }, required(params, 'SRP_A'));
    case 'USER_AUTH':
      return startUserAuth(state, params);
    case 'USER_PASSWORD_AUTH':
      return admin ? notSupported() : passwordSignIn(state, params);
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      return admin ? passwordSignIn(state, params) : notSupported();
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refresh(state, params);
    default: // CUSTOM_AUTH: this pool has no Lambda triggers (message from aws-amplify/amplify-js#5623).
      throw invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
  }
}

/** An ADMIN_* flow sent to InitiateAuth (COGNITO-SERVER.md §2), or USER_PASSWORD_AUTH to AdminInitiateAuth. */
function notSupported(): never {
  throw invalidParameter('Initiate Auth method not supported.');
}

function required(values: Responses, name: string): string {
  const value = values[name];
  if (value === undefined) throw missingParameter(name);
  return value;
}

/**
 * The user named by USERNAME (username or alias). SECRET_HASH is over the name as sent; an unknown user is
 * UserNotFoundException, as with PreventUserExistenceErrors LEGACY, the API default (COGNITO-SERVER.md §2, §4).
 */
function identify(state: PoolState, params: Responses): UserRecord {
  const name = required(params, 'USERNAME');
  checkSecretHash(state, name, params.SECRET_HASH);
  const user = state.names.get(name);
  if (user === undefined) throw new CognitoError('UserNotFoundException', 'User does not exist.');
  return user;
}

/** The server half's PASSWORD_VERIFIER for SRP_A; no Session: the answer is found by its SECRET_BLOCK (§6). */
function passwordVerifier(state: PoolState, login: Login, srpA: string): Body {
  const { user } = login;
  const issued = srpMath(() =>
    createServerChallenge({ userPoolId: state.userPoolId, userIdForSrp: user.username, username: user.username, ...user.srp }, srpA),
  );
  state.sessions.put({ kind: 'PASSWORD_VERIFIER', login, challenge: issued }, [secretBlockKey(issued.challengeParameters.SECRET_BLOCK ?? '')]);
  return { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { ...issued.challengeParameters } };
}

/** USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH. */
function passwordSignIn(state: PoolState, params: Responses): Body {
  const user = identify(state, params);
  checkPassword(user, required(params, 'PASSWORD'));
  return afterFirstFactor(state, { user, deviceKey: params.DEVICE_KEY, srp: false });
}

function checkPassword(user: UserRecord, password: string): void {
  if (password !== user.password) throw notAuthorized(INCORRECT);
}

/** USER_AUTH: PREFERRED_CHALLENGE when the user has it, else SELECT_CHALLENGE with AvailableChallenges. */
function startUserAuth(state: PoolState, params: Responses): Body {
  const user = identify(state, params);
  const login: Login = { user, deviceKey: params.DEVICE_KEY, srp: false };
  const preferred = user.firstFactors.find((factor) => factor === params.PREFERRED_CHALLENGE);
  if (preferred !== undefined) return firstFactor(state, login, preferred, params);
  const reply = challenge(state, { kind: 'SELECT_CHALLENGE', login, available: user.firstFactors }, {});
  return { ...reply, AvailableChallenges: [...user.firstFactors] };
}

/** The chosen first factor of USER_AUTH, with SRP_A or PASSWORD from AuthParameters or the SELECT_CHALLENGE answer. */
function firstFactor(state: PoolState, login: Login, factor: FirstFactor, values: Responses): Body {
  switch (factor) {
    case 'PASSWORD_SRP':
      return passwordVerifier(state, { ...login, srp: true }, required(values, 'SRP_A'));
    case 'PASSWORD':
      checkPassword(login.user, required(values, 'PASSWORD'));
      return afterFirstFactor(state, login);
    case 'EMAIL_OTP': {
      const parameters = { USER_ID_FOR_SRP: login.user.username, ...codeDelivery(login, 'EMAIL_OTP') };
      return challenge(state, { kind: 'EMAIL_OTP', login, code: login.user.emailOtpCode ?? '' }, parameters);
    }
  }
}

/** REFRESH_TOKEN_AUTH / REFRESH_TOKEN: new ID and access tokens, no refresh token (no rotation; §8). */
function refresh(state: PoolState, params: Responses): Body {
  const grant = state.refreshTokens.get(required(params, 'REFRESH_TOKEN'));
  if (grant === undefined) throw notAuthorized('Invalid Refresh Token.');
  // SECRET_HASH over the user's real username, not an alias (§8).
  checkSecretHash(state, grant.username, params.SECRET_HASH);
  if (grant.deviceKey !== undefined) {
    // Device tracking: the refresh token's device must be sent and confirmed (§5, re:Post cognito-invalid-refresh-token-error).
    const device = state.devices.get(grant.deviceKey);
    if (params.DEVICE_KEY !== grant.deviceKey || device?.verifierConfig === undefined) throw notAuthorized('Invalid Refresh Token.');
  }
  return { ChallengeParameters: {}, AuthenticationResult: newTokens(state, grant) };
}

/** RespondToAuthChallenge and AdminRespondToAuthChallenge. */
export function respondToAuthChallenge(state: PoolState, body: Body, admin: boolean): Body | Promise<Body> {
  checkClient(state, body, admin);
  const name = stringMember(body, 'ChallengeName') ?? '';
  assertEnum('ChallengeName', name, CHALLENGE_NAMES);
  const responses = stringMap(body, 'ChallengeResponses');
  const pending = state.sessions.take(pendingKey(name, stringMember(body, 'Session'), responses));
  if (pending === undefined || pending.kind !== name) {
    throw notAuthorized(name === 'PASSWORD_VERIFIER' ? INCORRECT : 'Invalid session for the user.');
  }
  return answer(state, pending, responses);
}

/**
 * Where the challenge being answered is stored: PASSWORD_VERIFIER by its SECRET_BLOCK (no Session exists); the
 * device steps by Session, or without one by DEVICE_KEY and SECRET_BLOCK; everything else by Session.
 */
function pendingKey(name: string, session: string | undefined, responses: Responses): string {
  if (name === 'PASSWORD_VERIFIER') return secretBlockKey(required(responses, 'PASSWORD_CLAIM_SECRET_BLOCK'));
  if (session !== undefined) return session;
  if (name === 'DEVICE_SRP_AUTH' && responses.DEVICE_KEY !== undefined) return deviceKeyKey(responses.DEVICE_KEY);
  if (name === 'DEVICE_PASSWORD_VERIFIER' && responses.PASSWORD_CLAIM_SECRET_BLOCK !== undefined) {
    return secretBlockKey(responses.PASSWORD_CLAIM_SECRET_BLOCK);
  }
  throw notAuthorized('Invalid session for the user.');
}

function answer(state: PoolState, pending: Pending, responses: Responses): Body | Promise<Body> {
  switch (pending.kind) {
    case 'PASSWORD_VERIFIER':
      return answerPasswordVerifier(state, pending, responses);
    case 'SELECT_CHALLENGE':
      return answerSelectChallenge(state, pending, responses);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(state, pending.login, responses);
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SOFTWARE_TOKEN_MFA':
      return answerCode(state, pending, responses);
    case 'SELECT_MFA_TYPE':
      return answerSelectMfaType(state, pending, responses);
    case 'MFA_SETUP':
      return answerMfaSetup(state, pending, responses);
    case 'DEVICE_SRP_AUTH':
      return answerDeviceSrpAuth(state, pending, responses);
    case 'DEVICE_PASSWORD_VERIFIER':
      return answerDevicePasswordVerifier(state, pending, responses);
  }
}

/**
 * PASSWORD_VERIFIER: SECRET_HASH over the real username (a hash over the alias is refused as Cognito refuses it,
 * alexrudd/cognito-srp#1), then the server half's check of signature, TIMESTAMP window and USERNAME. A DEVICE_KEY
 * in the answer names the device to sign in with.
 */
function answerPasswordVerifier(state: PoolState, pending: Extract<Pending, { kind: 'PASSWORD_VERIFIER' }>, responses: Responses): Body {
  checkAnswerer(state, pending.login, responses);
  if (!verifyPasswordClaim(pending.challenge, { ...responses }, { now: state.now() })) throw notAuthorized(INCORRECT);
  return afterFirstFactor(state, { ...pending.login, deviceKey: responses.DEVICE_KEY ?? pending.login.deviceKey });
}

/**
 * SELECT_CHALLENGE {ANSWER, USERNAME, SRP_A | PASSWORD}: a first-factor answer, so USERNAME may be the name typed
 * at sign-in and SECRET_HASH is over it, as at InitiateAuth.
 */
function answerSelectChallenge(state: PoolState, pending: Extract<Pending, { kind: 'SELECT_CHALLENGE' }>, responses: Responses): Body {
  const name = required(responses, 'USERNAME');
  if (state.names.get(name) !== pending.login.user) throw notAuthorized('Invalid session for the user.');
  checkSecretHash(state, name, responses.SECRET_HASH);
  const chosen = required(responses, 'ANSWER');
  const factor = pending.available.find((available) => available === chosen);
  if (factor === undefined) throw invalidParameter(`${chosen} is not one of the available challenges.`);
  return firstFactor(state, { ...pending.login, deviceKey: responses.DEVICE_KEY ?? pending.login.deviceKey }, factor, responses);
}

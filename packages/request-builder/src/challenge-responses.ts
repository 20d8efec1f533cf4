/**
 * ChallengeResponses for each challenge: computed with `@cognito-kit/srp` for the SRP challenges, passed through
 * (with SECRET_HASH added) for the others. Shared by AdminRespondToAuthChallenge and RespondToAuthChallenge.
 *
 * @module
 */
import {
  SrpError,
  createSrpSession,
  isSrpSession,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  secretHash,
  type SrpSession,
} from '@cognito-kit/srp';
import { SHAPES } from './model.js';
import type { ChallengeResponse } from './types.js';
import { childPath, isValidDate, type Validator } from './validation.js';

export interface BuiltChallengeResponses {
  ChallengeName: string;
  ChallengeResponses: Record<string, string>;
  /** Session from the previous response, when the input did not give one. */
  Session?: string;
  srpSession?: SrpSession;
}

const STRUCTURED: Record<string, readonly string[]> = {
  PASSWORD_VERIFIER: ['srpSession', 'password', 'response', 'challengeParameters', 'deviceKey', 'now', 'userPoolId'],
  DEVICE_SRP_AUTH: ['username', 'deviceKey', 'srpSession', 'response'],
  DEVICE_PASSWORD_VERIFIER: ['srpSession', 'deviceGroupKey', 'deviceKey', 'devicePassword', 'response', 'challengeParameters', 'now'],
};

/** Validates the challenge-specific input and computes ChallengeResponses (undefined when invalid). */
export function buildChallengeResponses(
  input: Record<string, unknown>,
  v: Validator,
  commonFields: readonly string[],
): BuiltChallengeResponses | undefined {
  const name = input.challengeName;
  if (name === undefined) {
    v.add('REQUIRED', 'challengeName', 'challengeName is required (ChallengeNameType)');
    return undefined;
  }
  const ChallengeName = v.string(name, 'challengeName', { name: 'ChallengeNameType', min: 1, max: 131072 }, true);
  if (ChallengeName === undefined) return undefined;
  const structured = Object.hasOwn(STRUCTURED, ChallengeName) ? STRUCTURED[ChallengeName] : undefined;
  if (structured === undefined || input.challengeResponses !== undefined) {
    v.onlyFields(input, [...commonFields, 'challengeName', 'challengeResponses', 'response'], '', `when answering ${shownName(ChallengeName)} with challengeResponses`);
    return passThrough(input, v, ChallengeName);
  }
  v.onlyFields(input, [...commonFields, 'challengeName', ...structured], '', `by the ${ChallengeName} answer`);
  const clientSecret = v.string(input.clientSecret, 'clientSecret', SHAPES.ClientSecret, false);
  if (ChallengeName === 'DEVICE_SRP_AUTH') return deviceSrpAuth(input, v, clientSecret);
  return srpVerifier(input, v, ChallengeName, clientSecret, !commonFields.includes('userPoolId'));
}

/**
 * A challenge name for a message: repeated only when it looks like one (the enum is open, so EMAIL_MFA is shown);
 * another value may be a secret typed into the wrong member, and messages never repeat those.
 */
function shownName(name: unknown): string {
  return typeof name === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(name) ? name : 'another challenge';
}

function passThrough(input: Record<string, unknown>, v: Validator, ChallengeName: string): BuiltChallengeResponses | undefined {
  const responses = v.stringMap(input.challengeResponses ?? {}, 'challengeResponses', SHAPES.StringType);
  const clientSecret = v.string(input.clientSecret, 'clientSecret', SHAPES.ClientSecret, false);
  const session = previousSession(input, v);
  if (responses === undefined || !v.ok) return undefined;
  if (clientSecret !== undefined && responses.SECRET_HASH === undefined) {
    if (responses.USERNAME === undefined) {
      v.add('USERNAME_REQUIRED_FOR_SECRET_HASH', 'challengeResponses.USERNAME', 'challengeResponses.USERNAME is required with a clientSecret: SECRET_HASH is computed over it');
      return undefined;
    }
    responses.SECRET_HASH = secretHash(responses.USERNAME, input.clientId as string, clientSecret);
  }
  return { ChallengeName, ChallengeResponses: responses, ...(session === undefined ? {} : { Session: session }) };
}

/**
 * The Session of `response` (the previous response), when one is given. A response that names another challenge
 * than the one answered is a mix-up (an answer to the wrong step), so it is refused.
 */
function previousSession(input: Record<string, unknown>, v: Validator): string | undefined {
  if (input.response === undefined) return undefined;
  const response = v.object(input.response, 'response') as ChallengeResponse | undefined;
  if (response === undefined) return undefined;
  const named = response.ChallengeName;
  if (named !== undefined && named !== input.challengeName) {
    v.add('CONFLICT', 'response.ChallengeName', `the response asks for ${shownName(named)}, not ${shownName(input.challengeName)}`);
  }
  return v.string(response.Session, 'response.Session', SHAPES.SessionType, false);
}

function sessionOrNew(input: Record<string, unknown>, v: Validator, required: boolean): SrpSession | 'create' | undefined {
  const given = input.srpSession;
  if (given === undefined) {
    if (required) v.add('REQUIRED', 'srpSession', 'srpSession is required: the session whose SRP_A started this login');
    return required ? undefined : 'create';
  }
  if (!isSrpSession(given)) {
    v.add('INVALID_SRP_SESSION', 'srpSession', 'srpSession must be a session made by createSrpSession or importSrpSession of @cognito-kit/srp');
    return undefined;
  }
  return given;
}

function deviceSrpAuth(input: Record<string, unknown>, v: Validator, clientSecret: string | undefined): BuiltChallengeResponses | undefined {
  const username = v.string(input.username, 'username', SHAPES.UsernameType, true);
  const deviceKey = v.string(input.deviceKey, 'deviceKey', SHAPES.DeviceKeyType, true);
  const planned = sessionOrNew(input, v, false);
  const session = previousSession(input, v);
  if (!v.ok || planned === undefined) return undefined;
  const srpSession = planned === 'create' ? createSrpSession() : planned;
  const responses: Record<string, string> = { USERNAME: username!, DEVICE_KEY: deviceKey!, SRP_A: srpSession.srpA };
  if (clientSecret !== undefined) responses.SECRET_HASH = secretHash(username!, input.clientId as string, clientSecret);
  return { ChallengeName: 'DEVICE_SRP_AUTH', ChallengeResponses: responses, srpSession, ...(session === undefined ? {} : { Session: session }) };
}

/** ChallengeParameters and Session from `response`, or `challengeParameters` given directly. */
function previousChallenge(input: Record<string, unknown>, v: Validator): { parameters?: Record<string, string>; session?: string } {
  if (input.response !== undefined && input.challengeParameters !== undefined) {
    v.add('CONFLICT', 'challengeParameters', 'give either response or challengeParameters, not both');
    return {};
  }
  if (input.response !== undefined) {
    const response = v.object(input.response, 'response') as ChallengeResponse | undefined;
    if (response === undefined) return {};
    const parameters = v.stringMap(response.ChallengeParameters, 'response.ChallengeParameters', SHAPES.StringType);
    if (response.ChallengeParameters === undefined) v.add('REQUIRED', 'response.ChallengeParameters', 'response.ChallengeParameters is required');
    const session = previousSession(input, v);
    return { ...(parameters === undefined ? {} : { parameters }), ...(session === undefined ? {} : { session }) };
  }
  if (input.challengeParameters === undefined) {
    v.add('REQUIRED', 'response', 'response (the previous response) or challengeParameters is required');
    return {};
  }
  const parameters = v.stringMap(input.challengeParameters, 'challengeParameters', SHAPES.StringType);
  return parameters === undefined ? {} : { parameters };
}

function srpVerifier(
  input: Record<string, unknown>,
  v: Validator,
  ChallengeName: 'PASSWORD_VERIFIER' | 'DEVICE_PASSWORD_VERIFIER' | string,
  clientSecret: string | undefined,
  checkPoolId: boolean,
): BuiltChallengeResponses | undefined {
  const srpSession = sessionOrNew(input, v, true);
  const previous = previousChallenge(input, v);
  const parametersPath = input.response !== undefined ? 'response.ChallengeParameters' : 'challengeParameters';
  if (input.now !== undefined && !isValidDate(input.now)) v.add('INVALID_TYPE', 'now', 'now must be a valid Date');
  const device = ChallengeName === 'DEVICE_PASSWORD_VERIFIER';
  if (device) {
    v.string(input.deviceGroupKey, 'deviceGroupKey', { name: 'StringType', min: 1, max: 131072 }, true);
    v.string(input.deviceKey, 'deviceKey', SHAPES.DeviceKeyType, true);
    v.string(input.devicePassword, 'devicePassword', { name: 'StringType', min: 1, max: 131072, sensitive: true }, true);
  } else {
    if (checkPoolId) v.string(input.userPoolId, 'userPoolId', SHAPES.UserPoolIdType, true);
    v.string(input.password, 'password', SHAPES.PasswordType, true);
    v.string(input.deviceKey, 'deviceKey', SHAPES.DeviceKeyType, false);
  }
  if (!v.ok || srpSession === undefined || srpSession === 'create' || previous.parameters === undefined) return undefined;

  const secret = clientSecret === undefined ? {} : { clientId: input.clientId as string, clientSecret };
  const now = input.now === undefined ? {} : { now: input.now as Date };
  try {
    const ChallengeResponses = device
      ? respondToDevicePasswordVerifier(srpSession, {
          deviceGroupKey: input.deviceGroupKey as string,
          deviceKey: input.deviceKey as string,
          devicePassword: input.devicePassword as string,
          challengeParameters: previous.parameters,
          ...secret,
          ...now,
        })
      : respondToPasswordVerifier(srpSession, {
          userPoolId: input.userPoolId as string,
          password: input.password as string,
          challengeParameters: previous.parameters,
          ...(input.deviceKey === undefined ? {} : { deviceKey: input.deviceKey as string }),
          ...secret,
          ...now,
        });
    return { ChallengeName, ChallengeResponses, ...(previous.session === undefined ? {} : { Session: previous.session }) };
  } catch (error) {
    if (!(error instanceof SrpError)) throw error;
    if (error.code === 'SESSION_ALREADY_USED') {
      v.add('SRP_SESSION_ALREADY_USED', 'srpSession', 'srpSession has already answered a challenge: each login needs a new createSrpSession()');
      return undefined;
    }
    // The server's values could not be answered (missing SALT, B = 0 mod N, non-hex SRP_B, ...).
    const path = error.field !== undefined && /^[A-Z_]+$/.test(error.field) ? childPath(parametersPath, error.field) : parametersPath;
    v.add('INVALID_CHALLENGE', path, `${error.message} (${error.code})`);
    return undefined;
  }
}

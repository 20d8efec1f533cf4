/**
 * ChallengeName and ChallengeResponses of an answer, shared by AdminRespondToAuthChallenge and
 * RespondToAuthChallenge: computed with `@cognito-kit/srp` for the SRP challenges (PASSWORD_VERIFIER, DEVICE_SRP_AUTH,
 * DEVICE_PASSWORD_VERIFIER), passed through with SECRET_HASH added for the others.
 *
 * @module
 */
import {
  SrpError,
  createSrpSession,
  isValidDate,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  secretHash,
  type SrpSession,
} from '@cognito-kit/srp';
import { member } from './members.js';
import { NON_EMPTY, SHAPES } from './model.js';
import { FOR_SECRET_HASH, add, obj, onlyFields, requiredStr, srpRefusal, srpSessionOf, str, stringMap, type Issues } from './validation.js';

/** The challenges answered from structured members rather than a `challengeResponses` map, and those members. */
const STRUCTURED_ANSWERS = {
  DEVICE_SRP_AUTH: ['srpSession', 'username', 'deviceKey'],
  PASSWORD_VERIFIER: ['srpSession', 'challengeParameters', 'now', 'userPoolId', 'password', 'deviceKey'],
  DEVICE_PASSWORD_VERIFIER: ['srpSession', 'challengeParameters', 'now', 'deviceGroupKey', 'deviceKey', 'devicePassword'],
} as const;

type StructuredName = keyof typeof STRUCTURED_ANSWERS;

/** An answer whose members passed every check, ready for {@link challengeResponsesOf}; `kind` tells them apart. */
export type CheckedAnswer =
  | { kind: 'PASSWORD_VERIFIER'; srpSession: SrpSession; userPoolId: string; password: string; deviceKey: string | undefined; challenge: SignedChallenge }
  | { kind: 'DEVICE_SRP_AUTH'; srpSession: SrpSession | undefined; username: string; deviceKey: string; session: string | undefined }
  | { kind: 'DEVICE_PASSWORD_VERIFIER'; srpSession: SrpSession; deviceGroupKey: string; deviceKey: string; devicePassword: string; challenge: SignedChallenge }
  | { kind: 'PASS_THROUGH'; challengeName: string; challengeResponses: Record<string, string>; session: string | undefined };

/** What a verifier answer signs: the challenge's parameters (and where they came from), its Session and the instant. */
interface SignedChallenge {
  parameters: Record<string, string>;
  /** `response.ChallengeParameters` or `challengeParameters`: where a refusal of the server's values is reported. */
  parametersPath: string;
  session: string | undefined;
  now: Date | undefined;
}

/** What the previous reply gives the answer: its Session and, for a verifier, its ChallengeParameters. */
interface PreviousReply {
  session: string | undefined;
  parameters: Record<string, string> | undefined;
  parametersPath: string;
}

/**
 * Reads and checks the answer-specific members of a respond input. `sharedMembers` lists the input members the
 * builder has read already; `userPoolId` is the Admin operation's (read with them), or undefined for the public one,
 * whose PASSWORD_VERIFIER still takes `userPoolId` (SRP hashes the pool name into x).
 */
export function readAnswer(
  issues: Issues,
  input: Record<string, unknown>,
  sharedMembers: readonly string[],
  userPoolId: string | undefined,
): { answer: CheckedAnswer; clientSecret: string | undefined } | undefined {
  const challengeName = str(issues, input.challengeName, 'challengeName', NON_EMPTY, true);
  if (challengeName === undefined) return undefined;
  // A challenge named `constructor` or `__proto__` is an unknown name, passed through: own members only.
  const structured = input.challengeResponses === undefined ? structuredName(challengeName) : undefined;
  const takes = structured === undefined ? ['challengeResponses'] : STRUCTURED_ANSWERS[structured];
  onlyFields(issues, input, [...sharedMembers, 'challengeName', 'clientSecret', 'response', ...takes], 'in this answer');
  const clientSecret = str(issues, input.clientSecret, 'clientSecret', SHAPES.ClientSecret);

  switch (structured) {
    case undefined: {
      // Any other challenge (the enum is open): challengeResponses as given.
      const challengeResponses = stringMap(issues, input.challengeResponses ?? {}, 'challengeResponses') ?? {};
      const previous = readPreviousReply(issues, input, challengeName, false);
      return { answer: { kind: 'PASS_THROUGH', challengeName, challengeResponses, session: previous.session }, clientSecret };
    }
    case 'DEVICE_SRP_AUTH': {
      const srpSession = srpSessionOf(issues, input.srpSession);
      const username = requiredStr(issues, input.username, 'username', SHAPES.UsernameType);
      const deviceKey = requiredStr(issues, input.deviceKey, 'deviceKey', SHAPES.DeviceKeyType);
      const previous = readPreviousReply(issues, input, challengeName, false);
      return { answer: { kind: structured, srpSession, username, deviceKey, session: previous.session }, clientSecret };
    }
    case 'PASSWORD_VERIFIER': {
      const srpSession = srpSessionOf(issues, input.srpSession, true);
      const poolId = userPoolId ?? requiredStr(issues, input.userPoolId, 'userPoolId', SHAPES.UserPoolIdType);
      const password = requiredStr(issues, input.password, 'password', SHAPES.PasswordType);
      const deviceKey = str(issues, input.deviceKey, 'deviceKey', SHAPES.DeviceKeyType);
      const challenge = readSignedChallenge(issues, input, challengeName);
      if (srpSession === undefined || challenge === undefined) return undefined;
      return { answer: { kind: structured, srpSession, userPoolId: poolId, password, deviceKey, challenge }, clientSecret };
    }
    case 'DEVICE_PASSWORD_VERIFIER': {
      const srpSession = srpSessionOf(issues, input.srpSession, true);
      const deviceGroupKey = requiredStr(issues, input.deviceGroupKey, 'deviceGroupKey', NON_EMPTY);
      const deviceKey = requiredStr(issues, input.deviceKey, 'deviceKey', SHAPES.DeviceKeyType);
      const devicePassword = requiredStr(issues, input.devicePassword, 'devicePassword', NON_EMPTY);
      const challenge = readSignedChallenge(issues, input, challengeName);
      if (srpSession === undefined || challenge === undefined) return undefined;
      return { answer: { kind: structured, srpSession, deviceGroupKey, deviceKey, devicePassword, challenge }, clientSecret };
    }
  }
}

function structuredName(name: string): StructuredName | undefined {
  return name === 'PASSWORD_VERIFIER' || name === 'DEVICE_SRP_AUTH' || name === 'DEVICE_PASSWORD_VERIFIER' ? name : undefined;
}

/** A verifier's challenge: the previous reply (or `challengeParameters`) and `now`. */
function readSignedChallenge(issues: Issues, input: Record<string, unknown>, challengeName: string): SignedChallenge | undefined {
  const previous = readPreviousReply(issues, input, challengeName, true);
  // A Date of any realm (an iframe, a vm context) is a Date; a look-alike that only inherits from Date.prototype is not.
  const now = input.now;
  if (now !== undefined && !isValidDate(now)) add(issues, 'INVALID_TYPE', 'now', 'must be a valid Date');
  if (previous.parameters === undefined) return undefined;
  return { parameters: previous.parameters, parametersPath: previous.parametersPath, session: previous.session, now: isValidDate(now) ? now : undefined };
}

/**
 * The previous reply: its Session and, for the verifiers, its ChallengeParameters (or `challengeParameters` given
 * instead). A reply that names another challenge than the one answered is a mix-up (an answer to the wrong step),
 * so it is refused.
 */
function readPreviousReply(issues: Issues, input: Record<string, unknown>, challengeName: string, verifier: boolean): PreviousReply {
  const { response, challengeParameters } = input;
  if (response === undefined) {
    if (!verifier) return { session: undefined, parameters: undefined, parametersPath: 'challengeParameters' };
    if (challengeParameters === undefined) add(issues, 'REQUIRED', 'response', 'or challengeParameters is required');
    return { session: undefined, parameters: stringMap(issues, challengeParameters, 'challengeParameters'), parametersPath: 'challengeParameters' };
  }
  if (verifier && challengeParameters !== undefined) {
    add(issues, 'CONFLICT', 'challengeParameters', 'conflicts with response');
    return { session: undefined, parameters: undefined, parametersPath: 'challengeParameters' };
  }
  const previous = obj(issues, response, 'response');
  if (previous === undefined) return { session: undefined, parameters: undefined, parametersPath: 'response.ChallengeParameters' };
  const parameters = verifier ? stringMap(issues, previous.ChallengeParameters, 'response.ChallengeParameters', true) : undefined;
  const named = previous.ChallengeName;
  if (named !== undefined && named !== challengeName) add(issues, 'CONFLICT', 'response.ChallengeName', 'conflicts with challengeName');
  const session = str(issues, previous.Session, 'response.Session', SHAPES.SessionType);
  return { session, parameters, parametersPath: 'response.ChallengeParameters' };
}

/** An answer in wire form, with the SRP session a DEVICE_SRP_AUTH answer started. */
export interface BuiltAnswer {
  challengeName: string;
  challengeResponses: Record<string, string>;
  /** The previous reply's Session (the builder sends `session` instead when one is given). */
  session: string | undefined;
  srpSession: SrpSession | undefined;
}

/**
 * Computes the ChallengeResponses of a checked answer. SRP refusals of the server's values become issues
 * (`INVALID_CHALLENGE` at the parameter, `SRP_SESSION_ALREADY_USED`), and so does a pass-through answer with a
 * client secret but no USERNAME to compute SECRET_HASH over; returns undefined then.
 */
export function challengeResponsesOf(issues: Issues, answer: CheckedAnswer, clientId: string, clientSecret: string | undefined): BuiltAnswer | undefined {
  const client = { clientId, ...member('clientSecret', clientSecret) };
  switch (answer.kind) {
    case 'PASSWORD_VERIFIER': {
      const { challenge } = answer;
      const challengeResponses = signWithSrp(issues, challenge.parametersPath, () =>
        respondToPasswordVerifier(answer.srpSession, {
          userPoolId: answer.userPoolId,
          password: answer.password,
          challengeParameters: challenge.parameters,
          ...client,
          ...member('deviceKey', answer.deviceKey),
          ...member('now', challenge.now),
        }),
      );
      // The session is spent: only a DEVICE_SRP_AUTH answer hands its session back.
      return challengeResponses && { challengeName: answer.kind, challengeResponses, session: challenge.session, srpSession: undefined };
    }
    case 'DEVICE_PASSWORD_VERIFIER': {
      const { challenge } = answer;
      const challengeResponses = signWithSrp(issues, challenge.parametersPath, () =>
        respondToDevicePasswordVerifier(answer.srpSession, {
          deviceGroupKey: answer.deviceGroupKey,
          deviceKey: answer.deviceKey,
          devicePassword: answer.devicePassword,
          challengeParameters: challenge.parameters,
          ...client,
          ...member('now', challenge.now),
        }),
      );
      return challengeResponses && { challengeName: answer.kind, challengeResponses, session: challenge.session, srpSession: undefined };
    }
    case 'DEVICE_SRP_AUTH': {
      // A remembered device starts its own SRP, with a fresh session unless one is given.
      const srpSession = answer.srpSession ?? createSrpSession();
      const challengeResponses: Record<string, string> = { USERNAME: answer.username, DEVICE_KEY: answer.deviceKey, SRP_A: srpSession.srpA };
      if (clientSecret !== undefined) challengeResponses.SECRET_HASH = secretHash(answer.username, clientId, clientSecret);
      return { challengeName: answer.kind, challengeResponses, session: answer.session, srpSession };
    }
    case 'PASS_THROUGH': {
      const challengeResponses = { ...answer.challengeResponses };
      // SECRET_HASH over USERNAME, unless the caller gave one.
      if (clientSecret !== undefined && challengeResponses.SECRET_HASH === undefined) {
        const username = challengeResponses.USERNAME;
        if (username === undefined) return add(issues, 'USERNAME_REQUIRED_FOR_SECRET_HASH', 'challengeResponses.USERNAME', FOR_SECRET_HASH);
        challengeResponses.SECRET_HASH = secretHash(username, clientId, clientSecret);
      }
      return { challengeName: answer.challengeName, challengeResponses, session: answer.session, srpSession: undefined };
    }
  }
}

/**
 * Runs one of `@cognito-kit/srp`'s verifier answers. A refusal of a value the server sent (SRP_B = 0 mod N, a SALT
 * that is not hex, a missing SECRET_BLOCK, u = 0) is the challenge's fault: `INVALID_CHALLENGE` at that parameter.
 * A spent session is `SRP_SESSION_ALREADY_USED`. Any other SrpError concerns an input this package checked already,
 * so it is thrown as it is, with its own code, rather than blamed on the challenge.
 */
function signWithSrp(issues: Issues, parametersPath: string, sign: () => Record<string, string>): Record<string, string> | undefined {
  try {
    return sign();
  } catch (error) {
    if (!(error instanceof SrpError)) throw error;
    if (error.code === 'SESSION_ALREADY_USED') return add(issues, 'SRP_SESSION_ALREADY_USED', 'srpSession', srpRefusal(error));
    const parameter = error.code === 'INVALID_U' ? 'SRP_B' : error.field;
    if (parameter !== undefined && CHALLENGE_PARAMETER.test(parameter)) {
      return add(issues, 'INVALID_CHALLENGE', `${parametersPath}.${parameter}`, srpRefusal(error));
    }
    throw error;
  }
}

/** The SrpError fields that name a ChallengeParameters member (SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP, ...). */
const CHALLENGE_PARAMETER = /^[A-Z][A-Z_]*$/;

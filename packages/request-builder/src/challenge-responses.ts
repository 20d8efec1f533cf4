/**
 * ChallengeResponses for each challenge: computed with `@cognito-kit/srp` for the SRP challenges, passed through
 * (with SECRET_HASH added) for the others. Shared by AdminRespondToAuthChallenge and RespondToAuthChallenge.
 *
 * @module
 */
import {
  SrpError,
  createSrpSession,
  formatTimestamp,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  secretHash,
  type PasswordVerifierInput,
  type SrpSession,
} from '@cognito-kit/srp';
import type { PartBuilder } from './common.js';
import { NON_EMPTY, SHAPES, type StringShape } from './model.js';
import { FOR_SECRET_HASH, add, obj, onlyFields, srpRefusal, srpSessionOf, str, stringMap, } from './validation.js';

/**
 * The challenges answered with structured input rather than a `challengeResponses` map, and the members each takes
 * besides `response`: name, and for the strings checked here their shape and whether they are required.
 * PASSWORD_VERIFIER takes `userPoolId` (hashed into x) even from the public operation, which has no such member
 * otherwise.
 */
const STRUCTURED: Record<string, readonly (readonly [string, StringShape?, boolean?])[]> = {
  DEVICE_SRP_AUTH: [['srpSession'], ['username', SHAPES.UsernameType, true], ['deviceKey', SHAPES.DeviceKeyType, true]],
  PASSWORD_VERIFIER: [
    ['srpSession'],
    ['challengeParameters'],
    ['now'],
    ['userPoolId', SHAPES.UserPoolIdType, true],
    ['password', SHAPES.PasswordType, true],
    ['deviceKey', SHAPES.DeviceKeyType],
  ],
  DEVICE_PASSWORD_VERIFIER: [
    ['srpSession'],
    ['challengeParameters'],
    ['now'],
    ['deviceGroupKey', NON_EMPTY, true],
    ['deviceKey', SHAPES.DeviceKeyType, true],
    ['devicePassword', NON_EMPTY, true],
  ],
};

/** Validates the challenge-specific input and computes ChallengeResponses (undefined when invalid). */
export const buildChallengeResponses: PartBuilder = (input, v, common, admin) => {
  const name = str(v, input.challengeName, 'challengeName', NON_EMPTY, true);
  if (name === undefined) return undefined;
  // Object.hasOwn: a challenge named `constructor` or `__proto__` is an unknown name, passed through.
  const members = Object.hasOwn(STRUCTURED, name) && input.challengeResponses === undefined ? STRUCTURED[name] : undefined;
  const verifier = members !== undefined && name !== 'DEVICE_SRP_AUTH';
  onlyFields(v, input, [...common, 'challengeName', 'clientSecret', 'response', ...(members?.map(([key]) => key) ?? ['challengeResponses'])], 'in this answer');
  const clientSecret = str(v, input.clientSecret, 'clientSecret', SHAPES.ClientSecret);
  let responses: Record<string, string> | undefined;
  let srpSession: SrpSession | undefined;
  if (members === undefined) {
    // Any other challenge (the enum is open): challengeResponses as given.
    responses = stringMap(v, input.challengeResponses ?? {}, 'challengeResponses');
  } else {
    srpSession = srpSessionOf(v, input.srpSession, verifier);
    // The Admin operation has checked userPoolId with the common members.
    for (const [key, shape, required] of members) if (shape !== undefined && (!admin || key !== 'userPoolId')) str(v, input[key], key, shape, required);
  }
  // The previous response: its Session and, for the verifiers, its ChallengeParameters (or challengeParameters given
  // instead). A response that names another challenge than the one answered is a mix-up (an answer to the wrong
  // step), so it is refused.
  const { response, challengeParameters } = input;
  let parameters: Record<string, string> | undefined;
  let session: string | undefined;
  if (response === undefined) {
    if (verifier && challengeParameters === undefined) add(v, 'REQUIRED', 'response', 'or challengeParameters is required');
    if (verifier) parameters = stringMap(v, challengeParameters, 'challengeParameters');
  } else if (verifier && challengeParameters !== undefined) {
    add(v, 'CONFLICT', 'challengeParameters', 'conflicts with response');
  } else {
    const previous = obj(v, response, 'response');
    if (previous !== undefined) {
      if (verifier) parameters = stringMap(v, previous.ChallengeParameters, 'response.ChallengeParameters', true);
      const named = previous.ChallengeName;
      if (named !== undefined && named !== name) add(v, 'CONFLICT', 'response.ChallengeName', 'conflicts with challengeName');
      session = str(v, previous.Session, 'response.Session', SHAPES.SessionType);
    }
  }
  if (verifier && input.now !== undefined) {
    try {
      formatTimestamp(input.now as Date); // what the claim signs: it refuses a Date that is invalid, or a look-alike
    } catch {
      add(v, 'INVALID_TYPE', 'now', 'must be a valid Date');
    }
  }
  if (v.length > 0) return undefined;

  if (verifier) {
    // The signed claim of @cognito-kit/srp, SECRET_HASH included. Every member it reads was validated above
    // (clientId and clientSecret with the common members).
    const answer = { ...input, challengeParameters: parameters } as unknown as PasswordVerifierInput & { deviceGroupKey: string; devicePassword: string; deviceKey: string };
    try {
      responses = name === 'PASSWORD_VERIFIER' ? respondToPasswordVerifier(srpSession!, answer) : respondToDevicePasswordVerifier(srpSession!, answer);
    } catch (error) {
      if (!(error instanceof SrpError)) throw error;
      if (error.code === 'SESSION_ALREADY_USED') return add(v, 'SRP_SESSION_ALREADY_USED', 'srpSession', srpRefusal(error));
      // The server's values could not be answered (missing SALT, B = 0 mod N, non-hex SRP_B, ...).
      const path = input.response === undefined ? 'challengeParameters' : 'response.ChallengeParameters';
      const field = error.field;
      return add(v, 'INVALID_CHALLENGE', field !== undefined && /^[A-Z_]+$/.test(field) ? `${path}.${field}` : path, srpRefusal(error));
    }
    srpSession = undefined; // spent: only a DEVICE_SRP_AUTH answer hands its session back
  } else if (members !== undefined) {
    // DEVICE_SRP_AUTH: a remembered device starts its own SRP, with a fresh session unless one is given.
    srpSession ??= createSrpSession();
    responses = { USERNAME: input.username as string, DEVICE_KEY: input.deviceKey as string, SRP_A: srpSession.srpA };
  }
  // SECRET_HASH over USERNAME, unless already there (the verifiers' answers carry it, a caller may give it).
  if (clientSecret !== undefined && responses!.SECRET_HASH === undefined) {
    const username = responses!.USERNAME;
    if (username === undefined) return add(v, 'USERNAME_REQUIRED_FOR_SECRET_HASH', 'challengeResponses.USERNAME', FOR_SECRET_HASH);
    responses!.SECRET_HASH = secretHash(username, input.clientId as string, clientSecret);
  }
  return { ChallengeName: name, ChallengeResponses: responses, Session: session, srpSession };
};

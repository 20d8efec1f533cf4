/**
 * The answer to Cognito's PASSWORD_VERIFIER challenge (USER_SRP_AUTH, and CUSTOM_AUTH or USER_AUTH with SRP).
 *
 * @module
 */
import { assertObject, assertString } from './errors.js';
import { answerChallenge, challengeParameter } from './password-claim.js';
import { poolNameOf } from './pool.js';
import type { SrpSession } from './session.js';

/** The ChallengeParameters of PASSWORD_VERIFIER that the answer uses. */
export type PasswordVerifierChallengeParameters = {
  SALT: string;
  SRP_B: string;
  SECRET_BLOCK: string;
  USER_ID_FOR_SRP: string;
  /** Sent by Cognito too; the answer uses USER_ID_FOR_SRP, as amazon-cognito-identity-js does. */
  USERNAME?: string;
};

/** Input of {@link respondToPasswordVerifier}. */
export interface PasswordVerifierInput {
  /** The user pool id, such as `us-east-1_AbCdEf123`; its name part is hashed. */
  userPoolId: string;
  /** The user's password, as typed (no normalisation). */
  password: string;
  /**
   * ChallengeParameters of the PASSWORD_VERIFIER challenge, as Cognito returned them. The AWS SDK's
   * `Record<string, string> | undefined` is accepted as it is; missing members are reported at run time.
   */
  challengeParameters: PasswordVerifierChallengeParameters | Readonly<Record<string, string>> | undefined;
  /** The app client id; needed with `clientSecret`. */
  clientId?: string;
  /** The app client secret, for clients that have one: adds SECRET_HASH over USER_ID_FOR_SRP. */
  clientSecret?: string;
  /** The remembered device's key: adds DEVICE_KEY. */
  deviceKey?: string;
  /**
   * The instant to sign as TIMESTAMP; `new Date()` by default. Inject it for tests, or to correct a clock known to be
   * off. Cognito checks TIMESTAMP against its own clock: a machine clock that is minutes off (about five in reported
   * cases; the model says the answer must come "within a few seconds") makes Cognito answer NotAuthorizedException,
   * which looks exactly like a wrong password. Nothing here can detect that: keep the clock synchronised (NTP), or
   * pass a corrected `now`. An invalid `Date` (or a non-Date) throws `INVALID_DATE` before any work.
   */
  now?: Date;
}

/** The ChallengeResponses map of a PASSWORD_VERIFIER answer, ready to send. */
export type PasswordVerifierResponses = {
  USERNAME: string;
  PASSWORD_CLAIM_SECRET_BLOCK: string;
  PASSWORD_CLAIM_SIGNATURE: string;
  TIMESTAMP: string;
  SECRET_HASH?: string;
  DEVICE_KEY?: string;
};

/**
 * Computes the ChallengeResponses for PASSWORD_VERIFIER: the password claim signed with the SRP session key.
 *
 * USERNAME is USER_ID_FOR_SRP (the user's real username, never the alias typed at sign-in), and so is the
 * username SECRET_HASH is computed over; this is what amazon-cognito-identity-js sends and what Cognito checks.
 *
 * @param session - the session whose `srpA` started this login
 * @param input - the pool, password, challenge parameters and options
 * @returns exactly the map to send as ChallengeResponses (no `undefined` members)
 * @throws {SrpError} `INVALID_USER_POOL_ID`, `MISSING_CHALLENGE_PARAMETER`, `INVALID_SALT`, `INVALID_HEX` (SRP_B),
 *   `INVALID_SRP_B` (B mod N = 0), `INVALID_SECRET_BLOCK`, `INVALID_DATE`, `INVALID_SESSION`, `INVALID_ARGUMENT`
 *   (for example a client secret without a client id)
 * @example
 * ```ts
 * import { createSrpSession, respondToPasswordVerifier } from '@cognito-kit/srp';
 * const session = createSrpSession();
 * const init = await cognito.initiateAuth({ AuthFlow: 'USER_SRP_AUTH', ClientId,
 *   AuthParameters: { USERNAME: 'alice', SRP_A: session.srpA } });
 * const ChallengeResponses = respondToPasswordVerifier(session, {
 *   userPoolId: 'eu-west-2_eYpv1mFHB', password, challengeParameters: init.ChallengeParameters,
 * });
 * await cognito.respondToAuthChallenge({ ChallengeName: 'PASSWORD_VERIFIER', ClientId, ChallengeResponses,
 *   Session: init.Session });
 * ```
 */
export function respondToPasswordVerifier(session: SrpSession, input: PasswordVerifierInput): PasswordVerifierResponses {
  assertObject(input, 'input');
  const poolName = poolNameOf(input.userPoolId);
  const userIdForSrp = challengeParameter(input.challengeParameters, 'USER_ID_FOR_SRP');
  if (input.deviceKey !== undefined) assertString(input.deviceKey, 'deviceKey', true);
  const identity = { prefix: poolName, userId: userIdForSrp, password: input.password };
  const responses: PasswordVerifierResponses = answerChallenge(session, input.challengeParameters, identity, input, { USERNAME: userIdForSrp });
  if (input.deviceKey !== undefined) responses.DEVICE_KEY = input.deviceKey;
  return responses;
}

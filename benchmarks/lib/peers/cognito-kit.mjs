// @cognito-kit/srp through its public API, in both options: the default 1024-bit a and privateValueBits: 256.
// Both rows share this bundle (one copy of the package, one fixed-base table), as they would in an application.
import * as kit from '@cognito-kit/srp';
import * as server from '@cognito-kit/srp/server';
import { answerInput, kitAdapter } from '../kit-adapter.mjs';
import { fixedBytes, input, shortRandom } from '../vector.mjs';

export { kit, server };

export const kit1024 = kitAdapter('cognito-kit', { randomBytes: fixedBytes }, undefined, { withDeviceVerifier: true });
export const kit256 = kitAdapter('cognito-kit, privateValueBits: 256', { privateValueBits: 256, randomBytes: shortRandom });

export const adapters = [kit1024, kit256];

/**
 * The 256-bit option against the server half: a user registered with the vector's password, a server challenge
 * for this session's SRP_A, and the server's verdict on the answer. Returns true when the server accepts it.
 */
export function serverAccepts256() {
  const user = { userPoolId: input.poolId, userIdForSrp: input.userIdForSrp, password: input.password };
  const stored = server.createUserVerifier(user);
  const session = kit.createSrpSession({ privateValueBits: 256 });
  const challenge = server.createServerChallenge({ ...user, ...stored }, session.srpA);
  const answer = kit.respondToPasswordVerifier(session, {
    userPoolId: input.poolId,
    password: input.password,
    challengeParameters: challenge.challengeParameters,
  });
  return server.verifyPasswordClaim(challenge, answer) === true;
}

/** A second answer on a used session must throw SESSION_ALREADY_USED (why every answer gets a fresh session). */
export function reuseIsRefused() {
  const session = kit.createSrpSession({ randomBytes: fixedBytes });
  kit.respondToPasswordVerifier(session, answerInput);
  try {
    kit.respondToPasswordVerifier(session, answerInput);
    return false;
  } catch (error) {
    return error?.code === 'SESSION_ALREADY_USED';
  }
}

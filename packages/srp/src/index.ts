/**
 * `@cognito-kit/srp`: Amazon Cognito user-pool SRP-6a client math and SECRET_HASH on native bigint and Web APIs.
 *
 * - {@link createSrpSession} → SRP_A; {@link respondToPasswordVerifier} → the PASSWORD_VERIFIER answer.
 * - {@link createDeviceVerifier} for ConfirmDevice; {@link respondToDevicePasswordVerifier} for remembered devices.
 * - {@link secretHash} and {@link secretHasher} for app clients with a secret.
 * - The steps ({@link computeA}, {@link computeU}, {@link computeX}, {@link computeS}, {@link deriveKey},
 *   {@link signPasswordClaim}) for custom flows; `@cognito-kit/srp/server` for the server half.
 *
 * @example
 * ```ts
 * import { createSrpSession, respondToPasswordVerifier } from '@cognito-kit/srp';
 * const session = createSrpSession();
 * // send session.srpA as SRP_A, then answer PASSWORD_VERIFIER:
 * const ChallengeResponses = respondToPasswordVerifier(session, { userPoolId, password, challengeParameters });
 * ```
 *
 * @module
 */
export { SrpError, type SrpErrorCode } from './errors.js';
export { N, g, k } from './group.js';
export { padHex } from './pad.js';
export { modPow, precomputeFixedBase } from './modpow.js';
export { warmUp } from './warm-up.js';
export type { SrpEngine } from './engine.js';
export { formatTimestamp, isValidDate, parseTimestamp } from './timestamp.js';
export { secretHash, secretHasher } from './secret-hash.js';
export { USER_POOL_ID_MAX_LENGTH, USER_POOL_ID_PATTERN, poolNameOf } from './pool.js';
export { parseUnsignedHex } from './encoding.js';
export type { RandomSource } from './random.js';
export {
  createSrpSession,
  exportSrpSession,
  importSrpSession,
  isSrpSession,
  type PrivateValueBits,
  type SrpSession,
  type SrpSessionOptions,
} from './session.js';
export {
  respondToPasswordVerifier,
  type PasswordVerifierChallengeParameters,
  type PasswordVerifierInput,
  type PasswordVerifierResponses,
} from './password-verifier.js';
export {
  createDeviceVerifier,
  respondToDevicePasswordVerifier,
  type DeviceVerifier,
  type DevicePasswordVerifierChallengeParameters,
  type DevicePasswordVerifierInput,
  type DevicePasswordVerifierResponses,
} from './device.js';
export {
  HKDF_INFO,
  assertValidB,
  computeA,
  computeS,
  computeU,
  computeVerifier,
  computeX,
  deriveKey,
  hashIdentity,
  signPasswordClaim,
} from './steps.js';

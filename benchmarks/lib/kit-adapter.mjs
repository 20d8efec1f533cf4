// The adapter every cognito-kit peer bundle shares (lib/peers/cognito-kit*.mjs): one login option of
// @cognito-kit/srp through its public API. Each peer bundle gets its own copy of this module and of the package, so
// one bundle's fixed-base tables or engine never help another's rows.
import * as kit from '@cognito-kit/srp';
import { challengeParameters, device, fixedBytes, input } from './vector.mjs';

/** The PASSWORD_VERIFIER input of the fixed vector, as every cognito-kit row answers it. */
export const answerInput = { userPoolId: input.poolId, password: input.password, challengeParameters, now: input.now };

/**
 * One row of the tables: `sessionOptions` as a user passes them to createSrpSession (randomness pinned to the
 * vector's a). `engineOf()`, when given, is called on the first use, so a fresh process's first login includes
 * making the engine.
 */
export function kitAdapter(name, sessionOptions, engineOf, { withDeviceVerifier = false } = {}) {
  let options = engineOf === undefined ? sessionOptions : undefined;
  const resolved = () => (options ??= { ...sessionOptions, engine: engineOf() });
  const engineOption = () => (engineOf === undefined ? {} : { engine: resolved().engine });
  return {
    name,
    start: () => kit.createSrpSession(resolved()),
    srpA: (session) => session.srpA,
    /** A fresh session for one answer (a session answers one challenge); made outside the timed region. */
    prepareAnswer: () => kit.createSrpSession(resolved()),
    answer: (session) => kit.respondToPasswordVerifier(session, answerInput).PASSWORD_CLAIM_SIGNATURE,
    login: () => kit.respondToPasswordVerifier(kit.createSrpSession(resolved()), answerInput).PASSWORD_CLAIM_SIGNATURE,
    ...(withDeviceVerifier && {
      deviceVerifier: () =>
        kit.createDeviceVerifier({ deviceGroupKey: device.deviceGroupKey, deviceKey: device.deviceKey, randomBytes: fixedBytes, ...engineOption() })
          .DeviceSecretVerifierConfig,
    }),
  };
}

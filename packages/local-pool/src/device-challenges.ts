/**
 * The remembered-device challenges (COGNITO-SERVER.md §5): DEVICE_SRP_AUTH asks the device to start its own SRP,
 * DEVICE_PASSWORD_VERIFIER checks its proof with the verifier ConfirmDevice registered. Both are answerable with the
 * Session (Amplify v6) or without it, by DEVICE_KEY and SECRET_BLOCK (amazon-cognito-identity-js, the AWS Python
 * example).
 *
 * @module
 */
import { createDeviceServerChallenge, verifyDevicePasswordClaim } from '@cognito-kit/srp/server';
import type { Call } from './call.js';
import { challengeReply, checkAnswerer } from './challenge.js';
import type { DeviceRecord } from './devices.js';
import { requiredParameter, srpMath, type Parameters } from './first-factor.js';
import type { JsonObject } from './input.js';
import type { Login, PendingOf } from './login.js';
import { MESSAGES, invalidParameter, notAuthorized } from './service-error.js';
import { deviceKeyKey, secretBlockKey } from './sessions.js';
import { signedIn } from './sign-in-result.js';

/**
 * Asks a confirmed device of the user to prove itself.
 *
 * @example
 * ```ts
 * if (device?.remembered) return deviceChallenge(call, login, device);
 * ```
 */
export function deviceChallenge(call: Call, login: Login, device: DeviceRecord): JsonObject {
  return challengeReply(call, { kind: 'DEVICE_SRP_AUTH', login, device }, { USERNAME: login.userIdForSrp }, [deviceKeyKey(device.key)]);
}

/**
 * DEVICE_SRP_AUTH {USERNAME, DEVICE_KEY, SRP_A}: the server half's DEVICE_PASSWORD_VERIFIER for the device.
 *
 * @example
 * ```ts
 * return answerDeviceSrpAuth(call, pending, ChallengeResponses);
 * ```
 */
export function answerDeviceSrpAuth(call: Call, pending: PendingOf<'DEVICE_SRP_AUTH'>, responses: Parameters): JsonObject {
  const { login, device } = pending;
  checkAnswerer(login, responses);
  if (requiredParameter(responses, 'DEVICE_KEY') !== device.key) throw invalidParameter(MESSAGES.invalidDeviceKey);
  const srpA = requiredParameter(responses, 'SRP_A');
  const verifier = device.verifier;
  if (verifier === undefined) throw invalidParameter(MESSAGES.invalidDeviceKey);
  const stored = { deviceGroupKey: device.groupKey, deviceKey: device.key, username: login.userIdForSrp, deviceSecretVerifierConfig: { ...verifier } };
  const challenge = srpMath(() => createDeviceServerChallenge(stored, srpA, call.state.random.source));
  const secretBlock = challenge.challengeParameters.SECRET_BLOCK ?? '';
  return challengeReply(call, { kind: 'DEVICE_PASSWORD_VERIFIER', login, device, challenge }, challenge.challengeParameters, [secretBlockKey(secretBlock)]);
}

/**
 * DEVICE_PASSWORD_VERIFIER: the server half checks the signature, the TIMESTAMP window, USERNAME and DEVICE_KEY;
 * the sign-in then ends with tokens bound to the device.
 *
 * @throws {CognitoError} NotAuthorizedException "Incorrect username or password." for a claim that fails
 *
 * @example
 * ```ts
 * return answerDevicePasswordVerifier(call, pending, ChallengeResponses);
 * ```
 */
export async function answerDevicePasswordVerifier(call: Call, pending: PendingOf<'DEVICE_PASSWORD_VERIFIER'>, responses: Parameters): Promise<JsonObject> {
  checkAnswerer(pending.login, responses);
  if (!verifyDevicePasswordClaim(pending.challenge, { ...responses }, { now: call.now })) throw notAuthorized(MESSAGES.incorrect);
  pending.device.lastAuthenticatedAt = call.now;
  return signedIn(call, pending.login, pending.device);
}

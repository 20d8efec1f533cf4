/**
 * ConfirmDevice and UpdateDeviceStatus (COGNITO-SERVER.md §5): a device issued in NewDeviceMetadata gets its SRP
 * verifier, and is remembered at once, or once the user says so when the pool has DeviceOnlyRememberedOnUserPrompt.
 *
 * @module
 */
import { authorize } from './access-token.js';
import type { Call } from './call.js';
import type { DeviceRecord } from './devices.js';
import type { Input, JsonObject } from './input.js';
import { MESSAGES, invalidParameter } from './service-error.js';
import type { UserPool } from './pool.js';
import type { UserRecord } from './users.js';

/** The longest Salt or PasswordVerifier taken, in base64 characters: what the server half reads (1,024 bytes). */
const MAX_VERIFIER_CONFIG_CHARS = 1368;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * ConfirmDevice {AccessToken, DeviceKey, DeviceSecretVerifierConfig, DeviceName}: UserConfirmationNecessary is
 * false when the pool remembers devices at once, true with DeviceOnlyRememberedOnUserPrompt.
 *
 * @throws {CognitoError} InvalidParameterException "Invalid device key given." for a key not issued to the user
 *
 * @example
 * ```ts
 * return confirmDevice(call, input); // { UserConfirmationNecessary: false }
 * ```
 */
export async function confirmDevice(call: Call, input: Input): Promise<JsonObject> {
  const { pool, user } = await authorize(call, input.required('AccessToken'));
  const device = deviceOf(pool, user, input.required('DeviceKey'));
  const config = input.structure('DeviceSecretVerifierConfig');
  const Salt = config?.string('Salt');
  const PasswordVerifier = config?.string('PasswordVerifier');
  if (!isVerifierPart(Salt) || !isVerifierPart(PasswordVerifier)) {
    throw invalidParameter('DeviceSecretVerifierConfig needs Salt and PasswordVerifier, each base64 of at most 1,024 bytes');
  }
  device.verifier = { Salt, PasswordVerifier };
  device.name = input.string('DeviceName') ?? device.name;
  const onPrompt = pool.deviceTracking?.rememberOnPrompt === true;
  device.remembered = !onPrompt;
  return { UserConfirmationNecessary: onPrompt };
}

/**
 * UpdateDeviceStatus {AccessToken, DeviceKey, DeviceRememberedStatus}: remembered or not_remembered.
 *
 * @example
 * ```ts
 * return updateDeviceStatus(call, input); // {}
 * ```
 */
export async function updateDeviceStatus(call: Call, input: Input): Promise<JsonObject> {
  const { pool, user } = await authorize(call, input.required('AccessToken'));
  const device = deviceOf(pool, user, input.required('DeviceKey'));
  if (device.verifier === undefined) throw invalidParameter(MESSAGES.invalidDeviceKey);
  device.remembered = input.string('DeviceRememberedStatus') === 'remembered';
  return {};
}

function deviceOf(pool: UserPool, user: UserRecord, key: string): DeviceRecord {
  const device = pool.devices.of(user.sub, key);
  if (device === undefined) throw invalidParameter(MESSAGES.invalidDeviceKey);
  return device;
}

function isVerifierPart(value: string | undefined): value is string {
  return value !== undefined && value.length > 0 && value.length <= MAX_VERIFIER_CONFIG_CHARS && BASE64.test(value);
}

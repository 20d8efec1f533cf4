/**
 * ConfirmDevice: register a device returned in NewDeviceMetadata, with the verifier of a new device password.
 *
 * @module
 */
import { SrpError, createDeviceVerifier } from '@cognito-kit/srp';
import type { ConfirmDeviceInput } from './inputs.js';
import { member } from './members.js';
import { NON_EMPTY, SHAPES } from './model.js';
import type { ConfirmDeviceRequest } from './requests.js';
import { add, checked, inputRecord, onlyFields, requiredStr, srpRefusal, str, throwIfAny, type Issues } from './validation.js';

/**
 * Builds a validated ConfirmDevice request with a new device password and its verifier (`createDeviceVerifier` of
 * `@cognito-kit/srp`). Keep `devicePassword` secret, with the device key and group key: the device signs in with it
 * (DEVICE_PASSWORD_VERIFIER). ConfirmDevice is public (unsigned); it is authorized by the access token.
 *
 * @returns the request and the device password
 * @throws {RequestValidationError} for a malformed device key, name or access token, or a `randomBytes` that is not
 *   a function returning the bytes asked for
 * @example
 * ```ts
 * import { buildConfirmDevice, send } from '@cognito-kit/request-builder';
 *
 * // From a sign-in whose AuthenticationResult has NewDeviceMetadata:
 * const { request, devicePassword } = buildConfirmDevice({
 *   accessToken: 'eyJraWQiOi...', deviceKey: 'eu-west-2_f0e1d2c3-aaaa-bbbb-cccc-0123456789ab', deviceGroupKey: '-abcdEFGh',
 * });
 * await send('ConfirmDevice', request, { region: 'eu-west-2' });
 * // store devicePassword with the device key and group key: the device signs in with them
 * ```
 */
export function buildConfirmDevice(input: ConfirmDeviceInput): { request: ConfirmDeviceRequest; devicePassword: string } {
  const members = inputRecord(input);
  const issues: Issues = [];
  const accessToken = str(issues, members.accessToken, 'accessToken', SHAPES.TokenModelType);
  const deviceKey = requiredStr(issues, members.deviceKey, 'deviceKey', SHAPES.DeviceKeyType);
  const deviceName = str(issues, members.deviceName, 'deviceName', SHAPES.DeviceNameType);
  onlyFields(issues, members, ['accessToken', 'deviceKey', 'deviceName', 'deviceGroupKey', 'randomBytes'], 'by ConfirmDevice');
  const deviceGroupKey = requiredStr(issues, members.deviceGroupKey, 'deviceGroupKey', NON_EMPTY);
  throwIfAny(issues); // before the verifier's exponentiation
  const verifier = checked(issues, deviceVerifier(issues, deviceGroupKey, deviceKey, input.randomBytes));

  const request: ConfirmDeviceRequest = {
    ...member('AccessToken', accessToken),
    DeviceKey: deviceKey,
    DeviceSecretVerifierConfig: { PasswordVerifier: verifier.passwordVerifier, Salt: verifier.salt },
    ...member('DeviceName', deviceName),
  };
  return { request, devicePassword: verifier.devicePassword };
}

/** A new device password and its verifier; a `randomBytes` that fails is an issue at its path. */
function deviceVerifier(
  issues: Issues,
  deviceGroupKey: string,
  deviceKey: string,
  randomBytes: ConfirmDeviceInput['randomBytes'],
): { devicePassword: string; passwordVerifier: string; salt: string } | undefined {
  try {
    // createDeviceVerifier checks `randomBytes` itself: a function returning the bytes asked for.
    const { devicePassword, DeviceSecretVerifierConfig } = createDeviceVerifier({ deviceGroupKey, deviceKey, ...member('randomBytes', randomBytes) });
    return { devicePassword, passwordVerifier: DeviceSecretVerifierConfig.PasswordVerifier, salt: DeviceSecretVerifierConfig.Salt };
  } catch (error) {
    // The keys are valid here: only the random source can fail.
    if (!(error instanceof SrpError)) throw error;
    return add(issues, 'INVALID_TYPE', error.field ?? 'randomBytes', srpRefusal(error));
  }
}

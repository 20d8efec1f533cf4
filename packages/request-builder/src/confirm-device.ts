/**
 * ConfirmDevice: register a device returned in NewDeviceMetadata, with the verifier of a new device password.
 *
 * @module
 */
import { SrpError, createDeviceVerifier, type RandomSource } from '@cognito-kit/srp';
import { buildRequest, type PartBuilder } from './common.js';
import { NON_EMPTY } from './model.js';
import { add, onlyFields, srpRefusal, str } from './validation.js';

/** The input of {@link buildConfirmDevice}. */
export type ConfirmDeviceInput = {
  /**
   * The access token of the login that returned the device (ConfirmDevice requires it). Leave it out only to add
   * it yourself later, as with the AWS CLI's `--access-token`; {@link toHttpRequest} refuses a request without it.
   */
  accessToken?: string;
  /** NewDeviceMetadata.DeviceKey */
  deviceKey: string;
  /** NewDeviceMetadata.DeviceGroupKey (hashed into the verifier, not sent) */
  deviceGroupKey: string;
  deviceName?: string;
} & RandomSource;

/** `ConfirmDeviceRequest` as it goes on the wire. */
export interface ConfirmDeviceRequest {
  AccessToken?: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig: { PasswordVerifier: string; Salt: string };
  DeviceName?: string;
}

/**
 * Builds a validated ConfirmDevice request with a new device password and its verifier (`createDeviceVerifier` of
 * `@cognito-kit/srp`). Keep `devicePassword` secret, with the device key and group key: the device signs in with it
 * (DEVICE_PASSWORD_VERIFIER). ConfirmDevice is public (unsigned); it is authorized by the access token.
 *
 * @returns the request and the device password
 * @throws {RequestValidationError} for a malformed device key, name or access token
 * @example
 * ```ts
 * import { buildConfirmDevice, toHttpRequest } from '@cognito-kit/request-builder';
 * const { NewDeviceMetadata, AccessToken } = result.AuthenticationResult;
 * const { request, devicePassword } = buildConfirmDevice({
 *   accessToken: AccessToken, deviceKey: NewDeviceMetadata.DeviceKey, deviceGroupKey: NewDeviceMetadata.DeviceGroupKey,
 * });
 * await fetch(...Object.values(toHttpRequest('ConfirmDevice', request, { region: 'eu-west-2' })));
 * ```
 */
export function buildConfirmDevice(input: ConfirmDeviceInput): { request: ConfirmDeviceRequest; devicePassword: string } {
  return buildRequest('ConfirmDevice', input, deviceVerifier);
}

/** DeviceSecretVerifierConfig, from the device group key (not sent) and an optional random source. */
const deviceVerifier: PartBuilder = (input, v, common) => {
  onlyFields(v, input, [...common, 'deviceGroupKey', 'randomBytes'], 'by ConfirmDevice');
  str(v, input.deviceGroupKey, 'deviceGroupKey', NON_EMPTY, true);
  if (v.length > 0) return undefined;
  try {
    // The keys are valid; `randomBytes` is checked by createDeviceVerifier itself (a function returning the bytes).
    const { devicePassword, DeviceSecretVerifierConfig: config } = createDeviceVerifier(input as unknown as ConfirmDeviceInput);
    return { DeviceSecretVerifierConfig: { PasswordVerifier: config.PasswordVerifier, Salt: config.Salt }, devicePassword };
  } catch (error) {
    // Only the random source can fail here: it is not a function, or its bytes were unusable.
    if (!(error instanceof SrpError)) throw error;
    return add(v, 'INVALID_TYPE', error.field ?? 'randomBytes', srpRefusal(error));
  }
};

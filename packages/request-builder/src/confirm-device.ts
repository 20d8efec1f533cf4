/**
 * ConfirmDevice: register a device returned in NewDeviceMetadata, with the verifier of a new device password.
 *
 * @module
 */
import { SrpError, createDeviceVerifier, type RandomSource } from '@cognito-kit/srp';
import { MEMBER_ORDER, SHAPES, inMemberOrder } from './model.js';
import { Validator } from './validation.js';

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
  const v = new Validator();
  const record = v.object(input, 'input');
  v.finish();
  v.onlyFields(record!, ['accessToken', 'deviceKey', 'deviceGroupKey', 'deviceName', 'randomBytes'], '', 'by ConfirmDevice');
  const AccessToken = v.string(record!.accessToken, 'accessToken', SHAPES.TokenModelType, false);
  const DeviceKey = v.string(record!.deviceKey, 'deviceKey', SHAPES.DeviceKeyType, true);
  const deviceGroupKey = v.string(record!.deviceGroupKey, 'deviceGroupKey', { name: 'DeviceGroupKey', min: 1, max: 131072 }, true);
  const DeviceName = v.string(record!.deviceName, 'deviceName', SHAPES.DeviceNameType, false);
  const randomBytes = record!.randomBytes;
  if (randomBytes !== undefined && typeof randomBytes !== 'function') v.add('INVALID_TYPE', 'randomBytes', 'randomBytes must be a function (length) => Uint8Array');
  v.finish();
  const random = randomBytes === undefined ? {} : { randomBytes: randomBytes as NonNullable<RandomSource['randomBytes']> };
  let created: ReturnType<typeof createDeviceVerifier>;
  try {
    created = createDeviceVerifier({ deviceGroupKey: deviceGroupKey!, deviceKey: DeviceKey!, ...random });
  } catch (error) {
    // Only the random source can fail here (the keys are validated above): its bytes were unusable.
    if (!(error instanceof SrpError)) throw error;
    v.add('INVALID_TYPE', error.field ?? 'randomBytes', `${error.message} (${error.code})`);
    v.finish();
    throw error;
  }
  const { devicePassword, DeviceSecretVerifierConfig } = created;
  const request = inMemberOrder<ConfirmDeviceRequest>(
    { AccessToken, DeviceKey, DeviceSecretVerifierConfig: { PasswordVerifier: DeviceSecretVerifierConfig.PasswordVerifier, Salt: DeviceSecretVerifierConfig.Salt }, DeviceName },
    MEMBER_ORDER.ConfirmDevice,
  );
  return { request, devicePassword };
}

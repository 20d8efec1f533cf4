/**
 * The replies of the five operations, as the service model defines them. Every member is optional and may be
 * `undefined`, as in the AWS SDK's output types, so an SDK output is accepted wherever a reply is taken (also under
 * `exactOptionalPropertyTypes`); {@link readResponse} returns them with absent members left out.
 *
 * @module
 */
import type { AnyChallengeName } from './requests.js';

/** `NewDeviceMetadataType`: the device Cognito offers to remember; confirm it with ConfirmDevice. */
export interface NewDeviceMetadataType {
  DeviceKey?: string | undefined;
  DeviceGroupKey?: string | undefined;
}

/** `AuthenticationResultType`: the tokens of a completed sign-in. */
export interface AuthenticationResultType {
  AccessToken?: string | undefined;
  /** Seconds the access and ID tokens are valid for. */
  ExpiresIn?: number | undefined;
  TokenType?: string | undefined;
  /** Absent on a refresh, which keeps the refresh token it was given. */
  RefreshToken?: string | undefined;
  IdToken?: string | undefined;
  NewDeviceMetadata?: NewDeviceMetadataType | undefined;
}

/**
 * The reply of InitiateAuth, AdminInitiateAuth, RespondToAuthChallenge and AdminRespondToAuthChallenge (the model
 * gives the four the same members): either the next challenge (ChallengeName, ChallengeParameters, Session) or the
 * AuthenticationResult. AvailableChallenges lists the choices of SELECT_CHALLENGE (USER_AUTH).
 */
export interface AuthResponse {
  ChallengeName?: AnyChallengeName | undefined;
  Session?: string | undefined;
  ChallengeParameters?: Record<string, string> | undefined;
  AuthenticationResult?: AuthenticationResultType | undefined;
  AvailableChallenges?: AnyChallengeName[] | undefined;
}

/** `InitiateAuthResponse`. */
export type InitiateAuthResponse = AuthResponse;
/** `AdminInitiateAuthResponse`. */
export type AdminInitiateAuthResponse = AuthResponse;
/** `RespondToAuthChallengeResponse`. */
export type RespondToAuthChallengeResponse = AuthResponse;
/** `AdminRespondToAuthChallengeResponse`. */
export type AdminRespondToAuthChallengeResponse = AuthResponse;

/** `ConfirmDeviceResponse`: whether the user must still confirm the device (UpdateDeviceStatus). */
export interface ConfirmDeviceResponse {
  UserConfirmationNecessary?: boolean | undefined;
}

/** The reply of each operation this package builds, by operation name. */
export interface OperationResponses {
  AdminInitiateAuth: AdminInitiateAuthResponse;
  InitiateAuth: InitiateAuthResponse;
  AdminRespondToAuthChallenge: AdminRespondToAuthChallengeResponse;
  RespondToAuthChallenge: RespondToAuthChallengeResponse;
  ConfirmDevice: ConfirmDeviceResponse;
}

/** The reply type of one operation: `ResponseOf<'ConfirmDevice'>` is {@link ConfirmDeviceResponse}. */
export type ResponseOf<Operation extends keyof OperationResponses> = OperationResponses[Operation];

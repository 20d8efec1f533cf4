/**
 * The requests as they go on the wire: PascalCase members, as the service model names them, never `undefined`.
 * Each is assignable to the AWS SDK v3 command input of the same operation (the type tests check it).
 *
 * @module
 */
import type { AuthFlow, ChallengeName, PublicAuthFlow } from './model.js';

/** A challenge name: one of the model's, or any other string (the enum is open: EMAIL_MFA is not in it). */
export type AnyChallengeName = ChallengeName | (string & {});

/** `AnalyticsMetadataType` of the model (Amazon Pinpoint). */
export interface AnalyticsMetadataType {
  AnalyticsEndpointId?: string;
}

/** `HttpHeader` of the model: lower-camel member names, as the model spells them. */
export interface HttpHeader {
  headerName: string;
  headerValue: string;
}

/** `ContextDataType` of the model: adaptive authentication data of the Admin operations. */
export interface ContextDataType {
  IpAddress: string;
  ServerName: string;
  ServerPath: string;
  HttpHeaders: HttpHeader[];
  EncodedData?: string;
}

/** `UserContextDataType` of the model: adaptive authentication data of the public operations. */
export interface UserContextDataType {
  IpAddress?: string;
  EncodedData?: string;
}

/** `AdminInitiateAuthRequest`. */
export interface AdminInitiateAuthRequest {
  UserPoolId: string;
  ClientId: string;
  AuthFlow: AuthFlow;
  AuthParameters?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadataType;
  ContextData?: ContextDataType;
  Session?: string;
}

/** `InitiateAuthRequest`: no UserPoolId, and no ADMIN_* flow. */
export interface InitiateAuthRequest {
  AuthFlow: PublicAuthFlow;
  ClientId: string;
  AuthParameters?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  Session?: string;
}

/** `AdminRespondToAuthChallengeRequest`, typed by the challenge it answers. */
export interface AdminRespondToAuthChallengeRequest<Name extends AnyChallengeName = AnyChallengeName> {
  UserPoolId: string;
  ClientId: string;
  ChallengeName: Name;
  ChallengeResponses?: Record<string, string>;
  Session?: string;
  AnalyticsMetadata?: AnalyticsMetadataType;
  ContextData?: ContextDataType;
  ClientMetadata?: Record<string, string>;
}

/** `RespondToAuthChallengeRequest`, typed by the challenge it answers. */
export interface RespondToAuthChallengeRequest<Name extends AnyChallengeName = AnyChallengeName> {
  ClientId: string;
  ChallengeName: Name;
  Session?: string;
  ChallengeResponses?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: Record<string, string>;
}

/** `DeviceSecretVerifierConfigType` of the model: what Cognito stores to check a remembered device. */
export interface DeviceSecretVerifierConfigType {
  PasswordVerifier: string;
  Salt: string;
}

/**
 * `ConfirmDeviceRequest`. AccessToken is required by the model; {@link buildConfirmDevice} may leave it out for a
 * caller that adds it later (the AWS CLI's `--access-token`), and {@link toHttpRequest} refuses a request without it.
 */
export interface ConfirmDeviceRequest {
  AccessToken?: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig: DeviceSecretVerifierConfigType;
  DeviceName?: string;
}

/** The request of each operation this package builds, by operation name. */
export interface OperationRequests {
  AdminInitiateAuth: AdminInitiateAuthRequest;
  InitiateAuth: InitiateAuthRequest;
  AdminRespondToAuthChallenge: AdminRespondToAuthChallengeRequest;
  RespondToAuthChallenge: RespondToAuthChallengeRequest;
  ConfirmDevice: ConfirmDeviceRequest;
}

/** The request type of one operation: `RequestOf<'InitiateAuth'>` is {@link InitiateAuthRequest}. */
export type RequestOf<Operation extends keyof OperationRequests> = OperationRequests[Operation];

/**
 * Public types: the camelCase inputs (a contract: acceptance tests and other packages call them) and the
 * PascalCase wire shapes, member for member as the service model names them.
 *
 * @module
 */
import type { SrpSession } from '@cognito-kit/srp';
import type { AuthFlow, ChallengeName } from './model.js';

/** ContextData for adaptive authentication (AdminInitiateAuth / AdminRespondToAuthChallenge). */
export interface ContextDataInput {
  ipAddress: string;
  serverName: string;
  serverPath: string;
  httpHeaders: { headerName: string; headerValue: string }[];
  encodedData?: string;
}

/** Members every AdminInitiateAuth input has. */
export type Common = {
  userPoolId: string;
  clientId: string;
  /** The app client's secret: adds SECRET_HASH. Never sent itself. */
  clientSecret?: string;
  clientMetadata?: Record<string, string>;
  analyticsEndpointId?: string;
  session?: string;
  contextData?: ContextDataInput;
};

/**
 * The input of {@link buildAdminInitiateAuth}: a discriminated union on `authFlow` over every value of the model's
 * AuthFlowType. Each flow asks for exactly the parameters it needs.
 *
 * For `REFRESH_TOKEN_AUTH` / `REFRESH_TOKEN` with a `clientSecret`, `username` is required: SECRET_HASH is computed
 * over the user's real username (or `sub` for pools that use e-mail or phone as username), not an alias, and a
 * refresh token does not carry it in a form this library can read.
 */
export type AdminInitiateAuthInput = Common &
  (
    | { authFlow: 'USER_SRP_AUTH'; username: string; deviceKey?: string; srpSession?: SrpSession }
    | { authFlow: 'ADMIN_USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH' | 'USER_PASSWORD_AUTH'; username: string; password: string; deviceKey?: string }
    | { authFlow: 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN'; refreshToken: string; username?: string; deviceKey?: string }
    | { authFlow: 'CUSTOM_AUTH'; username: string; withSrp?: boolean; srpSession?: SrpSession; deviceKey?: string }
    | { authFlow: 'USER_AUTH'; username: string; preferredChallenge?: string; password?: string; srpSession?: SrpSession; deviceKey?: string }
  );

/** `HttpHeader` of the model: lower-camel member names. */
export interface HttpHeader {
  headerName: string;
  headerValue: string;
}

/** `ContextDataType` of the model. */
export interface ContextDataType {
  IpAddress: string;
  ServerName: string;
  ServerPath: string;
  HttpHeaders: HttpHeader[];
  EncodedData?: string;
}

/** `AdminInitiateAuthRequest` as it goes on the wire, with no `undefined` members. */
export interface AdminInitiateAuthRequest {
  UserPoolId: string;
  ClientId: string;
  AuthFlow: AuthFlow;
  AuthParameters?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: { AnalyticsEndpointId?: string };
  ContextData?: ContextDataType;
  Session?: string;
}

/** UserContextData of the public operations (InitiateAuth, RespondToAuthChallenge). */
export interface UserContextDataInput {
  ipAddress?: string;
  encodedData?: string;
}

/** Members every InitiateAuth input has: no user pool id on the wire. */
export type PublicCommon = {
  clientId: string;
  clientSecret?: string;
  clientMetadata?: Record<string, string>;
  analyticsEndpointId?: string;
  session?: string;
  userContextData?: UserContextDataInput;
};

/** The input of {@link buildInitiateAuth}: the flows InitiateAuth takes (no ADMIN_* flows). */
export type InitiateAuthInput = PublicCommon &
  (
    | { authFlow: 'USER_SRP_AUTH'; username: string; deviceKey?: string; srpSession?: SrpSession }
    | { authFlow: 'USER_PASSWORD_AUTH'; username: string; password: string; deviceKey?: string }
    | { authFlow: 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN'; refreshToken: string; username?: string; deviceKey?: string }
    | { authFlow: 'CUSTOM_AUTH'; username: string; withSrp?: boolean; srpSession?: SrpSession; deviceKey?: string }
    | { authFlow: 'USER_AUTH'; username: string; preferredChallenge?: string; password?: string; srpSession?: SrpSession; deviceKey?: string }
  );

/** `InitiateAuthRequest` as it goes on the wire. */
export interface InitiateAuthRequest {
  AuthFlow: Exclude<AuthFlow, 'ADMIN_NO_SRP_AUTH' | 'ADMIN_USER_PASSWORD_AUTH'>;
  AuthParameters?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  ClientId: string;
  AnalyticsMetadata?: { AnalyticsEndpointId?: string };
  UserContextData?: { IpAddress?: string; EncodedData?: string };
  Session?: string;
}

/** A challenge name: one of the model's, or any other string (the enum is open). */
export type AnyChallengeName = ChallengeName | (string & {});

/** `AdminRespondToAuthChallengeRequest` as it goes on the wire. */
export interface AdminRespondToAuthChallengeRequest<Name extends AnyChallengeName = AnyChallengeName> {
  UserPoolId: string;
  ClientId: string;
  ChallengeName: Name;
  ChallengeResponses?: Record<string, string>;
  Session?: string;
  AnalyticsMetadata?: { AnalyticsEndpointId?: string };
  ContextData?: ContextDataType;
  ClientMetadata?: Record<string, string>;
}

/** `RespondToAuthChallengeRequest` as it goes on the wire. */
export interface RespondToAuthChallengeRequest<Name extends AnyChallengeName = AnyChallengeName> {
  ClientId: string;
  ChallengeName: Name;
  Session?: string;
  ChallengeResponses?: Record<string, string>;
  AnalyticsMetadata?: { AnalyticsEndpointId?: string };
  UserContextData?: { IpAddress?: string; EncodedData?: string };
  ClientMetadata?: Record<string, string>;
}

/** What AdminInitiateAuth / InitiateAuth / the respond operations return (the parts a follow-up needs). */
export interface ChallengeResponse {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
}

/** ChallengeResponses the model documents for each challenge (keys are strings on the wire). */
export interface KnownChallengeResponses {
  SMS_MFA: { USERNAME: string; SMS_MFA_CODE: string };
  EMAIL_OTP: { USERNAME: string; EMAIL_OTP_CODE: string };
  SMS_OTP: { USERNAME: string; SMS_OTP_CODE: string };
  SOFTWARE_TOKEN_MFA: { USERNAME: string; SOFTWARE_TOKEN_MFA_CODE: string };
  SELECT_MFA_TYPE: { USERNAME: string; ANSWER: 'SMS_MFA' | 'EMAIL_MFA' | 'SOFTWARE_TOKEN_MFA' | (string & {}) };
  MFA_SETUP: { USERNAME: string; SESSION?: string };
  CUSTOM_CHALLENGE: { USERNAME: string; ANSWER: string } & Record<string, string>;
  SELECT_CHALLENGE: { USERNAME: string; ANSWER: string } & Record<string, string>;
  NEW_PASSWORD_REQUIRED: { USERNAME: string; NEW_PASSWORD: string } & Record<`userAttributes.${string}`, string>;
  PASSWORD: { USERNAME: string; PASSWORD: string };
  PASSWORD_SRP: { USERNAME: string; SRP_A: string };
  WEB_AUTHN: { USERNAME: string; CREDENTIAL: string };
  ADMIN_NO_SRP_AUTH: { USERNAME: string; PASSWORD: string };
}

/** A challenge answered with a map given as is (SECRET_HASH is added over USERNAME when a secret is given). */
export type PassThroughAnswer = (
  | { [Name in keyof KnownChallengeResponses]: { challengeName: Name; challengeResponses: KnownChallengeResponses[Name] } }[keyof KnownChallengeResponses]
  | {
      /** Any other name, such as EMAIL_MFA: the enum is open. */
      challengeName: string & {};
      challengeResponses: Record<string, string>;
    }
) & {
  /** The previous response: its Session is sent (unless `session` is given). */
  response?: ChallengeResponse;
};

/** PASSWORD_VERIFIER, answered with the SRP session that sent SRP_A. */
export type PasswordVerifierAnswer = {
  challengeName: 'PASSWORD_VERIFIER';
  srpSession: SrpSession;
  password: string;
  /** The AdminInitiateAuth / InitiateAuth response: its ChallengeParameters and Session are used. */
  response?: ChallengeResponse;
  /** Instead of `response`: the ChallengeParameters alone. */
  challengeParameters?: Record<string, string>;
  deviceKey?: string;
  /**
   * The instant TIMESTAMP is signed for; `new Date()` by default. Cognito compares it with its own clock: a clock
   * minutes off makes Cognito answer NotAuthorizedException, exactly as for a wrong password (see SECURITY.md).
   * Inject it to correct a known offset, or in tests. An invalid Date is INVALID_TYPE at `now`.
   */
  now?: Date;
};

/** DEVICE_SRP_AUTH: the remembered device starts its own SRP with a fresh session (created unless given). */
export type DeviceSrpAuthAnswer = {
  challengeName: 'DEVICE_SRP_AUTH';
  username: string;
  deviceKey: string;
  srpSession?: SrpSession;
  /** The response that asked for DEVICE_SRP_AUTH: its Session is sent (unless `session` is given). */
  response?: ChallengeResponse;
};

/** DEVICE_PASSWORD_VERIFIER, answered with the device's session, keys and password. */
export type DevicePasswordVerifierAnswer = {
  challengeName: 'DEVICE_PASSWORD_VERIFIER';
  srpSession: SrpSession;
  deviceGroupKey: string;
  deviceKey: string;
  devicePassword: string;
  /** The DEVICE_SRP_AUTH response: its ChallengeParameters and Session are used. */
  response?: ChallengeResponse;
  challengeParameters?: Record<string, string>;
  /** The instant TIMESTAMP is signed for; `new Date()` by default (see PASSWORD_VERIFIER's `now`). */
  now?: Date;
};

/** Members every AdminRespondToAuthChallenge input has. */
export type RespondCommon = {
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
  /** The Session of the previous response (taken from `response` when that is given). */
  session?: string;
  clientMetadata?: Record<string, string>;
  analyticsEndpointId?: string;
  contextData?: ContextDataInput;
};

/** The input of {@link buildAdminRespondToAuthChallenge}. */
export type AdminRespondToAuthChallengeInput = RespondCommon &
  (PasswordVerifierAnswer | DeviceSrpAuthAnswer | DevicePasswordVerifierAnswer | PassThroughAnswer);

/** Members every RespondToAuthChallenge input has (no user pool id on the wire). */
export type PublicRespondCommon = {
  clientId: string;
  clientSecret?: string;
  session?: string;
  clientMetadata?: Record<string, string>;
  analyticsEndpointId?: string;
  userContextData?: UserContextDataInput;
};

/** The input of {@link buildRespondToAuthChallenge}; PASSWORD_VERIFIER still needs the pool id (for x). */
export type RespondToAuthChallengeInput = PublicRespondCommon &
  ((PasswordVerifierAnswer & { userPoolId: string }) | DeviceSrpAuthAnswer | DevicePasswordVerifierAnswer | PassThroughAnswer);

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

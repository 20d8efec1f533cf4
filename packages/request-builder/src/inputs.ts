/**
 * The builders' inputs: camelCase members, one discriminated union per operation (a contract: code outside this
 * repository calls them). Optional members accept `undefined` too, which means "absent", so a value that may be
 * undefined (`process.env.CLIENT_SECRET`, an SDK output's member) can be passed as it is under
 * `exactOptionalPropertyTypes`.
 *
 * @module
 */
import type { RandomSource, SrpSession } from '@cognito-kit/srp';
import type { ChallengeName } from './model.js';
import type { AuthResponse } from './responses.js';

/** ContextData for adaptive authentication (AdminInitiateAuth / AdminRespondToAuthChallenge). */
export interface ContextDataInput {
  ipAddress: string;
  serverName: string;
  serverPath: string;
  httpHeaders: { headerName: string; headerValue: string }[];
  encodedData?: string | undefined;
}

/** UserContextData of the public operations (InitiateAuth, RespondToAuthChallenge): both members optional. */
export interface UserContextDataInput {
  ipAddress?: string | undefined;
  encodedData?: string | undefined;
}

/** Members every operation but ConfirmDevice takes. */
interface ClientMembers {
  clientId: string;
  /** The app client's secret: adds SECRET_HASH. Never sent itself. */
  clientSecret?: string | undefined;
  clientMetadata?: Record<string, string> | undefined;
  /** AnalyticsMetadata.AnalyticsEndpointId (Amazon Pinpoint). */
  analyticsEndpointId?: string | undefined;
  /** The Session of the previous reply (the respond builders take it from `response` when that is given). */
  session?: string | undefined;
}

/** What the Admin operations add: the pool (on the wire) and ContextData. */
export interface AdminMembers extends ClientMembers {
  userPoolId: string;
  contextData?: ContextDataInput | undefined;
}

/** What the public operations add: UserContextData (and no user pool id on the wire). */
export interface PublicMembers extends ClientMembers {
  userContextData?: UserContextDataInput | undefined;
}

/** USER_SRP_AUTH: SRP_A of a new session (or of `srpSession`); answer PASSWORD_VERIFIER with the session. */
export interface UserSrpAuthFlow {
  authFlow: 'USER_SRP_AUTH';
  /** The name the user signs in with; an alias (e-mail, phone) is fine here. */
  username: string;
  deviceKey?: string | undefined;
  srpSession?: SrpSession | undefined;
}

/** The password flows: USERNAME and PASSWORD in the request. */
export interface PasswordFlow<Flow extends 'ADMIN_USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH' | 'USER_PASSWORD_AUTH'> {
  authFlow: Flow;
  username: string;
  password: string;
  deviceKey?: string | undefined;
}

/**
 * REFRESH_TOKEN_AUTH / REFRESH_TOKEN. With a `clientSecret`, `username` is required: SECRET_HASH is computed over the
 * user's real username (or `sub` for pools that sign in by e-mail or phone), not an alias, and a refresh token does
 * not carry it in a form this library can read.
 */
export interface RefreshFlow {
  authFlow: 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN';
  refreshToken: string;
  username?: string | undefined;
  deviceKey?: string | undefined;
}

/** CUSTOM_AUTH, preceded by SRP (`CHALLENGE_NAME: SRP_A` and SRP_A) when `withSrp` is true or a session is given. */
export interface CustomAuthFlow {
  authFlow: 'CUSTOM_AUTH';
  username: string;
  withSrp?: boolean | undefined;
  srpSession?: SrpSession | undefined;
  deviceKey?: string | undefined;
}

/**
 * USER_AUTH (choice-based sign-in): `preferredChallenge` PASSWORD_SRP brings SRP_A, PASSWORD brings the password;
 * without one, Cognito answers SELECT_CHALLENGE with the choices.
 */
export interface UserAuthFlow {
  authFlow: 'USER_AUTH';
  username: string;
  preferredChallenge?: string | undefined;
  password?: string | undefined;
  srpSession?: SrpSession | undefined;
  deviceKey?: string | undefined;
}

/** The flows that start SRP, so their result always holds the SRP session. */
export type SrpFlow = UserSrpAuthFlow | (CustomAuthFlow & { withSrp: true }) | (UserAuthFlow & { preferredChallenge: 'PASSWORD_SRP' });

/**
 * The input of {@link buildAdminInitiateAuth}: a discriminated union on `authFlow` over every value of the model's
 * AuthFlowType. Each flow asks for exactly the parameters it needs.
 */
export type AdminInitiateAuthInput = AdminMembers &
  (UserSrpAuthFlow | PasswordFlow<'ADMIN_USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH' | 'USER_PASSWORD_AUTH'> | RefreshFlow | CustomAuthFlow | UserAuthFlow);

/** The input of {@link buildInitiateAuth}: the flows InitiateAuth takes (no ADMIN_* flow). */
export type InitiateAuthInput = PublicMembers & (UserSrpAuthFlow | PasswordFlow<'USER_PASSWORD_AUTH'> | RefreshFlow | CustomAuthFlow | UserAuthFlow);

/** The reply whose challenge is answered: its Session is sent (unless `session` is given). */
export interface PreviousReply {
  /** The previous reply as it came (an AWS SDK output is accepted as it is). */
  response?: AuthResponse | undefined;
}

/** PASSWORD_VERIFIER, answered with the SRP session that sent SRP_A. */
export interface PasswordVerifierAnswer extends PreviousReply {
  challengeName: 'PASSWORD_VERIFIER';
  srpSession: SrpSession;
  password: string;
  /** Instead of `response`: the ChallengeParameters alone. */
  challengeParameters?: Record<string, string> | undefined;
  deviceKey?: string | undefined;
  /**
   * The instant TIMESTAMP is signed for; `new Date()` by default. Cognito compares it with its own clock: a clock
   * minutes off makes Cognito answer NotAuthorizedException, exactly as for a wrong password. Inject it to correct a
   * known offset, or in tests. A Date of another realm (an iframe, a `vm` context) is a Date; anything else, or an
   * invalid Date, is INVALID_TYPE at `now`.
   */
  now?: Date | undefined;
}

/** DEVICE_SRP_AUTH: the remembered device starts its own SRP with a fresh session (created unless given). */
export interface DeviceSrpAuthAnswer extends PreviousReply {
  challengeName: 'DEVICE_SRP_AUTH';
  /** The user's real username (USER_ID_FOR_SRP of the PASSWORD_VERIFIER challenge). */
  username: string;
  deviceKey: string;
  srpSession?: SrpSession | undefined;
}

/** DEVICE_PASSWORD_VERIFIER, answered with the device's session, keys and password. */
export interface DevicePasswordVerifierAnswer extends PreviousReply {
  challengeName: 'DEVICE_PASSWORD_VERIFIER';
  srpSession: SrpSession;
  deviceGroupKey: string;
  deviceKey: string;
  devicePassword: string;
  challengeParameters?: Record<string, string> | undefined;
  /** The instant TIMESTAMP is signed for; `new Date()` by default (see PASSWORD_VERIFIER's `now`). */
  now?: Date | undefined;
}

/** ChallengeResponses the model documents for each challenge (keys are strings on the wire). */
export interface KnownChallengeResponses {
  SMS_MFA: { USERNAME: string; SMS_MFA_CODE: string };
  EMAIL_OTP: { USERNAME: string; EMAIL_OTP_CODE: string };
  SMS_OTP: { USERNAME: string; SMS_OTP_CODE: string };
  SOFTWARE_TOKEN_MFA: { USERNAME: string; SOFTWARE_TOKEN_MFA_CODE: string };
  SELECT_MFA_TYPE: { USERNAME: string; ANSWER: 'SMS_MFA' | 'EMAIL_OTP' | 'SOFTWARE_TOKEN_MFA' | (string & {}) };
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
export type PassThroughAnswer = PreviousReply &
  (
    | { [Name in keyof KnownChallengeResponses]: { challengeName: Name; challengeResponses: KnownChallengeResponses[Name] } }[keyof KnownChallengeResponses]
    | {
        /** Any other name, such as EMAIL_MFA: the enum is open. */
        challengeName: Exclude<string, ChallengeName> & {};
        challengeResponses: Record<string, string>;
      }
  );

/** The input of {@link buildAdminRespondToAuthChallenge}. */
export type AdminRespondToAuthChallengeInput = AdminMembers & (PasswordVerifierAnswer | DeviceSrpAuthAnswer | DevicePasswordVerifierAnswer | PassThroughAnswer);

/** The input of {@link buildRespondToAuthChallenge}; PASSWORD_VERIFIER still needs the pool id (SRP hashes its name). */
export type RespondToAuthChallengeInput = PublicMembers &
  ((PasswordVerifierAnswer & { userPoolId: string }) | DeviceSrpAuthAnswer | DevicePasswordVerifierAnswer | PassThroughAnswer);

/** The input of {@link buildConfirmDevice}. */
export type ConfirmDeviceInput = {
  /**
   * The access token of the login that returned the device (ConfirmDevice requires it). Leave it out only to add
   * it yourself later, as with the AWS CLI's `--access-token`; {@link toHttpRequest} refuses a request without it.
   */
  accessToken?: string | undefined;
  /** NewDeviceMetadata.DeviceKey */
  deviceKey: string;
  /** NewDeviceMetadata.DeviceGroupKey (hashed into the verifier, not sent) */
  deviceGroupKey: string;
  deviceName?: string | undefined;
} & RandomSource;

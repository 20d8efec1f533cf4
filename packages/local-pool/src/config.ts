/**
 * The config of a {@link LocalUserPools} instance, as JSON (the file `cognito-kit serve --config FILE` reads). The
 * pools' own settings are Cognito's CreateUserPool / CreateUserPoolClient members in lower camel case
 * (`usernameAttributes`, `explicitAuthFlows`, `preventUserExistenceErrors`, ...); `deviceConfiguration` keeps
 * Cognito's DeviceConfigurationType as it is. Every member but the ids, the clients and the users' names and
 * passwords is optional, with Cognito's default (or the console's, where the two differ: noted on the member).
 *
 * @example
 * ```json
 * { "userPools": [ { "id": "eu-west-2_LocalPool1", "usernameAttributes": ["email"],
 *     "clients": [ { "id": "localclient0123456789abcd", "explicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] } ],
 *     "users": [ { "username": "alice@example.com", "password": "Correct horse 1!" } ] } ] }
 * ```
 *
 * @module
 */

/** Every pool this instance serves. */
export interface LocalPoolsConfig {
  userPools: UserPoolConfig[];
}

/** An attribute users sign in with instead of a username (UsernameAttributeType). */
export type UsernameAttribute = 'email' | 'phone_number';

/** An attribute users may sign in with besides their username (AliasAttributeType). */
export type AliasAttribute = 'email' | 'phone_number' | 'preferred_username';

/** The pool's MFA setting (UserPoolMfaType). */
export type MfaConfiguration = 'OFF' | 'ON' | 'OPTIONAL';

/** A first factor of USER_AUTH (AuthFactorType, without WEB_AUTHN, which is not emulated). */
export type FirstAuthFactor = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP';

/** An app-client setting of ExplicitAuthFlowsType: the `ALLOW_*` values, or the legacy ones (not both). */
export type ExplicitAuthFlow =
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_USER_AUTH'
  | 'ADMIN_NO_SRP_AUTH'
  | 'CUSTOM_AUTH_FLOW_ONLY'
  | 'USER_PASSWORD_AUTH';

/** A user's status (UserStatusType, the values a local pool can hold). */
export type UserStatus = 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'UNCONFIRMED' | 'RESET_REQUIRED';

/** An MFA a user can have (the names of UserMFASettingList). */
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** One user pool. */
export interface UserPoolConfig {
  /** `<region>_<name>`, such as `eu-west-2_LocalPool1`; SRP hashes the name, tokens carry the region in `iss`. */
  id: string;
  /** Users sign in with these attributes, and their username is a generated UUID equal to `sub`. */
  usernameAttributes?: UsernameAttribute[] | undefined;
  /** Users sign in with their username or these attributes (email and phone only once verified). Not with usernameAttributes. */
  aliasAttributes?: AliasAttribute[] | undefined;
  /** Whether usernames and aliases are matched case-sensitively: false by default, as the console creates pools. */
  usernameConfiguration?: { caseSensitive?: boolean | undefined } | undefined;
  /** Cognito's DeviceConfigurationType: when given, devices are remembered (NewDeviceMetadata, ConfirmDevice, device SRP). */
  deviceConfiguration?: DeviceConfiguration | undefined;
  /** OFF ignores users' MFA; ON asks every user (MFA_SETUP for those without one). Default OPTIONAL here (the API's is OFF). */
  mfaConfiguration?: MfaConfiguration | undefined;
  /** Cognito's default policy unless given: 8 characters, upper, lower, number and symbol; temporary passwords last 7 days. */
  passwordPolicy?: PasswordPolicy | undefined;
  /** USER_AUTH's first factors; PASSWORD (which offers PASSWORD and PASSWORD_SRP) must be one. Default ['PASSWORD']. */
  signInPolicy?: { allowedFirstAuthFactors?: FirstAuthFactor[] | undefined } | undefined;
  /** `iss` of the pool's tokens; default `https://cognito-idp.<region>.amazonaws.com/<id>`. No trailing slash. */
  issuer?: string | undefined;
  clients: AppClientConfig[];
  users?: UserConfig[] | undefined;
}

/** Cognito's DeviceConfigurationType. */
export interface DeviceConfiguration {
  /** Accepted and ignored: it matters with advanced security (adaptive authentication) only, which is not emulated. */
  ChallengeRequiredOnNewDevice?: boolean | undefined;
  /** true: ConfirmDevice answers UserConfirmationNecessary true, and the device is remembered once UpdateDeviceStatus says so. */
  DeviceOnlyRememberedOnUserPrompt?: boolean | undefined;
}

/** The pool's password policy (PasswordPolicyType, in lower camel case). */
export interface PasswordPolicy {
  /** 6 to 99; default 8. */
  minimumLength?: number | undefined;
  requireUppercase?: boolean | undefined;
  requireLowercase?: boolean | undefined;
  requireNumbers?: boolean | undefined;
  requireSymbols?: boolean | undefined;
  /** Days a temporary password (FORCE_CHANGE_PASSWORD) can be used; 0 to 365, default 7. */
  temporaryPasswordValidityDays?: number | undefined;
}

/** One app client of a pool. Client ids are unique across the instance: the public operations are routed by them. */
export interface AppClientConfig {
  /** ClientIdType: letters, digits, `_` and `+`, at most 128 (Cognito's are 26 lower-case letters and digits). */
  id: string;
  /** The client secret: SECRET_HASH is then required and checked. */
  secret?: string | undefined;
  name?: string | undefined;
  /** Default, as Cognito for a new client: ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_CUSTOM_AUTH. */
  explicitAuthFlows?: ExplicitAuthFlow[] | undefined;
  /** ENABLED (default here, as the console creates clients; the API's default is LEGACY) or LEGACY. */
  preventUserExistenceErrors?: 'ENABLED' | 'LEGACY' | undefined;
  /** RevokeToken works only when true (default). */
  enableTokenRevocation?: boolean | undefined;
  /** Minutes a challenge Session stays valid: 3 to 15, default 3. */
  authSessionValidity?: number | undefined;
}

/** A user the pool starts with. */
export interface UserConfig {
  /**
   * The username. In a pool with `usernameAttributes` it is what AdminCreateUser's Username is there: an e-mail
   * address or phone number, stored as that attribute (the username itself is then the generated `sub`); it may be
   * left out when `attributes` holds the e-mail or phone number.
   */
  username?: string | undefined;
  /** The password (for FORCE_CHANGE_PASSWORD, the temporary one). Kept only as an SRP salt and verifier. */
  password: string;
  /** A UUID; generated unless given. */
  sub?: string | undefined;
  /** Attributes (`email`, `phone_number`, `name`, `custom:*`, ...). An e-mail or phone number given here is verified unless `email_verified` / `phone_number_verified` says otherwise. */
  attributes?: Record<string, string> | undefined;
  /** CONFIRMED by default. */
  status?: UserStatus | undefined;
  /** true by default; a disabled user cannot sign in. */
  enabled?: boolean | undefined;
  /** `cognito:groups` of the user's tokens. */
  groups?: string[] | undefined;
  /** A base32 TOTP secret: SOFTWARE_TOKEN_MFA is set up (and preferred, unless `userMFASettingList` says otherwise). */
  totpSecret?: string | undefined;
  /** The MFA the user has enabled. SMS_MFA needs `phone_number`, EMAIL_OTP `email`, SOFTWARE_TOKEN_MFA `totpSecret`. */
  userMFASettingList?: MfaType[] | undefined;
  /** Which of `userMFASettingList` is asked; with two or more and none preferred, the user gets SELECT_MFA_TYPE. */
  preferredMfaSetting?: MfaType | undefined;
}

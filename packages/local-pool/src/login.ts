/**
 * A sign-in in progress and the challenges it waits on: who is signing in (or, for a name that is no user, a
 * phantom whose challenges no answer passes), through which client, and what it has proved so far.
 *
 * @module
 */
import type { ServerChallenge } from '@cognito-kit/srp/server';
import type { AuthFlow } from '@cognito-kit/request-builder';
import type { DeviceRecord } from './devices.js';
import type { AppClient } from './pool.js';
import type { UserRecord } from './users.js';

/** How the first factor was proved. */
export type FirstFactorKind = 'SRP' | 'PASSWORD' | 'OTP';

/** One sign-in. */
export interface Login {
  readonly client: AppClient;
  /** The user; undefined for a name that is no user (preventUserExistenceErrors ENABLED, or USER_AUTH): every answer fails. */
  readonly user: UserRecord | undefined;
  /** USER_ID_FOR_SRP: the user's username, or the phantom's UUID. */
  readonly userIdForSrp: string;
  /** The name the sign-in started with (USERNAME of InitiateAuth). */
  readonly signInName: string;
  readonly admin: boolean;
  readonly authFlow: AuthFlow;
  /** The DEVICE_KEY the client sent (AuthParameters, or the PASSWORD_VERIFIER answer). */
  readonly deviceKey: string | undefined;
  /** How the first factor was proved (SRP and PASSWORD until it is). */
  readonly firstFactor: FirstFactorKind;
  /** MFA was answered in this sign-in. */
  readonly mfaDone: boolean;
}

/** Where MFA_SETUP is: asked, then AssociateSoftwareToken gave a secret, then VerifySoftwareToken checked a code. */
export type MfaSetupStage = { readonly stage: 'asked' } | { readonly stage: 'associated' | 'verified'; readonly key: Uint8Array };

/** A code sent by SMS or e-mail: as MFA, or as USER_AUTH's first factor. */
export type CodeChallengeName = 'SMS_MFA' | 'EMAIL_OTP' | 'SMS_OTP';

/** A challenge waiting for its one answer; `kind` is the ChallengeName it was issued as. */
export type Pending =
  | { readonly kind: 'PASSWORD_VERIFIER'; readonly login: Login; readonly challenge: ServerChallenge }
  | { readonly kind: 'SELECT_CHALLENGE'; readonly login: Login; readonly available: readonly string[] }
  | { readonly kind: 'NEW_PASSWORD_REQUIRED'; readonly login: Login }
  | { readonly kind: CodeChallengeName; readonly login: Login; readonly code: string; readonly role: 'mfa' | 'first-factor' }
  | { readonly kind: 'SOFTWARE_TOKEN_MFA'; readonly login: Login }
  | { readonly kind: 'SELECT_MFA_TYPE'; readonly login: Login; readonly choices: readonly string[] }
  | { readonly kind: 'MFA_SETUP'; readonly login: Login; readonly setup: MfaSetupStage }
  | { readonly kind: 'DEVICE_SRP_AUTH'; readonly login: Login; readonly device: DeviceRecord }
  | { readonly kind: 'DEVICE_PASSWORD_VERIFIER'; readonly login: Login; readonly device: DeviceRecord; readonly challenge: ServerChallenge };

/** The pending challenge of one kind. */
export type PendingOf<Kind extends Pending['kind']> = Extract<Pending, { kind: Kind }>;

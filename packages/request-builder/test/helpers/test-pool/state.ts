/**
 * What the test pool keeps in memory: users (a salt and verifier for SRP, the password for the password flows),
 * sign-ins in progress by Session, devices, and the tokens it issued.
 *
 * @module
 */
import { SrpError, secretHash } from '@cognito-kit/srp';
import { createUserVerifier, type ServerChallenge } from '@cognito-kit/srp/server';
import type { FirstFactor, TestPoolConfig, TestPoolMfa } from '../test-pool.js';
import { base32Decode } from '../totp.js';
import { invalidParameter, notAuthorized } from './wire.js';

/** Cognito's default AuthSessionValidity: a challenge must be answered within 3 minutes (COGNITO-SERVER.md §6). */
export const SESSION_LIFETIME_MS = 3 * 60 * 1000;
/** AuthenticationResult.ExpiresIn: the default 1 h of ID and access tokens. */
export const TOKEN_LIFETIME_S = 3600;

/** A user as the pool keeps it. */
export interface UserRecord {
  readonly username: string;
  readonly aliases: readonly string[];
  password: string;
  /** SRP salt and verifier of the current password (server half). */
  srp: { salt: string; verifier: string };
  newPasswordRequired: { requiredAttributes: readonly string[] } | undefined;
  mfa: TestPoolMfa | undefined;
  /** FriendlyDeviceName given to VerifySoftwareToken, shown in SOFTWARE_TOKEN_MFA. */
  totpDeviceName: string;
  readonly firstFactors: readonly FirstFactor[];
  readonly emailOtpCode: string | undefined;
  readonly attributes: Readonly<Record<string, string>>;
}

/** One sign-in in progress. */
export interface Login {
  readonly user: UserRecord;
  /** The DEVICE_KEY the client sent (AuthParameters, or the PASSWORD_VERIFIER answer). */
  readonly deviceKey: string | undefined;
  /** The password was proved with SRP: only such logins get NewDeviceMetadata. */
  readonly srp: boolean;
}

/** Where MFA_SETUP is: challenged, then AssociateSoftwareToken gave a secret, then VerifySoftwareToken checked it. */
export type MfaSetupStage = { stage: 'challenged' } | { stage: 'associated' | 'verified'; secret: string };

/** A challenge waiting for its one answer. `kind` is the ChallengeName it was issued as. */
export type Pending =
  | { kind: 'PASSWORD_VERIFIER'; login: Login; challenge: ServerChallenge }
  | { kind: 'SELECT_CHALLENGE'; login: Login; available: readonly FirstFactor[] }
  | { kind: 'SMS_MFA' | 'EMAIL_OTP'; login: Login; code: string }
  | { kind: 'SOFTWARE_TOKEN_MFA'; login: Login; totpSecret: string }
  | { kind: 'SELECT_MFA_TYPE'; login: Login; smsCode: string; totpSecret: string }
  | { kind: 'MFA_SETUP'; login: Login; setup: MfaSetupStage }
  | { kind: 'NEW_PASSWORD_REQUIRED'; login: Login }
  | { kind: 'DEVICE_SRP_AUTH'; login: Login; device: ConfirmedDevice }
  | { kind: 'DEVICE_PASSWORD_VERIFIER'; login: Login; challenge: ServerChallenge; deviceKey: string };

/** A device issued in NewDeviceMetadata; ConfirmDevice adds its verifier. */
export interface DeviceRecord {
  readonly username: string;
  readonly deviceKey: string;
  readonly deviceGroupKey: string;
  verifierConfig: { Salt: string; PasswordVerifier: string } | undefined;
}
export type ConfirmedDevice = DeviceRecord & { verifierConfig: { Salt: string; PasswordVerifier: string } };

/** Who a token belongs to, and the device it is bound to (refresh then needs that DEVICE_KEY). */
export interface Grant {
  readonly username: string;
  readonly deviceKey: string | undefined;
}

/** The whole pool. */
export interface PoolState {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly deviceTracking: boolean;
  readonly now: () => Date;
  /** Users by username and by alias. */
  readonly names: ReadonlyMap<string, UserRecord>;
  readonly sessions: SessionStore;
  readonly devices: Map<string, DeviceRecord>;
  readonly accessTokens: Map<string, Grant>;
  readonly refreshTokens: Map<string, Grant>;
}

export function createState(config: TestPoolConfig): PoolState {
  const now = config.now ?? (() => new Date());
  const names = new Map<string, UserRecord>();
  for (const user of config.users) {
    const record = createUser(config.userPoolId, user);
    for (const name of [record.username, ...record.aliases]) {
      if (names.has(name)) throw new Error(`test pool: the name ${JSON.stringify(name)} is used twice`);
      names.set(name, record);
    }
  }
  return {
    userPoolId: config.userPoolId,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    deviceTracking: config.deviceTracking ?? false,
    now,
    names,
    sessions: new SessionStore(now),
    devices: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
  };
}

function createUser(userPoolId: string, user: TestPoolConfig['users'][number]): UserRecord {
  const firstFactors = user.firstFactors ?? ['PASSWORD_SRP', 'PASSWORD'];
  if (firstFactors.includes('EMAIL_OTP') && user.emailOtpCode === undefined) {
    throw new Error(`test pool: ${user.username} offers EMAIL_OTP without an emailOtpCode`);
  }
  const mfa = user.mfa;
  if (mfa !== undefined && (mfa.type === 'SOFTWARE_TOKEN_MFA' || mfa.type === 'SELECT_MFA_TYPE')) base32Decode(mfa.totpSecret);
  return {
    username: user.username,
    aliases: user.aliases ?? [],
    password: user.password,
    srp: createUserVerifier({ userPoolId, userIdForSrp: user.username, password: user.password }),
    newPasswordRequired:
      user.newPasswordRequired === undefined ? undefined : { requiredAttributes: user.newPasswordRequired.requiredAttributes ?? [] },
    mfa,
    totpDeviceName: 'TOTP device',
    firstFactors,
    emailOtpCode: user.emailOtpCode,
    attributes: user.attributes ?? {},
  };
}

/** Sets a user's password (NEW_PASSWORD_REQUIRED) and the SRP verifier that goes with it. */
export function setPassword(state: PoolState, user: UserRecord, password: string): void {
  user.password = password;
  user.srp = createUserVerifier({ userPoolId: state.userPoolId, userIdForSrp: user.username, password });
}

/**
 * Checks SECRET_HASH over `username` when the client has a secret. Missing and wrong get Cognito's two messages
 * (COGNITO-SERVER.md §2: the "configured with secret" one seen in 2023, and "Unable to verify secret hash").
 */
export function checkSecretHash(state: PoolState, username: string, given: string | undefined): void {
  if (state.clientSecret === undefined) return;
  if (given === undefined) throw notAuthorized(`Client ${state.clientId} is configured with secret but SECRET_HASH was not received`);
  if (given !== secretHash(username, state.clientId, state.clientSecret)) {
    throw notAuthorized(`Unable to verify secret hash for client ${state.clientId}`);
  }
}

/** Runs server-half code on client input: an SrpError (bad SRP_A, a malformed stored verifier) is the client's fault. */
export function srpMath<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SrpError) throw invalidParameter(`${error.field ?? 'SRP value'} is invalid: ${error.code}`);
    throw error;
  }
}

/** `bytes` random bytes as base64url: opaque Sessions, tokens and device group keys. */
export function randomToken(bytes: number): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...random)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface SessionEntry {
  readonly pending: Pending;
  readonly keys: readonly string[];
  readonly expiresAt: number;
}

/**
 * Challenges waiting for an answer, each findable by its Session and by other keys (the SECRET_BLOCK of a
 * PASSWORD_VERIFIER, which real Cognito sends without a Session). Taking one removes it: one answer, right or wrong.
 */
export class SessionStore {
  private readonly entries = new Map<string, SessionEntry>();

  constructor(private readonly now: () => Date) {}

  /** Stores `pending` under a fresh opaque Session (returned) and under `otherKeys`. */
  issue(pending: Pending, otherKeys: readonly string[] = []): string {
    const session = randomToken(48);
    this.put(pending, [session, ...otherKeys]);
    return session;
  }

  /** Stores `pending` under `keys` only (no Session). */
  put(pending: Pending, keys: readonly string[]): void {
    const entry = { pending, keys, expiresAt: this.now().getTime() + SESSION_LIFETIME_MS };
    for (const key of keys) this.entries.set(key, entry);
  }

  /**
   * Removes and returns the challenge stored under `key`; undefined when there is none (never issued, or already
   * answered).
   *
   * @throws {CognitoError} NotAuthorizedException "Invalid session for the user, session is expired." after 3 minutes
   */
  take(key: string): Pending | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    for (const other of entry.keys) this.entries.delete(other);
    if (this.now().getTime() > entry.expiresAt) throw notAuthorized('Invalid session for the user, session is expired.');
    return entry.pending;
  }
}

/** The key a PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER is also stored under. */
export const secretBlockKey = (secretBlock: string): string => `SECRET_BLOCK ${secretBlock}`;
/** The key a DEVICE_SRP_AUTH is also stored under, for clients that answer it without a Session. */
export const deviceKeyKey = (deviceKey: string): string => `DEVICE_KEY ${deviceKey}`;

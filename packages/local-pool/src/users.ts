/**
 * The users of a pool as it holds them (a salt and SRP verifier, never the password) and the directory that finds
 * them by any name they sign in with.
 *
 * @module
 */
import { createUserVerifier } from '@cognito-kit/srp/server';
import type { MfaType, UserConfig, UserStatus } from './config.js';
import { seedAttributes } from './config-users.js';
import { nameKey, signInAliases, type NamingRules } from './names.js';
import type { Randomness } from './random.js';
import { base32Decode } from './totp.js';

/** The TOTP authenticator a user set up. */
export interface TotpDevice {
  readonly key: Uint8Array;
  /** FRIENDLY_DEVICE_NAME of SOFTWARE_TOKEN_MFA. */
  readonly deviceName: string;
}

/** A user's MFA: what is enabled, what is preferred, and the TOTP key. */
export interface MfaSettings {
  enabled: MfaType[];
  preferred: MfaType | undefined;
  totp: TotpDevice | undefined;
  /** A key AssociateSoftwareToken (with an access token) gave, until VerifySoftwareToken checks a code of it. */
  associatedKey: Uint8Array | undefined;
}

/** A user as the pool holds it. */
export interface UserRecord {
  /** The internal username: USER_ID_FOR_SRP, `cognito:username`. In pools with usernameAttributes, equal to `sub`. */
  readonly username: string;
  readonly sub: string;
  /** Every attribute but `sub`. */
  attributes: Record<string, string>;
  status: UserStatus;
  enabled: boolean;
  readonly groups: readonly string[];
  /** The SRP salt (hex) and verifier (hex) of the current password. */
  srp: { readonly salt: string; readonly verifier: string };
  /** When the password was set: a temporary password expires after the policy's days. */
  passwordSetAt: Date;
  mfa: MfaSettings;
  readonly createdAt: Date;
  modifiedAt: Date;
}

/** FRIENDLY_DEVICE_NAME when none was given. */
const DEFAULT_TOTP_DEVICE_NAME = 'TOTP device';

/** What a pool's directory needs. */
export interface DirectoryContext {
  readonly userPoolId: string;
  readonly rules: NamingRules;
  readonly random: Randomness;
}

/** The users of one pool, found by username, `sub` or sign-in alias. */
export class UserDirectory {
  private readonly byName = new Map<string, UserRecord>();
  private readonly namesOf = new Map<UserRecord, readonly string[]>();
  private readonly bySubs = new Map<string, UserRecord>();

  constructor(private readonly context: DirectoryContext) {}

  /** The user a name signs in as: its username, or a sign-in alias. */
  find(name: string): UserRecord | undefined {
    return this.byName.get(nameKey(name, this.context.rules.caseSensitive));
  }

  /** The user of a `sub`. */
  bySub(sub: string): UserRecord | undefined {
    return this.bySubs.get(sub);
  }

  /** Every user, in the order they were added. */
  all(): UserRecord[] {
    return [...this.bySubs.values()];
  }

  /** The first of `names` another user than `except` signs in as, or undefined. */
  taken(names: readonly string[], except?: UserRecord): string | undefined {
    return names.find((name) => {
      const holder = this.find(name);
      return holder !== undefined && holder !== except;
    });
  }

  /** The names `user` signs in as: its username (unless it is a generated one) and its aliases. */
  namesFor(username: string, attributes: Readonly<Record<string, string>>): string[] {
    const own = this.context.rules.usernameAttributes.length > 0 ? [] : [username];
    return [...own, ...signInAliases(this.context.rules, attributes)];
  }

  /** Adds a user whose names were checked with {@link taken}. */
  add(user: UserRecord): void {
    this.bySubs.set(user.sub, user);
    this.index(user);
  }

  /** Re-reads a user's sign-in names after its attributes changed. */
  index(user: UserRecord): void {
    for (const key of this.namesOf.get(user) ?? []) this.byName.delete(key);
    const { caseSensitive } = this.context.rules;
    // The username always finds the user (AdminGetUser, SECRET_HASH names), as do its aliases.
    const keys = [user.username, ...this.namesFor(user.username, user.attributes)].map((name) => nameKey(name, caseSensitive));
    for (const key of keys) this.byName.set(key, user);
    this.namesOf.set(user, keys);
  }

  /** The salt and verifier of `password` for `user`: a new random salt. */
  verifierFor(username: string, password: string): { salt: string; verifier: string } {
    return createUserVerifier({ userPoolId: this.context.userPoolId, userIdForSrp: username, password, ...this.context.random.source });
  }

  /**
   * Whether `password` is the user's: its verifier, recomputed with the stored salt, is the stored one (the plain
   * password is never kept).
   */
  checkPassword(user: UserRecord, password: string): boolean {
    const salt = hexToBytes(user.srp.salt);
    const { verifier } = createUserVerifier({ userPoolId: this.context.userPoolId, userIdForSrp: user.username, password, randomBytes: () => salt });
    return equalStrings(verifier, user.srp.verifier);
  }
}

/** A user's MFA settings from its config: a TOTP secret alone means SOFTWARE_TOKEN_MFA, set up and preferred. */
function mfaOf(config: UserConfig): MfaSettings {
  const key = config.totpSecret === undefined ? undefined : base32Decode(config.totpSecret);
  const enabled = config.userMFASettingList ?? (key === undefined ? [] : ['SOFTWARE_TOKEN_MFA']);
  const preferred = config.preferredMfaSetting ?? (config.userMFASettingList === undefined && key !== undefined ? 'SOFTWARE_TOKEN_MFA' : undefined);
  return { enabled: [...enabled], preferred, totp: key === undefined ? undefined : { key, deviceName: DEFAULT_TOTP_DEVICE_NAME }, associatedKey: undefined };
}

/**
 * A new user from a checked config entry (or AdminCreateUser's, made into one). `seeded` users' e-mail and phone are
 * taken as verified unless said otherwise; AdminCreateUser's keep only what was given.
 *
 * @example
 * ```ts
 * const user = newUser(directory, context, { username: 'alice', password: 'Correct horse 1!' }, now, { seeded: true });
 * directory.add(user);
 * ```
 */
export function newUser(directory: UserDirectory, context: DirectoryContext, config: UserConfig, now: Date, options: { seeded: boolean }): UserRecord {
  const sub = config.sub ?? context.random.uuid();
  const byAttribute = context.rules.usernameAttributes.length > 0;
  const attributes = seedAttributes(config, context.rules);
  if (!options.seeded) {
    // AdminCreateUser: no address is verified unless the request says so.
    if (config.attributes?.email_verified === undefined) delete attributes.email_verified;
    if (config.attributes?.phone_number_verified === undefined) delete attributes.phone_number_verified;
  }
  const username = byAttribute ? sub : (config.username ?? sub);
  return {
    username,
    sub,
    attributes,
    status: config.status ?? 'CONFIRMED',
    enabled: config.enabled ?? true,
    groups: [...(config.groups ?? [])],
    srp: directory.verifierFor(username, config.password),
    passwordSetAt: now,
    mfa: mfaOf(config),
    createdAt: now,
    modifiedAt: now,
  };
}

function hexToBytes(hex: string): Uint8Array {
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  const out = new Uint8Array(even.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(even.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Compares without an early exit. */
function equalStrings(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The users of a pool's config: each member checked, then what only the whole list can say (a username, `sub` or
 * sign-in alias given twice).
 *
 * @module
 */
import { SHAPES } from '@cognito-kit/request-builder';
import { attributeProblem } from './attributes.js';
import type { MfaConfiguration, MfaType, UserConfig, UserStatus } from './config.js';
import { ConfigReader, memberPath, type JsonObject } from './config-reader.js';
import { nameKey, signInAliases, usernameAttributeOf, type NamingRules } from './names.js';
import { passwordProblems, type EffectivePasswordPolicy } from './password-policy.js';
import { base32Decode } from './totp.js';

/** What a user's checks need to know of its pool. */
export interface PoolRules extends NamingRules {
  readonly policy: EffectivePasswordPolicy;
  readonly mfaConfiguration: MfaConfiguration;
}

const USER_MEMBERS = [
  'username', 'password', 'sub', 'attributes', 'status', 'enabled', 'groups', 'totpSecret', 'userMFASettingList', 'preferredMfaSetting',
] as const;
const STATUSES: readonly UserStatus[] = ['CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'UNCONFIRMED', 'RESET_REQUIRED'];
const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];
/** The attribute each MFA sends its code to. */
const MFA_NEEDS: Readonly<Record<MfaType, string>> = { SMS_MFA: 'phone_number', EMAIL_OTP: 'email', SOFTWARE_TOKEN_MFA: 'totpSecret' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const GROUP_NAME = { name: 'GroupNameType', min: 1, max: 128, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, patternText: 'letters, marks, symbols, numbers and punctuation' };

/**
 * Reads one user; the problems go to `reader`.
 *
 * @example
 * ```ts
 * const user = readUser(reader, json, 'userPools[0].users[0]', rules);
 * ```
 */
export function readUser(reader: ConfigReader, value: unknown, path: string, rules: PoolRules): UserConfig | undefined {
  const json = reader.object(value, path, USER_MEMBERS);
  if (json === undefined) return undefined;
  const at = (member: string): string => memberPath(path, member);
  const byAttribute = rules.usernameAttributes.length > 0;
  const username = reader.string(json.username, at('username'), SHAPES.UsernameType, !byAttribute);
  const password = reader.string(json.password, at('password'), SHAPES.PasswordType, true);
  if (password !== undefined) {
    const problems = passwordProblems(password, rules.policy);
    if (problems.length > 0) reader.add('WEAK_PASSWORD', at('password'), `does not meet the pool's password policy: ${problems.join('; ')}`);
  }
  const sub = reader.string(json.sub, at('sub'), { name: 'a lower-case UUID', pattern: UUID, patternText: 'a lower-case UUID' });
  const attributes = readAttributes(reader, json.attributes, at('attributes'));
  const user: UserConfig = { password: password ?? '' };
  if (username !== undefined) user.username = username;
  if (sub !== undefined) user.sub = sub;
  if (attributes !== undefined) user.attributes = attributes;
  if (byAttribute) checkUsernameAttribute(reader, username, attributes ?? {}, path, rules);
  const status = reader.oneOf(json.status, at('status'), STATUSES);
  if (status !== undefined) user.status = status;
  const enabled = reader.boolean(json.enabled, at('enabled'));
  if (enabled !== undefined) user.enabled = enabled;
  const groups = reader.list(json.groups, at('groups'), (item, itemPath) => reader.string(item, itemPath, GROUP_NAME));
  if (groups !== undefined) user.groups = groups;
  readMfa(reader, json, path, rules, user);
  return password === undefined ? undefined : user;
}

/** `attributes`: an object of strings, each a known attribute with a value of its kind. */
function readAttributes(reader: ConfigReader, value: unknown, path: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  // Any name is a member here: the names are checked one by one below.
  const json = reader.object(value, path, 'any');
  if (json === undefined) return undefined;
  const attributes: Record<string, string> = {};
  for (const [name, entry] of Object.entries(json)) {
    const entryPath = memberPath(path, name);
    if (typeof entry !== 'string') {
      reader.add('INVALID_TYPE', entryPath, 'must be a string (Cognito stores every attribute as a string)');
      continue;
    }
    const problem = attributeProblem(name, entry);
    if (problem !== undefined) reader.add('INVALID_VALUE', entryPath, problem);
    else Object.defineProperty(attributes, name, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return attributes;
}

/** In a pool with usernameAttributes: the username is an e-mail or phone number that agrees with the attributes. */
function checkUsernameAttribute(reader: ConfigReader, username: string | undefined, attributes: Readonly<Record<string, string>>, path: string, rules: PoolRules): void {
  if (username === undefined) {
    if (!rules.usernameAttributes.some((name) => attributes[name] !== undefined)) {
      reader.add('REQUIRED', memberPath(path, 'username'), `is required, or ${rules.usernameAttributes.join(' or ')} in attributes: users of this pool sign in with it`);
    }
    return;
  }
  const fits = usernameAttributeOf(rules.usernameAttributes, username);
  if ('problem' in fits) {
    reader.add('INVALID_VALUE', memberPath(path, 'username'), `${fits.problem} (the pool signs in with ${rules.usernameAttributes.join(' or ')}; its usernames are generated UUIDs)`);
    return;
  }
  const given = attributes[fits.attribute];
  if (given !== undefined && given !== username) {
    const kind = fits.attribute === 'email' ? 'email' : 'phone number';
    reader.add('CONFLICT', memberPath(memberPath(path, 'attributes'), fits.attribute), `User ${kind} should be empty or same as username, since username attribute is ${fits.attribute}`);
  }
}

/** totpSecret, userMFASettingList and preferredMfaSetting, and what each MFA needs. */
function readMfa(reader: ConfigReader, json: JsonObject, path: string, rules: PoolRules, user: UserConfig): void {
  const at = (member: string): string => memberPath(path, member);
  const totpSecret = reader.string(json.totpSecret, at('totpSecret'), { name: 'base32', min: 1, max: 1024, sensitive: true });
  if (totpSecret !== undefined) {
    if (base32Decode(totpSecret) === undefined) reader.add('INVALID_VALUE', at('totpSecret'), 'must be base32 (RFC 4648: A-Z and 2-7, padding optional)');
    else user.totpSecret = totpSecret;
  }
  const list = reader.list(json.userMFASettingList, at('userMFASettingList'), (item, itemPath) => reader.oneOf(item, itemPath, MFA_TYPES));
  if (list !== undefined) user.userMFASettingList = list;
  const preferred = reader.oneOf(json.preferredMfaSetting, at('preferredMfaSetting'), MFA_TYPES);
  if (preferred !== undefined) user.preferredMfaSetting = preferred;
  const enabled = list ?? (totpSecret === undefined ? [] : ['SOFTWARE_TOKEN_MFA']);
  if (preferred !== undefined && !enabled.includes(preferred)) reader.add('CONFLICT', at('preferredMfaSetting'), `is not in userMFASettingList`);
  const attributes = seedAttributes(user, rules);
  enabled.forEach((type, index) => {
    const needs = MFA_NEEDS[type];
    const has = type === 'SOFTWARE_TOKEN_MFA' ? json.totpSecret !== undefined : attributes[needs] !== undefined;
    if (!has) reader.add('CONFLICT', list === undefined ? at('totpSecret') : `${at('userMFASettingList')}[${index}]`, `${type} needs ${needs === 'totpSecret' ? 'totpSecret' : `the ${needs} attribute`}`);
  });
  if (enabled.length > 0 && rules.mfaConfiguration === 'OFF') {
    reader.add('CONFLICT', list === undefined ? at('totpSecret') : at('userMFASettingList'), 'sets up MFA in a pool whose mfaConfiguration is OFF');
  }
}

/**
 * The attributes a config user starts with: its `attributes`, the e-mail or phone number its username is in a pool
 * with usernameAttributes, and `email_verified` / `phone_number_verified` true unless given (a seeded user's
 * address is taken as verified, so aliases work at once).
 *
 * @example
 * ```ts
 * seedAttributes({ username: 'alice@example.com', password: '…' }, rules); // { email: 'alice@example.com', email_verified: 'true' }
 * ```
 */
export function seedAttributes(user: UserConfig, rules: NamingRules): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(user.attributes ?? {})) {
    Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
  }
  if (rules.usernameAttributes.length > 0 && user.username !== undefined) {
    const fits = usernameAttributeOf(rules.usernameAttributes, user.username);
    if ('attribute' in fits) attributes[fits.attribute] ??= user.username;
  }
  if (attributes.email !== undefined) attributes.email_verified ??= 'true';
  if (attributes.phone_number !== undefined) attributes.phone_number_verified ??= 'true';
  return attributes;
}

/**
 * What only the whole list of a pool's users can say: a username, `sub` or sign-in alias used twice.
 *
 * @example
 * ```ts
 * checkUniqueUsers(reader, [{ user, path: 'userPools[0].users[0]' }], rules);
 * ```
 */
export function checkUniqueUsers(reader: ConfigReader, users: readonly { user: UserConfig; path: string }[], rules: NamingRules): void {
  const names = new Map<string, string>();
  const subs = new Set<string>();
  for (const { user, path } of users) {
    if (user.sub !== undefined) {
      if (subs.has(user.sub)) reader.add('DUPLICATE', memberPath(path, 'sub'), 'is the sub of another user');
      subs.add(user.sub);
    }
    const own = rules.usernameAttributes.length > 0 ? [] : [user.username ?? ''];
    const taken = new Set<string>();
    for (const name of [...own, ...signInAliases(rules, seedAttributes(user, rules))]) {
      const key = nameKey(name, rules.caseSensitive);
      if (taken.has(key)) continue;
      taken.add(key);
      const other = names.get(key);
      if (other !== undefined) reader.add('DUPLICATE', path, `signs in as ${JSON.stringify(name)}, as ${other} does`);
      else names.set(key, path);
    }
  }
}

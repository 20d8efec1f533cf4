/**
 * How a pool names its users: the username (a generated UUID, equal to `sub`, in pools with `usernameAttributes`),
 * the other names a user signs in with (the username attributes, or the alias attributes once verified), and how
 * names are compared (case-insensitively unless the pool says otherwise).
 *
 * @module
 */
import { isEmail } from './attributes.js';
import type { AliasAttribute, UsernameAttribute } from './config.js';

/** The naming settings of a pool. */
export interface NamingRules {
  readonly usernameAttributes: readonly UsernameAttribute[];
  readonly aliasAttributes: readonly AliasAttribute[];
  readonly caseSensitive: boolean;
}

/**
 * The key a name is looked up by: the name itself, or lower case in a case-insensitive pool.
 *
 * @example
 * ```ts
 * nameKey('Alice@Example.com', false); // 'alice@example.com'
 * ```
 */
export function nameKey(name: string, caseSensitive: boolean): string {
  return caseSensitive ? name : name.toLowerCase();
}

/**
 * The names a user signs in with besides the username: each username attribute it has, or each alias attribute it
 * has (an e-mail or phone alias only once verified, as in Cognito).
 *
 * @example
 * ```ts
 * signInAliases({ usernameAttributes: ['email'], aliasAttributes: [], caseSensitive: false }, { email: 'a@example.com' }); // ['a@example.com']
 * ```
 */
export function signInAliases(rules: NamingRules, attributes: Readonly<Record<string, string>>): string[] {
  const names: string[] = [];
  for (const name of rules.usernameAttributes) {
    const value = attributes[name];
    if (value !== undefined) names.push(value);
  }
  for (const name of rules.aliasAttributes) {
    const value = attributes[name];
    const verified = name === 'preferred_username' || attributes[`${name}_verified`] === 'true';
    if (value !== undefined && verified) names.push(value);
  }
  return names;
}

/**
 * The attributes of a new user in a pool with `usernameAttributes`, given the name it was created with (the
 * Username of AdminCreateUser, the `username` of the config): that name is the e-mail address or the phone number.
 * Returns the attribute it fills, or Cognito's message for a name that fits none.
 *
 * @example
 * ```ts
 * usernameAttributeOf(['email'], 'alice'); // { problem: 'Username should be an email.' }
 * ```
 */
export function usernameAttributeOf(
  usernameAttributes: readonly UsernameAttribute[],
  name: string,
): { attribute: UsernameAttribute } | { problem: string } {
  const attribute = usernameAttributes.find((candidate) => (candidate === 'email' ? isEmail(name) : /^\+[0-9]{4,15}$/.test(name)));
  if (attribute !== undefined) return { attribute };
  if (usernameAttributes.length > 1) return { problem: 'Username should be either an email or a phone number.' };
  return { problem: usernameAttributes[0] === 'email' ? 'Username should be an email.' : 'Username should be a phone number.' };
}

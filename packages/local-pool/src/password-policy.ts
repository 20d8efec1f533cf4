/**
 * The pool's password policy, checked as Cognito checks it: PasswordPolicyType's rules with Cognito's defaults and
 * Cognito's messages for each rule a password breaks.
 *
 * @module
 */
import type { PasswordPolicy } from './config.js';

/** A password policy with every member set. */
export type EffectivePasswordPolicy = { readonly [Key in keyof PasswordPolicy]-?: Exclude<PasswordPolicy[Key], undefined> };

/** Cognito's default policy for a new pool: 8 characters, upper and lower case, a number and a symbol; 7 days. */
export const DEFAULT_PASSWORD_POLICY: EffectivePasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
};

/**
 * The characters Cognito counts as symbols (developer guide, "Adding user pool password requirements"), plus a space
 * that is neither leading nor trailing.
 */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-');

/**
 * The policy with Cognito's default for every member not given.
 *
 * @example
 * ```ts
 * effectivePolicy({ minimumLength: 12 }).requireSymbols; // true
 * ```
 */
export function effectivePolicy(policy: PasswordPolicy | undefined): EffectivePasswordPolicy {
  return {
    minimumLength: policy?.minimumLength ?? DEFAULT_PASSWORD_POLICY.minimumLength,
    requireUppercase: policy?.requireUppercase ?? DEFAULT_PASSWORD_POLICY.requireUppercase,
    requireLowercase: policy?.requireLowercase ?? DEFAULT_PASSWORD_POLICY.requireLowercase,
    requireNumbers: policy?.requireNumbers ?? DEFAULT_PASSWORD_POLICY.requireNumbers,
    requireSymbols: policy?.requireSymbols ?? DEFAULT_PASSWORD_POLICY.requireSymbols,
    temporaryPasswordValidityDays: policy?.temporaryPasswordValidityDays ?? DEFAULT_PASSWORD_POLICY.temporaryPasswordValidityDays,
  };
}

/**
 * What the policy says about a password: Cognito's message for each rule it breaks ("Password not long enough",
 * "Password must have uppercase characters", ...), in that order; empty when the password is acceptable. The length
 * is counted in code points.
 *
 * @example
 * ```ts
 * passwordProblems('short', DEFAULT_PASSWORD_POLICY)[0]; // 'Password not long enough'
 * ```
 */
export function passwordProblems(password: string, policy: EffectivePasswordPolicy): string[] {
  const characters = [...password];
  const problems: string[] = [];
  if (characters.length < policy.minimumLength) problems.push('Password not long enough');
  if (policy.requireUppercase && !/\p{Lu}/u.test(password)) problems.push('Password must have uppercase characters');
  if (policy.requireLowercase && !/\p{Ll}/u.test(password)) problems.push('Password must have lowercase characters');
  if (policy.requireNumbers && !/[0-9]/.test(password)) problems.push('Password must have numeric characters');
  const inner = characters.slice(1, -1);
  if (policy.requireSymbols && !characters.some((c) => SYMBOLS.has(c)) && !inner.includes(' ')) {
    problems.push('Password must have symbol characters');
  }
  return problems;
}

/**
 * User attributes as a pool holds them: which names exist (the standard OpenID Connect attributes Cognito knows, and
 * `custom:*`), which values each takes, and how a code's destination is shown masked.
 *
 * @module
 */

/** The standard attributes of a Cognito user pool (besides `sub`, which the pool sets). */
export const STANDARD_ATTRIBUTES: ReadonlySet<string> = new Set([
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale', 'middle_name',
  'name', 'nickname', 'phone_number', 'phone_number_verified', 'picture', 'preferred_username', 'profile',
  'updated_at', 'website', 'zoneinfo',
]);

/** The longest attribute value (AttributeValueType, 2,048 characters). */
export const MAX_ATTRIBUTE_VALUE_LENGTH = 2048;

/** A custom attribute's name after `custom:`: 1 to 20 characters (CustomAttributeNameType). */
const CUSTOM_NAME = /^custom:[\w.:-]{1,20}$/;
/** An e-mail address, as loosely as Cognito checks it: something, `@`, something with no space. */
const EMAIL = /^[^@\s]+@[^@\s]+$/;
/** E.164: `+`, then the country code and number, digits only. */
const PHONE_NUMBER = /^\+[0-9]{4,15}$/;

/**
 * What is wrong with an attribute `name` = `value`, in Cognito's words, or undefined when nothing is. `sub` is
 * refused: the pool sets it.
 *
 * @example
 * ```ts
 * attributeProblem('phone_number', '07700 900123'); // 'Invalid phone number format.'
 * ```
 */
export function attributeProblem(name: string, value: string): string | undefined {
  if (name === 'sub') return 'sub is set by the user pool and cannot be given';
  if (!STANDARD_ATTRIBUTES.has(name) && !CUSTOM_NAME.test(name)) return `${name}: Attribute does not exist in the schema.`;
  if ([...value].length > MAX_ATTRIBUTE_VALUE_LENGTH) return `${name}: the value is longer than ${MAX_ATTRIBUTE_VALUE_LENGTH} characters`;
  if (name === 'email' && !EMAIL.test(value)) return 'Invalid email address format.';
  if (name === 'phone_number' && !PHONE_NUMBER.test(value)) return 'Invalid phone number format.';
  if ((name === 'email_verified' || name === 'phone_number_verified') && value !== 'true' && value !== 'false') {
    return `${name} must be true or false`;
  }
  return undefined;
}

/**
 * Whether `value` is an e-mail address (for a pool whose users sign in with `email`).
 *
 * @example
 * ```ts
 * isEmail('alice@example.com'); // true
 * ```
 */
export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/**
 * Whether `value` is an E.164 phone number (for a pool whose users sign in with `phone_number`).
 *
 * @example
 * ```ts
 * isPhoneNumber('+447700900123'); // true
 * ```
 */
export function isPhoneNumber(value: string): boolean {
  return PHONE_NUMBER.test(value);
}

/**
 * A destination as Cognito shows it in CODE_DELIVERY_DESTINATION: `+*******0123` for a phone, `a***@e***` for an
 * e-mail address.
 *
 * @example
 * ```ts
 * maskDestination('EMAIL', 'alice@example.com'); // 'a***@e***'
 * ```
 */
export function maskDestination(medium: 'SMS' | 'EMAIL', value: string): string {
  if (medium === 'SMS') return `+*******${value.slice(-4)}`;
  const at = value.lastIndexOf('@');
  return `${value.charAt(0)}***@${value.charAt(at + 1)}***`;
}

/**
 * Size limits on what the server (or a man in the middle) sends, checked before anything is parsed, so a hostile
 * challenge costs microseconds however large it is.
 *
 * - SRP_B (and SRP_A on the server half): B = (k·v + g^b) mod N is below N, whose hex has 768 digits. Clients pad in
 *   different ways (Java's toByteArray adds a `00` sign byte: 770 digits; some pad to a whole word), so up to 1,024
 *   digits are read; anything longer cannot be an honest value.
 * - SALT: Cognito's salts are 16 bytes (32 hex digits, 34 with a sign byte; 128 digits is the longest in any test
 *   vector). It is only hashed, so the bound is generous: 1,024 digits.
 * - SECRET_BLOCK: opaque base64 (a few KB from Cognito). The service model types every ChallengeParameters value,
 *   and the PASSWORD_CLAIM_SECRET_BLOCK it is echoed in, as StringType: at most 131,072 characters. A longer one could
 *   not be sent back, so it is refused.
 * - USER_ID_FOR_SRP, USERNAME and DEVICE_KEY of a challenge: StringType as well, at most 131,072 characters.
 *
 * @module
 */
import { SrpError } from './errors.js';

/** Longest SRP_B / SRP_A read: 768 hex digits of a value below N, plus slack for leading zeros. */
export const MAX_SRP_PUBLIC_VALUE_DIGITS = 1024;
/** Longest SALT read, in hex digits. */
export const MAX_SALT_DIGITS = 1024;
/** Longest ChallengeParameters value (the model's StringType), in characters. */
export const MAX_CHALLENGE_STRING_LENGTH = 131_072;

/**
 * Refuses `text` when it has more than `max` characters (UTF-16 units, or code points for the model's StringType:
 * a string of at most `max` units never has more than `max` code points, one of more than 2·max always has).
 *
 * @throws {SrpError} `INPUT_TOO_LARGE`
 */
export function assertMaxLength(text: unknown, max: number, field: string, unit: 'digits' | 'characters'): void {
  if (typeof text !== 'string' || text.length <= max) return;
  if (unit === 'characters' && text.length <= 2 * max && codePoints(text) <= max) return;
  throw new SrpError('INPUT_TOO_LARGE', `${field} is longer than ${max} ${unit}: refused before parsing`, field);
}

/** Code points, as the string iterator counts them: a surrogate pair is one, a lone surrogate is one too. */
function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

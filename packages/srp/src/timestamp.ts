/**
 * The TIMESTAMP of a PASSWORD_VERIFIER answer. Cognito parses it with Java's `EEE MMM d HH:mm:ss z yyyy` in English
 * and signs the exact string, so locale, a zero-padded day or a zone other than UTC each fail the login.
 *
 * @module
 */
import { SrpError } from './errors.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Formats an instant as Cognito's TIMESTAMP: English weekday and month, UTC, day of month not padded, 24-hour
 * `HH:mm:ss`, the literal zone `UTC`, then the year. Milliseconds are dropped (truncated, never rounded).
 *
 * @param date - the instant to sign; usually `new Date()`
 * @returns for example `"Tue Nov 3 05:07:08 UTC 2026"`
 * @throws {SrpError} `INVALID_DATE` when `date` is not a `Date` or is an invalid one
 * @example
 * ```ts
 * import { formatTimestamp } from '@cognito-kit/srp';
 * formatTimestamp(new Date(Date.UTC(2026, 10, 3, 5, 7, 8, 999))); // 'Tue Nov 3 05:07:08 UTC 2026'
 * ```
 */
export function formatTimestamp(date: Date): string {
  const time = timeOf(date);
  if (Number.isNaN(time)) {
    throw new SrpError('INVALID_DATE', 'the timestamp must be a valid Date', 'now');
  }
  return formatInstant(new Date(time));
}

/**
 * The instant of a `Date`, read through `Date.prototype.getTime` (so a `Date` of another realm works and an object
 * that only inherits from `Date.prototype`, or overrides `getTime`, cannot lie); NaN for anything else. Internal:
 * every `Date` this package takes from a caller (TIMESTAMP's instant, the server half's `now`) is read through it.
 *
 * @example
 * ```ts
 * timeOf(new Date(0));                    // 0
 * timeOf(vm.runInNewContext('new Date(0)')); // 0: a Date of another realm
 * timeOf(Object.create(Date.prototype));  // NaN: no [[DateValue]]
 * ```
 */
export function timeOf(date: unknown): number {
  try {
    return Date.prototype.getTime.call(date);
  } catch {
    return NaN; // not a Date (a primitive, null, a look-alike): no [[DateValue]] slot
  }
}

/**
 * The fields come from `toUTCString`, which ECMA-262 (since 2018) fixes as `Www, DD Mmm YYYY HH:mm:ss GMT` in English
 * whatever the locale (never toLocaleString, whose output depends on the runtime's locale data). Its day is padded
 * and its year padded to four digits; Cognito's are not, so both are written from numbers.
 */
function formatInstant(date: Date): string {
  const [weekday, , month, , time] = date.toUTCString().split(' ');
  return `${weekday!.slice(0, 3)} ${month} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}

const TIMESTAMP_PATTERN = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]\d?) (\d\d):(\d\d):(\d\d) UTC (\d{4})$/;

/**
 * Reads a TIMESTAMP back into a `Date`, strictly: it must be exactly what {@link formatTimestamp} writes for
 * that instant (right weekday, unpadded day, `UTC`). Returns `undefined` otherwise. The server half uses it.
 *
 * @example
 * ```ts
 * import { parseTimestamp } from '@cognito-kit/srp';
 * parseTimestamp('Tue Nov 3 05:07:08 UTC 2026')?.toISOString(); // '2026-11-03T05:07:08.000Z'
 * parseTimestamp('Tue Nov 03 05:07:08 UTC 2026');               // undefined: padded day
 * ```
 */
export function parseTimestamp(text: string): Date | undefined {
  if (typeof text !== 'string') return undefined;
  const match = TIMESTAMP_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, , monthName, day, hours, minutes, seconds, year] = match;
  const month = MONTHS.indexOf(monthName as (typeof MONTHS)[number]);
  const date = new Date(Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes), Number(seconds)));
  date.setUTCFullYear(Number(year)); // Date.UTC maps years 0-99 to 1900-1999
  return formatTimestamp(date) === text ? date : undefined;
}

/**
 * Whether `value` is a valid `Date`: of this realm or another (an iframe, a `vm` context, a test runner's replaced
 * `Date`), not an object that only inherits from `Date.prototype`, and not an invalid Date. The one check every
 * package of cognito-kit applies to a `now` it is given.
 *
 * @example
 * ```ts
 * import { isValidDate } from '@cognito-kit/srp';
 * isValidDate(new Date());                       // true
 * isValidDate(new Date(NaN));                    // false
 * isValidDate(Object.create(Date.prototype));    // false
 * ```
 */
export function isValidDate(value: unknown): value is Date {
  return !Number.isNaN(timeOf(value));
}

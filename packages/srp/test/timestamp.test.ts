// TIMESTAMP: Java's "EEE MMM d HH:mm:ss z yyyy" in English, UTC, checked on the edges where other clients broke;
// in every runtime. The comparison with amazon-cognito-identity-js's DateHelper (CommonJS) and the TZ check are in
// timestamp.node.test.ts.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { SrpError, formatTimestamp, parseTimestamp } from '../src/index.js';

const at = (iso: string) => new Date(iso);
// Instants from 1970 to 9999: the reference and Java agree on four-digit years.
const instant = fc.integer({ min: 0, max: 253402300799999 }).map((ms) => new Date(ms));

describe('formatTimestamp', () => {
  it.each([
    ['2026-11-03T05:07:08.000Z', 'Tue Nov 3 05:07:08 UTC 2026'],
    ['2000-02-01T03:04:05.000Z', 'Tue Feb 1 03:04:05 UTC 2000'],
    ['2026-03-01T00:00:00.000Z', 'Sun Mar 1 00:00:00 UTC 2026'],
    ['2025-10-10T10:10:10.000Z', 'Fri Oct 10 10:10:10 UTC 2025'],
    ['2024-02-29T23:59:59.999Z', 'Thu Feb 29 23:59:59 UTC 2024'],
    ['2025-12-31T23:59:59.999Z', 'Wed Dec 31 23:59:59 UTC 2025'],
    ['2026-01-01T00:00:00.000Z', 'Thu Jan 1 00:00:00 UTC 2026'],
    ['1970-01-01T00:00:00.000Z', 'Thu Jan 1 00:00:00 UTC 1970'],
    ['2038-01-19T03:14:08.000Z', 'Tue Jan 19 03:14:08 UTC 2038'],
    ['2026-07-09T12:00:00.500Z', 'Thu Jul 9 12:00:00 UTC 2026'],
  ])('%s → %s', (iso, expected) => {
    expect(formatTimestamp(at(iso))).toBe(expected);
  });

  // Outside 1000-9999 the year is written as the reference writes getUTCFullYear(): unpadded, signed; toUTCString
  // (which the fields come from) pads it to four digits and would differ.
  it.each([
    ['0999-06-15T01:02:03.000Z', 'Sat Jun 15 01:02:03 UTC 999'],
    ['0050-03-07T23:00:09.000Z', 'Mon Mar 7 23:00:09 UTC 50'],
    ['+010000-01-01T00:00:00.000Z', 'Sat Jan 1 00:00:00 UTC 10000'],
    ['-000001-12-31T23:59:59.000Z', 'Fri Dec 31 23:59:59 UTC -1'],
    ['+275760-09-13T00:00:00.000Z', 'Sat Sep 13 00:00:00 UTC 275760'],
  ])('year outside 1000-9999: %s → %s', (iso, expected) => {
    expect(formatTimestamp(at(iso))).toBe(expected);
  });

  it('truncates milliseconds instead of rounding', () => {
    expect(formatTimestamp(at('2026-12-31T23:59:59.999Z'))).toBe('Thu Dec 31 23:59:59 UTC 2026');
  });

  test.prop([instant])('has the exact shape: unpadded day, padded 24-hour time, UTC', (date) => {
    expect(formatTimestamp(date)).toMatch(
      /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [1-9]\d? ([01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC \d{4}$/,
    );
  });

  test.prop([instant])('parseTimestamp reads it back to the second', (date) => {
    expect(parseTimestamp(formatTimestamp(date))?.getTime()).toBe(Math.floor(date.getTime() / 1000) * 1000);
  });

  it('refuses an invalid Date and non-dates with INVALID_DATE', () => {
    expect(() => formatTimestamp(new Date(Number.NaN))).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => formatTimestamp('2026-01-01' as unknown as Date)).toThrow(SrpError);
  });
});

describe('parseTimestamp', () => {
  it.each([
    'Tue Nov 03 05:07:08 UTC 2026', // zero-padded day
    'Wed Nov 3 05:07:08 UTC 2026', // wrong weekday
    'Tue Nov 3 5:07:08 UTC 2026', // unpadded hour
    'Tue Nov 3 05:07:08 GMT 2026', // other zone
    'Tue Nov  3 05:07:08 UTC 2026', // %e spacing
    'Tue nov 3 05:07:08 UTC 2026', // case
    'Mon Feb 30 05:07:08 UTC 2026', // no such day
    'Di Nov 3 05:07:08 UTC 2026', // German
    '',
  ])('refuses %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

// Node only: TIMESTAMP equals amazon-cognito-identity-js's DateHelper (a CommonJS package, loaded with
// createRequire) on random instants, and ignores the process's TZ. The fixed cases are in timestamp.test.ts.
import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatTimestamp } from '../src/index.js';
import { referenceRequire } from './helpers/reference.js';

const DateHelper = (referenceRequire('amazon-cognito-identity-js/lib/DateHelper.js') as {
  default: new () => { getNowString(): string };
}).default;

// Instants from 1970 to 9999: the reference and Java agree on four-digit years.
const instant = fc.integer({ min: 0, max: 253402300799999 }).map((ms) => new Date(ms));

describe('formatTimestamp against the reference client', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ignores the local time zone and locale', () => {
    const original = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      expect(formatTimestamp(new Date('2026-11-03T23:59:59.000Z'))).toBe('Tue Nov 3 23:59:59 UTC 2026');
    } finally {
      process.env.TZ = original;
    }
  });

  test.prop([instant], { numRuns: 500 })('equals amazon-cognito-identity-js DateHelper', (date) => {
    vi.useFakeTimers({ now: date, toFake: ['Date'] });
    const reference = new DateHelper().getNowString();
    vi.useRealTimers();
    expect(formatTimestamp(date)).toBe(reference);
  });
});

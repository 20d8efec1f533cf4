// Node only (node:util): the SRP session's private value does not show in util.inspect, even with hidden
// properties, nor in a structured clone of its spread. The portable checks are in session.test.ts.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSrpSession } from '../src/index.js';
import { toHex } from './helpers/bytes.js';
import { scriptedRandom } from './helpers/vectors.js';

describe('the private value stays out of util.inspect', () => {
  const random = Uint8Array.from({ length: 128 }, (_, i) => (i * 53 + 5) & 0xff);
  const aHex = toHex(random);
  const aDecimal = BigInt('0x' + aHex).toString();
  const session = createSrpSession({ randomBytes: scriptedRandom(random) });
  const leaks = (text: string) => text.includes(aHex) || text.includes(aDecimal) || text.includes(aHex.replace(/^0+/, ''));

  it('util.inspect with showHidden and depth shows only srpA', () => {
    const shown = inspect(session, { showHidden: true, depth: 10 });
    expect(shown).toContain('SrpSession');
    expect(leaks(shown)).toBe(false);
  });

  it('util.inspect of a structured clone of the spread shows only srpA', () => {
    expect(leaks(inspect(structuredClone({ ...session })))).toBe(false);
  });
});

// The SRP session: exactly 128 random bytes, SRP_A as identity-js sends it, and no way to reach `a` by accident.
// Runs in every runtime; util.inspect's view is checked in session.node.test.ts.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it, vi } from 'vitest';
import { toHex } from './helpers/bytes.js';
import {
  N,
  SrpError,
  computeA,
  createSrpSession,
  exportSrpSession,
  importSrpSession,
  isSrpSession,
  modPow,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
} from '../src/index.js';
import { createServerChallenge, createUserVerifier, verifyPasswordClaim } from '../src/server/index.js';
import { scriptedRandom } from './helpers/vectors.js';

const bytes128 = fc.uint8Array({ minLength: 128, maxLength: 128 }).filter((b) => b.some((x) => x !== 0));
const toBigint = (b: Uint8Array) => BigInt('0x' + toHex(b));
const now = new Date('2026-11-26T08:00:00.000Z');

describe('createSrpSession', () => {
  test.prop([bytes128], { numRuns: 30 })('reads 128 bytes big-endian unsigned as a; srpA is minimal lower-case hex of g^a', (random) => {
    const calls: number[] = [];
    const session = createSrpSession({
      randomBytes: (n) => {
        calls.push(n);
        return random;
      },
    });
    expect(calls).toEqual([128]);
    const A = modPow(2n, toBigint(random), N);
    expect(session.srpA).toBe(A.toString(16));
    expect(session.srpA).toMatch(/^[1-9a-f][0-9a-f]*$/);
  });

  it('keeps the top bit of the first byte (unsigned, no sign interpretation)', () => {
    const random = new Uint8Array(128).fill(0xff);
    expect(createSrpSession({ randomBytes: () => random }).srpA).toBe(computeA((1n << 1024n) - 1n).toString(16));
  });

  it('uses crypto.getRandomValues by default and gives a fresh A each time', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const first = createSrpSession();
    const second = createSrpSession();
    expect(spy).toHaveBeenCalledTimes(2);
    expect((spy.mock.calls[0]![0] as Uint8Array).length).toBe(128);
    spy.mockRestore();
    expect(first.srpA).not.toBe(second.srpA);
  });

  it('refuses a random source that returns the wrong length, a non-Uint8Array or only zeros', () => {
    expect(() => createSrpSession({ randomBytes: () => new Uint8Array(127) })).toThrowError(
      expect.objectContaining({ code: 'INVALID_RANDOM_BYTES' }),
    );
    expect(() => createSrpSession({ randomBytes: () => [1, 2, 3] as unknown as Uint8Array })).toThrowError(
      expect.objectContaining({ code: 'INVALID_RANDOM_BYTES' }),
    );
    expect(() => createSrpSession({ randomBytes: () => new Uint8Array(128) })).toThrowError(
      expect.objectContaining({ code: 'INVALID_RANDOM_BYTES' }),
    );
    expect(() => createSrpSession({ randomBytes: 'yes' as unknown as () => Uint8Array })).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('says RANDOM_UNAVAILABLE where the runtime has no Web Crypto', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(() => createSrpSession()).toThrowError(expect.objectContaining({ code: 'RANDOM_UNAVAILABLE' }));
    } finally {
      Object.defineProperty(globalThis, 'crypto', descriptor);
    }
  });
});

describe('the private value stays private', () => {
  const random = Uint8Array.from({ length: 128 }, (_, i) => (i * 37 + 11) & 0xff);
  const aHex = toHex(random);
  const aDecimal = toBigint(random).toString();
  const session = createSrpSession({ randomBytes: scriptedRandom(random) });

  const leaks = (text: string) => text.includes(aHex) || text.includes(aDecimal) || text.includes(aHex.replace(/^0+/, ''));

  it('is not in JSON.stringify, console-style formatting, String()', () => {
    expect(JSON.parse(JSON.stringify(session))).toEqual({ srpA: session.srpA });
    for (const shown of [JSON.stringify(session), String(session), `${session}`]) {
      expect(leaks(shown)).toBe(false);
    }
  });

  it('is not an own property: keys, spread, Object.entries, getOwnPropertyNames and symbols see only srpA', () => {
    expect(Object.keys(session)).toEqual(['srpA']);
    expect({ ...session }).toEqual({ srpA: session.srpA });
    expect(Object.getOwnPropertyNames(session)).toEqual(['srpA']);
    expect(Object.getOwnPropertySymbols(session)).toEqual([]);
    expect(leaks(JSON.stringify(Object.entries(session)))).toBe(false);
    expect(leaks(JSON.stringify(structuredClone({ ...session })))).toBe(false);
  });

  it('is frozen: srpA cannot be swapped', () => {
    expect(Object.isFrozen(session)).toBe(true);
    expect(() => {
      (session as { srpA: string }).srpA = 'ff';
    }).toThrow(TypeError);
  });

  it('survives an await', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(importSrpSession(exportSrpSession(session)).srpA).toBe(session.srpA);
  });
});

describe('isSrpSession', () => {
  it('is true for sessions made here and false for copies and look-alikes', () => {
    const session = createSrpSession();
    expect(isSrpSession(session)).toBe(true);
    expect(isSrpSession(importSrpSession(exportSrpSession(session)))).toBe(true);
    for (const other of [{ ...session }, JSON.parse(JSON.stringify(session)), { srpA: session.srpA }, null, undefined, 'ab', 42]) {
      expect(isSrpSession(other)).toBe(false);
    }
  });
});

describe('exportSrpSession / importSrpSession', () => {
  test.prop([bytes128], { numRuns: 20 })('round-trips to the same A', (random) => {
    const session = createSrpSession({ randomBytes: () => random });
    const exported = exportSrpSession(session);
    expect(exported).toMatch(/^cognito-kit\.srp-session\.v1\.[0-9a-f]{256}$/);
    expect(exported.endsWith(toHex(random))).toBe(true);
    expect(importSrpSession(exported).srpA).toBe(session.srpA);
  });

  it.each([
    ['a JSON copy', () => exportSrpSession(JSON.parse(JSON.stringify(createSrpSession())) as never)],
    ['a look-alike', () => exportSrpSession({ srpA: 'ab' })],
    ['null', () => exportSrpSession(null as never)],
    ['garbage', () => importSrpSession('hello')],
    ['a zero value', () => importSrpSession('cognito-kit.srp-session.v1.' + '0'.repeat(256))],
    ['a short value', () => importSrpSession('cognito-kit.srp-session.v1.' + 'ab'.repeat(10))],
    ['upper-case hex', () => importSrpSession('cognito-kit.srp-session.v1.' + 'AB'.repeat(128))],
    ['a number', () => importSrpSession(42 as unknown as string)],
  ])('refuses %s with INVALID_SESSION', (_name, call) => {
    expect(call).toThrow(SrpError);
    expect(call).toThrowError(expect.objectContaining({ code: 'INVALID_SESSION' }));
  });
});

describe('one session answers one challenge', () => {
  const user = { userPoolId: 'us-east-1_Single', userIdForSrp: 'alice', password: 'Correct horse 1!' };
  const record = createUserVerifier({ ...user, randomBytes: () => new Uint8Array(16).fill(7) });
  const answer = (session: ReturnType<typeof createSrpSession>, challengeParameters: Record<string, string>) =>
    respondToPasswordVerifier(session, { userPoolId: user.userPoolId, password: user.password, challengeParameters, now });

  it('throws SESSION_ALREADY_USED on a second answer, to the same or another challenge', () => {
    const session = createSrpSession();
    const first = createServerChallenge({ ...user, ...record }, session.srpA);
    expect(verifyPasswordClaim(first, answer(session, first.challengeParameters), { now })).toBe(true);
    const second = createServerChallenge({ ...user, ...record }, session.srpA);
    for (const challenge of [first, second]) {
      expect(() => answer(session, challenge.challengeParameters)).toThrowError(
        expect.objectContaining({ name: 'SrpError', code: 'SESSION_ALREADY_USED', field: 'session' }),
      );
    }
    // and an export would be a way around it
    expect(() => exportSrpSession(session)).toThrowError(expect.objectContaining({ code: 'SESSION_ALREADY_USED' }));
  });

  it('is not spent by a challenge refused before any secret is used, so the corrected answer still works', () => {
    const session = createSrpSession();
    const challenge = createServerChallenge({ ...user, ...record }, session.srpA);
    const bad = { ...challenge.challengeParameters, SRP_B: N.toString(16) }; // B ≡ 0 mod N
    expect(() => answer(session, bad)).toThrowError(expect.objectContaining({ code: 'INVALID_SRP_B' }));
    expect(() => answer(session, { ...challenge.challengeParameters, SECRET_BLOCK: '' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_SECRET_BLOCK' }),
    );
    expect(verifyPasswordClaim(challenge, answer(session, challenge.challengeParameters), { now })).toBe(true);
  });

  it('counts a device answer as the one use too', () => {
    const session = createSrpSession();
    const challenge = createServerChallenge({ ...user, ...record }, session.srpA);
    answer(session, challenge.challengeParameters);
    expect(() =>
      respondToDevicePasswordVerifier(session, {
        deviceGroupKey: 'group',
        deviceKey: 'us-east-1_device',
        devicePassword: 'pw',
        challengeParameters: { ...challenge.challengeParameters, USERNAME: 'alice' },
      }),
    ).toThrowError(expect.objectContaining({ code: 'SESSION_ALREADY_USED' }));
  });
});

describe('privateValueBits', () => {
  const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((b) => b.some((x) => x !== 0));

  test.prop([bytes32], { numRuns: 30 })('256 draws exactly 32 bytes and sends g^a for that a', (random) => {
    const calls: number[] = [];
    const session = createSrpSession({ privateValueBits: 256, randomBytes: (n) => (calls.push(n), random) });
    expect(calls).toEqual([32]);
    expect(session.srpA).toBe(modPow(2n, toBigint(random), N).toString(16));
    // the export carries the short a too, and restores the same A
    expect(importSrpSession(exportSrpSession(session)).srpA).toBe(session.srpA);
  });

  it('1024 is the default and draws 128 bytes', () => {
    const calls: number[] = [];
    createSrpSession({ privateValueBits: 1024, randomBytes: (n) => (calls.push(n), new Uint8Array(n).fill(1)) });
    createSrpSession({ randomBytes: (n) => (calls.push(n), new Uint8Array(n).fill(1)) });
    expect(calls).toEqual([128, 128]);
  });

  it('a short-exponent session logs in against the server half', () => {
    const user = { userPoolId: 'eu-west-2_Short', userIdForSrp: 'bob', password: 'pässwörd ✓' };
    const record = createUserVerifier({ ...user });
    const session = createSrpSession({ privateValueBits: 256 });
    const challenge = createServerChallenge({ ...user, ...record }, session.srpA);
    const responses = respondToPasswordVerifier(session, { ...user, challengeParameters: challenge.challengeParameters, now });
    expect(verifyPasswordClaim(challenge, responses, { now })).toBe(true);
  });

  it.each([512, 128, '256', 0, null, 1024.5])('refuses %p with INVALID_ARGUMENT', (bits) => {
    expect(() => createSrpSession({ privateValueBits: bits as never })).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'privateValueBits' }),
    );
  });
});

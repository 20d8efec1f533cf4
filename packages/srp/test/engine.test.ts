// The engine seam: every modular exponentiation of a login goes through the engine a session (or a server call)
// carries, and nothing sent changes with it. Portable: a counting engine over modPow stands in for a native one.
import { describe, expect, it } from 'vitest';
import {
  N,
  SrpError,
  computeA,
  computeS,
  computeVerifier,
  createDeviceVerifier,
  createSrpSession,
  exportSrpSession,
  g,
  importSrpSession,
  modPow,
  respondToPasswordVerifier,
  type SrpEngine,
} from '../src/index.js';
import { createServerChallenge, createUserVerifier, verifyPasswordClaim } from '../src/server/index.js';

/** modPow behind a log of the calls, so a test sees which exponentiations went through the engine. */
function countingEngine(): SrpEngine & { calls: Array<{ base: bigint; exponent: bigint }> } {
  const calls: Array<{ base: bigint; exponent: bigint }> = [];
  return {
    calls,
    powModN: (base, exponent) => {
      calls.push({ base, exponent });
      return modPow(base, exponent, N);
    },
  };
}

const fixedRandom = (fill: number) => (length: number) => new Uint8Array(length).fill(fill);
const user = { userPoolId: 'us-east-1_Engine1', userIdForSrp: 'alice', password: 'Correct horse 1!' };

describe('the engine seam', () => {
  it('a session computes A on its engine, and S (with g^x) when it answers; the answer is the default engine`s', () => {
    const stored = createUserVerifier({ ...user, randomBytes: fixedRandom(7) });
    const engine = countingEngine();
    const session = createSrpSession({ engine, randomBytes: fixedRandom(3) });
    expect(engine.calls).toEqual([{ base: g, exponent: BigInt(`0x${'03'.repeat(128)}`) }]);
    const plain = createSrpSession({ randomBytes: fixedRandom(3) });
    expect(session.srpA).toBe(plain.srpA);

    const challenge = createServerChallenge({ ...user, ...stored }, session.srpA, { randomBytes: fixedRandom(9) });
    const now = new Date('2026-12-07T10:00:00Z');
    const input = { userPoolId: user.userPoolId, password: user.password, challengeParameters: challenge.challengeParameters, now };
    const answer = respondToPasswordVerifier(session, input);
    expect(engine.calls).toHaveLength(3); // A, then g^x and S
    expect(engine.calls[1]?.base).toBe(g);
    expect(answer).toEqual(respondToPasswordVerifier(plain, input));
    expect(verifyPasswordClaim(challenge, answer, { now })).toBe(true);
  });

  it('the server half computes the verifier, g^b, v^u and S on the engine given', () => {
    const engine = countingEngine();
    const stored = createUserVerifier({ ...user, engine, randomBytes: fixedRandom(7) });
    expect(stored).toEqual(createUserVerifier({ ...user, randomBytes: fixedRandom(7) }));
    expect(engine.calls).toHaveLength(1);
    const session = createSrpSession();
    const challenge = createServerChallenge({ ...user, ...stored }, session.srpA, { engine, randomBytes: fixedRandom(9) });
    expect(engine.calls).toHaveLength(4);
    expect(challenge.challengeParameters).toEqual(createServerChallenge({ ...user, ...stored }, session.srpA, { randomBytes: fixedRandom(9) }).challengeParameters);
    const answer = respondToPasswordVerifier(session, { userPoolId: user.userPoolId, password: user.password, challengeParameters: challenge.challengeParameters });
    expect(verifyPasswordClaim(challenge, answer)).toBe(true);
  });

  it('the steps, a device verifier and an imported session take an engine too', () => {
    const engine = countingEngine();
    expect(computeA(5n, { engine })).toBe(modPow(g, 5n, N));
    expect(computeVerifier(6n, { engine })).toBe(modPow(g, 6n, N));
    const B = modPow(g, 99n, N);
    expect(computeS({ a: 5n, B, x: 6n, u: 7n, engine })).toBe(computeS({ a: 5n, B, x: 6n, u: 7n }));
    const device = { deviceGroupKey: 'group', deviceKey: 'us-east-1_device', randomBytes: fixedRandom(4) };
    expect(createDeviceVerifier({ ...device, engine })).toEqual(createDeviceVerifier(device));
    importSrpSession(exportSrpSession(createSrpSession()), { engine });
    // computeA, computeVerifier, computeS (g^x and S), the device's g^x, the imported session's A
    expect(engine.calls).toHaveLength(6);
  });

  it('S`s base reaches the engine as B − k·g^x, possibly negative: the engine reduces it', () => {
    const engine = countingEngine();
    const B = 1n; // B − k·g^x < 0
    computeS({ a: 5n, B, x: 6n, u: 7n, engine });
    expect(engine.calls[1]?.base).toBeLessThan(0n);
  });

  it('an engine without powModN is INVALID_ARGUMENT; undefined and null mean the default', () => {
    for (const engine of [{}, 5, 'engine', { powModN: 1 }]) {
      // @ts-expect-error not an engine
      const attempts = [() => createSrpSession({ engine }), () => computeA(5n, { engine }), () => createServerChallenge({ ...user, salt: '01', verifier: '02' }, '03', { engine })];
      for (const attempt of attempts) {
        expect(attempt).toThrow(SrpError);
        expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'engine' }));
      }
    }
    // @ts-expect-error null is not an engine in the types, but changes nothing
    expect(createSrpSession({ engine: null, randomBytes: fixedRandom(3) }).srpA).toBe(createSrpSession({ randomBytes: fixedRandom(3) }).srpA);
  });
});

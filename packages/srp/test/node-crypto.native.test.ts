// The node:crypto engine (@cognito-kit/srp/node-crypto), in Node, and bundled for Deno and Bun (suite.mjs --native):
// every vector through it, its results equal modPow's for any base and exponent (the refused cases included: 0, 1,
// N−1, N−2, negatives, exponent 0), and client and server agree on it in every mix of engines.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { N, createSrpSession, modPow, precomputeFixedBase, respondToPasswordVerifier } from '../src/index.js';
import { nodeCryptoEngine } from '../src/node-crypto.js';
import { createServerChallenge, createUserVerifier, verifyPasswordClaim } from '../src/server/index.js';
import { describeVectors } from './helpers/vector-suite.js';

const engine = nodeCryptoEngine();

describe('the node:crypto engine: every vector', () => {
  describeVectors(engine);
});

/** Bases where runtimes refuse or special-case, and bases anywhere in [−N, 2N). */
const base = fc.oneof(
  fc.constantFrom(0n, 1n, 2n, 3n, N - 2n, N - 1n, N, N + 1n, N + 2n, -1n, -2n, -N),
  fc.bigInt({ min: -N, max: 2n * N }),
);
/** Exponents of every length an SRP login uses (x and u: 256 bits; a, b: 1,024; a + u·x: ~1,030), and 0 and 1. */
const exponent = fc.oneof(fc.constantFrom(0n, 1n, 2n), fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), fc.bigInt({ min: 0n, max: (1n << 1100n) - 1n }));

describe('the node:crypto engine equals modPow', () => {
  it('is made once and shared; says what making it cost', () => {
    expect(nodeCryptoEngine()).toBe(engine);
    expect(engine.creationMs).toBeGreaterThanOrEqual(0);
    expect(Object.isFrozen(engine)).toBe(true);
  });

  test.prop([base, exponent], { numRuns: 200 })('for any base and exponent', (b, e) => {
    expect(engine.powModN(b, e)).toBe(modPow(b, e, N));
  });

  it('where a result is 1 or N − 1 (which some runtimes refuse)', () => {
    const halfOrder = (N - 1n) / 2n; // N is a safe prime: every base's order divides 2·halfOrder
    for (const b of [N - 1n, 4n, 9n, N - 4n]) {
      for (const e of [halfOrder, 2n * halfOrder, N - 1n, 1n]) expect(engine.powModN(b, e), `${b}^${e}`).toBe(modPow(b, e, N));
    }
  });

  test.prop([exponent], { numRuns: 50 })('for powers of g, before and after the tables are precomputed', (e) => {
    const before = engine.powModN(2n, e);
    precomputeFixedBase();
    expect(engine.powModN(2n, e)).toBe(before);
    expect(before).toBe(modPow(2n, e, N));
  });
});

describe('logins on the node:crypto engine', () => {
  const user = { userPoolId: 'eu-west-2_Native1', userIdForSrp: 'alice' };
  const password = fc.string({ unit: 'grapheme', maxLength: 64 });
  const side = fc.constantFrom('native', 'pure');
  const engineFor = (which: string) => (which === 'native' ? { engine } : {});

  test.prop([password, side, side, side], { numRuns: 24 })('client and server agree in every mix of engines', (typed, verifierSide, clientSide, serverSide) => {
    const stored = createUserVerifier({ ...user, password: typed, ...engineFor(verifierSide) });
    const session = createSrpSession(engineFor(clientSide));
    const challenge = createServerChallenge({ ...user, ...stored }, session.srpA, engineFor(serverSide));
    const answer = respondToPasswordVerifier(session, { userPoolId: user.userPoolId, password: typed, challengeParameters: challenge.challengeParameters });
    expect(verifyPasswordClaim(challenge, answer)).toBe(true);
    const other = createSrpSession(engineFor(clientSide));
    const second = createServerChallenge({ ...user, ...stored }, other.srpA, engineFor(serverSide));
    const wrong = respondToPasswordVerifier(other, { userPoolId: user.userPoolId, password: `${typed}!`, challengeParameters: second.challengeParameters });
    expect(verifyPasswordClaim(second, wrong)).toBe(false);
  });
});

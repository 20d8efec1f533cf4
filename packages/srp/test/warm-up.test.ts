// warmUp(): the global-scope warm-up for Workers. It must draw nothing at random (Workers forbid that in the global
// scope), leave the tables built, and change no value a login sends. Portable: runs in every runtime of the suite
// (where other files may have built the tables before; in Node each file has its own module state, so there a
// warmUp that skipped the tables fails the first test).
import { describe, expect, it, vi } from 'vitest';
import { createSrpSession, respondToPasswordVerifier, warmUp } from '../src/index.js';
import { isFixedBasePrecomputed } from '../src/modpow.js';
import { loadVectors, passwordVerifierInputOf, privateBytesOf, scriptedRandom } from './helpers/vectors.js';

describe('warmUp', () => {
  it('draws no random values and leaves the fixed-base tables built', () => {
    const random = vi.spyOn(globalThis.crypto, 'getRandomValues');
    // the runtime suites run every file in one realm, where spyOn returns a spy another test left: count from here
    random.mockClear();
    try {
      expect(warmUp()).toBeUndefined();
      expect(isFixedBasePrecomputed()).toBe(true);
      expect(random).not.toHaveBeenCalled();
    } finally {
      random.mockRestore();
    }
  });

  it('changes no value sent: edge srp vectors after it gives its SRP_A and signature', () => {
    warmUp();
    // every 8th edge vector (leading zero bytes, high bits, short u, Unicode): all 136 take seconds in a slow runtime,
    // and vectors.test.ts runs them all
    const srp = loadVectors().filter((v) => v.kind === 'srp' && v.tags.includes('edge')).filter((_, i) => i % 8 === 0);
    expect(srp.length).toBeGreaterThan(10);
    for (const v of srp) {
      const session = createSrpSession({ randomBytes: scriptedRandom(privateBytesOf(v)) });
      expect(session.srpA).toBe(v.expected.A);
      const answer = respondToPasswordVerifier(session, passwordVerifierInputOf(v));
      expect(answer.PASSWORD_CLAIM_SIGNATURE).toBe(v.expected.signature);
      expect(answer.TIMESTAMP).toBe(v.input.timestamp);
    }
  });
});

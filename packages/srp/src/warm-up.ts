/**
 * Warming an isolate up before its first login: for Cloudflare Workers and other isolates where the first request
 * is billed for everything V8 does the first time (compiling the login's code, growing its heap, building the
 * fixed-base tables). Its own module, so that a bundle that does not call it carries none of it.
 *
 * @module
 */
import { precomputeFixedBase } from './modpow.js';
import { respondToPasswordVerifier } from './password-verifier.js';
import { createSrpSession } from './session.js';

// A throwaway login on fixed inputs. Nothing here is drawn at random: Workers forbid random values in the global
// scope, where warmUp is meant to run. The values only need to be valid; their sizes are a real login's.
const WARM_UP_PRIVATE_BYTE = 0xa5;
const WARM_UP_CHALLENGE = {
  USERNAME: 'warm-up',
  USER_ID_FOR_SRP: 'warm-up',
  SALT: '5a'.repeat(16),
  SRP_B: 'c3'.repeat(384),
  SECRET_BLOCK: 'd2FybS11cCBzZWNyZXQgYmxvY2s=',
};
const WARM_UP_POOL_ID = 'us-east-1_warmUp';
const WARM_UP_DATE = new Date(Date.UTC(2026, 0, 1));

/**
 * Makes this isolate's first real login about as cheap as a later one: builds every fixed-base table
 * ({@link precomputeFixedBase}) and runs one throwaway login (1024-bit a, fixed inputs, nothing random, nothing
 * sent), so that V8 has compiled the login's code and grown its heap before a request pays for it. Call it once in
 * a Cloudflare Worker's global scope: that work then happens while the isolate starts (Cloudflare's start-up limit
 * is 1 s of parsing and running the global scope), not in the first request's CPU time (10 ms on the free plan).
 *
 * Measured in workerd on 2 shared cores (benchmarks/runtimes/RESULTS.md): the first default login of a fresh
 * isolate costs about 25 ms of CPU without it and about 9 ms after it (a later login: about 8 ms); `warmUp()` adds
 * about 40 ms to the isolate's start-up and keeps the tables' ~630 KB. Call it once: a second call repeats the work.
 * Results are unchanged: every value sent is the same.
 *
 * @example
 * ```ts
 * import { createSrpSession, warmUp } from '@cognito-kit/srp';
 * warmUp(); // global scope of the Worker, once per isolate
 * export default {
 *   fetch() {
 *     return new Response(createSrpSession().srpA);
 *   },
 * };
 * ```
 */
export function warmUp(): void {
  precomputeFixedBase();
  const session = createSrpSession({ randomBytes: (length) => new Uint8Array(length).fill(WARM_UP_PRIVATE_BYTE) });
  respondToPasswordVerifier(session, { userPoolId: WARM_UP_POOL_ID, password: 'warm-up', challengeParameters: WARM_UP_CHALLENGE, now: WARM_UP_DATE });
}

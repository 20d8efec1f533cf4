#!/usr/bin/env node
// Heap check (`pnpm test:heap`, long): 100,000 logins, client and server half in this process, in batches of
// 1,000 concurrent logins. Ten times over the run (every 10,000 logins) the heap is collected (--expose-gc) and its
// size recorded; the check fails if, after the first sample (warm-up: the fixed-base table of 2^e mod N, JIT code),
// it grows by more than 4 MB, i.e. if sessions, challenges or keys were kept. The figures are reported, not timed.
//
// Usage: node --expose-gc scripts/heap.mjs [--logins 100000] [--bits 1024|256]   (needs `pnpm build` first)
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

if (typeof globalThis.gc !== 'function') {
  console.error('run with node --expose-gc scripts/heap.mjs');
  process.exit(2);
}
const { values } = parseArgs({ options: { logins: { type: 'string', default: '100000' }, bits: { type: 'string', default: '1024' } } });
const total = Number(values.logins);
const bits = Number(values.bits);
const BATCH = 1_000;
/** Ten samples over the run (every 10,000 logins of the default 100,000). */
const SAMPLE_EVERY = Math.max(BATCH, Math.floor(total / 10 / BATCH) * BATCH);
const ALLOWED_GROWTH_MB = 4;

const { createSrpSession, respondToPasswordVerifier } = await import(new URL('../dist/index.js', import.meta.url));
const { createServerChallenge, createUserVerifier, verifyPasswordClaim } = await import(new URL('../dist/server/index.js', import.meta.url));
const user = { userPoolId: 'us-east-1_HeapTest1', userIdForSrp: 'heap-user', password: 'heap-Passw0rd!' };
const record = { ...user, ...createUserVerifier(user) };

const heapMB = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

async function login() {
  const session = createSrpSession({ privateValueBits: bits });
  const challenge = createServerChallenge(record, session.srpA);
  await null; // let the batch interleave
  const answer = respondToPasswordVerifier(session, { userPoolId: user.userPoolId, password: user.password, challengeParameters: challenge.challengeParameters });
  return verifyPasswordClaim(challenge, answer);
}

const samples = [{ logins: 0, heapMB: heapMB() }];
const started = performance.now();
let done = 0;
let refused = 0;
while (done < total) {
  const size = Math.min(BATCH, total - done);
  const results = await Promise.all(Array.from({ length: size }, login));
  refused += results.filter((ok) => ok !== true).length;
  done += size;
  if (done % SAMPLE_EVERY === 0 || done === total) {
    samples.push({ logins: done, heapMB: heapMB() });
    const last = samples.at(-1);
    console.log(`${String(done).padStart(7)} logins  heap ${last.heapMB.toFixed(2)} MB  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}
const baseline = samples.find((s) => s.logins >= Math.min(SAMPLE_EVERY, total)) ?? samples[0];
const growth = Math.max(...samples.filter((s) => s.logins >= baseline.logins).map((s) => s.heapMB)) - baseline.heapMB;
const report = {
  logins: total,
  clientPrivateValueBits: bits,
  refused,
  heapMBAtStart: +samples[0].heapMB.toFixed(2),
  heapMBAfterWarmUp: +baseline.heapMB.toFixed(2),
  heapMBAtEnd: +samples.at(-1).heapMB.toFixed(2),
  maxGrowthAfterWarmUpMB: +growth.toFixed(2),
  allowedGrowthMB: ALLOWED_GROWTH_MB,
  seconds: +((performance.now() - started) / 1000).toFixed(0),
};
console.log(JSON.stringify(report, null, 2));
const ok = refused === 0 && growth <= ALLOWED_GROWTH_MB;
console.log(ok ? `heap: flat over ${total} logins` : 'heap: FAILED');
// For npm test's summary (scripts/test-all.mjs runs a shorter heap check): one check.
if (process.env.RESULTS_FILE) writeFileSync(process.env.RESULTS_FILE, `${JSON.stringify({ runner: 'heap', passed: ok ? 1 : 0, failed: ok ? 0 : 1 })}\n`);
process.exit(ok ? 0 : 1);

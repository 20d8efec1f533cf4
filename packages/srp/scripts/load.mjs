#!/usr/bin/env node
// Load check (`pnpm test:load`): 10,000 SRP logins in flight at once, answered in parallel.
//
// The client side runs here: every session is created first (10,000 live sessions), then one async task per
// session (Promise.all) asks the server half for its challenge, answers it and has the answer verified. The server
// half runs in worker threads (one per core, up to 2 by default), reached by messages, as a real server would be:
// so the tasks truly interleave, and the check proves that concurrent sessions never mix their state (each answer
// is verified against its own challenge). It fails unless every one of the N signatures is accepted, every SRP_A
// and every signature is distinct, and a control login with a wrong password is refused.
//
// Usage: node scripts/load.mjs [--sessions 10000] [--bits 1024|256] [--workers 2]   (needs `pnpm build` first)
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

const dist = new URL('../dist/', import.meta.url);
const user = { userPoolId: 'us-east-1_LoadTest1', userIdForSrp: 'load-user', password: 'load-Passw0rd!' };

if (isMainThread) {
  await main();
} else {
  await serve();
}

async function main() {
  const { values } = parseArgs({
    options: { sessions: { type: 'string', default: '10000' }, bits: { type: 'string', default: '1024' }, workers: { type: 'string' } },
  });
  const count = Number(values.sessions);
  const bits = Number(values.bits);
  const workerCount = Number(values.workers ?? Math.min(2, availableParallelism()));
  if (!Number.isInteger(count) || count < 1 || (bits !== 1024 && bits !== 256) || !(workerCount >= 1)) {
    console.error('usage: node scripts/load.mjs [--sessions N] [--bits 1024|256] [--workers W]');
    process.exit(2);
  }
  const { createSrpSession, respondToPasswordVerifier } = await import(new URL('index.js', dist));
  const { createUserVerifier } = await import(new URL('server/index.js', dist));
  const stored = createUserVerifier(user);

  const workers = Array.from({ length: workerCount }, () => new Worker(new URL(import.meta.url), { workerData: null }));
  const pending = new Map();
  let nextId = 0;
  for (const worker of workers) {
    worker.on('message', ({ id, result, error }) => {
      const call = pending.get(id);
      pending.delete(id);
      if (error !== undefined) call.reject(new Error(error));
      else call.resolve(result);
    });
    worker.on('error', (error) => {
      console.error(error);
      process.exit(1);
    });
    worker.postMessage({ id: -1, op: 'init', record: { ...user, ...stored } });
  }
  const rpc = (worker, op, payload) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, ...payload });
    });

  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const sessions = Array.from({ length: count }, () => createSrpSession({ privateValueBits: bits }));
  const createdMs = performance.now() - started;

  const login = async (session, index, password = user.password) => {
    const worker = workers[index % workers.length];
    const { key, challengeParameters } = await rpc(worker, 'challenge', { srpA: session.srpA });
    const answer = respondToPasswordVerifier(session, { userPoolId: user.userPoolId, password, challengeParameters });
    const accepted = await rpc(worker, 'verify', { key, answer });
    return { accepted, signature: answer.PASSWORD_CLAIM_SIGNATURE };
  };
  const results = await Promise.all(sessions.map((session, index) => login(session, index)));
  const control = await login(createSrpSession({ privateValueBits: bits }), 0, 'wrong-password');
  const wallMs = performance.now() - started;
  const clientCpu = process.cpuUsage(cpuStart);
  for (const worker of workers) await worker.terminate();

  const accepted = results.filter((r) => r.accepted === true).length;
  const distinctA = new Set(sessions.map((s) => s.srpA)).size;
  const distinctSignatures = new Set(results.map((r) => r.signature)).size;
  const report = {
    sessions: count,
    clientPrivateValueBits: bits,
    serverWorkers: workerCount,
    accepted,
    distinctSrpA: distinctA,
    distinctSignatures,
    wrongPasswordRefused: control.accepted === false,
    wallSeconds: +(wallMs / 1000).toFixed(1),
    sessionCreationSeconds: +(createdMs / 1000).toFixed(1),
    clientCpuMsPerLogin: +((clientCpu.user + clientCpu.system) / 1000 / count).toFixed(2),
    heapUsedMB: +(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1),
  };
  console.log(JSON.stringify(report, null, 2));
  const ok = accepted === count && distinctA === count && distinctSignatures === count && control.accepted === false;
  console.log(ok ? `load: ${count} concurrent logins, all accepted` : 'load: FAILED');
  // For npm test's summary (scripts/test-all.mjs runs a smaller load): one check.
  if (process.env.RESULTS_FILE) writeFileSync(process.env.RESULTS_FILE, `${JSON.stringify({ runner: 'load', passed: ok ? 1 : 0, failed: ok ? 0 : 1 })}\n`);
  process.exit(ok ? 0 : 1);
}

async function serve() {
  const { createServerChallenge, verifyPasswordClaim } = await import(new URL('server/index.js', dist));
  let record;
  const challenges = new Map();
  let nextKey = 0;
  parentPort.on('message', ({ id, op, record: init, srpA, key, answer }) => {
    try {
      if (op === 'init') {
        record = init;
        return;
      }
      if (op === 'challenge') {
        const challenge = createServerChallenge(record, srpA);
        const k = nextKey++;
        challenges.set(k, challenge);
        parentPort.postMessage({ id, result: { key: k, challengeParameters: { ...challenge.challengeParameters } } });
        return;
      }
      const challenge = challenges.get(key);
      challenges.delete(key);
      parentPort.postMessage({ id, result: challenge !== undefined && verifyPasswordClaim(challenge, answer) });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error?.message ?? error) });
    }
  });
}

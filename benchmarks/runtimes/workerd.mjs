// The workerd half: each library's bundle is served by its own `workerd serve` process (no compatibility flags, so
// no nodejs_compat) and driven over HTTP from here. CPU time is read from /proc/<pid>/task/*/schedstat (nanoseconds
// on the CPU per thread) just before and just after each /run request:
//   - "isolate thread": the thread that runs the JavaScript and the HTTP handling (tid = pid; workerd runs this
//     worker's requests on its main thread), which is what a Worker's CPU limit is about;
//   - "all threads": plus V8's background threads (concurrent GC marking, optimizing compilation).
// The CPU of a /run of the no-op case (HTTP, routing, JSON) is the baseline subtracted per request.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { CACHE_DIR, REPO_DIR } from './bundle.mjs';
import { loadavg, median, sleep, stats } from './common.mjs';

const COMPATIBILITY_DATE = '2025-01-01';
export const SHIM = "esbuild define { global: 'globalThis' }";

/** WORKERD_BIN, else the workerd package's binary (a devDependency of packages/srp, as scripts/runtimes/workerd.mjs finds it). */
export function workerdBinary() {
  if (process.env.WORKERD_BIN) {
    if (!existsSync(process.env.WORKERD_BIN)) throw new Error(`WORKERD_BIN=${process.env.WORKERD_BIN} does not exist`);
    return { path: process.env.WORKERD_BIN, packageVersion: undefined };
  }
  for (const dir of ['benchmarks', 'packages/srp', '.']) {
    try {
      const require = createRequire(join(REPO_DIR, dir, 'package.json'));
      const path = require('workerd').default;
      const packageVersion = JSON.parse(readFileSync(join(dirname(require.resolve('workerd')), '..', 'package.json'), 'utf8')).version;
      if (typeof path === 'string' && existsSync(path)) return { path, packageVersion };
    } catch {
      // next
    }
  }
  throw new Error('workerd not found: install packages/srp devDependencies or set WORKERD_BIN');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function config(bundleName, port, compatibilityFlags) {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .benchWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);

const benchWorker :Workerd.Worker = (
  modules = [ (name = ${JSON.stringify(bundleName)}, esModule = embed ${JSON.stringify(bundleName)}) ],
  compatibilityDate = "${COMPATIBILITY_DATE}",${compatibilityFlags.length ? `\n  compatibilityFlags = ${JSON.stringify(compatibilityFlags)},` : ''}
);
`;
}

/** Nanoseconds on the CPU per thread of `pid`. */
export function threadCpu(pid) {
  const out = new Map();
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      out.set(tid, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
    } catch {
      // the thread ended
    }
  }
  return out;
}
/** CPU milliseconds between two threadCpu() readings: the isolate thread's (tid = pid) and all threads'. */
export function cpuDelta(pid, before, after) {
  let total = 0;
  for (const [tid, ns] of after) total += ns - (before.get(tid) ?? 0);
  const main = (after.get(String(pid)) ?? 0) - (before.get(String(pid)) ?? 0);
  return { mainMs: main / 1e6, totalMs: total / 1e6 };
}

/** Starts `workerd serve` on a bundle (no compatibility flags unless given); resolves once it answers /noop. */
export async function startWorkerd(binary, bundleFile, { timeoutMs = 15000, compatibilityFlags = [] } = {}) {
  const dir = dirname(bundleFile);
  const port = await freePort();
  const configFile = join(dir, `${basename(bundleFile, '.js')}-${port}.capnp`);
  writeFileSync(configFile, config(basename(bundleFile), port, compatibilityFlags));
  const child = spawn(binary, ['serve', configFile], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  let exited = false;
  child.once('exit', () => (exited = true));
  const base = `http://127.0.0.1:${port}`;
  const get = async (path) => {
    const response = await fetch(base + path);
    const body = await response.json();
    if (!response.ok) throw new Error(`workerd ${path}: ${response.status} ${body.error ?? ''}`);
    return body;
  };
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await gone;
    clearTimeout(timer);
  };
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`workerd exited at start: ${stderr.trim().split('\n').slice(-5).join(' | ')}`);
    try {
      await get('/noop');
      break;
    } catch (error) {
      if (Date.now() - started > timeoutMs) {
        await stop();
        throw new Error(`workerd did not answer within ${timeoutMs} ms: ${error.message}; ${stderr.trim().slice(-300)}`);
      }
      await sleep(25);
    }
  }
  return { pid: child.pid, get, stop, stderr: () => stderr };
}

/** One timed /run of `caseId` × k on a state prepared by an untimed /prepare. */
async function timedRun(w, caseId, k) {
  await w.get(`/prepare?case=${encodeURIComponent(caseId)}&k=${k}`);
  const before = threadCpu(w.pid);
  const t0 = process.hrtime.bigint();
  const body = await w.get('/run');
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = cpuDelta(w.pid, before, threadCpu(w.pid));
  if (!body.ok) throw new Error(`${caseId}: wrong result in workerd (${body.got})`);
  return { ...cpu, wallMs, isolateMs: body.isolateMs };
}

async function baseline(w, n) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await timedRun(w, 'noop', 1));
  return { mainMs: median(runs.map((r) => r.mainMs)), totalMs: median(runs.map((r) => r.totalMs)), wallMs: median(runs.map((r) => r.wallMs)) };
}

/**
 * Warm per-call CPU of one case: two warm-up runs, k calibrated so a request holds about targetMs of CPU, then
 * `rounds` requests (fewer when over budgetMs). Per call = (request CPU − no-op baseline) / k.
 */
async function warmCase(w, caseId, base, { targetMs, minRounds, maxRounds, budgetMs }) {
  await timedRun(w, caseId, 1);
  const probe = await timedRun(w, caseId, 1);
  const per = Math.max(0.001, probe.mainMs - base.mainMs);
  const k = Math.max(1, Math.min(5000, Math.round(targetMs / per)));
  const rows = [];
  const started = Date.now();
  const least = per >= 50 ? Math.min(3, minRounds) : minRounds; // the jsbn peers: ~60–150 ms a call
  while (rows.length < maxRounds && (rows.length < least || Date.now() - started < budgetMs)) rows.push(await timedRun(w, caseId, k));
  const per1 = (key) => rows.map((r) => (r[key] - (base[key] ?? 0)) / k);
  return {
    k,
    requests: rows.length,
    cpuMs: stats(per1('mainMs')),
    allThreadsCpuMs: stats(per1('totalMs')),
    wallMs: stats(per1('wallMs')),
    isolateClockMs: stats(rows.map((r) => r.isolateMs / k)),
  };
}

/**
 * Runs the workerd half. `bundles` are bundleGroups('workerd') rows. Resolves to the workerd section of results.json.
 */
export async function runWorkerd({ bundles, quick = false, coldSamples, log = console.log }) {
  const bin = workerdBinary();
  const versionText = (spawnSync(bin.path, ['--version'], { encoding: 'utf8' }).stdout ?? '').trim() || 'unknown';
  const out = { runtime: 'workerd', version: versionText, package: bin.packageVersion, compatibilityDate: COMPATIBILITY_DATE, loadBefore: loadavg(), groups: [], cold: [] };
  const opts = quick
    ? { targetMs: 20, minRounds: 3, maxRounds: 5, budgetMs: 300, perRequest: 5, coldSamples: 2 }
    : { targetMs: 40, minRounds: 5, maxRounds: 11, budgetMs: 1000, perRequest: 11, coldSamples: 5 };
  mkdirSync(join(CACHE_DIR, 'workerd'), { recursive: true });

  for (const bundle of bundles) {
    const group = { group: bundle.group, library: bundle.library, version: bundle.version, bundled: bundle.ok, variant: bundle.variant, bundleErrors: bundle.errors, cases: [] };
    out.groups.push(group);
    if (!bundle.ok) {
      log(`workerd ${bundle.group}: does not bundle (${bundle.errors.map((e) => e.reasons.join('; ')).join(' / ')})`);
      continue;
    }
    let w;
    try {
      w = await startWorkerd(bin.path, bundle.file);
    } catch (error) {
      group.plainError = `does not start: ${error.message}`;
      log(`workerd ${bundle.group}: ${group.plainError}`);
    }
    if (w === undefined && /global is not defined/.test(group.plainError) && bundle.globalShimFile) {
      group.workaround = SHIM;
      try {
        w = await startWorkerd(bin.path, bundle.globalShimFile);
        log(`workerd ${bundle.group}: runs with the workaround (${SHIM})`);
      } catch (error) {
        group.error = `does not start, even with ${SHIM}: ${error.message}`;
      }
    }
    if (w === undefined) {
      group.error ??= group.plainError;
      continue;
    }
    try {
      group.check = await w.get('/check');
      log(`workerd ${bundle.group}: check ${group.check.ok ? 'ok' : 'FAILED'} (${group.check.rows.length} values)`);
      if (!group.check.ok) {
        group.error = `disagrees: ${group.check.rows.filter((r) => !r.ok).map((r) => `${r.name} ${r.detail}`).join('; ')}`;
        continue;
      }
      const list = await w.get('/list');
      if (bundle.group === 'kit') out.clock = await w.get('/clock?case=kit-1024%2Flogin&k=3');
      group.baseline = await baseline(w, quick ? 5 : 9);
      for (const c of list.cases) {
        const started = Date.now();
        try {
          const result = await warmCase(w, c.id, group.baseline, opts);
          group.cases.push({ id: c.id, op: c.op, ...result });
          log(`workerd ${c.id}: ${result.cpuMs.medianMs} ms CPU per call (k=${result.k}, ${result.requests} requests, ${Date.now() - started} ms)`);
        } catch (error) {
          group.cases.push({ id: c.id, op: c.op, error: String(error.message ?? error) });
          log(`workerd ${c.id}: ${error.message}`);
        }
      }
      // One login per request, as a Worker would do it: the request's own CPU, and minus the no-op request.
      if (bundle.group === 'kit') {
        group.perRequest = [];
        for (const id of ['kit-1024/login', 'kit-256/login']) {
          const rows = [];
          for (let i = 0; i < opts.perRequest; i++) rows.push(await timedRun(w, id, 1));
          group.perRequest.push({
            id,
            requestCpuMs: stats(rows.map((r) => r.mainMs)),
            minusBaselineCpuMs: stats(rows.map((r) => r.mainMs - group.baseline.mainMs)),
            allThreadsCpuMs: stats(rows.map((r) => r.totalMs)),
            wallMs: stats(rows.map((r) => r.wallMs)),
          });
        }
      }
    } catch (error) {
      group.error = String(error.message ?? error);
      log(`workerd ${bundle.group}: ${group.error}`);
    } finally {
      await w.stop();
    }
  }

  // Cold: the first call in a fresh workerd process (fresh isolate, JIT cold, no fixed-base table yet). Before it,
  // only no-op requests have run there (their CPU is that process's baseline); the second call follows it. The
  // kit-warm bundle called warmUp() in its global scope, at start-up: the CPU of the isolate thread until the first
  // no-op answered is recorded as start-up, so warmUp's cost shows as the difference between the two bundles.
  const bundleOf = (group) => bundles.find((b) => b.group === group && b.ok);
  const coldCases = [
    ...['kit-1024/start', 'kit-1024/login', 'kit-256/start', 'kit-256/login', 'kit-pre1024/start', 'kit-pre1024/login'].map((id) => [id, bundleOf('kit')]),
    ...['kit-warm1024/start', 'kit-warm1024/login'].map((id) => [id, bundleOf('kit-warm')]),
  ].filter(([, bundle]) => bundle !== undefined);
  if (coldCases.length) {
    const ids = coldCases.map(([id]) => id);
    const fileOf = new Map(coldCases.map(([id, bundle]) => [id, bundle.file]));
    const samples = new Map(ids.map((id) => [id, []]));
    for (let round = 0; round < (coldSamples ?? opts.coldSamples); round++) {
      for (const id of round % 2 ? [...ids].reverse() : ids) {
        let w;
        try {
          w = await startWorkerd(bin.path, fileOf.get(id));
          const startupMs = (threadCpu(w.pid).get(String(w.pid)) ?? 0) / 1e6;
          const base = await baseline(w, 3);
          await sleep(200); // let start-up work on V8's background threads settle
          const first = await timedRun(w, id, 1);
          const second = await timedRun(w, id, 1);
          samples.get(id).push({ startupMs, base, first, second });
        } catch (error) {
          log(`workerd cold ${id}: sample failed: ${error.message}`);
          (out.coldErrors ??= []).push(`${id}: ${error.message}`);
        } finally {
          await w?.stop();
        }
      }
    }
    for (const [id, rows] of samples) {
      const row = {
        id,
        processes: rows.length,
        firstCpuMs: stats(rows.map((r) => r.first.mainMs - r.base.mainMs)),
        firstAllThreadsCpuMs: stats(rows.map((r) => r.first.totalMs - r.base.totalMs)),
        firstWallMs: stats(rows.map((r) => r.first.wallMs - r.base.wallMs)),
        firstRequestCpuMs: stats(rows.map((r) => r.first.mainMs)),
        secondCpuMs: stats(rows.map((r) => r.second.mainMs - r.base.mainMs)),
        startupCpuMs: stats(rows.map((r) => r.startupMs)),
      };
      out.cold.push(row);
      log(`workerd cold ${id}: first ${row.firstCpuMs.medianMs} ms CPU (slowest ${row.firstCpuMs.maxMs}), second ${row.secondCpuMs.medianMs} ms, start-up ${row.startupCpuMs.medianMs} ms (${rows.length} processes)`);
    }
  }
  out.loadAfter = loadavg();
  return out;
}

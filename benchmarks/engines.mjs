#!/usr/bin/env node
// The node:crypto engine of @cognito-kit/srp (`@cognito-kit/srp/node-crypto`) runtime by runtime: what creating its
// Diffie-Hellman object costs, the first login of a fresh process, and warm logins with and without the engine, next
// to the node:crypto-only reference login (lib/peers/openssl.mjs).
//
// Node, Bun and Deno run one esbuild bundle (.cache/engines/child.mjs: the library, its node-crypto entry, the fixed
// input of lib/vector.mjs and the reference, node: imports left to the runtime) in fresh processes of two kinds:
//   - "engine" processes: nodeCryptoEngine() (its creationMs, and the wall time of that first call), then the first
//     login on the engine (the object already made, so creation is not in it), then the warm rounds;
//   - "pure" processes: the first login with the default engine, nothing before it; then they exit.
// A first login is only "first" in a process where no login ran before it (the JIT, the library's lazily built
// tables), hence one kind of first login per process.
// workerd (nodejs_compat) gets a tiny worker that creates the Diffie-Hellman object inside a request and checks that
// nodeCryptoEngine() refuses with ENGINE_UNAVAILABLE.
//
// Usage: node engines.mjs [--quick] [--no-write] [--print-json]   → the "Engines by runtime" section of RESULTS.md, and
// engines.json; --print-json ends stdout with the summary as one JSON line (for run.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { findBinary } from '../scripts/runtimes/deno-bun-chromium.mjs';
import { machineLine, markdownTable, median } from './lib/measure.mjs';
import { BENCH_DIR, REPO_DIR } from './lib/vector.mjs';
import { cpuDelta, startWorkerd, threadCpu, workerdBinary } from './runtimes/workerd.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = !args.includes('--no-write');

const CACHE = join(BENCH_DIR, '.cache/engines');
const RESULTS_MD = join(BENCH_DIR, 'RESULTS.md');
const RESULTS_JSON = join(BENCH_DIR, 'engines.json');
const SECTION = '## Engines by runtime';

/** Fresh processes of each kind per runtime; rounds × logins per round of every warm row, per phase and process. */
const PLAN = quick
  ? { processes: 2, rounds: 4, perRound: 3, warmUp: 20, workerdSamples: 1 }
  : { processes: 3, rounds: 6, perRound: 4, warmUp: 20, workerdSamples: 2 };

// ---------------------------------------------------------------------------------------------------------------
// The measurement script, run in Node, Bun and Deno. One JSON line on stdout.

const CHILD_SOURCE = `
import process from 'node:process';
import { createSrpSession, respondToPasswordVerifier } from '@cognito-kit/srp';
import { nodeCryptoEngine, precomputeFixedBase } from '@cognito-kit/srp/node-crypto';
import { challengeParameters, expected, fixedBytes, input } from './lib/vector.mjs';

const plan = JSON.parse(process.argv[process.argv.length - 1]);
const answerInput = { userPoolId: input.poolId, password: input.password, challengeParameters, now: input.now };

function login(engine) {
  const session = createSrpSession(engine === undefined ? { randomBytes: fixedBytes } : { randomBytes: fixedBytes, engine });
  if (session.srpA !== expected.srpA) throw new Error('SRP_A differs from the vector: ' + session.srpA);
  return respondToPasswordVerifier(session, answerInput).PASSWORD_CLAIM_SIGNATURE;
}

/** Times one login and fails loudly on a wrong signature (the check stays outside the timed region). */
function timed(name, fn) {
  const t0 = performance.now();
  const signature = fn();
  const ms = performance.now() - t0;
  if (signature !== expected.signature) throw new Error(name + ': signature ' + signature + ', the vector says ' + expected.signature);
  return ms;
}

function runtime() {
  const v = process.versions;
  if (globalThis.Bun) return { runtime: 'Bun', version: v.bun, engineLine: 'JavaScriptCore, BoringSSL' };
  if (globalThis.Deno) return { runtime: 'Deno', version: v.deno, engineLine: 'V8 ' + v.v8.split('-')[0] + ", Deno's node:crypto" };
  return { runtime: 'Node', version: v.node, engineLine: 'V8 ' + v.v8.split('-')[0] + ', OpenSSL ' + v.openssl };
}

/**
 * Rounds of entries, each entry timed login by login; the order is reversed every other round so that a slow phase
 * of the machine lands on every entry alike. Returns { name: median ms } and the sample counts.
 */
function rounds(entries) {
  const samples = new Map(entries.map((e) => [e.name, []]));
  for (let r = 0; r < plan.rounds; r++) {
    for (const { name, fn } of r % 2 === 0 ? entries : [...entries].reverse()) {
      for (let i = 0; i < plan.perRound; i++) samples.get(name).push(timed(name, fn));
    }
  }
  const medians = {};
  for (const [name, list] of samples) medians[name] = middle(list);
  return { medians, samplesPerRow: plan.rounds * plan.perRound };
}

function middle(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function warmUp(fn, n, name) {
  for (let i = 0; i < n; i++) timed(name, fn);
}

const out = { kind: plan.kind, ...runtime() };
if (plan.kind === 'pure') {
  // Nothing ran before this login but loading the bundle.
  out.firstLoginMs = timed('first pure login', () => login());
  out.secondLoginMs = timed('second pure login', () => login());
} else {
  let t0 = performance.now();
  const engine = nodeCryptoEngine();
  out.creationWallMs = performance.now() - t0;
  out.creationMs = engine.creationMs;
  out.firstLoginMs = timed('first engine login', () => login(engine));
  out.secondLoginMs = timed('second engine login', () => login(engine));

  // The reference is loaded only now: its module creates its own Diffie-Hellman object (about as slow as ours in Bun).
  t0 = performance.now();
  const { openssl1024 } = await import('./lib/peers/openssl.mjs');
  out.referenceImportMs = performance.now() - t0;

  // Warm, before precomputeFixedBase(): the default path has built its tables lazily by the end of the warm-up (the
  // short comb after 16 g^x), while the engine sends g^a, g^x and S to the runtime's crypto.
  const pure = { name: 'pure', fn: () => login() };
  const native = { name: 'engine', fn: () => login(engine) };
  const reference = { name: 'reference', fn: () => openssl1024.login() };
  warmUp(pure.fn, plan.warmUp, 'pure');
  warmUp(native.fn, plan.warmUp, 'engine');
  warmUp(reference.fn, plan.warmUp, 'reference');
  out.before = rounds([pure, native, reference]);

  // After precomputeFixedBase(): the same engine takes g^a and g^x from the tables, only S goes to the runtime.
  t0 = performance.now();
  precomputeFixedBase();
  out.precomputeMs = performance.now() - t0;
  const tables = { name: 'engine+tables', fn: () => login(engine) };
  warmUp(tables.fn, plan.warmUp, 'engine+tables');
  out.after = rounds([pure, tables, reference]);
}
console.log(JSON.stringify(out));
`;

/** The child bundle: everything inlined (the library, its node-crypto entry, the vector, the reference). */
async function bundleChild() {
  mkdirSync(CACHE, { recursive: true });
  const outfile = join(CACHE, 'child.mjs');
  const shim = join(CACHE, 'globals.mjs');
  // lib/vector.mjs uses the Buffer and process globals, which Deno does not define: give them from node: modules.
  writeFileSync(shim, "import { Buffer } from 'node:buffer';\nimport process from 'node:process';\nexport { Buffer, process };\n");
  await build({
    stdin: { contents: CHILD_SOURCE, resolveDir: BENCH_DIR, sourcefile: 'engines-child.mjs', loader: 'js' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    inject: [shim],
    external: ['node:*'],
    logLevel: 'error',
  });
  return outfile;
}

// ---------------------------------------------------------------------------------------------------------------
// Running the child in each runtime.

/** The runtimes found here: { name, command(file, plan) → [binary, args, env] }; a missing one is reported. */
function runtimes(log) {
  const found = [{ name: 'Node', command: (file, plan) => [process.execPath, [file, JSON.stringify(plan)], {}] }];
  const denoDir = join(CACHE, 'deno-dir');
  const tryFind = (name, make) => {
    try {
      const binary = findBinary(name.toLowerCase());
      found.push({ name, command: make(binary) });
    } catch (error) {
      log(`${name}: ${error.message}`);
      found.push({ name, missing: error.message });
    }
  };
  tryFind('Bun', (bun) => (file, plan) => [bun, ['--no-install', 'run', file, JSON.stringify(plan)], { DO_NOT_TRACK: '1' }]);
  // Deno reads the vector file and the package.json files lib/vector.mjs looks for the repository in, and the one
  // variable that can name the repository; nothing else.
  tryFind('Deno', (deno) => (file, plan) => [
    deno,
    ['run', '--no-prompt', '--no-config', '--no-lock', '--no-remote', '--no-npm', `--allow-read=${REPO_DIR}`, '--allow-env=COGNITO_KIT_REPO', file, JSON.stringify(plan)],
    { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1' },
  ]);
  return found;
}

/** One fresh process: returns its JSON line, or throws with its stderr. */
function runChild(rt, file, plan) {
  const [binary, argv, env] = rt.command(file, plan);
  const result = spawnSync(binary, argv, { cwd: CACHE, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${rt.name} (${plan.kind}): exit ${result.status ?? result.signal}: ${(result.stderr || result.error?.message || '').trim().slice(-1500)}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

/** All samples: for each sample index, every runtime (order alternated) runs one engine and one pure process. */
function sampleRuntimes(list, file, log) {
  const samples = new Map(list.map((rt) => [rt.name, { engine: [], pure: [] }]));
  const usable = list.filter((rt) => !rt.missing);
  for (let i = 0; i < PLAN.processes; i++) {
    for (const rt of i % 2 ? [...usable].reverse() : usable) {
      for (const kind of i % 2 ? ['pure', 'engine'] : ['engine', 'pure']) {
        const started = Date.now();
        const line = runChild(rt, file, { kind, rounds: PLAN.rounds, perRound: PLAN.perRound, warmUp: PLAN.warmUp });
        samples.get(rt.name)[kind].push(line);
        log(`${rt.name} ${kind} process ${i + 1}/${PLAN.processes}: first login ${line.firstLoginMs.toFixed(1)} ms${kind === 'engine' ? `, creation ${formatMs(line.creationMs)}, warm engine ${line.before.medians.engine.toFixed(2)} ms vs pure ${line.before.medians.pure.toFixed(2)} ms` : ''} (${Date.now() - started} ms)`);
      }
    }
  }
  return samples;
}

/** Medians over the processes of one runtime; ratios are taken within each process and phase, then the median. */
function summarize(name, { engine, pure }) {
  const med = (values) => median([...values].sort((a, b) => a - b));
  const over = (pick) => med(engine.map(pick));
  // The faster engine row over the processes, and the phase it was measured in.
  const best = over((p) => p.after.medians['engine+tables']) <= over((p) => p.before.medians.engine) ? 'engine+tables' : 'engine';
  const phaseOf = (row) => (row === 'engine' ? 'before' : 'after');
  const first = engine[0] ?? pure[0];
  return {
    runtime: name,
    version: first.version,
    engineLine: first.engineLine,
    processes: { engine: engine.length, pure: pure.length },
    creationMs: over((p) => p.creationMs),
    creationWallMs: over((p) => p.creationWallMs),
    referenceImportMs: over((p) => p.referenceImportMs),
    precomputeMs: over((p) => p.precomputeMs),
    firstLoginMs: { pure: med(pure.map((p) => p.firstLoginMs)), engine: over((p) => p.firstLoginMs) },
    secondLoginMs: { pure: med(pure.map((p) => p.secondLoginMs)), engine: over((p) => p.secondLoginMs) },
    warmMs: {
      pure: over((p) => p.before.medians.pure),
      pureAfterPrecompute: over((p) => p.after.medians.pure),
      engine: over((p) => p.before.medians.engine),
      engineTables: over((p) => p.after.medians['engine+tables']),
      reference: over((p) => p.before.medians.reference),
      referenceAfterPrecompute: over((p) => p.after.medians.reference),
    },
    ratios: {
      engineToPure: over((p) => p.before.medians.engine / p.before.medians.pure),
      engineTablesToPure: over((p) => p.after.medians['engine+tables'] / p.after.medians.pure),
      best,
      bestToPure: over((p) => p[phaseOf(best)].medians[best] / p[phaseOf(best)].medians.pure),
      bestToReference: over((p) => p[phaseOf(best)].medians[best] / p[phaseOf(best)].medians.reference),
    },
    samplesPerRowAndPhase: engine[0]?.before.samplesPerRow,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// workerd with nodejs_compat.

const WORKER_SOURCE = `
import { Buffer } from 'node:buffer';
import { createDiffieHellman } from 'node:crypto';
import { N } from '@cognito-kit/srp';
import { nodeCryptoEngine } from '@cognito-kit/srp/node-crypto';

const prime = N.toString(16);
export default {
  // Everything inside a request: the global scope of a Worker has its own, smaller, CPU budget at start-up.
  fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === '/create') {
      const dh = createDiffieHellman(Buffer.from(prime, 'hex'), 2);
      return Response.json({ primeBytes: dh.getPrime().length });
    }
    if (path === '/engine') {
      try {
        return Response.json({ offered: true, creationMs: nodeCryptoEngine().creationMs });
      } catch (error) {
        return Response.json({ offered: false, name: error.name, code: error.code, message: error.message });
      }
    }
    return Response.json({ noop: true });
  },
};
`;

async function bundleWorker() {
  const dir = join(CACHE, 'workerd');
  mkdirSync(dir, { recursive: true });
  await build({
    stdin: { contents: WORKER_SOURCE, resolveDir: BENCH_DIR, sourcefile: 'engines-worker.mjs', loader: 'js' },
    outfile: join(dir, 'worker.js'),
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    external: ['node:*'],
    logLevel: 'error',
  });
  return dir;
}

/** One fresh `workerd serve` with nodejs_compat: three no-op requests (the baseline), one /create, one /engine. */
async function workerdSample(binary, dir) {
  const w = await startWorkerd(binary, join(dir, 'worker.js'), { compatibilityFlags: ['nodejs_compat'] });
  try {
    const request = async (path) => {
      const before = threadCpu(w.pid);
      const t0 = performance.now();
      const body = await w.get(path);
      const wallMs = performance.now() - t0;
      const cpu = cpuDelta(w.pid, before, threadCpu(w.pid));
      return { body, wallMs, cpuMs: cpu.mainMs, allThreadsCpuMs: cpu.totalMs };
    };
    const noops = [await request('/noop'), await request('/noop'), await request('/noop')];
    const base = { cpuMs: median(noops.map((r) => r.cpuMs).sort((a, b) => a - b)), wallMs: median(noops.map((r) => r.wallMs).sort((a, b) => a - b)) };
    const create = await request('/create');
    const engine = await request('/engine');
    return {
      createCpuMs: create.cpuMs - base.cpuMs,
      createAllThreadsCpuMs: create.allThreadsCpuMs,
      createWallMs: create.wallMs - base.wallMs,
      baselineCpuMs: base.cpuMs,
      primeBytes: create.body.primeBytes,
      engine: engine.body,
      engineRequestWallMs: engine.wallMs,
    };
  } finally {
    await w.stop();
  }
}

async function measureWorkerd(log) {
  let binary;
  try {
    binary = workerdBinary();
  } catch (error) {
    log(`workerd: ${error.message}`);
    return { missing: error.message };
  }
  const dir = await bundleWorker();
  const version = (spawnSync(binary.path, ['--version'], { encoding: 'utf8' }).stdout ?? '').trim();
  const samples = [];
  for (let i = 0; i < PLAN.workerdSamples; i++) {
    const sample = await workerdSample(binary.path, dir);
    samples.push(sample);
    log(`workerd sample ${i + 1}/${PLAN.workerdSamples}: createDiffieHellman ${sample.createCpuMs.toFixed(0)} ms CPU (isolate thread), ${sample.createWallMs.toFixed(0)} ms wall; nodeCryptoEngine(): ${sample.engine.offered ? 'offered' : `${sample.engine.name} ${sample.engine.code}`}`);
  }
  const refused = samples.every((s) => !s.engine.offered && s.engine.code === 'ENGINE_UNAVAILABLE');
  if (!refused) throw new Error(`workerd: nodeCryptoEngine() did not throw ENGINE_UNAVAILABLE: ${JSON.stringify(samples.map((s) => s.engine))}`);
  const med = (pick) => median(samples.map(pick).sort((a, b) => a - b));
  return {
    runtime: 'workerd',
    version,
    packageVersion: binary.packageVersion,
    compatibility: 'compatibilityDate 2025-01-01, nodejs_compat',
    createCpuMs: med((s) => s.createCpuMs),
    createWallMs: med((s) => s.createWallMs),
    engineError: samples[0].engine,
    samples,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The table.

/** "3 µs", "0.25 ms", "12.3 ms", "1.52 s" */
function formatMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 0.1) return `${Math.max(1, Math.round(ms * 1000))} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
const ratio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—');
const BEST_LABEL = { engine: 'engine', 'engine+tables': 'engine + precomputeFixedBase' };

/**
 * The verdict, read off the numbers (never a pass/fail): how much the best engine row saves per warm login, and how
 * many logins repay creating the object.
 */
function verdict(s) {
  const saved = s.warmMs.pure * (1 - s.ratios.bestToPure);
  if (!(saved > 0) || s.ratios.bestToPure > 0.95) return `${s.runtime}: no gain, keep the default`;
  const breakEven = Math.ceil(s.creationMs / saved);
  const repaid = breakEven <= 1 ? 'creation repaid by the first login' : `creation repaid after ~${breakEven} logins`;
  // Where the engine alone is slower than the default, say so: the gain then comes from the tables.
  const onlyWithTables = s.ratios.best === 'engine+tables' && s.ratios.engineToPure >= 1 ? `; without precomputeFixedBase ${ratio(s.ratios.engineToPure)}, slower than pure` : '';
  const share = `${ratio(s.ratios.bestToPure)} of the pure login${s.ratios.best === 'engine+tables' ? ' with precomputeFixedBase' : ''}`;
  if (s.creationMs >= 100) return `${s.runtime}: only for a long-lived process: creation ${formatMs(s.creationMs)}, ${repaid.replace(/^creation /, '')} (${share})`;
  if (s.ratios.bestToPure > 0.75) return `${s.runtime}: marginal (${share}${onlyWithTables})`;
  return `${s.runtime}: use it (${share}; ${repaid})`;
}

function tableRows(summaries, workerd) {
  const rows = summaries.map((s) =>
    s.missing
      ? [s.runtime, 'not found', '—', '—', '—', '—', '—', '—', '—', `${s.runtime}: not run (${s.missing})`]
      : [
          `${s.runtime} ${s.version} (${s.engineLine})`,
          formatMs(s.creationMs),
          `${formatMs(s.firstLoginMs.pure)} / ${formatMs(s.firstLoginMs.engine)}`,
          formatMs(s.warmMs.pure),
          formatMs(s.warmMs.engine),
          formatMs(s.warmMs.engineTables),
          formatMs(s.warmMs.reference),
          `${ratio(s.ratios.engineToPure)} / ${ratio(s.ratios.engineTablesToPure)}`,
          `${ratio(s.ratios.bestToReference)} (${BEST_LABEL[s.ratios.best]})`,
          verdict(s),
        ],
  );
  if (workerd.missing) rows.push(['workerd', 'not found', '—', '—', '—', '—', '—', '—', '—', `workerd: not run (${workerd.missing})`]);
  else {
    rows.push([
      `workerd ${workerd.version.replace(/^workerd\s*/, '')} (nodejs_compat)`,
      `${formatMs(workerd.createCpuMs)} CPU`,
      '—', '—', '—', '—', '—', '—', '—',
      `workerd: not offered: ${workerd.engineError.code}, creating the object costs ${formatMs(workerd.createCpuMs)} of CPU`,
    ]);
  }
  return rows;
}

function section(summaries, workerd, date) {
  const header = ['runtime', 'creating the DH object', 'first login: pure / engine', 'warm: pure', 'engine', 'engine + precomputeFixedBase', 'node:crypto reference', 'engine ÷ pure (engine / + tables)', 'best engine ÷ reference', 'verdict'];
  const ran = summaries.find((s) => !s.missing);
  const command = `node benchmarks/engines.mjs${quick ? ' --quick' : ''}`;
  return [
    SECTION,
    '',
    `Run: ${date} · ${machineLine()} · \`${command}\``,
    '',
    `\`@cognito-kit/srp/node-crypto\`'s \`nodeCryptoEngine()\` in each runtime, from one esbuild bundle (the library, its node-crypto entry, the fixed input of lib/vector.mjs and the reference of lib/peers/openssl.mjs) run in fresh processes: per runtime ${PLAN.processes} "engine" processes and ${PLAN.processes} "pure" processes, interleaved. Medians over the processes; every login's PASSWORD_CLAIM_SIGNATURE is checked against the vector.`,
    '',
    `- **creating the DH object**: \`creationMs\` of the first \`nodeCryptoEngine()\` of an engine process (\`createDiffieHellman(N, 2)\` alone; JSON also has the wall time of the whole first call).`,
    `- **first login**: one full login (\`createSrpSession\` + \`respondToPasswordVerifier\`) right after loading the bundle. Pure: in a "pure" process, where nothing else ran. Engine: in an "engine" process, right after \`nodeCryptoEngine()\`, so the creation is **not** in it (add the creation column for a one-login process). One kind of first login per process, since a login warms the JIT and builds tables for the next.`,
    `- **warm** (engine processes, after ${PLAN.warmUp} warm-up logins per row): ${PLAN.rounds} rounds × ${PLAN.perRound} logins per row and phase (${ran?.samplesPerRowAndPhase ?? PLAN.rounds * PLAN.perRound} per process), each login timed with \`performance.now()\`, the order of the rows reversed every other round. Phase 1: pure (the default engine; its lazily built tables are in place after the warm-up), engine (g^a, g^x and S by the runtime's crypto), reference. Then \`precomputeFixedBase()\` and phase 2: pure, engine + precomputeFixedBase (g^a and g^x from the tables, S by the runtime), reference. The ratios are taken within one process and phase, then the median over the processes; "best engine" is whichever engine row is faster.`,
    `- **node:crypto reference**: lib/peers/openssl.mjs, a login from node:crypto primitives only (its own DH object, made when the module loads).`,
    `- **workerd** (compatibilityDate 2025-01-01, \`nodejs_compat\`): a worker that calls \`createDiffieHellman(N, 2)\` once inside a request; the CPU of workerd's main thread (the isolate's, from /proc/<pid>/task/<pid>/schedstat) during that request minus a no-op request's; ${PLAN.workerdSamples} fresh workerd process(es), median. In the same process \`nodeCryptoEngine()\` throws SrpError \`ENGINE_UNAVAILABLE\` without creating anything.`,
    '',
    markdownTable(header, tableRows(summaries, workerd), ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']),
    '',
    'The verdicts are read off this run\'s numbers (how much the best engine row saves per warm login, and how many logins repay the creation); nothing here is asserted. Raw numbers per process: [engines.json](engines.json).',
    '',
  ].join('\n');
}

/** Replaces the section in RESULTS.md, or adds it, at the end (run.mjs owns everything above "## Bundle size"). */
function writeSection(text) {
  let md = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '# Benchmark results\n';
  const start = md.indexOf(SECTION);
  if (start >= 0) {
    const next = md.indexOf('\n## ', start + 3);
    md = md.slice(0, start) + (next >= 0 ? md.slice(next + 1) : '');
  }
  writeFileSync(RESULTS_MD, md.trimEnd() + '\n\n' + text);
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const log = (line) => console.error(line);
  const started = Date.now();
  if (!existsSync(join(REPO_DIR, 'packages/srp/dist/node-crypto.js'))) {
    throw new Error('packages/srp/dist/node-crypto.js is missing: run `pnpm --filter @cognito-kit/srp run build` first');
  }
  const file = await bundleChild();
  const list = runtimes(log);
  const samples = sampleRuntimes(list, file, log);
  const summaries = list.map((rt) => (rt.missing ? { runtime: rt.name, missing: rt.missing } : summarize(rt.name, samples.get(rt.name))));
  const workerd = await measureWorkerd(log);

  const date = new Date().toISOString();
  const text = section(summaries, workerd, date);
  console.log(text);
  if (write) {
    writeSection(text);
    const raw = { date, machine: machineLine(), command: `node benchmarks/engines.mjs${quick ? ' --quick' : ''}`, plan: PLAN, runtimes: summaries, processes: Object.fromEntries(samples), workerd };
    writeFileSync(RESULTS_JSON, JSON.stringify(raw, null, 2) + '\n');
    console.log(`wrote the "${SECTION.slice(3)}" section of ${RESULTS_MD} and ${RESULTS_JSON}`);
  }
  log(`engines: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // run.mjs (`pnpm bench`) reads this run's numbers from the last line, written or not
  if (args.includes('--print-json')) console.log(JSON.stringify({ date, runtimes: summaries, workerd }));
}

await main();

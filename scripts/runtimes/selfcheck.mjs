#!/usr/bin/env node
// Checks that scripts/runtimes/run.mjs fails when it should, in each runtime: broken variants are bundled through
// esbuild plugins (source files swapped in memory, never on disk) or fed a corrupted vector, a hung or throwing
// worker, a driver told the wrong runtime, a missing binary; the CLI's exit code, last line and RESULTS_FILE too.
//
//   node scripts/runtimes/selfcheck.mjs [deno] [bun] [chromium] [--verbose]     (default: all three)
//
// The last line is `runtimes-selfcheck: N passed, M failed`.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNTIMES, runInRuntime } from './run.mjs';
import { runSelfcheckJobs } from '../../packages/srp/scripts/selfcheck-jobs.mjs';
import { repoRoot } from '../../packages/srp/scripts/test-workerd.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const baseDir = join(repoRoot, '.cache/runtimes-selfcheck');
rmSync(baseDir, { recursive: true, force: true });
mkdirSync(baseDir, { recursive: true });
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const runtimes = wanted.length > 0 ? wanted : Object.keys(RUNTIMES);

/** An esbuild plugin that edits one source file in memory; fails the build if the text to replace is gone. */
function patch(name, fileSuffix, search, replacement) {
  const escaped = fileSuffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\//g, '[\\\\/]');
  return {
    name: `patch-${name}`,
    setup(build) {
      build.onLoad({ filter: new RegExp(`${escaped}$`) }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (search !== null && !source.includes(search)) throw new Error(`self-check patch ${name}: text not found in ${fileSuffix}`);
        return { contents: search === null ? replacement : source.replace(search, replacement), loader: 'ts' };
      });
    },
  };
}

const failing = (r) => r.cases?.filter((c) => !c.ok && !c.skipped).map((c) => c.name) ?? [];
const hasProblem = (r, text) => r.problems.some((p) => p.includes(text));
const SRP_WORKER = 'srp/test/workerd/worker.ts';

/** Scenarios for one runtime; `only` limits one to some runtimes. */
const scenarios = (runtime) => [
  { name: 'baseline passes', options: {}, expect: (r) => r.failed === 0 && r.passed > 255 && r.problems.length === 0 },
  {
    name: 'padHex without the 00 sign byte fails the srp vectors',
    options: { plugins: [patch('pad', 'srp/src/pad.ts', "if (hex.charCodeAt(0) >= 56 /* '8' */) hex = '00' + hex;", '/* sabotaged */')] },
    expect: (r) => r.failed > 10 && r.problems.length === 0 && failing(r).some((n) => n.startsWith('srp/srp:')),
  },
  {
    name: 'one corrupted vector signature fails exactly that case',
    options: { mutateVectors: (vs) => vs.map((v) => (v.id === 'srp-rand-005' ? { ...v, expected: { ...v.expected, signature: 'AAAA' + v.expected.signature.slice(4) } } : v)) },
    expect: (r) => r.failed === 1 && failing(r).join() === 'srp/srp:srp-rand-005',
  },
  {
    name: 'Buffer used in src/encoding.ts fails (no Buffer in a browser)',
    only: ['chromium'],
    options: {
      plugins: [patch('buffer', 'srp/src/encoding.ts', 'export function bytesToHex(bytes: Uint8Array): string {', "export function bytesToHex(bytes: Uint8Array): string {\n  return Buffer.from(bytes).toString('hex');")],
    },
    // A module-level use stops the bundle from loading at all: then the page error names Buffer.
    expect: (r) => r.failed >= 1 && r.passed <= 1 && (failing(r).length > 10 || hasProblem(r, 'pageerror: Buffer is not defined')) && r.ms < 60_000,
  },
  {
    name: 'the driver told another runtime fails its identity case',
    options: { claim: runtime === 'deno' ? 'bun' : 'deno' },
    expect: (r) => failing(r).includes(`driver/runtime:is-${runtime === 'deno' ? 'bun' : 'deno'}`),
  },
  {
    name: 'a worker that runs no case fails',
    options: { plugins: [patch('empty', SRP_WORKER, null, 'export default { async test() {} };')] },
    expect: (r) => r.passed <= 1 && r.failed >= 1 && hasProblem(r, 'no test case ran'),
  },
  {
    name: 'a handler that throws outside the harness fails',
    options: { plugins: [patch('throws', SRP_WORKER, null, "export default { async test() { console.log('CASE PASS fake/x'); throw new Error('boom'); } };")] },
    expect: (r) => r.failed >= 1 && hasProblem(r, 'without a failing case'),
  },
  {
    name: 'a hung worker is stopped at the timeout',
    options: { timeoutMs: 4000, plugins: [patch('hung', SRP_WORKER, null, 'export default { async test() { for (;;) {} } };')] },
    expect: (r) => r.failed >= 1 && hasProblem(r, 'did not finish'),
  },
  {
    name: 'a worker that fetches anything but loopback fails',
    only: ['chromium'],
    options: { plugins: [patch('fetch', SRP_WORKER, null, "export default { async test() { console.log('CASE PASS fake/x'); try { await fetch('https://example.com/'); } catch {} } };")] },
    expect: (r) => r.failed >= 1 && hasProblem(r, 'blocked request: https://example.com/'),
  },
  { name: 'request-builder: baseline passes', options: { package: 'request-builder' }, expect: (r) => r.failed === 0 && r.passed > 30 && r.problems.length === 0 },
  {
    name: 'request-builder: SECRET_HASH over the wrong input fails the flow cases',
    options: {
      package: 'request-builder',
      plugins: [
        patch('rb-secret-hash', 'request-builder/src/auth-parameters.ts', 'params.SECRET_HASH = secretHash(username, input.clientId as string, clientSecret);', 'params.SECRET_HASH = secretHash(input.clientId as string, username, clientSecret);'),
      ],
    },
    expect: (r) => r.problems.length === 0 && failing(r).includes('initiate/admin:USER_SRP_AUTH-creates-a-session-with-Web-Crypto'),
  },
];

/** The CLI: exit code, last line and RESULTS_FILE. */
function runCli(name, args, env = {}) {
  const dir = join(baseDir, name);
  const resultsFile = join(dir, 'results.json');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(here, 'run.mjs'), ...args], {
      env: { ...process.env, RUNTIMES_OUT_DIR: join(dir, 'out'), RESULTS_FILE: resultsFile, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      let results;
      try {
        results = JSON.parse(readFileSync(resultsFile, 'utf8'));
      } catch {
        results = undefined;
      }
      const lines = out.trim().split('\n');
      resolve({ code, last: lines[lines.length - 1], results });
    });
  });
}

const cliScenarios = (runtime) => [
  {
    name: 'CLI: RUNTIMES_CORRUPT_VECTOR exits 1 with exactly one failure',
    args: ['--runtime', runtime],
    env: { RUNTIMES_CORRUPT_VECTOR: 'srp-rand-005' },
    expect: (r) => r.code === 1 && new RegExp(`^${runtime}: \\d+ passed, 1 failed$`).test(r.last) && r.results?.runner === runtime && r.results.failed === 1,
  },
  {
    name: 'CLI: request-builder passes and writes RESULTS_FILE with its package',
    args: ['--runtime', runtime, '--package', 'request-builder'],
    expect: (r) => r.code === 0 && new RegExp(`^${runtime}: \\d+ passed, 0 failed$`).test(r.last) && r.results?.package === '@cognito-kit/request-builder' && r.results.passed > 0,
  },
  {
    name: 'CLI: a missing runtime binary exits 1',
    only: ['deno', 'bun'],
    args: ['--runtime', runtime],
    env: { [`${runtime.toUpperCase()}_BIN`]: '/nonexistent/bin' },
    expect: (r) => r.code === 1 && /: 0 passed, [1-9]\d* failed$/.test(r.last) && r.results?.failed > 0,
  },
];

const jobs = [];
for (const runtime of runtimes) {
  for (const [index, s] of scenarios(runtime).entries()) {
    if (s.only && !s.only.includes(runtime)) continue;
    jobs.push(async () => {
      const r = await runInRuntime({ runtime, ...s.options, outDir: join(baseDir, `${runtime}-${index}`), log: () => {} });
      return { name: `${runtime}: ${s.name}`, ok: s.expect(r), detail: `passed=${r.passed} failed=${r.failed}; failing: ${failing(r).slice(0, 3).join(', ') || '-'}; problems: ${r.problems.join(' | ').slice(0, 300) || '-'}` };
    });
  }
  for (const [index, s] of cliScenarios(runtime).entries()) {
    if (s.only && !s.only.includes(runtime)) continue;
    jobs.push(async () => {
      const r = await runCli(`${runtime}-cli${index}`, s.args, s.env);
      return { name: `${runtime}: ${s.name}`, ok: s.expect(r), detail: `exit ${r.code}; last line ${JSON.stringify(r.last)}; results ${JSON.stringify(r.results)}` };
    });
  }
}

const started = Date.now();
process.exitCode = await runSelfcheckJobs('runtimes-selfcheck', jobs, started);

#!/usr/bin/env node
// Runs a package's workerd worker (packages/<package>/test/workerd/worker.ts, the same named cases) in Deno, Bun or
// headless Chromium, to back the README's promise that the library runs unchanged there too.
//
//   node scripts/runtimes/run.mjs --runtime deno|bun|chromium [--package srp|request-builder] [--verbose]
//
// 1. bundles the worker with the workerd runner's own code (bundleWorker in packages/srp/scripts/test-workerd.mjs:
//    same esbuild options, vectors module, @cognito-kit/srp → srp src alias and allowed-inputs check);
// 2. runs it with driver.mjs, which calls every exported handler's test() in the runtime:
//    deno: `deno run` with no permission at all (no file, env or network access), no config, no lock file;
//    bun: `bun --no-install run`;
//    chromium: a page from a loopback server (127.0.0.1, random port); every other request is aborted and counts
//    as a failure; Chromium is installed with apt-get when `command -v chromium` finds none;
// 3. counts the CASE lines with the workerd runner's parseOutput and the same checks (every vector one case, every
//    handler ran and finished, each GROUP tally matches), and prints `<runtime>: N passed, M failed` last.
//
// Workerd-only cases: the workers assert that Node's globals are absent and that navigator.userAgent is
// Cloudflare-Workers. Deno 2 and Bun define process, Buffer, global and setImmediate by design, and no runtime but
// workerd is Cloudflare-Workers: the driver passes { runtime } as env to each test(), and the workers log those
// cases as `CASE SKIP` there (noted here, not counted); the driver's own case `driver/runtime:is-<runtime>` checks
// the runtime instead. Chromium keeps the "no Node global" cases: a browser has none.
//
// Tools, first found wins: DENO_BIN / BUN_BIN / CHROMIUM_BIN; then the deno, bun and playwright-core packages as
// installed in the workspace root, packages/srp or packages/request-builder; then RUNTIMES_TOOLS_DIR (a prefix
// holding node_modules, e.g. from `npm install --prefix`); then $PATH (deno, bun) or NODE_PATH (playwright-core).
// Environment: RESULTS_FILE ({runner, [package,] passed, failed}), RUNTIMES_TIMEOUT_MS (default 120000),
// RUNTIMES_OUT_DIR (default packages/<package>/.cache/runtimes/<runtime>), RUNTIMES_CORRUPT_VECTOR=<id> (changes
// that vector's expected signature: the run must then fail exactly that case). Exit 1 on any failure, a crash, a
// timeout, or when no case ran.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PACKAGES, bundleWorker, parseOutput, repoRoot } from '../../packages/srp/scripts/test-workerd.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The runtimes this runner drives. The workers skip the cases that cannot hold there themselves (`CASE SKIP`). */
export const RUNTIMES = { deno: {}, bun: {}, chromium: {} };

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// ---------------------------------------------------------------------------------------------------------------
// Finding the tools.

function searchDirs() {
  const dirs = [repoRoot, join(repoRoot, 'packages/srp'), join(repoRoot, 'packages/request-builder')];
  if (process.env.RUNTIMES_TOOLS_DIR) dirs.push(resolve(process.env.RUNTIMES_TOOLS_DIR));
  return dirs;
}

/** The directory of package `name` as installed for one of searchDirs(), or NODE_PATH; undefined if none. */
function packageDir(name) {
  for (const dir of [...searchDirs(), undefined]) {
    try {
      const require = createRequire(join(dir ?? process.cwd(), 'noop.js'));
      return dirname(require.resolve(`${name}/package.json`, dir === undefined ? undefined : { paths: [dir] }));
    } catch {
      // next
    }
  }
  return undefined;
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/** The runtime's binary: the env override, the package's own binary (not a .bin shim, so a kill reaches it), $PATH. */
function findBinary(runtime) {
  const override = process.env[`${runtime.toUpperCase()}_BIN`];
  if (override) return override;
  const dir = packageDir(runtime);
  const inside = dir && (runtime === 'deno' ? join(dir, 'deno') : join(dir, 'bin', 'bun.exe'));
  if (inside && existsSync(inside)) return inside;
  for (const base of searchDirs()) {
    const shim = join(base, 'node_modules/.bin', runtime);
    if (existsSync(shim)) return shim;
  }
  const found = onPath(runtime);
  if (found) return found;
  throw new Error(`${runtime} not found: add the ${runtime} package (devDependency) or set ${runtime.toUpperCase()}_BIN`);
}

/** /usr/bin/chromium or whatever `command -v chromium` finds; installs Debian's package when there is none. */
export function ensureChromium(log) {
  if (process.env.CHROMIUM_BIN) return process.env.CHROMIUM_BIN;
  const which = () => spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
  let found = which();
  if (found) return found;
  if (!onPath('apt-get')) throw new Error('chromium is missing and there is no apt-get to install it: install Chromium or set CHROMIUM_BIN');
  const root = process.getuid?.() === 0;
  if (!root && !onPath('sudo')) throw new Error('chromium is missing; installing it needs root (apt-get install -y --no-install-recommends chromium)');
  const apt = (args) => {
    const [command, all] = root ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
    return spawnSync(command, all, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  const started = Date.now();
  log('chromium: not installed; apt-get install -y --no-install-recommends chromium');
  // A fresh machine has no package lists yet: update once, then try again.
  if (!apt(['install', '-y', '--no-install-recommends', 'chromium']) && !(apt(['update']) && apt(['install', '-y', '--no-install-recommends', 'chromium']))) {
    throw new Error('apt-get install chromium failed');
  }
  found = which();
  if (!found) throw new Error('apt-get installed chromium, but `command -v chromium` still finds nothing');
  log(`chromium: installed ${found} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Running the bundle.

/** Runs a command with a timeout; on timeout kills its whole process group (a shim's child too). */
function runProcess(command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    const finish = (code, signal, startError) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started, startError });
    };
    child.on('error', (error) => finish(null, null, `${command}: ${error.message}`));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

const runners = {
  // `denoAllowEnv` (suite.mjs only): the few variables vitest's colour detection (tinyrainbow) reads; the workers run
  // with no permission at all.
  deno: (outDir, timeoutMs, _log, { denoAllowEnv = [] } = {}) =>
    runProcess(findBinary('deno'), ['run', '--no-prompt', '--no-config', '--no-lock', '--no-remote', '--no-npm', ...(denoAllowEnv.length > 0 ? [`--allow-env=${denoAllowEnv.join(',')}`] : []), 'entry-deno.mjs'], {
      cwd: outDir,
      env: { DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(outDir, 'deno-dir') },
      timeoutMs,
    }),
  bun: (outDir, timeoutMs) => runProcess(findBinary('bun'), ['--no-install', 'run', 'entry-bun.mjs'], { cwd: outDir, env: { DO_NOT_TRACK: '1' }, timeoutMs }),
  chromium: runChromium,
};

export async function loadPlaywright() {
  const dir = packageDir('playwright-core');
  if (dir === undefined) throw new Error('playwright-core not found: add it (devDependency) or set RUNTIMES_TOOLS_DIR');
  const module = await import(pathToFileURL(createRequire(join(dir, 'package.json')).resolve('playwright-core')).href);
  return module.chromium ?? module.default.chromium;
}

/** Serves the bundle and the driver from 127.0.0.1 to a headless Chromium page; collects its console. */
async function runChromium(outDir, timeoutMs, log) {
  const started = Date.now();
  // Setup problems (no Chromium, no playwright-core, a launch failure) throw: run.mjs reports them as one failure.
  const executablePath = ensureChromium(log);
  const chromium = await loadPlaywright();
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: timeoutMs });
  let stdout = '';
  let stderr = '';
  const files = { '/': 'index.html', '/entry-chromium.mjs': 'entry-chromium.mjs', '/driver.mjs': 'driver.mjs', '/worker.js': 'worker.js' };
  const server = createServer((request, response) => {
    const name = files[new URL(request.url, 'http://x').pathname];
    if (name === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': name.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    response.end(readFileSync(join(outDir, name)));
  });
  try {
    await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `http://127.0.0.1:${server.address().port}`;
  let timer;
  let timedOut = false;
  let done = false;
  try {
    stdout += `BROWSER ${browser.version()}\n`;
    const page = await browser.newPage();
    // Loopback only: anything else the page asks for is refused and reported.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/')) return route.continue();
      stderr += `blocked request: ${url}\n`;
      return route.abort();
    });
    const finished = new Promise((resolveDone) => {
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' || message.type() === 'warning') stderr += text + '\n';
        else stdout += text + '\n';
        if (text === 'DRIVER DONE') resolveDone();
      });
      page.on('pageerror', (error) => {
        stderr += `pageerror: ${error.message}\n`;
        // Before the driver's first line, an uncaught error means the modules failed to load: nothing will run.
        if (!stdout.includes('RUNTIME ')) resolveDone();
      });
      page.on('crash', () => {
        stderr += 'page crashed\n';
        resolveDone();
      });
    });
    const timeout = new Promise((resolveTimeout) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolveTimeout();
      }, timeoutMs);
    });
    await page.goto(origin + '/', { timeout: timeoutMs, waitUntil: 'commit' });
    await Promise.race([finished, timeout]);
    done = !timedOut && stdout.includes('DRIVER DONE');
  } catch (error) {
    stderr += `chromium run failed: ${error?.message ?? error}\n`;
  } finally {
    clearTimeout(timer);
    // browser.close() itself can hang on a busy page: give it a few seconds, then leave it to Playwright's exit hook.
    await Promise.race([browser.close().catch(() => {}), new Promise((ok) => setTimeout(ok, 5000).unref())]);
    server.close();
  }
  return { code: done ? 0 : null, signal: null, stdout, stderr, timedOut, ms: Date.now() - started };
}

// ---------------------------------------------------------------------------------------------------------------
// Bundle, run, count.

/**
 * Bundles the package's worker as for workerd, runs it in `runtime` and counts. Never throws for a test failure;
 * returns { passed, failed, skipped, problems, cases, ms, ... }.
 *
 * @param {object} options
 * @param {'deno'|'bun'|'chromium'} options.runtime
 * @param {keyof PACKAGES} [options.package] 'srp' (default) or 'request-builder'
 * @param {string} [options.outDir]
 * @param {number} [options.timeoutMs]
 * @param {string} [options.claim] the runtime the driver is told it runs in (the self-check lies here)
 * @param {(line: string) => void} [options.log]
 * @param {boolean} [options.verbose]
 * Other options (plugins, mutateVectors, vectorFiles, srcDir, ...) go to bundleWorker unchanged.
 */
export async function runInRuntime(options) {
  const { runtime, claim = options.runtime, verbose = false, denoAllowEnv, ...bundleOptions } = options;
  const log = options.log ?? ((line) => console.log(line));
  const packageName = options.package ?? 'srp';
  const started = Date.now();
  const problems = [];
  const result = (passed, failed, extra = {}) => ({ passed, failed, skipped: 0, problems, ms: Date.now() - started, ...extra });
  if (!Object.hasOwn(RUNTIMES, runtime ?? '')) {
    problems.push(`unknown runtime ${JSON.stringify(runtime)} (use one of ${Object.keys(RUNTIMES).join(', ')})`);
    return result(0, 1);
  }
  if (!Object.hasOwn(PACKAGES, packageName)) {
    problems.push(`unknown package ${JSON.stringify(packageName)} (use one of ${Object.keys(PACKAGES).join(', ')})`);
    return result(0, 1);
  }
  const outDir = resolve(options.outDir ?? process.env.RUNTIMES_OUT_DIR ?? join(PACKAGES[packageName].dir, '.cache/runtimes', runtime));
  const timeoutMs = options.timeoutMs ?? Number(process.env.RUNTIMES_TIMEOUT_MS ?? 120_000);

  // 1. The bundle, exactly as for workerd.
  const bundle = await bundleWorker({ ...bundleOptions, package: packageName, outDir, log });
  problems.push(...bundle.problems);
  if (bundle.bundlePath === undefined) return result(0, Math.max(1, problems.length));
  const vectors = bundle.vectorData?.vectors ?? [];

  // 2. The driver next to it, and one entry module per runtime.
  for (const name of ['driver.mjs', `entry-${runtime}.mjs`, 'index.html', `${runtime}.log`]) rmSync(join(outDir, name), { force: true });
  copyFileSync(join(here, 'driver.mjs'), join(outDir, 'driver.mjs'));
  writeFileSync(
    join(outDir, `entry-${runtime}.mjs`),
    `import * as worker from './worker.js';\nimport { runHandlers } from './driver.mjs';\nawait runHandlers(worker, ${JSON.stringify(claim)});\n`,
  );
  if (runtime === 'chromium') {
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>cognito-kit</title><script type="module" src="/entry-chromium.mjs"></script>\n');
  }
  let run;
  try {
    run = await runners[runtime](outDir, timeoutMs, log, { ...(denoAllowEnv ? { denoAllowEnv } : {}) });
  } catch (error) {
    run = { startError: error?.message ?? String(error) };
  }
  if (run.startError !== undefined) {
    problems.push(`${runtime} could not start: ${run.startError}`);
    return result(0, problems.length);
  }
  writeFileSync(join(outDir, `${runtime}.log`), `exit ${run.code} signal ${run.signal}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
  const version = /^RUNTIME (\S+) (\S+) (.*)$/m.exec(run.stdout);
  const browserVersion = /^BROWSER (\S+)$/m.exec(run.stdout)?.[1];
  log(`${runtime}: ${version ? `${version[1]} ${browserVersion ?? version[2]} (${version[3]})` : 'no RUNTIME line'}; ran in ${run.ms} ms (exit ${run.code}${run.signal ? `, signal ${run.signal}` : ''}); log in ${relative(repoRoot, join(outDir, `${runtime}.log`))}`);

  // 3. Count, with the workerd runner's parser and its checks.
  const { cases, groups, handlers } = parseOutput(run);
  const skipped = [...run.stdout.matchAll(/^CASE SKIP \S+?\/(\S+?)(?:: .*)?$/gm)].map((m) => m[1]);
  if (skipped.length > 0) log(`note: ${skipped.length} cases do not apply in ${runtime} and were skipped by the worker: ${skipped.join(', ')}`);
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    if (c.ok) passed++;
    else failed++;
    if (!c.ok) log(`  FAIL ${c.name}: ${c.reason}`);
    else if (verbose) log(`  PASS ${c.name}`);
  }
  if (run.timedOut) problems.push(`${runtime} did not finish within ${timeoutMs} ms (killed)`);
  else if (!/^DRIVER DONE$/m.test(run.stdout)) problems.push(`${runtime} stopped before the driver finished (crash?)`);
  if (run.code !== 0 && !run.timedOut) problems.push(`${runtime} exited with ${run.code ?? run.signal}`);
  for (const line of run.stderr.split('\n')) {
    if (/^(blocked request|pageerror|page crashed|chromium run failed)/.test(line)) problems.push(line);
  }
  const entrypoints = bundle.exports.map((name) => (name === 'default' ? 'main' : `main:${name}`));
  for (const entry of entrypoints) {
    const state = handlers.get(entry);
    if (state === undefined) problems.push(`test ${entry} did not run`);
    else if (state === 'RUNNING') problems.push(`test ${entry} started but never finished`);
  }
  // A handler throws when one of its cases failed: fine if that case is counted as failed.
  for (const line of run.stderr.split('\n')) {
    const m = /\[ FAIL \] (\S+) \((.*)\)$/.exec(line);
    if (!m) continue;
    const tally = /(\d+) of \d+ (\S+) cases failed/.exec(m[2]);
    // (A suite worker, scripts/runtimes/suite.mjs, reports no group in its message: any failing case accounts for it.)
    const countedFailures = tally ? cases.filter((c) => !c.ok && c.name.startsWith(`${tally[2]}/`)).length : cases.filter((c) => !c.ok).length;
    if (countedFailures === 0) problems.push(`test ${m[1]} failed without a failing case: ${m[2].slice(0, 200)}`);
  }
  for (const [group, tally] of groups) {
    const mine = cases.filter((c) => c.name.startsWith(`${group}/`));
    const ok = mine.filter((c) => c.ok).length;
    if (ok !== tally.passed || mine.length - ok !== tally.failed) problems.push(`group ${group} reported ${tally.passed}/${tally.failed} but ${ok}/${mine.length - ok} CASE lines were seen`);
  }
  const seen = new Map();
  for (const c of cases) {
    const name = c.name.slice(c.name.indexOf('/') + 1);
    seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  const missing = vectors.filter((v) => seen.get(`${v.kind}:${v.id}`.replace(/\s+/g, '_')) !== 1);
  if (missing.length > 0) problems.push(`${missing.length} vectors produced no case (or several): ${missing.slice(0, 5).map((v) => v.id).join(', ')}`);
  if (!cases.some((c) => c.name === `driver/runtime:is-${claim}`)) problems.push('the driver did not check the runtime');
  // The driver's own case does not count here: a worker that runs nothing must fail.
  if (!cases.some((c) => !c.name.startsWith('driver/'))) problems.push('no test case ran');
  if (problems.length > 0 && failed === 0) {
    const tail = run.stderr.split('\n').filter((l) => l.trim() !== '').slice(-15);
    if (tail.length > 0) log(`${runtime} stderr (last lines):\n${tail.map((l) => `  ${l}`).join('\n')}`);
  }
  return result(passed, failed + problems.length, { skipped: skipped.length, cases, vectors: vectors.length, runtimeMs: run.ms, version: browserVersion ?? version?.[2], stdout: run.stdout, stderr: run.stderr });
}

function flag(argv, name) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1] ?? '';
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

async function main() {
  const argv = process.argv.slice(2);
  const runtime = flag(argv, 'runtime');
  const packageName = flag(argv, 'package') ?? 'srp';
  const corrupt = process.env.RUNTIMES_CORRUPT_VECTOR;
  const mutateVectors = corrupt
    ? (list) => {
        if (!list.some((v) => v.id === corrupt)) throw new Error(`RUNTIMES_CORRUPT_VECTOR: no vector ${corrupt}`);
        console.log(`RUNTIMES_CORRUPT_VECTOR: corrupting the expected signature of ${corrupt}`);
        return list.map((v) => (v.id === corrupt ? { ...v, expected: { ...v.expected, signature: 'AAAA' + String(v.expected?.signature ?? '').slice(4) } } : v));
      }
    : undefined;
  let outcome;
  try {
    outcome = await runInRuntime({ runtime, package: packageName, verbose: argv.includes('--verbose') || argv.includes('-v'), ...(mutateVectors ? { mutateVectors } : {}) });
  } catch (error) {
    outcome = { passed: 0, failed: 1, problems: [`runner crashed: ${error?.stack ?? error}`] };
  }
  for (const problem of outcome.problems) console.log(`problem: ${problem}`);
  if (outcome.ms !== undefined) console.log(`total: ${(outcome.ms / 1000).toFixed(1)} s${outcome.skipped ? `, ${outcome.skipped} cases not applicable here` : ''}${outcome.vectors ? `, ${outcome.vectors} vectors` : ''}`);
  const runner = typeof runtime === 'string' && runtime !== '' ? runtime : 'runtimes';
  if (process.env.RESULTS_FILE) {
    const file = resolve(process.env.RESULTS_FILE);
    mkdirSync(dirname(file), { recursive: true });
    const name = Object.hasOwn(PACKAGES, packageName) ? PACKAGES[packageName].resultsPackage : undefined;
    writeFileSync(file, JSON.stringify({ runner, ...(name === undefined ? {} : { package: name }), passed: outcome.passed, failed: outcome.failed }) + '\n');
  }
  console.log(`${runner}: ${outcome.passed} passed, ${outcome.failed} failed`);
  process.exitCode = outcome.failed > 0 || outcome.passed === 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

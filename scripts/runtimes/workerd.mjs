// The bundle that suite.mjs runs in every runtime, and the run in Cloudflare's workerd WITHOUT nodejs_compat: the
// strictest proof that the library uses no Node built-in (no Buffer, no process, no node:* import) and runs unchanged
// in Workers.
//
// - bundleWorker(): esbuild, platform 'neutral' (so a `node:` import anywhere fails the build), `@cognito-kit/srp`
//   resolved to packages/srp/src for the request builder, and a check of every input file against an allowed list
//   (packages/*/dist never gets in). Deno, Bun and Chromium run the same file (deno-bun-chromium.mjs).
// - runWorkerd(): a config.capnp (compatibilityDate 2025-01-01, no compatibility flags at all), `workerd test` with a
//   timeout (runProcess(), which deno-bun-chromium.mjs uses too), then countOutput().
// - countOutput(): the CASE / GROUP lines vitest-harness.mjs prints and the `[ TEST ]` / `[ PASS ]` / `[ FAIL ]`
//   lines workerd prints for each exported handler (driver.mjs prints the same ones elsewhere), counted and checked.
//
// Environment: WORKERD_BIN (a workerd binary to use instead of the workerd package's).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const srpDir = join(repoRoot, 'packages/srp');
// esbuild and workerd are devDependencies of packages/srp.
const requireFromSrp = createRequire(join(srpDir, 'package.json'));

const COMPATIBILITY_DATE = '2025-01-01';

/**
 * The packages whose suites run here.
 * - `srpFromSource`: resolve `@cognito-kit/srp` and `@cognito-kit/srp/server` to packages/srp/src, so the source is
 *   tested and packages/srp/dist never enters the bundle (the allowed-inputs check refuses it).
 * - `requireSources`: the bundle must contain files from src/ (and srp's src/), so tests that stop importing the
 *   library cannot pass on their own.
 * - `sourceAliases` / `sourceDirs` (optional): more workspace packages resolved to their TypeScript source, and the
 *   folders that source may be read from (the local pool is built on the request builder, whose dist never enters).
 */
const requestBuilderSrc = join(repoRoot, 'packages/request-builder/src');
export const PACKAGES = {
  srp: { dir: srpDir, srpFromSource: false, requireSources: false },
  'request-builder': { dir: join(repoRoot, 'packages/request-builder'), srpFromSource: true, requireSources: true },
  'local-pool': {
    dir: join(repoRoot, 'packages/local-pool'),
    srpFromSource: true,
    requireSources: true,
    sourceAliases: {
      '@cognito-kit/request-builder': join(requestBuilderSrc, 'index.ts'),
      '@cognito-kit/request-builder/sign-in': join(requestBuilderSrc, 'sign-in.ts'),
    },
    sourceDirs: [requestBuilderSrc],
  },
};

/** `@cognito-kit/srp` and its `/server` entry, resolved to the TypeScript source under `srpSrcDir`. */
export function srpSourceAliases(srpSrcDir) {
  return { '@cognito-kit/srp': join(srpSrcDir, 'index.ts'), '@cognito-kit/srp/server': join(srpSrcDir, 'server', 'index.ts') };
}

/** Input files the bundle may contain: `allowed` folders (ending in the path separator) and files. */
function unexpectedInputs(metafile, allowed) {
  return Object.keys(metafile.inputs).filter((input) => {
    const absolute = resolve(process.cwd(), input);
    return !allowed.some((prefix) => absolute.startsWith(prefix) || absolute === prefix);
  });
}

/** Resolves bare specifiers to files (an esbuild alias to absolute paths): `@cognito-kit/srp` → its src/index.ts. */
function aliasPlugin(aliases) {
  const names = Object.keys(aliases);
  return {
    name: 'workspace-alias',
    setup(build) {
      if (names.length === 0) return;
      const escape = (name) => name.replace(/[.*+?^$()|[\]\\/{}]/g, '\\$&');
      build.onResolve({ filter: new RegExp('^(' + names.map(escape).join('|') + ')$') }, (args) => ({ path: aliases[args.path] }));
    },
  };
}

/**
 * Bundles `entry` into `<outDir>/worker.js` and checks its inputs. Never throws for a build error; resolves to
 * { problems, bundlePath, exports }, where a missing bundlePath means there is no bundle to run.
 *
 * @param {object} options
 * @param {keyof PACKAGES} options.package
 * @param {string} options.entry
 * @param {string} options.outDir
 * @param {Record<string, string>} options.aliases bare specifier → file
 * @param {string[]} options.allowedInputs folders (ending in a separator) and files the bundle may contain
 * @param {object[]} [options.plugins] more esbuild plugins
 * @param {(line: string) => void} options.log
 * @param {'refused' | 'external'} [options.nodeBuiltins] 'external' leaves `node:` imports to the runtime (Deno and
 *   Bun running the native engine's tests); by default they fail the build
 */
export async function bundleWorker({ package: packageName, entry, outDir, aliases: givenAliases, allowedInputs: givenInputs, plugins = [], log, nodeBuiltins = 'refused' }) {
  const pkg = PACKAGES[packageName];
  const aliases = { ...givenAliases, ...(pkg.sourceAliases ?? {}) };
  const allowedInputs = [...givenInputs, ...(pkg.sourceDirs ?? []).map((dir) => dir + sep)];
  const problems = [];
  mkdirSync(outDir, { recursive: true });
  // Only this runner's own files are removed: the folder holds the other runtimes' files too.
  for (const name of ['worker.js', 'meta.json']) rmSync(join(outDir, name), { force: true });
  const realSrc = join(pkg.dir, 'src');
  const esbuild = await import(pathToFileURL(requireFromSrp.resolve('esbuild')).href);
  const bundlePath = join(outDir, 'worker.js');
  const started = Date.now();
  let metafile;
  try {
    const built = await esbuild.build({
      entryPoints: [entry],
      outfile: bundlePath,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['module', 'main'],
      conditions: ['workerd', 'worker', 'browser', 'import', 'default'],
      loader: { '.json': 'json' },
      logLevel: 'silent',
      metafile: true,
      // `node:` imports fail the build, unless the bundle is for a runtime's own node:crypto (the native engine's tests).
      external: nodeBuiltins === 'external' ? ['node:*'] : [],
      plugins: [aliasPlugin(aliases), ...plugins],
    });
    metafile = built.metafile;
  } catch (error) {
    const messages = (error.errors ?? []).map((e) => `${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`);
    problems.push(`esbuild failed: ${messages.length > 0 ? messages.join(' | ') : error.message}`);
    return { problems };
  }
  writeFileSync(join(outDir, 'meta.json'), JSON.stringify(metafile));
  const bad = unexpectedInputs(metafile, allowedInputs);
  if (bad.length > 0) problems.push(`the bundle pulls in files it may not (dist/ or outside the allowed folders): ${bad.join(', ')}`);
  if (pkg.requireSources) {
    const inputs = Object.keys(metafile.inputs).map((input) => resolve(process.cwd(), input));
    for (const dir of [realSrc, ...(pkg.srpFromSource ? [join(srpDir, 'src')] : [])]) {
      if (!inputs.some((input) => input.startsWith(dir + sep))) problems.push(`the bundle contains nothing from ${relative(repoRoot, dir)}`);
    }
  }
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined);
  const exports = output?.exports ?? [];
  log(`bundle: ${relative(repoRoot, bundlePath)} (${Math.round((output?.bytes ?? 0) / 1024)} KiB, ${Date.now() - started} ms), entrypoints ${exports.map(entrypointName).join(', ')}`);
  return { problems, bundlePath, exports };
}

/** workerd's name for an exported handler: `main` for the default export, `main:<name>` for the others. */
const entrypointName = (name) => (name === 'default' ? 'main' : `main:${name}`);

/**
 * Counts a run's output. stdout carries the harness's `CASE PASS|FAIL|SKIP <name>[: reason]` and
 * `GROUP <name> passed=N failed=M` lines; stderr carries `[ TEST ] main`, `[ PASS ] main (…)` and
 * `[ FAIL ] main (reason)` for each handler. Resolves to { cases, passed, failed, skipped, problems }: `failed`
 * counts failing cases only, `problems` what else is wrong (a handler that did not run or finish, a handler that
 * failed with no failing case, a GROUP tally that does not match its CASE lines).
 */
export function countOutput({ stdout, stderr }, exports, { log, verbose = false }) {
  const cases = [];
  const groups = new Map();
  for (const line of stdout.split('\n')) {
    let m = /^CASE (PASS|FAIL) (\S+)(?:: (.*))?$/.exec(line);
    if (m) {
      cases.push({ ok: m[1] === 'PASS', name: m[2], reason: m[3] ?? '' });
      continue;
    }
    m = /^GROUP (\S+) passed=(\d+) failed=(\d+)$/.exec(line);
    if (m) groups.set(m[1], { passed: Number(m[2]), failed: Number(m[3]) });
  }
  const handlers = new Map();
  for (const line of stderr.split('\n')) {
    const m = /\[ (TEST|PASS|FAIL) \] (\S+)(?: \((.*)\))?/.exec(line);
    if (m) handlers.set(m[2], { state: m[1] === 'TEST' ? 'RUNNING' : m[1], detail: m[3] ?? '' });
  }
  const skipped = [...stdout.matchAll(/^CASE SKIP (\S+?)(?:: .*)?$/gm)].map((m) => m[1]);
  if (skipped.length > 0) log(`note: skipped (${skipped.length}): ${skipped.join(', ')}`);
  const problems = [];
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    if (c.ok) passed++;
    else failed++;
    if (!c.ok) log(`  FAIL ${c.name}: ${c.reason}`);
    else if (verbose) log(`  PASS ${c.name}`);
  }
  for (const entry of exports.map(entrypointName)) {
    const state = handlers.get(entry)?.state;
    if (state === undefined) problems.push(`test ${entry} did not run`);
    else if (state === 'RUNNING') problems.push(`test ${entry} started but never finished (crash?)`);
  }
  // The harness's handler throws when a case failed: fine if that case is counted as failed.
  for (const [entry, { state, detail }] of handlers) {
    if (state === 'FAIL' && failed === 0) problems.push(`test ${entry} failed without a failing case (threw outside the harness?)${detail ? `: ${detail.slice(0, 200)}` : ''}`);
  }
  // Each group's own tally must match the CASE lines seen, so a lost or duplicated line cannot go unnoticed.
  for (const [group, tally] of groups) {
    const mine = cases.filter((c) => c.name.startsWith(`${group}/`));
    const ok = mine.filter((c) => c.ok).length;
    if (ok !== tally.passed || mine.length - ok !== tally.failed) problems.push(`group ${group} reported ${tally.passed}/${tally.failed} but ${ok}/${mine.length - ok} CASE lines were seen`);
  }
  return { cases, passed, failed, skipped: skipped.length, problems };
}

/** The last non-empty lines of stderr, logged when something went wrong that no failing case explains. */
export function logStderrTail(name, stderr, log) {
  const tail = stderr.split('\n').filter((l) => l.trim() !== '').slice(-15);
  if (tail.length > 0) log(`${name} stderr (last lines):\n${tail.map((l) => `  ${l}`).join('\n')}`);
}

function workerdBinary() {
  if (process.env.WORKERD_BIN) return process.env.WORKERD_BIN;
  try {
    // The workerd package's main exports the path of the platform binary.
    const fromPackage = requireFromSrp('workerd').default;
    if (typeof fromPackage === 'string' && existsSync(fromPackage)) return fromPackage;
  } catch {
    // fall through to the .bin shim
  }
  return join(srpDir, 'node_modules/.bin/workerd');
}

function configCapnp(bundleName) {
  // No compatibilityFlags: in particular no nodejs_compat, so Buffer, process and node:* do not exist.
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .srpWorker) ],
);

const srpWorker :Workerd.Worker = (
  modules = [ (name = ${JSON.stringify(bundleName)}, esModule = embed ${JSON.stringify(bundleName)}) ],
  compatibilityDate = ${JSON.stringify(COMPATIBILITY_DATE)},
);
`;
}

/** Runs a command with a timeout; on timeout kills its whole process group (a shim's child too). */
export function runProcess(command, args, { cwd, env, timeoutMs }) {
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

/**
 * Runs a bundle from bundleWorker() with `workerd test` and counts. Never throws for a test failure; resolves to
 * { passed, failed, skipped, problems, cases }, where `failed` includes the problems.
 *
 * @param {{ bundlePath: string, exports: string[] }} bundle
 * @param {{ timeoutMs: number, log: (line: string) => void, verbose?: boolean }} options
 */
export async function runWorkerd(bundle, { timeoutMs, log, verbose }) {
  const outDir = dirname(bundle.bundlePath);
  for (const name of ['config.capnp', 'workerd.log']) rmSync(join(outDir, name), { force: true });
  const configPath = join(outDir, 'config.capnp');
  writeFileSync(configPath, configCapnp(relative(outDir, bundle.bundlePath)));
  const run = await runProcess(workerdBinary(), ['test', configPath], { cwd: outDir, timeoutMs });
  if (run.startError !== undefined) return { passed: 0, failed: 1, skipped: 0, problems: [`workerd could not start: ${run.startError}`], cases: [] };
  writeFileSync(join(outDir, 'workerd.log'), `exit ${run.code} signal ${run.signal}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
  log(`workerd: ran in ${run.ms} ms (exit ${run.code}${run.signal ? `, signal ${run.signal}` : ''}); log in ${relative(repoRoot, join(outDir, 'workerd.log'))}`);
  for (const line of run.stderr.split('\n')) {
    const m = /\[ (PASS|FAIL) \] (\S+) \(([^)]*)\)/.exec(line);
    if (m) log(`  ${m[1] === 'PASS' ? 'pass' : 'FAIL'} ${m[2]} (${m[3]})`);
  }

  const counted = countOutput(run, bundle.exports, { log, verbose });
  const { problems, passed, failed } = counted;
  if (run.timedOut) problems.push(`workerd did not finish within ${timeoutMs} ms (killed)`);
  if (run.stdout.trim() === '' && run.stderr.trim() === '') problems.push('workerd printed nothing');
  if (run.code !== 0 && failed === 0) problems.push(`workerd exited with ${run.code ?? run.signal} although no case failed`);
  if (run.code === 0 && failed > 0) problems.push('workerd exited 0 although cases failed');
  if (passed + failed === 0) problems.push('no test case ran');
  if (problems.length > 0 && failed === 0) logStderrTail('workerd', run.stderr, log);
  return { ...counted, failed: failed + problems.length };
}

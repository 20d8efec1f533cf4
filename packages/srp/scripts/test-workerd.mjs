#!/usr/bin/env node
// Runs the SRP core inside Cloudflare's workerd WITHOUT nodejs_compat: the strictest proof that the library uses no
// Node built-in (no Buffer, no process, no node:* import) and runs unchanged in Workers.
//
//   node packages/srp/scripts/test-workerd.mjs [--verbose] [--package request-builder]
//
// One runner, one worker per package (PACKAGES below): `--package request-builder` (or
// packages/request-builder/scripts/test-workerd.mjs) runs packages/request-builder/test/workerd/worker.ts instead,
// with `@cognito-kit/srp` resolved to packages/srp/src and no vectors. Without the flag it runs the SRP core:
//
// 1. bundles test/workerd/worker.ts (which imports ../../src) with esbuild, platform 'neutral', plus a generated
//    vectors module holding every vector file found (each id once),
// 2. writes a workerd config.capnp (compatibilityDate 2025-01-01, no compatibility flags at all),
// 3. runs `workerd test` with a timeout,
// 4. counts the CASE lines the worker logs and prints `workerd: N passed, M failed` as the last line.
//
// Environment: RESULTS_FILE (write {runner, passed, failed} there), WORKERD_TIMEOUT_MS (default 120000),
// WORKERD_BIN (a workerd binary to use instead of the workerd package's), WORKERD_OUT_DIR (default
// packages/<package>/.cache/workerd), WORKERD_SRC_DIR (a copy of the package's src/ to test instead; the self-check
// uses it), WORKERD_SRP_SRC_DIR (request-builder only: a copy of packages/srp/src to resolve @cognito-kit/srp to).
// Exit code 1 when any case failed, workerd crashed or timed out, or no case ran.
//
// The module also exports runWorkerdTests(options) for scripts/test-workerd-selfcheck.mjs, which bundles broken
// variants (through esbuild plugins, never by editing src) and checks that this runner reports them as failures.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const scriptDir = dirname(fileURLToPath(import.meta.url));
export const pkgDir = resolve(scriptDir, '..');
export const repoRoot = resolve(pkgDir, '../..');
const requireFromPkg = createRequire(join(pkgDir, 'package.json'));

const VECTORS_MODULE = 'cognito-kit:workerd-vectors';
const COMPATIBILITY_DATE = '2025-01-01';

/**
 * The packages this runner can test, each with its own worker (test/workerd/worker.ts) and src/.
 * - `vectors`: bundle the test vectors as the 'cognito-kit:workerd-vectors' module and require one case per vector.
 * - `srpFromSource`: resolve `@cognito-kit/srp` and `@cognito-kit/srp/server` to packages/srp/src (or its copy), so
 *   the source is tested and packages/srp/dist never enters the bundle (the allowed-inputs check refuses it).
 * - `excludedSrc`: folders of src/ that must not be bundled (the Node-only CLI).
 * - `requireSources`: the bundle must contain files from src/ (and srp's src/), so a worker that stops importing
 *   the library cannot pass on runtime cases alone.
 */
export const PACKAGES = {
  srp: {
    dir: pkgDir,
    vectors: true,
    srpFromSource: false,
    excludedSrc: [],
    requireSources: false,
    allowedText: 'src, @noble/hashes and the worker',
  },
  'request-builder': {
    dir: resolve(pkgDir, '../request-builder'),
    vectors: false,
    srpFromSource: true,
    excludedSrc: ['cli'],
    requireSources: true,
    allowedText: 'request-builder src (not src/cli), srp src, @noble/hashes and the worker',
    resultsPackage: '@cognito-kit/request-builder',
  },
};

/** Vector files in the order they are read; an id seen in an earlier file is skipped in a later one. */
export function defaultVectorFiles() {
  const files = [{ path: join(repoRoot, 'test-vectors/public/vectors-public.json'), required: true }];
  files.push({ path: join(repoRoot, 'test-vectors/vectors.json'), required: false });
  const shared = resolve(repoRoot, '../shared/vectors');
  if (existsSync(shared)) {
    for (const name of readdirSync(shared).sort()) {
      if (/^vectors-.*\.json$/.test(name)) files.push({ path: join(shared, name), required: false });
    }
  }
  return files;
}

/** Reads, parses and de-duplicates the vector files. Throws for a required file that is missing or any bad file. */
export function loadVectors(files) {
  const seen = new Set();
  const sources = [];
  const vectors = [];
  for (const { path, required } of files) {
    if (!existsSync(path)) {
      if (required) throw new Error(`vector file ${path} is missing`);
      continue;
    }
    let parsed;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`vector file ${path} is not valid JSON (still being written?): ${error.message}`);
    }
    const list = Array.isArray(parsed) ? parsed : parsed?.vectors;
    if (!Array.isArray(list)) throw new Error(`vector file ${path} has no "vectors" array`);
    const file = relative(repoRoot, path).split(sep).join('/');
    let added = 0;
    list.forEach((vector, index) => {
      const id = typeof vector?.id === 'string' ? vector.id : `${file}#${index}`;
      if (seen.has(id)) return;
      seen.add(id);
      added++;
      vectors.push({ ...vector, id, file });
    });
    sources.push({ file, vectors: list.length, added });
  }
  return { sources, vectors };
}

function workerdBinary() {
  if (process.env.WORKERD_BIN) return process.env.WORKERD_BIN;
  try {
    // The workerd package's main exports the path of the platform binary.
    const fromPackage = requireFromPkg('workerd').default;
    if (typeof fromPackage === 'string' && existsSync(fromPackage)) return fromPackage;
  } catch {
    // fall through to the .bin shim
  }
  return join(pkgDir, 'node_modules/.bin/workerd');
}

function capnpString(text) {
  return JSON.stringify(text); // capnp text strings use the same escapes for the plain paths written here
}

function configCapnp(bundleName, compatibilityFlags) {
  // No compatibilityFlags: in particular no nodejs_compat, so Buffer, process and node:* do not exist. (Only the
  // self-check passes flags, to prove that the runtime cases notice nodejs_compat.)
  const flags = compatibilityFlags.length > 0 ? `\n  compatibilityFlags = [ ${compatibilityFlags.map(capnpString).join(', ')} ],` : '';
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .srpWorker) ],
);

const srpWorker :Workerd.Worker = (
  modules = [ (name = ${capnpString(bundleName)}, esModule = embed ${capnpString(bundleName)}) ],
  compatibilityDate = ${capnpString(COMPATIBILITY_DATE)},${flags}
);
`;
}

/**
 * Input files the bundle may contain: the library source, @noble/hashes, the worker and the generated vectors
 * (`allowed`: folders ending in the path separator, or files); nothing under an `excluded` folder.
 */
function unexpectedInputs(metafile, allowed, excluded = []) {
  const bad = [];
  for (const input of Object.keys(metafile.inputs)) {
    const absolute = resolve(process.cwd(), input);
    if (excluded.some((prefix) => absolute.startsWith(prefix))) {
      bad.push(input);
      continue;
    }
    if (allowed.some((prefix) => absolute.startsWith(prefix) || absolute === prefix)) continue;
    if (/[\\/]node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?@noble[\\/]hashes[\\/]/.test(absolute)) continue;
    bad.push(input);
  }
  return bad;
}

/** Resolves the worker's imports of <package>/src/* to the same files under another directory. */
function redirectSrc(srcDir, realSrc = join(pkgDir, 'src')) {
  return {
    name: `redirect-src:${relative(repoRoot, realSrc)}`,
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const absolute = resolve(args.resolveDir, args.path);
        if (!absolute.startsWith(realSrc + sep)) return undefined;
        let target = join(srcDir, relative(realSrc, absolute));
        if (target.endsWith('.js') && !existsSync(target)) target = target.slice(0, -3) + '.ts';
        return { path: target };
      });
    },
  };
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

/** `@cognito-kit/srp` and its `/server` entry, resolved to the TypeScript source under `srpSrcDir`. */
export function srpSourceAliases(srpSrcDir) {
  return { '@cognito-kit/srp': join(srpSrcDir, 'index.ts'), '@cognito-kit/srp/server': join(srpSrcDir, 'server', 'index.ts') };
}

function runWorkerd(binary, configPath, timeoutMs) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(binary, ['test', configPath], { cwd: dirname(configPath), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolvePromise({ code: null, signal: null, stdout, stderr: stderr + `\nspawn failed: ${error.message}`, timedOut, ms: Date.now() - started });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

/**
 * Parses workerd's output. stdout carries the worker's CASE / GROUP lines; stderr carries workerd's
 * `[ TEST ] main:entry`, `[ PASS ] ...` and `[ FAIL ] ...` lines.
 */
export function parseOutput({ stdout, stderr }) {
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
    const m = /\[ (TEST|PASS|FAIL) \] (\S+)/.exec(line);
    if (!m) continue;
    const [, state, name] = m;
    handlers.set(name, state === 'TEST' ? 'RUNNING' : state);
  }
  return { cases, groups, handlers };
}

/**
 * Bundles, runs and counts. Returns { passed, failed, problems, ... } and never throws for a test failure.
 *
 * @param {object} [options]
 * @param {keyof PACKAGES} [options.package] whose worker to run: 'srp' (default) or 'request-builder'
 * @param {string} [options.entry] the worker to bundle instead of <package>/test/workerd/worker.ts
 * @param {boolean} [options.vectors] bundle the vectors and require one case each (default: the package's setting)
 * @param {Record<string, string>} [options.aliases] bare specifier → file (default: srp's src for request-builder)
 * @param {string[]} [options.allowedInputs] folders (ending in a separator) and files the bundle may contain,
 *   besides @noble/hashes, instead of the package's list
 * @param {string} [options.outDir] where the bundle, config and log go
 * @param {object[]} [options.plugins] extra esbuild plugins (the self-check swaps source files through them)
 * @param {{path: string, required: boolean}[]} [options.vectorFiles] vector files instead of the default ones
 * @param {(vectors: object[]) => object[]} [options.mutateVectors] changes the vectors before bundling
 * @param {string} [options.srcDir] a copy of src/ to bundle instead (the self-check uses a snapshot of git HEAD)
 * @param {string} [options.srpSrcDir] request-builder only: a copy of packages/srp/src to resolve @cognito-kit/srp to
 * @param {string[]} [options.compatibilityFlags] for the self-check only; the real run has none
 * @param {number} [options.timeoutMs]
 * @param {(line: string) => void} [options.log]
 * @param {boolean} [options.verbose] print every CASE line
 * @param {boolean} [options.bundleOnly] stop after the bundle (see bundleWorker): nothing is run or counted
 */
export async function runWorkerdTests(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const packageName = options.package ?? 'srp';
  const pkg = Object.hasOwn(PACKAGES, packageName) ? PACKAGES[packageName] : undefined;
  if (pkg === undefined) throw new Error(`unknown package ${JSON.stringify(packageName)} (use one of ${Object.keys(PACKAGES).join(', ')})`);
  const outDir = resolve(options.outDir ?? process.env.WORKERD_OUT_DIR ?? join(pkg.dir, '.cache/workerd'));
  const timeoutMs = options.timeoutMs ?? Number(process.env.WORKERD_TIMEOUT_MS ?? 120_000);
  const problems = [];
  const started = Date.now();
  const result = (passed, failed, extra = {}) => ({ passed, failed, problems, outDir, ms: Date.now() - started, ...extra });

  // 1. Vectors, then the bundle.
  const withVectors = options.vectors ?? pkg.vectors;
  let vectorData = { sources: [], vectors: [] };
  if (withVectors) {
    try {
      vectorData = loadVectors(options.vectorFiles ?? defaultVectorFiles());
    } catch (error) {
      problems.push(error.message);
      return result(0, 1);
    }
  }
  if (options.mutateVectors) vectorData.vectors = options.mutateVectors(vectorData.vectors);
  for (const source of vectorData.sources) {
    log(`vectors: ${source.file}: ${source.added} used of ${source.vectors}${source.added < source.vectors ? ' (other ids already loaded)' : ''}`);
  }

  // Only this runner's own files are removed: WORKERD_OUT_DIR may point at a directory holding other things.
  mkdirSync(outDir, { recursive: true });
  for (const name of ['worker.js', 'config.capnp', 'vectors.json', 'meta.json', 'workerd.log']) rmSync(join(outDir, name), { force: true });
  const vectorsPath = join(outDir, 'vectors.json');
  if (withVectors) writeFileSync(vectorsPath, JSON.stringify(vectorData));

  const realSrc = join(pkg.dir, 'src');
  const srcDir = resolve(options.srcDir ?? process.env.WORKERD_SRC_DIR ?? realSrc);
  const realSrpSrc = join(pkgDir, 'src');
  const srpSrcDir = pkg.srpFromSource ? resolve(options.srpSrcDir ?? process.env.WORKERD_SRP_SRC_DIR ?? realSrpSrc) : undefined;
  const entry = resolve(options.entry ?? join(pkg.dir, 'test/workerd/worker.ts'));
  const aliases = options.aliases ?? (srpSrcDir === undefined ? {} : srpSourceAliases(srpSrcDir));
  const allowed = options.allowedInputs ?? [
    realSrc + sep,
    srcDir + sep,
    ...(srpSrcDir === undefined ? [] : [realSrpSrc + sep, srpSrcDir + sep]),
    dirname(entry) + sep,
    ...(withVectors ? [vectorsPath] : []),
  ];
  const excluded = pkg.excludedSrc.flatMap((folder) => [join(realSrc, folder) + sep, join(srcDir, folder) + sep]);
  const esbuild = await import(pathToFileURL(requireFromPkg.resolve('esbuild')).href);
  const bundleName = 'worker.js';
  let metafile;
  const bundleStarted = Date.now();
  try {
    const built = await esbuild.build({
      entryPoints: [entry],
      outfile: join(outDir, bundleName),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      mainFields: ['module', 'main'],
      conditions: ['workerd', 'worker', 'browser', 'import', 'default'],
      loader: { '.json': 'json' },
      logLevel: 'silent',
      metafile: true,
      plugins: [
        ...(withVectors
          ? [
              {
                name: 'workerd-vectors',
                setup(build) {
                  build.onResolve({ filter: /^cognito-kit:workerd-vectors$/ }, () => ({ path: vectorsPath }));
                },
              },
            ]
          : []),
        ...(srcDir === realSrc ? [] : [redirectSrc(srcDir, realSrc)]),
        ...(srpSrcDir === undefined || srpSrcDir === realSrpSrc ? [] : [redirectSrc(srpSrcDir, realSrpSrc)]),
        aliasPlugin(aliases),
        ...(options.plugins ?? []),
      ],
    });
    metafile = built.metafile;
  } catch (error) {
    const messages = (error.errors ?? []).map((e) => `${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`);
    problems.push(`esbuild failed: ${messages.length > 0 ? messages.join(' | ') : error.message}`);
    return result(0, 1);
  }
  writeFileSync(join(outDir, 'meta.json'), JSON.stringify(metafile));
  const bad = unexpectedInputs(metafile, allowed, excluded);
  if (bad.length > 0) problems.push(`the bundle pulls in files other than ${pkg.allowedText}: ${bad.join(', ')}`);
  if (pkg.requireSources) {
    const inputs = Object.keys(metafile.inputs).map((input) => resolve(process.cwd(), input));
    for (const dir of [srcDir, ...(srpSrcDir === undefined ? [] : [srpSrcDir])]) {
      if (!inputs.some((input) => input.startsWith(dir + sep))) problems.push(`the bundle contains nothing from ${relative(repoRoot, dir) || dir}`);
    }
  }
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined);
  const entrypoints = (output?.exports ?? []).map((name) => (name === 'default' ? 'main' : `main:${name}`));
  log(`bundle: ${relative(repoRoot, join(outDir, bundleName))} (${Math.round((output?.bytes ?? 0) / 1024)} KiB, ${Date.now() - bundleStarted} ms), entrypoints ${entrypoints.join(', ')}`);
  // bundleWorker() stops here: scripts/runtimes/run.mjs runs this same bundle in Deno, Bun and Chromium.
  if (options.bundleOnly) return result(0, 0, { bundlePath: join(outDir, bundleName), exports: output?.exports ?? [], vectorData });

  // 2. Config, 3. run.
  const configPath = join(outDir, 'config.capnp');
  writeFileSync(configPath, configCapnp(bundleName, options.compatibilityFlags ?? []));
  const binary = workerdBinary();
  const run = await runWorkerd(binary, configPath, timeoutMs);
  writeFileSync(join(outDir, 'workerd.log'), `exit ${run.code} signal ${run.signal}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
  log(`workerd: ran in ${run.ms} ms (exit ${run.code}${run.signal ? `, signal ${run.signal}` : ''}); log in ${relative(repoRoot, join(outDir, "workerd.log"))}`);

  // 4. Count.
  const { cases, groups, handlers } = parseOutput(run);
  for (const line of run.stderr.split('\n')) {
    const m = /\[ (PASS|FAIL) \] (\S+) \(([^)]*)\)/.exec(line);
    if (m) log(`  ${m[1] === 'PASS' ? 'pass' : 'FAIL'} ${m[2]} (${m[3]})`);
  }
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    if (c.ok) passed++;
    else failed++;
    if (!c.ok) log(`  FAIL ${c.name}: ${c.reason}`);
    else if (options.verbose) log(`  PASS ${c.name}`);
  }
  if (run.timedOut) problems.push(`workerd did not finish within ${timeoutMs} ms (killed)`);
  if (run.stdout.trim() === '' && run.stderr.trim() === '') problems.push('workerd printed nothing');
  for (const entry of entrypoints) {
    const state = handlers.get(entry);
    if (state === undefined) problems.push(`test ${entry} did not run`);
    else if (state === 'RUNNING') problems.push(`test ${entry} started but never finished (crash?)`);
  }
  for (const [entry, state] of handlers) {
    if (state === 'FAIL' && !cases.some((c) => !c.ok)) problems.push(`test ${entry} failed without a failing case (threw outside the harness?)`);
  }
  // Each group's own tally must match the CASE lines seen, so a lost or duplicated line cannot go unnoticed.
  for (const [group, tally] of groups) {
    const mine = cases.filter((c) => c.name.startsWith(`${group}/`));
    const ok = mine.filter((c) => c.ok).length;
    if (ok !== tally.passed || mine.length - ok !== tally.failed) {
      problems.push(`group ${group} reported ${tally.passed}/${tally.failed} but ${ok}/${mine.length - ok} CASE lines were seen`);
    }
  }
  // Every bundled vector must have produced exactly one case.
  const seenNames = new Map();
  for (const c of cases) seenNames.set(c.name.slice(c.name.indexOf('/') + 1), (seenNames.get(c.name.slice(c.name.indexOf('/') + 1)) ?? 0) + 1);
  const missing = vectorData.vectors.filter((v) => seenNames.get(`${v.kind}:${v.id}`.replace(/\s+/g, '_')) !== 1);
  if (missing.length > 0) {
    problems.push(`${missing.length} vectors produced no case (or several): ${missing.slice(0, 5).map((v) => v.id).join(', ')}${missing.length > 5 ? ', …' : ''}`);
  }
  if (run.code !== 0 && failed === 0) problems.push(`workerd exited with ${run.code ?? run.signal} although no case failed`);
  if (run.code === 0 && failed > 0) problems.push('workerd exited 0 although cases failed');
  if (passed + failed === 0) problems.push('no test case ran');
  if (problems.length > 0 && (failed === 0 || run.code !== 0)) {
    const tail = run.stderr.split('\n').filter((l) => l.trim() !== '').slice(-15);
    if (tail.length > 0 && failed === 0) log(`workerd stderr (last lines):\n${tail.map((l) => `  ${l}`).join('\n')}`);
  }
  failed += problems.length;
  return result(passed, failed, { cases, vectors: vectorData.vectors.length, workerdMs: run.ms, stderr: run.stderr });
}

/**
 * Step 1 of runWorkerdTests alone, for runners of other runtimes (scripts/runtimes/run.mjs): loads the vectors and
 * bundles the worker exactly as for workerd (same esbuild options, aliases, plugins and allowed-inputs check), and
 * runs nothing. Takes runWorkerdTests' options; resolves to { problems, outDir, bundlePath, exports, vectorData }.
 * A non-empty `problems` means the bundle is missing (no bundlePath) or holds files it must not.
 */
export function bundleWorker(options = {}) {
  return runWorkerdTests({ ...options, bundleOnly: true });
}

/** `--package name` or `--package=name`; undefined without the flag. */
function packageFlag(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--package') return argv[i + 1] ?? '';
    if (argv[i].startsWith('--package=')) return argv[i].slice('--package='.length);
  }
  return undefined;
}

/** The command line: also what packages/request-builder/scripts/test-workerd.mjs calls, with its package. */
export async function main(defaults = {}) {
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const packageName = packageFlag(process.argv.slice(2)) ?? defaults.package ?? 'srp';
  let outcome;
  try {
    outcome = await runWorkerdTests({ verbose, package: packageName });
  } catch (error) {
    outcome = { passed: 0, failed: 1, problems: [`runner crashed: ${error?.stack ?? error}`] };
  }
  const pkg = Object.hasOwn(PACKAGES, packageName) ? PACKAGES[packageName] : undefined;
  for (const problem of outcome.problems) console.log(`problem: ${problem}`);
  if (outcome.ms !== undefined) console.log(`total: ${(outcome.ms / 1000).toFixed(1)} s${pkg?.vectors === false ? '' : `, ${outcome.vectors ?? 0} vectors`}`);
  if (process.env.RESULTS_FILE) {
    const file = resolve(process.env.RESULTS_FILE);
    mkdirSync(dirname(file), { recursive: true });
    const name = pkg?.resultsPackage === undefined ? {} : { package: pkg.resultsPackage };
    writeFileSync(file, JSON.stringify({ runner: 'workerd', ...name, passed: outcome.passed, failed: outcome.failed }) + '\n');
  }
  console.log(`workerd: ${outcome.passed} passed, ${outcome.failed} failed`);
  process.exitCode = outcome.failed > 0 || outcome.passed === 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

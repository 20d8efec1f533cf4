#!/usr/bin/env node
// The whole vitest suite of a package, not a smoke list, in workerd (no nodejs_compat), Deno, Bun and Chromium.
//
//   node scripts/runtimes/suite.mjs --runtime workerd|deno|bun|chromium [--package srp|request-builder|local-pool] [--verbose]
//   node scripts/runtimes/suite.mjs --runtime deno|bun --native [--package srp]
//
// The test files are the ones vitest runs in Node, unchanged: every packages/<package>/test/**/*.test.ts except
// the Node-only ones, named `*.node.test.ts` (node:crypto, node:util and CommonJS oracles, moto, the CLI). They are
// bundled once by workerd.mjs's bundleWorker() (platform 'neutral', so a `node:` import anywhere fails the build; an
// allowed-inputs check, which refuses packages/*/dist), with `vitest` resolved to scripts/runtimes/vitest-shim.mjs
// (vitest's own @vitest/runner, @vitest/expect and @vitest/spy) and 'cognito-kit:workerd-vectors' to every vector
// file (vectors.mjs). vitest-harness.mjs runs them with @vitest/runner and prints one CASE line per test and one
// GROUP line per file, which workerd.mjs's countOutput() counts: in workerd through runWorkerd(), in Deno, Bun and
// Chromium through deno-bun-chromium.mjs's runInRuntime().
//
// The last line is `suite-<runtime> (<package>): N passed, M failed`; RESULTS_FILE gets { runner, package, passed,
// failed }. With --native, the `*.native.test.ts` files instead (the node:crypto engine), bundled with `node:` imports
// left to the runtime, in Deno or Bun. Exit 1 when a test fails, a file fails to load, the runtime crashes or hangs (SUITE_TIMEOUT_MS, default
// 600000), or no test ran. FAST_CHECK_RUNS_SCALE is not used: every property runs its full numRuns in every runtime.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInRuntime } from './deno-bun-chromium.mjs';
import { VECTORS_MODULE, loadVectors } from './vectors.mjs';
import { PACKAGES, bundleWorker, repoRoot, runWorkerd, srpSourceAliases } from './workerd.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const RUNTIMES = ['workerd', 'deno', 'bun', 'chromium'];

/** The portable test files of a package: test/**\/*.test.ts without *.node.test.ts and *.native.test.ts. */
export function portableTestFiles(packageDir) {
  return testFiles(packageDir, (name) => name.endsWith('.test.ts') && !name.endsWith('.node.test.ts') && !name.endsWith('.native.test.ts'));
}

/**
 * The test files of the engines on `node:crypto` (test/**\/*.native.test.ts): Node runs them with the rest; Deno and
 * Bun run them in a bundle of their own that leaves `node:` imports to the runtime (`--native`).
 */
export function nativeTestFiles(packageDir) {
  return testFiles(packageDir, (name) => name.endsWith('.native.test.ts'));
}

function testFiles(packageDir, wanted) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (wanted(entry.name)) {
        out.push(path);
      }
    }
  };
  walk(join(packageDir, 'test'));
  return out.sort();
}

/** The runtimes with a `node:crypto` the native engine runs on (workerd's costs 1.4 s to create; Chromium has none). */
export const NATIVE_RUNTIMES = ['deno', 'bun'];

/**
 * package.json `browser` maps (`{"./dist-es/runtimeConfig": "./dist-es/runtimeConfig.browser"}`), which esbuild
 * follows on platform 'browser' only: the bundle is 'neutral' (so `node:` imports stay errors), and test
 * dependencies such as the AWS SDK choose their browser runtime config through this map.
 */
function browserFieldPlugin() {
  const cache = new Map();
  const packageOf = (dir) => {
    for (let d = dir; d !== dirname(d); d = dirname(d)) {
      if (cache.has(d)) return cache.get(d);
      const file = join(d, 'package.json');
      if (existsSync(file)) {
        const json = JSON.parse(readFileSync(file, 'utf8'));
        const found = json.name ? { dir: d, browser: typeof json.browser === 'object' && json.browser !== null ? json.browser : {} } : undefined;
        if (found) {
          cache.set(d, found);
          return found;
        }
      }
    }
    return undefined;
  };
  return {
    name: 'browser-field',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (!args.resolveDir.includes(`${sep}node_modules${sep}`)) return undefined;
        const pkg = packageOf(args.resolveDir);
        if (!pkg || Object.keys(pkg.browser).length === 0) return undefined;
        const key = './' + relative(pkg.dir, resolve(args.resolveDir, args.path)).split(sep).join('/');
        for (const candidate of [key, key + '.js']) {
          const target = pkg.browser[candidate];
          if (typeof target === 'string') return { path: resolve(pkg.dir, target.endsWith('.js') ? target : target + '.js') };
        }
        return undefined;
      });
    },
  };
}

function entrySource(files) {
  const loaders = files.map(({ name, path }) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(path)}),`).join('\n');
  return `import { suiteWorker } from ${JSON.stringify(join(here, 'vitest-harness.mjs'))};\n\nexport default suiteWorker({\n${loaders}\n});\n`;
}

/**
 * Bundles and runs a package's portable vitest files in `runtime`. Never throws for a test failure; returns
 * { passed, failed, problems, files, ms }.
 * Options: runtime, package ('srp' | 'request-builder'), files (absolute paths instead of the portable set),
 * allowedInputs (more folders the bundle may read: the self-check's own test files), outDir, timeoutMs, plugins
 * (extra esbuild plugins: the self-check breaks things with them), log, verbose.
 */
export async function runSuiteIn(options) {
  const { runtime, package: packageName = 'srp', verbose = false } = options;
  const log = options.log ?? ((line) => console.log(line));
  const started = Date.now();
  if (!RUNTIMES.includes(runtime)) return { passed: 0, failed: 1, problems: [`unknown runtime ${JSON.stringify(runtime)} (use one of ${RUNTIMES.join(', ')})`] };
  if (!Object.hasOwn(PACKAGES, packageName)) return { passed: 0, failed: 1, problems: [`unknown package ${JSON.stringify(packageName)}`] };
  const native = options.native === true;
  if (native && !NATIVE_RUNTIMES.includes(runtime)) return { passed: 0, failed: 1, problems: [`--native runs in ${NATIVE_RUNTIMES.join(' and ')} only`] };
  const pkg = PACKAGES[packageName];
  const outDir = resolve(options.outDir ?? join(pkg.dir, '.cache/suite', native ? `${runtime}-native` : runtime));
  mkdirSync(outDir, { recursive: true });

  const files = (options.files ?? (native ? nativeTestFiles(pkg.dir) : portableTestFiles(pkg.dir))).map((path) => ({ path, name: relative(join(pkg.dir, '..'), path).split(sep).join('/') }));
  if (files.length === 0) return { passed: 0, failed: 1, problems: ['no test file found'] };
  log(`suite: ${files.length} test files of ${packageName} (${files.map((f) => f.name.slice(f.name.indexOf('/test/') + 6)).join(', ')})`);
  const entry = join(outDir, 'suite-entry.mjs');
  writeFileSync(entry, entrySource(files));
  const vectorsPath = join(outDir, 'suite-vectors.json');
  writeFileSync(vectorsPath, JSON.stringify(loadVectors()));

  const srpSrc = join(PACKAGES.srp.dir, 'src');
  const aliases = {
    vitest: join(here, 'vitest-shim.mjs'),
    ...(pkg.srpFromSource ? srpSourceAliases(srpSrc) : {}),
  };
  const vectorsModule = {
    name: 'suite-vectors',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${VECTORS_MODULE}$`) }, () => ({ path: vectorsPath }));
    },
  };
  // What the bundle may hold: the package's src (never dist), srp's src, the tests, this folder's harness, the
  // generated entry and vectors, and installed test dependencies (fast-check, @vitest/*, the AWS SDK, ...).
  const allowedInputs = [
    join(pkg.dir, 'src') + sep,
    srpSrc + sep,
    join(pkg.dir, 'test') + sep,
    here + sep,
    outDir + sep,
    join(repoRoot, 'node_modules', '.pnpm') + sep,
    ...(options.allowedInputs ?? []),
  ];
  const bundle = await bundleWorker({ package: packageName, entry, outDir, aliases, allowedInputs, plugins: [vectorsModule, browserFieldPlugin(), ...(options.plugins ?? [])], log, nodeBuiltins: native ? 'external' : 'refused' });
  let outcome;
  if (bundle.bundlePath === undefined) {
    outcome = { passed: 0, failed: Math.max(1, bundle.problems.length), problems: bundle.problems, cases: [] };
  } else {
    const run = { timeoutMs: options.timeoutMs ?? Number(process.env.SUITE_TIMEOUT_MS ?? 600_000), log, verbose };
    outcome = runtime === 'workerd' ? await runWorkerd(bundle, run) : await runInRuntime(bundle, { ...run, runtime });
    // A bundle that holds files it may not still runs, but fails.
    outcome = { ...outcome, failed: outcome.failed + bundle.problems.length, problems: [...bundle.problems, ...outcome.problems] };
  }
  // Every test file must have reported (a file can only be silent when the harness itself broke).
  const missing = files.filter((f) => !outcome.cases.some((c) => c.name.startsWith(`${f.name.replace(/\s+/g, '_')}/`)));
  const problems = [...outcome.problems];
  if (missing.length > 0 && outcome.cases.length > 0) problems.push(`no case from ${missing.map((f) => f.name).join(', ')}`);
  const extra = problems.length - outcome.problems.length;
  return { ...outcome, failed: outcome.failed + extra, problems, files: files.length, ms: Date.now() - started };
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
  const runtime = flag(argv, 'runtime') ?? '';
  const packageName = flag(argv, 'package') ?? 'srp';
  let outcome;
  try {
    outcome = await runSuiteIn({ runtime, package: packageName, native: argv.includes('--native'), verbose: argv.includes('--verbose') || argv.includes('-v') });
  } catch (error) {
    outcome = { passed: 0, failed: 1, problems: [`runner crashed: ${error?.stack ?? error}`] };
  }
  for (const problem of outcome.problems ?? []) console.log(`problem: ${problem}`);
  if (outcome.ms !== undefined) console.log(`total: ${(outcome.ms / 1000).toFixed(1)} s, ${outcome.files} test files${outcome.skipped ? `, ${outcome.skipped} skipped` : ''}`);
  const runner = `suite-${runtime || 'unknown'}${argv.includes('--native') ? '-native' : ''}`;
  if (process.env.RESULTS_FILE) {
    const file = resolve(process.env.RESULTS_FILE);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ runner, package: `@cognito-kit/${packageName}`, passed: outcome.passed, failed: outcome.failed }) + '\n');
  }
  console.log(`${runner} (${packageName}): ${outcome.passed} passed, ${outcome.failed} failed`);
  process.exitCode = outcome.failed > 0 || outcome.passed === 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

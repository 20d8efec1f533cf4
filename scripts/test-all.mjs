#!/usr/bin/env node
// Runs every check of the repository and ends with one line, `N passed, M failed`, summed from the runners'
// own result files (vitest's JSON report, the runtime suites, the mutation check). A step that fails without
// counting tests (type-check, package lint) counts as one failure, so the line can never read "0 failed" then.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMoto, stopMoto } from './moto.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.cache', 'results');
const pnpm = existsSync(join(root, '.tools/bin/pnpm')) ? join(root, '.tools/bin/pnpm') : 'pnpm';
// Tools that spawn `pnpm` themselves (publint packs with it) must find the pinned one, also when this script is run
// without scripts/bootstrap.mjs.
process.env.PATH = `${join(root, '.tools/bin')}${delimiter}${process.env.PATH ?? ''}`;
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

/**
 * Runs one step. Alone, its output streams as it comes; `buffered` (a step run beside others) holds it and prints it
 * whole when the step ends, so two steps' lines never interleave.
 */
function run(title, command, args, cwd = root, env = {}, { buffered = false } = {}) {
  if (!buffered) console.log(`\n▶ ${title}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    const finish = (status) => {
      if (buffered) process.stdout.write(`\n▶ ${title}\n${Buffer.concat(output).toString()}`);
      resolve({ ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
    };
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(1);
    });
    child.on('close', finish);
  });
}

/** A step with no test count of its own: one failure if it fails. */
async function gate(title, command, args, cwd) {
  const { ok, seconds } = await run(title, command, args, cwd);
  if (!ok) failed += 1;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${title} (${seconds} s)`);
}

/** A runner that writes {passed, failed} (or vitest's JSON) to `file`. */
async function counted(title, command, args, file, cwd, read, options = {}) {
  const { ok, seconds } = await run(title, command, args, cwd, { RESULTS_FILE: file }, options);
  let counts = { passed: 0, failed: 0 };
  if (existsSync(file)) counts = read(JSON.parse(readFileSync(file, 'utf8')));
  // A crash before any result, or a non-zero exit with nothing failed, still counts as a failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  if (counts.passed + counts.failed === 0) counts.failed = 1;
  passed += counts.passed;
  failed += counts.failed;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${title}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`);
}

/**
 * Runs `steps` (each a function that starts a buffered step) two at a time, or one on a single core: the runtime
 * suites are one process each and mostly one thread, so on CI's 2 cores a pair takes little longer than one.
 */
async function inPairs(steps) {
  const queue = [...steps];
  const lanes = Math.min(2, availableParallelism());
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let step = queue.shift(); step !== undefined; step = queue.shift()) await step();
  }));
}

const fromVitest = (report) => ({ passed: report.numPassedTests, failed: report.numFailedTests + (report.numFailedTestSuites ?? 0) });
const fromRunner = (report) => ({ passed: report.passed, failed: report.failed });

// vitest in Node for every package; the portable suites (edge-runtime, workerd, Deno, Bun, Chromium) for the libraries
// only: the CLI is Node-only (every test of packages/cli is a *.node.test.ts that runs the built bin; its tests in
// test/clients run the AWS CLI v1 and v2, boto3, Amplify, amazon-cognito-identity-js, the AWS SDK and aws-jwt-verify
// against `cognito-kit serve`).
const packagesWithTests = ['packages/srp', 'packages/request-builder', 'packages/local-pool', 'packages/cli'];
const portablePackages = ['packages/srp', 'packages/request-builder', 'packages/local-pool'];

await gate('type-check every package', pnpm, ['--recursive', '--filter', './packages/**', 'run', 'typecheck']);
await counted('every public function has TSDoc with an @example', process.execPath, [join(root, 'scripts/check-tsdoc.mjs')], join(resultsDir, 'tsdoc.json'), root, fromRunner);
await counted('API docs (TypeDoc) with no undocumented export', process.execPath, [join(root, 'scripts/api-docs.mjs')], join(resultsDir, 'api-docs.json'), root, fromRunner);
// Every TypeScript block of the documentation (README.md, CONTRIBUTING.md, docs/, the package READMEs, ...): type-checked
// against the built packages with exactOptionalPropertyTypes on and off, and run against a local Cognito on loopback;
// then the checker's controls (an undeclared name fails the check, a throwing snippet fails the run, no network).
await counted('docs: every TypeScript block type-checked (exactOptionalPropertyTypes on and off) and run against a local Cognito', process.execPath, [join(root, 'scripts/check-snippets.mjs')], join(resultsDir, 'snippets.json'), root, fromRunner);
await counted('snippet checker self-check (controls that must fail do)', process.execPath, [join(root, 'scripts/check-snippets.mjs'), '--self-check'], join(resultsDir, 'snippets-self-check.json'), root, fromRunner);
await gate('package lint (publint, are-the-types-wrong)', pnpm, ['--recursive', '--filter', './packages/**', 'run', 'lint:package']);
// The tarballs as users get them: packed, installed offline into a scratch project, imported from ESM and require().
await counted('packed tarballs: installed, imported from ESM and CommonJS, typed, bin', process.execPath, [join(root, 'scripts/pack-check.mjs')], join(resultsDir, 'pack-check.json'), root, fromRunner);
// Bundle size budget (SRP client path <= 8 KiB gz, the whole request builder <= 8 KiB more, its parts and the sign-in
// loop printed) and import cost, with the figures printed.
await counted('size budget and import cost', process.execPath, [join(root, 'scripts/size-budget.mjs')], join(resultsDir, 'size-budget.json'), root, fromRunner);
// moto (a Cognito emulator) for packages/request-builder/test/e2e-moto.node.test.ts, unless MOTO_ENDPOINT points at one
// already. If it cannot start, that suite skips, or fails when REQUIRE_MOTO is set (.ci/run sets it).
let moto;
if (!process.env.MOTO_ENDPOINT) {
  try {
    moto = await startMoto();
    process.env.MOTO_ENDPOINT = moto.endpoint;
  } catch (error) {
    console.error(`\n${error.message}`);
  }
}
try {
  for (const dir of packagesWithTests) {
    const file = join(resultsDir, `vitest-${dir.replaceAll('/', '-')}.json`);
    await counted(`vitest in ${dir}`, process.execPath, [join(root, dir, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], file, join(root, dir), fromVitest);
  }
} finally {
  if (moto?.owned) await stopMoto();
}
// The whole vitest suite of each package beyond Node: the portable test files (every *.test.ts but the Node-only
// *.node.test.ts) in vitest's edge-runtime environment, then bundled with vitest's own runner and expect
// (scripts/runtimes/suite.mjs) into workerd without nodejs_compat, Deno, Bun and headless Chromium.
for (const dir of portablePackages) {
  const file = join(resultsDir, `vitest-edge-${dir.replaceAll('/', '-')}.json`);
  await counted(`vitest in ${dir}, edge-runtime`, process.execPath, [join(root, dir, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.edge.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], file, join(root, dir), fromVitest);
}
// The bundled runs, the browser example, the Worker check, the runners' self-check and the heap check are one
// process each (buffered output, each in its own .cache folder): they run two at a time.
const srpDir = join(root, 'packages/srp');
const beside = { buffered: true };
const runtimeSuites = ['workerd', 'deno', 'bun', 'chromium'].flatMap((runtime) =>
  ['srp', 'request-builder', 'local-pool'].map((name) => () =>
    counted(`whole suite of @cognito-kit/${name} in ${runtime}`, process.execPath, [join(root, 'scripts/runtimes/suite.mjs'), '--runtime', runtime, '--package', name], join(resultsDir, `suite-${runtime}-${name}.json`), root, fromRunner, beside),
  ),
);
// The node:crypto engine's tests (*.native.test.ts, which Node ran with the rest) in Deno and Bun, whose node:crypto
// it runs on too, bundled with `node:` imports left to the runtime.
const nativeSuites = ['deno', 'bun'].map((runtime) => () =>
  counted(`the node:crypto engine's tests of @cognito-kit/srp in ${runtime}`, process.execPath, [join(root, 'scripts/runtimes/suite.mjs'), '--runtime', runtime, '--native', '--package', 'srp'], join(resultsDir, `suite-${runtime}-native-srp.json`), root, fromRunner, beside),
);
await inPairs([
  // The longest first. Heap scaled down to fit CI (pnpm test:heap: 100,000 logins, figures in docs/correctness.md).
  () => counted('heap: flat over 3,000 logins (--expose-gc)', process.execPath, ['--expose-gc', join(srpDir, 'scripts/heap.mjs'), '--logins', '3000', '--bits', '256'], join(resultsDir, 'heap.json'), srpDir, fromRunner, beside),
  ...runtimeSuites,
  ...nativeSuites,
  // The browser example page (plain HTML + the ESM build): a full SRP login in headless Chromium, with a screenshot check.
  () => counted('browser example page in Chromium (login, timings, screenshot)', process.execPath, [join(root, 'scripts/browser-example.mjs')], join(resultsDir, 'browser-example.json'), root, fromRunner, beside),
  // The local pool as a Cloudflare Worker (packages/local-pool/examples/worker), bundled from the built packages and
  // served by workerd without nodejs_compat: an SRP login through it from Node, a wrong password, the JWKS, the tokens
  // verified by aws-jwt-verify; and its controls (a worker importing node:crypto fails to build, and to run).
  () => counted('local pool as a Worker in workerd without nodejs_compat: SRP login, JWKS, aws-jwt-verify, controls', process.execPath, [join(root, 'scripts/local-pool-worker.mjs')], join(resultsDir, 'local-pool-worker.json'), root, fromRunner, beside),
  // The runners must report broken libraries and broken runs (the self-check breaks them on purpose, in memory).
  () => counted('whole-suite runner self-check (Buffer or node:crypto in the core fails workerd)', process.execPath, [join(root, 'scripts/runtimes/suite-selfcheck.mjs')], join(resultsDir, 'suite-selfcheck.json'), root, fromRunner, beside),
]);
// Load scaled down to fit CI, alone (its logins run in parallel themselves); pnpm test:load runs 10,000 sessions.
await counted('load: 1,000 concurrent logins answered in parallel, all accepted', process.execPath, [join(srpDir, 'scripts/load.mjs'), '--sessions', '1000', '--bits', '256'], join(resultsDir, 'load.json'), srpDir, fromRunner);
// cognito-kit serve under load (pnpm test:load:serve runs 2,000 logins and prints logins/s): every login verified.
await counted('load: 200 SRP logins over HTTP against cognito-kit serve, 50 at once, all verified', process.execPath, [join(root, 'scripts/load-serve.mjs'), '--logins', '200', '--concurrency', '50'], join(resultsDir, 'load-serve.json'), root, fromRunner);
await counted('mutation check (tests must catch known bugs)', process.execPath, [join(root, 'packages/srp/scripts/mutation-check.mjs')], join(resultsDir, 'mutations.json'), join(root, 'packages/srp'), fromRunner);

console.log('\nSummary');
for (const line of lines) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

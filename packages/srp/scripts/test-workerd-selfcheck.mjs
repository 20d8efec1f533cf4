#!/usr/bin/env node
// Checks that scripts/test-workerd.mjs fails when it should. Each scenario bundles a broken variant — source files
// are swapped in memory through esbuild plugins, src/ on disk is never touched — or feeds a corrupted vector, a
// crashing or silent workerd, and checks the runner's verdict. The same runner runs the request builder's worker
// (`package: 'request-builder'`), so broken variants of that package are checked here too.
// Run: node packages/srp/scripts/test-workerd-selfcheck.mjs
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runSelfcheckJobs } from './selfcheck-jobs.mjs';
import { PACKAGES, defaultVectorFiles, pkgDir, repoRoot, runWorkerdTests } from './test-workerd.mjs';

const baseDir = join(pkgDir, '.cache/workerd-selfcheck');
rmSync(baseDir, { recursive: true, force: true });
mkdirSync(baseDir, { recursive: true });

// The scenarios bundle a snapshot of src/ as committed (git HEAD), so that edits in progress in the work tree (a
// colleague's refactor, a mutation-testing run) cannot make a scenario pass or fail by accident. Without git, the
// work tree's src/ is used as it is.
function snapshotSrc(repoDir = 'packages/srp/src', dir = join(baseDir, 'src'), skip = () => false) {
  try {
    const files = execFileSync('git', ['-C', repoRoot, 'ls-tree', '-r', '--name-only', 'HEAD', repoDir], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.ts') && !skip(f.slice(repoDir.length + 1)));
    if (files.length === 0) return undefined;
    for (const file of files) {
      const target = join(dir, file.slice(repoDir.length + 1));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, execFileSync('git', ['-C', repoRoot, 'show', `HEAD:${file}`]));
    }
    return dir;
  } catch {
    return undefined;
  }
}
const srcDir = snapshotSrc();
console.log(`source under test: ${srcDir ? 'git HEAD snapshot of packages/srp/src' : 'the work tree packages/srp/src'}`);
// The request builder's src/ without src/cli (the Node CLI, never bundled), under a folder whose path ends in
// request-builder/src like the real one, so the patches below match both.
const rbSrcDir = srcDir ? snapshotSrc('packages/request-builder/src', join(baseDir, 'request-builder/src'), (f) => f.startsWith('cli/')) : undefined;
console.log(`request-builder source under test: ${rbSrcDir ? 'git HEAD snapshot of packages/request-builder/src (no src/cli)' : 'the work tree packages/request-builder/src'}`);
/** Options that run the request builder's worker against the snapshots. */
const rb = (options = {}) => ({ package: 'request-builder', ...(rbSrcDir && srcDir ? { srcDir: rbSrcDir, srpSrcDir: srcDir } : { srcDir: undefined }), ...options });

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

/** An esbuild plugin that keeps node:* imports external, so they reach workerd instead of failing the build. */
const nodeExternal = {
  name: 'node-external',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** An esbuild plugin that serves a made-up module for an import matching `specifier`, as a file under `folder`. */
function virtualModule(name, specifier, folder, fileName, contents) {
  return {
    name: `virtual-${name}`,
    setup(build) {
      build.onResolve({ filter: specifier }, (args) => ({ path: join(args.resolveDir, folder, fileName) }));
      build.onLoad({ filter: new RegExp(`[\\\\/]${folder}[\\\\/]${fileName.replace('.', '\\.')}$`) }, () => ({ contents, loader: 'ts' }));
    },
  };
}

const failing = (r) => r.cases?.filter((c) => !c.ok).map((c) => c.name) ?? [];
const hasProblem = (r, text) => r.problems.some((p) => p.includes(text));
const failedWith = (r, pattern) => r.cases?.some((c) => !c.ok && pattern.test(c.reason)) ?? false;
const RB_CASES = 49; // the request builder's worker has this many cases (update when adding one)

const scenarios = [
  {
    name: 'baseline passes',
    options: {},
    expect: (r) => r.failed === 0 && r.passed >= 255 + 10,
  },
  {
    // (The public padhex vectors need no sign byte: the srp vectors' padHex* and signatures catch it.)
    name: 'padHex without the 00 sign byte fails the srp vectors',
    options: { plugins: [patch('pad', 'src/pad.ts', "if (hex.charCodeAt(0) >= 56 /* '8' */) hex = '00' + hex;", '/* sabotaged: no sign byte */')] },
    expect: (r) => r.failed > 10 && r.problems.length === 0 && failing(r).some((n) => n.includes('/srp:')),
  },
  {
    name: 'one corrupted vector signature fails exactly that case',
    options: {
      mutateVectors: (vectors) =>
        vectors.map((v) => (v.id === 'srp-rand-005' ? { ...v, expected: { ...v.expected, signature: 'AAAA' + v.expected.signature.slice(4) } } : v)),
    },
    expect: (r) => r.failed === 1 && failing(r).length === 1 && failing(r)[0] === 'srp/srp:srp-rand-005',
  },
  {
    name: 'a library that uses Buffer fails inside workerd',
    options: {
      plugins: [
        patch('buffer', 'src/encoding.ts', 'export function bytesToHex(bytes: Uint8Array): string {', 'export function bytesToHex(bytes: Uint8Array): string {\n  return Buffer.from(bytes).toString(\'hex\');'),
      ],
    },
    expect: (r) => r.failed >= 1 && r.passed === 0 && /Buffer is not defined/.test(r.stderr ?? ''),
  },
  {
    name: 'a node:crypto import fails the build (platform neutral)',
    options: { plugins: [patch('node-import', 'src/random.ts', "import { isBytes } from './encoding.js';", "import { isBytes } from './encoding.js';\nimport { randomFillSync } from 'node:crypto';\nexport const sabotage = randomFillSync;")] },
    expect: (r) => r.failed >= 1 && r.passed === 0 && hasProblem(r, 'esbuild failed'),
  },
  {
    name: 'a node:crypto import kept external fails in workerd (no such module)',
    options: {
      plugins: [nodeExternal, patch('node-import-ext', 'src/random.ts', "import { isBytes } from './encoding.js';", "import { isBytes } from './encoding.js';\nimport { randomFillSync } from 'node:crypto';\nexport const sabotage = randomFillSync;")],
    },
    expect: (r) => r.failed >= 1 && r.passed === 0 && /No such module "node:crypto"/.test(r.stderr ?? ''),
  },
  {
    name: 'nodejs_compat turned on is caught by the runtime cases',
    options: { compatibilityFlags: ['nodejs_compat'] },
    expect: (r) => ['runtime/runtime:no-process', 'runtime/runtime:no-Buffer'].every((n) => failing(r).includes(n)),
  },
  {
    name: 'accepting B = 0 mod N fails the invalid_srp vectors',
    options: { plugins: [patch('valid-b', 'src/steps.ts', "if (B % N === 0n) throw new SrpError('INVALID_SRP_B'", "if (B < 0n) throw new SrpError('INVALID_SRP_B'")] },
    expect: (r) => failing(r).includes('other/invalid_srp:invalid-001') && failing(r).includes('other/invalid_srp:invalid-005'),
  },
  {
    name: 'a worker that runs no case fails',
    options: { plugins: [patch('empty-worker', 'test/workerd/worker.ts', null, 'export default { async test() {} };')] },
    expect: (r) => r.passed === 0 && r.failed >= 1 && hasProblem(r, 'no test case ran'),
  },
  {
    name: 'a handler that throws outside the harness fails',
    options: {
      plugins: [patch('throwing-worker', 'test/workerd/worker.ts', null, "export default { async test() { console.log('CASE PASS fake/x'); throw new Error('boom'); } };")],
    },
    expect: (r) => r.failed >= 1 && hasProblem(r, 'without a failing case'),
  },
  {
    name: 'a hung worker is killed at the timeout',
    options: { timeoutMs: 3000, plugins: [patch('hung-worker', 'test/workerd/worker.ts', null, 'export default { async test() { for (;;) {} } };')] },
    expect: (r) => r.failed >= 1 && hasProblem(r, 'did not finish'),
  },
  {
    name: 'a half-written vector file fails instead of being skipped',
    setup: (dir) => {
      const truncated = join(dir, 'vectors-truncated.json');
      writeFileSync(truncated, '{"vectors": [{"id": "kit-x", "kind": "srp"');
      return { vectorFiles: [...defaultVectorFiles(), { path: truncated, required: false }] };
    },
    expect: (r) => r.failed === 1 && r.passed === 0 && hasProblem(r, 'not valid JSON'),
  },
  {
    name: 'an unknown vector kind fails instead of being skipped',
    options: { mutateVectors: (vectors) => [...vectors, { id: 'kit-new-kind', kind: 'brand_new', input: {}, expected: {}, file: 'x' }] },
    expect: (r) => r.failed === 1 && failing(r)[0] === 'other/brand_new:kit-new-kind',
  },

  // The request builder's worker, through the same runner.
  {
    name: 'request-builder: baseline passes',
    options: rb(),
    expect: (r) => r.failed === 0 && r.passed === RB_CASES,
  },
  {
    name: 'request-builder: Buffer used in src/http.ts fails inside workerd',
    options: rb({ plugins: [patch('rb-buffer', 'request-builder/src/http.ts', 'body: JSON.stringify(request),', "body: Buffer.from(JSON.stringify(request)).toString('utf8'),")] }),
    expect: (r) => r.failed >= 3 && r.problems.length === 0 && failing(r).includes('http/http:AdminInitiateAuth-request') && failedWith(r, /Buffer is not defined/),
  },
  {
    name: 'request-builder: process.env read in src/http.ts fails inside workerd',
    options: rb({
      plugins: [
        patch('rb-process', 'request-builder/src/http.ts', 'export function regionEndpoint(region: string): string {', 'export function regionEndpoint(region: string): string {\n  if (process.env.COGNITO_ENDPOINT) return process.env.COGNITO_ENDPOINT;'),
      ],
    }),
    expect: (r) => r.failed >= 1 && failing(r).includes('http/http:AdminInitiateAuth-request') && failedWith(r, /process is not defined/),
  },
  {
    name: 'request-builder: a node:crypto import in src fails the build (platform neutral)',
    options: rb({ plugins: [patch('rb-node-import', 'request-builder/src/redact.ts', "const MASK = '***';", "import { randomUUID } from 'node:crypto';\nconst MASK = '***' + randomUUID().slice(0, 0);")] }),
    expect: (r) => r.failed >= 1 && r.passed === 0 && hasProblem(r, 'esbuild failed'),
  },
  {
    name: 'request-builder: @cognito-kit/srp taken from anywhere but srp src (no alias) is reported',
    options: rb({ aliases: {} }),
    expect: (r) => r.failed >= 1 && ((hasProblem(r, 'pulls in') && r.problems.some((p) => /srp[\\/]dist[\\/]/.test(p))) || hasProblem(r, 'esbuild failed')),
  },
  {
    name: 'request-builder: src/cli pulled into the bundle is reported',
    options: rb({
      plugins: [
        virtualModule('rb-cli', /^\.\/cli\/only\.js$/, 'cli', 'only.ts', 'export const cliOnly = 1;'),
        patch('rb-cli-export', 'request-builder/src/index.ts', "export { redact } from './redact.js';", "export { redact } from './redact.js';\nexport { cliOnly } from './cli/only.js';"),
      ],
    }),
    expect: (r) => r.failed >= 1 && hasProblem(r, 'pulls in') && r.problems.some((p) => /cli[\\/]only\.ts/.test(p)),
  },
  {
    name: 'request-builder: nodejs_compat turned on is caught by the runtime cases',
    options: rb({ compatibilityFlags: ['nodejs_compat'] }),
    expect: (r) => ['runtime/runtime:no-process', 'runtime/runtime:no-Buffer'].every((n) => failing(r).includes(n)),
  },
  {
    name: 'request-builder: a wrong device password is refused by the server half',
    options: rb({ plugins: [patch('rb-device', 'request-builder/src/challenge-responses.ts', 'devicePassword: input.devicePassword as string,', "devicePassword: (input.devicePassword as string) + 'x',")] }),
    expect: (r) => r.failed === 1 && failing(r)[0] === 'respond/respond:DEVICE_SRP_AUTH-and-DEVICE_PASSWORD_VERIFIER-round-trip',
  },
  {
    name: 'request-builder: SECRET_HASH over the wrong input fails the flow cases',
    options: rb({
      plugins: [
        patch('rb-secret-hash', 'request-builder/src/auth-parameters.ts', 'params.SECRET_HASH = secretHash(username, input.clientId as string, clientSecret);', 'params.SECRET_HASH = secretHash(input.clientId as string, username, clientSecret);'),
      ],
    }),
    expect: (r) => r.problems.length === 0 && ['initiate/admin:USER_SRP_AUTH-creates-a-session-with-Web-Crypto', 'initiate/public:REFRESH_TOKEN-with-a-client-secret-and-username'].every((n) => failing(r).includes(n)),
  },
  {
    name: 'request-builder: a worker that no longer imports the library is reported',
    options: rb({
      plugins: [
        patch('rb-hollow-worker', 'request-builder/test/workerd/worker.ts', null, "export default { async test() { console.log('CASE PASS runtime/x'); console.log('GROUP runtime passed=1 failed=0'); } };"),
      ],
    }),
    expect: (r) => r.passed === 1 && r.failed >= 2 && hasProblem(r, 'contains nothing from'),
  },
];

/**
 * The CLI itself: exit codes, the closing line and RESULTS_FILE, with a stand-in workerd binary. `script` is the
 * SRP runner (with `args`) or the request builder's entry (`rb: true` points WORKERD_SRC_DIR at its snapshot).
 */
function runCli(name, workerdBin, { script = join(pkgDir, 'scripts/test-workerd.mjs'), args = [], rbSources = false } = {}) {
  const dir = join(baseDir, name);
  const resultsFile = join(dir, 'nested/results.json');
  const sources = rbSources ? (rbSrcDir && srcDir ? { WORKERD_SRC_DIR: rbSrcDir, WORKERD_SRP_SRC_DIR: srcDir } : {}) : srcDir ? { WORKERD_SRC_DIR: srcDir } : {};
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...sources, WORKERD_OUT_DIR: join(dir, 'out'), RESULTS_FILE: resultsFile, ...(workerdBin ? { WORKERD_BIN: workerdBin } : {}) },
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

const cliScenarios = [
  {
    name: 'CLI: a passing run exits 0 and writes RESULTS_FILE',
    bin: undefined,
    expect: (r) => r.code === 0 && /^workerd: \d+ passed, 0 failed$/.test(r.last) && r.results?.runner === 'workerd' && r.results.failed === 0 && r.results.passed > 0,
  },
  {
    name: 'CLI: a crashing workerd (/bin/false) exits 1',
    bin: '/bin/false',
    expect: (r) => r.code === 1 && /^workerd: 0 passed, [1-9]\d* failed$/.test(r.last) && r.results?.failed > 0,
  },
  {
    name: 'CLI: a silent workerd (/bin/true, exit 0, no output) exits 1',
    bin: '/bin/true',
    expect: (r) => r.code === 1 && /^workerd: 0 passed, [1-9]\d* failed$/.test(r.last) && r.results?.failed > 0,
  },
  {
    name: 'CLI: packages/request-builder/scripts/test-workerd.mjs passes and writes RESULTS_FILE',
    bin: undefined,
    cli: { script: join(PACKAGES['request-builder'].dir, 'scripts/test-workerd.mjs'), rbSources: true },
    expect: (r) =>
      r.code === 0 &&
      r.last === `workerd: ${RB_CASES} passed, 0 failed` &&
      r.results?.runner === 'workerd' &&
      r.results.package === '@cognito-kit/request-builder' &&
      r.results.passed === RB_CASES &&
      r.results.failed === 0,
  },
  {
    name: 'CLI: the request builder with a crashing workerd (/bin/false) exits 1',
    bin: '/bin/false',
    cli: { script: join(PACKAGES['request-builder'].dir, 'scripts/test-workerd.mjs'), rbSources: true },
    expect: (r) => r.code === 1 && /^workerd: 0 passed, [1-9]\d* failed$/.test(r.last) && r.results?.failed > 0,
  },
  {
    name: 'CLI: --package request-builder runs the request builder worker',
    bin: undefined,
    cli: { args: ['--package', 'request-builder'], rbSources: true },
    expect: (r) => r.code === 0 && r.last === `workerd: ${RB_CASES} passed, 0 failed` && r.results?.package === '@cognito-kit/request-builder',
  },
  {
    name: 'CLI: an unknown --package exits 1',
    bin: undefined,
    cli: { args: ['--package=nope'] },
    expect: (r) => r.code === 1 && r.last === 'workerd: 0 passed, 1 failed' && r.results?.failed === 1,
  },
];

const started = Date.now();
const jobs = [
  ...scenarios.map((s, index) => async () => {
    const dir = join(baseDir, `s${index}`);
    mkdirSync(dir, { recursive: true });
    const options = { ...(s.options ?? {}), ...(s.setup ? s.setup(dir) : {}) };
    const r = await runWorkerdTests({ ...(srcDir ? { srcDir } : {}), ...options, outDir: join(dir, 'out'), log: () => {} });
    return { name: s.name, ok: s.expect(r), detail: `passed=${r.passed} failed=${r.failed}; failing: ${failing(r).slice(0, 3).join(', ') || '-'}; problems: ${r.problems.join(' | ').slice(0, 300) || '-'}` };
  }),
  ...cliScenarios.map((s, index) => async () => {
    const r = await runCli(`cli${index}`, s.bin, s.cli);
    return { name: s.name, ok: s.expect(r), detail: `exit ${r.code}; last line ${JSON.stringify(r.last)}; results ${JSON.stringify(r.results)}` };
  }),
];

process.exitCode = await runSelfcheckJobs('workerd-selfcheck', jobs, started);

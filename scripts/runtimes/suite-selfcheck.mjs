#!/usr/bin/env node
// Checks that the whole-suite runs (scripts/runtimes/suite.mjs) fail when they should. Above all: a test that uses
// Buffer or node:crypto, or a library source that does, makes the workerd run fail, although the same code passes
// where Node's globals exist (Bun, as a control). Sources and tests are changed in memory by esbuild plugins or
// written as extra test files under .cache, never edited on disk.
//
//   node scripts/runtimes/suite-selfcheck.mjs [--verbose]
//
// The last line is `suite-selfcheck: N passed, M failed`; RESULTS_FILE gets { runner, passed, failed }.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { runSuiteIn } from './suite.mjs';
import { PACKAGES, repoRoot } from './workerd.mjs';

const started = Date.now();
const baseDir = join(repoRoot, '.cache/suite-selfcheck');
rmSync(baseDir, { recursive: true, force: true });
mkdirSync(baseDir, { recursive: true });

const srpTest = (name) => join(PACKAGES.srp.dir, 'test', name);
// A few real test files keep each run short: SECRET_HASH and the session go through bytesToBase64 and the HMAC.
const SUBSET = [srpTest('secret-hash.test.ts'), srpTest('session.test.ts')];

/** An esbuild plugin that edits one source file in memory; the build fails if the text to replace is gone. */
function patch(name, fileSuffix, search, replacement, prefix = '') {
  const escaped = fileSuffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\//g, '[\\\\/]');
  return {
    name: `patch-${name}`,
    setup(build) {
      build.onLoad({ filter: new RegExp(`${escaped}$`) }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(search)) throw new Error(`self-check patch ${name}: text not found in ${fileSuffix}`);
        return { contents: prefix + source.replace(search, replacement), loader: 'ts' };
      });
    },
  };
}

/** Writes a test file of its own under .cache (allowed into the bundle) and returns its path. */
function extraTest(name, body) {
  const dir = join(baseDir, 'tests');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `import { describe, expect, it } from 'vitest';\n${body}\n`);
  return path;
}

// Correct code where Node's globals exist: base64 through Buffer, SECRET_HASH through node:crypto.
const bufferInCore = patch(
  'buffer-base64',
  'srp/src/encoding.ts',
  'export function bytesToBase64(bytes: Uint8Array): string {',
  "export function bytesToBase64(bytes: Uint8Array): string {\n  return Buffer.from(bytes).toString('base64');",
);
const nodeCryptoInCore = patch(
  'node-crypto-hmac',
  'srp/src/secret-hash.ts',
  'export function secretHash(username: string, clientId: string, clientSecret: string): string {',
  "export function secretHash(username: string, clientId: string, clientSecret: string): string {\n  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');",
  "import { createHmac } from 'node:crypto';\n",
);

const failing = (r) => (r.cases ?? []).filter((c) => !c.ok).map((c) => `${c.name}: ${c.reason}`);
const hasProblem = (r, text) => (r.problems ?? []).some((p) => p.includes(text));
const summary = (r) => `${r.passed} passed, ${r.failed} failed; problems: ${(r.problems ?? []).join(' | ').slice(0, 300) || 'none'}; failing: ${failing(r).slice(0, 3).join(' | ').slice(0, 300) || 'none'}`;

const scenarios = [
  {
    name: 'baseline: the subset passes in workerd',
    runtime: 'workerd',
    options: { files: SUBSET },
    expect: (r) => r.failed === 0 && r.passed > 20,
  },
  {
    name: 'Buffer inside the core (bytesToBase64) fails the workerd run',
    runtime: 'workerd',
    options: { files: SUBSET, plugins: [bufferInCore] },
    expect: (r) => r.failed >= 1 && failing(r).some((line) => /Buffer is not defined/.test(line)),
  },
  {
    name: 'control: the same Buffer code passes in Bun, which defines Buffer',
    runtime: 'bun',
    options: { files: SUBSET, plugins: [bufferInCore] },
    expect: (r) => r.failed === 0 && r.passed > 20,
  },
  {
    name: 'node:crypto inside the core (secretHash) fails the workerd run (the bundle refuses it)',
    runtime: 'workerd',
    options: { files: SUBSET, plugins: [nodeCryptoInCore] },
    expect: (r) => r.failed >= 1 && r.passed === 0 && hasProblem(r, 'node:crypto'),
  },
  {
    name: 'a portable test that uses Buffer fails the workerd run',
    runtime: 'workerd',
    options: {
      files: [srpTest('secret-hash.test.ts'), extraTest('uses-buffer.test.ts', "it('hex through Buffer', () => {\n  expect(Buffer.from('a').toString('hex')).toBe('61');\n});")],
    },
    expect: (r) => r.failed === 1 && failing(r).some((line) => line.includes('uses-buffer.test.ts') && /Buffer is not defined/.test(line)),
  },
  {
    name: 'a portable test that imports node:crypto fails the workerd run',
    runtime: 'workerd',
    options: {
      files: [
        srpTest('secret-hash.test.ts'),
        extraTest('uses-node-crypto.test.ts', "import { createHash } from 'node:crypto';\nit('sha256 through node:crypto', () => {\n  expect(createHash('sha256').update('').digest('hex')).toMatch(/^e3b0/);\n});"),
      ],
    },
    expect: (r) => r.failed >= 1 && r.passed === 0 && hasProblem(r, 'node:crypto'),
  },
  {
    name: 'one failing expectation is exactly one failed case (workerd), the rest pass',
    runtime: 'workerd',
    options: {
      files: [srpTest('secret-hash.test.ts'), extraTest('one-fails.test.ts', "describe('arithmetic', () => {\n  it('is right', () => expect(1 + 1).toBe(2));\n  it('is wrong on purpose', () => expect(1 + 1).toBe(3));\n});")],
    },
    expect: (r) => r.failed === 1 && failing(r).length === 1 && failing(r)[0].includes('is_wrong_on_purpose') && r.passed > 2,
  },
  {
    name: 'one failing expectation is exactly one failed case (Deno)',
    runtime: 'deno',
    options: { files: [extraTest('one-fails-deno.test.ts', "it('is right', () => expect([1]).toEqual([1]));\nit('is wrong on purpose', () => expect({ a: 1 }).toEqual({ a: 2 }));")] },
    expect: (r) => r.failed === 1 && failing(r).length === 1 && failing(r)[0].includes('is_wrong_on_purpose'),
  },
  {
    name: 'a test file that throws while loading fails (workerd)',
    runtime: 'workerd',
    options: { files: [extraTest('throws-at-load.test.ts', "throw new Error('broken at load');\nit('never registered', () => {});")] },
    expect: (r) => r.failed >= 1 && r.passed === 0 && failing(r).some((line) => line.includes('(load)') && line.includes('broken at load')),
  },
  {
    name: 'a test file with no test fails (Chromium)',
    runtime: 'chromium',
    options: { files: [extraTest('empty.test.ts', "describe('nothing', () => {});")] },
    expect: (r) => r.failed >= 1 && failing(r).some((line) => line.includes('empty.test.ts') && /No test found|\(empty\)/.test(line)),
  },
  {
    name: 'a skipped test is not counted as passed (Bun)',
    runtime: 'bun',
    options: { files: [extraTest('skips.test.ts', "it('runs', () => expect(true).toBe(true));\nit.skip('is skipped', () => expect(true).toBe(false));")] },
    // The driver's own identity case and the one test that runs.
    expect: (r) => r.failed === 0 && r.passed === 2,
  },
];

const jobs = scenarios.map((scenario, index) => async () => {
  const outDir = join(baseDir, `${index}-${scenario.runtime}`);
  const lines = [];
  const result = await runSuiteIn({ runtime: scenario.runtime, package: 'srp', outDir, allowedInputs: [join(baseDir, 'tests') + sep], timeoutMs: 180_000, log: (line) => lines.push(line), ...scenario.options });
  const ok = scenario.expect(result);
  return { name: `${scenario.runtime}: ${scenario.name}`, ok, detail: ok ? summary(result) : `${summary(result)}\n       ${lines.slice(-6).join('\n       ')}` };
});

// Two at a time: this machine has two cores.
const results = new Array(jobs.length);
let next = 0;
await Promise.all(
  [0, 1].map(async () => {
    while (next < jobs.length) {
      const index = next++;
      try {
        results[index] = await jobs[index]();
      } catch (error) {
        results[index] = { name: `job ${index}`, ok: false, detail: `threw: ${error?.stack ?? error}` };
      }
    }
  }),
);
let passed = 0;
for (const r of results) {
  if (r.ok) passed++;
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.ok ? '' : `\n       ${r.detail}`}`);
  if (r.ok && process.argv.includes('--verbose')) console.log(`       ${r.detail}`);
}
console.log(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`suite-selfcheck: ${passed} passed, ${results.length - passed} failed`);
if (process.env.RESULTS_FILE) {
  mkdirSync(dirname(process.env.RESULTS_FILE), { recursive: true });
  writeFileSync(process.env.RESULTS_FILE, JSON.stringify({ runner: 'suite-selfcheck', passed, failed: results.length - passed }) + '\n');
}
process.exitCode = passed === results.length ? 0 : 1;

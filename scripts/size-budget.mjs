#!/usr/bin/env node
// Size budget and import cost, checked in CI (scripts/test-all.mjs) with the numbers printed:
//
// 1. The SRP client path, `createSrpSession + respondToPasswordVerifier + secretHash` from '@cognito-kit/srp' with
//    @noble/hashes, bundled by esbuild (tree-shaken, minified, ESM, platform browser and neutral) from the built
//    package through its exports map, gzip level 9: at most 8 KiB.
// 2. The request builder on top of it: everything '@cognito-kit/request-builder' exports (the builders, the HTTP
//    request, the response side, redact, the model's tables) at most 8 KiB more, gzipped. Code outside the SRP
//    client path is read more often than it is downloaded, so it is written to be read; its parts are printed beside
//    it: the request path (the four builders and toHttpRequest), `send` with readResponse, and the sign-in loop (its
//    own entry point, '@cognito-kit/request-builder/sign-in', an optional layer), each on top of the SRP client path.
// 3. Import cost: each entry point imported in fresh Node processes (median of 5; printed). Nothing heavy may run
//    at import: the fixed-base table of modPow (about 200 bigints of 3072 bits) must be built on first use, not on
//    import. Checked deterministically with a V8 heap snapshot: right after import the heap holds only a handful of
//    3072-bit bigints (N, k, ...); after four sessions it holds the table (the control that the count can see it).
//
//   node scripts/size-budget.mjs        (needs the packages built: pnpm -r build)
//
// The last line is `size-budget: N passed, M failed`; RESULTS_FILE gets { runner, passed, failed }.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const consumerDir = join(root, 'packages/request-builder'); // resolves both packages like a dependent would
const require = createRequire(join(consumerDir, 'package.json'));
const { build } = await import(pathToFileURL(createRequire(join(root, 'package.json')).resolve('esbuild')).href);

const KiB = 1024;
const BUDGET_CLIENT = 8 * KiB;
const BUDGET_BUILDER_EXTRA = 8 * KiB;
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `\n       ${detail}` : ''}`);
};
const kib = (bytes) => `${(bytes / KiB).toFixed(2)} KiB`;

for (const name of ['@cognito-kit/srp', '@cognito-kit/request-builder']) {
  if (!existsSync(join(dirname(require.resolve(`${name}/package.json`)), 'dist/index.js'))) {
    console.log(`${name} is not built (dist/index.js missing): run pnpm -r build first`);
    console.log('size-budget: 0 passed, 1 failed');
    process.exit(1);
  }
}

async function measure(code, platform) {
  const result = await build({
    stdin: { contents: code, resolveDir: consumerDir, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    target: 'es2022',
    platform,
    ...(platform === 'neutral' ? { mainFields: ['module', 'main'] } : {}),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  const inputs = Object.keys(result.metafile.inputs);
  // Minified bytes per input file, largest first: what to look at when a budget is exceeded.
  const perInput = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
    .map(([file, { bytesInOutput }]) => [file.replace(/^.*node_modules\//, '').replace(/^packages\//, ''), bytesInOutput])
    .filter(([, b]) => b > 0)
    .sort((a, b) => b[1] - a[1]);
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, inputs, perInput };
}

const CLIENT = `export { createSrpSession, respondToPasswordVerifier, secretHash } from '@cognito-kit/srp';`;
const fromBuilder = (names, entry = '@cognito-kit/request-builder') => `export { ${names} } from '${entry}';`;
const PARTS = {
  'request path (4 builders + toHttpRequest)': fromBuilder('buildAdminInitiateAuth, buildInitiateAuth, buildAdminRespondToAuthChallenge, buildRespondToAuthChallenge, toHttpRequest'),
  'send + readResponse': fromBuilder('send, readResponse'),
  'sign-in loop (@cognito-kit/request-builder/sign-in, with send)': `${fromBuilder('signIn', '@cognito-kit/request-builder/sign-in')}\n${fromBuilder('send')}`,
};
const WHOLE_BUILDER = `${CLIENT}\nexport * from '@cognito-kit/request-builder';`;
const SERVER = `export * from '@cognito-kit/srp/server';`;

console.log('bundle sizes (esbuild, minified, tree-shaken, ESM; gzip -9):');
const rows = [];
for (const platform of ['browser', 'neutral']) {
  const client = await measure(CLIENT, platform);
  const whole = await measure(WHOLE_BUILDER, platform);
  const server = await measure(SERVER, platform);
  const parts = [];
  for (const [name, code] of Object.entries(PARTS)) parts.push(`+ ${name} +${kib((await measure(`${CLIENT}\n${code}`, platform)).gzip - client.gzip)}`);
  rows.push({ platform, client, whole, server });
  console.log(`  ${platform.padEnd(8)} SRP client path ${kib(client.min)} min, ${kib(client.gzip)} gz | + whole request builder ${kib(whole.gzip)} gz (+${kib(whole.gzip - client.gzip)}) | server half alone ${kib(server.gzip)} gz`);
  console.log(`           ${parts.join(' | ')}`);
  // The opt-in engine that ships the powers of g: what a Worker pays in bytes for a cheaper cold login (printed).
  const precomputed = await measure(`${CLIENT}\nexport { precomputedEngine } from '@cognito-kit/srp/precomputed';`, platform);
  console.log(`           + @cognito-kit/srp/precomputed (the shipped powers of g) +${kib(precomputed.min - client.min)} min, +${kib(precomputed.gzip - client.gzip)} gz`);
  const fromDist = client.inputs.filter((i) => i.includes('dist/')).length > 0 && !client.inputs.some((i) => /[\\/]src[\\/].*\.ts$/.test(i));
  const noble = client.inputs.some((i) => i.includes('@noble/hashes') || i.includes('@noble+hashes'));
  check(`${platform}: bundled from the built package (dist via the exports map) with @noble/hashes`, fromDist && noble, fromDist && noble ? '' : client.inputs.join(', '));
  const largest = (list, keep = () => true) => list.filter(([file]) => keep(file)).slice(0, 10).map(([file, b]) => `${file} ${b}`).join(', ');
  check(`${platform}: SRP client path ${kib(client.gzip)} gz <= ${kib(BUDGET_CLIENT)}`, client.gzip <= BUDGET_CLIENT, client.gzip <= BUDGET_CLIENT ? '' : `over by ${client.gzip - BUDGET_CLIENT} bytes; minified bytes per file: ${largest(client.perInput)}`);
  const wholeExtra = whole.gzip - client.gzip;
  check(`${platform}: the whole request builder on top +${kib(wholeExtra)} gz <= ${kib(BUDGET_BUILDER_EXTRA)}`, wholeExtra <= BUDGET_BUILDER_EXTRA, wholeExtra <= BUDGET_BUILDER_EXTRA ? '' : `over by ${wholeExtra - BUDGET_BUILDER_EXTRA} bytes; minified bytes per request-builder file: ${largest(whole.perInput, (f) => f.startsWith('request-builder/'))}`);
}

// Import cost, in fresh processes. The child prints JSON: import ms, and 3072-bit-sized bigints on the heap.
const probe = `
import v8 from 'node:v8';
const bigBigints = async () => {
  const chunks = [];
  for await (const chunk of v8.getHeapSnapshot()) chunks.push(chunk);
  const snap = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type'), sizeAt = fields.indexOf('self_size'), width = fields.length;
  let n = 0;
  for (let i = 0; i < snap.nodes.length; i += width) if (types[snap.nodes[i + typeAt]] === 'bigint' && snap.nodes[i + sizeAt] >= 300) n++;
  return n;
};
const spec = process.argv[1];
const started = performance.now();
const mod = await import(spec);
const importMs = performance.now() - started;
const out = { importMs };
if (process.argv[2] === 'heap') {
  out.atImport = await bigBigints();
  const t = performance.now();
  mod.createSrpSession();
  out.firstSessionMs = performance.now() - t;
  for (let i = 0; i < 3; i++) mod.createSrpSession();
  out.afterFourSessions = await bigBigints();
}
console.log(JSON.stringify(out));
`;
const runProbe = (spec, mode = '') => {
  // Resolved here through the exports map (the 'default' condition, as import does), imported there by URL.
  const url = pathToFileURL(require.resolve(spec)).href;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe, url, mode], { cwd: consumerDir, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`probe of ${spec} failed: ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('import cost (Node, fresh process, median of 5):');
for (const spec of ['@cognito-kit/srp', '@cognito-kit/srp/server', '@cognito-kit/request-builder']) {
  try {
    const ms = median(Array.from({ length: 5 }, () => runProbe(spec).importMs));
    console.log(`  import '${spec}': ${ms.toFixed(1)} ms`);
    check(`import '${spec}' is cheap (${ms.toFixed(1)} ms < 250 ms)`, ms < 250);
  } catch (error) {
    check(`import '${spec}'`, false, error.message);
  }
}
try {
  const heap = runProbe('@cognito-kit/srp', 'heap');
  console.log(`  3072-bit bigints on the heap: ${heap.atImport} after import, ${heap.afterFourSessions} after four createSrpSession() (first took ${heap.firstSessionMs.toFixed(1)} ms)`);
  check(`nothing heavy at import: ${heap.atImport} large bigints after import (<= 8)`, heap.atImport <= 8);
  check(`control: the fixed-base table appears on use (${heap.afterFourSessions} large bigints after four sessions, >= ${heap.atImport + 50})`, heap.afterFourSessions >= heap.atImport + 50);
} catch (error) {
  check('heap probe', false, error.message);
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (process.env.RESULTS_FILE) writeFileSync(process.env.RESULTS_FILE, JSON.stringify({ runner: 'size-budget', passed, failed }) + '\n');
console.log(`size-budget: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

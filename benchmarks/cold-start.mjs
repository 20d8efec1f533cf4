#!/usr/bin/env node
// The first login of a fresh process: what a browser page, a CLI run or an edge isolate pays (Cloudflare's free
// plan allows 10 ms of CPU per request). run.mjs measures warm processes, where cognito-kit's fixed-base table for
// g^e is built; here every sample is a new `node` process that imports the library (not timed), then times one
// full login (start + PASSWORD_VERIFIER answer) on the fixed input of lib/vector.mjs, from the same per-implementation
// bundles as run.mjs (lib/bundle.mjs).
//
// Usage: node cold-start.mjs [--runs 15] [--no-write]   → the "Cold start" section of RESULTS.md
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePeers } from './lib/bundle.mjs';
import { BENCH_DIR } from './lib/vector.mjs';
import { machineLine, markdownTable } from './lib/measure.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 15) || 15;
const write = !args.includes('--no-write');
const RESULTS = join(BENCH_DIR, 'RESULTS.md');

// The child: import the implementation's bundle first, then time exactly one login of the named adapter.
const child = `
const mod = await import(process.argv[1]);
const lib = mod.adapters.find((l) => l.name === process.argv[2]);
const t0 = performance.now();
await lib.login();
const t1 = performance.now();
await lib.login();
const t2 = performance.now();
console.log(JSON.stringify({ first: t1 - t0, second: t2 - t1 }));
`;

const files = await bundlePeers();
const libraries = [];
for (const name of ['cognito-kit', 'identity-js', 'cognito-srp-helper', 'amplify', 'passwordless', 'openssl']) {
  for (const adapter of (await import(files[name])).adapters) libraries.push({ name: adapter.name, file: files[name] });
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const results = [];
// Interleave libraries run by run, so a burst of load on the shared machine hits all of them alike.
const samples = new Map(libraries.map((l) => [l.name, { first: [], second: [] }]));
for (let run = 0; run < runs; run++) {
  for (const lib of libraries) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', child, lib.file, lib.name], { cwd: BENCH_DIR, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`${lib.name}: ${out.stderr}`);
    const { first, second } = JSON.parse(out.stdout.trim().split('\n').pop());
    samples.get(lib.name).first.push(first);
    samples.get(lib.name).second.push(second);
  }
}
const base = median(samples.get('cognito-kit').first);
for (const lib of libraries) {
  const s = samples.get(lib.name);
  results.push([lib.name, `${median(s.first).toFixed(1)} ms`, `${(median(s.first) / base).toFixed(2)}×`, `${median(s.second).toFixed(1)} ms`]);
}

const section = [
  '## Cold start',
  '',
  `Run: ${new Date().toISOString()} · ${machineLine()} · \`node benchmarks/cold-start.mjs --runs ${runs}\``,
  '',
  `Median of ${runs} fresh \`node\` processes per library (interleaved). Each imports the library (not timed), then times its first full login (start + PASSWORD_VERIFIER answer) and a second one. The first login includes the JIT warming up; cognito-kit builds its fixed-base table only from the third exponentiation of 2 on, so a one-login process never pays for it.`,
  '',
  markdownTable(['implementation', 'first login', 'vs cognito-kit', 'second login'], results, ['l', 'r', 'r', 'r']),
  '',
].join('\n');
console.log(section);

if (write) {
  let text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const start = text.indexOf('## Cold start');
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + 3);
    text = text.slice(0, start) + (next >= 0 ? text.slice(next + 1) : '');
  }
  writeFileSync(RESULTS, text.trimEnd() + '\n\n' + section);
  console.log(`wrote the "Cold start" section of ${RESULTS}`);
}

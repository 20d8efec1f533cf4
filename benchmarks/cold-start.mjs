#!/usr/bin/env node
// The first login of a fresh process: what a browser page, a CLI run or an edge isolate pays (Cloudflare's free
// plan allows 10 ms of CPU per request). run.mjs measures warm processes, where cognito-kit's fixed-base table for
// g^e is built; here every sample is a new `node` process that imports the library (not timed), then times one
// full login (start + PASSWORD_VERIFIER answer) on the fixed input of lib/vector.mjs, from the same per-implementation
// bundles as run.mjs (lib/bundle.mjs).
//
// Usage: node cold-start.mjs [--runs 15] [--no-write]   → the "Cold start" section of RESULTS.md
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePeers } from './lib/bundle.mjs';
import { firstLogins } from './lib/cold.mjs';
import { BENCH_DIR } from './lib/vector.mjs';
import { machineLine, markdownTable } from './lib/measure.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 15) || 15;
const write = !args.includes('--no-write');
const RESULTS = join(BENCH_DIR, 'RESULTS.md');

const files = await bundlePeers();
const libraries = [];
for (const name of ['cognito-kit', 'cognito-kit-node-crypto', 'identity-js', 'cognito-srp-helper', 'amplify', 'passwordless', 'openssl']) {
  for (const adapter of (await import(files[name])).adapters) libraries.push({ name: adapter.name, file: files[name] });
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const results = [];
const samples = firstLogins(libraries, runs);
const base = median(samples.get('cognito-kit').first);
const openssl = median(samples.get('OpenSSL (node:crypto)').first);
for (const lib of libraries) {
  const s = samples.get(lib.name);
  const first = median(s.first);
  results.push([lib.name, `${first.toFixed(1)} ms`, `${(first / base).toFixed(2)}×`, `${(first / openssl).toFixed(2)}×`, `${median(s.second).toFixed(1)} ms`]);
}

const section = [
  '## Cold start',
  '',
  `Run: ${new Date().toISOString()} · ${machineLine()} · \`node benchmarks/cold-start.mjs --runs ${runs}\``,
  '',
  `Median of ${runs} fresh \`node\` processes per library (interleaved). Each imports the library (not timed), then times its first full login (start + PASSWORD_VERIFIER answer) and a second one. The first login includes the JIT warming up; cognito-kit builds its fixed-base tables lazily, so a one-login process pays only for the small one its g^x uses; the node-crypto engine row includes creating the engine (one Diffie-Hellman object) in its first login.`,
  '',
  markdownTable(['implementation', 'first login', 'vs cognito-kit', 'vs OpenSSL', 'second login'], results, ['l', 'r', 'r', 'r', 'r']),
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

// First logins of fresh processes, shared by cold-start.mjs (every implementation) and run.mjs (the engine target):
// each sample is a new `node` process that imports one implementation's bundle (not timed), then times its first
// full login (start + PASSWORD_VERIFIER answer) and a second one.
import { spawnSync } from 'node:child_process';
import { BENCH_DIR } from './vector.mjs';

const CHILD = `
const mod = await import(process.argv[1]);
const lib = mod.adapters.find((l) => l.name === process.argv[2]);
const t0 = performance.now();
await lib.login();
const t1 = performance.now();
await lib.login();
const t2 = performance.now();
console.log(JSON.stringify({ first: t1 - t0, second: t2 - t1 }));
`;

/**
 * `runs` fresh processes per library, interleaved run by run so a burst of load on the shared machine hits all of
 * them alike. `libraries`: [{ name (an adapter's name), file (its bundle) }]. Resolves to Map name → { first, second }
 * (milliseconds, one entry per process).
 */
export function firstLogins(libraries, runs) {
  const samples = new Map(libraries.map((l) => [l.name, { first: [], second: [] }]));
  for (let run = 0; run < runs; run++) {
    for (const lib of libraries) {
      const out = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, lib.file, lib.name], { cwd: BENCH_DIR, encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`${lib.name}: ${out.stderr}`);
      const { first, second } = JSON.parse(out.stdout.trim().split('\n').pop());
      samples.get(lib.name).first.push(first);
      samples.get(lib.name).second.push(second);
    }
  }
  return samples;
}

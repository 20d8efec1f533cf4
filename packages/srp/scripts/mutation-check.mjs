#!/usr/bin/env node
// Breaks the SRP core on purpose, one known failure mode at a time, and checks that the test suite notices.
// Each mutation is applied to src/ in place, the vector and error suites run, and the file is restored (also on
// Ctrl-C). A mutation the tests do not catch ("survived") fails this script.
//
// Usage: node scripts/mutation-check.mjs   (RESULTS_FILE=path writes {"passed","failed"} for the CI summary)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const mutations = [
  { name: 'TIMESTAMP with a zero-padded day', file: 'src/timestamp.ts', find: '${date.getUTCDate()}', replace: "${String(date.getUTCDate()).padStart(2, '0')}" },
  { name: 'TIMESTAMP with zone GMT', file: 'src/timestamp.ts', find: ' UTC ${date.getUTCFullYear()}', replace: ' GMT ${date.getUTCFullYear()}' },
  { name: 'TIMESTAMP in local time (an hour east of UTC)', file: 'src/timestamp.ts', find: '= date.toUTCString()', replace: '= new Date(date.getTime() + 3_600_000).toUTCString()' },
  { name: 'TIMESTAMP with the padded year of toUTCString', file: 'src/timestamp.ts', find: 'const [weekday, , month, , time]', replace: 'const [weekday, , month, year, time]', also: { find: 'UTC ${date.getUTCFullYear()}', replace: 'UTC ${year}' } },
  { name: 'PAD without the sign byte', file: 'src/pad.ts', find: "if (hex.charCodeAt(0) >= 56 /* '8' */) hex = '00' + hex;", replace: '' },
  { name: 'PAD without the odd-length nibble', file: 'src/pad.ts', find: "    if (hex.length % 2 !== 0) hex = '0' + hex;\n    // First", replace: '    // First' },
  { name: 'PAD of negatives as the magnitude', file: 'src/pad.ts', find: 'return (modulus + value)', replace: 'return (modulus - value)' },
  { name: 'HKDF info changed', file: 'src/steps.ts', find: "HKDF_INFO = 'Caldera Derived Key'", replace: "HKDF_INFO = 'Caldera Derived Key '" },
  { name: 'HKDF key length 32', file: 'src/steps.ts', find: 'Uint8Array.of(1))).slice(0, 16)', replace: 'Uint8Array.of(1))).slice(0, 32)' },
  { name: 'no B mod N check', file: 'src/steps.ts', find: "if (B % N === 0n) throw", replace: 'if (B % N === -1n) throw' },
  { name: 'u over unpadded A', file: 'src/steps.ts', find: 'concatBytes(padBytes(A), padBytes(B))', replace: 'concatBytes(bigintToBytes(A), padBytes(B))', also: { find: "import { padBytes } from './pad.js';", replace: "import { padBytes } from './pad.js';\nimport { bigintToBytes } from './encoding.js';" } },
  { name: 'USERNAME from the typed alias', file: 'src/password-verifier.ts', find: '{ USERNAME: userIdForSrp }', replace: '{ USERNAME: (input.challengeParameters as Record<string, string>).USERNAME ?? userIdForSrp }' },
];

const suites = ['test/vectors.test.ts', 'test/errors.test.ts', 'test/pad.test.ts', 'test/pad.node.test.ts', 'test/timestamp.test.ts', 'test/timestamp.node.test.ts'];
let current;
const restore = () => {
  if (current) writeFileSync(join(root, current.file), current.original);
  current = undefined;
};
process.on('SIGINT', () => {
  restore();
  process.exit(130);
});

let killed = 0;
let survived = 0;
for (const mutation of mutations) {
  const path = join(root, mutation.file);
  const original = readFileSync(path, 'utf8');
  if (!original.includes(mutation.find) || (mutation.also && !original.includes(mutation.also.find))) {
    console.log(`mutation "${mutation.name}": the code to mutate was not found (update this script)`);
    survived++;
    continue;
  }
  let mutated = original.replace(mutation.find, mutation.replace);
  if (mutation.also) mutated = mutated.replace(mutation.also.find, mutation.also.replace);
  current = { file: mutation.file, original };
  writeFileSync(path, mutated);
  try {
    const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...suites, '--reporter=dot', '--bail=1'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    if (run.status !== 0) {
      killed++;
      console.log(`mutation "${mutation.name}": killed`);
    } else {
      survived++;
      console.log(`mutation "${mutation.name}": SURVIVED: no test failed`);
    }
  } finally {
    restore();
  }
}

console.log(`mutations: ${killed} passed, ${survived} failed`);
if (process.env.RESULTS_FILE) {
  mkdirSync(dirname(process.env.RESULTS_FILE), { recursive: true });
  writeFileSync(process.env.RESULTS_FILE, JSON.stringify({ runner: 'mutations', passed: killed, failed: survived }) + '\n');
}
process.exit(survived === 0 ? 0 : 1);

#!/usr/bin/env node
// Every function a package exports publicly (reachable from its index.ts) has TSDoc with an @example block.
// Usage: node scripts/check-tsdoc.mjs   (RESULTS_FILE=path writes {"passed","failed"} for the CI summary)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = ['packages/srp/src/index.ts', 'packages/srp/src/server/index.ts', 'packages/srp/src/node-crypto.ts', 'packages/request-builder/src/index.ts', 'packages/request-builder/src/sign-in.ts', 'packages/local-pool/src/index.ts'];

/** Names re-exported by an index (value exports only), mapped to the module file that defines them. */
function publicFunctions(indexFile) {
  const text = readFileSync(indexFile, 'utf8');
  const found = [];
  for (const [, names, from] of text.matchAll(/^export \{([^}]*)\} from '([^']+)';/gm)) {
    const file = resolve(dirname(indexFile), from.replace(/\.js$/, '.ts'));
    for (const raw of names.split(',')) {
      const name = raw.trim();
      if (name === '' || name.startsWith('type ')) continue;
      found.push({ name, file });
    }
  }
  // Functions defined in the index itself.
  for (const [, name] of text.matchAll(/^export function (\w+)/gm)) found.push({ name, file: indexFile });
  return found;
}

let passed = 0;
const problems = [];
for (const entry of entries) {
  for (const { name, file } of publicFunctions(join(root, entry))) {
    const source = readFileSync(file, 'utf8');
    const declaration = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*export (?:function|const|class) ${name}\\b`).exec(source);
    if (!/^export (?:function|const|class) /m.test(source) || !new RegExp(`export (?:function|const|class) ${name}\\b`).test(source)) continue;
    if (declaration === null) problems.push(`${entry}: ${name} has no TSDoc`);
    else if (!declaration[1].includes('@example')) problems.push(`${entry}: ${name} has TSDoc without an @example`);
    else passed++;
  }
}
for (const problem of problems) console.log(problem);
console.log(`tsdoc: ${passed} passed, ${problems.length} failed`);
if (process.env.RESULTS_FILE) {
  mkdirSync(dirname(process.env.RESULTS_FILE), { recursive: true });
  writeFileSync(process.env.RESULTS_FILE, JSON.stringify({ runner: 'tsdoc', passed, failed: problems.length }) + '\n');
}
process.exit(problems.length === 0 ? 0 : 1);

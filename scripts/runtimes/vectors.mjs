// The module 'cognito-kit:workerd-vectors' that packages/srp/test/helpers/vectors.ts imports: every vector file, each
// id once, read here at build time so the test helper reads no file system and runs in every runtime. suite.mjs
// embeds loadVectors()'s result in the bundles for workerd, Deno, Bun and Chromium; vectorsPlugin() serves the same
// to vitest in Node and edge-runtime (packages/srp/vitest*.config.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VECTORS_MODULE = 'cognito-kit:workerd-vectors';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The vector files in the order they are read: the repo's copy of the shared public set (required), the vectors
 * generated from reference clients, and any vectors-*.json in ../shared/vectors next to the repo.
 */
function vectorFiles() {
  const files = [{ path: join(repoRoot, 'test-vectors/public/vectors-public.json'), required: true }];
  files.push({ path: join(repoRoot, 'test-vectors/vectors.json'), required: false });
  const shared = resolve(repoRoot, '../shared/vectors');
  if (existsSync(shared)) {
    for (const name of readdirSync(shared).sort()) {
      if (/^vectors-.*\.json$/.test(name)) files.push({ path: join(shared, name), required: false });
    }
  }
  return files;
}

/**
 * Reads, parses and de-duplicates the vector files (an id seen in an earlier file is skipped in a later one):
 * { sources: [{ file, vectors, added }], vectors: [{ ...vector, id, file }] }. Throws for a required file that is
 * missing or any bad file.
 */
export function loadVectors() {
  const seen = new Set();
  const sources = [];
  const vectors = [];
  for (const { path, required } of vectorFiles()) {
    if (!existsSync(path)) {
      if (required) throw new Error(`vector file ${path} is missing`);
      continue;
    }
    let parsed;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`vector file ${path} is not valid JSON (still being written?): ${error.message}`);
    }
    const list = Array.isArray(parsed) ? parsed : parsed?.vectors;
    if (!Array.isArray(list)) throw new Error(`vector file ${path} has no "vectors" array`);
    const file = relative(repoRoot, path).split(sep).join('/');
    let added = 0;
    list.forEach((vector, index) => {
      const id = typeof vector?.id === 'string' ? vector.id : `${file}#${index}`;
      if (seen.has(id)) return;
      seen.add(id);
      added++;
      vectors.push({ ...vector, id, file });
    });
    sources.push({ file, vectors: list.length, added });
  }
  return { sources, vectors };
}

/** The module for vitest (a Vite plugin). */
export function vectorsPlugin() {
  const resolved = '\0' + VECTORS_MODULE;
  return {
    name: 'cognito-kit-vectors',
    enforce: 'pre',
    resolveId(id) {
      return id === VECTORS_MODULE ? resolved : undefined;
    },
    load(id) {
      if (id !== resolved) return undefined;
      return `export default ${JSON.stringify(loadVectors())};\n`;
    },
  };
}

// Builds a candidate modpow.ts (env MODPOW_CANDIDATE: a file with the exports and imports of
// packages/srp/src/modpow.ts; by default the package's own file, which then measures the noise) with esbuild so it can be timed and verified as written, and
// builds the whole @cognito-kit/srp from packages/srp/src twice (as is, and with modpow.ts swapped for the
// candidate) so a full login can be compared with nothing else changed. Output: benchmarks/.cache/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const BENCH_DIR = dirname(HERE);
const SRC_DIR = join(dirname(BENCH_DIR), 'packages/srp/src');
const CACHE_DIR = join(BENCH_DIR, '.cache');
export const CANDIDATE_FILE = process.env.MODPOW_CANDIDATE ? resolve(process.env.MODPOW_CANDIDATE) : join(SRC_DIR, 'modpow.ts');

/** The candidate's './errors.js' and './group.js' are the package's own files. */
const srcImports = {
  name: 'candidate-imports-from-src',
  setup(b) {
    b.onResolve({ filter: /^\.\/(errors|group)\.js$/ }, (args) =>
      args.importer === CANDIDATE_FILE ? { path: join(SRC_DIR, args.path.replace(/\.js$/, '.ts')) } : undefined,
    );
  },
};

/** modpow.ts → the candidate, for every importer inside packages/srp/src. */
const swapModpow = {
  name: 'swap-modpow',
  setup(b) {
    b.onResolve({ filter: /modpow\.js$/ }, (args) =>
      args.importer.startsWith(SRC_DIR) ? { path: CANDIDATE_FILE } : undefined,
    );
  },
};

async function bundle(entry, outName, plugins) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const outfile = join(CACHE_DIR, outName);
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile,
    plugins,
    logLevel: 'silent',
  });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}

/** The candidate module alone ({ modPow }). */
export const loadCandidate = () => bundle(CANDIDATE_FILE, 'modpow-candidate.mjs', [srcImports]);

/** @cognito-kit/srp bundled from src, as is. */
export const loadKitFromSrc = () => bundle(join(SRC_DIR, 'index.ts'), 'kit-current.mjs', []);

/** @cognito-kit/srp bundled from src with the candidate modPow. */
export const loadKitWithCandidate = () =>
  bundle(join(SRC_DIR, 'index.ts'), 'kit-candidate.mjs', [swapModpow, srcImports]);

export const CACHE = CACHE_DIR;

/** Minified + gzip bytes of a login bundle (createSrpSession + respondToPasswordVerifier) from src. */
export async function loginBundleSize(withCandidate) {
  const { gzipSync } = await import('node:zlib');
  const result = await build({
    stdin: {
      contents: `export { createSrpSession, respondToPasswordVerifier } from ${JSON.stringify(join(SRC_DIR, 'index.ts'))};`,
      resolveDir: BENCH_DIR,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: withCandidate ? [swapModpow, srcImports] : [],
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

// Each implementation runs from its own self-contained esbuild bundle (benchmarks/.cache/peers/<name>.mjs): its
// own copy of every dependency (jsbn, crypto-js, Amplify's core, @noble/hashes, …). Libraries that patch or are
// patched on shared prototypes (WordArray.prototype.random, jsbn's BigInteger) therefore cannot reach one another,
// and one library's warm-up or fixed-base table cannot help another.
//
// The bundles are otherwise the libraries' own code. Two edits are made at bundle time, both in the module scope of
// one file, and both listed here:
//   - `Date` is shadowed by a clock pinned to the vector's TIMESTAMP (`bench-clock`) in the files that read the
//     time for TIMESTAMP and offer no way to inject it: amazon-cognito-identity-js lib/DateHelper.js,
//     amazon-cognito-passwordless-auth dist/client/srp.js and cognito-srp-helper dist/esm/index.js.
//   - amazon-cognito-passwordless-auth's srp.js gets one extra `export { … }` line for its module-private per-login
//     functions (generateSmallA, calculateLargeAHex, calculateSrpSignature, formatDate), which authenticateWithSRP
//     runs between its two network calls; the check also runs authenticateWithSRP itself with a stand-in fetch.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, REPO_DIR } from './vector.mjs';

export const PEERS_DIR = join(BENCH_DIR, 'lib/peers');
export const OUT_DIR = join(BENCH_DIR, '.cache/peers');

const CLOCK = `
const RealDate = globalThis.Date;
let fixedMs;
/** Pins what \`new Date()\` and \`Date.now()\` return in the patched module (undefined: the real clock). */
export function setNow(ms) { fixedMs = ms; }
export class BenchDate extends RealDate {
  constructor(...args) { if (args.length === 0 && fixedMs !== undefined) super(fixedMs); else super(...args); }
  static now() { return fixedMs ?? RealDate.now(); }
}
`;

const sep = String.raw`[\\/]`;
const CLOCKED_CJS = new RegExp(`amazon-cognito-identity-js${sep}lib${sep}DateHelper\\.js$`);
const CLOCKED_ESM = new RegExp(`cognito-srp-helper${sep}dist${sep}esm${sep}index\\.js$`);
const PASSWORDLESS_SRP = new RegExp(`amazon-cognito-passwordless-auth${sep}dist${sep}client${sep}srp\\.js$`);

const benchPlugin = {
  name: 'cognito-kit-bench',
  setup(b) {
    b.onResolve({ filter: /^bench-clock$/ }, () => ({ path: 'bench-clock', namespace: 'bench' }));
    b.onLoad({ filter: /.*/, namespace: 'bench' }, () => ({ contents: CLOCK, loader: 'js' }));
    // `via:<package>:<specifier>`: resolve a dependency as <package> itself resolves it (pnpm keeps it private).
    b.onResolve({ filter: /^via:/ }, async (args) => {
      const [, pkg, ...rest] = args.path.split(':');
      const resolveDir = realpathSync(join(BENCH_DIR, 'node_modules', pkg));
      return b.resolve(rest.join(':'), { resolveDir, kind: args.kind });
    });
    // `amplify-srp/<file>`: Amplify's SRP internals, which its exports map hides.
    b.onResolve({ filter: /^amplify-srp\// }, (args) => ({
      path: join(realpathSync(join(BENCH_DIR, 'node_modules/@aws-amplify/auth')), 'dist/esm/providers/cognito/utils/srp', args.path.slice('amplify-srp/'.length)),
    }));
    b.onLoad({ filter: CLOCKED_CJS }, (args) => ({
      contents: `var Date = require('bench-clock').BenchDate;\n` + readFileSync(args.path, 'utf8'),
      loader: 'js',
    }));
    b.onLoad({ filter: CLOCKED_ESM }, (args) => ({
      contents: `import { BenchDate as Date } from 'bench-clock';\n` + readFileSync(args.path, 'utf8'),
      loader: 'js',
    }));
    b.onLoad({ filter: PASSWORDLESS_SRP }, (args) => ({
      contents:
        `import { BenchDate as Date } from 'bench-clock';\n` +
        readFileSync(args.path, 'utf8') +
        `\nexport { generateSmallA, calculateLargeAHex, calculateSrpSignature, formatDate };\n`,
      loader: 'js',
    }));
  },
};

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Bundles every lib/peers/*.mjs into .cache/peers/ (rebuilt when an input changed) and returns { name: file }.
 */
export async function bundlePeers() {
  mkdirSync(OUT_DIR, { recursive: true });
  const names = readdirSync(PEERS_DIR).filter((f) => f.endsWith('.mjs'));
  // the key: our sources, the lockfile and the srp package's dist (cheap and sufficient)
  const key = createHash('sha256')
    .update(readFileSync(join(REPO_DIR, 'pnpm-lock.yaml')))
    .update(readFileSync(new URL(import.meta.url)))
    .update(String(newest(PEERS_DIR)))
    .update(String(newest(join(BENCH_DIR, 'lib'))))
    .update(String(newest(join(REPO_DIR, 'packages/srp/dist'))))
    .digest('hex');
  const keyFile = join(OUT_DIR, 'KEY');
  const fresh = existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key && names.every((n) => existsSync(join(OUT_DIR, n)));
  if (!fresh) {
    await build({
      entryPoints: names.map((n) => join(PEERS_DIR, n)),
      outdir: OUT_DIR,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      plugins: [benchPlugin],
      // CommonJS dependencies that require() Node built-ins need a real require in an ES module
      banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" },
    });
    writeFileSync(keyFile, key);
  }
  return Object.fromEntries(names.map((n) => [n.replace(/\.mjs$/, ''), join(OUT_DIR, n)]));
}

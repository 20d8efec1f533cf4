// Node side: the fixed inputs (made here with the package and its server half) and one esbuild bundle per library
// group and runtime. A group that does not bundle is reported with esbuild's reason, not worked around, except
// identity-js, whose package entry pulls in node-fetch: there the AuthenticationHelper module itself is tried next.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const RUNTIMES_DIR = dirname(fileURLToPath(import.meta.url));
export const BENCH_DIR = dirname(RUNTIMES_DIR);
export const REPO_DIR = dirname(BENCH_DIR);
export const CACHE_DIR = join(RUNTIMES_DIR, '.cache');
const IN_RUNTIME = join(RUNTIMES_DIR, 'in-runtime');
const require = createRequire(join(BENCH_DIR, 'package.json'));

/** A direct dependency's folder (pnpm links it under benchmarks/node_modules; some exports maps hide package.json). */
const pkgDir = (name) => join(BENCH_DIR, 'node_modules', name);
export const pkgVersion = (name) => JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')).version;
/** The folder holding a package and its pnpm siblings (its own dependencies), for bare imports in our groups. */
function siblingDir(name) {
  const real = realpathSync(pkgDir(name));
  return name.startsWith('@') ? dirname(dirname(real)) : dirname(real);
}

// ---------------------------------------------------------------------------------------------------------------
// packages/srp/dist, rebuilt when older than src/ (as benchmarks/run.mjs does).

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}
export function ensureSrpDist(log) {
  const srp = join(REPO_DIR, 'packages/srp');
  const dist = join(srp, 'dist/index.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest(join(srp, 'src'))) return;
  log('packages/srp/dist is missing or older than src/: tsc -p tsconfig.build.json');
  const tsc = createRequire(join(srp, 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: srp, stdio: 'inherit' });
}

// ---------------------------------------------------------------------------------------------------------------
// The fixed inputs.

const VECTOR_FILE = join(REPO_DIR, 'test-vectors/public/vectors-public.json');
const hexToBytes = (hex) => Uint8Array.from(hex.match(/../g).map((b) => parseInt(b, 16)));

/**
 * The vector srp-rand-005 (1024-bit a, its SRP_B) and a 256-bit login made here: a = the vector's last 32 bytes of
 * a, a user verifier and a challenge from @cognito-kit/srp/server for its SRP_A, the answer checked with
 * verifyPasswordClaim. Every run in a runtime must reproduce these SRP_A and signatures.
 */
export async function makeFixture() {
  const kit = await import('@cognito-kit/srp');
  const server = await import('@cognito-kit/srp/server');
  const vectors = JSON.parse(readFileSync(VECTOR_FILE, 'utf8')).vectors;
  const byId = (id) => {
    const v = vectors.find((x) => x.id === id);
    if (v === undefined) throw new Error(`vector ${id} not found in ${relative(REPO_DIR, VECTOR_FILE)}`);
    return v;
  };
  const srp = byId('srp-rand-005');
  const sec = byId('sechash-rand-001');
  const I = srp.input;
  const vector = {
    id: srp.id,
    userPoolId: I.poolId,
    poolName: I.poolId.split('_')[1],
    userIdForSrp: I.userIdForSrp,
    username: I.username,
    password: I.password,
    timestamp: I.timestamp,
    nowMs: I.timestampEpochMs,
    aHex: I.smallA.padStart(256, '0'),
    challengeParameters: { SALT: I.salt, SRP_B: I.B, SECRET_BLOCK: I.secretBlock, USER_ID_FOR_SRP: I.userIdForSrp, USERNAME: I.username },
    srpA: srp.expected.A,
    signature: srp.expected.signature,
  };
  // The 256-bit login, checked by the server half.
  const a32 = vector.aHex.slice(-64);
  const user = { userPoolId: vector.userPoolId, userIdForSrp: vector.userIdForSrp, username: vector.username, password: vector.password };
  const stored = server.createUserVerifier(user);
  const session = kit.createSrpSession({ privateValueBits: 256, randomBytes: (n) => hexToBytes(a32).slice(0, n) });
  const challenge = server.createServerChallenge({ ...user, ...stored }, session.srpA);
  const now = new Date(vector.nowMs);
  const responses = kit.respondToPasswordVerifier(session, {
    userPoolId: user.userPoolId,
    password: user.password,
    challengeParameters: challenge.challengeParameters,
    now,
  });
  if (!server.verifyPasswordClaim(challenge, responses, { now })) throw new Error('the 256-bit fixture login does not verify with the server half');
  const short = {
    userPoolId: user.userPoolId,
    userIdForSrp: user.userIdForSrp,
    password: user.password,
    nowMs: vector.nowMs,
    aHex: a32,
    challengeParameters: { ...challenge.challengeParameters },
    srpA: session.srpA,
    signature: responses.PASSWORD_CLAIM_SIGNATURE,
  };
  const a = BigInt('0x' + vector.aHex);
  const B = BigInt('0x' + I.B);
  const modpow = {
    nHex: kit.N.toString(16),
    aHex: vector.aHex,
    baseHex: I.B,
    gaHex: kit.modPow(2n, a, kit.N).toString(16),
    baseEHex: kit.modPow(B, a, kit.N).toString(16),
  };
  if (modpow.gaHex !== vector.srpA) throw new Error('modPow(2, a, N) is not the vector SRP_A');
  return {
    vector,
    short,
    secret: { ...sec.input, secretHash: sec.expected.secretHash },
    modpow,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Groups and bundles.

const amplifySrp = () => join(pkgDir('@aws-amplify/auth'), 'dist/esm/providers/cognito/utils/srp');
const idjsFile = (file) => JSON.stringify(`amazon-cognito-identity-js/es/${file}`);

/** One library per group; `variants` are virtual modules tried in order until one bundles. */
export const GROUPS = [
  { id: 'kit', file: 'kit.mjs', library: 'cognito-kit', version: () => 'workspace' },
  // warmUp() in the global scope; workerd only: it is the Workers advice
  { id: 'kit-warm', file: 'kit-warm.mjs', library: 'cognito-kit', version: () => 'workspace', runtimes: ['workerd'] },
  { id: 'big-integer', file: 'big-integer.mjs', library: 'big-integer', version: () => pkgVersion('big-integer') },
  {
    id: 'identity-js',
    file: 'identity-js.mjs',
    library: 'amazon-cognito-identity-js',
    version: () => pkgVersion('amazon-cognito-identity-js'),
    nodePaths: () => [siblingDir('amazon-cognito-identity-js')],
    variants: [
      {
        label: 'package entry (amazon-cognito-identity-js)',
        modules: {
          'cognito-kit:idjs': `export { AuthenticationHelper, WordArray } from 'amazon-cognito-identity-js';
            export { default as BigInteger } from ${idjsFile('BigInteger.js')};`,
        },
      },
      {
        label: 'deep import of es/AuthenticationHelper.js (the package entry does not bundle)',
        modules: {
          'cognito-kit:idjs': `export { default as AuthenticationHelper } from ${idjsFile('AuthenticationHelper.js')};
            export { default as WordArray } from ${idjsFile('utils/WordArray.js')};
            export { default as BigInteger } from ${idjsFile('BigInteger.js')};`,
        },
      },
    ],
  },
  {
    id: 'srp-helper',
    file: 'srp-helper.mjs',
    library: 'cognito-srp-helper',
    version: () => pkgVersion('cognito-srp-helper'),
    nodePaths: () => [siblingDir('cognito-srp-helper')],
  },
  {
    id: 'passwordless',
    file: 'passwordless.mjs',
    library: 'amazon-cognito-passwordless-auth',
    version: () => pkgVersion('amazon-cognito-passwordless-auth'),
    optional: () => existsSync(pkgDir('amazon-cognito-passwordless-auth')),
    plugins: () => [passwordlessSrpPlugin()],
    variants: [
      {
        label: 'dist/client/srp.js with its per-login functions exported and Date pinned',
        modules: {
          'cognito-kit:pinned-date': `import F from 'cognito-kit:runtime-bench-fixture';
            const RealDate = globalThis.Date;
            export class PinnedDate extends RealDate {
              constructor(...args) { if (args.length === 0) super(F.vector.nowMs); else super(...args); }
              static now() { return F.vector.nowMs; }
            }`,
        },
      },
    ],
  },
  {
    id: 'amplify',
    file: 'amplify.mjs',
    library: 'Amplify v6 (auth internals)',
    version: () => `@aws-amplify/auth ${pkgVersion('@aws-amplify/auth')}, @aws-amplify/core ${pkgVersion('@aws-amplify/core')}`,
    variants: [
      {
        label: 'deep imports of dist/esm/providers/cognito/utils/srp',
        modules: {
          'cognito-kit:amplify-srp': () => `
            export { getAuthenticationHelper } from ${JSON.stringify(join(amplifySrp(), 'getAuthenticationHelper.mjs'))};
            export { getSignatureString } from ${JSON.stringify(join(amplifySrp(), 'getSignatureString.mjs'))};
            export { default as AmplifyBigInteger } from ${JSON.stringify(join(amplifySrp(), 'BigInteger/BigInteger.mjs'))};`,
        },
      },
    ],
  },
];

/**
 * amazon-cognito-passwordless-auth's srp.js: `Date` shadowed by the pinned clock (its TIMESTAMP reads new Date()),
 * and an export line for the module-private functions authenticateWithSRP runs per login.
 */
function passwordlessSrpPlugin() {
  const file = /amazon-cognito-passwordless-auth[\\/]dist[\\/]client[\\/]srp\.js$/;
  return {
    name: 'passwordless-srp',
    setup(build) {
      build.onLoad({ filter: file }, (args) => ({
        contents:
          `import { PinnedDate as Date } from 'cognito-kit:pinned-date';\n` +
          readFileSync(args.path, 'utf8') +
          `\nexport { generateSmallA, calculateLargeAHex, calculateSrpSignature };\n`,
        loader: 'js',
        resolveDir: dirname(args.path),
      }));
    },
  };
}

/** esbuild options per runtime: workerd as scripts/runtimes/workerd.mjs bundles (neutral), Chromium as a browser. */
const PLATFORM = {
  workerd: { platform: 'neutral', mainFields: ['module', 'main'], conditions: ['workerd', 'worker', 'browser', 'import', 'default'] },
  chromium: { platform: 'browser' },
};

function virtualPlugin(modules, fixtureJson) {
  return {
    name: 'runtime-bench-virtual',
    setup(build) {
      build.onResolve({ filter: /^cognito-kit:/ }, (args) => ({ path: args.path, namespace: 'cognito-kit-virtual' }));
      build.onLoad({ filter: /.*/, namespace: 'cognito-kit-virtual' }, (args) => {
        if (args.path === 'cognito-kit:runtime-bench-fixture') return { contents: fixtureJson, loader: 'json' };
        const code = modules[args.path];
        if (code === undefined) return { errors: [{ text: `no virtual module ${args.path}` }] };
        return { contents: typeof code === 'function' ? code() : code, loader: 'js', resolveDir: BENCH_DIR };
      });
    },
  };
}

const entryCode = (group, runtime) => {
  const groupPath = JSON.stringify(join(IN_RUNTIME, 'groups', group.file));
  const harness = JSON.stringify(join(IN_RUNTIME, 'harness.mjs'));
  return runtime === 'workerd'
    ? `import group from ${groupPath}; import { workerHandler } from ${harness}; export default workerHandler(group);`
    : `import group from ${groupPath}; import { pageApi } from ${harness}; globalThis.__bench = pageApi(group);`;
};

/**
 * Bundles every group for `runtime` into .cache/<runtime>/<group>.js. Resolves to one row per group:
 * { group, library, version, ok, file?, bytes?, variant?, errors: [{variant, reasons}] }.
 */
export async function bundleGroups(runtime, fixture, { groups = GROUPS } = {}) {
  const esbuild = await import(pathToFileURL(require.resolve('esbuild')).href);
  const outDir = join(CACHE_DIR, runtime);
  mkdirSync(outDir, { recursive: true });
  const fixtureJson = JSON.stringify(fixture);
  const rows = [];
  for (const group of groups) {
    if (group.optional && !group.optional()) continue; // a peer not installed (yet) is left out
    if (group.runtimes && !group.runtimes.includes(runtime)) continue;
    const row = { group: group.id, library: group.library, version: group.version(), ok: false, errors: [] };
    for (const variant of group.variants ?? [{ label: undefined, modules: {} }]) {
      const file = join(outDir, `${group.id}.js`);
      try {
        const options = {
          stdin: { contents: entryCode(group, runtime), resolveDir: RUNTIMES_DIR, loader: 'js', sourcefile: `${group.id}-entry.js` },
          outfile: file,
          bundle: true,
          format: 'esm',
          target: 'es2022',
          minify: false,
          logLevel: 'silent',
          metafile: true,
          nodePaths: group.nodePaths?.() ?? [],
          plugins: [virtualPlugin(variant.modules, fixtureJson), ...(group.plugins?.() ?? [])],
          ...PLATFORM[runtime],
        };
        const result = await esbuild.build(options);
        const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
        Object.assign(row, { ok: true, file, bytes, variant: variant.label, warnings: [...new Set(result.warnings.map((w) => w.text))] });
        // The usual application-side fix for old polyfills that read Node's `global` (buffer@4 does): built too, and
        // used only if the plain bundle fails at load with "global is not defined" (the report says so).
        if (group.library !== 'cognito-kit') {
          const shimFile = join(outDir, `${group.id}.global-shim.js`);
          await esbuild.build({ ...options, outfile: shimFile, define: { global: 'globalThis' } });
          row.globalShimFile = shimFile;
        }
        break;
      } catch (error) {
        const reasons = [...new Set((error.errors ?? [{ text: String(error) }]).map((e) => e.text))];
        row.errors.push({ variant: variant.label, reasons });
      }
    }
    rows.push(row);
  }
  writeFileSync(join(outDir, 'bundles.json'), JSON.stringify(rows, null, 2));
  return rows;
}

// Bundle size of a minimal client use of each library: esbuild (bundle, minify, format esm) for platform
// 'browser' and platform 'neutral' (mainFields module,main: no Node built-ins, no browser field), raw and gzip
// bytes (node:zlib, level 9). Prints a table and writes it to RESULTS.md as the "Bundle size" section (replacing
// an earlier one). Run: `pnpm --filter @cognito-kit/benchmarks size` (or `node size.mjs [--no-write]`).
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, version as esbuildVersion } from 'esbuild';
import { machineLine, markdownTable } from './lib/measure.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(BENCH_DIR, 'RESULTS.md');
const require = createRequire(join(BENCH_DIR, 'package.json'));
const write = !process.argv.includes('--no-write');

const pkgDir = (name) => dirname(require.resolve(`${name}/package.json`));
/** The folder holding a package and its pnpm siblings (its own dependencies), for bare imports in our entries. */
function siblingDir(name) {
  const real = realpathSync(pkgDir(name));
  return name.startsWith('@') ? dirname(dirname(real)) : dirname(real);
}
const amplifySrp = join(pkgDir('@aws-amplify/auth'), 'dist/esm/providers/cognito/utils/srp');

const kitSrpDir = pkgDir('@cognito-kit/srp');
if (!existsSync(join(kitSrpDir, 'dist/index.js'))) {
  throw new Error('packages/srp/dist is missing: cd packages/srp && ../../.tools/bin/pnpm exec tsc -p tsconfig.build.json');
}

const cases = [
  {
    library: '@cognito-kit/srp',
    use: 'login: createSrpSession + respondToPasswordVerifier',
    code: `export { createSrpSession, respondToPasswordVerifier } from '@cognito-kit/srp';`,
  },
  {
    library: '@cognito-kit/srp',
    use: 'secretHash',
    code: `export { secretHash } from '@cognito-kit/srp';`,
  },
  {
    library: 'amazon-cognito-identity-js',
    use: 'login math: AuthenticationHelper + the signature code of CognitoUser',
    nodePaths: [siblingDir('amazon-cognito-identity-js')],
    code: `
      import { AuthenticationHelper } from 'amazon-cognito-identity-js';
      import { Buffer } from 'buffer';
      import { Sha256 } from '@aws-crypto/sha256-js';
      export { AuthenticationHelper };
      export function sign(hkdf, poolName, username, secretBlock, dateNow) {
        const h = new Sha256(hkdf);
        h.update(Buffer.concat([Buffer.from(poolName, 'utf8'), Buffer.from(username, 'utf8'),
          Buffer.from(secretBlock, 'base64'), Buffer.from(dateNow, 'utf8')]));
        return Buffer.from(h.digestSync()).toString('base64');
      }`,
  },
  {
    library: 'amazon-cognito-identity-js',
    use: 'login API: CognitoUserPool + CognitoUser.authenticateUser',
    code: `export { CognitoUserPool, CognitoUser, AuthenticationDetails } from 'amazon-cognito-identity-js';`,
  },
  {
    library: 'cognito-srp-helper',
    use: 'login: createSrpSession + signSrpSession',
    code: `export { createSrpSession, signSrpSession } from 'cognito-srp-helper';`,
  },
  {
    library: 'cognito-srp-helper',
    use: 'secretHash: createSecretHash',
    code: `export { createSecretHash } from 'cognito-srp-helper';`,
  },
  {
    library: 'Amplify v6 (@aws-amplify/auth 6.21.1)',
    use: 'SRP internals: getAuthenticationHelper + getSignatureString (deep import)',
    code: `
      export { getAuthenticationHelper } from ${JSON.stringify(join(amplifySrp, 'getAuthenticationHelper.mjs'))};
      export { getSignatureString } from ${JSON.stringify(join(amplifySrp, 'getSignatureString.mjs'))};
      export { default as BigInteger } from ${JSON.stringify(join(amplifySrp, 'BigInteger/BigInteger.mjs'))};`,
  },
  {
    library: 'Amplify v6 (@aws-amplify/auth 6.21.1)',
    use: 'login API: signIn + Amplify.configure',
    code: `export { signIn } from '@aws-amplify/auth'; export { Amplify } from '@aws-amplify/core';`,
  },
];

const PLATFORMS = {
  browser: { platform: 'browser' },
  neutral: { platform: 'neutral', mainFields: ['module', 'main'] },
};

/** Bytes in the output per package. */
function packages(metafile) {
  const byPkg = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(file);
      const name = m ? m[1] : file === 'entry.js' || file.startsWith('<stdin>') ? '(entry)' : file.includes('packages/srp') ? '@cognito-kit/srp' : file;
      byPkg.set(name, (byPkg.get(name) ?? 0) + bytesInOutput);
    }
  }
  return byPkg;
}
const top = (byPkg, n = 3) => [...byPkg].filter(([p]) => p !== '(entry)').sort((a, b) => b[1] - a[1]).slice(0, n);

async function measureCase(c, platformName) {
  try {
    const result = await build({
      stdin: { contents: c.code, resolveDir: BENCH_DIR, loader: 'js', sourcefile: 'entry.js' },
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
      nodePaths: c.nodePaths ?? [],
      ...PLATFORMS[platformName],
    });
    const code = result.outputFiles[0].contents;
    const warnings = result.warnings.map((w) => w.text);
    const inputs = packages(result.metafile);
    return { ok: true, raw: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs, top: top(inputs), warnings };
  } catch (error) {
    const errors = (error.errors ?? [{ text: String(error) }]).map((e) => e.text);
    return { ok: false, errors: [...new Set(errors)] };
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = [];
for (const c of cases) {
  const r = { ...c, browser: await measureCase(c, 'browser'), neutral: await measureCase(c, 'neutral') };
  rows.push(r);
}

// ---- print and write --------------------------------------------------------------------------------------------
const cell = (m) => (m.ok ? `${m.raw.toLocaleString('en')} B / **${m.gzip.toLocaleString('en')} B**` : 'fails');
const note = (r) => {
  const notes = [];
  const b = r.browser;
  if (b.ok) notes.push(`largest: ${b.top.map(([p, n]) => `${p} ${kb(n)}`).join(', ')}`);
  const hasBuffer = (m) => m.ok && m.inputs.has('buffer');
  if (hasBuffer(b)) notes.push(`browser bundles the npm \`buffer\` polyfill (${kb(b.inputs.get('buffer'))})`);
  if (!hasBuffer(b) && hasBuffer(r.neutral)) {
    notes.push(`neutral bundles the npm \`buffer\` polyfill (${kb(r.neutral.inputs.get('buffer'))}), which the browser field avoids`);
  }
  if (b.ok && b.warnings.length) notes.push(`browser warnings: ${b.warnings.slice(0, 2).join('; ')}`);
  if (!b.ok) notes.push(`browser: ${b.errors.slice(0, 2).join('; ')}`);
  if (!r.neutral.ok) notes.push(`neutral fails: ${r.neutral.errors.slice(0, 3).join('; ')}`);
  return notes.join('. ').replace(/\|/g, '\\|');
};
// compared with cognito-kit's bundle for the same job: SECRET_HASH alone, or a login
const kitRow = (r) => (/secret/i.test(r.use) ? rows[1] : rows[0]);
const ratio = (r) => (r.browser.ok ? `${(r.browser.gzip / kitRow(r).browser.gzip).toFixed(2)}×` : '–');
const table = markdownTable(
  ['library', 'use', 'browser: minified / gzip', 'gzip vs cognito-kit (browser)', 'neutral: minified / gzip', 'notes'],
  rows.map((r) => [r.library, r.use, cell(r.browser), ratio(r), cell(r.neutral), note(r)]),
  ['l', 'l', 'r', 'r', 'r', 'l'],
);

const section = [
  '## Bundle size',
  '',
  `Run: ${new Date().toISOString()} · ${machineLine()} · esbuild ${esbuildVersion} · \`pnpm --filter @cognito-kit/benchmarks size\``,
  '',
  'esbuild `bundle: true, minify: true, format: esm, target: es2022`; **browser** = `platform: browser`; **neutral** = `platform: neutral, mainFields: [module, main]` (no Node built-ins, no `browser` field remapping). Sizes are bytes of the single output file, gzip = node:zlib level 9. "fails" = esbuild could not bundle it (reason in the notes).',
  '',
  table,
  '',
  'The ratio compares with cognito-kit bundled for the same job (its login for login rows, `secretHash` for SECRET_HASH rows). amazon-cognito-identity-js and Amplify v6 have no SECRET_HASH helper.',
  '',
].join('\n');

console.log(section);
if (write) {
  let text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const start = text.indexOf('## Bundle size');
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + 3);
    text = text.slice(0, start) + (next >= 0 ? text.slice(next + 1) : '');
  }
  text = text.trimEnd() + '\n\n' + section;
  writeFileSync(RESULTS, text);
  console.log(`\nwrote the "Bundle size" section of ${RESULTS}`);
}

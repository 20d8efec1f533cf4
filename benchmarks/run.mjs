// @cognito-kit/srp side by side with amazon-cognito-identity-js, cognito-srp-helper and Amplify v6's SRP code, on
// one fixed input (one srp vector of test-vectors/public/vectors-public.json). Results are recorded, never
// asserted. Run: `pnpm --filter @cognito-kit/benchmarks bench` (or `node run.mjs [--quick] [--no-write]`).
//
// 1. checks that every library computes the same SRP_A, PASSWORD_CLAIM_SIGNATURE, device verifier and
//    SECRET_HASH as the vector (and stops if one does not, unless --allow-mismatch);
// 2. times each operation with mitata's `measure`, in rounds (see lib/measure.mjs);
// 3. prints the table and writes RESULTS.md (everything above its "## Bundle size" section, which size.mjs owns).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bigInt from 'big-integer';
import { BENCH_DIR, REPO_DIR } from './lib/fixture.mjs';
import { formatTime, machineLine, markdownTable, timeGroup } from './lib/measure.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = !args.includes('--no-write');
const allowMismatch = args.includes('--allow-mismatch');
const timing = quick ? { rounds: 1, minCpuMs: 150, minSamples: 4 } : { rounds: 5, minCpuMs: 200, minSamples: 4 };
const command = `pnpm --filter @cognito-kit/benchmarks bench${args.length ? ' -- ' + args.join(' ') : ''}`;
const started = Date.now();

// ---- @cognito-kit/srp's dist must be current ------------------------------------------------------------------
const SRP_DIR = join(REPO_DIR, 'packages/srp');
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
const distIndex = join(SRP_DIR, 'dist/index.js');
if (!existsSync(distIndex) || newestMtime(join(SRP_DIR, 'src')) > statSync(distIndex).mtimeMs) {
  console.log('packages/srp/dist is missing or older than src: rebuilding (tsc -p tsconfig.build.json) …');
  const tsc = spawnSync(join(SRP_DIR, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: SRP_DIR, stdio: 'inherit' });
  if (tsc.status !== 0) console.warn('⚠ the rebuild failed: timing the dist that is there');
}

const F = await import('./lib/fixture.mjs');
const { kit, input, libraries, cognitoKit, identityJs, cognitoSrpHelper, amplify, JsbnBigInteger, secret } = F;

// ---- 1. the same work? ------------------------------------------------------------------------------------------
const check = await F.checkAgreement();
const yes = (v) => (v ? 'yes' : '**NO**');
const checkTable = markdownTable(
  ['library', 'SRP_A', 'PASSWORD_CLAIM_SIGNATURE', 'same in a full login', 'device verifier (Salt, PasswordVerifier)'],
  check.rows.map((r) =>
    r.error ? [r.library, `error: ${r.error.split('\n')[0]}`, '', '', ''] : [r.library, yes(r.srpA), yes(r.signature), yes(r.login), yes(r.deviceVerifier)],
  ),
);
const secretTable = markdownTable(['SECRET_HASH by', 'equals the vector'], check.secretRows.map((r) => [r.name, yes(r.ok)]));
console.log(`fixed input: vector ${F.srpVector.id} (pool ${input.poolId}, user ${input.userIdForSrp}), device vector ${F.deviceVector.id}, secret-hash vector ${F.secretVector.id}`);
console.log(`expected SRP_A ${F.expected.srpA.slice(0, 24)}…, PASSWORD_CLAIM_SIGNATURE ${F.expected.signature}\n`);
console.log(checkTable + '\n\n' + secretTable + '\n');
if (!check.ok && !allowMismatch) {
  console.error('✗ a library computed something else on the fixed input: not timing different work (--allow-mismatch to time anyway)');
  process.exit(1);
}

// ---- 2. timing --------------------------------------------------------------------------------------------------
const groups = [];
async function group(title, entries, note = '') {
  console.log(`${title}`);
  const results = await timeGroup(entries, timing);
  const base = results[0].median; // cognito-kit first in every group
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(52)} ${formatTime(r.median).padStart(10)}  ${(r.median / base).toFixed(2)}×   min ${formatTime(r.min).padStart(10)}  ${(r.min / results[0].min).toFixed(2)}×  (${r.samples} samples)`,
    );
  }
  console.log('');
  groups.push({ title, results, base, note });
}

// sessions made once for the "answer" group (answering does not change a session in any of the libraries)
const sessions = new Map();
for (const lib of libraries) sessions.set(lib, await lib.start());
const label = (lib, what) => `${lib.name}: ${what}`;

await group('Start a login: A = g^a mod N', [
  { name: label(cognitoKit, 'createSrpSession({ randomBytes })'), fn: () => cognitoKit.start() },
  { name: label(identityJs, 'new AuthenticationHelper(poolName)'), fn: () => identityJs.start() },
  { name: label(cognitoSrpHelper, 'createSrpSession'), fn: () => cognitoSrpHelper.start() },
  { name: label(amplify, 'getAuthenticationHelper'), fn: () => amplify.start() },
]);

await group('Answer PASSWORD_VERIFIER: u, x, S, HKDF, signature', [
  { name: label(cognitoKit, 'respondToPasswordVerifier'), fn: () => cognitoKit.answer(sessions.get(cognitoKit)) },
  { name: label(identityJs, 'getPasswordAuthenticationKey + HMAC'), fn: () => identityJs.answer(sessions.get(identityJs)) },
  { name: label(cognitoSrpHelper, 'signSrpSession'), fn: () => cognitoSrpHelper.answer(sessions.get(cognitoSrpHelper)) },
  { name: label(amplify, 'getPasswordAuthenticationKey + getSignatureString'), fn: () => amplify.answer(sessions.get(amplify)) },
]);

await group('Full login: start + answer', libraries.map((lib) => ({ name: label(lib, 'start + answer'), fn: () => lib.login() })));

const { username, clientId, clientSecret } = secret;
const hasher = kit.secretHasher(clientId, clientSecret);
await group('SECRET_HASH = base64 HMAC-SHA256(secret, username ‖ clientId)', [
  { name: 'cognito-kit: secretHash(username, clientId, secret)', fn: () => kit.secretHash(username, clientId, clientSecret) },
  { name: 'cognito-kit: secretHasher(clientId, secret) made once, (username)', fn: () => hasher(username) },
  { name: 'cognito-srp-helper: createSecretHash', fn: () => cognitoSrpHelper.secretHash(username, clientId, clientSecret) },
  { name: 'node:crypto createHmac', fn: () => F.nodeSecretHash(username, clientId, clientSecret) },
]);

// raw modPow: 3072-bit modulus N; (a) g = 2, the vector's 1024-bit a; (b) a 3072-bit base (the vector's
// B - k·g^x mod N, S's real base) and a 1280-bit exponent (a·2^256 + x)
const N = kit.N;
const a = BigInt('0x' + input.smallA);
const x = kit.computeX(kit.parseUnsignedHex(input.salt, 'SALT'), kit.hashIdentity(input.poolName, input.userIdForSrp, input.password));
const base = (((BigInt('0x' + input.B) - kit.k * kit.modPow(2n, x, N)) % N) + N) % N;
const e1280 = (a << 256n) | x;
function naiveModPow(b, e, m) {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}
const big = (v) => bigInt(v.toString(16), 16);
const jsbn = (v) => new JsbnBigInteger(v.toString(16), 16);
const noop = () => {};
for (const [b, e, tag] of [
  [2n, a, 'g^a'],
  [base, e1280, 'base^e'],
]) {
  const expected = kit.modPow(b, e, N);
  const got = [
    BigInt(big(b).modPow(big(e), big(N)).toString()),
    BigInt('0x' + jsbn(b).modPow(jsbn(e), jsbn(N), noop).toString(16)),
    naiveModPow(b, e, N),
  ];
  if (got.some((v) => v !== expected)) throw new Error(`modPow implementations disagree on ${tag}`);
}
for (const [title, b, e] of [
  ['modPow, 3072-bit N: g^a with g = 2 and a 1024-bit a', 2n, a],
  ['modPow, 3072-bit N: base^e with a 3072-bit base and a 1280-bit e', base, e1280],
]) {
  const [bB, eB, nB] = [big(b), big(e), big(N)];
  const [bJ, eJ, nJ] = [jsbn(b), jsbn(e), jsbn(N)];
  await group(title, [
    { name: 'cognito-kit: modPow (native bigint)', fn: () => kit.modPow(b, e, N) },
    { name: 'big-integer 1.6.52: modPow', fn: () => bB.modPow(eB, nB) },
    { name: 'jsbn (identity-js BigInteger): modPow', fn: () => bJ.modPow(eJ, nJ, noop) },
    { name: 'naive bigint square-and-multiply', fn: () => naiveModPow(b, e, N) },
  ]);
}

await group('Device verifier for ConfirmDevice (Salt, PasswordVerifier = g^x)', [
  { name: label(cognitoKit, 'createDeviceVerifier'), fn: () => cognitoKit.deviceVerifier() },
  { name: label(identityJs, 'generateHashDevice + encodings'), fn: () => identityJs.deviceVerifier() },
  { name: label(cognitoSrpHelper, 'createDeviceVerifier'), fn: () => cognitoSrpHelper.deviceVerifier() },
  { name: label(amplify, 'generateHashDevice + encodings'), fn: () => amplify.deviceVerifier() },
]);

// ---- 3. report --------------------------------------------------------------------------------------------------
const seconds = ((Date.now() - started) / 1000).toFixed(0);
const resultTables = groups.flatMap((g) => [
  `### ${g.title}`,
  '',
  markdownTable(
    ['implementation', 'median', 'vs cognito-kit', 'p25 – p75', 'min', 'min vs cognito-kit'],
    g.results.map((r) => [
      r.name,
      `**${formatTime(r.median)}**`,
      `**${(r.median / g.base).toFixed(2)}×**`,
      `${formatTime(r.p25)} – ${formatTime(r.p75)}`,
      formatTime(r.min),
      `${(r.min / g.results[0].min).toFixed(2)}×`,
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r'],
  ),
  '',
]);
const speed = [
  '# Benchmark results',
  '',
  '_Recorded by `benchmarks/run.mjs` and `benchmarks/size.mjs`; see benchmarks/README.md for what is measured and how to read it, and benchmarks/experiments/RESULTS.md for the modPow experiments. Never asserted by any test._',
  '',
  '## Speed',
  '',
  `- date: ${new Date().toISOString()}`,
  `- machine: ${machineLine()} (shared: absolute times drift, compare ratios within one table)`,
  `- command: \`${command}\` (whole run ${seconds} s; ${timing.rounds} round(s) of mitata \`measure\` per row, min ${timing.minCpuMs} ms each, samples pooled)`,
  `- libraries: @cognito-kit/srp (workspace), amazon-cognito-identity-js 6.3.21, cognito-srp-helper 2.3.4, @aws-amplify/auth 6.21.1 + @aws-amplify/core 6.19.2, big-integer 1.6.52`,
  `- fixed input: vector \`${F.srpVector.id}\` (SRP), \`${F.deviceVector.id}\` (device verifier), \`${F.secretVector.id}\` (SECRET_HASH) of test-vectors/public/vectors-public.json; every library's random source returns the vector's bytes, TIMESTAMP is the vector's`,
  '',
  '### Same work: every library on the fixed input, compared with the vector',
  '',
  checkTable,
  '',
  secretTable,
  '',
  'Ratio = median / median of cognito-kit in the same table (above 1× = slower than cognito-kit). The min columns are there because the machine is shared: other work only adds time, so when a table\'s medians moved with the load (a wide p25 – p75), its mins are the steadier comparison.',
  '',
  ...resultTables,
].join('\n');

console.log(`whole run: ${seconds} s`);
if (write) {
  const file = join(BENCH_DIR, 'RESULTS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = old.indexOf('## Bundle size');
  const rest = at >= 0 ? '\n' + old.slice(at) : '';
  writeFileSync(file, speed.trimEnd() + '\n' + rest);
  console.log(`wrote ${file}`);
}

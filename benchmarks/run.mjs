// @cognito-kit/srp side by side with every other JavaScript Cognito SRP client and with OpenSSL (node:crypto), on
// one fixed input (one srp vector of test-vectors/public/vectors-public.json). Results are recorded, never asserted.
// Run: `pnpm bench` at the repository root, or `node run.mjs [--quick] [--no-write] [--allow-mismatch] [--node-only]` here.
//
// 1. bundles each implementation into its own module (lib/bundle.mjs), checks that each computes the same SRP_A,
//    signature, device verifier and SECRET_HASH as the vector (a disagreement is reported; the row is then left out
//    of the timing unless --allow-mismatch), and runs amazon-cognito-passwordless-auth over every srp vector;
// 2. times every table with mitata's `measure`, in rounds, the order reversed every other round (lib/measure.mjs);
// 3. measures the rest of the login path, allocation per login and cognito-kit's fixed-base table (child processes);
//    then, unless --node-only, the engines in Bun, Deno and workerd (engines.mjs) and the cold workerd login
//    (runtimes/, the kit and kit-warm groups), for the targets of issue 13;
// 4. prints the tables and writes RESULTS.md (above its "## Bundle size" section), results.json and chart.svg.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { bundlePeers } from './lib/bundle.mjs';
import { firstLogins } from './lib/cold.mjs';
import { renderChart } from './lib/chart.mjs';
import { cpuClock, cpuModel, formatTime, markdownTable, median, pairedRatio, perRoundRatio, timeGroup } from './lib/measure.mjs';
import { BENCH_DIR, REPO_DIR } from './lib/vector.mjs';

const args = process.argv.slice(2).filter((a) => a !== '--');
const quick = args.includes('--quick');
const write = !args.includes('--no-write');
const allowMismatch = args.includes('--allow-mismatch');
const nodeOnly = args.includes('--node-only');
const timing = quick ? { rounds: 2, minCpuMs: 30, minSamples: 2 } : { rounds: 7, minCpuMs: 80, minSamples: 2 };
const PAIRS = quick ? 10 : 150;
// --clock cpu: time with the process's CPU time instead of the wall clock (steadier when other jobs share the cores)
const clockName = args.includes('--clock') ? args[args.indexOf('--clock') + 1] : 'wall';
if (!['wall', 'cpu'].includes(clockName)) throw new Error('--clock wall|cpu');
if (clockName === 'cpu') timing.now = cpuClock;
const pairClock = clockName === 'cpu' ? cpuClock : undefined;
const command = `pnpm bench${args.length ? ' -- ' + args.join(' ') : ''}`;
const started = Date.now();
const log = (...parts) => console.log(...parts);

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
  log('packages/srp/dist is missing or older than src: rebuilding (tsc -p tsconfig.build.json) …');
  const tsc = spawnSync(join(SRP_DIR, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: SRP_DIR, stdio: 'inherit' });
  if (tsc.status !== 0) console.warn('⚠ the rebuild failed: timing the dist that is there');
}

// ---- the implementations, each in its own bundle ---------------------------------------------------------------
const files = await bundlePeers();
const realDate = globalThis.Date;
const realCrypto = globalThis.crypto;
const M = {};
for (const [name, file] of Object.entries(files)) M[name] = await import(file);
const V = await import('./lib/vector.mjs');
const { input, expected, secret } = V;

const kitMod = M['cognito-kit'];
const { kit } = kitMod;
const [kit1024, kit256] = kitMod.adapters;
const [kitNative] = M['cognito-kit-node-crypto'].adapters;
const [kitNativePrecomputed] = M['cognito-kit-node-crypto-precomputed'].adapters;
const [openssl1024, openssl256] = M.openssl.adapters;
const identityJs = M['identity-js'].adapters[0];
const srpHelper = M['cognito-srp-helper'].adapters[0];
const amplify = M.amplify.adapters[0];
const passwordless = M.passwordless.adapters[0];

/** Every row of the main tables. The 256-bit rows cannot match the 1024-bit vector: each is checked against the other. */
const implementations = [
  { adapter: openssl1024, reference: true },
  { adapter: kit1024, kit: true },
  { adapter: kitNative },
  { adapter: kitNativePrecomputed },
  { adapter: kit256, checkedAgainst: openssl256 },
  { adapter: openssl256, checkedAgainst: kit256 },
  { adapter: identityJs },
  { adapter: srpHelper },
  { adapter: amplify },
  { adapter: passwordless },
];

function packageVersion(name) {
  try {
    const dir = name === '@cognito-kit/srp' ? SRP_DIR : join(BENCH_DIR, 'node_modules', name);
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}
const versions = Object.fromEntries(
  ['@cognito-kit/srp', 'amazon-cognito-identity-js', 'cognito-srp-helper', '@aws-amplify/auth', '@aws-amplify/core', 'amazon-cognito-passwordless-auth', 'big-integer', 'mitata', 'esbuild'].map((n) => [n, packageVersion(n)]),
);
versions.node = process.version;
versions.openssl = process.versions.openssl;
versions.v8 = process.versions.v8;

// ---- 1. the same work? -------------------------------------------------------------------------------------------
const yes = (v) => (v === undefined ? '–' : v ? 'yes' : '**NO**');
const checks = [];
for (const impl of implementations) {
  const a = impl.adapter;
  const row = { name: a.name };
  try {
    const s = await a.start();
    const other = impl.checkedAgainst;
    const wantA = other ? other.srpA(await other.start()) : expected.srpA;
    const wantSig = other ? await other.login() : expected.signature;
    row.srpA = (await a.srpA(s)) === wantA;
    row.signature = (await a.answer(await a.prepareAnswer())) === wantSig;
    row.login = (await a.login()) === wantSig;
    if (a.deviceVerifier) {
      const v = await a.deviceVerifier();
      row.deviceVerifier = v.PasswordVerifier === expected.verifier && v.Salt === expected.verifierSalt;
    }
  } catch (error) {
    row.error = String(error?.stack ?? error).split('\n')[0];
  }
  row.ok = !row.error && row.srpA && row.signature && row.login && row.deviceVerifier !== false;
  impl.ok = row.ok;
  checks.push(row);
}
// extra evidence, one line each
const evidence = [];
const publicApi = await M.passwordless.viaPublicApi();
evidence.push({
  what: 'amazon-cognito-passwordless-auth authenticateWithSRP (public API, stand-in fetch) sends the vector\'s SRP_A, signature and TIMESTAMP',
  ok: publicApi.srpA === expected.srpA && publicApi.signature === expected.signature && publicApi.timestamp === input.timestamp,
});
evidence.push({ what: 'cognito-kit privateValueBits: 256: @cognito-kit/srp/server (createUserVerifier, createServerChallenge, verifyPasswordClaim) accepts the answer', ok: kitMod.serverAccepts256() });
evidence.push({ what: 'cognito-kit privateValueBits: 256 and OpenSSL with the same 32-byte a: same SRP_A and signature (their rows above are each checked against the other)', ok: checks[2].ok && checks[3].ok });
evidence.push({ what: 'cognito-kit: a second respondToPasswordVerifier on one session throws SESSION_ALREADY_USED (so every timed answer gets a fresh, untimed session)', ok: kitMod.reuseIsRefused() });
const patchedObjects = Object.values(M).flatMap((m) => m.patched ?? []);
evidence.push({
  what: `isolation: each implementation is its own esbuild bundle; the ${patchedObjects.length} objects patched for randomness (identity-js, Amplify WordArray.prototype; crypto-js WordArray) are distinct, and the global Date and crypto are untouched`,
  ok: new Set(patchedObjects).size === patchedObjects.length && globalThis.Date === realDate && globalThis.crypto === realCrypto,
});
const secretHashes = {
  'cognito-kit secretHash': kit.secretHash(secret.username, secret.clientId, secret.clientSecret),
  'cognito-kit secretHasher': kit.secretHasher(secret.clientId, secret.clientSecret)(secret.username),
  'node:crypto createHmac': M.openssl.secretHash(secret.username, secret.clientId, secret.clientSecret),
  'cognito-srp-helper createSecretHash': M['cognito-srp-helper'].secretHash(secret.username, secret.clientId, secret.clientSecret),
};
for (const [what, value] of Object.entries(secretHashes)) evidence.push({ what: `SECRET_HASH by ${what} equals the vector's`, ok: value === expected.secretHash });

// amazon-cognito-passwordless-auth over every srp vector of both vector files
const sweep = await passwordlessSweep(quick);

const checkTable = markdownTable(
  ['implementation', 'SRP_A', 'PASSWORD_CLAIM_SIGNATURE (answer)', 'same in a full login', 'device verifier'],
  checks.map((r) => (r.error ? [r.name, `error: ${r.error}`, '', '', ''] : [r.name, yes(r.srpA), yes(r.signature), yes(r.login), yes(r.deviceVerifier)])),
);
const evidenceTable = markdownTable(['also checked', 'result'], evidence.map((e) => [e.what, yes(e.ok)]));
log(`fixed input: vector ${V.srpVector.id} (pool ${input.poolId}, user ${input.userIdForSrp}), device vector ${V.deviceVector.id}, secret-hash vector ${V.secretVector.id}`);
log(`expected SRP_A ${expected.srpA.slice(0, 24)}…, PASSWORD_CLAIM_SIGNATURE ${expected.signature}; the 256-bit rows use the first 32 bytes of the vector's a\n`);
log(checkTable + '\n\n' + evidenceTable + '\n');
log(sweep.markdown + '\n');
const mismatched = checks.filter((r) => !r.ok);
if (mismatched.length && !allowMismatch) log(`⚠ left out of the timing (they computed something else): ${mismatched.map((r) => r.name).join(', ')}\n`);
const timed = (impl) => impl.ok || allowMismatch;

// ---- 2. timing ---------------------------------------------------------------------------------------------------
const groups = [];
async function group(id, title, entries, note = '') {
  log(title);
  const results = await timeGroup(entries, timing);
  for (const r of results) {
    const e = entries.find((x) => x.name === r.name);
    r.reference = !!e.reference;
    r.kit = !!e.kit;
  }
  const refRow = results.find((r) => r.reference);
  const kitResult = results.find((r) => r.kit);
  for (const r of results) {
    if (refRow) r.vsReference = { perRound: perRoundRatio(r, refRow), ofMedians: r.median / refRow.median, ofMins: r.min / refRow.min };
    if (kitResult) r.vsKit = { perRound: perRoundRatio(r, kitResult), ofMedians: r.median / kitResult.median, ofMins: r.min / kitResult.min };
    log(
      `  ${r.name.padEnd(58)} ${formatTime(r.median).padStart(10)}` +
        (r.vsReference ? `  ${r.vsReference.perRound.toFixed(2).padStart(7)}× OpenSSL` : '') +
        (r.vsKit ? `  ${r.vsKit.perRound.toFixed(2).padStart(7)}× cognito-kit` : '') +
        `  (${r.samples} samples; round medians ${r.roundMedians.map((m) => formatTime(m)).join(', ')})`,
    );
  }
  log('');
  const g = { id, title, note, results };
  groups.push(g);
  return g;
}
const row = (impl, fnOf) => ({ name: impl.adapter.name, reference: !!impl.reference, kit: !!impl.kit, ...fnOf(impl.adapter) });
const mainImpls = implementations.filter(timed);

await group(
  'srpA',
  'SRP_A: start a login (draw a, A = g^a mod N, SRP_A hex)',
  mainImpls.map((impl) => row(impl, (a) => ({ fn: () => a.start() }))),
);
await group(
  'answer',
  'PASSWORD_VERIFIER answer: parse, u, x, g^x, S, HKDF, signature (a fresh session per iteration, made untimed)',
  mainImpls.map((impl) => row(impl, (a) => ({ setup: () => a.prepareAnswer(), fn: (s) => a.answer(s) }))),
);
await group('login', 'Full login: SRP_A + PASSWORD_VERIFIER answer', mainImpls.map((impl) => row(impl, (a) => ({ fn: () => a.login() }))));

// SECRET_HASH
const hasher = kit.secretHasher(secret.clientId, secret.clientSecret);
const { username, clientId, clientSecret } = secret;
const secretGroup = await group('secretHash', 'SECRET_HASH = base64 HMAC-SHA256(secret, username ‖ clientId)', [
  { name: 'node:crypto createHmac per call', reference: true, fn: () => M.openssl.secretHash(username, clientId, clientSecret) },
  { name: 'cognito-kit: secretHasher(clientId, secret) made once, (username)', kit: true, fn: () => hasher(username) },
  { name: 'cognito-kit: secretHash(username, clientId, secret)', fn: () => kit.secretHash(username, clientId, clientSecret) },
  { name: 'cognito-srp-helper: createSecretHash', fn: () => M['cognito-srp-helper'].secretHash(username, clientId, clientSecret) },
]);
for (const r of secretGroup.results) r.opsPerSecond = 1e9 / r.median;

// raw modPow with the operands of the login: g^a (1024-bit a) and S's base^(a + u·x)
const N = kit.N;
const a = BigInt('0x' + input.smallA);
const B = kit.parseUnsignedHex(input.B, 'SRP_B');
const A = kit.computeA(a);
const u = kit.computeU(A, B);
const x = kit.computeX(kit.parseUnsignedHex(input.salt, 'SALT'), kit.hashIdentity(input.poolName, input.userIdForSrp, input.password));
const gx = kit.modPow(2n, x, N);
const sBase = (B - kit.k * gx) % N; // exactly what computeS hands to modPow
const sExp = a + u * x;
const baselines = M.baselines.baselines;
const opensslPow = M.openssl.opensslModPow;
for (const [b, e, tag] of [
  [2n, a, 'g^a'],
  [sBase, sExp, 'S'],
]) {
  const want = kit.modPow(b, e, N);
  const bPos = ((b % N) + N) % N;
  const got = [...baselines.map((bl) => bl.toBigint(bl.run(bl.prepare(bPos, e, N)))), b === 2n ? opensslPow.powG(e) : opensslPow.pow(bPos, e)];
  if (got.some((v) => v !== want)) throw new Error(`modPow implementations disagree on ${tag}`);
}
for (const [id, title, b, e] of [
  ['modPowGa', `modPow mod the 3072-bit N: g^a (g = 2, the vector's ${a.toString(2).length}-bit a)`, 2n, a],
  ['modPowS', `modPow mod the 3072-bit N: S = base^(a + u·x) (the vector's 3072-bit base, ${sExp.toString(2).length}-bit exponent)`, sBase, sExp],
]) {
  const bPos = ((b % N) + N) % N;
  await group(id, title, [
    { name: 'OpenSSL (node:crypto DH)', reference: true, fn: b === 2n ? () => opensslPow.powG(e) : () => opensslPow.pow(bPos, e) },
    { name: 'cognito-kit: modPow', kit: true, fn: () => kit.modPow(b, e, N) },
    ...baselines.map((bl) => {
      const prepared = bl.prepare(bPos, e, N);
      return { name: bl.name, fn: () => bl.run(prepared) };
    }),
  ]);
}

await group(
  'deviceVerifier',
  'Device verifier for ConfirmDevice (Salt, PasswordVerifier = g^x)',
  mainImpls.filter((impl) => impl.adapter.deviceVerifier).map((impl) => row(impl, (ad) => ({ fn: () => ad.deviceVerifier() }))),
);

// ---- 3a. the rest of the path: a login minus its modular exponentiations ----------------------------------------
const a256 = BigInt('0x' + Buffer.from(V.shortA).toString('hex'));
const A256 = kit.computeA(a256);
const u256 = kit.computeU(A256, B);
const sExp256 = a256 + u256 * x;
const S = kit.modPow(sBase, sExp, N);
const secretBlockText = input.challengeParameters.SECRET_BLOCK;
/** Everything of a login but the three exponentiations, with the package's exported steps. */
function stepsWithoutModPow(aValue, AValue, SValue) {
  const Bv = kit.parseUnsignedHex(input.B, 'SRP_B');
  const salt = kit.parseUnsignedHex(input.salt, 'SALT');
  const srpA = AValue.toString(16);
  const uv = kit.computeU(AValue, Bv);
  const xv = kit.computeX(salt, kit.hashIdentity(input.poolName, input.userIdForSrp, input.password));
  const base = (Bv - kit.k * gx) % N;
  const e = aValue + uv * xv;
  const key = kit.deriveKey(SValue, uv);
  const sig = kit.signPasswordClaim(key, { prefix: input.poolName, userId: input.userIdForSrp, secretBlock: secretBlockText, timestamp: kit.formatTimestamp(input.now) });
  return [srpA, base, e, sig];
}
const restGroup = await group('restOfPath', 'Rest of the path: a cognito-kit login vs its modPow calls alone (same operands)', [
  { name: 'cognito-kit: full login (1024-bit a)', kit: true, fn: () => kit1024.login() },
  { name: 'cognito-kit: its 3 modPow calls alone (g^a, g^x, S)', fn: () => [kit.modPow(2n, a, N), kit.modPow(2n, x, N), kit.modPow(sBase, sExp, N)] },
  { name: 'cognito-kit: its other steps alone (parse, hex, u, x, HKDF, signature)', fn: () => stepsWithoutModPow(a, A, S) },
  { name: 'cognito-kit: full login, privateValueBits: 256', fn: () => kit256.login() },
  { name: 'cognito-kit: its 3 modPow calls alone, 256-bit a', fn: () => [kit.modPow(2n, a256, N), kit.modPow(2n, x, N), kit.modPow(sBase, sExp256, N)] },
]);
const [rLogin, rPow, rSteps, rLogin256, rPow256] = restGroup.results;
// the same two comparisons again, paired call by call (login, modPow alone, modPow alone, login, …)
const paired1024 = await pairedRatio(
  () => kit1024.login(),
  () => [kit.modPow(2n, a, N), kit.modPow(2n, x, N), kit.modPow(sBase, sExp, N)],
  PAIRS,
  pairClock,
);
const paired256 = await pairedRatio(
  () => kit256.login(),
  () => [kit.modPow(2n, a256, N), kit.modPow(2n, x, N), kit.modPow(sBase, sExp256, N)],
  PAIRS,
  pairClock,
);
const restOfPath = {
  login1024: {
    loginNs: rLogin.median,
    modPowNs: rPow.median,
    restPercentPerRound: 100 * (1 - perRoundRatio(rPow, rLogin)),
    restPercentPaired: 100 * (1 - paired1024.ratio),
    restPercentOfMins: 100 * (1 - rPow.min / rLogin.min),
    pairs: paired1024.pairs,
    stepsAlonePercent: 100 * perRoundRatio(rSteps, rLogin),
    stepsAloneNs: rSteps.median,
  },
  login256: {
    loginNs: rLogin256.median,
    modPowNs: rPow256.median,
    restPercentPerRound: 100 * (1 - perRoundRatio(rPow256, rLogin256)),
    restPercentPaired: 100 * (1 - paired256.ratio),
    restPercentOfMins: 100 * (1 - rPow256.min / rLogin256.min),
    pairs: paired256.pairs,
  },
};
const pct = (v) => `${v.toFixed(2)} %`;
log(
  `  rest of the path = 1 − modPow alone / login: ${pct(restOfPath.login1024.restPercentPaired)} paired call by call (${PAIRS} pairs), ` +
    `${pct(restOfPath.login1024.restPercentPerRound)} from the rounds, ${pct(restOfPath.login1024.restPercentOfMins)} from the mins (1024-bit a); ` +
    `${pct(restOfPath.login256.restPercentPaired)} / ${pct(restOfPath.login256.restPercentPerRound)} / ${pct(restOfPath.login256.restPercentOfMins)} (256-bit a); ` +
    `the other steps timed alone: ${pct(restOfPath.login1024.stepsAlonePercent)} of a login\n`,
);

// ---- 3b. allocation per login (child processes) ------------------------------------------------------------------
const SEMI_SPACE_MB = 256;
/** The bundle (its file) an adapter came from. */
const bundleFileOf = (adapter) => Object.entries(files).find(([name]) => M[name].adapters?.includes(adapter))[1];
function allocation(impl) {
  const file = bundleFileOf(impl.adapter);
  for (let count = quick ? 4 : 12; count >= 2; count = Math.floor(count / 2)) {
    const out = spawnSync(
      process.execPath,
      ['--expose-gc', `--min-semi-space-size=${SEMI_SPACE_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, join(BENCH_DIR, 'lib/alloc-child.mjs'), file, impl.adapter.name, String(count), quick ? '2' : '4'],
      { encoding: 'utf8' },
    );
    if (out.status !== 0) return { name: impl.adapter.name, error: out.stderr.trim().split('\n').pop() };
    const r = JSON.parse(out.stdout.trim().split('\n').pop());
    if (r.gcs === 0) return r;
  }
  return { name: impl.adapter.name, error: 'a GC ran during every attempt' };
}
log('Allocation per login (child processes, V8 heap bytes allocated, no GC during the measured logins)');
const allocations = [];
for (const impl of mainImpls) {
  const r = allocation(impl);
  allocations.push(r);
  log(`  ${r.name.padEnd(58)} ${r.error ? 'error: ' + r.error : `${(r.bytesPerLogin / 1048576).toFixed(2).padStart(8)} MiB  (+${(r.externalPerLogin / 1024).toFixed(1)} KiB outside the V8 heap; ${r.count} logins)`}`);
}
log('');

// ---- 3c. cognito-kit's fixed-base table, in fresh processes -------------------------------------------------------
const tableRuns = [];
for (let i = 0; i < (quick ? 2 : 5); i++) {
  const out = spawnSync(process.execPath, ['--expose-gc', join(BENCH_DIR, 'lib/table-child.mjs'), files['cognito-kit'], input.smallA, x.toString(16), clockName], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`table-child: ${out.stderr}`);
  tableRuns.push(JSON.parse(out.stdout.trim().split('\n').pop()));
}
const med = (key) => median(tableRuns.map((r) => r[key]).sort((p, q) => p - q));
const table = {
  processes: tableRuns.length,
  firstCallMs: med('first'),
  secondCallMs: med('second'),
  laterCallMs: med('later'),
  buildMs: median(tableRuns.map((r) => r.second - r.later).sort((p, q) => p - q)),
  bytes: med('tableBytes'),
  xFirstCallMs: med('xFirst'),
  xYaoCallMs: med('xYao'),
  xBuildMs: median(tableRuns.map((r) => r.xFirst - r.xYao).sort((p, q) => p - q)),
  xBytes: med('xTableBytes'),
  xCombFirstCallMs: med('xCombFirst'),
  xLaterCallMs: med('xLater'),
  xCombBuildMs: median(tableRuns.map((r) => r.xCombFirst - r.xLater).sort((p, q) => p - q)),
  xCombBytes: med('xCombBytes'),
};
const tableSummary =
  `1024-bit 2^a mod N: call 1 (shift path) ${table.firstCallMs.toFixed(2)} ms, call 2 (builds the long comb) ${table.secondCallMs.toFixed(2)} ms, ` +
  `later calls ${table.laterCallMs.toFixed(2)} ms → build ≈ ${table.buildMs.toFixed(2)} ms, retaining ${(table.bytes / 1024).toFixed(1)} KiB. ` +
  `256-bit 2^x mod N: call 1 (builds Yao's table) ${table.xFirstCallMs.toFixed(2)} ms, calls 2–16 (Yao) ${table.xYaoCallMs.toFixed(2)} ms → build ≈ ${table.xBuildMs.toFixed(2)} ms, ` +
  `retaining ${(table.xBytes / 1024).toFixed(1)} KiB; call 17 (builds the short comb) ${table.xCombFirstCallMs.toFixed(2)} ms, later calls ${table.xLaterCallMs.toFixed(2)} ms → ` +
  `build ≈ ${table.xCombBuildMs.toFixed(2)} ms, retaining ${(table.xCombBytes / 1024).toFixed(1)} KiB`;
log(`Fixed-base tables (fresh processes, medians of ${table.processes}): ${tableSummary}\n`);

// ---- 3d. first login of a fresh process: the pure path, the node-crypto engine, OpenSSL (as in cold-start.mjs) ----
const FIRST_LOGIN_RUNS = quick ? 3 : 11;
const firstLoginRows = [kit1024, kitNative, openssl1024].map((adapter) => ({ name: adapter.name, file: bundleFileOf(adapter) }));
const firstLoginSamples = firstLogins(firstLoginRows, FIRST_LOGIN_RUNS);
const firstLoginMs = Object.fromEntries([...firstLoginSamples].map(([name, s]) => [name, median([...s.first].sort((p, q) => p - q))]));
log(
  `First login of a fresh process (median of ${FIRST_LOGIN_RUNS}): ` +
    Object.entries(firstLoginMs).map(([name, ms]) => `${name} ${ms.toFixed(1)} ms (${(ms / firstLoginMs[openssl1024.name]).toFixed(2)}× OpenSSL)`).join(', ') +
    '\n',
);

// ---- 3e. the other runtimes, for the targets of issue 13: engines.mjs (Node, Bun, Deno, workerd) and workerd cold ---
let enginesByRuntime;
let workerdSummary;
if (!nodeOnly) {
  log('Engines by runtime (engines.mjs) …');
  const engines = spawnSync(process.execPath, [join(BENCH_DIR, 'engines.mjs'), '--print-json', ...(quick ? ['--quick'] : []), ...(write ? [] : ['--no-write'])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (engines.status === 0) enginesByRuntime = JSON.parse(engines.stdout.trim().split('\n').pop());
  else log(`⚠ engines.mjs failed (status ${engines.status}): its rows are left out`);
  log('workerd, cognito-kit cold and warm (runtimes/run.mjs, groups kit and kit-warm, not written) …');
  const { runRuntimeBenchmarks } = await import('./runtimes/run.mjs');
  const runtimeResults = await runRuntimeBenchmarks({ quick, runtimes: ['workerd'], groups: ['kit', 'kit-warm'], coldSamples: 5, write: false, log: () => {} });
  workerdSummary = runtimeResults.summary?.workerd;
  log(`  workerd: first default login ${workerdSummary?.login1024ColdMs} ms cold, ${workerdSummary?.login1024WarmedUpColdMs} ms after warmUp() (slowest ${workerdSummary?.login1024WarmedUpColdMaxMs} ms)\n`);
}

// ---- 4. report -----------------------------------------------------------------------------------------------------
const seconds = (Date.now() - started) / 1000;
const machine = {
  cpu: cpuModel(),
  logicalCores: cpus().length,
  os: `${type()} ${release()}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  platform: `${process.platform}/${process.arch}`,
};
const byId = Object.fromEntries(groups.map((g) => [g.id, g]));
const find = (id, name) => byId[id]?.results.find((r) => r.name === name);

// the issue's targets
const kitA = find('srpA', kit1024.name);
const kitAnswer = find('answer', kit1024.name);
const idjsAnswer = find('answer', identityJs.name);
const kit256Login = find('login', kit256.name);
const hasherRow = secretGroup.results[1];
const hmacRow = secretGroup.results[0];
const kitAlloc = allocations.find((r) => r.name === kit1024.name);
const targets = [
  { target: 'SRP_A ≤ 1.0× OpenSSL (1024-bit a)', value: kitA?.vsReference && `${kitA.vsReference.perRound.toFixed(2)}× (mins: ${kitA.vsReference.ofMins.toFixed(2)}×)`, met: kitA?.vsReference && kitA.vsReference.perRound <= 1.0 },
  { target: 'PASSWORD_VERIFIER answer ≤ 3.5× OpenSSL', value: kitAnswer?.vsReference && `${kitAnswer.vsReference.perRound.toFixed(2)}× (mins: ${kitAnswer.vsReference.ofMins.toFixed(2)}×)`, met: kitAnswer?.vsReference && kitAnswer.vsReference.perRound <= 3.5 },
  { target: 'answer ≥ 10× faster than amazon-cognito-identity-js', value: idjsAnswer?.vsKit && `${idjsAnswer.vsKit.perRound.toFixed(1)}× (mins: ${idjsAnswer.vsKit.ofMins.toFixed(1)}×)`, met: idjsAnswer?.vsKit && idjsAnswer.vsKit.perRound >= 10 },
  {
    target: 'privateValueBits: 256: whole login < 10 ms of CPU in workerd',
    value: kit256Login && `${formatTime(kit256Login.median)} in Node (workerd: see the runtimes suite)`,
    met: undefined,
  },
  {
    target: 'secretHasher ≥ node:crypto createHmac ops/s',
    value: `${Math.round(hasherRow.opsPerSecond).toLocaleString('en-US')} vs ${Math.round(hmacRow.opsPerSecond).toLocaleString('en-US')} ops/s (time ${hasherRow.vsReference.perRound.toFixed(2)}× createHmac's, per round)`,
    met: hasherRow.vsReference.perRound <= 1.0,
  },
  {
    target: 'rest of the path < 2 % of a login',
    value: `${pct(restOfPath.login1024.restPercentPaired)} (login − its modPow calls, paired; from the mins ${pct(restOfPath.login1024.restPercentOfMins)}); the other steps alone: ${pct(restOfPath.login1024.stepsAlonePercent)}`,
    met: restOfPath.login1024.restPercentPaired < 2,
  },
  { target: 'allocation per login measured', value: kitAlloc?.bytesPerLogin !== undefined ? `${(kitAlloc.bytesPerLogin / 1048576).toFixed(2)} MiB (cognito-kit)` : 'error', met: kitAlloc?.bytesPerLogin !== undefined },
];
const metText = (m) => (m === null ? '' : m === undefined ? 'not measured here' : m ? 'met' : '**missed**');
const targetTable = markdownTable(['target (issue 4)', 'this run', ''], targets.map((t) => [t.target, t.value ?? '–', metText(t.met)]));
log(targetTable + '\n');

// the targets of issue 13 (engines), with the answer ratio of the previous recorded run for "no regression"
const previousRun = existsSync(join(BENCH_DIR, 'results.json')) ? JSON.parse(readFileSync(join(BENCH_DIR, 'results.json'), 'utf8')) : undefined;
const previousAnswer = previousRun?.groups?.find((g) => g.id === 'answer')?.results?.find((r) => r.name === kit1024.name)?.vsOpenSSL?.perRound;
const previousSrpA = previousRun?.groups?.find((g) => g.id === 'srpA')?.results?.find((r) => r.name === kit1024.name)?.vsOpenSSL?.perRound;
const nativeLogin = find('login', kitNative.name);
const nativePrecomputedLogin = find('login', kitNativePrecomputed.name);
const firstRatio = firstLoginMs[kitNative.name] / firstLoginMs[openssl1024.name];
/** One line per runtime from engines.mjs's summary: creation cost and the warm engine rows against the pure login. */
function enginesText({ runtimes, workerd }) {
  const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(2)} ms`);
  const lines = runtimes.map((r) =>
    r.missing
      ? `${r.runtime}: not found`
      : `${r.runtime}: creation ${ms(r.creationMs)}, login ${ms(r.warmMs.engine)} on the engine, ${ms(r.warmMs.engineTables)} with precomputeFixedBase, ${ms(r.warmMs.pure)} pure`,
  );
  lines.push(workerd.missing ? 'workerd: not found' : `workerd: not offered (${workerd.engineError?.code}): creating the object costs ${ms(workerd.createCpuMs)} of CPU`);
  return lines.join('; ');
}
const ratioText = (r) => r?.vsReference && `${r.vsReference.perRound.toFixed(2)}× (mins: ${r.vsReference.ofMins.toFixed(2)}×; ${formatTime(r.median)})`;
const targets13 = [
  {
    target: 'node-crypto engine + precomputeFixedBase(): whole login ≤ 1.0× OpenSSL',
    value: ratioText(nativePrecomputedLogin),
    met: nativePrecomputedLogin?.vsReference && nativePrecomputedLogin.vsReference.perRound <= 1.0,
  },
  { target: 'node-crypto engine alone: whole login (for comparison)', value: ratioText(nativeLogin), met: null },
  {
    target: 'node-crypto engine: first login of a fresh process ≤ 2× OpenSSL',
    value: `${firstRatio.toFixed(2)}× (${firstLoginMs[kitNative.name].toFixed(1)} ms vs ${firstLoginMs[openssl1024.name].toFixed(1)} ms; pure path ${firstLoginMs[kit1024.name].toFixed(1)} ms; medians of ${FIRST_LOGIN_RUNS} processes)`,
    met: firstRatio <= 2,
  },
  {
    target: 'pure path: SRP_A ≤ 1.0× OpenSSL',
    value: kitA?.vsReference && `${kitA.vsReference.perRound.toFixed(2)}×${previousSrpA ? ` (previous recorded run: ${previousSrpA.toFixed(2)}×)` : ''}`,
    met: kitA?.vsReference && kitA.vsReference.perRound <= 1.0,
  },
  {
    target: 'pure path: answer no slower than before (× OpenSSL, vs the previous recorded run)',
    value: kitAnswer?.vsReference && `${kitAnswer.vsReference.perRound.toFixed(2)}×${previousAnswer ? ` (previous: ${previousAnswer.toFixed(2)}×)` : ''}`,
    // 5 % of slack: ratios drift that much between runs on the shared machine
    met: previousAnswer && kitAnswer?.vsReference ? kitAnswer.vsReference.perRound <= previousAnswer * 1.05 : undefined,
  },
  {
    target: 'workerd, no nodejs_compat: first default login of a fresh isolate < 10 ms CPU (median and slowest of 5)',
    value: workerdSummary
      ? `with warmUp() in the global scope: ${workerdSummary.login1024WarmedUpColdMs} ms, slowest ${workerdSummary.login1024WarmedUpColdMaxMs} ms (start-up +${workerdSummary.warmUpStartupMs} ms); without: ${workerdSummary.login1024ColdMs} ms; precomputed engine: ${workerdSummary.login1024PrecomputedColdMs} ms (CPU of the isolate thread, medians of 5 fresh processes)`
      : 'not run (--node-only)',
    met: workerdSummary?.login1024WarmedUpColdMaxMs == null ? undefined : workerdSummary.login1024WarmedUpColdMs < 10 && workerdSummary.login1024WarmedUpColdMaxMs < 10,
  },
  {
    target: 'Bun and Deno rows with the creation cost; workerd says why not',
    value: enginesByRuntime ? enginesText(enginesByRuntime) : 'not run (--node-only, or engines.mjs failed)',
    met: enginesByRuntime ? enginesByRuntime.runtimes.every((r) => !r.missing) && !enginesByRuntime.workerd.missing : undefined,
  },
];
const targetTable13 = markdownTable(['target (issue 13)', 'this run', ''], targets13.map((t) => [t.target, t.value ?? '–', metText(t.met)]));
log(targetTable13 + '\n');

// the main table: one row per implementation, the three per-login operations side by side, and allocation
const cell = (id, name) => {
  const r = find(id, name);
  return r ? `${formatTime(r.median)} (${r.vsReference ? r.vsReference.perRound.toFixed(2) + '×' : '–'})` : '–';
};
const mainTable = markdownTable(
  ['implementation', 'SRP_A (× OpenSSL)', 'PASSWORD_VERIFIER answer (× OpenSSL)', 'full login (× OpenSSL)', 'full login × cognito-kit', 'allocated per login'],
  mainImpls.map((impl) => {
    const name = impl.adapter.name;
    const login = find('login', name);
    const alloc = allocations.find((r) => r.name === name);
    return [
      impl.reference ? `${name} (reference)` : name,
      cell('srpA', name),
      cell('answer', name),
      `**${cell('login', name)}**`,
      login?.vsKit ? `${login.vsKit.perRound.toFixed(2)}×` : '–',
      alloc && !alloc.error ? `${(alloc.bytesPerLogin / 1048576).toFixed(2)} MiB` : '–',
    ];
  }),
  ['l', 'r', 'r', 'r', 'r', 'r'],
);
log(mainTable + '\n');

const ratioCell = (r, key) => (r[key] ? `${r[key].perRound.toFixed(2)}×` : '–');
const groupTable = (g) =>
  markdownTable(
    ['implementation', 'median', 'p25 – p75', 'min', 'vs OpenSSL', 'vs cognito-kit', ...(g.id === 'secretHash' ? ['ops/s'] : []), 'samples'],
    g.results.map((r) => [
      r.reference ? `${r.name} (reference)` : r.name,
      `**${formatTime(r.median)}**`,
      `${formatTime(r.p25)} – ${formatTime(r.p75)}`,
      formatTime(r.min),
      ratioCell(r, 'vsReference'),
      ratioCell(r, 'vsKit'),
      ...(g.id === 'secretHash' ? [Math.round(r.opsPerSecond).toLocaleString('en-US')] : []),
      String(r.samples),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );

const allocTable = markdownTable(
  ['implementation', 'V8 heap allocated per login', 'outside the V8 heap', 'logins measured'],
  allocations.map((r) => [r.name, r.error ? `error: ${r.error}` : `**${(r.bytesPerLogin / 1048576).toFixed(2)} MiB**`, r.error ? '' : `${(r.externalPerLogin / 1024).toFixed(1)} KiB`, r.error ? '' : String(r.count)]),
  ['l', 'r', 'r', 'r'],
);

const chartRows = (byId.login?.results ?? []).map((r) => ({ name: r.name, ns: r.median, ratio: r.vsReference?.perRound, reference: r.reference }));
const date = new Date().toISOString();
const machineText = `${machine.cpu}, ${machine.logicalCores} logical cores, ${machine.os}, Node ${process.version} (V8 ${process.versions.v8}, OpenSSL ${process.versions.openssl})`;
const svg = renderChart({
  title: 'Full Cognito SRP login (SRP_A + PASSWORD_VERIFIER answer), median per login, log scale',
  subtitle: `${date.slice(0, 10)} · ${machineText} · ${clockName === 'cpu' ? 'CPU time · ' : ''}labels: × OpenSSL (per-round median)`,
  rows: chartRows,
});

const speed = [
  '# Benchmark results',
  '',
  '_Recorded by `benchmarks/run.mjs` (`pnpm bench`) and `benchmarks/size.mjs`; see benchmarks/README.md for what is measured and how to read it, and benchmarks/experiments/RESULTS.md for the modPow experiments. Never asserted by any test._',
  '',
  '## Speed',
  '',
  `- date: ${date}`,
  `- machine: ${machineText}, ${machine.memoryGiB} GiB (shared: absolute times drift, compare ratios within one table)`,
  `- command: \`${command}\` (whole run ${seconds.toFixed(0)} s; ${timing.rounds} round(s) per table, order reversed every other round, mitata \`measure\` with min ${timing.minCpuMs} ms and ${timing.minSamples} samples per row and round; clock: ${clockName === 'cpu' ? 'CPU time of the process (process.cpuUsage)' : 'wall (performance.now)'})`,
  `- packages: ${Object.entries(versions).map(([n, v]) => `${n} ${v}`).join(', ')}`,
  `- fixed input: vector \`${V.srpVector.id}\` (SRP), \`${V.deviceVector.id}\` (device verifier), \`${V.secretVector.id}\` (SECRET_HASH) of test-vectors/public/vectors-public.json; every implementation's random source returns the vector's bytes and its clock the vector's TIMESTAMP; the 256-bit rows use the first 32 bytes of the vector's a`,
  '',
  '![full login, log scale](chart.svg)',
  '',
  '### Main table',
  '',
  'Medians; in brackets the per-round ratio to OpenSSL (1024-bit a). Allocation: V8 heap bytes per login (see below).',
  '',
  mainTable,
  '',
  '### Targets of issue 4',
  '',
  targetTable,
  '',
  '### Targets of issue 13 (engines)',
  '',
  targetTable13,
  '',
  '### Same work: every implementation on the fixed input',
  '',
  checkTable,
  '',
  evidenceTable,
  '',
  sweep.markdown,
  '',
  '### Tables',
  '',
  '"vs OpenSSL" and "vs cognito-kit": the ratio of the two medians within each round, then the median over the rounds (above 1× = slower than the reference). Medians pool the samples of every round.',
  '',
  ...groups.flatMap((g) => [`#### ${g.title}`, '', groupTable(g), '']),
  `Rest of the path = 1 − (the login's three modPow calls alone, same operands, through the exported \`modPow\`) / (the login). Paired call by call (${PAIRS} pairs, login and modPow alternately, median of the pair ratios): **${pct(restOfPath.login1024.restPercentPaired)}** of a login with a 1024-bit a, **${pct(restOfPath.login256.restPercentPaired)}** with a 256-bit a; from the rounds of the table above: ${pct(restOfPath.login1024.restPercentPerRound)} and ${pct(restOfPath.login256.restPercentPerRound)}; from its mins: ${pct(restOfPath.login1024.restPercentOfMins)} and ${pct(restOfPath.login256.restPercentOfMins)}. The other steps timed alone (parse, hex, u, x, HKDF, signature, TIMESTAMP with the exported steps): ${formatTime(restOfPath.login1024.stepsAloneNs)}, ${pct(restOfPath.login1024.stepsAlonePercent)} of the login.`,
  '',
  '### Allocation per login',
  '',
  `Each implementation in a child process (\`node --expose-gc --min-semi-space-size=${SEMI_SPACE_MB} --max-semi-space-size=${SEMI_SPACE_MB}\`, lib/alloc-child.mjs): warm-up logins, a full GC, then \`v8.getHeapStatistics().used_heap_size\` before and after N logins with no GC in between (checked with PerformanceObserver 'gc' entries; N is halved until none ran). The difference is every byte the logins allocated on the V8 heap, garbage included. OpenSSL's own memory is not on the V8 heap; the change of \`process.memoryUsage().external\` is shown apart.`,
  '',
  allocTable,
  '',
  '### cognito-kit\'s fixed-base tables for g = 2',
  '',
  `Fresh processes (lib/table-child.mjs, median of ${table.processes}): ${tableSummary}. None of it is built at import.`,
  '',
].join('\n');

const results = {
  date,
  command,
  seconds,
  machine,
  versions,
  timing: { rounds: timing.rounds, minCpuMs: timing.minCpuMs, minSamples: timing.minSamples, clock: clockName, pairs: PAIRS },
  input: { srp: V.srpVector.id, device: V.deviceVector.id, secretHash: V.secretVector.id },
  checks,
  evidence,
  passwordlessSweep: sweep.summary,
  targets: targets.map((t) => ({ target: t.target, value: t.value ?? null, met: t.met ?? null })),
  targets13: targets13.map((t) => ({ target: t.target, value: t.value ?? null, met: t.met ?? null })),
  firstLogin: { runs: FIRST_LOGIN_RUNS, medianMs: firstLoginMs },
  groups: groups.map((g) => ({
    id: g.id,
    title: g.title,
    results: g.results.map((r) => ({
      name: r.name,
      reference: r.reference,
      kit: r.kit,
      medianNs: r.median,
      p25Ns: r.p25,
      p75Ns: r.p75,
      minNs: r.min,
      samples: r.samples,
      roundMediansNs: r.roundMedians,
      vsOpenSSL: r.vsReference ?? null,
      vsCognitoKit: r.vsKit ?? null,
      ...(r.opsPerSecond ? { opsPerSecond: r.opsPerSecond } : {}),
    })),
  })),
  restOfPath,
  allocation: { method: `--expose-gc --min-semi-space-size=${SEMI_SPACE_MB} --max-semi-space-size=${SEMI_SPACE_MB}, used_heap_size delta over N logins, no GC`, results: allocations },
  fixedBaseTable: table,
};

log(`whole run: ${seconds.toFixed(0)} s`);
if (write) {
  const file = join(BENCH_DIR, 'RESULTS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = old.indexOf('## Bundle size');
  const rest = at >= 0 ? '\n' + old.slice(at) : '';
  writeFileSync(file, speed.trimEnd() + '\n' + rest);
  writeFileSync(join(BENCH_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(BENCH_DIR, 'chart.svg'), svg);
  log(`wrote ${file}, results.json and chart.svg`);
}

// ---------------------------------------------------------------------------------------------------------------------
/**
 * amazon-cognito-passwordless-auth on every srp vector of test-vectors/vectors.json and public/vectors-public.json
 * (in --quick, only the edge vectors): its SRP_A, signature and TIMESTAMP against the expected ones. Disagreements
 * are reported with the vectors' tags, and the tags they all share.
 */
async function passwordlessSweep(quickRun) {
  const all = [];
  for (const rel of ['test-vectors/vectors.json', 'test-vectors/public/vectors-public.json']) {
    for (const v of JSON.parse(readFileSync(join(REPO_DIR, rel), 'utf8')).vectors) {
      if (v.kind === 'srp' && (!quickRun || v.tags.includes('edge'))) all.push({ file: rel, vector: v });
    }
  }
  const bad = [];
  for (const { file, vector } of all) {
    const got = await M.passwordless.runVector(vector, V.srpInput(vector));
    const wrong = got.error
      ? [`error: ${got.error}`]
      : [got.A !== vector.expected.A && 'SRP_A', got.signature !== vector.expected.signature && 'signature', got.timestamp !== vector.input.timestamp && 'TIMESTAMP'].filter(Boolean);
    if (wrong.length) bad.push({ file, id: vector.id, wrong, tags: vector.tags });
  }
  // What the disagreeing vectors have in common: features read off each vector's own data.
  const asSent = (text) => {
    const even = (text.length % 2 ? '0' + text : text).toLowerCase();
    return /^[89a-f]/.test(even) ? '00' + even : even;
  };
  const features = [
    ['u < 2^247: PAD(u), the HKDF salt, is shorter than 32 bytes', (v) => v.expected.padHexU.length < 64],
    ['SRP_B as sent (made even, sign byte added) differs from PAD(B): leading zero bytes', (v) => asSent(v.input.B) !== v.expected.padHexB],
    ['SALT as sent (made even, sign byte added) differs from PAD(salt): leading zero bytes', (v) => asSent(v.input.salt) !== v.expected.padHexSalt],
    ['non-ASCII pool name or USER_ID_FOR_SRP (bytes of the signed message)', (v) => /[^\x00-\x7f]/.test(v.input.poolId + v.input.userIdForSrp)],
  ];
  const isBad = new Set(bad.map((b) => b.id + b.file));
  const byFeature = features.map(([feature, has]) => {
    const withIt = all.filter((x) => has(x.vector));
    return { feature, vectors: withIt.length, disagree: withIt.filter((x) => isBad.has(x.vector.id + x.file)).length };
  });
  const unexplained = bad.filter((b) => {
    const v = all.find((x) => x.vector.id === b.id && x.file === b.file).vector;
    return !features.some(([, has]) => has(v));
  });
  const agreeingWithFeature = all.filter((x) => !isBad.has(x.vector.id + x.file) && features.some(([, has]) => has(x.vector)));
  for (const b of bad) {
    const v = all.find((x) => x.vector.id === b.id && x.file === b.file).vector;
    b.features = features.filter(([, has]) => has(v)).map(([f]) => f.split(':')[0].split(' (')[0]);
  }
  const summary = { vectors: all.length, disagreements: bad.length, quick: quickRun, byFeature, unexplained: unexplained.length, agreeingWithFeature: agreeingWithFeature.length, list: bad };
  const lines = [
    `### amazon-cognito-passwordless-auth on the test vectors`,
    '',
    `${all.length} srp vectors (test-vectors/vectors.json and public/vectors-public.json${quickRun ? ', edge vectors only (--quick)' : ''}), each with its own a, B, salt, secret block and clock: **${bad.length} disagree** with the expected SRP_A / signature / TIMESTAMP (the expected values are amazon-cognito-identity-js's, agreed by every oracle of the generator).`,
  ];
  if (bad.length) {
    lines.push(
      '',
      markdownTable(['feature of the vector', 'vectors with it', 'of them disagree'], [
        ...byFeature.map((f) => [f.feature, String(f.vectors), `**${f.disagree}**`]),
        ['none of these', String(all.filter((x) => !features.some(([, has]) => has(x.vector))).length), `**${unexplained.length}**`],
      ]),
      '',
      markdownTable(['vector', 'wrong', 'features'], bad.map((b) => [`${b.id} (${b.file.includes('public') ? 'public' : 'vectors.json'})`, b.wrong.join(', '), b.features.join('; ') || '–'])),
    );
  }
  return { summary, markdown: lines.join('\n') };
}

#!/usr/bin/env node
// SECRET_HASH and the SRP login, one build of @cognito-kit/srp against another and against node:crypto, in one
// process, interleaved. Written for issue 11 (sha256.ts moved from noble's internal `_SHA256` members to its public
// `sha256.create()` / `update` / `digest` / `clone`): the "before" build is a bundle of the old dist, the "after" build
// the current packages/srp/dist.
//
//   node benchmarks/experiments/hmac-public-api.mjs [--before bundle.mjs] [--after bundle.mjs] [--calls 200000] [--rounds 15]
//                                                   [--clock wall|cpu]
//
// A bundle is any ES module that exports the package's public API (`esbuild --bundle` of dist/index.js, for example);
// without --after the built package is imported. Each round times every implementation once, in an order rotated
// from round to round, after one untimed warm-up round. Printed: the median per call over the rounds, and the
// median over the rounds of each round's ratio to node:crypto (SECRET_HASH) or to the first build (the login).
// Every implementation is first checked to give the same SECRET_HASH and the same PASSWORD_VERIFIER answer.
// `--clock cpu` times each batch by the process's CPU time (process.cpuUsage, user + system) instead of the wall
// clock: on a shared machine it leaves out the time the process waits for a core, which wall time counts.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string' },
    calls: { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '15' },
    logins: { type: 'string', default: '12' },
    'hkdf-calls': { type: 'string', default: '20000' },
    clock: { type: 'string', default: 'wall' },
  },
});
const CALLS = Number(args.calls);
const ROUNDS = Number(args.rounds);
const LOGINS = Number(args.logins);
const HKDF_CALLS = Number(args['hkdf-calls']);
if (args.clock !== 'wall' && args.clock !== 'cpu') throw new Error('--clock is wall or cpu');
/** Milliseconds, on the chosen clock. */
const clock =
  args.clock === 'cpu'
    ? () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      }
    : () => performance.now();

const load = (path) => import(pathToFileURL(resolve(path)).href);
const builds = [];
if (args.before) builds.push({ name: 'before', lib: await load(args.before) });
builds.push({ name: 'after', lib: await load(args.after ?? join(root, 'packages/srp/dist/index.js')) });

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
let sink = 0;

/** Runs `rounds` interleaved rounds of `cases` (each `{ name, run }` timing its own batch, returning ms). */
function interleave(cases, rounds) {
  const times = Object.fromEntries(cases.map((c) => [c.name, []]));
  for (const c of cases) c.run(); // warm-up, untimed
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(i + round) % cases.length];
      times[c.name].push(c.run());
    }
  }
  return times;
}

function report(title, times, per, unit, reference) {
  console.log(`\n${title}`);
  for (const [name, list] of Object.entries(times)) {
    const ratios = list.map((t, i) => t / times[reference][i]);
    console.log(`  ${name.padEnd(44)} ${((median(list) / per) * (unit === 'µs' ? 1000 : 1)).toFixed(3)} ${unit}   ×${median(ratios).toFixed(2)} of ${reference}   (min ${((Math.min(...list) / per) * (unit === 'µs' ? 1000 : 1)).toFixed(3)})`);
  }
}

// SECRET_HASH: a short username, a 40-character one and one of 128 (Cognito's longest), with a client id and secret
// of real Cognito lengths (26 and 52 characters).
const clientId = '1example23456789abcdefghij';
const clientSecret = 'c1ientsecretc1ientsecretc1ientsecretc1ientsecret1234';
for (const username of ['alice', 'a-forty-character-username@example.co.uk', 'u'.repeat(128)]) {
  const node = (u) => createHmac('sha256', clientSecret).update(u + clientId).digest('base64');
  const expected = node(username);
  const cases = [{ name: 'node:crypto createHmac per call', hash: node }];
  for (const { name, lib } of builds) cases.push({ name: `${name}: secretHasher(clientId, secret)(username)`, hash: lib.secretHasher(clientId, clientSecret) });
  for (const c of cases) {
    if (c.hash(username) !== expected) throw new Error(`${c.name} gives a different SECRET_HASH`);
    c.run = () => {
      const hash = c.hash;
      const start = clock();
      for (let i = 0; i < CALLS; i++) sink += hash(username).length;
      return clock() - start;
    };
  }
  report(`SECRET_HASH, username '${username}' (${username.length} chars), ${CALLS} calls a round, ${ROUNDS} rounds`, interleave(cases, ROUNDS), CALLS, 'µs', 'node:crypto createHmac per call');
}

// The SRP path: HKDF + the signature alone, then a whole default login (createSrpSession + respondToPasswordVerifier),
// on vector srp-rand-005 of the public set (its a, B, salt, secret block and clock).
const vectors = JSON.parse(readFileSync(join(root, 'test-vectors/public/vectors-public.json'), 'utf8')).vectors;
const v = vectors.find((x) => x.id === 'srp-rand-005').input;
const aBytes = Uint8Array.from(v.smallA.match(/../g), (pair) => parseInt(pair, 16));
const challengeParameters = { SALT: v.salt, SRP_B: v.B, SECRET_BLOCK: v.secretBlock, USER_ID_FOR_SRP: v.userIdForSrp, USERNAME: v.username };
const now = new Date(v.timestampEpochMs);
const login = (lib) => {
  const session = lib.createSrpSession({ randomBytes: (n) => aBytes.slice(0, n) });
  return lib.respondToPasswordVerifier(session, { userPoolId: v.poolId, password: v.password, challengeParameters, now });
};
const answers = builds.map(({ lib }) => JSON.stringify(login(lib)));
if (new Set(answers).size !== 1) throw new Error('the builds give different PASSWORD_VERIFIER answers');

const S = (BigInt('0x' + v.B) * 7n) % builds[0].lib.N; // any 3072-bit S and 256-bit u: the work is the same
const u = BigInt('0x' + 'c3'.repeat(32));
const claim = { prefix: v.poolId.split('_')[1], userId: v.userIdForSrp, secretBlock: v.secretBlock, timestamp: v.timestamp };
const hkdfCases = builds.map(({ name, lib }) => ({
  name: `${name}: deriveKey + signPasswordClaim`,
  run: () => {
    const start = clock();
    for (let i = 0; i < HKDF_CALLS; i++) sink += lib.signPasswordClaim(lib.deriveKey(S, u), claim).length;
    return clock() - start;
  },
}));
if (new Set(builds.map(({ lib }) => lib.signPasswordClaim(lib.deriveKey(S, u), claim))).size !== 1) throw new Error('the builds sign differently');
report(`HKDF + signature (deriveKey + signPasswordClaim), ${HKDF_CALLS} calls a round, ${ROUNDS} rounds`, interleave(hkdfCases, ROUNDS), HKDF_CALLS, 'µs', hkdfCases[0].name);

const loginCases = builds.map(({ name, lib }) => ({
  name: `${name}: createSrpSession + respondToPasswordVerifier`,
  run: () => {
    const start = clock();
    for (let i = 0; i < LOGINS; i++) sink += login(lib).TIMESTAMP.length;
    return clock() - start;
  },
}));
report(`whole default login (1024-bit a), ${LOGINS} logins a round, ${ROUNDS} rounds`, interleave(loginCases, ROUNDS), LOGINS, 'ms', loginCases[0].name);
console.log(`\n(${process.version}, clock ${args.clock}, sink ${sink % 10})`);

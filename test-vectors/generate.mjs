#!/usr/bin/env node
// Generates test-vectors/vectors.json from independent reference implementations — amazon-cognito-identity-js,
// @aws-amplify/auth's internal SRP code, and the generator's own BigInt/node:crypto math — fed identical inputs
// with scripted randomness and a frozen clock. Every expected field comes from amazon-cognito-identity-js and must
// equal what every other oracle that can compute it produced; any disagreement stops the run (it is a finding).
// Never imports the project's own code (packages/srp): these vectors are evidence about it, not from it.
//
// Usage: node test-vectors/generate.mjs   or   pnpm --filter @cognito-kit/test-vectors generate
import { writeFileSync } from 'node:fs';
import { Drbg } from './generator/drbg.mjs';
import * as ref from './generator/reference.mjs';
import * as identity from './generator/oracle-identity-js.mjs';
import * as amplify from './generator/oracle-amplify.mjs';
import * as awsCrypto from './generator/oracle-aws-crypto.mjs';
import { allCases, poolName } from './generator/cases.mjs';
import { mergeTags, srpTags, timestampTags, verifierTags } from './generator/tags.mjs';
import { describeOutcome } from './generator/harness.mjs';

const SEED = 'cognito-kit/test-vectors/generate.mjs seed 1';
const OUTPUT = new URL('./vectors.json', import.meta.url);

const IDJS = identity.identityJs.name;
const AMPLIFY = amplify.amplify.name;
const REFERENCE = 'generator-reference';
const NODE_CRYPTO = 'node:crypto';
const AWS_CRYPTO = awsCrypto.awsCrypto.name;

const SRP_FIELDS = ['A', 'padHexA', 'padHexB', 'padHexSalt', 'identityHash', 'u', 'padHexU', 'x', 'S', 'padHexS', 'hkdf', 'signature'];
const VERIFIER_FIELDS = ['saltHex', 'identityHash', 'x', 'verifierHex', 'Salt', 'PasswordVerifier'];

/** Oracles disagreed (or one failed on a valid input): a finding, reported and fatal. */
class Disagreement extends Error {}

/**
 * Takes every field from the reference oracle's output and compares each other oracle on the fields it produced
 * (plus `alsoCompare`, values fixed by the input, e.g. the TIMESTAMP). Returns expected and provenance.
 */
function crossCheck(id, reference, outputs, fields, alsoCompare = {}) {
  const expected = {};
  for (const field of fields) {
    const value = outputs[reference][field];
    if (typeof value !== 'string') throw new Disagreement(`${id}: reference ${reference} produced no ${field}`);
    expected[field] = value;
  }
  const wanted = { ...expected, ...alsoCompare };
  const provenance = { reference, agreed: [], fieldsCompared: {} };
  const disagreed = {};
  for (const [oracle, out] of Object.entries(outputs)) {
    const compared = Object.keys(wanted).filter((f) => out[f] !== undefined);
    const wrong = Object.fromEntries(compared.filter((f) => out[f] !== wanted[f]).map((f) => [f, out[f]]));
    if (Object.keys(wrong).length > 0) disagreed[oracle] = wrong;
    else if (oracle !== reference) {
      provenance.agreed.push(oracle);
      provenance.fieldsCompared[oracle] = compared;
    }
  }
  if (Object.keys(disagreed).length > 0) {
    const lines = Object.entries(disagreed).flatMap(([oracle, wrong]) =>
      Object.entries(wrong).map(([f, got]) => `  ${oracle}.${f} = ${JSON.stringify(got)}; ${reference} says ${JSON.stringify(wanted[f])}`));
    throw new Disagreement(`${id}: oracles disagree\n${lines.join('\n')}`);
  }
  return { expected, provenance };
}

/** Runs one oracle on a valid input; an exception there is a finding too. */
async function run(id, oracle, fn) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Disagreement) throw err;
    throw new Disagreement(`${id}: ${oracle} failed on a valid input: ${err?.stack ?? err}`);
  }
}

/** Harness self-checks: the oracle used the injected a and echoed what a client must echo. */
function assertEchoes(id, oracle, out, wanted) {
  for (const [field, value] of Object.entries(wanted)) {
    if (out[field] !== value) {
      throw new Error(`${id}: ${oracle} ${field} = ${JSON.stringify(out[field])}, want ${JSON.stringify(value)}`);
    }
  }
}

/** Confirms the simulated server derives the same S, and records its secrets (informational). */
function serverSimulation(id, server, expected) {
  if (!server) return undefined;
  const A = BigInt('0x' + expected.A);
  const S = ref.serverS(A, server.v, BigInt('0x' + expected.u), server.b);
  if (A !== server.A || S !== BigInt('0x' + expected.S)) throw new Disagreement(`${id}: simulated server's S differs`);
  return { b: server.b.toString(16), verifier: server.v.toString(16), sMatchesServer: true };
}

const minimalHex = (hex) => BigInt('0x' + hex).toString(16);

// ---- one function per kind: build outputs, cross-check, assemble the vector ----

async function srpVector(id, spec, { input, server }) {
  const prefix = poolName(input.poolId);
  const echoes = { smallA: minimalHex(input.smallA), responseUsername: input.userIdForSrp, responseSecretBlock: input.secretBlock, prefix };
  const outputs = {
    [IDJS]: await run(id, IDJS, () => identity.srp(input)),
    [AMPLIFY]: await run(id, AMPLIFY, () => amplify.srp(input)),
    [REFERENCE]: await run(id, REFERENCE, () => ({
      ...ref.clientResponse({ ...input, a: BigInt('0x' + input.smallA), prefix, userId: input.userIdForSrp }),
      poolName: prefix,
      timestamp: ref.formatTimestamp(input.timestampEpochMs),
    })),
  };
  for (const oracle of [IDJS, AMPLIFY]) assertEchoes(id, oracle, outputs[oracle], echoes);
  const { expected, provenance } = crossCheck(id, IDJS, outputs, [...SRP_FIELDS, 'poolName'], { timestamp: input.timestamp });
  return {
    id, kind: 'srp', description: spec.description, tags: mergeTags(spec.tags, srpTags(input, expected)),
    input, expected, provenance, serverSimulation: serverSimulation(id, server, expected),
  };
}

async function deviceSrpVector(id, spec, { input, server }, relatedId) {
  const echoes = {
    smallA: minimalHex(input.smallA), responseUsername: input.username, responseDeviceKey: input.deviceKey,
    responseSecretBlock: input.secretBlock, prefix: input.deviceGroupKey,
  };
  const outputs = {
    [IDJS]: await run(id, IDJS, () => identity.deviceSrp(input)),
    [AMPLIFY]: await run(id, AMPLIFY, () => amplify.deviceSrp(input)),
    [REFERENCE]: await run(id, REFERENCE, () => ({
      ...ref.clientResponse({ ...input, a: BigInt('0x' + input.smallA), prefix: input.deviceGroupKey, userId: input.deviceKey, password: input.devicePassword }),
      timestamp: ref.formatTimestamp(input.timestampEpochMs),
    })),
  };
  for (const oracle of [IDJS, AMPLIFY]) assertEchoes(id, oracle, outputs[oracle], echoes);
  const { expected, provenance } = crossCheck(id, IDJS, outputs, SRP_FIELDS, { timestamp: input.timestamp });
  const vector = {
    id, kind: 'device_srp', description: spec.description, tags: mergeTags(spec.tags, srpTags(input, expected)),
    input, expected, provenance, serverSimulation: serverSimulation(id, server, expected),
  };
  if (relatedId) vector.relatedVerifierCase = relatedId;
  return vector;
}

async function verifierVector(id, spec, input, fillerA) {
  const echoes = { randomPassword: input.randomPassword, confirmDeviceKey: input.deviceKey };
  const outputs = {
    [IDJS]: await run(id, IDJS, () => identity.deviceVerifier(input, fillerA)),
    [AMPLIFY]: await run(id, AMPLIFY, () => amplify.deviceVerifier(input, fillerA)),
    [REFERENCE]: await run(id, REFERENCE, () => ref.deviceVerifier(input)),
  };
  for (const oracle of [IDJS, AMPLIFY]) assertEchoes(id, oracle, outputs[oracle], echoes);
  const { expected, provenance } = crossCheck(id, IDJS, outputs, VERIFIER_FIELDS);
  return { id, kind: 'device_verifier', description: spec.description, tags: mergeTags(spec.tags, verifierTags(input, expected)), input, expected, provenance };
}

async function secretHashVector(id, spec, input) {
  const outputs = {
    [NODE_CRYPTO]: { secretHash: ref.secretHash(input.username, input.clientId, input.clientSecret) },
    [AWS_CRYPTO]: await run(id, AWS_CRYPTO, () => awsCrypto.secretHash(input.username, input.clientId, input.clientSecret)),
  };
  const { expected, provenance } = crossCheck(id, NODE_CRYPTO, outputs, ['secretHash']);
  return { id, kind: 'secret_hash', description: spec.description, tags: spec.tags, input, expected, provenance };
}

async function timestampVector(id, spec, epochMs) {
  const outputs = {
    [IDJS]: await run(id, IDJS, () => identity.timestamp(epochMs)),
    [AMPLIFY]: await run(id, AMPLIFY, () => amplify.timestamp(epochMs)),
    [REFERENCE]: { timestamp: ref.formatTimestamp(epochMs) },
  };
  const { expected, provenance } = crossCheck(id, IDJS, outputs, ['timestamp']);
  const input = { epochMs, iso: new Date(epochMs).toISOString() };
  return { id, kind: 'timestamp', description: spec.description, tags: mergeTags(spec.tags, timestampTags(epochMs)), input, expected, provenance };
}

async function padHexVector(id, spec, hexText) {
  const negative = hexText.startsWith('-');
  const magnitude = BigInt('0x' + (negative ? hexText.slice(1) : hexText));
  const value = negative ? -magnitude : magnitude;
  const outputs = {
    [IDJS]: await run(id, IDJS, () => identity.padHex(hexText)),
    [AMPLIFY]: await run(id, AMPLIFY, () => amplify.padHex(hexText)),
    [REFERENCE]: { padHex: ref.padHex(value) },
  };
  const { expected, provenance } = crossCheck(id, IDJS, outputs, ['padHex']);
  const input = { hex: hexText, decimal: value.toString(10) };
  return { id, kind: 'padhex', description: spec.description, tags: spec.tags, input, expected, provenance };
}

/** Inputs every library must refuse: record what each oracle does; the strict reference must throw. */
async function invalidVector(id, spec, { input }) {
  const prefix = poolName(input.poolId);
  const oracleBehaviour = {
    [IDJS]: (await describeOutcome(() => identity.srp(input))).text,
    [AMPLIFY]: (await describeOutcome(() => amplify.srp(input))).text,
  };
  const strict = await describeOutcome(() =>
    ref.clientResponse({ ...input, a: BigInt('0x' + input.smallA), prefix, userId: input.userIdForSrp }));
  if (!strict.threw) throw new Error(`${id}: the reference accepted an input meant to be invalid`);
  oracleBehaviour[REFERENCE] = strict.text;
  return {
    id, kind: 'invalid_srp', description: spec.description, tags: spec.tags, input,
    expected: { reject: 'must', reason: spec.reason }, oracleBehaviour,
  };
}

// ---- driver ----

const ID_PREFIX = {
  srp: 'kit-srp', device_verifier: 'kit-devver', device_srp: 'kit-devsrp', secret_hash: 'kit-sechash',
  timestamp: 'kit-ts', padhex: 'kit-padhex', invalid_srp: 'kit-invalid',
};

/** kit-<kind>-edge-001 / kit-<kind>-rand-001 (padhex and invalid_srp are numbered plainly). */
function idFor(kind, spec, counters) {
  const group = kind === 'padhex' || kind === 'invalid_srp' ? '' : spec.tags.includes('random') ? 'rand-' : 'edge-';
  const n = (counters[kind + group] = (counters[kind + group] ?? 0) + 1);
  return `${ID_PREFIX[kind]}-${group}${String(n).padStart(3, '0')}`;
}

async function generate() {
  if (identity.groupN() !== ref.padHex(ref.N) || amplify.groupN() !== ref.padHex(ref.N)) throw new Error('N differs between oracles');
  const root = new Drbg(SEED);
  const cases = allCases();
  const counters = {};
  const vectors = [];
  const verifiersByKey = new Map(); // device_verifier key -> { id, input } for device round trips
  const timings = {};

  const makers = {
    srp: (id, spec, rng) => srpVector(id, spec, spec.build(rng)),
    device_verifier: async (id, spec, rng) => {
      const input = spec.build(rng);
      const vector = await verifierVector(id, spec, input, root.fork(`${spec.key}/filler-a`).bytes(128));
      verifiersByKey.set(spec.key, { id, input });
      return vector;
    },
    device_srp: (id, spec, rng) => {
      const related = spec.relatedVerifierKey ? verifiersByKey.get(spec.relatedVerifierKey) : undefined;
      if (spec.relatedVerifierKey && !related) throw new Error(`${id}: no verifier case ${spec.relatedVerifierKey}`);
      return deviceSrpVector(id, spec, spec.build(rng, related), related?.id);
    },
    secret_hash: (id, spec, rng) => secretHashVector(id, spec, spec.build(rng)),
    timestamp: (id, spec, rng) => timestampVector(id, spec, spec.build(rng)),
    padhex: (id, spec, rng) => padHexVector(id, spec, spec.build(rng)),
    invalid_srp: (id, spec, rng) => invalidVector(id, spec, spec.build(rng)),
  };

  for (const [kind, specs] of Object.entries(cases)) {
    const started = performance.now();
    for (const spec of specs) {
      const id = idFor(kind, spec, counters);
      const vector = await makers[kind](id, spec, root.fork(spec.key));
      if (vector.serverSimulation === undefined) delete vector.serverSimulation;
      vectors.push(vector);
    }
    timings[kind] = { count: specs.length, seconds: +((performance.now() - started) / 1000).toFixed(1) };
    process.stderr.write(`${kind}: ${specs.length} vectors in ${timings[kind].seconds} s\n`);
  }
  return { vectors, timings };
}

function document(vectors) {
  return {
    schemaVersion: 1,
    file: 'vectors.json',
    description:
      'Cognito SRP-6a client vectors (USER_SRP_AUTH PASSWORD_VERIFIER, DEVICE_SRP_AUTH DEVICE_PASSWORD_VERIFIER, ' +
      'ConfirmDevice verifier), SECRET_HASH, TIMESTAMP and PAD, produced by running independent reference ' +
      'implementations on identical inputs (scripted randomness, frozen clock) and cross-checking them field by ' +
      'field. Same schema as ../public/vectors-public.json (vector-schema.json); ids start with "kit-".',
    constants: { N: ref.N.toString(16), g: ref.g.toString(16), k: ref.k.toString(16), hkdfInfo: ref.HKDF_INFO, hkdfLength: 16 },
    oracles: {
      [IDJS]: identity.identityJs.describe,
      [AMPLIFY]: amplify.amplify.describe,
      [REFERENCE]: 'generate.mjs generator/reference.mjs: independent implementation (native BigInt, node:crypto ' +
        'SHA-256/HMAC/hkdfSync, Date.prototype.toUTCString for TIMESTAMP), also the simulated server',
      [NODE_CRYPTO]: `node:crypto createHmac('sha256') in Node ${process.versions.node} (SECRET_HASH)`,
      [AWS_CRYPTO]: awsCrypto.awsCrypto.describe,
      seed: `${JSON.stringify(SEED)} (SHA-256 counter DRBG, generator/drbg.mjs; one fork per case key)`,
    },
    notes: [
      'Every expected field was produced by amazon-cognito-identity-js (provenance.reference) and equals the output ' +
        'of every oracle listed in provenance.agreed on the fields in provenance.fieldsCompared; for secret_hash the ' +
        'reference is node:crypto. No oracle disagreed on any vector (a disagreement aborts the generator).',
      'All hex in "expected" is lower-case. Minimal hex (no leading zeros) unless the field name starts with padHex.',
      'input.B and input.salt are the exact strings the server sent; they must be interpreted as unsigned integers ' +
        '(leading zeros, case and odd length are not significant). u uses B as sent.',
      'input.timestamp (srp, device_srp) is what both clients sent as TIMESTAMP at timestampEpochMs (compared as ' +
        '"timestamp").',
      'padhex: input.hex may be negative ("-80"); input.decimal is the same value in base 10; expected.padHex is ' +
        'Java BigInteger.toByteArray() as lower-case hex (two\'s complement for negatives: -128 -> "80").',
      'serverSimulation: the generator played the server (v = g^x, B = k*v + g^b) and checked S = (A*v^u)^b mod N. ' +
        'Vectors tagged B-boundary use a fixed B and have no server simulation.',
      'device_verifier: the clients drew 128 bytes for their own `a` first (unused, not recorded), then the 40 ' +
        'password bytes (input.randomPassword, base64) and the 16 salt bytes (input.saltRandomHex).',
      'invalid_srp: expected.reject is "must" for every vector here; oracleBehaviour records that the official ' +
        'clients accept most of these inputs silently.',
    ],
    count: vectors.length,
    vectors,
  };
}

try {
  const started = performance.now();
  const { vectors, timings } = await generate();
  writeFileSync(OUTPUT, JSON.stringify(document(vectors), null, 1) + '\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = Object.entries(timings).map(([kind, t]) => `${kind} ${t.count}`).join(', ');
  process.stderr.write(`wrote ${vectors.length} vectors (${counts}) to test-vectors/vectors.json in ${seconds} s\n`);
} catch (err) {
  process.stderr.write(`${err instanceof Disagreement ? 'FINDING — ' : ''}${err?.stack ?? err}\n`);
  process.exitCode = 1;
}

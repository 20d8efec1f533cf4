// What the oracles run inside: the reference clients draw randomness only through
// globalThis.crypto.getRandomValues(new Uint32Array(1)) (WordArray.random in both packages) and read the
// clock only through `new Date()`. runControlled() feeds them scripted bytes and a frozen instant, and checks
// afterwards that exactly the scripted bytes were drawn — so an injected `a` really is the `a` they used.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** require() resolving from test-vectors/, where the reference clients are devDependencies. */
export const requireHere = createRequire(new URL('../package.json', import.meta.url));

/** Root folder and exact version of an installed package (read from its own package.json). */
export function packageInfo(name) {
  const file = requireHere.resolve(`${name}/package.json`);
  return { root: dirname(file), version: JSON.parse(readFileSync(file, 'utf8')).version };
}

/** Deep module of a package by file path: deep imports are blocked by @aws-amplify/auth's "exports" map. */
export const requireFile = (root, relative) => requireHere(join(root, relative));

const webcrypto = globalThis.crypto;
const realGetRandomValues = webcrypto.getRandomValues.bind(webcrypto);
let script = null; // { bytes: Buffer, offset: number }

// Installed once. Only the 4-byte draws of WordArray.random are served from the script, big-endian so that
// WordArray's hex output equals the scripted bytes; anything else (e.g. uuid request ids) gets real randomness,
// which never reaches an output we record.
webcrypto.getRandomValues = function scriptedGetRandomValues(array) {
  if (script !== null && array instanceof Uint32Array && array.length === 1) {
    if (script.offset + 4 > script.bytes.length) {
      throw new Error(`oracle drew more random bytes than scripted (${script.bytes.length})`);
    }
    array[0] = script.bytes.readUInt32BE(script.offset);
    script.offset += 4;
    return array;
  }
  return realGetRandomValues(array);
};

/** A Date whose no-argument constructor and Date.now() return one fixed instant. */
function frozenDateClass(epochMs) {
  const RealDate = Date;
  return class FrozenDate extends RealDate {
    constructor(...args) {
      super(...(args.length === 0 ? [epochMs] : args));
    }
    static now() {
      return epochMs;
    }
  };
}

/**
 * Runs fn with the random bytes scripted and the clock frozen, then restores both. Throws if the oracle drew
 * fewer bytes than scripted (it drawing more throws at the draw). Calls must not overlap (global state).
 */
export async function runControlled({ randomChunks = [], epochMs = 0 }, fn) {
  const RealDate = globalThis.Date;
  script = { bytes: Buffer.concat(randomChunks), offset: 0 };
  globalThis.Date = frozenDateClass(epochMs);
  try {
    const result = await fn();
    if (script.offset !== script.bytes.length) {
      throw new Error(`oracle drew ${script.offset} of ${script.bytes.length} scripted random bytes`);
    }
    return result;
  } finally {
    script = null;
    globalThis.Date = RealDate;
  }
}

/** Runs fn and describes the outcome for invalid_srp.oracleBehaviour: "throws: ..." or "returns ...". */
export async function describeOutcome(fn) {
  try {
    const out = await fn();
    return { threw: false, text: `returns (no error): signature=${out.signature} hkdf=${out.hkdf}` };
  } catch (err) {
    return { threw: true, text: `throws: ${err?.name ?? 'Error'}: ${err?.message ?? String(err)}`.slice(0, 240) };
  }
}

/** Fields shared by user and device SRP answers of both client oracles, from the trace and the challenge responses. */
export function srpFields(t, initialA, responses) {
  return {
    A: initialA,
    padHexA: t.padHexA,
    padHexB: t.padHexB,
    padHexSalt: t.padHexSalt,
    identityHash: t.identityHash,
    u: t.u,
    padHexU: t.padHexU,
    x: t.x,
    S: t.S,
    padHexS: t.padHexS,
    hkdf: t.hkdf,
    signature: responses.PASSWORD_CLAIM_SIGNATURE,
    timestamp: responses.TIMESTAMP,
    smallA: t.a,
  };
}

/** A device SRP answer of either client oracle: the shared fields plus what the DEVICE_PASSWORD_VERIFIER answer sent. */
export function deviceSrpFields(t, sent) {
  const responses = sent.respond.ChallengeResponses;
  return {
    ...srpFields(t, sent.deviceSrpAuth.ChallengeResponses.SRP_A, responses),
    responseUsername: responses.USERNAME,
    responseDeviceKey: responses.DEVICE_KEY,
    responseSecretBlock: responses.PASSWORD_CLAIM_SECRET_BLOCK,
    prefix: t.prefix,
  };
}

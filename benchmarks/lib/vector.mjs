// The fixed input of every benchmark: one SRP vector, one device-verifier vector and one SECRET_HASH vector of
// test-vectors/public/vectors-public.json, and the "random" bytes every implementation is given. Data only: each
// peer bundle (lib/peers/*.mjs, bundled by lib/bundle.mjs) gets its own copy of this module.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository, found from the working directory's benchmarks/ (bundles live in benchmarks/.cache/peers/). */
export const REPO_DIR = process.env.COGNITO_KIT_REPO ?? findRepo(dirname(fileURLToPath(import.meta.url)));
export const BENCH_DIR = join(REPO_DIR, 'benchmarks');

function findRepo(dir) {
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    try {
      if (JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).name === 'cognito-kit') return d;
    } catch {}
  }
  throw new Error(`no cognito-kit repository above ${dir}`);
}

export const VECTOR_FILE = join(REPO_DIR, 'test-vectors/public/vectors-public.json');
const VECTOR_ID = 'srp-rand-005';
const DEVICE_VECTOR_ID = 'devver-rand-001';
const SECRET_VECTOR_ID = 'sechash-rand-001';

const vectors = JSON.parse(readFileSync(VECTOR_FILE, 'utf8')).vectors;
const pick = (id, kind) => vectors.find((v) => v.id === id) ?? vectors.find((v) => v.kind === kind);

export const srpVector = pick(VECTOR_ID, 'srp');
export const deviceVector = pick(DEVICE_VECTOR_ID, 'device_verifier');
export const secretVector = pick(SECRET_VECTOR_ID, 'secret_hash');

/** An SRP vector's input in the shape every adapter uses. */
export function srpInput(vector) {
  const I = vector.input;
  return {
    smallA: I.smallA,
    B: I.B,
    salt: I.salt,
    secretBlock: I.secretBlock,
    poolId: I.poolId,
    poolName: I.poolId.split('_')[1],
    userIdForSrp: I.userIdForSrp,
    username: I.username,
    password: I.password,
    timestamp: I.timestamp,
    now: new Date(I.timestampEpochMs),
    challengeParameters: {
      SALT: I.salt,
      SRP_B: I.B,
      SECRET_BLOCK: I.secretBlock,
      USER_ID_FOR_SRP: I.userIdForSrp,
      USERNAME: I.username,
    },
  };
}

export const input = srpInput(srpVector);
export const challengeParameters = input.challengeParameters;
export const expected = {
  srpA: srpVector.expected.A,
  signature: srpVector.expected.signature,
  verifier: deviceVector.expected.PasswordVerifier,
  verifierSalt: deviceVector.expected.Salt,
  secretHash: secretVector.expected.secretHash,
};
export const device = {
  deviceGroupKey: deviceVector.input.deviceGroupKey,
  deviceKey: deviceVector.input.deviceKey,
  randomPassword: deviceVector.input.randomPassword,
  saltRandomHex: deviceVector.input.saltRandomHex,
};
export const secret = { ...secretVector.input };

export const hexToBytes = (hex) => Uint8Array.from(Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex'));

/** 128 bytes of `a` (1024-bit), 40 of a device password, 16 of a device salt, as the vectors give them. */
export function randomFor(smallA) {
  const fixed = new Map([
    [128, hexToBytes(smallA.padStart(256, '0'))],
    [40, Uint8Array.from(Buffer.from(device.randomPassword, 'base64'))],
    [16, hexToBytes(device.saltRandomHex)],
  ]);
  if (fixed.get(128).length !== 128) throw new Error('vector a is longer than 128 bytes');
  return (length) => {
    const bytes = fixed.get(length);
    if (bytes === undefined) throw new Error(`no fixed random bytes of length ${length}`);
    return bytes.slice();
  };
}
/** The fixed input's random bytes (a copy on each call). */
export const fixedBytes = randomFor(input.smallA);

/**
 * The 256-bit private value used for the short-exponent rows: the first 32 bytes of the vector's a (its top byte
 * is non-zero, so it is a full 256-bit value). cognito-kit draws exactly 32 bytes with privateValueBits: 256.
 */
export const shortA = fixedBytes(128).slice(0, 32);
export const shortRandom = (length) => {
  if (length !== 32) throw new Error(`short a: asked for ${length} bytes, not 32`);
  return shortA.slice();
};

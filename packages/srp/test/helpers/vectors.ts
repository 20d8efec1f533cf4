// Every vector file the suite runs: the repo's copy of the shared public set, the vectors generated from reference
// clients (test-vectors/vectors.json) and any vectors-*.json in ../shared/vectors next to the repo, each id once.
// They arrive as the module 'cognito-kit:workerd-vectors', built at bundle time by loadVectors() in
// scripts/runtimes/vectors.mjs: vitest.config.ts serves it in Node and edge-runtime, and the bundle runners
// (workerd, Deno, Bun, Chromium) embed it, so this file reads no file system and runs everywhere.
import vectorData from 'cognito-kit:workerd-vectors';
import type { PasswordVerifierInput } from '../../src/index.js';
import { fromHex } from './bytes.js';

export interface Vector {
  id: string;
  kind: 'srp' | 'device_srp' | 'device_verifier' | 'secret_hash' | 'timestamp' | 'padhex' | 'invalid_srp';
  description: string;
  tags: string[];
  input: Record<string, string | number | undefined>;
  expected: Record<string, string>;
  /** The file the vector came from, relative to the repo root. */
  file: string;
}

/** All vectors, each id once (the repo copy of the public set wins over ../shared's identical one). */
export function loadVectors(): Vector[] {
  return vectorData.vectors as unknown as Vector[];
}

export function hexBytes(hex: string): Uint8Array {
  return fromHex(hex);
}

/** A randomBytes that hands out the given chunks in order and fails on any other request. */
export function scriptedRandom(...chunks: Uint8Array[]): (length: number) => Uint8Array {
  return (length) => {
    const next = chunks.shift();
    if (next === undefined || next.length !== length) {
      throw new Error(`unexpected randomBytes(${length}); next scripted chunk has ${next?.length ?? 'no'} bytes`);
    }
    return next;
  };
}

/** The vector's a as a session draws it: 128 bytes, its leading zero bytes restored. */
export function privateBytesOf(v: Vector): Uint8Array {
  return hexBytes(String(v.input.smallA).padStart(256, '0'));
}

/** respondToPasswordVerifier's input for an srp vector: its pool, password, challenge and clock. */
export function passwordVerifierInputOf(v: Vector): PasswordVerifierInput {
  const i = v.input;
  return {
    userPoolId: String(i.poolId),
    password: String(i.password),
    challengeParameters: {
      SALT: String(i.salt),
      SRP_B: String(i.B),
      SECRET_BLOCK: String(i.secretBlock),
      USER_ID_FOR_SRP: String(i.userIdForSrp),
      USERNAME: String(i.username),
    },
    now: new Date(Number(i.timestampEpochMs)),
  };
}

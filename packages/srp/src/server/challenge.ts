/**
 * The server side of Cognito's SRP, generic over users and devices: answer SRP_A with SRP_B and a SECRET_BLOCK,
 * then check a password claim. What is secret (b, the verifier, the derived key) stays in a module-private WeakMap.
 *
 * @module
 */
import { SrpError } from '../errors.js';
import { N, g, k } from '../group.js';
import { bytesToBase64, bytesToBigint, parseUnsignedHex, utf8 } from '../encoding.js';
import type { SrpEngine } from '../engine.js';
import { drawRandomBytes, type RandomSource } from '../random.js';
import { secretHash } from '../secret-hash.js';
import { computeU, deriveKey, signPasswordClaim } from '../steps.js';
import { MAX_SRP_PUBLIC_VALUE_DIGITS, assertMaxLength } from '../limits.js';
import { parseTimestamp, timeOf } from '../timestamp.js';

/** Bytes of the server's private value b. */
const SERVER_PRIVATE_BYTES = 128;
/** Bytes of the opaque SECRET_BLOCK (Cognito's real ones are larger and encrypted; clients treat it as opaque). */
const SECRET_BLOCK_BYTES = 96;
/**
 * Default TIMESTAMP window, either side of the server's clock.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_SKEW_MS, verifyPasswordClaim } from '@cognito-kit/srp/server';
 * verifyPasswordClaim(challenge, answer, { maxSkewMs: DEFAULT_MAX_SKEW_MS / 5 }); // a one-minute window
 * ```
 */
export const DEFAULT_MAX_SKEW_MS = 5 * 60 * 1000;

/** A challenge issued by the server half. Only what is sent to the client is visible. */
export interface ServerChallenge {
  readonly challengeName: 'PASSWORD_VERIFIER' | 'DEVICE_PASSWORD_VERIFIER';
  /** ChallengeParameters to return to the client. */
  readonly challengeParameters: Readonly<Record<string, string>>;
}

/** Options of the claim checks. */
export interface VerifyOptions {
  /**
   * The server's clock; `new Date()` by default. A TIMESTAMP further than `maxSkewMs` from it (a client clock that
   * is off, or a replayed answer) makes the check return `false`, as Cognito answers NotAuthorizedException.
   */
  now?: Date;
  /** How far TIMESTAMP may be from `now`, in milliseconds; 5 minutes by default. */
  maxSkewMs?: number;
  /** With `clientSecret`: the claim must carry SECRET_HASH over its USERNAME. */
  clientId?: string;
  clientSecret?: string;
}

interface ChallengeSecrets {
  readonly key: Uint8Array;
  readonly prefix: string;
  readonly userId: string;
  readonly secretBlock: string;
  /** USERNAME values the server accepts in the answer. */
  readonly usernames: readonly string[];
  readonly deviceKey: string | undefined;
}

const secrets = new WeakMap<ServerChallenge, ChallengeSecrets>();

/** Internal: issue a challenge for a stored salt and verifier. */
export function issueChallenge(input: {
  challengeName: ServerChallenge['challengeName'];
  prefix: string;
  userId: string;
  /** SALT as it is sent: the client reads it as a number and re-pads it. */
  salt: string;
  verifier: bigint;
  srpA: string;
  usernames: readonly string[];
  deviceKey: string | undefined;
  parameters: (values: { SALT: string; SRP_B: string; SECRET_BLOCK: string }) => Record<string, string>;
  random: RandomSource | undefined;
  engine: SrpEngine;
}): ServerChallenge {
  assertMaxLength(input.srpA, MAX_SRP_PUBLIC_VALUE_DIGITS, 'SRP_A', 'digits');
  const A = parseUnsignedHex(input.srpA, 'SRP_A');
  if (A % N === 0n) throw new SrpError('INVALID_SRP_A', 'SRP_A is 0 mod N', 'SRP_A');
  const v = input.verifier % N;
  const { engine } = input;
  let b: bigint;
  let B: bigint;
  do {
    b = bytesToBigint(drawRandomBytes(input.random, SERVER_PRIVATE_BYTES));
    B = (k * v + engine.powModN(g, b)) % N;
  } while (b === 0n || B === 0n);
  const u = computeU(A, B);
  // S = (A · v^u)^b mod N: the client's S, computed without the password.
  const S = engine.powModN((A * engine.powModN(v, u)) % N, b);
  const SECRET_BLOCK = bytesToBase64(drawRandomBytes(input.random, SECRET_BLOCK_BYTES));
  const challenge: ServerChallenge = Object.freeze({
    challengeName: input.challengeName,
    challengeParameters: Object.freeze(
      input.parameters({ SALT: input.salt, SRP_B: B.toString(16), SECRET_BLOCK }),
    ),
  });
  secrets.set(challenge, {
    key: deriveKey(S, u),
    prefix: input.prefix,
    userId: input.userId,
    secretBlock: SECRET_BLOCK,
    usernames: input.usernames,
    deviceKey: input.deviceKey,
  });
  return challenge;
}

/** Internal: check an answer to a challenge this module issued. */
export function checkClaim(
  challenge: ServerChallenge,
  responses: Record<string, string>,
  options: VerifyOptions | undefined,
  expectedName: ServerChallenge['challengeName'],
): boolean {
  const state = secrets.get(challenge);
  if (state === undefined || challenge.challengeName !== expectedName) {
    throw new SrpError('INVALID_ARGUMENT', `not a ${expectedName} challenge issued by the server half`, 'challenge');
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new SrpError('INVALID_ARGUMENT', 'options must be an object', 'options');
  }
  // Read through Date.prototype.getTime, as formatTimestamp reads its Date: a Date of another realm (a vm context, an
  // iframe) is accepted, an object that merely inherits from Date.prototype is not.
  const now = timeOf(options?.now ?? new Date());
  if (Number.isNaN(now)) throw new SrpError('INVALID_DATE', 'now must be a valid Date', 'now');
  const maxSkewMs = options?.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  if (typeof maxSkewMs !== 'number' || !(maxSkewMs >= 0)) {
    throw new SrpError('INVALID_ARGUMENT', 'maxSkewMs must be a non-negative number', 'maxSkewMs');
  }
  if (typeof responses !== 'object' || responses === null) return false;
  const { USERNAME, TIMESTAMP, PASSWORD_CLAIM_SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE } = responses;
  if (typeof USERNAME !== 'string' || !state.usernames.includes(USERNAME)) return false;
  if (state.deviceKey !== undefined && responses.DEVICE_KEY !== state.deviceKey) return false;
  if (PASSWORD_CLAIM_SECRET_BLOCK !== state.secretBlock) return false;
  if (typeof TIMESTAMP !== 'string' || typeof PASSWORD_CLAIM_SIGNATURE !== 'string') return false;
  // A signature is 44 characters of base64: anything longer is refused before it is encoded or compared.
  if (PASSWORD_CLAIM_SIGNATURE.length !== SIGNATURE_LENGTH) return false;
  const signedAt = parseTimestamp(TIMESTAMP);
  if (signedAt === undefined || Math.abs(now - signedAt.getTime()) > maxSkewMs) return false;
  if (options?.clientSecret !== undefined) {
    if (options.clientId === undefined) throw new SrpError('INVALID_ARGUMENT', 'clientSecret needs clientId', 'clientId');
    const expectedHash = secretHash(USERNAME, options.clientId, options.clientSecret);
    if (typeof responses.SECRET_HASH !== 'string' || !equalBytes(utf8(responses.SECRET_HASH), utf8(expectedHash))) return false;
  }
  const expected = signPasswordClaim(state.key, {
    prefix: state.prefix,
    userId: state.userId,
    secretBlock: state.secretBlock,
    timestamp: TIMESTAMP,
  });
  return equalBytes(utf8(PASSWORD_CLAIM_SIGNATURE), utf8(expected));
}

/** Characters of a PASSWORD_CLAIM_SIGNATURE: base64 of 32 bytes. */
const SIGNATURE_LENGTH = 44;

/** Compares without an early exit, so timing does not say how many leading bytes matched. */
function equalBytes(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

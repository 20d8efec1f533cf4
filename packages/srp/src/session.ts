/**
 * The client's SRP session: the private value `a` and the public A = g^a mod N.
 *
 * `a` lives in a module-private WeakMap, not on the object, so `JSON.stringify`, `console.log`/`util.inspect`,
 * spread, `Object.keys` and structured logging see only `srpA`. A session is a plain value otherwise: keep it across
 * an `await`, or serialize it on purpose with {@link exportSrpSession} for a stateless server.
 *
 * @module
 */
import { SrpError, assertObject, describeType } from './errors.js';
import { bytesToBigint } from './encoding.js';
import { drawRandomBytes, type RandomSource } from './random.js';
import { g } from './group.js';
import { engineOf, type SrpEngine } from './engine.js';

/** Bytes of `a` that Cognito clients draw: 1024 bits, read big-endian unsigned (no reduction mod N is needed). */
export const PRIVATE_VALUE_BYTES = 128;

/**
 * Sizes of the private value `a` that {@link createSrpSession} draws.
 *
 * - `1024` (the default): what amazon-cognito-identity-js, Amplify and the AWS SDKs draw (128 bytes), so a session
 *   given the same random bytes sends the same SRP_A as they do.
 * - `256`: a short exponent. The group's 3072-bit N gives about 128 bits of security against the discrete log
 *   (NIST SP 800-57); Pollard's kangaroo finds an exponent of n bits in about 2^(n/2) steps, so `a` must have at
 *   least 256 bits to keep those 128 (RFC 5054 §2.5.4 and RFC 3526 §8 ask for twice the security strength, NIST
 *   SP 800-56A rev. 3 §5.6.1.1 the same for FFC keys). It halves the squarings of S and makes g^a four times
 *   cheaper: a whole login then fits in a Cloudflare Worker's 10 ms of CPU (measured by the project's benchmarks).
 */
export type PrivateValueBits = 1024 | 256;

/** Options of {@link createSrpSession}. */
export interface SrpSessionOptions extends RandomSource {
  /** Bits of the private value `a`: 1024 (default, as the reference clients) or 256 (short exponent). */
  privateValueBits?: PrivateValueBits;
  /**
   * Where the session's exponentiations run (A now, S when it answers): this package's pure one by default, or
   * `createNodeCryptoEngine()` of `@cognito-kit/srp/node-crypto`. Nothing sent changes.
   */
  engine?: SrpEngine;
}

/**
 * An SRP login in progress. Only `srpA` is visible; the private `a` stays inside this package.
 */
export interface SrpSession {
  /** SRP_A to send: the minimal lower-case hex of A, exactly what amazon-cognito-identity-js sends. */
  readonly srpA: string;
}

interface SessionSecrets {
  readonly a: bigint;
  readonly A: bigint;
  readonly engine: SrpEngine;
  /** Set when the session has answered a challenge: an ephemeral `a` must never answer two. */
  used: boolean;
}

const secrets = new WeakMap<SrpSession, SessionSecrets>();

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

// JSON.stringify writes the one own property, srpA: the secrets live in the WeakMap above, never on the object.
class Session implements SrpSession {
  readonly srpA: string;

  constructor(srpA: string) {
    this.srpA = srpA;
    Object.freeze(this);
  }

  toString(): string {
    return `SrpSession { srpA: '${this.srpA.slice(0, 16)}…' }`;
  }

  /** What Node's `util.inspect` and `console.log` print. */
  [INSPECT](): string {
    return this.toString();
  }
}

function sessionFromPrivateValue(a: bigint, options: { engine?: SrpEngine } | undefined): SrpSession {
  const engine = engineOf(options);
  // A = g^a (computeA's checks hold already: a is a positive bigint)
  const A = engine.powModN(g, a);
  const session = new Session(A.toString(16));
  secrets.set(session, { a, A, engine, used: false });
  return session;
}

/**
 * Starts an SRP login: draws the private value `a` (128 random bytes by default, as the reference clients do; 32
 * with `privateValueBits: 256`) and computes A = g^a mod N. A session answers one challenge.
 *
 * @param options - `randomBytes` to inject randomness (Web Crypto by default); `privateValueBits` (1024 or 256);
 *   `engine` for the exponentiations
 * @returns a session whose `srpA` goes into AuthParameters.SRP_A
 * @throws {SrpError} `RANDOM_UNAVAILABLE` without Web Crypto or a source; `INVALID_RANDOM_BYTES` when the source
 *   returns a wrong length or only zero bytes; `INVALID_ARGUMENT` for another `privateValueBits` or an engine
 *   without `powModN`
 * @example
 * ```ts
 * import { createSrpSession } from '@cognito-kit/srp';
 * const session = createSrpSession();
 * const AuthParameters = { USERNAME: 'alice', SRP_A: session.srpA };
 * // on an edge runtime with a tight CPU budget: a 256-bit private value (see PrivateValueBits)
 * const quick = createSrpSession({ privateValueBits: 256 });
 * ```
 */
export function createSrpSession(options?: SrpSessionOptions): SrpSession {
  if (options !== undefined) assertObject(options, 'options');
  const a = bytesToBigint(drawRandomBytes(options, privateValueBytes(options?.privateValueBits)));
  if (a === 0n) {
    throw new SrpError('INVALID_RANDOM_BYTES', 'the random source returned only zero bytes', 'randomBytes');
  }
  return sessionFromPrivateValue(a, options);
}

function privateValueBytes(bits: unknown): number {
  if (bits === undefined || bits === 1024) return PRIVATE_VALUE_BYTES;
  if (bits === 256) return 32;
  throw new SrpError('INVALID_ARGUMENT', `privateValueBits must be 1024 or 256, got ${describeType(bits)}`, 'privateValueBits');
}

/**
 * Whether `value` is a session made by {@link createSrpSession} or {@link importSrpSession} (in this copy of the
 * package). A JSON copy of a session is not: it has no private value.
 *
 * @example
 * ```ts
 * import { createSrpSession, isSrpSession } from '@cognito-kit/srp';
 * isSrpSession(createSrpSession()); // true
 * isSrpSession({ srpA: 'ab' });     // false
 * ```
 */
export function isSrpSession(value: unknown): value is SrpSession {
  return typeof value === 'object' && value !== null && secrets.has(value as SrpSession);
}

/**
 * Checks that `session` can still answer a challenge (internal).
 *
 * @throws {SrpError} `INVALID_SESSION` when it is not a session of this package; `SESSION_ALREADY_USED` when it
 *   has answered already
 */
export function assertUnusedSession(session: SrpSession): SessionSecrets {
  const found = sessionSecrets(session);
  if (found.used) {
    // An ephemeral a must never answer two challenges.
    throw new SrpError('SESSION_ALREADY_USED', 'this SRP session has answered a challenge already: start each login with a new createSrpSession', 'session');
  }
  return found;
}

/**
 * The secrets of a session, for answering its one challenge (internal): marks the session used.
 *
 * @throws {SrpError} as {@link assertUnusedSession}
 */
export function claimSessionSecrets(session: SrpSession): { a: bigint; A: bigint; engine: SrpEngine } {
  const found = assertUnusedSession(session);
  found.used = true;
  return found;
}

/** The secrets of a session made by this package (internal). */
function sessionSecrets(session: SrpSession): SessionSecrets {
  const found = typeof session === 'object' && session !== null ? secrets.get(session) : undefined;
  if (found === undefined) {
    throw new SrpError('INVALID_SESSION', 'not a session from createSrpSession or importSrpSession (a JSON copy is not one)', 'session');
  }
  return found;
}

const EXPORT_PREFIX = 'cognito-kit.srp-session.v1.';

/**
 * Serializes a session, private value included, for a stateless server that must answer PASSWORD_VERIFIER in
 * another request. **The result is secret material**: with it and the login's SRP_B, SALT and signature, anyone
 * can test password guesses offline. Encrypt it (or keep it server-side), bind it to the login, and let it expire
 * with the challenge (Cognito allows a few seconds).
 *
 * @returns an opaque string, `cognito-kit.srp-session.v1.` followed by 256 hex digits
 * @throws {SrpError} `INVALID_SESSION` when `session` was not made by this package; `SESSION_ALREADY_USED` when it
 *   has answered a challenge (an export would let it answer another)
 * @example
 * ```ts
 * import { createSrpSession, exportSrpSession, importSrpSession } from '@cognito-kit/srp';
 * const sealed = await encrypt(exportSrpSession(createSrpSession())); // your own AEAD
 * // ... next request ...
 * const session = importSrpSession(await decrypt(sealed));
 * ```
 */
export function exportSrpSession(session: SrpSession): string {
  const { a } = assertUnusedSession(session);
  return EXPORT_PREFIX + a.toString(16).padStart(PRIVATE_VALUE_BYTES * 2, '0');
}

const EXPORTED = /^cognito-kit\.srp-session\.v1\.([0-9a-f]{256})$/;

/**
 * Restores a session written by {@link exportSrpSession} (A is recomputed from `a`, not trusted). An engine is not
 * exported with it: name it again in `options`.
 *
 * @throws {SrpError} `INVALID_SESSION` when the text is not an exported session; `INVALID_ARGUMENT` for an engine
 *   without `powModN`
 * @example
 * ```ts
 * import { importSrpSession } from '@cognito-kit/srp';
 * const session = importSrpSession(exported);
 * ```
 */
export function importSrpSession(exported: string, options?: { engine?: SrpEngine }): SrpSession {
  const match = typeof exported === 'string' ? EXPORTED.exec(exported) : null;
  const a = match === null ? 0n : BigInt('0x' + match[1]!);
  if (a === 0n) throw new SrpError('INVALID_SESSION', 'not an exported SRP session', 'session');
  return sessionFromPrivateValue(a, options);
}

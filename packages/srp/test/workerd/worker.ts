// Runs the SRP core inside Cloudflare's workerd WITHOUT nodejs_compat (no Buffer, no process, no node:* modules).
// Bundled by scripts/test-workerd.mjs, which also generates the 'cognito-kit:workerd-vectors' module and counts the
// lines this file logs:
//   CASE PASS <group>/<name>
//   CASE FAIL <group>/<name>: <reason>
//   GROUP <group> passed=<n> failed=<m>
// Each exported entrypoint is one workerd test; it throws at the end when one of its cases failed.
import vectorData from 'cognito-kit:workerd-vectors';
import {
  SrpError,
  computeA,
  computeS,
  computeU,
  computeVerifier,
  computeX,
  createDeviceVerifier,
  createSrpSession,
  deriveKey,
  exportSrpSession,
  formatTimestamp,
  hashIdentity,
  importSrpSession,
  padHex,
  parseTimestamp,
  parseUnsignedHex,
  poolNameOf,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  secretHash,
  secretHasher,
  signPasswordClaim,
  type SrpSession,
} from '../../src/index.js';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyDevicePasswordClaim,
  verifyPasswordClaim,
} from '../../src/server/index.js';

type Vector = (typeof vectorData.vectors)[number];

// ---------------------------------------------------------------------------------------------------------------
// A tiny harness.

interface Case {
  name: string;
  run: () => void | Promise<void>;
  /** The runtimes the case applies to (default: all); elsewhere it logs `CASE SKIP <group>/<name>: ...` instead. */
  runtimes?: readonly string[];
}

/** A failed expectation inside a case (as opposed to an unexpected exception). */
class Mismatch extends Error {}

function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 72 ? `${text.slice(0, 60)}…(${text.length} chars)` : text;
}

/** Collects every mismatch of a case, so one FAIL line names all the fields that differ. */
class Checks {
  private readonly problems: string[] = [];

  eq(field: string, actual: unknown, expected: unknown): void {
    if (actual !== expected) this.problems.push(`${field}: got ${show(actual)}, want ${show(expected)}`);
  }

  ok(field: string, condition: boolean, detail = 'expected true'): void {
    if (!condition) this.problems.push(`${field}: ${detail}`);
  }

  done(): void {
    if (this.problems.length > 0) throw new Mismatch(this.problems.join('; '));
  }
}

function describeError(error: unknown): string {
  if (error instanceof Mismatch) return error.message;
  if (error instanceof SrpError) return `unexpected SrpError ${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `thrown non-error ${show(error)}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const caseName = (text: string) => text.replace(/\s+/g, '_');

async function runGroup(group: string, cases: Case[], runtime: string): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    const name = `${group}/${caseName(c.name)}`;
    if (c.runtimes !== undefined && !c.runtimes.includes(runtime)) {
      console.log(`CASE SKIP ${name}: not applicable in ${runtime}`);
      continue;
    }
    try {
      await c.run();
      passed++;
      console.log(`CASE PASS ${name}`);
    } catch (error) {
      failed++;
      console.log(`CASE FAIL ${name}: ${oneLine(describeError(error))}`);
    }
  }
  console.log(`GROUP ${group} passed=${passed} failed=${failed}`);
  if (failed > 0) throw new Error(`${failed} of ${cases.length} ${group} cases failed`);
  if (passed + failed === 0) throw new Error(`${group} ran no case`);
}

// ---------------------------------------------------------------------------------------------------------------
// Encodings written here, on purpose without Buffer.

function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Mismatch(`vector hex is malformed: ${show(hex)}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A randomBytes that hands out the given chunks in order and refuses any other request. */
function scriptedRandom(...chunks: Uint8Array[]): (length: number) => Uint8Array {
  const queue = [...chunks];
  return (length) => {
    const next = queue.shift();
    if (next === undefined || next.length !== length) {
      throw new Mismatch(`unexpected randomBytes(${length}); next scripted chunk has ${next?.length ?? 'no'} bytes`);
    }
    return next.slice();
  };
}

// Vector fields, checked so that a schema change fails loudly instead of testing `undefined`.
function str(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (typeof value !== 'string') throw new Mismatch(`vector field ${field} is ${show(value)}, not a string`);
  return value;
}

function num(record: Record<string, unknown>, field: string): number {
  const value = record[field];
  if (typeof value !== 'number') throw new Mismatch(`vector field ${field} is ${show(value)}, not a number`);
  return value;
}

function sessionFromSmallA(smallA: string): SrpSession {
  return createSrpSession({ randomBytes: scriptedRandom(hexToBytes(smallA.padStart(256, '0'))) });
}

// ---------------------------------------------------------------------------------------------------------------
// Vector cases, one per vector.

/** srp and device_srp: the high-level answer, then every intermediate step. */
function checkSrpVector(v: Vector, device: boolean): void {
  const i = v.input;
  const e = v.expected;
  const c = new Checks();
  const smallA = str(i, 'smallA');
  const session = sessionFromSmallA(smallA);
  c.eq('srpA', session.srpA, e.A);
  const now = new Date(num(i, 'timestampEpochMs'));
  const secretBlock = str(i, 'secretBlock');
  const timestamp = str(i, 'timestamp');

  let prefix: string;
  let userId: string;
  let password: string;
  if (device) {
    prefix = str(i, 'deviceGroupKey');
    userId = str(i, 'deviceKey');
    password = str(i, 'devicePassword');
    const username = typeof i.username === 'string' ? i.username : 'user';
    const answer = respondToDevicePasswordVerifier(session, {
      deviceGroupKey: prefix,
      deviceKey: userId,
      devicePassword: password,
      challengeParameters: { SALT: str(i, 'salt'), SRP_B: str(i, 'B'), SECRET_BLOCK: secretBlock, USERNAME: username },
      now,
    });
    c.eq('PASSWORD_CLAIM_SIGNATURE', answer.PASSWORD_CLAIM_SIGNATURE, e.signature);
    c.eq('TIMESTAMP', answer.TIMESTAMP, timestamp);
    c.eq('USERNAME', answer.USERNAME, username);
    c.eq('DEVICE_KEY', answer.DEVICE_KEY, userId);
    c.eq('PASSWORD_CLAIM_SECRET_BLOCK', answer.PASSWORD_CLAIM_SECRET_BLOCK, secretBlock);
  } else {
    const poolId = str(i, 'poolId');
    prefix = poolNameOf(poolId);
    userId = str(i, 'userIdForSrp');
    password = str(i, 'password');
    if (e.poolName !== undefined) c.eq('poolName', prefix, e.poolName);
    const answer = respondToPasswordVerifier(session, {
      userPoolId: poolId,
      password,
      challengeParameters: {
        SALT: str(i, 'salt'),
        SRP_B: str(i, 'B'),
        SECRET_BLOCK: secretBlock,
        USER_ID_FOR_SRP: userId,
        USERNAME: str(i, 'username'),
      },
      now,
    });
    c.eq('PASSWORD_CLAIM_SIGNATURE', answer.PASSWORD_CLAIM_SIGNATURE, e.signature);
    c.eq('TIMESTAMP', answer.TIMESTAMP, timestamp);
    c.eq('USERNAME', answer.USERNAME, userId);
    c.eq('PASSWORD_CLAIM_SECRET_BLOCK', answer.PASSWORD_CLAIM_SECRET_BLOCK, secretBlock);
    c.ok('no extra members', Object.keys(answer).length === 4, `got ${Object.keys(answer).join(',')}`);
  }

  // The steps, each against its intermediate value.
  const a = BigInt('0x' + smallA);
  const A = computeA(a);
  c.eq('computeA', A.toString(16), e.A);
  const B = parseUnsignedHex(str(i, 'B'), 'SRP_B');
  const salt = parseUnsignedHex(str(i, 'salt'), 'SALT', 'INVALID_SALT');
  c.eq('padHexA', padHex(A), e.padHexA);
  c.eq('padHexB', padHex(B), e.padHexB);
  c.eq('padHexSalt', padHex(salt), e.padHexSalt);
  const identity = hashIdentity(prefix, userId, password);
  c.eq('identityHash', bytesToHex(identity), e.identityHash);
  const u = computeU(A, B);
  c.eq('u', u.toString(16), e.u);
  c.eq('padHexU', padHex(u), e.padHexU);
  const x = computeX(salt, identity);
  c.eq('x', x.toString(16), e.x);
  const S = computeS({ a, B, x, u });
  c.eq('S', S.toString(16), e.S);
  c.eq('padHexS', padHex(S), e.padHexS);
  const key = deriveKey(S, u);
  c.eq('hkdf', bytesToHex(key), e.hkdf);
  c.eq('signPasswordClaim', signPasswordClaim(key, { prefix, userId, secretBlock, timestamp }), e.signature);
  c.done();
}

function checkDeviceVerifierVector(v: Vector): void {
  const i = v.input;
  const e = v.expected;
  const c = new Checks();
  const deviceGroupKey = str(i, 'deviceGroupKey');
  const deviceKey = str(i, 'deviceKey');
  const randomPassword = str(i, 'randomPassword');
  const saltRandom = hexToBytes(str(i, 'saltRandomHex'));
  const result = createDeviceVerifier({
    deviceGroupKey,
    deviceKey,
    randomBytes: scriptedRandom(base64ToBytes(randomPassword), saltRandom),
  });
  c.eq('devicePassword', result.devicePassword, randomPassword);
  c.eq('Salt', result.DeviceSecretVerifierConfig.Salt, e.Salt);
  c.eq('PasswordVerifier', result.DeviceSecretVerifierConfig.PasswordVerifier, e.PasswordVerifier);
  // The steps behind it.
  const salt = BigInt('0x' + bytesToHex(saltRandom));
  c.eq('saltHex', padHex(salt), e.saltHex);
  const identity = hashIdentity(deviceGroupKey, deviceKey, randomPassword);
  c.eq('identityHash', bytesToHex(identity), e.identityHash);
  const x = computeX(salt, identity);
  c.eq('x', x.toString(16), e.x);
  c.eq('verifierHex', padHex(computeVerifier(x)), e.verifierHex);
  c.done();
}

function checkSecretHashVector(v: Vector): void {
  const c = new Checks();
  const username = str(v.input, 'username');
  const clientId = str(v.input, 'clientId');
  const clientSecret = str(v.input, 'clientSecret');
  c.eq('secretHash', secretHash(username, clientId, clientSecret), v.expected.secretHash);
  c.eq('secretHasher', secretHasher(clientId, clientSecret)(username), v.expected.secretHash);
  c.done();
}

function checkTimestampVector(v: Vector): void {
  const c = new Checks();
  const epochMs = num(v.input, 'epochMs');
  const expected = v.expected.timestamp;
  c.eq('formatTimestamp', formatTimestamp(new Date(epochMs)), expected);
  const year = new Date(epochMs).getUTCFullYear();
  if (typeof expected === 'string' && year >= 1000 && year <= 9999) {
    c.eq('parseTimestamp', parseTimestamp(expected)?.getTime(), Math.floor(epochMs / 1000) * 1000);
  }
  c.done();
}

function checkPadHexVector(v: Vector): void {
  const c = new Checks();
  const text = str(v.input, 'hex');
  const value = text.startsWith('-') ? -BigInt('0x' + text.slice(1)) : BigInt('0x' + text);
  c.eq('padHex', padHex(value), v.expected.padHex);
  c.done();
}

/** invalid_srp: the answer must be refused with an SrpError carrying a code (for `reject: may`, accepting is allowed). */
function checkInvalidVector(v: Vector): void {
  const i = v.input;
  const raw = (field: string) => i[field] as string;
  const smallA = str(i, 'smallA');
  const aBytes = hexToBytes(smallA.padStart(256, '0'));
  let outcome: unknown;
  try {
    const session = createSrpSession({ randomBytes: scriptedRandom(aBytes) });
    const now = new Date(i.timestampEpochMs as number);
    outcome =
      i.deviceGroupKey !== undefined
        ? respondToDevicePasswordVerifier(session, {
            deviceGroupKey: raw('deviceGroupKey'),
            deviceKey: raw('deviceKey'),
            devicePassword: raw('devicePassword'),
            challengeParameters: {
              SALT: raw('salt'),
              SRP_B: raw('B'),
              SECRET_BLOCK: raw('secretBlock'),
              USERNAME: typeof i.username === 'string' ? i.username : 'user',
            },
            now,
          })
        : respondToPasswordVerifier(session, {
            userPoolId: raw('poolId'),
            password: raw('password'),
            challengeParameters: {
              SALT: raw('salt'),
              SRP_B: raw('B'),
              SECRET_BLOCK: raw('secretBlock'),
              USER_ID_FOR_SRP: raw('userIdForSrp'),
              USERNAME: raw('username'),
            },
            now,
          });
  } catch (error) {
    if (error instanceof Mismatch) throw error;
    if (!(error instanceof SrpError)) throw new Mismatch(`threw a non-SrpError: ${describeError(error)}`);
    if (typeof error.code !== 'string' || error.code.length === 0) throw new Mismatch('SrpError without a code');
    if (!(error instanceof Error) || error.name !== 'SrpError') throw new Mismatch(`SrpError named ${show(error.name)}`);
    return;
  }
  const reject = typeof v.expected.reject === 'string' ? v.expected.reject : '?';
  // "may": implementation-defined (the official libraries accept it), so accepting is no failure.
  if (reject === 'may') return;
  throw new Mismatch(`accepted (reject: ${reject}; ${String(v.expected.reason)}): returned ${show(outcome)}`);
}

const VECTOR_CHECKS: Record<string, (v: Vector) => void> = {
  srp: (v) => checkSrpVector(v, false),
  device_srp: (v) => checkSrpVector(v, true),
  device_verifier: checkDeviceVerifierVector,
  secret_hash: checkSecretHashVector,
  timestamp: checkTimestampVector,
  padhex: checkPadHexVector,
  invalid_srp: checkInvalidVector,
};

function vectorCases(kinds: (v: Vector) => boolean): Case[] {
  return vectorData.vectors.filter(kinds).map((v) => ({
    name: `${v.kind}:${v.id}`,
    run: () => {
      const check = VECTOR_CHECKS[v.kind];
      if (check === undefined) throw new Mismatch(`unknown vector kind ${show(v.kind)} (from ${v.file})`);
      check(v);
    },
  }));
}

const OTHER_KINDS = (v: Vector) => !['srp', 'device_srp', 'device_verifier'].includes(v.kind);

// ---------------------------------------------------------------------------------------------------------------
// Cases that need no vector: the runtime itself, default randomness and both server-half round trips.

const POOL_ID = 'eu-west-2_eYpv1mFHB';
const NOW = () => new Date();

/** A global looked up by name: `typeof require` in source would be rewritten by esbuild to its own shim. */
const globalNamed = (name: string): unknown => (globalThis as Record<string, unknown>)[name];

/** Where none of Node's globals exist. Deno 2 and Bun define process, Buffer, global and setImmediate on purpose. */
const WITHOUT_NODE_GLOBALS = ['workerd', 'chromium'];
const NODE_GLOBALS_IN_DENO_AND_BUN = ['process', 'Buffer', 'global', 'setImmediate'];

const runtimeCases: Case[] = [
  // Without nodejs_compat none of Node's globals exist; with it, Buffer and process do.
  ...['process', 'Buffer', 'require', 'module', '__dirname', 'global', 'setImmediate'].map((name) => ({
    name: `runtime:no-${name}`,
    ...(NODE_GLOBALS_IN_DENO_AND_BUN.includes(name) ? { runtimes: WITHOUT_NODE_GLOBALS } : {}),
    run: () => {
      const value = globalNamed(name);
      if (value !== undefined || name in globalThis) {
        throw new Mismatch(`globalThis.${name} is ${typeof value}: is nodejs_compat on?`);
      }
    },
  })),
  {
    name: 'runtime:typeof-process-and-Buffer',
    runtimes: WITHOUT_NODE_GLOBALS,
    run: () => {
      if (typeof process !== 'undefined' || typeof Buffer !== 'undefined') {
        throw new Mismatch(`typeof process is ${typeof process}, typeof Buffer is ${typeof Buffer}`);
      }
    },
  },
  {
    name: 'runtime:is-workerd',
    runtimes: ['workerd'],
    run: () => {
      const agent = (globalNamed('navigator') as { userAgent?: unknown } | undefined)?.userAgent;
      if (agent !== 'Cloudflare-Workers') throw new Mismatch(`navigator.userAgent is ${show(agent)}`);
    },
  },
  {
    name: 'runtime:web-crypto',
    run: () => {
      const webCrypto = globalNamed('crypto') as { getRandomValues?: unknown } | undefined;
      if (typeof webCrypto?.getRandomValues !== 'function') throw new Mismatch('no crypto.getRandomValues');
    },
  },
];

const apiCases: Case[] = [
  {
    name: 'session:default-web-crypto-randomness',
    run: () => {
      const c = new Checks();
      const first = createSrpSession();
      const second = createSrpSession();
      c.ok('srpA is lower-case hex', /^[0-9a-f]+$/.test(first.srpA), show(first.srpA));
      c.ok('A > 1', BigInt('0x' + first.srpA) > 1n);
      c.ok('two sessions differ', first.srpA !== second.srpA);
      c.eq('JSON.stringify(session)', JSON.stringify(first), JSON.stringify({ srpA: first.srpA }));
      c.eq('Object.keys(session)', Object.keys(first).join(','), 'srpA');
      c.eq('spread', JSON.stringify({ ...first }), JSON.stringify({ srpA: first.srpA }));
      const exported = exportSrpSession(first);
      const privateHex = exported.slice(exported.lastIndexOf('.') + 1);
      c.ok('String(session) hides a', !String(first).includes(privateHex));
      c.done();
    },
  },
  {
    name: 'session:export-import-round-trip',
    run: () => {
      const c = new Checks();
      const session = createSrpSession();
      const restored = importSrpSession(exportSrpSession(session));
      c.eq('srpA', restored.srpA, session.srpA);
      c.done();
    },
  },
  {
    name: 'errors:json-copy-is-not-a-session',
    run: () => {
      const copy = JSON.parse(JSON.stringify(createSrpSession())) as SrpSession;
      try {
        respondToPasswordVerifier(copy, {
          userPoolId: POOL_ID,
          password: 'pw',
          challengeParameters: { SALT: 'ab', SRP_B: 'cd', SECRET_BLOCK: 'AAAA', USER_ID_FOR_SRP: 'alice' },
        });
      } catch (error) {
        if (error instanceof SrpError && error.code === 'INVALID_SESSION' && error instanceof Error) return;
        throw new Mismatch(`expected SrpError INVALID_SESSION, got ${describeError(error)}`);
      }
      throw new Mismatch('a JSON copy of a session was accepted');
    },
  },
  {
    name: 'server:password-round-trip',
    run: () => {
      const c = new Checks();
      const user = { userPoolId: POOL_ID, userIdForSrp: 'alice', username: 'alice@example.com', password: 'correct horse ✓' };
      const stored = createUserVerifier(user);
      c.ok('salt is 32 hex digits', /^[0-9a-f]{32}$/.test(stored.salt), show(stored.salt));
      const session = createSrpSession();
      const challenge = createServerChallenge({ ...user, ...stored }, session.srpA);
      c.eq('challengeName', challenge.challengeName, 'PASSWORD_VERIFIER');
      const params = challenge.challengeParameters;
      const answer = respondToPasswordVerifier(session, {
        userPoolId: POOL_ID,
        password: user.password,
        challengeParameters: {
          SALT: params.SALT!,
          SRP_B: params.SRP_B!,
          SECRET_BLOCK: params.SECRET_BLOCK!,
          USER_ID_FOR_SRP: params.USER_ID_FOR_SRP!,
          USERNAME: params.USERNAME!,
        },
      });
      c.eq('USERNAME', answer.USERNAME, 'alice');
      c.eq('verifyPasswordClaim', verifyPasswordClaim(challenge, { ...answer }), true);
      c.eq('tampered signature', verifyPasswordClaim(challenge, { ...answer, PASSWORD_CLAIM_SIGNATURE: 'AAAA' + answer.PASSWORD_CLAIM_SIGNATURE.slice(4) }), false);
      c.eq(
        'stale timestamp',
        verifyPasswordClaim(challenge, { ...answer }, { now: new Date(NOW().getTime() + 60 * 60 * 1000) }),
        false,
      );
      c.done();
    },
  },
  {
    name: 'server:wrong-password-is-refused',
    run: () => {
      const user = { userPoolId: POOL_ID, userIdForSrp: 'bob', password: 'right' };
      const stored = createUserVerifier(user);
      const session = createSrpSession();
      const challenge = createServerChallenge({ ...user, ...stored }, session.srpA);
      const params = challenge.challengeParameters;
      const answer = respondToPasswordVerifier(session, {
        userPoolId: POOL_ID,
        password: 'wrong',
        challengeParameters: {
          SALT: params.SALT!,
          SRP_B: params.SRP_B!,
          SECRET_BLOCK: params.SECRET_BLOCK!,
          USER_ID_FOR_SRP: params.USER_ID_FOR_SRP!,
        },
      });
      if (verifyPasswordClaim(challenge, { ...answer }) !== false) throw new Mismatch('a wrong password was accepted');
    },
  },
  {
    name: 'server:secret-hash-round-trip',
    run: () => {
      const c = new Checks();
      const user = { userPoolId: POOL_ID, userIdForSrp: 'carol', password: 'pw' };
      const client = { clientId: '1example23456789', clientSecret: 'shhh-secret' };
      const session = createSrpSession();
      const challenge = createServerChallenge({ ...user, ...createUserVerifier(user) }, session.srpA);
      const params = challenge.challengeParameters;
      const answer = respondToPasswordVerifier(session, {
        userPoolId: POOL_ID,
        password: user.password,
        ...client,
        challengeParameters: {
          SALT: params.SALT!,
          SRP_B: params.SRP_B!,
          SECRET_BLOCK: params.SECRET_BLOCK!,
          USER_ID_FOR_SRP: params.USER_ID_FOR_SRP!,
        },
      });
      c.eq('SECRET_HASH', answer.SECRET_HASH, secretHash('carol', client.clientId, client.clientSecret));
      c.eq('verify with secret', verifyPasswordClaim(challenge, { ...answer }, client), true);
      c.eq('verify with another secret', verifyPasswordClaim(challenge, { ...answer }, { ...client, clientSecret: 'other' }), false);
      c.done();
    },
  },
  {
    name: 'server:device-round-trip',
    run: () => {
      const c = new Checks();
      const deviceGroupKey = '-GroupKey1';
      const deviceKey = 'eu-west-2_0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
      const username = 'alice';
      const registered = createDeviceVerifier({ deviceGroupKey, deviceKey });
      c.eq('devicePassword length', base64ToBytes(registered.devicePassword).length, 40);
      const challengeFor = (srpA: string) =>
        createDeviceServerChallenge(
          { deviceGroupKey, deviceKey, username, deviceSecretVerifierConfig: registered.DeviceSecretVerifierConfig },
          srpA,
        );
      const answerWith = (devicePassword: string) => {
        const session = createSrpSession();
        const challenge = challengeFor(session.srpA);
        const params = challenge.challengeParameters;
        c.eq('DEVICE_KEY parameter', params.DEVICE_KEY, deviceKey);
        const answer = respondToDevicePasswordVerifier(session, {
          deviceGroupKey,
          deviceKey,
          devicePassword,
          challengeParameters: {
            SALT: params.SALT!,
            SRP_B: params.SRP_B!,
            SECRET_BLOCK: params.SECRET_BLOCK!,
            USERNAME: params.USERNAME!,
            DEVICE_KEY: params.DEVICE_KEY!,
          },
        });
        return verifyDevicePasswordClaim(challenge, { ...answer });
      };
      c.eq('right device password', answerWith(registered.devicePassword), true);
      const wrong = createDeviceVerifier({ deviceGroupKey, deviceKey }).devicePassword;
      c.eq('wrong device password', answerWith(wrong), false);
      c.done();
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Entrypoints: workerd runs each `test` handler as one test ("main", "main:vectorsSrp", ...).

interface TestHandler {
  test(controller: unknown, env: unknown, ctx: unknown): Promise<void>;
}

/**
 * The runtime the handler runs in: workerd passes its bindings as `env` (this worker has none);
 * scripts/runtimes/run.mjs passes `{ runtime: 'deno' | 'bun' | 'chromium' }`.
 */
function runtimeOf(env: unknown): string {
  const runtime = (env as { runtime?: unknown } | null | undefined)?.runtime;
  return typeof runtime === 'string' ? runtime : 'workerd';
}

const handler = (group: string, cases: () => Case[]): TestHandler => ({
  test: (_controller, env) => runGroup(group, cases(), runtimeOf(env)),
});

export default handler('runtime', () => [...runtimeCases, ...apiCases]);
export const vectorsSrp = handler('srp', () => vectorCases((v) => v.kind === 'srp'));
export const vectorsDevice = handler('device', () => vectorCases((v) => v.kind === 'device_srp' || v.kind === 'device_verifier'));
export const vectorsOther = handler('other', () => vectorCases(OTHER_KINDS));

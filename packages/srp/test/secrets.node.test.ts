// No secret ever leaves through an error or a printed object: every error path of every public function, and
// toString / util.inspect / JSON.stringify / console formatting of every public object, run with known secrets
// (password, client secret, the private value a, x, S, the derived key K, the device password) placed in every
// input, and none of them may appear, in any encoding, in any output (message, stack, cause, inspect of the error,
// JSON of the error, own properties).
// By design two return values carry a secret and are excluded: exportSrpSession (it is `a`, documented as secret
// material) and createDeviceVerifier's `devicePassword` (the caller must store it).
import { formatWithOptions, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
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
  hashIdentity,
  importSrpSession,
  modPow,
  padHex,
  parseUnsignedHex,
  poolNameOf,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  secretHash,
  secretHasher,
  signPasswordClaim,
} from '../src/index.js';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyDevicePasswordClaim,
  verifyPasswordClaim,
} from '../src/server/index.js';

const PASSWORD = 'Secret-Passw0rd-§-NEVER-SHOWN';
const CLIENT_SECRET = 'client0secret0NEVER0SHOWN0123456789';
const DEVICE_PASSWORD_INPUT = 'device+password/NEVER+SHOWN==';
const aHex = 'a5'.repeat(128);
const a = BigInt('0x' + aHex);
const EXPORTED = 'cognito-kit.srp-session.v1.' + aHex;
const now = new Date('2026-11-26T08:00:00.000Z');
const user = { userPoolId: 'us-east-1_Secrets1', userIdForSrp: 'alice', password: PASSWORD };
const stored = createUserVerifier({ ...user, randomBytes: () => new Uint8Array(16).fill(0x11) });
const record = { ...user, ...stored };
const session = () => importSrpSession(EXPORTED);
const challenge = createServerChallenge(record, session().srpA, { randomBytes: (n) => new Uint8Array(n).fill(0x22) });
const parameters = { ...challenge.challengeParameters };

// The derived values of this login, computed through the steps.
const A = computeA(a);
const B = BigInt('0x' + parameters.SRP_B);
const u = computeU(A, B);
const x = computeX(BigInt('0x' + parameters.SALT), hashIdentity(poolNameOf(user.userPoolId), 'alice', PASSWORD));
const S = computeS({ a, B, x, u });
const K = deriveKey(S, u);

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const encodings = (name: string, value: string | bigint | Uint8Array): [string, string][] => {
  if (typeof value === 'string') return [[name, value]];
  if (typeof value === 'bigint') {
    const h = value.toString(16);
    return [
      [`${name} hex`, h.slice(0, 32)],
      [`${name} HEX`, h.slice(0, 32).toUpperCase()],
      [`${name} PAD`, padHex(value).slice(0, 32)],
      [`${name} decimal`, value.toString(10).slice(0, 32)],
      [`${name} base64`, Buffer.from(padHex(value), 'hex').toString('base64').slice(0, 24)],
    ];
  }
  return [
    [`${name} hex`, hex(value)],
    [`${name} base64`, Buffer.from(value).toString('base64').replace(/=+$/, '')],
    [`${name} bytes`, Array.from(value).join(',')],
    [`${name} inspect`, inspect(value).slice(12, 60)],
  ];
};
const SECRETS: [string, string][] = [
  ...encodings('password', PASSWORD),
  ...encodings('client secret', CLIENT_SECRET),
  ...encodings('device password', DEVICE_PASSWORD_INPUT),
  ...encodings('a', a),
  ...encodings('x', x),
  ...encodings('S', S),
  ...encodings('K', K),
  ...encodings('verifier', computeVerifier(x)), // v is the server's secret; it never travels to the client
];

/** Every text a caught error or a printed object can show. */
function outputsOf(value: unknown): string[] {
  const texts = [
    String(value),
    inspect(value, { showHidden: true, depth: Infinity, getters: true }),
    formatWithOptions({ colors: false }, '%o %O %s %j', value, value, value, value),
    safeJson(value),
  ];
  if (value instanceof Error) {
    texts.push(value.message, String(value.stack), inspect(value.cause, { showHidden: true, depth: Infinity }));
    texts.push(safeJson(Object.fromEntries(Object.getOwnPropertyNames(value).map((key) => [key, (value as unknown as Record<string, unknown>)[key]]))));
  }
  if (typeof value === 'object' && value !== null) {
    for (const key of Reflect.ownKeys(value)) texts.push(String(key), safeJson((value as Record<PropertyKey, unknown>)[key]));
  }
  return texts;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? '';
  } catch (error) {
    return `unserializable: ${String(error)}`;
  }
}

function expectNoSecret(label: string, value: unknown) {
  for (const text of outputsOf(value)) {
    for (const [name, secret] of SECRETS) {
      if (text.includes(secret)) throw new Error(`${label}: its output contains the ${name}`);
    }
  }
}

function caught(call: () => unknown): SrpError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(SrpError);
    return error as SrpError;
  }
  throw new Error('expected a throw');
}

const good = { userPoolId: user.userPoolId, password: PASSWORD, clientId: 'client1', clientSecret: CLIENT_SECRET, challengeParameters: parameters, now };
const deviceGood = {
  deviceGroupKey: 'group',
  deviceKey: 'us-east-1_0a0a',
  devicePassword: DEVICE_PASSWORD_INPUT,
  clientId: 'client1',
  clientSecret: CLIENT_SECRET,
  challengeParameters: { ...parameters, USERNAME: 'alice' },
  now,
};

/** One call per error path; secrets sit in every other input, and in the faulty input where it is a string. */
const ERROR_PATHS: [string, () => unknown][] = [
  ['user pool id is the password', () => respondToPasswordVerifier(session(), { ...good, userPoolId: PASSWORD })],
  ['user pool id is the client secret', () => respondToPasswordVerifier(session(), { ...good, userPoolId: CLIENT_SECRET })],
  ['missing SALT', () => respondToPasswordVerifier(session(), { ...good, challengeParameters: { ...parameters, SALT: undefined } as never })],
  ['SALT is the password', () => respondToPasswordVerifier(session(), { ...good, challengeParameters: { ...parameters, SALT: PASSWORD } })],
  ['SRP_B is the client secret', () => respondToPasswordVerifier(session(), { ...good, challengeParameters: { ...parameters, SRP_B: CLIENT_SECRET } })],
  ['SRP_B is a (hex)', () => respondToPasswordVerifier(session(), { ...good, challengeParameters: { ...parameters, SRP_B: 'x' + aHex } })],
  ['SRP_B too large', () => respondToPasswordVerifier(session(), { ...good, challengeParameters: { ...parameters, SRP_B: aHex.repeat(10) } })],
  ['SRP_B = 0', () => respondToPasswordVerifier(session(), { ...good, challengeParameters: { ...parameters, SRP_B: '0' } })],
  ['SECRET_BLOCK is the password', () => respondToPasswordVerifier(session(), { ...good, challengeParameters: { ...parameters, SECRET_BLOCK: PASSWORD } })],
  ['SECRET_BLOCK is empty', () => respondToPasswordVerifier(session(), { ...good, challengeParameters: { ...parameters, SECRET_BLOCK: '' } })],
  ['now is invalid', () => respondToPasswordVerifier(session(), { ...good, now: new Date(NaN) })],
  ['password is a number', () => respondToPasswordVerifier(session(), { ...good, password: 42 as never })],
  ['secret without client id', () => respondToPasswordVerifier(session(), { ...good, clientId: undefined } as never)],
  ['empty client secret', () => respondToPasswordVerifier(session(), { ...good, clientSecret: '' })],
  ['device key empty', () => respondToPasswordVerifier(session(), { ...good, deviceKey: '' })],
  ['not a session', () => respondToPasswordVerifier({ srpA: A.toString(16) } as never, good)],
  [
    'session already used',
    () => {
      const s = session();
      respondToPasswordVerifier(s, good);
      return respondToPasswordVerifier(s, good);
    },
  ],
  ['input is null', () => respondToPasswordVerifier(session(), null as never)],
  ['device: key mismatch', () => respondToDevicePasswordVerifier(session(), { ...deviceGood, challengeParameters: { ...deviceGood.challengeParameters, DEVICE_KEY: 'other' } })],
  ['device: password empty', () => respondToDevicePasswordVerifier(session(), { ...deviceGood, devicePassword: '' })],
  ['device: SRP_B is the device password', () => respondToDevicePasswordVerifier(session(), { ...deviceGood, challengeParameters: { ...deviceGood.challengeParameters, SRP_B: DEVICE_PASSWORD_INPUT } })],
  ['device: missing USERNAME', () => respondToDevicePasswordVerifier(session(), { ...deviceGood, challengeParameters: { ...parameters, USERNAME: undefined } as never })],
  ['createDeviceVerifier: bad random', () => createDeviceVerifier({ deviceGroupKey: PASSWORD, deviceKey: CLIENT_SECRET, randomBytes: () => new Uint8Array(3) })],
  ['createDeviceVerifier: empty key', () => createDeviceVerifier({ deviceGroupKey: PASSWORD, deviceKey: '' })],
  ['secretHash: empty id', () => secretHash(PASSWORD, '', CLIENT_SECRET)],
  ['secretHash: secret not a string', () => secretHash(PASSWORD, 'client1', 7 as never)],
  ['secretHasher: username not a string', () => secretHasher('client1', CLIENT_SECRET)(5 as never)],
  ['exportSrpSession of a used session', () => {
    const s = session();
    respondToPasswordVerifier(s, good);
    return exportSrpSession(s);
  }],
  ['importSrpSession of a truncated export', () => importSrpSession(EXPORTED.slice(0, -2))],
  ['importSrpSession of an export with a bad digit', () => importSrpSession(EXPORTED.slice(0, -1) + 'g')],
  ['parseUnsignedHex of the password', () => parseUnsignedHex(PASSWORD, 'SRP_B')],
  ['computeS with B = 0', () => computeS({ a, B: 0n, x, u })],
  ['computeS with a = 0', () => computeS({ a: 0n, B, x, u })],
  ['computeS with a negative exponent', () => computeS({ a, B, x: -x, u })],
  ['computeA(-a)', () => computeA(-a)],
  ['modPow with modulus 0', () => modPow(a, x, 0n)],
  ['modPow with exponent -a', () => modPow(2n, -a, S)],
  ['computeX with a short identity hash', () => computeX(x, K)],
  ['computeX with a negative salt', () => computeX(-S, hashIdentity('p', 'u', PASSWORD))],
  ['signPasswordClaim with the password as SECRET_BLOCK', () => signPasswordClaim(K, { prefix: 'p', userId: 'u', secretBlock: PASSWORD, timestamp: 't' })],
  ['signPasswordClaim with an empty timestamp', () => signPasswordClaim(K, { prefix: 'p', userId: 'u', secretBlock: 'AAAA', timestamp: '' })],
  ['signPasswordClaim with no key', () => signPasswordClaim(new Uint8Array(0), { prefix: PASSWORD, userId: 'u', secretBlock: 'AAAA', timestamp: 't' })],
  ['hashIdentity with a number', () => hashIdentity(PASSWORD, 5 as never, PASSWORD)],
  ['createSrpSession with a bad random source', () => createSrpSession({ randomBytes: () => K })],
  ['server: verifier of another pool id', () => createUserVerifier({ ...user, userPoolId: PASSWORD })],
  ['server: SRP_A is the password', () => createServerChallenge(record, PASSWORD)],
  ['server: SRP_A = 0', () => createServerChallenge(record, '0')],
  ['server: salt is the password', () => createServerChallenge({ ...record, salt: PASSWORD }, session().srpA)],
  ['server: verifier is the client secret', () => createServerChallenge({ ...record, verifier: CLIENT_SECRET }, session().srpA)],
  ['server: device config is the password', () =>
    createDeviceServerChallenge({ deviceGroupKey: 'g', deviceKey: 'k', username: 'alice', deviceSecretVerifierConfig: { Salt: PASSWORD, PasswordVerifier: CLIENT_SECRET } }, session().srpA)],
  ['server: verify with a secret and no client id', () => verifyPasswordClaim(challenge, respondToPasswordVerifier(session(), good), { now, clientSecret: CLIENT_SECRET })],
  ['server: verify with an invalid now', () => verifyPasswordClaim(challenge, {}, { now: new Date(NaN) })],
  ['server: verify a foreign challenge', () => verifyDevicePasswordClaim(challenge, {})],
];

describe('no secret in any error', () => {
  it.each(ERROR_PATHS)('%s', (_name, call) => {
    const error = caught(call);
    expectNoSecret(`${error.code} (${_name})`, error);
  });

  it('the check itself finds a secret where there is one (it can fail)', () => {
    expect(() => expectNoSecret('planted', new SrpError('INVALID_ARGUMENT', `bad ${PASSWORD}`))).toThrow(/password/);
    expect(() => expectNoSecret('planted', new SrpError('INVALID_ARGUMENT', 'x', K.toString()))).toThrow(/K bytes/);
    expect(() => expectNoSecret('planted', { note: a.toString(16) })).toThrow(/a hex/);
    const withCause = new Error('outer', { cause: { key: Buffer.from(K).toString('base64') } });
    expect(() => expectNoSecret('planted', withCause)).toThrow(/K base64/);
  });
});

describe('no secret in any printed object', () => {
  it('a session shows only srpA, in every format, before and after it answers', () => {
    const s = session();
    expectNoSecret('session', s);
    expectNoSecret('session in an object', { s, list: [s] });
    respondToPasswordVerifier(s, good);
    expectNoSecret('used session', s);
    expectNoSecret('fresh session', createSrpSession());
  });

  it('a server challenge shows only what is sent to the client', () => {
    expectNoSecret('challenge', challenge);
    const device = createDeviceVerifier({ deviceGroupKey: 'g', deviceKey: 'us-east-1_0a', randomBytes: (n) => new Uint8Array(n).fill(5) });
    const deviceChallenge = createDeviceServerChallenge(
      { deviceGroupKey: 'g', deviceKey: 'us-east-1_0a', username: 'alice', deviceSecretVerifierConfig: device.DeviceSecretVerifierConfig },
      session().srpA,
    );
    expectNoSecret('device challenge', deviceChallenge);
  });

  it('answers, hashers and verifier configs carry no secret', () => {
    expectNoSecret('answer', respondToPasswordVerifier(session(), good));
    expectNoSecret('device answer', respondToDevicePasswordVerifier(session(), deviceGood));
    expectNoSecret('secretHasher', secretHasher('client1', CLIENT_SECRET));
    expectNoSecret('SECRET_HASH', secretHash('alice', 'client1', CLIENT_SECRET));
    const verifier = createDeviceVerifier({ deviceGroupKey: PASSWORD, deviceKey: 'us-east-1_0a' });
    expectNoSecret('DeviceSecretVerifierConfig', verifier.DeviceSecretVerifierConfig);
  });

  it('the documented exceptions do hold the secret (so the two exclusions above are deliberate)', () => {
    expect(exportSrpSession(session())).toContain(aHex);
    const verifier = createDeviceVerifier({ deviceGroupKey: 'g', deviceKey: 'us-east-1_0a' });
    expect(verifier.devicePassword).toMatch(/^[A-Za-z0-9+/]{54}==$/);
  });
});

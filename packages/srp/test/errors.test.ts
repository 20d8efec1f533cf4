// Every refusal is an SrpError with its stable code, raised before any answer is produced, and no message ever
// contains the password, the client secret, a, or the device password.
import { describe, expect, it } from 'vitest';
import { toHex } from './helpers/bytes.js';
import {
  N,
  SrpError,
  computeS,
  computeU,
  computeX,
  createDeviceVerifier,
  createSrpSession,
  exportSrpSession,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  signPasswordClaim,
  type SrpErrorCode,
} from '../src/index.js';
import { scriptedRandom } from './helpers/vectors.js';

const PASSWORD = 'Pässwörd-NEVER-PRINTED-1';
const CLIENT_SECRET = 'clientsecretNEVERPRINTED0123456789';
const DEVICE_PASSWORD = 'ZGV2aWNlLXBhc3N3b3JkLU5FVkVSLVBSSU5URUQ=';
const aBytes = Uint8Array.from({ length: 128 }, (_, i) => (i * 91 + 7) & 0xff);
const aHex = toHex(aBytes);
const newSession = () => createSrpSession({ randomBytes: scriptedRandom(Uint8Array.from(aBytes)) });

const good = {
  userPoolId: 'us-east-1_AbC123',
  password: PASSWORD,
  clientId: 'client123',
  clientSecret: CLIENT_SECRET,
  challengeParameters: {
    SALT: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    SRP_B: 'ab'.repeat(384),
    SECRET_BLOCK: 'c2VjcmV0LWJsb2Nr',
    USER_ID_FOR_SRP: 'alice',
  },
  now: new Date('2026-11-26T08:00:00Z'),
};

function expectRefusal(call: () => unknown, code: SrpErrorCode) {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(SrpError);
  const error = caught as SrpError;
  expect(error.code).toBe(code);
  expect(error.name).toBe('SrpError');
  for (const secret of [PASSWORD, CLIENT_SECRET, DEVICE_PASSWORD, aHex, aHex.slice(0, 32)]) {
    expect(error.message).not.toContain(secret);
    expect(String(error.stack)).not.toContain(secret);
  }
}

const withParameters = (changes: Record<string, unknown>) => ({
  ...good,
  challengeParameters: { ...good.challengeParameters, ...changes } as typeof good.challengeParameters,
});

describe('respondToPasswordVerifier refuses', () => {
  it('works on the good input (the baseline of every case below)', () => {
    expect(respondToPasswordVerifier(newSession(), good).SECRET_HASH).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it.each<[string, Record<string, unknown>, SrpErrorCode]>([
    ['B = 0', { SRP_B: '0' }, 'INVALID_SRP_B'],
    ['B = 000…0', { SRP_B: '0000' }, 'INVALID_SRP_B'],
    ['B = N', { SRP_B: N.toString(16) }, 'INVALID_SRP_B'],
    ['B = 3N, upper case', { SRP_B: (3n * N).toString(16).toUpperCase() }, 'INVALID_SRP_B'],
    ['B empty', { SRP_B: '' }, 'INVALID_HEX'],
    ['B with 0x', { SRP_B: '0x' + 'ab'.repeat(10) }, 'INVALID_HEX'],
    ['B negative', { SRP_B: '-' + 'ab'.repeat(10) }, 'INVALID_HEX'],
    ['B with a space', { SRP_B: 'ab ab' }, 'INVALID_HEX'],
    ['B with a non-hex letter', { SRP_B: '12g4' }, 'INVALID_HEX'],
    ['salt empty', { SALT: '' }, 'INVALID_SALT'],
    ['salt negative', { SALT: '-abc' }, 'INVALID_SALT'],
    ['salt 0x', { SALT: '0x12' }, 'INVALID_SALT'],
    ['salt zz', { SALT: 'zz' }, 'INVALID_SALT'],
    ['secret block not base64', { SECRET_BLOCK: 'not base64!' }, 'INVALID_SECRET_BLOCK'],
    ['secret block URL-safe alphabet', { SECRET_BLOCK: 'c2Vj-_Jl' }, 'INVALID_SECRET_BLOCK'],
    ['secret block with a dangling character', { SECRET_BLOCK: 'c2VjcmV0L' }, 'INVALID_SECRET_BLOCK'],
    ['secret block with wrong padding', { SECRET_BLOCK: 'c2Vjc===' }, 'INVALID_SECRET_BLOCK'],
    ['secret block non-canonical bits', { SECRET_BLOCK: 'QR==' }, 'INVALID_SECRET_BLOCK'],
    ['secret block empty', { SECRET_BLOCK: '' }, 'INVALID_SECRET_BLOCK'],
    ['USER_ID_FOR_SRP missing', { USER_ID_FOR_SRP: undefined }, 'MISSING_CHALLENGE_PARAMETER'],
    ['SALT missing', { SALT: undefined }, 'MISSING_CHALLENGE_PARAMETER'],
    ['SRP_B a number', { SRP_B: 1234 }, 'MISSING_CHALLENGE_PARAMETER'],
  ])('%s', (_name, changes, code) => {
    expectRefusal(() => respondToPasswordVerifier(newSession(), withParameters(changes)), code);
  });

  it.each<[string, Record<string, unknown>, SrpErrorCode]>([
    ['a pool id without underscore', { userPoolId: 'useast1AbC123' }, 'INVALID_USER_POOL_ID'],
    ['a pool id with two underscores', { userPoolId: 'us_east_AbC' }, 'INVALID_USER_POOL_ID'],
    ['a pool id with a bad name', { userPoolId: 'us-east-1_ab-c' }, 'INVALID_USER_POOL_ID'],
    ['a pool id over 55 characters', { userPoolId: 'us-east-1_' + 'a'.repeat(50) }, 'INVALID_USER_POOL_ID'],
    ['a pool id that is not a string', { userPoolId: 42 }, 'INVALID_USER_POOL_ID'],
    ['a password that is not a string', { password: 12345 }, 'INVALID_ARGUMENT'],
    ['a client secret without a client id', { clientId: undefined }, 'INVALID_ARGUMENT'],
    ['an empty client secret', { clientSecret: '' }, 'INVALID_ARGUMENT'],
    ['an invalid date', { now: new Date('nope') }, 'INVALID_DATE'],
    ['an empty device key', { deviceKey: '' }, 'INVALID_ARGUMENT'],
    ['no challenge parameters', { challengeParameters: undefined }, 'INVALID_ARGUMENT'],
  ])('%s', (_name, changes, code) => {
    expectRefusal(() => respondToPasswordVerifier(newSession(), { ...good, ...changes } as typeof good), code);
  });

  it('a session that is not ours (a JSON copy)', () => {
    expectRefusal(() => respondToPasswordVerifier(JSON.parse(JSON.stringify(newSession())), good), 'INVALID_SESSION');
  });
});

describe('the steps refuse', () => {
  it('u = 0 is impossible to construct, but B ≡ 0 and bad arguments are caught', () => {
    expectRefusal(() => computeS({ a: 5n, B: N, x: 1n, u: 1n }), 'INVALID_SRP_B');
    expectRefusal(() => computeS({ a: 0n, B: 5n, x: 1n, u: 1n }), 'INVALID_ARGUMENT');
    expectRefusal(() => computeU(1 as unknown as bigint, 2n), 'INVALID_ARGUMENT');
    expectRefusal(() => computeX(-1n, new Uint8Array(32)), 'INVALID_SALT');
    expectRefusal(() => computeX(1n, new Uint8Array(31)), 'INVALID_ARGUMENT');
    expectRefusal(() => signPasswordClaim(new Uint8Array(16), { prefix: 'p', userId: 'u', secretBlock: '***', timestamp: 't' }), 'INVALID_SECRET_BLOCK');
  });
});

describe('device functions refuse', () => {
  const deviceInput = {
    deviceGroupKey: '-grp',
    deviceKey: 'us-east-1_dev',
    devicePassword: DEVICE_PASSWORD,
    clientId: 'client123',
    clientSecret: CLIENT_SECRET,
    challengeParameters: { ...good.challengeParameters, USERNAME: 'alice', DEVICE_KEY: 'us-east-1_dev' },
  };

  it('works on the good input', () => {
    expect(respondToDevicePasswordVerifier(newSession(), deviceInput).DEVICE_KEY).toBe('us-east-1_dev');
  });

  it.each<[string, Record<string, unknown>, SrpErrorCode]>([
    ['another device in the challenge', { challengeParameters: { ...deviceInput.challengeParameters, DEVICE_KEY: 'us-east-1_x' } }, 'DEVICE_KEY_MISMATCH'],
    ['no USERNAME', { challengeParameters: { ...deviceInput.challengeParameters, USERNAME: undefined } }, 'MISSING_CHALLENGE_PARAMETER'],
    ['B = 0', { challengeParameters: { ...deviceInput.challengeParameters, SRP_B: '00' } }, 'INVALID_SRP_B'],
    ['an empty device password', { devicePassword: '' }, 'INVALID_ARGUMENT'],
    ['an empty device group key', { deviceGroupKey: '' }, 'INVALID_ARGUMENT'],
  ])('%s', (_name, changes, code) => {
    expectRefusal(() => respondToDevicePasswordVerifier(newSession(), { ...deviceInput, ...changes } as typeof deviceInput), code);
  });

  it('createDeviceVerifier checks its keys and its random source', () => {
    expectRefusal(() => createDeviceVerifier({ deviceGroupKey: '', deviceKey: 'k' }), 'INVALID_ARGUMENT');
    expectRefusal(() => createDeviceVerifier({ deviceGroupKey: 'g', deviceKey: 'k', randomBytes: () => new Uint8Array(3) }), 'INVALID_RANDOM_BYTES');
  });

  it('createDeviceVerifier draws 40 bytes, then 16', () => {
    const lengths: number[] = [];
    createDeviceVerifier({
      deviceGroupKey: 'g',
      deviceKey: 'k',
      randomBytes: (n) => {
        lengths.push(n);
        return new Uint8Array(n).fill(7);
      },
    });
    expect(lengths).toEqual([40, 16]);
  });
});

it('exporting a foreign session is INVALID_SESSION', () => {
  expectRefusal(() => exportSrpSession({ srpA: 'ab' }), 'INVALID_SESSION');
});

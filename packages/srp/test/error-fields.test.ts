// Every refusal names its input: for each error path of the public functions, the exact code, `field` and message.
// `field` is part of the contract (callers map it to their own inputs; the request builder turns it into a path),
// and the messages are what people read, so a change to either shows here. Runs in every runtime.
import { describe, expect, it } from 'vitest';
import {
  N,
  SrpError,
  assertValidB,
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
  modPow,
  padHex,
  parseUnsignedHex,
  poolNameOf,
  secretHash,
  signPasswordClaim,
} from '../src/index.js';

const CASES: [name: string, call: () => unknown, code: string, field: string | undefined, message: string][] = [
  ["padHex(1)", () => padHex(1 as never), 'INVALID_ARGUMENT', 'value', "padHex expects a bigint"],
  ["computeA(1)", () => computeA(1 as never), 'INVALID_ARGUMENT', 'a', "a must be a bigint"],
  ["computeA(0n)", () => computeA(0n), 'INVALID_ARGUMENT', 'a', "a must be positive"],
  ["computeU(1, 2n)", () => computeU(1 as never, 2n), 'INVALID_ARGUMENT', 'A', "A must be a bigint"],
  ["computeU(2n, 1)", () => computeU(2n, 1 as never), 'INVALID_ARGUMENT', 'B', "B must be a bigint"],
  ["hashIdentity(1, u, p)", () => hashIdentity(1 as never, 'u', 'p'), 'INVALID_ARGUMENT', 'prefix', "prefix must be a string, got number"],
  ["hashIdentity(p, 1, p)", () => hashIdentity('p', 1 as never, 'p'), 'INVALID_ARGUMENT', 'userId', "userId must be a string, got number"],
  ["hashIdentity(p, u, 1)", () => hashIdentity('p', 'u', 1 as never), 'INVALID_ARGUMENT', 'password', "password must be a string, got number"],
  ["computeX(1, hash)", () => computeX(1 as never, new Uint8Array(32)), 'INVALID_ARGUMENT', 'salt', "salt must be a bigint"],
  ["computeX(-1n, hash)", () => computeX(-1n, new Uint8Array(32)), 'INVALID_SALT', 'salt', "salt must not be negative"],
  ["computeX(1n, short)", () => computeX(1n, new Uint8Array(31)), 'INVALID_ARGUMENT', 'identityHash', "identityHash must be the 32 bytes of hashIdentity"],
  ["computeVerifier(1)", () => computeVerifier(1 as never), 'INVALID_ARGUMENT', 'x', "x must be a bigint"],
  ["assertValidB(1)", () => assertValidB(1 as never), 'INVALID_ARGUMENT', 'B', "B must be a bigint"],
  ["assertValidB(N)", () => assertValidB(N), 'INVALID_SRP_B', 'SRP_B', "SRP_B is 0 mod N; abort this login"],
  ["computeS(null)", () => computeS(null as never), 'INVALID_ARGUMENT', 'input', "input must be an object, got null"],
  ["computeS a:1", () => computeS({ a: 1, B: 2n, x: 1n, u: 1n } as never), 'INVALID_ARGUMENT', 'a', "a must be a bigint"],
  ["computeS x:1", () => computeS({ a: 1n, B: 2n, x: 1, u: 1n } as never), 'INVALID_ARGUMENT', 'x', "x must be a bigint"],
  ["computeS u:1", () => computeS({ a: 1n, B: 2n, x: 1n, u: 1 } as never), 'INVALID_ARGUMENT', 'u', "u must be a bigint"],
  ["computeS B:1", () => computeS({ a: 1n, B: 1, x: 1n, u: 1n } as never), 'INVALID_ARGUMENT', 'B', "B must be a bigint"],
  ["computeS a:0n", () => computeS({ a: 0n, B: 2n, x: 1n, u: 1n }), 'INVALID_ARGUMENT', 'a', "a must be positive"],
  ["deriveKey(1, 1n)", () => deriveKey(1 as never, 1n), 'INVALID_ARGUMENT', 'S', "S must be a bigint"],
  ["deriveKey(1n, 1)", () => deriveKey(1n, 1 as never), 'INVALID_ARGUMENT', 'u', "u must be a bigint"],
  ["signPasswordClaim(no key)", () => signPasswordClaim(new Uint8Array(0), { prefix: 'p', userId: 'u', secretBlock: 'AAAA', timestamp: 't' }), 'INVALID_ARGUMENT', 'key', "key must be the bytes of deriveKey"],
  ["signPasswordClaim(not bytes)", () => signPasswordClaim('k' as never, { prefix: 'p', userId: 'u', secretBlock: 'AAAA', timestamp: 't' }), 'INVALID_ARGUMENT', 'key', "key must be the bytes of deriveKey"],
  ["signPasswordClaim(claim null)", () => signPasswordClaim(new Uint8Array(16), null as never), 'INVALID_ARGUMENT', 'claim', "claim must be an object, got null"],
  ["signPasswordClaim(prefix 1)", () => signPasswordClaim(new Uint8Array(16), { prefix: 1, userId: 'u', secretBlock: 'AAAA', timestamp: 't' } as never), 'INVALID_ARGUMENT', 'prefix', "prefix must be a string, got number"],
  ["signPasswordClaim(userId 1)", () => signPasswordClaim(new Uint8Array(16), { prefix: 'p', userId: 1, secretBlock: 'AAAA', timestamp: 't' } as never), 'INVALID_ARGUMENT', 'userId', "userId must be a string, got number"],
  ["signPasswordClaim(timestamp empty)", () => signPasswordClaim(new Uint8Array(16), { prefix: 'p', userId: 'u', secretBlock: 'AAAA', timestamp: '' }), 'INVALID_ARGUMENT', 'timestamp', "timestamp must not be empty"],
  ["signPasswordClaim(timestamp 1)", () => signPasswordClaim(new Uint8Array(16), { prefix: 'p', userId: 'u', secretBlock: 'AAAA', timestamp: 1 } as never), 'INVALID_ARGUMENT', 'timestamp', "timestamp must be a string, got number"],
  ["signPasswordClaim(block bad)", () => signPasswordClaim(new Uint8Array(16), { prefix: 'p', userId: 'u', secretBlock: 'A', timestamp: 't' }), 'INVALID_SECRET_BLOCK', 'SECRET_BLOCK', "SECRET_BLOCK is not valid base64 (wrong length)"],
  ["signPasswordClaim(block empty bytes)", () => signPasswordClaim(new Uint8Array(16), { prefix: 'p', userId: 'u', secretBlock: new Uint8Array(0), timestamp: 't' }), 'INVALID_SECRET_BLOCK', 'SECRET_BLOCK', "SECRET_BLOCK is empty"],
  ["signPasswordClaim(block 1)", () => signPasswordClaim(new Uint8Array(16), { prefix: 'p', userId: 'u', secretBlock: 1, timestamp: 't' } as never), 'INVALID_SECRET_BLOCK', 'SECRET_BLOCK', "SECRET_BLOCK must be a base64 string"],
  ["formatTimestamp(NaN)", () => formatTimestamp(new Date(NaN)), 'INVALID_DATE', 'now', "the timestamp must be a valid Date"],
  ["poolNameOf(bad)", () => poolNameOf('nounderscore'), 'INVALID_USER_POOL_ID', 'userPoolId', "userPoolId must be <region>_<name> with one underscore, at most 55 characters"],
  ["poolNameOf(two)", () => poolNameOf('a_b_c'), 'INVALID_USER_POOL_ID', 'userPoolId', "userPoolId must be <region>_<name> with one underscore, at most 55 characters"],
  ["poolNameOf(56)", () => poolNameOf('us-east-1_' + 'a'.repeat(46)), 'INVALID_USER_POOL_ID', 'userPoolId', "userPoolId must be <region>_<name> with one underscore, at most 55 characters"],
  ["modPow(2n, 1, N)", () => modPow(2n, 1 as never, N), 'INVALID_ARGUMENT', undefined, "modPow expects bigint arguments"],
  ["modPow(2n, 1n, 0n)", () => modPow(2n, 1n, 0n), 'INVALID_ARGUMENT', 'modulus', "modPow needs a modulus of at least 1"],
  ["modPow(2n, -1n, N)", () => modPow(2n, -1n, N), 'INVALID_ARGUMENT', 'exponent', "modPow needs a non-negative exponent"],
  ["parseUnsignedHex(1)", () => parseUnsignedHex(1, 'SRP_B'), 'INVALID_ARGUMENT', 'SRP_B', "SRP_B must be a hex string"],
  ["parseUnsignedHex(1, SALT)", () => parseUnsignedHex(1, 'SALT', 'INVALID_SALT'), 'INVALID_SALT', 'SALT', "SALT must be a hex string"],
  ["parseUnsignedHex(empty)", () => parseUnsignedHex('', 'SRP_B'), 'INVALID_HEX', 'SRP_B', "SRP_B is empty"],
  ["parseUnsignedHex(g)", () => parseUnsignedHex('g', 'SRP_B'), 'INVALID_HEX', 'SRP_B', "SRP_B is not unsigned hex (only 0-9, a-f, A-F)"],
  ["secretHash(u, empty, s)", () => secretHash('u', '', 's'), 'INVALID_ARGUMENT', 'clientId', "clientId must not be empty"],
  ["secretHash(u, c, empty)", () => secretHash('u', 'c', ''), 'INVALID_ARGUMENT', 'clientSecret', "clientSecret must not be empty"],
  ["secretHash(1, c, s)", () => secretHash(1 as never, 'c', 's'), 'INVALID_ARGUMENT', 'username', "username must be a string, got number"],
  ["createSrpSession(5)", () => createSrpSession(5 as never), 'INVALID_ARGUMENT', 'options', "options must be an object, got number"],
  ["createSrpSession(bits 512)", () => createSrpSession({ privateValueBits: 512 as never }), 'INVALID_ARGUMENT', 'privateValueBits', "privateValueBits must be 1024 or 256, got number"],
  ["createSrpSession(random 5)", () => createSrpSession({ randomBytes: 5 as never }), 'INVALID_ARGUMENT', 'randomBytes', "randomBytes must be a function, got number"],
  ["createSrpSession(short)", () => createSrpSession({ randomBytes: (n) => new Uint8Array(n - 1) }), 'INVALID_RANDOM_BYTES', 'randomBytes', "randomBytes(128) must return a Uint8Array of 128 bytes"],
  ["createSrpSession(zeros)", () => createSrpSession({ randomBytes: (n) => new Uint8Array(n) }), 'INVALID_RANDOM_BYTES', 'randomBytes', "the random source returned only zero bytes"],
  ["importSrpSession(x)", () => importSrpSession('x'), 'INVALID_SESSION', 'session', "not an exported SRP session"],
  ["exportSrpSession({})", () => exportSrpSession({ srpA: 'ab' } as never), 'INVALID_SESSION', 'session', "not a session from createSrpSession or importSrpSession (a JSON copy is not one)"],
  ["createDeviceVerifier(null)", () => createDeviceVerifier(null as never), 'INVALID_ARGUMENT', 'input', "input must be an object, got null"],
  ["createDeviceVerifier(empty group)", () => createDeviceVerifier({ deviceGroupKey: '', deviceKey: 'k' }), 'INVALID_ARGUMENT', 'deviceGroupKey', "deviceGroupKey must not be empty"],
  ["createDeviceVerifier(empty key)", () => createDeviceVerifier({ deviceGroupKey: 'g', deviceKey: '' }), 'INVALID_ARGUMENT', 'deviceKey', "deviceKey must not be empty"],
];

describe('each refusal: code, field and message', () => {
  it.each(CASES)('%s', (_name, call, code, field, message) => {
    let caught: unknown;
    try {
      call();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SrpError);
    expect(caught).toMatchObject({ name: 'SrpError', code, field, message });
  });
});

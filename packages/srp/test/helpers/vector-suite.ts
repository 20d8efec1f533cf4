// Every vector of every file, as one suite that runs on an engine: the PASSWORD_VERIFIER answer, device SRP,
// ConfirmDevice's verifier, SECRET_HASH, TIMESTAMP and PAD, plus the inputs that must be refused. Intermediate values
// are checked too, so a failure says which step broke. vectors.test.ts runs it on the default (pure) engine;
// node-crypto.native.test.ts on the node:crypto one (in Node, Deno and Bun), where the kinds no engine touches are
// left to the default run.
import { describe, expect, it } from 'vitest';
import { fromBase64, toHex } from './bytes.js';
import {
  SrpError,
  computeS,
  computeU,
  computeX,
  createDeviceVerifier,
  createSrpSession,
  deriveKey,
  formatTimestamp,
  hashIdentity,
  padHex,
  parseUnsignedHex,
  poolNameOf,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  secretHash,
  type SrpEngine,
} from '../../src/index.js';
import { hexBytes, loadVectors, passwordVerifierInputOf, privateBytesOf, scriptedRandom, type Vector } from './vectors.js';

const vectors = loadVectors();
const byKind = (kind: Vector['kind']) => vectors.filter((v) => v.kind === kind);
const str = (value: unknown) => value as string;

/**
 * The vector suite on `engine` (the default engine when undefined; then also the kinds no engine touches: SECRET_HASH,
 * TIMESTAMP, PAD).
 */
export function describeVectors(engine?: SrpEngine): void {
  const withEngine = engine === undefined ? {} : { engine };
  const engineOnly = engine !== undefined;

  function sessionFor(v: Vector) {
    return createSrpSession({ randomBytes: scriptedRandom(privateBytesOf(v)), ...withEngine });
  }

  function expectIntermediates(v: Vector, prefix: string, userId: string, password: string) {
    const { expected: e, input: i } = v;
    const a = BigInt('0x' + str(i.smallA));
    const A = BigInt('0x' + e.A);
    const B = parseUnsignedHex(i.B, 'SRP_B');
    const salt = parseUnsignedHex(i.salt, 'SALT');
    const u = computeU(A, B);
    const x = computeX(salt, hashIdentity(prefix, userId, password));
    const S = computeS({ a, B, x, u, ...withEngine });
    expect({
      padHexA: padHex(A),
      padHexB: padHex(B),
      padHexSalt: padHex(salt),
      identityHash: toHex(hashIdentity(prefix, userId, password)),
      u: u.toString(16),
      padHexU: padHex(u),
      x: x.toString(16),
      S: S.toString(16),
      padHexS: padHex(S),
      hkdf: toHex(deriveKey(S, u)),
    }).toEqual({
      padHexA: e.padHexA,
      padHexB: e.padHexB,
      padHexSalt: e.padHexSalt,
      identityHash: e.identityHash,
      u: e.u,
      padHexU: e.padHexU,
      x: e.x,
      S: e.S,
      padHexS: e.padHexS,
      hkdf: e.hkdf,
    });
  }

  describe.each([...new Set(vectors.map((v) => v.file))])('vectors of %s', (file) => {
    const inFile = (kind: Vector['kind']) => byKind(kind).filter((v) => v.file === file);

    it.each(inFile('srp').map((v) => [v.id, v] as const))('srp %s', (_id, v) => {
      const { input: i, expected: e } = v;
      const session = sessionFor(v);
      expect(session.srpA).toBe(e.A);
      const answer = respondToPasswordVerifier(session, passwordVerifierInputOf(v));
      expect(answer).toEqual({
        USERNAME: i.userIdForSrp,
        PASSWORD_CLAIM_SECRET_BLOCK: i.secretBlock,
        PASSWORD_CLAIM_SIGNATURE: e.signature,
        TIMESTAMP: i.timestamp,
      });
      if (e.poolName !== undefined) expect(poolNameOf(str(i.poolId))).toBe(e.poolName);
      expectIntermediates(v, poolNameOf(str(i.poolId)), str(i.userIdForSrp), str(i.password));
    });

    it.each(inFile('device_srp').map((v) => [v.id, v] as const))('device_srp %s', (_id, v) => {
      const { input: i, expected: e } = v;
      const session = sessionFor(v);
      expect(session.srpA).toBe(e.A);
      const answer = respondToDevicePasswordVerifier(session, {
        deviceGroupKey: str(i.deviceGroupKey),
        deviceKey: str(i.deviceKey),
        devicePassword: str(i.devicePassword),
        challengeParameters: {
          SALT: str(i.salt),
          SRP_B: str(i.B),
          SECRET_BLOCK: str(i.secretBlock),
          USERNAME: str(i.username ?? 'device-owner'),
          DEVICE_KEY: str(i.deviceKey),
        },
        now: new Date(Number(i.timestampEpochMs)),
      });
      expect(answer).toEqual({
        USERNAME: i.username ?? 'device-owner',
        DEVICE_KEY: i.deviceKey,
        PASSWORD_CLAIM_SECRET_BLOCK: i.secretBlock,
        PASSWORD_CLAIM_SIGNATURE: e.signature,
        TIMESTAMP: i.timestamp,
      });
      expectIntermediates(v, str(i.deviceGroupKey), str(i.deviceKey), str(i.devicePassword));
    });

    it.each(inFile('device_verifier').map((v) => [v.id, v] as const))('device_verifier %s', (_id, v) => {
      const { input: i, expected: e } = v;
      const result = createDeviceVerifier({
        deviceGroupKey: str(i.deviceGroupKey),
        deviceKey: str(i.deviceKey),
        randomBytes: scriptedRandom(fromBase64(str(i.randomPassword)), hexBytes(str(i.saltRandomHex))),
        ...withEngine,
      });
      expect(result).toEqual({
        devicePassword: i.randomPassword,
        DeviceSecretVerifierConfig: { Salt: e.Salt, PasswordVerifier: e.PasswordVerifier },
      });
      expect(toHex(fromBase64(e.Salt!))).toBe(e.saltHex);
      expect(toHex(fromBase64(e.PasswordVerifier!))).toBe(e.verifierHex);
    });

    it.each(engineOnly ? [] : inFile('secret_hash').map((v) => [v.id, v] as const))('secret_hash %s', (_id, v) => {
      const { input: i, expected: e } = v;
      expect(secretHash(str(i.username), str(i.clientId), str(i.clientSecret))).toBe(e.secretHash);
    });

    it.each(engineOnly ? [] : inFile('timestamp').map((v) => [v.id, v] as const))('timestamp %s', (_id, v) => {
      expect(formatTimestamp(new Date(Number(v.input.epochMs)))).toBe(v.expected.timestamp);
    });

    it.each(engineOnly ? [] : inFile('padhex').map((v) => [v.id, v] as const))('padhex %s', (_id, v) => {
      const text = str(v.input.hex);
      const value = text.startsWith('-') ? -BigInt('0x' + text.slice(1)) : BigInt('0x' + text);
      expect(padHex(value)).toBe(v.expected.padHex);
    });

    it.each(inFile('invalid_srp').map((v) => [v.id, v] as const))('invalid_srp %s is refused', (_id, v) => {
      const { input: i } = v;
      const attempt = () =>
        respondToPasswordVerifier(sessionFor(v), {
          userPoolId: str(i.poolId),
          password: str(i.password),
          challengeParameters: {
            SALT: str(i.salt),
            SRP_B: str(i.B),
            SECRET_BLOCK: str(i.secretBlock),
            USER_ID_FOR_SRP: str(i.userIdForSrp),
          },
          now: new Date(Number(i.timestampEpochMs)),
        });
      if (v.expected.reject === 'may') {
        // implementation-defined (the official libraries accept it): either an answer or an SrpError
        try {
          attempt();
        } catch (error) {
          expect(error).toBeInstanceOf(SrpError);
        }
        return;
      }
      expect(attempt).toThrow(SrpError);
    });
  });

  it('loads the public set and covers every kind', () => {
    expect(vectors.filter((v) => v.file.endsWith('vectors-public.json')).length).toBeGreaterThanOrEqual(255);
    for (const kind of ['srp', 'device_srp', 'device_verifier', 'secret_hash', 'timestamp', 'padhex', 'invalid_srp'] as const) {
      expect(byKind(kind).length, kind).toBeGreaterThan(0);
    }
  });
}

// u = H(PAD(A) | PAD(B)) = 0 is an abort condition of SRP-6a. No one can find such A and B (it is a preimage of
// SHA-256), so SHA-256 is replaced here by one that returns 32 zero bytes for exactly one chosen message and the
// real digest for every other: the check must then stop the client (INVALID_U), in the step and in the answers.
// Node only: the runtime bundles cannot mock a module.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const forced = vi.hoisted(() => ({ message: undefined as Uint8Array | undefined }));

vi.mock('../src/sha256.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/sha256.js')>();
  const same = (x: Uint8Array, y: Uint8Array) => x.length === y.length && x.every((byte, i) => byte === y[i]);
  const sha256 = (message: Uint8Array) =>
    forced.message !== undefined && same(message, forced.message) ? new Uint8Array(32) : real.sha256(message);
  return { ...real, sha256 };
});

const { SrpError, computeU, importSrpSession, respondToDevicePasswordVerifier, respondToPasswordVerifier } = await import('../src/index.js');
const { padHex } = await import('../src/pad.js');
const { createServerChallenge, createUserVerifier } = await import('../src/server/index.js');

const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
const forceZeroU = (A: bigint, B: bigint) => {
  forced.message = fromHex(padHex(A) + padHex(B));
};

const now = new Date('2026-11-26T08:00:00.000Z');
const EXPORTED = 'cognito-kit.srp-session.v1.' + '5e'.repeat(128);
const user = { userPoolId: 'us-east-1_Uzero1', userIdForSrp: 'alice', password: 'pw' };
const stored = createUserVerifier({ ...user, randomBytes: () => new Uint8Array(16).fill(7) });

beforeEach(() => {
  forced.message = undefined;
});

describe('u = 0 aborts the login (INVALID_U)', () => {
  it('computeU throws for the forced pair and returns u for any other', () => {
    forceZeroU(12345n, 67890n);
    expect(() => computeU(12345n, 67890n)).toThrow(
      expect.objectContaining({ code: 'INVALID_U', field: 'u', message: 'u = H(PAD(A) | PAD(B)) is zero; abort this login' }),
    );
    expect(computeU(12345n, 67891n)).toBeGreaterThan(0n);
  });

  it('respondToPasswordVerifier stops with INVALID_U instead of signing with S = (B - kg^x)^a', () => {
    const session = importSrpSession(EXPORTED);
    const challenge = createServerChallenge({ ...user, ...stored }, session.srpA).challengeParameters;
    forceZeroU(BigInt('0x' + session.srpA), BigInt('0x' + challenge.SRP_B));
    let caught: unknown;
    try {
      respondToPasswordVerifier(session, { userPoolId: user.userPoolId, password: user.password, challengeParameters: challenge, now });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SrpError);
    expect((caught as InstanceType<typeof SrpError>).code).toBe('INVALID_U');
  });

  it('respondToDevicePasswordVerifier stops with INVALID_U too', () => {
    const session = importSrpSession(EXPORTED);
    const challenge = createServerChallenge({ ...user, ...stored }, session.srpA).challengeParameters;
    forceZeroU(BigInt('0x' + session.srpA), BigInt('0x' + challenge.SRP_B));
    expect(() =>
      respondToDevicePasswordVerifier(session, {
        deviceGroupKey: 'group',
        deviceKey: 'us-east-1_0f0f',
        devicePassword: 'device-password',
        challengeParameters: { ...challenge, USERNAME: 'alice' },
        now,
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_U' }));
  });

  it('the server half refuses to issue a challenge whose u is 0 (its computeU throws)', () => {
    // The server draws b, so the pair cannot be chosen in advance: force every u of this A to be 0 instead.
    const session = importSrpSession(EXPORTED);
    const A = BigInt('0x' + session.srpA);
    const challenge = createServerChallenge({ ...user, ...stored }, session.srpA, { randomBytes: (n) => new Uint8Array(n).fill(9) });
    forceZeroU(A, BigInt('0x' + challenge.challengeParameters.SRP_B));
    expect(() => createServerChallenge({ ...user, ...stored }, session.srpA, { randomBytes: (n) => new Uint8Array(n).fill(9) })).toThrow(
      expect.objectContaining({ code: 'INVALID_U' }),
    );
  });
});

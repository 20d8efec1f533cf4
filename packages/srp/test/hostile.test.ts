// Hostile challenges: every value the server (or a man in the middle) sends is bounded before it is parsed, and
// every abort condition of SRP-6a stops the login with its code. Runs in every runtime (no Node built-ins).
// u = 0 needs a hash that returns zero, so it is forced through a mocked SHA-256 in u-zero.node.test.ts.
import { describe, expect, it } from 'vitest';
import {
  N,
  SrpError,
  assertValidB,
  computeA,
  computeS,
  createSrpSession,
  importSrpSession,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  type SrpErrorCode,
  type SrpSession,
} from '../src/index.js';
import { MAX_CHALLENGE_STRING_LENGTH, MAX_SALT_DIGITS, MAX_SRP_PUBLIC_VALUE_DIGITS } from '../src/limits.js';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyPasswordClaim,
} from '../src/server/index.js';

const now = new Date('2026-11-26T08:00:00.000Z');
const user = { userPoolId: 'us-east-1_Hostile1', userIdForSrp: 'alice', password: 'correct horse battery staple' };
const stored = createUserVerifier({ ...user, randomBytes: () => new Uint8Array(16).fill(0x5a) });
const record = { ...user, ...stored };
const EXPORTED = 'cognito-kit.srp-session.v1.' + '3c'.repeat(128);
/** A fresh session with the same `a` each time (a session answers one challenge). */
const session = (): SrpSession => importSrpSession(EXPORTED);
const TEN_MB = 10 * 1024 * 1024;

/** An honest challenge for `session()`'s SRP_A, from the server half. */
function honestChallenge(): Record<string, string> {
  return { ...createServerChallenge(record, session().srpA).challengeParameters };
}

function refusal(call: () => unknown): SrpError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(SrpError);
    return error as SrpError;
  }
  throw new Error('expected an SrpError, but the call returned');
}

function answer(s: SrpSession, challengeParameters: Record<string, string>) {
  return respondToPasswordVerifier(s, { userPoolId: user.userPoolId, password: user.password, challengeParameters, now });
}

/** Runs `call` and returns the error and the milliseconds it took (measured, asserted only against a wide bound). */
function timed(call: () => unknown): { error: SrpError; ms: number } {
  const start = performance.now();
  const error = refusal(call);
  return { error, ms: performance.now() - start };
}

describe('oversized server values are refused before they are parsed', () => {
  const huge = {
    hex: 'f'.repeat(TEN_MB),
    base64: 'A'.repeat(TEN_MB),
    text: 'x'.repeat(TEN_MB),
  };
  const cases: [member: string, value: string, max: number][] = [
    ['SRP_B', huge.hex, MAX_SRP_PUBLIC_VALUE_DIGITS],
    ['SALT', huge.hex, MAX_SALT_DIGITS],
    ['SECRET_BLOCK', huge.base64, MAX_CHALLENGE_STRING_LENGTH],
    ['USER_ID_FOR_SRP', huge.text, MAX_CHALLENGE_STRING_LENGTH],
  ];

  it.each(cases)('a 10 MB %s is INPUT_TOO_LARGE, refused in far less time than parsing it would take, session unspent', (member, value, max) => {
    const s = session();
    const hostile = { ...honestChallenge(), [member]: value };
    const { error, ms } = timed(() => answer(s, hostile));
    expect(error.code).toBe<SrpErrorCode>('INPUT_TOO_LARGE');
    expect(error.field).toBe(member);
    expect(error.message).toContain(String(max));
    // A length check: microseconds. The bound is wide so a loaded CI machine cannot fail it, yet a parse of 10 MB
    // (BigInt of 10 M hex digits and its hashing, or a base64 decode) takes far longer than this.
    expect(ms).toBeLessThan(50);
    // Nothing secret was used, so the same session still answers the honest challenge.
    expect(answer(s, honestChallenge()).PASSWORD_CLAIM_SIGNATURE).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('a 10 MB SRP_B is refused in the device answer too', () => {
    const error = refusal(() =>
      respondToDevicePasswordVerifier(session(), {
        deviceGroupKey: 'group',
        deviceKey: 'us-east-1_0f0f',
        devicePassword: 'device-password',
        challengeParameters: { ...honestChallenge(), USERNAME: 'alice', SRP_B: huge.hex },
        now,
      }),
    );
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.field).toBe('SRP_B');
  });

  it('a 10 MB USERNAME in a device challenge is refused', () => {
    const error = refusal(() =>
      respondToDevicePasswordVerifier(session(), {
        deviceGroupKey: 'group',
        deviceKey: 'us-east-1_0f0f',
        devicePassword: 'device-password',
        challengeParameters: { ...honestChallenge(), USERNAME: huge.text },
        now,
      }),
    );
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.field).toBe('USERNAME');
  });

  it('the server half refuses a 10 MB SRP_A before parsing it', () => {
    const { error, ms } = timed(() => createServerChallenge(record, huge.hex));
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.field).toBe('SRP_A');
    expect(ms).toBeLessThan(50);
  });

  it('the server half returns false for a 10 MB signature without encoding it', () => {
    const s = session();
    const challenge = createServerChallenge(record, s.srpA);
    const good = answer(s, { ...challenge.challengeParameters });
    expect(verifyPasswordClaim(challenge, good, { now })).toBe(true);
    const start = performance.now();
    expect(verifyPasswordClaim(challenge, { ...good, PASSWORD_CLAIM_SIGNATURE: good.PASSWORD_CLAIM_SIGNATURE + 'A'.repeat(TEN_MB) }, { now })).toBe(false);
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('the bounds sit exactly where limits.ts says', () => {
  it('SRP_B: the honest B zero-padded to 1,024 digits gives the same answer; 1,025 digits is refused', () => {
    const challenge = honestChallenge();
    const padded = challenge.SRP_B!.padStart(MAX_SRP_PUBLIC_VALUE_DIGITS, '0');
    expect(padded).toHaveLength(1024);
    expect(answer(session(), { ...challenge, SRP_B: padded })).toEqual(answer(session(), challenge));
    const error = refusal(() => answer(session(), { ...challenge, SRP_B: '0' + padded }));
    expect(error.code).toBe('INPUT_TOO_LARGE');
  });

  it('SALT: 1,024 digits (zero-padded) gives the same answer; 1,025 is refused', () => {
    const challenge = honestChallenge();
    const padded = challenge.SALT!.padStart(MAX_SALT_DIGITS, '0');
    expect(answer(session(), { ...challenge, SALT: padded })).toEqual(answer(session(), challenge));
    expect(refusal(() => answer(session(), { ...challenge, SALT: '0' + padded })).code).toBe('INPUT_TOO_LARGE');
  });

  it('SECRET_BLOCK: 131,072 characters are read, 131,073 are refused', () => {
    const challenge = honestChallenge();
    const longest = 'QUJD'.repeat(MAX_CHALLENGE_STRING_LENGTH / 4);
    expect(longest).toHaveLength(131_072);
    expect(answer(session(), { ...challenge, SECRET_BLOCK: longest }).PASSWORD_CLAIM_SECRET_BLOCK).toBe(longest);
    expect(refusal(() => answer(session(), { ...challenge, SECRET_BLOCK: longest + 'A' })).code).toBe('INPUT_TOO_LARGE');
  });

  it('USER_ID_FOR_SRP is counted in code points, as the model counts StringType', () => {
    const challenge = honestChallenge();
    const astral = '😀'.repeat(MAX_CHALLENGE_STRING_LENGTH); // 131,072 code points, 262,144 UTF-16 units
    expect(answer(session(), { ...challenge, USER_ID_FOR_SRP: astral }).USERNAME).toBe(astral);
    const error = refusal(() => answer(session(), { ...challenge, USER_ID_FOR_SRP: astral + 'x' }));
    expect(error.code).toBe('INPUT_TOO_LARGE');
    // A lone high surrogate at the end counts as one code point.
    expect(refusal(() => answer(session(), { ...challenge, USER_ID_FOR_SRP: astral + '\ud83d' })).code).toBe('INPUT_TOO_LARGE');
    const ascii = 'u'.repeat(MAX_CHALLENGE_STRING_LENGTH);
    expect(answer(session(), { ...challenge, USER_ID_FOR_SRP: ascii }).USERNAME).toBe(ascii);
    expect(refusal(() => answer(session(), { ...challenge, USER_ID_FOR_SRP: ascii + 'u' })).code).toBe('INPUT_TOO_LARGE');
  });

  it('lone surrogates count one code point each: pairs only form from a high surrogate followed by a low one', () => {
    const challenge = honestChallenge();
    const max = MAX_CHALLENGE_STRING_LENGTH;
    // 131,073 lone low surrogates (or lone highs) are 131,073 code points: refused.
    for (const unit of ['\udc00', '\ud800']) {
      const text = unit.repeat(Math.ceil((max + 1) / unit.length)).slice(0, max + 1);
      expect(refusal(() => answer(session(), { ...challenge, USER_ID_FOR_SRP: text })).code, JSON.stringify(unit)).toBe('INPUT_TOO_LARGE');
    }
    // A high surrogate followed by a non-surrogate is two code points.
    const mixed = '\ud800a'.repeat((max + 2) / 2);
    expect(refusal(() => answer(session(), { ...challenge, USER_ID_FOR_SRP: mixed })).code).toBe('INPUT_TOO_LARGE');
    // Exactly 131,072 code points made of pairs and lone surrogates is accepted.
    const exact = '😀'.repeat(max / 2) + '\udc00'.repeat(max / 2);
    expect(answer(session(), { ...challenge, USER_ID_FOR_SRP: exact }).USERNAME).toBe(exact);
  });

  it('hex values are bounded in UTF-16 units, not code points: 513 astral characters (1,026 units) are too long', () => {
    const astral = '😀'.repeat(513); // 1,026 UTF-16 units, 513 code points
    expect(astral).toHaveLength(1026);
    const challenge = honestChallenge();
    expect(refusal(() => answer(session(), { ...challenge, SRP_B: astral })).code).toBe('INPUT_TOO_LARGE');
    expect(refusal(() => answer(session(), { ...challenge, SALT: astral })).code).toBe('INPUT_TOO_LARGE');
    expect(refusal(() => createServerChallenge(record, astral)).code).toBe('INPUT_TOO_LARGE');
  });

  it('the server half reads SRP_A of 1,024 digits and refuses 1,025', () => {
    const srpA = session().srpA.padStart(MAX_SRP_PUBLIC_VALUE_DIGITS, '0');
    expect(createServerChallenge(record, srpA).challengeParameters.SRP_B).toMatch(/^[0-9a-f]+$/);
    expect(refusal(() => createServerChallenge(record, '0' + srpA)).code).toBe('INPUT_TOO_LARGE');
  });
});

describe('the abort conditions of SRP-6a', () => {
  const multiplesOfN: [string, bigint][] = [
    ['0', 0n],
    ['N', N],
    ['2N', 2n * N],
    ['N with leading zeros', N],
  ];

  it.each(multiplesOfN)('client: B = %s (0 mod N) is INVALID_SRP_B and leaves the session unspent', (name, B) => {
    const s = session();
    const hex = name.includes('leading') ? '000' + B.toString(16) : B.toString(16);
    const error = refusal(() => answer(s, { ...honestChallenge(), SRP_B: hex }));
    expect(error.code).toBe<SrpErrorCode>('INVALID_SRP_B');
    expect(error.field).toBe('SRP_B');
    expect(answer(s, honestChallenge()).USERNAME).toBe('alice');
  });

  it('client device answer: B = N is INVALID_SRP_B', () => {
    const error = refusal(() =>
      respondToDevicePasswordVerifier(session(), {
        deviceGroupKey: 'group',
        deviceKey: 'us-east-1_0f0f',
        devicePassword: 'device-password',
        challengeParameters: { ...honestChallenge(), USERNAME: 'alice', SRP_B: N.toString(16) },
        now,
      }),
    );
    expect(error.code).toBe('INVALID_SRP_B');
  });

  it('the steps: assertValidB and computeS refuse B ≡ 0 mod N, and accept B ≡ 1', () => {
    for (const B of [0n, N, 3n * N]) {
      expect(refusal(() => assertValidB(B)).code).toBe('INVALID_SRP_B');
      expect(refusal(() => computeS({ a: 5n, B, x: 7n, u: 11n })).code).toBe('INVALID_SRP_B');
    }
    expect(() => assertValidB(N + 1n)).not.toThrow();
    expect(typeof computeS({ a: 5n, B: N + 1n, x: 7n, u: 11n })).toBe('bigint');
  });

  it.each(multiplesOfN)('server half: A = %s (0 mod N) is INVALID_SRP_A, for users and devices', (name, A) => {
    const hex = name.includes('leading') ? '00' + A.toString(16) : A.toString(16);
    expect(refusal(() => createServerChallenge(record, hex)).code).toBe<SrpErrorCode>('INVALID_SRP_A');
    const device = {
      deviceGroupKey: 'group',
      deviceKey: 'us-east-1_0f0f',
      username: 'alice',
      deviceSecretVerifierConfig: { Salt: 'AAECAwQFBgcICQoLDA0ODw==', PasswordVerifier: 'Ag==' },
    };
    expect(refusal(() => createDeviceServerChallenge(device, hex)).code).toBe('INVALID_SRP_A');
  });

  it('a = 0 cannot be drawn or used: INVALID_RANDOM_BYTES for an all-zero source, INVALID_ARGUMENT in the steps', () => {
    expect(refusal(() => createSrpSession({ randomBytes: (n) => new Uint8Array(n) })).code).toBe('INVALID_RANDOM_BYTES');
    expect(refusal(() => createSrpSession({ privateValueBits: 256, randomBytes: (n) => new Uint8Array(n) })).code).toBe('INVALID_RANDOM_BYTES');
    expect(refusal(() => computeA(0n)).code).toBe('INVALID_ARGUMENT');
    expect(refusal(() => computeA(-1n)).code).toBe('INVALID_ARGUMENT');
    expect(refusal(() => computeS({ a: 0n, B: 2n, x: 1n, u: 1n })).code).toBe('INVALID_ARGUMENT');
    expect(refusal(() => importSrpSession('cognito-kit.srp-session.v1.' + '0'.repeat(256))).code).toBe('INVALID_SESSION');
  });
});

describe('a client clock that is far off', () => {
  // Cognito compares TIMESTAMP with its own clock and answers NotAuthorizedException (indistinguishable from a wrong
  // password) when it is out of its window; the server half does the same with DEFAULT_MAX_SKEW_MS (5 minutes).
  const serverNow = new Date('2026-11-26T08:00:00.000Z');
  const signedAt = (offsetMs: number) => {
    const s = session();
    const challenge = createServerChallenge(record, s.srpA);
    const claim = respondToPasswordVerifier(s, {
      userPoolId: user.userPoolId,
      password: user.password,
      challengeParameters: { ...challenge.challengeParameters },
      now: new Date(serverNow.getTime() + offsetMs),
    });
    return { challenge, claim };
  };

  it.each([
    ['in sync', 0, true],
    ['5 minutes fast (the edge)', 5 * 60_000, true],
    ['5 minutes slow (the edge)', -5 * 60_000, true],
    ['5 minutes 1 second fast', 5 * 60_000 + 1000, false],
    ['6 minutes slow', -6 * 60_000, false],
    ['an hour fast (a wrong time zone)', 3_600_000, false],
    ['a day slow', -86_400_000, false],
  ])('%s: verified = %s', (_name, offsetMs, accepted) => {
    const { challenge, claim } = signedAt(offsetMs);
    expect(verifyPasswordClaim(challenge, claim, { now: serverNow })).toBe(accepted);
  });

  it('a tighter window (maxSkewMs) refuses what the default accepts; the right now (injected) fixes a wrong clock', () => {
    const { challenge, claim } = signedAt(90_000);
    expect(verifyPasswordClaim(challenge, claim, { now: serverNow })).toBe(true);
    expect(verifyPasswordClaim(challenge, claim, { now: serverNow, maxSkewMs: 60_000 })).toBe(false);
    // The same claim checked by a server whose clock agrees with the client's passes the tight window too.
    expect(verifyPasswordClaim(challenge, claim, { now: new Date(serverNow.getTime() + 90_000), maxSkewMs: 60_000 })).toBe(true);
  });
});

describe('server half: a stored device config too long to be a verifier is refused before decoding', () => {
  const device = { deviceGroupKey: 'group', deviceKey: 'us-east-1_0f0f-aa', username: 'alice' };
  const A = createSrpSession().srpA;
  it.each(['Salt', 'PasswordVerifier'] as const)('%s of 10 MB: INPUT_TOO_LARGE at that member', (member) => {
    const config = { Salt: 'AAAAAAAAAAAAAAAAAAAAAA==', PasswordVerifier: 'AQ==', [member]: 'QUJD'.repeat(2_500_000) };
    expect(() => createDeviceServerChallenge({ ...device, deviceSecretVerifierConfig: config }, A)).toThrowError(
      expect.objectContaining({ code: 'INPUT_TOO_LARGE', field: member }),
    );
  });
  it('1,368 characters (1,024 bytes) is still read', () => {
    const config = { Salt: 'AAAAAAAAAAAAAAAAAAAAAA==', PasswordVerifier: 'QUJD'.repeat(342) };
    expect(createDeviceServerChallenge({ ...device, deviceSecretVerifierConfig: config }, A).challengeName).toBe('DEVICE_PASSWORD_VERIFIER');
  });
});

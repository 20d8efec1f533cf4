// The server half against the client: both sides derive the same key for any user, and the server refuses
// every wrong answer (another password, a flipped signature bit, a stale or reformatted timestamp, ...).
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toBase64 } from './helpers/bytes.js';
import {
  SrpError,
  createDeviceVerifier,
  createSrpSession,
  exportSrpSession,
  importSrpSession,
  formatTimestamp,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  secretHash,
  type SrpSession,
} from '../src/index.js';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyDevicePasswordClaim,
  verifyPasswordClaim,
} from '../src/server/index.js';

const now = new Date('2026-11-26T08:00:00.000Z');
const poolId = fc
  .tuple(fc.constantFrom('us-east-1', 'eu-west-2', 'ap-southeast-2'), fc.stringMatching(/^[0-9a-zA-Z]{1,20}$/))
  .map(([region, name]) => `${region}_${name}`);
const userId = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const password = fc.string({ unit: 'grapheme', minLength: 0, maxLength: 256 });
const saltBytes = fc.uint8Array({ minLength: 16, maxLength: 16 });
// SALT strings as a server might send them: odd length, upper case, leading zeros (all below 2^128).
const saltText = fc.stringMatching(/^[0-9a-fA-F]{1,32}$/);

interface User {
  userPoolId: string;
  userIdForSrp: string;
  password: string;
}

/** The stored user; with `saltString`, SALT is sent as that string (its value, padded to 16 bytes, is the salt). */
function store(user: User, salt: Uint8Array = crypto.getRandomValues(new Uint8Array(16)), saltString?: string) {
  const stored = createUserVerifier({ ...user, randomBytes: () => salt });
  return { ...user, ...stored, ...(saltString === undefined ? {} : { salt: saltString }) };
}

function login(record: ReturnType<typeof store>, typed = record.password) {
  const session = createSrpSession();
  const challenge = createServerChallenge(record, session.srpA);
  const answer = respondToPasswordVerifier(session, {
    userPoolId: record.userPoolId,
    password: typed,
    challengeParameters: challenge.challengeParameters,
    now,
  });
  return { challenge, answer };
}

const saltFromText = (text: string) => fromHex(BigInt('0x' + text).toString(16).padStart(32, '0'));

describe('client and server half', () => {
  test.prop([poolId, userId, password, saltBytes], { numRuns: 40 })(
    'derive the same key: the server accepts the signature for any pool, user, password and salt',
    (userPoolId, userIdForSrp, pw, salt) => {
      const { challenge, answer } = login(store({ userPoolId, userIdForSrp, password: pw }, salt));
      expect(answer.USERNAME).toBe(userIdForSrp);
      expect(verifyPasswordClaim(challenge, answer, { now })).toBe(true);
    },
  );

  test.prop([poolId, userId, password, saltText], { numRuns: 25 })(
    'agree on odd-length, upper-case and 00-prefixed SALT strings',
    (userPoolId, userIdForSrp, pw, text) => {
      const { challenge, answer } = login(store({ userPoolId, userIdForSrp, password: pw }, saltFromText(text), text));
      expect(challenge.challengeParameters.SALT).toBe(text);
      expect(verifyPasswordClaim(challenge, answer, { now })).toBe(true);
    },
  );

  test.prop([poolId, userId, password, password], { numRuns: 25 })('refuse any other password', (userPoolId, userIdForSrp, pw, other) => {
    fc.pre(pw !== other);
    const { challenge, answer } = login(store({ userPoolId, userIdForSrp, password: pw }), other);
    expect(verifyPasswordClaim(challenge, answer, { now })).toBe(false);
  });

  test.prop([poolId, userId, password, fc.nat({ max: 255 })], { numRuns: 25 })(
    'refuse a signature with any one bit flipped',
    (userPoolId, userIdForSrp, pw, bit) => {
      const { challenge, answer } = login(store({ userPoolId, userIdForSrp, password: pw }));
      const signature = fromBase64(answer.PASSWORD_CLAIM_SIGNATURE);
      signature[bit >> 3]! ^= 1 << (bit & 7);
      const tampered = { ...answer, PASSWORD_CLAIM_SIGNATURE: toBase64(signature) };
      expect(verifyPasswordClaim(challenge, tampered, { now })).toBe(false);
    },
  );

  test.prop([fc.integer({ min: 1, max: 10 * 24 * 3600 }), fc.boolean()], { numRuns: 20 })(
    'refuse a timestamp outside the window, in the past or the future',
    (seconds, future) => {
      const { challenge, answer } = login(store({ userPoolId: 'us-east-1_Pool1', userIdForSrp: 'alice', password: 'pw' }));
      const serverNow = new Date(now.getTime() + (future ? -1 : 1) * (5 * 60 + seconds) * 1000);
      expect(verifyPasswordClaim(challenge, answer, { now: serverNow })).toBe(false);
      expect(verifyPasswordClaim(challenge, answer, { now: serverNow, maxSkewMs: 6 * 60 * 1000 + seconds * 1000 })).toBe(true);
    },
  );

  it('refuses a re-signed answer whose TIMESTAMP is reformatted (zero-padded day, other zone)', () => {
    const early = new Date('2026-11-03T05:07:08.000Z');
    const stored = createUserVerifier({ userPoolId: 'us-east-1_Pool1', userIdForSrp: 'alice', password: 'pw' });
    const session = createSrpSession();
    const challenge = createServerChallenge({ userPoolId: 'us-east-1_Pool1', userIdForSrp: 'alice', ...stored }, session.srpA);
    const answer = respondToPasswordVerifier(session, {
      userPoolId: 'us-east-1_Pool1',
      password: 'pw',
      challengeParameters: challenge.challengeParameters,
      now: early,
    });
    expect(answer.TIMESTAMP).toBe('Tue Nov 3 05:07:08 UTC 2026');
    expect(verifyPasswordClaim(challenge, answer, { now: early })).toBe(true);
    for (const TIMESTAMP of ['Tue Nov 03 05:07:08 UTC 2026', 'Tue Nov 3 05:07:08 GMT 2026', 'Wed Nov 3 05:07:08 UTC 2026']) {
      expect(verifyPasswordClaim(challenge, { ...answer, TIMESTAMP }, { now: early })).toBe(false);
    }
  });

  it('refuses a wrong USERNAME, SECRET_BLOCK or a missing member, and checks SECRET_HASH when given a secret', () => {
    const clientId = 'client123';
    const clientSecret = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const stored = createUserVerifier({ userPoolId: 'us-east-1_Pool1', userIdForSrp: 'uuid-1', password: 'pw' });
    const session = createSrpSession();
    const challenge = createServerChallenge(
      { userPoolId: 'us-east-1_Pool1', userIdForSrp: 'uuid-1', username: 'alice', ...stored },
      session.srpA,
    );
    expect(challenge.challengeParameters).toMatchObject({ USER_ID_FOR_SRP: 'uuid-1', USERNAME: 'alice' });
    const answer = respondToPasswordVerifier(session, {
      userPoolId: 'us-east-1_Pool1',
      password: 'pw',
      challengeParameters: challenge.challengeParameters,
      clientId,
      clientSecret,
      now,
    });
    expect(answer.SECRET_HASH).toBe(secretHash('uuid-1', clientId, clientSecret));
    expect(verifyPasswordClaim(challenge, answer, { now, clientId, clientSecret })).toBe(true);
    expect(verifyPasswordClaim(challenge, { ...answer, SECRET_HASH: secretHash('uuid-1', clientId, 'x'.repeat(30)) }, { now, clientId, clientSecret })).toBe(false);
    expect(verifyPasswordClaim(challenge, { ...answer, USERNAME: 'mallory' }, { now })).toBe(false);
    expect(verifyPasswordClaim(challenge, { ...answer, PASSWORD_CLAIM_SECRET_BLOCK: 'AAAA' }, { now })).toBe(false);
    const { TIMESTAMP: _dropped, ...incomplete } = answer;
    expect(verifyPasswordClaim(challenge, incomplete as never, { now })).toBe(false);
    expect(verifyPasswordClaim(challenge, null as never, { now })).toBe(false);
  });

  it('refuses SRP_A = 0 mod N and non-hex SRP_A', () => {
    const stored = createUserVerifier({ userPoolId: 'us-east-1_Pool1', userIdForSrp: 'alice', password: 'pw' });
    const user = { userPoolId: 'us-east-1_Pool1', userIdForSrp: 'alice', ...stored };
    expect(() => createServerChallenge(user, '0')).toThrowError(expect.objectContaining({ code: 'INVALID_SRP_A' }));
    expect(() => createServerChallenge(user, 'xyz')).toThrowError(expect.objectContaining({ code: 'INVALID_HEX' }));
  });

  it('refuses a non-string SRP_A as INVALID_ARGUMENT: the length bound leaves the type to the parser', () => {
    const stored = createUserVerifier({ userPoolId: 'us-east-1_Pool1', userIdForSrp: 'alice', password: 'pw' });
    const user = { userPoolId: 'us-east-1_Pool1', userIdForSrp: 'alice', ...stored };
    for (const srpA of [5, null, undefined]) {
      expect(() => createServerChallenge(user, srpA as never), String(srpA)).toThrowError(
        expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'SRP_A', message: 'SRP_A must be a hex string' }),
      );
    }
  });

  it('does not let one kind of challenge verify as the other', () => {
    const { challenge, answer } = login(store({ userPoolId: 'us-east-1_Pool1', userIdForSrp: 'alice', password: 'pw' }));
    expect(() => verifyDevicePasswordClaim(challenge, answer)).toThrow(SrpError);
    expect(() => verifyPasswordClaim({ challengeName: 'PASSWORD_VERIFIER', challengeParameters: {} }, answer)).toThrow(SrpError);
  });
});

describe('device SRP with the server half', () => {
  const deviceGroupKey = '-xY12abCDe';
  const deviceKey = 'us-east-1_4c1e4a5f-1b2c-4d3e-8f90-0123456789ab';

  /** A device registered with createDeviceVerifier, a client session, and the server's challenge to it. */
  function deviceLogin(randomBytes?: (n: number) => Uint8Array) {
    const registered = createDeviceVerifier({ deviceGroupKey, deviceKey, ...(randomBytes === undefined ? {} : { randomBytes }) });
    const session = createSrpSession();
    const challenge = createDeviceServerChallenge(
      { deviceGroupKey, deviceKey, username: 'alice', deviceSecretVerifierConfig: registered.DeviceSecretVerifierConfig },
      session.srpA,
    );
    const sealed = exportSrpSession(session); // a session answers once: each answer below gets its own copy of a
    const answer = (changes: { session?: SrpSession; deviceKey?: string; devicePassword?: string } = {}) =>
      respondToDevicePasswordVerifier(changes.session ?? importSrpSession(sealed), {
        deviceGroupKey,
        deviceKey: changes.deviceKey ?? deviceKey,
        devicePassword: changes.devicePassword ?? registered.devicePassword,
        challengeParameters: challenge.challengeParameters,
        now,
      });
    return { challenge, answer };
  }

  test.prop([fc.uint8Array({ minLength: 40, maxLength: 40 }), fc.uint8Array({ minLength: 16, maxLength: 16 })], { numRuns: 20 })(
    'a device registered with createDeviceVerifier signs in, with any salt bytes',
    (passwordBytes, saltBytes) => {
      const draws = [passwordBytes, saltBytes];
      const { challenge, answer } = deviceLogin(() => draws.shift()!);
      const right = answer();
      expect(verifyDevicePasswordClaim(challenge, right, { now })).toBe(true);
      expect(right.TIMESTAMP).toBe(formatTimestamp(now));
      expect(verifyDevicePasswordClaim(challenge, { ...right, DEVICE_KEY: 'us-east-1_other' }, { now })).toBe(false);
      // another device password, or another session's a: the key differs, so the signature must not verify
      expect(verifyDevicePasswordClaim(challenge, answer({ devicePassword: toBase64(new Uint8Array(40).fill(1)) }), { now })).toBe(false);
      expect(verifyDevicePasswordClaim(challenge, answer({ session: createSrpSession() }), { now })).toBe(false);
    },
  );

  it('refuses to answer for another device key', () => {
    const { answer } = deviceLogin();
    expect(() => answer({ deviceKey: 'us-east-1_someone-else' })).toThrowError(expect.objectContaining({ code: 'DEVICE_KEY_MISMATCH' }));
  });
});

// Fuzzing every public function of @cognito-kit/srp and @cognito-kit/srp/server with hostile values: arbitrary and
// huge strings, lone surrogates, `__proto__`/`constructor` keys, numbers where strings belong, missing members.
// Each call must return a correct result or throw SrpError with a documented code (helpers/fuzz.ts: underContract),
// within a bound that rules out a hang, leaving its (frozen) input unchanged and the prototypes clean.
// CI runs the counts below (about 15 s); `pnpm test:fuzz` runs FUZZ_RUNS=20000 per property.
import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect, it } from 'vitest';
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
  isSrpSession,
  modPow,
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
} from '../src/index.js';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyDevicePasswordClaim,
  verifyPasswordClaim,
} from '../src/server/index.js';
import { HOSTILE_KEYS, SRP_ERROR_CODES, anyString, anything, expectNoPrototypePollution, runs, sometimes, underContract } from './helpers/fuzz.js';

afterEach(() => expectNoPrototypePollution());

const now = new Date('2026-11-26T08:00:00.000Z');
const EXPORTED = 'cognito-kit.srp-session.v1.' + '7b'.repeat(128);
const freshSession = (): SrpSession => importSrpSession(EXPORTED);
const user = { userPoolId: 'eu-west-2_Fuzz1', userIdForSrp: 'alice', password: 'Pässword 1!' };
const stored = createUserVerifier({ ...user, randomBytes: () => Uint8Array.from({ length: 16 }, (_, i) => 200 - i) });
const record = { ...user, ...stored };
const honest = createServerChallenge(record, freshSession().srpA);
const honestParameters = { ...honest.challengeParameters };
const device = { deviceGroupKey: 'group-key', deviceKey: 'eu-west-2_0f0f-aa' };
const verifierConfig = createDeviceVerifier({ ...device, randomBytes: (n) => new Uint8Array(n).fill(n) });
const storedDevice = { ...device, username: 'alice', deviceSecretVerifierConfig: verifierConfig.DeviceSecretVerifierConfig };
const deviceChallenge = createDeviceServerChallenge(storedDevice, freshSession().srpA);

const smallBigint = fc.bigInt({ min: -(1n << 3200n), max: 1n << 3200n });
const anyBigintish = fc.oneof({ weight: 3, arbitrary: smallBigint }, { weight: 1, arbitrary: anything });
const sessionish = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null).map(() => freshSession()) },
  { weight: 1, arbitrary: anything },
  { weight: 1, arbitrary: fc.constant({ srpA: 'ab' }) },
);
/** Extra members with hostile keys, merged into a map so they are own properties (as JSON.parse makes them). */
const hostileMembers = fc.dictionary(fc.constantFrom(...HOSTILE_KEYS), anything, { maxKeys: 3 });
const withHostileMembers = (base: Record<string, unknown>, extra: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, value] of Object.entries(extra)) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
};

/** SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP: the honest value, a mutation of it, or anything. */
const challengeMember = (honestValue: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(honestValue) },
    { weight: 1, arbitrary: fc.constant(honestValue.toUpperCase()) },
    { weight: 1, arbitrary: fc.constant('00' + honestValue) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: Math.max(0, honestValue.length - 1) }).map((i) => honestValue.slice(0, i) + 'g' + honestValue.slice(i + 1)) },
    { weight: 2, arbitrary: anything },
  );
const challengeParameters = fc
  .tuple(
    fc.record(
      {
        SALT: challengeMember(honestParameters.SALT!),
        SRP_B: challengeMember(honestParameters.SRP_B!),
        SECRET_BLOCK: challengeMember(honestParameters.SECRET_BLOCK!),
        USER_ID_FOR_SRP: challengeMember('alice'),
        USERNAME: challengeMember('alice'),
      },
      { requiredKeys: [] },
    ),
    hostileMembers,
  )
  .map(([members, extra]) => withHostileMembers(members, extra));
const parametersOrAnything = fc.oneof({ weight: 5, arbitrary: challengeParameters }, { weight: 1, arbitrary: anything });

const passwordInput = fc
  .tuple(
    fc.record(
      {
        userPoolId: sometimes(fc.constant(user.userPoolId)),
        password: sometimes(fc.constant(user.password), 5),
        challengeParameters: parametersOrAnything,
        clientId: sometimes(fc.constant('client1')),
        clientSecret: sometimes(fc.constant('client-secret-0123456789abcdef')),
        deviceKey: sometimes(fc.constant('eu-west-2_0f0f-aa')),
        now: fc.oneof({ weight: 5, arbitrary: fc.constant(now) }, { weight: 1, arbitrary: anything }),
      },
      { requiredKeys: ['challengeParameters', 'now'] },
    ),
    hostileMembers,
  )
  .map(([members, extra]) => withHostileMembers(members, extra));

function isHonest(parameters: unknown): boolean {
  if (typeof parameters !== 'object' || parameters === null) return false;
  const p = parameters as Record<string, unknown>;
  return p.SALT === honestParameters.SALT && p.SRP_B === honestParameters.SRP_B && p.SECRET_BLOCK === honestParameters.SECRET_BLOCK && p.USER_ID_FOR_SRP === 'alice';
}

describe('fuzz: PASSWORD_VERIFIER and device answers', () => {
  test.prop([sessionish, fc.oneof({ weight: 6, arbitrary: passwordInput }, { weight: 1, arbitrary: anything })], { numRuns: runs(400) })(
    'respondToPasswordVerifier: a correct answer or a typed refusal; an honest challenge verifies',
    (session, input) => {
      const outcome = underContract([session, input], respondToPasswordVerifier);
      if (!outcome.ok) return;
      const given = input as Record<string, unknown>;
      const parameters = given.challengeParameters as Record<string, string>;
      const answer = outcome.value;
      expect(answer.USERNAME).toBe(parameters.USER_ID_FOR_SRP);
      expect(answer.PASSWORD_CLAIM_SECRET_BLOCK).toBe(parameters.SECRET_BLOCK);
      expect(answer.TIMESTAMP).toBe(formatTimestamp(given.now as Date));
      expect(answer.PASSWORD_CLAIM_SIGNATURE).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(Object.keys(answer).every((key) => typeof (answer as Record<string, unknown>)[key] === 'string')).toBe(true);
      const honestInput = isHonest(parameters) && given.password === user.password && given.userPoolId === user.userPoolId;
      if (honestInput) {
        const secret = given.clientSecret === undefined ? {} : { clientId: given.clientId as string, clientSecret: given.clientSecret as string };
        expect(verifyPasswordClaim(honest, answer, { now, ...secret })).toBe(true);
      }
    },
  );

  const deviceInput = fc
    .tuple(
      fc.record(
        {
          deviceGroupKey: sometimes(fc.constant(device.deviceGroupKey)),
          deviceKey: sometimes(fc.constant(device.deviceKey)),
          devicePassword: sometimes(fc.constant(verifierConfig.devicePassword), 5),
          challengeParameters: fc.oneof(
            { weight: 3, arbitrary: fc.constant({ ...deviceChallenge.challengeParameters }) },
            { weight: 3, arbitrary: challengeParameters },
            { weight: 1, arbitrary: anything },
          ),
          clientId: sometimes(fc.constant('client1')),
          clientSecret: sometimes(fc.constant('client-secret-0123456789abcdef')),
          now: fc.oneof({ weight: 5, arbitrary: fc.constant(now) }, { weight: 1, arbitrary: anything }),
        },
        { requiredKeys: ['challengeParameters', 'now'] },
      ),
      hostileMembers,
    )
    .map(([members, extra]) => withHostileMembers(members, extra));

  test.prop([sessionish, fc.oneof({ weight: 6, arbitrary: deviceInput }, { weight: 1, arbitrary: anything })], { numRuns: runs(300) })(
    'respondToDevicePasswordVerifier: a correct answer or a typed refusal',
    (session, input) => {
      const outcome = underContract([session, input], respondToDevicePasswordVerifier);
      if (!outcome.ok) return;
      const given = input as Record<string, unknown>;
      const parameters = given.challengeParameters as Record<string, string>;
      expect(outcome.value.USERNAME).toBe(parameters.USERNAME);
      expect(outcome.value.DEVICE_KEY).toBe(given.deviceKey);
      expect(outcome.value.PASSWORD_CLAIM_SIGNATURE).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    },
  );

  test.prop([fc.oneof(fc.record({ deviceGroupKey: sometimes(anyString), deviceKey: sometimes(anyString), randomBytes: sometimes(fc.constant((n: number) => new Uint8Array(n).fill(1))) }), anything)], {
    numRuns: runs(300),
  })('createDeviceVerifier: a verifier or a typed refusal', (input) => {
    const outcome = underContract([input], createDeviceVerifier);
    if (!outcome.ok) return;
    expect(outcome.value.devicePassword).toMatch(/^[A-Za-z0-9+/]{54}==$/);
    expect(outcome.value.DeviceSecretVerifierConfig.Salt.length).toBeGreaterThan(0);
  });
});

describe('fuzz: sessions and randomness', () => {
  const randomSource = fc.oneof(
    fc.constant(undefined),
    fc.constant((n: number) => new Uint8Array(n).fill(3)),
    fc.constant((n: number) => new Uint8Array(n)),
    fc.constant((n: number) => new Uint8Array(n + 1)),
    fc.constant(() => 'not bytes'),
    fc.constant((n: number) => Array.from({ length: n }, () => 1)),
    anything,
  );
  test.prop([fc.oneof(fc.record({ randomBytes: randomSource, privateValueBits: sometimes(fc.constantFrom(256, 1024)) }, { requiredKeys: [] }), anything)], {
    numRuns: runs(300),
  })('createSrpSession: a session or a typed refusal', (options) => {
    const outcome = underContract([options], createSrpSession);
    if (outcome.ok) {
      expect(isSrpSession(outcome.value)).toBe(true);
      expect(outcome.value.srpA).toMatch(/^[1-9a-f][0-9a-f]*$/);
    }
  });

  test.prop([anything], { numRuns: runs(2000) })('isSrpSession is a boolean for anything; exportSrpSession refuses non-sessions', (value) => {
    expect(typeof underContract([value], isSrpSession).ok).toBe('boolean');
    const exported = underContract([value], exportSrpSession);
    expect(exported.ok).toBe(false);
  });

  test.prop([fc.oneof(anything, fc.stringMatching(/^cognito-kit\.srp-session\.v1\.[0-9a-fA-F]{250,260}$/))], { numRuns: runs(2000) })(
    'importSrpSession: a session only from an exact export, else INVALID_SESSION',
    (text) => {
      const outcome = underContract([text], importSrpSession);
      if (outcome.ok) expect(exportSrpSession(outcome.value)).toBe(text);
      else expect(outcome.error.code).toBe('INVALID_SESSION');
    },
  );
});

describe('fuzz: encodings, SECRET_HASH, TIMESTAMP, pool ids', () => {
  test.prop([anything], { numRuns: runs(2000) })('padHex: hex of the two’s complement for a bigint, INVALID_ARGUMENT otherwise', (value) => {
    const outcome = underContract([value], padHex);
    if (!outcome.ok) {
      expect(typeof value).not.toBe('bigint');
      return;
    }
    const hex = outcome.value;
    expect(hex).toMatch(/^([0-9a-f]{2})+$/);
    // Read back as two's complement, it is the value.
    const raw = BigInt('0x' + hex);
    const signed = parseInt(hex[0]!, 16) >= 8 ? raw - (1n << BigInt(hex.length * 4)) : raw;
    expect(signed).toBe(value);
  });

  const codes = fc.constantFrom(undefined, 'INVALID_HEX' as const, 'INVALID_SALT' as const);
  test.prop([anything, fc.string({ maxLength: 12 }), codes], { numRuns: runs(2000) })(
    'parseUnsignedHex: the number for plain hex, the given code otherwise',
    (text, field, code) => {
      const outcome = underContract([text, field, code], parseUnsignedHex);
      if (outcome.ok) {
        expect(typeof text).toBe('string');
        expect(outcome.value).toBe(BigInt('0x' + (text as string)));
        expect(text).toMatch(/^[0-9a-fA-F]+$/);
      } else {
        expect([code ?? 'INVALID_HEX', 'INVALID_ARGUMENT']).toContain(outcome.error.code);
        expect(outcome.error.field).toBe(field);
      }
    },
  );

  test.prop([anything, anything, anything], { numRuns: runs(500) })('secretHash: 44 base64 characters or INVALID_ARGUMENT', (username, clientId, clientSecret) => {
    const outcome = underContract([username, clientId, clientSecret], secretHash);
    if (outcome.ok) expect(outcome.value).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    else expect(outcome.error.code).toBe('INVALID_ARGUMENT');
  });

  test.prop([anything, anything, anything], { numRuns: runs(300) })('secretHasher: the same hash as secretHash, or INVALID_ARGUMENT', (clientId, clientSecret, username) => {
    const keyed = underContract([clientId, clientSecret], secretHasher);
    if (!keyed.ok) return;
    const hashed = underContract([username], keyed.value);
    if (hashed.ok) expect(hashed.value).toBe(secretHash(username as string, clientId as string, clientSecret as string));
  });

  test.prop([fc.oneof(anything, fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }))], { numRuns: runs(2000) })(
    'formatTimestamp: the TIMESTAMP of a valid Date, INVALID_DATE otherwise; parseTimestamp reads it back for 4-digit years',
    (date) => {
      const outcome = underContract([date], formatTimestamp);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('INVALID_DATE');
        return;
      }
      const instant = Math.floor((date as Date).getTime() / 1000) * 1000;
      const year = new Date(instant).getUTCFullYear();
      if (year >= 1000 && year <= 9999) expect(parseTimestamp(outcome.value)?.getTime()).toBe(instant);
    },
  );

  it('formatTimestamp reads the instant of a Date of any realm, and refuses look-alikes', () => {
    const fake = Object.create(Date.prototype) as Date;
    expect(underContract([fake], formatTimestamp)).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    const lying = new Date(0);
    Object.defineProperty(lying, 'getTime', { value: () => 86_400_000 });
    expect(formatTimestamp(lying)).toBe('Thu Jan 1 00:00:00 UTC 1970');
  });

  test.prop([anything], { numRuns: runs(2000) })('parseTimestamp never throws: a Date or undefined', (text) => {
    const outcome = underContract([text], parseTimestamp);
    expect(outcome.ok).toBe(true);
    if (outcome.ok && outcome.value !== undefined) expect(formatTimestamp(outcome.value)).toBe(text);
  });

  test.prop([fc.oneof(anything, fc.stringMatching(/^[\w-]{0,20}_[0-9a-zA-Z_]{0,40}$/))], { numRuns: runs(2000) })(
    'poolNameOf: the name after the one underscore, or INVALID_USER_POOL_ID',
    (id) => {
      const outcome = underContract([id], poolNameOf);
      if (outcome.ok) expect(`${(id as string).split('_')[0]}_${outcome.value}`).toBe(id);
      else expect(outcome.error.code).toBe('INVALID_USER_POOL_ID');
    },
  );
});

describe('fuzz: the steps', () => {
  const modulus = fc.oneof(fc.constant(N), fc.bigInt({ min: -5n, max: 1n << 200n }), anything);
  const exponent = fc.oneof(fc.bigInt({ min: -5n, max: 1n << 300n }), anything);
  test.prop([anyBigintish, exponent, modulus], { numRuns: runs(1000) })('modPow: in [0, m) or INVALID_ARGUMENT', (base, e, m) => {
    const outcome = underContract([base, e, m], modPow);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('INVALID_ARGUMENT');
      return;
    }
    expect(outcome.value >= 0n && outcome.value < (m as bigint)).toBe(true);
  });

  test.prop([fc.oneof(fc.bigInt({ min: -3n, max: 1n << 1100n }), anything)], { numRuns: runs(100) })('computeA and computeVerifier: g^x mod N or a typed refusal', (value) => {
    for (const step of [computeA, computeVerifier]) {
      const outcome = underContract([value], step);
      if (outcome.ok) expect(outcome.value === modPow(2n, value as bigint, N)).toBe(true);
    }
  });

  test.prop([anyBigintish, anyBigintish], { numRuns: runs(1000) })('computeU and deriveKey: a value or a typed refusal', (x, y) => {
    const u = underContract([x, y], computeU);
    if (u.ok) expect(u.value > 0n && u.value < 1n << 256n).toBe(true);
    const key = underContract([x, y], deriveKey);
    if (key.ok) expect(key.value).toHaveLength(16);
  });

  test.prop([anything, anything, anything], { numRuns: runs(500) })('hashIdentity: 32 bytes or INVALID_ARGUMENT', (prefix, userId, password) => {
    const outcome = underContract([prefix, userId, password], hashIdentity);
    if (outcome.ok) expect(outcome.value).toHaveLength(32);
    else expect(outcome.error.code).toBe('INVALID_ARGUMENT');
  });

  test.prop([anyBigintish, fc.oneof(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 40 }), anything)], { numRuns: runs(2000) })(
    'computeX: a 256-bit value or a typed refusal',
    (salt, identity) => {
      const outcome = underContract([salt, identity], computeX);
      if (outcome.ok) expect(outcome.value >= 0n && outcome.value < 1n << 256n).toBe(true);
    },
  );

  test.prop([fc.oneof(fc.record({ a: anyBigintish, B: anyBigintish, x: anyBigintish, u: anyBigintish }, { requiredKeys: [] }), anything)], { numRuns: runs(300) })(
    'computeS and assertValidB: a value in [0, N) or a typed refusal',
    (input) => {
      const outcome = underContract([input], computeS);
      if (outcome.ok) expect(outcome.value >= 0n && outcome.value < N).toBe(true);
      underContract([(input as { B?: unknown } | null)?.B], assertValidB);
    },
  );

  const claim = fc.record(
    { prefix: sometimes(anyString), userId: sometimes(anyString), secretBlock: sometimes(fc.oneof(anyString, fc.uint8Array())), timestamp: sometimes(anyString) },
    { requiredKeys: [] },
  );
  test.prop([fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 32 }), anything), fc.oneof(claim, anything)], { numRuns: runs(2000) })(
    'signPasswordClaim: a base64 HMAC or a typed refusal',
    (key, input) => {
      const outcome = underContract([key, input], signPasswordClaim);
      if (outcome.ok) expect(outcome.value).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    },
  );
});

describe('fuzz: the server half', () => {
  const userRecord = fc.oneof(
    fc.record(
      {
        userPoolId: sometimes(fc.constant(record.userPoolId)),
        userIdForSrp: sometimes(fc.constant('alice')),
        username: sometimes(anyString, 1),
        salt: sometimes(fc.constant(record.salt)),
        verifier: sometimes(fc.constant(record.verifier)),
      },
      { requiredKeys: [] },
    ),
    anything,
  );
  const srpA = fc.oneof(fc.constant(freshSession().srpA), fc.constant(N.toString(16)), anyString, anything);
  const randomOption = fc.oneof(fc.constant(undefined), fc.constant({ randomBytes: (n: number) => new Uint8Array(n).fill(4) }), anything);

  test.prop([userRecord, srpA, randomOption], { numRuns: runs(300) })('createServerChallenge: a challenge or a typed refusal', (userInput, a, options) => {
    const outcome = underContract([userInput, a, options], createServerChallenge);
    if (outcome.ok) {
      expect(outcome.value.challengeName).toBe('PASSWORD_VERIFIER');
      expect(outcome.value.challengeParameters.SRP_B).toMatch(/^[0-9a-f]+$/);
    }
  });

  test.prop([fc.oneof(fc.record({ userPoolId: sometimes(fc.constant(user.userPoolId)), userIdForSrp: sometimes(anyString), password: sometimes(anyString) }), anything)], {
    numRuns: runs(300),
  })('createUserVerifier: a salt and verifier or a typed refusal', (input) => {
    const outcome = underContract([input], createUserVerifier);
    if (outcome.ok) expect(outcome.value.salt).toMatch(/^[0-9a-f]{32}$/);
  });

  const storedDeviceInput = fc.oneof(
    fc.record(
      {
        deviceGroupKey: sometimes(fc.constant(device.deviceGroupKey)),
        deviceKey: sometimes(fc.constant(device.deviceKey)),
        username: sometimes(fc.constant('alice')),
        deviceSecretVerifierConfig: fc.oneof(
          fc.constant(verifierConfig.DeviceSecretVerifierConfig),
          fc.record({ Salt: sometimes(anyString), PasswordVerifier: sometimes(anyString) }, { requiredKeys: [] }),
          anything,
        ),
      },
      { requiredKeys: [] },
    ),
    anything,
  );
  test.prop([storedDeviceInput, srpA, randomOption], { numRuns: runs(300) })('createDeviceServerChallenge: a challenge or a typed refusal', (input, a, options) => {
    const outcome = underContract([input, a, options], createDeviceServerChallenge);
    if (outcome.ok) expect(outcome.value.challengeName).toBe('DEVICE_PASSWORD_VERIFIER');
  });

  // One real answer per kind, then members replaced by hostile values: false, never a throw for a malformed answer.
  const goodSession = freshSession();
  const goodAnswer = respondToPasswordVerifier(goodSession, { userPoolId: user.userPoolId, password: user.password, challengeParameters: honestParameters, now });
  const responses = fc.oneof(
    fc
      .tuple(
        fc.record(
          {
            USERNAME: sometimes(fc.constant(goodAnswer.USERNAME)),
            TIMESTAMP: sometimes(fc.constant(goodAnswer.TIMESTAMP)),
            PASSWORD_CLAIM_SECRET_BLOCK: sometimes(fc.constant(goodAnswer.PASSWORD_CLAIM_SECRET_BLOCK)),
            PASSWORD_CLAIM_SIGNATURE: sometimes(fc.constant(goodAnswer.PASSWORD_CLAIM_SIGNATURE)),
            SECRET_HASH: sometimes(anyString, 1),
            DEVICE_KEY: sometimes(anyString, 1),
          },
          { requiredKeys: [] },
        ),
        hostileMembers,
      )
      .map(([members, extra]) => withHostileMembers(members, extra)),
    anything,
  );
  const verifyOptions = fc.oneof(
    fc.constant(undefined),
    fc.record({ now: sometimes(fc.constant(now)), maxSkewMs: sometimes(fc.integer()), clientId: sometimes(anyString, 1), clientSecret: sometimes(anyString, 1) }, { requiredKeys: [] }),
    anything,
  );
  const challengeOrNot = fc.oneof({ weight: 4, arbitrary: fc.constant(honest) }, { weight: 1, arbitrary: fc.constant(deviceChallenge) }, { weight: 1, arbitrary: anything });

  test.prop([challengeOrNot, responses, verifyOptions], { numRuns: runs(1000) })(
    'verifyPasswordClaim / verifyDevicePasswordClaim: a boolean for any answer, a typed refusal only for a bad challenge or option',
    (challenge, answer, options) => {
      for (const verify of [verifyPasswordClaim, verifyDevicePasswordClaim]) {
        const outcome = underContract([challenge, answer, options], verify);
        if (outcome.ok) {
          expect(typeof outcome.value).toBe('boolean');
          if (outcome.value) {
            // Only the one real answer can verify, unchanged in what the signature covers.
            const a = answer as Record<string, unknown>;
            expect([a.USERNAME, a.TIMESTAMP, a.PASSWORD_CLAIM_SIGNATURE]).toEqual([goodAnswer.USERNAME, goodAnswer.TIMESTAMP, goodAnswer.PASSWORD_CLAIM_SIGNATURE]);
          }
        } else {
          expect(['INVALID_ARGUMENT', 'INVALID_DATE']).toContain(outcome.error.code);
        }
      }
    },
  );
});

describe('regressions found by fuzzing', () => {
  it('a missing or non-object input is INVALID_ARGUMENT, not a TypeError', () => {
    const calls: [string, () => unknown][] = [
      ['respondToPasswordVerifier', () => respondToPasswordVerifier(freshSession(), null as never)],
      ['respondToDevicePasswordVerifier', () => respondToDevicePasswordVerifier(freshSession(), undefined as never)],
      ['createDeviceVerifier', () => createDeviceVerifier(null as never)],
      ['computeS', () => computeS(null as never)],
      ['signPasswordClaim', () => signPasswordClaim(new Uint8Array(16), undefined as never)],
      ['createSrpSession', () => createSrpSession(5 as never)],
      ['createUserVerifier', () => createUserVerifier(null as never)],
      ['createServerChallenge', () => createServerChallenge(null as never, 'ab')],
      ['createServerChallenge options', () => createServerChallenge(record, freshSession().srpA, 'x' as never)],
      ['createDeviceServerChallenge', () => createDeviceServerChallenge(undefined as never, 'ab')],
      ['verifyPasswordClaim options', () => verifyPasswordClaim(honest, goodResponses(), 7 as never)],
    ];
    for (const [name, call] of calls) {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught, name).toBeInstanceOf(SrpError);
      expect((caught as SrpError).code, name).toBe('INVALID_ARGUMENT');
    }
  });

  it('every code the contract accepts is documented in errors.ts', async () => {
    // The list in helpers/fuzz.ts must not drift from the documented type: each code appears in the TSDoc.
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../src/errors.ts', import.meta.url), 'utf8');
    for (const code of SRP_ERROR_CODES) {
      expect(source).toContain(`\`${code}\``);
      expect(source).toContain(`'${code}'`);
    }
    const union = source.slice(source.indexOf('export type SrpErrorCode ='), source.indexOf(';', source.indexOf('export type SrpErrorCode =')));
    const declared = [...union.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]);
    expect(new Set(declared)).toEqual(new Set(SRP_ERROR_CODES));
  });
});

function goodResponses(): Record<string, string> {
  const s = freshSession();
  const challenge = createServerChallenge(record, s.srpA);
  return respondToPasswordVerifier(s, { userPoolId: user.userPoolId, password: user.password, challengeParameters: { ...challenge.challengeParameters }, now });
}

// Fuzzing every public function of @cognito-kit/request-builder with hostile values:
// arbitrary and huge strings, lone surrogates, `__proto__`/`constructor` keys, numbers where strings belong,
// missing members, valid members mixed in. Each call must return a well-formed request or throw
// RequestValidationError whose issues all have documented codes; never a bare TypeError, never a hang; the (frozen)
// input unchanged, Object.prototype untouched. CI runs the counts below; `pnpm test:fuzz` sets FUZZ_RUNS=20000.
import { fc, test } from '@fast-check/vitest';
import { N, SrpError, createSrpSession, exportSrpSession, importSrpSession, type SrpSession } from '@cognito-kit/srp';
import { createServerChallenge, createUserVerifier } from '@cognito-kit/srp/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MEMBER_ORDER,
  RequestValidationError,
  buildAdminInitiateAuth,
  buildAdminRespondToAuthChallenge,
  buildConfirmDevice,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  redact,
  regionEndpoint,
  requiresSigV4,
  toHttpRequest,
  type ValidationCode,
} from '../src/index.js';
import * as valid from './arbitraries.js';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS);
/** `FUZZ_RUNS` when set (`pnpm test:fuzz`), else the CI count. */
const runs = (ci: number) => (Number.isInteger(FUZZ_RUNS) && FUZZ_RUNS > 0 ? FUZZ_RUNS : ci);

/** Every code ValidationCode documents (errors.ts); checked against the source below. */
const CODES: readonly ValidationCode[] = [
  'REQUIRED',
  'INVALID_TYPE',
  'TOO_SHORT',
  'TOO_LONG',
  'PATTERN',
  'INVALID_ENUM',
  'UNEXPECTED_FIELD',
  'USERNAME_REQUIRED_FOR_SECRET_HASH',
  'CONFLICT',
  'INVALID_SRP_SESSION',
  'SRP_SESSION_ALREADY_USED',
  'INVALID_CHALLENGE',
];

const MB = 1024 * 1024;
const HUGE = ['a'.repeat(10 * MB), '0'.repeat(MB), 'é'.repeat(MB), '\udfff'.repeat(MB), 'QUJD'.repeat(MB / 4)];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', 'us-east-1', 'us-east-1_Pool1', '__proto__', 'PASSWORD_VERIFIER', 'USER_SRP_AUTH', '\ud800'),
  fc.constantFrom(...HUGE),
);
const anything: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyString },
  fc.anything({
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_KEYS)),
    maxDepth: 2,
    maxKeys: 4,
    withBigInt: true,
    withDate: true,
    withNullPrototype: true,
    withTypedArray: true,
    withBoxedValues: true,
  }),
  fc.constantFrom(undefined, null, 0, NaN, -1, true, 1n, Symbol('s'), new Date(NaN), () => 1),
  fc.constant(JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as unknown),
);
/** `value`, or sometimes anything else, or missing. */
const sometimes = <T>(value: fc.Arbitrary<T>, weight = 4) =>
  fc.oneof({ weight, arbitrary: value }, { weight: 1, arbitrary: anything }, { weight: 1, arbitrary: fc.constant(undefined) });

/** A record whose members are own properties even for the key `__proto__`, as JSON.parse makes them. */
const own = (members: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(members)) {
    if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
};
const hostileMembers = fc.dictionary(fc.constantFrom(...HOSTILE_KEYS), anything, { maxKeys: 2 });
const withHostile = <T extends Record<string, unknown>>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.oneof(fc.constant({}), hostileMembers)).map(([members, extra]) => own({ ...members, ...extra }));

function snapshot(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value === 'string') return value.length > 256 ? `<string of ${value.length}>` : JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || typeof value === 'function') return String(typeof value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (seen.has(value)) return '<cycle>';
  seen.add(value);
  if (ArrayBuffer.isView(value)) return `bytes[${Array.from(value as Uint8Array).join(',')}]`;
  if (value instanceof Date) {
    try {
      return `Date(${Date.prototype.getTime.call(value)})`;
    } catch {
      return 'Date(fake)';
    }
  }
  return `{${Reflect.ownKeys(value)
    .map((key) => {
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      return `${String(key)}:${'value' in d ? snapshot(d.value, seen) : 'accessor'}`;
    })
    .join(',')}}`;
}
function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key)!;
    if ('value' in d) deepFreeze(d.value, seen);
  }
  Object.freeze(value);
}
const objectPrototypeKeys = Reflect.ownKeys(Object.prototype).length;
function expectNoPollution() {
  expect(Reflect.ownKeys(Object.prototype)).toHaveLength(objectPrototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
afterEach(() => expectNoPollution());

/**
 * Calls under the contract: frozen args, unchanged after; a throw is a RequestValidationError with documented codes;
 * at most 2 s.
 */
function underContract<R>(args: unknown[], call: (...a: never[]) => R): { ok: true; value: R } | { ok: false; error: Error } {
  const before = args.map((arg) => snapshot(arg));
  for (const arg of args) deepFreeze(arg);
  const start = performance.now();
  let outcome: { ok: true; value: R } | { ok: false; error: Error };
  try {
    outcome = { ok: true, value: call(...(args as never[])) };
  } catch (error) {
    if (!(error instanceof RequestValidationError)) {
      throw new Error(`threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message} instead of a RequestValidationError`, { cause: error });
    }
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(CODES).toContain(issue.code);
      expect(typeof issue.path).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
    }
    expect(error.code).toBe(error.issues[0]!.code);
    outcome = { ok: false, error };
  }
  expect(performance.now() - start).toBeLessThan(2_000);
  expect(args.map((arg) => snapshot(arg))).toEqual(before);
  expectNoPollution();
  return outcome;
}

/** A built request: JSON data in the SDK's member order, no undefined members, and redact() keeps its shape. */
function expectWellFormed(request: Record<string, unknown>, operation: keyof typeof MEMBER_ORDER) {
  const keys = Object.keys(request);
  const order = MEMBER_ORDER[operation] as readonly string[];
  expect(keys.every((key) => order.includes(key))).toBe(true);
  expect(keys).toEqual([...keys].sort((x, y) => order.indexOf(x) - order.indexOf(y)));
  expect(JSON.parse(JSON.stringify(request))).toEqual(request);
  expect(Object.keys(redact(request))).toEqual(keys);
}

const EXPORTED = exportSrpSession(createSrpSession());
const fresh = (): SrpSession => importSrpSession(EXPORTED);
const sessionish = fc.oneof({ weight: 3, arbitrary: fc.constant(null).map(() => fresh()) }, { weight: 1, arbitrary: anything });

const flows = fc.constantFrom('USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH');
const initiateInput = withHostile(
  fc.record(
    {
      authFlow: sometimes(flows, 6),
      userPoolId: sometimes(valid.userPoolId),
      clientId: sometimes(valid.clientId),
      clientSecret: sometimes(valid.clientSecret, 2),
      username: sometimes(valid.username),
      password: sometimes(valid.password, 2),
      refreshToken: sometimes(valid.refreshToken, 2),
      deviceKey: sometimes(valid.deviceKey, 1),
      srpSession: sometimes(sessionish, 1),
      withSrp: sometimes(fc.boolean(), 1),
      preferredChallenge: sometimes(fc.constantFrom('PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'), 2),
      clientMetadata: sometimes(fc.oneof(valid.clientMetadata, fc.dictionary(fc.oneof(anyString, fc.constantFrom(...HOSTILE_KEYS)), anyString, { maxKeys: 3 })), 1),
      analyticsEndpointId: sometimes(valid.text, 1),
      session: sometimes(valid.session, 1),
      contextData: sometimes(valid.contextData, 1),
      userContextData: sometimes(fc.record({ ipAddress: valid.text, encodedData: valid.text }, { requiredKeys: [] }), 1),
    },
    { requiredKeys: [] },
  ),
);

describe('fuzz: InitiateAuth builders', () => {
  test.prop([fc.oneof({ weight: 8, arbitrary: initiateInput }, { weight: 1, arbitrary: anything })], { numRuns: runs(600) })(
    'buildAdminInitiateAuth: a well-formed request or RequestValidationError',
    (input) => {
      const outcome = underContract([input], buildAdminInitiateAuth);
      if (outcome.ok) expectWellFormed(outcome.value.request as never, 'AdminInitiateAuth');
    },
  );

  test.prop([fc.oneof({ weight: 8, arbitrary: initiateInput }, { weight: 1, arbitrary: anything })], { numRuns: runs(600) })(
    'buildInitiateAuth: a well-formed request or RequestValidationError',
    (input) => {
      const outcome = underContract([input], buildInitiateAuth);
      if (outcome.ok) expectWellFormed(outcome.value.request as never, 'InitiateAuth');
    },
  );
});

// One honest PASSWORD_VERIFIER challenge from the server half, then members replaced with hostile values.
const user = { userPoolId: 'us-east-1_FuzzPool1', userIdForSrp: 'alice', password: 'Correct-Horse-1' };
const record = { ...user, ...createUserVerifier(user) };
const honest = { ...createServerChallenge(record, fresh().srpA).challengeParameters };
const member = (value: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(value) },
    { weight: 1, arbitrary: fc.constantFrom('0', N.toString(16), value + value, '-' + value, '') },
    { weight: 2, arbitrary: anything },
  );
const parametersArb = withHostile(
  fc.record(
    { SALT: member(honest.SALT!), SRP_B: member(honest.SRP_B!), SECRET_BLOCK: member(honest.SECRET_BLOCK!), USER_ID_FOR_SRP: member('alice'), USERNAME: member('alice') },
    { requiredKeys: [] },
  ),
);
const respondInput = withHostile(
  fc.record(
    {
      challengeName: sometimes(fc.constantFrom('PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'SMS_MFA', 'NEW_PASSWORD_REQUIRED', 'EMAIL_MFA'), 8),
      userPoolId: sometimes(fc.constant(user.userPoolId), 6),
      clientId: sometimes(valid.clientId, 6),
      clientSecret: sometimes(valid.clientSecret, 1),
      password: sometimes(fc.constant(user.password), 6),
      srpSession: sometimes(sessionish, 6),
      challengeParameters: sometimes(parametersArb, 4),
      response: sometimes(
        withHostile(fc.record({ ChallengeName: sometimes(fc.constantFrom('PASSWORD_VERIFIER', 'SMS_MFA')), Session: sometimes(valid.session), ChallengeParameters: sometimes(parametersArb) }, { requiredKeys: [] })),
        2,
      ),
      challengeResponses: sometimes(fc.dictionary(fc.oneof(fc.constantFrom('USERNAME', 'SMS_MFA_CODE', ...HOSTILE_KEYS), anyString), anyString, { maxKeys: 3 }), 1),
      deviceKey: sometimes(valid.deviceKey, 1),
      deviceGroupKey: sometimes(anyString, 1),
      devicePassword: sometimes(anyString, 1),
      username: sometimes(valid.username, 1),
      now: sometimes(fc.constant(new Date('2026-11-26T08:00:00Z')), 2),
      session: sometimes(valid.session, 1),
      clientMetadata: sometimes(valid.clientMetadata, 1),
    },
    { requiredKeys: [] },
  ),
);

describe('fuzz: RespondToAuthChallenge builders', () => {
  test.prop([fc.oneof({ weight: 8, arbitrary: respondInput }, { weight: 1, arbitrary: anything })], { numRuns: runs(300) })(
    'buildAdminRespondToAuthChallenge: a well-formed request or RequestValidationError',
    (input) => {
      const outcome = underContract([input], buildAdminRespondToAuthChallenge);
      if (outcome.ok) expectWellFormed(outcome.value.request as never, 'AdminRespondToAuthChallenge');
    },
  );

  test.prop([fc.oneof({ weight: 8, arbitrary: respondInput }, { weight: 1, arbitrary: anything })], { numRuns: runs(300) })(
    'buildRespondToAuthChallenge: a well-formed request or RequestValidationError',
    (input) => {
      const outcome = underContract([input], buildRespondToAuthChallenge);
      if (outcome.ok) expectWellFormed(outcome.value.request as never, 'RespondToAuthChallenge');
    },
  );
});

describe('fuzz: ConfirmDevice, HTTP, redact', () => {
  const confirmInput = withHostile(
    fc.record(
      {
        accessToken: sometimes(valid.refreshToken, 2),
        deviceKey: sometimes(valid.deviceKey),
        deviceGroupKey: sometimes(anyString),
        deviceName: sometimes(valid.text, 1),
        randomBytes: sometimes(fc.constantFrom((n: number) => new Uint8Array(n).fill(9), (n: number) => new Uint8Array(n + 1), () => 'x'), 1),
      },
      { requiredKeys: [] },
    ),
  );
  test.prop([fc.oneof({ weight: 6, arbitrary: confirmInput }, { weight: 1, arbitrary: anything })], { numRuns: runs(400) })(
    'buildConfirmDevice: a request and device password, or RequestValidationError',
    (input) => {
      const outcome = underContract([input], buildConfirmDevice);
      if (outcome.ok) {
        expectWellFormed(outcome.value.request as never, 'ConfirmDevice');
        expect(outcome.value.devicePassword).toMatch(/^[A-Za-z0-9+/]{54}==$/);
      }
    },
  );

  const operations = fc.oneof(fc.constantFrom(...(Object.keys(MEMBER_ORDER) as (keyof typeof MEMBER_ORDER)[])), anything);
  const destination = fc.oneof(
    fc.constant({}),
    fc.record({ region: sometimes(fc.constantFrom('us-east-1', 'cn-north-1', 'eu-west-2')) }),
    fc.record({ endpoint: sometimes(fc.constantFrom('http://127.0.0.1:5000', 'https://cognito-idp.eu-west-2.amazonaws.com/', 'ftp://x')) }),
    anything,
  );
  const requestArb = fc.oneof(
    withHostile(fc.record({ UserPoolId: sometimes(fc.constantFrom('us-east-1_Pool1', 'nounderscore')), AccessToken: sometimes(anyString, 1), ClientId: sometimes(anyString) }, { requiredKeys: [] })),
    anything,
  );
  test.prop([operations, requestArb, destination], { numRuns: runs(1500) })('toHttpRequest: a POST with a JSON body, or RequestValidationError', (operation, request, dest) => {
    const outcome = underContract([operation, request, dest], toHttpRequest);
    if (outcome.ok) {
      expect(outcome.value.method).toBe('POST');
      expect(outcome.value.url).toMatch(/^https?:\/\/[^/]+.*\/$/);
      expect(JSON.parse(outcome.value.body)).toEqual(JSON.parse(JSON.stringify(request)));
      expect(outcome.value.headers['X-Amz-Target']).toBe(`AWSCognitoIdentityProviderService.${String(operation)}`);
    }
  });

  test.prop([anything], { numRuns: runs(1500) })('regionEndpoint and requiresSigV4: a URL / a boolean, or RequestValidationError', (value) => {
    const outcome = underContract([value], regionEndpoint);
    if (outcome.ok) expect(outcome.value).toBe(`https://cognito-idp.${value as string}.${(value as string).startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}/`);
    const sig = underContract([value], requiresSigV4);
    expect(sig).toEqual({ ok: true, value: value === 'AdminInitiateAuth' || value === 'AdminRespondToAuthChallenge' });
  });

  // Short strings here: redact copies through JSON, so a 10 MB value costs its copy (linear, not a hang) on every
// run and would only slow the suite; the huge ones are tried by the regression test below.
const modest = anyString.filter((text) => text.length <= 4096);
const modestAnything = fc.oneof(modest, fc.anything({ key: fc.constantFrom('a', ...HOSTILE_KEYS), maxDepth: 2, maxKeys: 3, withBigInt: true, withDate: true, withNullPrototype: true }));
const requestLike = fc.oneof(
    withHostile(
      fc.record(
        {
          ClientId: sometimes(modest),
          Session: sometimes(modest),
          AccessToken: sometimes(modest),
          AuthParameters: sometimes(fc.dictionary(fc.oneof(modest, fc.constantFrom(...HOSTILE_KEYS)), modest, { maxKeys: 3 })),
          ChallengeResponses: sometimes(fc.dictionary(modest, modest, { maxKeys: 3 })),
          ContextData: sometimes(fc.record({ HttpHeaders: sometimes(fc.array(fc.record({ headerName: modest, headerValue: modest }), { maxLength: 2 })), EncodedData: sometimes(modest) })),
          DeviceSecretVerifierConfig: sometimes(fc.record({ Salt: modest, PasswordVerifier: modest })),
          AuthenticationResult: sometimes(fc.record({ AccessToken: modest, IdToken: modest, RefreshToken: modest, ExpiresIn: fc.integer() }, { requiredKeys: [] })),
          UserContextData: sometimes(modestAnything, 1),
        },
        { requiredKeys: [] },
      ),
    ),
    modestAnything,
  );
  test.prop([requestLike], { numRuns: runs(800) })('redact: a masked copy with the same members, or RequestValidationError', (request) => {
    const outcome = underContract([request], redact);
    if (!outcome.ok) return;
    const safe = outcome.value as Record<string, unknown>;
    const r = request as Record<string, unknown>;
    expect(Object.keys(safe)).toEqual(Object.keys(JSON.parse(JSON.stringify(r)) as object));
    for (const key of ['ClientId', 'Session', 'AccessToken', 'UserContextData']) if (safe[key] !== undefined) expect(safe[key]).toBe('***');
    for (const key of ['AuthParameters', 'ChallengeResponses']) {
      const map = safe[key];
      if (map !== undefined && typeof map === 'object' && map !== null) expect(Object.values(map).every((v) => v === '***')).toBe(true);
      else if (map !== undefined) expect(map).toBe('***');
    }
    const result = safe.AuthenticationResult as Record<string, unknown> | undefined;
    if (typeof result === 'object' && result !== null) for (const token of ['AccessToken', 'IdToken', 'RefreshToken']) if (result[token] !== undefined) expect(result[token]).toBe('***');
    const config = safe.DeviceSecretVerifierConfig as Record<string, unknown> | null | undefined;
    if (typeof config === 'object' && config !== null && config.PasswordVerifier !== undefined) expect(config.PasswordVerifier).toBe('***');
  });
});

describe('regressions found by fuzzing', () => {
  const common = { userPoolId: 'us-east-1_Pool1', clientId: 'client1' };

  it('a clientMetadata key "__proto__" is sent (it was silently dropped)', () => {
    const clientMetadata = JSON.parse('{"__proto__": "x", "constructor": "y", "k": "v"}') as Record<string, string>;
    const { request } = buildAdminInitiateAuth({ ...common, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'alice', password: 'pw', clientMetadata });
    expect(Object.getOwnPropertyDescriptor(request.ClientMetadata, '__proto__')?.value).toBe('x');
    expect(toHttpRequest('AdminInitiateAuth', request, { region: 'us-east-1' }).body).toContain('"ClientMetadata":{"__proto__":"x","constructor":"y","k":"v"}');
    expect(Object.getPrototypeOf(request.ClientMetadata)).toBe(Object.prototype);
  });

  it('a challenge answer with the key "__proto__" keeps it', () => {
    const challengeResponses = JSON.parse('{"USERNAME": "alice", "__proto__": "1"}') as Record<string, string>;
    const { request } = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'CUSTOM_CHALLENGE', challengeResponses } as never);
    expect(JSON.stringify(request.ChallengeResponses)).toBe('{"USERNAME":"alice","__proto__":"1"}');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('challengeName %s is an (unknown) name passed through, not a TypeError', (challengeName) => {
    // STRUCTURED[challengeName] used to find Object.prototype's members and spread a function.
    const { request } = buildAdminRespondToAuthChallenge({ ...common, challengeName, challengeResponses: { USERNAME: 'alice' } } as never);
    expect(request.ChallengeName).toBe(challengeName);
    expect(request.ChallengeResponses).toEqual({ USERNAME: 'alice' });
    const { request: bare } = buildRespondToAuthChallenge({ clientId: 'client1', challengeName } as never);
    expect(bare.ChallengeName).toBe(challengeName);
  });

  it('an authFlow or challengeName that is not an enum-like name is never repeated in a message (it may be a secret)', () => {
    const secret = 'my password 123!';
    for (const call of [
      () => buildAdminInitiateAuth({ ...common, authFlow: secret, username: 'a' } as never),
      () => buildAdminRespondToAuthChallenge({ ...common, challengeName: secret, challengeResponses: { USERNAME: 'a' }, password: 'x' } as never),
      () => buildAdminRespondToAuthChallenge({ ...common, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a' }, response: { ChallengeName: secret } } as never),
    ]) {
      let caught: RequestValidationError | undefined;
      try {
        call();
      } catch (error) {
        caught = error as RequestValidationError;
      }
      expect(caught).toBeInstanceOf(RequestValidationError);
      expect(caught!.message).not.toContain(secret);
      for (const issue of caught!.issues) expect(issue.message).not.toContain(secret);
    }
    // Enum values are still named: they help and are not secret.
    expect(() => buildInitiateAuth({ clientId: 'c', authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'a', password: 'p' } as never)).toThrow(/authFlow must be one of .* for InitiateAuth \(got ADMIN_USER_PASSWORD_AUTH\)/);
  });

  it('redact, toHttpRequest and regionEndpoint refuse what is not a request with RequestValidationError, not a TypeError', () => {
    const cases: [string, () => unknown][] = [
      ['redact(null)', () => redact(null as never)],
      ['redact(undefined)', () => redact(undefined as never)],
      ['redact("x")', () => redact('x' as never)],
      ['redact with a bigint', () => redact({ ClientId: 1n })],
      ['redact of a 10 MB array', () => redact(['x'.repeat(10 * MB)] as never)],
      ['redact of a cycle', () => {
        const cycle: Record<string, unknown> = {};
        cycle.self = cycle;
        return redact(cycle);
      }],
      ['toHttpRequest(null request)', () => toHttpRequest('InitiateAuth', null as never, { region: 'us-east-1' })],
      ['toHttpRequest(null destination)', () => toHttpRequest('InitiateAuth', {} as never, null as never)],
      ['toHttpRequest with a bigint', () => toHttpRequest('InitiateAuth', { ClientId: 1n } as never, { region: 'us-east-1' })],
      ['regionEndpoint(object)', () => regionEndpoint({ toString: () => 'us-east-1' } as never)],
      ['buildConfirmDevice with randomBytes: 5', () => buildConfirmDevice({ deviceKey: 'us-east-1_0a', deviceGroupKey: 'g', randomBytes: 5 as never })],
      ['buildConfirmDevice with a short random source', () => buildConfirmDevice({ deviceKey: 'us-east-1_0a', deviceGroupKey: 'g', randomBytes: (n) => new Uint8Array(n - 1) })],
      ['a response naming a null-prototype challenge', () =>
        buildAdminRespondToAuthChallenge({ ...common, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a' }, response: { ChallengeName: Object.create(null) } } as never)],
      ['now is an invalid Date', () =>
        buildAdminRespondToAuthChallenge({ ...common, challengeName: 'PASSWORD_VERIFIER', srpSession: fresh(), password: 'pw', challengeParameters: honest, now: new Date(NaN) })],
      ['now is a Date look-alike', () =>
        buildAdminRespondToAuthChallenge({ ...common, challengeName: 'PASSWORD_VERIFIER', srpSession: fresh(), password: 'pw', challengeParameters: honest, now: Object.create(Date.prototype) })],
    ];
    for (const [name, call] of cases) {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught, name).toBeInstanceOf(RequestValidationError);
      expect(caught, name).not.toBeInstanceOf(SrpError);
    }
  });

  it('an invalid now is reported at the path now, not as an unanswerable challenge', () => {
    let caught: RequestValidationError | undefined;
    try {
      buildAdminRespondToAuthChallenge({ ...common, challengeName: 'PASSWORD_VERIFIER', srpSession: fresh(), password: 'pw', challengeParameters: honest, now: new Date(NaN) });
    } catch (error) {
      caught = error as RequestValidationError;
    }
    expect(caught?.issues).toEqual([expect.objectContaining({ code: 'INVALID_TYPE', path: 'now' })]);
  });

  it('a 10 MB member is TOO_LONG without being counted character by character', () => {
    const start = performance.now();
    let caught: RequestValidationError | undefined;
    try {
      buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: 'alice', clientMetadata: { k: 'x'.repeat(10 * MB) } });
    } catch (error) {
      caught = error as RequestValidationError;
    }
    expect(caught?.issues).toEqual([expect.objectContaining({ code: 'TOO_LONG', path: 'clientMetadata.k' })]);
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('every code the contract accepts is documented in errors.ts', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../src/errors.ts', import.meta.url), 'utf8');
    const union = source.slice(source.indexOf('export type ValidationCode ='), source.indexOf(';', source.indexOf('export type ValidationCode =')));
    const declared = [...union.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]);
    expect(new Set(declared)).toEqual(new Set(CODES));
    for (const code of CODES) expect(source).toContain(`\`${code}\``);
  });
});

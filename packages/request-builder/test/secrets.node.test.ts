// No secret leaves the request builder through an error or a redacted request: every builder runs with known
// secrets (password, client secret, refresh token, session, access token, device password, SRP private value) in
// its inputs, valid or broken in every way the validator reports, and no error output (message, issues, stack,
// util.inspect, JSON) and no redact() output may contain any of them. The CLI's own check is
// packages/cli/test/no-secrets.node.test.ts.
import { inspect } from 'node:util';
import { fc, test } from '@fast-check/vitest';
import { createSrpSession, exportSrpSession, importSrpSession } from '@cognito-kit/srp';
import { createServerChallenge, createUserVerifier } from '@cognito-kit/srp/server';
import { describe, expect, it } from 'vitest';
import {
  RequestValidationError,
  buildAdminInitiateAuth,
  buildAdminRespondToAuthChallenge,
  buildConfirmDevice,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  redact,
  toHttpRequest,
} from '../src/index.js';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS);
const runs = (ci: number) => (Number.isInteger(FUZZ_RUNS) && FUZZ_RUNS > 0 ? FUZZ_RUNS : ci);

const SECRETS = {
  password: 'Pw-SECRET-correct-horse-9f8e',
  clientSecret: 'clientSECRETabcdef0123456789xyz',
  refreshToken: 'eyJSECRETrefresh.token-value.zz9',
  session: 'SESSIONsecret-0123456789-abcdefghij',
  accessToken: 'eyJSECRETaccess.token-value.aa1',
  devicePassword: 'DEVICEsecret/password+0123456789abcdef==',
  newPassword: 'NEW-pw-SECRET-77aa',
};
const EXPORTED = exportSrpSession(createSrpSession());
const aHex = EXPORTED.slice(EXPORTED.lastIndexOf('.') + 1).replace(/^0+/, '');
const SECRET_TEXTS: [string, string][] = [...Object.entries(SECRETS), ['a', aHex.slice(0, 32)]];

function outputs(value: unknown): string[] {
  const texts = [String(value), inspect(value, { showHidden: true, depth: Infinity }), safeJson(value)];
  if (value instanceof Error) texts.push(value.message, String(value.stack), inspect(value.cause, { depth: Infinity }));
  if (value instanceof RequestValidationError) texts.push(safeJson(value.issues));
  return texts;
}
function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
  } catch {
    return '';
  }
}
function expectNoSecret(label: string, value: unknown) {
  for (const text of outputs(value)) {
    for (const [name, secret] of SECRET_TEXTS) if (text.includes(secret)) throw new Error(`${label}: output contains the ${name}`);
  }
}

const user = { userPoolId: 'us-east-1_SecretPool', userIdForSrp: 'alice', password: SECRETS.password };
const record = { ...user, ...createUserVerifier(user) };
const parameters = { ...createServerChallenge(record, importSrpSession(EXPORTED).srpA).challengeParameters };

/** A secret, a broken variant of it (too long, wrong type, with spaces), or missing. */
const secretish = (secret: string) =>
  fc.constantFrom<unknown>(secret, secret.repeat(300), ` ${secret} `, `${secret}\u0000`, 42, [secret], { secret }, undefined, '', secret.slice(0, 3));

const input = fc.record(
  {
    authFlow: fc.constantFrom('USER_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH', 'CUSTOM_AUTH', 'USER_AUTH', SECRETS.password),
    challengeName: fc.constantFrom('PASSWORD_VERIFIER', 'DEVICE_PASSWORD_VERIFIER', 'NEW_PASSWORD_REQUIRED', 'DEVICE_SRP_AUTH', SECRETS.password),
    userPoolId: fc.constantFrom<unknown>(user.userPoolId, SECRETS.password, SECRETS.clientSecret),
    clientId: fc.constantFrom<unknown>('client1', SECRETS.clientSecret, SECRETS.password),
    clientSecret: secretish(SECRETS.clientSecret),
    username: fc.constantFrom<unknown>('alice', SECRETS.password, undefined),
    password: secretish(SECRETS.password),
    refreshToken: secretish(SECRETS.refreshToken),
    session: secretish(SECRETS.session),
    devicePassword: secretish(SECRETS.devicePassword),
    deviceGroupKey: fc.constantFrom<unknown>('group', SECRETS.devicePassword, undefined),
    deviceKey: fc.constantFrom<unknown>('us-east-1_0a0a', SECRETS.password, undefined),
    accessToken: secretish(SECRETS.accessToken),
    srpSession: fc.constantFrom<unknown>('fresh', { srpA: SECRETS.password }, undefined),
    challengeParameters: fc.constantFrom<unknown>(
      parameters,
      { ...parameters, SRP_B: SECRETS.password },
      { ...parameters, SALT: SECRETS.clientSecret },
      { ...parameters, SECRET_BLOCK: SECRETS.session },
      { ...parameters, SRP_B: '0' },
      undefined,
    ),
    challengeResponses: fc.constantFrom<unknown>({ USERNAME: 'alice', NEW_PASSWORD: SECRETS.newPassword }, { NEW_PASSWORD: SECRETS.newPassword }, SECRETS.newPassword, undefined),
    // Map keys are shown in issue paths (and kept by redact) by design: they name members, secrets go in values.
    clientMetadata: fc.constantFrom<unknown>({ note: 'x' }, { note: SECRETS.password.repeat(6000) }, { note: 5, other: SECRETS.password }, undefined),
  },
  { requiredKeys: [] },
);

describe('no secret in any error of the builders', () => {
  const builders: [string, (input: never) => unknown][] = [
    ['buildAdminInitiateAuth', buildAdminInitiateAuth],
    ['buildInitiateAuth', buildInitiateAuth],
    ['buildAdminRespondToAuthChallenge', buildAdminRespondToAuthChallenge],
    ['buildRespondToAuthChallenge', buildRespondToAuthChallenge],
    ['buildConfirmDevice', buildConfirmDevice],
  ];
  test.prop([input, fc.constantFrom(...builders)], { numRuns: runs(1500) })('errors and redacted requests show no secret', (raw, [name, build]) => {
    const given = { ...raw, ...(raw.srpSession === 'fresh' ? { srpSession: importSrpSession(EXPORTED) } : {}) };
    let built: unknown;
    try {
      built = build(given as never);
    } catch (error) {
      expect(error).toBeInstanceOf(RequestValidationError);
      expectNoSecret(`${name} error`, error);
      return;
    }
    const { request } = built as { request: object };
    expectNoSecret(`${name} redacted request`, redact(request));
    expectNoSecret(`${name} redacted HTTP body`, redact(JSON.parse(toHttpRequest(name === 'buildConfirmDevice' ? 'ConfirmDevice' : operationOf(name), request as never, { region: 'us-east-1' }).body) as object));
  });

  it('the check can fail: a planted secret is found', () => {
    expect(() => expectNoSecret('planted', new RequestValidationError([{ code: 'PATTERN', path: 'password', message: `bad ${SECRETS.password}` }]))).toThrow(/password/);
    expect(() => expectNoSecret('planted', { RefreshToken: SECRETS.refreshToken })).toThrow(/refreshToken/);
  });

  it('redact masks tokens of a response and the ConfirmDevice access token and verifier', () => {
    const response = { AuthenticationResult: { AccessToken: SECRETS.accessToken, RefreshToken: SECRETS.refreshToken, IdToken: 'id.SECRET', ExpiresIn: 3600, TokenType: 'Bearer' }, Session: SECRETS.session };
    expect(redact(response)).toEqual({ AuthenticationResult: { AccessToken: '***', RefreshToken: '***', IdToken: '***', ExpiresIn: 3600, TokenType: 'Bearer' }, Session: '***' });
    const { request } = buildConfirmDevice({ accessToken: SECRETS.accessToken.replace(/[^A-Za-z0-9-_=.]/g, ''), deviceKey: 'us-east-1_0a0a', deviceGroupKey: 'group' });
    const safe = redact(request);
    expect(safe.AccessToken).toBe('***');
    expect(safe.DeviceSecretVerifierConfig.PasswordVerifier).toBe('***');
    expect(safe.DeviceSecretVerifierConfig.Salt).toBe(request.DeviceSecretVerifierConfig.Salt);
  });
});

function operationOf(builder: string) {
  return ({ buildAdminInitiateAuth: 'AdminInitiateAuth', buildInitiateAuth: 'InitiateAuth', buildAdminRespondToAuthChallenge: 'AdminRespondToAuthChallenge', buildRespondToAuthChallenge: 'RespondToAuthChallenge' } as const)[
    builder as 'buildInitiateAuth'
  ];
}

// boto3 (a client nobody here wrote) against `cognito-kit serve --config <temp JSON>` over HTTP on loopback: the
// password flows of python/boto3_flows.py (ADMIN_USER_PASSWORD_AUTH signed by botocore, USER_PASSWORD_AUTH with and
// without a client secret, REFRESH_TOKEN_AUTH, GetUser, RevokeToken, AdminCreateUser and NEW_PASSWORD_REQUIRED,
// AdminSetUserPassword), run once with an async spawn; each test asserts what boto3 received.
// Skipped when python3 or boto3 is missing (REQUIRE_BOTO3=1 makes that a failure; CI has both).
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir, type PoolsConfigJson } from '../helpers.js';
import {
  CLIENT_SECRET,
  NEW_PASSWORD,
  PASSWORD,
  TEMPORARY_PASSWORD,
  WRONG_CLIENT_SECRET,
  WRONG_PASSWORD,
  awsEnv,
  decodeJwt,
  expectNothingOf,
  parseJson,
  required,
  run,
  startPool,
  verifyTokens,
  type AuthenticationResult,
  type Pool,
  type Timed,
} from './aws-helpers.js';

const SCRIPT = fileURLToPath(new URL('./python/boto3_flows.py', import.meta.url));
const PYTHON = 'python3';

const PLAIN_POOL = 'eu-west-2_BotoPlain1';
const PLAIN_CLIENT = 'botopublicclient0123456789';
const EMAIL_POOL = 'eu-west-2_BotoEmail1';
const EMAIL_CLIENT = 'botosecretclient0123456789';
const ERIN = 'erin@example.com';
const ERIN_SUB = 'a2c2e290-6d0f-4a08-a5ca-f0162935f3a6';
const FLOWS = ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'];

const CONFIG: PoolsConfigJson = {
  userPools: [
    {
      id: PLAIN_POOL,
      clients: [{ id: PLAIN_CLIENT, explicitAuthFlows: FLOWS }],
      users: [{ username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } }],
    },
    {
      id: EMAIL_POOL,
      usernameAttributes: ['email'],
      clients: [{ id: EMAIL_CLIENT, secret: CLIENT_SECRET, explicitAuthFlows: FLOWS }],
      users: [{ username: ERIN, sub: ERIN_SUB, password: PASSWORD, attributes: { name: 'Erin' } }],
    },
  ],
};

interface CaseResult {
  ok: boolean;
  response?: Record<string, unknown>;
  error?: { code: string; message: string; status: number | null };
}

// python3 with boto3, found before the tests are collected (asynchronously).
const probe = await run(PYTHON, ['-c', 'import boto3, botocore; print(boto3.__version__, botocore.__version__)'], {
  cwd: tmpdir(),
  env: awsEnv({ home: tmpdir() }),
  timeoutMs: 30_000,
}).catch((error: unknown): Timed => ({ status: null, stdout: '', stderr: String(error), ms: 0 }));
const HAS_BOTO3 = probe.status === 0;
if (!HAS_BOTO3) console.warn(`boto3 tests skipped: python3 with boto3 is not available (${probe.stderr.trim().split('\n').at(-1) ?? ''})`);

describe.skipIf(HAS_BOTO3 || !required('REQUIRE_BOTO3'))('boto3 is required here (REQUIRE_BOTO3=1)', () => {
  it('python3 imports boto3', () => {
    expect(probe.stderr).toBe('');
    expect(probe.status).toBe(0);
  });
});

describe.skipIf(!HAS_BOTO3)('boto3 against cognito-kit serve', () => {
  const dir = useTempDir();
  let pool: Pool | undefined;
  let run1: Timed | undefined;
  let cases: Record<string, CaseResult> = {};

  beforeAll(async () => {
    pool = await startPool(dir(), 'pools', CONFIG);
    const plan = {
      endpoint: pool.url,
      region: 'eu-west-2',
      plain: { pool: PLAIN_POOL, client: PLAIN_CLIENT, user: 'pat' },
      email: { pool: EMAIL_POOL, client: EMAIL_CLIENT, email: ERIN, sub: ERIN_SUB },
      created: { new_password: 'newbie', set_password: 'sam' },
    };
    run1 = await run(PYTHON, [SCRIPT, JSON.stringify(plan)], {
      cwd: dir(),
      env: awsEnv({
        home: dir(),
        extra: {
          BOTO_PASSWORD: PASSWORD,
          BOTO_WRONG_PASSWORD: WRONG_PASSWORD,
          BOTO_TEMPORARY_PASSWORD: TEMPORARY_PASSWORD,
          BOTO_NEW_PASSWORD: NEW_PASSWORD,
          BOTO_CLIENT_SECRET: CLIENT_SECRET,
          BOTO_WRONG_CLIENT_SECRET: WRONG_CLIENT_SECRET,
        },
      }),
    });
    if (run1.status !== 0) throw new Error(`boto3_flows.py failed (${run1.status}):\n${run1.stderr}`);
    cases = (parseJson(run1.stdout, 'boto3_flows.py output') as { cases: Record<string, CaseResult> }).cases;
  }, 60_000);

  afterAll(async () => {
    await pool?.stop([NEW_PASSWORD, TEMPORARY_PASSWORD]);
  }, 30_000);

  const url = (): string => pool?.url ?? '';
  /** The response of a case that must have succeeded. */
  const ok = (name: string): Record<string, unknown> => {
    const result = cases[name];
    expect(result, `case ${name} did not run`).toBeDefined();
    expect(result?.error, `case ${name} was refused`).toBeUndefined();
    expect(result?.ok).toBe(true);
    return result?.response ?? {};
  };
  /** The error of a case that must have been refused. */
  const refused = (name: string): { code: string; message: string; status: number | null } => {
    const result = cases[name];
    expect(result, `case ${name} did not run`).toBeDefined();
    expect(result?.ok, `case ${name} was accepted: ${String(JSON.stringify(result?.response)).slice(0, 200)}`).toBe(false);
    return result?.error ?? { code: '', message: '', status: null };
  };
  const tokens = (name: string): AuthenticationResult => {
    const result = ok(name).AuthenticationResult as AuthenticationResult | undefined;
    expect(result, `case ${name} got no AuthenticationResult`).toBeDefined();
    expect(result?.TokenType).toBe('Bearer');
    return result as AuthenticationResult;
  };

  it('ran once, printed no secret, and is boto3 as installed', () => {
    expect(run1?.stderr).not.toMatch(/Traceback|Error/);
    expectNothingOf(run1?.stderr ?? '', [PASSWORD, NEW_PASSWORD, TEMPORARY_PASSWORD, CLIENT_SECRET], 'the script stderr');
    expect(probe.stdout).toMatch(/^\d+\.\d+\.\d+ \d+\.\d+\.\d+\n$/);
  });

  it('ADMIN_USER_PASSWORD_AUTH (AdminInitiateAuth, SigV4-signed by botocore): tokens; an unsigned request is refused', async () => {
    await verifyTokens(url(), tokens('admin_password'), { userPoolId: PLAIN_POOL, clientId: PLAIN_CLIENT, username: 'pat' });
    expect(tokens('admin_password').RefreshToken).toMatch(/^eyJ/);
    const unsigned = refused('admin_unsigned');
    expect(unsigned.code).toMatch(/MissingAuthenticationToken|UnrecognizedClient|NotAuthorized|AccessDenied|IncompleteSignature/);
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
  });

  it('ADMIN_USER_PASSWORD_AUTH with a wrong password: NotAuthorizedException', () => {
    expect(refused('admin_password_wrong')).toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 });
  });

  it('USER_PASSWORD_AUTH without a client secret: tokens; a wrong password is NotAuthorizedException', async () => {
    const { id, access } = await verifyTokens(url(), tokens('user_password'), { userPoolId: PLAIN_POOL, clientId: PLAIN_CLIENT, username: 'pat' });
    expect(id.email).toBe('pat@example.com');
    expect(access.sub).toBe(id.sub);
    expect(refused('user_password_wrong')).toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 });
  });

  it('USER_PASSWORD_AUTH with a client secret, signing in by e-mail (SECRET_HASH computed in Python): the sub is the username', async () => {
    const result = tokens('secret_password');
    const { id } = await verifyTokens(url(), result, { userPoolId: EMAIL_POOL, clientId: EMAIL_CLIENT, username: ERIN_SUB });
    expect(id).toMatchObject({ sub: ERIN_SUB, email: ERIN, name: 'Erin' });
    expect(refused('secret_wrong_password')).toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('a wrong SECRET_HASH is refused (Unable to verify secret hash), and so is none', () => {
    expect(refused('secret_wrong_hash')).toMatchObject({ code: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${EMAIL_CLIENT}`, status: 400 });
    const missing = refused('secret_missing_hash');
    expect(missing.code).toBe('NotAuthorizedException');
    expect(missing.message).toMatch(new RegExp(`^Client ${EMAIL_CLIENT} is configured (for|with) secret but`));
  });

  it('GetUser with the access token returns the user', () => {
    const user = ok('get_user');
    expect(user.Username).toBe(ERIN_SUB);
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: ERIN }, { Name: 'sub', Value: ERIN_SUB }]));
  });

  it('REFRESH_TOKEN_AUTH with SECRET_HASH over the sub: new ID and access tokens; over the e-mail it is refused', async () => {
    const refreshed = tokens('refresh');
    const first = tokens('secret_password');
    await verifyTokens(url(), refreshed, { userPoolId: EMAIL_POOL, clientId: EMAIL_CLIENT, username: ERIN_SUB });
    expect(refreshed.AccessToken).not.toBe(first.AccessToken);
    expect(decodeJwt(refreshed.AccessToken).payload.auth_time, 'auth_time stays that of the sign-in').toBe(decodeJwt(first.AccessToken).payload.auth_time);
    expect(decodeJwt(refreshed.IdToken).payload.origin_jti).toBe(decodeJwt(first.IdToken).payload.origin_jti);
    expect(refused('refresh_hash_over_email')).toMatchObject({ code: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${EMAIL_CLIENT}` });
  });

  it('RevokeToken: then the refresh token is refused, and the access tokens it issued too', () => {
    expect(ok('revoke')).toEqual({});
    const refresh = refused('refresh_after_revoke');
    expect(refresh.code).toBe('NotAuthorizedException');
    expect(refresh.message).toBe('Refresh Token has been revoked');
    expect(refused('get_user_after_revoke')).toMatchObject({ code: 'NotAuthorizedException', message: 'Access Token has been revoked' });
  });

  it('AdminCreateUser with a TemporaryPassword: NEW_PASSWORD_REQUIRED, answered with RespondToAuthChallenge', async () => {
    expect((ok('create_user').User as Record<string, unknown>).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    const challenge = ok('temporary_password');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.Session).toEqual(expect.any(String));
    expect(challenge.ChallengeParameters).toMatchObject({ USER_ID_FOR_SRP: 'newbie', requiredAttributes: '[]' });
    expect(JSON.parse(String((challenge.ChallengeParameters as Record<string, unknown>).userAttributes))).toMatchObject({ email: 'newbie@example.com' });
    await verifyTokens(url(), tokens('new_password'), { userPoolId: PLAIN_POOL, clientId: PLAIN_CLIENT, username: 'newbie' });
    expect(ok('created_user_after').UserStatus).toBe('CONFIRMED');
    await verifyTokens(url(), tokens('new_password_login'), { userPoolId: PLAIN_POOL, clientId: PLAIN_CLIENT, username: 'newbie' });
    expect(refused('temporary_password_after')).toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('AdminCreateUser then AdminSetUserPassword Permanent=True: the user signs in', async () => {
    expect((ok('create_user_2').User as Record<string, unknown>).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(ok('set_password')).toEqual({});
    await verifyTokens(url(), tokens('set_password_login'), { userPoolId: PLAIN_POOL, clientId: PLAIN_CLIENT, username: 'sam' });
  });

  it('wrote nothing but JSON to stdout, and ran in a reasonable time', () => {
    expect(run1?.stdout.trim().split('\n')).toHaveLength(1);
    expect(run1?.ms ?? Infinity).toBeLessThan(30_000);
  });
});

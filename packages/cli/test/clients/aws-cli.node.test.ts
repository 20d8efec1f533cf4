// The AWS CLI, v1 and v2 (clients nobody here wrote), against `cognito-kit serve --config <temp JSON>` over HTTP on
// loopback, with `cognito-kit` computing what the AWS CLI cannot (SRP_A, the PASSWORD_VERIFIER and device answers,
// SECRET_HASH):
// - v1 (`aws` on PATH, pip's 1.45) runs the README's walkthrough ("## The CLI, for the AWS CLI") exactly as printed:
//   its ```sh block is read from README.md here and run with bash, the endpoint given through the environment only
//   (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER; AWS_ENDPOINT_URL in one variant: botocore honours both). Then copies of
//   the same commands: a client secret, a wrong one, signing in by e-mail (usernameAttributes) and by alias
//   (aliasAttributes), a remembered device (device-verifier, confirm-device, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER),
//   users seeded with admin-create-user / admin-set-user-password, NEW_PASSWORD_REQUIRED.
// - v2 (/usr/bin/aws, Debian's 2.9.19, which predates the AWS_ENDPOINT_URL variables): the core, through an `aws`
//   wrapper that adds --endpoint-url. Skipped when it is not installed (REQUIRE_AWS_CLI_V2=1 makes that a failure).
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subdir, useTempDir, type PoolsConfigJson } from '../helpers.js';
import {
  CLIENT_SECRET,
  NEW_PASSWORD,
  PASSWORD,
  REMEMBER_DEVICES,
  TEMPORARY_PASSWORD,
  WRONG_CLIENT_SECRET,
  WRONG_PASSWORD,
  authenticationResultOf,
  awsEnv,
  awsVersion,
  bash,
  expectNothingOf,
  makeBinDir,
  parseJson,
  readmeShellBlock,
  resolveAws,
  required,
  shellQuote,
  startPool,
  verifyTokens,
  type AuthenticationResult,
  type Pool,
  type Timed,
} from './aws-helpers.js';

// The README's names: its walkthrough signs alice in to this pool with this app client (no secret), in eu-west-2.
const POOL = 'eu-west-2_AbC123';
const CLIENT = '1example23';
const SECRET_CLIENT = '1secret23';
const EMAIL_POOL = 'eu-west-2_ByEmail1';
const EMAIL_CLIENT = 'emailclient23';
const ERIN_SUB = '84514837-dcbc-4af1-abff-f3c109334894';
const ALIAS_POOL = 'eu-west-2_ByAlias1';
const ALIAS_CLIENT = 'aliasclient23';

const CONFIG: PoolsConfigJson = {
  userPools: [
    {
      id: POOL,
      deviceConfiguration: REMEMBER_DEVICES,
      clients: [{ id: CLIENT }, { id: SECRET_CLIENT, secret: CLIENT_SECRET }],
      users: [
        { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com' } },
        { username: 'dora', password: PASSWORD },
        { username: 'walt', password: PASSWORD },
      ],
    },
    {
      id: EMAIL_POOL,
      usernameAttributes: ['email'],
      clients: [{ id: EMAIL_CLIENT, secret: CLIENT_SECRET }],
      users: [{ username: 'erin@example.com', sub: ERIN_SUB, password: PASSWORD }],
    },
    {
      id: ALIAS_POOL,
      aliasAttributes: ['email'],
      clients: [{ id: ALIAS_CLIENT }],
      users: [{ username: 'bob', password: PASSWORD, attributes: { email: 'bob@example.com' } }],
    },
  ],
};

/** The same pool and client as the README's, without users: the walkthrough's alice is seeded with the AWS CLI. */
const EMPTY_CONFIG: PoolsConfigJson = { userPools: [{ id: POOL, deviceConfiguration: REMEMBER_DEVICES, clients: [{ id: CLIENT }], users: [] }] };

const WALKTHROUGH_HEADING = '## The CLI, for the AWS CLI';
const SERVICE_ERROR = (code: string, operation: string, message: string | RegExp): RegExp =>
  new RegExp(`An error occurred \\(${code}\\) when calling the ${operation} operation: ${typeof message === 'string' ? escape(message) : message.source}`);
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const secretHash = (username: string, clientId: string, secret: string): string => createHmac('sha256', secret).update(`${username}${clientId}`).digest('base64');

// Found before the tests are collected (asynchronously: nothing here may block the event loop).
const probeEnv = awsEnv({ home: tmpdir() });
const V1_BINARY = await resolveAws(tmpdir());
const V1_VERSION = V1_BINARY === undefined ? undefined : await awsVersion(V1_BINARY, probeEnv, tmpdir());
const V2_BINARY = '/usr/bin/aws';
const V2_VERSION = existsSync(V2_BINARY) ? await awsVersion(V2_BINARY, probeEnv, tmpdir()) : undefined;
const HAS_V2 = V2_VERSION?.startsWith('aws-cli/2.') === true;
if (!HAS_V2) {
  console.warn(
    `AWS CLI v2 tests skipped: ${V2_BINARY} is ${V2_VERSION === undefined ? 'not installed' : `not v2 (${V2_VERSION})`}; "apt-get install -y awscli" installs it (.ci/run does)`,
  );
}

const root = useTempDir();

/** One AWS CLI under test: its bin directory (cognito-kit, and for v2 the `aws` wrapper), its server, its env. */
interface AwsCli {
  readonly name: 'v1' | 'v2';
  pool(): Pool;
  /**
   * The environment of a script run in `cwd`: `aws` and `cognito-kit` on PATH, pointed at the server (v1: by
   * `endpointVariable`, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER unless told; v2: by its wrapper's --endpoint-url).
   */
  env(cwd: string, extra?: Record<string, string>, endpointVariable?: string): Record<string, string>;
}

function useAwsCli(name: 'v1' | 'v2'): AwsCli {
  let pool: Pool | undefined;
  let binDir = '';
  beforeAll(async () => {
    pool = await startPool(root(), `pools-${name}`, CONFIG);
    binDir = makeBinDir(join(root(), `bin-${name}`), name === 'v2' ? { binary: V2_BINARY, endpointUrl: pool.url } : { binary: V1_BINARY ?? 'aws' });
  }, 30_000);
  afterAll(async () => {
    await pool?.stop([NEW_PASSWORD, TEMPORARY_PASSWORD]);
  }, 30_000);
  const started = (): Pool => {
    if (pool === undefined) throw new Error('the local pool did not start');
    return pool;
  };
  return {
    name,
    pool: started,
    env: (cwd, extra = {}, endpointVariable = 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER') =>
      name === 'v1'
        ? awsEnv({ home: cwd, binDir, extra: { [endpointVariable]: started().url, ...extra } })
        : awsEnv({ home: cwd, binDir, extra }), // v2 2.9 reads no endpoint variable: the wrapper passes --endpoint-url
  };
}

/**
 * The walkthrough's commands for another pool, client or user (a copy, not the README's text): the password
 * read from stdin, the AWS CLI's replies kept with tee so the test can read what the pool asked.
 */
function loginScript(options: { pool: string; client: string; username: string }): string {
  return `read -rs COGNITO_PASSWORD && export COGNITO_PASSWORD
cognito-kit admin-initiate-auth --user-pool-id ${shellQuote(options.pool)} --client-id ${shellQuote(options.client)} \\
    --auth-flow USER_SRP_AUTH --username ${shellQuote(options.username)} > initiate.json
aws cognito-idp admin-initiate-auth --output json --cli-input-json file://initiate.json \\
  | tee challenge.json | cognito-kit respond > answer.json
aws cognito-idp admin-respond-to-auth-challenge --output json --cli-input-json file://answer.json
`;
}

/** What a finished run printed, parsed: the AuthenticationResult of its last command (stdout). */
function tokensOf(result: Timed): AuthenticationResult {
  expect(result.status, `the run failed:\n${result.stderr}`).toBe(0);
  return authenticationResultOf(parseJson(result.stdout, 'the last command output'));
}

const readJsonFile = (path: string): Record<string, unknown> => parseJson(readFileSync(path, 'utf8'), path);
const challengeResponses = (file: Record<string, unknown>): Record<string, string> => file.ChallengeResponses as Record<string, string>;
const challengeParameters = (file: Record<string, unknown>): Record<string, string> => file.ChallengeParameters as Record<string, string>;

/** A user's password login (right or wrong), as the walkthrough does it, in a new directory. */
async function login(
  aws: AwsCli,
  name: string,
  options: { pool: string; client: string; username: string; password: string; secret?: string; endpointVariable?: string },
): Promise<{ result: Timed; cwd: string }> {
  const cwd = subdir(root(), `${aws.name}-${name}`);
  const env = aws.env(cwd, options.secret === undefined ? {} : { COGNITO_CLIENT_SECRET: options.secret }, options.endpointVariable);
  const result = await bash(loginScript(options), { cwd, env, input: `${options.password}\n` });
  expectNothingOf(result.stdout + result.stderr, [PASSWORD, WRONG_PASSWORD, CLIENT_SECRET, WRONG_CLIENT_SECRET], `what ${name} printed`);
  return { result, cwd };
}

/** The remembered-device flow with this AWS CLI; `tokenBy` is how confirm-device gets the access token (argv or the JSON file). */
async function rememberedDevice(aws: AwsCli, tokenBy: 'argv' | 'file', wrongDevicePassword: boolean): Promise<void> {
  const user = { pool: POOL, client: CLIENT, username: 'dora', password: PASSWORD };
  const first = await login(aws, 'device-first', user);
  const tokens = tokensOf(first.result);
  const device = tokens.NewDeviceMetadata;
  expect(device, 'a pool that remembers devices sends NewDeviceMetadata on a login without DEVICE_KEY').toBeDefined();
  const { DeviceKey, DeviceGroupKey } = device ?? { DeviceKey: '', DeviceGroupKey: '' };
  expect(DeviceKey).toMatch(/^eu-west-2_[0-9a-f-]{36}$/);

  // ConfirmDevice: cognito-kit computes the verifier and keeps the device password in a 0600 file.
  const cwd = first.cwd;
  const confirmScript =
    tokenBy === 'argv'
      ? `cognito-kit device-verifier --device-key "$DEVICE_KEY" --device-group-key "$DEVICE_GROUP_KEY" --device-password-file device.pw \\
    --device-name 'test laptop' > confirm.json
aws cognito-idp confirm-device --output json --access-token "$ACCESS_TOKEN" --cli-input-json file://confirm.json
`
      : `cognito-kit device-verifier --device-key "$DEVICE_KEY" --device-group-key "$DEVICE_GROUP_KEY" --device-password-file device.pw \\
    --device-name 'test laptop' --out confirm.json
aws cognito-idp confirm-device --output json --cli-input-json file://confirm.json
`;
  const deviceEnv = { DEVICE_KEY: DeviceKey, DEVICE_GROUP_KEY: DeviceGroupKey };
  const confirmed = await bash(confirmScript, {
    cwd,
    env: aws.env(cwd, { ...deviceEnv, ...(tokenBy === 'argv' ? { ACCESS_TOKEN: tokens.AccessToken } : { COGNITO_ACCESS_TOKEN: tokens.AccessToken }) }),
  });
  expect(confirmed.status, confirmed.stderr).toBe(0);
  expect(parseJson(confirmed.stdout, 'confirm-device')).toEqual({ UserConfirmationNecessary: false });
  expect(statSync(join(cwd, 'device.pw')).mode & 0o777).toBe(0o600);
  expect(confirmed.stderr).not.toContain(readFileSync(join(cwd, 'device.pw'), 'utf8').trim());

  // The next login sends DEVICE_KEY: Cognito asks DEVICE_SRP_AUTH, then DEVICE_PASSWORD_VERIFIER.
  const deviceLogin = (passwordFile: string): string => `read -rs COGNITO_PASSWORD && export COGNITO_PASSWORD
cognito-kit admin-initiate-auth --user-pool-id ${POOL} --client-id ${CLIENT} \\
    --auth-flow USER_SRP_AUTH --username dora --device-key "$DEVICE_KEY" > initiate.json
aws cognito-idp admin-initiate-auth --output json --cli-input-json file://initiate.json \\
  | tee challenge.json | cognito-kit respond > answer.json
aws cognito-idp admin-respond-to-auth-challenge --output json --cli-input-json file://answer.json \\
  | tee device-srp.json | cognito-kit respond > device-srp-answer.json
aws cognito-idp admin-respond-to-auth-challenge --output json --cli-input-json file://device-srp-answer.json \\
  | tee device-verifier.json | cognito-kit respond --device-group-key "$DEVICE_GROUP_KEY" --device-password-file ${passwordFile} > device-answer.json
aws cognito-idp admin-respond-to-auth-challenge --output json --cli-input-json file://device-answer.json
`;
  const again = await bash(deviceLogin('device.pw'), { cwd, env: aws.env(cwd, deviceEnv), input: `${PASSWORD}\n` });
  expect(readJsonFile(join(cwd, 'answer.json')).ChallengeResponses).toMatchObject({ USERNAME: 'dora', DEVICE_KEY: DeviceKey });
  const srp = readJsonFile(join(cwd, 'device-srp.json'));
  expect(srp.ChallengeName).toBe('DEVICE_SRP_AUTH');
  expect(challengeResponses(readJsonFile(join(cwd, 'device-srp-answer.json')))).toMatchObject({ USERNAME: 'dora', DEVICE_KEY: DeviceKey });
  const verifier = readJsonFile(join(cwd, 'device-verifier.json'));
  expect(verifier.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
  expect(challengeParameters(verifier)).toMatchObject({ DEVICE_KEY: DeviceKey, USERNAME: 'dora' });
  const deviceTokens = tokensOf(again);
  expect(deviceTokens.NewDeviceMetadata, 'a login that sent DEVICE_KEY gets no new device').toBeUndefined();
  const { access } = await verifyTokens(aws.pool().url, deviceTokens, { userPoolId: POOL, clientId: CLIENT, username: 'dora' });
  expect(access.device_key).toBe(DeviceKey);
  expectNothingOf(again.stdout + again.stderr, [PASSWORD, readFileSync(join(cwd, 'device.pw'), 'utf8').trim()], 'the device login');

  if (!wrongDevicePassword) return;
  // The same flow with another device password: the pool must refuse DEVICE_PASSWORD_VERIFIER.
  writeFileSync(join(cwd, 'wrong.pw'), `${randomBytes(40).toString('base64')}\n`, { mode: 0o600 });
  const wrong = await bash(deviceLogin('wrong.pw'), { cwd, env: aws.env(cwd, deviceEnv), input: `${PASSWORD}\n` });
  expect(readJsonFile(join(cwd, 'device-verifier.json')).ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
  expect(wrong.status).not.toBe(0);
  expect(wrong.stderr).toMatch(SERVICE_ERROR('NotAuthorizedException', 'AdminRespondToAuthChallenge', /.+/));
  expect(wrong.stdout).not.toContain('AuthenticationResult');
}

/** admin-create-user with a temporary password, then admin-set-user-password --permanent; returns what the first printed. */
async function seedUser(aws: AwsCli, cwd: string, username: string): Promise<Record<string, unknown>> {
  const script = `aws cognito-idp admin-create-user --output json --user-pool-id ${POOL} --username ${shellQuote(username)} \\
  --temporary-password "$TEMPORARY_PASSWORD" --message-action SUPPRESS --user-attributes Name=email,Value=${shellQuote(`${username}@example.com`)}
aws cognito-idp admin-set-user-password --user-pool-id ${POOL} --username ${shellQuote(username)} --password "$SEED_PASSWORD" --permanent
`;
  const seeded = await bash(script, { cwd, env: aws.env(cwd, { TEMPORARY_PASSWORD, SEED_PASSWORD: PASSWORD }) });
  expect(seeded.status, seeded.stderr).toBe(0);
  expectNothingOf(seeded.stdout + seeded.stderr, [PASSWORD, TEMPORARY_PASSWORD], 'the seeding');
  return parseJson(seeded.stdout, 'admin-create-user');
}

// Each aws call costs 0.5 to 1 s of CPU: on a loaded 2-core machine a concurrent device flow can take a minute.
const TIMEOUT = 180_000;

describe.concurrent('the AWS CLI v1 (aws on PATH) against cognito-kit serve', { timeout: TIMEOUT }, () => {
  const aws = useAwsCli('v1');
  const walkthrough = readmeShellBlock(WALKTHROUGH_HEADING);

  beforeAll(() => {
    if (V1_VERSION?.startsWith('aws-cli/1.') !== true) {
      throw new Error(`the AWS CLI v1 must be the "aws" on PATH (found: ${V1_VERSION ?? 'none'}): "pip install awscli" installs it`);
    }
  });

  it('is v1, and the README walkthrough is the one this test expects', () => {
    expect(V1_VERSION).toMatch(/^aws-cli\/1\./);
    // Not a copy of the text (that is run as it is): a check that the block found is the walkthrough itself.
    expect(walkthrough).toMatch(/^read -rs COGNITO_PASSWORD/);
    expect(walkthrough).toContain(`--user-pool-id ${POOL} --client-id ${CLIENT}`);
    expect(walkthrough).toContain('--username alice');
    expect(walkthrough).toContain('| cognito-kit respond > answer.json');
    expect(walkthrough.trimEnd().split('\n').at(-1)).toMatch(/^aws cognito-idp admin-respond-to-auth-challenge .*file:\/\/answer\.json$/);
  });

  it("runs the README's walkthrough exactly as printed: alice gets tokens, no secret is printed", async () => {
    const cwd = subdir(root(), 'v1-readme');
    const result = await bash(walkthrough, { cwd, env: aws.env(cwd), input: `${PASSWORD}\n` });
    const tokens = tokensOf(result);
    expect(tokens.RefreshToken).toMatch(/^eyJ/);
    await verifyTokens(aws.pool().url, tokens, { userPoolId: POOL, clientId: CLIENT, username: 'alice' });
    expectNothingOf(result.stdout + result.stderr, [PASSWORD], 'what the walkthrough printed');
    const answer = readJsonFile(join(cwd, 'answer.json'));
    expect(answer).toMatchObject({ UserPoolId: POOL, ClientId: CLIENT, ChallengeName: 'PASSWORD_VERIFIER' });
    expect(challengeResponses(answer).USERNAME).toBe('alice');
    for (const file of ['initiate.json', 'answer.json', '.cognito-kit-srp-state.json']) {
      expectNothingOf(readFileSync(join(cwd, file), 'utf8'), [PASSWORD], file);
    }
    expect(statSync(join(cwd, '.cognito-kit-srp-state.json')).mode & 0o777).toBe(0o600);
    expect(readJsonFile(join(cwd, '.cognito-kit-srp-state.json')).srpSession, 'the used SRP session is gone').toBeNull();
  });

  it("the README's walkthrough with a wrong password: admin-respond-to-auth-challenge refuses it (NotAuthorizedException)", async () => {
    const cwd = subdir(root(), 'v1-readme-wrong');
    const result = await bash(walkthrough, { cwd, env: aws.env(cwd), input: `${WRONG_PASSWORD}\n` });
    expect(result.status, 'the AWS CLI exits 255 on a service error').toBe(255);
    expect(result.stderr).toMatch(SERVICE_ERROR('NotAuthorizedException', 'AdminRespondToAuthChallenge', 'Incorrect username or password.'));
    expect(result.stdout).not.toContain('AuthenticationResult');
    expect(readJsonFile(join(cwd, 'answer.json')).ChallengeName, 'the wrong password was answered, not refused earlier').toBe('PASSWORD_VERIFIER');
    expectNothingOf(result.stdout + result.stderr, [PASSWORD, WRONG_PASSWORD], 'what the walkthrough printed');
  });

  it("seeds alice with admin-create-user and admin-set-user-password --permanent, then runs the README's walkthrough", async () => {
    const cwd = subdir(root(), 'v1-readme-seeded');
    const pool = await startPool(cwd, 'empty', EMPTY_CONFIG);
    try {
      // The config has no user: alice is created by admin-create-user (FORCE_CHANGE_PASSWORD, which would sign in
      // with NEW_PASSWORD_REQUIRED), and admin-set-user-password --permanent lets the walkthrough end in tokens.
      const env = awsEnv({ home: cwd, binDir: makeBinDir(join(cwd, 'bin'), { binary: V1_BINARY ?? 'aws' }), endpointUrl: pool.url });
      const seeded = await bash(
        `aws cognito-idp admin-create-user --output json --user-pool-id ${POOL} --username alice --temporary-password "$TEMPORARY_PASSWORD" --message-action SUPPRESS
aws cognito-idp admin-set-user-password --user-pool-id ${POOL} --username alice --password "$SEED_PASSWORD" --permanent
`,
        { cwd, env: { ...env, TEMPORARY_PASSWORD, SEED_PASSWORD: PASSWORD } },
      );
      expect(seeded.status, seeded.stderr).toBe(0);
      expect(parseJson(seeded.stdout, 'admin-create-user').User).toMatchObject({ Username: 'alice', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
      const result = await bash(walkthrough, { cwd, env, input: `${PASSWORD}\n` });
      const tokens = tokensOf(result);
      await verifyTokens(pool.url, tokens, { userPoolId: POOL, clientId: CLIENT, username: 'alice' });
      expectNothingOf(result.stdout + result.stderr + seeded.stdout + seeded.stderr, [PASSWORD, TEMPORARY_PASSWORD], 'the run');
    } finally {
      await pool.stop([PASSWORD, TEMPORARY_PASSWORD]);
    }
  });

  it('with a client secret (COGNITO_CLIENT_SECRET; endpoint from AWS_ENDPOINT_URL): SECRET_HASH over the name sent, then over USER_ID_FOR_SRP', async () => {
    const { result, cwd } = await login(aws, 'secret', {
      pool: POOL,
      client: SECRET_CLIENT,
      username: 'ALICE', // usernames are case-insensitive by default: USER_ID_FOR_SRP is the stored "alice"
      password: PASSWORD,
      secret: CLIENT_SECRET,
      endpointVariable: 'AWS_ENDPOINT_URL',
    });
    const tokens = tokensOf(result);
    await verifyTokens(aws.pool().url, tokens, { userPoolId: POOL, clientId: SECRET_CLIENT, username: 'alice' });
    const initiate = readJsonFile(join(cwd, 'initiate.json'));
    expect((initiate.AuthParameters as Record<string, string>).SECRET_HASH).toBe(secretHash('ALICE', SECRET_CLIENT, CLIENT_SECRET));
    expect(challengeParameters(readJsonFile(join(cwd, 'challenge.json'))).USER_ID_FOR_SRP).toBe('alice');
    expect(challengeResponses(readJsonFile(join(cwd, 'answer.json')))).toMatchObject({ USERNAME: 'alice', SECRET_HASH: secretHash('alice', SECRET_CLIENT, CLIENT_SECRET) });
  });

  it('with a wrong client secret: admin-initiate-auth is refused (Unable to verify secret hash)', async () => {
    const { result, cwd } = await login(aws, 'wrong-secret', { pool: POOL, client: SECRET_CLIENT, username: 'alice', password: PASSWORD, secret: WRONG_CLIENT_SECRET });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(SERVICE_ERROR('NotAuthorizedException', 'AdminInitiateAuth', `Unable to verify secret hash for client ${SECRET_CLIENT}`));
    expect((readJsonFile(join(cwd, 'initiate.json')).AuthParameters as Record<string, string>).SECRET_HASH).toBe(secretHash('alice', SECRET_CLIENT, WRONG_CLIENT_SECRET));
    expect(result.stdout).not.toContain('AuthenticationResult');
  });

  it('signs in by e-mail in a pool with usernameAttributes ["email"] and a client secret: USER_ID_FOR_SRP is the sub', async () => {
    const { result, cwd } = await login(aws, 'email', { pool: EMAIL_POOL, client: EMAIL_CLIENT, username: 'erin@example.com', password: PASSWORD, secret: CLIENT_SECRET });
    const tokens = tokensOf(result);
    expect(challengeParameters(readJsonFile(join(cwd, 'challenge.json'))).USER_ID_FOR_SRP).toBe(ERIN_SUB);
    expect(challengeResponses(readJsonFile(join(cwd, 'answer.json')))).toMatchObject({ USERNAME: ERIN_SUB, SECRET_HASH: secretHash(ERIN_SUB, EMAIL_CLIENT, CLIENT_SECRET) });
    const { id, access } = await verifyTokens(aws.pool().url, tokens, { userPoolId: EMAIL_POOL, clientId: EMAIL_CLIENT, username: ERIN_SUB });
    expect(id).toMatchObject({ sub: ERIN_SUB, email: 'erin@example.com' });
    expect(access.sub).toBe(ERIN_SUB);
  });

  it('signs in by e-mail alias in a pool with aliasAttributes ["email"]: USER_ID_FOR_SRP is the username', async () => {
    const { result, cwd } = await login(aws, 'alias', { pool: ALIAS_POOL, client: ALIAS_CLIENT, username: 'bob@example.com', password: PASSWORD });
    const tokens = tokensOf(result);
    expect(challengeParameters(readJsonFile(join(cwd, 'challenge.json'))).USER_ID_FOR_SRP).toBe('bob');
    expect(challengeResponses(readJsonFile(join(cwd, 'answer.json'))).USERNAME).toBe('bob');
    const { id } = await verifyTokens(aws.pool().url, tokens, { userPoolId: ALIAS_POOL, clientId: ALIAS_CLIENT, username: 'bob' });
    expect(id.email).toBe('bob@example.com');
  });

  it('remembers a device: device-verifier, confirm-device --access-token, then DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER; a wrong device password is refused', async () => {
    await rememberedDevice(aws, 'argv', true);
  });

  it('admin-create-user with --temporary-password: NEW_PASSWORD_REQUIRED, answered by cognito-kit respond --out', async () => {
    const cwd = subdir(root(), 'v1-new-password');
    const script = `aws cognito-idp admin-create-user --output json --user-pool-id ${POOL} --username carol \\
  --temporary-password "$TEMPORARY_PASSWORD" --message-action SUPPRESS --user-attributes Name=email,Value=carol@example.com > created.json
read -rs COGNITO_PASSWORD && export COGNITO_PASSWORD
cognito-kit admin-initiate-auth --user-pool-id ${POOL} --client-id ${CLIENT} --auth-flow USER_SRP_AUTH --username carol > initiate.json
aws cognito-idp admin-initiate-auth --output json --cli-input-json file://initiate.json | cognito-kit respond > answer.json
aws cognito-idp admin-respond-to-auth-challenge --output json --cli-input-json file://answer.json \\
  | tee new-password-required.json | cognito-kit respond --out new-password.json
aws cognito-idp admin-respond-to-auth-challenge --output json --cli-input-json file://new-password.json
`;
    const result = await bash(script, { cwd, env: aws.env(cwd, { TEMPORARY_PASSWORD, COGNITO_NEW_PASSWORD: NEW_PASSWORD }), input: `${TEMPORARY_PASSWORD}\n` });
    expect((readJsonFile(join(cwd, 'created.json')).User as Record<string, unknown>).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    const asked = readJsonFile(join(cwd, 'new-password-required.json'));
    expect(asked.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challengeParameters(asked).USER_ID_FOR_SRP).toBe('carol');
    expect(statSync(join(cwd, 'new-password.json')).mode & 0o777).toBe(0o600);
    const tokens = tokensOf(result);
    await verifyTokens(aws.pool().url, tokens, { userPoolId: POOL, clientId: CLIENT, username: 'carol' });
    expectNothingOf(result.stdout + result.stderr, [TEMPORARY_PASSWORD, NEW_PASSWORD], 'the run');
  });
});

describe.skipIf(HAS_V2 || !required('REQUIRE_AWS_CLI_V2'))('the AWS CLI v2 is required here (REQUIRE_AWS_CLI_V2=1)', () => {
  it(`is installed at ${V2_BINARY}`, () => {
    expect(V2_VERSION, 'apt-get install -y awscli').toMatch(/^aws-cli\/2\./);
  });
});

describe.skipIf(!HAS_V2)(`the AWS CLI v2 (${V2_BINARY}, --endpoint-url) against cognito-kit serve`, { concurrent: true, timeout: TIMEOUT }, () => {
  const aws = useAwsCli('v2');

  it('is v2, and `aws` on the scripts\' PATH is v2 with --endpoint-url', async () => {
    expect(V2_VERSION).toMatch(/^aws-cli\/2\./);
    const cwd = subdir(root(), 'v2-version');
    const version = await bash('aws --version', { cwd, env: aws.env(cwd) });
    expect(version.stdout).toMatch(/^aws-cli\/2\./);
  });

  it('the walkthrough\'s commands: alice gets tokens', async () => {
    const { result, cwd } = await login(aws, 'login', { pool: POOL, client: CLIENT, username: 'alice', password: PASSWORD });
    const tokens = tokensOf(result);
    await verifyTokens(aws.pool().url, tokens, { userPoolId: POOL, clientId: CLIENT, username: 'alice' });
    expect(challengeParameters(readJsonFile(join(cwd, 'challenge.json'))).USER_ID_FOR_SRP).toBe('alice');
  });

  it('a wrong password: admin-respond-to-auth-challenge refuses it (NotAuthorizedException, exit 254)', async () => {
    const { result, cwd } = await login(aws, 'wrong', { pool: POOL, client: CLIENT, username: 'walt', password: WRONG_PASSWORD });
    expect(result.status, 'the AWS CLI v2 exits 254 on a service error').toBe(254);
    expect(result.stderr).toMatch(SERVICE_ERROR('NotAuthorizedException', 'AdminRespondToAuthChallenge', 'Incorrect username or password.'));
    expect(result.stdout).not.toContain('AuthenticationResult');
    expect(readJsonFile(join(cwd, 'answer.json')).ChallengeName).toBe('PASSWORD_VERIFIER');
  });

  it('with a client secret, and a wrong one refused (Unable to verify secret hash)', async () => {
    const [right, wrong] = await Promise.all([
      login(aws, 'secret', { pool: POOL, client: SECRET_CLIENT, username: 'alice', password: PASSWORD, secret: CLIENT_SECRET }),
      login(aws, 'wrong-secret', { pool: POOL, client: SECRET_CLIENT, username: 'alice', password: PASSWORD, secret: WRONG_CLIENT_SECRET }),
    ]);
    await verifyTokens(aws.pool().url, tokensOf(right.result), { userPoolId: POOL, clientId: SECRET_CLIENT, username: 'alice' });
    expect(wrong.result.status, 'the pipe fails: aws, then cognito-kit respond with nothing to read').not.toBe(0);
    expect(wrong.result.stderr).toMatch(SERVICE_ERROR('NotAuthorizedException', 'AdminInitiateAuth', `Unable to verify secret hash for client ${SECRET_CLIENT}`));
  });

  it('seeds a user with admin-create-user and admin-set-user-password --permanent, who then signs in', async () => {
    const cwd = subdir(root(), 'v2-seed');
    const created = await seedUser(aws, cwd, 'carol');
    expect(created.User).toMatchObject({ Username: 'carol', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    // Still FORCE_CHANGE_PASSWORD, the login would end in NEW_PASSWORD_REQUIRED: tokens show --permanent was applied.
    const { result } = await login(aws, 'seeded-login', { pool: POOL, client: CLIENT, username: 'carol', password: PASSWORD });
    await verifyTokens(aws.pool().url, tokensOf(result), { userPoolId: POOL, clientId: CLIENT, username: 'carol' });
  });

  it('remembers a device: device-verifier --out (with COGNITO_ACCESS_TOKEN), confirm-device, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER', async () => {
    await rememberedDevice(aws, 'file', false);
  });
});

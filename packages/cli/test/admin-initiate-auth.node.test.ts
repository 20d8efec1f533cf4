// cognito-kit admin-initiate-auth: the printed JSON is exactly buildAdminInitiateAuth's request; SRP flows keep
// their session in a 0600 state file that is never printed; secret-bearing requests only go to --out files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSrpSession, secretHash } from '@cognito-kit/srp';
import { describe, expect, it } from 'vitest';
import { AUTH_FLOWS, buildAdminInitiateAuth, type CustomAuthFlow, type UserAuthFlow } from '@cognito-kit/request-builder';
import { CLI, SECRETS, cli, expectNoSecrets, fileMode, readJson, subdir, useTempDir } from './helpers.js';

const root = useTempDir();
const POOL = 'eu-west-2_AbC123xyz';
const CLIENT = 'client0123456789abcdef';
const base = ['admin-initiate-auth', '--user-pool-id', POOL, '--client-id', CLIENT];
const STATE = '.cognito-kit-srp-state.json';

interface StateFile {
  kind: string;
  userPoolId: string;
  clientId: string;
  username?: string;
  deviceKey?: string;
  srpSession: string | null;
  answers: string | null;
}

/** Runs in a fresh directory; returns the result, the directory and the parsed stdout (when any). */
function run(name: string, args: string[], env: Record<string, string> = {}, input?: string) {
  const cwd = subdir(root(), name);
  const result = cli([...base, ...args], { cwd, env, ...(input === undefined ? {} : { input }) });
  return { ...result, cwd, json: result.stdout === '' ? undefined : (JSON.parse(result.stdout) as Record<string, unknown>) };
}

describe('SRP flows', () => {
  it('USER_SRP_AUTH: the request equals the builder output for the saved session; state file 0600, never printed', () => {
    const env = { COGNITO_CLIENT_SECRET: SECRETS.COGNITO_CLIENT_SECRET, COGNITO_PASSWORD: SECRETS.COGNITO_PASSWORD };
    const result = run('user-srp', ['--auth-flow', 'USER_SRP_AUTH', '--username', 'alice@example.com', '--device-key', 'eu-west-2_0f1e2d3c-aaaa-4bbb-8ccc-123456789abc'], env);
    expect(result.status).toBe(0);
    const statePath = join(result.cwd, STATE);
    expect(fileMode(statePath)).toBe(0o600);
    const state = readJson<StateFile>(statePath);
    expect(state).toMatchObject({ kind: 'cognito-kit/srp-state', userPoolId: POOL, clientId: CLIENT, username: 'alice@example.com', answers: 'PASSWORD_VERIFIER' });
    expect(state.deviceKey).toBe('eu-west-2_0f1e2d3c-aaaa-4bbb-8ccc-123456789abc');
    const srpSession = importSrpSession(state.srpSession!);
    const expected = buildAdminInitiateAuth({
      authFlow: 'USER_SRP_AUTH',
      userPoolId: POOL,
      clientId: CLIENT,
      clientSecret: SECRETS.COGNITO_CLIENT_SECRET,
      username: 'alice@example.com',
      deviceKey: 'eu-west-2_0f1e2d3c-aaaa-4bbb-8ccc-123456789abc',
      srpSession,
    });
    expect(result.json).toEqual(expected.request);
    expect(result.stdout).toBe(`${JSON.stringify(expected.request, null, 2)}\n`);
    expect((result.json!.AuthParameters as Record<string, string>).SECRET_HASH).toBe(secretHash('alice@example.com', CLIENT, SECRETS.COGNITO_CLIENT_SECRET));
    // The session export (and its private hex) is in the file only.
    const hex = state.srpSession!.split('.').pop()!;
    expect(result.stdout + result.stderr).not.toContain(hex.slice(0, 32));
    expect(result.stderr).toContain('SRP session saved');
    expectNoSecrets(result);
  });

  it('CUSTOM_AUTH --with-srp sends CHALLENGE_NAME=SRP_A and SRP_A and saves the session', () => {
    const result = run('custom-srp', ['--auth-flow', 'CUSTOM_AUTH', '--username', 'bob', '--with-srp', '--client-metadata', 'tenant=acme', '--client-metadata', 'expr=a=b']);
    expect(result.status).toBe(0);
    const state = readJson<StateFile>(join(result.cwd, STATE));
    const expected = buildAdminInitiateAuth({
      authFlow: 'CUSTOM_AUTH',
      userPoolId: POOL,
      clientId: CLIENT,
      username: 'bob',
      withSrp: true,
      srpSession: importSrpSession(state.srpSession!),
      clientMetadata: { tenant: 'acme', expr: 'a=b' },
    });
    expect(result.json).toEqual(expected.request);
    expect((result.json!.AuthParameters as Record<string, string>).CHALLENGE_NAME).toBe('SRP_A');
  });

  it('USER_AUTH --preferred-challenge PASSWORD_SRP sends SRP_A; --state FILE puts the state there', () => {
    const result = run('user-auth-srp', ['--auth-flow', 'USER_AUTH', '--username', 'carol', '--preferred-challenge', 'PASSWORD_SRP', '--state', 'login.json']);
    expect(result.status).toBe(0);
    expect(existsSync(join(result.cwd, STATE))).toBe(false);
    const state = readJson<StateFile>(join(result.cwd, 'login.json'));
    expect(fileMode(join(result.cwd, 'login.json'))).toBe(0o600);
    expect(result.json!.AuthParameters).toEqual({ USERNAME: 'carol', PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: importSrpSession(state.srpSession!).srpA });
  });

  it('replaces an existing state file (even one with mode 0644) by a new 0600 file', () => {
    const cwd = subdir(root(), 'replace');
    writeFileSync(join(cwd, STATE), '{"old":true}', { mode: 0o644 });
    const before = statSync(join(cwd, STATE)).ino;
    const result = cli([...base, '--auth-flow', 'USER_SRP_AUTH', '--username', 'dave'], { cwd });
    expect(result.status).toBe(0);
    expect(fileMode(join(cwd, STATE))).toBe(0o600);
    expect(statSync(join(cwd, STATE)).ino).not.toBe(before); // renamed over, not rewritten in place
    expect(readJson<StateFile>(join(cwd, STATE)).username).toBe('dave');
  });

  it('creates the state file 0600 whatever the umask (0000 here)', () => {
    const cwd = subdir(root(), 'umask');
    const args = [...base, '--auth-flow', 'USER_SRP_AUTH', '--username', 'erin'];
    const result = spawnSync('/bin/sh', ['-c', 'umask 0000 && exec "$0" "$@"', process.execPath, CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(fileMode(join(cwd, STATE))).toBe(0o600);
  });
});

describe('flows without SRP write no state', () => {
  const cases: [string, string[], UserAuthFlow | CustomAuthFlow][] = [
    ['USER_AUTH EMAIL_OTP', ['--preferred-challenge', 'EMAIL_OTP'], { authFlow: 'USER_AUTH', username: 'frank', preferredChallenge: 'EMAIL_OTP' }],
    ['USER_AUTH', [], { authFlow: 'USER_AUTH', username: 'frank' }],
    ['CUSTOM_AUTH', [], { authFlow: 'CUSTOM_AUTH', username: 'frank' }],
  ];
  it.each(cases)('%s', (name, args, flow) => {
    const result = run(`nosrp-${name}`, ['--auth-flow', flow.authFlow, '--username', 'frank', ...args], { COGNITO_CLIENT_SECRET: SECRETS.COGNITO_CLIENT_SECRET });
    expect(result.status).toBe(0);
    expect(existsSync(join(result.cwd, STATE))).toBe(false);
    const expected = buildAdminInitiateAuth({ userPoolId: POOL, clientId: CLIENT, clientSecret: SECRETS.COGNITO_CLIENT_SECRET, ...flow });
    expect(result.json).toEqual(expected.request);
    expectNoSecrets(result);
  });

  it('--state with a flow that does not use SRP is a usage error', () => {
    const result = run('state-nosrp', ['--auth-flow', 'CUSTOM_AUTH', '--username', 'x', '--state', 's.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--state is only used by SRP flows');
  });

  it('--session and --analytics-endpoint-id go on the wire', () => {
    const session = 'AYABeEXAMPLEsession0123456789';
    const result = run('session', ['--auth-flow', 'USER_AUTH', '--username', 'gina', '--session', session, '--analytics-endpoint-id', 'ep-1']);
    expect(result.status).toBe(0);
    expect(result.json).toMatchObject({ Session: session, AnalyticsMetadata: { AnalyticsEndpointId: 'ep-1' } });
  });
});

describe('requests that carry a long-lived secret are never printed', () => {
  it('ADMIN_USER_PASSWORD_AUTH without --out: exit 2, nothing printed, no file', () => {
    const result = run('pw-no-out', ['--auth-flow', 'ADMIN_USER_PASSWORD_AUTH', '--username', 'hank'], { COGNITO_PASSWORD: SECRETS.COGNITO_PASSWORD });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('carries AuthParameters.PASSWORD');
    expect(result.stderr).toContain('--out FILE');
    expectNoSecrets(result);
  });

  it.each(['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const)('%s --out FILE: the request in a 0600 file', (flow) => {
    const env = { COGNITO_PASSWORD: SECRETS.COGNITO_PASSWORD, COGNITO_CLIENT_SECRET: SECRETS.COGNITO_CLIENT_SECRET };
    const result = run(`pw-${flow}`, ['--auth-flow', flow, '--username', 'hank', '--out', 'req.json'], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('file://req.json');
    const file = join(result.cwd, 'req.json');
    expect(fileMode(file)).toBe(0o600);
    const expected = buildAdminInitiateAuth({
      authFlow: flow,
      userPoolId: POOL,
      clientId: CLIENT,
      clientSecret: SECRETS.COGNITO_CLIENT_SECRET,
      username: 'hank',
      password: SECRETS.COGNITO_PASSWORD,
    });
    expect(readJson(file)).toEqual(expected.request);
    expectNoSecrets(result);
  });

  it('the password can come from stdin (--password-stdin, one trailing newline stripped)', () => {
    const result = run('pw-stdin', ['--auth-flow', 'ADMIN_USER_PASSWORD_AUTH', '--username', 'ivy', '--password-stdin', '--out', 'r.json'], {}, `${SECRETS.COGNITO_PASSWORD}\n`);
    expect(result.status).toBe(0);
    expect((readJson(join(result.cwd, 'r.json')).AuthParameters as Record<string, string>).PASSWORD).toBe(SECRETS.COGNITO_PASSWORD);
  });

  it('USER_AUTH --preferred-challenge PASSWORD takes the password', () => {
    const result = run('ua-pw', ['--auth-flow', 'USER_AUTH', '--username', 'ivy', '--preferred-challenge', 'PASSWORD', '--out', 'r.json'], { COGNITO_PASSWORD: SECRETS.COGNITO_PASSWORD });
    expect(result.status).toBe(0);
    expect(readJson(join(result.cwd, 'r.json')).AuthParameters).toEqual({ USERNAME: 'ivy', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: SECRETS.COGNITO_PASSWORD });
  });

  it('REFRESH_TOKEN_AUTH: token from COGNITO_REFRESH_TOKEN or --refresh-token-stdin, SECRET_HASH over --username', () => {
    const env = { COGNITO_REFRESH_TOKEN: SECRETS.COGNITO_REFRESH_TOKEN, COGNITO_CLIENT_SECRET: SECRETS.COGNITO_CLIENT_SECRET };
    const fromEnv = run('refresh-env', ['--auth-flow', 'REFRESH_TOKEN_AUTH', '--username', 'sub-123', '--out', 'r.json'], env);
    expect(fromEnv.status).toBe(0);
    const expected = buildAdminInitiateAuth({
      authFlow: 'REFRESH_TOKEN_AUTH',
      userPoolId: POOL,
      clientId: CLIENT,
      clientSecret: SECRETS.COGNITO_CLIENT_SECRET,
      refreshToken: SECRETS.COGNITO_REFRESH_TOKEN,
      username: 'sub-123',
    });
    expect(readJson(join(fromEnv.cwd, 'r.json'))).toEqual(expected.request);
    expectNoSecrets(fromEnv);

    const fromStdin = run('refresh-stdin', ['--auth-flow', 'REFRESH_TOKEN', '--refresh-token-stdin', '--out', 'r.json'], {}, SECRETS.COGNITO_REFRESH_TOKEN);
    expect(fromStdin.status).toBe(0);
    expect(readJson(join(fromStdin.cwd, 'r.json')).AuthParameters).toEqual({ REFRESH_TOKEN: SECRETS.COGNITO_REFRESH_TOKEN });
  });

  it('a missing password or refresh token is a usage error that says how to give it', () => {
    const pw = run('pw-missing', ['--auth-flow', 'ADMIN_USER_PASSWORD_AUTH', '--username', 'x', '--out', 'r.json']);
    expect(pw.status).toBe(2);
    expect(pw.stderr).toContain('needs the password: set COGNITO_PASSWORD');
    const token = run('token-missing', ['--auth-flow', 'REFRESH_TOKEN_AUTH', '--out', 'r.json']);
    expect(token.status).toBe(2);
    expect(token.stderr).toContain('COGNITO_REFRESH_TOKEN');
  });

  it('--password-stdin with a flow that takes no password is a usage error (it would be ignored)', () => {
    const result = run('pw-unused', ['--auth-flow', 'USER_SRP_AUTH', '--username', 'x', '--password-stdin'], {}, 'pw');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--password-stdin is not used by --auth-flow USER_SRP_AUTH');
  });
});

describe('validation errors (exit 1, one line per issue, nothing on stdout, no state)', () => {
  it('reports every issue with its path and the flag it comes from', () => {
    const cwd = subdir(root(), 'invalid');
    const result = cli(
      ['admin-initiate-auth', '--user-pool-id', 'not a pool', '--client-id', 'bad client!', '--auth-flow', 'USER_SRP_AUTH', '--username', 'two words', '--device-key', 'nope'],
      { cwd },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toContain('error: userPoolId: userPoolId must be <region>_<letters and digits>, with one underscore (UserPoolIdType) [--user-pool-id]');
    expect(lines.some((line) => line.startsWith('error: clientId: ') && line.endsWith('[--client-id]'))).toBe(true);
    expect(lines.some((line) => line.startsWith('error: username: username must be ') && line.endsWith('[--username]'))).toBe(true);
    expect(lines.some((line) => line.startsWith('error: deviceKey: '))).toBe(true);
    expect(lines.every((line) => line.startsWith('error: '))).toBe(true);
    expect(existsSync(join(cwd, STATE))).toBe(false);
  });

  it('a pool id with more than one underscore (us_east_1_Abc) is refused when the request is built: one line, no state', () => {
    const cwd = subdir(root(), 'pool-underscores');
    const result = cli(['admin-initiate-auth', '--user-pool-id', 'us_east_1_Abc', '--client-id', CLIENT, '--auth-flow', 'USER_SRP_AUTH', '--username', 'alice'], { cwd });
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: 'error: userPoolId: userPoolId must be <region>_<letters and digits>, with one underscore (UserPoolIdType) [--user-pool-id]\n',
    });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a flag the flow does not take is reported with the builder\'s issues, in one run', () => {
    const unused = run('unused-flag', ['--auth-flow', 'USER_SRP_AUTH', '--username', 'x', '--with-srp']);
    expect(unused.status).toBe(1);
    expect(unused.stderr).toBe('error: withSrp: withSrp is not used by the USER_SRP_AUTH flow [--with-srp]\n');
    const cwd = subdir(root(), 'unused-and-invalid');
    const both = cli(['admin-initiate-auth', '--user-pool-id', POOL, '--client-id', 'bad client!', '--auth-flow', 'CUSTOM_AUTH', '--username', 'x', '--preferred-challenge', 'PASSWORD'], { cwd });
    expect(both.status).toBe(1);
    const lines = both.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^error: clientId: .*\[--client-id\]$/);
    expect(lines[1]).toBe('error: preferredChallenge: preferredChallenge is not used by the CUSTOM_AUTH flow [--preferred-challenge]');
  });

  it('an invalid secret is reported by its length and source, never its value', () => {
    const tooLong = `${SECRETS.COGNITO_PASSWORD} `.repeat(10); // 350 characters; PasswordType allows 256
    const result = run('long-password', ['--auth-flow', 'ADMIN_USER_PASSWORD_AUTH', '--username', 'x', '--out', 'r.json'], { COGNITO_PASSWORD: tooLong });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: password: password must have 0 to 256 characters \(PasswordType\), got 350 \[COGNITO_PASSWORD\]\n$/);
    expect(existsSync(join(result.cwd, 'r.json'))).toBe(false);
    expectNoSecrets(result);
  });
});

describe('an --auth-flow that is not a flow: the flow meant, or the list; never the value typed', () => {
  const FLOW_LIST = `error: authFlow: authFlow must be one of ${AUTH_FLOWS.join(', ')} for AdminInitiateAuth [--auth-flow]\n`;

  it.each(['user_srp_auth', 'USER-SRP-AUTH', 'User-Srp-Auth', 'USER_SRP_AUHT', 'USER_SRPAUTH', 'USR_SRP_AUTH'])('%s: did you mean USER_SRP_AUTH? (exit 1, no state)', (typed) => {
    const result = run(`mean-${typed}`, ['--auth-flow', typed, '--username', 'alice']);
    expect(result).toMatchObject({ status: 1, stdout: '', stderr: 'error: authFlow: authFlow is not a flow: did you mean USER_SRP_AUTH? [--auth-flow]\n' });
    expect(result.stderr).not.toContain(typed);
    expect(readdirSync(result.cwd)).toEqual([]);
  });

  it.each([
    ['refresh_token_auth', 'REFRESH_TOKEN_AUTH'],
    ['REFRESH_TOKN', 'REFRESH_TOKEN'],
    ['admin-user-password-auth', 'ADMIN_USER_PASSWORD_AUTH'],
    ['CUSTOM_AUHT', 'CUSTOM_AUTH'],
  ])('%s: did you mean %s?', (typed, meant) => {
    const result = run(`mean-${typed}`, ['--auth-flow', typed, '--username', 'alice']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: authFlow: authFlow is not a flow: did you mean ${meant}? [--auth-flow]\n`);
  });

  it.each(['MAGIC', 'srp-6a', 'password', 'x'.repeat(200)])('%s, nothing like a flow: the list of flows, no suggestion', (typed) => {
    const result = run(`list-${typed.slice(0, 20)}`, ['--auth-flow', typed, '--username', 'alice']);
    expect(result).toMatchObject({ status: 1, stdout: '', stderr: FLOW_LIST });
    expect(result.stderr).not.toContain('did you mean');
    expect(result.stderr).not.toContain(typed);
  });

  it('a secret typed as the flow is never repeated, whichever message it gets', () => {
    for (const secret of Object.values(SECRETS)) {
      const result = run('secret-flow', ['--auth-flow', secret, '--username', 'alice']);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(FLOW_LIST);
      expectNoSecrets(result);
    }
  });

  it('with flags missing as well, one usage error names both (exit 2)', () => {
    const cwd = subdir(root(), 'mean-and-missing');
    const result = cli(['admin-initiate-auth', '--auth-flow', 'user_srp_auth'], { cwd });
    expect(result).toEqual({
      status: 2,
      stdout: '',
      stderr: 'cognito-kit admin-initiate-auth: missing --user-pool-id and --client-id; --auth-flow is not a flow: did you mean USER_SRP_AUTH? (see --help)\n',
    });
  });

  it('--preferred-challenge of USER_AUTH: a near miss is refused with the name meant; another value is sent as it is', () => {
    for (const typed of ['password_srp', 'Password-Srp', 'PASWORD_SRP']) {
      const result = run(`preferred-${typed}`, ['--auth-flow', 'USER_AUTH', '--username', 'carol', '--preferred-challenge', typed]);
      expect(result).toMatchObject({ status: 1, stdout: '', stderr: 'error: preferredChallenge: preferredChallenge is not a challenge name: did you mean PASSWORD_SRP? [--preferred-challenge]\n' });
      expect(readdirSync(result.cwd)).toEqual([]); // no SRP state: the flow was not started
    }
    const other = run('preferred-other', ['--auth-flow', 'USER_AUTH', '--username', 'carol', '--preferred-challenge', 'MAGIC_LINK']);
    expect(other.status).toBe(0);
    expect(other.json!.AuthParameters).toEqual({ USERNAME: 'carol', PREFERRED_CHALLENGE: 'MAGIC_LINK' });
    const both = run('preferred-and-flow', ['--auth-flow', 'user_auth', '--username', 'carol', '--preferred-challenge', 'email-otp']);
    expect(both.status).toBe(1);
    expect(both.stderr).toBe(
      'error: authFlow: authFlow is not a flow: did you mean USER_AUTH? [--auth-flow]\n' +
        'error: preferredChallenge: preferredChallenge is not a challenge name: did you mean EMAIL_OTP? [--preferred-challenge]\n',
    );
  });
});

describe('every missing flag (and secret) in one usage error', () => {
  const cases: [string, string[], string][] = [
    ['nothing', [], 'missing --user-pool-id, --client-id and --auth-flow'],
    ['a flow that needs --username', ['--auth-flow', 'USER_SRP_AUTH'], 'missing --user-pool-id, --client-id and --username'],
    ['only --username', ['--user-pool-id', POOL, '--client-id', CLIENT, '--auth-flow', 'CUSTOM_AUTH', '--with-srp'], 'missing --username'],
    [
      'a password flow',
      ['--client-id', CLIENT, '--auth-flow', 'ADMIN_USER_PASSWORD_AUTH'],
      'missing --user-pool-id and --username; --auth-flow ADMIN_USER_PASSWORD_AUTH also needs the password: set COGNITO_PASSWORD in the environment or pass --password-stdin and give it on stdin',
    ],
    [
      'USER_AUTH with PASSWORD',
      ['--user-pool-id', POOL, '--auth-flow', 'USER_AUTH', '--preferred-challenge', 'PASSWORD'],
      'missing --client-id and --username; --auth-flow USER_AUTH also needs the password: set COGNITO_PASSWORD in the environment or pass --password-stdin and give it on stdin',
    ],
    [
      'a refresh flow (no --username needed)',
      ['--user-pool-id', POOL, '--auth-flow', 'REFRESH_TOKEN_AUTH'],
      'missing --client-id; --auth-flow REFRESH_TOKEN_AUTH also needs the refresh token: set COGNITO_REFRESH_TOKEN in the environment or pass --refresh-token-stdin and give it on stdin',
    ],
  ];
  it.each(cases)('%s: exit 2, nothing written', (name, args, message) => {
    const cwd = subdir(root(), `missing-${name}`);
    const result = cli(['admin-initiate-auth', ...args], { cwd });
    expect(result).toEqual({ status: 2, stdout: '', stderr: `cognito-kit admin-initiate-auth: ${message} (see --help)\n` });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a secret given on stdin counts as given (stdin is read only once nothing is missing)', () => {
    const cwd = subdir(root(), 'missing-stdin');
    const result = cli(['admin-initiate-auth', '--auth-flow', 'ADMIN_USER_PASSWORD_AUTH', '--password-stdin', '--out', 'r.json'], { cwd, input: SECRETS.COGNITO_PASSWORD });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cognito-kit admin-initiate-auth: missing --user-pool-id, --client-id and --username (see --help)\n');
  });
});

it('the state file does not exist before the request is valid (no half-written login)', () => {
  for (const [name, args, status] of [
    ['no-state-on-error', ['--auth-flow', 'USER_SRP_AUTH', '--username', 'two words'], 1],
    ['no-state-on-usage', ['--auth-flow', 'USER_SRP_AUTH'], 2],
  ] as const) {
    const result = run(name, [...args]);
    expect(result.status).toBe(status);
    expect(existsSync(join(result.cwd, STATE))).toBe(false);
    expect(readdirSync(result.cwd)).toEqual([]); // no temporary file left behind either
  }
});

// The CLI's surface: --help for each command, exit codes, unknown flags, and secrets refused on the command line.
import { describe, expect, it } from 'vitest';
import { SECRETS, cli, expectNoSecrets, useTempDir } from './helpers.js';

const dir = useTempDir();
const run = (args: string[], input?: string) => cli(args, { cwd: dir(), ...(input === undefined ? {} : { input }) });
const COMMANDS = ['admin-initiate-auth', 'respond', 'secret-hash', 'device-verifier', 'demo'];

describe('cognito-kit (no command)', () => {
  it('prints usage on stderr with exit code 2', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^usage: cognito-kit <command>/);
  });

  it('--help lists every command, exit code 0', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(`  ${command} `);
  });

  it('--version prints the package version', () => {
    const result = run(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^cognito-kit \d+\.\d+\.\d+/);
  });

  it('an unknown command exits 2 and names it only when it looks like a command', () => {
    const typo = run(['admin-initate-auth']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('unknown command "admin-initate-auth"');
    const stray = run([SECRETS.COGNITO_PASSWORD]);
    expect(stray.status).toBe(2);
    expectNoSecrets(stray);
  });

  it('help <command> prints that command\'s help', () => {
    const result = run(['help', 'respond']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: cognito-kit respond/);
  });
});

describe.each(COMMANDS)('cognito-kit %s', (command) => {
  it('--help prints its usage on stdout, exit code 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = run([command, flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^usage: cognito-kit ${command}`));
      expect(result.stdout).toContain('Exit codes');
      expect(result.stderr).toBe('');
    }
  });

  it('an unknown option exits 2 with a clear message', () => {
    const result = run([command, '--bogus-flag', 'x']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cognito-kit ${command}: unknown option --bogus-flag (see --help)\n`);
  });

  it('an unknown option with an inline value does not repeat the value', () => {
    const result = run([command, `--pasword=${SECRETS.COGNITO_PASSWORD}`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown option --pasword ');
    expectNoSecrets(result);
  });

  it('a positional argument exits 2 without being repeated', () => {
    const result = run([command, SECRETS.COGNITO_CLIENT_SECRET]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unexpected argument');
    expectNoSecrets(result);
  });
});

describe('secrets on the command line are refused (exit 2, how to pass them instead, value never repeated)', () => {
  const cases: [string, string, string, string][] = [
    ['admin-initiate-auth', 'password', 'COGNITO_PASSWORD', '--password-stdin'],
    ['admin-initiate-auth', 'client-secret', 'COGNITO_CLIENT_SECRET', '--client-secret-stdin'],
    ['admin-initiate-auth', 'refresh-token', 'COGNITO_REFRESH_TOKEN', '--refresh-token-stdin'],
    ['respond', 'password', 'COGNITO_PASSWORD', '--password-stdin'],
    ['respond', 'new-password', 'COGNITO_NEW_PASSWORD', '--new-password-stdin'],
    ['respond', 'device-password', 'COGNITO_DEVICE_PASSWORD', '--device-password-stdin'],
    ['respond', 'client-secret', 'COGNITO_CLIENT_SECRET', '--client-secret-stdin'],
    ['secret-hash', 'client-secret', 'COGNITO_CLIENT_SECRET', '--client-secret-stdin'],
    ['device-verifier', 'access-token', 'COGNITO_ACCESS_TOKEN', '--access-token-stdin'],
    ['demo', 'password', 'COGNITO_PASSWORD', '--password-stdin'],
  ];
  it.each(cases)('%s --%s', (command, flag, env, stdinFlag) => {
    const value = Object.values(SECRETS).find((s) => s.length > 20)!;
    for (const args of [[`--${flag}`, value], [`--${flag}=${value}`]]) {
      const result = run([command, '--user-pool-id', 'us-east-1_Abc', ...args]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`--${flag} is refused`);
      expect(result.stderr).toContain('command line is visible');
      expect(result.stderr).toContain(env);
      expect(result.stderr).toContain(stdinFlag);
      expectNoSecrets(result);
    }
  });

  it('respond --answer PASSWORD=… and NEW_PASSWORD=… are refused too', () => {
    for (const key of ['PASSWORD', 'NEW_PASSWORD', 'SECRET_HASH']) {
      const result = run(['respond', '--answer', `${key}=${SECRETS.COGNITO_NEW_PASSWORD}`], '{"ChallengeName":"NEW_PASSWORD_REQUIRED"}');
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`--answer ${key}=… is refused`);
      expectNoSecrets(result);
    }
  });
});

describe('flag values', () => {
  it('a string flag without a value exits 2', () => {
    const atEnd = run(['admin-initiate-auth', '--user-pool-id']);
    expect(atEnd.status).toBe(2);
    expect(atEnd.stderr).toContain('--user-pool-id needs a value');
    const beforeFlag = run(['admin-initiate-auth', '--user-pool-id', '--client-id', 'abc']);
    expect(beforeFlag.status).toBe(2);
    expect(beforeFlag.stderr).toContain('--user-pool-id needs a value');
  });

  it('a boolean flag with a value exits 2', () => {
    const result = run(['admin-initiate-auth', '--with-srp=yes']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--with-srp takes no value');
  });

  it('a single-valued flag given twice exits 2', () => {
    const result = run(['secret-hash', '--username', 'a', '--username', 'b']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--username is given more than once');
  });

  it('missing required flags exit 2 and are named together, with those the flow needs', () => {
    const result = run(['admin-initiate-auth', '--user-pool-id', 'us-east-1_Abc', '--auth-flow', 'USER_SRP_AUTH']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cognito-kit admin-initiate-auth: missing --client-id and --username (see --help)\n');
  });

  it('two secrets from stdin at once exit 2', () => {
    const result = run(['admin-initiate-auth', '--user-pool-id', 'us-east-1_Abc', '--client-id', 'c', '--auth-flow', 'ADMIN_USER_PASSWORD_AUTH', '--password-stdin', '--client-secret-stdin']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('only one secret can come from stdin');
  });
});

describe('every command names all its missing flags (and secrets) in one usage error', () => {
  const howToPass = (env: string, flag: string) => `set ${env} in the environment or pass --${flag} and give it on stdin`;
  const cases: [string, string[], string, string?][] = [
    ['admin-initiate-auth', [], 'missing --user-pool-id, --client-id and --auth-flow'],
    [
      'secret-hash',
      [],
      `missing --client-id and --username; secret-hash also needs the app client secret: ${howToPass('COGNITO_CLIENT_SECRET', 'client-secret-stdin')}`,
    ],
    ['secret-hash', ['--username', 'u'], `missing --client-id; secret-hash also needs the app client secret: ${howToPass('COGNITO_CLIENT_SECRET', 'client-secret-stdin')}`],
    ['device-verifier', [], 'missing --device-key, --device-group-key and --device-password-file'],
    ['device-verifier', ['--device-group-key', '-g'], 'missing --device-key and --device-password-file'],
    [
      'demo',
      ['--endpoint', 'http://127.0.0.1:9'],
      `missing --user-pool-id, --client-id and --username; demo --endpoint also needs the password: ${howToPass('COGNITO_PASSWORD', 'password-stdin')}`,
    ],
    ['respond', [], 'missing --user-pool-id and --client-id (there is no state file at .cognito-kit-srp-state.json to take them from)', '{"ChallengeName":"SMS_MFA"}'],
  ];
  it.each(cases)('%s %j', (command, args, message, input) => {
    const result = run([command, ...args], input);
    expect(result).toEqual({ status: 2, stdout: '', stderr: `cognito-kit ${command}: ${message} (see --help)\n` });
  });
});

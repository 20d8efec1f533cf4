// Every command, run with every secret in the environment (and on stdin where it takes one): no secret, no SRP
// session export and no device password appears in stdout or stderr, whatever the outcome.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServerChallenge, createUserVerifier } from '@cognito-kit/srp/server';
import { describe, expect, it } from 'vitest';
import { SECRETS, cli, expectNoSecrets, subdir, useTempDir, type RunResult } from './helpers.js';

const root = useTempDir();
const POOL = 'us-east-1_AbC123xyz';
const CLIENT = 'client0123456789';
const ENV = { ...SECRETS };

/** Secrets written to files during the run: the SRP session export (and its hex) and device passwords. */
function fileSecrets(cwd: string): string[] {
  const found: string[] = [];
  for (const file of readdirSync(cwd)) {
    const text = readFileSync(join(cwd, file), 'utf8');
    for (const match of text.matchAll(/cognito-kit\.srp-session\.v1\.([0-9a-f]{256})/g)) found.push(match[0], match[1]!);
    if (file.endsWith('.pw')) found.push(text.trim());
  }
  return found;
}

function check(cwd: string, result: RunResult): void {
  expectNoSecrets(result, [...Object.values(SECRETS), ...fileSecrets(cwd)]);
}

describe('no secret in any output', () => {
  const pool = ['--user-pool-id', POOL, '--client-id', CLIENT];
  const invocations: [string, string[], string?][] = [
    ['usage', []],
    ['help', ['--help']],
    ...['admin-initiate-auth', 'respond', 'secret-hash', 'device-verifier', 'demo'].map((c): [string, string[]] => [`${c} --help`, [c, '--help']]),
    ['srp', ['admin-initiate-auth', ...pool, '--auth-flow', 'USER_SRP_AUTH', '--username', 'alice']],
    ['custom srp', ['admin-initiate-auth', ...pool, '--auth-flow', 'CUSTOM_AUTH', '--with-srp', '--username', 'alice']],
    ['password flow refused', ['admin-initiate-auth', ...pool, '--auth-flow', 'ADMIN_USER_PASSWORD_AUTH', '--username', 'alice']],
    ['password flow --out', ['admin-initiate-auth', ...pool, '--auth-flow', 'ADMIN_USER_PASSWORD_AUTH', '--username', 'alice', '--out', 'r.json']],
    ['password from stdin', ['admin-initiate-auth', ...pool, '--auth-flow', 'USER_PASSWORD_AUTH', '--username', 'alice', '--password-stdin', '--out', 'r.json'], SECRETS.COGNITO_PASSWORD],
    ['refresh refused', ['admin-initiate-auth', ...pool, '--auth-flow', 'REFRESH_TOKEN_AUTH', '--username', 'alice']],
    ['refresh --out', ['admin-initiate-auth', ...pool, '--auth-flow', 'REFRESH_TOKEN_AUTH', '--username', 'alice', '--out', 'r.json']],
    ['invalid request', ['admin-initiate-auth', '--user-pool-id', 'bad', '--client-id', '!', '--auth-flow', 'ADMIN_USER_PASSWORD_AUTH', '--out', 'r.json']],
    ['respond: no input', ['respond', ...pool]],
    ['respond: new password refused', ['respond', ...pool], '{"ChallengeName":"NEW_PASSWORD_REQUIRED","ChallengeParameters":{"USER_ID_FOR_SRP":"alice"}}'],
    ['respond: pass-through', ['respond', ...pool, '--answer', 'SMS_MFA_CODE=123456'], '{"ChallengeName":"SMS_MFA","ChallengeParameters":{"USER_ID_FOR_SRP":"alice"}}'],
    ['respond: password challenge', ['respond', ...pool, '--out', 'a.json'], '{"ChallengeName":"PASSWORD","ChallengeParameters":{"USER_ID_FOR_SRP":"alice"}}'],
    ['secret-hash', ['secret-hash', '--client-id', CLIENT, '--username', 'alice']],
    ['secret-hash stdin', ['secret-hash', '--client-id', CLIENT, '--username', 'alice', '--client-secret-stdin'], SECRETS.COGNITO_CLIENT_SECRET],
    ['device-verifier refused (token)', ['device-verifier', '--device-key', 'us-east-1_0a-1', '--device-group-key', '-g', '--device-password-file', 'x.pw']],
    ['device-verifier --out', ['device-verifier', '--device-key', 'us-east-1_0a-1', '--device-group-key', '-g', '--device-password-file', 'y.pw', '--out', 'c.json']],
    ['demo', ['demo']],
  ];

  it.each(invocations)('%s', (name, args, input) => {
    const cwd = subdir(root(), name);
    const result = cli(args, { cwd, env: ENV, ...(input === undefined ? {} : { input }) });
    expect(result.status).not.toBeNull();
    check(cwd, result);
  });

  it('respond to PASSWORD_VERIFIER after admin-initiate-auth (the session export is in the file, never printed)', () => {
    const cwd = subdir(root(), 'pipe');
    const first = cli(['admin-initiate-auth', ...pool, '--auth-flow', 'USER_SRP_AUTH', '--username', 'alice'], { cwd, env: ENV });
    const exported = fileSecrets(cwd);
    expect(exported.length).toBe(2);
    const srpA = (JSON.parse(first.stdout) as { AuthParameters: { SRP_A: string } }).AuthParameters.SRP_A;
    const user = { userPoolId: POOL, userIdForSrp: 'alice', ...createUserVerifier({ userPoolId: POOL, userIdForSrp: 'alice', password: SECRETS.COGNITO_PASSWORD }) };
    const challenge = createServerChallenge(user, srpA);
    const second = cli(['respond'], { cwd, env: ENV, input: JSON.stringify({ ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: challenge.challengeParameters }) });
    expect(second.status).toBe(0);
    for (const result of [first, second]) expectNoSecrets(result, [...Object.values(SECRETS), ...exported]);
  });
});

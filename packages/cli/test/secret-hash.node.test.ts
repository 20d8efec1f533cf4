// cognito-kit secret-hash: equals secretHash() of @cognito-kit/srp and the published vectors; the secret comes
// from COGNITO_CLIENT_SECRET or stdin and is never printed.
import { secretHash } from '@cognito-kit/srp';
import { describe, expect, it } from 'vitest';
import { SECRETS, cli, expectNoSecrets, useTempDir } from './helpers.js';

const dir = useTempDir();

describe('cognito-kit secret-hash', () => {
  // COGNITO.md §2.1, each recomputed with Python hmac/hashlib.
  const vectors: [string, string, string, string][] = [
    ['test', '123abd', 'clientSecret', 'LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg='],
    ['a2c2e290-6d0f-4a08-a5ca-f0162935f3a6', '18u8119jgbpr464n28s1itk2mq', 'ps50nb7hd1umdnmlt1xa9nwiscqvdvzy5ijw63vcacd09yihc2b', 'QW3YkSgjkc9VNMtbTkuQflK54A6+9GS8ZiRDj0mSvPI='],
  ];

  it.each(vectors)('%s / %s: the published vector, from the environment', (username, clientId, clientSecret, expected) => {
    const result = cli(['secret-hash', '--client-id', clientId, '--username', username], { cwd: dir(), env: { COGNITO_CLIENT_SECRET: clientSecret } });
    expect(result).toEqual({ status: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('from stdin (--client-secret-stdin; a trailing newline is not part of the secret)', () => {
    for (const input of [SECRETS.COGNITO_CLIENT_SECRET, `${SECRETS.COGNITO_CLIENT_SECRET}\n`, `${SECRETS.COGNITO_CLIENT_SECRET}\r\n`]) {
      const result = cli(['secret-hash', '--client-id', 'abc', '--username', 'Ünïcödé user', '--client-secret-stdin'], { cwd: dir(), input });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${secretHash('Ünïcödé user', 'abc', SECRETS.COGNITO_CLIENT_SECRET)}\n`);
      expectNoSecrets(result);
    }
  });

  it('--client-secret-stdin wins over the environment', () => {
    const result = cli(['secret-hash', '--client-id', 'abc', '--username', 'u', '--client-secret-stdin'], {
      cwd: dir(),
      env: { COGNITO_CLIENT_SECRET: 'from-the-environment' },
      input: SECRETS.COGNITO_CLIENT_SECRET,
    });
    expect(result.stdout).toBe(`${secretHash('u', 'abc', SECRETS.COGNITO_CLIENT_SECRET)}\n`);
  });

  it('no secret (or an empty variable, or empty stdin): exit 2 with how to give it', () => {
    const none = cli(['secret-hash', '--client-id', 'abc', '--username', 'u'], { cwd: dir(), env: { COGNITO_CLIENT_SECRET: '' } });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(
      'cognito-kit secret-hash: secret-hash needs the app client secret: set COGNITO_CLIENT_SECRET in the environment or pass --client-secret-stdin and give it on stdin (see --help)\n',
    );
    const empty = cli(['secret-hash', '--client-id', 'abc', '--username', 'u', '--client-secret-stdin'], { cwd: dir(), input: '\n' });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('stdin gave an empty app client secret');
  });

  it('missing --client-id or --username: exit 2', () => {
    const result = cli(['secret-hash', '--username', 'u'], { cwd: dir(), env: { COGNITO_CLIENT_SECRET: SECRETS.COGNITO_CLIENT_SECRET } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing --client-id');
  });
});

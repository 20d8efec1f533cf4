// cognito-kit demo: the login against a local pool in its own process (right password and remembered device
// accepted, wrong password refused), and --endpoint against a local pool served over HTTP here.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalUserPools } from '@cognito-kit/local-pool';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFetch, type FetchServer } from '../src/http-server.js';
import { SECRETS, cli, cliAsync, expectNoSecrets, useTempDir } from './helpers.js';

const dir = useTempDir();

describe('cognito-kit demo (embedded server half)', () => {
  it('exits 0: right password and remembered device accepted, wrong password refused; every request redacted', () => {
    const result = cli(['demo'], { cwd: dir() });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out).toContain('right password:     accepted (AuthenticationResult)');
    expect(out).toContain('remembered device:  accepted (AuthenticationResult)');
    expect(out).toContain('wrong password:     refused (NotAuthorizedException)');
    expect(out).toMatch(/OK: the right password and the remembered device were accepted, the wrong password was refused\.\n$/);
    for (const step of ['InitiateAuth USER_SRP_AUTH', 'PASSWORD_VERIFIER', 'ConfirmDevice', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']) expect(out).toContain(step);
    // Timings: "client math 12.3 ms" and "server math 4.5 ms".
    expect(out).toMatch(/client math \d+\.\d ms/);
    expect(out).toMatch(/server math \d+\.\d ms/);
    // Redacted: no SRP_A / signature / SECRET_HASH / token values, only ***.
    expect(out).toContain('"SRP_A": "***"');
    expect(out).toContain('"PASSWORD_CLAIM_SIGNATURE": "***"');
    expect(out).toContain('"AccessToken": "***"');
    expect(out).not.toMatch(/demo-(access|refresh|id)\./);
    expect(out).not.toContain('correct horse battery staple'); // the default demo password
    expect(out).not.toContain('demo0secret0that0is0long0enough'); // the default demo secret
  });

  it('uses the password and client secret from the environment, and never prints them', () => {
    const result = cli(['demo'], { cwd: dir(), env: { ...SECRETS } });
    expect(result.status).toBe(0);
    expectNoSecrets(result);
  });

  it('--password-stdin', () => {
    const result = cli(['demo', '--username', 'bob', '--password-stdin'], { cwd: dir(), input: `${SECRETS.COGNITO_PASSWORD}\n` });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('user bob');
    expectNoSecrets(result);
  });
});

describe('cognito-kit demo --endpoint URL (InitiateAuth / RespondToAuthChallenge over HTTP)', () => {
  // A local pool that signs users in with their e-mail (USER_ID_FOR_SRP is the sub), served over HTTP here.
  const pool = {
    userPoolId: 'eu-west-2_AbC123xyz',
    clientId: 'client0123456789',
    username: 'alice@example.com',
    sub: '7f3e2c1a-0000-4000-8000-00000000abcd',
  };
  const pools = createLocalUserPools({
    userPools: [
      {
        id: pool.userPoolId,
        usernameAttributes: ['email'],
        clients: [{ id: pool.clientId, secret: SECRETS.COGNITO_CLIENT_SECRET }],
        users: [{ username: pool.username, sub: pool.sub, password: SECRETS.COGNITO_PASSWORD }],
      },
    ],
  });
  const targets: string[] = [];
  let server: FetchServer;
  let endpoint = '';

  beforeAll(async () => {
    server = await serveFetch(
      (request) => {
        const signed = request.headers.get('authorization') === null ? 'unsigned' : 'signed';
        targets.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('x-amz-target')} ${request.headers.get('content-type')} ${signed}`);
        return pools.fetch(request);
      },
      { host: '127.0.0.1', port: 0 },
    );
    endpoint = server.url;
  });
  afterAll(() => server.close());

  const flags = () => ['demo', '--endpoint', endpoint, '--user-pool-id', pool.userPoolId, '--client-id', pool.clientId, '--username', pool.username];

  it('logs in for real: exit 0, unsigned awsJson1_1 requests, nothing secret printed', async () => {
    targets.length = 0;
    const result = await cliAsync(flags(), { cwd: dir(), env: { COGNITO_PASSWORD: SECRETS.COGNITO_PASSWORD, COGNITO_CLIENT_SECRET: SECRETS.COGNITO_CLIENT_SECRET } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('login: accepted (AuthenticationResult)');
    expect(result.stdout).toMatch(/round trip \d+\.\d ms/);
    expect(targets).toEqual([
      'POST / AWSCognitoIdentityProviderService.InitiateAuth application/x-amz-json-1.1 unsigned',
      'POST / AWSCognitoIdentityProviderService.RespondToAuthChallenge application/x-amz-json-1.1 unsigned',
    ]);
    expect(result.stdout).not.toMatch(/eyJ[\w-]{10,}\./); // the pool's JWTs, masked
    expectNoSecrets(result);
  });

  it('a wrong password: the server refuses, exit 1', async () => {
    const result = await cliAsync(flags(), { cwd: dir(), env: { COGNITO_PASSWORD: 'not the password', COGNITO_CLIENT_SECRET: SECRETS.COGNITO_CLIENT_SECRET } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('NotAuthorizedException: Incorrect username or password.');
    expect(result.stdout).toContain('login: refused (NotAuthorizedException)');
  });

  it('a wrong client secret: refused at InitiateAuth (SECRET_HASH), exit 1', async () => {
    const result = await cliAsync(flags(), { cwd: dir(), env: { COGNITO_PASSWORD: SECRETS.COGNITO_PASSWORD, COGNITO_CLIENT_SECRET: 'another0client0secret0value0123' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Unable to verify secret hash');
  });

  it('needs --user-pool-id, --client-id, --username and the password (exit 2)', async () => {
    const noPassword = await cliAsync(flags(), { cwd: dir() });
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toContain('needs the password: set COGNITO_PASSWORD');
    const noPool = await cliAsync(['demo', '--endpoint', endpoint, '--client-id', 'c', '--username', 'u'], { cwd: dir(), env: { COGNITO_PASSWORD: 'x' } });
    expect(noPool.status).toBe(2);
    expect(noPool.stderr).toBe('cognito-kit demo: missing --user-pool-id (see --help)\n');
    const none = await cliAsync(['demo', '--endpoint', endpoint], { cwd: dir() });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(
      'cognito-kit demo: missing --user-pool-id, --client-id and --username; demo --endpoint also needs the password: ' +
        'set COGNITO_PASSWORD in the environment or pass --password-stdin and give it on stdin (see --help)\n',
    );
  });

  it('replies are read as readResponse reads them: an error named by the X-Amzn-ErrorType header, a 2xx that is not JSON', async () => {
    const replies: { status: number; headers: Record<string, string>; body: string }[] = [];
    const other = createServer((req, res) => {
      req.resume().on('end', () => {
        const reply = replies.shift()!;
        res.writeHead(reply.status, reply.headers).end(reply.body);
      });
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const args = ['demo', '--endpoint', url, '--user-pool-id', pool.userPoolId, '--client-id', pool.clientId, '--username', 'u'];
    try {
      replies.push({ status: 400, headers: { 'x-amzn-errortype': 'TooManyRequestsException:http://internal.amazon.com/coral/com.amazonaws.cognito/' }, body: '' });
      const throttled = await cliAsync(args, { cwd: dir(), env: { COGNITO_PASSWORD: 'x' } });
      expect(throttled.status).toBe(1);
      expect(throttled.stdout).toContain('← TooManyRequestsException: HTTP 400');
      expect(throttled.stdout).toContain('login: refused (TooManyRequestsException)');

      replies.push({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>a captive portal</html>' });
      const html = await cliAsync(args, { cwd: dir(), env: { COGNITO_PASSWORD: 'x' } });
      expect(html.status).toBe(1);
      expect(html.stderr).toMatch(/^error: http:\/\/127\.0\.0\.1:\d+\/ answered HTTP 200 with a body that is not JSON \(29 characters, text\/html\): not a reply of InitiateAuth\n$/);
      expect(html.stderr + html.stdout).not.toContain('captive portal');
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it('an unreachable endpoint: exit 1 with the reason', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await cliAsync(['demo', '--endpoint', `http://127.0.0.1:${port}`, '--user-pool-id', pool.userPoolId, '--client-id', pool.clientId, '--username', 'u'], {
      cwd: dir(),
      env: { COGNITO_PASSWORD: 'x' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: cannot reach http:\/\/127\.0\.0\.1:\d+\/ \(ECONNREFUSED\)\n$/);
  });

  it('a malformed --endpoint is a usage error', () => {
    const result = cli(['demo', '--endpoint', 'ftp://example.com'], { cwd: dir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--endpoint must be an http(s) URL');
  });
});

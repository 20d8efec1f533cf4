// cognito-kit serve: the first line, the demo pool, --config, the flags' refusals, a clean stop on SIGINT/SIGTERM,
// codes printed and secrets not. The clients nobody here wrote are run against it in test/clients/.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAdminInitiateAuth, buildInitiateAuth, buildRespondToAuthChallenge, send } from '@cognito-kit/request-builder';
import { describe, expect, it } from 'vitest';
import { SECRETS, cliAsync, expectNoSecrets, startServe, useTempDir } from './helpers.js';

const dir = useTempDir();
const SIGNED = { sign: (http: { url: string; method: 'POST'; headers: Record<string, string>; body: string }) => ({
  ...http,
  headers: { ...http.headers, Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=0' },
}) };

describe('cognito-kit serve', () => {
  it('prints exactly "listening on http://HOST:PORT" first, serves the demo pool, and stops cleanly on SIGTERM', async () => {
    const served = await startServe([], { cwd: dir() });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const destination = { endpoint: served.url };
    const { request } = buildAdminInitiateAuth({
      authFlow: 'ADMIN_USER_PASSWORD_AUTH',
      userPoolId: 'us-east-1_DemoPool1',
      clientId: 'demopublicclient0123456789',
      username: 'alice@example.com',
      password: 'correct horse battery staple',
    });
    const reply = await send('AdminInitiateAuth', request, destination, SIGNED);
    expect(reply.AuthenticationResult?.TokenType).toBe('Bearer');
    const jwks = (await (await fetch(`${served.url}/us-east-1_DemoPool1/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(2);
    const stopped = await served.stop('SIGTERM');
    expect(stopped.status).toBe(0);
    const lines = stopped.stdout.split('\n');
    expect(lines[0]).toBe(`listening on ${served.url}`);
    expect(stopped.stdout).toContain('demo pool us-east-1_DemoPool1');
    expect(stopped.stdout).toContain('password "correct horse battery staple" (a demo value)');
    expect(stopped.stdout).toMatch(/AdminInitiateAuth 200/);
    expect(stopped.stdout).toMatch(/stopped \(SIGTERM\)\n$/);
    expect(stopped.stderr).toBe('');
  });

  it('takes the demo password from COGNITO_PASSWORD, never prints it, and SIGINT stops it too', async () => {
    const served = await startServe([], { cwd: dir(), env: { COGNITO_PASSWORD: SECRETS.COGNITO_PASSWORD } });
    const first = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: 'demopublicclient0123456789', username: 'alice' });
    const challenge = await send('InitiateAuth', first.request, { endpoint: served.url });
    const answer = buildRespondToAuthChallenge({
      challengeName: 'PASSWORD_VERIFIER',
      userPoolId: 'us-east-1_DemoPool1',
      clientId: 'demopublicclient0123456789',
      srpSession: first.srpSession,
      password: SECRETS.COGNITO_PASSWORD,
      response: challenge,
    });
    const done = await send('RespondToAuthChallenge', answer.request, { endpoint: served.url });
    const stopped = await served.stop('SIGINT');
    expect(stopped.status).toBe(0);
    expect(stopped.stdout).toContain('password from COGNITO_PASSWORD');
    expect(stopped.stdout).toContain('stopped (SIGINT)');
    for (const token of [done.AuthenticationResult?.AccessToken, done.AuthenticationResult?.RefreshToken, done.AuthenticationResult?.IdToken]) {
      expect(token).toBeDefined();
      expect(stopped.stdout).not.toContain(token ?? '');
    }
    expectNoSecrets(stopped);
  });

  it('serves the pools of --config, prints an SMS code it "sends" and never the password', async () => {
    const config = join(dir(), 'pools.json');
    writeFileSync(
      config,
      JSON.stringify({
        userPools: [
          {
            id: 'eu-west-2_ConfigPool1',
            clients: [{ id: 'configclient0123', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }],
            users: [{ username: 'sam', password: SECRETS.COGNITO_NEW_PASSWORD, attributes: { phone_number: '+447700900123' }, userMFASettingList: ['SMS_MFA'] }],
          },
        ],
      }),
    );
    const served = await startServe(['--config', config], { cwd: dir() });
    const { request } = buildInitiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId: 'configclient0123', username: 'sam', password: SECRETS.COGNITO_NEW_PASSWORD });
    const challenge = await send('InitiateAuth', request, { endpoint: served.url });
    expect(challenge.ChallengeName).toBe('SMS_MFA');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const code = /: (\d{6}) \(a local pool sends nothing/.exec(served.output().stdout)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const mfa = buildRespondToAuthChallenge({ challengeName: 'SMS_MFA', clientId: 'configclient0123', challengeResponses: { USERNAME: 'sam', SMS_MFA_CODE: code ?? '' }, response: challenge });
    expect((await send('RespondToAuthChallenge', mfa.request, { endpoint: served.url })).AuthenticationResult).toBeDefined();
    const stopped = await served.stop();
    expect(stopped.stdout).toContain('user pool eu-west-2_ConfigPool1');
    expect(stopped.stdout).not.toContain('demo pool');
    expectNoSecrets(stopped, [SECRETS.COGNITO_NEW_PASSWORD]);
  });

  it('refuses an invalid config with every problem at once (exit 1), and bad flags (exit 2)', async () => {
    const config = join(dir(), 'bad.json');
    writeFileSync(config, JSON.stringify({ userPools: [{ id: 'not a pool id', clients: [{ id: 'x', explicitAuthFlows: ['MAGIC'] }] }] }));
    const invalid = await cliAsync(['serve', '--config', config], { cwd: dir() });
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/^error: the config .*bad\.json is invalid:\n {2}userPools\[0\]\.id: .*\n {2}userPools\[0\]\.clients\[0\]\.explicitAuthFlows\[0\]: /);
    writeFileSync(config, '{ not json');
    expect((await cliAsync(['serve', '--config', config], { cwd: dir() })).stderr).toContain('is not JSON');
    expect((await cliAsync(['serve', '--config', join(dir(), 'missing.json')], { cwd: dir() })).stderr).toContain('(ENOENT)');
    const port = await cliAsync(['serve', '--port', '70000'], { cwd: dir() });
    expect([port.status, port.stderr]).toEqual([2, 'cognito-kit serve: --port must be a number from 0 to 65535 (0 picks a free port) (see --help)\n']);
    const secretFlag = await cliAsync(['serve', '--password', 'x'], { cwd: dir() });
    expect(secretFlag.status).toBe(2);
  });

  it('listens on another address only when asked, and says so', async () => {
    const served = await startServe(['--host', '0.0.0.0'], { cwd: dir() });
    expect(served.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    const stopped = await served.stop();
    expect(stopped.stderr).toContain('reachable from other machines');
  });
});

/**
 * `cognito-kit serve`: a local Cognito user pool (`@cognito-kit/local-pool`) on HTTP, for any Cognito client to point
 * at: the AWS CLI (`--endpoint-url`), the AWS SDKs (`endpoint`), Amplify (`userPoolEndpoint`),
 * amazon-cognito-identity-js (`endpoint`), boto3 (`endpoint_url`).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { LocalPoolConfigError, createLocalUserPools, parseLocalPoolsConfig, type LocalPoolsConfig, type LocalUserPools, type LogLine } from '@cognito-kit/local-pool';
import { Failure, UsageError, type FlagSpec, type Flags } from './args.js';
import { COMMON_HELP, defineCommand, type Command } from './command.js';
import { DEMO, demoPoolsConfig } from './demo-pool.js';
import { serveFetch } from './http-server.js';
import { resolvePath, type Context } from './io.js';
import { Secrets, secretHelp, type SecretName } from './secrets.js';

const NAME = 'serve';
const SECRETS: readonly SecretName[] = ['password'];
const SPEC: Record<string, FlagSpec> = {
  config: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
};
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 9229;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

const HELP = `usage: cognito-kit serve [--config FILE] [--host ${DEFAULT_HOST}] [--port ${DEFAULT_PORT}]

Serves a local Cognito user pool that verifies SRP, SECRET_HASH, TOTP and every challenge as Cognito does, and
issues RS256 tokens published in the pool's JWKS. Point any client at it:

  aws cognito-idp ... --endpoint-url http://127.0.0.1:${DEFAULT_PORT}
  new CognitoIdentityProviderClient({ endpoint: 'http://127.0.0.1:${DEFAULT_PORT}', region: 'us-east-1' })
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: 'http://127.0.0.1:${DEFAULT_PORT}' } } })

The first line on stdout is exactly "listening on http://HOST:PORT"; then one line per request (operation and
outcome), and the codes the pool "sends" (SMS and e-mail codes, temporary passwords: nothing is sent, they are
printed here). Passwords, tokens and secrets are never printed. SIGINT or SIGTERM stops it.

Without --config it serves a demo pool: ${DEMO.userPoolId}, app clients ${DEMO.clientId} (secret: a demo value,
printed) and ${DEMO.publicClientId} (no secret), user ${DEMO.username} (${DEMO.email}); the password is
COGNITO_PASSWORD, or a demo value that is printed.

Options:
  --config FILE              the pools, clients and users (JSON; see the local pool's README)
  --host HOST                the address to listen on (default ${DEFAULT_HOST}: loopback only; another address is
                             reachable from other machines, and is only used when asked)
  --port PORT                the port (default ${DEFAULT_PORT}; 0 picks a free one, printed in the first line)
${COMMON_HELP.help}

Secrets (never as flags), for the demo pool only:
${secretHelp(SECRETS)}

Exit codes: 0 stopped by a signal, 1 the config is invalid or the port is taken, 2 usage error.`;

export const serve: Command = defineCommand({
  name: NAME,
  summary: 'a local Cognito user pool on HTTP that verifies SRP: --config FILE, or a demo pool',
  help: HELP,
  flags: SPEC,
  secrets: SECRETS,
  async run(ctx: Context, flags: Flags): Promise<number> {
    const host = flags.string('host') ?? DEFAULT_HOST;
    if (!/^[\w.:-]{1,253}$/.test(host)) throw new UsageError('--host must be an address or a host name, such as 127.0.0.1');
    const port = portOf(flags.string('port'));
    const configFile = flags.string('config');
    const secrets = new Secrets(ctx, flags, SECRETS);
    if (configFile !== undefined) secrets.onlyUsing([], 'with --config (the users and their passwords are in the config)');

    const out = (text: string): void => ctx.stdout(`${text}\n`);
    const banner: string[] = [];
    let config: LocalPoolsConfig;
    if (configFile === undefined) {
      const password = (await secrets.get('password')) ?? DEMO.password;
      config = demoPoolsConfig({ ...DEMO, password });
      banner.push(
        `demo pool ${DEMO.userPoolId}: app client ${DEMO.clientId} (secret ${DEMO.clientSecret}, a demo value), app client ${DEMO.publicClientId} (no secret)`,
        `demo user ${DEMO.username} (alias ${DEMO.email}), password ${password === DEMO.password ? `"${DEMO.password}" (a demo value)` : 'from COGNITO_PASSWORD'}`,
      );
    } else {
      config = readConfig(resolvePath(ctx, configFile));
    }
    const pools = createLocalUserPools(config);
    for (const pool of pools.userPools) {
      banner.push(`user pool ${pool.userPoolId} (${pool.clients.length} app client${pool.clients.length === 1 ? '' : 's'}, ${pools.listUsers(pool.userPoolId).length} users); JWKS at /${pool.userPoolId}/.well-known/jwks.json`);
    }

    let server;
    try {
      server = await serveFetch((request) => pools.fetch(request), { host, port });
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
      throw new Failure(`cannot listen on ${host}:${port} (${code})`);
    }
    // Listen for the stop signals before announcing the URL: whoever reads that line may stop the server at once,
    // and must get a clean exit with every line written, not the default kill.
    const stopped = new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    if (!LOOPBACK.has(host)) ctx.stderr(`cognito-kit serve: listening on ${host}, reachable from other machines: a test pool, not a real one\n`);
    out(`listening on ${server.url}`);
    for (const line of banner) out(line);
    pools.onLog((line) => out(describe(line, pools)));

    const signal = await stopped;
    await server.close();
    out(`stopped (${signal})`);
    return 0;
  },
});

/** The port of --port: 0 to 65535. */
function portOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError('--port must be a number from 0 to 65535 (0 picks a free port)');
  return Number(text);
}

/** The config in `path`, checked whole: each problem is one `error:` line (the values are never repeated). */
function readConfig(path: string): LocalPoolsConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new Failure(`cannot read the config ${path} (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Failure(`the config ${path} is not JSON`);
  }
  try {
    return parseLocalPoolsConfig(json);
  } catch (error) {
    if (!(error instanceof LocalPoolConfigError)) throw error;
    throw new Failure(`the config ${path} is invalid:\n${error.problems.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n')}`);
  }
}

/**
 * A log line for the console. An MFA or sign-in code "sent" is printed with its value: nothing is sent, and a person
 * testing by hand needs it. A generated temporary password is a password, so it is not printed: AdminCreateUser
 * with TemporaryPassword chooses it instead.
 */
function describe(line: LogLine, pools: LocalUserPools): string {
  const time = line.time.toISOString().slice(11, 23);
  if (line.event !== 'code-sent' || line.userPoolId === undefined || line.username === undefined) return `${time} ${line.message}`;
  const [sent] = pools.sentCodes({ userPoolId: line.userPoolId, username: line.username }).slice(-1);
  if (sent === undefined) return `${time} ${line.message}`;
  if (sent.kind === 'TEMPORARY_PASSWORD') return `${time} ${line.message} (not printed: give AdminCreateUser a TemporaryPassword to choose it)`;
  return `${time} ${line.message}: ${sent.code} (a local pool sends nothing: use this value)`;
}

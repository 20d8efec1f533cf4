// Shared by the AWS CLI and boto3 tests (aws-cli.node.test.ts, boto3.node.test.ts): clients nobody here wrote, run
// as child processes against `cognito-kit serve --config <temp JSON>` (itself a child process) over HTTP on loopback.
//
// Every client is spawned asynchronously: this process serves nothing, but a blocked event loop would still stall the
// output pipes of the children it waits on (and TOOLCHAIN.md's rule is simply: no spawnSync/execSync here).
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { expect } from 'vitest';
import { CLI, startServe, type PoolsConfigJson, type RunResult, type ServeProcess } from '../helpers.js';

export const REPO_ROOT = join(CLI, '..', '..', '..', '..');
export const README = join(REPO_ROOT, 'README.md');

/** Secrets of these tests: none may appear in what a command prints, nor in the server's log. */
export const PASSWORD = 'Correct horse battery staple Ω 42!';
export const NEW_PASSWORD = 'Brand new Passw0rd ¥ 7#';
export const TEMPORARY_PASSWORD = 'Temporary Passw0rd 3&';
export const CLIENT_SECRET = 'aWsClientSecret0123456789abcdefghijklmnopQRSTUV';
export const WRONG_PASSWORD = 'Correct horse battery staple Ω 43!';
export const WRONG_CLIENT_SECRET = 'aWsClientSecret0123456789abcdefghijklmnopQRSTUW';
export const ALL_SECRETS = [PASSWORD, NEW_PASSWORD, TEMPORARY_PASSWORD, CLIENT_SECRET] as const;

/** Cognito's DeviceConfigurationType with devices always remembered: NewDeviceMetadata on every login without one. */
export const REMEMBER_DEVICES = { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false } as const;

export interface SpawnOptions {
  cwd: string;
  /** The whole environment of the child (nothing of this process's is inherited). */
  env: Record<string, string>;
  /** stdin; closed at once when empty. */
  input?: string;
  timeoutMs?: number;
}

export interface Timed extends RunResult {
  ms: number;
}

/** Runs `command args` without blocking the event loop; kills it after `timeoutMs` (default 60 s). */
export function run(command: string, args: readonly string[], options: SpawnOptions): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
    child.stdin.on('error', () => undefined); // a child that exits before reading stdin
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `script` with `bash -e -o pipefail -c` (its text unchanged): the first failing command, or pipe, ends it. */
export function bash(script: string, options: SpawnOptions): Promise<Timed> {
  return run('bash', ['-e', '-o', 'pipefail', '-c', script], options);
}

/**
 * The AWS CLI that `aws` on PATH runs, as a file to call directly: when it is a pyenv shim (the pip-installed v1 on
 * these machines), the program the shim would exec (`pyenv which aws`), which saves the shim's ~0.4 s of bash per call;
 * otherwise the file itself. Undefined when there is no `aws` on PATH.
 */
export async function resolveAws(cwd: string): Promise<string | undefined> {
  const path = process.env.PATH ?? '';
  const first = path
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'aws'))
    .find((file) => existsSync(file));
  if (first === undefined) return undefined;
  const head = Buffer.alloc(2000);
  const fd = openSync(first, 'r');
  const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
  closeSync(fd);
  if (!text.includes('pyenv') || !text.includes(' exec ')) return first;
  const pyenvRoot = /export PYENV_ROOT="([^"]+)"/.exec(text)?.[1] ?? process.env.PYENV_ROOT ?? '';
  const which = await run(join(pyenvRoot, 'libexec', 'pyenv'), ['which', 'aws'], {
    cwd,
    env: { PATH: path, HOME: process.env.HOME ?? cwd, PYENV_ROOT: pyenvRoot },
    timeoutMs: 30_000,
  }).catch(() => undefined);
  const resolved = which?.status === 0 ? which.stdout.trim() : '';
  return resolved !== '' && existsSync(resolved) ? resolved : first;
}

/** `aws --version` of `binary` ("aws-cli/1.45.11 Python/3.11.7 ..."), or undefined when it does not run. */
export async function awsVersion(binary: string, env: Record<string, string>, cwd: string): Promise<string | undefined> {
  try {
    const result = await run(binary, ['--version'], { cwd, env, timeoutMs: 30_000 });
    const text = `${result.stdout}${result.stderr}`.trim();
    return result.status === 0 && /^aws-cli\/\d/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A directory for the front of PATH: `cognito-kit` runs this checkout's built CLI (as `npm i -g` would install it);
 * `aws` is `aws.binary` itself (a symbolic link), or, with `endpointUrl` (for an AWS CLI that predates the
 * AWS_ENDPOINT_URL variables: v2 before 2.13), a wrapper that runs it with `--endpoint-url` (a global option, valid
 * before the service name), so one script text serves both versions.
 */
export function makeBinDir(dir: string, aws?: { binary: string; endpointUrl?: string }): string {
  mkdirSync(dir, { recursive: true });
  const cognitoKit = join(dir, 'cognito-kit');
  writeFileSync(cognitoKit, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(CLI)} "$@"\n`);
  chmodSync(cognitoKit, 0o755);
  if (aws?.endpointUrl !== undefined) {
    const wrapper = join(dir, 'aws');
    writeFileSync(wrapper, `#!/bin/sh\nexec ${shellQuote(aws.binary)} --endpoint-url ${shellQuote(aws.endpointUrl)} "$@"\n`);
    chmodSync(wrapper, 0o755);
  } else if (aws !== undefined) {
    symlinkSync(aws.binary, join(dir, 'aws'));
  }
  return dir;
}

/** `text` quoted for sh. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A hermetic environment for the AWS CLI or boto3: dummy keys (the pool needs Admin* calls signed, and checks no
 * signature), the region, no pager, no config or credentials file, HOME in the test's directory. `endpointUrl` sets
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, which the AWS CLI v1 (botocore ≥ 1.31) and v2 ≥ 2.13 honour.
 */
export function awsEnv(options: { home: string; binDir?: string; endpointUrl?: string; region?: string; extra?: Record<string, string> }): Record<string, string> {
  const env: Record<string, string> = {
    PATH: options.binDir === undefined ? (process.env.PATH ?? '') : `${options.binDir}${delimiter}${process.env.PATH ?? ''}`,
    HOME: options.home,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'AKIDLOCALPOOLEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'local/pool/dummy/secret/access/key/EXAMPLE',
    AWS_DEFAULT_REGION: options.region ?? 'eu-west-2',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...options.extra,
  };
  // pyenv's shims (the AWS CLI v1 and python3 on these machines) find their interpreter through PYENV_ROOT.
  if (process.env.PYENV_ROOT !== undefined) env.PYENV_ROOT = process.env.PYENV_ROOT;
  if (options.endpointUrl !== undefined) env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = options.endpointUrl;
  return env;
}

/** The text of the first ```sh block under `heading` in README.md, exactly as printed. */
export function readmeShellBlock(heading: string): string {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "${heading}"`);
  const next = text.indexOf('\n## ', start + heading.length + 2);
  const section = text.slice(start, next < 0 ? undefined : next);
  const block = /\n```sh\n([\s\S]*?)\n```\n/.exec(section);
  if (block?.[1] === undefined) throw new Error(`README.md's section "${heading}" has no \`\`\`sh block`);
  return `${block[1]}\n`;
}

/** A running `cognito-kit serve --config <file>`. */
export interface Pool {
  readonly url: string;
  readonly served: ServeProcess;
  /** Stops the server and checks that it stopped cleanly, had no internal error and printed no secret of `secrets`. */
  stop(secrets?: readonly string[]): Promise<RunResult>;
}

/** Writes `config` to `dir/<name>.json` and serves it on a free loopback port. */
export async function startPool(dir: string, name: string, config: PoolsConfigJson): Promise<Pool> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  const served = await startServe(['--config', file], { cwd: dir });
  return {
    url: served.url,
    served,
    async stop(secrets = []) {
      const stopped = await served.stop('SIGTERM');
      expect(stopped.status).toBe(0);
      expect(stopped.stdout).not.toMatch(/failed inside the local pool|InternalErrorException| 500\b/);
      const configured = config.userPools.flatMap((userPool) => [
        ...userPool.clients.flatMap((client) => (client.secret === undefined ? [] : [client.secret])),
        ...(userPool.users ?? []).map((user) => user.password),
      ]);
      expectNothingOf(`${stopped.stdout}${stopped.stderr}`, [...configured, ...secrets], 'the server log');
      return stopped;
    },
  };
}

/** Asserts that none of `secrets`, nor a 12-character piece of one, appears in `text`. */
export function expectNothingOf(text: string, secrets: readonly string[], where: string): void {
  for (const secret of secrets) {
    expect(text.includes(secret), `a secret appears in ${where}`).toBe(false);
    for (let i = 0; i + 12 <= secret.length; i += 6) expect(text.includes(secret.slice(i, i + 12)), `a piece of a secret appears in ${where}`).toBe(false);
  }
}

/** The JSON the AWS CLI printed (`--output json`), or a failure that shows what it printed instead. */
export function parseJson(text: string, what: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${what} is not JSON:\n${text.slice(0, 2000)}`);
  }
}

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: string;
  NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string };
}

/** The AuthenticationResult of a reply, checked for shape. */
export function authenticationResultOf(reply: Record<string, unknown>): AuthenticationResult {
  const result = reply.AuthenticationResult as AuthenticationResult | undefined;
  expect(result, `no AuthenticationResult in ${JSON.stringify(reply).slice(0, 300)}`).toBeDefined();
  const tokens = result as AuthenticationResult;
  expect(tokens.TokenType).toBe('Bearer');
  expect(tokens.ExpiresIn).toBe(3600);
  return tokens;
}

/** The header and claims of a JWT (not verified: {@link verifyTokens} does that). */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const parts = token.split('.');
  expect(parts, 'a JWT has three parts').toHaveLength(3);
  const decode = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: decode(parts[0] ?? ''), payload: decode(parts[1] ?? '') };
}

/**
 * Checks the ID and access tokens a client received: aws-jwt-verify's CognitoJwtVerifier for the pool and client,
 * given the JWKS the server publishes, verifies both unchanged (RS256, iss, aud / client_id, token_use, exp); their
 * `cognito:username` / `username` is `username`. Returns their claims.
 */
export async function verifyTokens(
  url: string,
  tokens: { IdToken: string; AccessToken: string },
  expected: { userPoolId: string; clientId: string; username: string },
): Promise<{ id: Record<string, unknown>; access: Record<string, unknown> }> {
  const jwks = (await (await fetch(`${url}/${expected.userPoolId}/.well-known/jwks.json`)).json()) as Jwks;
  const verifier = CognitoJwtVerifier.create({ userPoolId: expected.userPoolId, clientId: expected.clientId, tokenUse: null });
  verifier.cacheJwks(jwks);
  const id = (await verifier.verify(tokens.IdToken, { tokenUse: 'id', clientId: expected.clientId })) as Record<string, unknown>;
  const access = (await verifier.verify(tokens.AccessToken, { tokenUse: 'access', clientId: expected.clientId })) as Record<string, unknown>;
  expect(id).toMatchObject({ token_use: 'id', 'cognito:username': expected.username, aud: expected.clientId });
  expect(access).toMatchObject({ token_use: 'access', username: expected.username, client_id: expected.clientId, scope: 'aws.cognito.signin.user.admin' });
  expect(id.iss).toBe(`https://cognito-idp.${expected.userPoolId.split('_')[0] ?? ''}.amazonaws.com/${expected.userPoolId}`);
  return { id, access };
}

/** An environment flag that turns a skip into a failure (CI sets it where the client must be installed). */
export function required(variable: string): boolean {
  return process.env[variable] === '1' || process.env[variable] === 'true';
}

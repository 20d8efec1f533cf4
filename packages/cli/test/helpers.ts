// Runs the BUILT CLI (dist/main.js) in a child process: the tests exercise exactly what `npm i -g @cognito-kit/cli`
// would install. Build first: `pnpm run build` in packages/cli (after @cognito-kit/srp and the request builder).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
export const CLI = join(PACKAGE_DIR, 'dist', 'main.js');

/** Fails with a clear message when the CLI is not built; warns when src/ is newer than the build. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) {
    throw new Error(
      `${CLI} is missing: build the CLI first (in packages/cli: "pnpm run build"; from the root: "pnpm -r --filter './packages/**' run build")`,
    );
  }
  const built = statSync(CLI).mtimeMs;
  const sources = join(PACKAGE_DIR, 'src');
  const stale = readdirSync(sources).filter((file) => file.endsWith('.ts') && statSync(join(sources, file)).mtimeMs > built);
  if (stale.length > 0) console.warn(`warning: dist/ is older than src/${stale.join(', src/')}: rebuild with pnpm run build`);
}

/** Distinctive secret values: none of them may ever appear in any output. */
export const SECRETS = {
  COGNITO_CLIENT_SECRET: 'cl1entSecretXyZ0123456789abcdefgh',
  COGNITO_PASSWORD: 'correct horse battery staple Ω 42!',
  COGNITO_NEW_PASSWORD: 'brand-new-Passw0rd-Qx7',
  COGNITO_REFRESH_TOKEN: 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.rEfReShToKeN.abc123',
  COGNITO_DEVICE_PASSWORD: 'DeViCePaSsWoRd/0123456789+abcdefghijklmnopqrstuvwxyzABCDEFGHIJ==',
  COGNITO_ACCESS_TOKEN: 'eyJraWQiOiJhY2Nlc3MifQ.aCcEsStOkEn.sig-xyz',
} as const;

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** stdin; empty by default (closed at once). */
  input?: string;
  cwd?: string;
}

/** A clean environment: only PATH and what the test gives (no COGNITO_* of the developer's shell). */
function childEnv(env: Record<string, string> | undefined, cwd: string): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: cwd, ...env };
}

export function cli(args: readonly string[], options: RunOptions & { cwd: string }): RunResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: childEnv(options.env, options.cwd),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** As {@link cli}, without blocking the event loop (for tests that serve HTTP in this process). */
export function cliAsync(args: readonly string[], options: RunOptions & { cwd: string }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: childEnv(options.env, options.cwd) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh working directory per test file, removed afterwards; `dir()` returns it. */
export function useTempDir(): () => string {
  let dir = '';
  beforeAll(() => {
    requireBuiltCli();
    dir = mkdtempSync(join(tmpdir(), 'cognito-kit-cli-'));
  });
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** A new empty subdirectory of `root` (each test its own state file). */
export function subdir(root: string, name: string): string {
  const dir = mkdtempSync(join(root, `${name.replace(/[^\w-]/g, '_').slice(0, 40)}-`));
  return dir;
}

/** Asserts that no secret (nor a 16-character piece of one) appears in stdout or stderr. */
export function expectNoSecrets(result: RunResult, secrets: readonly string[] = Object.values(SECRETS)): void {
  const output = result.stdout + result.stderr;
  for (const secret of secrets) {
    expect(output.includes(secret), `a secret appears in the output`).toBe(false);
    for (let i = 0; i + 16 <= secret.length; i += 8) expect(output.includes(secret.slice(i, i + 16)), 'a piece of a secret appears in the output').toBe(false);
  }
}

export function fileMode(path: string): number {
  return statSync(path).mode & 0o777;
}

export function readJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The --config JSON (packages/local-pool/src/config.ts), typed loosely: the file is what is under test. */
export interface PoolsConfigJson {
  userPools: Array<{
    id: string;
    clients: Array<{ id: string; secret?: string; [member: string]: unknown }>;
    users?: Array<{ password: string; [member: string]: unknown }>;
    [member: string]: unknown;
  }>;
}

/** A `cognito-kit serve` child process: its URL, what it printed, and how to stop it. */
export interface ServeProcess {
  readonly url: string;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  /** Sends `signal` and resolves with the exit status and the whole output. */
  stop(signal?: NodeJS.Signals): Promise<RunResult>;
}

/**
 * Starts `cognito-kit serve --port 0 …args` (asynchronously: a test that blocks its event loop would hang the
 * clients it runs) and resolves once the first line, `listening on http://HOST:PORT`, is printed.
 */
export function startServe(args: readonly string[], options: RunOptions & { cwd: string }): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { cwd: options.cwd, env: childEnv(options.env, options.cwd) });
    let stdout = '';
    let stderr = '';
    let started = false;
    const exited = new Promise<RunResult>((done) => child.on('close', (status) => done({ status, stdout, stderr })));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const first = /^listening on (http:\/\/\S+)\n/.exec(stdout);
      if (!started && first !== null) {
        started = true;
        resolve({
          url: first[1] ?? '',
          output: () => ({ stdout, stderr }),
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    void exited.then((result) => {
      if (!started) reject(new Error(`cognito-kit serve exited (${result.status}) before listening:\n${result.stdout}${result.stderr}`));
    });
    child.stdin.end(options.input ?? '');
  });
}

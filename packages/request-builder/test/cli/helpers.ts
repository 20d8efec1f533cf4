// Runs the BUILT CLI (dist/cli/main.js) in a child process: the tests exercise exactly what `npm i -g` would
// install. Build first: `pnpm run build` (tsc -p tsconfig.build.json && tsc -p tsconfig.cli.json).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(PACKAGE_DIR, 'dist', 'cli', 'main.js');

/** Fails with a clear message when the CLI is not built; warns when src/cli is newer than the build. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) {
    throw new Error(
      `${CLI} is missing: build the CLI first (in packages/request-builder: "tsc -p tsconfig.build.json && tsc -p tsconfig.cli.json", or "pnpm run build")`,
    );
  }
  const built = statSync(CLI).mtimeMs;
  const sources = join(PACKAGE_DIR, 'src', 'cli');
  const stale = readdirSync(sources).filter((file) => file.endsWith('.ts') && statSync(join(sources, file)).mtimeMs > built);
  if (stale.length > 0) console.warn(`warning: dist/cli is older than src/cli/${stale.join(', src/cli/')}: rebuild with tsc -p tsconfig.cli.json`);
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

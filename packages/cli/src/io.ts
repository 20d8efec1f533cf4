/**
 * What a command touches of the process: environment, working directory, stdout/stderr and stdin, and private
 * files (mode 0600, created atomically).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Failure } from './args.js';

export interface Context {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdin is a terminal (secrets are then prompted for without echo). */
  readonly stdinIsTTY: boolean;
  /** All of stdin as UTF-8 (read once; later calls return the same text). */
  readStdin(): Promise<string>;
  /** Reads one line from the terminal without echoing it. */
  promptHidden(prompt: string): Promise<string>;
}

/** The process's own context. */
export function processContext(): Context {
  let stdinText: Promise<string> | undefined;
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdinIsTTY: process.stdin.isTTY === true,
    readStdin: () => (stdinText ??= readAll(process.stdin)),
    promptHidden,
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Raw-mode line reader: no echo; Enter or Ctrl-D ends the line, Ctrl-C aborts, Backspace deletes. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolvePromise, reject) => {
    let value = '';
    const done = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          done();
          resolvePromise(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new Error('interrupted'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Strips one trailing line break (`\n` or `\r\n`): what `echo` and here-strings add. */
export function stripNewline(text: string): string {
  return text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** `path` resolved against the context's working directory. */
export function resolvePath(ctx: Context, path: string): string {
  return resolve(ctx.cwd, path);
}

/**
 * Writes a file only its owner can read (mode 0600, whatever the umask).
 *
 * - `replace: true`: written to a new temporary file in the same directory (created with O_EXCL, so never through
 *   a planted symlink), chmod 0600, fsync, then renamed over `path`: readers see the old file or the whole new one.
 * - `replace: false`: `path` itself is created with O_EXCL (`wx`) and never overwritten; an existing file is an
 *   error (EEXIST).
 */
export function writePrivateFile(path: string, content: string, options: { replace: boolean }): void {
  try {
    writeExclusive(path, content, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw Object.assign(new Failure(`cannot write ${path} (${code})`), { code });
  }
}

function writeExclusive(path: string, content: string, options: { replace: boolean }): void {
  const target = options.replace ? join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`) : path;
  const fd = openSync(target, 'wx', 0o600);
  let written = false;
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, content);
    fsyncSync(fd);
    written = true;
  } finally {
    closeSync(fd);
    if (!written) unlinkSync(target);
  }
  if (options.replace) {
    try {
      renameSync(target, path);
    } catch (error) {
      unlinkSync(target);
      throw error;
    }
  }
}

/** Whether `value` is a JSON object (not null, not an array): what a parsed reply or request must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

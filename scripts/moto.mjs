#!/usr/bin/env node
// Starts and stops moto (a Python AWS emulator with a Cognito user-pool backend) on loopback for the request
// builder's end-to-end tests (packages/request-builder/test/e2e-moto.node.test.ts). No dependencies.
//
//   node scripts/moto.mjs start   # prints MOTO_ENDPOINT=http://127.0.0.1:<port>; exit 1 when moto is missing
//   node scripts/moto.mjs stop    # idempotent
//
// The port is MOTO_PORT, or 5000. A moto this script started earlier (pid in .cache/moto.pid, still answering) is
// reused. When the default port is taken by anything else (another checkout's moto included: it is not ours to
// reset or kill), a free port is picked instead; an explicit MOTO_PORT that already answers as moto is reused as
// is and never stopped by `stop`. Log: .cache/moto.log. What moto checks and does not: ../shared/TOOLCHAIN.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, '.cache');
const pidFile = join(cacheDir, 'moto.pid');
const endpointFile = join(cacheDir, 'moto.endpoint');
const logFile = join(cacheDir, 'moto.log');
const HOST = '127.0.0.1';
const DEFAULT_PORT = 5000;
const READY_TIMEOUT_MS = 30_000;

/** Thrown by {@link startMoto} when python3 cannot import moto's server. */
export class MotoUnavailableError extends Error {
  constructor(python, detail) {
    super(
      [
        `moto is not installed: \`${python} -c "import moto.server"\` failed` + (detail ? ` (${detail})` : '') + '.',
        'See ../shared/TOOLCHAIN.md, section "A real Cognito-compatible server on loopback: moto" (moto 5.2.1 with its server extras).',
        'PyPI is not reachable from this machine and Debian has no package for it, so install it from a wheelhouse',
        "or mirror you can reach: python3 -m pip install --no-index --find-links <dir-with-wheels> 'moto[server]==5.2.1'",
      ].join('\n'),
    );
    this.name = 'MotoUnavailableError';
  }
}

/** Whether `GET <endpoint>/moto-api/` answers 200 within `timeoutMs`. */
async function answersAsMoto(endpoint, timeoutMs = 1500) {
  // A referenced timer (AbortSignal.timeout's is not): a port that accepts and never answers must not let the
  // event loop drain under a pending top-level await.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`${endpoint}/moto-api/`, { signal: controller.signal });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether nothing listens on HOST:port (we can bind it). */
function portIsFree(port) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, HOST, () => server.close(() => done(true)));
  });
}

/** A port the OS considers free right now. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Whether `pid` is (still) a moto server, so a recycled pid is never signalled. Without /proc: trust the pid. */
function isMotoProcess(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('moto.server');
  } catch {
    return !existsSync('/proc/self') && isAlive(pid);
  }
}

function readOwned() {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
  const endpoint = existsSync(endpointFile) ? readFileSync(endpointFile, 'utf8').trim() : undefined;
  return Number.isInteger(pid) && pid > 0 ? { pid, endpoint } : undefined;
}

function forgetOwned() {
  rmSync(pidFile, { force: true });
  rmSync(endpointFile, { force: true });
}

function checkInstalled(python) {
  const probe = spawnSync(python, ['-c', 'import moto, moto.server'], { encoding: 'utf8' });
  if (probe.error) throw new MotoUnavailableError(python, probe.error.code ?? probe.error.message);
  if (probe.status !== 0) throw new MotoUnavailableError(python, probe.stderr.trim().split('\n').pop());
}

function logTail(lines = 20) {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts moto (or reuses the one this script started before) and resolves when it answers.
 *
 * @param {{ port?: number, python?: string, log?: (line: string) => void }} [options] port: MOTO_PORT or 5000
 * @returns {Promise<{ endpoint: string, pid?: number, reused: boolean, owned: boolean }>}
 * @throws {MotoUnavailableError} when python3 cannot import moto; Error when it does not come up in 30 s
 */
export async function startMoto(options = {}) {
  const log = options.log ?? ((line) => console.error(line));
  const python = options.python ?? process.env.MOTO_PYTHON ?? 'python3';
  const explicitPort = options.port ?? (process.env.MOTO_PORT ? Number.parseInt(process.env.MOTO_PORT, 10) : undefined);
  if (explicitPort !== undefined && !(Number.isInteger(explicitPort) && explicitPort > 0 && explicitPort < 65536)) {
    throw new Error(`MOTO_PORT must be a port number, got ${JSON.stringify(process.env.MOTO_PORT)}`);
  }
  mkdirSync(cacheDir, { recursive: true });

  // Ours from an earlier run, still up: reuse it (the tests reset its state themselves).
  const owned = readOwned();
  if (owned !== undefined) {
    const wanted = explicitPort === undefined || owned.endpoint === `http://${HOST}:${explicitPort}`;
    if (owned.endpoint && isMotoProcess(owned.pid) && wanted && (await answersAsMoto(owned.endpoint))) {
      log(`moto: reusing the server started earlier (pid ${owned.pid})`);
      return { endpoint: owned.endpoint, pid: owned.pid, reused: true, owned: true };
    }
    await stopMoto({ log });
  }

  checkInstalled(python);

  let port = explicitPort ?? DEFAULT_PORT;
  if (!(await portIsFree(port))) {
    const endpoint = `http://${HOST}:${port}`;
    if (explicitPort !== undefined) {
      if (await answersAsMoto(endpoint)) {
        log(`moto: MOTO_PORT=${port} already answers as moto (not started here): using it, and \`stop\` will leave it running`);
        return { endpoint, reused: true, owned: false };
      }
      throw new Error(`MOTO_PORT=${port} is taken by something that is not moto (GET ${endpoint}/moto-api/ does not answer)`);
    }
    port = await freePort();
    log(`moto: port ${DEFAULT_PORT} is taken by a process this script did not start; using port ${port}`);
  }

  const endpoint = `http://${HOST}:${port}`;
  const out = openSync(logFile, 'a');
  writeFileSync(logFile, `\n--- ${new Date().toISOString()} ${python} -m moto.server -H ${HOST} -p ${port}\n`, { flag: 'a' });
  const child = spawn(python, ['-m', 'moto.server', '-H', HOST, '-p', String(port)], {
    cwd: cacheDir,
    detached: true, // its own process group: `stop` signals the group
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  let exited;
  child.once('exit', (code, signal) => (exited = signal ?? `exit code ${code}`));
  child.once('error', (error) => (exited = error.message));
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${python} -m moto.server`);
  writeFileSync(pidFile, `${child.pid}\n`);
  writeFileSync(endpointFile, `${endpoint}\n`);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answersAsMoto(endpoint, 1000))) {
    if (exited !== undefined || Date.now() > deadline) {
      const why = exited !== undefined ? `moto.server ended (${exited})` : `moto did not answer GET ${endpoint}/moto-api/ within ${READY_TIMEOUT_MS / 1000} s`;
      await stopMoto({ log: () => {} });
      throw new Error(`${why}; last lines of ${logFile}:\n${logTail()}`);
    }
    await new Promise((done) => setTimeout(done, 150));
  }
  log(`moto: started (pid ${child.pid}, log ${logFile})`);
  return { endpoint, pid: child.pid, reused: false, owned: true };
}

/**
 * Stops the moto this script started (its whole process group), if any. Idempotent; never signals a process it
 * did not start (the pid must still be a moto.server).
 *
 * @returns {Promise<boolean>} whether a running server was stopped
 */
export async function stopMoto(options = {}) {
  const log = options.log ?? ((line) => console.error(line));
  const owned = readOwned();
  forgetOwned();
  if (owned === undefined || !isAlive(owned.pid) || !isMotoProcess(owned.pid)) return false;
  const signal = (name) => {
    try {
      process.kill(-owned.pid, name); // the group (started detached, so pgid = pid)
    } catch {
      try {
        process.kill(owned.pid, name);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 5000;
  while (isAlive(owned.pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
  if (isAlive(owned.pid)) signal('SIGKILL');
  log(`moto: stopped (pid ${owned.pid})`);
  return true;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const command = process.argv[2];
  try {
    if (command === 'start') {
      const { endpoint } = await startMoto();
      console.log(`MOTO_ENDPOINT=${endpoint}`);
    } else if (command === 'stop') {
      if (!(await stopMoto())) console.error('moto: not running (nothing to stop)');
    } else {
      console.error('usage: node scripts/moto.mjs start|stop');
      process.exitCode = 2;
    }
  } catch (error) {
    console.error(error instanceof MotoUnavailableError ? error.message : `moto: ${error.message}`);
    process.exitCode = 1;
  }
}

// Runs a bundle from workerd.mjs's bundleWorker() (the whole vitest suite of a package, see suite.mjs) in Deno, Bun or
// headless Chromium, with driver.mjs, which calls every exported handler's test() the way `workerd test` does:
//   deno: `deno run` with no permission but reading the colour variables vitest's tinyrainbow looks up when it loads
//     (no file or network access), no config, no lock file;
//   bun: `bun --no-install run`;
//   chromium: a page from a loopback server (127.0.0.1, random port); every other request is aborted and counts as
//     a failure; Chromium is installed with apt-get when `command -v chromium` finds none.
// The output is counted as workerd's (countOutput), and the driver's own first case, `driver/runtime:is-<runtime>`,
// proves the runtime is the one asked for. scripts/browser-example.mjs launches Chromium with the same helpers.
//
// Tools, first found wins: DENO_BIN / BUN_BIN / CHROMIUM_BIN; then the deno, bun and playwright-core packages as
// installed in the workspace root, packages/srp or packages/request-builder; then RUNTIMES_TOOLS_DIR (a prefix
// holding node_modules, e.g. from `npm install --prefix`); then $PATH (deno, bun) or NODE_PATH (playwright-core).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { countOutput, logStderrTail, repoRoot, runProcess } from './workerd.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// The only permission Deno gets: the variables vitest's colour detection (tinyrainbow) reads when it loads.
const DENO_ALLOW_ENV = ['FORCE_TTY', 'NO_COLOR', 'FORCE_COLOR', 'TERM', 'CI'];

// ---------------------------------------------------------------------------------------------------------------
// Finding the tools.

function searchDirs() {
  const dirs = [repoRoot, join(repoRoot, 'packages/srp'), join(repoRoot, 'packages/request-builder')];
  if (process.env.RUNTIMES_TOOLS_DIR) dirs.push(resolve(process.env.RUNTIMES_TOOLS_DIR));
  return dirs;
}

/** The directory of package `name` as installed for one of searchDirs(), or NODE_PATH; undefined if none. */
function packageDir(name) {
  for (const dir of [...searchDirs(), undefined]) {
    try {
      const require = createRequire(join(dir ?? process.cwd(), 'noop.js'));
      return dirname(require.resolve(`${name}/package.json`, dir === undefined ? undefined : { paths: [dir] }));
    } catch {
      // next
    }
  }
  return undefined;
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/** The runtime's binary: the env override, the package's own binary (not a .bin shim, so a kill reaches it), $PATH. */
export function findBinary(runtime) {
  const override = process.env[`${runtime.toUpperCase()}_BIN`];
  if (override) return override;
  const dir = packageDir(runtime);
  const inside = dir && (runtime === 'deno' ? join(dir, 'deno') : join(dir, 'bin', 'bun.exe'));
  if (inside && existsSync(inside)) return inside;
  for (const base of searchDirs()) {
    const shim = join(base, 'node_modules/.bin', runtime);
    if (existsSync(shim)) return shim;
  }
  const found = onPath(runtime);
  if (found) return found;
  throw new Error(`${runtime} not found: add the ${runtime} package (devDependency) or set ${runtime.toUpperCase()}_BIN`);
}

/** /usr/bin/chromium or whatever `command -v chromium` finds; installs Debian's package when there is none. */
export function ensureChromium(log) {
  if (process.env.CHROMIUM_BIN) return process.env.CHROMIUM_BIN;
  const which = () => spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
  let found = which();
  if (found) return found;
  if (!onPath('apt-get')) throw new Error('chromium is missing and there is no apt-get to install it: install Chromium or set CHROMIUM_BIN');
  const root = process.getuid?.() === 0;
  if (!root && !onPath('sudo')) throw new Error('chromium is missing; installing it needs root (apt-get install -y --no-install-recommends chromium)');
  const apt = (args) => {
    const [command, all] = root ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
    return spawnSync(command, all, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  const started = Date.now();
  log('chromium: not installed; apt-get install -y --no-install-recommends chromium');
  // A fresh machine has no package lists yet: update once, then try again.
  if (!apt(['install', '-y', '--no-install-recommends', 'chromium']) && !(apt(['update']) && apt(['install', '-y', '--no-install-recommends', 'chromium']))) {
    throw new Error('apt-get install chromium failed');
  }
  found = which();
  if (!found) throw new Error('apt-get installed chromium, but `command -v chromium` still finds nothing');
  log(`chromium: installed ${found} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Running the bundle.

const runners = {
  deno: (outDir, timeoutMs) =>
    runProcess(findBinary('deno'), ['run', '--no-prompt', '--no-config', '--no-lock', '--no-remote', '--no-npm', `--allow-env=${DENO_ALLOW_ENV.join(',')}`, 'entry-deno.mjs'], {
      cwd: outDir,
      env: { DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(outDir, 'deno-dir') },
      timeoutMs,
    }),
  bun: (outDir, timeoutMs) => runProcess(findBinary('bun'), ['--no-install', 'run', 'entry-bun.mjs'], { cwd: outDir, env: { DO_NOT_TRACK: '1' }, timeoutMs }),
  chromium: runChromium,
};

export async function loadPlaywright() {
  const dir = packageDir('playwright-core');
  if (dir === undefined) throw new Error('playwright-core not found: add it (devDependency) or set RUNTIMES_TOOLS_DIR');
  const module = await import(pathToFileURL(createRequire(join(dir, 'package.json')).resolve('playwright-core')).href);
  return module.chromium ?? module.default.chromium;
}

/** Serves the bundle and the driver from 127.0.0.1 to a headless Chromium page; collects its console. */
async function runChromium(outDir, timeoutMs, log) {
  const started = Date.now();
  // Setup problems (no Chromium, no playwright-core, a launch failure) throw: runInRuntime reports them as one failure.
  const executablePath = ensureChromium(log);
  const chromium = await loadPlaywright();
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: timeoutMs });
  let stdout = '';
  let stderr = '';
  const files = { '/': 'index.html', '/entry-chromium.mjs': 'entry-chromium.mjs', '/driver.mjs': 'driver.mjs', '/worker.js': 'worker.js' };
  const server = createServer((request, response) => {
    const name = files[new URL(request.url, 'http://x').pathname];
    if (name === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': name.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    response.end(readFileSync(join(outDir, name)));
  });
  try {
    await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `http://127.0.0.1:${server.address().port}`;
  let timer;
  let timedOut = false;
  let done = false;
  try {
    stdout += `BROWSER ${browser.version()}\n`;
    const page = await browser.newPage();
    // Loopback only: anything else the page asks for is refused and reported.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/')) return route.continue();
      stderr += `blocked request: ${url}\n`;
      return route.abort();
    });
    const finished = new Promise((resolveDone) => {
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' || message.type() === 'warning') stderr += text + '\n';
        else stdout += text + '\n';
        if (text === 'DRIVER DONE') resolveDone();
      });
      page.on('pageerror', (error) => {
        stderr += `pageerror: ${error.message}\n`;
        // Before the driver's first line, an uncaught error means the modules failed to load: nothing will run.
        if (!stdout.includes('RUNTIME ')) resolveDone();
      });
      page.on('crash', () => {
        stderr += 'page crashed\n';
        resolveDone();
      });
    });
    const timeout = new Promise((resolveTimeout) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolveTimeout();
      }, timeoutMs);
    });
    await page.goto(origin + '/', { timeout: timeoutMs, waitUntil: 'commit' });
    await Promise.race([finished, timeout]);
    done = !timedOut && stdout.includes('DRIVER DONE');
  } catch (error) {
    stderr += `chromium run failed: ${error?.message ?? error}\n`;
  } finally {
    clearTimeout(timer);
    // browser.close() itself can hang on a busy page: give it a few seconds, then leave it to Playwright's exit hook.
    await Promise.race([browser.close().catch(() => {}), new Promise((ok) => setTimeout(ok, 5000).unref())]);
    server.close();
  }
  return { code: done ? 0 : null, signal: null, stdout, stderr, timedOut, ms: Date.now() - started };
}

// ---------------------------------------------------------------------------------------------------------------
// Run, count.

/**
 * Runs a bundle from bundleWorker() (`<outDir>/worker.js`) in `runtime` and counts. Never throws for a test
 * failure; resolves to { passed, failed, skipped, problems, cases }, where `failed` includes the problems.
 *
 * @param {{ bundlePath: string, exports: string[] }} bundle
 * @param {{ runtime: 'deno'|'bun'|'chromium', timeoutMs: number, log: (line: string) => void, verbose?: boolean }} options
 */
export async function runInRuntime(bundle, { runtime, timeoutMs, log, verbose }) {
  const outDir = dirname(bundle.bundlePath);

  // The driver next to the bundle, and one entry module per runtime.
  for (const name of ['driver.mjs', `entry-${runtime}.mjs`, 'index.html', `${runtime}.log`]) rmSync(join(outDir, name), { force: true });
  copyFileSync(join(here, 'driver.mjs'), join(outDir, 'driver.mjs'));
  writeFileSync(
    join(outDir, `entry-${runtime}.mjs`),
    `import * as worker from './worker.js';\nimport { runHandlers } from './driver.mjs';\nawait runHandlers(worker, ${JSON.stringify(runtime)});\n`,
  );
  if (runtime === 'chromium') {
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>cognito-kit</title><script type="module" src="/entry-chromium.mjs"></script>\n');
  }
  let run;
  try {
    run = await runners[runtime](outDir, timeoutMs, log);
  } catch (error) {
    run = { startError: error?.message ?? String(error) };
  }
  if (run.startError !== undefined) return { passed: 0, failed: 1, skipped: 0, problems: [`${runtime} could not start: ${run.startError}`], cases: [] };
  writeFileSync(join(outDir, `${runtime}.log`), `exit ${run.code} signal ${run.signal}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
  const version = /^RUNTIME (\S+) (\S+) (.*)$/m.exec(run.stdout);
  const browserVersion = /^BROWSER (\S+)$/m.exec(run.stdout)?.[1];
  log(`${runtime}: ${version ? `${version[1]} ${browserVersion ?? version[2]} (${version[3]})` : 'no RUNTIME line'}; ran in ${run.ms} ms (exit ${run.code}${run.signal ? `, signal ${run.signal}` : ''}); log in ${relative(repoRoot, join(outDir, `${runtime}.log`))}`);

  const counted = countOutput(run, bundle.exports, { log, verbose });
  const { cases, problems, failed } = counted;
  if (run.timedOut) problems.push(`${runtime} did not finish within ${timeoutMs} ms (killed)`);
  else if (!/^DRIVER DONE$/m.test(run.stdout)) problems.push(`${runtime} stopped before the driver finished (crash?)`);
  if (run.code !== 0 && !run.timedOut) problems.push(`${runtime} exited with ${run.code ?? run.signal}`);
  for (const line of run.stderr.split('\n')) {
    if (/^(blocked request|pageerror|page crashed|chromium run failed)/.test(line)) problems.push(line);
  }
  if (!cases.some((c) => c.name === `driver/runtime:is-${runtime}`)) problems.push('the driver did not check the runtime');
  // The driver's own case does not count here: a bundle that runs nothing must fail.
  if (!cases.some((c) => !c.name.startsWith('driver/'))) problems.push('no test case ran');
  if (problems.length > 0 && failed === 0) logStderrTail(runtime, run.stderr, log);
  return { ...counted, failed: failed + problems.length };
}

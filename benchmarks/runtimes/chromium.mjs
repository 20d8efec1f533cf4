// The Chromium half: headless Debian Chromium driven by playwright-core (never `playwright install`), found (or
// apt-installed) and flagged by scripts/runtimes/deno-bun-chromium.mjs. Each library's bundle runs in its own
// browser context (its own renderer process and V8 isolate), served from a loopback server with COOP/COEP headers, so
// the page is cross-origin isolated and performance.now() is coarsened to 5 µs instead of 100 µs; batches of calls
// are timed anyway (harness.mjs).
// Two clocks per batch: the page's performance.now() (wall) and the CPU time of the renderer thread that ran the
// JavaScript, read from /proc/<pid>/task/<tid>/schedstat around the run() call (the renderer processes come from
// CDP SystemInfo.getProcessInfo; the thread is found by pageThread() below), minus
// the CPU of a no-op run() (the CDP round trip). CPU time is what the machine's other load inflates least.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_DIR } from './bundle.mjs';
import { loadavg, median, stats } from './common.mjs';
import { SHIM } from './workerd.mjs';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/runtimes/deno-bun-chromium.mjs';

/** playwright-core as installed in the workspace root (a root devDependency), benchmarks or NODE_PATH. */
async function loadPlaywright() {
  for (const dir of ['.', 'benchmarks', 'packages/srp']) {
    try {
      const path = createRequire(join(REPO_DIR, dir, 'package.json')).resolve('playwright-core');
      const module = await import(pathToFileURL(path).href);
      return module.chromium ?? module.default.chromium;
    } catch {
      // next
    }
  }
  throw new Error('playwright-core not found (a devDependency of the workspace root)');
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>cognito-kit runtime benchmarks</title>
<script type="module">
const group = new URLSearchParams(location.search).get('group');
import('/bundle/' + group + '.js').then(() => { window.__ready = true; }, (error) => { window.__loadError = String(error && error.stack || error); });
window.addEventListener('error', (event) => { window.__loadError = String(event.error && event.error.stack || event.message); });
</script>`;

/** Serves the page and the bundles from 127.0.0.1 (random port), cross-origin isolated. */
async function serve(bundles) {
  const files = new Map();
  for (const b of bundles.filter((x) => x.ok)) {
    for (const file of [b.file, b.globalShimFile].filter(Boolean)) files.set(`/bundle/${basename(file)}`, file);
  }
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const headers = { 'cache-control': 'no-store', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
    if (path === '/') return response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    const file = files.get(path);
    if (file === undefined) return response.writeHead(404, headers).end();
    return response.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** A fresh context (renderer process, isolate) with the group's page loaded; only loopback requests pass. */
async function openPage(browser, origin, group, problems) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(String(error?.message ?? error)));
  await page.route('**/*', (route) => (route.request().url().startsWith(origin + '/') ? route.continue() : route.abort()));
  await page.goto(`${origin}/?group=${encodeURIComponent(group)}`);
  await page.waitForFunction(() => window.__ready === true || window.__loadError !== undefined, null, { timeout: 30000 });
  const loadError = await page.evaluate(() => window.__loadError);
  if (loadError) {
    await context.close();
    throw new Error(`does not load: ${loadError.split('\n')[0]}`);
  }
  return { page, close: () => context.close() };
}

/**
 * Whether renderer `pid` is one of the browser's own WebUI renderers (`--top-chrome-webui`), not a page's. Only a
 * "yes" is cached; a "no" is checked again next time.
 */
const webUi = new Set();
function isWebUi(pid) {
  if (webUi.has(pid)) return true;
  try {
    if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('--top-chrome-webui')) webUi.add(pid);
  } catch {
    // gone
  }
  return webUi.has(pid);
}

/**
 * Nanoseconds on the CPU of every thread of every page renderer process: Map "pid/tid" → ns. The browser's WebUI
 * renderers are left out: headless Chromium starts one per new context, and it stays busy for a while.
 */
async function rendererCpu(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  const out = new Map();
  for (const { id } of processInfo.filter((p) => p.type === 'renderer' && !isWebUi(p.id))) {
    let tids = [];
    try {
      tids = readdirSync(`/proc/${id}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        out.set(`${id}/${tid}`, Number(readFileSync(`/proc/${id}/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
      } catch {
        // the thread ended
      }
    }
  }
  return out;
}
/** CPU gained (ms) between two snapshots by thread `key` and by all threads of its process. */
function gain(before, after, key) {
  const pid = key.split('/')[0];
  let processMs = 0;
  for (const [k, ns] of after) if (k.startsWith(pid + '/')) processMs += (ns - (before.get(k) ?? 0)) / 1e6;
  return { threadMs: ((after.get(key) ?? 0) - (before.get(key) ?? 0)) / 1e6, processMs };
}

/**
 * The renderer thread that runs the page's JavaScript. Chromium runs it on a renderer process's main thread (tid =
 * pid), so the candidates are those. Three rounds of a 150 ms spin loop in the page, each followed by 150 ms of
 * the page idling: the page's thread gains CPU while it spins and almost none while it idles, whereas another
 * renderer that happens to be busy (the WebUI renderer a new context starts, a spare renderer) gains about as much
 * in both. Score = CPU gained while spinning − CPU gained while idle; the best must score twice the runner-up
 * (else the whole measurement is repeated, up to `attempts` times).
 */
async function pageThread(page, cdp, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pageThreadOnce(page, cdp);
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}
async function pageThreadOnce(page, cdp) {
  const score = new Map();
  const add = (before, after, sign) => {
    for (const [key, ns] of after) {
      const [pid, tid] = key.split('/');
      if (pid === tid) score.set(key, (score.get(key) ?? 0) + (sign * (ns - (before.get(key) ?? 0))) / 1e6);
    }
  };
  for (let i = 0; i < 3; i++) {
    const t0 = await rendererCpu(cdp);
    await page.evaluate((ms) => globalThis.__bench.spin(ms), 150);
    const t1 = await rendererCpu(cdp);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const t2 = await rendererCpu(cdp);
    add(t0, t1, 1);
    add(t1, t2, -1);
  }
  const [best, second] = [...score].sort((x, y) => y[1] - x[1]);
  if (best === undefined || best[1] < 2 * Math.max(0, second?.[1] ?? 0) || best[1] < 20) {
    throw new Error(`cannot tell the page's renderer thread (scores ${[best, second].filter(Boolean).map(([k, ms]) => `${k}: ${ms.toFixed(1)} ms`).join(', ')})`);
  }
  return best[0];
}

/** One batch: prepare (untimed), then run() with the renderer thread's CPU read around it. */
async function batch(page, cdp, thread, id, k) {
  await page.evaluate(([x, n]) => globalThis.__bench.prepare(x, n), [id, k]);
  const before = await rendererCpu(cdp);
  const { ms } = await page.evaluate(() => globalThis.__bench.run());
  const after = await rendererCpu(cdp);
  return { wallMs: ms, ...gain(before, after, thread) };
}

async function warmCase(page, cdp, thread, base, id, opts) {
  await batch(page, cdp, thread, id, 1);
  let k = 1;
  let probe = await batch(page, cdp, thread, id, k);
  while (probe.wallMs < opts.minBatchMs && k < 100000) {
    k = Math.min(100000, Math.max(k * 2, Math.ceil((k * opts.minBatchMs * 1.2) / Math.max(probe.wallMs, 0.05))));
    probe = await batch(page, cdp, thread, id, k);
  }
  const rows = [];
  const started = Date.now();
  const least = probe.wallMs / k >= 50 ? Math.min(3, opts.batches) : opts.batches; // the jsbn peers: ~50–150 ms a call
  while (rows.length < opts.maxBatches && (rows.length < least || Date.now() - started < opts.budgetMs)) rows.push(await batch(page, cdp, thread, id, k));
  return {
    k,
    batches: rows.length,
    wallMs: stats(rows.map((r) => r.wallMs / k)),
    cpuMs: stats(rows.map((r) => (r.threadMs - base.threadMs) / k)),
    processCpuMs: stats(rows.map((r) => (r.processMs - base.processMs) / k)),
  };
}

export async function runChromium({ bundles, quick = false, coldSamples, log = console.log }) {
  const executablePath = ensureChromium(log);
  const chromium = await loadPlaywright();
  const out = { runtime: 'chromium', loadBefore: loadavg(), groups: [], cold: [] };
  const opts = quick
    ? { minBatchMs: 25, batches: 3, maxBatches: 5, budgetMs: 300, coldSamples: 2 }
    : { minBatchMs: 40, batches: 5, maxBatches: 11, budgetMs: 1000, coldSamples: 5 };
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60000 });
  const cdp = await browser.newBrowserCDPSession();
  const server = await serve(bundles);
  try {
    out.version = browser.version();
    for (const bundle of bundles) {
      const group = { group: bundle.group, library: bundle.library, version: bundle.version, bundled: bundle.ok, variant: bundle.variant, bundleErrors: bundle.errors, cases: [] };
      out.groups.push(group);
      if (!bundle.ok) {
        log(`chromium ${bundle.group}: does not bundle (${bundle.errors.map((e) => e.reasons.join('; ')).join(' / ')})`);
        continue;
      }
      const problems = [];
      let opened;
      try {
        opened = await openPage(browser, server.origin, bundle.group, problems);
      } catch (error) {
        group.plainError = error.message;
        log(`chromium ${bundle.group}: ${group.plainError}`);
      }
      if (opened === undefined && /global is not defined/.test(group.plainError) && bundle.globalShimFile) {
        group.workaround = SHIM;
        try {
          opened = await openPage(browser, server.origin, basename(bundle.globalShimFile, '.js'), problems);
          log(`chromium ${bundle.group}: runs with the workaround (${SHIM})`);
        } catch (error) {
          group.error = `${error.message}, even with ${SHIM}`;
        }
      }
      if (opened === undefined) {
        group.error ??= group.plainError;
        continue;
      }
      const { page } = opened;
      try {
        if (out.userAgent === undefined) out.userAgent = await page.evaluate(() => navigator.userAgent);
        out.timer ??= await page.evaluate(() => globalThis.__bench.timer());
        group.check = await page.evaluate(() => globalThis.__bench.check());
        const thread = await pageThread(page, cdp);
        log(`chromium ${bundle.group}: check ${group.check.ok ? 'ok' : 'FAILED'} (${group.check.rows.length} values), renderer thread ${thread}`);
        if (!group.check.ok) {
          group.error = `disagrees: ${group.check.rows.filter((r) => !r.ok).map((r) => `${r.name} ${r.detail}`).join('; ')}`;
          continue;
        }
        const noops = [];
        for (let i = 0; i < (quick ? 5 : 9); i++) noops.push(await batch(page, cdp, thread, 'noop', 1));
        group.baseline = { threadMs: median(noops.map((r) => r.threadMs)), processMs: median(noops.map((r) => r.processMs)) };
        const list = await page.evaluate(() => globalThis.__bench.describe());
        for (const c of list.cases) {
          const started = Date.now();
          try {
            const r = await warmCase(page, cdp, thread, group.baseline, c.id, opts);
            group.cases.push({ id: c.id, op: c.op, ...r });
            log(`chromium ${c.id}: ${r.cpuMs.medianMs} ms CPU, ${r.wallMs.medianMs} ms wall per call (k=${r.k}, ${r.batches} batches, ${Date.now() - started} ms)`);
          } catch (error) {
            group.cases.push({ id: c.id, op: c.op, error: String(error.message ?? error).split('\n')[0] });
            log(`chromium ${c.id}: ${error.message}`);
          }
        }
        if (problems.length > 0) group.pageErrors = problems;
      } catch (error) {
        group.error = String(error.message ?? error).split('\n')[0];
        log(`chromium ${bundle.group}: ${group.error}`);
      } finally {
        await opened.close();
      }
    }

    // Cold: the first call in a fresh context (new renderer process and isolate), then the second. The page settles
    // for 200 ms after load and its thread is found (pageThread: a spin loop, no library code); the CPU is that
    // thread's, minus that of a no-op call.
    const kit = bundles.find((b) => b.group === 'kit' && b.ok);
    if (kit) {
      const ids = ['kit-1024/start', 'kit-1024/login', 'kit-256/start', 'kit-256/login', 'kit-pre1024/start', 'kit-pre1024/login'];
      const samples = new Map(ids.map((id) => [id, []]));
      for (let round = 0; round < (coldSamples ?? opts.coldSamples); round++) {
        for (const id of round % 2 ? [...ids].reverse() : ids) {
          let opened;
          try {
            opened = await openPage(browser, server.origin, 'kit', []);
            const { page } = opened;
            const thread = await pageThread(page, cdp);
            await page.waitForTimeout(200);
            const calls = [];
            // Three no-op calls first (they compile the harness, not the library): the median CPU of the last two
            // is subtracted, as in workerd.
            for (const x of ['noop', 'noop', 'noop', id, id]) {
              const before = await rendererCpu(cdp);
              const r = await page.evaluate((y) => globalThis.__bench.once(y), x);
              const { threadMs } = gain(before, await rendererCpu(cdp), thread);
              if (!r.ok) throw new Error(`${x}: wrong result in Chromium (${r.got})`);
              calls.push({ wallMs: r.ms, cpuMs: threadMs });
            }
            const base = median([calls[1].cpuMs, calls[2].cpuMs]);
            samples.get(id).push(calls.slice(3).map((c) => ({ wallMs: c.wallMs, cpuMs: c.cpuMs - base })));
          } catch (error) {
            log(`chromium cold ${id}: sample failed: ${String(error.message ?? error).split('\n')[0]}`);
            (out.coldErrors ??= []).push(`${id}: ${String(error.message ?? error).split('\n')[0]}`);
          } finally {
            await opened?.close();
          }
        }
      }
      for (const [id, rows] of samples) {
        const row = {
          id,
          contexts: rows.length,
          firstWallMs: stats(rows.map((r) => r[0].wallMs)),
          firstCpuMs: stats(rows.map((r) => r[0].cpuMs)),
          secondWallMs: stats(rows.map((r) => r[1].wallMs)),
          secondCpuMs: stats(rows.map((r) => r[1].cpuMs)),
        };
        out.cold.push(row);
        log(`chromium cold ${id}: first ${row.firstCpuMs.medianMs} ms CPU (${row.firstWallMs.medianMs} wall), second ${row.secondCpuMs.medianMs} ms CPU (${rows.length} contexts)`);
      }
    }
  } finally {
    await server.close();
    await browser.close();
  }
  out.loadAfter = loadavg();
  return out;
}

#!/usr/bin/env node
// Opens packages/srp/examples/browser/ (plain HTML + the ESM build) in headless Chromium (Debian's, through
// playwright-core, as scripts/runtimes/deno-bun-chromium.mjs drives it), waits for the page to report the login,
// takes a screenshot and checks it: the page must say `data-status="success"` (right password accepted, wrong one
// refused), show its timings, request nothing but its own files on loopback, log no error, and the screenshot must
// not be blank (decoded by the browser itself on a canvas: enough non-white pixels, in several colours).
//
//   node scripts/browser-example.mjs         → .cache/browser-example/screenshot.png
//
// The last line is `browser-example: N passed, M failed`; RESULTS_FILE gets { runner, passed, failed }.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, ensureChromium, loadPlaywright } from './runtimes/deno-bun-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srpDir = join(root, 'packages/srp');
const outDir = join(root, '.cache/browser-example');
mkdirSync(outDir, { recursive: true });
const started = Date.now();
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail && !ok ? `\n       ${detail}` : ''}`);
};

// Serves packages/srp/ as a static server would, symlinks followed, but only the page, dist/ and @noble/hashes.
const nobleDir = realpathSync(join(srpDir, 'node_modules/@noble/hashes'));
const allowed = [join(srpDir, 'examples/browser') + sep, join(srpDir, 'dist') + sep, nobleDir + sep];
const served = [];
const refused = [];
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  let file = join(srpDir, path);
  if (path.endsWith('/')) file = join(file, 'index.html');
  let real;
  try {
    real = realpathSync(file);
  } catch {
    real = undefined;
  }
  if (real === undefined || !allowed.some((prefix) => real.startsWith(prefix)) || !statSync(real).isFile()) {
    refused.push(path);
    response.writeHead(404).end();
    return;
  }
  served.push(path);
  response.writeHead(200, { 'content-type': types[extname(real)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  response.end(readFileSync(real));
});

let browser;
try {
  if (!existsSync(join(srpDir, 'dist/index.js'))) throw new Error('packages/srp/dist is missing: build first (pnpm -r build)');
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const executablePath = ensureChromium((line) => console.log(line));
  const chromium = await loadPlaywright();
  browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  const errors = [];
  const blocked = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await page.goto(`${origin}/examples/browser/`, { timeout: 60_000 });
  await page.waitForFunction(() => ['success', 'failure'].includes(document.body.dataset.status), null, { timeout: 60_000 });
  const state = await page.evaluate(() => ({
    status: document.body.dataset.status,
    text: document.getElementById('status').textContent,
    loginMs: Number(document.body.dataset.loginMs),
    rows: [...document.querySelectorAll('#steps tr')].map((tr) => [...tr.children].map((td) => td.textContent)),
  }));
  console.log(`page: ${state.text}`);
  for (const [step, side, result, ms] of state.rows) console.log(`  ${ms.padStart(6)} ms  ${side.padEnd(6)} ${step}: ${result}`);
  check('the page reports success (right password accepted, wrong one refused)', state.status === 'success', state.text);
  check('it shows the timing of every step', state.rows.length >= 9 && state.rows.filter((r) => r[3] !== '').every((r) => Number.isFinite(Number(r[3]))) && state.loginMs > 0);
  check('the wrong password was refused on the page', state.rows.some((r) => r[0].startsWith('wrong password') && r[2].startsWith('refused')));
  check('it loaded the ESM build and @noble/hashes, nothing else, from loopback only', served.some((p) => p.startsWith('/dist/')) && served.some((p) => p.includes('noble')) && refused.length === 0 && blocked.length === 0, `refused: ${refused.join(', ') || 'none'}; blocked: ${blocked.join(', ') || 'none'}`);
  check('no page error, no console error', errors.length === 0, errors.join(' | '));

  const png = await page.screenshot({ fullPage: true });
  const shot = join(outDir, 'screenshot.png');
  writeFileSync(shot, png);
  // The browser decodes its own screenshot; a blank or single-colour image fails.
  const analyse = (image) => page.evaluate(async (dataUrl) => {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let ink = 0;
    let green = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r < 200 || g < 200 || b < 200) ink++;
      if (g > r + 20 && g > b + 10 && g > 200) green++; // the success banner's background
      colours.add((r >> 4) * 256 + (g >> 4) * 16 + (b >> 4));
    }
    return { width: image.width, height: image.height, ink: ink / (data.length / 4), green, colours: colours.size };
  }, `data:image/png;base64,${image.toString('base64')}`);
  const pixels = await analyse(png);
  console.log(`screenshot: ${shot.slice(root.length + 1)} (${pixels.width}×${pixels.height}, ${png.length} bytes, ${(pixels.ink * 100).toFixed(1)}% ink, ${pixels.colours} colours, ${pixels.green} success-green pixels)`);
  const looksRight = (p) => p.ink > 0.01 && p.colours >= 8 && p.green > 1000;
  check('the screenshot is not blank: text and the green success banner are on it', looksRight(pixels));
  // Control: the same test on a blank page, and on the page with the banner hidden, must fail.
  await page.evaluate(() => document.getElementById('status').remove());
  const noBanner = await analyse(await page.screenshot({ fullPage: true }));
  await page.goto('about:blank');
  const blank = await analyse(await page.screenshot());
  check('control: a blank page and the page without its success banner fail the screenshot test', !looksRight(blank) && !looksRight(noBanner), `blank ${JSON.stringify(blank)}; no banner ${JSON.stringify(noBanner)}`);
} catch (error) {
  check('the browser example ran', false, String(error?.stack ?? error));
} finally {
  await browser?.close().catch(() => {});
  server.close();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (process.env.RESULTS_FILE) writeFileSync(process.env.RESULTS_FILE, JSON.stringify({ runner: 'browser-example', passed, failed }) + '\n');
console.log(`browser-example: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;

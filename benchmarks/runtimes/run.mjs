#!/usr/bin/env node
// The benchmark suite inside workerd and headless Chromium (see RESULTS.md for the method).
//
//   node benchmarks/runtimes/run.mjs [--quick] [--runtime workerd|chromium] [--group kit ...] [--cold-samples N] [--no-write]
//   node benchmarks/runtimes/run.mjs --markdown-only     # RESULTS.md again from results.json, nothing measured
//   pnpm --filter @cognito-kit/benchmarks bench:runtimes
//
// Bundles each library's cases (in-runtime/groups/*.mjs) for each runtime, runs them there, checks every value
// against the vector (or the server half), and writes results.json and RESULTS.md next to this file (a Markdown
// section the main report can include: markdownSection()). About 1–2 minutes; --quick about 25 s.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPS, REPO_DIR, RUNTIMES_DIR, bundleGroups, ensureSrpDist, makeFixture, pkgVersion } from './bundle.mjs';
import { cpuModel, loadavg } from './common.mjs';
import { runChromium } from './chromium.mjs';
import { SHIM, runWorkerd } from './workerd.mjs';

export const RESULTS_JSON = join(RUNTIMES_DIR, 'results.json');
export const RESULTS_MD = join(RUNTIMES_DIR, 'RESULTS.md');
const RUNNERS = { workerd: runWorkerd, chromium: runChromium };

/**
 * Runs the suite. Resolves to the results object (also written to results.json and RESULTS.md unless write is
 * false). Never throws for a runtime that fails: its section carries `error`.
 *
 * @param {object} [options]
 * @param {boolean} [options.quick] fewer samples (a smoke run, about 25 s)
 * @param {('workerd'|'chromium')[]} [options.runtimes] default both
 * @param {string[]} [options.groups] only these libraries (GROUPS ids: kit, big-integer, identity-js, srp-helper,
 *   passwordless, amplify); default all
 * @param {number} [options.coldSamples] fresh isolates per cold case (default 5; 2 with quick)
 * @param {boolean} [options.write] write results.json and RESULTS.md (default true)
 * @param {(line: string) => void} [options.log]
 */
export async function runRuntimeBenchmarks({ quick = false, runtimes = Object.keys(RUNNERS), groups, coldSamples, write = true, log = console.log } = {}) {
  const started = Date.now();
  ensureSrpDist(log);
  const fixture = await makeFixture();
  const results = {
    date: new Date().toISOString(),
    command: `node benchmarks/runtimes/run.mjs${quick ? ' --quick' : ''}${runtimes.length === 1 ? ` --runtime ${runtimes[0]}` : ''}${(groups ?? []).map((g) => ` --group ${g}`).join('')}${coldSamples ? ` --cold-samples ${coldSamples}` : ''}`,
    quick,
    machine: { cpu: cpuModel(), node: process.version, loadBefore: loadavg() },
    versions: {
      'amazon-cognito-identity-js': pkgVersion('amazon-cognito-identity-js'),
      'cognito-srp-helper': pkgVersion('cognito-srp-helper'),
      '@aws-amplify/auth': pkgVersion('@aws-amplify/auth'),
      '@aws-amplify/core': pkgVersion('@aws-amplify/core'),
      'big-integer': pkgVersion('big-integer'),
      esbuild: pkgVersion('esbuild'),
    },
    inputs: {
      vector: fixture.vector.id,
      short: 'a = the last 32 bytes of that a, with SALT, SRP_B and SECRET_BLOCK made by `@cognito-kit/srp/server` (`createUserVerifier`, `createServerChallenge`) for its SRP_A and the answer checked with `verifyPasswordClaim` before the run',
      srpA1024: fixture.vector.srpA.slice(0, 16) + '…',
      srpA256: fixture.short.srpA.slice(0, 16) + '…',
    },
    runtimes: {},
  };
  // Every bundle first, from the same packages/srp/dist (another process may rebuild it while this runs).
  const bundles = {};
  for (const runtime of runtimes) {
    try {
      bundles[runtime] = await bundleGroups(runtime, fixture, groups ? { groups: GROUPS.filter((g) => groups.includes(g.id)) } : {});
    } catch (error) {
      results.runtimes[runtime] = { runtime, error: String(error?.stack ?? error) };
    }
  }
  results.library = libraryState();
  for (const runtime of runtimes.filter((r) => bundles[r])) {
    log(`--- ${runtime}`);
    try {
      results.runtimes[runtime] = await RUNNERS[runtime]({ bundles: bundles[runtime], quick, coldSamples, log });
    } catch (error) {
      results.runtimes[runtime] = { runtime, error: String(error?.stack ?? error) };
      log(`${runtime}: ${error?.message ?? error}`);
    }
  }
  results.machine.loadAfter = loadavg();
  results.summary = summarize(results);
  results.seconds = Math.round((Date.now() - started) / 100) / 10;
  if (write) {
    writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 2) + '\n');
    writeFileSync(RESULTS_MD, markdownSection(results) + '\n');
    log(`wrote ${RESULTS_JSON} and ${RESULTS_MD}`);
  }
  return results;
}

/** What warmUp() added to an isolate's start-up: median start-up CPU of the kit-warm processes minus the kit ones. */
function startupCost(rt) {
  const warmed = coldOf(rt, 'kit-warm1024/login')?.startupCpuMs?.medianMs;
  const plain = coldOf(rt, 'kit-1024/login')?.startupCpuMs?.medianMs;
  return Number.isFinite(warmed) && Number.isFinite(plain) ? Number((warmed - plain).toPrecision(3)) : null;
}

/** The headline numbers (medians, ms), for the main report: cognito-kit per runtime, warm and cold. */
export function summarize(results) {
  const out = {};
  for (const [name, rt] of Object.entries(results.runtimes)) {
    if (rt.error) continue;
    const warm = (id) => caseOf(rt, id)?.cpuMs?.medianMs ?? null;
    const cold = (id) => coldOf(rt, id)?.firstCpuMs ?? null;
    out[name] = {
      clock: 'CPU time of the thread running the JavaScript',
      login1024WarmMs: warm('kit-1024/login'),
      login256WarmMs: warm('kit-256/login'),
      login1024ColdMs: cold('kit-1024/login')?.medianMs ?? null,
      login256ColdMs: cold('kit-256/login')?.medianMs ?? null,
      login256ColdMaxMs: cold('kit-256/login')?.maxMs ?? null,
      login1024WarmedUpColdMs: cold('kit-warm1024/login')?.medianMs ?? null,
      login1024WarmedUpColdMaxMs: cold('kit-warm1024/login')?.maxMs ?? null,
      login1024PrecomputedColdMs: cold('kit-pre1024/login')?.medianMs ?? null,
      warmUpStartupMs: startupCost(rt),
      identityJsLoginWarmMs: warm('identity-js/login'),
    };
    if (name === 'workerd') {
      const perReq = rt.groups.find((g) => g.group === 'kit')?.perRequest?.find((r) => r.id === 'kit-256/login');
      out[name].login256OneLoginRequestMs = perReq?.requestCpuMs?.medianMs ?? null;
      const all = [out[name].login256WarmMs, out[name].login256ColdMaxMs, out[name].login256OneLoginRequestMs];
      out[name].login256Under10msCpu = all.every((v) => v !== null) ? all.every((v) => v < 10) : null;
    }
  }
  return out;
}

/** Which @cognito-kit/srp was measured: the git commit, whether packages/srp/src differs from it, when dist was built. */
function libraryState() {
  const git = (...args) => spawnSync('git', args, { cwd: REPO_DIR, encoding: 'utf8' });
  const commit = git('rev-parse', '--short', 'HEAD').stdout.trim() || null;
  const dirty = git('status', '--porcelain', '--', 'packages/srp/src').stdout.trim() !== '';
  let distBuilt = null;
  try {
    distBuilt = statSync(join(REPO_DIR, 'packages/srp/dist/index.js')).mtime.toISOString();
  } catch {
    // no dist
  }
  return { commit, srcDiffersFromCommit: dirty, distBuilt };
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown.

const fmt = (ms) => (ms === null || ms === undefined || !Number.isFinite(ms) ? '–' : ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : ms >= 0.01 ? `${(ms * 1000).toFixed(0)} µs` : `${(ms * 1000).toFixed(1)} µs`);
const spread = (s) => (s ? `${fmt(s.medianMs)} <sub>${fmt(s.p25Ms)}–${fmt(s.p75Ms)}</sub>` : '–');
const ratio = (ms, base) => (Number.isFinite(ms) && Number.isFinite(base) && base > 0 ? `${(ms / base).toFixed(ms / base >= 10 ? 0 : 1)}×` : '–');
const table = (header, rows) => [`| ${header.join(' | ')} |`, `| ${header.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const caseOf = (rt, id) => rt?.groups?.flatMap((g) => g.cases).find((c) => c.id === id);
const coldOf = (rt, id) => rt?.cold?.find((c) => c.id === id);

const KIT_ROWS = [
  ['kit-1024/start', 'start: `createSrpSession()` (A = g^a)'],
  ['kit-1024/answer', 'answer: `respondToPasswordVerifier` (u, x, S, HKDF, signature)'],
  ['kit-1024/login', '**whole login** (start + answer)'],
  ['kit-256/start', 'start: `createSrpSession({ privateValueBits: 256 })`'],
  ['kit-256/answer', 'answer'],
  ['kit-256/login', '**whole login** (start + answer)'],
  ['kit-pre1024/login', '1024, precomputed engine: whole login'],
  ['kit-warm1024/login', '1024, after `warmUp()`: whole login'],
  ['kit/secretHasher', 'SECRET_HASH: `secretHasher(clientId, secret)(username)`'],
  ['kit/modpow-g^a', '`modPow(2, a, N)`, 1024-bit a'],
  ['kit/modpow-base^e', '`modPow(B, a, N)`, 3072-bit base, 1024-bit a'],
];

const PEERS = [
  ['identity-js', 'amazon-cognito-identity-js'],
  ['srp-helper', 'cognito-srp-helper'],
  ['amplify', 'Amplify v6 (auth internals)'],
  ['passwordless', 'amazon-cognito-passwordless-auth'],
];

export function markdownSection(results) {
  const W = results.runtimes.workerd;
  const C = results.runtimes.chromium;
  const lines = [];
  const p = (...text) => lines.push(...text);
  p('## Inside workerd and Chromium', '');
  p(
    `Run: ${results.date} · ${results.machine.cpu} · Node ${results.machine.node} drives · ` +
      `workerd ${W?.version?.replace(/^workerd /, '') ?? '–'} (npm \`workerd@${W?.package ?? '?'}\`, compatibilityDate ${W?.compatibilityDate ?? '–'}, no compatibility flags) · ` +
      `Chromium ${C?.version ?? '–'} (Debian, headless) · load average ${results.machine.loadBefore.join(' ')} before, ${results.machine.loadAfter.join(' ')} after · ` +
      `@cognito-kit/srp at ${results.library?.commit ?? '?'}${results.library?.srcDiffersFromCommit ? ' (with uncommitted changes in src/)' : ''} · ` +
      `\`${results.command}\` (${results.seconds} s)${results.quick ? ' · **quick run: few samples**' : ''}`,
    '',
  );
  for (const [name, rt] of [['workerd', W], ['Chromium', C]]) if (rt?.error) p(`**${name} failed:** \`${rt.error.split('\n')[0]}\``, '');

  // The 10 ms question.
  if (W && !W.error) {
    const warm = caseOf(W, 'kit-256/login')?.cpuMs?.medianMs;
    const perReq = W.groups.find((g) => g.group === 'kit')?.perRequest?.find((r) => r.id === 'kit-256/login');
    const cold = coldOf(W, 'kit-256/login');
    const yes = (ms) => (Number.isFinite(ms) ? (ms < 10 ? `**${fmt(ms)}: under 10 ms**` : `**${fmt(ms)}: over 10 ms**`) : '–');
    p('### A whole login in workerd, against the 10 ms CPU of a Workers free-plan request', '');
    const warmed = coldOf(W, 'kit-warm1024/login');
    const pre = coldOf(W, 'kit-pre1024/login');
    p(
      table(
        ['CPU time of the isolate thread (median)', 'privateValueBits: 256', 'default (1024-bit a)', 'default, `warmUp()` in the global scope', 'default, precomputed engine'],
        [
          ['warm isolate, per login (batched, no-op request subtracted)', yes(warm), fmt(caseOf(W, 'kit-1024/login')?.cpuMs?.medianMs), fmt(caseOf(W, 'kit-warm1024/login')?.cpuMs?.medianMs), fmt(caseOf(W, 'kit-pre1024/login')?.cpuMs?.medianMs)],
          ['warm isolate, a request doing one login, whole request (HTTP included)', yes(perReq?.requestCpuMs?.medianMs), fmt(W.groups.find((g) => g.group === 'kit')?.perRequest?.find((r) => r.id === 'kit-1024/login')?.requestCpuMs?.medianMs), '–', '–'],
          [`first login of a fresh workerd process (cold isolate; median of ${cold?.processes ?? 0}, no-op request subtracted)`, yes(cold?.firstCpuMs?.medianMs), fmt(coldOf(W, 'kit-1024/login')?.firstCpuMs?.medianMs), yes(warmed?.firstCpuMs?.medianMs), yes(pre?.firstCpuMs?.medianMs)],
          ['… the slowest of those first logins', yes(cold?.firstCpuMs?.maxMs), fmt(coldOf(W, 'kit-1024/login')?.firstCpuMs?.maxMs), yes(warmed?.firstCpuMs?.maxMs), yes(pre?.firstCpuMs?.maxMs)],
          ['start-up of the isolate (thread CPU until the first no-op request answered; median)', '–', fmt(coldOf(W, 'kit-1024/login')?.startupCpuMs?.medianMs), fmt(warmed?.startupCpuMs?.medianMs), '–'],
        ],
      ),
      '',
      `\`warmUp()\` moves the first login's extra cost (compiling the login's code, growing the heap, building the fixed-base tables) into the isolate's start-up, which Cloudflare limits separately (1 s to parse and run the global scope): here it added ${fmt(startupCost(W))} of start-up CPU. The precomputed engine (\`@cognito-kit/srp/precomputed\`) ships the powers of g instead: no start-up cost, 85 KiB gzipped more.`,
      '',
    );
  }

  // cognito-kit, warm.
  p('### cognito-kit, warm (per call, median <sub>p25–p75</sub>)', '');
  p(
    table(
      ['case', 'workerd CPU, isolate thread', 'workerd CPU, all threads', 'Chromium CPU, renderer thread', 'Chromium wall'],
      KIT_ROWS.map(([id, label]) => {
        const w = caseOf(W, id);
        const c = caseOf(C, id);
        const bits = id.startsWith('kit-256') ? '256: ' : id.startsWith('kit-1024') ? '1024: ' : '';
        return [`${bits}${label}`, w?.error ? w.error : spread(w?.cpuMs), fmt(w?.allThreadsCpuMs?.medianMs), c?.error ? c.error : spread(c?.cpuMs), fmt(c?.wallMs?.medianMs)];
      }),
    ),
    '',
  );

  // Cold.
  p('### cognito-kit, cold: the first call in a fresh isolate (JIT cold, no fixed-base table), then the second', '');
  p(
    table(
      ['case', 'workerd CPU, first', 'workerd CPU, second', 'workerd CPU of the whole first request', 'Chromium CPU, first', 'Chromium CPU, second', 'Chromium wall, first'],
      ['kit-1024/start', 'kit-1024/login', 'kit-256/start', 'kit-256/login', 'kit-pre1024/start', 'kit-pre1024/login', 'kit-warm1024/start', 'kit-warm1024/login'].map((id) => {
        const w = coldOf(W, id);
        const c = coldOf(C, id);
        const variant = { 'kit-1024': '1024', 'kit-256': '256', 'kit-pre1024': '1024, precomputed engine', 'kit-warm1024': '1024, warmUp() at start-up' }[id.split('/')[0]];
        const label = `${variant}: ${id.endsWith('login') ? 'whole login' : 'start'}`;
        return [label, spread(w?.firstCpuMs), spread(w?.secondCpuMs), fmt(w?.firstRequestCpuMs?.medianMs), spread(c?.firstCpuMs), spread(c?.secondCpuMs), fmt(c?.firstWallMs?.medianMs)];
      }),
    ),
    '',
    `workerd: ${coldOf(W, 'kit-256/login')?.processes ?? 0} fresh \`workerd serve\` processes per case, interleaved; Chromium: ${coldOf(C, 'kit-256/login')?.contexts ?? 0} fresh browser contexts (each its own renderer process) per case. "Second" is the next call in the same isolate: still JIT-warming, and it pays for whatever the library does on later calls (cognito-kit builds its fixed-base tables only once an isolate has made a few exponentiations of 2, see \`packages/srp/src/modpow.ts\`; a second 1024-bit login pays for that). "Whole first request" is the CPU of that request without subtracting the no-op one.`,
    '',
  );

  // Peers.
  p('### Side by side (warm, per call, median; ratio to cognito-kit default in the same runtime and run)', '');
  const peerRows = [];
  /** A row: workerd CPU and Chromium CPU with their ratios to the base case, and Chromium wall. */
  const row = (label, id, baseId, mark = '') => {
    const v = (rt, x, key = 'cpuMs') => caseOf(rt, x)?.[key]?.medianMs;
    const w = v(W, id);
    const c = v(C, id);
    peerRows.push([label + mark, fmt(w), id === baseId ? '1.0×' : ratio(w, v(W, baseId)), fmt(c), id === baseId ? '1.0×' : ratio(c, v(C, baseId)), fmt(v(C, id, 'wallMs'))]);
  };
  for (const [op, opLabel] of [['login', 'whole login'], ['start', 'start (A = g^a)'], ['answer', 'answer PASSWORD_VERIFIER']]) {
    const base = `kit-1024/${op}`;
    row(`${opLabel}: cognito-kit (default)`, base, base);
    row(`${opLabel}: cognito-kit, privateValueBits 256`, `kit-256/${op}`, base);
    for (const [group, name] of PEERS) row(`${opLabel}: ${name}`, `${group}/${op}`, base, workaroundMark(W, group, C));
  }
  for (const [id, label, baseId] of [
    ['srp-helper/secretHash', 'SECRET_HASH: cognito-srp-helper `createSecretHash`', 'kit/secretHasher'],
    ['big-integer/modpow-g^a', 'modPow g^a: big-integer', 'kit/modpow-g^a'],
    ['big-integer/modpow-base^e', 'modPow base^e (1024-bit e): big-integer', 'kit/modpow-base^e'],
  ]) {
    row(`${label.split(':')[0]}: cognito-kit`, baseId, baseId);
    row(label, id, baseId);
  }
  p(table(['case', 'workerd CPU', 'vs kit', 'Chromium CPU', 'vs kit', 'Chromium wall'], peerRows), '');

  // What did not run.
  const notes = [];
  for (const [name, rt] of [['workerd', W], ['Chromium', C]]) {
    for (const g of rt?.groups ?? []) {
      const failedVariants = (g.bundleErrors ?? []).map((e) => `${e.variant ?? 'bundle'}: ${e.reasons.join('; ')}`);
      if (!g.bundled) notes.push(`- **${name}, ${g.library}**: does not bundle (${failedVariants.join(' / ')}).`);
      else {
        if (failedVariants.length > 0) notes.push(`- **${name}, ${g.library}**: ${failedVariants.map((v) => `does not bundle as ${v}`).join('; ')}; measured through the ${g.variant}.`);
        if (g.plainError) notes.push(`- **${name}, ${g.library}**: bundles but ${g.plainError.split(' | ').slice(0, 2).join(' | ')}${g.workaround && !g.error ? `; measured with the usual application fix, ${g.workaround} (marked †)` : ''}.`);
        if (g.error && g.error !== g.plainError) notes.push(`- **${name}, ${g.library}**: ${g.error}.`);
        for (const c of g.cases.filter((x) => x.error)) notes.push(`- **${name}, ${c.id}**: ${c.error}.`);
      }
    }
  }
  for (const [name, rt] of [['workerd', W], ['Chromium', C]]) {
    for (const e of rt?.coldErrors ?? []) notes.push(`- **${name}, a cold sample failed**: ${e}.`);
  }
  p('### What does not run where', '');
  p(...(notes.length > 0 ? notes : ['Everything bundled and ran in both runtimes.']), '');
  if (notes.some((n) => /global is not defined/.test(n))) {
    p(
      '`global is not defined` comes from the npm `buffer@4.9.2` polyfill (it reads Node\'s `global`), which identity-js imports for its `Buffer` and which Amplify reaches through `@aws-crypto/util` → `@smithy/util-utf8` → `@smithy/util-buffer-from`; for browsers `@smithy/util-utf8`\'s `browser` field swaps in files without `Buffer`, so Amplify loads in Chromium as is, while `platform: neutral` (workerd) ignores that field. Applications usually fix this with a bundler `define` of `global` (or `nodejs_compat` on Workers); the † rows are measured that way. cognito-kit needs neither.',
      '',
    );
  }

  // Method.
  const clock = W?.clock;
  p('### Method', '');
  p(
    `- **Inputs**: the vector \`${results.inputs.vector}\` of \`test-vectors/public/vectors-public.json\` for the default (its a, SRP_B, SALT, SECRET_BLOCK, TIMESTAMP; every library must produce its SRP_A and signature), and for \`privateValueBits: 256\` ${results.inputs.short}. Randomness is injected (cognito-kit's \`randomBytes\`) or patched (identity-js's and Amplify's \`WordArray.prototype.random\`, crypto-js's \`WordArray.random\`) to return those bytes, so every run computes the same values. Before timing, each bundle checks its values in the runtime (\`/check\`), including a 256-bit login with real randomness verified by \`@cognito-kit/srp/server\` in the runtime, a wrong password refused, and a second answer of a session refused (\`SESSION_ALREADY_USED\`); after each timed batch the last value is compared with the expected one.`,
    '- **Fresh sessions**: a session answers one challenge, so the "answer" cases answer k sessions copied beforehand with `importSrpSession(exportSrpSession(s))`, outside the timed region. The peers have no such rule: their answer reuses one helper made beforehand.',
    '- **Bundles**: one per library and runtime (`esbuild`, `format: esm`; workerd: `platform: neutral`, `mainFields: [module, main]`, conditions `workerd, worker, browser, import, default`, as `scripts/runtimes/workerd.mjs` bundles; Chromium: `platform: browser`), each run in its own workerd process or browser context, so no library shares an isolate (or a JIT profile) with another.',
    `- **workerd**: \`workerd serve\` with the bundle as a module worker, compatibilityDate ${W?.compatibilityDate ?? '2025-01-01'} and **no compatibility flags** (no \`nodejs_compat\`), on 127.0.0.1. The Node driver sends \`/prepare?case=…&k=…\` (untimed: builds the sessions), then reads every workerd thread's CPU time from \`/proc/<pid>/task/*/schedstat\` (nanoseconds), sends \`/run\` (k calls), and reads it again. Per call = (CPU of the request − median CPU of a no-op \`/run\`) / k, with k chosen so a request holds about 40 ms of CPU; median over 5–11 requests (at least 3 for calls over 50 ms). "Isolate thread" is workerd's main thread (tid = pid), which runs the JavaScript and the HTTP handling: the CPU a Worker is billed for. "All threads" adds V8's background threads (concurrent GC, optimizing compiler).`,
    `- **Timers in workerd**: deployed Workers advance \`Date.now()\`/\`performance.now()\` only on I/O (a Spectre mitigation). Local workerd does **not** freeze them: \`/clock\` read ${clock ? `${clock.dateMs} ms (Date.now) and ${clock.perfMs} ms (performance.now) across 3 logins in one request with no I/O` : 'them (not measured in this run)'}, in whole milliseconds (performance.now() ticks like Date.now()). The suite does not rely on them: CPU time comes from /proc. (mitata cannot run inside workerd: bundled for \`platform: neutral\` it needs \`bun:jsc\` marked external, and then \`measure()\` throws \`EvalError: Code generation from strings disallowed for this context\`, because it builds its timing loop with \`new AsyncFunction(…)\`, which workerd forbids. Hence the self-contained batch loop of \`in-runtime/harness.mjs\`.)`,
    '- **Cold**: a fresh `workerd serve` process per sample (new isolate; the bundle is evaluated at start-up, so function bodies still compile lazily on first call); three no-op requests (the median CPU of the last two is subtracted), 200 ms of quiet, then the first call, then a second. In Chromium a fresh browser context per sample (its own renderer process), the page loaded, 200 ms of quiet, three no-op calls (subtracted the same way), then the first and the second call, on the renderer thread found as for the warm cases (its spin runs no library code). Samples of the four cases interleave, the order reversed every other round.',
    `- **Chromium**: headless \`/usr/bin/chromium\` (Debian) through playwright-core with the flags of \`scripts/runtimes/deno-bun-chromium.mjs\`; the page is served from 127.0.0.1 with COOP/COEP headers (cross-origin isolated: ${C?.timer ? `performance.now() step ${fmt(C.timer.stepMs)}` : 'step not measured'}); every other request is aborted. Each case: k calibrated so a batch lasts ≥ 40 ms, then 5–11 batches (at least 3 for calls over 50 ms) driven from Node (\`prepare(id, k)\` untimed, then \`run()\`), per call = batch / k, median. Two clocks per batch: the page's performance.now() (wall) and the CPU time of the renderer thread that runs the page's JavaScript (\`/proc/<pid>/task/<tid>/schedstat\`; renderer pids from CDP \`SystemInfo.getProcessInfo\`, the thread being the renderer main thread that gains CPU while the page runs a spin loop and none while it idles, three rounds of 150 ms each), minus the CPU of a no-op \`run()\` (the CDP round trip).`,
    '- **Caveats**: 2 shared cores with other jobs running (load average above): medians, interleaved cold samples, and CPU time (which load does not inflate much, unlike wall time) are the defence; absolute times drift 10–30 % between runs. workerd on this machine is not Cloudflare\'s production machine: the 10 ms statement is for this CPU. The cold figures exclude the isolate start-up (parsing and evaluating the bundle, done when workerd starts, before any request). CPU time is not immune to load either: two busy hardware threads slow each other (shared caches, SMT), so these figures can be a little high. amazon-cognito-passwordless-auth hashes with Web Crypto, which Chromium runs off the page\'s thread: its Chromium CPU figures undercount it (its wall time does not). Peers marked † needed `global` defined to load at all.',
  );
  return lines.join('\n');
}

function workaroundMark(W, group, C) {
  const marked = [W, C].some((rt) => rt?.groups?.find((g) => g.group === group)?.workaround && !rt.groups.find((g) => g.group === group)?.error);
  return marked ? ' †' : '';
}

// ---------------------------------------------------------------------------------------------------------------
// Command line.

function parseArgs(argv) {
  const options = { quick: argv.includes('--quick'), write: !argv.includes('--no-write'), runtimes: undefined, groups: undefined, coldSamples: undefined };
  for (let i = 0; i < argv.length; i++) {
    const cold = argv[i] === '--cold-samples' ? argv[i + 1] : argv[i].startsWith('--cold-samples=') ? argv[i].slice(15) : undefined;
    if (cold !== undefined) {
      options.coldSamples = Number(cold);
      if (!Number.isInteger(options.coldSamples) || options.coldSamples < 1) throw new Error(`--cold-samples must be a positive integer, got ${JSON.stringify(cold)}`);
      continue;
    }
    const group = argv[i] === '--group' ? argv[i + 1] : argv[i].startsWith('--group=') ? argv[i].slice(8) : undefined;
    if (group !== undefined) {
      if (!GROUPS.some((g) => g.id === group)) throw new Error(`--group must be one of ${GROUPS.map((g) => g.id).join(', ')}, got ${JSON.stringify(group)}`);
      (options.groups ??= []).push(group);
      continue;
    }
    const value = argv[i] === '--runtime' ? argv[i + 1] : argv[i].startsWith('--runtime=') ? argv[i].slice(10) : undefined;
    if (value === undefined) continue;
    if (!Object.hasOwn(RUNNERS, value)) throw new Error(`--runtime must be one of ${Object.keys(RUNNERS).join(', ')}, got ${JSON.stringify(value)}`);
    (options.runtimes ??= []).push(value);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--markdown-only')) {
  // Rewrites RESULTS.md from results.json (after a change to the Markdown), measuring nothing.
  writeFileSync(RESULTS_MD, markdownSection(JSON.parse(readFileSync(RESULTS_JSON, 'utf8'))) + '\n');
  console.log(`wrote ${RESULTS_MD} from ${RESULTS_JSON}`);
} else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const results = await runRuntimeBenchmarks({ ...options, runtimes: options.runtimes ?? Object.keys(RUNNERS) });
  console.log('\n' + markdownSection(results));
  const failed = Object.values(results.runtimes).some((r) => r.error);
  process.exitCode = failed ? 1 : 0;
}

// The in-runtime half of the runtime benchmarks (workerd and Chromium): Web APIs only, no Node API.
//
// A "group" (groups/*.mjs) is one library's cases: { library, notes, cases, check() }. A case is
//   { id, op, prepare?(k) → state, run(state, i) → value (or a promise of it), expected }
// prepare() builds, OUTSIDE the timed region, whatever k runs need (e.g. k fresh SRP sessions: a session answers
// one challenge); run() is the timed call; its last value must equal `expected` (checked after the timed region).
//
// Deployed Workers freeze Date.now() and performance.now() while a request runs (they advance only on I/O); local
// workerd does not (/clock shows it), but its clocks tick in whole milliseconds. Either way the time that matters on
// Cloudflare is CPU time, so workerd is timed from outside: workerHandler() answers HTTP requests (/prepare, /run,
// ...) and the Node driver reads the workerd threads' CPU time around each /run (/run also returns the batch's
// performance.now() difference, for comparison). In Chromium the driver does the same around pageApi().run(),
// with the CPU time of the renderer thread, and run() returns the batch's performance.now() time.

/** The case every group has: nothing, for the per-request baseline. */
const NOOP = { id: 'noop', op: 'noop', run: () => undefined, expected: undefined };

const isThenable = (value) => value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';

/** Runs `c` k times on a state prepared beforehand; resolves to the last value. */
export async function runPrepared(c, state, k) {
  let last;
  for (let i = 0; i < k; i++) {
    last = c.run(state, i);
    if (isThenable(last)) last = await last;
  }
  return last;
}

const short = (value) => (typeof value === 'string' && value.length > 24 ? `${value.slice(0, 24)}…` : String(value));

function finder(group) {
  const all = [NOOP, ...group.cases];
  return (id) => {
    const c = all.find((x) => x.id === id);
    if (c === undefined) throw new Error(`no case ${JSON.stringify(id)} in ${group.library}`);
    return c;
  };
}

const describe = (group) => ({
  library: group.library,
  notes: group.notes ?? [],
  cases: group.cases.map((c) => ({ id: c.id, op: c.op })),
});

async function safeCheck(group) {
  try {
    return await group.check();
  } catch (error) {
    return { ok: false, rows: [{ name: 'check', ok: false, detail: String(error?.stack ?? error) }] };
  }
}

const json = (body, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

/**
 * A workerd module worker for `group`. Requests (all GET, answered with JSON):
 *   /noop                  nothing (HTTP baseline)
 *   /list                  the group's cases
 *   /prepare?case=&k=      builds the state of k runs and keeps it in the isolate (untimed by the driver)
 *   /run                   runs the prepared case k times; { ok } says whether the last value is the expected one
 *   /clock?case=&k=        prepares and runs, reading Date.now() and performance.now() before and after the runs,
 *                          and again after a setTimeout (I/O): shows whether the clocks are frozen during execution
 *   /check                 the group's agreement check (values against the vectors, server-half verification)
 */
export function workerHandler(group) {
  const find = finder(group);
  let prepared = null;
  return {
    async fetch(request) {
      const url = new URL(request.url);
      const q = url.searchParams;
      try {
        switch (url.pathname) {
          case '/noop':
            return json({ ok: true });
          case '/list':
            return json(describe(group));
          case '/prepare': {
            const c = find(q.get('case'));
            const k = Number(q.get('k') ?? 1);
            prepared = { c, k, state: c.prepare ? await c.prepare(k) : undefined };
            return json({ ok: true });
          }
          case '/run': {
            if (prepared === null) return json({ ok: false, error: 'nothing prepared' }, 400);
            const { c, k, state } = prepared;
            prepared = null;
            const p0 = performance.now();
            const last = await runPrepared(c, state, k);
            const isolateMs = performance.now() - p0;
            return json({ ok: last === c.expected, got: short(last), isolateMs });
          }
          case '/clock': {
            const c = find(q.get('case'));
            const k = Number(q.get('k') ?? 1);
            const state = c.prepare ? await c.prepare(k) : undefined;
            const d0 = Date.now();
            const p0 = performance.now();
            const last = await runPrepared(c, state, k);
            const d1 = Date.now();
            const p1 = performance.now();
            await new Promise((resolve) => setTimeout(resolve, 1));
            const d2 = Date.now();
            const p2 = performance.now();
            return json({ ok: last === c.expected, dateMs: d1 - d0, perfMs: p1 - p0, dateAfterIoMs: d2 - d0, perfAfterIoMs: p2 - p0 });
          }
          case '/check':
            return json(await safeCheck(group));
          default:
            return json({ ok: false, error: `unknown path ${url.pathname}` }, 404);
        }
      } catch (error) {
        return json({ ok: false, error: String(error?.stack ?? error) }, 500);
      }
    },
  };
}


/** Smallest non-zero step of performance.now() seen in a short spin (the browser coarsens it). */
function timerStep() {
  let best = Infinity;
  for (let n = 0; n < 20; n++) {
    const t0 = performance.now();
    let t1 = t0;
    while (t1 === t0) t1 = performance.now();
    best = Math.min(best, t1 - t0);
  }
  return best;
}

/**
 * The page API for Chromium (set as globalThis.__bench by the page entry). The Node driver calls prepare(id, k)
 * then run() for each batch (reading the renderer thread's CPU time around run()); run() also returns the batch's
 * performance.now() time; once() is the cold call of a fresh page.
 */
export function pageApi(group) {
  const find = finder(group);
  let prepared = null;
  return {
    describe: () => describe(group),
    check: () => safeCheck(group),
    timer: () => ({ crossOriginIsolated: globalThis.crossOriginIsolated === true, stepMs: timerStep() }),
    /** Keeps the page's thread busy for `ms` (the driver finds that thread by its CPU time). */
    spin(ms) {
      const end = performance.now() + ms;
      let n = 0;
      while (performance.now() < end) n++;
      return n;
    },
    /** Builds the state of k runs of case `id` (untimed); run() then times them. The Node driver reads CPU around run(). */
    async prepare(id, k) {
      const c = find(id);
      prepared = { c, k, state: c.prepare ? await c.prepare(k) : undefined };
    },
    async run() {
      if (prepared === null) throw new Error('nothing prepared');
      const { c, k, state } = prepared;
      prepared = null;
      const t0 = performance.now();
      const last = await runPrepared(c, state, k);
      const ms = performance.now() - t0;
      if (last !== c.expected) throw new Error(`${group.library} ${c.id}: got ${short(last)}, want ${short(c.expected)}`);
      return { ms };
    },
    /** One run on a fresh state: the first call of a fresh page is the cold one. */
    async once(id) {
      const c = find(id);
      const state = c.prepare ? await c.prepare(1) : undefined;
      const t0 = performance.now();
      const last = await runPrepared(c, state, 1);
      const ms = performance.now() - t0;
      return { ms, ok: last === c.expected, got: short(last) };
    },
  };
}

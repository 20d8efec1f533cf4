// The in-runtime half of scripts/runtimes/deno-bun-chromium.mjs, for Deno, Bun and Chromium alike (Web APIs only: no
// Deno, Bun, Node or DOM API is required). It gets the module namespace of the bundle suite.mjs makes (the one
// workerd runs) and runs every exported handler's `test()` the way `workerd test` does, one after the other. What it
// prints, with console.log (stdout) and console.error (stderr):
//   RUNTIME <name> <version> <userAgent>                  who we are (read by runInRuntime for its log)
//   CASE PASS|FAIL driver/runtime:is-<name>[: reason]     the runtime is the one asked for (Deno.version, ...)
//   GROUP driver passed=<n> failed=<m>
//   ...the suite's own CASE / GROUP lines (vitest-harness.mjs)...
//   [ TEST ] main:<export>  then  [ PASS ] / [ FAIL ] main:<export> (<reason>)   on stderr, as workerd prints them
//   DRIVER DONE                                           last; its absence means a crash or a hang
// It never decides pass or fail: runInRuntime counts the lines with workerd.mjs's countOutput().

const oneLine = (text) => String(text).replace(/\s+/g, ' ').trim();

/** The runtime's own evidence that it is `runtime` (not Node, not workerd): a reason when it is not. */
function identify(runtime) {
  const g = globalThis;
  const agent = String(g.navigator?.userAgent ?? '');
  if (runtime === 'deno') {
    const version = g.Deno?.version?.deno;
    if (typeof version !== 'string') return { problem: 'no Deno.version.deno' };
    if (agent !== `Deno/${version}`) return { problem: `navigator.userAgent is ${JSON.stringify(agent)}, want Deno/${version}` };
    if (g.Bun !== undefined) return { problem: 'Bun is defined too' };
    return { version };
  }
  if (runtime === 'bun') {
    const version = g.Bun?.version;
    if (typeof version !== 'string') return { problem: 'no Bun.version' };
    if (agent !== `Bun/${version}`) return { problem: `navigator.userAgent is ${JSON.stringify(agent)}, want Bun/${version}` };
    if (g.Deno !== undefined) return { problem: 'Deno is defined too' };
    return { version };
  }
  if (runtime === 'chromium') {
    const m = /HeadlessChrome\/(\S+)/.exec(agent);
    if (!m) return { problem: `navigator.userAgent is ${JSON.stringify(agent)}, want HeadlessChrome` };
    if (g.Deno !== undefined || g.Bun !== undefined || g.process !== undefined) return { problem: 'Deno, Bun or process is defined in the page' };
    if (typeof g.document?.createElement !== 'function') return { problem: 'not a window (no document)' };
    return { version: m[1] };
  }
  return { problem: `unknown runtime ${JSON.stringify(runtime)}` };
}

/**
 * Runs every `test` handler of `worker` (the bundle's namespace): `default` first (workerd's `main`), then the
 * named exports (`main:<name>`). `env` is `{ runtime }`: workerd passes its bindings there (none), so a worker can
 * tell the two apart; vitest-harness.mjs does not read it.
 */
export async function runHandlers(worker, runtime) {
  const who = identify(runtime);
  console.log(`RUNTIME ${runtime} ${who.version ?? '?'} ${oneLine(globalThis.navigator?.userAgent ?? '')}`);
  console.log(who.problem === undefined ? `CASE PASS driver/runtime:is-${runtime}` : `CASE FAIL driver/runtime:is-${runtime}: ${oneLine(who.problem)}`);
  console.log(`GROUP driver passed=${who.problem === undefined ? 1 : 0} failed=${who.problem === undefined ? 0 : 1}`);

  const names = Object.keys(worker).sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : 0));
  const env = { runtime };
  const ctx = { waitUntil() {}, passThroughOnException() {} };
  for (const name of names) {
    const entry = name === 'default' ? 'main' : `main:${name}`;
    const handler = worker[name];
    if (typeof handler?.test !== 'function') continue; // not a test handler (workerd would not run it either)
    console.error(`[ TEST ] ${entry}`);
    const started = Date.now();
    try {
      await handler.test({ scheduledTime: Date.now(), cron: '' }, env, ctx);
      console.error(`[ PASS ] ${entry} (${Date.now() - started} ms)`);
    } catch (error) {
      console.error(`[ FAIL ] ${entry} (${oneLine(error instanceof Error ? `${error.name}: ${error.message}` : error)})`);
    }
  }
  console.log('DRIVER DONE');
}

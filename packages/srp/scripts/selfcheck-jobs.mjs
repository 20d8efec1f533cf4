// The job loop both runner self-checks share (packages/srp/scripts/test-workerd-selfcheck.mjs and
// scripts/runtimes/selfcheck.mjs): run the jobs two at a time, print one line each and the summary
// `<runner>: N passed, M failed`, write {runner, passed, failed} to RESULTS_FILE, and return the exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {Array<() => Promise<{ name: string, ok: boolean, detail: string }>>} jobs */
export async function runSelfcheckJobs(runner, jobs, started) {
  // Two at a time: this machine has two cores.
  const results = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < jobs.length) {
        const index = next++;
        try {
          results[index] = await jobs[index]();
        } catch (error) {
          results[index] = { name: `job ${index}`, ok: false, detail: `threw: ${error?.stack ?? error}` };
        }
      }
    }),
  );
  let passed = 0;
  for (const r of results) {
    if (r.ok) passed++;
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.ok ? '' : `\n       ${r.detail}`}`);
    if (r.ok && process.argv.includes('--verbose')) console.log(`       ${r.detail}`);
  }
  console.log(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${runner}: ${passed} passed, ${results.length - passed} failed`);
  if (process.env.RESULTS_FILE) {
    mkdirSync(dirname(process.env.RESULTS_FILE), { recursive: true });
    writeFileSync(process.env.RESULTS_FILE, JSON.stringify({ runner, passed, failed: results.length - passed }) + '\n');
  }
  return passed === results.length ? 0 : 1;
}

// Runs bundled vitest test files with @vitest/runner (vitest's own collector and runner) and prints one line per
// test in the format workerd.mjs's countOutput() counts, for workerd (workerd.mjs) and Deno, Bun and Chromium
// (deno-bun-chromium.mjs) alike:
//   CASE PASS|FAIL|SKIP <file>/<describe>_>_<test>[: reason]     (whitespace in names becomes _)
//   GROUP <file> passed=<n> failed=<m>                            one per test file
// A file that fails to load (a top-level ReferenceError for Buffer, say) is one failing case, `<file>/(load)`.
// scripts/runtimes/suite.mjs generates the entry that calls suiteWorker() with the test files' loaders.
import { startTests } from '@vitest/runner';

const oneLine = (text) => String(text).replace(/\s+/g, ' ').trim();
const caseName = (text) => text.replace(/\s+/g, '_');

function describeError(error) {
  if (error === undefined || error === null) return 'failed';
  const name = error.name ?? 'Error';
  const message = error.message ?? String(error);
  return oneLine(`${name}: ${message}`).slice(0, 600);
}

/** Every test of a task tree with the names of its suites, in order. */
function* testsOf(task, names = []) {
  if (task.type === 'test') {
    yield { test: task, path: [...names, task.name] };
    return;
  }
  for (const child of task.tasks ?? []) yield* testsOf(child, task.type === 'suite' ? [...names, task.name] : names);
}

function runnerConfig(testTimeout) {
  return {
    root: '/',
    setupFiles: [],
    name: undefined,
    passWithNoTests: false,
    testNamePattern: undefined,
    allowOnly: false,
    sequence: { shuffle: false, concurrent: false, seed: 0, hooks: 'stack', setupFiles: 'parallel' },
    chaiConfig: undefined,
    maxConcurrency: 1,
    testTimeout,
    hookTimeout: testTimeout,
    retry: 0,
    includeTaskLocation: false,
    diffOptions: undefined,
    tags: [],
    tagsFilter: undefined,
    strictTags: false,
  };
}

/**
 * Collects and runs `files` ({ '<package>/test/x.test.ts': () => import(...) }) in order, prints the CASE / GROUP
 * lines and returns { passed, failed }.
 */
export async function runSuite(files, { testTimeout = 300_000 } = {}) {
  const names = Object.keys(files);
  const runner = {
    config: runnerConfig(testTimeout),
    importFile: (filepath) => files[filepath](),
  };
  const results = await startTests(names, runner);
  let passed = 0;
  let failed = 0;
  for (const file of results) {
    // @vitest/runner resolves the names given to it against the current directory: map back to ours.
    const group = caseName(names.find((name) => file.filepath === name || file.filepath.endsWith('/' + name)) ?? file.filepath);
    let filePassed = 0;
    let fileFailed = 0;
    const line = (state, name, reason) => console.log(`CASE ${state} ${group}/${caseName(name)}${reason ? `: ${reason}` : ''}`);
    // A file whose import or top-level code threw: vitest marks the file failed and may have collected nothing.
    const fileErrors = file.result?.errors ?? [];
    if (file.result?.state === 'fail' && fileErrors.length > 0) {
      line('FAIL', '(load)', describeError(fileErrors[0]));
      fileFailed++;
    }
    let seen = 0;
    for (const { test, path } of (file.tasks ?? []).flatMap((task) => [...testsOf(task)])) {
      seen++;
      const state = test.result?.state;
      const name = path.join(' > ');
      if (test.mode === 'skip' || test.mode === 'todo' || state === 'skip') {
        line('SKIP', name, test.mode === 'todo' ? 'todo' : 'skipped in the test file');
      } else if (state === 'pass') {
        line('PASS', name);
        filePassed++;
      } else {
        line('FAIL', name, describeError(test.result?.errors?.[0] ?? (state === undefined ? { name: 'NotRun', message: 'the test never ran' } : undefined)));
        fileFailed++;
      }
    }
    if (seen === 0 && fileFailed === 0) {
      line('FAIL', '(empty)', 'the file registered no test');
      fileFailed++;
    }
    console.log(`GROUP ${group} passed=${filePassed} failed=${fileFailed}`);
    passed += filePassed;
    failed += fileFailed;
  }
  return { passed, failed };
}

/** A workerd-style module whose `test()` runs the suite and throws when a case failed (workerd's exit code). */
export function suiteWorker(files, options) {
  return {
    async test() {
      const { passed, failed } = await runSuite(files, options);
      if (failed > 0) throw new Error(`suite: ${failed} failed, ${passed} passed`);
      if (passed === 0) throw new Error('suite ran no case');
    },
  };
}

// Mutation testing of the request builder with Stryker (`pnpm test:mutation`; report in reports/mutation/).
// Scope: the validation, the flows, the wire shapes, HTTP and redaction (src/*.ts). Not mutated: index.ts and
// types.ts (re-exports and types). The CLI is its own package now (@cognito-kit/cli) and is not mutated.
// Surviving mutants are explained in MUTATION.md, one by one.
process.env.FUZZ_RUNS ??= '40';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  coverageAnalysis: 'perTest',
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  mutate: ['src/*.ts', '!src/index.ts', '!src/types.ts', '!src/web-globals.d.ts'],
  ignorePatterns: ['dist', 'reports', 'coverage'],
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 95, low: 90, break: null },
  // Later runs re-test only mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

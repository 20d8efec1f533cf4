// Mutation testing of the SRP core with Stryker (`pnpm test:mutation`; report in reports/mutation/).
// Scope: every module with math, encodings or checks (index.ts only re-exports). Surviving mutants are explained,
// one by one, in MUTATION.md. Slow on two cores: run it as its own job, not in the default test run.
// Fuzz properties run few cases per mutant (their full counts are for `pnpm test:fuzz`); the config is loaded in the
// main process, whose environment the test-runner processes inherit.
process.env.FUZZ_RUNS ??= '40';
process.env.COGNITO_KIT_ROOT ??= new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

const MATH_AND_ENCODINGS = [
  'src/pad.ts',
  'src/encoding.ts',
  'src/steps.ts',
  'src/timestamp.ts',
  'src/secret-hash.ts',
  'src/modpow.ts',
  'src/password-claim.ts',
  'src/limits.ts',
  'src/pool.ts',
  'src/group.ts',
  'src/montgomery.ts',
  'src/fixed-base.ts',
  'src/sha256.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: N, the base64 table, the weekday names, HKDF_INFO) need the whole suite
  // per mutant, about half the run time; STRYKER_STATIC=1 includes them. See MUTATION.md.
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  // The SRP math and encodings (the >= 90% target); STRYKER_SCOPE=all adds the flows, sessions and the server half.
  mutate: process.env.STRYKER_SCOPE === 'all' ? ['src/**/*.ts', '!src/index.ts', '!src/web-globals.d.ts'] : MATH_AND_ENCODINGS,
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

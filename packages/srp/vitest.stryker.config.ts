import { defineConfig } from 'vitest/config';
// Stryker runs this config from a copy of the package (.stryker-tmp/sandbox-*), where '../../' is not the repository
// root: stryker.config.mjs passes the real root in COGNITO_KIT_ROOT.
const root = process.env.COGNITO_KIT_ROOT ?? new URL('../..', import.meta.url).pathname;
const { vectorsPlugin } = await import(`${root}/scripts/runtimes/vectors.mjs`);

// The suite Stryker runs against each mutant: the Node suite without the portability checks, which read the source
// text (Stryker's instrumented source names `globalThis.__stryker__`, so they fail before any mutant is tried), and
// without the amazon-cognito-identity-js runs (14 s per mutant; the vectors check the same values), and without
// u-zero.node.test.ts, whose vi.mock of SHA-256 cannot take effect where Stryker's runner shares loaded modules
// between test files.
export default defineConfig({
  plugins: [vectorsPlugin()],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/portability*.test.ts', 'test/load/**', 'test/reference-client*.test.ts', 'test/u-zero.node.test.ts'],
    setupFiles: ['test/helpers/fixed-seed.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});

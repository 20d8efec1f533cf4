import { defineConfig } from 'vitest/config';

// The suite Stryker runs against each mutant of src/*.ts: everything but the moto end-to-end suite (needs a moto
// server) and the portability checks (they read the source text, which Stryker instruments).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/e2e-moto*.test.ts', 'test/portability*.test.ts'],
    setupFiles: ['test/helpers/fixed-seed.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 60_000,
    // Property tests run many 3072-bit exponentiations: two workers match this machine's two cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});

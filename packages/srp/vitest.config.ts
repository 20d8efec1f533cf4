import { defineConfig } from 'vitest/config';
import { vectorsPlugin } from '../../scripts/runtimes/vectors.mjs';

// Node: every test file, the portable ones and the `*.node.test.ts` ones (Node built-ins, CommonJS oracles).
// vitest.edge.config.ts runs the portable ones in edge-runtime; scripts/runtimes/suite.mjs bundles them for workerd,
// Deno, Bun and Chromium.
export default defineConfig({
  plugins: [vectorsPlugin()],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 60_000,
    // Property tests run many 3072-bit exponentiations: two workers match this machine's two cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});

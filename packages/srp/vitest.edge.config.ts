import { defineConfig } from 'vitest/config';
import { vectorsPlugin } from '../../scripts/runtimes/vectors.mjs';

// The portable test files (every *.test.ts but the Node-only *.node.test.ts) in vitest's edge-runtime environment
// (@edge-runtime/vm, what Vercel Edge runs). Not isolated: Node's Buffer and node:* still work inside, so the
// workerd run (scripts/runtimes/suite.mjs) is the one that catches Node-only code; this one checks the Edge globals.
export default defineConfig({
  plugins: [vectorsPlugin()],
  test: {
    environment: 'edge-runtime',
    setupFiles: ['../../scripts/runtimes/edge-setup.mjs'],
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.node.test.ts', 'test/**/*.native.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

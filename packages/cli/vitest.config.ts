import { defineConfig } from 'vitest/config';

// Every test here is Node-only (*.node.test.ts): they run the built CLI (dist/main.js) in child processes.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

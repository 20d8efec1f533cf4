// setupFiles of packages/*/vitest.edge.config.ts: refuse to run the suite anywhere but inside @edge-runtime/vm,
// so a config mistake cannot turn the edge-runtime run into a second Node run. edge-runtime defines the global
// `EdgeRuntime` (a string), as Vercel's Edge runtime does.
if (typeof globalThis.EdgeRuntime !== 'string') {
  throw new Error(`not inside edge-runtime: globalThis.EdgeRuntime is ${typeof globalThis.EdgeRuntime}`);
}

// The vectors module that scripts/test-workerd.mjs generates and bundles into the worker (esbuild JSON loader):
// every vector file found at bundle time, each id once.
declare module 'cognito-kit:workerd-vectors' {
  interface WorkerdVector {
    id: string;
    kind: string;
    description?: string;
    input: Record<string, unknown>;
    expected: Record<string, unknown>;
    /** The file the vector came from, relative to the repo root (added by the runner). */
    file: string;
  }
  const data: {
    sources: { file: string; vectors: number; added: number }[];
    vectors: WorkerdVector[];
  };
  export default data;
}

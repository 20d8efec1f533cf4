// The module 'cognito-kit:workerd-vectors' for vitest (a Vite plugin): every vector file, loaded and de-duplicated by
// the workerd runner's own loadVectors(), so the vitest suites in Node and edge-runtime read exactly the vectors the
// bundles carry into workerd, Deno, Bun and Chromium (packages/srp/test/helpers/vectors.ts imports it).
import { defaultVectorFiles, loadVectors } from '../../packages/srp/scripts/test-workerd.mjs';

const ID = 'cognito-kit:workerd-vectors';
const RESOLVED = '\0' + ID;

export function vectorsPlugin() {
  return {
    name: 'cognito-kit-vectors',
    enforce: 'pre',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      return `export default ${JSON.stringify(loadVectors(defaultVectorFiles()))};\n`;
    },
  };
}

// The fixed input (lib/vector.mjs) and @cognito-kit/srp as one import, for the modPow experiments
// (experiments/run.mjs). The side-by-side benchmarks run each implementation from its own bundle instead
// (lib/peers/*.mjs, lib/bundle.mjs).
export { BENCH_DIR, REPO_DIR, VECTOR_FILE, challengeParameters, device, deviceVector, expected, fixedBytes, input, secret, secretVector, srpVector } from './vector.mjs';

export const kit = await import('@cognito-kit/srp');

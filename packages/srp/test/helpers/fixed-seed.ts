// Setup file of the Stryker runs (vitest.stryker.config.ts): one fixed fast-check seed. @fast-check/vitest puts the
// seed in each property's test name, and Stryker runs each mutant against the tests that covered it, found by name:
// with a fresh random seed per process no property test would ever match, and none would be run against a mutant.
import { fc } from '@fast-check/vitest';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_126) });

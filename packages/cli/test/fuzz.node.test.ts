// Fuzzing the CLI's flag parser (parseFlags) and its KEY=VALUE maps (keyValueMap) with hostile values: arbitrary and
// huge strings, lone surrogates, `__proto__`/`constructor` keys, flags mixed in. Each call must return flags or a map,
// or throw a UsageError that never repeats a value typed on the command line (it may be a secret); never a bare
// TypeError, never a hang; the (frozen) input unchanged, Object.prototype untouched. CI runs the counts below;
// `pnpm test:fuzz` sets FUZZ_RUNS=20000. (Moved from the request builder's fuzz suite with the CLI.)
import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError, keyValueMap, parseFlags } from '../src/args.js';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS);
/** `FUZZ_RUNS` when set (`pnpm test:fuzz`), else the CI count. */
const runs = (ci: number) => (Number.isInteger(FUZZ_RUNS) && FUZZ_RUNS > 0 ? FUZZ_RUNS : ci);

const MB = 1024 * 1024;
const HUGE = ['a'.repeat(10 * MB), '0'.repeat(MB), 'é'.repeat(MB), '\udfff'.repeat(MB), 'QUJD'.repeat(MB / 4)];
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', 'us-east-1', 'us-east-1_Pool1', '__proto__', 'PASSWORD_VERIFIER', 'USER_SRP_AUTH', '\ud800'),
  fc.constantFrom(...HUGE),
);

function snapshot(value: unknown): string {
  if (typeof value === 'string') return value.length > 256 ? `<string of ${value.length}>` : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => snapshot(item)).join(',')}]`;
  return String(value);
}
const objectPrototypeKeys = Reflect.ownKeys(Object.prototype).length;
function expectNoPollution() {
  expect(Reflect.ownKeys(Object.prototype)).toHaveLength(objectPrototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
afterEach(() => expectNoPollution());

/** Calls under the contract: frozen args, unchanged after; a throw is a UsageError with a message; at most 2 s. */
function underContract<R>(args: readonly string[], call: (a: readonly string[]) => R): { ok: true; value: R } | { ok: false; error: UsageError } {
  const before = snapshot(args);
  Object.freeze(args);
  const start = performance.now();
  let outcome: { ok: true; value: R } | { ok: false; error: UsageError };
  try {
    outcome = { ok: true, value: call(args) };
  } catch (error) {
    if (!(error instanceof UsageError)) {
      throw new Error(`threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message} instead of a UsageError`, { cause: error });
    }
    expect(error.message.length).toBeGreaterThan(0);
    outcome = { ok: false, error };
  }
  expect(performance.now() - start).toBeLessThan(2_000);
  expect(snapshot(args)).toEqual(before);
  expectNoPollution();
  return outcome;
}

describe('fuzz: the CLI flag parser', () => {
  const spec = { 'user-pool-id': { type: 'string' as const }, 'client-metadata': { type: 'string' as const, multiple: true }, flag: { type: 'boolean' as const, short: 'f' } };
  const argv = fc.array(fc.oneof(anyString.filter((s) => s.length < 1000), fc.constantFrom('--user-pool-id', '--flag', '-f', '--password', '--', '--client-metadata', '-h', '--user-pool-id=x')), { maxLength: 6 });
  // the example is the counterexample CI found: 'ents' is in the message's own word "arguments"
  test.prop([argv], { numRuns: runs(1500), examples: [[['', 'ents']]] })('parseFlags: flags or a UsageError that never repeats a value', (args) => {
    const parse = (a: readonly string[]) => parseFlags('fuzz', a, spec, [{ flag: 'password', instead: 'use COGNITO_PASSWORD' }]);
    const outcome = underContract(args, parse);
    if (!outcome.ok) {
      // A value typed on the command line may be a secret: no argument longer than a flag name is echoed. A value may
      // also be a piece of the message's own wording ('ents' of "arguments"): the same call with that value replaced
      // by a filler of its length says whether the wording holds it.
      for (const [index, arg] of args.entries()) {
        if (arg.length <= 3 || arg.startsWith('-')) continue;
        const filler = args.map((other, i) => (i === index ? '\u2603'.repeat(arg.length) : other));
        const wording = underContract(filler, parse);
        if (!wording.ok && wording.error.message.includes(arg)) continue;
        expect(outcome.error.message).not.toContain(arg);
      }
    }
  });

  test.prop([fc.array(fc.oneof(anyString.filter((s) => s.length < 1000), fc.constantFrom('__proto__=x', 'constructor=y', 'k=v', 'k=w', '=v')), { maxLength: 5 })], { numRuns: runs(1500) })(
    'keyValueMap: every pair as an own member (also __proto__), or a UsageError',
    (pairs) => {
      const outcome = underContract(pairs, (p) => keyValueMap(p, '--client-metadata'));
      if (outcome.ok && outcome.value !== undefined) {
        expect(Object.keys(outcome.value)).toHaveLength(pairs.length);
        for (const pair of pairs) {
          const at = pair.indexOf('=');
          expect(Object.getOwnPropertyDescriptor(outcome.value, pair.slice(0, at))?.value).toBe(pair.slice(at + 1));
        }
      }
    },
  );
});

describe('regressions found by fuzzing', () => {
  it('the CLI keeps a --client-metadata __proto__=x pair', () => {
    expect(JSON.stringify(keyValueMap(['__proto__=x'], '--client-metadata'))).toBe('{"__proto__":"x"}');
  });
});

// Shared by the fuzz suites: hostile values, and the contract every public function must keep for any input:
// return, or throw SrpError with a documented code; never a bare TypeError/RangeError, never hang, never change its
// input, never add anything to Object.prototype or Array.prototype.
import { fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { SrpError, type SrpErrorCode } from '../../src/index.js';

/**
 * Runs per property: `FUZZ_RUNS` when set (`pnpm test:fuzz` sets 20,000; Stryker sets 40), else `ci`, the count the
 * default test run affords.
 */
export function runs(ci: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : ci;
}

/** Every code SrpErrorCode documents (errors.ts). A code outside this list fails the contract. */
export const SRP_ERROR_CODES: readonly SrpErrorCode[] = [
  'INVALID_ARGUMENT',
  'INVALID_HEX',
  'INVALID_SALT',
  'INVALID_SRP_A',
  'INVALID_SRP_B',
  'INVALID_U',
  'INVALID_SECRET_BLOCK',
  'INVALID_BASE64',
  'INVALID_USER_POOL_ID',
  'INVALID_DATE',
  'MISSING_CHALLENGE_PARAMETER',
  'DEVICE_KEY_MISMATCH',
  'INVALID_SESSION',
  'SESSION_ALREADY_USED',
  'RANDOM_UNAVAILABLE',
  'INVALID_RANDOM_BYTES',
  'INPUT_TOO_LARGE',
  'ENGINE_UNAVAILABLE',
];

const MB = 1024 * 1024;
/** Large values built once: 1 MB and 10 MB of hex, base64 and text, and one of lone surrogates. */
export const HUGE_STRINGS: readonly string[] = [
  'f'.repeat(MB),
  '0'.repeat(10 * MB),
  'QUJD'.repeat((10 * MB) / 4),
  'é'.repeat(MB),
  '\ud800'.repeat(MB),
  '😀'.repeat(MB / 2),
];

/** Keys that attack prototypes or shadow Object.prototype's members. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** Strings of every kind: printable, any code unit (lone surrogates included), numeric-looking, hex-looking, huge. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 32 }),
  fc.stringMatching(/^[0-9a-fA-F]{0,800}$/),
  fc.stringMatching(/^[A-Za-z0-9+/]{0,64}={0,2}$/),
  fc.constantFrom('', ' ', '0', '-1', '0x1f', 'NaN', '1e309', '\u0000', 'ß', '\ud83d', '\udc00', '__proto__', 'constructor'),
  fc.constantFrom(...HUGE_STRINGS),
);

/** Any JavaScript value, including objects with hostile keys and null prototypes, bigints, dates, typed arrays. */
export const anything: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyString },
  fc.anything({
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_KEYS)),
    maxDepth: 2,
    maxKeys: 4,
    withBigInt: true,
    withDate: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
  fc.bigInt({ min: -(1n << 4096n), max: 1n << 4096n }),
  fc.constantFrom(undefined, null, 0, -0, NaN, Infinity, 1n, true, Symbol('s'), () => 'x', new Date(NaN)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as unknown),
);

/** `value`, or `anything` instead of it now and then: a member that is present, missing, or of the wrong type. */
export function sometimes<T>(value: fc.Arbitrary<T>, weight = 3): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight, arbitrary: value }, { weight: 1, arbitrary: anything }, { weight: 1, arbitrary: fc.constant(undefined) });
}

/** A stable text image of a value (bigints, typed arrays, dates, symbols, null prototypes and cycles included). */
export function snapshot(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value === 'string' && value.length > 256) return `<string of ${value.length}>`; // immutable anyway
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value !== 'object' || value === null) return typeof value === 'number' ? String(value) : JSON.stringify(value) ?? 'undefined';
  if (seen.has(value)) return '<cycle>';
  seen.add(value);
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}[${Array.from(value as Uint8Array).join(',')}]`;
  if (value instanceof Date) {
    let time: number | string;
    try {
      time = Date.prototype.getTime.call(value);
    } catch {
      time = 'not a Date';
    }
    return `Date(${time})`;
  }
  const keys = Reflect.ownKeys(value).map((key) => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    const shown = 'value' in descriptor ? snapshot(descriptor.value, seen) : '<accessor>';
    return `${String(key)}:${shown}`;
  });
  return `${Object.getPrototypeOf(value) === null ? 'null-proto' : ''}{${keys.join(',')}}`;
}

/** Freezes plain objects and arrays deeply (typed arrays cannot be frozen; `snapshot` covers them). */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if ('value' in descriptor) deepFreeze(descriptor.value, seen);
  }
  return Object.freeze(value);
}

const objectPrototypeKeys = Reflect.ownKeys(Object.prototype).length;
const arrayPrototypeKeys = Reflect.ownKeys(Array.prototype).length;

/** Fails if anything was added to Object.prototype or Array.prototype. */
export function expectNoPrototypePollution(): void {
  expect(Reflect.ownKeys(Object.prototype)).toHaveLength(objectPrototypeKeys);
  expect(Reflect.ownKeys(Array.prototype)).toHaveLength(arrayPrototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Longest a single call may take before it counts as a hang (wide: a login costs ~11 ms, a loaded CI box more). */
export const HANG_MS = 2_000;

/**
 * Calls `call(...args)` under the contract: the args are frozen and must be unchanged afterwards; a throw must be an
 * SrpError with a documented code, a string `field` or none, and a non-empty message. Returns the outcome.
 */
export function underContract<R>(args: unknown[], call: (...args: never[]) => R): { ok: true; value: R } | { ok: false; error: SrpError } {
  const before = args.map((arg) => snapshot(arg));
  for (const arg of args) deepFreeze(arg);
  const start = performance.now();
  let outcome: { ok: true; value: R } | { ok: false; error: SrpError };
  try {
    outcome = { ok: true, value: call(...(args as never[])) };
  } catch (error) {
    if (!(error instanceof SrpError)) {
      throw new Error(`threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message} instead of an SrpError`, { cause: error });
    }
    expect(SRP_ERROR_CODES).toContain(error.code);
    expect(error.name).toBe('SrpError');
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.field === undefined || typeof error.field === 'string').toBe(true);
    outcome = { ok: false, error };
  }
  expect(performance.now() - start).toBeLessThan(HANG_MS);
  expect(args.map((arg) => snapshot(arg))).toEqual(before);
  expectNoPrototypePollution();
  return outcome;
}

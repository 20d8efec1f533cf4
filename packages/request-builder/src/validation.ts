/**
 * Collects violations of the model while a request is built, so one throw reports all of them. The checks are
 * plain functions over the list of issues found so far; every message is the member's path followed by one short,
 * uniform phrase built from the shape tables, so a message names the member and the rule, never the value.
 *
 * A builder reads every member with these checks, then calls {@link throwIfAny} before it uses a value: a check that
 * records an issue may return a stand-in (`''` for a required string) that is never used.
 *
 * @module
 */
import { isSrpSession, type SrpError, type SrpSession } from '@cognito-kit/srp';
import { RequestValidationError, fail, type ValidationCode, type ValidationIssue } from './errors.js';
import { SHAPES, type StringShape } from './model.js';

/** The issues found so far while one request is built. */
export type Issues = ValidationIssue[];

/** Records an issue; its message is `path` followed by `text`. Returns undefined, for `return add(...)`. */
export function add(issues: Issues, code: ValidationCode, path: string, text: string): undefined {
  issues.push({ code, path, message: `${path} ${text}` });
}

/** Throws every issue found, in the order found, as one {@link RequestValidationError}. */
export function throwIfAny(issues: Issues): void {
  if (issues.length > 0) throw new RequestValidationError(issues);
}

/**
 * Throws every issue found; otherwise returns `value`, which a check leaves undefined only after recording an issue
 * (so an undefined value with no issue is a bug of this package, not bad input).
 */
export function checked<T>(issues: Issues, value: T | undefined): T {
  throwIfAny(issues);
  if (value === undefined) throw new TypeError('a check returned nothing but recorded no issue');
  return value;
}

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The input of a builder as a record of members; anything else is refused at once (`input must be an object`). */
export function inputRecord(input: unknown): Record<string, unknown> {
  if (!isRecord(input)) return fail('INVALID_TYPE', 'input', 'must be an object');
  return input;
}

/** Path of a member under `parent`: `a.b`, or `a["odd key"]` for map keys. */
export function childPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** Whether `value` is given; reports REQUIRED when it is not but must be. */
function given(issues: Issues, value: unknown, path: string, required: boolean | undefined): boolean {
  if (value === undefined && required) add(issues, 'REQUIRED', path, 'is required');
  return value !== undefined;
}

/** Checks a string against a model shape. Returns the value when it is a string (even an invalid one). */
export function str(issues: Issues, value: unknown, path: string, shape: StringShape, required?: boolean): string | undefined {
  if (!given(issues, value, path, required)) return undefined;
  if (typeof value !== 'string') return add(issues, 'INVALID_TYPE', path, 'must be a string');
  const { name, min = 0, max = Infinity, pattern } = shape;
  // Length in Unicode code points, as Smithy's `length` trait counts (not UTF-16 units). A string of more than 2·max
  // UTF-16 units has more than max code points: it is not walked, so a hostile 10 MB value costs a comparison.
  const length = value.length > 2 * max ? Infinity : [...value].length;
  if (length < min || length > max) {
    // Described by its length only, never its content: the value may be a secret.
    const got = length < Infinity ? length : `more than ${2 * max}`;
    add(issues, length < min ? 'TOO_SHORT' : 'TOO_LONG', path, `must have ${min} to ${max} characters (${name}), got ${got}`);
  } else if (pattern !== undefined && !pattern.test(value)) {
    add(issues, 'PATTERN', path, `must be ${shape.patternText} (${name})`);
  }
  return value;
}

/** A required string: as {@link str}, but `''` stands in for a missing or non-string value (an issue is recorded). */
export function requiredStr(issues: Issues, value: unknown, path: string, shape: StringShape): string {
  return str(issues, value, path, shape, true) ?? '';
}

/** The keys of a map: StringType as well, named apart in messages. */
const MAP_KEY: StringShape = { ...SHAPES.StringType, name: 'StringType, in the key' };

/**
 * Checks a map of StringType to StringType; entries given as undefined are absent, as the SDK treats them. The copy
 * is built with Object.defineProperty, which makes every key an own member, also `__proto__` (plain assignment would
 * set the prototype, or silently drop a string value, instead).
 */
export function stringMap(issues: Issues, value: unknown, path: string, required?: boolean): Record<string, string> | undefined {
  if (!given(issues, value, path, required)) return undefined;
  if (!isRecord(value)) return add(issues, 'INVALID_TYPE', path, 'must be an object of strings');
  const copy: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined) continue;
    const entryPath = childPath(path, key);
    str(issues, key, entryPath, MAP_KEY);
    const text = str(issues, entry, entryPath, SHAPES.StringType);
    if (text !== undefined) Object.defineProperty(copy, key, { value: text, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Checks that `value` is a plain object; reports INVALID_TYPE otherwise. */
export function obj(issues: Issues, value: unknown, path: string): Record<string, unknown> | undefined {
  return isRecord(value) ? value : add(issues, 'INVALID_TYPE', path, 'must be an object');
}

/** Reports every member of `input` that is not in `allowed` (and not undefined): it would be dropped silently. */
export function onlyFields(issues: Issues, input: Record<string, unknown>, allowed: readonly string[], context: string, path = ''): void {
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && !allowed.includes(key)) add(issues, 'UNEXPECTED_FIELD', childPath(path, key), `is not used ${context}`);
  }
}

/** `srpSession`, when given: it must be a session made by `@cognito-kit/srp` (a copy has no secrets to answer with). */
export function srpSessionOf(issues: Issues, value: unknown, required?: boolean): SrpSession | undefined {
  if (!given(issues, value, 'srpSession', required)) return undefined;
  if (isSrpSession(value)) return value;
  return add(issues, 'INVALID_SRP_SESSION', 'srpSession', 'must be a session of @cognito-kit/srp');
}

/**
 * A request as it goes on the wire: its JSON text and, parsed back, its members (a fresh deep copy, in which
 * `__proto__` is an own member). Requests are objects of JSON data: anything else (an array, a bigint, a cycle, or
 * an object whose toJSON makes it something else, such as an invalid Date's `null`) is refused.
 */
export function wireRequest(request: unknown): { json: string; members: Record<string, unknown> } {
  let json: string | undefined;
  try {
    // undefined when a toJSON returns undefined: no JSON either
    json = isRecord(request) ? JSON.stringify(request) : undefined;
  } catch {
    // a bigint, a cycle or a throwing toJSON: not a request
  }
  const members: unknown = json === undefined ? undefined : JSON.parse(json);
  if (json === undefined || !isRecord(members)) return fail('INVALID_TYPE', 'request', 'must be an object of JSON data');
  return { json, members };
}

/** Message of both USERNAME_REQUIRED_FOR_SECRET_HASH issues. */
export const FOR_SECRET_HASH = 'is required with a clientSecret: SECRET_HASH is computed over it';

/** The text of an issue for an SrpError: its message (which never holds a secret) and its code. */
export function srpRefusal(error: SrpError): string {
  return `is refused: ${error.message} (${error.code})`;
}

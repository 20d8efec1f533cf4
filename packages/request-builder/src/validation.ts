/**
 * Collects violations of the model while a request is built, so one throw reports all of them. The checks are
 * plain functions over the list of issues found so far (`v`); every message is the member's path followed by one
 * short, uniform phrase built from the shape tables, so a message names the member and the rule, never the value.
 *
 * @module
 */
import { isSrpSession, type SrpError, type SrpSession } from '@cognito-kit/srp';
import { fail, type ValidationCode, type ValidationIssue } from './errors.js';
import { SHAPES, type StringShape } from './model.js';

/** The issues found so far while one request is built. */
export type Issues = ValidationIssue[];

/** Records an issue; its message is `path` followed by `text`. Returns undefined, for `return add(...)`. */
export function add(v: Issues, code: ValidationCode, path: string, text: string): undefined {
  v.push({ code, path, message: `${path} ${text}` });
}

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Path of a member under `parent`: `a.b`, or `a["odd key"]` for map keys. */
export function childPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** Whether `value` is given; reports REQUIRED when it is not but must be. */
function given(v: Issues, value: unknown, path: string, required: boolean | undefined): boolean {
  if (value === undefined && required) add(v, 'REQUIRED', path, 'is required');
  return value !== undefined;
}

/** Checks a string against a model shape. Returns the value when it is a string (even an invalid one). */
export function str(v: Issues, value: unknown, path: string, shape: StringShape, required?: boolean): string | undefined {
  if (!given(v, value, path, required)) return undefined;
  if (typeof value !== 'string') return add(v, 'INVALID_TYPE', path, 'must be a string');
  const { name, min = 0, max = Infinity, pattern } = shape;
  // Length in Unicode code points, as Smithy's `length` trait counts (not UTF-16 units). A string of more than 2·max
  // UTF-16 units has more than max code points: it is not walked, so a hostile 10 MB value costs a comparison.
  const length = value.length > 2 * max ? Infinity : [...value].length;
  if (length < min || length > max) {
    // Described by its length only, never its content: the value may be a secret.
    const got = length < Infinity ? length : `more than ${2 * max}`;
    add(v, length < min ? 'TOO_SHORT' : 'TOO_LONG', path, `must have ${min} to ${max} characters (${name}), got ${got}`);
  } else if (pattern !== undefined && !pattern.test(value)) {
    add(v, 'PATTERN', path, `must be ${shape.patternText} (${name})`);
  }
  return value;
}

/** The keys of a map: StringType as well, named apart in messages. */
const MAP_KEY: StringShape = { ...SHAPES.StringType, name: 'StringType, in the key' };

/**
 * Checks a map of StringType to StringType; entries given as undefined are absent, as the SDK treats them. The copy
 * is made by Object.fromEntries, which defines every key as an own member, also `__proto__` (plain assignment would
 * set the prototype, or silently drop a string value, instead).
 */
export function stringMap(v: Issues, value: unknown, path: string, required?: boolean): Record<string, string> | undefined {
  if (!given(v, value, path, required)) return undefined;
  if (!isRecord(value)) return add(v, 'INVALID_TYPE', path, 'must be an object of strings');
  return Object.fromEntries(
    Object.entries(value).filter(([key, entry]) => {
      if (entry === undefined) return false;
      const entryPath = childPath(path, key);
      str(v, key, entryPath, MAP_KEY);
      return str(v, entry, entryPath, SHAPES.StringType) !== undefined;
    }),
  ) as Record<string, string>;
}

/** Checks that `value` is a plain object; reports INVALID_TYPE otherwise. */
export function obj(v: Issues, value: unknown, path: string): Record<string, unknown> | undefined {
  return isRecord(value) ? value : add(v, 'INVALID_TYPE', path, 'must be an object');
}

/** Reports every member of `input` that is not in `allowed` (and not undefined): it would be dropped silently. */
export function onlyFields(v: Issues, input: Record<string, unknown>, allowed: readonly string[], context: string, path = ''): void {
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && !allowed.includes(key)) add(v, 'UNEXPECTED_FIELD', childPath(path, key), `is not used ${context}`);
  }
}

/** `srpSession`, when given: it must be a session made by `@cognito-kit/srp` (a copy has no secrets to answer with). */
export function srpSessionOf(v: Issues, value: unknown, required?: boolean): SrpSession | undefined {
  if (!given(v, value, 'srpSession', required) || isSrpSession(value)) return value as SrpSession | undefined;
  return add(v, 'INVALID_SRP_SESSION', 'srpSession', 'must be a session of @cognito-kit/srp');
}

/** A request as JSON text: requests are objects of JSON data; anything else (an array, a bigint, a cycle) is refused. */
export function requestJson(request: unknown): string {
  try {
    // undefined when a toJSON returns undefined: no JSON either
    const text = isRecord(request) ? JSON.stringify(request) : undefined;
    if (text !== undefined) return text;
  } catch {
    // a bigint, a cycle or a throwing toJSON: not a request
  }
  return fail('INVALID_TYPE', 'request', 'must be an object of JSON data');
}

/** Message of both USERNAME_REQUIRED_FOR_SECRET_HASH issues. */
export const FOR_SECRET_HASH = 'is required with a clientSecret: SECRET_HASH is computed over it';

/** The text of an issue for an SrpError: its message (which never holds a secret) and its code. */
export function srpRefusal(error: SrpError): string {
  return `is refused: ${error.message} (${error.code})`;
}

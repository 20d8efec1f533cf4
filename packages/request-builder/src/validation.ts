/**
 * Collects violations of the model while a request is built, so one throw reports all of them.
 *
 * @module
 */
import { RequestValidationError, type ValidationCode, type ValidationIssue } from './errors.js';
import type { StringShape } from './model.js';

/**
 * Sets `record[key] = value` as an own data property, also for the key `__proto__` (plain assignment would set the
 * prototype, or silently drop a string value, instead of adding the member).
 */
export function setMember(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Whether `value` is a `Date` (of any realm) holding a valid instant; look-alikes are not. */
export function isValidDate(value: unknown): value is Date {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return !Number.isNaN(Date.prototype.getTime.call(value));
  } catch {
    return false; // no [[DateValue]]: not a Date
  }
}

/** Length in Unicode code points, as Smithy's `length` trait counts (not UTF-16 units). */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Path of a member under `parent`: `a.b`, `a[2]`, or `a["odd key"]` for map keys. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

export class Validator {
  private readonly found: ValidationIssue[] = [];

  add(code: ValidationCode, path: string, message: string): void {
    this.found.push({ code, path, message });
  }

  /** Throws the collected issues, if any. */
  finish(): void {
    if (this.found.length > 0) throw new RequestValidationError(this.found);
  }

  get ok(): boolean {
    return this.found.length === 0;
  }

  /** Checks a string against a model shape. Returns the value when it is a string (even an invalid one). */
  string(value: unknown, path: string, shape: StringShape, required: boolean): string | undefined {
    if (value === undefined) {
      if (required) this.add('REQUIRED', path, `${path} is required (${shape.name})`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add('INVALID_TYPE', path, `${path} must be a string, got ${describe(value)}`);
      return undefined;
    }
    // A string of more than 2·max UTF-16 units has more than max code points: refused without counting them, so a
    // hostile 10 MB value costs a comparison.
    if (shape.max !== undefined && value.length > 2 * shape.max) {
      this.add('TOO_LONG', path, `${path} must have at most ${shape.max} characters (${shape.name}), got more than ${2 * shape.max}`);
      return value;
    }
    const length = codePointLength(value);
    if (shape.min !== undefined && length < shape.min) {
      this.add('TOO_SHORT', path, `${path} must have at least ${shape.min} character${shape.min === 1 ? "" : "s"} (${shape.name}), got ${length}`);
    } else if (shape.max !== undefined && length > shape.max) {
      this.add('TOO_LONG', path, `${path} must have at most ${shape.max} characters (${shape.name}), got ${length}`);
    } else if (shape.pattern !== undefined && !shape.pattern.test(value)) {
      this.add('PATTERN', path, `${path} must be ${shape.patternText ?? `like ${String(shape.pattern)}`} (${shape.name})`);
    }
    return value;
  }

  /** Checks a map of StringType to StringType. */
  stringMap(value: unknown, path: string, shape: StringShape): Record<string, string> | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add('INVALID_TYPE', path, `${path} must be an object of strings, got ${describe(value)}`);
      return undefined;
    }
    const out: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (entry === undefined) continue; // absent, as the SDK treats it
      const entryPath = childPath(path, key);
      if (key.length > (shape.max ?? Infinity) && (key.length > 2 * shape.max! || codePointLength(key) > shape.max!)) {
        this.add('TOO_LONG', entryPath, `the key of ${entryPath} must have at most ${shape.max} characters (${shape.name})`);
      }
      const checked = this.string(entry, entryPath, shape, true);
      if (checked !== undefined) setMember(out, key, checked);
    }
    return out;
  }

  /** Checks that `value` is a plain object; reports INVALID_TYPE otherwise. */
  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add('INVALID_TYPE', path, `${path} must be an object, got ${describe(value)}`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  /** Reports every member of `input` that is not in `allowed` (and not undefined). */
  onlyFields(input: Record<string, unknown>, allowed: readonly string[], path: string, why: string): void {
    for (const [key, value] of Object.entries(input)) {
      if (value !== undefined && !allowed.includes(key)) {
        const memberPath = childPath(path, key);
        this.add('UNEXPECTED_FIELD', memberPath, `${memberPath} is not used ${why}`);
      }
    }
  }
}

/**
 * Reads untrusted JSON into config values, collecting every problem with its path instead of stopping at the first.
 * A reader returns the value when it is usable and `undefined` (after recording a problem) when it is not.
 *
 * @module
 */
import type { StringShape } from '@cognito-kit/request-builder';
import type { ConfigProblem, ConfigProblemCode } from './errors.js';
import { isJsonObject, type JsonObject } from './input.js';

export type { JsonObject } from './input.js';

/**
 * The path of a member: `a.b` for names that are identifiers, `a["custom:x"]` for the others.
 *
 * @example
 * ```ts
 * memberPath('userPools[0]', 'clients'); // 'userPools[0].clients'
 * ```
 */
export function memberPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** The problems found so far, and readers that add to them. */
export class ConfigReader {
  readonly problems: ConfigProblem[] = [];

  /** Records a problem; returns undefined, for `return reader.add(...)`. */
  add(code: ConfigProblemCode, path: string, message: string): undefined {
    this.problems.push({ code, path, message });
    return undefined;
  }

  /** An object with only the members in `allowed` (others are UNKNOWN_MEMBER), or any members; else undefined. */
  object(value: unknown, path: string, allowed: readonly string[] | 'any'): JsonObject | undefined {
    if (!isJsonObject(value)) return this.add('INVALID_TYPE', path, `must be an object, got ${describe(value)}`);
    if (allowed === 'any') return value;
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add('UNKNOWN_MEMBER', memberPath(path, key), `is not a member here (expected one of ${allowed.join(', ')})`);
    }
    return value;
  }

  /** A string that fits `shape` (length in code points, anchored pattern); REQUIRED when absent and `required`. */
  string(value: unknown, path: string, shape: StringShape, required = false): string | undefined {
    if (value === undefined) return required ? this.add('REQUIRED', path, 'is required') : undefined;
    if (typeof value !== 'string') return this.add('INVALID_TYPE', path, `must be a string, got ${describe(value)}`);
    const { min = 0, max = Infinity, pattern, patternText, sensitive } = shape;
    const length = value.length > 2 * max ? Infinity : [...value].length;
    if (length < min || length > max) return this.add('INVALID_VALUE', path, `must have ${min} to ${max} characters (${shape.name})`);
    if (pattern !== undefined && !pattern.test(value)) {
      const shown = sensitive === true ? '' : ` (got ${JSON.stringify(value)})`;
      return this.add('INVALID_VALUE', path, `must be ${patternText ?? pattern.source} (${shape.name})${shown}`);
    }
    return value;
  }

  /** A boolean, or undefined. */
  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') return this.add('INVALID_TYPE', path, `must be true or false, got ${describe(value)}`);
    return value;
  }

  /** An integer from `min` to `max`, or undefined. */
  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.add('INVALID_TYPE', path, `must be an integer, got ${describe(value)}`);
    if (value < min || value > max) return this.add('INVALID_VALUE', path, `must be ${min} to ${max}, got ${value}`);
    return value;
  }

  /** One of `values`, or undefined. */
  oneOf<T extends string>(value: unknown, path: string, values: readonly T[], required = false): T | undefined {
    if (value === undefined) return required ? this.add('REQUIRED', path, `is required: one of ${values.join(', ')}`) : undefined;
    const found = values.find((candidate) => candidate === value);
    if (found !== undefined) return found;
    if (typeof value !== 'string') return this.add('INVALID_TYPE', path, `must be one of ${values.join(', ')}, got ${describe(value)}`);
    return this.add('INVALID_VALUE', path, `must be one of ${values.join(', ')}, got ${JSON.stringify(value)}`);
  }

  /**
   * A list whose items `item` reads (an item it refuses is left out); a repeated item is DUPLICATE unless
   * `duplicates` is true.
   */
  list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T | undefined, duplicates = false): T[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.add('INVALID_TYPE', path, `must be a list, got ${describe(value)}`);
    const out: T[] = [];
    value.forEach((entry: unknown, index) => {
      const itemPath = `${path}[${index}]`;
      const read = item(entry, itemPath);
      if (read === undefined) return;
      if (!duplicates && out.includes(read)) this.add('DUPLICATE', itemPath, `repeats ${JSON.stringify(read)}`);
      else out.push(read);
    });
    return out;
  }
}

/**
 * A JSON value's kind for messages; never the value itself, which may be a secret.
 *
 * @example
 * ```ts
 * describe([1]); // 'a list'
 * ```
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * A request's members checked against the service model, as Cognito's front end (Coral) checks them: a member of the
 * wrong JSON type is a SerializationException; a missing required member, a length, pattern or enum violation is
 * InvalidParameterException "N validation error(s) detected: Value '…' at 'member' failed to satisfy constraint: …"
 * (every violation, in member order; a sensitive member's value is not repeated). Lengths and patterns are
 * `@cognito-kit/request-builder`'s SHAPES, so the builder and the pool apply one rule per fact.
 *
 * @module
 */
import type { StringShape } from '@cognito-kit/request-builder';
import { coral, invalidParameter } from './service-error.js';

/** A JSON object as it came. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** What one member must be. */
export type Rule =
  | { readonly kind: 'string'; readonly shape: StringShape; readonly required?: boolean }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly required?: boolean }
  | { readonly kind: 'map'; readonly required?: boolean }
  | { readonly kind: 'boolean'; readonly required?: boolean }
  | { readonly kind: 'structure'; readonly members: Rules; readonly required?: boolean }
  | { readonly kind: 'list'; readonly item: Rule; readonly required?: boolean };

/** The members of an operation's input (or of a structure), in model order. */
export type Rules = Readonly<Record<string, Rule>>;

/** StringType: what every map value and unnamed string is (0 to 131,072 characters). */
const STRING_TYPE_MAX = 131072;

/**
 * Checks a request body against `rules`; returns the body as an {@link Input} to read.
 *
 * @throws {CognitoError} SerializationException for a member of the wrong JSON type; InvalidParameterException with
 *   Coral's message listing every constraint violated
 *
 * @example
 * ```ts
 * const input = checkInput(body, { ClientId: { kind: 'string', shape: SHAPES.ClientIdType, required: true } });
 * input.required('ClientId');
 * ```
 */
export function checkInput(body: JsonObject, rules: Rules): Input {
  const violations: string[] = [];
  checkMembers(body, rules, '', violations);
  if (violations.length > 0) {
    const count = violations.length === 1 ? '1 validation error' : `${violations.length} validation errors`;
    throw invalidParameter(`${count} detected: ${violations.join('; ')}`);
  }
  return new Input(body);
}

function checkMembers(body: JsonObject, rules: Rules, parent: string, violations: string[]): void {
  for (const [name, rule] of Object.entries(rules)) {
    const path = parent === '' ? lowerCamel(name) : `${parent}.${lowerCamel(name)}`;
    checkMember(body[name] ?? undefined, rule, path, violations);
  }
}

function checkMember(value: unknown, rule: Rule, path: string, violations: string[]): void {
  if (value === undefined) {
    if (rule.required === true) violations.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
    return;
  }
  switch (rule.kind) {
    case 'string':
      return checkString(expectString(value), rule.shape, path, violations);
    case 'enum': {
      const text = expectString(value);
      if (!rule.values.includes(text)) violations.push(`Value '${text}' at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${rule.values.join(', ')}]`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw coral('SerializationException', `${tokenName(value)} cannot be converted to Boolean`);
      return;
    case 'map':
      for (const entry of Object.values(expectObject(value))) {
        const text = entry === null ? '' : expectString(entry);
        if ([...text.slice(0, 2 * STRING_TYPE_MAX + 1)].length > STRING_TYPE_MAX) {
          violations.push(`Value at '${path}' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to ${STRING_TYPE_MAX}]`);
        }
      }
      return;
    case 'structure':
      return checkMembers(expectObject(value), rule.members, path, violations);
    case 'list':
      return expectList(value).forEach((item, index) => checkMember(item ?? undefined, rule.item, `${path}.${index + 1}.member`, violations));
  }
}

function checkString(value: string, shape: StringShape, path: string, violations: string[]): void {
  const shown = shape.sensitive === true ? 'Value' : `Value '${value}'`;
  const fail = (constraint: string): void => void violations.push(`${shown} at '${path}' failed to satisfy constraint: ${constraint}`);
  const { min = 0, max = STRING_TYPE_MAX, pattern } = shape;
  // Code points, as Smithy's length counts; a value of more than 2·max UTF-16 units has more than max of them.
  const length = value.length > 2 * max ? Infinity : [...value].length;
  if (length > max) fail(`Member must have length less than or equal to ${max}`);
  if (length < min) fail(`Member must have length greater than or equal to ${min}`);
  if (pattern !== undefined && length <= max && !pattern.test(value)) fail(`Member must satisfy regular expression pattern: ${modelPattern(pattern)}`);
}

/** The pattern as the model writes it: without the anchors SHAPES adds. */
function modelPattern(pattern: RegExp): string {
  return pattern.source.replace(/^\^/, '').replace(/\$$/, '');
}

function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * Coral's name for a JSON value it did not expect, as in DynamoDB's "NUMBER_VALUE cannot be converted to String"
 * (Cognito's own wording was not found).
 */
function tokenName(value: unknown): string {
  if (typeof value === 'number') return 'NUMBER_VALUE';
  if (typeof value === 'boolean') return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  if (typeof value === 'string') return 'STRING_VALUE';
  return Array.isArray(value) ? 'START_ARRAY' : 'START_OBJECT';
}

function expectString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    throw coral('SerializationException', Array.isArray(value) ? 'Start of list found where not expected' : 'Start of structure or map found where not expected.');
  }
  throw coral('SerializationException', `${tokenName(value)} cannot be converted to String`);
}

function expectObject(value: unknown): JsonObject {
  if (isJsonObject(value)) return value;
  throw coral('SerializationException', Array.isArray(value) ? 'Start of list found where not expected' : `${tokenName(value)} cannot be converted to a structure or map`);
}

function expectList(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  throw coral('SerializationException', `${tokenName(value)} cannot be converted to a list`);
}

/**
 * Whether `value` is a JSON object (not null, not an array).
 *
 * @example
 * ```ts
 * isJsonObject(JSON.parse(text)); // false for [] and null
 * ```
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A checked body, read member by member (JSON null reads as absent, as Coral reads it). */
export class Input {
  constructor(private readonly body: JsonObject) {}

  /** A string member, or undefined when absent. */
  string(name: string): string | undefined {
    const value = this.body[name];
    return typeof value === 'string' ? value : undefined;
  }

  /** A required string member (the checks made sure it is there). */
  required(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw new TypeError(`${name} was checked as required but is missing`);
    return value;
  }

  /** A boolean member, or undefined. */
  boolean(name: string): boolean | undefined {
    const value = this.body[name];
    return typeof value === 'boolean' ? value : undefined;
  }

  /** A map of strings (AuthParameters, ChallengeResponses): `{}` when absent; null values are absent. */
  map(name: string): Readonly<Record<string, string>> {
    const value = this.body[name];
    const out: Record<string, string> = {};
    if (!isJsonObject(value)) return out;
    for (const [key, entry] of Object.entries(value)) {
      // defineProperty: a `__proto__` key stays a plain member.
      if (typeof entry === 'string') Object.defineProperty(out, key, { value: entry, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** A structure member, or undefined. */
  structure(name: string): Input | undefined {
    const value = this.body[name];
    return isJsonObject(value) ? new Input(value) : undefined;
  }

  /** A list of strings; `[]` when absent. */
  strings(name: string): string[] {
    const value = this.body[name];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  }

  /** A list of structures, each an Input; `[]` when absent. */
  structures(name: string): Input[] {
    const value = this.body[name];
    return Array.isArray(value) ? value.filter(isJsonObject).map((item) => new Input(item)) : [];
  }
}

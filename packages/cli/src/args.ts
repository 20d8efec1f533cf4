/**
 * The CLI's flag parser: node:util parseArgs (tokens), checked here so that every message is ours and no message
 * ever repeats a value from the command line (a value may be a secret typed by mistake).
 *
 * @module
 */
import { parseArgs } from 'node:util';

/** A usage error: exit code 2, `cognito-kit <command>: <message> (see --help)` on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An operation that failed: exit code 1, `error: <message>` on stderr. */
export class Failure extends Error {
  override readonly name = 'Failure';
}

export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  /** May be given more than once (the values are collected in order). */
  readonly multiple?: boolean;
  readonly short?: string;
}

/** Flags that would put a secret on the command line: refused, with how to pass the secret instead. */
export interface RefusedFlag {
  readonly flag: string;
  /** How to pass it instead: "set COGNITO_PASSWORD or pass --password-stdin". */
  readonly instead: string;
}

export type FlagValues = Record<string, string | boolean | string[] | undefined>;

/** Parsed flags, with typed getters. */
export class Flags {
  constructor(
    readonly command: string,
    private readonly values: FlagValues,
  ) {}

  string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  strings(name: string): string[] {
    const value = this.values[name];
    return Array.isArray(value) ? value : [];
  }

  boolean(name: string): boolean {
    return this.values[name] === true;
  }

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  /**
   * A flag the command cannot do without: a usage error when missing. Commands first check all of theirs at once
   * ({@link Flags.missing}, `requireGiven` in secrets.ts), so this reads a flag known to be there.
   */
  required(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw new UsageError(`missing --${name}`);
    return value;
  }

  /** The flags of `names` that were not given, as `--name`, in the order of `names`. */
  missing(names: readonly string[]): string[] {
    return names.filter((name) => !this.has(name)).map((name) => `--${name}`);
  }
}

/** `a`, `a and b`, `a, b and c`: for messages that name every missing flag at once. */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

const HELP: Record<string, FlagSpec> = { help: { type: 'boolean', short: 'h' } };

/**
 * Parses `argv` against `spec` (plus `--help`/`-h`). Throws {@link UsageError} for a refused secret flag, an
 * unknown option, a missing or unexpected value, a repeated single-valued flag, or any positional argument.
 */
export function parseFlags(command: string, argv: readonly string[], spec: Record<string, FlagSpec>, refused: readonly RefusedFlag[] = []): Flags {
  const options = { ...spec, ...HELP };
  // Tokens, not strict mode: strict mode's messages quote positional arguments, which may be secrets.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  // Secrets first: whatever else is wrong, a secret on the command line is what the user must hear about.
  for (const token of tokens) {
    const refusal = token.kind === 'option' ? refused.find((r) => r.flag === token.name) : undefined;
    if (refusal !== undefined) {
      throw new UsageError(
        `--${refusal.flag} is refused: a secret on the command line is visible to other processes (ps, /proc) and stays in shell history; ${refusal.instead}`,
      );
    }
  }
  const values: FlagValues = {};
  let positionals = 0;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      positionals++;
      continue;
    }
    const shown = token.rawName; // `--name` or `-n`: parseArgs keeps an inline `=value` out of rawName
    const option = Object.hasOwn(options, token.name) ? options[token.name]! : undefined;
    if (option === undefined) {
      throw new UsageError(`unknown option ${shown}`);
    }
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${shown} takes no value`);
      values[token.name] = true;
      continue;
    }
    // A string option: its value is the next argument unless given as --flag=value. A next argument that is one
    // of this command's options means the value was forgotten; other values may start with a dash (Cognito's
    // DeviceGroupKey often does).
    if (token.value === undefined || (!token.inlineValue && isOptionName(token.value, options, refused))) {
      throw new UsageError(`${shown} needs a value (write ${shown}=<value> for a value that looks like an option)`);
    }
    if (option.multiple === true) {
      const list = (values[token.name] as string[] | undefined) ?? [];
      list.push(token.value);
      values[token.name] = list;
    } else {
      if (values[token.name] !== undefined) throw new UsageError(`${shown} is given more than once`);
      values[token.name] = token.value;
    }
  }
  if (positionals > 0) {
    // Not quoted: it might be a secret typed in the wrong place.
    throw new UsageError(`unexpected argument${positionals > 1 ? 's' : ''} (${positionals}): this command takes only --flags`);
  }
  return new Flags(command, values);
}

/** Whether `arg` names an option of the command (`--name`, `--name=…`, `-h`) or a refused secret flag. */
function isOptionName(arg: string, options: Record<string, FlagSpec>, refused: readonly RefusedFlag[]): boolean {
  if (arg.startsWith('--')) {
    const name = arg.slice(2).split('=')[0]!;
    return Object.hasOwn(options, name) || refused.some((r) => r.flag === name);
  }
  return Object.values(options).some((option) => option.short !== undefined && arg === `-${option.short}`);
}

/** Splits `KEY=VALUE` (the value may contain `=`); the message names the flag, never the value. */
export function keyValue(text: string, flag: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new UsageError(`${flag} takes KEY=VALUE (a non-empty key, then =)`);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** `--client-metadata k=v` pairs as a map (a key given twice is a usage error). */
export function keyValueMap(pairs: readonly string[], flag: string): Record<string, string> | undefined {
  if (pairs.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const [key, value] = keyValue(pair, flag);
    if (Object.hasOwn(out, key)) throw new UsageError(`${flag} gives the key ${JSON.stringify(key)} twice`);
    // defineProperty: a plain assignment to `__proto__` would drop the pair instead of sending it.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

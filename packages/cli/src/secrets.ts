/**
 * Secrets come from the environment or stdin, never from the command line: a flag such as `--password` is refused
 * with a message that says why and how. Each secret has one environment variable and one `--…-stdin` flag; the flag
 * wins over the variable, and an empty variable counts as unset. Only one secret can come from stdin per run.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { UsageError, listOf, type FlagSpec, type Flags, type RefusedFlag } from './args.js';
import { resolvePath, stripNewline, type Context } from './io.js';

export interface SecretKind {
  /** The environment variable. */
  readonly env: string;
  /** The flag that reads it from stdin. */
  readonly stdinFlag: string;
  /** The flag that is refused (it would carry the value on the command line). */
  readonly argvFlag: string;
  /** For messages and the terminal prompt. */
  readonly what: string;
  /** A flag naming a file that holds it (device password only). */
  readonly fileFlag?: string;
}

export const SECRET_KINDS = {
  clientSecret: { env: 'COGNITO_CLIENT_SECRET', stdinFlag: 'client-secret-stdin', argvFlag: 'client-secret', what: 'app client secret' },
  password: { env: 'COGNITO_PASSWORD', stdinFlag: 'password-stdin', argvFlag: 'password', what: 'password' },
  newPassword: { env: 'COGNITO_NEW_PASSWORD', stdinFlag: 'new-password-stdin', argvFlag: 'new-password', what: 'new password' },
  refreshToken: { env: 'COGNITO_REFRESH_TOKEN', stdinFlag: 'refresh-token-stdin', argvFlag: 'refresh-token', what: 'refresh token' },
  devicePassword: {
    env: 'COGNITO_DEVICE_PASSWORD',
    stdinFlag: 'device-password-stdin',
    argvFlag: 'device-password',
    what: 'device password',
    fileFlag: 'device-password-file',
  },
  accessToken: { env: 'COGNITO_ACCESS_TOKEN', stdinFlag: 'access-token-stdin', argvFlag: 'access-token', what: 'access token' },
} as const satisfies Record<string, SecretKind>;

export type SecretName = keyof typeof SECRET_KINDS;

/** How to pass a secret, for messages: "set COGNITO_PASSWORD or pass --password-stdin". */
export function howToPass(name: SecretName): string {
  const kind: SecretKind = SECRET_KINDS[name];
  const file = kind.fileFlag === undefined ? '' : `, --${kind.fileFlag} FILE`;
  return `set ${kind.env} in the environment or pass --${kind.stdinFlag}${file} and give it on stdin`;
}

/** The flags a command that takes these secrets accepts, and the ones it refuses. */
export function secretFlags(names: readonly SecretName[]): { spec: Record<string, FlagSpec>; refused: RefusedFlag[] } {
  const spec: Record<string, FlagSpec> = {};
  const refused: RefusedFlag[] = [];
  for (const name of names) {
    const kind: SecretKind = SECRET_KINDS[name];
    spec[kind.stdinFlag] = { type: 'boolean' };
    if (kind.fileFlag !== undefined) spec[kind.fileFlag] = { type: 'string' };
    refused.push({ flag: kind.argvFlag, instead: howToPass(name) });
  }
  return { spec, refused };
}

/** `--x-stdin` lines for a command's --help. */
export function secretHelp(names: readonly SecretName[]): string {
  const line = (left: string, text: string): string => (left.length < 27 ? `  ${left.padEnd(27)}${text}` : `  ${left}\n  ${''.padEnd(27)}${text}`);
  return names
    .flatMap((name) => {
      const kind: SecretKind = SECRET_KINDS[name];
      const lines = [line(kind.env, `the ${kind.what} (environment variable)`), line(`--${kind.stdinFlag}`, `read the ${kind.what} from stdin instead`)];
      if (kind.fileFlag !== undefined) lines.push(line(`--${kind.fileFlag} FILE`, `read the ${kind.what} from FILE (as device-verifier wrote it)`));
      return lines;
    })
    .join('\n');
}

/** Reads the secrets of one run. */
export class Secrets {
  private readonly stdinFlag: SecretName | undefined;

  /**
   * @param stdinUse - what else reads stdin in this run (respond's response JSON), if anything
   */
  constructor(
    private readonly ctx: Context,
    private readonly flags: Flags,
    private readonly names: readonly SecretName[],
    stdinUse?: string,
  ) {
    const fromStdin = names.filter((name) => flags.boolean(SECRET_KINDS[name].stdinFlag));
    if (fromStdin.length > 1) {
      const [first, second] = fromStdin.map((name) => SECRET_KINDS[name]);
      throw new UsageError(`only one secret can come from stdin: drop --${second!.stdinFlag} and set ${second!.env} instead (or the same for --${first!.stdinFlag})`);
    }
    this.stdinFlag = fromStdin[0];
    if (this.stdinFlag !== undefined && stdinUse !== undefined) {
      const kind = SECRET_KINDS[this.stdinFlag];
      throw new UsageError(`--${kind.stdinFlag} needs stdin, which carries ${stdinUse}: give that with --input FILE, or set ${kind.env} instead`);
    }
    for (const name of names) {
      const kind: SecretKind = SECRET_KINDS[name];
      if (kind.fileFlag !== undefined && flags.has(kind.fileFlag) && flags.boolean(kind.stdinFlag)) {
        throw new UsageError(`give the ${kind.what} one way: --${kind.fileFlag} or --${kind.stdinFlag}`);
      }
    }
  }

  /** Refuses `--x-stdin` / file flags of secrets this run does not use (they would be silently ignored). */
  onlyUsing(used: readonly SecretName[], why: string): void {
    for (const name of this.names) {
      if (used.includes(name)) continue;
      const kind: SecretKind = SECRET_KINDS[name];
      if (this.flags.boolean(kind.stdinFlag)) throw new UsageError(`--${kind.stdinFlag} is not used ${why}`);
      if (kind.fileFlag !== undefined && this.flags.has(kind.fileFlag)) throw new UsageError(`--${kind.fileFlag} is not used ${why}`);
    }
  }

  /** The secret, from its stdin flag, its file flag or its environment variable; undefined when none is given. */
  async get(name: SecretName): Promise<string | undefined> {
    const kind: SecretKind = SECRET_KINDS[name];
    if (this.stdinFlag === name) {
      const text = this.ctx.stdinIsTTY ? await this.ctx.promptHidden(`${kind.what}: `) : stripNewline(await this.ctx.readStdin());
      if (text === '') throw new UsageError(`--${kind.stdinFlag}: stdin gave an empty ${kind.what}`);
      return text;
    }
    const file = kind.fileFlag === undefined ? undefined : this.flags.string(kind.fileFlag);
    if (file !== undefined) {
      let text: string;
      try {
        text = stripNewline(readFileSync(resolvePath(this.ctx, file), 'utf8'));
      } catch (error) {
        throw new UsageError(`--${kind.fileFlag}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      if (text === '') throw new UsageError(`--${kind.fileFlag}: the file is empty`);
      return text;
    }
    const value = this.ctx.env[kind.env];
    return value === undefined || value === '' ? undefined : value;
  }

  /** The secret, or a usage error that says how to give it. */
  async require(name: SecretName, why: string): Promise<string> {
    const value = await this.get(name);
    if (value === undefined) throw new UsageError(neededMessage(name, why));
    return value;
  }

  /**
   * The secrets of `names` this run does not give, found without reading any (stdin stays unread): a secret is given
   * by its `--…-stdin` or file flag, or by its environment variable when that is set and not empty.
   */
  missing(names: readonly SecretName[]): SecretName[] {
    return names.filter((name) => {
      const kind: SecretKind = SECRET_KINDS[name];
      if (this.stdinFlag === name || (kind.fileFlag !== undefined && this.flags.has(kind.fileFlag))) return false;
      const value = this.ctx.env[kind.env];
      return value === undefined || value === '';
    });
  }
}

function neededMessage(name: SecretName, why: string, also = false): string {
  return `${why} ${also ? 'also ' : ''}needs the ${SECRET_KINDS[name].what}: ${howToPass(name)}`;
}

/**
 * `value`; when it is missing, `label` is added to `missing` and `''` stands in for it: a stand-in never used, for
 * {@link requireGiven} throws before the value is (as the builders' own checks do).
 */
export function given(value: string | undefined, label: string, missing: string[]): string {
  if (value !== undefined) return value;
  missing.push(label);
  return '';
}

/** What {@link requireGiven} reports. */
export interface MissingInputs {
  /** The flags missing, as they are to be named (`--client-id`, or `--device-key (the remembered device's key)`). */
  flags: readonly string[];
  /** What the message starts with before the flags: `missing` by default, `DEVICE_SRP_AUTH needs`, ... */
  lead?: string;
  /** The secrets missing ({@link Secrets.missing}), and what needs them: `--auth-flow USER_PASSWORD_AUTH`. */
  secrets?: readonly SecretName[];
  secretsFor?: string;
  /** Another problem of the same run, named in the same message (an --auth-flow that is not a flow). */
  note?: string | undefined;
}

/**
 * One usage error for everything a run lacks, checked before any work: `missing --user-pool-id, --client-id and
 * --auth-flow`, then each missing secret with how to give it (`--auth-flow USER_PASSWORD_AUTH also needs the password:
 * set COGNITO_PASSWORD ...`), then `note`. Nothing is thrown when nothing is missing (`note` alone is not reported
 * here). A secret missing alone keeps the message of {@link Secrets.require}.
 */
export function requireGiven(missing: MissingInputs): void {
  const parts: string[] = [];
  if (missing.flags.length > 0) parts.push(`${missing.lead ?? 'missing'} ${listOf(missing.flags)}`);
  for (const name of missing.secrets ?? []) parts.push(neededMessage(name, missing.secretsFor ?? 'this command', parts.length > 0));
  if (parts.length === 0) return;
  if (missing.note !== undefined) parts.push(missing.note);
  throw new UsageError(parts.join('; '));
}

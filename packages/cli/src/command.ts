/**
 * What every command module exports.
 *
 * @module
 */
import { parseFlags, type FlagSpec, type Flags } from './args.js';
import type { Context } from './io.js';
import { secretFlags, type SecretName } from './secrets.js';

export interface Command {
  readonly name: string;
  /** One line for `cognito-kit --help`. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /**
   * Runs the command. Returns the exit code, or throws: `UsageError` (exit 2), `Failure`,
   * `RequestValidationError` or `SrpError` (exit 1).
   */
  run(ctx: Context, argv: readonly string[]): Promise<number>;
}

/**
 * A command from its flags and body: parses argv (refusing secret-looking flags for `secrets`, whose values come
 * from the environment or stdin) and answers `--help`, so each command only does its own work.
 */
export function defineCommand(definition: {
  name: string;
  summary: string;
  help: string;
  flags: Record<string, FlagSpec>;
  secrets: readonly SecretName[];
  run(ctx: Context, flags: Flags): Promise<number>;
}): Command {
  const secretOptions = secretFlags(definition.secrets);
  const spec = { ...definition.flags, ...secretOptions.spec };
  return {
    name: definition.name,
    summary: definition.summary,
    help: definition.help,
    async run(ctx, argv) {
      const flags = parseFlags(definition.name, argv, spec, secretOptions.refused);
      if (flags.boolean('help')) {
        ctx.stdout(`${definition.help}\n`);
        return 0;
      }
      return definition.run(ctx, flags);
    },
  };
}

/** Common flag help lines. */
export const COMMON_HELP = {
  help: '  -h, --help                 this help',
  out: '  --out FILE                 write the request JSON to FILE (mode 0600) instead of stdout; required when the\n                             request carries a password, a new password, a refresh token or an access token',
  clientMetadata: '  --client-metadata K=V      ClientMetadata entry for Lambda triggers (repeatable)',
  analytics: '  --analytics-endpoint-id ID\n                             AnalyticsMetadata.AnalyticsEndpointId (Amazon Pinpoint)',
} as const;

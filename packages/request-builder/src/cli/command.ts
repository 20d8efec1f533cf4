/**
 * What every command module exports.
 *
 * @module
 */
import type { Context } from './io.js';

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

/** Common flag help lines. */
export const COMMON_HELP = {
  help: '  -h, --help                 this help',
  out: '  --out FILE                 write the request JSON to FILE (mode 0600) instead of stdout; required when the\n                             request carries a password, a new password, a refresh token or an access token',
  clientMetadata: '  --client-metadata K=V      ClientMetadata entry for Lambda triggers (repeatable)',
  analytics: '  --analytics-endpoint-id ID\n                             AnalyticsMetadata.AnalyticsEndpointId (Amazon Pinpoint)',
} as const;

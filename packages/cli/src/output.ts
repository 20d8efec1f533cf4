/**
 * Where a built request goes: stdout (for `aws … --cli-input-json "$(cognito-kit …)"` or a pipe), or a 0600 file
 * with `--out FILE` (for `--cli-input-json file://FILE`). A request that carries a long-lived secret (a password, a
 * new password, a refresh token, an access token) is never printed: it needs `--out`.
 *
 * @module
 */
import { UsageError } from './args.js';
import { resolvePath, writePrivateFile, type Context } from './io.js';

/** Members whose value is a long-lived secret when present. */
const SECRET_MEMBERS: readonly (readonly [string, string | undefined])[] = [
  ['AuthParameters', 'PASSWORD'],
  ['AuthParameters', 'REFRESH_TOKEN'],
  ['ChallengeResponses', 'PASSWORD'],
  ['ChallengeResponses', 'NEW_PASSWORD'],
  ['AccessToken', undefined],
];

/** The secret members a request carries, as `AuthParameters.PASSWORD`. */
export function secretMembers(request: object): string[] {
  const found: string[] = [];
  const record = request as Record<string, unknown>;
  for (const [member, key] of SECRET_MEMBERS) {
    const value = record[member];
    if (key === undefined) {
      if (value !== undefined) found.push(member);
    } else if (typeof value === 'object' && value !== null && Object.hasOwn(value, key)) {
      found.push(`${member}.${key}`);
    }
  }
  return found;
}

export interface PreparedOutput {
  /** Prints or writes the request (call after every other side effect succeeded). */
  write(): void;
}

/**
 * Checks where `request` may go before anything else is done (a refusal must not leave a state file behind).
 *
 * @param awsCommand - the AWS CLI command the JSON is for, for the hint: `aws cognito-idp admin-initiate-auth`
 */
export function prepareOutput(ctx: Context, request: object, out: string | undefined, awsCommand: string): PreparedOutput {
  const json = `${JSON.stringify(request, null, 2)}\n`;
  const secrets = secretMembers(request);
  if (out === undefined) {
    if (secrets.length > 0) {
      throw new UsageError(
        `the request carries ${secrets.join(' and ')}, so it is not printed: pass --out FILE (written with mode 0600), then run ${awsCommand} --cli-input-json file://FILE and delete FILE`,
      );
    }
    return { write: () => ctx.stdout(json) };
  }
  const path = resolvePath(ctx, out);
  return {
    write: () => {
      writePrivateFile(path, json, { replace: true });
      const holds = secrets.length > 0 ? `; it holds ${secrets.join(' and ')}: delete it after use` : '';
      ctx.stderr(`cognito-kit: wrote the request to ${out} (mode 0600${holds}); run: ${awsCommand} --cli-input-json file://${out}\n`);
    },
  };
}

#!/usr/bin/env node
/**
 * `cognito-kit`: what the AWS CLI cannot compute for Cognito logins (SRP_A, the PASSWORD_VERIFIER answer, device
 * SRP, SECRET_HASH), as JSON for its `--cli-input-json`. Dispatch and exit codes: 0 ok, 1 the operation failed,
 * 2 usage error.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { SrpError } from '@cognito-kit/srp';
import { RequestValidationError } from '@cognito-kit/request-builder';
import { adminInitiateAuth } from './admin-initiate-auth.js';
import { Failure, UsageError } from './args.js';
import type { Command } from './command.js';
import { demo } from './demo.js';
import { deviceVerifier } from './device-verifier.js';
import { processContext, type Context } from './io.js';
import { respond } from './respond.js';
import { secretHashCommand } from './secret-hash.js';
import { serve } from './serve.js';

const COMMANDS: readonly Command[] = [adminInitiateAuth, respond, secretHashCommand, deviceVerifier, demo, serve];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return `usage: cognito-kit <command> [flags]      (cognito-kit <command> --help for its flags)

Computes what the AWS CLI cannot for Amazon Cognito user-pool logins (SRP, SECRET_HASH, device verifiers) and
prints it as JSON for "aws cognito-idp ... --cli-input-json".

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

A login with USER_SRP_AUTH (export COGNITO_PASSWORD first, and COGNITO_CLIENT_SECRET for a client with a secret):
  cognito-kit admin-initiate-auth --user-pool-id ID --client-id ID --auth-flow USER_SRP_AUTH \\
      --username alice > initiate.json
  aws cognito-idp admin-initiate-auth --output json --cli-input-json file://initiate.json \\
    | cognito-kit respond > answer.json
  aws cognito-idp admin-respond-to-auth-challenge --output json --cli-input-json file://answer.json

Secrets never go on the command line: they come from the environment (COGNITO_PASSWORD, COGNITO_CLIENT_SECRET,
COGNITO_NEW_PASSWORD, COGNITO_REFRESH_TOKEN, COGNITO_DEVICE_PASSWORD, COGNITO_ACCESS_TOKEN) or from stdin
(--password-stdin, ...), and are never printed.

Exit codes: 0 ok, 1 the operation failed, 2 usage error.`;
}

/** The flag a validation path comes from, for the hint after an error line. */
const SOURCE_OF: Record<string, string> = {
  userPoolId: '--user-pool-id',
  clientId: '--client-id',
  authFlow: '--auth-flow',
  username: '--username',
  deviceKey: '--device-key',
  deviceGroupKey: '--device-group-key',
  deviceName: '--device-name',
  session: '--session',
  analyticsEndpointId: '--analytics-endpoint-id',
  preferredChallenge: '--preferred-challenge',
  withSrp: '--with-srp',
  clientMetadata: '--client-metadata',
  challengeResponses: '--answer',
  response: 'the response JSON',
  password: 'COGNITO_PASSWORD',
  clientSecret: 'COGNITO_CLIENT_SECRET',
  refreshToken: 'COGNITO_REFRESH_TOKEN',
  devicePassword: 'COGNITO_DEVICE_PASSWORD',
};

function sourceHint(path: string): string {
  const head = /^[A-Za-z]+/.exec(path)?.[0];
  const source = head === undefined ? undefined : SOURCE_OF[head];
  return source === undefined ? '' : ` [${source}]`;
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs the CLI; returns the exit code. Never prints a value it did not build itself. */
export async function main(argv: readonly string[], ctx: Context): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    ctx.stderr(`${usage()}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = COMMANDS.find((c) => c.name === topic);
    if (topic !== undefined && command === undefined) {
      ctx.stderr(`cognito-kit: no command named ${/^[a-z][a-z-]{0,40}$/.test(topic) ? `"${topic}"` : 'like that'} (see cognito-kit --help)\n`);
      return 2;
    }
    ctx.stdout(`${command === undefined ? usage() : command.help}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    ctx.stdout(`cognito-kit ${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    // The name is echoed only when it looks like a command name: a stray argument may be a secret.
    const shown = /^[a-z][a-z-]{0,40}$/.test(name) ? `"${name}"` : 'given';
    ctx.stderr(`cognito-kit: unknown command ${shown} (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see cognito-kit --help)\n`);
    return 2;
  }
  try {
    return await command.run(ctx, rest);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.stderr(`cognito-kit ${command.name}: ${error.message} (see --help)\n`);
      return 2;
    }
    if (error instanceof RequestValidationError) {
      for (const issue of error.issues) ctx.stderr(`error: ${issue.path}: ${issue.message}${sourceHint(issue.path)}\n`);
      return 1;
    }
    if (error instanceof SrpError) {
      ctx.stderr(`error: ${error.message} (${error.code})\n`);
      return 1;
    }
    if (error instanceof Failure) {
      ctx.stderr(`error: ${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    ctx.stderr(`error: ${(error as Error).message ?? String(error)}${code === undefined ? '' : ` (${code})`}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2), processContext());

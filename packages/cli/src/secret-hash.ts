/**
 * `cognito-kit secret-hash`: SECRET_HASH for a username and app client, for AWS CLI commands that take
 * `--secret-hash` (sign-up, confirm-sign-up, forgot-password, ...) or an AuthParameters SECRET_HASH.
 *
 * @module
 */
import { secretHash } from '@cognito-kit/srp';
import type { FlagSpec, Flags } from './args.js';
import { COMMON_HELP, defineCommand, type Command } from './command.js';
import type { Context } from './io.js';
import { Secrets, requireGiven, secretHelp, type SecretName } from './secrets.js';

const NAME = 'secret-hash';
const SECRETS: readonly SecretName[] = ['clientSecret'];
const SPEC: Record<string, FlagSpec> = {
  'client-id': { type: 'string' },
  username: { type: 'string' },
};

const HELP = `usage: cognito-kit secret-hash --client-id ID --username NAME

Prints SECRET_HASH = Base64(HMAC-SHA256(client secret, username + client id)) and a newline:

  aws cognito-idp sign-up --client-id ID --username alice --password-stdin ... \\
    --secret-hash "$(cognito-kit secret-hash --client-id ID --username alice)"

Use the username Cognito knows the user by: USER_ID_FOR_SRP or USERNAME of a challenge, and for refresh the real
username or sub, not an e-mail or phone alias.

Options:
  --client-id ID             the app client (required)
  --username NAME            the user (required)
${COMMON_HELP.help}

Secret (never as a flag):
${secretHelp(SECRETS)}

Exit codes: 0 ok, 1 failure, 2 usage error (including a missing client secret).`;

export const secretHashCommand: Command = defineCommand({
  name: NAME,
  summary: 'SECRET_HASH for a username and app client (client secret from the environment or stdin)',
  help: HELP,
  flags: SPEC,
  secrets: SECRETS,
  async run(ctx: Context, flags: Flags): Promise<number> {
    const secrets = new Secrets(ctx, flags, SECRETS);
    requireGiven({ flags: flags.missing(['client-id', 'username']), secrets: secrets.missing(['clientSecret']), secretsFor: NAME });
    const clientId = flags.required('client-id');
    const username = flags.required('username');
    const clientSecret = await secrets.require('clientSecret', 'secret-hash');
    ctx.stdout(`${secretHash(username, clientId, clientSecret)}\n`);
    return 0;
  },
});

/**
 * `cognito-kit admin-initiate-auth`: the AdminInitiateAuth request for any flow, as JSON for
 * `aws cognito-idp admin-initiate-auth --cli-input-json`; for SRP flows the session goes to the state file.
 *
 * @module
 */
import { buildAdminInitiateAuth, type AdminInitiateAuthInput } from '../index.js';
import { UsageError, keyValueMap, type FlagSpec, type Flags } from './args.js';
import { COMMON_HELP, defineCommand, type Command } from './command.js';
import type { Context } from './io.js';
import { prepareOutput } from './output.js';
import { Secrets, secretHelp, type SecretName } from './secrets.js';
import { DEFAULT_STATE_FILE, statePath, writeState } from './state.js';

const NAME = 'admin-initiate-auth';
const SECRETS: readonly SecretName[] = ['clientSecret', 'password', 'refreshToken'];
const SPEC: Record<string, FlagSpec> = {
  'user-pool-id': { type: 'string' },
  'client-id': { type: 'string' },
  'auth-flow': { type: 'string' },
  username: { type: 'string' },
  'device-key': { type: 'string' },
  'client-metadata': { type: 'string', multiple: true },
  'analytics-endpoint-id': { type: 'string' },
  session: { type: 'string' },
  'with-srp': { type: 'boolean' },
  'preferred-challenge': { type: 'string' },
  state: { type: 'string' },
  out: { type: 'string' },
};

const PASSWORD_FLOWS = ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'];
const REFRESH_FLOWS = ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'];

const HELP = `usage: cognito-kit admin-initiate-auth --user-pool-id ID --client-id ID --auth-flow FLOW [options]

Prints the AdminInitiateAuth request as JSON for the AWS CLI (which cannot compute SRP_A or SECRET_HASH):

  aws cognito-idp admin-initiate-auth --cli-input-json "$(cognito-kit admin-initiate-auth ...)" | cognito-kit respond

Flows (--auth-flow) and what they take:
  USER_SRP_AUTH              --username [--device-key]; SRP_A from a new SRP session
  CUSTOM_AUTH                --username [--with-srp] [--device-key]; --with-srp sends CHALLENGE_NAME=SRP_A and SRP_A
  USER_AUTH                  --username [--preferred-challenge C]; PASSWORD_SRP sends SRP_A, PASSWORD the password
  ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH
                             --username and the password (request holds it: needs --out)
  REFRESH_TOKEN_AUTH, REFRESH_TOKEN
                             the refresh token (request holds it: needs --out); --username is required with a
                             client secret (SECRET_HASH is over the real username or sub)

Options:
  --user-pool-id ID          the user pool, such as eu-west-2_AbC123 (required)
  --client-id ID             the app client (required)
  --auth-flow FLOW           one of the flows above (required)
  --username NAME            the user (an alias is fine to start; answers use USER_ID_FOR_SRP)
  --device-key KEY           a remembered device's key (DEVICE_KEY)
  --with-srp                 CUSTOM_AUTH: start with SRP
  --preferred-challenge C    USER_AUTH: PREFERRED_CHALLENGE (PASSWORD_SRP, PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN)
  --session S                Session of an earlier response
${COMMON_HELP.clientMetadata}
${COMMON_HELP.analytics}
  --state FILE               where an SRP flow keeps its session for "cognito-kit respond"
                             (default ./${DEFAULT_STATE_FILE}; replaced atomically, mode 0600; secret: with it and
                             the challenge, passwords can be tested offline, so keep it private and short-lived)
${COMMON_HELP.out}
${COMMON_HELP.help}

Secrets (never as flags; a variable that is set but empty counts as unset):
${secretHelp(SECRETS)}
  With COGNITO_CLIENT_SECRET set, SECRET_HASH is added (unset it for an app client without a secret).

Output: exactly the request JSON (PascalCase members, as --cli-input-json takes it) on stdout, or in --out FILE.
Exit codes: 0 ok, 1 the request is invalid (one "error: <path>: <message>" line per problem), 2 usage error.`;

export const adminInitiateAuth: Command = defineCommand({
  name: NAME,
  summary: 'the AdminInitiateAuth request (any flow; SRP_A and SECRET_HASH computed) for aws --cli-input-json',
  help: HELP,
  flags: SPEC,
  secrets: SECRETS,
  async run(ctx: Context, flags: Flags): Promise<number> {
    const userPoolId = flags.required('user-pool-id');
    const clientId = flags.required('client-id');
    const authFlow = flags.required('auth-flow');
    const preferred = flags.string('preferred-challenge');
    const usesPassword = PASSWORD_FLOWS.includes(authFlow) || (authFlow === 'USER_AUTH' && preferred === 'PASSWORD');
    const usesRefresh = REFRESH_FLOWS.includes(authFlow);
    const srp =
      authFlow === 'USER_SRP_AUTH' || (authFlow === 'CUSTOM_AUTH' && flags.boolean('with-srp')) || (authFlow === 'USER_AUTH' && preferred === 'PASSWORD_SRP');
    if (flags.has('state') && !srp) {
      throw new UsageError(`--state is only used by SRP flows (USER_SRP_AUTH, CUSTOM_AUTH --with-srp, USER_AUTH --preferred-challenge PASSWORD_SRP)`);
    }

    const secrets = new Secrets(ctx, flags, SECRETS);
    const used: SecretName[] = ['clientSecret'];
    if (usesPassword) used.push('password');
    if (usesRefresh) used.push('refreshToken');
    secrets.onlyUsing(used, `by --auth-flow ${authFlow}${authFlow === 'USER_AUTH' ? ` with this --preferred-challenge` : ''}`);

    const input: Record<string, unknown> = { authFlow, userPoolId, clientId };
    const optional: [string, unknown][] = [
      ['username', flags.string('username')],
      ['deviceKey', flags.string('device-key')],
      ['clientMetadata', keyValueMap(flags.strings('client-metadata'), '--client-metadata')],
      ['analyticsEndpointId', flags.string('analytics-endpoint-id')],
      ['session', flags.string('session')],
      ['withSrp', flags.boolean('with-srp') ? true : undefined],
      ['preferredChallenge', preferred],
      ['clientSecret', await secrets.get('clientSecret')],
    ];
    if (usesPassword) optional.push(['password', await secrets.require('password', `--auth-flow ${authFlow}`)]);
    if (usesRefresh) optional.push(['refreshToken', await secrets.require('refreshToken', `--auth-flow ${authFlow}`)]);
    for (const [key, value] of optional) if (value !== undefined) input[key] = value;

    const { request, srpSession } = buildAdminInitiateAuth(input as AdminInitiateAuthInput);
    const output = prepareOutput(ctx, request, flags.string('out'), 'aws cognito-idp admin-initiate-auth');
    if (srpSession !== undefined) {
      const path = statePath(ctx, flags.string('state'));
      writeState(path, {
        userPoolId,
        clientId,
        ...(input.username === undefined ? {} : { username: input.username as string }),
        ...(input.deviceKey === undefined ? {} : { deviceKey: input.deviceKey as string }),
        pending: { challenge: 'PASSWORD_VERIFIER', srpSession },
      });
      ctx.stderr(`cognito-kit: SRP session saved to ${flags.string('state') ?? DEFAULT_STATE_FILE} (mode 0600, secret) for "cognito-kit respond"\n`);
    }
    output.write();
    return 0;
  },
});

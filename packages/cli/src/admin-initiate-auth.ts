/**
 * `cognito-kit admin-initiate-auth`: the AdminInitiateAuth request for any flow, as JSON for
 * `aws cognito-idp admin-initiate-auth --cli-input-json`; for SRP flows the session goes to the state file.
 *
 * @module
 */
import {
  AUTH_FLOWS,
  FLOW_INPUTS,
  RequestValidationError,
  buildAdminInitiateAuth,
  flowNeeds,
  type AdminInitiateAuthInput,
  type AdminMembers,
  type AuthFlow,
  type ChallengeName,
  type CustomAuthFlow,
  type FlowMember,
  type FlowNeeds,
  type PasswordFlow,
  type RefreshFlow,
  type UserAuthFlow,
  type UserSrpAuthFlow,
  type ValidationIssue,
} from '@cognito-kit/request-builder';
import { UsageError, keyValueMap, type FlagSpec, type Flags } from './args.js';
import { COMMON_HELP, defineCommand, type Command } from './command.js';
import type { Context } from './io.js';
import { prepareOutput } from './output.js';
import { Secrets, requireGiven, secretHelp, type SecretName } from './secrets.js';
import { DEFAULT_STATE_FILE, statePath, writeState } from './state.js';
import { didYouMean } from './suggest.js';

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

/** The flags that give a flow's input members; which flow takes which is FLOW_INPUTS, the builder's table. */
const FLOW_FLAGS: readonly (readonly [FlowMember, string])[] = [
  ['username', 'username'],
  ['deviceKey', 'device-key'],
  ['withSrp', 'with-srp'],
  ['preferredChallenge', 'preferred-challenge'],
];

/**
 * The PREFERRED_CHALLENGE values of USER_AUTH, for --help and `did you mean`. Another value is passed on as it is
 * (the builder takes any string; Cognito decides), unless it is a near miss of one of these.
 */
const PREFERRED_CHALLENGES = ['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const satisfies readonly ChallengeName[];

/** The flow members of the builder's input: one variant of AdminInitiateAuthInput per flow. */
type FlowInput = UserSrpAuthFlow | PasswordFlow<'ADMIN_USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH' | 'USER_PASSWORD_AUTH'> | RefreshFlow | CustomAuthFlow | UserAuthFlow;

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
Flow names are written as above: "user_srp_auth", "USER-SRP-AUTH" or a near typo is refused, naming the flow meant.

Options:
  --user-pool-id ID          the user pool, such as eu-west-2_AbC123 (required)
  --client-id ID             the app client (required)
  --auth-flow FLOW           one of the flows above (required)
  --username NAME            the user (required by every flow but the refresh flows; an alias is fine to
                             start, answers use USER_ID_FOR_SRP)
  --device-key KEY           a remembered device's key (DEVICE_KEY)
  --with-srp                 CUSTOM_AUTH: start with SRP
  --preferred-challenge C    USER_AUTH: PREFERRED_CHALLENGE (${PREFERRED_CHALLENGES.join(', ')})
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
Exit codes: 0 ok, 1 the request is invalid (one "error: <path>: <message>" line per problem; an --auth-flow that
is not a flow says which one it is close to, "did you mean USER_SRP_AUTH?", or lists them), 2 usage error (every
missing flag and secret the flow needs named in one message).`;

export const adminInitiateAuth: Command = defineCommand({
  name: NAME,
  summary: 'the AdminInitiateAuth request (any flow; SRP_A and SECRET_HASH computed) for aws --cli-input-json',
  help: HELP,
  flags: SPEC,
  secrets: SECRETS,
  async run(ctx: Context, flags: Flags): Promise<number> {
    const secrets = new Secrets(ctx, flags, SECRETS);
    const flowName = flags.string('auth-flow');
    const authFlow = AUTH_FLOWS.find((flow) => flow === flowName);
    const preferred = flags.string('preferred-challenge');
    // What the flow needs is the builder's table; an --auth-flow that is not a flow needs nothing known yet.
    const needs = authFlow === undefined ? undefined : flowNeeds(authFlow, { withSrp: flags.boolean('with-srp'), preferredChallenge: preferred });
    const wrongValues = enumProblems(flowName, authFlow, preferred);
    const secretsNeeded: SecretName[] = [];
    if (needs?.password === true) secretsNeeded.push('password');
    if (needs?.refreshToken === true) secretsNeeded.push('refreshToken');
    requireGiven({
      flags: flags.missing(['user-pool-id', 'client-id', 'auth-flow', ...(needs?.username === true ? ['username'] : [])]),
      secrets: secrets.missing(secretsNeeded),
      secretsFor: `--auth-flow ${authFlow}`,
      note: wrongValues.length === 0 ? undefined : wrongValues.map((problem) => `${problem.flag} ${problem.text}`).join('; '),
    });
    if (wrongValues.length > 0) {
      throw new RequestValidationError(wrongValues.map(({ path, text }): ValidationIssue => ({ code: 'INVALID_ENUM', path, message: `${path} ${text}` })));
    }
    // Given, and a flow (both checked above).
    if (authFlow === undefined || needs === undefined) throw new UsageError('missing --auth-flow');
    if (flags.has('state') && !needs.srp) {
      throw new UsageError(`--state is only used by SRP flows (USER_SRP_AUTH, CUSTOM_AUTH --with-srp, USER_AUTH --preferred-challenge PASSWORD_SRP)`);
    }
    secrets.onlyUsing(['clientSecret', ...secretsNeeded], `by --auth-flow ${authFlow}${authFlow === 'USER_AUTH' ? ` with this --preferred-challenge` : ''}`);

    const admin: AdminMembers = {
      userPoolId: flags.required('user-pool-id'),
      clientId: flags.required('client-id'),
      clientSecret: await secrets.get('clientSecret'),
      clientMetadata: keyValueMap(flags.strings('client-metadata'), '--client-metadata'),
      analyticsEndpointId: flags.string('analytics-endpoint-id'),
      session: flags.string('session'),
    };
    const input: AdminInitiateAuthInput = { ...admin, ...(await flowInput(authFlow, needs, flags, secrets)) };
    const { request, srpSession } = withUnusedFlags(authFlow, flags, () => buildAdminInitiateAuth(input));
    const output = prepareOutput(ctx, request, flags.string('out'), 'aws cognito-idp admin-initiate-auth');
    if (srpSession !== undefined) {
      const path = statePath(ctx, flags.string('state'));
      const username = flags.string('username');
      const deviceKey = flags.string('device-key');
      writeState(path, {
        userPoolId: admin.userPoolId,
        clientId: admin.clientId,
        ...(username === undefined ? {} : { username }),
        ...(deviceKey === undefined ? {} : { deviceKey }),
        pending: { challenge: 'PASSWORD_VERIFIER', srpSession },
      });
      ctx.stderr(`cognito-kit: SRP session saved to ${flags.string('state') ?? DEFAULT_STATE_FILE} (mode 0600, secret) for "cognito-kit respond"\n`);
    }
    output.write();
    return 0;
  },
});

/** A flag value outside its enum: the input path, the flag, and what is wrong (never the value typed). */
interface EnumProblem {
  path: 'authFlow' | 'preferredChallenge';
  flag: string;
  text: string;
}

/**
 * --auth-flow that is not a flow (`did you mean USER_SRP_AUTH?` when it is close to one, else the list), and a
 * --preferred-challenge that is a near miss of a known one (`password_srp`). Neither message repeats the value.
 */
function enumProblems(flowName: string | undefined, authFlow: AuthFlow | undefined, preferred: string | undefined): EnumProblem[] {
  const problems: EnumProblem[] = [];
  if (flowName !== undefined && authFlow === undefined) {
    const hint = didYouMean(flowName, AUTH_FLOWS);
    problems.push({
      path: 'authFlow',
      flag: '--auth-flow',
      text: hint === undefined ? `must be one of ${AUTH_FLOWS.join(', ')} for AdminInitiateAuth` : `is not a flow: ${hint}`,
    });
  }
  if (preferred !== undefined && (authFlow === undefined || authFlow === 'USER_AUTH') && !PREFERRED_CHALLENGES.some((name) => name === preferred)) {
    const hint = didYouMean(preferred, PREFERRED_CHALLENGES);
    if (hint !== undefined) problems.push({ path: 'preferredChallenge', flag: '--preferred-challenge', text: `is not a challenge name: ${hint}` });
  }
  return problems;
}

/**
 * The flow's members of the builder input, read from the flags and secrets (all known to be given: the run checked
 * them against {@link flowNeeds} first). Each flow's variant is built where its members are named, so the type
 * checker holds it to the builder's input type.
 */
async function flowInput(authFlow: AuthFlow, needs: FlowNeeds, flags: Flags, secrets: Secrets): Promise<FlowInput> {
  const why = `--auth-flow ${authFlow}`;
  const deviceKey = flags.string('device-key');
  switch (authFlow) {
    case 'USER_SRP_AUTH':
      return { authFlow, username: flags.required('username'), deviceKey };
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
    case 'USER_PASSWORD_AUTH':
      return { authFlow, username: flags.required('username'), password: await secrets.require('password', why), deviceKey };
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return { authFlow, refreshToken: await secrets.require('refreshToken', why), username: flags.string('username'), deviceKey };
    case 'CUSTOM_AUTH':
      return { authFlow, username: flags.required('username'), withSrp: needs.srp ? true : undefined, deviceKey };
    case 'USER_AUTH':
      return {
        authFlow,
        username: flags.required('username'),
        preferredChallenge: flags.string('preferred-challenge'),
        password: needs.password ? await secrets.require('password', why) : undefined,
        deviceKey,
      };
  }
}

/**
 * Runs the builder, and reports a flag the flow does not take (`--with-srp` with USER_SRP_AUTH, per FLOW_INPUTS) as
 * the builder reports such a member, UNEXPECTED_FIELD, together with whatever else the builder finds: the input
 * holds only the flow's members, so nothing is dropped unsaid.
 */
function withUnusedFlags<T>(authFlow: AuthFlow, flags: Flags, build: () => T): T {
  const takes: readonly FlowMember[] = FLOW_INPUTS[authFlow];
  const unused = FLOW_FLAGS.filter(([member, flag]) => flags.has(flag) && !takes.includes(member)).map(
    ([member]): ValidationIssue => ({ code: 'UNEXPECTED_FIELD', path: member, message: `${member} is not used by the ${authFlow} flow` }),
  );
  let built: T;
  try {
    built = build();
  } catch (error) {
    if (error instanceof RequestValidationError && unused.length > 0) throw new RequestValidationError([...error.issues, ...unused]);
    throw error;
  }
  if (unused.length > 0) throw new RequestValidationError(unused);
  return built;
}

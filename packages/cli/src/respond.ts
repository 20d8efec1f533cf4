/**
 * `cognito-kit respond`: reads the response the AWS CLI printed and prints the AdminRespondToAuthChallenge request
 * for `aws cognito-idp admin-respond-to-auth-challenge --cli-input-json`.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { createSrpSession, type SrpSession } from '@cognito-kit/srp';
import { buildAdminRespondToAuthChallenge, type AdminMembers, type AdminRespondToAuthChallengeInput, type AuthResponse } from '@cognito-kit/request-builder';
import { Failure, UsageError, keyValue, keyValueMap, listOf, type FlagSpec, type Flags } from './args.js';
import { COMMON_HELP, defineCommand, type Command } from './command.js';
import { isRecord, resolvePath, type Context } from './io.js';
import { prepareOutput } from './output.js';
import { Secrets, given, howToPass, requireGiven, secretHelp, type SecretName } from './secrets.js';
import { DEFAULT_STATE_FILE, readState, statePath, writeState, type LoginState } from './state.js';

const NAME = 'respond';
const SECRETS: readonly SecretName[] = ['clientSecret', 'password', 'newPassword', 'devicePassword'];
const SPEC: Record<string, FlagSpec> = {
  input: { type: 'string' },
  state: { type: 'string' },
  'user-pool-id': { type: 'string' },
  'client-id': { type: 'string' },
  username: { type: 'string' },
  'device-key': { type: 'string' },
  'device-group-key': { type: 'string' },
  answer: { type: 'string', multiple: true },
  session: { type: 'string' },
  'client-metadata': { type: 'string', multiple: true },
  'analytics-endpoint-id': { type: 'string' },
  now: { type: 'string' },
  out: { type: 'string' },
};

/** The challenges whose answer carries a TIMESTAMP, the only ones --now applies to. */
const SIGNED_AT: readonly string[] = ['PASSWORD_VERIFIER', 'DEVICE_PASSWORD_VERIFIER'];
/** An ISO 8601 date and time with its zone (Z or ±hh:mm): without one, Date would read it as local time. */
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/i;

/**
 * --now: the instant TIMESTAMP is signed at, for a machine whose clock is off (Cognito refuses a TIMESTAMP a few
 * minutes from its own clock, with the same error as a wrong password).
 */
function parseNow(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = ISO_INSTANT.test(text) ? new Date(text) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now must be an ISO 8601 instant with its zone, such as 2026-11-26T09:30:00Z (got ${JSON.stringify(text.slice(0, 40))})`);
  }
  return date;
}

/** ChallengeResponses keys that hold secrets: never from --answer. */
const SECRET_ANSWERS: Record<string, SecretName> = { PASSWORD: 'password', NEW_PASSWORD: 'newPassword', SECRET_HASH: 'clientSecret' };

/** What each pass-through challenge is answered with (for the hint when --answer is missing). */
const EXPECTED_ANSWERS: Record<string, string> = {
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_MFA: 'EMAIL_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  SELECT_MFA_TYPE: 'ANSWER',
  SELECT_CHALLENGE: 'ANSWER',
  CUSTOM_CHALLENGE: 'ANSWER',
  WEB_AUTHN: 'CREDENTIAL',
};
/** Pass-through challenges that need no --answer (their values come from the environment or the response). */
const NO_ANSWER_NEEDED = ['PASSWORD', 'ADMIN_NO_SRP_AUTH', 'NEW_PASSWORD_REQUIRED', 'MFA_SETUP', 'PASSWORD_SRP'];

const AWS_RESPOND = 'aws cognito-idp admin-respond-to-auth-challenge';

const HELP = `usage: cognito-kit respond [--input FILE] [options]

Reads the JSON the AWS CLI printed for admin-initiate-auth or admin-respond-to-auth-challenge (stdin, or --input
FILE) and prints the AdminRespondToAuthChallenge request for its ChallengeName:

  aws cognito-idp admin-initiate-auth --cli-input-json "$(cognito-kit admin-initiate-auth ...)" \\
    | cognito-kit respond > answer.json
  aws cognito-idp admin-respond-to-auth-challenge --cli-input-json file://answer.json

Challenges:
  PASSWORD_VERIFIER          the SRP answer, from the session in the state file and the password; adds DEVICE_KEY
                             with --device-key (or the one admin-initiate-auth was given)
  DEVICE_SRP_AUTH            USERNAME, DEVICE_KEY (--device-key) and SRP_A of a new session, saved to the state file
  DEVICE_PASSWORD_VERIFIER   the device's SRP answer: --device-group-key and the device password
  PASSWORD_SRP, SELECT_CHALLENGE with --answer ANSWER=PASSWORD_SRP
                             USERNAME and SRP_A of a new session, saved to the state file (PASSWORD_VERIFIER next)
  PASSWORD, ADMIN_NO_SRP_AUTH, SELECT_CHALLENGE with ANSWER=PASSWORD
                             the password (request holds it: needs --out)
  NEW_PASSWORD_REQUIRED      the new password (request holds it: needs --out); --answer userAttributes.X=V adds
                             required attributes
  any other (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP, EMAIL_MFA, CUSTOM_CHALLENGE, ...)
                             --answer KEY=VALUE pairs as given, e.g. --answer SOFTWARE_TOKEN_MFA_CODE=123456

USERNAME is added when not given: --username, else the response's USER_ID_FOR_SRP or USERNAME, else the state
file's. With a client secret, SECRET_HASH is added over USERNAME. Session comes from the response (or --session).

Options:
  --input FILE               the response JSON (default: stdin; "-" is stdin too)
  --state FILE               the state file (default ./${DEFAULT_STATE_FILE}); after its SRP session is used the
                             file is rewritten without it (the pool, client and username stay for later challenges)
  --user-pool-id ID          needed when there is no state file (must match it when there is)
  --client-id ID             likewise
  --username NAME            USERNAME for the answer
  --device-key KEY           the remembered device's key
  --device-group-key KEY     its DeviceGroupKey (DEVICE_PASSWORD_VERIFIER; kept in the state file once given)
  --answer KEY=VALUE         a ChallengeResponses entry (repeatable); PASSWORD, NEW_PASSWORD and SECRET_HASH are
                             refused (they come from the environment)
  --session S                Session to send instead of the response's (for example after verify-software-token)
  --now INSTANT              sign TIMESTAMP at this instant, not the system clock's (PASSWORD_VERIFIER and
                             DEVICE_PASSWORD_VERIFIER): ISO 8601 with a zone, e.g. 2026-11-26T09:30:00Z. Cognito
                             refuses a TIMESTAMP a few minutes off its clock as if the password were wrong
${COMMON_HELP.clientMetadata}
${COMMON_HELP.analytics}
${COMMON_HELP.out}
${COMMON_HELP.help}

Secrets (never as flags; only one can come from stdin, and only with --input FILE):
${secretHelp(SECRETS)}

Exit codes: 0 ok, 1 the answer cannot be built (no challenge in the input, used or missing state, invalid
request: "error: <path>: <message>" lines), 2 usage error.`;

/** The challenge of the response the AWS CLI printed, as the builder takes a previous reply. */
interface ParsedResponse extends AuthResponse {
  ChallengeName: string;
}

function parseResponse(text: string, source: string): ParsedResponse {
  if (text.trim() === '') {
    throw new Failure(`${source} is empty: expected the JSON the AWS CLI printed for admin-initiate-auth or admin-respond-to-auth-challenge`);
  }
  let response: unknown;
  try {
    response = JSON.parse(text);
  } catch {
    throw new Failure(`${source} is not JSON (if the AWS CLI printed text or a table, add --output json)`);
  }
  if (!isRecord(response)) throw new Failure(`${source} is not a JSON object`);
  if (response.ChallengeName === undefined) {
    if (response.AuthenticationResult !== undefined) {
      throw new Failure('the response has no ChallengeName but an AuthenticationResult: the login is complete, there is nothing to answer');
    }
    throw new Failure(`${source} has no ChallengeName: expected an AdminInitiateAuth or AdminRespondToAuthChallenge response`);
  }
  if (typeof response.ChallengeName !== 'string') throw new Failure('ChallengeName in the response is not a string');
  const parsed: ParsedResponse = { ChallengeName: response.ChallengeName, ChallengeParameters: challengeParameters(response.ChallengeParameters) };
  if (typeof response.Session === 'string') parsed.Session = response.Session;
  return parsed;
}

/** ChallengeParameters: a map of strings, or undefined when the response has none (the builder says if it needs one). */
function challengeParameters(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new Failure('ChallengeParameters in the response is not a JSON object');
  const parameters: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw new Failure('ChallengeParameters in the response has a value that is not a string');
    // defineProperty: a `__proto__` key stays a member instead of setting the prototype.
    Object.defineProperty(parameters, key, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return parameters;
}

/** A flag, or the state file's value; both given and different is a usage error. */
function fromFlagOrState(flags: Flags, flag: string, stateValue: string | undefined, path: string): string | undefined {
  const given = flags.string(flag);
  if (given !== undefined && stateValue !== undefined && given !== stateValue) {
    throw new UsageError(`--${flag} differs from the value in the state file ${path} (drop the flag, or use another --state)`);
  }
  return given ?? stateValue;
}

export const respond: Command = defineCommand({
  name: NAME,
  summary: 'the AdminRespondToAuthChallenge request for the challenge the AWS CLI printed (SRP answers computed)',
  help: HELP,
  flags: SPEC,
  secrets: SECRETS,
  async run(ctx: Context, flags: Flags): Promise<number> {
    const inputFile = flags.string('input');
    const fromStdin = inputFile === undefined || inputFile === '-';
    const secrets = new Secrets(ctx, flags, SECRETS, fromStdin ? 'the response JSON' : undefined);
    const answers: [string, string][] = flags.strings('answer').map((pair) => keyValue(pair, '--answer'));
    for (const [key] of answers) {
      const secret = SECRET_ANSWERS[key];
      if (secret !== undefined) {
        throw new UsageError(
          key === 'SECRET_HASH'
            ? `--answer SECRET_HASH=… is refused: it is computed from the client secret (${howToPass('clientSecret')})`
            : `--answer ${key}=… is refused: a secret on the command line is visible to other processes; ${howToPass(secret)}`,
        );
      }
    }
    if (new Set(answers.map(([key]) => key)).size !== answers.length) throw new UsageError('--answer gives a key twice');
    const now = parseNow(flags.string('now'));

    let text: string;
    if (fromStdin) {
      if (ctx.stdinIsTTY) ctx.stderr('cognito-kit respond: paste the response JSON, then Ctrl-D (or use --input FILE)\n');
      text = await ctx.readStdin();
    } else {
      try {
        text = readFileSync(resolvePath(ctx, inputFile), 'utf8');
      } catch (error) {
        throw new Failure(`cannot read --input ${inputFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }
    const response = parseResponse(text, fromStdin ? 'stdin' : `--input ${inputFile}`);
    const path = statePath(ctx, flags.string('state'));
    const shownPath = flags.string('state') ?? DEFAULT_STATE_FILE;
    const state = readState(path);
    const missingIds: string[] = [];
    const userPoolId = given(fromFlagOrState(flags, 'user-pool-id', state?.userPoolId, shownPath), '--user-pool-id', missingIds);
    const clientId = given(fromFlagOrState(flags, 'client-id', state?.clientId, shownPath), '--client-id', missingIds);
    if (missingIds.length > 0) {
      throw new UsageError(`missing ${listOf(missingIds)} (there is no state file at ${shownPath} to take ${missingIds.length > 1 ? 'them' : 'it'} from)`);
    }
    const name = response.ChallengeName;
    const params = response.ChallengeParameters ?? {};
    const session = flags.string('session') ?? response.Session;
    if (now !== undefined && !SIGNED_AT.includes(name)) {
      throw new UsageError(`--now is not used for ${name}: only PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER answers carry a TIMESTAMP`);
    }
    const common: AdminMembers = {
      userPoolId,
      clientId,
      clientSecret: await secrets.get('clientSecret'),
      clientMetadata: keyValueMap(flags.strings('client-metadata'), '--client-metadata'),
      analyticsEndpointId: flags.string('analytics-endpoint-id'),
    };
    const base: LoginState = { ...(state ?? {}), userPoolId, clientId };
    delete base.pending;
    /** The challenge's parameters and session as the builder takes them (`response`). */
    const previous: AuthResponse = { ChallengeParameters: response.ChallengeParameters, Session: session };

    const needState = (challenge: 'PASSWORD_VERIFIER' | 'DEVICE_PASSWORD_VERIFIER'): SrpSession => {
      if (state === undefined) {
        throw new Failure(`${name} is answered with the SRP session saved in the state file, and there is none at ${shownPath} (--state)`);
      }
      if (state.pending === undefined) {
        throw new Failure(`the SRP session in ${shownPath} was already used: an SRP_A answers one challenge; start again with cognito-kit admin-initiate-auth`);
      }
      if (state.pending.challenge !== challenge) {
        throw new Failure(`the session in ${shownPath} answers ${state.pending.challenge}, not ${name}`);
      }
      return state.pending.srpSession;
    };
    const noAnswers = (why: string): void => {
      if (answers.length > 0) throw new UsageError(`--answer is not used for ${name} (${why})`);
    };

    let input: AdminRespondToAuthChallengeInput;
    let next: LoginState | undefined; // the state to write once the request is built
    let note: string | undefined;
    switch (name) {
      case 'PASSWORD_VERIFIER': {
        noAnswers('the SRP answer is computed');
        secrets.onlyUsing(['clientSecret', 'password'], 'for PASSWORD_VERIFIER');
        const srpSession = needState('PASSWORD_VERIFIER');
        const deviceKey = flags.string('device-key') ?? state?.deviceKey;
        const password = await secrets.require('password', 'PASSWORD_VERIFIER');
        input = { ...common, challengeName: 'PASSWORD_VERIFIER', srpSession, password, deviceKey, now, response: previous };
        next = { ...base, ...(params.USER_ID_FOR_SRP === undefined ? {} : { username: params.USER_ID_FOR_SRP }), ...(deviceKey === undefined ? {} : { deviceKey }) };
        note = `SRP session used; ${shownPath} no longer holds it`;
        break;
      }
      case 'DEVICE_SRP_AUTH': {
        noAnswers('USERNAME, DEVICE_KEY and SRP_A are computed');
        secrets.onlyUsing(['clientSecret'], 'for DEVICE_SRP_AUTH');
        const missing: string[] = [];
        const username = given(
          flags.string('username') ?? params.USERNAME ?? params.USER_ID_FOR_SRP ?? state?.username,
          '--username (the response and the state file name no user)',
          missing,
        );
        const deviceKey = given(flags.string('device-key') ?? state?.deviceKey, "--device-key (the remembered device's key)", missing);
        requireGiven({ lead: 'DEVICE_SRP_AUTH needs', flags: missing });
        input = { ...common, challengeName: 'DEVICE_SRP_AUTH', username, deviceKey, session };
        const deviceGroupKey = flags.string('device-group-key') ?? state?.deviceGroupKey;
        next = { ...base, username, deviceKey, ...(deviceGroupKey === undefined ? {} : { deviceGroupKey }) };
        note = `new SRP session for DEVICE_PASSWORD_VERIFIER saved to ${shownPath} (mode 0600, secret)`;
        break;
      }
      case 'DEVICE_PASSWORD_VERIFIER': {
        noAnswers('the SRP answer is computed');
        secrets.onlyUsing(['clientSecret', 'devicePassword'], 'for DEVICE_PASSWORD_VERIFIER');
        const srpSession = needState('DEVICE_PASSWORD_VERIFIER');
        const missing: string[] = [];
        const deviceGroupKey = given(flags.string('device-group-key') ?? state?.deviceGroupKey, "--device-group-key (the device's DeviceGroupKey)", missing);
        const deviceKey = given(flags.string('device-key') ?? state?.deviceKey ?? params.DEVICE_KEY, '--device-key', missing);
        requireGiven({
          lead: 'DEVICE_PASSWORD_VERIFIER needs',
          flags: missing,
          secrets: secrets.missing(['devicePassword']),
          secretsFor: 'DEVICE_PASSWORD_VERIFIER',
        });
        const devicePassword = await secrets.require('devicePassword', 'DEVICE_PASSWORD_VERIFIER');
        input = { ...common, challengeName: 'DEVICE_PASSWORD_VERIFIER', srpSession, deviceGroupKey, deviceKey, devicePassword, now, response: previous };
        next = { ...base, deviceKey, deviceGroupKey };
        note = `SRP session used; ${shownPath} no longer holds it`;
        break;
      }
      default: {
        const responses: Record<string, string> = Object.fromEntries(answers);
        const answer = responses.ANSWER;
        const srp = name === 'PASSWORD_SRP' || (name === 'SELECT_CHALLENGE' && answer === 'PASSWORD_SRP');
        const secretsUsed: SecretName[] = [];
        if (name === 'PASSWORD' || name === 'ADMIN_NO_SRP_AUTH' || (name === 'SELECT_CHALLENGE' && answer === 'PASSWORD')) secretsUsed.push('password');
        if (name === 'NEW_PASSWORD_REQUIRED') secretsUsed.push('newPassword');
        secrets.onlyUsing(['clientSecret', ...secretsUsed], `for ${name}${answer === undefined ? '' : ` with ANSWER=${answer}`}`);
        if (responses.USERNAME !== undefined && flags.has('username')) throw new UsageError('give USERNAME once: --username or --answer USERNAME=…');
        const missing: string[] = [];
        if (answers.length === 0 && !NO_ANSWER_NEEDED.includes(name)) {
          const keys = Object.keys(params);
          const expected = EXPECTED_ANSWERS[name];
          missing.push(
            `${expected === undefined ? '--answer KEY=VALUE pairs' : `--answer ${expected}=<value>`}${keys.length > 0 ? ` (its ChallengeParameters: ${keys.join(', ')})` : ''}`,
          );
        }
        const username = given(
          responses.USERNAME ?? flags.string('username') ?? params.USER_ID_FOR_SRP ?? params.USERNAME ?? state?.username,
          '--username (the response and the state file name no user)',
          missing,
        );
        requireGiven({ lead: `${name} needs`, flags: missing, secrets: secrets.missing(secretsUsed), secretsFor: name });
        responses.USERNAME = username;
        if (secretsUsed.includes('password')) responses.PASSWORD = await secrets.require('password', name);
        if (secretsUsed.includes('newPassword')) responses.NEW_PASSWORD = await secrets.require('newPassword', name);
        if (srp) {
          if (responses.SRP_A !== undefined) throw new UsageError(`--answer SRP_A is not used for ${name}: SRP_A comes from a new SRP session`);
          const srpSession = createSrpSession();
          responses.SRP_A = srpSession.srpA;
          next = { ...base, username, pending: { challenge: 'PASSWORD_VERIFIER', srpSession } };
          note = `new SRP session for PASSWORD_VERIFIER saved to ${shownPath} (mode 0600, secret)`;
        }
        input = { ...common, challengeName: name, challengeResponses: responses, session };
      }
    }

    const built = buildAdminRespondToAuthChallenge(input);
    const output = prepareOutput(ctx, built.request, flags.string('out'), AWS_RESPOND);
    if (next !== undefined) {
      if (built.srpSession !== undefined) next.pending = { challenge: 'DEVICE_PASSWORD_VERIFIER', srpSession: built.srpSession };
      writeState(path, next);
      if (note !== undefined) ctx.stderr(`cognito-kit: ${note}\n`);
    }
    output.write();
    return 0;
  },
});

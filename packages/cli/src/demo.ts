/**
 * `cognito-kit demo`: a full USER_SRP_AUTH login, every request built by `@cognito-kit/request-builder` and printed
 * redacted with the server's reply and how long the math took. By default against a local pool
 * (`@cognito-kit/local-pool`, in this process: then a device is confirmed and signs in, and a wrong password is
 * refused); with `--endpoint URL` the same requests go over HTTP.
 *
 * @module
 */
import {
  CognitoServiceError,
  RequestValidationError,
  buildConfirmDevice,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  redact,
  send,
  toHttpRequest,
  type AuthenticationResultType,
  type AuthResponse,
  type ConfirmDeviceResponse,
  type Destination,
  type HttpRequest,
  type RequestOf,
  type SendOptions,
} from '@cognito-kit/request-builder';
import { Failure, UsageError, type FlagSpec, type Flags } from './args.js';
import { COMMON_HELP, defineCommand, type Command } from './command.js';
import { createLocalUserPools } from '@cognito-kit/local-pool';
import { DEMO, demoPoolsConfig } from './demo-pool.js';
import { isRecord, type Context } from './io.js';
import { Secrets, requireGiven, secretHelp, type SecretName } from './secrets.js';

const NAME = 'demo';
const SECRETS: readonly SecretName[] = ['clientSecret', 'password'];
const SPEC: Record<string, FlagSpec> = {
  endpoint: { type: 'string' },
  'user-pool-id': { type: 'string' },
  'client-id': { type: 'string' },
  username: { type: 'string' },
};

const HELP = `usage: cognito-kit demo [--endpoint URL --user-pool-id ID --client-id ID --username NAME]

Runs a full USER_SRP_AUTH login with requests built by @cognito-kit/request-builder and prints each request
(redacted: ClientId, Session and every AuthParameters/ChallengeResponses value masked), the server's reply
(tokens and Session masked, long values shortened) and how many milliseconds the SRP math took.

Without --endpoint (the default) the server is a local user pool in this process (@cognito-kit/local-pool, the
one "cognito-kit serve" serves), which checks every signature and SECRET_HASH as Cognito does:
  1. login with the right password (app client with a secret), which returns NewDeviceMetadata
  2. ConfirmDevice with a device verifier (buildConfirmDevice)
  3. login from the remembered device: PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER
  4. login with a wrong password, which must be refused
Exit code 0 only if 1 and 3 are accepted and 4 is refused. The pool is ${DEMO.userPoolId}, the client
${DEMO.clientId}, the user ${DEMO.username}; --user-pool-id, --client-id, --username and the secrets below
override them.

With --endpoint URL the InitiateAuth and RespondToAuthChallenge requests (public operations, unsigned) are sent
with fetch to URL; against Cognito (https://cognito-idp.<region>.amazonaws.com) this is a real login of a real
user. --user-pool-id, --client-id, --username and the password are then required; only step 1 runs (no device
is confirmed, no wrong password is tried). Exit code 0 if the login returns an AuthenticationResult.

Options:
  --endpoint URL             send the requests to URL instead of the local pool
  --user-pool-id ID          the user pool (SRP hashes its name into x)
  --client-id ID             the app client (must allow ALLOW_USER_SRP_AUTH)
  --username NAME            the user
${COMMON_HELP.help}

Secrets (never as flags; defaults for the local pool, required with --endpoint except the client secret):
${secretHelp(SECRETS)}

Exit codes: 0 as above, 1 an unexpected outcome or an unreachable endpoint, 2 usage error.`;

interface Target {
  userPoolId: string;
  clientId: string;
  clientSecret: string | undefined;
  username: string;
}

/** Where the demo's requests go, through `send`: the destination, the fetch, and whose milliseconds are shown. */
interface Transport {
  readonly destination: Destination;
  /** The fetch `send` uses: the embedded pool's handler, or undefined for the runtime's fetch. */
  readonly fetch: ((request: Request) => Promise<Response>) | undefined;
  readonly serverTime: 'server math' | 'round trip';
  /** The server's milliseconds in the last exchange, which took `roundTrip` milliseconds. */
  serverMs(roundTrip: number): number;
}

/**
 * The local pool, in this process, as the fetch `send` uses: it parses the exact bytes `toHttpRequest` produced and
 * answers as Cognito does over HTTP, which `send` reads with `readResponse` as it reads Cognito's. Nothing goes over
 * the network, so the milliseconds of an exchange are the server's work.
 */
function localTransport(fetch: (request: Request) => Promise<Response>, region: string): Transport {
  return { destination: { region }, serverTime: 'server math', serverMs: (roundTrip) => roundTrip, fetch };
}

/** Cognito at `endpoint`, through the runtime's fetch; the milliseconds shown are the round trip's. */
function httpTransport(endpoint: string): Transport {
  return { destination: { endpoint }, fetch: undefined, serverTime: 'round trip', serverMs: (roundTrip) => roundTrip };
}

/** Why a fetch failed: the system error code (ECONNREFUSED, ENOTFOUND) when there is one. */
function fetchFailure(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (isRecord(cause) && typeof cause.code === 'string') return cause.code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** What a reply is, for its heading: the challenge it names, the AuthenticationResult, or OK. */
function replyName(reply: AuthResponse | ConfirmDeviceResponse): string {
  if ('ChallengeName' in reply && reply.ChallengeName !== undefined) return reply.ChallengeName;
  if ('AuthenticationResult' in reply && reply.AuthenticationResult !== undefined) return 'AuthenticationResult';
  return 'OK';
}

/** Long values (SRP_B, SALT, SECRET_BLOCK, verifiers) shortened for the screen. */
function shorten(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, entry: unknown) =>
    key !== '' && typeof entry === 'string' && entry.length > 40 ? `${entry.slice(0, 16)}…(${entry.length} chars)` : entry,
  );
}

function timed<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const indent = (value: unknown): string => JSON.stringify(value, null, 2).replace(/^/gm, '    ');

interface Device {
  deviceKey: string;
  deviceGroupKey: string;
  devicePassword: string;
}

type Outcome = { kind: 'signed-in'; result: AuthenticationResultType } | { kind: 'refused'; type: string } | { kind: 'stopped'; challenge: string };

class Demo {
  clientMs = 0;
  serverMs = 0;

  constructor(
    private readonly ctx: Context,
    private readonly transport: Transport,
    private readonly target: Target,
  ) {}

  private print(text: string): void {
    this.ctx.stdout(`${text}\n`);
  }

  /**
   * Sends a request built in `clientMs` (`call` is `send` with the transport's fetch), then prints it as `shown`
   * (redacted) and the reply (tokens and Session masked). Returns the reply, or Cognito's refusal.
   */
  private async exchange<R extends AuthResponse | ConfirmDeviceResponse>(
    label: string,
    clientMs: number,
    http: HttpRequest,
    shown: object,
    call: (options: SendOptions) => Promise<R>,
  ): Promise<R | CognitoServiceError> {
    this.clientMs += clientMs;
    const started = performance.now();
    let reply: R | CognitoServiceError;
    try {
      reply = await call({ fetch: this.transport.fetch });
    } catch (error) {
      if (!(error instanceof CognitoServiceError)) {
        if (this.transport.fetch === undefined && !(error instanceof RequestValidationError)) throw new Failure(`cannot reach ${http.url} (${fetchFailure(error)})`);
        throw error;
      }
      // A 2xx reply that is not Cognito's JSON is no answer of Cognito's: the endpoint is something else.
      if (error.status >= 200 && error.status <= 299) throw new Failure(`${http.url} answered ${error.message}`);
      reply = error;
    }
    const serverMs = this.transport.serverMs(performance.now() - started);
    this.serverMs += serverMs;
    this.print(`  → ${label}  (client math ${ms(clientMs)})`);
    this.print(`    ${http.method} ${http.url}  X-Amz-Target: ${http.headers['X-Amz-Target']}`);
    this.print(indent(shorten(shown)));
    if (reply instanceof CognitoServiceError) {
      this.print(`  ← ${reply.name}: ${reply.message}  (${this.transport.serverTime} ${ms(serverMs)})`);
    } else {
      this.print(`  ← ${replyName(reply)}  (${this.transport.serverTime} ${ms(serverMs)})`);
      this.print(indent(shorten(redact(reply))));
    }
    return reply;
  }

  /** InitiateAuth or RespondToAuthChallenge through {@link exchange}, printed redacted. */
  private auth<Op extends 'InitiateAuth' | 'RespondToAuthChallenge'>(operation: Op, request: RequestOf<Op>, label: string, clientMs: number): Promise<AuthResponse | CognitoServiceError> {
    const { destination } = this.transport;
    return this.exchange(label, clientMs, toHttpRequest(operation, request, destination), redact(request), (options) => send(operation, request, destination, options));
  }

  /** USER_SRP_AUTH → PASSWORD_VERIFIER (→ DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER with a device). */
  async login(password: string, device?: Device): Promise<Outcome> {
    const t = this.target;
    const deviceKey = device?.deviceKey;
    const [first, msA] = timed(() => buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: t.clientId, clientSecret: t.clientSecret, username: t.username, deviceKey }));
    const verifier = await this.auth('InitiateAuth', first.request, 'InitiateAuth USER_SRP_AUTH: SRP_A = g^a mod N', msA);
    if (verifier instanceof CognitoServiceError) return { kind: 'refused', type: verifier.name };
    if (verifier.ChallengeName !== 'PASSWORD_VERIFIER') return { kind: 'stopped', challenge: String(verifier.ChallengeName) };
    const [answer, msClaim] = timed(() =>
      buildRespondToAuthChallenge({
        challengeName: 'PASSWORD_VERIFIER',
        userPoolId: t.userPoolId,
        clientId: t.clientId,
        clientSecret: t.clientSecret,
        srpSession: first.srpSession,
        password,
        response: verifier,
        deviceKey,
      }),
    );
    let reply = await this.auth('RespondToAuthChallenge', answer.request, 'RespondToAuthChallenge PASSWORD_VERIFIER: u, x, S, HKDF, signature', msClaim);
    if (!(reply instanceof CognitoServiceError) && reply.ChallengeName === 'DEVICE_SRP_AUTH' && device !== undefined) {
      const username = verifier.ChallengeParameters?.USER_ID_FOR_SRP ?? t.username;
      const session = reply.Session;
      const [deviceStart, msDeviceA] = timed(() =>
        buildRespondToAuthChallenge({ challengeName: 'DEVICE_SRP_AUTH', clientId: t.clientId, clientSecret: t.clientSecret, username, deviceKey: device.deviceKey, session }),
      );
      const deviceChallenge = await this.auth('RespondToAuthChallenge', deviceStart.request, 'RespondToAuthChallenge DEVICE_SRP_AUTH: SRP_A of a new session', msDeviceA);
      if (deviceChallenge instanceof CognitoServiceError) return { kind: 'refused', type: deviceChallenge.name };
      if (deviceChallenge.ChallengeName !== 'DEVICE_PASSWORD_VERIFIER') return { kind: 'stopped', challenge: String(deviceChallenge.ChallengeName) };
      const [deviceAnswer, msDeviceClaim] = timed(() =>
        buildRespondToAuthChallenge({
          challengeName: 'DEVICE_PASSWORD_VERIFIER',
          clientId: t.clientId,
          clientSecret: t.clientSecret,
          srpSession: deviceStart.srpSession,
          deviceGroupKey: device.deviceGroupKey,
          deviceKey: device.deviceKey,
          devicePassword: device.devicePassword,
          response: deviceChallenge,
        }),
      );
      reply = await this.auth(
        'RespondToAuthChallenge',
        deviceAnswer.request,
        'RespondToAuthChallenge DEVICE_PASSWORD_VERIFIER: the device signs with its password',
        msDeviceClaim,
      );
    }
    if (reply instanceof CognitoServiceError) return { kind: 'refused', type: reply.name };
    if (reply.AuthenticationResult !== undefined) return { kind: 'signed-in', result: reply.AuthenticationResult };
    return { kind: 'stopped', challenge: String(reply.ChallengeName) };
  }

  /** ConfirmDevice for the NewDeviceMetadata of a login; returns the device, or undefined when refused. */
  async confirmDevice(result: AuthenticationResultType): Promise<Device | undefined> {
    const deviceKey = result.NewDeviceMetadata?.DeviceKey;
    const deviceGroupKey = result.NewDeviceMetadata?.DeviceGroupKey;
    if (deviceKey === undefined || deviceGroupKey === undefined) {
      this.print('  (no NewDeviceMetadata in the login: nothing to confirm)');
      return undefined;
    }
    const [confirm, msVerifier] = timed(() => buildConfirmDevice({ accessToken: result.AccessToken, deviceGroupKey, deviceKey }));
    const { request } = confirm;
    const { destination } = this.transport;
    const reply = await this.exchange(
      'ConfirmDevice: device password (kept by the client), salt, verifier g^x',
      msVerifier,
      toHttpRequest('ConfirmDevice', request, destination),
      { ...request, AccessToken: '***' },
      (options) => send('ConfirmDevice', request, destination, options),
    );
    if (reply instanceof CognitoServiceError) return undefined;
    return { deviceKey, deviceGroupKey, devicePassword: confirm.devicePassword };
  }
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'signed-in') return 'accepted (AuthenticationResult)';
  if (outcome.kind === 'refused') return `refused (${outcome.type})`;
  return `stopped at ${outcome.challenge} (not answered by the demo)`;
}

export const demo: Command = defineCommand({
  name: NAME,
  summary: 'a full SRP login, printed step by step: against the embedded server half, or --endpoint URL',
  help: HELP,
  flags: SPEC,
  secrets: SECRETS,
  async run(ctx: Context, flags: Flags): Promise<number> {
    const secrets = new Secrets(ctx, flags, SECRETS);
    const endpoint = flags.string('endpoint');
    const out = (text: string): void => ctx.stdout(`${text}\n`);

    if (endpoint !== undefined) {
      if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(endpoint)) throw new UsageError('--endpoint must be an http(s) URL, such as https://cognito-idp.eu-west-2.amazonaws.com');
      requireGiven({
        flags: flags.missing(['user-pool-id', 'client-id', 'username']),
        secrets: secrets.missing(['password']),
        secretsFor: 'demo --endpoint',
      });
      const clientSecret = await secrets.get('clientSecret');
      const target: Target = {
        userPoolId: flags.required('user-pool-id'),
        clientId: flags.required('client-id'),
        username: flags.required('username'),
        clientSecret,
      };
      const password = await secrets.require('password', 'demo --endpoint');
      out(`cognito-kit demo: USER_SRP_AUTH against ${endpoint}`);
      out(`user pool ${target.userPoolId}, user ${target.username}, app client ${clientSecret === undefined ? 'without' : 'with'} a secret (password and secret never shown)`);
      const run = new Demo(ctx, httpTransport(endpoint), target);
      out('\n1. login');
      const outcome = await run.login(password);
      out(`\nlogin: ${describeOutcome(outcome)}; client math ${ms(run.clientMs)}, round trips ${ms(run.serverMs)}`);
      return outcome.kind === 'signed-in' ? 0 : 1;
    }

    const clientSecret = (await secrets.get('clientSecret')) ?? DEMO.clientSecret;
    const password = (await secrets.get('password')) ?? DEMO.password;
    const target = {
      userPoolId: flags.string('user-pool-id') ?? DEMO.userPoolId,
      clientId: flags.string('client-id') ?? DEMO.clientId,
      username: flags.string('username') ?? DEMO.username,
      clientSecret,
    } satisfies Target;
    let pools;
    const created = performance.now();
    try {
      pools = createLocalUserPools(demoPoolsConfig({ ...target, password }));
    } catch (error) {
      // A --user-pool-id, --client-id or --username the pool refuses (the message names the member, not its value).
      throw new UsageError(`cannot set up the local pool: ${error instanceof Error ? error.message : String(error)}`);
    }
    const setUpMs = performance.now() - created;
    out('cognito-kit demo: USER_SRP_AUTH against a local user pool (@cognito-kit/local-pool, in this process)');
    out(`user pool ${target.userPoolId}, user ${target.username}, app client with a secret (password and secret never shown; requests redacted)`);
    out(`server: user created; it stores a salt and the verifier g^x, never the password (${ms(setUpMs)})`);
    const local = pools;
    const run = new Demo(ctx, localTransport((request) => local.fetch(request), target.userPoolId.split('_')[0] ?? 'us-east-1'), target);

    out('\n1. login with the right password');
    const right = await run.login(password);
    out(`   → ${describeOutcome(right)}`);
    out('\n2. remember this device');
    const device = right.kind === 'signed-in' ? await run.confirmDevice(right.result) : undefined;
    out(`   → ${device === undefined ? 'not confirmed' : 'confirmed (the device password stays with the client)'}`);
    out('\n3. login from the remembered device');
    const remembered: Outcome = device === undefined ? { kind: 'stopped', challenge: '(no device)' } : await run.login(password, device);
    out(`   → ${describeOutcome(remembered)}`);
    out('\n4. login with a wrong password');
    const wrong = await run.login(`${password}!`);
    out(`   → ${describeOutcome(wrong)}`);

    const ok = right.kind === 'signed-in' && remembered.kind === 'signed-in' && wrong.kind === 'refused';
    out('\nsummary');
    out(`  right password:     ${describeOutcome(right)}`);
    out(`  remembered device:  ${describeOutcome(remembered)}`);
    out(`  wrong password:     ${describeOutcome(wrong)}`);
    out(`  math: client ${ms(run.clientMs)}, server ${ms(run.serverMs)}`);
    if (!ok) {
      ctx.stderr('error: unexpected outcome: the right password and the device must be accepted and the wrong password refused\n');
      return 1;
    }
    out('OK: the right password and the remembered device were accepted, the wrong password was refused.');
    return 0;
  },
});

/**
 * `cognito-kit demo`: a full USER_SRP_AUTH login, every request built by this package and printed redacted with
 * the server's reply and how long the math took. By default against the embedded server half (then a device is
 * confirmed and signs in, and a wrong password is refused); with `--endpoint URL` the same requests go over HTTP.
 *
 * @module
 */
import { buildConfirmDevice, buildInitiateAuth, buildRespondToAuthChallenge, redact, toHttpRequest, type ChallengeResponse, type HttpRequest, type Operation } from '../index.js';
import { Failure, UsageError, type FlagSpec, type Flags } from './args.js';
import { COMMON_HELP, defineCommand, type Command } from './command.js';
import { EmbeddedCognito, type Reply } from './demo-server.js';
import type { Context } from './io.js';
import { Secrets, secretHelp, type SecretName } from './secrets.js';

const NAME = 'demo';
const SECRETS: readonly SecretName[] = ['clientSecret', 'password'];
const SPEC: Record<string, FlagSpec> = {
  endpoint: { type: 'string' },
  'user-pool-id': { type: 'string' },
  'client-id': { type: 'string' },
  username: { type: 'string' },
};

/** The embedded pool's defaults (a demo secret and password: used only when the environment gives none). */
const DEMO = {
  userPoolId: 'us-east-1_DemoPool1',
  clientId: 'democlient1234567890abcdef',
  clientSecret: 'demo0secret0that0is0long0enough0for0cognito0123',
  username: 'alice',
  password: 'correct horse battery staple',
};

const HELP = `usage: cognito-kit demo [--endpoint URL --user-pool-id ID --client-id ID --username NAME]

Runs a full USER_SRP_AUTH login with requests built by @cognito-kit/request-builder and prints each request
(redacted: ClientId, Session and every AuthParameters/ChallengeResponses value masked), the server's reply
(tokens and Session masked, long values shortened) and how many milliseconds the SRP math took.

Without --endpoint (the default) the server is the embedded server half (@cognito-kit/srp/server), which checks
every signature and SECRET_HASH as Cognito does:
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
  --endpoint URL             send the requests to URL instead of the embedded server
  --user-pool-id ID          the user pool (SRP hashes its name into x)
  --client-id ID             the app client (must allow ALLOW_USER_SRP_AUTH)
  --username NAME            the user
${COMMON_HELP.help}

Secrets (never as flags; defaults for the embedded server, required with --endpoint except the client secret):
${secretHelp(SECRETS)}

Exit codes: 0 as above, 1 an unexpected outcome or an unreachable endpoint, 2 usage error.`;

interface Target {
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
  username: string;
}


interface Transport {
  /** Sends a request; returns the reply and the server-side milliseconds (embedded) or the round trip (HTTP). */
  send(operation: Operation, request: object): Promise<{ reply: Reply; ms: number; http: HttpRequest }>;
  readonly serverTime: 'server math' | 'round trip';
}

function embeddedTransport(server: EmbeddedCognito, region: string): Transport {
  return {
    serverTime: 'server math',
    send: async (operation, request) => {
      const http = toHttpRequest(operation, request, { region });
      // The bytes that would go on the wire, parsed as the service would.
      const reply = server.handle(http.headers['X-Amz-Target']!, JSON.parse(http.body) as Record<string, unknown>);
      return { reply, ms: server.lastMathMs, http };
    },
  };
}

function httpTransport(endpoint: string): Transport {
  return {
    serverTime: 'round trip',
    send: async (operation, request) => {
      const http = toHttpRequest(operation, request, { endpoint });
      const started = performance.now();
      let response: Response;
      try {
        response = await fetch(http.url, { method: http.method, headers: http.headers, body: http.body });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new Failure(`cannot reach ${http.url} (${cause?.code ?? cause?.message ?? (error as Error).message})`);
      }
      const text = await response.text();
      const ms = performance.now() - started;
      let body: Record<string, unknown> = {};
      try {
        const parsed: unknown = text === '' ? {} : JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
      } catch {
        if (response.ok) throw new Failure(`${http.url} answered HTTP ${response.status} with a body that is not JSON`);
      }
      if (response.ok) return { reply: { ok: true, body }, ms, http };
      // awsJson1_1 errors: __type or code in the body, or the X-Amzn-Errortype header; keep the shape name only.
      const raw = String(body.__type ?? body.code ?? response.headers.get('x-amzn-errortype') ?? `HTTP ${response.status}`);
      const type = raw.split(':')[0]!.split('#').pop()!;
      return { reply: { ok: false, type, message: String(body.message ?? body.Message ?? '') }, ms, http };
    },
  };
}

/** Long values (SRP_B, SALT, SECRET_BLOCK, verifiers) shortened for the screen. */
function shorten(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, entry: unknown) =>
    key !== '' && typeof entry === 'string' && entry.length > 40 ? `${entry.slice(0, 16)}…(${entry.length} chars)` : entry,
  );
}

/** A reply made safe to print: tokens and Session masked. */
function redactReply(body: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  if (copy.Session !== undefined) copy.Session = '***';
  const result = copy.AuthenticationResult as Record<string, unknown> | undefined;
  if (result !== undefined) for (const key of ['AccessToken', 'IdToken', 'RefreshToken']) if (result[key] !== undefined) result[key] = '***';
  return shorten(copy) as Record<string, unknown>;
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

type Outcome = { kind: 'signed-in'; result: Record<string, unknown> } | { kind: 'refused'; type: string } | { kind: 'stopped'; challenge: string };

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

  /** Sends a request built in `clientMs`, prints it redacted and the reply; returns the reply. */
  private async exchange(operation: Operation, request: object, label: string, clientMs: number, shown: object): Promise<Reply> {
    this.clientMs += clientMs;
    const { reply, ms: serverMs, http } = await this.transport.send(operation, request);
    this.serverMs += serverMs;
    this.print(`  → ${label}  (client math ${ms(clientMs)})`);
    this.print(`    ${http.method} ${http.url}  X-Amz-Target: ${http.headers['X-Amz-Target']}`);
    this.print(indent(shorten(shown)));
    if (reply.ok) {
      const name = typeof reply.body.ChallengeName === 'string' ? reply.body.ChallengeName : reply.body.AuthenticationResult !== undefined ? 'AuthenticationResult' : 'OK';
      this.print(`  ← ${name}  (${this.transport.serverTime} ${ms(serverMs)})`);
      this.print(indent(redactReply(reply.body)));
    } else {
      this.print(`  ← ${reply.type}: ${reply.message}  (${this.transport.serverTime} ${ms(serverMs)})`);
    }
    return reply;
  }

  /** USER_SRP_AUTH → PASSWORD_VERIFIER (→ DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER with a device). */
  async login(password: string, device?: Device): Promise<Outcome> {
    const t = this.target;
    const secret = t.clientSecret === undefined ? {} : { clientSecret: t.clientSecret };
    const [first, msA] = timed(() =>
      buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: t.clientId, username: t.username, ...secret, ...(device === undefined ? {} : { deviceKey: device.deviceKey }) }),
    );
    let reply = await this.exchange('InitiateAuth', first.request, 'InitiateAuth USER_SRP_AUTH: SRP_A = g^a mod N', msA, redact(first.request));
    if (!reply.ok) return { kind: 'refused', type: reply.type };
    if (reply.body.ChallengeName !== 'PASSWORD_VERIFIER') return { kind: 'stopped', challenge: String(reply.body.ChallengeName) };
    const verifier = reply.body as ChallengeResponse;
    const [answer, msClaim] = timed(() =>
      buildRespondToAuthChallenge({
        challengeName: 'PASSWORD_VERIFIER',
        userPoolId: t.userPoolId,
        clientId: t.clientId,
        ...secret,
        srpSession: first.srpSession!,
        password,
        response: verifier,
        ...(device === undefined ? {} : { deviceKey: device.deviceKey }),
      }),
    );
    reply = await this.exchange('RespondToAuthChallenge', answer.request, 'RespondToAuthChallenge PASSWORD_VERIFIER: u, x, S, HKDF, signature', msClaim, redact(answer.request));
    if (reply.ok && reply.body.ChallengeName === 'DEVICE_SRP_AUTH' && device !== undefined) {
      const username = verifier.ChallengeParameters?.USER_ID_FOR_SRP ?? t.username;
      const session = typeof reply.body.Session === 'string' ? { session: reply.body.Session } : {};
      const [deviceStart, msDeviceA] = timed(() =>
        buildRespondToAuthChallenge({ challengeName: 'DEVICE_SRP_AUTH', clientId: t.clientId, ...secret, username, deviceKey: device.deviceKey, ...session }),
      );
      reply = await this.exchange('RespondToAuthChallenge', deviceStart.request, 'RespondToAuthChallenge DEVICE_SRP_AUTH: SRP_A of a new session', msDeviceA, redact(deviceStart.request));
      if (!reply.ok) return { kind: 'refused', type: reply.type };
      if (reply.body.ChallengeName !== 'DEVICE_PASSWORD_VERIFIER') return { kind: 'stopped', challenge: String(reply.body.ChallengeName) };
      const deviceChallenge = reply.body as ChallengeResponse;
      const [deviceAnswer, msDeviceClaim] = timed(() =>
        buildRespondToAuthChallenge({
          challengeName: 'DEVICE_PASSWORD_VERIFIER',
          clientId: t.clientId,
          ...secret,
          srpSession: deviceStart.srpSession!,
          deviceGroupKey: device.deviceGroupKey,
          deviceKey: device.deviceKey,
          devicePassword: device.devicePassword,
          response: deviceChallenge,
        }),
      );
      reply = await this.exchange(
        'RespondToAuthChallenge',
        deviceAnswer.request,
        'RespondToAuthChallenge DEVICE_PASSWORD_VERIFIER: the device signs with its password',
        msDeviceClaim,
        redact(deviceAnswer.request),
      );
    }
    if (!reply.ok) return { kind: 'refused', type: reply.type };
    const result = reply.body.AuthenticationResult;
    if (typeof result === 'object' && result !== null) return { kind: 'signed-in', result: result as Record<string, unknown> };
    return { kind: 'stopped', challenge: String(reply.body.ChallengeName) };
  }

  /** ConfirmDevice for the NewDeviceMetadata of a login; returns the device, or undefined when refused. */
  async confirmDevice(result: Record<string, unknown>): Promise<Device | undefined> {
    const metadata = result.NewDeviceMetadata as { DeviceKey: string; DeviceGroupKey: string } | undefined;
    if (metadata === undefined) {
      this.print('  (no NewDeviceMetadata in the login: nothing to confirm)');
      return undefined;
    }
    const [confirm, msVerifier] = timed(() =>
      buildConfirmDevice({ accessToken: String(result.AccessToken), deviceGroupKey: metadata.DeviceGroupKey, deviceKey: metadata.DeviceKey }),
    );
    const { request } = confirm;
    const reply = await this.exchange('ConfirmDevice', request, 'ConfirmDevice: device password (kept by the client), salt, verifier g^x', msVerifier, {
      ...request,
      AccessToken: '***',
    });
    if (!reply.ok) return undefined;
    return { deviceKey: metadata.DeviceKey, deviceGroupKey: metadata.DeviceGroupKey, devicePassword: confirm.devicePassword };
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
      const clientSecret = await secrets.get('clientSecret');
      const target: Target = {
        userPoolId: flags.required('user-pool-id'),
        clientId: flags.required('client-id'),
        username: flags.required('username'),
        ...(clientSecret === undefined ? {} : { clientSecret }),
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
    const target: Target = {
      userPoolId: flags.string('user-pool-id') ?? DEMO.userPoolId,
      clientId: flags.string('client-id') ?? DEMO.clientId,
      username: flags.string('username') ?? DEMO.username,
      clientSecret,
    };
    let server: EmbeddedCognito;
    try {
      server = new EmbeddedCognito(target);
      server.addUser(target.username, password);
    } catch (error) {
      throw new UsageError(`cannot set up the embedded pool: ${(error as Error).message}`);
    }
    out('cognito-kit demo: USER_SRP_AUTH against the embedded server half (@cognito-kit/srp/server)');
    out(`user pool ${target.userPoolId}, user ${target.username}, app client with a secret (password and secret never shown; requests redacted)`);
    out(`server: user created; it stores a salt and the verifier g^x, never the password (${ms(server.lastMathMs)})`);
    const run = new Demo(ctx, embeddedTransport(server, target.userPoolId.split('_')[0]!), target);

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

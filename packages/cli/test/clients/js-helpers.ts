// Shared by the JavaScript client tests (amplify, identity-js, sdk, request-builder, jwt): a `cognito-kit serve
// --config` child process per test file, RFC 6238 codes computed here (not with the pool's code), a recorder of the
// Cognito calls a client makes through the global fetch, and checks of the tokens' claims.
//
// The pool is served by the BUILT CLI in a child process (startServe): the clients run in this process, so its event
// loop must stay free (no spawnSync, no execSync while a client waits for the pool).
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { expectNoSecrets, startServe, useTempDir, type PoolsConfigJson, type RunResult, type ServeProcess } from '../helpers.js';

/** A running `cognito-kit serve --config …` and what it printed. */
export interface LocalPool {
  /** `http://127.0.0.1:PORT`, the endpoint every client is pointed at. */
  readonly url: string;
  readonly served: ServeProcess;
  /** Everything the server printed on stdout so far (one line per request, `signed in` lines, codes). */
  log(): string;
  /** The server's stdout lines printed since `mark` (a length of `log()` taken earlier). */
  logSince(mark: number): string;
}

/**
 * Starts `cognito-kit serve --config <temp JSON of config>` before the file's tests and stops it after them. On stop
 * it checks that the server exits 0 and never printed a password or client secret of the config, nor had an
 * internal error (a HTTP 500 is a bug of the pool, even when a client hides it).
 */
export function useLocalPool(config: PoolsConfigJson, extraSecrets: () => readonly string[] = () => []): () => LocalPool {
  const dir = useTempDir();
  let pool: LocalPool | undefined;
  beforeAll(async () => {
    const file = join(dir(), 'pools.json');
    writeFileSync(file, JSON.stringify(config, null, 2));
    const served = await startServe(['--config', file], { cwd: dir() });
    pool = {
      url: served.url,
      served,
      log: () => served.output().stdout,
      logSince: (mark) => served.output().stdout.slice(mark),
    };
  }, 30_000);
  afterAll(async () => {
    if (pool === undefined) return;
    const stopped: RunResult = await pool.served.stop('SIGTERM');
    expect(stopped.status).toBe(0);
    expect(stopped.stdout).not.toMatch(/failed inside the local pool|InternalErrorException/);
    const secrets = config.userPools.flatMap((userPool) => [
      ...userPool.clients.flatMap((client) => (client.secret === undefined ? [] : [client.secret])),
      ...(userPool.users ?? []).map((user) => user.password),
    ]);
    expectNoSecrets(stopped, [...secrets, ...extraSecrets()]);
  }, 30_000);
  return () => {
    if (pool === undefined) throw new Error('the local pool is not started (beforeAll failed)');
    return pool;
  };
}

/**
 * Waits (at most `ms`: the server prints asynchronously) until what the server printed since `mark` (a length of
 * `log()` taken before the request) matches `pattern`, and fails with the lines it did print otherwise.
 */
export async function expectLogLine(pool: LocalPool, pattern: RegExp, mark: number, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!pattern.test(pool.logSince(mark)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(pool.logSince(mark)).toMatch(pattern);
}

// ---------------------------------------------------------------------------------------------------------------
// RFC 6238 TOTP, written here from the RFCs with node:crypto (HMAC-SHA1, 6 digits, 30-second steps), independently
// of the pool's implementation, as an authenticator app computes it.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (no padding needed). */
export function base32ToBytes(text: string): Buffer {
  const bits = [...text.replace(/=+$/, '').toUpperCase()].map((char) => {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    return value.toString(2).padStart(5, '0');
  });
  const all = bits.join('');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= all.length; i += 8) bytes.push(parseInt(all.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The RFC 6238 code of `secret` (base32) at `time` (ms), `offset` 30-second steps away. */
export function totp(secret: string, time = Date.now(), offset = 0): string {
  const counter = Math.floor(time / 1000 / 30) + offset;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32ToBytes(secret)).update(message).digest();
  const at = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = (mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000;
  return String(binary).padStart(6, '0');
}

/** A well-formed 6-digit code that is none of the codes valid from 2 steps before now to 2 steps after. */
export function wrongTotp(secret: string, time = Date.now()): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => totp(secret, time, offset)));
  let code = Number(totp(secret, time));
  do code = (code + 1) % 1_000_000;
  while (valid.has(String(code).padStart(6, '0')));
  return String(code).padStart(6, '0');
}

/**
 * Waits, when the current 30-second step is about to end, for the next one: a code computed in the last second of a
 * step is still valid for the pool (it takes one step either side), but waiting keeps the test clear of the edge.
 */
export async function awayFromStepEdge(): Promise<void> {
  const intoStep = Date.now() % 30_000;
  if (intoStep > 28_500) await new Promise((resolve) => setTimeout(resolve, 30_000 - intoStep + 50));
}

// ---------------------------------------------------------------------------------------------------------------
// What a client sends through the global fetch (Amplify, amazon-cognito-identity-js and `send` call it; the AWS SDK
// v3 uses node:http instead), recorded as operation + request body + status + response body.

export interface RecordedCall {
  /** The X-Amz-Target operation, such as `RespondToAuthChallenge`. */
  readonly operation: string;
  readonly request: Record<string, unknown>;
  readonly status: number;
  readonly response: Record<string, unknown>;
}

export interface FetchRecorder {
  readonly calls: RecordedCall[];
  /** `Operation(ChallengeName of the request) -> ChallengeName of the reply | tokens | error type` for each call. */
  sequence(): string[];
  clear(): void;
  restore(): void;
}

/**
 * Replaces globalThis.fetch with one that records each Cognito call (X-Amz-Target) and refuses any URL off loopback:
 * a client that tried to reach AWS (aws-jwt-verify fetching a JWKS, Amplify resolving a region's endpoint) fails the
 * test instead of waiting for a network that is not there.
 */
export function recordFetch(): FetchRecorder {
  const original = globalThis.fetch;
  const calls: RecordedCall[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = request?.url ?? String(input);
    const { hostname } = new URL(url);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) throw new Error(`a client tried to reach ${url}: only the local pool may be called`);
    const headers = new Headers(init?.headers ?? request?.headers);
    const target = headers.get('x-amz-target');
    const bodyText = typeof init?.body === 'string' ? init.body : request === undefined ? '' : await request.clone().text();
    const response = await original(input, init);
    if (target !== null) {
      const text = await response.clone().text();
      calls.push({ operation: target.replace(/^.*\./, ''), request: parseObject(bodyText), status: response.status, response: parseObject(text) });
    }
    return response;
  };
  globalThis.fetch = recording;
  return {
    calls,
    sequence: () =>
      calls.map((call) => {
        const asked = typeof call.request.ChallengeName === 'string' ? `(${call.request.ChallengeName})` : typeof call.request.AuthFlow === 'string' ? `(${call.request.AuthFlow})` : '';
        const answer =
          call.status >= 400
            ? String(call.response.__type)
            : typeof call.response.ChallengeName === 'string'
              ? call.response.ChallengeName
              : call.response.AuthenticationResult !== undefined
                ? 'tokens'
                : String(call.status);
        return `${call.operation}${asked} -> ${answer}`;
      }),
    clear: () => void calls.splice(0),
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

/** The payload of a JWT (decoded, NOT verified: aws-jwt-verify verifies in jwt.node.test.ts). */
export function jwtPayload(token: string | undefined): Record<string, unknown> {
  expect(token, 'a token').toBeTypeOf('string');
  const [, payload = ''] = (token ?? '').split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function jwtHeader(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** What a pair of tokens of one sign-in must say, as Cognito's do (COGNITO-SERVER.md §1). */
export interface ExpectedClaims {
  userPoolId: string;
  clientId: string;
  /** The user's username (the `sub` in pools with usernameAttributes). */
  username: string;
  sub?: string | undefined;
  email?: string | undefined;
  /** The remembered device's key: `device_key` in the access token. */
  deviceKey?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks the claims of an ID token and an access token of one sign-in (their signatures are not checked here). */
export function expectCognitoClaims(idToken: string | undefined, accessToken: string | undefined, expected: ExpectedClaims): void {
  const id = jwtPayload(idToken);
  const access = jwtPayload(accessToken);
  const region = expected.userPoolId.split('_')[0];
  const iss = `https://cognito-idp.${region}.amazonaws.com/${expected.userPoolId}`;
  expect(jwtHeader(idToken ?? '')).toMatchObject({ alg: 'RS256' });
  expect(jwtHeader(idToken ?? '').kid).not.toBe(jwtHeader(accessToken ?? '').kid);
  for (const payload of [id, access]) {
    expect(payload.iss).toBe(iss);
    expect(payload.sub).toMatch(UUID);
    expect(payload.origin_jti).toMatch(UUID);
    expect(payload.event_id).toMatch(UUID);
    expect(payload.jti).toMatch(UUID);
    expect(payload.auth_time).toBeTypeOf('number');
    expect(payload.iat).toBeTypeOf('number');
    expect(Number(payload.exp) - Number(payload.iat)).toBe(3600);
    expect(Math.abs(Number(payload.iat) - Date.now() / 1000)).toBeLessThan(120);
    expect(Number(payload.auth_time)).toBeLessThanOrEqual(Number(payload.iat));
  }
  expect(id.token_use).toBe('id');
  expect(id.aud).toBe(expected.clientId);
  expect(id.client_id).toBeUndefined();
  expect(id['cognito:username']).toBe(expected.username);
  expect(access.token_use).toBe('access');
  expect(access.client_id).toBe(expected.clientId);
  expect(access.aud).toBeUndefined();
  expect(access.username).toBe(expected.username);
  expect(access.scope).toBe('aws.cognito.signin.user.admin');
  expect(access.sub).toBe(id.sub);
  expect(access.origin_jti).toBe(id.origin_jti);
  expect(access.event_id).toBe(id.event_id);
  expect(access.auth_time).toBe(id.auth_time);
  expect(access.jti).not.toBe(id.jti);
  if (expected.sub !== undefined) expect(id.sub).toBe(expected.sub);
  if (expected.email !== undefined) {
    expect(id.email).toBe(expected.email);
    expect(id.email_verified).toBe(true);
    expect(access.email).toBeUndefined();
  }
  if (expected.deviceKey === undefined) expect(access.device_key).toBeUndefined();
  else expect(access.device_key).toBe(expected.deviceKey);
}

/** The pool's published JWKS, as aws-jwt-verify's `cacheJwks` takes it. */
export async function fetchJwks(url: string, userPoolId: string): Promise<{ keys: Array<Record<string, unknown>> }> {
  const response = await fetch(`${url}/${userPoolId}/.well-known/jwks.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as { keys: Array<Record<string, unknown>> };
}

/** A SigV4 Authorization header the local pool accepts (it checks that a request is signed, not the signature). */
export const FAKE_SIGV4 = {
  sign: (http: { url: string; method: 'POST'; headers: Record<string, string>; body: string }) => ({
    ...http,
    headers: {
      ...http.headers,
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/eu-west-2/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000',
    },
  }),
};

/** Awaits `promise` and returns what it rejected with (fails when it resolved: the pool wrongly accepted). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; name: string }> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error & { name: string };
  }
  throw new Error(`expected a refusal, got ${JSON.stringify(value)?.slice(0, 300)}`);
}

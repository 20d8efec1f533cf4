/**
 * A local pool on an injected clock, and the ways these tests reach it: the request builder's `send` (the public
 * operations, and the Admin ones with a `sign` hook that adds a SigV4 header, whose signature the pool does not
 * check), the sign-in loop, and raw awsJson1_1 requests for the operations the builder does not build. Portable:
 * Web APIs only.
 */
import { send, type HttpRequest } from '@cognito-kit/request-builder';
import type { AdminSenders, PublicSenders } from '@cognito-kit/request-builder/sign-in';
import { createLocalUserPools, type LocalPoolsConfig, type LocalUserPools, type LogLine } from '../../src/index.js';

export const POOL_ID = 'eu-west-2_LocalPool1';
export const CLIENT_ID = 'localclient0123456789abcd';
export const SECRET_CLIENT_ID = 'secretclient0123456789abc';
export const CLIENT_SECRET = 'localclientsecret0123456789abcdefghijklmnop';
export const ENDPOINT = 'http://127.0.0.1:9229/';
export const DESTINATION = { endpoint: ENDPOINT };
export const START = new Date('2026-12-07T10:20:30Z');
export const PASSWORD = 'Correct horse 1!';
/** What any SigV4 signer puts in the header: the pool checks it is there, not the signature. */
export const SIGV4 = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/eu-west-2/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00';

/** A `sign` hook for `send`: the request with a SigV4 Authorization header. */
export const sign = (http: HttpRequest): HttpRequest => ({ ...http, headers: { ...http.headers, Authorization: SIGV4 } });

/** A reply body as these tests read it. */
export type Body = Record<string, unknown>;

/** A raw reply. */
export interface Raw {
  status: number;
  headers: Headers;
  body: Body;
}

/** An instance on a clock the test moves, with its senders and log. */
export interface Harness {
  pools: LocalUserPools;
  /** The pool's clock now. */
  now(): Date;
  /** Moves the clock by `ms`. */
  advance(ms: number): void;
  options: { fetch: (request: Request) => Promise<Response> };
  senders: PublicSenders;
  adminSenders: AdminSenders;
  log: LogLine[];
  /** Any operation as JSON; `signed` adds the SigV4 header. */
  call(operation: string, body: unknown, options?: { signed?: boolean; headers?: Record<string, string> }): Promise<Raw>;
}

/** The default config: one pool (two clients, one with a secret) with alice. */
export function basicConfig(extra: Partial<LocalPoolsConfig['userPools'][number]> = {}): LocalPoolsConfig {
  return {
    userPools: [
      {
        id: POOL_ID,
        clients: [
          { id: CLIENT_ID, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'] },
          { id: SECRET_CLIENT_ID, secret: CLIENT_SECRET, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'] },
        ],
        users: [{ username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', name: 'Alice' } }],
        ...extra,
      },
    ],
  };
}

/**
 * A pool from `config` on a clock that starts at {@link START}.
 *
 * @example
 * ```ts
 * const h = setUp(basicConfig());
 * await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD, now: h.now });
 * ```
 */
export function setUp(config: LocalPoolsConfig): Harness {
  let instant = START.getTime();
  const now = (): Date => new Date(instant);
  const pools = createLocalUserPools(config, { now });
  const log: LogLine[] = [];
  pools.onLog((line) => log.push(line));
  const options = { fetch: (request: Request) => pools.fetch(request) };
  const admin = { ...options, sign };
  return {
    pools,
    now,
    advance: (ms) => {
      instant += ms;
    },
    options,
    senders: {
      InitiateAuth: (request) => send('InitiateAuth', request, DESTINATION, options),
      RespondToAuthChallenge: (request) => send('RespondToAuthChallenge', request, DESTINATION, options),
    },
    adminSenders: {
      AdminInitiateAuth: (request) => send('AdminInitiateAuth', request, DESTINATION, admin),
      AdminRespondToAuthChallenge: (request) => send('AdminRespondToAuthChallenge', request, DESTINATION, admin),
    },
    log,
    async call(operation, body, { signed = false, headers = {} } = {}) {
      const response = await pools.fetch(
        new Request(ENDPOINT, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-amz-json-1.1',
            'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
            ...(signed ? { Authorization: SIGV4 } : {}),
            ...headers,
          },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      );
      const text = await response.text();
      const parsed: unknown = text === '' ? {} : JSON.parse(text);
      return { status: response.status, headers: response.headers, body: isBody(parsed) ? parsed : {} };
    },
  };
}

function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The promise's rejection (a test fails when it resolves). */
export async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

/** The payload of a JWT, unverified. */
export function claimsOf(token: string | undefined): Body {
  const part = (token ?? '').split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  return isBody(parsed) ? parsed : {};
}

/** A string member of a body (undefined otherwise). */
export function text(body: Body, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** An object member of a body ({} otherwise). */
export function object(body: Body, name: string): Body {
  const value = body[name];
  return isBody(value) ? value : {};
}

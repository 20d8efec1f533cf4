/**
 * {@link createLocalUserPools}: the instance — its `fetch` endpoint and its administration in code.
 *
 * @module
 */
import type { RandomSource } from '@cognito-kit/srp';
import { insertUser } from './admin-users.js';
import type { CodeKind, SentCode } from './codes.js';
import type { ExplicitAuthFlow, LocalPoolsConfig, MfaConfiguration, MfaType, UserConfig, UserStatus } from './config.js';
import { parseLocalPoolsConfig } from './config-parse.js';
import { ConfigReader } from './config-reader.js';
import { readUser } from './config-users.js';
import { answer } from './endpoint.js';
import { LocalPoolConfigError, LocalPoolError } from './errors.js';
import { Logger, type LogListener } from './log.js';
import { createState, type PoolsState, type UserPool } from './pool.js';
import { createRandomness } from './random.js';
import { newUser, type UserRecord } from './users.js';

/** Options of {@link createLocalUserPools}: the clock and the randomness, both injectable for tests. */
export interface LocalUserPoolsOptions extends RandomSource {
  /** The pools' clock (TIMESTAMP window, TOTP, session, token and temporary-password expiry); `new Date()` by default. */
  now?: (() => Date) | undefined;
}

/** A device of a user, as the administration API shows it. */
export interface LocalDevice {
  readonly deviceKey: string;
  readonly deviceGroupKey: string;
  readonly name: string | undefined;
  /** ConfirmDevice registered its verifier. */
  readonly confirmed: boolean;
  /** It replaces MFA at sign-in. */
  readonly remembered: boolean;
  readonly createdAt: Date;
  readonly lastAuthenticatedAt: Date | undefined;
}

/** A user, as the administration API shows it: never its password, verifier or TOTP secret. */
export interface LocalUser {
  readonly userPoolId: string;
  /** The internal username (the `sub` in pools with usernameAttributes). */
  readonly username: string;
  readonly sub: string;
  /** Every attribute but `sub`. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly status: UserStatus;
  readonly enabled: boolean;
  readonly groups: readonly string[];
  readonly mfa: { readonly enabled: readonly MfaType[]; readonly preferred: MfaType | undefined; readonly hasTotp: boolean };
  readonly devices: readonly LocalDevice[];
  readonly createdAt: Date;
  readonly modifiedAt: Date;
}

/** An app client, as the administration API shows it: never its secret. */
export interface LocalAppClient {
  readonly clientId: string;
  readonly name: string | undefined;
  readonly hasSecret: boolean;
  readonly explicitAuthFlows: readonly ExplicitAuthFlow[];
  readonly preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  readonly enableTokenRevocation: boolean;
  /** Minutes. */
  readonly authSessionValidity: number;
}

/** A pool, as the administration API shows it. */
export interface LocalUserPoolInfo {
  readonly userPoolId: string;
  /** `iss` of its tokens. */
  readonly issuer: string;
  /** Where its JWKS is published: `<issuer>/.well-known/jwks.json` (served at `/<userPoolId>/.well-known/jwks.json`). */
  readonly jwksUri: string;
  readonly usernameAttributes: readonly string[];
  readonly aliasAttributes: readonly string[];
  readonly mfaConfiguration: MfaConfiguration;
  readonly deviceTracking: boolean;
  readonly clients: readonly LocalAppClient[];
}

/** A local Cognito: the endpoint, and the administration of its pools. */
export interface LocalUserPools {
  /**
   * The whole endpoint: POST / (awsJson1_1, every operation), GET /<poolId>/.well-known/jwks.json and
   * openid-configuration, OPTIONS preflights. Never rejects: every failure is an HTTP reply.
   */
  fetch(request: Request): Promise<Response>;
  /** The pools, in config order. */
  readonly userPools: readonly LocalUserPoolInfo[];
  /**
   * Adds a user, as a config entry (checked the same way; its e-mail and phone are taken as verified).
   *
   * @throws {LocalPoolConfigError} for an entry the config would refuse (paths start with `user`)
   * @throws {LocalPoolError} `POOL_NOT_FOUND`, `USERNAME_EXISTS`
   */
  addUser(userPoolId: string, user: UserConfig): LocalUser;
  /** A user by username, `sub` or sign-in alias; undefined when there is none. @throws {LocalPoolError} `POOL_NOT_FOUND` */
  getUser(userPoolId: string, name: string): LocalUser | undefined;
  /** Every user of a pool. @throws {LocalPoolError} `POOL_NOT_FOUND` */
  listUsers(userPoolId: string): LocalUser[];
  /**
   * The codes (and temporary passwords) the pools "sent", oldest first: all, or of one pool, or of one user (by any
   * of its names). The only place code values are shown.
   */
  sentCodes(filter?: { userPoolId?: string | undefined; username?: string | undefined; kind?: CodeKind | undefined }): SentCode[];
  /** Subscribes to log lines (never a password, token, secret or code); returns the function that unsubscribes. */
  onLog(listener: LogListener): () => void;
}

/**
 * A local Cognito with the pools of `config`: each user's password becomes an SRP salt and verifier here (the plain
 * password is not kept), and each pool signs its tokens with its own RSA keys (made on first use). State is in
 * memory. Web APIs only: the same instance serves a Cloudflare Worker, `Deno.serve`, `Bun.serve` or Node.
 *
 * @param config - the pools (checked by {@link parseLocalPoolsConfig}, also when typed in code)
 * @param options - `now` (the clock) and `randomBytes` (every random value), for reproducible tests
 * @throws {LocalPoolConfigError} listing every problem of the config
 * @throws {LocalPoolError} `INVALID_OPTIONS` for options of the wrong type
 *
 * @example
 * ```ts
 * import { createLocalUserPools } from '@cognito-kit/local-pool';
 * const pools = createLocalUserPools({ userPools: [{ id: 'eu-west-2_LocalPool1',
 *   clients: [{ id: 'localclient0123456789abcd' }],
 *   users: [{ username: 'alice', password: 'Correct horse 1!', attributes: { email: 'alice@example.com' } }] }] });
 * export default { fetch: (request: Request) => pools.fetch(request) }; // a Worker; or Deno.serve(pools.fetch), Bun.serve({ fetch: pools.fetch })
 * ```
 */
export function createLocalUserPools(config: LocalPoolsConfig, options: LocalUserPoolsOptions = {}): LocalUserPools {
  const checked = parseLocalPoolsConfig(config);
  const now = options.now ?? (() => new Date());
  if (typeof now !== 'function') throw new LocalPoolError('INVALID_OPTIONS', 'now must be a function returning a Date');
  // The state is made on first use, not here: it draws random values (each user's salt and sub, the pools' keys),
  // which a Cloudflare Worker refuses in its global scope, where `createLocalUserPools` is naturally called.
  const random = createRandomness(options);
  const log = new Logger(); // made now: a listener may subscribe before the first request
  let made: PoolsState | undefined;
  const state = (): PoolsState => (made ??= createState(checked, { now, random, log }));
  return {
    fetch: (request) => answer(state(), request),
    get userPools() {
      return [...state().pools.values()].map(poolInfo);
    },
    addUser: (userPoolId, user) => addUser(state(), poolOf(state(), userPoolId), user),
    getUser(userPoolId, name) {
      const pool = poolOf(state(), userPoolId);
      const user = pool.users.find(name) ?? pool.users.bySub(name);
      return user === undefined ? undefined : userView(pool, user);
    },
    listUsers: (userPoolId) => {
      const pool = poolOf(state(), userPoolId);
      return pool.users.all().map((user) => userView(pool, user));
    },
    sentCodes(filter = {}) {
      const { pools, outbox } = state();
      const pool = filter.userPoolId === undefined ? undefined : pools.get(filter.userPoolId);
      const username = filter.username === undefined ? undefined : (pool?.users.find(filter.username)?.username ?? filter.username);
      return outbox.list({ userPoolId: filter.userPoolId, username }).filter((code) => filter.kind === undefined || code.kind === filter.kind);
    },
    onLog: (listener) => log.subscribe(listener),
  };
}

function poolOf(state: PoolsState, userPoolId: string): UserPool {
  const pool = state.pools.get(userPoolId);
  if (pool === undefined) throw new LocalPoolError('POOL_NOT_FOUND', `no user pool ${JSON.stringify(userPoolId)} in this instance`);
  return pool;
}

function addUser(state: PoolsState, pool: UserPool, input: UserConfig): LocalUser {
  const reader = new ConfigReader();
  const user = readUser(reader, input, 'user', { ...pool.naming, policy: pool.policy, mfaConfiguration: pool.mfaConfiguration });
  if (user === undefined || reader.problems.length > 0) throw new LocalPoolConfigError(reader.problems);
  const record = newUser(pool.users, pool.directory, user, state.now(), { seeded: true });
  const taken = insertUser(pool, record);
  if (taken !== undefined) throw new LocalPoolError('USERNAME_EXISTS', `${JSON.stringify(taken)} is the name of another user of ${pool.id}`);
  return userView(pool, record);
}

function poolInfo(pool: UserPool): LocalUserPoolInfo {
  return {
    userPoolId: pool.id,
    issuer: pool.tokens.issuer,
    jwksUri: `${pool.tokens.issuer}/.well-known/jwks.json`,
    usernameAttributes: [...pool.naming.usernameAttributes],
    aliasAttributes: [...pool.naming.aliasAttributes],
    mfaConfiguration: pool.mfaConfiguration,
    deviceTracking: pool.deviceTracking !== undefined,
    clients: pool.clients.map((client) => ({
      clientId: client.id,
      name: client.name,
      hasSecret: client.secret !== undefined,
      explicitAuthFlows: [...client.explicitAuthFlows],
      preventUserExistenceErrors: client.preventUserExistenceErrors,
      enableTokenRevocation: client.tokenRevocation,
      authSessionValidity: client.sessionValidityMs / 60_000,
    })),
  };
}

function userView(pool: UserPool, user: UserRecord): LocalUser {
  return {
    userPoolId: pool.id,
    username: user.username,
    sub: user.sub,
    attributes: { ...user.attributes },
    status: user.status,
    enabled: user.enabled,
    groups: [...user.groups],
    mfa: { enabled: [...user.mfa.enabled], preferred: user.mfa.preferred, hasTotp: user.mfa.totp !== undefined },
    devices: pool.devices.all(user.sub).map((device) => ({
      deviceKey: device.key,
      deviceGroupKey: device.groupKey,
      name: device.name,
      confirmed: device.verifier !== undefined,
      remembered: device.remembered,
      createdAt: device.createdAt,
      lastAuthenticatedAt: device.lastAuthenticatedAt,
    })),
    createdAt: user.createdAt,
    modifiedAt: user.modifiedAt,
  };
}

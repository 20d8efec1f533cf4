/**
 * The state of an instance: its pools (each with its users, devices, tokens and grants), its app clients (found by id
 * alone: the public operations name no pool), the challenges waiting for an answer, and the instance's clock,
 * randomness, log and sent codes.
 *
 * @module
 */
import { secretHasher } from '@cognito-kit/srp';
import type { AuthFlow } from '@cognito-kit/request-builder';
import { DEFAULT_AUTH_FLOWS, allowedFlows } from './auth-flows.js';
import { CodeOutbox } from './codes.js';
import type { AppClientConfig, ExplicitAuthFlow, FirstAuthFactor, LocalPoolsConfig, MfaConfiguration, UserPoolConfig } from './config.js';
import { DeviceRegistry } from './devices.js';
import { GrantStore } from './grants.js';
import type { Pending } from './login.js';
import type { Logger } from './log.js';
import type { NamingRules } from './names.js';
import { effectivePolicy, type EffectivePasswordPolicy } from './password-policy.js';
import type { Randomness } from './random.js';
import { SessionStore } from './sessions.js';
import { createPoolTokens, type PoolTokens } from './tokens.js';
import { UserDirectory, newUser, type DirectoryContext } from './users.js';

/** A user pool. */
export interface UserPool {
  readonly id: string;
  readonly region: string;
  readonly naming: NamingRules;
  readonly mfaConfiguration: MfaConfiguration;
  readonly policy: EffectivePasswordPolicy;
  readonly firstFactors: readonly FirstAuthFactor[];
  /** Device tracking, when the pool has a deviceConfiguration. */
  readonly deviceTracking: { readonly rememberOnPrompt: boolean } | undefined;
  readonly tokens: PoolTokens;
  readonly directory: DirectoryContext;
  readonly users: UserDirectory;
  readonly devices: DeviceRegistry;
  readonly grants: GrantStore;
  readonly clients: readonly AppClient[];
}

/** An app client of a pool. */
export interface AppClient {
  readonly id: string;
  readonly name: string | undefined;
  readonly pool: UserPool;
  /** SECRET_HASH over a name, when the client has a secret. */
  readonly secretHash: ((name: string) => string) | undefined;
  /** The secret itself, for RevokeToken's ClientSecret. */
  readonly secret: string | undefined;
  readonly explicitAuthFlows: readonly ExplicitAuthFlow[];
  readonly flows: ReadonlySet<AuthFlow>;
  readonly preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  readonly tokenRevocation: boolean;
  /** AuthSessionValidity in milliseconds. */
  readonly sessionValidityMs: number;
}

/** Everything an instance holds. */
export interface PoolsState {
  readonly pools: ReadonlyMap<string, UserPool>;
  readonly clients: ReadonlyMap<string, AppClient>;
  readonly sessions: SessionStore<Pending>;
  readonly random: Randomness;
  readonly now: () => Date;
  readonly log: Logger;
  readonly outbox: CodeOutbox;
  /** Keys the simulated challenges of users that do not exist (their salt and UUID are derived from it). */
  readonly phantomKey: Uint8Array;
}

/** Bytes of the key simulated challenges are derived with. */
const PHANTOM_KEY_BYTES = 32;

/**
 * The state of a checked config: each user's SRP verifier is computed here (one exponentiation per user).
 *
 * @example
 * ```ts
 * const state = createState(parseLocalPoolsConfig(json), { now: () => new Date(), random: createRandomness({}) });
 * ```
 */
export function createState(config: LocalPoolsConfig, options: { now: () => Date; random: Randomness; log: Logger }): PoolsState {
  const { now, random, log } = options;
  const pools = new Map<string, UserPool>();
  const clients = new Map<string, AppClient>();
  for (const poolConfig of config.userPools) {
    const pool = createPool(poolConfig, random, now());
    pools.set(pool.id, pool);
    for (const client of pool.clients) clients.set(client.id, client);
  }
  return {
    pools,
    clients,
    sessions: new SessionStore<Pending>(now, random),
    random,
    now,
    log,
    outbox: new CodeOutbox(),
    phantomKey: random.bytes(PHANTOM_KEY_BYTES),
  };
}

function createPool(config: UserPoolConfig, random: Randomness, now: Date): UserPool {
  const region = config.id.slice(0, config.id.indexOf('_'));
  const naming: NamingRules = {
    usernameAttributes: config.usernameAttributes ?? [],
    aliasAttributes: config.aliasAttributes ?? [],
    caseSensitive: config.usernameConfiguration?.caseSensitive ?? false,
  };
  const directory: DirectoryContext = { userPoolId: config.id, rules: naming, random };
  const users = new UserDirectory(directory);
  const device = config.deviceConfiguration;
  const clients: AppClient[] = [];
  const pool: UserPool = {
    id: config.id,
    region,
    naming,
    mfaConfiguration: config.mfaConfiguration ?? 'OPTIONAL',
    policy: effectivePolicy(config.passwordPolicy),
    firstFactors: config.signInPolicy?.allowedFirstAuthFactors ?? ['PASSWORD'],
    deviceTracking: device === undefined ? undefined : { rememberOnPrompt: device.DeviceOnlyRememberedOnUserPrompt ?? false },
    tokens: createPoolTokens({ userPoolId: config.id, issuer: config.issuer, randomUUID: () => random.uuid() }),
    directory,
    users,
    devices: new DeviceRegistry(region, random),
    grants: new GrantStore(random),
    clients,
  };
  for (const client of config.clients) clients.push(createClient(client, pool));
  for (const user of config.users ?? []) users.add(newUser(users, directory, user, now, { seeded: true }));
  return pool;
}

function createClient(config: AppClientConfig, pool: UserPool): AppClient {
  const { secret } = config;
  return {
    id: config.id,
    name: config.name,
    pool,
    secretHash: secret === undefined ? undefined : secretHasher(config.id, secret),
    secret,
    explicitAuthFlows: config.explicitAuthFlows ?? DEFAULT_AUTH_FLOWS,
    flows: allowedFlows(config.explicitAuthFlows),
    preventUserExistenceErrors: config.preventUserExistenceErrors ?? 'ENABLED',
    tokenRevocation: config.enableTokenRevocation ?? true,
    sessionValidityMs: (config.authSessionValidity ?? 3) * 60 * 1000,
  };
}

/**
 * {@link parseLocalPoolsConfig}: the config checked whole, every problem reported at once with its path.
 *
 * @module
 */
import { SHAPES, type StringShape } from '@cognito-kit/request-builder';
import { EXPLICIT_AUTH_FLOWS, LEGACY_AUTH_FLOWS } from './auth-flows.js';
import type {
  AliasAttribute,
  AppClientConfig,
  DeviceConfiguration,
  FirstAuthFactor,
  LocalPoolsConfig,
  MfaConfiguration,
  PasswordPolicy,
  UserConfig,
  UserPoolConfig,
  UsernameAttribute,
} from './config.js';
import { ConfigReader, memberPath, type JsonObject } from './config-reader.js';
import { checkUniqueUsers, readUser, type PoolRules } from './config-users.js';
import { LocalPoolConfigError } from './errors.js';
import { effectivePolicy } from './password-policy.js';

const POOL_MEMBERS = [
  'id', 'usernameAttributes', 'aliasAttributes', 'usernameConfiguration', 'deviceConfiguration', 'mfaConfiguration', 'passwordPolicy',
  'signInPolicy', 'issuer', 'clients', 'users',
] as const;
const CLIENT_MEMBERS = ['id', 'secret', 'name', 'explicitAuthFlows', 'preventUserExistenceErrors', 'enableTokenRevocation', 'authSessionValidity'] as const;
const USERNAME_ATTRIBUTES: readonly UsernameAttribute[] = ['email', 'phone_number'];
const ALIAS_ATTRIBUTES: readonly AliasAttribute[] = ['email', 'phone_number', 'preferred_username'];
const MFA_CONFIGURATIONS: readonly MfaConfiguration[] = ['OFF', 'ON', 'OPTIONAL'];
const FIRST_FACTORS: readonly FirstAuthFactor[] = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'];
const CLIENT_NAME: StringShape = { name: 'ClientNameType', min: 1, max: 128 };
/** An issuer: an http(s) URL without a trailing slash (the well-known URLs are `<issuer>/.well-known/…`). */
const ISSUER: StringShape = { name: 'issuer', min: 1, max: 2048, pattern: /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?(?<!\/)$/, patternText: 'an http(s) URL without a trailing slash' };

/**
 * Checks a config read from JSON and returns it typed: pool ids (`<region>_<name>`, unique), client ids (the model's
 * ClientIdType, unique across pools, since the public operations are routed by them), every setting's value, users'
 * names, attributes, passwords (against the pool's password policy, as Cognito would) and MFA, and no unknown member
 * (a typo is a problem, not a setting silently ignored).
 *
 * @param json - the parsed JSON (`JSON.parse` of the config file)
 * @returns the same config, typed (a copy: later changes to `json` do not reach it)
 * @throws {LocalPoolConfigError} listing every problem, each with a path like `userPools[0].clients[1].explicitAuthFlows[2]`
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { createLocalUserPools, parseLocalPoolsConfig } from '@cognito-kit/local-pool';
 * const pools = createLocalUserPools(parseLocalPoolsConfig(JSON.parse(readFileSync('pools.json', 'utf8'))));
 * ```
 */
export function parseLocalPoolsConfig(json: unknown): LocalPoolsConfig {
  const reader = new ConfigReader();
  const root = reader.object(json, '', ['userPools']);
  const userPools: UserPoolConfig[] = [];
  if (root !== undefined) {
    if (root.userPools === undefined) reader.add('REQUIRED', 'userPools', 'is required: a list of user pools');
    const ids: Ids = { pools: new Map(), clients: new Map() };
    reader.list(root.userPools, 'userPools', (value, path) => {
      const pool = readPool(reader, value, path, ids);
      if (pool !== undefined) userPools.push(pool);
      return undefined; // pools are compared by id, not as values
    });
  }
  if (reader.problems.length > 0) throw new LocalPoolConfigError(reader.problems);
  return { userPools };
}

/** The pool ids and client ids seen so far, with the path of each: both are unique across the instance. */
interface Ids {
  readonly pools: Map<string, string>;
  readonly clients: Map<string, string>;
}

/** Records `id` at `path`, or a DUPLICATE problem when another path has it. */
function unique(reader: ConfigReader, seen: Map<string, string>, id: string | undefined, path: string, why: string): void {
  if (id === undefined) return;
  const other = seen.get(id);
  if (other !== undefined) reader.add('DUPLICATE', path, `repeats ${other} (${why})`);
  else seen.set(id, path);
}

function readPool(reader: ConfigReader, value: unknown, path: string, ids: Ids): UserPoolConfig | undefined {
  const json = reader.object(value, path, POOL_MEMBERS);
  if (json === undefined) return undefined;
  const at = (member: string): string => memberPath(path, member);
  const id = reader.string(json.id, at('id'), SHAPES.UserPoolIdType, true);
  unique(reader, ids.pools, id, at('id'), 'pool ids are unique');
  const pool: UserPoolConfig = { id: id ?? '', clients: [] };
  const usernameAttributes = reader.list(json.usernameAttributes, at('usernameAttributes'), (item, itemPath) => reader.oneOf(item, itemPath, USERNAME_ATTRIBUTES));
  if (usernameAttributes !== undefined) pool.usernameAttributes = usernameAttributes;
  const aliasAttributes = reader.list(json.aliasAttributes, at('aliasAttributes'), (item, itemPath) => reader.oneOf(item, itemPath, ALIAS_ATTRIBUTES));
  if (aliasAttributes !== undefined) pool.aliasAttributes = aliasAttributes;
  if ((usernameAttributes?.length ?? 0) > 0 && (aliasAttributes?.length ?? 0) > 0) {
    reader.add('CONFLICT', at('aliasAttributes'), 'cannot be set with usernameAttributes (a pool has one or the other, as in Cognito)');
  }
  const caseSensitive = readUsernameConfiguration(reader, json.usernameConfiguration, at('usernameConfiguration'));
  if (caseSensitive !== undefined) pool.usernameConfiguration = { caseSensitive };
  const deviceConfiguration = readDeviceConfiguration(reader, json.deviceConfiguration, at('deviceConfiguration'));
  if (deviceConfiguration !== undefined) pool.deviceConfiguration = deviceConfiguration;
  const mfaConfiguration = reader.oneOf(json.mfaConfiguration, at('mfaConfiguration'), MFA_CONFIGURATIONS);
  if (mfaConfiguration !== undefined) pool.mfaConfiguration = mfaConfiguration;
  const passwordPolicy = readPasswordPolicy(reader, json.passwordPolicy, at('passwordPolicy'));
  if (passwordPolicy !== undefined) pool.passwordPolicy = passwordPolicy;
  const factors = readSignInPolicy(reader, json.signInPolicy, at('signInPolicy'), mfaConfiguration);
  if (factors !== undefined) pool.signInPolicy = { allowedFirstAuthFactors: factors };
  const issuer = reader.string(json.issuer, at('issuer'), ISSUER);
  if (issuer !== undefined) pool.issuer = issuer;
  if (json.clients === undefined) reader.add('REQUIRED', at('clients'), 'is required: a list of app clients (it may be empty)');
  pool.clients = reader.list(json.clients, at('clients'), (item, itemPath) => readClient(reader, item, itemPath, ids), true) ?? [];
  const rules: PoolRules = {
    usernameAttributes: usernameAttributes ?? [],
    aliasAttributes: aliasAttributes ?? [],
    caseSensitive: caseSensitive ?? false,
    policy: effectivePolicy(passwordPolicy),
    mfaConfiguration: mfaConfiguration ?? 'OPTIONAL',
  };
  const users: { user: UserConfig; path: string }[] = [];
  reader.list(json.users, at('users'), (item, itemPath) => {
    const user = readUser(reader, item, itemPath, rules);
    if (user !== undefined) users.push({ user, path: itemPath });
    return undefined;
  });
  if (json.users !== undefined) pool.users = users.map(({ user }) => user);
  checkUniqueUsers(reader, users, rules);
  return id === undefined ? undefined : pool;
}

function readUsernameConfiguration(reader: ConfigReader, value: unknown, path: string): boolean | undefined {
  if (value === undefined) return undefined;
  const json = reader.object(value, path, ['caseSensitive']);
  return json === undefined ? undefined : reader.boolean(json.caseSensitive, memberPath(path, 'caseSensitive'));
}

function readDeviceConfiguration(reader: ConfigReader, value: unknown, path: string): DeviceConfiguration | undefined {
  if (value === undefined) return undefined;
  const json = reader.object(value, path, ['ChallengeRequiredOnNewDevice', 'DeviceOnlyRememberedOnUserPrompt']);
  if (json === undefined) return undefined;
  const configuration: DeviceConfiguration = {};
  const challenge = reader.boolean(json.ChallengeRequiredOnNewDevice, memberPath(path, 'ChallengeRequiredOnNewDevice'));
  if (challenge !== undefined) configuration.ChallengeRequiredOnNewDevice = challenge;
  const onPrompt = reader.boolean(json.DeviceOnlyRememberedOnUserPrompt, memberPath(path, 'DeviceOnlyRememberedOnUserPrompt'));
  if (onPrompt !== undefined) configuration.DeviceOnlyRememberedOnUserPrompt = onPrompt;
  return configuration;
}

function readPasswordPolicy(reader: ConfigReader, value: unknown, path: string): PasswordPolicy | undefined {
  if (value === undefined) return undefined;
  const members = ['minimumLength', 'requireUppercase', 'requireLowercase', 'requireNumbers', 'requireSymbols', 'temporaryPasswordValidityDays'] as const;
  const json = reader.object(value, path, members);
  if (json === undefined) return undefined;
  const policy: PasswordPolicy = {};
  const minimumLength = reader.integer(json.minimumLength, memberPath(path, 'minimumLength'), 6, 99);
  if (minimumLength !== undefined) policy.minimumLength = minimumLength;
  for (const flag of ['requireUppercase', 'requireLowercase', 'requireNumbers', 'requireSymbols'] as const) {
    const set = reader.boolean(json[flag], memberPath(path, flag));
    if (set !== undefined) policy[flag] = set;
  }
  const days = reader.integer(json.temporaryPasswordValidityDays, memberPath(path, 'temporaryPasswordValidityDays'), 0, 365);
  if (days !== undefined) policy.temporaryPasswordValidityDays = days;
  return policy;
}

function readSignInPolicy(reader: ConfigReader, value: unknown, path: string, mfa: MfaConfiguration | undefined): FirstAuthFactor[] | undefined {
  if (value === undefined) return undefined;
  const json = reader.object(value, path, ['allowedFirstAuthFactors']);
  if (json === undefined) return undefined;
  const listPath = memberPath(path, 'allowedFirstAuthFactors');
  const factors = reader.list(json.allowedFirstAuthFactors, listPath, (item, itemPath) => reader.oneOf(item, itemPath, FIRST_FACTORS));
  if (factors === undefined) return undefined;
  if (!factors.includes('PASSWORD')) reader.add('INVALID_VALUE', listPath, 'must include PASSWORD, as in Cognito');
  if (mfa === 'ON' && factors.some((factor) => factor !== 'PASSWORD')) {
    reader.add('CONFLICT', listPath, 'offers a passwordless factor in a pool whose mfaConfiguration is ON (Cognito allows passwordless sign-in only with MFA OFF or OPTIONAL)');
  }
  return factors;
}

function readClient(reader: ConfigReader, value: unknown, path: string, ids: Ids): AppClientConfig | undefined {
  const json: JsonObject | undefined = reader.object(value, path, CLIENT_MEMBERS);
  if (json === undefined) return undefined;
  const at = (member: string): string => memberPath(path, member);
  const id = reader.string(json.id, at('id'), SHAPES.ClientIdType, true);
  unique(reader, ids.clients, id, at('id'), 'the public operations are routed by client id, so client ids are unique across pools');
  const client: AppClientConfig = { id: id ?? '' };
  const secret = reader.string(json.secret, at('secret'), SHAPES.ClientSecret);
  if (secret !== undefined) client.secret = secret;
  const name = reader.string(json.name, at('name'), CLIENT_NAME);
  if (name !== undefined) client.name = name;
  const flows = reader.list(json.explicitAuthFlows, at('explicitAuthFlows'), (item, itemPath) => reader.oneOf(item, itemPath, EXPLICIT_AUTH_FLOWS));
  if (flows !== undefined) {
    client.explicitAuthFlows = flows;
    const legacy = flows.filter((flow) => LEGACY_AUTH_FLOWS.includes(flow));
    if (legacy.length > 0 && legacy.length < flows.length) {
      reader.add('CONFLICT', at('explicitAuthFlows'), `mixes legacy values (${legacy.join(', ')}) with ALLOW_* values, which Cognito refuses`);
    }
  }
  const prevent = reader.oneOf(json.preventUserExistenceErrors, at('preventUserExistenceErrors'), ['ENABLED', 'LEGACY'] as const);
  if (prevent !== undefined) client.preventUserExistenceErrors = prevent;
  const revocation = reader.boolean(json.enableTokenRevocation, at('enableTokenRevocation'));
  if (revocation !== undefined) client.enableTokenRevocation = revocation;
  const validity = reader.integer(json.authSessionValidity, at('authSessionValidity'), 3, 15);
  if (validity !== undefined) client.authSessionValidity = validity;
  return id === undefined ? undefined : client;
}


/**
 * `@cognito-kit/local-pool`: a local Amazon Cognito user pool that really verifies SRP, for offline tests. One
 * `fetch` handler answers Cognito's API (InitiateAuth, RespondToAuthChallenge and their Admin forms with every flow and
 * challenge, ConfirmDevice, GetUser, RevokeToken, GlobalSignOut, AdminCreateUser, ...) and the pools' well-known
 * routes, as Cognito does; Web APIs only, so it runs in Node, Cloudflare Workers, Deno, Bun and browsers.
 *
 * - {@link createLocalUserPools}: the instance, with its administration in code (add a user, read one, the codes sent,
 *   the log).
 * - {@link parseLocalPoolsConfig}: a config read from JSON, checked whole ({@link LocalPoolConfigError}).
 *
 * @example
 * ```ts
 * import { createLocalUserPools } from '@cognito-kit/local-pool';
 * const pools = createLocalUserPools({ userPools: [{ id: 'eu-west-2_LocalPool1', clients: [{ id: 'localclient0123456789abcd' }],
 *   users: [{ username: 'alice', password: 'Correct horse 1!' }] }] });
 * const response = await pools.fetch(new Request('http://localhost/', { method: 'POST', headers: {
 *   'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
 *   body: JSON.stringify({ AuthFlow: 'USER_SRP_AUTH', ClientId: 'localclient0123456789abcd', AuthParameters: { USERNAME: 'alice', SRP_A } }) }));
 * ```
 *
 * @module
 */
export {
  createLocalUserPools,
  type LocalAppClient,
  type LocalDevice,
  type LocalUser,
  type LocalUserPoolInfo,
  type LocalUserPools,
  type LocalUserPoolsOptions,
} from './local-user-pools.js';
export { parseLocalPoolsConfig } from './config-parse.js';
export type {
  AliasAttribute,
  AppClientConfig,
  DeviceConfiguration,
  ExplicitAuthFlow,
  FirstAuthFactor,
  LocalPoolsConfig,
  MfaConfiguration,
  MfaType,
  PasswordPolicy,
  UserConfig,
  UserPoolConfig,
  UserStatus,
  UsernameAttribute,
} from './config.js';
export { LocalPoolConfigError, LocalPoolError, type ConfigProblem, type ConfigProblemCode, type LocalPoolErrorCode } from './errors.js';
export type { CodeKind, SentCode } from './codes.js';
export type { LogEvent, LogLine, LogListener } from './log.js';
export { MAX_BODY_BYTES } from './http.js';

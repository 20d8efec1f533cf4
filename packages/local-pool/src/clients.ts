/**
 * Routing a request to its pool and app client: the public operations by ClientId alone, the Admin operations by
 * UserPoolId (and a ClientId of that pool).
 *
 * @module
 */
import type { Call } from './call.js';
import type { Input } from './input.js';
import type { AppClient, UserPool } from './pool.js';
import { resourceNotFound } from './service-error.js';

/**
 * The pool of an Admin operation's UserPoolId.
 *
 * @throws {CognitoError} ResourceNotFoundException "User pool <id> does not exist."
 *
 * @example
 * ```ts
 * const pool = poolOf(call, input); // AdminGetUser's UserPoolId
 * ```
 */
export function poolOf(call: Call, input: Input): UserPool {
  const id = input.required('UserPoolId');
  const pool = call.state.pools.get(id);
  if (pool === undefined) throw resourceNotFound(`User pool ${id} does not exist.`);
  return pool;
}

/**
 * The app client of ClientId; for an Admin operation it must be a client of UserPoolId's pool.
 *
 * @throws {CognitoError} ResourceNotFoundException "User pool client <id> does not exist." (or the pool's refusal)
 *
 * @example
 * ```ts
 * const client = clientOf(call, input, false); // InitiateAuth's ClientId
 * ```
 */
export function clientOf(call: Call, input: Input, admin: boolean): AppClient {
  const pool = admin ? poolOf(call, input) : undefined;
  const id = input.required('ClientId');
  const client = call.state.clients.get(id);
  if (client === undefined || (pool !== undefined && client.pool !== pool)) throw resourceNotFound(`User pool client ${id} does not exist.`);
  return client;
}

/**
 * SECRET_HASH, checked as Cognito checks it for clients with a secret (COGNITO-SERVER.md §2, §6, §8): over the name
 * the client sent at InitiateAuth, over USER_ID_FOR_SRP in challenge answers, over the real username (or `sub`) on
 * refresh.
 *
 * @module
 */
import type { AppClient } from './pool.js';
import { notAuthorized } from './service-error.js';

/**
 * Refuses a missing or wrong SECRET_HASH when `client` has a secret: it must be the hash of one of `names`.
 *
 * @throws {CognitoError} NotAuthorizedException "Client <id> is configured with secret but SECRET_HASH was not
 *   received" (the wording seen in 2023), or "Unable to verify secret hash for client <id>"
 *
 * @example
 * ```ts
 * checkSecretHash(client, [AuthParameters.USERNAME], AuthParameters.SECRET_HASH);
 * ```
 */
export function checkSecretHash(client: AppClient, names: readonly string[], given: string | undefined): void {
  const hash = client.secretHash;
  if (hash === undefined) return;
  if (given === undefined) throw notAuthorized(`Client ${client.id} is configured with secret but SECRET_HASH was not received`);
  if (!names.some((name) => hash(name) === given)) throw notAuthorized(`Unable to verify secret hash for client ${client.id}`);
}

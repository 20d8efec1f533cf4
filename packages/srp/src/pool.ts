/**
 * User pool ids and the pool name that SRP hashes.
 *
 * @module
 */
import { SrpError } from './errors.js';

// Service model UserPoolIdType: 1-55 characters, pattern [\w-]+_[0-9a-zA-Z]+ (anchored here: Smithy patterns are not),
// narrowed to one underscore: \w without _ before it, so the name after it is unambiguous.
const USER_POOL_ID = /^[a-zA-Z0-9-]+_[0-9a-zA-Z]+$/;

/**
 * The pool name SRP hashes into x and the signature: the part of the user pool id after the underscore
 * (`eu-west-2_eYpv1mFHB` → `eYpv1mFHB`), as the reference clients take it with `split('_')[1]`.
 *
 * @param userPoolId - a user pool id such as `us-east-1_AbCdEf123`
 * @throws {SrpError} `INVALID_USER_POOL_ID` unless the id is `<region>_<alphanumeric name>` of at most 55
 *   characters with exactly one underscore (with two, clients disagree on which part is the name)
 * @example
 * ```ts
 * import { poolNameOf } from '@cognito-kit/srp';
 * poolNameOf('eu-west-2_eYpv1mFHB'); // 'eYpv1mFHB'
 * ```
 */
export function poolNameOf(userPoolId: string): string {
  if (typeof userPoolId !== 'string' || userPoolId.length > 55 || !USER_POOL_ID.test(userPoolId)) {
    throw new SrpError('INVALID_USER_POOL_ID', 'userPoolId must be <region>_<name> with one underscore, at most 55 characters', 'userPoolId');
  }
  return userPoolId.slice(userPoolId.indexOf('_') + 1);
}

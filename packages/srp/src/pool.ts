/**
 * User pool ids and the pool name that SRP hashes.
 *
 * @module
 */
import { SrpError } from './errors.js';

// Service model UserPoolIdType: 1-55 characters, pattern [\w-]+_[0-9a-zA-Z]+ (anchored here: Smithy patterns are not).
const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

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
    throw new SrpError(
      'INVALID_USER_POOL_ID',
      'userPoolId must look like <region>_<name> (for example us-east-1_AbCdEf123), at most 55 characters',
      'userPoolId',
    );
  }
  const parts = userPoolId.split('_');
  if (parts.length !== 2) {
    throw new SrpError('INVALID_USER_POOL_ID', 'userPoolId must contain exactly one underscore', 'userPoolId');
  }
  return parts[1]!;
}

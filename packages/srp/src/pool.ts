/**
 * User pool ids and the pool name that SRP hashes.
 *
 * @module
 */
import { SrpError } from './errors.js';

/**
 * The one rule for a user pool id, which `@cognito-kit/request-builder` imports too: the service model's
 * UserPoolIdType (1-55 characters, pattern `[\w-]+_[0-9a-zA-Z]+`, anchored here as Smithy patterns are not), narrowed
 * to exactly one underscore (`\w` without `_` before it). Real pool ids have one (`<region>_<name>`, and no region
 * has an underscore); with two, clients disagree on which part SRP hashes as the pool name.
 *
 * @example
 * ```ts
 * import { USER_POOL_ID_PATTERN } from '@cognito-kit/srp';
 * USER_POOL_ID_PATTERN.test('eu-west-2_eYpv1mFHB'); // true
 * USER_POOL_ID_PATTERN.test('us_east_1_Abc');       // false: three underscores
 * ```
 */
export const USER_POOL_ID_PATTERN = /^[a-zA-Z0-9-]+_[0-9a-zA-Z]+$/;

/**
 * The longest user pool id, in characters: UserPoolIdType's `max` (the pattern is ASCII, so UTF-16 units and code
 * points agree).
 *
 * @example
 * ```ts
 * import { USER_POOL_ID_MAX_LENGTH, USER_POOL_ID_PATTERN } from '@cognito-kit/srp';
 * const isPoolId = (id: string) => id.length <= USER_POOL_ID_MAX_LENGTH && USER_POOL_ID_PATTERN.test(id);
 * ```
 */
export const USER_POOL_ID_MAX_LENGTH = 55;

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
  if (typeof userPoolId !== 'string' || userPoolId.length > USER_POOL_ID_MAX_LENGTH || !USER_POOL_ID_PATTERN.test(userPoolId)) {
    throw new SrpError('INVALID_USER_POOL_ID', 'userPoolId must be <region>_<name> with one underscore, at most 55 characters', 'userPoolId');
  }
  return userPoolId.slice(userPoolId.indexOf('_') + 1);
}

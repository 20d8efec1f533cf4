/**
 * What a user's state says about signing in: disabled, unconfirmed, a reset required, a temporary password expired.
 * With preventUserExistenceErrors LEGACY the refusal comes at once (COGNITO-SERVER.md §2: an unconfirmed user gets
 * UserNotConfirmedException "even with a wrong password"); with ENABLED only once the password is proved, and a
 * required reset looks like a wrong password (the developer guide, for imported users).
 *
 * @module
 */
import type { AppClient } from './pool.js';
import { CognitoError, MESSAGES, notAuthorized } from './service-error.js';
import type { UserRecord } from './users.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The refusal a user's state gets, or undefined when the user may go on.
 *
 * @example
 * ```ts
 * const refusal = statusRefusal(user, client, now);
 * if (refusal !== undefined) throw refusal;
 * ```
 */
export function statusRefusal(user: UserRecord, client: AppClient, now: Date): CognitoError | undefined {
  if (!user.enabled) return notAuthorized(MESSAGES.userDisabled);
  if (user.status === 'UNCONFIRMED') return new CognitoError('UserNotConfirmedException', MESSAGES.userNotConfirmed);
  if (user.status === 'RESET_REQUIRED') {
    return client.preventUserExistenceErrors === 'ENABLED'
      ? notAuthorized(MESSAGES.incorrect)
      : new CognitoError('PasswordResetRequiredException', MESSAGES.passwordResetRequired);
  }
  const days = client.pool.policy.temporaryPasswordValidityDays;
  // 0 days: the temporary password never expires (what Cognito does with 0 was not found).
  if (user.status === 'FORCE_CHANGE_PASSWORD' && days > 0 && now.getTime() > user.passwordSetAt.getTime() + days * DAY_MS) {
    return notAuthorized(MESSAGES.temporaryPasswordExpired);
  }
  return undefined;
}

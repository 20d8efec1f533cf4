/**
 * A user as the replies show it: UserAttributes (`sub` first, as Cognito lists it), the MFA members of GetUser and
 * AdminGetUser, and timestamps as epoch seconds (awsJson1_1 sends timestamps as JSON numbers).
 *
 * @module
 */
import type { UserRecord } from './users.js';

/** An AttributeType of a reply. */
export interface AttributeView {
  readonly Name: string;
  readonly Value: string;
}

/**
 * The user's attributes as AttributeType entries, `sub` first.
 *
 * @example
 * ```ts
 * attributeList(user)[0]; // { Name: 'sub', Value: 'a1b2…' }
 * ```
 */
export function attributeList(user: UserRecord): AttributeView[] {
  return [{ Name: 'sub', Value: user.sub }, ...Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }))];
}

/**
 * The MFA members of GetUser and AdminGetUser, each only when it has something: MFAOptions (the legacy SMS entry),
 * PreferredMfaSetting, UserMFASettingList.
 *
 * @example
 * ```ts
 * mfaMembers(user); // { PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] }
 * ```
 */
export function mfaMembers(user: UserRecord): Record<string, unknown> {
  const members: Record<string, unknown> = {};
  if (user.mfa.enabled.includes('SMS_MFA')) members.MFAOptions = [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }];
  if (user.mfa.preferred !== undefined) members.PreferredMfaSetting = user.mfa.preferred;
  if (user.mfa.enabled.length > 0) members.UserMFASettingList = [...user.mfa.enabled];
  return members;
}

/**
 * A Date as awsJson1_1 sends a timestamp: epoch seconds, a JSON number (with milliseconds as a fraction).
 *
 * @example
 * ```ts
 * epochSeconds(new Date(1500)); // 1.5
 * ```
 */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

/**
 * UserType, as AdminCreateUser returns it.
 *
 * @example
 * ```ts
 * return { User: userType(user) };
 * ```
 */
export function userType(user: UserRecord): Record<string, unknown> {
  const type: Record<string, unknown> = {
    Username: user.username,
    Attributes: attributeList(user),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
  if (user.mfa.enabled.includes('SMS_MFA')) type.MFAOptions = [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }];
  return type;
}

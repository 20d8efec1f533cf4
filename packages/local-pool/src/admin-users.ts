/**
 * The Admin user operations (SigV4-signed, routed by UserPoolId): AdminCreateUser (a FORCE_CHANGE_PASSWORD user with
 * a temporary password), AdminSetUserPassword and AdminGetUser (COGNITO-SERVER.md §7).
 *
 * @module
 */
import { attributeProblem, maskDestination } from './attributes.js';
import type { Call } from './call.js';
import { poolOf } from './clients.js';
import type { UserConfig } from './config.js';
import type { Input, JsonObject } from './input.js';
import { usernameAttributeOf } from './names.js';
import { checkPolicy, setPassword } from './new-password.js';
import type { UserPool } from './pool.js';
import { CognitoError, MESSAGES, invalidParameter, userNotFound } from './service-error.js';
import { attributeList, epochSeconds, mfaMembers, userType } from './user-views.js';
import { newUser, type UserRecord } from './users.js';

/**
 * Adds a new user to the pool unless one of its names is taken; returns the taken name, or undefined once added.
 *
 * @example
 * ```ts
 * const taken = insertUser(pool, newUser(pool.users, pool.directory, config, now, { seeded: false }));
 * ```
 */
export function insertUser(pool: UserPool, user: UserRecord): string | undefined {
  const names = [user.username, ...pool.users.namesFor(user.username, user.attributes)];
  const taken = pool.users.taken(names) ?? (pool.users.bySub(user.sub) === undefined ? undefined : user.sub);
  if (taken === undefined) pool.users.add(user);
  return taken;
}

/**
 * AdminCreateUser {UserPoolId, Username, UserAttributes, TemporaryPassword, MessageAction, DesiredDeliveryMediums}:
 * `{ User }`. Without TemporaryPassword one is generated and "sent" (read it with `sentCodes()`), unless
 * MessageAction is SUPPRESS.
 *
 * @throws {CognitoError} UsernameExistsException, InvalidPasswordException, InvalidParameterException
 *
 * @example
 * ```ts
 * return adminCreateUser(call, input); // { User: { Username: 'nina', UserStatus: 'FORCE_CHANGE_PASSWORD', … } }
 * ```
 */
export async function adminCreateUser(call: Call, input: Input): Promise<JsonObject> {
  const pool = poolOf(call, input);
  const username = input.required('Username');
  const attributes = attributesOf(input);
  if (input.string('MessageAction') === 'RESEND') return resend(call, pool, username, input);
  if (pool.naming.usernameAttributes.length > 0) {
    const fits = usernameAttributeOf(pool.naming.usernameAttributes, username);
    if ('problem' in fits) throw invalidParameter(fits.problem);
    const given = attributes[fits.attribute];
    if (given !== undefined && given !== username) {
      throw invalidParameter(`User ${fits.attribute === 'email' ? 'email' : 'phone number'} should be empty or same as username, since username attribute is ${fits.attribute}`);
    }
  }
  const given = input.string('TemporaryPassword');
  if (given !== undefined) checkPolicy(pool, given, 'Password did not conform with password policy:');
  const password = given ?? temporaryPassword(call, pool);
  const config: UserConfig = { username, password, attributes, status: 'FORCE_CHANGE_PASSWORD' };
  const user = newUser(pool.users, pool.directory, config, call.now, { seeded: false });
  const taken = insertUser(pool, user);
  if (taken !== undefined) {
    const byUsername = pool.naming.usernameAttributes.length === 0 && taken === username;
    throw new CognitoError(byUsername || pool.naming.aliasAttributes.length === 0 ? 'UsernameExistsException' : 'AliasExistsException', byUsername ? MESSAGES.userExists : 'An account with the given email already exists.');
  }
  if (input.string('MessageAction') !== 'SUPPRESS') deliverTemporaryPassword(call, pool, user, password, input);
  return { User: userType(user) };
}

/** MessageAction RESEND: the invitation again, with a new temporary password unless one is given. */
function resend(call: Call, pool: UserPool, username: string, input: Input): JsonObject {
  const user = pool.users.find(username);
  if (user === undefined) throw userNotFound();
  const given = input.string('TemporaryPassword');
  if (given !== undefined) checkPolicy(pool, given, 'Password did not conform with password policy:');
  const password = given ?? temporaryPassword(call, pool);
  setPassword(pool, user, password, { permanent: false, now: call.now });
  deliverTemporaryPassword(call, pool, user, password, input);
  return { User: userType(user) };
}

/** UserAttributes as a record, each attribute one the pool has. */
function attributesOf(input: Input): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const entry of input.structures('UserAttributes')) {
    const name = entry.required('Name');
    const value = entry.string('Value') ?? '';
    const problem = attributeProblem(name, value);
    if (problem !== undefined) throw invalidParameter(`Attributes did not conform to the schema: ${problem}`);
    Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return attributes;
}

/** A temporary password the pool's policy accepts: one character of each class, then random ones. */
function temporaryPassword(call: Call, pool: UserPool): string {
  const pick = (alphabet: string): string => alphabet.charAt((call.state.random.bytes(1)[0] ?? 0) % alphabet.length);
  const classes = [pick('ABCDEFGHJKLMNPQRSTUVWXYZ'), pick('abcdefghijkmnopqrstuvwxyz'), pick('23456789'), pick('!#%&*+=?@^')];
  return classes.join('') + call.state.random.token(Math.max(9, pool.policy.minimumLength));
}

/** "Sends" the temporary password by e-mail or SMS (DesiredDeliveryMediums, SMS by default, as in Cognito). */
function deliverTemporaryPassword(call: Call, pool: UserPool, user: UserRecord, password: string, input: Input): void {
  const wanted = input.strings('DesiredDeliveryMediums');
  const mediums = wanted.length > 0 ? wanted : ['SMS'];
  const email = user.attributes.email;
  const phone = user.attributes.phone_number;
  const medium = mediums.includes('EMAIL') && email !== undefined ? 'EMAIL' : mediums.includes('SMS') && phone !== undefined ? 'SMS' : email !== undefined ? 'EMAIL' : phone !== undefined ? 'SMS' : undefined;
  const destination = medium === 'EMAIL' ? email : phone;
  if (medium === undefined || destination === undefined) return;
  call.state.outbox.add({ userPoolId: pool.id, username: user.username, kind: 'TEMPORARY_PASSWORD', medium, destination, code: password, sentAt: call.now });
  call.state.log.emit({
    time: call.now,
    level: 'info',
    event: 'code-sent',
    message: `temporary password for ${user.username} "sent" by ${medium} to ${maskDestination(medium, destination)} (read it with sentCodes())`,
    requestId: call.requestId,
    operation: call.operation,
    userPoolId: pool.id,
    username: user.username,
  });
}

/**
 * AdminSetUserPassword {UserPoolId, Username, Password, Permanent}: Permanent true makes the user CONFIRMED, false
 * FORCE_CHANGE_PASSWORD (a temporary password).
 *
 * @throws {CognitoError} UserNotFoundException, InvalidPasswordException
 *
 * @example
 * ```ts
 * await adminSetUserPassword(call, input); // {}
 * ```
 */
export async function adminSetUserPassword(call: Call, input: Input): Promise<JsonObject> {
  const pool = poolOf(call, input);
  const user = pool.users.find(input.required('Username'));
  if (user === undefined) throw userNotFound();
  const password = input.required('Password');
  checkPolicy(pool, password, 'Password does not conform to policy:');
  setPassword(pool, user, password, { permanent: input.boolean('Permanent') ?? false, now: call.now });
  return {};
}

/**
 * AdminGetUser {UserPoolId, Username}: the user by username or alias, never its password or verifier.
 *
 * @throws {CognitoError} UserNotFoundException "User does not exist."
 *
 * @example
 * ```ts
 * return adminGetUser(call, input); // { Username, UserAttributes, UserCreateDate, … }
 * ```
 */
export async function adminGetUser(call: Call, input: Input): Promise<JsonObject> {
  const pool = poolOf(call, input);
  const user = pool.users.find(input.required('Username'));
  if (user === undefined) throw userNotFound();
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaMembers(user),
  };
}

/**
 * The end of a sign-in: the ID and access tokens of {@link PoolTokens}, a new refresh token, and NewDeviceMetadata
 * when the pool remembers devices and the sign-in used none (COGNITO-SERVER.md §1, §5, §8).
 *
 * @module
 */
import type { Call } from './call.js';
import type { DeviceRecord } from './devices.js';
import { REFRESH_TOKEN_LIFETIME_MS } from './grants.js';
import type { JsonObject } from './input.js';
import type { Login } from './login.js';
import { MESSAGES, notAuthorized } from './service-error.js';
import type { TokenSubject } from './tokens.js';
import type { UserRecord } from './users.js';

/**
 * What the tokens say about a user.
 *
 * @example
 * ```ts
 * await pool.tokens.issue(subjectOf(user), session, now);
 * ```
 */
export function subjectOf(user: UserRecord): TokenSubject {
  return { sub: user.sub, username: user.username, attributes: { ...user.attributes }, groups: user.groups };
}

/**
 * The tokens of a finished sign-in. `device` is the remembered device it proved (DEVICE_PASSWORD_VERIFIER); without
 * one, a pool that tracks devices issues a new device in NewDeviceMetadata (unless the client named a device of the
 * user's that is still to be confirmed). The access token carries `device_key` of either.
 *
 * @example
 * ```ts
 * return signedIn(call, login, undefined);
 * ```
 */
export async function signedIn(call: Call, login: Login, device: DeviceRecord | undefined): Promise<JsonObject> {
  const { user, client } = login;
  if (user === undefined) throw notAuthorized(MESSAGES.incorrect);
  const { pool } = client;
  const { now, state } = call;
  const named = pool.devices.of(user.sub, login.deviceKey);
  const newDevice = pool.deviceTracking !== undefined && device === undefined && named === undefined ? pool.devices.create(user.sub, now) : undefined;
  const deviceKey = pool.deviceTracking === undefined ? undefined : (device ?? newDevice ?? named)?.key;
  const session = { clientId: client.id, authTime: now, originJti: state.random.uuid(), eventId: state.random.uuid(), deviceKey };
  const tokens = await pool.tokens.issue(subjectOf(user), session, now);
  const RefreshToken = pool.grants.issue({
    sub: user.sub,
    clientId: client.id,
    originJti: session.originJti,
    eventId: session.eventId,
    authTime: now,
    deviceKey,
    passwordFlowOnly: login.firstFactor === 'PASSWORD' && device === undefined,
    expiresAt: now.getTime() + REFRESH_TOKEN_LIFETIME_MS,
  });
  state.log.emit({
    time: now,
    level: 'info',
    event: 'signed-in',
    message: `${user.username} signed in to ${pool.id} with ${client.id} (${login.authFlow}${device === undefined ? '' : ', remembered device'})`,
    requestId: call.requestId,
    operation: call.operation,
    userPoolId: pool.id,
    username: user.username,
  });
  const result: Record<string, unknown> = { AccessToken: tokens.accessToken, ExpiresIn: tokens.expiresIn, TokenType: 'Bearer', RefreshToken, IdToken: tokens.idToken };
  if (newDevice !== undefined) result.NewDeviceMetadata = { DeviceKey: newDevice.key, DeviceGroupKey: newDevice.groupKey };
  return { ChallengeParameters: {}, AuthenticationResult: result };
}

/**
 * AdminInitiateAuth (server side, SigV4-signed) and InitiateAuth (public, unsigned) requests.
 *
 * @module
 */
import type { SrpSession } from '@cognito-kit/srp';
import { buildAuthParameters } from './auth-parameters.js';
import { contextData, sharedMembers, userContextData } from './common.js';
import { AUTH_FLOWS, MEMBER_ORDER, PUBLIC_AUTH_FLOWS, SHAPES, inMemberOrder } from './model.js';
import type { AdminInitiateAuthInput, AdminInitiateAuthRequest, InitiateAuthInput, InitiateAuthRequest } from './types.js';
import { Validator } from './validation.js';

const ADMIN_COMMON = ['userPoolId', 'clientId', 'clientSecret', 'clientMetadata', 'analyticsEndpointId', 'session', 'contextData'];
const PUBLIC_COMMON = ['clientId', 'clientSecret', 'clientMetadata', 'analyticsEndpointId', 'session', 'userContextData'];

function asRecord(input: unknown, v: Validator): Record<string, unknown> {
  const record = v.object(input, 'input');
  v.finish();
  return record!;
}

/**
 * Builds a validated AdminInitiateAuth request for any AuthFlowType.
 *
 * - `USER_SRP_AUTH` creates an SRP session (unless `srpSession` is given) and sends its SRP_A; keep the returned
 *   `srpSession` for the PASSWORD_VERIFIER answer.
 * - `CUSTOM_AUTH` with `withSrp: true` (or an `srpSession`) sends `CHALLENGE_NAME: 'SRP_A'` and SRP_A.
 * - `USER_AUTH` sends PREFERRED_CHALLENGE; `PASSWORD_SRP` brings SRP_A, `PASSWORD` brings PASSWORD.
 * - `clientSecret` adds SECRET_HASH (over `username`; for refresh flows `username` is then required and must be the
 *   user's real username or sub, not an alias); `deviceKey` adds DEVICE_KEY.
 *
 * @returns the wire/SDK request (assignable to the AWS SDK's `AdminInitiateAuthCommandInput`) and the SRP session
 * @throws {RequestValidationError} with every violation of the service model found in `input`
 * @example
 * ```ts
 * import { buildAdminInitiateAuth } from '@cognito-kit/request-builder';
 * import { AdminInitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
 *
 * const { request, srpSession } = buildAdminInitiateAuth({
 *   authFlow: 'USER_SRP_AUTH', userPoolId: 'us-east-1_AbC123', clientId, clientSecret, username: 'alice',
 * });
 * const response = await cognito.send(new AdminInitiateAuthCommand(request)); // → PASSWORD_VERIFIER
 * ```
 */
export function buildAdminInitiateAuth(input: AdminInitiateAuthInput): { request: AdminInitiateAuthRequest; srpSession?: SrpSession } {
  const v = new Validator();
  const record = asRecord(input, v);
  const UserPoolId = v.string(record.userPoolId, 'userPoolId', SHAPES.UserPoolIdType, true);
  const ClientId = v.string(record.clientId, 'clientId', SHAPES.ClientIdType, true);
  const shared = sharedMembers(record, v);
  const ContextData = contextData(record.contextData, v);
  const auth = buildAuthParameters(record, v, AUTH_FLOWS, ADMIN_COMMON, 'AdminInitiateAuth');
  v.finish();
  const request = inMemberOrder<AdminInitiateAuthRequest>(
    { UserPoolId, ClientId, AuthFlow: auth!.AuthFlow, AuthParameters: auth!.AuthParameters, ...shared, ContextData },
    MEMBER_ORDER.AdminInitiateAuth,
  );
  return auth!.srpSession === undefined ? { request } : { request, srpSession: auth!.srpSession };
}

/**
 * Builds a validated InitiateAuth request, the public and unsigned operation browsers and edge functions use.
 * There is no user pool id on the wire (but keep it: the PASSWORD_VERIFIER answer needs it for x).
 * ADMIN_* flows are refused with `INVALID_ENUM`.
 *
 * @throws {RequestValidationError} with every violation found
 * @example
 * ```ts
 * import { buildInitiateAuth, toHttpRequest } from '@cognito-kit/request-builder';
 * const { request, srpSession } = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId, username: 'alice' });
 * const http = toHttpRequest('InitiateAuth', request, { region: 'eu-west-2' });
 * const response = await fetch(http.url, http);
 * ```
 */
export function buildInitiateAuth(input: InitiateAuthInput): { request: InitiateAuthRequest; srpSession?: SrpSession } {
  const v = new Validator();
  const record = asRecord(input, v);
  const ClientId = v.string(record.clientId, 'clientId', SHAPES.ClientIdType, true);
  const shared = sharedMembers(record, v);
  const UserContextData = userContextData(record.userContextData, v);
  const auth = buildAuthParameters(record, v, PUBLIC_AUTH_FLOWS, PUBLIC_COMMON, 'InitiateAuth');
  v.finish();
  const request = inMemberOrder<InitiateAuthRequest>(
    { AuthFlow: auth!.AuthFlow, ClientId, AuthParameters: auth!.AuthParameters, ...shared, UserContextData },
    MEMBER_ORDER.InitiateAuth,
  );
  return auth!.srpSession === undefined ? { request } : { request, srpSession: auth!.srpSession };
}

/**
 * AdminInitiateAuth (server side, SigV4-signed) and InitiateAuth (public, unsigned) requests.
 *
 * @module
 */
import type { SrpSession } from '@cognito-kit/srp';
import { buildAuthParameters } from './auth-parameters.js';
import { buildRequest } from './common.js';
import type { AdminInitiateAuthInput, AdminInitiateAuthRequest, InitiateAuthInput, InitiateAuthRequest } from './types.js';

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
  return buildRequest('AdminInitiateAuth', input, buildAuthParameters);
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
  return buildRequest('InitiateAuth', input, buildAuthParameters);
}

/**
 * AdminInitiateAuth (server side, SigV4-signed) and InitiateAuth (public, unsigned) requests.
 *
 * @module
 */
import type { SrpSession } from '@cognito-kit/srp';
import { authParametersOf, readFlow } from './auth-parameters.js';
import type { AdminInitiateAuthInput, AdminMembers, InitiateAuthInput, PublicMembers, SrpFlow } from './inputs.js';
import { member, readAnalyticsMetadata, readClientMetadata, readContextData, readUserContextData } from './members.js';
import { AUTH_FLOWS, PUBLIC_AUTH_FLOWS, SHAPES } from './model.js';
import type { AdminInitiateAuthRequest, InitiateAuthRequest } from './requests.js';
import { checked, inputRecord, requiredStr, str, type Issues } from './validation.js';

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
 * @returns the wire request (assignable to the AWS SDK's `AdminInitiateAuthCommandInput`) and, for the flows that
 *   start SRP, the SRP session (typed as always present for them)
 * @throws {RequestValidationError} with every violation of the service model found in `input`
 * @example
 * ```ts
 * import { buildAdminInitiateAuth } from '@cognito-kit/request-builder';
 *
 * const { request, srpSession } = buildAdminInitiateAuth({
 *   authFlow: 'USER_SRP_AUTH', userPoolId: 'eu-west-2_eYpv1mFHB', clientId: '18u8119jgbpr464n28s1itk2mq', username: 'alice',
 * });
 * // send `request` with AdminInitiateAuthCommand; keep srpSession for the PASSWORD_VERIFIER answer
 * ```
 */
export function buildAdminInitiateAuth(input: AdminMembers & SrpFlow): { request: AdminInitiateAuthRequest; srpSession: SrpSession };
export function buildAdminInitiateAuth(input: AdminInitiateAuthInput): { request: AdminInitiateAuthRequest; srpSession?: SrpSession };
export function buildAdminInitiateAuth(input: AdminInitiateAuthInput): { request: AdminInitiateAuthRequest; srpSession?: SrpSession } {
  const members = inputRecord(input);
  const issues: Issues = [];
  // Read in the SDK's member order, so issues come in the order of the wire.
  const userPoolId = requiredStr(issues, members.userPoolId, 'userPoolId', SHAPES.UserPoolIdType);
  const clientId = requiredStr(issues, members.clientId, 'clientId', SHAPES.ClientIdType);
  const clientMetadata = readClientMetadata(issues, members.clientMetadata);
  const analyticsMetadata = readAnalyticsMetadata(issues, members.analyticsEndpointId);
  const contextData = readContextData(issues, members.contextData);
  const session = str(issues, members.session, 'session', SHAPES.SessionType);
  const shared = ['userPoolId', 'clientId', 'clientMetadata', 'analyticsEndpointId', 'contextData', 'session'];
  const flow = checked(issues, readFlow(issues, members, 'AdminInitiateAuth', AUTH_FLOWS, shared));

  const { authParameters, srpSession } = authParametersOf(flow, clientId);
  const request: AdminInitiateAuthRequest = {
    UserPoolId: userPoolId,
    ClientId: clientId,
    AuthFlow: flow.authFlow,
    AuthParameters: authParameters,
    ...member('ClientMetadata', clientMetadata),
    ...member('AnalyticsMetadata', analyticsMetadata),
    ...member('ContextData', contextData),
    ...member('Session', session),
  };
  return { request, ...member('srpSession', srpSession) };
}

/**
 * Builds a validated InitiateAuth request, the public and unsigned operation browsers and edge functions use.
 * There is no user pool id on the wire (but keep it: the PASSWORD_VERIFIER answer needs it for x).
 * ADMIN_* flows are refused with `INVALID_ENUM`.
 *
 * @returns the wire request and, for the flows that start SRP, the SRP session
 * @throws {RequestValidationError} with every violation found
 * @example
 * ```ts
 * import { buildInitiateAuth, send } from '@cognito-kit/request-builder';
 *
 * const { request, srpSession } = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: '18u8119jgbpr464n28s1itk2mq', username: 'alice' });
 * const challenge = await send('InitiateAuth', request, { region: 'eu-west-2' }); // PASSWORD_VERIFIER
 * ```
 */
export function buildInitiateAuth(input: PublicMembers & SrpFlow): { request: InitiateAuthRequest; srpSession: SrpSession };
export function buildInitiateAuth(input: InitiateAuthInput): { request: InitiateAuthRequest; srpSession?: SrpSession };
export function buildInitiateAuth(input: InitiateAuthInput): { request: InitiateAuthRequest; srpSession?: SrpSession } {
  const members = inputRecord(input);
  const issues: Issues = [];
  const clientId = requiredStr(issues, members.clientId, 'clientId', SHAPES.ClientIdType);
  const clientMetadata = readClientMetadata(issues, members.clientMetadata);
  const analyticsMetadata = readAnalyticsMetadata(issues, members.analyticsEndpointId);
  const userContextData = readUserContextData(issues, members.userContextData);
  const session = str(issues, members.session, 'session', SHAPES.SessionType);
  const shared = ['clientId', 'clientMetadata', 'analyticsEndpointId', 'userContextData', 'session'];
  const flow = checked(issues, readFlow(issues, members, 'InitiateAuth', PUBLIC_AUTH_FLOWS, shared));

  const { authParameters, srpSession } = authParametersOf(flow, clientId);
  const request: InitiateAuthRequest = {
    AuthFlow: flow.authFlow,
    ClientId: clientId,
    AuthParameters: authParameters,
    ...member('ClientMetadata', clientMetadata),
    ...member('AnalyticsMetadata', analyticsMetadata),
    ...member('UserContextData', userContextData),
    ...member('Session', session),
  };
  return { request, ...member('srpSession', srpSession) };
}

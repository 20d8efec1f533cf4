/**
 * `@cognito-kit/request-builder`: typed, validated requests for Cognito's authentication operations, built on
 * `@cognito-kit/srp`.
 *
 * - {@link buildAdminInitiateAuth} / {@link buildInitiateAuth}: every AuthFlowType.
 * - {@link buildAdminRespondToAuthChallenge} / {@link buildRespondToAuthChallenge}: PASSWORD_VERIFIER, the device
 *   challenges, and any other challenge as a pass-through map.
 * - {@link toHttpRequest}: the awsJson1_1 HTTP request; {@link redact}: a copy safe to log.
 *
 * @example
 * ```ts
 * import { buildAdminInitiateAuth, buildAdminRespondToAuthChallenge } from '@cognito-kit/request-builder';
 * const { request, srpSession } = buildAdminInitiateAuth({ authFlow: 'USER_SRP_AUTH', userPoolId, clientId, username });
 * ```
 *
 * @module
 */
export { RequestValidationError, type ValidationCode, type ValidationIssue } from './errors.js';
export { AUTH_FLOWS, CHALLENGE_NAMES, MEMBER_ORDER, PUBLIC_AUTH_FLOWS, SHAPES, type AuthFlow, type ChallengeName, type Operation, type StringShape } from './model.js';
export { buildAdminInitiateAuth, buildInitiateAuth } from './initiate-auth.js';
export { buildAdminRespondToAuthChallenge, buildRespondToAuthChallenge } from './respond.js';
export { regionEndpoint, requiresSigV4, toHttpRequest, type Destination, type HttpRequest } from './http.js';
export { redact } from './redact.js';
export { buildConfirmDevice, type ConfirmDeviceInput, type ConfirmDeviceRequest } from './confirm-device.js';
export type * from './types.js';

/**
 * `@cognito-kit/request-builder`: typed, validated requests for Cognito's authentication operations, built on
 * `@cognito-kit/srp`.
 *
 * - {@link buildAdminInitiateAuth} / {@link buildInitiateAuth}: every AuthFlowType.
 * - {@link buildAdminRespondToAuthChallenge} / {@link buildRespondToAuthChallenge}: PASSWORD_VERIFIER, the device
 *   challenges, and any other challenge as a pass-through map.
 * - {@link toHttpRequest}: the awsJson1_1 HTTP request; {@link send}: it, `fetch` and {@link readResponse}, which
 *   turns Cognito's reply into the typed reply or a {@link CognitoServiceError}; {@link redact}: a copy safe to log.
 * - The sign-in loop, which answers the SRP challenges itself and hands the others back, is at
 *   `@cognito-kit/request-builder/sign-in`.
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
export {
  AUTH_FLOWS,
  CHALLENGE_NAMES,
  MEMBER_ORDER,
  PUBLIC_AUTH_FLOWS,
  SHAPES,
  type AuthFlow,
  type AuthOperation,
  type ChallengeName,
  type Operation,
  type PublicAuthFlow,
  type StringShape,
} from './model.js';
export { FLOW_INPUTS, flowNeeds, type FlowMember, type FlowNeeds } from './auth-parameters.js';
export { buildAdminInitiateAuth, buildInitiateAuth } from './initiate-auth.js';
export { buildAdminRespondToAuthChallenge, buildRespondToAuthChallenge } from './respond.js';
export { buildConfirmDevice } from './confirm-device.js';
export { regionEndpoint, requiresSigV4, toHttpRequest, type Destination, type HttpRequest } from './http.js';
export { readResponse } from './read-response.js';
export { CognitoServiceError, type CognitoServiceErrorDetails } from './service-error.js';
export { send, type SendOptions, type Signer } from './send.js';
export { redact } from './redact.js';
export type * from './inputs.js';
export type * from './requests.js';
export type * from './responses.js';

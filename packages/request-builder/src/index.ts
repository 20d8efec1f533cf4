/**
 * `@cognito-kit/request-builder`: typed, validated requests for Cognito's authentication operations.
 *
 * @module
 */
export { RequestValidationError, type ValidationCode, type ValidationIssue } from './errors.js';
export { AUTH_FLOWS, CHALLENGE_NAMES, PUBLIC_AUTH_FLOWS, type AuthFlow, type ChallengeName } from './model.js';
export type * from './types.js';

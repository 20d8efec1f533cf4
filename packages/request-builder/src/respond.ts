/**
 * AdminRespondToAuthChallenge (signed) and RespondToAuthChallenge (public) requests.
 *
 * @module
 */
import type { SrpSession } from '@cognito-kit/srp';
import { buildChallengeResponses } from './challenge-responses.js';
import { buildRequest } from './common.js';
import type {
  AdminRespondToAuthChallengeInput,
  AdminRespondToAuthChallengeRequest,
  RespondToAuthChallengeInput,
  RespondToAuthChallengeRequest,
} from './types.js';

/**
 * Builds a validated AdminRespondToAuthChallenge request.
 *
 * - `PASSWORD_VERIFIER`: from the AdminInitiateAuth `response` (its ChallengeParameters and Session) and the
 *   `srpSession` that sent SRP_A, with the password: the signed claim of `@cognito-kit/srp`.
 * - `DEVICE_SRP_AUTH`: USERNAME, DEVICE_KEY and SRP_A of a fresh session (returned as `srpSession`).
 * - `DEVICE_PASSWORD_VERIFIER`: from the DEVICE_SRP_AUTH `response`, the device session, keys and password.
 * - any other challenge (`NEW_PASSWORD_REQUIRED`, `SMS_MFA`, `SOFTWARE_TOKEN_MFA`, `SELECT_CHALLENGE`, unknown
 *   names such as `EMAIL_MFA`): `challengeResponses` as given.
 *
 * With `clientSecret`, SECRET_HASH is added (over USERNAME; for PASSWORD_VERIFIER over USER_ID_FOR_SRP).
 *
 * @throws {RequestValidationError} every violation, including challenge parameters that cannot be answered
 *   (`INVALID_CHALLENGE`, for example SRP_B = 0 mod N)
 * @example
 * ```ts
 * import { buildAdminInitiateAuth, buildAdminRespondToAuthChallenge } from '@cognito-kit/request-builder';
 * const first = buildAdminInitiateAuth({ authFlow: 'USER_SRP_AUTH', userPoolId, clientId, username: 'alice' });
 * const response = await cognito.send(new AdminInitiateAuthCommand(first.request));
 * const { request } = buildAdminRespondToAuthChallenge({
 *   challengeName: 'PASSWORD_VERIFIER', userPoolId, clientId, srpSession: first.srpSession!, password, response,
 * });
 * await cognito.send(new AdminRespondToAuthChallengeCommand(request));
 * ```
 */
export function buildAdminRespondToAuthChallenge<Input extends AdminRespondToAuthChallengeInput>(
  input: Input,
): { request: AdminRespondToAuthChallengeRequest<Input['challengeName']>; srpSession?: SrpSession } {
  return buildRequest('AdminRespondToAuthChallenge', input, buildChallengeResponses);
}

/**
 * Builds a validated RespondToAuthChallenge request (public, unsigned): as
 * {@link buildAdminRespondToAuthChallenge}, with `userContextData` instead of `contextData` and no user pool id on
 * the wire; PASSWORD_VERIFIER still takes `userPoolId`, which SRP hashes into x.
 *
 * @throws {RequestValidationError} every violation found
 * @example
 * ```ts
 * import { buildRespondToAuthChallenge, toHttpRequest } from '@cognito-kit/request-builder';
 * const { request } = buildRespondToAuthChallenge({
 *   challengeName: 'PASSWORD_VERIFIER', userPoolId, clientId, srpSession, password, response: initiateResponse,
 * });
 * const http = toHttpRequest('RespondToAuthChallenge', request, { region: 'eu-west-2' });
 * ```
 */
export function buildRespondToAuthChallenge<Input extends RespondToAuthChallengeInput>(
  input: Input,
): { request: RespondToAuthChallengeRequest<Input['challengeName']>; srpSession?: SrpSession } {
  return buildRequest('RespondToAuthChallenge', input, buildChallengeResponses);
}

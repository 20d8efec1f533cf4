/**
 * AdminRespondToAuthChallenge (signed) and RespondToAuthChallenge (public) requests.
 *
 * @module
 */
import type { SrpSession } from '@cognito-kit/srp';
import { challengeResponsesOf, readAnswer } from './challenge-responses.js';
import type { AdminMembers, AdminRespondToAuthChallengeInput, DeviceSrpAuthAnswer, PublicMembers, RespondToAuthChallengeInput } from './inputs.js';
import { member, readAnalyticsMetadata, readClientMetadata, readContextData, readUserContextData } from './members.js';
import { SHAPES } from './model.js';
import type { AdminRespondToAuthChallengeRequest, AnyChallengeName, RespondToAuthChallengeRequest } from './requests.js';
import { checked, inputRecord, requiredStr, str, type Issues } from './validation.js';

/**
 * Builds a validated AdminRespondToAuthChallenge request.
 *
 * - `PASSWORD_VERIFIER`: from the AdminInitiateAuth `response` (its ChallengeParameters and Session; an AWS SDK
 *   output is taken as it is) and the `srpSession` that sent SRP_A, with the password: the signed claim of
 *   `@cognito-kit/srp`.
 * - `DEVICE_SRP_AUTH`: USERNAME, DEVICE_KEY and SRP_A of a fresh session (returned as `srpSession`).
 * - `DEVICE_PASSWORD_VERIFIER`: from the DEVICE_SRP_AUTH `response`, the device session, keys and password.
 * - any other challenge (`NEW_PASSWORD_REQUIRED`, `SMS_MFA`, `SOFTWARE_TOKEN_MFA`, `SELECT_CHALLENGE`, unknown
 *   names such as `EMAIL_MFA`): `challengeResponses` as given.
 *
 * With `clientSecret`, SECRET_HASH is added (over USERNAME; for PASSWORD_VERIFIER over USER_ID_FOR_SRP).
 *
 * @returns the request, typed by the challenge it answers (so it is assignable to the SDK's command input), and for
 *   DEVICE_SRP_AUTH the device's SRP session
 * @throws {RequestValidationError} every violation, including challenge parameters that cannot be answered
 *   (`INVALID_CHALLENGE`, for example SRP_B = 0 mod N)
 * @example
 * ```ts
 * import { buildAdminRespondToAuthChallenge } from '@cognito-kit/request-builder';
 *
 * const { request } = buildAdminRespondToAuthChallenge({
 *   challengeName: 'SOFTWARE_TOKEN_MFA', userPoolId: 'eu-west-2_eYpv1mFHB', clientId: '18u8119jgbpr464n28s1itk2mq',
 *   challengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: '123456' },
 *   session: 'the Session of the SOFTWARE_TOKEN_MFA challenge',
 * });
 * ```
 */
export function buildAdminRespondToAuthChallenge(
  input: AdminMembers & DeviceSrpAuthAnswer,
): { request: AdminRespondToAuthChallengeRequest<'DEVICE_SRP_AUTH'>; srpSession: SrpSession };
export function buildAdminRespondToAuthChallenge<Name extends AnyChallengeName>(
  input: AdminRespondToAuthChallengeInput & { challengeName: Name },
): { request: AdminRespondToAuthChallengeRequest<Name>; srpSession?: SrpSession };
export function buildAdminRespondToAuthChallenge(input: AdminRespondToAuthChallengeInput): { request: AdminRespondToAuthChallengeRequest; srpSession?: SrpSession } {
  const members = inputRecord(input);
  const issues: Issues = [];
  // Read in the SDK's member order, so issues come in the order of the wire.
  const userPoolId = requiredStr(issues, members.userPoolId, 'userPoolId', SHAPES.UserPoolIdType);
  const clientId = requiredStr(issues, members.clientId, 'clientId', SHAPES.ClientIdType);
  const session = str(issues, members.session, 'session', SHAPES.SessionType);
  const analyticsMetadata = readAnalyticsMetadata(issues, members.analyticsEndpointId);
  const contextData = readContextData(issues, members.contextData);
  const clientMetadata = readClientMetadata(issues, members.clientMetadata);
  const shared = ['userPoolId', 'clientId', 'session', 'analyticsEndpointId', 'contextData', 'clientMetadata'];
  const { answer, clientSecret } = checked(issues, readAnswer(issues, members, shared, userPoolId));
  const built = checked(issues, challengeResponsesOf(issues, answer, clientId, clientSecret));

  const request: AdminRespondToAuthChallengeRequest = {
    UserPoolId: userPoolId,
    ClientId: clientId,
    ChallengeName: built.challengeName,
    ChallengeResponses: built.challengeResponses,
    ...member('Session', session ?? built.session),
    ...member('AnalyticsMetadata', analyticsMetadata),
    ...member('ContextData', contextData),
    ...member('ClientMetadata', clientMetadata),
  };
  return { request, ...member('srpSession', built.srpSession) };
}

/**
 * Builds a validated RespondToAuthChallenge request (public, unsigned): as
 * {@link buildAdminRespondToAuthChallenge}, with `userContextData` instead of `contextData` and no user pool id on
 * the wire; PASSWORD_VERIFIER still takes `userPoolId`, which SRP hashes into x.
 *
 * @returns the request, typed by the challenge it answers, and for DEVICE_SRP_AUTH the device's SRP session
 * @throws {RequestValidationError} every violation found
 * @example
 * ```ts
 * import { buildInitiateAuth, buildRespondToAuthChallenge, send } from '@cognito-kit/request-builder';
 *
 * const clientId = '18u8119jgbpr464n28s1itk2mq';
 * const first = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId, username: 'alice' });
 * const response = await send('InitiateAuth', first.request, { region: 'eu-west-2' });
 * const { request } = buildRespondToAuthChallenge({
 *   challengeName: 'PASSWORD_VERIFIER', userPoolId: 'eu-west-2_eYpv1mFHB', clientId,
 *   srpSession: first.srpSession, password: 'the password', response,
 * });
 * ```
 */
export function buildRespondToAuthChallenge(
  input: PublicMembers & DeviceSrpAuthAnswer,
): { request: RespondToAuthChallengeRequest<'DEVICE_SRP_AUTH'>; srpSession: SrpSession };
export function buildRespondToAuthChallenge<Name extends AnyChallengeName>(
  input: RespondToAuthChallengeInput & { challengeName: Name },
): { request: RespondToAuthChallengeRequest<Name>; srpSession?: SrpSession };
export function buildRespondToAuthChallenge(input: RespondToAuthChallengeInput): { request: RespondToAuthChallengeRequest; srpSession?: SrpSession } {
  const members = inputRecord(input);
  const issues: Issues = [];
  const clientId = requiredStr(issues, members.clientId, 'clientId', SHAPES.ClientIdType);
  const session = str(issues, members.session, 'session', SHAPES.SessionType);
  const analyticsMetadata = readAnalyticsMetadata(issues, members.analyticsEndpointId);
  const userContextData = readUserContextData(issues, members.userContextData);
  const clientMetadata = readClientMetadata(issues, members.clientMetadata);
  const shared = ['clientId', 'session', 'analyticsEndpointId', 'userContextData', 'clientMetadata'];
  const { answer, clientSecret } = checked(issues, readAnswer(issues, members, shared, undefined));
  const built = checked(issues, challengeResponsesOf(issues, answer, clientId, clientSecret));

  const request: RespondToAuthChallengeRequest = {
    ClientId: clientId,
    ChallengeName: built.challengeName,
    ...member('Session', session ?? built.session),
    ChallengeResponses: built.challengeResponses,
    ...member('AnalyticsMetadata', analyticsMetadata),
    ...member('UserContextData', userContextData),
    ...member('ClientMetadata', clientMetadata),
  };
  return { request, ...member('srpSession', built.srpSession) };
}

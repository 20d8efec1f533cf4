// Type tests of `@cognito-kit/request-builder`'s public API, checked by `tsc` in strict mode with
// exactOptionalPropertyTypes (`pnpm run typecheck`, part of `npm test`); nothing here runs. Each expectTypeOf is a
// compile-time assertion, and each @ts-expect-error must meet an error (an unused one fails the type-check).
// (test/sdk-types.test.ts checks assignability to the AWS SDK's command inputs.)
import { createSrpSession, type SrpSession } from '@cognito-kit/srp';
import { expectTypeOf } from 'vitest';
import {
  RequestValidationError,
  buildAdminInitiateAuth,
  buildAdminRespondToAuthChallenge,
  buildConfirmDevice,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  redact,
  toHttpRequest,
  type AdminInitiateAuthInput,
  type AdminInitiateAuthRequest,
  type HttpRequest,
  type InitiateAuthRequest,
  type RespondToAuthChallengeRequest,
  type ValidationCode,
  type ValidationIssue,
} from '../../src/index.js';

const common = { userPoolId: 'us-east-1_AbC123', clientId: 'client123' } as const;
declare const session: SrpSession;

// InitiateAuth: each flow asks for exactly its parameters; USER_SRP_AUTH hands back the SRP session.
const srp = buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: 'alice' });
expectTypeOf(srp.request).toEqualTypeOf<AdminInitiateAuthRequest>();
expectTypeOf(srp.srpSession).toEqualTypeOf<SrpSession>();
buildAdminInitiateAuth({ ...common, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'alice', password: 'pw' });
buildAdminInitiateAuth({ ...common, authFlow: 'REFRESH_TOKEN_AUTH', refreshToken: 'token' });
buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: 'alice', srpSession: createSrpSession() });
// @ts-expect-error ADMIN_USER_PASSWORD_AUTH needs the password
buildAdminInitiateAuth({ ...common, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'alice' });
// @ts-expect-error USER_SRP_AUTH takes no password (the SRP answer proves it)
buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: 'alice', password: 'pw' });
// @ts-expect-error an unknown flow
buildAdminInitiateAuth({ ...common, authFlow: 'MAGIC_LINK', username: 'alice' });
// @ts-expect-error AdminInitiateAuth needs the user pool id
buildAdminInitiateAuth({ clientId: 'client123', authFlow: 'USER_SRP_AUTH', username: 'alice' });
expectTypeOf<Extract<AdminInitiateAuthInput, { refreshToken: string }>['authFlow']>().toEqualTypeOf<'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN'>();
expectTypeOf(buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: 'client123', username: 'alice' }).request).toEqualTypeOf<InitiateAuthRequest>();

// RespondToAuthChallenge: the request is typed by the challenge name.
const answered = buildRespondToAuthChallenge({
  challengeName: 'PASSWORD_VERIFIER',
  clientId: 'client123',
  userPoolId: 'us-east-1_AbC123',
  srpSession: session,
  password: 'pw',
  challengeParameters: {},
});
expectTypeOf(answered.request).toEqualTypeOf<RespondToAuthChallengeRequest<'PASSWORD_VERIFIER'>>();
expectTypeOf(answered.request.ChallengeName).toEqualTypeOf<'PASSWORD_VERIFIER'>();
const mfa = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'SOFTWARE_TOKEN_MFA', challengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: '123456' } });
expectTypeOf(mfa.request.ChallengeName).toEqualTypeOf<'SOFTWARE_TOKEN_MFA'>();
// @ts-expect-error PASSWORD_VERIFIER needs the SRP session
buildRespondToAuthChallenge({ challengeName: 'PASSWORD_VERIFIER', clientId: 'c', userPoolId: 'us-east-1_a', password: 'pw' });

// ConfirmDevice and HTTP.
expectTypeOf(buildConfirmDevice).parameter(0).toHaveProperty('accessToken');
const http = toHttpRequest('AdminInitiateAuth', srp.request, { region: 'eu-west-2' });
// @ts-expect-error an AdminInitiateAuth request is not an InitiateAuth one (it has UserPoolId and the ADMIN_* flows)
toHttpRequest('InitiateAuth', srp.request, { region: 'eu-west-2' });
// @ts-expect-error the destination is required: { region } or { endpoint }
toHttpRequest('AdminInitiateAuth', srp.request);
expectTypeOf(http).toEqualTypeOf<HttpRequest>();
expectTypeOf(http.method).toEqualTypeOf<'POST'>();
// @ts-expect-error not an operation this package builds
toHttpRequest('SignUp', srp.request, { region: 'eu-west-2' });
expectTypeOf(redact).returns.not.toBeAny();

// Errors: stable codes and paths.
expectTypeOf<RequestValidationError['code']>().toEqualTypeOf<ValidationCode>();
expectTypeOf<RequestValidationError['issues']>().toEqualTypeOf<readonly ValidationIssue[]>();
expectTypeOf<'REQUIRED' | 'TOO_SHORT' | 'SRP_SESSION_ALREADY_USED'>().toExtend<ValidationCode>();
expectTypeOf<'NOPE'>().not.toExtend<ValidationCode>();
expectTypeOf(new RequestValidationError([{ code: 'REQUIRED', path: 'username', message: 'm' }])).toExtend<Error>();

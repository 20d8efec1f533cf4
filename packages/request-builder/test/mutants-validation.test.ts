// These tests pin behaviour that Stryker run 1 showed untested in validation.ts, common.ts, auth-parameters.ts and
// challenge-responses.ts: the exact messages and paths of issues, REQUIRED against INVALID_TYPE, conflicts, length
// edges, members left out of the wire form, and how the previous response of a challenge is read. Portable: no
// node: imports, so the file also runs in workerd, Deno, Bun and Chromium.
import { createSrpSession } from '@cognito-kit/srp';
import { describe, expect, it } from 'vitest';
import {
  RequestValidationError,
  buildAdminInitiateAuth,
  buildAdminRespondToAuthChallenge,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  toHttpRequest,
  type ValidationIssue,
} from '../src/index.js';

const pool = { userPoolId: 'us-east-1_AbC123', clientId: 'client123' };
const passwordAuth = { ...pool, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'alice', password: 'pw-1' };
const challenge = { SALT: 'abcd', SRP_B: 'ef'.repeat(100), SECRET_BLOCK: 'c2VjcmV0', USER_ID_FOR_SRP: 'alice' };
const session = () => createSrpSession({ privateValueBits: 256 });

/** The issues thrown by `call`, in full (code, path, message). */
function issuesOf(call: () => unknown): ValidationIssue[] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    return [...(error as RequestValidationError).issues];
  }
  throw new Error('expected a RequestValidationError');
}
const initiate = (input: Record<string, unknown>) => issuesOf(() => buildAdminInitiateAuth(input as never));
const respond = (input: Record<string, unknown>) => issuesOf(() => buildAdminRespondToAuthChallenge({ ...pool, ...input } as never));
const issue = (code: string, path: string, message: string) => ({ code, path, message });

describe('messages of the string checks', () => {
  it('a missing required string is REQUIRED "is required"', () => {
    expect(initiate({ ...passwordAuth, username: undefined })).toEqual([issue('REQUIRED', 'username', 'username is required')]);
  });

  it('a number for a string is INVALID_TYPE "must be a string"', () => {
    expect(initiate({ ...passwordAuth, username: 5 })).toEqual([issue('INVALID_TYPE', 'username', 'username must be a string')]);
  });

  it('a too short string tells its length in code points', () => {
    expect(respond({ challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a' }, response: { Session: 'short' } })).toEqual([
      issue('TOO_SHORT', 'response.Session', 'response.Session must have 20 to 2048 characters (SessionType), got 5'),
    ]);
  });

  it('a string of more than 2·max UTF-16 units is "more than 2·max", not walked', () => {
    expect(initiate({ ...passwordAuth, username: 'a'.repeat(300) })).toEqual([
      issue('TOO_LONG', 'username', 'username must have 1 to 128 characters (UsernameType), got more than 256'),
    ]);
  });

  it('a string of exactly max code points is long enough, not too long', () => {
    const deviceKey = `us-east-1_${'a'.repeat(45)}`;
    expect(deviceKey).toHaveLength(55);
    const { request } = buildAdminInitiateAuth({ ...passwordAuth, deviceKey } as never);
    expect(request.AuthParameters!.DEVICE_KEY).toBe(deviceKey);
  });

  it('a string of exactly 2·max UTF-16 units (max code points) is measured in code points', () => {
    // 55 astral characters: 110 UTF-16 units, 55 code points: not too long, but not the pattern either.
    expect(initiate({ ...passwordAuth, deviceKey: '😀'.repeat(55) })).toEqual([
      issue('PATTERN', 'deviceKey', 'deviceKey must be <region>_<lower-case hex and dashes> (DeviceKeyType)'),
    ]);
  });

  it('a map that is not an object is "must be an object of strings"', () => {
    expect(initiate({ ...passwordAuth, clientMetadata: 5 })).toEqual([issue('INVALID_TYPE', 'clientMetadata', 'clientMetadata must be an object of strings')]);
  });

  it('a structure that is not an object is "must be an object"', () => {
    expect(initiate({ ...passwordAuth, contextData: 'x' })).toEqual([issue('INVALID_TYPE', 'contextData', 'contextData must be an object')]);
  });

  it('an unexpected member says where it is not used', () => {
    expect(initiate({ ...passwordAuth, refreshToken: 'r' })).toEqual([
      issue('UNEXPECTED_FIELD', 'refreshToken', 'refreshToken is not used by the ADMIN_USER_PASSWORD_AUTH flow'),
    ]);
  });

  it('a copied SRP session is "must be a session of @cognito-kit/srp"', () => {
    expect(initiate({ ...pool, authFlow: 'USER_SRP_AUTH', username: 'alice', srpSession: { srpA: '1' } })).toEqual([
      issue('INVALID_SRP_SESSION', 'srpSession', 'srpSession must be a session of @cognito-kit/srp'),
    ]);
  });

  it('a request that is not JSON data is refused by toHttpRequest with path request', () => {
    expect(issuesOf(() => toHttpRequest('AdminInitiateAuth', [] as never, { region: 'us-east-1' }))).toEqual([issue('INVALID_TYPE', 'request', 'request must be an object of JSON data')]);
  });

  it('an input that is not an object is "input must be an object"', () => {
    expect(issuesOf(() => buildAdminInitiateAuth(null as never))).toEqual([issue('INVALID_TYPE', 'input', 'input must be an object')]);
  });
});

describe('shared members (common.ts)', () => {
  it('an unexpected member of contextData is "not used in contextData"', () => {
    const contextData = { ipAddress: '1.2.3.4', serverName: 's', serverPath: '/', httpHeaders: [], extra: 'x' };
    expect(initiate({ ...passwordAuth, contextData })).toEqual([issue('UNEXPECTED_FIELD', 'contextData.extra', 'contextData.extra is not used in contextData')]);
  });

  it('contextData without httpHeaders is REQUIRED, with a non-array INVALID_TYPE', () => {
    const contextData = { ipAddress: '1.2.3.4', serverName: 's', serverPath: '/' };
    expect(initiate({ ...passwordAuth, contextData })).toEqual([issue('REQUIRED', 'contextData.httpHeaders', 'contextData.httpHeaders is required')]);
    expect(initiate({ ...passwordAuth, contextData: { ...contextData, httpHeaders: {} } })).toEqual([
      issue('INVALID_TYPE', 'contextData.httpHeaders', 'contextData.httpHeaders must be an array'),
    ]);
  });

  it('members of a structure left out are absent from the wire form, not undefined', () => {
    const { request } = buildInitiateAuth({ clientId: 'client123', authFlow: 'USER_PASSWORD_AUTH', username: 'alice', password: 'pw', userContextData: { ipAddress: '1.2.3.4' } } as never);
    expect(Object.keys(request.UserContextData!)).toEqual(['IpAddress']);
  });

  it('an odd input member is reported, whatever its name', () => {
    expect(initiate({ ...passwordAuth, 'Stryker was here': 'x' })).toEqual([
      issue('UNEXPECTED_FIELD', '["Stryker was here"]', '["Stryker was here"] is not used by the ADMIN_USER_PASSWORD_AUTH flow'),
    ]);
  });

  it('a wire-form member of the part given as input (authParameters) is unexpected', () => {
    expect(initiate({ ...passwordAuth, authParameters: {} })).toEqual([
      issue('UNEXPECTED_FIELD', 'authParameters', 'authParameters is not used by the ADMIN_USER_PASSWORD_AUTH flow'),
    ]);
  });
});

describe('authFlow and AuthParameters (auth-parameters.ts)', () => {
  const flows = 'must be one of USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, USER_PASSWORD_AUTH, USER_AUTH for InitiateAuth';
  const publicIssues = (authFlow: unknown) => issuesOf(() => buildInitiateAuth({ clientId: 'client123', username: 'alice', authFlow } as never));

  it('a missing authFlow is REQUIRED, "got none"', () => {
    expect(publicIssues(undefined)).toEqual([issue('REQUIRED', 'authFlow', `authFlow ${flows} (got none)`)]);
  });

  it('an enum-shaped authFlow is repeated', () => {
    expect(publicIssues('ADMIN_NO_SRP_AUTH')).toEqual([issue('INVALID_ENUM', 'authFlow', `authFlow ${flows} (got ADMIN_NO_SRP_AUTH)`)]);
  });

  it.each<[unknown]>([['secret-value'], ['aMAGIC'], ['MAGICa'], [42], [['MAGIC']]])('authFlow %j is "another value", never repeated', (authFlow) => {
    expect(publicIssues(authFlow)).toEqual([issue('INVALID_ENUM', 'authFlow', `authFlow ${flows} (got another value)`)]);
  });

  it('a non-boolean withSrp is "must be a boolean"', () => {
    expect(initiate({ ...pool, authFlow: 'CUSTOM_AUTH', username: 'alice', withSrp: 'yes' })).toEqual([issue('INVALID_TYPE', 'withSrp', 'withSrp must be a boolean')]);
  });

  it('preferredChallenge is checked under its own path', () => {
    expect(initiate({ ...pool, authFlow: 'USER_AUTH', username: 'alice', preferredChallenge: 5 })).toEqual([
      issue('INVALID_TYPE', 'preferredChallenge', 'preferredChallenge must be a string'),
    ]);
  });

  it('USER_AUTH without preferredChallenge sends no PREFERRED_CHALLENGE key; no deviceKey, no DEVICE_KEY key', () => {
    const { request } = buildAdminInitiateAuth({ ...pool, authFlow: 'USER_AUTH', username: 'alice' } as never);
    expect(Object.keys(request.AuthParameters!)).toEqual(['USERNAME']);
  });

  it('a password with another preferredChallenge is a CONFLICT', () => {
    expect(initiate({ ...pool, authFlow: 'USER_AUTH', username: 'alice', preferredChallenge: 'EMAIL_OTP', password: 'pw' })).toEqual([
      issue('CONFLICT', 'password', 'password conflicts with preferredChallenge'),
    ]);
  });

  it('an SRP session with withSrp: false is a CONFLICT with withSrp', () => {
    expect(initiate({ ...pool, authFlow: 'CUSTOM_AUTH', username: 'alice', withSrp: false, srpSession: session() })).toEqual([
      issue('CONFLICT', 'srpSession', 'srpSession conflicts with withSrp'),
    ]);
  });
});

describe('challengeName and ChallengeResponses (challenge-responses.ts)', () => {
  it('without challengeName, only that is reported (the rest is not read)', () => {
    expect(respond({ password: 'pw', clientSecret: '' })).toEqual([issue('REQUIRED', 'challengeName', 'challengeName is required')]);
  });

  it('a structured challenge given challengeResponses is passed through', () => {
    const { request } = buildAdminRespondToAuthChallenge({ ...pool, challengeName: 'PASSWORD_VERIFIER', challengeResponses: { USERNAME: 'alice', X: 'y' } } as never);
    expect(request.ChallengeResponses).toEqual({ USERNAME: 'alice', X: 'y' });
  });

  it('an unexpected member is "not used in this answer"', () => {
    expect(respond({ challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a' }, password: 'pw' })).toEqual([
      issue('UNEXPECTED_FIELD', 'password', 'password is not used in this answer'),
    ]);
  });

  it('clientSecret is checked under its own path', () => {
    expect(respond({ challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a' }, clientSecret: '' })).toEqual([
      issue('TOO_SHORT', 'clientSecret', 'clientSecret must have 1 to 131072 characters (client secret), got 0'),
    ]);
  });

  it('the Admin operation reports a missing userPoolId once', () => {
    expect(respond({ userPoolId: undefined, challengeName: 'PASSWORD_VERIFIER', srpSession: session(), password: 'pw', challengeParameters: challenge })).toEqual([
      issue('REQUIRED', 'userPoolId', 'userPoolId is required'),
    ]);
  });

  it('a verifier without response nor challengeParameters is REQUIRED "or challengeParameters is required"', () => {
    expect(respond({ challengeName: 'PASSWORD_VERIFIER', srpSession: session(), password: 'pw' })).toEqual([
      issue('REQUIRED', 'response', 'response or challengeParameters is required'),
    ]);
  });

  it('challengeParameters that are not a map are INVALID_TYPE under challengeParameters', () => {
    expect(respond({ challengeName: 'PASSWORD_VERIFIER', srpSession: session(), password: 'pw', challengeParameters: 5 })).toEqual([
      issue('INVALID_TYPE', 'challengeParameters', 'challengeParameters must be an object of strings'),
    ]);
  });

  it('challengeParameters given to a pass-through answer are only unexpected, not also checked', () => {
    expect(respond({ challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a' }, challengeParameters: 5 })).toEqual([
      issue('UNEXPECTED_FIELD', 'challengeParameters', 'challengeParameters is not used in this answer'),
    ]);
  });

  it('response and challengeParameters together are a CONFLICT "conflicts with response"', () => {
    expect(respond({ challengeName: 'PASSWORD_VERIFIER', srpSession: session(), password: 'pw', challengeParameters: challenge, response: { ChallengeParameters: challenge } })).toEqual([
      issue('CONFLICT', 'challengeParameters', 'challengeParameters conflicts with response'),
    ]);
  });

  it('a response that is not an object is INVALID_TYPE under response', () => {
    expect(respond({ challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a' }, response: 'x' })).toEqual([
      issue('INVALID_TYPE', 'response', 'response must be an object'),
    ]);
  });

  it('a pass-through answer takes a response without ChallengeParameters', () => {
    const Session = 's'.repeat(20);
    const { request } = buildAdminRespondToAuthChallenge({ ...pool, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a' }, response: { Session } } as never);
    expect(request.Session).toBe(Session);
  });

  it('a verifier whose response has no ChallengeParameters is REQUIRED response.ChallengeParameters', () => {
    expect(respond({ challengeName: 'PASSWORD_VERIFIER', srpSession: session(), password: 'pw', response: {} })).toEqual([
      issue('REQUIRED', 'response.ChallengeParameters', 'response.ChallengeParameters is required'),
    ]);
  });

  it('a response to another challenge is a CONFLICT "conflicts with challengeName"', () => {
    expect(respond({ challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a' }, response: { ChallengeName: 'EMAIL_OTP' } })).toEqual([
      issue('CONFLICT', 'response.ChallengeName', 'response.ChallengeName conflicts with challengeName'),
    ]);
  });

  it('an invalid now is "must be a valid Date"', () => {
    expect(respond({ challengeName: 'PASSWORD_VERIFIER', srpSession: session(), password: 'pw', challengeParameters: challenge, now: 'today' })).toEqual([
      issue('INVALID_TYPE', 'now', 'now must be a valid Date'),
    ]);
  });

  it('an error of the runtime (not an SrpError) while answering is thrown as is', () => {
    // @cognito-kit/srp encodes UTF-8 with TextEncoder; the builder's own checks do not.
    const proto = TextEncoder.prototype as unknown as Record<'encode' | 'encodeInto', unknown>;
    const { encode, encodeInto } = proto;
    const srpSession = session();
    proto.encode = proto.encodeInto = () => {
      throw new TypeError('runtime failure');
    };
    try {
      expect(() =>
        buildRespondToAuthChallenge({ ...pool, challengeName: 'PASSWORD_VERIFIER', srpSession, password: 'pw', challengeParameters: challenge } as never),
      ).toThrow(TypeError);
    } finally {
      proto.encode = encode;
      proto.encodeInto = encodeInto;
    }
  });

  it('a user pool id with more than one underscore is refused at build time by every builder, as SRP cannot hash it', () => {
    // One rule (@cognito-kit/srp's): the model's pattern alone would take `us_east_1_AbC`, and the PASSWORD_VERIFIER
    // answer would then fail; every builder refuses it up front with the pool id's own error.
    const text = 'userPoolId must be <region>_<letters and digits>, with one underscore (UserPoolIdType)';
    const refused = [issue('PATTERN', 'userPoolId', text)];
    const userPoolId = 'us_east_1_AbC';
    expect(initiate({ ...passwordAuth, userPoolId })).toEqual(refused);
    expect(respond({ userPoolId, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: '1' } })).toEqual(refused);
    expect(respond({ userPoolId, challengeName: 'PASSWORD_VERIFIER', srpSession: session(), password: 'pw', challengeParameters: challenge })).toEqual(refused);
    expect(
      issuesOf(() => buildRespondToAuthChallenge({ clientId: 'client123', userPoolId, challengeName: 'PASSWORD_VERIFIER', srpSession: session(), password: 'pw', challengeParameters: challenge } as never)),
    ).toEqual(refused);
  });

  it('an SrpError that is not the challenge\'s fault is not reported as INVALID_CHALLENGE', () => {
    // A spent session is the caller's: SRP_SESSION_ALREADY_USED at srpSession, not the server's values.
    const srpSession = session();
    buildAdminRespondToAuthChallenge({ ...pool, challengeName: 'PASSWORD_VERIFIER', srpSession, password: 'pw', challengeParameters: challenge } as never);
    const issues = respond({ challengeName: 'PASSWORD_VERIFIER', srpSession, password: 'pw', challengeParameters: challenge });
    expect(issues.map(({ code, path }) => [code, path])).toEqual([['SRP_SESSION_ALREADY_USED', 'srpSession']]);
  });

  it('a SECRET_HASH given in challengeResponses is kept, not recomputed', () => {
    const { request } = buildAdminRespondToAuthChallenge({ ...pool, clientSecret: 'secret', challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a', SECRET_HASH: 'given' } } as never);
    expect(request.ChallengeResponses!.SECRET_HASH).toBe('given');
  });
});

// Every rule of the model, one case each: the code, the path of the field and a message that never repeats a
// secret; and one throw that collects every violation.
import { createSrpSession } from '@cognito-kit/srp';
import { describe, expect, it } from 'vitest';
import {
  RequestValidationError,
  buildAdminInitiateAuth,
  buildAdminRespondToAuthChallenge,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  type ValidationCode,
} from '../src/index.js';

const SECRET = 'SuperSecretClientSecret0123456789';
const PASSWORD = 'hunter2-NEVER-IN-MESSAGES';
const valid = {
  userPoolId: 'us-east-1_AbC123',
  clientId: 'client123',
  clientSecret: SECRET,
  authFlow: 'ADMIN_USER_PASSWORD_AUTH' as const,
  username: 'alice',
  password: PASSWORD,
};

function issuesOf(call: () => unknown) {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    const e = error as RequestValidationError;
    for (const text of [e.message, ...e.issues.map((i) => i.message)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(PASSWORD);
    }
    expect(e.code).toBe(e.issues[0]!.code);
    expect(e.path).toBe(e.issues[0]!.path);
    return e.issues.map((i) => [i.code, i.path] as const);
  }
  throw new Error('expected a RequestValidationError');
}

const admin = (changes: Record<string, unknown>) => () => buildAdminInitiateAuth({ ...valid, ...changes } as never);
const longText = (n: number, char = 'a') => char.repeat(n);

describe('AdminInitiateAuth validation, rule by rule', () => {
  it('accepts the valid baseline', () => {
    expect(buildAdminInitiateAuth(valid).request.AuthParameters).toMatchObject({ USERNAME: 'alice', PASSWORD: PASSWORD });
  });

  it.each<[string, Record<string, unknown>, ValidationCode, string]>([
    ['userPoolId missing', { userPoolId: undefined }, 'REQUIRED', 'userPoolId'],
    ['userPoolId not a string', { userPoolId: 5 }, 'INVALID_TYPE', 'userPoolId'],
    ['userPoolId empty', { userPoolId: '' }, 'TOO_SHORT', 'userPoolId'],
    ['userPoolId over 55', { userPoolId: `us-east-1_${longText(46)}` }, 'TOO_LONG', 'userPoolId'],
    ['userPoolId pattern (no underscore)', { userPoolId: 'useast1' }, 'PATTERN', 'userPoolId'],
    ['userPoolId pattern (anchored: trailing space)', { userPoolId: 'us-east-1_Abc ' }, 'PATTERN', 'userPoolId'],
    ['clientId missing', { clientId: undefined }, 'REQUIRED', 'clientId'],
    ['clientId empty', { clientId: '' }, 'TOO_SHORT', 'clientId'],
    ['clientId over 128', { clientId: longText(129) }, 'TOO_LONG', 'clientId'],
    ['clientId pattern', { clientId: 'client-123' }, 'PATTERN', 'clientId'],
    ['clientSecret empty', { clientSecret: '' }, 'TOO_SHORT', 'clientSecret'],
    ['clientSecret not a string', { clientSecret: 42 }, 'INVALID_TYPE', 'clientSecret'],
    ['authFlow missing', { authFlow: undefined }, 'REQUIRED', 'authFlow'],
    ['authFlow unknown', { authFlow: 'PASSWORD_AUTH' }, 'INVALID_ENUM', 'authFlow'],
    ['username missing', { username: undefined }, 'REQUIRED', 'username'],
    ['username empty', { username: '' }, 'TOO_SHORT', 'username'],
    ['username over 128 code points (astral chars count once)', { username: longText(129, '🔑') }, 'TOO_LONG', 'username'],
    ['username with a space', { username: 'alice smith' }, 'PATTERN', 'username'],
    ['username with a control character', { username: 'alice\u0000' }, 'PATTERN', 'username'],
    ['password missing', { password: undefined }, 'REQUIRED', 'password'],
    ['password of spaces only', { password: '   ' }, 'PATTERN', 'password'],
    ['password over 256', { password: longText(257) }, 'TOO_LONG', 'password'],
    ['password not a string', { password: 123456 }, 'INVALID_TYPE', 'password'],
    ['session too short', { session: longText(19) }, 'TOO_SHORT', 'session'],
    ['session over 2048', { session: longText(2049) }, 'TOO_LONG', 'session'],
    ['analyticsEndpointId over 131072', { analyticsEndpointId: longText(131073) }, 'TOO_LONG', 'analyticsEndpointId'],
    ['clientMetadata not a map', { clientMetadata: ['a'] }, 'INVALID_TYPE', 'clientMetadata'],
    ['clientMetadata value not a string', { clientMetadata: { tier: 3 } }, 'INVALID_TYPE', 'clientMetadata.tier'],
    ['clientMetadata odd key', { clientMetadata: { 'a b': 3 } }, 'INVALID_TYPE', 'clientMetadata["a b"]'],
    ['deviceKey pattern', { deviceKey: 'us-east-1_XYZ' }, 'PATTERN', 'deviceKey'],
    ['deviceKey over 55', { deviceKey: `us-east-1_${longText(46, 'a')}` }, 'TOO_LONG', 'deviceKey'],
    ['a member the flow does not use', { refreshToken: 'abc' }, 'UNEXPECTED_FIELD', 'refreshToken'],
    ['an unknown member', { userName: 'alice' }, 'UNEXPECTED_FIELD', 'userName'],
  ])('%s', (_name, changes, code, path) => {
    expect(issuesOf(admin(changes))).toContainEqual([code, path]);
  });

  it.each<[string, Record<string, unknown>, ValidationCode, string]>([
    ['contextData not an object', { contextData: 'x' }, 'INVALID_TYPE', 'contextData'],
    ['contextData.ipAddress missing', { contextData: { serverName: 's', serverPath: '/', httpHeaders: [] } }, 'REQUIRED', 'contextData.ipAddress'],
    ['contextData.serverName missing', { contextData: { ipAddress: '1', serverPath: '/', httpHeaders: [] } }, 'REQUIRED', 'contextData.serverName'],
    ['contextData.serverPath missing', { contextData: { ipAddress: '1', serverName: 's', httpHeaders: [] } }, 'REQUIRED', 'contextData.serverPath'],
    ['contextData.httpHeaders missing', { contextData: { ipAddress: '1', serverName: 's', serverPath: '/' } }, 'REQUIRED', 'contextData.httpHeaders'],
    ['contextData.httpHeaders not an array', { contextData: { ipAddress: '1', serverName: 's', serverPath: '/', httpHeaders: {} } }, 'INVALID_TYPE', 'contextData.httpHeaders'],
    [
      'contextData.httpHeaders[2].headerName missing',
      { contextData: { ipAddress: '1', serverName: 's', serverPath: '/', httpHeaders: [{ headerName: 'a', headerValue: 'b' }, { headerName: 'c', headerValue: 'd' }, { headerValue: 'e' }] } },
      'REQUIRED',
      'contextData.httpHeaders[2].headerName',
    ],
    [
      'contextData.httpHeaders[0] not an object',
      { contextData: { ipAddress: '1', serverName: 's', serverPath: '/', httpHeaders: ['Host: x'] } },
      'INVALID_TYPE',
      'contextData.httpHeaders[0]',
    ],
    [
      'contextData.encodedData not a string',
      { contextData: { ipAddress: '1', serverName: 's', serverPath: '/', httpHeaders: [], encodedData: 1 } },
      'INVALID_TYPE',
      'contextData.encodedData',
    ],
    [
      'contextData with a PascalCase member',
      { contextData: { ipAddress: '1', serverName: 's', serverPath: '/', httpHeaders: [], IpAddress: '1' } },
      'UNEXPECTED_FIELD',
      'contextData.IpAddress',
    ],
  ])('%s', (_name, changes, code, path) => {
    expect(issuesOf(admin(changes))).toContainEqual([code, path]);
  });

  it('flow rules: refresh with a secret needs the username; USER_AUTH conflicts; CUSTOM_AUTH types; sessions', () => {
    const refresh = { ...valid, authFlow: 'REFRESH_TOKEN_AUTH', refreshToken: 'abc.def', username: undefined, password: undefined };
    expect(issuesOf(() => buildAdminInitiateAuth(refresh as never))).toEqual([['USERNAME_REQUIRED_FOR_SECRET_HASH', 'username']]);
    expect(issuesOf(admin({ authFlow: 'REFRESH_TOKEN', refreshToken: 'not a token', password: undefined }))).toContainEqual(['PATTERN', 'refreshToken']);
    expect(issuesOf(admin({ authFlow: 'REFRESH_TOKEN', password: undefined }))).toContainEqual(['REQUIRED', 'refreshToken']);
    expect(issuesOf(admin({ authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' }))).toContainEqual(['CONFLICT', 'password']);
    expect(issuesOf(admin({ authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD', password: undefined }))).toContainEqual(['REQUIRED', 'password']);
    expect(issuesOf(admin({ authFlow: 'USER_AUTH', password: undefined, srpSession: createSrpSession() }))).toContainEqual(['CONFLICT', 'srpSession']);
    expect(issuesOf(admin({ authFlow: 'CUSTOM_AUTH', password: undefined, withSrp: 'yes' }))).toContainEqual(['INVALID_TYPE', 'withSrp']);
    expect(issuesOf(admin({ authFlow: 'CUSTOM_AUTH', password: undefined, withSrp: false, srpSession: createSrpSession() }))).toContainEqual([
      'CONFLICT',
      'srpSession',
    ]);
    expect(issuesOf(admin({ authFlow: 'USER_SRP_AUTH', password: undefined, srpSession: { srpA: 'ab' } }))).toEqual([['INVALID_SRP_SESSION', 'srpSession']]);
  });

  it('collects every violation in one throw', () => {
    const issues = issuesOf(admin({ userPoolId: 'bad', clientId: '', username: ' ', password: '', session: 'short', deviceKey: 'x' }));
    expect(issues.map(([, path]) => path)).toEqual(['userPoolId', 'clientId', 'session', 'username', 'password', 'deviceKey']);
  });

  it('refuses an input that is not an object', () => {
    expect(issuesOf(() => buildAdminInitiateAuth(null as never))).toEqual([['INVALID_TYPE', 'input']]);
  });
});

describe('InitiateAuth validation', () => {
  it.each<[string, Record<string, unknown>, ValidationCode, string]>([
    ['an ADMIN_ flow', { authFlow: 'ADMIN_USER_PASSWORD_AUTH' }, 'INVALID_ENUM', 'authFlow'],
    ['ADMIN_NO_SRP_AUTH', { authFlow: 'ADMIN_NO_SRP_AUTH' }, 'INVALID_ENUM', 'authFlow'],
    ['a user pool id (not on the wire)', { authFlow: 'USER_PASSWORD_AUTH', userPoolId: 'us-east-1_A' }, 'UNEXPECTED_FIELD', 'userPoolId'],
    ['contextData instead of userContextData', { authFlow: 'USER_PASSWORD_AUTH', contextData: {} }, 'UNEXPECTED_FIELD', 'contextData'],
    ['userContextData.ipAddress not a string', { authFlow: 'USER_PASSWORD_AUTH', userContextData: { ipAddress: 1 } }, 'INVALID_TYPE', 'userContextData.ipAddress'],
  ])('%s', (_name, changes, code, path) => {
    const input = { clientId: 'client123', username: 'alice', password: PASSWORD, ...changes };
    expect(issuesOf(() => buildInitiateAuth(input as never))).toContainEqual([code, path]);
  });
});

describe('respond validation', () => {
  const common = { userPoolId: 'us-east-1_AbC123', clientId: 'client123', clientSecret: SECRET };
  const challenge = { SALT: 'abcd', SRP_B: 'ef'.repeat(100), SECRET_BLOCK: 'c2VjcmV0', USER_ID_FOR_SRP: 'alice' };

  it.each<[string, Record<string, unknown>, ValidationCode, string]>([
    ['no challenge name', { challengeName: undefined, challengeResponses: {} }, 'REQUIRED', 'challengeName'],
    ['PASSWORD_VERIFIER without session', { challengeName: 'PASSWORD_VERIFIER', password: PASSWORD, challengeParameters: challenge }, 'REQUIRED', 'srpSession'],
    ['PASSWORD_VERIFIER with a copied session', { challengeName: 'PASSWORD_VERIFIER', srpSession: { srpA: '1' }, password: PASSWORD, challengeParameters: challenge }, 'INVALID_SRP_SESSION', 'srpSession'],
    ['PASSWORD_VERIFIER without parameters', { challengeName: 'PASSWORD_VERIFIER', srpSession: createSrpSession(), password: PASSWORD }, 'REQUIRED', 'response'],
    [
      'PASSWORD_VERIFIER with both response and parameters',
      { challengeName: 'PASSWORD_VERIFIER', srpSession: createSrpSession(), password: PASSWORD, challengeParameters: challenge, response: { ChallengeParameters: challenge } },
      'CONFLICT',
      'challengeParameters',
    ],
    [
      'PASSWORD_VERIFIER with B = 0',
      { challengeName: 'PASSWORD_VERIFIER', srpSession: createSrpSession(), password: PASSWORD, response: { ChallengeParameters: { ...challenge, SRP_B: '00' } } },
      'INVALID_CHALLENGE',
      'response.ChallengeParameters.SRP_B',
    ],
    [
      'PASSWORD_VERIFIER with a non-hex salt',
      { challengeName: 'PASSWORD_VERIFIER', srpSession: createSrpSession(), password: PASSWORD, challengeParameters: { ...challenge, SALT: '-12' } },
      'INVALID_CHALLENGE',
      'challengeParameters.SALT',
    ],
    [
      'PASSWORD_VERIFIER without USER_ID_FOR_SRP',
      { challengeName: 'PASSWORD_VERIFIER', srpSession: createSrpSession(), password: PASSWORD, challengeParameters: { ...challenge, USER_ID_FOR_SRP: undefined } },
      'INVALID_CHALLENGE',
      'challengeParameters.USER_ID_FOR_SRP',
    ],
    ['DEVICE_SRP_AUTH without device key', { challengeName: 'DEVICE_SRP_AUTH', username: 'alice' }, 'REQUIRED', 'deviceKey'],
    ['pass-through with a secret but no USERNAME', { challengeName: 'SMS_MFA', challengeResponses: { SMS_MFA_CODE: '1' } }, 'USERNAME_REQUIRED_FOR_SECRET_HASH', 'challengeResponses.USERNAME'],
    ['pass-through value not a string', { challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a', SMS_MFA_CODE: 123 } }, 'INVALID_TYPE', 'challengeResponses.SMS_MFA_CODE'],
    ['pass-through with an extra member', { challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a' }, password: PASSWORD }, 'UNEXPECTED_FIELD', 'password'],
  ])('%s', (_name, changes, code, path) => {
    expect(issuesOf(() => buildAdminRespondToAuthChallenge({ ...common, ...changes } as never))).toContainEqual([code, path]);
  });

  it('public PASSWORD_VERIFIER needs the pool id', () => {
    const input = { clientId: 'client123', challengeName: 'PASSWORD_VERIFIER', srpSession: createSrpSession(), password: PASSWORD, challengeParameters: challenge };
    expect(issuesOf(() => buildRespondToAuthChallenge(input as never))).toContainEqual(['REQUIRED', 'userPoolId']);
  });
});

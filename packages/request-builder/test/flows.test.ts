// What each flow and challenge puts on the wire, and the HTTP request and redaction around it.
import { createSrpSession, isSrpSession, secretHash } from '@cognito-kit/srp';
import { describe, expect, it } from 'vitest';
import {
  AUTH_FLOWS,
  CHALLENGE_NAMES,
  RequestValidationError,
  buildAdminInitiateAuth,
  buildAdminRespondToAuthChallenge,
  buildConfirmDevice,
  buildInitiateAuth,
  redact,
  toHttpRequest,
} from '../src/index.js';

const SECRET = 'SuperSecretClientSecret0123456789';
const common = { userPoolId: 'eu-west-2_AbC123', clientId: 'client123' };
const hash = (username: string) => secretHash(username, 'client123', SECRET);

describe('AuthParameters by flow', () => {
  it('the model has eight flows and sixteen challenge names', () => {
    expect(AUTH_FLOWS).toHaveLength(8);
    expect(CHALLENGE_NAMES).toHaveLength(16);
  });

  it('USER_SRP_AUTH creates a session and sends its SRP_A, SECRET_HASH and DEVICE_KEY', () => {
    const { request, srpSession } = buildAdminInitiateAuth({ ...common, clientSecret: SECRET, authFlow: 'USER_SRP_AUTH', username: 'alice', deviceKey: 'eu-west-2_0f-1' });
    expect(isSrpSession(srpSession)).toBe(true);
    expect(request).toEqual({
      UserPoolId: common.userPoolId,
      ClientId: common.clientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'alice', SRP_A: srpSession!.srpA, SECRET_HASH: hash('alice'), DEVICE_KEY: 'eu-west-2_0f-1' },
    });
  });

  it('USER_SRP_AUTH uses a given session', () => {
    const session = createSrpSession();
    const built = buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: 'alice', srpSession: session });
    expect(built.srpSession).toBe(session);
    expect(built.request.AuthParameters?.SRP_A).toBe(session.srpA);
  });

  it.each(['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const)('%s sends USERNAME and PASSWORD', (authFlow) => {
    const built = buildAdminInitiateAuth({ ...common, authFlow, username: 'alice', password: 'p w' });
    expect(built.request.AuthParameters).toEqual({ USERNAME: 'alice', PASSWORD: 'p w' });
    expect(built.srpSession).toBeUndefined();
  });

  it.each(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'] as const)('%s sends REFRESH_TOKEN, and SECRET_HASH over the given username', (authFlow) => {
    expect(buildAdminInitiateAuth({ ...common, authFlow, refreshToken: 'eyJ.abc' }).request.AuthParameters).toEqual({ REFRESH_TOKEN: 'eyJ.abc' });
    const withSecret = buildAdminInitiateAuth({ ...common, clientSecret: SECRET, authFlow, refreshToken: 'eyJ.abc', username: 'sub-1234' });
    expect(withSecret.request.AuthParameters).toEqual({ REFRESH_TOKEN: 'eyJ.abc', SECRET_HASH: hash('sub-1234') });
  });

  it('CUSTOM_AUTH alone, and preceded by SRP (CHALLENGE_NAME: SRP_A)', () => {
    expect(buildAdminInitiateAuth({ ...common, authFlow: 'CUSTOM_AUTH', username: 'alice' }).request.AuthParameters).toEqual({ USERNAME: 'alice' });
    const withSrp = buildAdminInitiateAuth({ ...common, authFlow: 'CUSTOM_AUTH', username: 'alice', withSrp: true });
    expect(withSrp.request.AuthParameters).toEqual({ USERNAME: 'alice', SRP_A: withSrp.srpSession!.srpA, CHALLENGE_NAME: 'SRP_A' });
  });

  it('USER_AUTH with PREFERRED_CHALLENGE: PASSWORD_SRP brings SRP_A, PASSWORD brings PASSWORD, none lists choices', () => {
    const srp = buildAdminInitiateAuth({ ...common, authFlow: 'USER_AUTH', username: 'alice', preferredChallenge: 'PASSWORD_SRP' });
    expect(srp.request.AuthParameters).toEqual({ USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: srp.srpSession!.srpA });
    const password = buildAdminInitiateAuth({ ...common, authFlow: 'USER_AUTH', username: 'alice', preferredChallenge: 'PASSWORD', password: 'pw' });
    expect(password.request.AuthParameters).toEqual({ USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'pw' });
    expect(buildAdminInitiateAuth({ ...common, authFlow: 'USER_AUTH', username: 'alice' }).request.AuthParameters).toEqual({ USERNAME: 'alice' });
  });

  it('common members map to their wire names, in the SDK order, with no undefined members', () => {
    const { request } = buildAdminInitiateAuth({
      ...common,
      authFlow: 'ADMIN_USER_PASSWORD_AUTH',
      username: 'alice',
      password: 'pw',
      session: 's'.repeat(20),
      clientMetadata: { tier: 'gold' },
      analyticsEndpointId: 'endpoint-1',
      contextData: { ipAddress: '192.0.2.1', serverName: 'example.com', serverPath: '/login', httpHeaders: [{ headerName: 'User-Agent', headerValue: 'x' }], encodedData: 'abc' },
    });
    expect(Object.keys(request)).toEqual(['UserPoolId', 'ClientId', 'AuthFlow', 'AuthParameters', 'ClientMetadata', 'AnalyticsMetadata', 'ContextData', 'Session']);
    expect(request.ContextData).toEqual({
      IpAddress: '192.0.2.1',
      ServerName: 'example.com',
      ServerPath: '/login',
      HttpHeaders: [{ headerName: 'User-Agent', headerValue: 'x' }],
      EncodedData: 'abc',
    });
    expect(request.AnalyticsMetadata).toEqual({ AnalyticsEndpointId: 'endpoint-1' });
  });

  it('InitiateAuth has no UserPoolId and maps userContextData', () => {
    const { request } = buildInitiateAuth({ clientId: 'client123', authFlow: 'USER_PASSWORD_AUTH', username: 'a', password: 'p', userContextData: { encodedData: 'e' } });
    expect(request).toEqual({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client123', AuthParameters: { USERNAME: 'a', PASSWORD: 'p' }, UserContextData: { EncodedData: 'e' } });
  });
});

describe('challenge answers', () => {
  it('pass through any challenge (unknown names too) and add SECRET_HASH over USERNAME', () => {
    const { request } = buildAdminRespondToAuthChallenge({
      ...common,
      clientSecret: SECRET,
      challengeName: 'EMAIL_MFA',
      challengeResponses: { USERNAME: 'alice', EMAIL_MFA_CODE: '123456' },
      session: 'x'.repeat(30),
    });
    expect(request).toEqual({
      UserPoolId: common.userPoolId,
      ClientId: common.clientId,
      ChallengeName: 'EMAIL_MFA',
      ChallengeResponses: { USERNAME: 'alice', EMAIL_MFA_CODE: '123456', SECRET_HASH: hash('alice') },
      Session: 'x'.repeat(30),
    });
  });

  it('NEW_PASSWORD_REQUIRED keeps userAttributes.* keys', () => {
    const { request } = buildAdminRespondToAuthChallenge({
      ...common,
      challengeName: 'NEW_PASSWORD_REQUIRED',
      challengeResponses: { USERNAME: 'alice', NEW_PASSWORD: 'n3w!', 'userAttributes.name': 'Alice' },
    });
    expect(request.ChallengeResponses).toEqual({ USERNAME: 'alice', NEW_PASSWORD: 'n3w!', 'userAttributes.name': 'Alice' });
  });

  it('DEVICE_SRP_AUTH sends USERNAME, DEVICE_KEY and a fresh SRP_A', () => {
    const built = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'DEVICE_SRP_AUTH', username: 'alice', deviceKey: 'eu-west-2_ab-12' });
    expect(built.request.ChallengeResponses).toEqual({ USERNAME: 'alice', DEVICE_KEY: 'eu-west-2_ab-12', SRP_A: built.srpSession!.srpA });
  });

  it('PASSWORD_VERIFIER takes Session from the response unless one is given', () => {
    const srpSession = createSrpSession();
    const response = {
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 'from-the-response-0123456789',
      ChallengeParameters: { SALT: 'ab', SRP_B: 'cd'.repeat(200), SECRET_BLOCK: 'AAEC', USER_ID_FOR_SRP: 'uuid-1', USERNAME: 'uuid-1' },
    };
    const built = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'PASSWORD_VERIFIER', srpSession, password: 'pw', response, now: new Date('2026-11-03T05:07:08Z') });
    expect(built.request.Session).toBe('from-the-response-0123456789');
    expect(built.request.ChallengeResponses).toMatchObject({ USERNAME: 'uuid-1', TIMESTAMP: 'Tue Nov 3 05:07:08 UTC 2026', PASSWORD_CLAIM_SECRET_BLOCK: 'AAEC' });
    expect(() => buildAdminRespondToAuthChallenge({ ...common, challengeName: 'PASSWORD_VERIFIER', srpSession, password: 'pw', response })).toThrowError(
      expect.objectContaining({ issues: [expect.objectContaining({ code: 'SRP_SESSION_ALREADY_USED', path: 'srpSession' })] }),
    );
    const overridden = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'PASSWORD_VERIFIER', srpSession: createSrpSession(), password: 'pw', response, session: 'given-session-0123456789' });
    expect(overridden.request.Session).toBe('given-session-0123456789');
  });
});

describe('toHttpRequest', () => {
  const { request } = buildAdminInitiateAuth({ ...common, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'a', password: 'p' });

  it('POSTs JSON to the region given, with the awsJson1_1 headers', () => {
    expect(toHttpRequest('AdminInitiateAuth', request, { region: 'eu-west-2' })).toEqual({
      method: 'POST',
      url: 'https://cognito-idp.eu-west-2.amazonaws.com/',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminInitiateAuth' },
      body: JSON.stringify(request),
    });
  });

  it('takes a region or an endpoint, and the China partition', () => {
    expect(toHttpRequest('AdminInitiateAuth', request, { region: 'us-west-2' }).url).toBe('https://cognito-idp.us-west-2.amazonaws.com/');
    expect(toHttpRequest('AdminInitiateAuth', request, { region: 'cn-north-1' }).url).toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/');
    expect(toHttpRequest('AdminInitiateAuth', request, { endpoint: 'http://127.0.0.1:5000' }).url).toBe('http://127.0.0.1:5000/');
  });

  it('refuses what cannot be sent', () => {
    const publicRequest = buildInitiateAuth({ clientId: 'c', authFlow: 'USER_PASSWORD_AUTH', username: 'a', password: 'p' }).request;
    const code = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return (error as RequestValidationError).code;
      }
      return 'none';
    };
    expect(code(() => toHttpRequest('InitiateAuth', publicRequest, undefined as never))).toBe('REQUIRED');
    expect(code(() => toHttpRequest('AdminInitiateAuth', request, {} as never))).toBe('REQUIRED');
    expect(code(() => toHttpRequest('InitiateAuth', request as never, { region: 'eu-west-2' }))).toBe('UNEXPECTED_FIELD');
    expect(code(() => toHttpRequest('AdminInitiateAuth', publicRequest as never, { region: 'eu-west-2' }))).toBe('REQUIRED');
    expect(code(() => toHttpRequest('AdminInitiateAuth', request, { region: 'Mars' }))).toBe('PATTERN');
    expect(code(() => toHttpRequest('AdminInitiateAuth', request, { endpoint: 'ftp://x' }))).toBe('PATTERN');
    expect(code(() => toHttpRequest('AdminInitiateAuth', request, { endpoint: 'http://x', region: 'eu-west-2' } as never))).toBe('CONFLICT');
    expect(code(() => toHttpRequest('ConfirmSignUp' as never, request as never, { region: 'eu-west-2' }))).toBe('INVALID_ENUM');
  });
});

describe('redact', () => {
  it('masks the sensitive members and header values, keeps the rest, and leaves the input alone', () => {
    const { request } = buildAdminInitiateAuth({
      ...common,
      clientSecret: SECRET,
      authFlow: 'ADMIN_USER_PASSWORD_AUTH',
      username: 'alice',
      password: 'pw-secret',
      session: 'session-secret-0123456789',
      contextData: { ipAddress: '192.0.2.1', serverName: 's', serverPath: '/', httpHeaders: [{ headerName: 'Cookie', headerValue: 'id=secret' }] },
    });
    const before = JSON.stringify(request);
    const safe = redact(request);
    expect(JSON.stringify(request)).toBe(before);
    expect(safe).toEqual({
      UserPoolId: common.userPoolId,
      ClientId: '***',
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: '***', PASSWORD: '***', SECRET_HASH: '***' },
      ContextData: { IpAddress: '192.0.2.1', ServerName: 's', ServerPath: '/', HttpHeaders: [{ headerName: 'Cookie', headerValue: '***' }] },
      Session: '***',
    });
    for (const secret of ['pw-secret', 'session-secret', 'id=secret', 'client123', hash('alice')]) expect(JSON.stringify(safe)).not.toContain(secret);
  });

  it('masks ChallengeResponses and UserContextData', () => {
    const safe = redact({ ClientId: 'c', ChallengeName: 'SMS_MFA', ChallengeResponses: { USERNAME: 'a', SMS_MFA_CODE: '1' }, UserContextData: { EncodedData: 'x' } });
    expect(safe).toEqual({ ClientId: '***', ChallengeName: 'SMS_MFA', ChallengeResponses: { USERNAME: '***', SMS_MFA_CODE: '***' }, UserContextData: '***' });
  });
});

describe('ConfirmDevice', () => {
  const deviceKey = 'eu-west-2_0a1b2c3d-0000-4000-8000-0123456789ab';

  it('builds the request with a verifier of a new device password (40 bytes, then 16)', () => {
    const lengths: number[] = [];
    const { request, devicePassword } = buildConfirmDevice({
      accessToken: 'eyJ.access-token',
      deviceKey,
      deviceGroupKey: '-grpKey',
      deviceName: 'Alice’s phone',
      randomBytes: (n) => {
        lengths.push(n);
        return new Uint8Array(n).fill(n);
      },
    });
    expect(lengths).toEqual([40, 16]);
    expect(devicePassword).toBe('KCgo'.repeat(13) + 'KA=='); // base64 of 40 bytes of 40
    expect(Object.keys(request)).toEqual(['AccessToken', 'DeviceKey', 'DeviceSecretVerifierConfig', 'DeviceName']);
    expect(request.DeviceSecretVerifierConfig.Salt).toBe('EBAQ'.repeat(5) + 'EA=='); // base64 of 16 bytes of 16
    expect(toHttpRequest('ConfirmDevice', request, { region: 'eu-west-2' }).headers['X-Amz-Target']).toBe('AWSCognitoIdentityProviderService.ConfirmDevice');
  });

  it('validates the device key and name, and toHttpRequest wants the access token', () => {
    expect(() => buildConfirmDevice({ deviceKey: 'EU_X', deviceGroupKey: 'g', deviceName: '' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'deviceKey', code: 'PATTERN' }), expect.objectContaining({ path: 'deviceName', code: 'TOO_SHORT' })] }),
    );
    const { request } = buildConfirmDevice({ deviceKey, deviceGroupKey: 'g' });
    expect(() => toHttpRequest('ConfirmDevice', request, { region: 'eu-west-2' })).toThrow(expect.objectContaining({ code: 'REQUIRED', path: 'request.AccessToken' }));
  });
});

describe('Session from the previous response', () => {
  const response = { Session: 'session-from-response-0123', ChallengeParameters: {} };

  it('must name the challenge being answered, when it names one', () => {
    const mixedUp = { ...response, ChallengeName: 'SOFTWARE_TOKEN_MFA' };
    expect(() =>
      buildAdminRespondToAuthChallenge({ ...common, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a', SMS_MFA_CODE: '1' }, response: mixedUp }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT', path: 'response.ChallengeName' }));
    const named = { ...response, ChallengeName: 'SMS_MFA' };
    expect(buildAdminRespondToAuthChallenge({ ...common, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a', SMS_MFA_CODE: '1' }, response: named }).request.Session).toBe(
      response.Session,
    );
  });

  it('is sent by DEVICE_SRP_AUTH and pass-through answers, unless session is given', () => {
    const device = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'DEVICE_SRP_AUTH', username: 'a', deviceKey: 'eu-west-2_ab', response });
    expect(device.request.Session).toBe(response.Session);
    const mfa = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a', SMS_MFA_CODE: '1' }, response });
    expect(mfa.request.Session).toBe(response.Session);
    const given = buildAdminRespondToAuthChallenge({
      ...common,
      challengeName: 'SMS_MFA',
      challengeResponses: { USERNAME: 'a', SMS_MFA_CODE: '1' },
      response,
      session: 'the-given-session-0123456',
    });
    expect(given.request.Session).toBe('the-given-session-0123456');
  });
});

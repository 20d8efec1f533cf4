// readResponse and CognitoServiceError: typed replies, error names as the AWS SDK reads them, retryable as the SDK
// classifies, and bodies that are not Cognito's JSON. Portable: runs in workerd, Deno, Bun and Chromium too.
import { describe, expect, it } from 'vitest';
import { CognitoServiceError, RequestValidationError, readResponse } from '../src/index.js';

const JSON_TYPE = { 'Content-Type': 'application/x-amz-json-1.1' };
const reply = (status: number, body: unknown, headers: Record<string, string> = JSON_TYPE): Response =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

/** The CognitoServiceError thrown for `response`. */
async function serviceError(response: Response, operation: 'InitiateAuth' | 'ConfirmDevice' = 'InitiateAuth'): Promise<CognitoServiceError> {
  const error: unknown = await (operation === 'ConfirmDevice' ? readResponse(operation, response) : readResponse(operation, response)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CognitoServiceError);
  if (!(error instanceof CognitoServiceError)) throw new Error('expected a CognitoServiceError');
  return error;
}

describe('a 2xx reply', () => {
  it('is the typed reply: the model members, checked; other members dropped; JSON null is absent', async () => {
    const body = {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: { SALT: 'ab', SRP_B: 'cd', SECRET_BLOCK: 'ZQ==', USER_ID_FOR_SRP: 'alice', USERNAME: 'alice' },
      Session: null,
      Unmodelled: 'dropped',
    };
    expect(await readResponse('InitiateAuth', reply(200, body))).toEqual({ ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: body.ChallengeParameters });
  });

  it('keeps the AuthenticationResult with NewDeviceMetadata, and AvailableChallenges', async () => {
    const AuthenticationResult = {
      AccessToken: 'a.b.c',
      ExpiresIn: 3600,
      TokenType: 'Bearer',
      RefreshToken: 'r',
      IdToken: 'i.d.t',
      NewDeviceMetadata: { DeviceKey: 'eu-west-2_0f', DeviceGroupKey: '-g' },
    };
    expect(await readResponse('RespondToAuthChallenge', reply(200, { AuthenticationResult }))).toEqual({ AuthenticationResult });
    const choices = { ChallengeName: 'SELECT_CHALLENGE', Session: 's'.repeat(20), AvailableChallenges: ['PASSWORD_SRP', 'EMAIL_OTP'] };
    expect(await readResponse('AdminInitiateAuth', reply(200, choices))).toEqual(choices);
  });

  it('reads ConfirmDevice replies, and an empty body as {}', async () => {
    expect(await readResponse('ConfirmDevice', reply(200, { UserConfirmationNecessary: false }))).toEqual({ UserConfirmationNecessary: false });
    expect(await readResponse('ConfirmDevice', reply(200, ''))).toEqual({});
  });

  it('keeps a `__proto__` key of ChallengeParameters as a plain member', async () => {
    const parsed = await readResponse('InitiateAuth', reply(200, '{"ChallengeParameters":{"__proto__":"x","USERNAME":"a"}}'));
    expect(Object.keys(parsed.ChallengeParameters ?? {})).toEqual(['__proto__', 'USERNAME']);
    expect(Object.getPrototypeOf(parsed.ChallengeParameters)).toBe(Object.prototype);
  });

  it.each<[string, unknown, string]>([
    ['a ChallengeName that is not a string', { ChallengeName: 5 }, 'ChallengeName that is not a string'],
    ['ChallengeParameters with a number', { ChallengeParameters: { SALT: 1 } }, 'ChallengeParameters with a value that is not a string'],
    ['an AuthenticationResult that is a string', { AuthenticationResult: 'tokens' }, 'AuthenticationResult that is not an object'],
    ['ExpiresIn as a string', { AuthenticationResult: { ExpiresIn: '3600' } }, 'AuthenticationResult.ExpiresIn that is not a number'],
    ['a DeviceKey that is a number', { AuthenticationResult: { NewDeviceMetadata: { DeviceKey: 1 } } }, 'AuthenticationResult.NewDeviceMetadata.DeviceKey that is not a string'],
    ['AvailableChallenges that is a string', { AvailableChallenges: 'PASSWORD' }, 'AvailableChallenges that is not a list of strings'],
  ])('with %s is a CognitoServiceError named Unknown, naming the member', async (_name, body, problem) => {
    const error = await serviceError(reply(200, body));
    expect([error.name, error.status, error.retryable]).toEqual(['Unknown', 200, false]);
    expect(error.message).toBe(`HTTP 200: the reply of InitiateAuth has ${problem}`);
  });

  it('that is not JSON, or not an object, is Unknown, described by kind and size only', async () => {
    const html = '<html>secret-token-in-a-proxy-page</html>';
    const error = await serviceError(reply(200, html, { 'Content-Type': 'text/html; charset=utf-8' }));
    expect(error.name).toBe('Unknown');
    expect(error.message).toBe(`HTTP 200 with a body that is not JSON (${html.length} characters, text/html): not a reply of InitiateAuth`);
    expect(error.message).not.toContain('secret');
    // (the content type is set: a runtime's default for a string body differs, text/plain with or without a charset)
    expect((await serviceError(reply(200, '[1,2]', { 'content-type': 'application/json' }))).message).toBe(
      'HTTP 200 with a JSON array (5 characters, application/json): not a reply of InitiateAuth',
    );
    expect((await serviceError(reply(200, 'null', JSON_TYPE))).message).toBe('HTTP 200 with a JSON null (4 characters, application/x-amz-json-1.1): not a reply of InitiateAuth');
    expect((await serviceError(reply(200, '{"truncated', {}))).name).toBe('Unknown');
  });
});

describe('an error reply', () => {
  it('is a CognitoServiceError with the exception name, message, status and request id', async () => {
    const response = reply(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }, { ...JSON_TYPE, 'x-amzn-RequestId': 'req-1' });
    const error = await serviceError(response);
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.status, error.requestId, error.retryable, error.operation]).toEqual([
      'NotAuthorizedException',
      'Incorrect username or password.',
      400,
      'req-1',
      false,
      'InitiateAuth',
    ]);
  });

  it.each<[string, unknown, Record<string, string>, string]>([
    ['__type with a namespace', { __type: 'com.amazonaws.cognito.identity.idp.model#UserNotFoundException' }, {}, 'UserNotFoundException'],
    ['__type with a URL suffix', { __type: 'InvalidParameterException:http://internal.amazon.com/coral/' }, {}, 'InvalidParameterException'],
    ['code (any case)', { Code: 'CodeMismatchException' }, {}, 'CodeMismatchException'],
    ['the X-Amzn-ErrorType header', {}, { 'X-Amzn-ErrorType': 'ExpiredCodeException:http://internal.amazon.com/' }, 'ExpiredCodeException'],
    ['a list in the header', '', { 'x-amzn-errortype': 'TooManyRequestsException,InternalErrorException' }, 'TooManyRequestsException'],
    ['__type before code and the header', { __type: 'A', code: 'B' }, { 'x-amzn-errortype': 'C' }, 'A'],
    ['code before the header', { code: 'B' }, { 'x-amzn-errortype': 'C' }, 'B'],
    ['nothing', { message: 'm' }, {}, 'Unknown'],
  ])('takes the name from %s', async (_name, body, headers, name) => {
    expect((await serviceError(reply(400, body, headers))).name).toBe(name);
  });

  it('takes the message from message or Message; a body that is not JSON gives status and kind only', async () => {
    expect((await serviceError(reply(400, { __type: 'X', Message: 'capital' }))).message).toBe('capital');
    const proxy = await serviceError(reply(502, '<html>Bad Gateway</html>', { 'content-type': 'text/html' }));
    expect([proxy.name, proxy.status, proxy.retryable]).toEqual(['Unknown', 502, true]);
    expect(proxy.message).toBe('HTTP 502 with a body that is not JSON (24 characters, text/html)');
    expect((await serviceError(reply(400, { __type: 'X', message: 'm'.repeat(5000) }))).message).toHaveLength(1024);
  });

  it('reads the request id from x-amzn-requestid, x-amzn-request-id or x-amz-request-id', async () => {
    expect((await serviceError(reply(400, {}, { 'x-amzn-request-id': 'two' }))).requestId).toBe('two');
    expect((await serviceError(reply(400, {}, { 'x-amz-request-id': 'three' }))).requestId).toBe('three');
    expect((await serviceError(reply(400, {}))).requestId).toBeUndefined();
  });

  it.each<[number, string, boolean]>([
    [400, 'NotAuthorizedException', false],
    [400, 'TooManyRequestsException', true],
    [400, 'ThrottlingException', true],
    [400, 'LimitExceededException', true],
    [400, 'RequestTimeoutException', true],
    [429, 'Unknown', true],
    [500, 'InternalErrorException', true],
    [503, 'ServiceUnavailable', true],
    [599, 'Unknown', true],
    [404, 'ResourceNotFoundException', false],
    [400, 'InvalidSignatureException', false],
    [300, 'Unknown', false],
  ])('HTTP %i %s: retryable is %s, as the AWS SDK decides', async (status, type, retryable) => {
    const error = await serviceError(reply(status, type === 'Unknown' ? {} : { __type: type }));
    expect([error.name, error.retryable]).toEqual([type, retryable]);
  });

  it('a ConfirmDevice error names ConfirmDevice', async () => {
    expect((await serviceError(reply(400, { __type: 'NotAuthorizedException' }), 'ConfirmDevice')).operation).toBe('ConfirmDevice');
  });
});

describe('bad input', () => {
  it('an operation this package does not know is INVALID_ENUM', async () => {
    await expect(readResponse('SignUp' as never, reply(200, {}))).rejects.toThrow(RequestValidationError);
    await expect(readResponse('SignUp' as never, reply(200, {}))).rejects.toMatchObject({ code: 'INVALID_ENUM', path: 'operation' });
  });
});

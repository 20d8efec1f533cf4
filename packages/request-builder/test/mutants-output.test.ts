// Pins behaviour that Stryker run 1 (packages/request-builder) showed untested: mutants of src/errors.ts,
// src/redact.ts, src/confirm-device.ts and src/http.ts that survived the suite (or had no coverage). Each test
// names the behaviour; the mutants it kills are listed in the survivors document. Portable: no node: imports.
import { SrpError } from '@cognito-kit/srp';
import { describe, expect, it } from 'vitest';
import { RequestValidationError, buildConfirmDevice, redact, regionEndpoint, toHttpRequest, type ValidationIssue } from '../src/index.js';

/** The error `call` throws (fails the test when it returns). */
function caught(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** The RequestValidationError `call` throws. */
function validationError(call: () => unknown): RequestValidationError {
  const error = caught(call);
  expect(error).toBeInstanceOf(RequestValidationError);
  return error as RequestValidationError;
}

/** The single issue of the RequestValidationError `call` throws, as [code, path, message, error.message]. */
function singleIssue(call: () => unknown): [string, string, string, string] {
  const error = validationError(call);
  expect(error.issues).toHaveLength(1);
  const [issue] = error.issues;
  return [issue!.code, issue!.path, issue!.message, error.message];
}

const issue = (path: string): ValidationIssue => ({ code: 'REQUIRED', path, message: `${path} is required` });

describe('RequestValidationError', () => {
  it('names itself RequestValidationError', () => {
    expect(new RequestValidationError([issue('a')]).name).toBe('RequestValidationError');
  });

  it('has the message of its only issue, with nothing appended', () => {
    expect(new RequestValidationError([issue('a')]).message).toBe('a: a is required');
  });

  it('counts the other issues and lists their paths, comma-separated, after the first message', () => {
    const error = new RequestValidationError([issue('a'), issue('b'), issue('c.d')]);
    expect(error.message).toBe('a: a is required (and 2 more: b, c.d)');
    expect(new RequestValidationError([issue('x'), issue('y')]).message).toBe('x: x is required (and 1 more: y)');
  });
});

describe('redact', () => {
  it('refuses a request whose toJSON makes it a non-object, with INVALID_TYPE at request', () => {
    for (const value of [[1, 2], 'text']) {
      expect(singleIssue(() => redact({ toJSON: () => value }))).toEqual([
        'INVALID_TYPE',
        'request',
        'request must be an object of JSON data',
        'request: request must be an object of JSON data',
      ]);
    }
  });

  it("masks ContextData's EncodedData and keeps its other members", () => {
    const request = { ContextData: { IpAddress: '192.0.2.1', ServerName: 'example.com', ServerPath: '/login', HttpHeaders: [], EncodedData: 'fingerprint-blob' } };
    expect(redact(request)).toEqual({ ContextData: { IpAddress: '192.0.2.1', ServerName: 'example.com', ServerPath: '/login', HttpHeaders: [], EncodedData: '***' } });
  });

  it('masks a ContextData that is not an object whole', () => {
    expect(redact({ ContextData: 'opaque-context', AuthFlow: 'USER_SRP_AUTH' })).toEqual({ ContextData: '***', AuthFlow: 'USER_SRP_AUTH' });
  });
});

describe('buildConfirmDevice', () => {
  const deviceKey = 'eu-west-2_0a1b2c3d-0000-4000-8000-0123456789ab';
  const bytes = (n: number) => new Uint8Array(n).fill(7);

  it('reports an input member it does not use as UNEXPECTED_FIELD "is not used by ConfirmDevice"', () => {
    const input = { deviceKey, deviceGroupKey: 'g', randomBytes: bytes, username: 'alice' };
    expect(singleIssue(() => buildConfirmDevice(input as never))).toEqual([
      'UNEXPECTED_FIELD',
      'username',
      'username is not used by ConfirmDevice',
      'username: username is not used by ConfirmDevice',
    ]);
  });

  it('requires deviceGroupKey, reported once, and draws no random bytes for an invalid input', () => {
    let draws = 0;
    const randomBytes = (n: number) => {
      draws += 1;
      return bytes(n);
    };
    expect(singleIssue(() => buildConfirmDevice({ deviceKey, randomBytes } as never))).toEqual([
      'REQUIRED',
      'deviceGroupKey',
      'deviceGroupKey is required',
      'deviceGroupKey: deviceGroupKey is required',
    ]);
    expect(validationError(() => buildConfirmDevice({ deviceKey: 'EU_X', deviceGroupKey: 'g', randomBytes })).issues.map((i) => i.path)).toEqual(['deviceKey']);
    expect(draws).toBe(0);
  });

  it('lets an error of the random source that is not an SrpError through unchanged', () => {
    const boom = new Error('entropy source down');
    expect(caught(() => buildConfirmDevice({ deviceKey, deviceGroupKey: 'g', randomBytes: () => { throw boom; } }))).toBe(boom);
  });

  it('reports an SrpError of the random source at its field, or at randomBytes when it names none', () => {
    const withField = new SrpError('INVALID_ARGUMENT', 'refused by the source', 'entropy');
    expect(singleIssue(() => buildConfirmDevice({ deviceKey, deviceGroupKey: 'g', randomBytes: () => { throw withField; } }))).toEqual([
      'INVALID_TYPE',
      'entropy',
      'entropy is refused: refused by the source (INVALID_ARGUMENT)',
      'entropy: entropy is refused: refused by the source (INVALID_ARGUMENT)',
    ]);
    const noField = new SrpError('INVALID_ARGUMENT', 'refused by the source');
    expect(singleIssue(() => buildConfirmDevice({ deviceKey, deviceGroupKey: 'g', randomBytes: () => { throw noField; } }))).toEqual([
      'INVALID_TYPE',
      'randomBytes',
      'randomBytes is refused: refused by the source (INVALID_ARGUMENT)',
      'randomBytes: randomBytes is refused: refused by the source (INVALID_ARGUMENT)',
    ]);
  });
});

describe('regionEndpoint', () => {
  const PATTERN = ['PATTERN', 'region', 'region must be like us-east-1', 'region: region must be like us-east-1'];

  it('accepts regions of several name parts, several digits, and exactly 64 characters', () => {
    expect(regionEndpoint('us-gov-west-1')).toBe('https://cognito-idp.us-gov-west-1.amazonaws.com/');
    expect(regionEndpoint('ap-southeast-10')).toBe('https://cognito-idp.ap-southeast-10.amazonaws.com/');
    const longest = `us-${'a'.repeat(58)}-12`;
    expect(longest).toHaveLength(64);
    expect(regionEndpoint(longest)).toBe(`https://cognito-idp.${longest}.amazonaws.com/`);
  });

  it('refuses a region longer than 64 characters, or with anything before or after the pattern, as PATTERN', () => {
    for (const region of [`us-${'a'.repeat(59)}-12`, 'Xus-east-1', 'us-east-1x']) {
      expect(singleIssue(() => regionEndpoint(region))).toEqual(PATTERN);
    }
  });

  it('refuses a region that is not a string as INVALID_TYPE', () => {
    expect(singleIssue(() => regionEndpoint(42 as never))).toEqual(['INVALID_TYPE', 'region', 'region must be like us-east-1', 'region: region must be like us-east-1']);
  });
});

describe('toHttpRequest', () => {
  const publicRequest = { AuthFlow: 'USER_SRP_AUTH', ClientId: 'client123' } as const;

  it('refuses an unknown operation, listing the operations', () => {
    const text =
      'operation must be one of AdminInitiateAuth, InitiateAuth, AdminRespondToAuthChallenge, RespondToAuthChallenge, ConfirmDevice';
    expect(singleIssue(() => toHttpRequest('SignUp' as never, publicRequest as never, { region: 'us-east-1' }))).toEqual(['INVALID_ENUM', 'operation', text, `operation: ${text}`]);
  });

  it('refuses an operation that is not a string, even one that converts to an operation name', () => {
    for (const operation of [new String('InitiateAuth'), ['InitiateAuth']]) {
      expect(validationError(() => toHttpRequest(operation as never, publicRequest as never, { region: 'us-east-1' })).code).toBe('INVALID_ENUM');
    }
  });

  it('refuses a destination that is not an object', () => {
    const text = "destination must be { region: 'eu-west-2' } or { endpoint: 'https://…' }";
    const expected = ['INVALID_TYPE', 'destination', text, `destination: ${text}`];
    expect(singleIssue(() => toHttpRequest('InitiateAuth', publicRequest, null as never))).toEqual(expected);
    expect(singleIssue(() => toHttpRequest('InitiateAuth', publicRequest, 'us-east-1' as never))).toEqual(expected);
  });

  it('names the operation that requires the missing member', () => {
    expect(singleIssue(() => toHttpRequest('ConfirmDevice', { DeviceKey: 'k' } as never, { region: 'us-east-1' }))).toEqual([
      'REQUIRED',
      'request.AccessToken',
      'request.AccessToken is required by ConfirmDevice',
      'request.AccessToken: request.AccessToken is required by ConfirmDevice',
    ]);
  });

  it('refuses a UserPoolId sent to a public operation, naming the operation', () => {
    expect(singleIssue(() => toHttpRequest('InitiateAuth', { ...publicRequest, UserPoolId: 'us-east-1_AbC123' } as never, { region: 'us-east-1' }))).toEqual([
      'UNEXPECTED_FIELD',
      'request.UserPoolId',
      'request.UserPoolId is not used by InitiateAuth',
      'request.UserPoolId: request.UserPoolId is not used by InitiateAuth',
    ]);
  });

  it('accepts an endpoint with a path', () => {
    expect(toHttpRequest('InitiateAuth', publicRequest, { endpoint: 'http://localhost:5000/proxy/cognito' }).url).toBe('http://localhost:5000/proxy/cognito/');
  });

  it('refuses an endpoint that is not a string or not wholly an http(s) URL, as PATTERN', () => {
    const expected = ['PATTERN', 'endpoint', 'endpoint must be an http(s) URL', 'endpoint: endpoint must be an http(s) URL'];
    for (const endpoint of [42, new URL('https://example.com/'), 'ftp://example.com', 'xhttps://example.com', 'https://example.com/?q=1', 'https://example.com/a b']) {
      expect(singleIssue(() => toHttpRequest('InitiateAuth', publicRequest, { endpoint } as never))).toEqual(expected);
    }
  });

  it('requires a destination, naming both shapes, for every operation', () => {
    const text = "destination is required: { region: 'eu-west-2' } or { endpoint: 'https://…' }";
    const expected = ['REQUIRED', 'destination', text, `destination: ${text}`];
    expect(singleIssue(() => toHttpRequest('InitiateAuth', publicRequest, {} as never))).toEqual(expected);
    expect(singleIssue(() => toHttpRequest('InitiateAuth', publicRequest, undefined as never))).toEqual(expected);
    const admin = { UserPoolId: 'us-east-1_AbC123', ClientId: 'client123', AuthFlow: 'USER_SRP_AUTH' };
    expect(singleIssue(() => toHttpRequest('AdminInitiateAuth', admin as never, {} as never))).toEqual(expected);
  });

  it('refuses a destination with both a region and an endpoint', () => {
    const text = "destination must be { region: 'eu-west-2' } or { endpoint: 'https://…' }, not both";
    expect(singleIssue(() => toHttpRequest('InitiateAuth', publicRequest, { region: 'us-east-1', endpoint: 'http://127.0.0.1:9229' } as never))).toEqual([
      'CONFLICT',
      'destination',
      text,
      `destination: ${text}`,
    ]);
  });
});

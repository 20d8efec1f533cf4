/**
 * The response side of `fetch`: Cognito's HTTP reply read into the operation's typed reply, or a
 * {@link CognitoServiceError}.
 *
 * @module
 */
import { fail } from './errors.js';
import { MEMBER_ORDER, type AuthOperation, type Operation } from './model.js';
import type { AuthenticationResultType, AuthResponse, ConfirmDeviceResponse, NewDeviceMetadataType } from './responses.js';
import { CognitoServiceError, exceptionName } from './service-error.js';
import { isRecord } from './validation.js';

/** Longest message of Cognito's kept in an error, in characters (Cognito's own are one sentence). */
const MAX_MESSAGE_LENGTH = 1024;

/**
 * Reads Cognito's reply to `operation`: a 2xx reply becomes the typed reply (the model's members, checked, others
 * dropped, as the AWS SDK deserializes), anything else a thrown {@link CognitoServiceError}. A body that is not
 * Cognito's JSON (a proxy's HTML page, a truncated body, a member of the wrong type) is a CognitoServiceError too,
 * named `Unknown`, never a bare SyntaxError; its content is not repeated in the message.
 *
 * @param operation - the operation the request was for
 * @param response - the `fetch` Response (any object with `status`, `headers.get` and `text()`)
 * @returns the reply, with absent members left out
 * @throws {CognitoServiceError} for an error reply or a body that is not Cognito's JSON
 * @throws {RequestValidationError} `INVALID_ENUM` for an operation this package does not know
 * @example
 * ```ts
 * import { buildInitiateAuth, readResponse, toHttpRequest } from '@cognito-kit/request-builder';
 *
 * const { request } = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: '18u8119jgbpr464n28s1itk2mq', username: 'alice' });
 * const http = toHttpRequest('InitiateAuth', request, { region: 'eu-west-2' });
 * const reply = await readResponse('InitiateAuth', await fetch(http.url, http));
 * reply.ChallengeName; // 'PASSWORD_VERIFIER'
 * ```
 */
export function readResponse(operation: 'ConfirmDevice', response: Response): Promise<ConfirmDeviceResponse>;
export function readResponse(operation: AuthOperation, response: Response): Promise<AuthResponse>;
export async function readResponse(operation: Operation, response: Response): Promise<AuthResponse | ConfirmDeviceResponse> {
  if (typeof operation !== 'string' || !Object.hasOwn(MEMBER_ORDER, operation)) {
    fail('INVALID_ENUM', 'operation', `must be one of ${Object.keys(MEMBER_ORDER).join(', ')}`);
  }
  const status = response.status;
  const text = await response.text();
  const header = (name: string): string | null => response.headers.get(name);
  const requestId = header('x-amzn-requestid') ?? header('x-amzn-request-id') ?? header('x-amz-request-id') ?? undefined;
  const body = parseBody(text);
  const error = (name: string, message: string): CognitoServiceError => new CognitoServiceError({ name, message, status, requestId, operation });

  if (status < 200 || status > 299) {
    const record = isRecord(body) ? body : undefined;
    const message = record?.message ?? record?.Message;
    const described = typeof message === 'string' ? message.slice(0, MAX_MESSAGE_LENGTH) : `HTTP ${status}${describeBody(text, body, response)}`;
    throw error(exceptionName(record, header('x-amzn-errortype')) ?? 'Unknown', described);
  }
  if (!isRecord(body)) throw error('Unknown', `HTTP ${status}${describeBody(text, body, response)}: not a reply of ${operation}`);
  const problem: string[] = [];
  const reply = operation === 'ConfirmDevice' ? confirmDeviceReply(body, problem) : authReply(body, problem);
  if (problem.length > 0) throw error('Unknown', `HTTP ${status}: the reply of ${operation} has ${problem.join(', ')}`);
  return reply;
}

/** The JSON value of a body (an empty body is `{}`, as the SDK reads it), or undefined when it is not JSON. */
function parseBody(text: string): unknown {
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What a body that is not Cognito's JSON is, by kind and size only (it may hold anything, a token included). */
function describeBody(text: string, body: unknown, response: Response): string {
  if (isRecord(body)) return '';
  const type = response.headers.get('content-type');
  const kind = body === undefined ? 'a body that is not JSON' : `a JSON ${Array.isArray(body) ? 'array' : body === null ? 'null' : typeof body}`;
  return ` with ${kind} (${text.length} characters${type === null ? '' : `, ${type.split(';')[0]}`})`;
}

/** The members of the four authentication replies (AuthResponse), each checked; JSON null is absent. */
function authReply(body: Record<string, unknown>, problem: string[]): AuthResponse {
  const reply: AuthResponse = {};
  const challengeName = stringMember(body, 'ChallengeName', problem);
  if (challengeName !== undefined) reply.ChallengeName = challengeName;
  const session = stringMember(body, 'Session', problem);
  if (session !== undefined) reply.Session = session;
  const parameters = stringMapMember(body, 'ChallengeParameters', problem);
  if (parameters !== undefined) reply.ChallengeParameters = parameters;
  const result = recordMember(body, 'AuthenticationResult', problem);
  if (result !== undefined) reply.AuthenticationResult = authenticationResult(result, problem);
  const available = body.AvailableChallenges;
  if (Array.isArray(available) && available.every((name) => typeof name === 'string')) reply.AvailableChallenges = [...available];
  else if (available !== undefined && available !== null) problem.push('AvailableChallenges that is not a list of strings');
  return reply;
}

function authenticationResult(result: Record<string, unknown>, problem: string[]): AuthenticationResultType {
  const checked: AuthenticationResultType = {};
  for (const name of ['AccessToken', 'TokenType', 'RefreshToken', 'IdToken'] as const) {
    const value = stringMember(result, name, problem, 'AuthenticationResult.');
    if (value !== undefined) checked[name] = value;
  }
  const expiresIn = result.ExpiresIn;
  if (typeof expiresIn === 'number') checked.ExpiresIn = expiresIn;
  else if (expiresIn !== undefined && expiresIn !== null) problem.push('AuthenticationResult.ExpiresIn that is not a number');
  const device = recordMember(result, 'NewDeviceMetadata', problem, 'AuthenticationResult.');
  if (device !== undefined) {
    const metadata: NewDeviceMetadataType = {};
    const deviceKey = stringMember(device, 'DeviceKey', problem, 'AuthenticationResult.NewDeviceMetadata.');
    if (deviceKey !== undefined) metadata.DeviceKey = deviceKey;
    const deviceGroupKey = stringMember(device, 'DeviceGroupKey', problem, 'AuthenticationResult.NewDeviceMetadata.');
    if (deviceGroupKey !== undefined) metadata.DeviceGroupKey = deviceGroupKey;
    checked.NewDeviceMetadata = metadata;
  }
  return checked;
}

function confirmDeviceReply(body: Record<string, unknown>, problem: string[]): ConfirmDeviceResponse {
  const necessary = body.UserConfirmationNecessary;
  if (typeof necessary === 'boolean') return { UserConfirmationNecessary: necessary };
  if (necessary !== undefined && necessary !== null) problem.push('UserConfirmationNecessary that is not a boolean');
  return {};
}

function stringMember(record: Record<string, unknown>, name: string, problem: string[], parent = ''): string | undefined {
  const value = record[name];
  if (typeof value === 'string') return value;
  if (value !== undefined && value !== null) problem.push(`${parent}${name} that is not a string`);
  return undefined;
}

function recordMember(record: Record<string, unknown>, name: string, problem: string[], parent = ''): Record<string, unknown> | undefined {
  const value = record[name];
  if (isRecord(value)) return value;
  if (value !== undefined && value !== null) problem.push(`${parent}${name} that is not an object`);
  return undefined;
}

function stringMapMember(record: Record<string, unknown>, name: string, problem: string[]): Record<string, string> | undefined {
  const map = recordMember(record, name, problem);
  if (map === undefined) return undefined;
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) {
    if (typeof value !== 'string') {
      problem.push(`${name} with a value that is not a string`);
      return undefined;
    }
    // defineProperty: a `__proto__` key stays a plain member instead of setting the prototype.
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

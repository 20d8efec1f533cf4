/**
 * The whole endpoint behind `fetch`: OPTIONS preflights, the GET well-known routes of each pool, and POST awsJson1_1
 * requests — the body limit, the operation (X-Amz-Target), SigV4 for the Admin operations, JSON, the model's checks,
 * then the operation. Every request gets one `request` log line.
 *
 * @module
 */
import type { Call } from './call.js';
import { CognitoError, coral, resourceNotFound } from './service-error.js';
import { MAX_BODY_BYTES, preflight, readBody, refuse, reply } from './http.js';
import { checkInput, isJsonObject } from './input.js';
import { OPERATIONS } from './operations.js';
import type { PoolsState } from './pool.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const WELL_KNOWN = /\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

/**
 * Answers one HTTP request.
 *
 * @example
 * ```ts
 * const response = await answer(state, request);
 * ```
 */
export async function answer(state: PoolsState, request: Request): Promise<Response> {
  const requestId = state.random.uuid();
  try {
    return await route(state, request, requestId);
  } catch (error) {
    const call: Call = { state, now: state.now(), requestId, operation: `${request.method} ${new URL(request.url).pathname}` };
    return refuse(request, requestId, asCognitoError(call, error));
  }
}

async function route(state: PoolsState, request: Request, requestId: string): Promise<Response> {
  switch (request.method) {
    case 'OPTIONS':
      return preflight(request, requestId);
    case 'GET':
      return wellKnown(state, request, requestId);
    case 'POST':
      return post(state, request, requestId);
    default: {
      const response = refuse(request, requestId, new CognitoError('MethodNotAllowed', `The local user pool answers POST, GET and OPTIONS, not ${request.method}`, 405));
      response.headers.set('Allow', 'POST, GET, OPTIONS');
      return response;
    }
  }
}

async function post(state: PoolsState, request: Request, requestId: string): Promise<Response> {
  const target = request.headers.get('x-amz-target') ?? '';
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
  const call: Call = { state, now: state.now(), requestId, operation: name === '' ? '(no X-Amz-Target)' : name };
  let response: Response;
  try {
    response = reply(request, requestId, await run(call, request, target));
  } catch (error) {
    response = refuse(request, requestId, asCognitoError(call, error));
  }
  logRequest(call, response);
  return response;
}

/** The checks in the order AWS makes them (size, operation, signature, JSON, model), then the operation. */
async function run(call: Call, request: Request, target: string): Promise<unknown> {
  const text = await readBody(request);
  if (text === 'too-large') throw new CognitoError('RequestEntityTooLargeException', `The request body is larger than ${MAX_BODY_BYTES} bytes`, 413);
  const operation = target.startsWith(TARGET_PREFIX) ? OPERATIONS.get(call.operation) : undefined;
  if (operation === undefined) throw coral('UnknownOperationException', `The local user pool does not know the operation ${call.operation}`);
  if (operation.signed && !isSigV4Signed(request)) {
    // Cognito's exact body was not found; this is DynamoDB's, from the same front end (COGNITO-SERVER.md §2).
    throw coral('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
  }
  if (text === 'not-utf-8') throw coral('SerializationException', 'The request body is not UTF-8');
  const body = parseJson(text);
  if (body === undefined) throw coral('SerializationException', 'The request body is not a JSON object');
  return operation.handle(call, checkInput(body, operation.rules));
}

/** A SigV4 signature, in the Authorization header or the query string (presigned); it is not checked. */
function isSigV4Signed(request: Request): boolean {
  if ((request.headers.get('authorization') ?? '').startsWith('AWS4-HMAC-SHA256 ')) return true;
  return new URL(request.url).searchParams.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256';
}

function parseJson(text: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(text === '' ? '{}' : text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A refusal as it goes on the wire; anything else is a bug of the pool: HTTP 500 InternalErrorException, logged. */
function asCognitoError(call: Call, error: unknown): CognitoError {
  if (error instanceof CognitoError) return error;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : 'a non-Error value was thrown';
  call.state.log.emit({ time: call.now, level: 'error', event: 'internal-error', message: `${call.operation} failed inside the local pool: ${what}`, requestId: call.requestId, operation: call.operation });
  return new CognitoError('InternalErrorException', 'The local user pool failed to answer (a bug: see its log)', 500);
}

function logRequest(call: Call, response: Response): void {
  const errorType = response.headers.get('x-amzn-ErrorType')?.replace(/:$/, '');
  const message = response.headers.get('x-amzn-ErrorMessage');
  const outcome = errorType === undefined ? '' : ` ${errorType}${message === null ? '' : `: ${message}`}`;
  call.state.log.emit({
    time: call.now,
    level: response.status < 400 ? 'info' : 'warn',
    event: 'request',
    message: `${call.operation} ${response.status}${outcome}`,
    requestId: call.requestId,
    operation: call.operation,
  });
}

/** GET /<poolId>/.well-known/jwks.json and /<poolId>/.well-known/openid-configuration. */
async function wellKnown(state: PoolsState, request: Request, requestId: string): Promise<Response> {
  const match = WELL_KNOWN.exec(new URL(request.url).pathname);
  if (match === null) {
    return refuse(request, requestId, new CognitoError('NotFound', 'The local user pool serves POST / and GET /<poolId>/.well-known/jwks.json and openid-configuration', 404));
  }
  const [, encoded = '', document] = match;
  const poolId = decodePathSegment(encoded);
  const pool = state.pools.get(poolId);
  if (pool === undefined) {
    const missing = resourceNotFound(`User pool ${poolId} does not exist.`);
    return refuse(request, requestId, new CognitoError(missing.type, missing.message, 404));
  }
  const body = document === 'jwks.json' ? await pool.tokens.jwks() : pool.tokens.openidConfiguration();
  return reply(request, requestId, body, 'application/json');
}

/** A path segment decoded, or as it is when its escapes are malformed. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

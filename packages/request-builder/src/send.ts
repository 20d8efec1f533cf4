/**
 * `send`: {@link toHttpRequest}, `fetch` and {@link readResponse} in one call, for code that talks to Cognito without
 * the AWS SDK (edge functions, browsers, workers).
 *
 * @module
 */
import { fail } from './errors.js';
import { requiresSigV4, toHttpRequest, type Destination, type HttpRequest } from './http.js';
import type { AuthOperation } from './model.js';
import { readResponse } from './read-response.js';
import type { ConfirmDeviceRequest, RequestOf } from './requests.js';
import type { AuthResponse, ConfirmDeviceResponse } from './responses.js';

/**
 * Signs a request with SigV4 (service `cognito-idp`), as the Admin operations need: returns the signed request, as a
 * plain {@link HttpRequest} or as a fetch `Request`. With aws4fetch: `(http) => aws.sign(http.url, http)`.
 */
export type Signer = (request: HttpRequest) => HttpRequest | Request | Promise<HttpRequest | Request>;

/** Options of {@link send}. */
export interface SendOptions {
  /** The fetch to use; `globalThis.fetch` by default. A local handler (`(request) => pool.fetch(request)`) fits. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Aborts the request (a timeout: `AbortSignal.timeout(10_000)`). */
  signal?: AbortSignal | undefined;
  /** Required for AdminInitiateAuth and AdminRespondToAuthChallenge, which Cognito accepts only SigV4-signed. */
  sign?: Signer | undefined;
}

/**
 * Sends a request to Cognito and reads the reply: {@link toHttpRequest}, then `fetch` (injectable), then
 * {@link readResponse}. The Admin operations must be SigV4-signed: pass `sign` (aws4fetch or @smithy/signature-v4;
 * this package bundles no signer and holds no credentials).
 *
 * @param operation - the operation, such as `InitiateAuth`
 * @param request - the request of a builder (or any request of that operation's wire shape)
 * @param destination - `{ region }` or `{ endpoint }`
 * @returns the typed reply
 * @throws {CognitoServiceError} for an error reply (`name` is the exception, such as `NotAuthorizedException`)
 * @throws {RequestValidationError} for a request or destination that cannot be sent, an Admin operation without
 *   `sign`, or options of the wrong type
 * @example
 * ```ts
 * import { buildInitiateAuth, send } from '@cognito-kit/request-builder';
 *
 * const { request } = buildInitiateAuth({ authFlow: 'REFRESH_TOKEN_AUTH', clientId: '18u8119jgbpr464n28s1itk2mq', refreshToken: 'eyJjdHkiOi...' });
 * const reply = await send('InitiateAuth', request, { region: 'eu-west-2' }, { signal: AbortSignal.timeout(10_000) });
 * console.log(reply.AuthenticationResult?.AccessToken);
 * ```
 */
export function send(operation: 'ConfirmDevice', request: ConfirmDeviceRequest, destination: Destination, options?: SendOptions): Promise<ConfirmDeviceResponse>;
export function send<Op extends AuthOperation>(operation: Op, request: RequestOf<Op>, destination: Destination, options?: SendOptions): Promise<AuthResponse>;
export async function send(
  operation: 'ConfirmDevice' | AuthOperation,
  request: RequestOf<'ConfirmDevice' | AuthOperation>,
  destination: Destination,
  options: SendOptions = {},
): Promise<AuthResponse | ConfirmDeviceResponse> {
  const http = toHttpRequest(operation, request, destination);
  const { fetch: fetchOption, signal, sign } = options;
  if (fetchOption !== undefined && typeof fetchOption !== 'function') fail('INVALID_TYPE', 'options.fetch', 'must be a function');
  if (sign !== undefined && typeof sign !== 'function') fail('INVALID_TYPE', 'options.sign', 'must be a function');
  if (sign === undefined && requiresSigV4(operation)) {
    fail('REQUIRED', 'options.sign', `is required: ${operation} must be SigV4-signed (aws4fetch or @smithy/signature-v4)`);
  }
  const fetchRequest = toFetchRequest(sign === undefined ? http : await sign(http), signal);
  const response = await (fetchOption ?? globalFetch())(fetchRequest);
  return operation === 'ConfirmDevice' ? readResponse(operation, response) : readResponse(operation, response);
}

/** The runtime's fetch, or a typed refusal where there is none. */
function globalFetch(): (request: Request) => Promise<Response> {
  if (typeof globalThis.fetch !== 'function') return fail('REQUIRED', 'options.fetch', 'is required: this runtime has no global fetch');
  return (request) => globalThis.fetch(request);
}

/** A fetch Request from a plain or a signed request, with the abort signal. */
function toFetchRequest(request: HttpRequest | Request, signal: AbortSignal | undefined): Request {
  const init: RequestInit = signal === undefined ? {} : { signal };
  if ('clone' in request) return new Request(request, init);
  return new Request(request.url, { method: request.method, headers: request.headers, body: request.body, ...init });
}

/**
 * The HTTP side of the endpoint: reading a body without buffering more than the limit, and Cognito's replies — JSON
 * with `Content-Type: application/x-amz-json-1.1` and `x-amzn-RequestId`; errors as HTTP 400 `{"__type","message"}`
 * with `x-amzn-ErrorType: <Name>:` and `x-amzn-ErrorMessage` (COGNITO-SERVER.md §2) — each with the CORS headers a
 * browser client on another origin needs.
 *
 * @module
 */
import type { CognitoError } from './service-error.js';

/**
 * The largest request body read, in bytes: 1 MiB. Cognito publishes no request size limit; its largest honest
 * request, AdminCreateUser with every attribute at AttributeValueType's 2,048 characters (up to 50 custom ones), is
 * under 500 KB even in 4-byte UTF-8, and the tokens, Sessions and SRP values of the sign-in operations are a few KB.
 * A body over it is refused from its Content-Length, or as soon as the stream passes it.
 *
 * @example
 * ```ts
 * import { MAX_BODY_BYTES } from '@cognito-kit/local-pool';
 * const tooLarge = JSON.stringify({ ClientId: 'c', AuthFlow: 'USER_SRP_AUTH', ClientMetadata: { k: 'x'.repeat(MAX_BODY_BYTES) } });
 * // pools.fetch(...) with that body answers HTTP 413 RequestEntityTooLargeException
 * ```
 */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_1_1 = 'application/x-amz-json-1.1';
/** The headers an AWS client sends (the SDKs, Amplify, the CLI), for preflights that do not list theirs. */
const ALLOWED_HEADERS = 'content-type,x-amz-target,x-amz-user-agent,authorization,x-amz-date,x-amz-security-token,x-amz-content-sha256,amz-sdk-invocation-id,amz-sdk-request,cache-control';
/** What Cognito exposes to scripts (aws-amplify/amplify-js#11034). */
const EXPOSED_HEADERS = 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date';

/**
 * The body as text, or `'too-large'` past {@link MAX_BODY_BYTES} (the rest is not read), or `'not-utf-8'`.
 *
 * @example
 * ```ts
 * const text = await readBody(request);
 * ```
 */
export async function readBody(request: Request): Promise<string | 'too-large' | 'not-utf-8'> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) {
    await request.body?.cancel().catch(() => undefined);
    return 'too-large';
  }
  const stream = request.body;
  if (stream === null) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not-utf-8';
  }
}

/**
 * The CORS headers of every reply: the request's origin (or any), and what scripts may read.
 *
 * @example
 * ```ts
 * new Response(body, { headers: { ...corsHeaders(request) } });
 * ```
 */
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get('origin');
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    ...(origin === null ? {} : { Vary: 'Origin' }),
  };
}

/**
 * The answer to a CORS preflight (OPTIONS): the methods, and the headers asked for (or those AWS clients send).
 *
 * @example
 * ```ts
 * if (request.method === 'OPTIONS') return preflight(request, requestId);
 * ```
 */
export function preflight(request: Request, requestId: string): Response {
  const asked = request.headers.get('access-control-request-headers');
  return new Response(null, {
    status: 200,
    headers: {
      ...corsHeaders(request),
      'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
      'Access-Control-Allow-Headers': asked !== null && /^[\w\s,-]*$/.test(asked) ? asked : ALLOWED_HEADERS,
      'Access-Control-Max-Age': '86400',
      'x-amzn-RequestId': requestId,
    },
  });
}

/**
 * A successful reply of an operation: HTTP 200, the body as JSON.
 *
 * @example
 * ```ts
 * return reply(request, requestId, { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters });
 * ```
 */
export function reply(request: Request, requestId: string, body: unknown, contentType = JSON_1_1): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': contentType, 'x-amzn-RequestId': requestId, ...corsHeaders(request) } });
}

/**
 * An error reply as Cognito sends it: the status (400), `{"__type","message"}`, `x-amzn-ErrorType: <Name>:` (the
 * trailing colon is Cognito's) and `x-amzn-ErrorMessage` when the message is printable ASCII (a header cannot
 * carry more).
 *
 * @example
 * ```ts
 * return refuse(request, requestId, notAuthorized('Incorrect username or password.'));
 * ```
 */
export function refuse(request: Request, requestId: string, error: CognitoError): Response {
  const headers: Record<string, string> = {
    'Content-Type': JSON_1_1,
    'x-amzn-RequestId': requestId,
    'x-amzn-ErrorType': `${error.shortType}:`,
    ...corsHeaders(request),
  };
  if (/^[\x20-\x7e]*$/.test(error.message)) headers['x-amzn-ErrorMessage'] = error.message;
  return new Response(JSON.stringify({ __type: error.type, message: error.message }), { status: error.status, headers });
}

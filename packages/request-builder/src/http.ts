/**
 * The HTTP request for an operation: awsJson1_1 (POST to `/`, `Content-Type: application/x-amz-json-1.1`,
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, the request as a JSON body).
 *
 * @module
 */
import { fail } from './errors.js';
import { MEMBER_ORDER, TARGET_PREFIX, type Operation } from './model.js';
import type { RequestOf } from './requests.js';
import { isRecord, wireRequest } from './validation.js';

/** Where to send: the region's public endpoint, or an explicit URL (a VPC endpoint, a local pool, a proxy). */
export type Destination = { region: string } | { endpoint: string };

/** A plain HTTP request, ready for `fetch(url, { method, headers, body })` or a SigV4 signer. */
export interface HttpRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Whether Cognito requires SigV4 (service `cognito-idp`, IAM credentials) for the operation: true for the Admin
 * operations, false for InitiateAuth, RespondToAuthChallenge and ConfirmDevice (`authtype: none` in the model).
 *
 * @example
 * ```ts
 * import { requiresSigV4 } from '@cognito-kit/request-builder';
 * requiresSigV4('AdminInitiateAuth'); // true
 * ```
 */
export function requiresSigV4(operation: Operation): boolean {
  return operation === 'AdminInitiateAuth' || operation === 'AdminRespondToAuthChallenge';
}

const REGION_RULE = 'must be like us-east-1';

/**
 * The endpoint of a region: `https://cognito-idp.{region}.amazonaws.com`, or `.amazonaws.com.cn` in the China
 * partition (endpoint rule set of the service).
 *
 * @example
 * ```ts
 * import { regionEndpoint } from '@cognito-kit/request-builder';
 * regionEndpoint('eu-west-2');  // 'https://cognito-idp.eu-west-2.amazonaws.com/'
 * regionEndpoint('cn-north-1'); // 'https://cognito-idp.cn-north-1.amazonaws.com.cn/'
 * ```
 */
export function regionEndpoint(region: string): string {
  if (typeof region !== 'string' || region.length > 64 || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
    fail(typeof region === 'string' ? 'PATTERN' : 'INVALID_TYPE', 'region', REGION_RULE);
  }
  return `https://cognito-idp.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/`;
}

/**
 * Builds the HTTP request for an operation, to `destination`: `{ region }` (Cognito's public endpoint of that region)
 * or `{ endpoint }` (an explicit URL: a VPC endpoint, a local user pool, a proxy).
 *
 * Admin operations must then be SigV4-signed (service `cognito-idp`): for example with aws4fetch, which runs in
 * workers and browsers (`new AwsClient({ accessKeyId, secretAccessKey, sessionToken, service: 'cognito-idp',
 * region }).fetch(http.url, http)`), or @smithy/signature-v4. This package bundles no signer; {@link send} takes one.
 *
 * @throws {RequestValidationError} for an unknown operation, a missing or malformed destination, or a request whose
 *   shape does not fit the operation (a UserPoolId sent to a public operation, ConfirmDevice without AccessToken)
 * @example
 * ```ts
 * import { buildInitiateAuth, toHttpRequest } from '@cognito-kit/request-builder';
 *
 * const { request } = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: '18u8119jgbpr464n28s1itk2mq', username: 'alice' });
 * const http = toHttpRequest('InitiateAuth', request, { region: 'eu-west-2' });
 * // http.url === 'https://cognito-idp.eu-west-2.amazonaws.com/'; fetch(http.url, http) sends it
 * ```
 */
export function toHttpRequest<Op extends Operation>(operation: Op, request: RequestOf<Op>, destination: Destination): HttpRequest {
  if (typeof operation !== 'string' || !Object.hasOwn(MEMBER_ORDER, operation)) {
    fail('INVALID_ENUM', 'operation', `must be one of ${Object.keys(MEMBER_ORDER).join(', ')}`);
  }
  // The members as they go on the wire (a toJSON may have changed them): what the checks below are about.
  const { json: body, members } = wireRequest(request);
  // ConfirmDevice is authorized by its access token; the Admin operations carry the pool id; the public ones have
  // no such member.
  const admin = requiresSigV4(operation);
  const needed = operation === 'ConfirmDevice' ? 'AccessToken' : admin ? 'UserPoolId' : undefined;
  if (needed !== undefined && typeof members[needed] !== 'string') fail('REQUIRED', `request.${needed}`, `is required by ${operation}`);
  if (!admin && members.UserPoolId !== undefined) fail('UNEXPECTED_FIELD', 'request.UserPoolId', `is not used by ${operation}`);
  return {
    method: 'POST',
    url: urlOf(destination),
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `${TARGET_PREFIX}.${operation}`,
    },
    body,
  };
}

/** The URL of a destination: the endpoint as given (with a trailing `/`), or the region's public endpoint. */
function urlOf(destination: unknown): string {
  const shape = "{ region: 'eu-west-2' } or { endpoint: 'https://…' }";
  if (destination === undefined) return fail('REQUIRED', 'destination', `is required: ${shape}`);
  if (!isRecord(destination)) return fail('INVALID_TYPE', 'destination', `must be ${shape}`);
  const { endpoint, region } = destination;
  if (endpoint !== undefined && region !== undefined) return fail('CONFLICT', 'destination', `must be ${shape}, not both`);
  if (endpoint !== undefined) {
    if (typeof endpoint !== 'string' || !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(endpoint)) return fail('PATTERN', 'endpoint', 'must be an http(s) URL');
    return endpoint.replace(/\/?$/, '/');
  }
  if (region === undefined) return fail('REQUIRED', 'destination', `is required: ${shape}`);
  if (typeof region !== 'string') return fail('INVALID_TYPE', 'region', REGION_RULE);
  return regionEndpoint(region);
}

/**
 * The HTTP request for an operation: awsJson1_1 (POST to `/`, `Content-Type: application/x-amz-json-1.1`,
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, the request as a JSON body).
 *
 * @module
 */
import { RequestValidationError } from './errors.js';
import { MEMBER_ORDER, TARGET_PREFIX, type Operation } from './model.js';

/** Where to send: the region's public endpoint, or an explicit URL (a VPC endpoint, moto, a proxy). */
export type Destination = { region: string } | { endpoint: string } | Record<string, never>;

/** A plain HTTP request, ready for `fetch(url, { method, headers, body })` or a SigV4 signer. */
export interface HttpRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

const ADMIN_OPERATIONS: readonly Operation[] = ['AdminInitiateAuth', 'AdminRespondToAuthChallenge'];

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
  return ADMIN_OPERATIONS.includes(operation);
}

function fail(path: string, code: 'REQUIRED' | 'PATTERN' | 'INVALID_ENUM' | 'UNEXPECTED_FIELD' | 'INVALID_TYPE', message: string): never {
  throw new RequestValidationError([{ code, path, message }]);
}

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
  if (typeof region !== 'string') fail('region', 'INVALID_TYPE', 'region must be a string such as us-east-1');
  if (region.length > 64 || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) fail('region', 'PATTERN', 'region must look like us-east-1');
  return `https://cognito-idp.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}/`;
}

/**
 * Builds the HTTP request for an operation. The region defaults to the one in the user pool id
 * (`eu-west-2_Abc` → `eu-west-2`); public operations carry no pool id, so pass `{ region }` or `{ endpoint }`.
 *
 * Admin operations must then be SigV4-signed (service `cognito-idp`): for example with aws4fetch, which runs in
 * workers and browsers (`new AwsClient({ accessKeyId, secretAccessKey, sessionToken, service: 'cognito-idp',
 * region }).fetch(http.url, http)`), or @smithy/signature-v4. This package bundles no signer.
 *
 * @throws {RequestValidationError} for an unknown operation, a missing or malformed region or endpoint, or a
 *   request whose shape does not fit the operation (a UserPoolId sent to a public operation, ConfirmDevice without
 *   AccessToken)
 * @example
 * ```ts
 * import { AwsClient } from 'aws4fetch';
 * import { buildAdminInitiateAuth, toHttpRequest } from '@cognito-kit/request-builder';
 * const { request } = buildAdminInitiateAuth({ authFlow: 'ADMIN_USER_PASSWORD_AUTH', userPoolId, clientId, username, password });
 * const http = toHttpRequest('AdminInitiateAuth', request, {});
 * const aws = new AwsClient({ accessKeyId, secretAccessKey, service: 'cognito-idp', region: 'eu-west-2' });
 * const response = await aws.fetch(http.url, http);
 * ```
 */
export function toHttpRequest(operation: Operation, request: object, destination: Destination = {}): HttpRequest {
  if (typeof operation !== 'string' || !Object.hasOwn(MEMBER_ORDER, operation)) {
    fail('operation', 'INVALID_ENUM', `operation must be one of ${Object.keys(MEMBER_ORDER).join(', ')}`);
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    fail('request', 'INVALID_TYPE', 'request must be a request object (as the builders return it)');
  }
  if (typeof destination !== 'object' || destination === null) {
    fail('destination', 'INVALID_TYPE', 'destination must be { region }, { endpoint } or {}');
  }
  if (operation === 'ConfirmDevice' && typeof (request as { AccessToken?: unknown }).AccessToken !== 'string') {
    fail('request.AccessToken', 'REQUIRED', 'ConfirmDevice needs AccessToken (the access token of the login that returned the device key)');
  }
  const poolId = (request as { UserPoolId?: unknown }).UserPoolId;
  if (requiresSigV4(operation) && typeof poolId !== 'string') fail('request.UserPoolId', 'REQUIRED', `${operation} needs UserPoolId`);
  if (!requiresSigV4(operation) && poolId !== undefined) {
    fail('request.UserPoolId', 'UNEXPECTED_FIELD', `${operation} has no UserPoolId member (use the Admin operation, or build the public request)`);
  }
  let url: string;
  if ('endpoint' in destination && destination.endpoint !== undefined) {
    const endpoint = destination.endpoint;
    if (typeof endpoint !== 'string' || !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(endpoint)) {
      fail('endpoint', 'PATTERN', 'endpoint must be an http(s) URL such as https://cognito-idp.eu-west-2.amazonaws.com');
    }
    url = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  } else {
    const region = 'region' in destination && destination.region !== undefined ? destination.region : typeof poolId === 'string' ? poolId.split('_')[0]! : undefined;
    if (region === undefined) fail('region', 'REQUIRED', `${operation} carries no user pool id: pass { region } or { endpoint }`);
    url = regionEndpoint(region);
  }
  return {
    method: 'POST',
    url,
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `${TARGET_PREFIX}.${operation}`,
    },
    body: jsonBody(request),
  };
}

/** The body; a request that is not JSON data (a bigint, a cycle) is refused with a typed error. */
function jsonBody(request: object): string {
  try {
    return JSON.stringify(request);
  } catch {
    return fail('request', 'INVALID_TYPE', 'request must be JSON data (as the builders return it)');
  }
}

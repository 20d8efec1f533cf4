/**
 * The HTTP request for an operation: awsJson1_1 (POST to `/`, `Content-Type: application/x-amz-json-1.1`,
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, the request as a JSON body).
 *
 * @module
 */
import { fail } from './errors.js';
import { MEMBER_ORDER, TARGET_PREFIX, type Operation } from './model.js';
import { requestJson } from './validation.js';

/** Where to send: the region's public endpoint, or an explicit URL (a VPC endpoint, moto, a proxy). */
export type Destination = { region: string } | { endpoint: string } | Record<string, never>;

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
    fail(typeof region === 'string' ? 'PATTERN' : 'INVALID_TYPE', 'region', 'must be like us-east-1');
  }
  return `https://cognito-idp.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/`;
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
    fail('INVALID_ENUM', 'operation', `must be one of ${Object.keys(MEMBER_ORDER).join(', ')}`);
  }
  const body = requestJson(request);
  if (typeof destination !== 'object' || destination === null) fail('INVALID_TYPE', 'destination', 'must be an object');
  // ConfirmDevice is authorized by its access token; the Admin operations carry the pool id (and the region in it);
  // the public ones have no such member.
  const admin = requiresSigV4(operation);
  const needed = operation === 'ConfirmDevice' ? 'AccessToken' : admin ? 'UserPoolId' : undefined;
  const members = request as Record<string, unknown>;
  if (needed !== undefined && typeof members[needed] !== 'string') fail('REQUIRED', `request.${needed}`, `is required by ${operation}`);
  if (!admin && members.UserPoolId !== undefined) fail('UNEXPECTED_FIELD', 'request.UserPoolId', `is not used by ${operation}`);
  const { endpoint, region } = destination as { endpoint?: unknown; region?: unknown };
  let url: string;
  if (endpoint !== undefined) {
    if (typeof endpoint !== 'string' || !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(endpoint)) fail('PATTERN', 'endpoint', 'must be an http(s) URL');
    url = endpoint.replace(/\/?$/, '/');
  } else {
    const name = region !== undefined ? region : admin ? (members.UserPoolId as string).split('_')[0] : fail('REQUIRED', 'region', 'is required');
    url = regionEndpoint(name as string);
  }
  return {
    method: 'POST',
    url,
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `${TARGET_PREFIX}.${operation}`,
    },
    body,
  };
}

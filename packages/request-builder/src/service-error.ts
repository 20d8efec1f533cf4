/**
 * Cognito's error replies, classified as the AWS SDK v3 classifies them (`@smithy/core`'s JSON-RPC error code and
 * `service-error-classification`), so code written against the SDK's `error.name` keeps working over `fetch`.
 *
 * @module
 */
import type { Operation } from './model.js';

/**
 * Exception names the AWS SDK retries as throttling (`THROTTLING_ERROR_CODES`) or as transient
 * (`TRANSIENT_ERROR_CODES`); HTTP 429 and every 5xx status are retried too.
 */
const RETRYABLE_NAMES = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** What a {@link CognitoServiceError} is made of. */
export interface CognitoServiceErrorDetails {
  /** The short exception name, such as `NotAuthorizedException`; `Unknown` when the reply names none. */
  name: string;
  message: string;
  /** The HTTP status of the reply. */
  status: number;
  /** The `x-amzn-RequestId` of the reply, for AWS support; undefined when it has none. */
  requestId: string | undefined;
  operation: Operation;
}

/**
 * An error reply of Cognito, or a reply that is not Cognito's JSON. `name` is the short exception name, as the AWS
 * SDK names its errors (`NotAuthorizedException`, `UserNotFoundException`, `TooManyRequestsException`, ...), whether
 * the reply gave it as `__type`, `code` or the `X-Amzn-ErrorType` header, with or without a namespace prefix; a reply
 * that names no exception, or whose body is not Cognito's JSON, is `Unknown`. `retryable` is true where the AWS SDK
 * would retry: throttling (HTTP 429 or a throttling exception), timeouts and every 5xx status.
 *
 * @example
 * ```ts
 * import { CognitoServiceError, buildInitiateAuth, send } from '@cognito-kit/request-builder';
 *
 * const { request } = buildInitiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId: '18u8119jgbpr464n28s1itk2mq', username: 'alice', password: 'wrong' });
 * try {
 *   await send('InitiateAuth', request, { region: 'eu-west-2' });
 * } catch (error) {
 *   if (error instanceof CognitoServiceError && error.name === 'NotAuthorizedException') console.log('wrong password');
 *   else throw error;
 * }
 * ```
 */
export class CognitoServiceError extends Error {
  declare readonly status: number;
  declare readonly requestId: string | undefined;
  declare readonly retryable: boolean;
  /** The operation whose reply this is. */
  declare readonly operation: Operation;

  constructor(details: CognitoServiceErrorDetails) {
    super(details.message);
    this.name = details.name;
    this.status = details.status;
    this.requestId = details.requestId;
    this.operation = details.operation;
    this.retryable = details.status === 429 || (details.status >= 500 && details.status <= 599) || RETRYABLE_NAMES.has(details.name);
  }
}

/**
 * The exception name of an error reply, as the AWS SDK reads it for awsJson1_1: the body's `__type`, else its `code`
 * (any case), else the `X-Amzn-ErrorType` header; then the text before the first `,` and `:`, and after a `#`
 * (`com.amazonaws.cognito#NotAuthorizedException`, `NotAuthorizedException:http://internal.amazon.com/...`).
 */
export function exceptionName(body: Record<string, unknown> | undefined, errorTypeHeader: string | null): string | undefined {
  const codeKey = body === undefined ? undefined : Object.keys(body).find((key) => key.toLowerCase() === 'code');
  const raw = body?.__type ?? (codeKey === undefined ? undefined : body?.[codeKey]) ?? errorTypeHeader ?? undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const name = String(raw).split(',')[0]?.split(':')[0] ?? '';
  const hash = name.indexOf('#');
  const short = hash < 0 ? name : name.slice(hash + 1);
  return short === '' ? undefined : short;
}

/**
 * Copies of requests that are safe to log.
 *
 * @module
 */

/** Members the service model marks sensitive in these requests (and UserContextDataType, sensitive as a whole). */
const SENSITIVE_STRINGS = ['ClientId', 'Session'] as const;
const SENSITIVE_MAPS = ['AuthParameters', 'ChallengeResponses'] as const;
const MASK = '***';

/**
 * Returns a copy of a request with the model's sensitive members masked: ClientId, Session, and every value of
 * AuthParameters and ChallengeResponses (the keys stay, so a log still shows which parameters were sent), and
 * UserContextData; and, beyond the model, the values of ContextData's HTTP headers and its EncodedData (forwarded
 * headers carry cookies and authorization). Other members are copied as they are. The input is not modified.
 *
 * @example
 * ```ts
 * import { buildAdminInitiateAuth, redact } from '@cognito-kit/request-builder';
 * const { request } = buildAdminInitiateAuth({ authFlow: 'ADMIN_USER_PASSWORD_AUTH', userPoolId, clientId, username, password });
 * console.log(JSON.stringify(redact(request)));
 * // {"UserPoolId":"us-east-1_AbC123","ClientId":"***","AuthFlow":"ADMIN_USER_PASSWORD_AUTH",
 * //  "AuthParameters":{"USERNAME":"***","PASSWORD":"***"}}
 * ```
 */
export function redact<T extends object>(request: T): T {
  const copy: Record<string, unknown> = jsonCopy(request);
  for (const key of SENSITIVE_STRINGS) if (copy[key] !== undefined) copy[key] = MASK;
  for (const key of SENSITIVE_MAPS) {
    const map = copy[key];
    if (typeof map === 'object' && map !== null) {
      copy[key] = Object.fromEntries(Object.keys(map).map((name) => [name, MASK]));
    }
  }
  if (copy.UserContextData !== undefined) copy.UserContextData = MASK;
  // Not sensitive in the model, but forwarded headers carry cookies and authorization: keep only their names.
  const context = copy.ContextData as { HttpHeaders?: { headerName?: string; headerValue?: string }[]; EncodedData?: string } | undefined;
  if (context !== undefined) {
    if (Array.isArray(context.HttpHeaders)) {
      context.HttpHeaders = context.HttpHeaders.map((header) => ({ ...header, headerValue: MASK }));
    }
    if (context.EncodedData !== undefined) context.EncodedData = MASK;
  }
  return copy as T;
}

/** A deep copy through JSON: requests are JSON data, and this drops nothing that goes on the wire. */
function jsonCopy<T>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

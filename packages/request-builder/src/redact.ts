/**
 * Copies of requests (and responses) that are safe to log.
 *
 * @module
 */
import { isRecord, wireRequest } from './validation.js';

/**
 * Top-level members masked whole. From the service model's `sensitive` trait: ClientId (ClientIdType), Session
 * (SessionType), AccessToken (TokenModelType, ConfirmDevice) and UserContextData (UserContextDataType).
 */
const SENSITIVE_STRINGS = ['ClientId', 'Session', 'AccessToken', 'UserContextData'] as const;
/**
 * Maps whose values are masked and keys kept: AuthParametersType and ChallengeResponsesType are sensitive as a
 * whole (they carry PASSWORD, SRP_A, SECRET_HASH, REFRESH_TOKEN, PASSWORD_CLAIM_SIGNATURE, NEW_PASSWORD, MFA codes).
 */
const SENSITIVE_MAPS = ['AuthParameters', 'ChallengeResponses'] as const;
/** Members of AuthenticationResultType (a response) that are TokenModelType, sensitive. */
const TOKENS = ['AccessToken', 'IdToken', 'RefreshToken'] as const;
const MASK = '***';

/**
 * Returns a copy of a request with the model's sensitive members masked: ClientId, Session, AccessToken
 * (ConfirmDevice), UserContextData, and every value of AuthParameters and ChallengeResponses (the keys stay, so a
 * log still shows which parameters were sent). Beyond the model, also masked: the values of ContextData's HTTP
 * headers and its EncodedData (forwarded headers carry cookies and authorization), and ConfirmDevice's
 * DeviceSecretVerifierConfig.PasswordVerifier (a verifier lets anyone who has it test device-password guesses
 * offline; the Salt is kept). A response passed here has its AuthenticationResult tokens (AccessToken, IdToken,
 * RefreshToken) and Session masked too. Other members are copied as they are: ClientMetadata, AnalyticsMetadata,
 * UserPoolId, AuthFlow, ChallengeName, DeviceKey, DeviceName and ChallengeParameters (not sensitive in the model).
 * The input is not modified.
 *
 * @throws {RequestValidationError} `INVALID_TYPE` when `request` is not an object of JSON data (requests are)
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
  // A deep copy through JSON: requests are JSON data, and this drops nothing that goes on the wire. JSON.parse makes
  // `__proto__` an own member, so a hostile key cannot reach a prototype.
  const copy = wireRequest(request).members;
  for (const key of SENSITIVE_MAPS) {
    const map = copy[key];
    if (isRecord(map)) mask(map, Object.keys(map));
    else mask(copy, [key]);
  }
  mask(copy, SENSITIVE_STRINGS);
  // Not sensitive in the model, but forwarded headers carry cookies and authorization: keep only their names.
  const context = copy.ContextData;
  if (isRecord(context)) {
    if (Array.isArray(context.HttpHeaders)) {
      context.HttpHeaders = context.HttpHeaders.map((header: unknown) => (isRecord(header) ? { ...header, headerValue: MASK } : MASK));
    }
    mask(context, ['EncodedData']);
  } else {
    mask(copy, ['ContextData']);
  }
  mask(copy.DeviceSecretVerifierConfig, ['PasswordVerifier']);
  mask(copy.AuthenticationResult, TOKENS);
  return copy as T;
}

/** Masks the members of `record` named in `keys` that it has (when it is an object). */
function mask(record: unknown, keys: readonly string[]): void {
  if (isRecord(record)) for (const key of keys) if (record[key] !== undefined) record[key] = MASK;
}

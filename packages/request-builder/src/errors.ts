/**
 * The one error class of `@cognito-kit/request-builder`: every rule a request breaks, collected in one throw.
 *
 * @module
 */

/**
 * Stable codes of a validation issue.
 *
 * - `REQUIRED`: a member the model (or the flow) requires is missing.
 * - `INVALID_TYPE`: a member has the wrong type (a number for a string, an array for a map, ...).
 * - `TOO_SHORT` / `TOO_LONG`: a string's length in Unicode code points is outside the model's range.
 * - `PATTERN`: a string does not match the model's (anchored) pattern.
 * - `INVALID_ENUM`: an `authFlow` outside the model's AuthFlowType, or a flow this operation does not take.
 * - `UNEXPECTED_FIELD`: an input member this flow does not use (it would be silently dropped otherwise).
 * - `USERNAME_REQUIRED_FOR_SECRET_HASH`: refresh with a client secret, but no username to hash.
 * - `CONFLICT`: members that contradict each other (a password with `preferredChallenge: 'PASSWORD_SRP'`, ...).
 * - `INVALID_SRP_SESSION`: `srpSession` is not a session made by `@cognito-kit/srp`.
 * - `SRP_SESSION_ALREADY_USED`: `srpSession` has answered a challenge already (an SRP session answers one).
 * - `INVALID_CHALLENGE`: challenge parameters that cannot be answered (missing SALT, B = 0 mod N, ...).
 */
export type ValidationCode =
  | 'REQUIRED'
  | 'INVALID_TYPE'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'PATTERN'
  | 'INVALID_ENUM'
  | 'UNEXPECTED_FIELD'
  | 'USERNAME_REQUIRED_FOR_SECRET_HASH'
  | 'CONFLICT'
  | 'INVALID_SRP_SESSION'
  | 'SRP_SESSION_ALREADY_USED'
  | 'INVALID_CHALLENGE';

/** One broken rule: where (`path`, as written in the input), which rule (`code`) and why (`message`). */
export interface ValidationIssue {
  readonly code: ValidationCode;
  /** The input path, such as `contextData.httpHeaders[2].headerName` or `clientMetadata["k"]`. */
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown by every builder when the input breaks the Cognito API model. `issues` lists every violation found;
 * `code`, `path` and `message` repeat the first for convenience. Messages describe values by their length and
 * shape, never by their content, so no secret or password is repeated.
 *
 * @example
 * ```ts
 * import { RequestValidationError, buildAdminInitiateAuth } from '@cognito-kit/request-builder';
 * try {
 *   buildAdminInitiateAuth(input);
 * } catch (error) {
 *   if (error instanceof RequestValidationError) {
 *     for (const issue of error.issues) console.error(`${issue.path}: ${issue.code}: ${issue.message}`);
 *   }
 * }
 * ```
 */
export class RequestValidationError extends Error {
  // Declared (assigned in the constructor), so no field initializers are emitted for them.
  declare readonly code: ValidationCode;
  declare readonly path: string;
  declare readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more: ${issues.slice(1).map((i) => i.path).join(', ')})` : '';
    super(`${first.path}: ${first.message}${more}`);
    this.name = 'RequestValidationError';
    this.code = first.code;
    this.path = first.path;
    this.issues = issues;
  }
}

/** Throws a RequestValidationError of one issue; its message is `path` followed by `text`. */
export function fail(code: ValidationCode, path: string, text: string): never {
  throw new RequestValidationError([{ code, path, message: `${path} ${text}` }]);
}

/**
 * awsJson1_1 as Cognito speaks it, on Request/Response only: `POST /` with `X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Op>`, JSON bodies, and errors as HTTP 400 with `{"__type","message"}`,
 * `x-amzn-ErrorType: <Type>:` (trailing colon), `x-amzn-ErrorMessage` and `x-amzn-RequestId` (COGNITO-SERVER.md §2).
 *
 * @module
 */

/** A JSON object as it came in or goes out. */
export type Body = Record<string, unknown>;

/** An operation of the endpoint. */
export interface Operation {
  /** Admin* operations need SigV4 (an `Authorization: AWS4-HMAC-SHA256 …` header). */
  readonly signed: boolean;
  /** Members that must be present ("Member must not be null"). */
  readonly required: readonly string[];
  handle(body: Body): Body | Promise<Body>;
}

/** Every call the endpoint received, for assertions. */
export interface Call {
  operation: string;
  body: Record<string, unknown>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** Coral's namespace, which the framework-level errors (unknown operation, no signature, bad JSON) carry. */
const CORAL = 'com.amazon.coral.service#';

/** An error Cognito answers with. `type` is the wire `__type`; `message` is left out of the body when undefined. */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    readonly wireMessage: string | undefined,
    readonly status = 400,
  ) {
    super(wireMessage ?? type);
    this.name = 'CognitoError';
  }

  /** The type without a namespace, as clients sanitize it and `x-amzn-ErrorType` carries it. */
  get shortType(): string {
    return this.type.slice(this.type.indexOf('#') + 1);
  }
}

export const notAuthorized = (message: string): CognitoError => new CognitoError('NotAuthorizedException', message);
export const invalidParameter = (message: string): CognitoError => new CognitoError('InvalidParameterException', message);
/** Cognito's message for a missing AuthParameters / ChallengeResponses key, e.g. `Missing required parameter SRP_A`. */
export const missingParameter = (name: string): CognitoError => invalidParameter(`Missing required parameter ${name}`);
export const resourceNotFound = (message: string): CognitoError => new CognitoError('ResourceNotFoundException', message);
const coral = (type: string, message?: string): CognitoError => new CognitoError(CORAL + type, message);

/** One failed constraint; `value` null is shown as `Value null`, undefined (a sensitive member) as `Value`. */
export interface ValidationFailure {
  member: string;
  value: string | null | undefined;
  constraint: string;
}

/**
 * Coral's validation message for members: `1 validation error detected: Value null at 'authFlow' failed to
 * satisfy constraint: Member must not be null` (member names in lower camel case; observed for Cognito in
 * boto/boto3#3581).
 */
export function validationError(failures: readonly ValidationFailure[]): CognitoError {
  const count = failures.length === 1 ? '1 validation error' : `${failures.length} validation errors`;
  const parts = failures.map(({ member, value, constraint }) => {
    const shown = value === undefined ? 'Value' : value === null ? 'Value null' : `Value '${value}'`;
    return `${shown} at '${member.charAt(0).toLowerCase()}${member.slice(1)}' failed to satisfy constraint: ${constraint}`;
  });
  return invalidParameter(`${count} detected: ${parts.join('; ')}`);
}

/** Refuses an enum member outside its value set, as Coral does. */
export function assertEnum(member: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) {
    throw validationError([{ member, value, constraint: `Member must satisfy enum value set: [${allowed.join(', ')}]` }]);
  }
}

/** A string member, or undefined when absent; another JSON type is a SerializationException. */
export function stringMember(body: Body, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw coral('SerializationException', `${name} must be a string`);
  return value;
}

/** A map<string,string> member (AuthParameters, ChallengeResponses), `{}` when absent. */
export function stringMap(body: Body, name: string): Readonly<Record<string, string>> {
  const value = body[name];
  if (value === undefined || value === null) return {};
  if (!isStringMap(value)) throw coral('SerializationException', `${name} must be a map of strings`);
  return value;
}

/** Answers one HTTP request: routing, SigV4 presence, JSON, required members, then the operation. */
export async function serve(request: Request, operations: ReadonlyMap<string, Operation>, calls: Call[]): Promise<Response> {
  const requestId = crypto.randomUUID();
  try {
    const target = request.headers.get('x-amz-target') ?? '';
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    const text = await request.text();
    const body = parseJson(text);
    calls.push({ operation: name, body: body ?? {} });
    const operation = target.startsWith(TARGET_PREFIX) ? operations.get(name) : undefined;
    if (operation === undefined) throw coral('UnknownOperationException');
    // Unsigned Admin* calls: Coral's body, as DynamoDB sends it (COGNITO-SERVER.md §2; Cognito's exact body was not found).
    if (operation.signed && !(request.headers.get('authorization') ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
      throw coral('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
    }
    if (body === undefined) throw coral('SerializationException');
    const missing = operation.required.filter((member) => body[member] === undefined || body[member] === null);
    if (missing.length > 0) {
      throw validationError(missing.map((member) => ({ member, value: null, constraint: 'Member must not be null' })));
    }
    return reply(200, await operation.handle(body), requestId);
  } catch (error) {
    const refusal = error instanceof CognitoError ? error : new CognitoError('InternalErrorException', `test pool bug: ${String(error)}`, 500);
    return refuse(refusal, requestId);
  }
}

function parseJson(text: string): Body | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((item) => typeof item === 'string');
}

function headers(requestId: string): Headers {
  return new Headers({
    'Content-Type': CONTENT_TYPE,
    'x-amzn-RequestId': requestId,
    'Access-Control-Expose-Headers': 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date',
  });
}

function reply(status: number, body: Body, requestId: string): Response {
  return new Response(JSON.stringify(body), { status, headers: headers(requestId) });
}

function refuse(error: CognitoError, requestId: string): Response {
  const out = headers(requestId);
  out.set('x-amzn-ErrorType', `${error.shortType}:`);
  // A header holds printable ASCII only; messages that echo client input may not be.
  if (error.wireMessage !== undefined && /^[\x20-\x7e]*$/.test(error.wireMessage)) out.set('x-amzn-ErrorMessage', error.wireMessage);
  const body = error.wireMessage === undefined ? { __type: error.type } : { __type: error.type, message: error.wireMessage };
  return new Response(JSON.stringify(body), { status: error.status, headers: out });
}

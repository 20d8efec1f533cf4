/**
 * One builder for the five operations: the members the requests share (UserPoolId, ClientId, ClientMetadata,
 * AnalyticsMetadata, Session, ContextData / UserContextData, and ConfirmDevice's AccessToken, DeviceKey and
 * DeviceName), validated against the model and put in wire form around what the flow, the challenge or the device
 * verifier adds (a "part").
 *
 * @module
 */
import { RequestValidationError, fail } from './errors.js';
import { MEMBER_ORDER, SHAPES, inMemberOrder, type Operation, type StringShape } from './model.js';
import { isRecord, obj, onlyFields, str, stringMap, add, type Issues } from './validation.js';

/**
 * What a part adds: its wire members, the Session of the previous response (sent unless the input gives `session`),
 * and what the builder returns beside the request (`srpSession`, `devicePassword`).
 */
export type Part = Record<string, unknown>;

/**
 * Validates the part's own members of `input` (the issues go to `v`) and, when everything is valid, builds them.
 * `common` lists the input members validated here already, which the part must not report as unexpected; `admin`
 * tells the Admin operation from the public one.
 */
export type PartBuilder = (input: Record<string, unknown>, v: Issues, common: readonly string[], admin: boolean, operation: Operation) => Part | undefined;

/** The shared string members that are required (UserPoolId, ClientId and ConfirmDevice's DeviceKey). */
const REQUIRED = ['UserPoolId', 'ClientId', 'DeviceKey'];

/** ContextDataType: the first four members are required. Wire names are the input names capitalized. */
const CONTEXT_DATA = ['ipAddress', 'serverName', 'serverPath', 'httpHeaders', 'encodedData'];
/** UserContextDataType of the public operations: both members optional. */
const USER_CONTEXT_DATA = ['ipAddress', 'encodedData'];
/** HttpHeader: both required; the model spells these wire names in lower camel case too. */
const HTTP_HEADER = ['headerName', 'headerValue'];

/**
 * A structure of strings (and ContextData's HttpHeaders list) in wire form: the first `required` names are
 * required. Its output is only used when no issue was found, so an invalid member may leave it partial.
 */
function struct(v: Issues, value: unknown, path: string, names: readonly string[], required: number): Record<string, unknown> | undefined {
  const input = obj(v, value, path);
  if (input === undefined) return undefined;
  onlyFields(v, input, names, `in ${path}`, path);
  const out: Record<string, unknown> = {};
  names.forEach((name, index) => {
    const memberPath = `${path}.${name}`;
    const member = name === 'httpHeaders' ? httpHeaders(v, input[name], memberPath) : str(v, input[name], memberPath, SHAPES.StringType, index < required);
    if (member !== undefined) out[names === HTTP_HEADER ? name : name[0]!.toUpperCase() + name.slice(1)] = member;
  });
  return out;
}

function httpHeaders(v: Issues, value: unknown, path: string): unknown[] | undefined {
  if (value === undefined) return add(v, 'REQUIRED', path, 'is required');
  if (!Array.isArray(value)) return add(v, 'INVALID_TYPE', path, 'must be an array');
  const out: unknown[] = [];
  // forEach, as before: a hole of a sparse array is skipped, not reported.
  value.forEach((header: unknown, index) => out.push(struct(v, header, `${path}[${index}]`, HTTP_HEADER, 2)));
  return out;
}

/**
 * Builds the request of `operation`: the shared members of its MEMBER_ORDER, then `part`; in the SDK's member order,
 * with no undefined members. Throws every issue found at once.
 *
 * @returns the request, with the part's `srpSession` or `devicePassword` when it has one
 */
export function buildRequest<Result extends { request: object }>(operation: Operation, input: unknown, part: PartBuilder): Result {
  if (!isRecord(input)) fail('INVALID_TYPE', 'input', 'must be an object');
  const v: Issues = [];
  const members: Record<string, unknown> = {};
  const common: string[] = [];
  for (const wire of MEMBER_ORDER[operation]) {
    const key = wire === 'AnalyticsMetadata' ? 'analyticsEndpointId' : wire[0]!.toLowerCase() + wire.slice(1);
    const value = input[key];
    // The model names a member's shape after it (UserPoolId: UserPoolIdType), but for AccessToken (TokenModelType).
    const shape = wire === 'AccessToken' ? SHAPES.TokenModelType : (SHAPES as Record<string, StringShape>)[`${wire}Type`];
    if (shape !== undefined) {
      members[wire] = str(v, value, key, shape, REQUIRED.includes(wire));
    } else if (wire === 'ClientMetadata') {
      members[wire] = stringMap(v, value, key);
    } else if (wire === 'AnalyticsMetadata') {
      const id = str(v, value, key, SHAPES.StringType);
      members[wire] = id === undefined ? undefined : { AnalyticsEndpointId: id };
    } else if (wire.endsWith('ContextData')) {
      const admin = wire === 'ContextData';
      members[wire] = value === undefined ? undefined : struct(v, value, key, admin ? CONTEXT_DATA : USER_CONTEXT_DATA, admin ? 4 : 0);
    } else {
      continue; // AuthFlow, AuthParameters, ChallengeName, ChallengeResponses, DeviceSecretVerifierConfig: the part's
    }
    common.push(key);
  }
  const built = part(input, v, common, operation.startsWith('Admin'), operation);
  if (v.length > 0) throw new RequestValidationError(v);
  const request = inMemberOrder({ ...built, ...members, Session: members.Session ?? built!.Session }, MEMBER_ORDER[operation]);
  return { request, ...inMemberOrder<{ srpSession?: unknown; devicePassword?: unknown }>(built!, ['srpSession', 'devicePassword']) } as Result;
}

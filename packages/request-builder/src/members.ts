/**
 * The members the requests share, read from a builder's input and checked against the model: ClientMetadata,
 * AnalyticsMetadata, ContextData (Admin operations) and UserContextData (public operations). The builders read the
 * plain string members (UserPoolId, ClientId, Session) themselves, with the shape named where it is read.
 *
 * @module
 */
import { SHAPES } from './model.js';
import type { AnalyticsMetadataType, ContextDataType, HttpHeader, UserContextDataType } from './requests.js';
import { add, obj, onlyFields, requiredStr, str, stringMap, type Issues } from './validation.js';

/** `clientMetadata`: ClientMetadataType, a map of strings for Lambda triggers. */
export function readClientMetadata(issues: Issues, value: unknown): Record<string, string> | undefined {
  return stringMap(issues, value, 'clientMetadata');
}

/** `analyticsEndpointId` as AnalyticsMetadataType. */
export function readAnalyticsMetadata(issues: Issues, value: unknown): AnalyticsMetadataType | undefined {
  const endpointId = str(issues, value, 'analyticsEndpointId', SHAPES.StringType);
  return endpointId === undefined ? undefined : { AnalyticsEndpointId: endpointId };
}

/** `contextData` as ContextDataType: IpAddress, ServerName, ServerPath and HttpHeaders are required, EncodedData not. */
export function readContextData(issues: Issues, value: unknown): ContextDataType | undefined {
  if (value === undefined) return undefined;
  const input = obj(issues, value, 'contextData');
  if (input === undefined) return undefined;
  onlyFields(issues, input, ['ipAddress', 'serverName', 'serverPath', 'httpHeaders', 'encodedData'], 'in contextData', 'contextData');
  const context: ContextDataType = {
    IpAddress: requiredStr(issues, input.ipAddress, 'contextData.ipAddress', SHAPES.StringType),
    ServerName: requiredStr(issues, input.serverName, 'contextData.serverName', SHAPES.StringType),
    ServerPath: requiredStr(issues, input.serverPath, 'contextData.serverPath', SHAPES.StringType),
    HttpHeaders: readHttpHeaders(issues, input.httpHeaders, 'contextData.httpHeaders'),
  };
  const encodedData = str(issues, input.encodedData, 'contextData.encodedData', SHAPES.StringType);
  if (encodedData !== undefined) context.EncodedData = encodedData;
  return context;
}

/** ContextData's HttpHeaders: a list of `{ headerName, headerValue }`, both required (lower camel on the wire too). */
function readHttpHeaders(issues: Issues, value: unknown, path: string): HttpHeader[] {
  if (!Array.isArray(value)) {
    if (value === undefined) add(issues, 'REQUIRED', path, 'is required');
    else add(issues, 'INVALID_TYPE', path, 'must be an array');
    return [];
  }
  const headers: HttpHeader[] = [];
  // forEach: a hole of a sparse array is skipped, not reported.
  value.forEach((header: unknown, index) => {
    const headerPath = `${path}[${index}]`;
    const input = obj(issues, header, headerPath);
    if (input === undefined) return;
    onlyFields(issues, input, ['headerName', 'headerValue'], `in ${headerPath}`, headerPath);
    headers.push({
      headerName: requiredStr(issues, input.headerName, `${headerPath}.headerName`, SHAPES.StringType),
      headerValue: requiredStr(issues, input.headerValue, `${headerPath}.headerValue`, SHAPES.StringType),
    });
  });
  return headers;
}

/** `userContextData` as UserContextDataType: both members optional. */
export function readUserContextData(issues: Issues, value: unknown): UserContextDataType | undefined {
  if (value === undefined) return undefined;
  const input = obj(issues, value, 'userContextData');
  if (input === undefined) return undefined;
  onlyFields(issues, input, ['ipAddress', 'encodedData'], 'in userContextData', 'userContextData');
  const context: UserContextDataType = {};
  const ipAddress = str(issues, input.ipAddress, 'userContextData.ipAddress', SHAPES.StringType);
  if (ipAddress !== undefined) context.IpAddress = ipAddress;
  const encodedData = str(issues, input.encodedData, 'userContextData.encodedData', SHAPES.StringType);
  if (encodedData !== undefined) context.EncodedData = encodedData;
  return context;
}

/**
 * `{ [key]: value }` when `value` is defined, else `{}`: spread into a request literal, in the SDK's member order
 * (MEMBER_ORDER), so an absent member is left out rather than sent as undefined.
 */
export function member<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
  const present: { [K in Key]?: Value } = {};
  if (value !== undefined) present[key] = value;
  return present;
}

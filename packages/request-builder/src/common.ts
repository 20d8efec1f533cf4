/**
 * The members every request shares (ClientMetadata, AnalyticsMetadata, ContextData / UserContextData, Session),
 * validated against the model and turned into their wire shape, with no `undefined` members.
 *
 * @module
 */
import { SHAPES } from './model.js';
import type { ContextDataType, HttpHeader } from './types.js';
import { childPath, type Validator } from './validation.js';

/** The optional members shared by every operation, in wire form. */
export interface SharedMembers {
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: { AnalyticsEndpointId?: string };
  Session?: string;
}

export function sharedMembers(input: Record<string, unknown>, v: Validator): SharedMembers {
  const out: SharedMembers = {};
  const metadata = v.stringMap(input.clientMetadata, 'clientMetadata', SHAPES.StringType);
  if (metadata !== undefined) out.ClientMetadata = metadata;
  const endpoint = v.string(input.analyticsEndpointId, 'analyticsEndpointId', SHAPES.StringType, false);
  if (endpoint !== undefined) out.AnalyticsMetadata = { AnalyticsEndpointId: endpoint };
  const session = v.string(input.session, 'session', SHAPES.SessionType, false);
  if (session !== undefined) out.Session = session;
  return out;
}

/** ContextDataType: IpAddress, ServerName, ServerPath and HttpHeaders are required by the model. */
export function contextData(value: unknown, v: Validator): ContextDataType | undefined {
  if (value === undefined) return undefined;
  const input = v.object(value, 'contextData');
  if (input === undefined) return undefined;
  v.onlyFields(input, ['ipAddress', 'serverName', 'serverPath', 'httpHeaders', 'encodedData'], 'contextData', 'in ContextDataType');
  const IpAddress = v.string(input.ipAddress, 'contextData.ipAddress', SHAPES.StringType, true);
  const ServerName = v.string(input.serverName, 'contextData.serverName', SHAPES.StringType, true);
  const ServerPath = v.string(input.serverPath, 'contextData.serverPath', SHAPES.StringType, true);
  const HttpHeaders = httpHeaders(input.httpHeaders, v);
  const EncodedData = v.string(input.encodedData, 'contextData.encodedData', SHAPES.StringType, false);
  if (IpAddress === undefined || ServerName === undefined || ServerPath === undefined || HttpHeaders === undefined) return undefined;
  const out: ContextDataType = { IpAddress, ServerName, ServerPath, HttpHeaders };
  if (EncodedData !== undefined) out.EncodedData = EncodedData;
  return out;
}

function httpHeaders(value: unknown, v: Validator): HttpHeader[] | undefined {
  const path = 'contextData.httpHeaders';
  if (value === undefined) {
    v.add('REQUIRED', path, `${path} is required (ContextDataType.HttpHeaders)`);
    return undefined;
  }
  if (!Array.isArray(value)) {
    v.add('INVALID_TYPE', path, `${path} must be an array of { headerName, headerValue }`);
    return undefined;
  }
  const out: HttpHeader[] = [];
  value.forEach((entry: unknown, index) => {
    const entryPath = childPath(path, index);
    const header = v.object(entry, entryPath);
    if (header === undefined) return;
    v.onlyFields(header, ['headerName', 'headerValue'], entryPath, 'in HttpHeader');
    const headerName = v.string(header.headerName, `${entryPath}.headerName`, SHAPES.StringType, true);
    const headerValue = v.string(header.headerValue, `${entryPath}.headerValue`, SHAPES.StringType, true);
    if (headerName !== undefined && headerValue !== undefined) out.push({ headerName, headerValue });
  });
  return out;
}

/** UserContextDataType of the public operations: IpAddress and EncodedData, both optional. */
export function userContextData(value: unknown, v: Validator): { IpAddress?: string; EncodedData?: string } | undefined {
  if (value === undefined) return undefined;
  const input = v.object(value, 'userContextData');
  if (input === undefined) return undefined;
  v.onlyFields(input, ['ipAddress', 'encodedData'], 'userContextData', 'in UserContextDataType');
  const out: { IpAddress?: string; EncodedData?: string } = {};
  const ip = v.string(input.ipAddress, 'userContextData.ipAddress', SHAPES.StringType, false);
  if (ip !== undefined) out.IpAddress = ip;
  const encoded = v.string(input.encodedData, 'userContextData.encodedData', SHAPES.StringType, false);
  if (encoded !== undefined) out.EncodedData = encoded;
  return out;
}

// Coverage tags derived from a vector's actual values, in the public file's vocabulary
// ("A:padHex-00-prefix", "S:leading-zero-byte", "salt:odd-length-string", ...), so a tag is true by construction.
import { padHex } from './reference.mjs';

/** Tags for an integer that is normally `bits` wide (3072 for A, B, S, v; 256 for u, x). */
function integerTags(name, hex, bits) {
  const value = BigInt('0x' + hex);
  const tags = [];
  const padded = padHex(value);
  if (padded.length > 2 && padded.startsWith('00')) tags.push(`${name}:padHex-00-prefix`);
  if (value.toString(16).length % 2 === 1) tags.push(`${name}:odd-hex-length`);
  if (value < 1n << BigInt(bits - 8)) tags.push(`${name}:leading-zero-byte`);
  if (value < 1n << BigInt(bits - 9)) tags.push(`${name}:below-2^${bits - 9}`);
  return tags;
}

/** Tags for a hex string exactly as the server sent it. */
function stringTags(name, text) {
  const tags = [];
  const canonical = BigInt('0x' + text).toString(16);
  if (text !== canonical) tags.push(`${name}:non-canonical-string`);
  if (/[A-F]/.test(text)) tags.push(`${name}:upper-case`);
  if (text.length % 2 === 1) tags.push(`${name}:odd-length-string`);
  if (text.length > 1 && text.startsWith('00')) tags.push(`${name}:string-leading-zero-byte`);
  else if (text.length > 1 && text.startsWith('0')) tags.push(`${name}:string-leading-zero-nibble`);
  return tags;
}

/** TIMESTAMP edges of an instant. */
export function timestampTags(epochMs) {
  const d = new Date(epochMs);
  const tags = [];
  const hms = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].join(':');
  if (d.getUTCDate() < 10) tags.push('timestamp:single-digit-day');
  if (hms === '0:0:0') tags.push('timestamp:midnight');
  if (hms === '23:59:59') tags.push('timestamp:23:59:59');
  if (d.getUTCMonth() === 1 && d.getUTCDate() === 29) tags.push('timestamp:leap-day');
  if (d.getUTCMonth() === 11 && d.getUTCDate() === 31 && hms === '23:59:59') tags.push('timestamp:year-end');
  if (d.getUTCMilliseconds() === 999) tags.push('timestamp:ms-999-truncated');
  if (epochMs >= 2 ** 31 * 1000) tags.push('timestamp:2038+');
  return tags;
}

const nonAscii = (...texts) => texts.some((t) => typeof t === 'string' && /[^\x00-\x7f]/.test(t));

/** Value-derived tags for srp / device_srp vectors. */
export function srpTags(input, expected) {
  return [
    ...integerTags('A', expected.A, 3072),
    ...integerTags('B', expected.padHexB, 3072),
    ...integerTags('S', expected.S, 3072),
    ...integerTags('u', expected.u, 256),
    ...integerTags('x', expected.x, 256),
    ...(expected.padHexSalt.length > 2 && expected.padHexSalt.startsWith('00') ? ['salt:padHex-00-prefix'] : []),
    ...stringTags('salt', input.salt),
    ...stringTags('B', input.B),
    ...timestampTags(input.timestampEpochMs),
    ...(nonAscii(input.username, input.userIdForSrp, input.password, input.deviceGroupKey, input.deviceKey) ? ['non-ascii'] : []),
  ];
}

/** Value-derived tags for device_verifier vectors. */
export function verifierTags(input, expected) {
  const saltBytes = expected.saltHex.length / 2;
  return [
    `salt:${saltBytes}-bytes`,
    ...(input.saltRandomHex.startsWith('00') ? ['salt:random-leading-zero-byte'] : []),
    ...integerTags('verifier', expected.verifierHex, 3072),
    ...integerTags('x', expected.x, 256),
    ...(nonAscii(input.deviceGroupKey, input.deviceKey) ? ['non-ascii'] : []),
  ];
}

/** Explicit tags first (in the order given), then derived ones sorted; no duplicates. */
export const mergeTags = (explicit, derived) => [...new Set([...explicit, ...[...derived].sort()])];

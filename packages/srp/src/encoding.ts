/**
 * Byte encodings on Web APIs only: UTF-8 through `TextEncoder`, and strict hex and base64 written here so that no
 * `Buffer`, `atob` quirk or lenient decoder can turn a malformed server value into a silently wrong signature.
 *
 * @module
 */
import { SrpError, type SrpErrorCode } from './errors.js';

const utf8Encoder = /* @__PURE__ */ new TextEncoder();

/** UTF-8 bytes of a string, exactly as Java's `getBytes(UTF_8)` and Node's `Buffer.from(s, 'utf8')` give them. */
export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Writes the UTF-8 bytes of `text` at the start of `bytes` (which must have room) and returns how many. */
export function utf8Into(text: string, bytes: Uint8Array): number {
  return utf8Encoder.encodeInto(text, bytes).written;
}

/** True for a `Uint8Array` (a `Buffer` too), also one made in another realm (a vm context, an iframe). */
export function isBytes(value: unknown): value is Uint8Array {
  return (
    value instanceof Uint8Array ||
    (ArrayBuffer.isView(value) && (value as { constructor?: { name?: string } }).constructor?.name === 'Uint8Array')
  );
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Lower-case hex of bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += (byte < 16 ? '0' : '') + byte.toString(16);
  return out;
}

const EVEN_LENGTH_HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Bytes of an even-length hex string (either case). Internal values only: server input goes through
 * {@link parseUnsignedHex}, which says which field was wrong.
 */
export function hexToBytes(hex: string): Uint8Array {
  if (!EVEN_LENGTH_HEX.test(hex)) throw new SrpError('INVALID_HEX', 'not an even-length hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (hexDigit(hex.charCodeAt(2 * i)) << 4) | hexDigit(hex.charCodeAt(2 * i + 1));
  return out;
}

/**
 * The value of a hex digit already checked to be one: the low four bits, plus 9 for a letter (a-f and A-F are 0x61-66
 * and 0x41-46, bit 6 set; the digits 0x30-39 are below 0x40). Ten times faster than parseInt of each pair.
 */
function hexDigit(code: number): number {
  return (code & 15) + (code >> 6) * 9;
}

const UNSIGNED_HEX = /^[0-9a-fA-F]+$/;

/**
 * Reads a server-sent hex number (SRP_B, SALT, SRP_A) as an unsigned integer, as the reference clients do:
 * case, odd length and leading zeros are not significant. Anything but hex digits (a sign, `0x`, spaces, other
 * letters) is refused, where jsbn-based clients silently skip or misread the character.
 *
 * @throws {SrpError} with `code` (default `INVALID_HEX`) when `text` is empty or not plain hex.
 *
 * @example
 * ```ts
 * import { parseUnsignedHex } from '@cognito-kit/srp';
 * parseUnsignedHex('00AbC', 'SALT', 'INVALID_SALT'); // 2748n
 * parseUnsignedHex('0x1f', 'SRP_B');                 // throws SrpError INVALID_HEX
 * ```
 */
export function parseUnsignedHex(text: unknown, field: string, code: SrpErrorCode = 'INVALID_HEX'): bigint {
  if (typeof text !== 'string') {
    throw new SrpError(code === 'INVALID_HEX' ? 'INVALID_ARGUMENT' : code, `${field} must be a hex string`, field);
  }
  if (!UNSIGNED_HEX.test(text)) {
    const what = text.length === 0 ? 'is empty' : 'is not unsigned hex (only 0-9, a-f, A-F)';
    throw new SrpError(code, `${field} ${what}`, field);
  }
  return BigInt('0x' + text);
}

/** Bytes of a non-negative integer, big-endian, minimal length (at least one byte). */
export function bigintToBytes(value: bigint): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2 !== 0) hex = '0' + hex;
  return hexToBytes(hex);
}

/** A non-negative integer from big-endian unsigned bytes. */
export function bytesToBigint(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt('0x' + bytesToHex(bytes));
}

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = /* @__PURE__ */ (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64_ALPHABET.length; i++) table[B64_ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Standard base64 with `=` padding (RFC 4648 §4), as Cognito and Java's `Base64.getEncoder()` write it. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    // Missing bytes of the last group read as 0 (undefined << 8 is 0) and their characters become '='.
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64_ALPHABET[n >> 18]! + B64_ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64_ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64_ALPHABET[n & 63]! : '=';
  }
  return out;
}

/**
 * Decodes standard base64 (RFC 4648 §4). Padding may be omitted, but where present it must be right; the URL-safe
 * alphabet, whitespace, a dangling character and non-zero unused bits are refused (each would let two different
 * strings stand for the same bytes, or hide a truncated value).
 *
 * @throws {SrpError} with `code` (default `INVALID_BASE64`) when `text` is not canonical standard base64.
 */
export function base64ToBytes(text: unknown, field: string, code: SrpErrorCode = 'INVALID_BASE64'): Uint8Array {
  if (typeof text !== 'string') throw new SrpError(code, `${field} must be a base64 string`, field);
  let end = text.length;
  if (end % 4 === 0 && end > 0) {
    if (text.charCodeAt(end - 1) === 61) end--; // '='
    if (text.charCodeAt(end - 1) === 61) end--;
  }
  if (end % 4 === 1) throw new SrpError(code, `${field} is not valid base64 (wrong length)`, field);
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_VALUE[c]! : -1;
    if (v < 0) throw new SrpError(code, `${field} is not valid base64 (character ${i + 1} is outside A-Z a-z 0-9 + /)`, field);
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) {
    throw new SrpError(code, `${field} is not canonical base64 (non-zero trailing bits)`, field);
  }
  return out;
}

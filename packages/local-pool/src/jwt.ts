/**
 * JSON Web Tokens as Amazon Cognito makes them: RS256 (RSASSA-PKCS1-v1_5 with SHA-256) over Web Crypto, with the
 * header `{"kid":…,"alg":"RS256"}` in Cognito's member order, plus the base64 codecs they need. Web APIs only
 * (`crypto.subtle`, `TextEncoder`, `TextDecoder`): no `node:` import, no `Buffer`, so it runs in Node, Cloudflare
 * workerd without `nodejs_compat`, Deno, Bun and browsers.
 *
 * @module
 */

/** A Web Crypto key (`CryptoKey`), named without the DOM lib so the same source type-checks with Node's types. */
export type WebCryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** The longest token {@link decodeJwt} reads (16 KiB); Cognito's tokens are a few KiB at most. */
export const MAX_JWT_LENGTH = 16 * 1024;

/** The protected header of a decoded JWT: every member it holds, with `alg` (required) and `kid` typed. */
export type JwtHeader = Readonly<Record<string, unknown>> & { readonly alg: string; readonly kid?: string | undefined };

/** A JWT split and parsed, NOT verified: its header, its payload, what was signed and the signature. */
export interface DecodedJwt {
  /** The header (a JSON object with a string `alg`, and `kid` a string when present). */
  readonly header: JwtHeader;
  /** The payload (a JSON object). */
  readonly payload: Readonly<Record<string, unknown>>;
  /** `<header>.<payload>` as they appear in the token: the JWS signing input. */
  readonly signingInput: string;
  /** The signature bytes (empty for an unsigned token). */
  readonly signature: Uint8Array<ArrayBuffer>;
}

const RSASSA = { name: 'RSASSA-PKCS1-v1_5' } as const;
const UPPER_LOWER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URL_ALPHABET = `${UPPER_LOWER_DIGITS}-_`;
const STANDARD_ALPHABET = `${UPPER_LOWER_DIGITS}+/`;

/** For each ASCII code, its 6-bit value in the base64url alphabet, or -1. */
const URL_VALUES: Int8Array = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let index = 0; index < URL_ALPHABET.length; index += 1) values[URL_ALPHABET.charCodeAt(index)] = index;
  return values;
})();

const textEncoder = new TextEncoder();
// fatal: malformed UTF-8 throws (the caller turns it into undefined); ignoreBOM: a BOM stays and JSON.parse refuses it.
const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function encodeBase64With(bytes: Uint8Array, alphabet: string, padding: boolean): string {
  let text = '';
  let buffer = 0; // the bits not written yet, at most 6 + 8 of them
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      text += alphabet.charAt((buffer >>> bits) & 63);
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) text += alphabet.charAt((buffer << (6 - bits)) & 63);
  if (padding) while (text.length % 4 !== 0) text += '=';
  return text;
}

/**
 * Base64url without padding (RFC 4648 §5), as JWTs and JWKs use it.
 *
 * @param bytes - the bytes to encode
 * @returns the text: `A`–`Z`, `a`–`z`, `0`–`9`, `-` and `_`, no `=`
 * @example
 * ```ts
 * base64UrlEncode(new TextEncoder().encode('{"alg":"RS256"}')); // 'eyJhbGciOiJSUzI1NiJ9'
 * base64UrlEncode(new Uint8Array([0xfb, 0xff])); // '-_8'
 * ```
 */
export function base64UrlEncode(bytes: Uint8Array): string {
  return encodeBase64With(bytes, URL_ALPHABET, false);
}

/**
 * Standard base64 with padding (RFC 4648 §4): the form of Cognito's `kid` values.
 *
 * @param bytes - the bytes to encode
 * @returns the text: `A`–`Z`, `a`–`z`, `0`–`9`, `+` and `/`, padded with `=` to a multiple of 4
 * @example
 * ```ts
 * base64Encode(new Uint8Array([0xfb, 0xff])); // '+/8='
 * base64Encode(new Uint8Array(32)).length; // 44, as a SHA-256 kid
 * ```
 */
export function base64Encode(bytes: Uint8Array): string {
  return encodeBase64With(bytes, STANDARD_ALPHABET, true);
}

/**
 * Decodes base64url without padding, strictly: only the URL alphabet, no `=`, no whitespace, a length that is not
 * 1 more than a multiple of 4, and zero unused trailing bits (so each byte string has exactly one encoding).
 *
 * @param text - the base64url text
 * @returns the bytes, or `undefined` when the text is not canonical base64url
 * @example
 * ```ts
 * base64UrlDecode('-_8'); // Uint8Array [0xfb, 0xff]
 * base64UrlDecode('-_9'); // undefined: non-zero trailing bits
 * base64UrlDecode('+/8='); // undefined: standard alphabet and padding
 * ```
 */
export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0; // the bits not written yet, at most 6 + 6 of them
  let bits = 0;
  let written = 0;
  for (let index = 0; index < text.length; index += 1) {
    const value = URL_VALUES[text.charCodeAt(index)];
    if (value === undefined || value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written] = (buffer >>> bits) & 0xff;
      written += 1;
    }
    buffer &= (1 << bits) - 1;
  }
  return buffer === 0 ? bytes : undefined;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  const bytes = base64UrlDecode(part);
  if (bytes === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(textDecoder.decode(bytes));
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined; // malformed UTF-8, malformed JSON, or nesting too deep for this engine
  }
}

/**
 * Signs a JWT with RS256 as Cognito does: header `{"kid":<kid>,"alg":"RS256"}` (that member order), the payload as
 * JSON, base64url parts.
 *
 * @param privateKey - an RSASSA-PKCS1-v1_5 SHA-256 private key with the `sign` usage
 * @param kid - the key id published in the JWKS
 * @param payload - the claims
 * @returns the compact JWT `<header>.<payload>.<signature>`
 * @example
 * ```ts
 * const { privateKey } = await crypto.subtle.generateKey(
 *   { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
 *   false, ['sign', 'verify']);
 * const token = await signJwt(privateKey, 'my-kid', { sub: 'f00d', exp: 1767225600 });
 * token.startsWith('eyJraWQiOiJteS1raWQiLCJhbGciOiJSUzI1NiJ9.'); // true
 * ```
 */
export async function signJwt(privateKey: WebCryptoKey, kid: string, payload: Readonly<Record<string, unknown>>): Promise<string> {
  const header = base64UrlEncode(textEncoder.encode(JSON.stringify({ kid, alg: 'RS256' })));
  const body = base64UrlEncode(textEncoder.encode(JSON.stringify(payload)));
  const signingInput = `${header}.${body}`;
  const signature = await crypto.subtle.sign(RSASSA, privateKey, textEncoder.encode(signingInput));
  return `${signingInput}.${base64UrlEncode(new Uint8Array(signature))}`;
}

/**
 * Splits and parses a compact JWT without verifying it. Never throws: anything that is not a string of at most
 * {@link MAX_JWT_LENGTH} characters with three canonical base64url parts, a header that is a JSON object with a string
 * `alg` (and a string `kid` if any) and a payload that is a JSON object, gives `undefined`. The length is checked
 * before anything else, so a huge input costs nothing.
 *
 * @param token - the token, typically straight from a request (any value is accepted)
 * @returns the header, payload, signing input and signature bytes, or `undefined`
 * @example
 * ```ts
 * const decoded = decodeJwt(accessToken);
 * if (decoded !== undefined) console.log(decoded.header.kid, decoded.payload['token_use']);
 * decodeJwt('not.a.jwt'); // undefined
 * ```
 */
export function decodeJwt(token: unknown): DecodedJwt | undefined {
  if (typeof token !== 'string' || token.length > MAX_JWT_LENGTH) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const members = decodeJsonObject(headerPart);
  if (members === undefined) return undefined;
  const alg = members['alg'];
  const kid = members['kid'];
  if (typeof alg !== 'string' || (kid !== undefined && typeof kid !== 'string')) return undefined;
  const payload = decodeJsonObject(payloadPart);
  if (payload === undefined) return undefined;
  const signature = base64UrlDecode(signaturePart);
  if (signature === undefined) return undefined;
  const header: JwtHeader = kid === undefined ? { ...members, alg } : { ...members, alg, kid };
  return { header, payload, signingInput: `${headerPart}.${payloadPart}`, signature };
}

/**
 * Checks a JWT's RS256 signature. Only the signature: the caller checks `kid`, issuer, expiry and the claims. False
 * for a malformed token, a header `alg` other than `RS256` (so `none` and `HS256` are refused), a key of another
 * algorithm, or a signature that does not match; never throws.
 *
 * @param publicKey - an RSASSA-PKCS1-v1_5 SHA-256 public key with the `verify` usage
 * @param token - the compact JWT
 * @returns whether the token is a well-formed JWT whose RS256 signature this key verifies
 * @example
 * ```ts
 * const { privateKey, publicKey } = await crypto.subtle.generateKey(
 *   { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
 *   false, ['sign', 'verify']);
 * const token = await signJwt(privateKey, 'my-kid', { sub: 'f00d' });
 * await verifyJwtSignature(publicKey, token); // true
 * await verifyJwtSignature(publicKey, token.slice(0, -2) + 'AA'); // false
 * ```
 */
export async function verifyJwtSignature(publicKey: WebCryptoKey, token: string): Promise<boolean> {
  const decoded = decodeJwt(token);
  if (decoded === undefined || decoded.header.alg !== 'RS256') return false;
  try {
    return await crypto.subtle.verify(RSASSA, publicKey, decoded.signature, textEncoder.encode(decoded.signingInput));
  } catch {
    return false; // a key of another algorithm or without the verify usage
  }
}

/**
 * RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits) and RFC 4648 base32, on Web Crypto only. Cognito's
 * SOFTWARE_TOKEN_MFA uses SHA-1, 6 digits and 30 s (its SecretCode is base32, and the `otpauth://` URI Amplify builds
 * names no algorithm, digits or period, so authenticator apps use those defaults) and accepts a code "within 30
 * seconds before or after the attempt": one step either side (COGNITO-SERVER.md §7).
 *
 * @module
 */

/** RFC 4648 §6 alphabet. */
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Digits of a code, as the model's SoftwareTokenMFAUserCodeType (exactly 6 of `[0-9]`). */
const DIGITS = 6;
/** Seconds per time step (X in RFC 6238 §4.1). */
const STEP_SECONDS = 30;

/**
 * Encodes bytes as RFC 4648 base32, upper case, without `=` padding (as Cognito writes a SecretCode).
 *
 * @example
 * ```ts
 * base32Encode(new TextEncoder().encode('foobar')); // 'MZXW6YTBOI'
 * ```
 */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes RFC 4648 base32: case-insensitive, `=` padding optional, spaces ignored (authenticator apps show secrets in
 * groups). Undefined for anything else: a character outside the alphabet, an impossible length, non-zero trailing
 * bits, or nothing at all.
 *
 * @example
 * ```ts
 * base32Decode('mzxw 6ytb oi'); // the bytes of 'foobar'
 * base32Decode('not base32!');  // undefined
 * ```
 */
export function base32Decode(text: string): Uint8Array | undefined {
  const digits = text.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase();
  if (digits === '') return undefined;
  const out = new Uint8Array(Math.floor((digits.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of digits) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) return undefined;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  // A valid encoding leaves 0 to 4 zero bits (RFC 4648 §6: 8, 2, 4, 5 or 7 characters per final quantum).
  if (bits >= 5 || (buffer & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

/** RFC 4226 HOTP: HMAC-SHA-1 over the 8-byte big-endian counter, dynamic truncation, 6 decimal digits. */
async function hotp(key: Uint8Array, counter: number): Promise<string> {
  const message = new Uint8Array(8);
  const view = new DataView(message.buffer);
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  const hmacKey = await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message));
  // RFC 4226 §5.3: the low nibble of the last byte picks 4 bytes; their low 31 bits are the code.
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = new DataView(mac.buffer, offset, 4).getUint32(0) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** The time step (counter) of an instant: floor(unix seconds / 30), RFC 6238 §4.2 with T0 = 0. */
function timeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / STEP_SECONDS);
}

/**
 * The TOTP code of `key` at `now`, as an authenticator app shows it.
 *
 * @example
 * ```ts
 * await totp(base32Decode('JBSWY3DPEHPK3PXP') ?? new Uint8Array(), new Date()); // '492039', say
 * ```
 */
export function totp(key: Uint8Array, now: Date): Promise<string> {
  return hotp(key, timeStep(now));
}

/**
 * Whether `code` is the TOTP of `key` at `now` or one step either side, as Cognito accepts it.
 *
 * @example
 * ```ts
 * if (!(await verifyTotp(key, answer, now))) throw codeMismatch();
 * ```
 */
export async function verifyTotp(key: Uint8Array, code: string, now: Date): Promise<boolean> {
  if (code.length !== DIGITS || !/^[0-9]+$/.test(code)) return false;
  const step = timeStep(now);
  let matched = false;
  // Every step is computed, so the time taken does not say which one matched.
  for (const delta of [-1, 0, 1]) {
    if (step + delta >= 0 && (await hotp(key, step + delta)) === code) matched = true;
  }
  return matched;
}

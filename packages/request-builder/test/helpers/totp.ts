/**
 * RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits by default) and RFC 4648 base32, on Web Crypto only, so it
 * runs in workerd, Deno, Bun and browsers as in Node. Cognito's SOFTWARE_TOKEN_MFA uses SHA-1, 6 digits and 30 s:
 * its SecretCode is base32 and the `otpauth://` URI Amplify builds names no algorithm, digits or period, so
 * authenticator apps use those defaults (COGNITO-SERVER.md §7).
 *
 * @module
 */

/** RFC 4648 §6 alphabet. */
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Options of {@link totp} and {@link verifyTotp}. */
export interface TotpOptions {
  /** The instant whose time step is used. */
  now: Date | number;
  /** Digits of the code: 6 (Cognito) by default; RFC 6238's appendix B uses 8. */
  digits?: number;
  /** Seconds per time step (X in RFC 6238 §4.1); 30 by default. */
  stepSeconds?: number;
}

/**
 * Encodes bytes as RFC 4648 base32: upper case, `=` padding to a multiple of 8 characters unless
 * `padding` is false (TOTP secrets, such as Cognito's SecretCode, are usually written without it).
 */
export function base32Encode(bytes: Uint8Array, options: { padding?: boolean } = {}): string {
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
  if (options.padding === false) return out;
  return out + '='.repeat((8 - (out.length % 8)) % 8);
}

/**
 * Decodes RFC 4648 base32. Case-insensitive, padding optional (an authenticator app accepts both).
 *
 * @throws {Error} for a character outside the alphabet, an impossible length, or trailing bits that are not zero
 */
export function base32Decode(text: string): Uint8Array {
  const digits = text.replace(/=+$/, '').toUpperCase();
  const out = new Uint8Array(Math.floor((digits.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of digits) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${JSON.stringify(char)}`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  // A valid encoding leaves 0 to 4 zero bits (RFC 4648 §6: 8, 2, 4, 5 or 7 characters per final quantum).
  if (bits >= 5 || (buffer & ((1 << bits) - 1)) !== 0) throw new Error('base32 has a bad length or non-zero trailing bits');
  return out;
}

/** RFC 4226 HOTP: HMAC-SHA-1 over the 8-byte big-endian counter, dynamic truncation, `digits` decimal digits. */
export async function hotp(key: Uint8Array, counter: number, digits = 6): Promise<string> {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new Error('counter must be a non-negative safe integer');
  if (!Number.isInteger(digits) || digits < 1 || digits > 10) throw new Error('digits must be 1 to 10');
  const message = new Uint8Array(8);
  const view = new DataView(message.buffer);
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  const hmacKey = await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message));
  // RFC 4226 §5.3: the low nibble of the last byte picks 4 bytes; their low 31 bits are the code.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = new DataView(mac.buffer, offset, 4).getUint32(0) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step (counter) of an instant: floor(unix seconds / stepSeconds), RFC 6238 §4.2 with T0 = 0. */
export function timeStep(now: Date | number, stepSeconds = 30): number {
  const ms = typeof now === 'number' ? now : now.getTime();
  return Math.floor(ms / 1000 / stepSeconds);
}

/** RFC 6238 TOTP with HMAC-SHA-1 for the step holding `options.now`. */
export function totp(key: Uint8Array, options: TotpOptions): Promise<string> {
  return hotp(key, timeStep(options.now, options.stepSeconds), options.digits);
}

/**
 * Whether `code` is the TOTP of `now` or of up to `window` steps either side (Cognito accepts codes "within 30
 * seconds before or after the attempt": window 1).
 */
export async function verifyTotp(key: Uint8Array, code: string, options: TotpOptions & { window?: number }): Promise<boolean> {
  const digits = options.digits ?? 6;
  if (code.length !== digits || !/^[0-9]+$/.test(code)) return false;
  const step = timeStep(options.now, options.stepSeconds);
  const window = options.window ?? 1;
  for (let delta = -window; delta <= window; delta++) {
    if (step + delta >= 0 && (await hotp(key, step + delta, digits)) === code) return true;
  }
  return false;
}

// The test pool's TOTP and base32 (test/helpers/totp.ts): RFC 6238 appendix B (SHA-1 rows), RFC 4226 appendix D,
// RFC 4648 §10 base32 vectors, and round trips. Portable: it runs in workerd, Deno, Bun and Chromium too.
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, timeStep, totp, verifyTotp } from './helpers/totp.js';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
/** RFC 6238 appendix B: the SHA-1 seed is the 20 ASCII bytes "12345678901234567890". */
const RFC_SEED = ascii('12345678901234567890');

describe('RFC 6238 TOTP (HMAC-SHA-1)', () => {
  // Appendix B, the SHA1 rows: unix seconds → 8-digit TOTP, X = 30, T0 = 0.
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [seconds, code] of vectors) {
    it(`T = ${seconds} s gives ${code}`, async () => {
      expect(await totp(RFC_SEED, { now: seconds * 1000, digits: 8 })).toBe(code);
      expect(await totp(RFC_SEED, { now: new Date(seconds * 1000), digits: 8 })).toBe(code);
    });
  }

  it('6 digits are the last 6 of the same truncation (the code Cognito asks for)', async () => {
    expect(await totp(RFC_SEED, { now: 59_000 })).toBe('287082');
    expect(await totp(RFC_SEED, { now: 1111111109_000 })).toBe('081804');
  });

  it('the step is floor(seconds / 30): 59 s and 30 s share one, 60 s starts the next', async () => {
    expect(timeStep(59_000)).toBe(1);
    expect(timeStep(30_000)).toBe(1);
    expect(timeStep(29_999)).toBe(0);
    expect(timeStep(new Date(60_000))).toBe(2);
    expect(timeStep(90_000, 60)).toBe(1);
    expect(await totp(RFC_SEED, { now: 30_000, digits: 8 })).toBe('94287082');
    expect(await totp(RFC_SEED, { now: 60_000, digits: 8 })).not.toBe('94287082');
  });
});

describe('RFC 4226 HOTP (appendix D)', () => {
  const codes = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it('counters 0 to 9 give the published 6-digit values', async () => {
    for (const [counter, code] of codes.entries()) expect(await hotp(RFC_SEED, counter)).toBe(code);
  });

  it('refuses a negative counter and impossible digit counts', async () => {
    await expect(hotp(RFC_SEED, -1)).rejects.toThrow(/counter/);
    await expect(hotp(RFC_SEED, 0, 0)).rejects.toThrow(/digits/);
    await expect(hotp(RFC_SEED, 0, 11)).rejects.toThrow(/digits/);
  });
});

describe('verifyTotp: ±1 step, as Cognito accepts', () => {
  const now = 1111111111_000;
  it('accepts the current step and one either side, not two', async () => {
    const at = async (deltaSteps: number) => totp(RFC_SEED, { now: now + deltaSteps * 30_000 });
    expect(await verifyTotp(RFC_SEED, await at(0), { now })).toBe(true);
    expect(await verifyTotp(RFC_SEED, await at(-1), { now })).toBe(true);
    expect(await verifyTotp(RFC_SEED, await at(1), { now })).toBe(true);
    expect(await verifyTotp(RFC_SEED, await at(2), { now })).toBe(false);
    expect(await verifyTotp(RFC_SEED, await at(-2), { now })).toBe(false);
    expect(await verifyTotp(RFC_SEED, await at(2), { now, window: 2 })).toBe(true);
    expect(await verifyTotp(RFC_SEED, await at(1), { now, window: 0 })).toBe(false);
  });

  it('refuses codes of the wrong length or with non-digits', async () => {
    const code = await totp(RFC_SEED, { now });
    expect(await verifyTotp(RFC_SEED, code.slice(1), { now })).toBe(false);
    expect(await verifyTotp(RFC_SEED, `${code}0`, { now })).toBe(false);
    expect(await verifyTotp(RFC_SEED, ` ${code.slice(1)}`, { now })).toBe(false);
    expect(await verifyTotp(RFC_SEED, await totp(RFC_SEED, { now, digits: 8 }), { now, digits: 8 })).toBe(true);
  });
});

describe('RFC 4648 base32', () => {
  // RFC 4648 §10 test vectors.
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ];
  for (const [plain, encoded] of vectors) {
    it(`BASE32(${JSON.stringify(plain)}) = ${JSON.stringify(encoded)}, and back`, () => {
      expect(base32Encode(ascii(plain))).toBe(encoded);
      expect(base32Decode(encoded)).toEqual(ascii(plain));
      expect(base32Decode(encoded.replace(/=+$/, '').toLowerCase())).toEqual(ascii(plain));
    });
  }

  it('without padding, as TOTP secrets are written', () => {
    expect(base32Encode(ascii('foobar'), { padding: false })).toBe('MZXW6YTBOI');
    expect(base32Encode(RFC_SEED, { padding: false })).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('round-trips every length from 0 to 64 bytes of every byte value', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i++) bytes[i] = (i * 97 + length * 31 + 255) % 256;
      for (const padding of [true, false]) expect(base32Decode(base32Encode(bytes, { padding }))).toEqual(bytes);
    }
    const random = crypto.getRandomValues(new Uint8Array(32));
    expect(base32Decode(base32Encode(random, { padding: false }))).toEqual(random);
  });

  it('refuses characters outside the alphabet, impossible lengths and non-zero trailing bits', () => {
    expect(() => base32Decode('MZXW1===')).toThrow(/not base32/);
    expect(() => base32Decode('MZXW 6===')).toThrow(/not base32/);
    expect(() => base32Decode('M')).toThrow(/length|trailing/);
    expect(() => base32Decode('MZX')).toThrow(/length|trailing/);
    expect(() => base32Decode('MZ======')).toThrow(/trailing/); // 'Z' leaves bits set after the one byte
  });

  it('a base32 secret gives the same TOTP as its bytes', async () => {
    const secret = base32Encode(RFC_SEED, { padding: false });
    expect(await totp(base32Decode(secret), { now: 59_000, digits: 8 })).toBe('94287082');
  });
});

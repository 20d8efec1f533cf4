// Portable (runs in workerd, Deno, Bun and Chromium too): vitest's describe/it/expect and Web APIs only.
import { describe, expect, it } from 'vitest';
import {
  MAX_JWT_LENGTH,
  base64Encode,
  base64UrlDecode,
  base64UrlEncode,
  decodeJwt,
  signJwt,
  verifyJwtSignature,
} from '../src/jwt.js';
import { TOKEN_LIFETIME_SECONDS, USER_ADMIN_SCOPE, createPoolTokens } from '../src/tokens.js';
import type { PoolTokens, TokenSession, TokenSubject } from '../src/tokens.js';

const userPoolId = 'eu-west-2_LocalPool1';
const issuer = `https://cognito-idp.eu-west-2.amazonaws.com/${userPoolId}`;
const clientId = 'localclient0123456789abcd';
const sub = '7d8e4c2a-1b3f-4e5a-9c6d-0f1e2d3c4b5a';
const encoder = new TextEncoder();

/** 2026-01-01T12:00:00.789Z: not on a whole second, so flooring shows. */
const now = new Date(Date.UTC(2026, 0, 1, 12, 0, 0, 789));
const nowSeconds = Math.floor(now.getTime() / 1000);
const signInTime = new Date(now.getTime() - 5 * 60_000 - 250);

const subject: TokenSubject = {
  sub,
  username: 'alice',
  attributes: {
    sub,
    email: 'alice@example.com',
    email_verified: 'true',
    phone_number: '+447700900123',
    phone_number_verified: 'false',
    name: 'Alice Liddell',
    'custom:tier': 'gold',
    'custom:beta': 'true',
    password: 'Correct horse 1!',
    'dev:note': 'developer only',
    'cognito:user_status': 'CONFIRMED',
    exp: '1',
    aud: 'somebody-else',
  },
  groups: ['admins', 'readers'],
};
const session: TokenSession = {
  clientId,
  authTime: signInTime,
  originJti: 'b6f9d7a0-origin-jti',
  eventId: 'c0a1e2b3-event-id',
  deviceKey: 'eu-west-2_0c5f3a1e-device',
};

let uuidCount = 0;
const tokens = createPoolTokens({ userPoolId, randomUUID: () => `jti-${(uuidCount += 1)}` });
/** The same pool id, its own keys: another pool's key with the same issuer. */
const twin = createPoolTokens({ userPoolId });
const otherPool = createPoolTokens({ userPoolId: 'us-east-1_OtherPool2' });

function deterministicBytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) bytes[index] = (index * 167 + seed * 31 + 0x80) & 0xff;
  return bytes;
}

function btoaOf(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function partJson(token: string, index: number): string {
  const bytes = base64UrlDecode(token.split('.')[index] ?? '');
  if (bytes === undefined) throw new Error(`part ${index} is not base64url`);
  return new TextDecoder().decode(bytes);
}

function encodePart(value: unknown): string {
  return base64UrlEncode(encoder.encode(JSON.stringify(value)));
}

function decoded(token: string): NonNullable<ReturnType<typeof decodeJwt>> {
  const result = decodeJwt(token);
  if (result === undefined) throw new Error('token does not decode');
  return result;
}

async function newRsaKeyPair() {
  return crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
}

async function publicKeyOf(pool: PoolTokens, kid: string) {
  const jwk = (await pool.jwks()).keys.find((key) => key.kid === kid);
  if (jwk === undefined) throw new Error(`no key ${kid} in the JWKS`);
  return crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
}

describe('base64url and base64', () => {
  it('round-trips every length from 0 to 64, high bytes included, and agrees with btoa', () => {
    for (let length = 0; length <= 64; length += 1) {
      for (const bytes of [deterministicBytes(length, length), crypto.getRandomValues(new Uint8Array(length)), new Uint8Array(length).fill(0xff)]) {
        const url = base64UrlEncode(bytes);
        expect(url).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(url.length).toBe(Math.ceil((length * 4) / 3));
        expect(base64UrlDecode(url)).toEqual(bytes);
        const standard = btoaOf(bytes);
        expect(base64Encode(bytes)).toBe(standard);
        expect(url).toBe(standard.replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', ''));
      }
    }
  });

  it('round-trips all 256 byte values', () => {
    const bytes = new Uint8Array(256);
    for (let index = 0; index < 256; index += 1) bytes[index] = index;
    expect(base64UrlDecode(base64UrlEncode(bytes))).toEqual(bytes);
    expect(base64Encode(bytes)).toBe(btoaOf(bytes));
  });

  it('encodes the RFC 4648 vectors', () => {
    const vectors: [string, string, string][] = [
      ['', '', ''], ['f', 'Zg', 'Zg=='], ['fo', 'Zm8', 'Zm8='], ['foo', 'Zm9v', 'Zm9v'],
      ['foob', 'Zm9vYg', 'Zm9vYg=='], ['fooba', 'Zm9vYmE', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy', 'Zm9vYmFy'],
    ];
    for (const [text, url, standard] of vectors) {
      expect(base64UrlEncode(encoder.encode(text))).toBe(url);
      expect(base64Encode(encoder.encode(text))).toBe(standard);
      expect(base64UrlDecode(url)).toEqual(encoder.encode(text));
    }
    expect(base64UrlEncode(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64Encode(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
  });

  it('refuses what is not canonical unpadded base64url', () => {
    for (const text of ['A', 'AAAAA', 'Zg==', 'Zm8=', '+/8', '-_8=', 'Zm 9v', 'Zm9v\n', 'Zé', '\u0000AAA', 'Zh', 'Zm9', '-_9', 'AB']) {
      expect(base64UrlDecode(text), text).toBeUndefined();
    }
    expect(base64UrlDecode('')).toEqual(new Uint8Array(0));
    expect(base64UrlDecode('AA')).toEqual(new Uint8Array([0]));
  });
});

describe('signJwt, decodeJwt and verifyJwtSignature', () => {
  it("signs with Cognito's header, members kid then alg, and verifies", async () => {
    const { privateKey, publicKey } = await newRsaKeyPair();
    const token = await signJwt(privateKey, 'my+kid/=', { sub: 'f00d', n: 1 });
    expect(partJson(token, 0)).toBe('{"kid":"my+kid/=","alg":"RS256"}');
    expect(partJson(token, 1)).toBe('{"sub":"f00d","n":1}');
    expect(decoded(token).signature.length).toBe(256);
    expect(await verifyJwtSignature(publicKey, token)).toBe(true);
    const other = await newRsaKeyPair();
    expect(await verifyJwtSignature(other.publicKey, token)).toBe(false);
  });

  it('decodes a token into header, payload, signing input and signature', async () => {
    const { privateKey } = await newRsaKeyPair();
    const token = await signJwt(privateKey, 'k1', { sub: 'f00d', list: [1, 'two'] });
    const { header, payload, signingInput, signature } = decoded(token);
    expect(Object.keys(header)).toEqual(['kid', 'alg']);
    expect(header).toEqual({ kid: 'k1', alg: 'RS256' });
    expect(payload).toEqual({ sub: 'f00d', list: [1, 'two'] });
    expect(signingInput).toBe(token.slice(0, token.lastIndexOf('.')));
    expect(base64UrlEncode(signature)).toBe(token.slice(token.lastIndexOf('.') + 1));
  });

  it('gives undefined, never an exception, for anything malformed', () => {
    const header = encodePart({ kid: 'k', alg: 'RS256' });
    const payload = encodePart({ sub: 'x' });
    const bad: unknown[] = [
      undefined, null, 42, {}, [], '', 'a', 'a.b', `${header}.${payload}`, `${header}.${payload}.AA.AA`,
      `${header}.${payload}.A`, `${header}.${payload}.AA==`, ` ${header}.${payload}.AA`,
      `${base64UrlEncode(encoder.encode('not json'))}.${payload}.AA`,
      `${encodePart([1, 2])}.${payload}.AA`, `${encodePart(null)}.${payload}.AA`, `${encodePart('RS256')}.${payload}.AA`,
      `${encodePart({ kid: 'k' })}.${payload}.AA`, `${encodePart({ alg: 7 })}.${payload}.AA`,
      `${encodePart({ alg: 'RS256', kid: 7 })}.${payload}.AA`,
      `${header}.${encodePart([{ sub: 'x' }])}.AA`, `${header}.${encodePart('x')}.AA`, `${header}.${encodePart(1)}.AA`,
      `${header}.${base64UrlEncode(new Uint8Array([0x7b, 0xff, 0x7d]))}.AA`,
      `${base64UrlEncode(encoder.encode('\uFEFF{"alg":"RS256"}'))}.${payload}.AA`,
      `${header}.${base64UrlEncode(encoder.encode(`{"a":${'['.repeat(4000)}`))}.AA`,
    ];
    for (const token of bad) expect(decodeJwt(token), String(token)).toBeUndefined();
    // Deep but valid nesting is either decoded or refused, never thrown.
    const deep = `${header}.${base64UrlEncode(encoder.encode(`{"a":${'['.repeat(4000)}${']'.repeat(4000)}}`))}.AA`;
    expect(() => decodeJwt(deep)).not.toThrow();
  });

  it(`reads tokens up to ${MAX_JWT_LENGTH} characters and refuses longer ones`, () => {
    const prefix = `${encodePart({ kid: 'k', alg: 'RS256' })}.${encodePart({ sub: 'x' })}.`;
    let signatureLength = MAX_JWT_LENGTH - prefix.length;
    while (signatureLength % 4 === 1) signatureLength -= 1;
    const longest = `${prefix}${'A'.repeat(signatureLength)}`;
    expect(longest.length).toBeLessThanOrEqual(MAX_JWT_LENGTH);
    expect(longest.length).toBeGreaterThan(MAX_JWT_LENGTH - 4);
    expect(decodeJwt(longest)).toBeDefined();
    const tooLong = `${prefix}${'A'.repeat(MAX_JWT_LENGTH - prefix.length + 3)}`;
    expect(tooLong.length).toBeGreaterThan(MAX_JWT_LENGTH);
    expect(decodeJwt(tooLong)).toBeUndefined();
  });

  it('is false, not an exception, for a key of another algorithm or an unsigned token', async () => {
    const { privateKey } = await newRsaKeyPair();
    const token = await signJwt(privateKey, 'k', { sub: 'x' });
    const hmac = await crypto.subtle.importKey('raw', new Uint8Array(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    expect(await verifyJwtSignature(hmac, token)).toBe(false);
    const { publicKey } = await newRsaKeyPair();
    expect(await verifyJwtSignature(publicKey, `${encodePart({ alg: 'none' })}.${encodePart({ sub: 'x' })}.`)).toBe(false);
    expect(await verifyJwtSignature(publicKey, 'garbage')).toBe(false);
  });

  it('is false when the header names another alg, even over a valid RSA signature', async () => {
    const { privateKey, publicKey } = await newRsaKeyPair();
    for (const alg of ['HS256', 'none', 'rs256', 'RS512']) {
      const signingInput = `${encodePart({ kid: 'k', alg })}.${encodePart({ sub: 'x' })}`;
      const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey, encoder.encode(signingInput));
      expect(await verifyJwtSignature(publicKey, `${signingInput}.${base64UrlEncode(new Uint8Array(signature))}`), alg).toBe(false);
    }
    const signingInput = `${encodePart({ kid: 'k', alg: 'RS256' })}.${encodePart({ sub: 'x' })}`;
    const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey, encoder.encode(signingInput));
    expect(await verifyJwtSignature(publicKey, `${signingInput}.${base64UrlEncode(new Uint8Array(signature))}`)).toBe(true);
  });
});

describe('createPoolTokens', () => {
  it('derives the issuer from the pool id, or takes the one given', () => {
    expect(tokens.issuer).toBe(issuer);
    expect(tokens.userPoolId).toBe(userPoolId);
    expect(otherPool.issuer).toBe('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool2');
    const local = createPoolTokens({ userPoolId, issuer: 'http://127.0.0.1:9229/eu-west-2_LocalPool1' });
    expect(local.issuer).toBe('http://127.0.0.1:9229/eu-west-2_LocalPool1');
    expect(local.openidConfiguration()['jwks_uri']).toBe('http://127.0.0.1:9229/eu-west-2_LocalPool1/.well-known/jwks.json');
    for (const bad of ['', 'LocalPool1', 'eu-west-2_', '_abc', 'eu-west-2_Local/Pool', 'eu-west-2_Local Pool']) {
      expect(() => createPoolTokens({ userPoolId: bad }), bad).toThrow(RangeError);
    }
  });

  it('serves the openid-configuration of a pool without a domain, with no authorization_endpoint', () => {
    const body = tokens.openidConfiguration();
    expect(body).toEqual({
      id_token_signing_alg_values_supported: ['RS256'],
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ['code', 'id_token', 'token id_token', 'none'],
      subject_types_supported: ['public'],
    });
    expect(body).not.toHaveProperty('authorization_endpoint');
  });

  it('issues an ID token with the claims Cognito puts in it', async () => {
    const issued = await tokens.issue(subject, session, now);
    expect(issued.expiresIn).toBe(3600);
    expect(TOKEN_LIFETIME_SECONDS).toBe(3600);
    const { header, payload } = decoded(issued.idToken);
    expect(Object.keys(header)).toEqual(['kid', 'alg']);
    expect(header.alg).toBe('RS256');
    expect(payload).toEqual({
      sub,
      'cognito:groups': ['admins', 'readers'],
      email_verified: true,
      iss: issuer,
      'cognito:username': 'alice',
      origin_jti: session.originJti,
      aud: clientId,
      event_id: session.eventId,
      token_use: 'id',
      auth_time: Math.floor(signInTime.getTime() / 1000),
      email: 'alice@example.com',
      phone_number: '+447700900123',
      phone_number_verified: false,
      name: 'Alice Liddell',
      'custom:tier': 'gold',
      'custom:beta': 'true',
      exp: nowSeconds + 3600,
      iat: nowSeconds,
      jti: expect.stringMatching(/^jti-\d+$/),
    });
    expect(payload).not.toHaveProperty('client_id');
    expect(payload).not.toHaveProperty('password');
    expect(partJson(issued.idToken, 1).match(/"sub"/g)).toHaveLength(1);
  });

  it('issues an access token with the claims Cognito puts in it, and no aud', async () => {
    const issued = await tokens.issue(subject, session, now);
    const { header, payload } = decoded(issued.accessToken);
    expect(Object.keys(header)).toEqual(['kid', 'alg']);
    expect(payload).toEqual({
      sub,
      device_key: session.deviceKey,
      'cognito:groups': ['admins', 'readers'],
      iss: issuer,
      client_id: clientId,
      origin_jti: session.originJti,
      event_id: session.eventId,
      token_use: 'access',
      scope: USER_ADMIN_SCOPE,
      auth_time: Math.floor(signInTime.getTime() / 1000),
      exp: nowSeconds + 3600,
      iat: nowSeconds,
      jti: expect.stringMatching(/^jti-\d+$/),
      username: 'alice',
    });
    expect(USER_ADMIN_SCOPE).toBe('aws.cognito.signin.user.admin');
    expect(payload).not.toHaveProperty('aud');
    const idPayload = decoded(issued.idToken).payload;
    expect(payload['jti']).not.toBe(idPayload['jti']);
    for (const claim of ['auth_time', 'exp', 'iat']) expect(Number.isInteger(payload[claim])).toBe(true);
  });

  it('leaves out groups, device_key and email_verified when there are none, and gives a fresh jti each time', async () => {
    const plain = { sub, username: sub, attributes: { email: 'bob@example.com' }, groups: [] };
    const first = await tokens.issue(plain, { clientId, authTime: now, originJti: 'o', eventId: 'e' }, now);
    const second = await tokens.issue(plain, { clientId, authTime: now, originJti: 'o', eventId: 'e' }, now);
    const id = decoded(first.idToken).payload;
    const access = decoded(first.accessToken).payload;
    expect(id).not.toHaveProperty('cognito:groups');
    expect(id).not.toHaveProperty('email_verified');
    expect(id['email']).toBe('bob@example.com');
    expect(access).not.toHaveProperty('cognito:groups');
    expect(access).not.toHaveProperty('device_key');
    const jtis = [first.idToken, first.accessToken, second.idToken, second.accessToken].map((token) => decoded(token).payload['jti']);
    expect(new Set(jtis).size).toBe(4);
  });

  it('signs ID and access tokens with two different keys, published in the JWKS in Cognito\'s form', async () => {
    const issued = await tokens.issue(subject, session, now);
    const idKid = decoded(issued.idToken).header.kid;
    const accessKid = decoded(issued.accessToken).header.kid;
    expect(idKid).not.toBe(accessKid);
    const jwks = await tokens.jwks();
    expect(Object.keys(jwks)).toEqual(['keys']);
    expect(jwks.keys).toHaveLength(2);
    expect(jwks.keys.map((key) => key.kid)).toEqual([idKid, accessKid]);
    for (const key of jwks.keys) {
      expect(Object.keys(key)).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
      expect(key).toMatchObject({ alg: 'RS256', e: 'AQAB', kty: 'RSA', use: 'sig' });
      expect(key.kid).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(key.n).toMatch(/^[A-Za-z0-9_-]{342}$/); // 2048 bits
      // The kid is the RFC 7638 thumbprint, SHA-256, in standard base64.
      const thumbprint = await crypto.subtle.digest('SHA-256', encoder.encode(`{"e":"${key.e}","kty":"RSA","n":"${key.n}"}`));
      expect(key.kid).toBe(btoaOf(new Uint8Array(thumbprint)));
    }
    if (idKid === undefined || accessKid === undefined) throw new Error('no kid');
    expect(await verifyJwtSignature(await publicKeyOf(tokens, idKid), issued.idToken)).toBe(true);
    expect(await verifyJwtSignature(await publicKeyOf(tokens, accessKid), issued.accessToken)).toBe(true);
    expect(await verifyJwtSignature(await publicKeyOf(tokens, accessKid), issued.idToken)).toBe(false);
  });

  it('keeps its keys for its life, hands out copies, and makes them once under concurrent first use', async () => {
    const before = await tokens.jwks();
    before.keys.splice(0, 2);
    const after = await tokens.jwks();
    expect(after.keys).toHaveLength(2);
    expect(after).toEqual(await tokens.jwks());
    const fresh = createPoolTokens({ userPoolId });
    const [a, b] = await Promise.all([fresh.issue(subject, session, now), fresh.issue(subject, session, now)]);
    expect(decoded(a.accessToken).header.kid).toBe(decoded(b.accessToken).header.kid);
    const freshKids = (await fresh.jwks()).keys.map((key) => key.kid);
    expect(freshKids).toEqual([decoded(a.idToken).header.kid, decoded(a.accessToken).header.kid]);
    expect(freshKids).not.toEqual(after.keys.map((key) => key.kid));
  });

  it('refuses an invalid Date', async () => {
    await expect(tokens.issue(subject, session, new Date(Number.NaN))).rejects.toThrow(RangeError);
    await expect(tokens.issue(subject, { ...session, authTime: new Date(Number.NaN) }, now)).rejects.toThrow(RangeError);
  });
});

describe('verifyAccessToken', () => {
  async function freshAccessToken(): Promise<string> {
    return (await tokens.issue(subject, session, now)).accessToken;
  }

  it('accepts its own access token until exp and returns its claims', async () => {
    const token = await freshAccessToken();
    const claims = await tokens.verifyAccessToken(token, now);
    expect(claims).toEqual(decoded(token).payload);
    expect(claims?.username).toBe('alice');
    expect(claims?.device_key).toBe(session.deviceKey);
    expect(claims?.['cognito:groups']).toEqual(['admins', 'readers']);
    expect(await tokens.verifyAccessToken(token, new Date((nowSeconds + 3600) * 1000 - 1))).toBeDefined();
  });

  it('refuses an expired access token', async () => {
    const token = await freshAccessToken();
    expect(await tokens.verifyAccessToken(token, new Date((nowSeconds + 3600) * 1000))).toBeUndefined();
    expect(await tokens.verifyAccessToken(token, new Date(now.getTime() + 2 * 3600_000))).toBeUndefined();
    expect(await tokens.verifyAccessToken(token, new Date(Number.NaN))).toBeUndefined();
  });

  it('refuses an ID token', async () => {
    const { idToken } = await tokens.issue(subject, session, now);
    expect(await tokens.verifyAccessToken(idToken, now)).toBeUndefined();
  });

  it('refuses a token with a flipped signature byte', async () => {
    const token = await freshAccessToken();
    const { signingInput, signature } = decoded(token);
    for (const index of [0, 128, 255]) {
      const flipped = new Uint8Array(signature);
      flipped[index] = (flipped[index] ?? 0) ^ 0x01;
      expect(await tokens.verifyAccessToken(`${signingInput}.${base64UrlEncode(flipped)}`, now)).toBeUndefined();
    }
    expect(await tokens.verifyAccessToken(`${signingInput}.${base64UrlEncode(signature.subarray(1))}`, now)).toBeUndefined();
  });

  it('refuses a token with a changed payload', async () => {
    const token = await freshAccessToken();
    const [header = '', , signature = ''] = token.split('.');
    const changed = { ...decoded(token).payload, username: 'mallory' };
    expect(await tokens.verifyAccessToken(`${header}.${encodePart(changed)}.${signature}`, now)).toBeUndefined();
    const later = { ...decoded(token).payload, exp: nowSeconds + 10 * 3600 };
    expect(await tokens.verifyAccessToken(`${header}.${encodePart(later)}.${signature}`, now)).toBeUndefined();
  });

  it("refuses a token signed by another pool's key", async () => {
    const fromTwin = (await twin.issue(subject, session, now)).accessToken;
    expect(twin.issuer).toBe(tokens.issuer);
    expect(await twin.verifyAccessToken(fromTwin, now)).toBeDefined();
    expect(await tokens.verifyAccessToken(fromTwin, now)).toBeUndefined();
    const fromOtherPool = (await otherPool.issue(subject, session, now)).accessToken;
    expect(await tokens.verifyAccessToken(fromOtherPool, now)).toBeUndefined();
    // Right kid and claims, wrong key.
    const own = decoded(await freshAccessToken());
    const { privateKey } = await newRsaKeyPair();
    const forged = await signJwt(privateKey, String(own.header.kid), own.payload);
    expect(decoded(forged).header).toEqual(own.header);
    expect(await tokens.verifyAccessToken(forged, now)).toBeUndefined();
  });

  it('refuses alg none and alg HS256', async () => {
    const own = decoded(await freshAccessToken());
    const [, payload = '', signature = ''] = (await freshAccessToken()).split('.');
    const none = encodePart({ kid: own.header.kid, alg: 'none' });
    expect(await tokens.verifyAccessToken(`${none}.${payload}.`, now)).toBeUndefined();
    expect(await tokens.verifyAccessToken(`${none}.${payload}.${signature}`, now)).toBeUndefined();
    // HS256 keyed with the published public key, the classic confusion attack.
    const hs256 = `${encodePart({ kid: own.header.kid, alg: 'HS256' })}.${payload}`;
    const jwk = (await tokens.jwks()).keys[1];
    const hmacKey = await crypto.subtle.importKey('raw', encoder.encode(JSON.stringify(jwk)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(hs256)));
    expect(await tokens.verifyAccessToken(`${hs256}.${base64UrlEncode(mac)}`, now)).toBeUndefined();
  });

  it('refuses malformed strings', async () => {
    const token = await freshAccessToken();
    for (const bad of ['', 'abc', 'a.b.c', '...', `${token}.`, ` ${token}`, `${token}\n`, token.replaceAll('.', '..'), token.split('.').slice(0, 2).join('.')]) {
      expect(await tokens.verifyAccessToken(bad, now), bad.slice(0, 20)).toBeUndefined();
    }
  });

  it('refuses a huge string fast', async () => {
    const token = await freshAccessToken();
    const [header = '', payload = '', signature = ''] = token.split('.');
    const huge = [`${header}.${payload}${'A'.repeat(4 << 20)}.${signature}`, 'e'.repeat(8 << 20), '.'.repeat(4 << 20)];
    const started = performance.now();
    for (const text of huge) expect(await tokens.verifyAccessToken(text, now)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

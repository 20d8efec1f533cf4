// The generator's own, independent implementation of the Cognito SRP math ("generator-reference" oracle):
// native BigInt arithmetic and node:crypto hashes, written from COGNITO.md §2.3, sharing no code with the
// reference clients or with packages/srp. It cross-checks the clients and plays the server side
// (verifier v = g^x, B = k·v + g^b, S = (A·v^u)^b) so every valid vector is also a proven login.
import { createHash, createHmac, hkdfSync } from 'node:crypto';

/** RFC 3526 group 15 (3072-bit MODP) prime, the N every Cognito client uses. */
export const N = BigInt(
  '0x' +
    'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404dd' +
    'ef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed' +
    'ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a69163fa8fd24cf5f' +
    '83655d23dca3ad961c62f356208552bb9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b' +
    'e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf6955817183995497cea956ae515d2261898fa0510' +
    '15728e5a8aaac42dad33170d04507a33a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7' +
    'abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864d87602733ec86a64521f2b18177b200c' +
    'bbe117577a615d6c770988c0bad946e208e24fa074e5ab3143db5bfce0fd108e4b82d120a93ad2caffffffffffffffff',
);
export const g = 2n;
export const HKDF_INFO = 'Caldera Derived Key';

/** base^exp mod m with a fixed 4-bit window (one table of 16 powers); the base is normalised first. */
export function modPow(base, exp, m) {
  base %= m;
  if (base < 0n) base += m;
  const table = [1n];
  for (let i = 1; i < 16; i++) table.push((table[i - 1] * base) % m);
  let r = 1n;
  for (const digit of exp.toString(16)) {
    r = (r * r) % m;
    r = (r * r) % m;
    r = (r * r) % m;
    r = (r * r) % m;
    const d = parseInt(digit, 16);
    if (d !== 0) r = (r * table[d]) % m;
  }
  return r % m;
}

/**
 * PAD(n): hex of Java's BigInteger.toByteArray() — minimal two's complement, whole bytes.
 * Non-negative values get an extra 00 when their top bit is set; negative values use the fewest
 * bytes L with n >= -2^(8L-1), written as 2^(8L) + n.
 */
export function padHex(n) {
  if (n >= 0n) {
    let h = n.toString(16);
    if (h.length % 2 === 1) h = '0' + h;
    return /^[89a-f]/.test(h) ? '00' + h : h;
  }
  let len = 1;
  while (n < -(1n << BigInt(8 * len - 1))) len++;
  return ((1n << BigInt(8 * len)) + n).toString(16).padStart(2 * len, '0');
}

export const sha256 = (bytes) => createHash('sha256').update(bytes).digest();
const utf8 = (s) => Buffer.from(s, 'utf8');
/** SHA-256 over the bytes a hex string denotes, as an integer (how u, x and k are formed). */
const hashHexToInt = (hex) => BigInt('0x' + sha256(Buffer.from(hex, 'hex')).toString('hex'));

export const k = hashHexToInt(padHex(N) + padHex(g));

/** A server hex string (SRP_B, SALT) as an unsigned integer; anything but [0-9a-fA-F]+ is refused. */
export function parseServerHex(text, field) {
  if (typeof text !== 'string' || !/^[0-9a-fA-F]+$/.test(text)) {
    throw new Error(`${field} is not unsigned hexadecimal: ${JSON.stringify(String(text).slice(0, 40))}`);
  }
  return BigInt('0x' + text);
}

/** Strict standard base64 (the SECRET_BLOCK is signed as the bytes it encodes). */
export function decodeBase64Strict(text) {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    throw new Error('SECRET_BLOCK is not standard base64');
  }
  return Buffer.from(text, 'base64');
}

/** SHA256(utf8(prefix + userId + ":" + password)) as 64 hex chars; prefix is the pool name or device group key. */
export const identityHash = (prefix, userId, password) => sha256(utf8(`${prefix}${userId}:${password}`)).toString('hex');

/** x = H(PAD(salt) || identityHash) */
export const computeX = (salt, idHash) => hashHexToInt(padHex(salt) + idHash);

/** u = H(PAD(A) || PAD(B)) with B as sent (not reduced mod N). */
export const computeU = (A, B) => hashHexToInt(padHex(A) + padHex(B));

/**
 * TIMESTAMP from Date.prototype.toUTCString ("Thu, 01 Jan 1970 00:00:00 GMT"): a different code path from
 * the clients' getUTC* arithmetic. Rearranged to "EEE MMM d HH:mm:ss UTC yyyy"; milliseconds are dropped.
 */
export function formatTimestamp(epochMs) {
  const m = /^(\w{3}), (\d{2}) (\w{3}) (\d{4}) (\d{2}:\d{2}:\d{2}) GMT$/.exec(new Date(epochMs).toUTCString());
  if (!m) throw new Error(`cannot format ${epochMs}`);
  const [, weekday, day, month, year, hms] = m;
  return `${weekday} ${month} ${Number(day)} ${hms} UTC ${year}`;
}

/**
 * The client's PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) computation with every intermediate value.
 * prefix/userId are poolName/USER_ID_FOR_SRP for users and DeviceGroupKey/DeviceKey for devices.
 */
export function clientResponse({ a, B: bText, salt: saltText, prefix, userId, password, secretBlock, timestamp }) {
  const B = parseServerHex(bText, 'SRP_B');
  const salt = parseServerHex(saltText, 'SALT');
  if (B % N === 0n) throw new Error('SRP_B mod N == 0');
  const A = modPow(g, a, N);
  const u = computeU(A, B);
  if (u === 0n) throw new Error('u == 0');
  const idHash = identityHash(prefix, userId, password);
  const x = computeX(salt, idHash);
  const S = modPow(B - k * modPow(g, x, N), a + u * x, N);
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), HKDF_INFO, 16));
  const message = Buffer.concat([utf8(prefix), utf8(userId), decodeBase64Strict(secretBlock), utf8(timestamp)]);
  return {
    A: A.toString(16),
    padHexA: padHex(A),
    padHexB: padHex(B),
    padHexSalt: padHex(salt),
    identityHash: idHash,
    u: u.toString(16),
    padHexU: padHex(u),
    x: x.toString(16),
    S: S.toString(16),
    padHexS: padHex(S),
    hkdf: key.toString('hex'),
    signature: createHmac('sha256', key).update(message).digest('base64'),
  };
}

/** ConfirmDevice's DeviceSecretVerifierConfig from the 40 password bytes (as base64) and 16 salt bytes. */
export function deviceVerifier({ deviceGroupKey, deviceKey, randomPassword, saltRandomHex }) {
  const saltHex = padHex(BigInt('0x' + saltRandomHex));
  const idHash = identityHash(deviceGroupKey, deviceKey, randomPassword);
  const x = hashHexToInt(saltHex + idHash);
  const verifierHex = padHex(modPow(g, x, N));
  return {
    saltHex,
    identityHash: idHash,
    x: x.toString(16),
    verifierHex,
    Salt: Buffer.from(saltHex, 'hex').toString('base64'),
    PasswordVerifier: Buffer.from(verifierHex, 'hex').toString('base64'),
  };
}

/** SECRET_HASH = Base64(HMAC_SHA256(key = clientSecret, message = username + clientId)) ("node:crypto" oracle). */
export const secretHash = (username, clientId, clientSecret) =>
  createHmac('sha256', utf8(clientSecret)).update(utf8(username + clientId)).digest('base64');

// ---- the simulated server ----

/** v = g^x for the stored salt and identity hash. */
export const serverVerifier = (salt, idHash) => modPow(g, computeX(salt, idHash), N);

/** B = (k·v + g^b) mod N, given g^b already computed (searches step b by one: g^(b+1) = 2·g^b). */
export const serverB = (v, gb) => (k * v + gb) % N;

/** The server's premaster secret S = (A·v^u)^b mod N; must equal the client's S. */
export const serverS = (A, v, u, b) => modPow((A * modPow(v, u, N)) % N, b, N);

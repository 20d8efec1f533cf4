// The reference: OpenSSL through node:crypto. A = g^a with a DiffieHellman object (setPrivateKey(a), generateKeys),
// and the PASSWORD_VERIFIER answer from node:crypto primitives: u and x with createHash, g^x with generateKeys on
// private key x, base = (B - k·g^x) mod N with bigint, S = base^(a + u·x) with computeSecret on private key
// a + u·x, HKDF with hkdfSync, the signature with createHmac. The conversions between bigint, hex and Buffer that
// this needs are timed too. One DiffieHellman object (the group) is made once per process, like a keyed HMAC.
import { createDiffieHellman, createHash, createHmac, hkdfSync } from 'node:crypto';
import { challengeParameters, device, fixedBytes, input, shortRandom } from '../vector.mjs';

const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);

/** Minimal big-endian two's-complement bytes of a non-negative integer (Java's toByteArray). */
function pad(value) {
  let hex = value.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (hex.charCodeAt(0) >= 56 /* '8' */ && hex.charCodeAt(0) <= 102) hex = '00' + hex;
  return Buffer.from(hex, 'hex');
}
/** Unsigned big-endian bytes, at least one. */
function bytes(value) {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex');
}
const toBigint = (buffer) => BigInt('0x' + buffer.toString('hex'));
const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

const dh = createDiffieHellman(bytes(N), 2);
const k = toBigint(sha256(pad(N), pad(2n)));

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n) => String(n).padStart(2, '0');
function timestamp(d) {
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** g^e mod N by OpenSSL: a DH key pair with private key e. */
function powG(eBytes) {
  dh.setPrivateKey(eBytes);
  dh.generateKeys();
  return toBigint(dh.getPublicKey());
}

function start(random) {
  const aBytes = Buffer.from(random(random === shortRandom ? 32 : 128));
  const a = toBigint(aBytes);
  const A = powG(aBytes);
  return { a, A, srpA: A.toString(16) };
}

function answer(session) {
  const { a, A } = session;
  const B = BigInt('0x' + challengeParameters.SRP_B);
  const salt = BigInt('0x' + challengeParameters.SALT);
  if (B % N === 0n) throw new Error('B mod N is 0');
  const u = toBigint(sha256(pad(A), pad(B)));
  if (u === 0n) throw new Error('u is 0');
  const poolName = input.poolId.split('_')[1];
  const userId = challengeParameters.USER_ID_FOR_SRP;
  const xBytes = sha256(pad(salt), sha256(`${poolName}${userId}:${input.password}`));
  const x = toBigint(xBytes);
  const gx = powG(xBytes);
  const base = (((B - k * gx) % N) + N) % N;
  dh.setPrivateKey(bytes(a + u * x));
  const S = toBigint(dh.computeSecret(bytes(base)));
  const key = Buffer.from(hkdfSync('sha256', pad(S), pad(u), 'Caldera Derived Key', 16));
  return createHmac('sha256', key)
    .update(poolName)
    .update(userId)
    .update(Buffer.from(challengeParameters.SECRET_BLOCK, 'base64'))
    .update(timestamp(input.now))
    .digest('base64');
}

function option(name, random) {
  return {
    name,
    start: () => start(random),
    srpA: (session) => session.srpA,
    prepareAnswer: () => start(random),
    answer,
    login: () => answer(start(random)),
  };
}

/** ConfirmDevice's verifier: x from the 16 salt bytes (PAD) and the 40-byte password (base64), v = g^x by OpenSSL. */
function deviceVerifier() {
  const password = Buffer.from(fixedBytes(40)).toString('base64');
  const salt = pad(toBigint(Buffer.from(fixedBytes(16))));
  const x = sha256(salt, sha256(`${device.deviceGroupKey}${device.deviceKey}:${password}`));
  return { Salt: salt.toString('base64'), PasswordVerifier: pad(powG(x)).toString('base64') };
}

export const openssl1024 = { ...option('OpenSSL (node:crypto)', fixedBytes), deviceVerifier };
export const openssl256 = option('OpenSSL (node:crypto), 256-bit a', shortRandom);
export const adapters = [openssl1024, openssl256];
/** SECRET_HASH with node:crypto, a new HMAC per call (node:crypto's Hmac cannot be reused after digest). */
export const secretHash = (username, clientId, clientSecret) => createHmac('sha256', clientSecret).update(username + clientId, 'utf8').digest('base64');

/** The raw exponentiations, for the modPow table: g^e and base^e mod N. */
export const opensslModPow = {
  powG: (e) => powG(bytes(e)),
  pow: (base, e) => {
    dh.setPrivateKey(bytes(e));
    return toBigint(dh.computeSecret(bytes(base)));
  },
};

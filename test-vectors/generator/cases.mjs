// What to generate: every case is a key (its randomness fork), a description, explicit tags and a build(rng)
// that returns the exact inputs. Edge values are found by searching seeded values with the reference math:
// stepping a or b by one costs a single doubling (g^(a+1) = 2·g^a), so rare shapes of A, B and u are cheap;
// S needs a full exponentiation per try.
import * as ref from './reference.mjs';

const { N, g, modPow } = ref;
const MAX_TRIES = 100_000;

// ---- realistic random inputs ----

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-south-1',
  'ap-southeast-2', 'ap-northeast-1', 'ca-central-1', 'sa-east-1'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_DIGITS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const UNICODE_BITS = ['é', 'ß', 'ø', 'Ж', 'λ', '中', '文', 'パ', 'ス', '한', '🔑', '🐙', '👍🏽', '∑', 'ñ'];

const poolId = (rng, region = rng.pick(REGIONS)) => `${region}_${rng.string(ALNUM, 9)}`;

/** RFC 4122 version-4 UUID from seeded bytes (Cognito's sub / USER_ID_FOR_SRP shape). */
function uuid(rng) {
  const b = rng.bytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function username(rng) {
  switch (rng.int(4)) {
    case 0: return `${rng.string(LOWER_DIGITS, rng.range(3, 10))}@example.com`;
    case 1: return `+1555${rng.string('0123456789', 7)}`;
    case 2: return `${rng.string(LOWER_DIGITS, rng.range(4, 8))}_${rng.string(UNICODE_BITS, 2)}`;
    default: return rng.string(LOWER_DIGITS, rng.range(4, 12));
  }
}

const password = (rng) => rng.string(PRINTABLE, rng.range(8, 32));
const secretBlock = (rng, size = rng.range(600, 1300)) => rng.bytes(size).toString('base64');
/** SALT as Cognito prints it: 16 random bytes as an unsigned integer in minimal hex (Java toString(16)). */
const saltString = (rng) => rng.bigint(16).toString(16);
/** An instant between 2015 and 2040, millisecond precision. */
const randomEpoch = (rng) => 1_420_070_400_000 + Number(rng.bigint(8) % 788_918_400_000n);
const devicePassword = (rng) => rng.bytes(40).toString('base64');
const deviceGroupKey = (rng) => `-${rng.string(ALNUM, 9)}`;
const deviceKey = (rng, region = rng.pick(REGIONS)) => `${region}_${uuid(rng)}`;

// ---- value shapes of a 3072-bit group element and of a 256-bit hash ----

const below = (bits) => 1n << BigInt(bits);
/** Shapes of A, B, S, v (normally 3072 bits): where the minimal encoding gains a 00, an odd digit, or loses bytes. */
export const SHAPE = {
  topBitSet: { test: (v) => v >= below(3071), what: 'top bit set (PAD adds 00: 385 bytes)' },
  highClear: { test: (v) => v < below(3071) && v >= below(3068), what: 'top bit clear, top byte non-zero (384 bytes, no prefix)' },
  oddLength: { test: (v) => v < below(3068) && v >= below(3064), what: 'odd hex length (PAD adds a single 0)' },
  zeroByte00: { test: (v) => v < below(3064) && v >= below(3063), what: '< 2^3064 with bit 3063 set (leading zero byte; PAD = 00 + 383 bytes)' },
  below3063: { test: (v) => v < below(3063) && v >= below(3060), what: '< 2^3063 (PAD shorter than 384 bytes: fixed-width encoders break)' },
  below3060: { test: (v) => v < below(3060), what: '< 2^3060 (a leading zero byte and an odd hex length)' },
};
/** Shapes of u and x (256-bit hashes). */
export const SHAPE256 = {
  topBitSet: { test: (v) => v >= below(255), what: 'top bit set (PAD adds 00: 33 bytes)' },
  oddLength: { test: (v) => v < below(252) && v >= below(248), what: 'odd hex length (PAD adds a single 0)' },
  zeroByte00: { test: (v) => v < below(248) && v >= below(247), what: '< 2^248 with bit 247 set (leading zero byte; PAD = 00 + 31 bytes)' },
  below247: { test: (v) => v < below(247), what: '< 2^247 (PAD shorter than 32 bytes)' },
};

// ---- searches ----

/** A 128-byte a (as 256 hex chars) whose A = g^a mod N satisfies test. */
function searchSmallA(rng, test) {
  let a = rng.bigint(128);
  let A = modPow(g, a, N);
  for (let i = 0; i < MAX_TRIES; i++, a += 1n, A = (A * 2n) % N) {
    if (test(A)) {
      if (a >= below(1024)) break;
      return a.toString(16).padStart(256, '0');
    }
  }
  throw new Error('searchSmallA: no match');
}

/**
 * Plays the server for a client input: v from salt and identity, B = k·v + g^b for b = b0, b0+1, ... until
 * pick({A, B, u, S}) holds (u and S computed only when read). Sets input.B via formatB and returns the server
 * state needed to check S afterwards.
 */
function simulateServer(rng, input, { prefix, userId, password: pw }, { pick = () => true, formatB = (B) => B.toString(16) } = {}) {
  const A = modPow(g, BigInt('0x' + input.smallA), N);
  const v = ref.serverVerifier(BigInt('0x' + input.salt), ref.identityHash(prefix, userId, pw));
  let b = rng.bigint(128);
  let gb = modPow(g, b, N);
  for (let i = 0; i < MAX_TRIES; i++, b += 1n, gb = (gb * 2n) % N) {
    const B = ref.serverB(v, gb);
    const bNow = b;
    const view = {
      A,
      B,
      get u() { return ref.computeU(A, B); },
      get S() { return ref.serverS(A, v, ref.computeU(A, B), bNow); },
    };
    if (B !== 0n && pick(view)) {
      input.B = formatB(B);
      return { A, v, b };
    }
  }
  throw new Error('simulateServer: no match');
}

const poolNameOf = (id) => id.slice(id.indexOf('_') + 1);

/** A complete USER_SRP_AUTH input (B added by simulateServer), keys in the public file's order. */
function userInput(rng, over = {}) {
  const userIdForSrp = over.userIdForSrp ?? uuid(rng);
  const input = {
    smallA: over.smallA ?? rng.bytes(128).toString('hex'),
    poolId: over.poolId ?? poolId(rng),
    username: over.username ?? (rng.int(2) === 0 ? userIdForSrp : username(rng)),
    userIdForSrp,
    password: over.password ?? password(rng),
    salt: over.salt ?? saltString(rng),
    secretBlock: over.secretBlock ?? secretBlock(rng),
    timestampEpochMs: over.timestampEpochMs ?? randomEpoch(rng),
  };
  input.timestamp = ref.formatTimestamp(input.timestampEpochMs);
  return input;
}

/** Builds a user case: input from overrides, B from the simulated server (search options optional). */
function userCase(rng, over = {}, serverOptions = {}) {
  const input = userInput(rng, typeof over === 'function' ? over(rng) : over);
  const who = { prefix: poolNameOf(input.poolId), userId: input.userIdForSrp, password: input.password };
  const server = simulateServer(rng, input, who, serverOptions);
  return { input, server };
}

/** Same as userCase but B is fixed (boundary values that no b can produce without a discrete log). */
function userCaseFixedB(rng, B) {
  const input = userInput(rng);
  input.B = B;
  return { input };
}

/** Password whose x = H(PAD(salt) || H(pool|user:pw)) has the wanted shape (suffix counter search). */
function passwordForX(rng, over, test) {
  const base = password(rng);
  const probe = userInput(rng.fork('probe'), over);
  const saltInt = BigInt('0x' + probe.salt);
  for (let i = 0; i < MAX_TRIES; i++) {
    const pw = `${base}${i}`;
    if (test(ref.computeX(saltInt, ref.identityHash(poolNameOf(probe.poolId), probe.userIdForSrp, pw)))) {
      return { ...over, password: pw, salt: probe.salt, poolId: probe.poolId, userIdForSrp: probe.userIdForSrp };
    }
  }
  throw new Error('passwordForX: no match');
}

// ---- srp cases ----

const edge = (key, description, tags, build) => ({ key, description, tags: ['edge', ...tags], build });

function srpEdgeCases() {
  const cases = [];
  // A shapes: search over a.
  for (const [shape, copies] of [['topBitSet', 1], ['highClear', 1], ['oddLength', 1], ['zeroByte00', 2], ['below3063', 2], ['below3060', 1]]) {
    for (let n = 1; n <= copies; n++) {
      cases.push(edge(`srp/A/${shape}/${n}`, `A ${SHAPE[shape].what}`, ['A-edge'], (rng) =>
        userCase(rng, { smallA: searchSmallA(rng, SHAPE[shape].test) })));
    }
  }
  // B shapes: search over b.
  for (const [shape, copies] of [['topBitSet', 1], ['highClear', 1], ['oddLength', 1], ['zeroByte00', 2], ['below3063', 2], ['below3060', 1]]) {
    for (let n = 1; n <= copies; n++) {
      cases.push(edge(`srp/B/${shape}/${n}`, `B ${SHAPE[shape].what}`, ['B-edge'], (rng) =>
        userCase(rng, {}, { pick: ({ B }) => SHAPE[shape].test(B) })));
    }
  }
  // SRP_B string formats: the value is parsed as an unsigned integer, the string is not hashed.
  cases.push(edge('srp/B/upper', 'SRP_B in upper-case hex', ['B-edge', 'B-format'], (rng) =>
    userCase(rng, {}, { formatB: (B) => B.toString(16).toUpperCase() })));
  cases.push(edge('srp/B/zeros', 'SRP_B with leading zero bytes ("0000" + hex)', ['B-edge', 'B-format'], (rng) =>
    userCase(rng, {}, { formatB: (B) => '0000' + B.toString(16) })));
  cases.push(edge('srp/B/fixed768', 'SRP_B zero-padded to 768 hex chars although B < 2^3063', ['B-edge', 'B-format'], (rng) =>
    userCase(rng, {}, { pick: ({ B }) => B < below(3063), formatB: (B) => B.toString(16).padStart(768, '0') })));
  cases.push(edge('srp/B/mixed-case', 'SRP_B in mixed case with a leading zero nibble', ['B-edge', 'B-format'], (rng) =>
    userCase(rng, {}, { pick: ({ B }) => B < below(3068), formatB: (B) => '0' + [...B.toString(16)].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('') })));
  cases.push(edge('srp/B/n-minus-1', 'B = N - 1 (largest reduced B; no server simulation)', ['B-edge', 'B-boundary'], (rng) =>
    userCaseFixedB(rng, (N - 1n).toString(16))));
  cases.push(edge('srp/B/one', 'B = 1 (tiny but non-zero mod N; no server simulation)', ['B-edge', 'B-boundary'], (rng) =>
    userCaseFixedB(rng, '1')));
  // S shapes: full exponentiation per try.
  for (const shape of ['topBitSet', 'highClear', 'oddLength', 'zeroByte00', 'below3063']) {
    cases.push(edge(`srp/S/${shape}`, `S ${SHAPE[shape].what}`, ['S-edge'], (rng) =>
      userCase(rng, {}, { pick: ({ S }) => SHAPE[shape].test(S) })));
  }
  // u shapes: search over b (u = H(PAD(A) || PAD(B))).
  for (const shape of ['topBitSet', 'oddLength', 'zeroByte00', 'below247']) {
    cases.push(edge(`srp/u/${shape}`, `u ${SHAPE256[shape].what}`, ['u-edge'], (rng) =>
      userCase(rng, {}, { pick: ({ u }) => SHAPE256[shape].test(u) })));
  }
  // x shapes: search over a password suffix.
  for (const shape of ['topBitSet', 'oddLength', 'zeroByte00']) {
    cases.push(edge(`srp/x/${shape}`, `x ${SHAPE256[shape].what}`, ['x-edge'], (rng) =>
      userCase(rng, passwordForX(rng, {}, SHAPE256[shape].test))));
  }
  cases.push(...saltCases(), ...stringCases(), ...secretBlockCases(), ...timestampSrpCases(), ...poolCases());
  return cases;
}

/** SALT strings: parsed as a number and re-padded, so leading zeros, case and odd length are not significant. */
function saltCases() {
  const hex = (rng, n) => rng.bytes(n).toString('hex');
  const highByte = (rng) => (0x80 + rng.int(0x80)).toString(16);
  const lowByte = (rng) => (0x10 + rng.int(0x70)).toString(16);
  const list = [
    ['high-bit', 'salt with the top bit set (PAD = 00 + 16 bytes)', (rng) => highByte(rng) + hex(rng, 15)],
    ['odd-31', 'salt of odd length (31 hex chars)', (rng) => (1 + rng.int(15)).toString(16) + hex(rng, 15)],
    ['odd-short', 'salt of odd length, short ("abc"-like, 3 chars)', (rng) => hex(rng, 2).slice(1)],
    ['single-digit', 'salt of a single hex digit', (rng) => (1 + rng.int(15)).toString(16)],
    ['zero-digit', 'salt "0" (value zero, PAD = 00)', () => '0'],
    ['odd-0-prefix', 'salt "0" + 31 digits (even length, leading zero nibble; the official client re-pads the number)', (rng) => '0' + (1 + rng.int(15)).toString(16) + hex(rng, 15)],
    ['00-high', 'salt "00" + high byte (string and number padding coincide: 00 + 16 bytes)', (rng) => '00' + highByte(rng) + hex(rng, 15)],
    ['00-low', 'salt "00" + low byte (number semantics drop the 00: PAD is 16 bytes, not 17)', (rng) => '00' + lowByte(rng) + hex(rng, 15)],
    ['000000', 'salt "000000" + 26 digits (several leading zero bytes)', (rng) => '000000' + lowByte(rng) + hex(rng, 12)],
    ['00-odd', 'salt "00" + odd number of digits (odd length with a leading zero byte)', (rng) => '00' + (1 + rng.int(15)).toString(16) + hex(rng, 14)],
    ['upper', 'salt in upper-case hex', (rng) => (highByte(rng) + hex(rng, 15)).toUpperCase()],
    ['mixed-case-odd', 'salt in mixed case, odd length', (rng) => ('a' + hex(rng, 15)).replace(/[a-f]/g, (c) => (rng.int(2) ? c.toUpperCase() : c))],
    ['long-64', 'salt of 64 bytes', (rng) => lowByte(rng) + hex(rng, 63)],
  ];
  return list.map(([name, description, make]) =>
    edge(`srp/salt/${name}`, description, ['salt-edge'], (rng) => userCase(rng, { salt: make(rng) })));
}

/** Unicode, empty and long strings in x and the signature; USER_ID_FOR_SRP versus the typed alias. */
function stringCases() {
  const nfc = 'Pässwörd-Ünïcödé-€';
  // The NFC/NFD pair shares every input but the password's normalization form.
  const sharedNf = (rng) => ({
    smallA: rng.bytes(128).toString('hex'),
    poolId: poolId(rng),
    username: 'josé@example.com',
    userIdForSrp: 'José-Ångström-日本',
    salt: saltString(rng),
    secretBlock: secretBlock(rng),
    timestampEpochMs: randomEpoch(rng),
  });
  const list = [
    ['unicode-nfc', 'unicode USER_ID_FOR_SRP and password, NFC', ['string-edge'], (rng) => ({ ...sharedNf(rng.fork('nf')), password: nfc })],
    ['unicode-nfd', 'the same password in NFD (different UTF-8 bytes: no normalization may be applied)', ['string-edge'], (rng) => ({ ...sharedNf(rng.fork('nf')), password: nfc.normalize('NFD') })],
    ['emoji', 'astral-plane emoji password (surrogate pairs, 4-byte UTF-8)', ['string-edge'], () => ({ password: '🔑🐙👍🏽🇯🇵🧑‍💻' })],
    ['emoji-user', 'astral-plane emoji in USER_ID_FOR_SRP', ['string-edge'], (rng) => ({ userIdForSrp: `user-😀-${rng.string(LOWER_DIGITS, 4)}` })],
    ['empty-password', 'empty password', ['string-edge'], () => ({ password: '' })],
    ['password-256', 'password of 256 ASCII characters', ['string-edge'], (rng) => ({ password: rng.string(PRINTABLE, 256) })],
    ['password-multibyte-long', 'long multi-byte password (300 x "漢é🔑")', ['string-edge'], () => ({ password: '漢é🔑'.repeat(300) })],
    ['alias', 'USER_ID_FOR_SRP (a UUID) differs from the typed username (an email alias)', ['string-edge', 'alias'], (rng) => ({ username: `alias.${rng.string(LOWER_DIGITS, 6)}@example.com`, userIdForSrp: uuid(rng) })],
    ['colons', 'colons in USER_ID_FOR_SRP and password (the identity string is not split)', ['string-edge'], () => ({ userIdForSrp: 'user:with:colons', password: ':pass:word:' })],
    ['quotes', 'password with spaces, quotes and backslashes', ['string-edge'], () => ({ password: ' a "quoted" \\ back\\slash \' ' })],
  ];
  return list.map(([name, description, tags, over]) => edge(`srp/string/${name}`, description, tags, (rng) => userCase(rng, over(rng))));
}

/** SECRET_BLOCK is signed as its decoded bytes: every base64 padding form and a realistic size. */
function secretBlockCases() {
  const list = [
    ['1', 'SECRET_BLOCK of 1 byte ("==" padding)', (rng) => rng.bytes(1).toString('base64')],
    ['2', 'SECRET_BLOCK of 2 bytes ("=" padding)', (rng) => rng.bytes(2).toString('base64')],
    ['3', 'SECRET_BLOCK of 3 bytes (no padding)', (rng) => rng.bytes(3).toString('base64')],
    ['1188', 'SECRET_BLOCK of realistic size (1188 bytes)', (rng) => rng.bytes(1188).toString('base64')],
    ['plus-slash', 'SECRET_BLOCK made of "+" and "/" characters', () => Buffer.from([0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff]).toString('base64')],
  ];
  return list.map(([name, description, make]) =>
    edge(`srp/secret-block/${name}`, description, ['secret-block-edge'], (rng) => userCase(rng, { secretBlock: make(rng) })));
}

/** TIMESTAMP inside a full answer: single-digit days, midnight, 23:59:59, leap days, year end, 2038+. */
function timestampSrpCases() {
  const list = [
    ['2026-03-01T00:00:00.000Z', 'single-digit day at midnight'],
    ['2025-07-05T12:34:56.789Z', 'single-digit day 5'],
    ['2027-11-09T23:59:59.500Z', 'single-digit day 9 at 23:59:59'],
    ['2030-01-10T00:00:00.000Z', 'day 10 (first two-digit day) at midnight'],
    ['2028-02-29T08:15:00.250Z', 'leap day'],
    ['2024-02-29T23:59:59.999Z', 'leap day at 23:59:59.999 (truncate, not round)'],
    ['2029-12-31T23:59:59.999Z', 'last second of a year with ms = 999 (must truncate to the same year)'],
    ['2038-01-19T03:14:08.000Z', 'first second past 32-bit time_t'],
    ['2052-02-29T00:00:00.001Z', 'leap day at midnight after 2038'],
  ];
  return list.map(([iso, description]) =>
    edge(`srp/timestamp/${iso}`, `TIMESTAMP ${description} (${iso})`, ['timestamp-edge'], (rng) =>
      userCase(rng, { timestampEpochMs: Date.parse(iso) })));
}

function poolCases() {
  return [
    edge('srp/pool/digits', 'pool name of digits only', ['string-edge'], (rng) => userCase(rng, { poolId: `eu-west-2_${rng.string('0123456789', 9)}` })),
    edge('srp/pool/long-region', 'pool in a long region name (ap-southeast-2)', ['string-edge'], (rng) => userCase(rng, { poolId: poolId(rng, 'ap-southeast-2') })),
  ];
}

function srpRandomCases(count) {
  return Array.from({ length: count }, (_, i) => ({
    key: `srp/random/${i}`,
    description: 'randomized PASSWORD_VERIFIER case (B from the simulated server)',
    tags: ['random'],
    build: (rng) => userCase(rng),
  }));
}

// ---- device_verifier cases ----

/** A ConfirmDevice input: the 40 password bytes (as base64) and 16 salt bytes as drawn by the client. */
function verifierInput(rng, over = {}) {
  return {
    deviceGroupKey: over.deviceGroupKey ?? deviceGroupKey(rng),
    deviceKey: over.deviceKey ?? deviceKey(rng),
    randomPassword: over.randomPassword ?? devicePassword(rng),
    saltRandomHex: over.saltRandomHex ?? rng.bytes(16).toString('hex'),
  };
}

/** A random password whose verifier v = g^x has the wanted shape. */
function verifierSearch(rng, test, over = {}) {
  const input = verifierInput(rng, over);
  for (let i = 0; i < MAX_TRIES; i++) {
    input.randomPassword = devicePassword(rng);
    if (test(BigInt('0x' + ref.deviceVerifier(input).verifierHex))) return input;
  }
  throw new Error('verifierSearch: no match');
}

function verifierCases(randomCount) {
  const salt = (make) => (rng) => verifierInput(rng, { saltRandomHex: make(rng) });
  const hex = (rng, n) => rng.bytes(n).toString('hex');
  const hi = (rng) => (0x80 + rng.int(0x80)).toString(16);
  const lo = (rng) => (0x10 + rng.int(0x70)).toString(16);
  const list = [
    ['salt-high-bit', 'salt bytes with the top bit set (Salt = 00 + 16 bytes = 17 bytes)', salt((rng) => hi(rng) + hex(rng, 15))],
    ['salt-00-high', 'salt bytes 00 then a high byte (Salt = 00 + 15 bytes = 16 bytes)', salt((rng) => '00' + hi(rng) + hex(rng, 14))],
    ['salt-00-low', 'salt bytes 00 then a low byte (Salt = 15 bytes)', salt((rng) => '00' + lo(rng) + hex(rng, 14))],
    ['salt-0000', 'salt bytes 00 00 then a low byte (Salt = 14 bytes)', salt((rng) => '0000' + lo(rng) + hex(rng, 13))],
    ['salt-nibble', 'salt bytes with a leading zero nibble only (Salt = 16 bytes)', salt((rng) => '0' + (1 + rng.int(7)).toString(16) + hex(rng, 15))],
    ['salt-one', 'salt bytes 00 .. 00 01 (Salt = 1 byte)', salt(() => '00'.repeat(15) + '01')],
    ['salt-zero', 'salt bytes all zero (Salt = the single byte 00)', salt(() => '00'.repeat(16))],
    ['salt-ff', 'salt bytes all ff (Salt = 00 + ff x 16)', salt(() => 'ff'.repeat(16))],
    ['verifier-top-bit', `verifier ${SHAPE.topBitSet.what}`, (rng) => verifierSearch(rng, SHAPE.topBitSet.test)],
    ['verifier-high-clear', `verifier ${SHAPE.highClear.what}`, (rng) => verifierSearch(rng, SHAPE.highClear.test)],
    ['verifier-zero-byte', `verifier ${SHAPE.zeroByte00.what}`, (rng) => verifierSearch(rng, SHAPE.zeroByte00.test)],
    ['verifier-below-3063', `verifier ${SHAPE.below3063.what}`, (rng) => verifierSearch(rng, SHAPE.below3063.test)],
    ['unicode-keys', 'unicode device group key and device key (not realistic; checks UTF-8 handling)', (rng) => verifierInput(rng, { deviceGroupKey: '-gröup-鍵', deviceKey: 'eu-west-1_dévice-🔑' })],
  ];
  const edges = list.map(([name, description, build]) => edge(`devver/${name}`, description, [], build));
  const random = Array.from({ length: randomCount }, (_, i) => ({
    key: `devver/random/${i}`,
    description: 'randomized ConfirmDevice verifier',
    tags: ['random'],
    build: (rng) => verifierInput(rng),
  }));
  return [...edges, ...random];
}

// ---- device_srp cases ----

/** A DEVICE_SRP_AUTH input; the server knows v for (salt, deviceGroupKey, deviceKey, devicePassword). */
function deviceCase(rng, over = {}, serverOptions = {}) {
  const input = {
    smallA: over.smallA ?? rng.bytes(128).toString('hex'),
    username: over.username ?? username(rng),
    deviceGroupKey: over.deviceGroupKey ?? deviceGroupKey(rng),
    deviceKey: over.deviceKey ?? deviceKey(rng),
    devicePassword: over.devicePassword ?? devicePassword(rng),
    salt: over.salt ?? saltString(rng),
    secretBlock: over.secretBlock ?? secretBlock(rng),
    timestampEpochMs: over.timestampEpochMs ?? randomEpoch(rng),
  };
  input.timestamp = ref.formatTimestamp(input.timestampEpochMs);
  const who = { prefix: input.deviceGroupKey, userId: input.deviceKey, password: input.devicePassword };
  return { input, server: simulateServer(rng, input, who, serverOptions) };
}

/**
 * Round trip: the device registered with a verifier case of this file signs in. SALT comes back as the hex of
 * the ConfirmDevice Salt bytes (with its 00 byte when present, or minimal), and the simulated server uses that
 * case's PasswordVerifier, so sMatchesServer proves verifier and answer fit together.
 */
function roundTripCase(verifierKey, description, { minimalSalt = false } = {}) {
  return {
    key: `devsrp/roundtrip/${verifierKey}/${minimalSalt}`,
    description,
    tags: ['edge', 'device-roundtrip'],
    relatedVerifierKey: verifierKey,
    build: (rng, related) => {
      const saltHex = ref.deviceVerifier(related.input).saltHex;
      const out = deviceCase(rng, {
        deviceGroupKey: related.input.deviceGroupKey,
        deviceKey: related.input.deviceKey,
        devicePassword: related.input.randomPassword,
        salt: minimalSalt ? BigInt('0x' + saltHex).toString(16) : saltHex,
      });
      const stored = BigInt('0x' + ref.deviceVerifier(related.input).verifierHex);
      if (out.server.v !== stored) throw new Error(`${verifierKey}: server verifier differs from ConfirmDevice's`);
      return out;
    },
  };
}

function deviceSrpCases(randomCount) {
  const edges = [
    roundTripCase('devver/salt-high-bit', 'round trip with a 17-byte ConfirmDevice salt sent back as hex (00 + 16 bytes)'),
    roundTripCase('devver/salt-00-high', 'round trip with a 16-byte ConfirmDevice salt (00 + 15 bytes) sent back as hex'),
    roundTripCase('devver/salt-00-low', 'round trip with a 15-byte ConfirmDevice salt'),
    roundTripCase('devver/salt-zero', 'round trip with the all-zero salt (Salt = 00)'),
    roundTripCase('devver/salt-ff', 'round trip with the all-ff salt'),
    roundTripCase('devver/verifier-below-3063', 'round trip with a verifier < 2^3063'),
    roundTripCase('devver/salt-high-bit', 'round trip, SALT sent back as minimal hex (no 00 byte): same number, same x', { minimalSalt: true }),
    edge('devsrp/salt-00-low-string', 'device SRP with a SALT string "00" + low byte (number semantics drop the 00)', ['salt-edge'], (rng) =>
      deviceCase(rng, { salt: '00' + (0x10 + rng.int(0x70)).toString(16) + rng.bytes(14).toString('hex') })),
    edge('devsrp/A-zero-byte', `device SRP with A ${SHAPE.zeroByte00.what}`, ['A-edge'], (rng) =>
      deviceCase(rng, { smallA: searchSmallA(rng, SHAPE.zeroByte00.test) })),
    edge('devsrp/B-below-3063', `device SRP with B ${SHAPE.below3063.what}`, ['B-edge'], (rng) =>
      deviceCase(rng, {}, { pick: ({ B }) => SHAPE.below3063.test(B) })),
    edge('devsrp/S-zero-byte', 'device SRP with S < 2^3064 (leading zero byte)', ['S-edge'], (rng) =>
      deviceCase(rng, {}, { pick: ({ S }) => S < below(3064) })),
    edge('devsrp/u-zero-byte', 'device SRP with u < 2^248 (leading zero byte)', ['u-edge'], (rng) =>
      deviceCase(rng, {}, { pick: ({ u }) => u < below(248) })),
    edge('devsrp/timestamp', 'device SRP at midnight on a single-digit day (2031-06-03T00:00:00.000Z)', ['timestamp-edge'], (rng) =>
      deviceCase(rng, { timestampEpochMs: Date.parse('2031-06-03T00:00:00.000Z') })),
  ];
  const random = Array.from({ length: randomCount }, (_, i) => ({
    key: `devsrp/random/${i}`,
    description: 'randomized DEVICE_PASSWORD_VERIFIER case (B from the simulated server)',
    tags: ['random'],
    build: (rng) => deviceCase(rng),
  }));
  return [...edges, ...random];
}

// ---- secret_hash, timestamp, padhex ----

function secretHashCases(randomCount) {
  const clientId = (rng) => rng.string(LOWER_DIGITS, 26);
  const clientSecret = (rng) => rng.string(LOWER_DIGITS, 51);
  const nfc = 'Zoë Ångström';
  const list = [
    ['unicode-username', 'unicode username', (rng) => ({ username: 'ユーザー名-Ωmega-🔑' })],
    ['unicode-secret', 'unicode client secret', (rng) => ({ clientSecret: 'sécret-秘密-🔐-' + rng.string(LOWER_DIGITS, 10) })],
    ['secret-64', 'client secret of exactly 64 bytes (one SHA-256 block: used as is)', (rng) => ({ clientSecret: rng.string(LOWER_DIGITS, 64) })],
    ['secret-65', 'client secret of 65 bytes (longer than a block: hashed first)', (rng) => ({ clientSecret: rng.string(LOWER_DIGITS, 65) })],
    ['secret-100', 'client secret of 100 characters', (rng) => ({ clientSecret: rng.string(ALNUM, 100) })],
    ['secret-1000', 'very long client secret (1000 characters)', (rng) => ({ clientSecret: rng.string(ALNUM, 1000) })],
    ['secret-multibyte', 'multi-byte client secret longer than 64 bytes (20 x "ß🔐")', () => ({ clientSecret: 'ß🔐'.repeat(20) })],
    ['uuid', 'username is a UUID (the USER_ID_FOR_SRP / sub form)', (rng) => ({ username: uuid(rng) })],
    ['email-plus', 'email username with "+"', (rng) => ({ username: `first.last+${rng.string(LOWER_DIGITS, 4)}@example.com` })],
    ['phone', 'phone-number username', (rng) => ({ username: `+4477${rng.string('0123456789', 8)}` })],
    ['empty-username', 'empty username (the function is still defined)', () => ({ username: '' })],
    ['nfd', 'username in NFD (differs from the NFC case byte-wise)', () => ({ username: nfc.normalize('NFD'), clientId: '4b1cde2f3g4h5i6j7k8l9m0n1o', clientSecret: 'shared-secret-for-the-nf-pair' })],
    ['nfc', 'username in NFC (pair of the NFD case)', () => ({ username: nfc, clientId: '4b1cde2f3g4h5i6j7k8l9m0n1o', clientSecret: 'shared-secret-for-the-nf-pair' })],
  ];
  const build = (over) => (rng) => ({ username: username(rng), clientId: clientId(rng), clientSecret: clientSecret(rng), ...over(rng) });
  return [
    ...list.map(([name, description, over]) => edge(`sechash/${name}`, description, [], build(over))),
    ...Array.from({ length: randomCount }, (_, i) => ({ key: `sechash/random/${i}`, description: 'randomized SECRET_HASH', tags: ['random'], build: build(() => ({})) })),
  ];
}

function timestampCases(randomCount) {
  const list = [
    ['1970-01-01T00:00:00.000Z', 'Unix epoch'],
    ['2021-01-01T01:02:03.000Z', 'day 1, January'],
    ['2022-02-02T02:03:04.005Z', 'day 2, February'],
    ['2023-03-03T03:04:05.006Z', 'day 3, March'],
    ['2024-04-04T04:05:06.007Z', 'day 4, April'],
    ['2025-05-05T05:06:07.008Z', 'day 5, May'],
    ['2026-06-06T06:07:08.009Z', 'day 6, June'],
    ['2027-07-07T07:08:09.010Z', 'day 7, July'],
    ['2028-08-08T08:09:10.011Z', 'day 8, August'],
    ['2029-09-09T09:10:11.012Z', 'day 9, September'],
    ['2030-10-10T10:11:12.013Z', 'day 10 (first two-digit day), October'],
    ['2031-11-11T11:12:13.014Z', 'day 11, November'],
    ['2032-12-12T12:13:14.015Z', 'day 12, December'],
    ['2026-03-01T00:00:00.000Z', 'midnight'],
    ['2026-03-01T23:59:59.000Z', '23:59:59'],
    ['2024-02-29T12:00:00.000Z', 'leap day'],
    ['2000-02-29T00:00:00.000Z', 'leap day of a century leap year'],
    ['2100-03-01T00:00:00.000Z', 'March 1 of 2100 (not a leap year)'],
    ['2029-12-31T23:59:59.999Z', 'year end with ms = 999 (truncate, not round)'],
    ['1999-12-31T23:59:59.999Z', 'last instant of the 1900s'],
    ['2038-01-19T03:14:07.000Z', 'last second of 32-bit time_t'],
    ['2038-01-19T03:14:08.000Z', 'first second past 32-bit time_t'],
    ['2106-02-07T06:28:16.000Z', '2^32 seconds'],
    ['2027-01-03T00:00:00.000Z', 'Sunday midnight on day 3'],
  ];
  const edges = list.map(([iso, description]) => edge(`ts/${iso}`, `${description} (${iso})`, [], () => Date.parse(iso)));
  const random = Array.from({ length: randomCount }, (_, i) => ({ key: `ts/random/${i}`, description: 'randomized timestamp', tags: ['random'], build: randomEpoch }));
  return [...edges, ...random];
}

function padHexCases() {
  const big = (v) => v.toString(16);
  const list = [
    ['0', 'zero'], ['1', 'one'], ['f', 'single digit'], ['7f', 'largest one-byte positive'],
    ['80', '128: top bit set, PAD adds 00'], ['ff', '255'], ['100', '256 (odd length)'], ['800', 'odd length, first nibble 8'],
    ['7fff', 'two bytes, top bit clear'], ['8000', 'two bytes, top bit set'], ['abc', 'odd length'],
    ['000abc', 'leading zeros in the input'], ['0080', 'input already padded'], ['ABCDEF', 'upper-case input'],
    [big(N), 'N'], [big(N - 1n), 'N - 1'], [big(below(3071)), '2^3071 (top bit of 3072)'], [big(below(3064) - 1n), '2^3064 - 1'],
    ['-1', 'negative: -1 → ff'], ['-7f', 'negative: -127 → 81'], ['-80', 'negative: -128 → 80'], ['-81', 'negative: -129 → ff7f'],
    ['-ff', 'negative: -255 → ff01'], ['-100', 'negative: -256 → ff00'], ['-101', 'negative: -257 → feff'],
    ['-ec', 'negative: -236 → ff14 (the clients\' doc example)'], ['-7fff', 'negative: -32767 → 8001'],
    ['-8000', 'negative: -32768 → 8000'], ['-8001', 'negative: -32769 → ff7fff'], ['-ffff', 'negative: -65535 → ff0001'],
    ['-800000', 'negative: -2^23 → 800000'], ['-80000000', 'negative: -2^31 → 80000000'],
    ['-' + big(N), 'negative: -N'], ['-' + big(below(3071)), 'negative: -2^3071'],
  ];
  return list.map(([hexText, description], i) => ({
    key: `padhex/${i}`,
    description,
    tags: ['edge', ...(hexText.startsWith('-') ? ['negative'] : [])],
    build: () => hexText,
  }));
}

// ---- invalid_srp ----

/** A valid-looking user input with one field broken; the server is not simulated. */
function invalidCases() {
  const list = [
    ['B = 0', 'B mod N == 0', () => ({ B: '0' })],
    ['B = 0 written as 768 zeros', 'B mod N == 0', () => ({ B: '0'.repeat(768) })],
    ['B = N', 'B mod N == 0', () => ({ B: N.toString(16) })],
    ['B = N in upper case', 'B mod N == 0', () => ({ B: N.toString(16).toUpperCase() })],
    ['B = 2N', 'B mod N == 0', () => ({ B: (2n * N).toString(16) })],
    ['B empty', 'SRP_B is empty', () => ({ B: '' })],
    ['B with a non-hex character inside ("12g4" + hex)', 'non-hex SRP_B', (i) => ({ B: '12g4' + i.B.slice(4) })],
    ['B with a 0x prefix', 'non-hex SRP_B (0x is not part of the wire format)', (i) => ({ B: '0x' + i.B })],
    ['B negative ("-" + hex)', 'non-hex SRP_B (sign)', (i) => ({ B: '-' + i.B })],
    ['B with surrounding whitespace', 'non-hex SRP_B (whitespace)', (i) => ({ B: ` ${i.B}\n` })],
    ['salt non-hex ("zz")', 'non-hex SALT', () => ({ salt: 'zz' })],
    ['salt with a 0x prefix', 'non-hex SALT', (i) => ({ salt: '0x' + i.salt })],
    ['salt empty', 'SALT is empty', () => ({ salt: '' })],
  ];
  return list.map(([description, reason, mutate], n) => ({
    key: `invalid/${n}`,
    description,
    tags: ['invalid'],
    reason,
    build: (rng) => {
      const input = userInput(rng);
      input.B = (rng.bigint(384) % N).toString(16);
      return { input: { ...input, ...mutate(input) } };
    },
  }));
}

/** All cases in output order, grouped by kind. */
export function allCases() {
  return {
    srp: [...srpEdgeCases(), ...srpRandomCases(30)],
    device_verifier: verifierCases(6),
    device_srp: deviceSrpCases(5),
    secret_hash: secretHashCases(6),
    timestamp: timestampCases(6),
    padhex: padHexCases(),
    invalid_srp: invalidCases(),
  };
}

export const poolName = poolNameOf;

// The fixed input every benchmark uses, and one adapter per library that runs that library's own code path on it.
//
// Randomness is the only thing replaced: each library draws its random bytes through a function that this module
// patches (or, for cognito-kit, injects) so that it returns the vector's bytes. Everything else (parsing, hashing,
// BigInteger work, encodings) is the library's own code.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_DIR = dirname(BENCH_DIR);
const require = createRequire(join(BENCH_DIR, 'package.json'));

// ---------------------------------------------------------------------------------------------------------------
// The vector
// ---------------------------------------------------------------------------------------------------------------

export const VECTOR_FILE = join(REPO_DIR, 'test-vectors/public/vectors-public.json');
const VECTOR_ID = 'srp-rand-005';
const DEVICE_VECTOR_ID = 'devver-rand-001';
const SECRET_VECTOR_ID = 'sechash-rand-001';

const vectors = JSON.parse(readFileSync(VECTOR_FILE, 'utf8')).vectors;
const pick = (id, kind) => vectors.find((v) => v.id === id) ?? vectors.find((v) => v.kind === kind);

export const srpVector = pick(VECTOR_ID, 'srp');
export const deviceVector = pick(DEVICE_VECTOR_ID, 'device_verifier');
export const secretVector = pick(SECRET_VECTOR_ID, 'secret_hash');

const I = srpVector.input;
export const input = {
  smallA: I.smallA,
  B: I.B,
  salt: I.salt,
  secretBlock: I.secretBlock,
  poolId: I.poolId,
  poolName: I.poolId.split('_')[1],
  userIdForSrp: I.userIdForSrp,
  username: I.username,
  password: I.password,
  timestamp: I.timestamp,
  now: new Date(I.timestampEpochMs),
};
export const expected = {
  srpA: srpVector.expected.A,
  signature: srpVector.expected.signature,
  verifier: deviceVector.expected.PasswordVerifier,
  verifierSalt: deviceVector.expected.Salt,
  secretHash: secretVector.expected.secretHash,
};
export const challengeParameters = {
  SALT: I.salt,
  SRP_B: I.B,
  SECRET_BLOCK: I.secretBlock,
  USER_ID_FOR_SRP: I.userIdForSrp,
  USERNAME: I.username,
};
export const device = {
  deviceGroupKey: deviceVector.input.deviceGroupKey,
  deviceKey: deviceVector.input.deviceKey,
  randomPassword: deviceVector.input.randomPassword,
  saltRandomHex: deviceVector.input.saltRandomHex,
};
export const secret = { ...secretVector.input };

// ---------------------------------------------------------------------------------------------------------------
// Fixed randomness: every library asks for 128 bytes (a), 40 bytes (device password) or 16 bytes (device salt).
// ---------------------------------------------------------------------------------------------------------------

const hexToBytes = (hex) => Uint8Array.from(Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex'));
const FIXED = new Map([
  [128, hexToBytes(input.smallA.padStart(256, '0'))],
  [40, Uint8Array.from(Buffer.from(device.randomPassword, 'base64'))],
  [16, hexToBytes(device.saltRandomHex)],
]);
if (FIXED.get(128).length !== 128 || FIXED.get(40).length !== 40 || FIXED.get(16).length !== 16) {
  throw new Error('vector randomness has unexpected lengths');
}
/** The vector's bytes for a draw of `length` bytes (a copy, so a library may overwrite it). */
export function fixedBytes(length) {
  const bytes = FIXED.get(length);
  if (bytes === undefined) throw new Error(`no fixed random bytes of length ${length}`);
  return bytes.slice();
}
const fixedHex = new Map([...FIXED].map(([n, b]) => [n, Buffer.from(b).toString('hex')]));
/** A stand-in for a crypto-js style `WordArray`: only `toString()` (hex) is used by the callers. */
const fakeWordArray = (nBytes) => {
  const hex = fixedHex.get(nBytes);
  if (hex === undefined) throw new Error(`no fixed random bytes of length ${nBytes}`);
  return { sigBytes: nBytes, toString: () => hex };
};

// ---------------------------------------------------------------------------------------------------------------
// cognito-kit
// ---------------------------------------------------------------------------------------------------------------

export const kit = await import('@cognito-kit/srp');
const kitRandom = { randomBytes: fixedBytes };

export const cognitoKit = {
  name: 'cognito-kit',
  start: () => kit.createSrpSession(kitRandom),
  srpA: (session) => session.srpA,
  answer: (session) =>
    kit.respondToPasswordVerifier(session, {
      userPoolId: input.poolId,
      password: input.password,
      challengeParameters,
      now: input.now,
    }).PASSWORD_CLAIM_SIGNATURE,
  login() {
    return this.answer(this.start());
  },
  deviceVerifier: () =>
    kit.createDeviceVerifier({ deviceGroupKey: device.deviceGroupKey, deviceKey: device.deviceKey, randomBytes: fixedBytes })
      .DeviceSecretVerifierConfig,
};

// ---------------------------------------------------------------------------------------------------------------
// amazon-cognito-identity-js 6.3.21 (CommonJS build, as Node loads it)
// ---------------------------------------------------------------------------------------------------------------

const idjs = require('amazon-cognito-identity-js');
const idjsRequire = createRequire(require.resolve('amazon-cognito-identity-js'));
/** identity-js's bundled jsbn BigInteger. */
export const JsbnBigInteger = require('amazon-cognito-identity-js/lib/BigInteger.js').default;
const IdjsSha256 = idjsRequire('@aws-crypto/sha256-js').Sha256;
idjs.WordArray.prototype.random = fakeWordArray;

/** The callback API of identity-js as a synchronous call (its callbacks run synchronously). */
function idjsKey(helper) {
  let key;
  let error;
  helper.getPasswordAuthenticationKey(
    input.userIdForSrp,
    input.password,
    new JsbnBigInteger(challengeParameters.SRP_B, 16),
    new JsbnBigInteger(challengeParameters.SALT, 16),
    (err, hkdf) => {
      error = err;
      key = hkdf;
    },
  );
  if (error || key === undefined) throw error ?? new Error('identity-js returned no key');
  return key;
}

/** CognitoUser.authenticateUserInternal's signature code, verbatim apart from the fixed TIMESTAMP. */
function idjsSignature(hkdf) {
  const concatBuffer = Buffer.concat([
    Buffer.from(input.poolName, 'utf8'),
    Buffer.from(input.userIdForSrp, 'utf8'),
    Buffer.from(challengeParameters.SECRET_BLOCK, 'base64'),
    Buffer.from(input.timestamp, 'utf8'),
  ]);
  const awsCryptoHash = new IdjsSha256(hkdf);
  awsCryptoHash.update(concatBuffer);
  return Buffer.from(awsCryptoHash.digestSync()).toString('base64');
}

export const identityJs = {
  name: 'amazon-cognito-identity-js',
  start: () => new idjs.AuthenticationHelper(input.poolName),
  srpA: (helper) => helper.largeAValue.toString(16),
  answer: (helper) => idjsSignature(idjsKey(helper)),
  login() {
    return this.answer(this.start());
  },
  /** CognitoUser.confirmDevice's path: generateHashDevice on a helper, then the base64 encodings it sends. */
  deviceHelper: null,
  deviceVerifier() {
    const helper = (this.deviceHelper ??= new idjs.AuthenticationHelper(input.poolName));
    let error = null;
    helper.generateHashDevice(device.deviceGroupKey, device.deviceKey, (err) => (error = err));
    if (error) throw error;
    return {
      Salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
      PasswordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
    };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// cognito-srp-helper 2.3.4 (ESM build; crypto-js WordArray.random is its random source)
// ---------------------------------------------------------------------------------------------------------------

const srpHelper = await import('cognito-srp-helper');
const srpHelperRequire = createRequire(require.resolve('cognito-srp-helper'));
const CryptoJS = srpHelperRequire('crypto-js');
CryptoJS.lib.WordArray.random = fakeWordArray;

const srpHelperResponse = { ChallengeParameters: challengeParameters };

export const cognitoSrpHelper = {
  name: 'cognito-srp-helper',
  // isHashed = false: the 4th argument defaults to true, which would treat the password as already hashed.
  start: () => srpHelper.createSrpSession(input.username, input.password, input.poolId, false),
  srpA: (session) => session.largeA,
  // The session carries its own TIMESTAMP (taken at createSrpSession); pin it to the vector's.
  answer: (session) => srpHelper.signSrpSession({ ...session, timestamp: input.timestamp }, srpHelperResponse).passwordSignature,
  login() {
    return this.answer(this.start());
  },
  deviceVerifier: () => srpHelper.createDeviceVerifier(device.deviceKey, device.deviceGroupKey).DeviceSecretVerifierConfig,
  secretHash: srpHelper.createSecretHash,
};

// ---------------------------------------------------------------------------------------------------------------
// Amplify v6 (@aws-amplify/auth 6.21.1 internals; deep file imports, since the exports map hides them)
// ---------------------------------------------------------------------------------------------------------------

const amplifySrpDir = join(
  dirname(require.resolve('@aws-amplify/auth/package.json')),
  'dist/esm/providers/cognito/utils/srp',
);
const amplifyImport = (file) => import(pathToFileURL(join(amplifySrpDir, file)).href);
const { getAuthenticationHelper } = await amplifyImport('getAuthenticationHelper.mjs');
const { getSignatureString } = await amplifyImport('getSignatureString.mjs');
const { getBytesFromHex: amplifyGetBytesFromHex } = await amplifyImport('getBytesFromHex.mjs');
const AmplifyBigInteger = (await amplifyImport('BigInteger/BigInteger.mjs')).default;
const amplifyUtils = await import('@aws-amplify/core/internals/utils');
amplifyUtils.WordArray.prototype.random = fakeWordArray;

export const amplify = {
  name: 'Amplify v6 (auth internals)',
  start: () => getAuthenticationHelper(input.poolName),
  srpA: (helper) => helper.A.toString(16),
  // handlePasswordVerifierChallenge's computation, minus the network call and with the fixed TIMESTAMP.
  async answer(helper) {
    const hkdf = await helper.getPasswordAuthenticationKey({
      username: challengeParameters.USER_ID_FOR_SRP,
      password: input.password,
      serverBValue: new AmplifyBigInteger(challengeParameters.SRP_B, 16),
      salt: new AmplifyBigInteger(challengeParameters.SALT, 16),
    });
    return getSignatureString({
      username: challengeParameters.USER_ID_FOR_SRP,
      userPoolName: input.poolName,
      challengeParameters,
      dateNow: input.timestamp,
      hkdf,
    });
  },
  async login() {
    return this.answer(await this.start());
  },
  deviceHelper: null,
  // getNewDeviceMetadata's computation (the helper, made once, is reused as identity-js's is).
  async deviceVerifier() {
    const helper = (this.deviceHelper ??= await getAuthenticationHelper(input.poolName));
    await helper.generateHashDevice(device.deviceGroupKey, device.deviceKey);
    return {
      Salt: amplifyUtils.base64Encoder.convert(amplifyGetBytesFromHex(helper.getSaltToHashDevices())),
      PasswordVerifier: amplifyUtils.base64Encoder.convert(amplifyGetBytesFromHex(helper.getVerifierDevices())),
    };
  },
};

export const libraries = [cognitoKit, identityJs, cognitoSrpHelper, amplify];

// ---------------------------------------------------------------------------------------------------------------
// The check: same SRP_A, same signature, same verifier, same SECRET_HASH for every library.
// ---------------------------------------------------------------------------------------------------------------

/** Runs every library once on the fixed input and compares with the vector; returns rows and whether all agree. */
export async function checkAgreement() {
  const rows = [];
  for (const lib of libraries) {
    const row = { library: lib.name };
    try {
      const session = await lib.start();
      row.srpA = lib.srpA(session) === expected.srpA;
      row.signature = (await lib.answer(session)) === expected.signature;
      row.login = (await lib.login()) === expected.signature;
      const verifier = await lib.deviceVerifier();
      row.deviceVerifier = verifier.PasswordVerifier === expected.verifier && verifier.Salt === expected.verifierSalt;
    } catch (error) {
      row.error = String(error?.stack ?? error);
    }
    rows.push(row);
  }
  const { username, clientId, clientSecret } = secret;
  const hashes = {
    'cognito-kit secretHash': kit.secretHash(username, clientId, clientSecret),
    'cognito-kit secretHasher': kit.secretHasher(clientId, clientSecret)(username),
    'cognito-srp-helper createSecretHash': srpHelper.createSecretHash(username, clientId, clientSecret),
    'node:crypto HMAC': nodeSecretHash(username, clientId, clientSecret),
  };
  const secretRows = Object.entries(hashes).map(([name, value]) => ({ name, ok: value === expected.secretHash, value }));
  const ok = rows.every((r) => !r.error && r.srpA && r.signature && r.login && r.deviceVerifier) && secretRows.every((r) => r.ok);
  return { rows, secretRows, ok };
}

export function nodeSecretHash(username, clientId, clientSecret) {
  return createHmac('sha256', clientSecret).update(username + clientId, 'utf8').digest('base64');
}

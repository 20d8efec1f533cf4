// Oracle 1: amazon-cognito-identity-js — the client real Cognito accepts every day — driven through its
// public flows (CognitoUser.authenticateUser, getDeviceResponse, authenticateUserInternal) with the network
// replaced by a scripted transport (user.client.request). Intermediate values are observed by wrapping
// AuthenticationHelper's own methods: the wrappers record arguments and results and change nothing.
import { packageInfo, requireFile, runControlled, srpFields, deviceSrpFields } from './harness.mjs';

const NAME = 'amazon-cognito-identity-js';
const pkg = packageInfo(NAME);
// The CommonJS build, i.e. what `require('amazon-cognito-identity-js')` gives Node users.
const lib = requireFile(pkg.root, 'lib/index.js');
const BigInteger = requireFile(pkg.root, 'lib/BigInteger.js').default;
const { AuthenticationDetails, AuthenticationHelper, CognitoUser, CognitoUserPool, DateHelper } = lib;

export const identityJs = {
  name: NAME,
  version: pkg.version,
  describe: `${NAME}@${pkg.version} (lib/ CommonJS build: CognitoUser.authenticateUser, getDeviceResponse and ` +
    'authenticateUserInternal with a scripted client.request; AuthenticationHelper methods observed by wrappers; ' +
    'DateHelper.getNowString under a frozen clock; AuthenticationHelper.prototype.padHex)',
};

// ---- observation of AuthenticationHelper internals ----

let trace = null; // filled while an oracle call runs
const H = AuthenticationHelper.prototype;

function observe(method, wrap) {
  const original = H[method];
  H[method] = function (...args) {
    return trace ? wrap.call(this, original, args) : original.apply(this, args);
  };
}

observe('getPasswordAuthenticationKey', function (original, args) {
  const [userId, password, , salt] = args;
  Object.assign(trace, { a: this.smallAValue.toString(16), prefix: this.poolName, userId, password });
  trace.padHexSalt = this.padHex(salt);
  return original.apply(this, args);
});
observe('calculateU', function (original, [A, B]) {
  const u = original.call(this, A, B);
  Object.assign(trace, { padHexA: this.padHex(A), padHexB: this.padHex(B), u: u.toString(16) });
  return u;
});
observe('calculateS', function (original, [x, B, callback]) {
  trace.x = x.toString(16);
  return original.call(this, x, B, (err, S) => {
    if (!err) trace.S = S.toString(16);
    callback(err, S);
  });
});
observe('computehkdf', function (original, [ikm, salt]) {
  const key = original.call(this, ikm, salt);
  Object.assign(trace, { padHexS: hex(ikm), padHexU: hex(salt), hkdf: hex(key) });
  return key;
});
observe('hash', function (original, [input]) {
  const digest = original.call(this, input);
  if (typeof input === 'string') trace.identityHash = digest; // the only string hashed: prefix+user:password
  return digest;
});
observe('hexHash', function (original, [hexStr]) {
  const digest = original.call(this, hexStr);
  (trace.hexHashes ??= []).push({ input: hexStr, digest });
  return digest;
});

const hex = (bytes) => Buffer.from(bytes).toString('hex');

// ---- scripted transport and plumbing ----

/** In-memory Storage so runs never share cached device keys or tokens. */
function memoryStorage() {
  const map = new Map();
  return {
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    clear: () => map.clear(),
  };
}

/** A fake JWT: the library decodes the payload (exp/iat) to build a session. */
const fakeJwt = (claims) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64')}.sig`;

class Captured extends Error {
  constructor() {
    super('request captured');
    this.code = 'Captured';
  }
}

/**
 * Runs a callback-style library flow to completion. `reply(operation, params)` plays Cognito: it returns the
 * response, or throws Captured to stop the flow once the request of interest has been recorded.
 */
function runFlow(start, user, reply) {
  return new Promise((resolve, reject) => {
    user.client = {
      request(operation, params, callback) {
        let response;
        try {
          response = reply(operation, params);
        } catch (err) {
          return callback(err, null);
        }
        return callback(null, response);
      },
    };
    const callbacks = {
      onSuccess: () => resolve(),
      onFailure: (err) => (err instanceof Captured ? resolve() : reject(err)),
    };
    try {
      start(callbacks);
    } catch (err) {
      reject(err);
    }
  });
}

function newUser(poolId, username) {
  const storage = memoryStorage();
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: 'kitclientid0000000000000000', Storage: storage });
  return { pool, user: new CognitoUser({ Username: username, Pool: pool, Storage: storage }) };
}


// ---- the oracle's operations ----

/** USER_SRP_AUTH: InitiateAuth (captures SRP_A) → PASSWORD_VERIFIER answer (captured, flow stopped). */
export async function srp(input) {
  return runControlled({ randomChunks: [Buffer.from(input.smallA, 'hex')], epochMs: input.timestampEpochMs }, async () => {
    trace = {};
    try {
      const { pool, user } = newUser(input.poolId, input.username);
      const sent = {};
      await runFlow(
        (cb) => user.authenticateUser(new AuthenticationDetails({ Username: input.username, Password: input.password }), cb),
        user,
        (operation, params) => {
          if (operation === 'InitiateAuth') {
            sent.initiate = params;
            return {
              ChallengeName: 'PASSWORD_VERIFIER',
              ChallengeParameters: {
                SALT: input.salt,
                SRP_B: input.B,
                SECRET_BLOCK: input.secretBlock,
                USER_ID_FOR_SRP: input.userIdForSrp,
                USERNAME: input.userIdForSrp,
              },
              Session: 'kit-session',
            };
          }
          sent.respond = params;
          throw new Captured();
        },
      );
      const responses = sent.respond.ChallengeResponses;
      return {
        ...srpFields(trace, sent.initiate.AuthParameters.SRP_A, responses),
        poolName: pool.getUserPoolName(),
        responseUsername: responses.USERNAME,
        responseSecretBlock: responses.PASSWORD_CLAIM_SECRET_BLOCK,
        prefix: trace.prefix,
      };
    } finally {
      trace = null;
    }
  });
}

/** DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER via CognitoUser.getDeviceResponse (the path after PASSWORD_VERIFIER). */
export async function deviceSrp(input) {
  return runControlled({ randomChunks: [Buffer.from(input.smallA, 'hex')], epochMs: input.timestampEpochMs }, async () => {
    trace = {};
    try {
      const region = input.deviceKey.split('_')[0];
      const { user } = newUser(`${region}_DevicePool1`, input.username);
      Object.assign(user, {
        deviceKey: input.deviceKey,
        deviceGroupKey: input.deviceGroupKey,
        randomPassword: input.devicePassword,
        Session: 'kit-session',
      });
      const sent = {};
      await runFlow((cb) => user.getDeviceResponse(cb), user, (operation, params) => {
        if (params.ChallengeName === 'DEVICE_SRP_AUTH') {
          sent.deviceSrpAuth = params;
          return {
            ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
            ChallengeParameters: {
              SALT: input.salt,
              SRP_B: input.B,
              SECRET_BLOCK: input.secretBlock,
              USERNAME: input.username,
              DEVICE_KEY: input.deviceKey,
            },
            Session: 'kit-session-2',
          };
        }
        sent.respond = params;
        throw new Captured();
      });
      return deviceSrpFields(trace, sent);
    } finally {
      trace = null;
    }
  });
}

/**
 * ConfirmDevice's verifier via authenticateUserInternal: a successful sign-in result carrying NewDeviceMetadata
 * makes the library call generateHashDevice and send ConfirmDevice, which we capture. The helper's own
 * constructor draws `a` first (128 filler bytes), then generateHashDevice draws 40 password and 16 salt bytes.
 */
export async function deviceVerifier(input, fillerA) {
  const chunks = [fillerA, Buffer.from(input.randomPassword, 'base64'), Buffer.from(input.saltRandomHex, 'hex')];
  return runControlled({ randomChunks: chunks, epochMs: 1_700_000_000_000 }, async () => {
    trace = {};
    try {
      const region = input.deviceKey.split('_')[0];
      const { user } = newUser(`${region}_DevicePool1`, 'device-owner');
      const helper = new AuthenticationHelper('DevicePool1');
      const sent = {};
      const authResult = {
        AuthenticationResult: {
          IdToken: fakeJwt({ exp: 1_700_003_600, iat: 1_700_000_000 }),
          AccessToken: fakeJwt({ exp: 1_700_003_600, iat: 1_700_000_000 }),
          RefreshToken: 'refresh',
          NewDeviceMetadata: { DeviceGroupKey: input.deviceGroupKey, DeviceKey: input.deviceKey },
        },
      };
      await runFlow((cb) => user.authenticateUserInternal(authResult, helper, cb), user, (operation, params) => {
        if (operation !== 'ConfirmDevice') throw new Error(`unexpected ${operation}`);
        sent.confirm = params;
        return { UserConfirmationNecessary: false };
      });
      const { Salt, PasswordVerifier } = sent.confirm.DeviceSecretVerifierConfig;
      const saltHex = helper.getSaltDevices();
      const xHash = trace.hexHashes.find((h) => h.input === saltHex + trace.identityHash);
      return {
        randomPassword: helper.getRandomPassword(),
        saltHex,
        identityHash: trace.identityHash,
        x: new BigInteger(xHash.digest, 16).toString(16),
        verifierHex: helper.getVerifierDevices(),
        Salt,
        PasswordVerifier,
        confirmDeviceKey: sent.confirm.DeviceKey,
      };
    } finally {
      trace = null;
    }
  });
}

/** DateHelper.getNowString() at a frozen instant. */
export async function timestamp(epochMs) {
  return runControlled({ epochMs }, async () => ({ timestamp: new DateHelper().getNowString() }));
}

/** AuthenticationHelper.prototype.padHex on the library's BigInteger parsed from (possibly signed) hex. */
export function padHex(hexText) {
  return { padHex: H.padHex.call(null, new BigInteger(hexText, 16)) };
}

/** The library's N, to check the generator's constant. */
export const groupN = () => H.padHex.call(null, new AuthenticationHelper('x').N);

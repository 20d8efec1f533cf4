// Oracle 2: @aws-amplify/auth v6 — its internal SRP code, driven through the real sign-in steps
// (handlePasswordSRP → handlePasswordVerifierChallenge, handleDeviceSRPAuth, getNewDeviceMetadata) with
// globalThis.fetch replaced by a scripted Cognito. The package's "exports" map hides these modules, so they are
// loaded by file path from dist/cjs. Intermediates are observed by wrapping the srp/ module exports, which the
// helper reads at call time through `module.fn(...)`; the wrappers change nothing.
import { packageInfo, requireFile, runControlled, srpFields, deviceSrpFields } from './harness.mjs';

const NAME = '@aws-amplify/auth';
const pkg = packageInfo(NAME);
const core = packageInfo('@aws-amplify/core');
const load = (relative) => requireFile(pkg.root, `dist/cjs/${relative}`);
const SRP = 'providers/cognito/utils/srp/';

const { getNowString } = load(`${SRP}getNowString.js`);
const { getPaddedHex } = load(`${SRP}getPaddedHex.js`);
const { BigInteger } = load(`${SRP}BigInteger/index.js`);
const { INIT_N } = load(`${SRP}constants.js`);
const AuthenticationHelper = load(`${SRP}AuthenticationHelper/AuthenticationHelper.js`).default;
const { handlePasswordSRP } = load('client/flows/shared/handlePasswordSRP.js');
const { handleDeviceSRPAuth } = load('providers/cognito/utils/handleDeviceSRPAuth.js');
const { getNewDeviceMetadata } = load('providers/cognito/utils/getNewDeviceMetadata.js');

export const amplify = {
  name: 'aws-amplify-auth-v6',
  version: pkg.version,
  describe: `${NAME}@${pkg.version} with @aws-amplify/core@${core.version} (dist/cjs: client/flows/shared/handlePasswordSRP ` +
    '→ handlePasswordVerifierChallenge, providers/cognito/utils/handleDeviceSRPAuth and getNewDeviceMetadata with ' +
    'globalThis.fetch scripted; srp/ calculateU, calculateS, getHkdfKey, getHashFromData, getHashFromHex observed; ' +
    'srp/getNowString under a frozen clock; srp/getPaddedHex)',
};

// ---- observation of the srp/ modules ----

let trace = null;

function observe(moduleExports, name, wrap) {
  const original = moduleExports[name];
  moduleExports[name] = function (...args) {
    return trace ? wrap(original, args) : original.apply(this, args);
  };
}

const hex = (bytes) => Buffer.from(bytes).toString('hex');

observe(load(`${SRP}calculate/calculateU.js`), 'calculateU', (original, [params]) => {
  const u = original(params);
  Object.assign(trace, { padHexA: getPaddedHex(params.A), padHexB: getPaddedHex(params.B), u: u.toString(16) });
  return u;
});
observe(load(`${SRP}calculate/calculateS.js`), 'calculateS', async (original, [params]) => {
  trace.x = params.x.toString(16);
  trace.a = params.a.toString(16);
  const S = await original(params);
  trace.S = S.toString(16);
  return S;
});
observe(load(`${SRP}getHkdfKey.js`), 'getHkdfKey', (original, [ikm, salt, info]) => {
  const key = original(ikm, salt, info);
  Object.assign(trace, { padHexS: hex(ikm), padHexU: hex(salt), hkdf: hex(key) });
  return key;
});
observe(load(`${SRP}getHashFromData.js`), 'getHashFromData', (original, [data]) => {
  const digest = original(data);
  if (typeof data === 'string') trace.identityHash = digest; // only prefix+user:password is hashed as a string
  return digest;
});
observe(load(`${SRP}getHashFromHex.js`), 'getHashFromHex', (original, [hexStr]) => {
  const digest = original(hexStr);
  (trace.hexHashes ??= []).push({ input: hexStr, digest });
  return digest;
});
// The salt's padding and the prefix are only visible inside getPasswordAuthenticationKey / generateHashDevice.
const proto = AuthenticationHelper.prototype;
const originalKey = proto.getPasswordAuthenticationKey;
proto.getPasswordAuthenticationKey = function (params) {
  if (trace) Object.assign(trace, { padHexSalt: getPaddedHex(params.salt), prefix: this.userPoolName, userId: params.username });
  return originalKey.call(this, params);
};
const originalHashDevice = proto.generateHashDevice;
proto.generateHashDevice = async function (...args) {
  await originalHashDevice.apply(this, args);
  if (trace) trace.deviceHelper = this;
};

// ---- scripted Cognito over fetch ----

/** Replaces fetch for one flow; `reply(operation, body)` returns the JSON Cognito would answer. */
async function withScriptedFetch(reply, fn) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    const operation = String(init.headers['x-amz-target']).split('.').pop();
    const body = reply(operation, JSON.parse(init.body));
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'kit-request' },
    });
  };
  try {
    return await fn();
  } finally {
    globalThis.fetch = realFetch;
  }
}

/**
 * getNewDeviceMetadata asks core's getDeviceName() for a DeviceName, which reads the browser global `navigator`.
 * Node 20 has none, the ReferenceError is swallowed and no ConfirmDevice is ever sent; a minimal navigator
 * (as in a browser) lets the flow run.
 */
async function withNavigator(fn) {
  const had = Object.prototype.hasOwnProperty.call(globalThis, 'navigator');
  const previous = globalThis.navigator;
  if (!had) globalThis.navigator = { userAgent: 'cognito-kit-vector-generator' };
  try {
    return await fn();
  } finally {
    if (!had) delete globalThis.navigator;
    else globalThis.navigator = previous;
  }
}

const noDevice = { getDeviceMetadata: async () => null, clearDeviceMetadata: async () => {} };
const CLIENT_ID = 'kitclientid0000000000000000';


// ---- the oracle's operations ----

/** USER_SRP_AUTH through handlePasswordSRP: InitiateAuth (SRP_A) then RespondToAuthChallenge (PASSWORD_VERIFIER). */
export async function srp(input) {
  return runControlled({ randomChunks: [Buffer.from(input.smallA, 'hex')], epochMs: input.timestampEpochMs }, async () => {
    trace = {};
    try {
      const sent = {};
      await withScriptedFetch(
        (operation, body) => {
          if (operation === 'InitiateAuth') {
            sent.initiate = body;
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
          sent.respond = body;
          return { AuthenticationResult: { AccessToken: 'kit' }, ChallengeParameters: {} };
        },
        () =>
          handlePasswordSRP({
            username: input.username,
            password: input.password,
            clientMetadata: undefined,
            config: { userPoolId: input.poolId, userPoolClientId: CLIENT_ID },
            tokenOrchestrator: noDevice,
            authFlow: 'USER_SRP_AUTH',
          }),
      );
      const responses = sent.respond.ChallengeResponses;
      return {
        ...srpFields(trace, sent.initiate.AuthParameters.SRP_A, responses),
        poolName: trace.prefix,
        responseUsername: responses.USERNAME,
        responseSecretBlock: responses.PASSWORD_CLAIM_SECRET_BLOCK,
        prefix: trace.prefix,
      };
    } finally {
      trace = null;
    }
  });
}

/** DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER through handleDeviceSRPAuth with remembered device metadata. */
export async function deviceSrp(input) {
  return runControlled({ randomChunks: [Buffer.from(input.smallA, 'hex')], epochMs: input.timestampEpochMs }, async () => {
    trace = {};
    try {
      const sent = {};
      const device = {
        getDeviceMetadata: async () => ({
          deviceKey: input.deviceKey,
          deviceGroupKey: input.deviceGroupKey,
          randomPassword: input.devicePassword,
        }),
      };
      const region = input.deviceKey.split('_')[0];
      await withScriptedFetch(
        (operation, body) => {
          if (body.ChallengeName === 'DEVICE_SRP_AUTH') {
            sent.deviceSrpAuth = body;
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
          sent.respond = body;
          return { AuthenticationResult: { AccessToken: 'kit' }, ChallengeParameters: {} };
        },
        () =>
          handleDeviceSRPAuth({
            username: input.username,
            config: { userPoolId: `${region}_DevicePool1`, userPoolClientId: CLIENT_ID },
            clientMetadata: undefined,
            session: 'kit-session',
            tokenOrchestrator: device,
          }),
      );
      return deviceSrpFields(trace, sent);
    } finally {
      trace = null;
    }
  });
}

/**
 * ConfirmDevice's verifier through getNewDeviceMetadata (called after a sign-in that returned NewDeviceMetadata):
 * getAuthenticationHelper draws `a` (128 filler bytes), generateHashDevice draws 40 password and 16 salt bytes.
 * getNewDeviceMetadata swallows errors and returns undefined, so a missing ConfirmDevice request is an error here.
 */
export async function deviceVerifier(input, fillerA) {
  const chunks = [fillerA, Buffer.from(input.randomPassword, 'base64'), Buffer.from(input.saltRandomHex, 'hex')];
  return runControlled({ randomChunks: chunks, epochMs: 1_700_000_000_000 }, async () => {
    trace = {};
    try {
      const sent = {};
      const region = input.deviceKey.split('_')[0];
      const metadata = await withNavigator(() => withScriptedFetch(
        (operation, body) => {
          if (operation !== 'ConfirmDevice') throw new Error(`unexpected ${operation}`);
          sent.confirm = body;
          return { UserConfirmationNecessary: false };
        },
        () =>
          getNewDeviceMetadata({
            userPoolId: `${region}_DevicePool1`,
            newDeviceMetadata: { DeviceKey: input.deviceKey, DeviceGroupKey: input.deviceGroupKey },
            accessToken: 'kit-access-token',
          }),
      ));
      if (!metadata || !sent.confirm) throw new Error('getNewDeviceMetadata did not send ConfirmDevice');
      const helper = trace.deviceHelper;
      const saltHex = helper.getSaltToHashDevices();
      const xHash = trace.hexHashes.find((h) => h.input === saltHex + trace.identityHash);
      const { Salt, PasswordVerifier } = sent.confirm.DeviceSecretVerifierConfig;
      return {
        randomPassword: metadata.randomPassword,
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

/** srp/getNowString() at a frozen instant. */
export async function timestamp(epochMs) {
  return runControlled({ epochMs }, async () => ({ timestamp: getNowString() }));
}

/** srp/getPaddedHex on Amplify's BigInteger parsed from (possibly signed) hex. */
export function padHex(hexText) {
  return { padHex: getPaddedHex(new BigInteger(hexText, 16)) };
}

/** Amplify's N, to check the generator's constant. */
export const groupN = () => getPaddedHex(new BigInteger(INIT_N, 16));

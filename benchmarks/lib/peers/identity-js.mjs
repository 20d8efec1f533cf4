// amazon-cognito-identity-js 6.3.21 at its real per-login entry point: CognitoUser.authenticateUser (USER_SRP_AUTH)
// on a CognitoUserPool whose `client` is a stand-in for the network. The stand-in answers InitiateAuth with the
// vector's challenge and records the RespondToAuthChallenge request (then fails it, ending the login). The library
// computes A in AuthenticationHelper's constructor, sends SRP_A, and in InitiateAuth's callback computes u, x, S,
// HKDF and the signature; "answer" times exactly that callback, the InitiateAuth response being delivered late.
// Randomness: WordArray.prototype.random returns the vector's bytes (this bundle's own copy of identity-js).
import { AuthenticationDetails, AuthenticationHelper, CognitoUser, CognitoUserPool, WordArray } from 'amazon-cognito-identity-js';
import { setNow } from 'bench-clock';
import { challengeParameters, device, fixedBytes, input } from '../vector.mjs';

setNow(input.now.getTime());
const fixedHex = new Map([128, 40, 16].map((n) => [n, Buffer.from(fixedBytes(n)).toString('hex')]));
WordArray.prototype.random = (nBytes) => {
  const hex = fixedHex.get(nBytes);
  if (hex === undefined) throw new Error(`no fixed random bytes of length ${nBytes}`);
  return { sigBytes: nBytes, toString: () => hex };
};

class MemoryStorage {
  #m = new Map();
  getItem(k) { return this.#m.get(k) ?? null; }
  setItem(k, v) { this.#m.set(k, String(v)); }
  removeItem(k) { this.#m.delete(k); }
  clear() { this.#m.clear(); }
}

const pool = new CognitoUserPool({ UserPoolId: input.poolId, ClientId: 'benchclient', Storage: new MemoryStorage() });
const details = new AuthenticationDetails({ Username: input.username, Password: input.password });
const initiateAuthResponse = { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: challengeParameters, Session: 'bench-session-0123456789' };
const stop = { code: 'BenchStop', name: 'BenchStop', message: 'end of the benchmarked login' };

/** Starts a login up to InitiateAuth; returns { srpA, respond() } where respond() delivers the challenge. */
function startLogin() {
  const state = { srpA: undefined, deliver: undefined, responses: undefined, error: undefined };
  pool.client = {
    request(operation, params, callback) {
      if (operation === 'InitiateAuth') {
        state.srpA = params.AuthParameters.SRP_A;
        state.deliver = () => callback(null, initiateAuthResponse);
      } else if (operation === 'RespondToAuthChallenge') {
        state.responses = params.ChallengeResponses;
        callback(stop, null);
      } else callback(new Error(`unexpected ${operation}`), null);
    },
  };
  const user = new CognitoUser({ Username: input.username, Pool: pool, Storage: pool.storage });
  user.authenticateUser(details, {
    onSuccess: () => (state.error = new Error('unexpected success')),
    onFailure: (err) => {
      if (err !== stop) state.error = err;
    },
  });
  if (state.error) throw state.error;
  if (state.deliver === undefined) throw new Error('identity-js sent no InitiateAuth');
  return state;
}

function respond(state) {
  state.deliver();
  if (state.error) throw state.error;
  if (state.responses === undefined) throw new Error('identity-js sent no RespondToAuthChallenge');
  return state.responses.PASSWORD_CLAIM_SIGNATURE;
}

export const identityJs = {
  name: 'amazon-cognito-identity-js',
  start: startLogin,
  srpA: (state) => state.srpA,
  prepareAnswer: startLogin,
  answer: respond,
  login: () => respond(startLogin()),
  /** CognitoUser.confirmDevice's computation: generateHashDevice on a helper, then the base64 it sends. */
  deviceHelper: null,
  deviceVerifier() {
    const helper = (this.deviceHelper ??= new AuthenticationHelper(input.poolName));
    let error = null;
    helper.generateHashDevice(device.deviceGroupKey, device.deviceKey, (err) => (error = err));
    if (error) throw error;
    return {
      Salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
      PasswordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
    };
  },
};
export const adapters = [identityJs];
export const patched = [WordArray.prototype];

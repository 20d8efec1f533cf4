// amazon-cognito-passwordless-auth 0.17.0 (aws-samples): its SRP client (dist/client/srp.js), native BigInt with a
// binary square-and-multiply modPow and Web Crypto for the hashes. Its public entry point, authenticateWithSRP,
// runs generateSmallA + calculateLargeAHex, calls InitiateAuth, then calculateSrpSignature and
// RespondToAuthChallenge. Those per-login functions are module-private: lib/bundle.mjs adds one export line for
// them, and they are what is timed. The check also runs authenticateWithSRP itself against a stand-in fetch
// (configure({ fetch, crypto })), which must send the same SRP_A and signature.
// Randomness: the crypto given to configure() returns the vector's bytes from getRandomValues (subtle is Node's
// Web Crypto); the clock of its TIMESTAMP (formatDate(new Date())) is pinned to the vector's.
import { Passwordless } from 'amazon-cognito-passwordless-auth';
import { authenticateWithSRP, calculateLargeAHex, calculateSrpSignature, formatDate, generateSmallA } from 'amazon-cognito-passwordless-auth/srp';
import { setNow } from 'bench-clock';
import { challengeParameters, fixedBytes, input, randomFor } from '../vector.mjs';

let random = fixedBytes;
const crypto = {
  getRandomValues(array) {
    array.set(random(array.length));
    return array;
  },
  subtle: globalThis.crypto.subtle,
};
class MemoryStorage {
  #m = new Map();
  getItem(k) { return this.#m.get(k); }
  setItem(k, v) { this.#m.set(k, v); }
  removeItem(k) { this.#m.delete(k); }
}
let fetchImpl = () => Promise.reject(new Error('no fetch during timing'));
Passwordless.configure({
  userPoolId: input.poolId,
  clientId: 'benchclient',
  crypto,
  storage: new MemoryStorage(),
  fetch: (...args) => fetchImpl(...args),
});
setNow(input.now.getTime());

async function start() {
  const smallA = generateSmallA();
  return { smallA, largeAHex: await calculateLargeAHex(smallA) };
}

async function sign(session, vectorInput = input) {
  const cp = vectorInput.challengeParameters;
  return calculateSrpSignature({
    smallA: session.smallA,
    largeAHex: session.largeAHex,
    srpBHex: cp.SRP_B,
    salt: cp.SALT,
    userPoolId: vectorInput.poolId,
    username: cp.USER_ID_FOR_SRP,
    password: vectorInput.password,
    secretBlock: cp.SECRET_BLOCK,
  });
}

export const passwordless = {
  name: 'amazon-cognito-passwordless-auth',
  start,
  srpA: (session) => session.largeAHex,
  prepareAnswer: start,
  answer: async (session) => (await sign(session)).passwordClaimSignature,
  login: async () => (await sign(await start())).passwordClaimSignature,
};
export const adapters = [passwordless];

/** authenticateWithSRP, the public API, against a stand-in Cognito: returns what it sent. */
export async function viaPublicApi() {
  const sent = {};
  fetchImpl = async (url, init) => {
    const target = init.headers['x-amz-target'];
    const body = JSON.parse(init.body);
    if (target.endsWith('.InitiateAuth')) {
      sent.srpA = body.AuthParameters.SRP_A;
      return new Response(JSON.stringify({ ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: challengeParameters, Session: 'bench-session-0123456789' }), { status: 200 });
    }
    sent.signature = body.ChallengeResponses.PASSWORD_CLAIM_SIGNATURE;
    sent.timestamp = body.ChallengeResponses.TIMESTAMP;
    return new Response(JSON.stringify({ __type: 'NotAuthorizedException', message: 'end of the benchmarked login' }), { status: 400 });
  };
  try {
    await authenticateWithSRP({ username: input.username, password: input.password, tokensCb: () => {} }).signedIn;
  } catch {}
  fetchImpl = () => Promise.reject(new Error('no fetch during timing'));
  return sent;
}

/**
 * One vector of test-vectors (kind srp) through the same functions: its a, B, salt, secret block and clock.
 * Returns { A, signature, timestamp } as computed, or { error }.
 */
export async function runVector(vector, vectorInput) {
  random = randomFor(vector.input.smallA);
  setNow(vector.input.timestampEpochMs);
  try {
    const session = await start();
    const { passwordClaimSignature, timestamp } = await sign(session, vectorInput);
    return { A: session.largeAHex, signature: passwordClaimSignature, timestamp };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  } finally {
    random = fixedBytes;
    setNow(input.now.getTime());
  }
}
export { formatDate };

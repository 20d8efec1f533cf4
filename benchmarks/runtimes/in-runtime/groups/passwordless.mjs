// amazon-cognito-passwordless-auth 0.17.0 (aws-samples): its SRP client, native BigInt with a binary
// square-and-multiply modPow and Web Crypto (crypto.subtle) for the hashes. authenticateWithSRP's per-login
// functions are module-private: the bundler appends one export line to dist/client/srp.js for them, and shadows
// `Date` in that file with one pinned to the vector's TIMESTAMP (bundle.mjs). Randomness: the crypto given to
// configure() returns the vector's a from getRandomValues; subtle is the runtime's own Web Crypto.
import { Passwordless } from 'amazon-cognito-passwordless-auth';
import { calculateLargeAHex, calculateSrpSignature, generateSmallA } from 'amazon-cognito-passwordless-auth/srp';
import F from 'cognito-kit:runtime-bench-fixture';

const V = F.vector;
const aBytes = Uint8Array.from(V.aHex.match(/../g).map((b) => parseInt(b, 16)));
const crypto = {
  getRandomValues(array) {
    if (array.length !== 128) throw new Error(`unexpected random draw of ${array.length} bytes`);
    array.set(aBytes);
    return array;
  },
  get subtle() {
    return globalThis.crypto.subtle;
  },
};
const storage = new Map();
Passwordless.configure({
  userPoolId: V.userPoolId,
  clientId: 'benchclient',
  crypto,
  storage: { getItem: (k) => storage.get(k), setItem: (k, v) => storage.set(k, v), removeItem: (k) => storage.delete(k) },
  fetch: () => Promise.reject(new Error('no network in the benchmark')),
});

async function start() {
  const smallA = generateSmallA();
  return { smallA, largeAHex: await calculateLargeAHex(smallA) };
}
async function answer(session) {
  const cp = V.challengeParameters;
  const { passwordClaimSignature } = await calculateSrpSignature({
    smallA: session.smallA,
    largeAHex: session.largeAHex,
    srpBHex: cp.SRP_B,
    salt: cp.SALT,
    userPoolId: V.userPoolId,
    username: cp.USER_ID_FOR_SRP,
    password: V.password,
    secretBlock: cp.SECRET_BLOCK,
  });
  return passwordClaimSignature;
}

const cases = [
  { id: 'passwordless/start', op: 'start', run: async () => (await start()).largeAHex, expected: V.srpA },
  { id: 'passwordless/answer', op: 'answer', prepare: () => start(), run: (session) => answer(session), expected: V.signature },
  { id: 'passwordless/login', op: 'login', run: async () => answer(await start()), expected: V.signature },
];
async function check() {
  const session = await start();
  const rows = [
    { name: 'passwordless SRP_A', ok: session.largeAHex === V.srpA, detail: '' },
    { name: 'passwordless signature', ok: (await answer(session)) === V.signature, detail: '' },
  ];
  return { ok: rows.every((r) => r.ok), rows };
}
export default { library: 'amazon-cognito-passwordless-auth', cases, check };

// Amplify v6 (@aws-amplify/auth 6.21.1 internals, deep imports as benchmarks/lib/fixture.mjs does):
// getAuthenticationHelper + getPasswordAuthenticationKey + getSignatureString, exactly what signIn's
// USER_SRP_AUTH computes, without the network. '@aws-amplify/core/internals/utils' WordArray.random returns the
// vector's a; TIMESTAMP is pinned to the vector's.
import { AmplifyBigInteger, getAuthenticationHelper, getSignatureString } from 'cognito-kit:amplify-srp';
import { WordArray } from '@aws-amplify/core/internals/utils';
import F from 'cognito-kit:runtime-bench-fixture';

const V = F.vector;
WordArray.prototype.random = (nBytes) => {
  if (nBytes !== 128) throw new Error(`unexpected random draw of ${nBytes} bytes`);
  return { sigBytes: nBytes, toString: () => V.aHex };
};
const start = () => getAuthenticationHelper(V.poolName);
async function answer(helper) {
  const hkdf = await helper.getPasswordAuthenticationKey({
    username: V.challengeParameters.USER_ID_FOR_SRP,
    password: V.password,
    serverBValue: new AmplifyBigInteger(V.challengeParameters.SRP_B, 16),
    salt: new AmplifyBigInteger(V.challengeParameters.SALT, 16),
  });
  return getSignatureString({
    username: V.challengeParameters.USER_ID_FOR_SRP,
    userPoolName: V.poolName,
    challengeParameters: V.challengeParameters,
    dateNow: V.timestamp,
    hkdf,
  });
}

const cases = [
  { id: 'amplify/start', op: 'start', run: async () => (await start()).A.toString(16), expected: V.srpA },
  { id: 'amplify/answer', op: 'answer', prepare: () => start(), run: (helper) => answer(helper), expected: V.signature },
  { id: 'amplify/login', op: 'login', run: async () => answer(await start()), expected: V.signature },
];
async function check() {
  const helper = await start();
  const rows = [
    { name: 'Amplify SRP_A', ok: helper.A.toString(16) === V.srpA, detail: '' },
    { name: 'Amplify signature', ok: (await answer(helper)) === V.signature, detail: '' },
  ];
  return { ok: rows.every((r) => r.ok), rows };
}
export default { library: 'Amplify v6 (auth internals)', cases, check };

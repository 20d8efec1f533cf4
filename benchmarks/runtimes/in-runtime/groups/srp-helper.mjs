// cognito-srp-helper 2.3.4, its public API as benchmarks/lib/fixture.mjs calls it (isHashed = false). crypto-js's
// WordArray.random (its random source) returns the vector's a; TIMESTAMP is pinned to the vector's.
import { createSecretHash, createSrpSession, signSrpSession } from 'cognito-srp-helper';
import CryptoJS from 'crypto-js';
import F from 'cognito-kit:runtime-bench-fixture';

const V = F.vector;
CryptoJS.lib.WordArray.random = (nBytes) => {
  if (nBytes !== 128) throw new Error(`unexpected random draw of ${nBytes} bytes`);
  return { sigBytes: nBytes, toString: () => V.aHex };
};
const response = { ChallengeParameters: V.challengeParameters };
const start = () => createSrpSession(V.username, V.password, V.userPoolId, false);
const answer = (session) => signSrpSession({ ...session, timestamp: V.timestamp }, response).passwordSignature;

const cases = [
  { id: 'srp-helper/start', op: 'start', run: () => start().largeA, expected: V.srpA },
  { id: 'srp-helper/answer', op: 'answer', prepare: () => start(), run: (session) => answer(session), expected: V.signature },
  { id: 'srp-helper/login', op: 'login', run: () => answer(start()), expected: V.signature },
  {
    id: 'srp-helper/secretHash',
    op: 'secretHash',
    run: () => createSecretHash(F.secret.username, F.secret.clientId, F.secret.clientSecret),
    expected: F.secret.secretHash,
  },
];
function check() {
  const session = start();
  const rows = [
    { name: 'cognito-srp-helper SRP_A', ok: session.largeA === V.srpA, detail: '' },
    { name: 'cognito-srp-helper signature', ok: answer(session) === V.signature, detail: '' },
    { name: 'cognito-srp-helper createSecretHash', ok: cases[3].run() === cases[3].expected, detail: '' },
  ];
  return { ok: rows.every((r) => r.ok), rows };
}
export default { library: 'cognito-srp-helper', cases, check };

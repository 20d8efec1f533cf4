// amazon-cognito-identity-js 6.3.21: AuthenticationHelper (A in its constructor; u, x, S, HKDF in
// getPasswordAuthenticationKey) plus CognitoUser.authenticateUserInternal's signature code, as benchmarks/lib/fixture.mjs
// calls it. 'cognito-kit:idjs' is the package entry, or (where the entry does not bundle) the AuthenticationHelper
// module itself: the runner says which. Randomness: WordArray.prototype.random returns the vector's a.
import { AuthenticationHelper, BigInteger, WordArray } from 'cognito-kit:idjs';
import { Buffer } from 'buffer';
import { Sha256 } from '@aws-crypto/sha256-js';
import F from 'cognito-kit:runtime-bench-fixture';

const V = F.vector;
WordArray.prototype.random = (nBytes) => {
  if (nBytes !== 128) throw new Error(`unexpected random draw of ${nBytes} bytes`);
  return { sigBytes: nBytes, toString: () => V.aHex };
};

const start = () => new AuthenticationHelper(V.poolName);
function key(helper) {
  let hkdf;
  let failure;
  helper.getPasswordAuthenticationKey(
    V.userIdForSrp,
    V.password,
    new BigInteger(V.challengeParameters.SRP_B, 16),
    new BigInteger(V.challengeParameters.SALT, 16),
    (error, result) => {
      failure = error;
      hkdf = result;
    },
  );
  if (failure || hkdf === undefined) throw failure ?? new Error('identity-js returned no key');
  return hkdf;
}
/** CognitoUser.authenticateUserInternal's signature code, with the vector's TIMESTAMP. */
function signature(hkdf) {
  const message = Buffer.concat([
    Buffer.from(V.poolName, 'utf8'),
    Buffer.from(V.userIdForSrp, 'utf8'),
    Buffer.from(V.challengeParameters.SECRET_BLOCK, 'base64'),
    Buffer.from(V.timestamp, 'utf8'),
  ]);
  const hash = new Sha256(hkdf);
  hash.update(message);
  return Buffer.from(hash.digestSync()).toString('base64');
}
const answer = (helper) => signature(key(helper));

const cases = [
  { id: 'identity-js/start', op: 'start', run: () => start().largeAValue.toString(16), expected: V.srpA },
  // The helper has no one-answer rule: one helper made beforehand answers every run.
  { id: 'identity-js/answer', op: 'answer', prepare: () => start(), run: (helper) => answer(helper), expected: V.signature },
  { id: 'identity-js/login', op: 'login', run: () => answer(start()), expected: V.signature },
];
function check() {
  const helper = start();
  const rows = [
    { name: 'identity-js SRP_A', ok: helper.largeAValue.toString(16) === V.srpA, detail: '' },
    { name: 'identity-js signature', ok: answer(helper) === V.signature, detail: '' },
  ];
  return { ok: rows.every((r) => r.ok), rows };
}
export default { library: 'amazon-cognito-identity-js', notes: [], cases, check };

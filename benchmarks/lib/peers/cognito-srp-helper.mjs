// cognito-srp-helper 2.3.4 through its public API: createSrpSession (A, and its TIMESTAMP), signSrpSession (the
// answer), createDeviceVerifier, createSecretHash. Randomness: crypto-js's WordArray.random (this bundle's own
// copy) returns the vector's bytes; the clock of its TIMESTAMP is pinned to the vector's.
import CryptoJS from 'via:cognito-srp-helper:crypto-js';
import * as srpHelper from 'cognito-srp-helper';
import { setNow } from 'bench-clock';
import { challengeParameters, device, fixedBytes, input } from '../vector.mjs';

setNow(input.now.getTime());
const fixedHex = new Map([128, 40, 16].map((n) => [n, Buffer.from(fixedBytes(n)).toString('hex')]));
CryptoJS.lib.WordArray.random = (nBytes) => {
  const hex = fixedHex.get(nBytes);
  if (hex === undefined) throw new Error(`no fixed random bytes of length ${nBytes}`);
  return { sigBytes: nBytes, toString: () => hex };
};

const response = { ChallengeParameters: challengeParameters };
// isHashed = false: the 4th argument defaults to true, which would treat the password as already hashed.
const start = () => srpHelper.createSrpSession(input.username, input.password, input.poolId, false);

export const cognitoSrpHelper = {
  name: 'cognito-srp-helper',
  start,
  srpA: (session) => session.largeA,
  prepareAnswer: start,
  answer: (session) => srpHelper.signSrpSession(session, response).passwordSignature,
  login: () => srpHelper.signSrpSession(start(), response).passwordSignature,
  deviceVerifier: () => srpHelper.createDeviceVerifier(device.deviceKey, device.deviceGroupKey).DeviceSecretVerifierConfig,
};
export const secretHash = srpHelper.createSecretHash;
export const adapters = [cognitoSrpHelper];
export const patched = [CryptoJS.lib.WordArray];

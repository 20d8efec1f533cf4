// Amplify v6 (@aws-amplify/auth 6.21.1, @aws-amplify/core 6.19.2): the SRP internals that signIn runs
// (getAuthenticationHelper, then in handlePasswordVerifierChallenge getPasswordAuthenticationKey and
// getSignatureString), without the network. Deep imports, since the package's exports map hides them. Randomness:
// core's WordArray.prototype.random (this bundle's own copy) returns the vector's bytes; TIMESTAMP is passed in as
// the vector's (getSignatureString takes it as an argument).
import { getAuthenticationHelper } from 'amplify-srp/getAuthenticationHelper.mjs';
import { getSignatureString } from 'amplify-srp/getSignatureString.mjs';
import { getBytesFromHex } from 'amplify-srp/getBytesFromHex.mjs';
import AmplifyBigInteger from 'amplify-srp/BigInteger/BigInteger.mjs';
import { WordArray, base64Encoder } from '@aws-amplify/core/internals/utils';
import { challengeParameters, device, fixedBytes, input } from '../vector.mjs';

const fixedHex = new Map([128, 40, 16].map((n) => [n, Buffer.from(fixedBytes(n)).toString('hex')]));
WordArray.prototype.random = (nBytes) => {
  const hex = fixedHex.get(nBytes);
  if (hex === undefined) throw new Error(`no fixed random bytes of length ${nBytes}`);
  return { sigBytes: nBytes, toString: () => hex };
};

async function answer(helper) {
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
}

export const amplify = {
  name: 'Amplify v6 (auth internals)',
  start: () => getAuthenticationHelper(input.poolName),
  srpA: (helper) => helper.A.toString(16),
  prepareAnswer: () => getAuthenticationHelper(input.poolName),
  answer,
  login: async () => answer(await getAuthenticationHelper(input.poolName)),
  deviceHelper: null,
  async deviceVerifier() {
    const helper = (this.deviceHelper ??= await getAuthenticationHelper(input.poolName));
    await helper.generateHashDevice(device.deviceGroupKey, device.deviceKey);
    return {
      Salt: base64Encoder.convert(getBytesFromHex(helper.getSaltToHashDevices())),
      PasswordVerifier: base64Encoder.convert(getBytesFromHex(helper.getVerifierDevices())),
    };
  },
};
export const adapters = [amplify];
export const patched = [WordArray.prototype];

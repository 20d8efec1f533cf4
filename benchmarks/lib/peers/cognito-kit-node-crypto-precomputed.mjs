// @cognito-kit/srp as a long-lived server would run it: precomputeFixedBase() at start-up (here at import, untimed)
// and the node:crypto engine, so g^a and g^x come from the package's tables and S from OpenSSL. Its own bundle: the
// tables of this copy of the package help no other row.
import { nodeCryptoEngine, precomputeFixedBase } from '@cognito-kit/srp/node-crypto';
import { kitAdapter } from '../kit-adapter.mjs';
import { fixedBytes } from '../vector.mjs';

precomputeFixedBase();

export const adapters = [
  kitAdapter('cognito-kit, node-crypto engine + precomputeFixedBase()', { randomBytes: fixedBytes }, nodeCryptoEngine, { withDeviceVerifier: true }),
];

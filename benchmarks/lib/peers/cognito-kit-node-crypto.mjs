// @cognito-kit/srp on the node:crypto engine (OpenSSL for every exponentiation), as `createSrpSession({ engine })`
// gives it with nothing else done: the engine is made on the first login, so a fresh process's first login pays
// for it.
import { nodeCryptoEngine } from '@cognito-kit/srp/node-crypto';
import { kitAdapter } from '../kit-adapter.mjs';
import { fixedBytes } from '../vector.mjs';

export const adapters = [kitAdapter('cognito-kit, node-crypto engine', { randomBytes: fixedBytes }, nodeCryptoEngine, { withDeviceVerifier: true })];

// Second SECRET_HASH oracle. Neither client has a SECRET_HASH function, so besides node:crypto we compute the
// HMAC with @aws-crypto/sha256-js — the pure-JS SHA-256/HMAC that amazon-cognito-identity-js itself uses for
// PASSWORD_CLAIM_SIGNATURE (`new Sha256(key)` is HMAC-SHA256) — resolved from that client's own dependencies.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageInfo } from './harness.mjs';

const client = packageInfo('amazon-cognito-identity-js');
const requireFromClient = createRequire(join(client.root, 'package.json'));
const { Sha256 } = requireFromClient('@aws-crypto/sha256-js');
const version = requireFromClient('@aws-crypto/sha256-js/package.json').version;

export const awsCrypto = {
  name: 'aws-crypto-sha256-js',
  version,
  describe: `@aws-crypto/sha256-js@${version} (the HMAC-SHA256 amazon-cognito-identity-js@${client.version} signs with; ` +
    'new Sha256(clientSecret).update(username + clientId), UTF-8 via Buffer, standard base64)',
};

/** Base64(HMAC_SHA256(clientSecret, username + clientId)). */
export function secretHash(username, clientId, clientSecret) {
  const hmac = new Sha256(Buffer.from(clientSecret, 'utf8'));
  hmac.update(Buffer.from(username + clientId, 'utf8'));
  return { secretHash: Buffer.from(hmac.digestSync()).toString('base64') };
}

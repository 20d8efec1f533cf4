/**
 * SECRET_HASH = Base64(HMAC-SHA256(key = client secret, message = username ‖ client id)), the value every request
 * to an app client with a secret must carry (Cognito developer guide, "Computing secret hash values").
 *
 * @module
 */
import { assertString } from './errors.js';
import { bytesToBase64, utf8, utf8Into } from './encoding.js';
import { keyedHmacSha256 } from './sha256.js';

/**
 * Computes SECRET_HASH for one username.
 *
 * Use the username Cognito knows the user by: the USERNAME or USER_ID_FOR_SRP it returned in a challenge, and for
 * refresh the real username or `sub`, not an e-mail or phone alias.
 *
 * @param username - the user's username (UTF-8 encoded as given, no normalisation)
 * @param clientId - the app client id
 * @param clientSecret - the app client secret (used as the HMAC key; never appears in errors)
 * @returns standard base64 with padding, 44 characters
 * @throws {SrpError} `INVALID_ARGUMENT` when an input is not a string, or the client id or secret is empty
 * @example
 * ```ts
 * import { secretHash } from '@cognito-kit/srp';
 * secretHash('test', '123abd', 'clientSecret'); // 'LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg='
 * ```
 */
export function secretHash(username: string, clientId: string, clientSecret: string): string {
  return secretHasher(clientId, clientSecret)(username);
}

/**
 * Keys the HMAC with the client secret once and returns a function that hashes usernames, for servers that compute
 * SECRET_HASH for many users of one app client.
 *
 * @param clientId - the app client id
 * @param clientSecret - the app client secret
 * @returns `(username) => SECRET_HASH`
 * @throws {SrpError} `INVALID_ARGUMENT` when the client id or secret is empty or not a string (at creation), or a
 *   username is not a string (an empty username is hashed: the function is defined there)
 * @example
 * ```ts
 * import { secretHasher } from '@cognito-kit/srp';
 * const hashFor = secretHasher(process.env.CLIENT_ID!, process.env.CLIENT_SECRET!);
 * const SECRET_HASH = hashFor('alice');
 * ```
 */
export function secretHasher(clientId: string, clientSecret: string): (username: string) => string {
  assertString(clientId, 'clientId', true);
  assertString(clientSecret, 'clientSecret', true);
  const mac = keyedHmacSha256(utf8(clientSecret));
  const clientIdBytes = utf8(clientId);
  // username ‖ clientId is written into one reused buffer, grown when a username needs more room.
  let message = new Uint8Array(256);
  return (username: string): string => {
    assertString(username, 'username');
    const most = 3 * username.length + clientIdBytes.length; // UTF-8: at most 3 bytes per UTF-16 unit
    if (message.length < most) message = new Uint8Array(most);
    const written = utf8Into(username, message);
    message.set(clientIdBytes, written);
    return bytesToBase64(mac(message.subarray(0, written + clientIdBytes.length)));
  };
}

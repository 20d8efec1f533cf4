/**
 * A user pool's tokens as Amazon Cognito issues them (../shared/COGNITO-SERVER.md §1): an ID token and an access
 * token, RS256 JWTs signed with two different per-pool RSA keys made with Web Crypto, the pool's JWKS and its
 * openid-configuration. Web APIs only.
 *
 * @module
 */
import { base64Encode, decodeJwt, signJwt, verifyJwtSignature } from './jwt.js';
import type { WebCryptoKey } from './jwt.js';

/** Who a token is about. */
export interface TokenSubject {
  /** The user's sub (a UUID). */
  sub: string;
  /** The internal username: `cognito:username` (ID token), `username` (access token). */
  username: string;
  /**
   * User attributes as Cognito stores them (strings): email, email_verified, phone_number, custom:*, …. The ID token
   * carries the standard OIDC attributes Cognito knows and every `custom:*` one; anything else (a password, `sub`,
   * `dev:*`, a name that is a claim of its own) is left out.
   */
  attributes: Readonly<Record<string, string>>;
  /** `cognito:groups`, omitted when absent or empty. */
  groups?: readonly string[] | undefined;
}

/** One sign-in: what its tokens share, and what a refresh keeps. */
export interface TokenSession {
  /** The app client: `aud` of the ID token, `client_id` of the access token. */
  clientId: string;
  /** The original sign-in; a refresh keeps it (`auth_time`). */
  authTime: Date;
  /** The same for every token of one sign-in and its refreshes (`origin_jti`). */
  originJti: string;
  /** `event_id`. */
  eventId: string;
  /** `device_key` in the access token when a device was used. */
  deviceKey?: string | undefined;
}

/** What {@link PoolTokens.issue} signs. */
export interface IssuedTokens {
  idToken: string;
  accessToken: string;
  /** Seconds the tokens live: 3600, as `AuthenticationResult.ExpiresIn`. */
  expiresIn: number;
}

/** The claims of a verified access token. */
export interface AccessTokenClaims {
  sub: string;
  iss: string;
  client_id: string;
  origin_jti: string;
  event_id: string;
  token_use: 'access';
  scope: string;
  auth_time: number;
  exp: number;
  iat: number;
  jti: string;
  username: string;
  device_key?: string;
  'cognito:groups'?: string[];
  version?: number;
}

/** One pool's signing keys and the tokens they make. */
export interface PoolTokens {
  /** `iss` of every token, and the base of the well-known URLs. */
  readonly issuer: string;
  /** The pool id the object was made for. */
  readonly userPoolId: string;
  /**
   * Signs a new ID token and access token (exp = now + 1 h, iat = now, a fresh jti each). The first call (or the
   * first of any method that needs the keys) generates the pool's two RSA keys.
   *
   * @example
   * ```ts
   * const { idToken, accessToken, expiresIn } = await tokens.issue(
   *   { sub, username: sub, attributes: { email: 'alice@example.com', email_verified: 'true' } },
   *   { clientId, authTime: now, originJti: crypto.randomUUID(), eventId: crypto.randomUUID() },
   *   now,
   * );
   * ```
   */
  issue(subject: TokenSubject, session: TokenSession, now: Date): Promise<IssuedTokens>;
  /**
   * An access token of this pool: RS256 with the pool's access key, iss, token_use 'access', exp > now; else
   * undefined. Never throws on hostile input. It does not know about revocation: check `origin_jti` and the user
   * yourself.
   *
   * @example
   * ```ts
   * const claims = await tokens.verifyAccessToken(request.AccessToken, new Date());
   * if (claims === undefined) throw new Error('Invalid Access Token');
   * ```
   */
  verifyAccessToken(token: string, now: Date): Promise<AccessTokenClaims | undefined>;
  /**
   * The public keys, as Cognito publishes them at {iss}/.well-known/jwks.json: the ID token's key, then the access
   * token's; a fresh copy each call.
   *
   * @example
   * ```ts
   * return Response.json(await tokens.jwks());
   * ```
   */
  jwks(): Promise<{ keys: PublicJwk[] }>;
  /**
   * The body of {iss}/.well-known/openid-configuration; a fresh object each call.
   *
   * @example
   * ```ts
   * return Response.json(tokens.openidConfiguration());
   * ```
   */
  openidConfiguration(): Record<string, unknown>;
}

/**
 * A public key of the JWKS, members in the order of a real Cognito JWKS. A type alias, not an interface, so that it
 * is assignable to JSON-object types such as aws-jwt-verify's `Jwks` (`verifier.cacheJwks(await tokens.jwks())`).
 */
export type PublicJwk = {
  alg: 'RS256';
  e: string;
  kid: string;
  kty: 'RSA';
  n: string;
  use: 'sig';
};

/** Lifetime of ID and access tokens: Cognito's default of one hour. */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** The only scope of a token from the API (non-OAuth) sign-in. */
export const USER_ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/** UserPoolId's pattern in the service model. */
const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

/** Standard attributes Cognito puts in an ID token (as the user holds them). */
const STANDARD_ATTRIBUTES: ReadonlySet<string> = new Set([
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale', 'middle_name',
  'name', 'nickname', 'phone_number', 'phone_number_verified', 'picture', 'preferred_username', 'profile',
  'updated_at', 'website', 'zoneinfo',
]);

/** Attributes stored as "true" / "false" that the ID token carries as JSON booleans. */
const BOOLEAN_ATTRIBUTES: ReadonlySet<string> = new Set(['email_verified', 'phone_number_verified']);

const RSA_KEY_GENERATION = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
} as const;

interface SigningKey {
  readonly privateKey: WebCryptoKey;
  readonly publicKey: WebCryptoKey;
  readonly kid: string;
  readonly jwk: PublicJwk;
}

interface PoolKeys {
  readonly id: SigningKey;
  readonly access: SigningKey;
}

/** A new RS256 key pair; the private key cannot be exported (the public one always can, per Web Crypto). */
async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await crypto.subtle.generateKey(RSA_KEY_GENERATION, false, ['sign', 'verify']);
  const { n, e } = await crypto.subtle.exportKey('jwk', publicKey);
  if (typeof n !== 'string' || typeof e !== 'string') throw new Error('Web Crypto exported an RSA public key without n or e');
  // RFC 7638 thumbprint: SHA-256 of the required members in lexicographic order, no whitespace.
  const thumbprintInput = new TextEncoder().encode(JSON.stringify({ e, kty: 'RSA', n }));
  const kid = base64Encode(new Uint8Array(await crypto.subtle.digest('SHA-256', thumbprintInput)));
  return { privateKey, publicKey, kid, jwk: { alg: 'RS256', e, kid, kty: 'RSA', n, use: 'sig' } };
}

function epochSeconds(date: Date, name: string): number {
  const milliseconds = date.getTime();
  if (!Number.isFinite(milliseconds)) throw new RangeError(`${name} is an invalid Date`);
  return Math.floor(milliseconds / 1000);
}

function idTokenAttributes(attributes: Readonly<Record<string, string>>): Record<string, string | boolean> {
  const claims: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (!STANDARD_ATTRIBUTES.has(name) && !name.startsWith('custom:')) continue;
    claims[name] = BOOLEAN_ATTRIBUTES.has(name) && (value === 'true' || value === 'false') ? value === 'true' : value;
  }
  return claims;
}

function groupsClaim(groups: readonly string[] | undefined): { 'cognito:groups'?: string[] } {
  return groups === undefined || groups.length === 0 ? {} : { 'cognito:groups': [...groups] };
}

function readAccessClaims(payload: Readonly<Record<string, unknown>>, issuer: string, now: Date): AccessTokenClaims | undefined {
  const { sub, iss, client_id, origin_jti, event_id, token_use, scope, auth_time, exp, iat, jti, username } = payload;
  if (iss !== issuer || token_use !== 'access') return undefined;
  if (typeof exp !== 'number' || !(exp > now.getTime() / 1000)) return undefined;
  if (typeof sub !== 'string' || typeof client_id !== 'string' || typeof origin_jti !== 'string') return undefined;
  if (typeof event_id !== 'string' || typeof scope !== 'string' || typeof jti !== 'string') return undefined;
  if (typeof username !== 'string' || typeof auth_time !== 'number' || typeof iat !== 'number') return undefined;
  const claims: AccessTokenClaims = { sub, iss, client_id, origin_jti, event_id, token_use, scope, auth_time, exp, iat, jti, username };
  const deviceKey = payload['device_key'];
  if (deviceKey !== undefined) {
    if (typeof deviceKey !== 'string') return undefined;
    claims.device_key = deviceKey;
  }
  const groups = payload['cognito:groups'];
  if (groups !== undefined) {
    if (!Array.isArray(groups)) return undefined;
    const names: string[] = [];
    for (const group of groups) {
      if (typeof group !== 'string') return undefined;
      names.push(group);
    }
    claims['cognito:groups'] = names;
  }
  const version = payload['version'];
  if (version !== undefined) {
    if (typeof version !== 'number') return undefined;
    claims.version = version;
  }
  return claims;
}

/**
 * The tokens of one user pool. Synchronous: the two RSA-2048 keys (one for ID tokens, one for access tokens, so their
 * `kid`s differ, as in Cognito) are generated on first use and kept for the life of the object; a failed generation
 * is retried on the next use. Each `kid` is the key's RFC 7638 thumbprint (SHA-256) in standard base64: 44
 * characters, like Cognito's.
 *
 * @param options.userPoolId - the pool id, like `eu-west-2_LocalPool1` (UserPoolId's pattern in the model)
 * @param options.issuer - `iss`; defaults to `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. The
 *   well-known URLs are `<issuer>/.well-known/…`, so give it without a trailing slash
 * @param options.randomUUID - where each token's `jti` comes from; defaults to `crypto.randomUUID()`
 * @returns the pool's tokens
 * @throws RangeError when `userPoolId` does not match UserPoolId's pattern
 * @example
 * ```ts
 * const tokens = createPoolTokens({ userPoolId: 'eu-west-2_LocalPool1' });
 * tokens.issuer; // 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_LocalPool1'
 * const now = new Date();
 * const { accessToken } = await tokens.issue(
 *   { sub: 'a1b2…', username: 'alice', attributes: { email: 'alice@example.com', email_verified: 'true' } },
 *   { clientId: 'localclient0123456789abcd', authTime: now, originJti: crypto.randomUUID(), eventId: crypto.randomUUID() },
 *   now,
 * );
 * (await tokens.verifyAccessToken(accessToken, now))?.username; // 'alice'
 * ```
 */
export function createPoolTokens(options: {
  userPoolId: string;
  issuer?: string | undefined;
  randomUUID?: (() => string) | undefined;
}): PoolTokens {
  const { userPoolId } = options;
  if (!USER_POOL_ID.test(userPoolId)) {
    throw new RangeError(`userPoolId ${JSON.stringify(userPoolId)} is not a user pool id like eu-west-2_LocalPool1`);
  }
  const region = userPoolId.slice(0, userPoolId.lastIndexOf('_'));
  const issuer = options.issuer ?? `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  const randomUUID = options.randomUUID ?? (() => crypto.randomUUID());

  let keys: Promise<PoolKeys> | undefined;
  const poolKeys = (): Promise<PoolKeys> => {
    if (keys === undefined) {
      const generating = Promise.all([generateSigningKey(), generateSigningKey()]).then(([id, access]) => ({ id, access }));
      keys = generating;
      generating.catch(() => {
        if (keys === generating) keys = undefined; // retry on the next use
      });
    }
    return keys;
  };

  return {
    issuer,
    userPoolId,

    async issue(subject, session, now) {
      const iat = epochSeconds(now, 'now');
      const authTime = epochSeconds(session.authTime, 'session.authTime');
      const exp = iat + TOKEN_LIFETIME_SECONDS;
      const { id, access } = await poolKeys();
      const { email_verified: emailVerified, ...attributes } = idTokenAttributes(subject.attributes);
      // Member order follows Cognito's documented samples; consumers must not depend on it.
      const idClaims = {
        sub: subject.sub,
        ...groupsClaim(subject.groups),
        ...(emailVerified === undefined ? {} : { email_verified: emailVerified }),
        iss: issuer,
        'cognito:username': subject.username,
        origin_jti: session.originJti,
        aud: session.clientId,
        event_id: session.eventId,
        token_use: 'id',
        auth_time: authTime,
        ...attributes,
        exp,
        iat,
        jti: randomUUID(),
      };
      const accessClaims = {
        sub: subject.sub,
        ...(session.deviceKey === undefined ? {} : { device_key: session.deviceKey }),
        ...groupsClaim(subject.groups),
        iss: issuer,
        client_id: session.clientId,
        origin_jti: session.originJti,
        event_id: session.eventId,
        token_use: 'access',
        scope: USER_ADMIN_SCOPE,
        auth_time: authTime,
        exp,
        iat,
        jti: randomUUID(),
        username: subject.username,
      };
      const [idToken, accessToken] = await Promise.all([
        signJwt(id.privateKey, id.kid, idClaims),
        signJwt(access.privateKey, access.kid, accessClaims),
      ]);
      return { idToken, accessToken, expiresIn: TOKEN_LIFETIME_SECONDS };
    },

    async verifyAccessToken(token, now) {
      const decoded = decodeJwt(token); // bounded and total: refuses huge and malformed input before any crypto
      if (decoded === undefined || decoded.header.alg !== 'RS256') return undefined;
      const { access } = await poolKeys();
      if (decoded.header.kid !== access.kid) return undefined;
      if (!(await verifyJwtSignature(access.publicKey, token))) return undefined;
      return readAccessClaims(decoded.payload, issuer, now);
    },

    async jwks() {
      const { id, access } = await poolKeys();
      return { keys: [{ ...id.jwk }, { ...access.jwk }] };
    },

    openidConfiguration() {
      // The old real body of a pool without a domain (../shared/COGNITO-SERVER.md §1), members in its order, minus
      // authorization_endpoint: there is no hosted UI (no /oauth2/authorize) here, so none is advertised.
      return {
        id_token_signing_alg_values_supported: ['RS256'],
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        response_types_supported: ['code', 'id_token', 'token id_token', 'none'],
        subject_types_supported: ['public'],
      };
    },
  };
}


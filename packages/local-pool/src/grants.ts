/**
 * What a sign-in grants beyond its JWTs: the refresh token (opaque, bound to its client and, with device tracking, to
 * its device) and revocation, which reaches every access token of the sign-in through `origin_jti`
 * (COGNITO-SERVER.md §8).
 *
 * @module
 */
import { base64UrlEncode } from './jwt.js';
import type { Randomness } from './random.js';

/** A refresh token's lifetime: Cognito's default of 30 days. */
export const REFRESH_TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** What a refresh token stands for. */
export interface RefreshGrant {
  readonly sub: string;
  readonly clientId: string;
  /** The sign-in: `origin_jti` of every token it and its refreshes issue. */
  readonly originJti: string;
  readonly eventId: string;
  readonly authTime: Date;
  /** The device the sign-in proved or was given (NewDeviceMetadata); refresh then needs its DEVICE_KEY. */
  readonly deviceKey: string | undefined;
  /**
   * The sign-in sent the password as it is and proved no device: with device tracking on, its refresh token is
   * refused (COGNITO-SERVER.md §5: "the refresh token came from USER_PASSWORD_AUTH").
   */
  readonly passwordFlowOnly: boolean;
  readonly expiresAt: number;
  revoked: boolean;
}

/**
 * Real refresh tokens are JWE-shaped and start with `{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}` in base64url
 * (COGNITO-SERVER.md §1); these do too, followed by random parts. They are opaque: nothing is read from them.
 */
const REFRESH_HEADER = base64UrlEncode(new TextEncoder().encode('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}'));

/** The refresh tokens of one pool and the sign-ins that were revoked. */
export class GrantStore {
  private readonly grants = new Map<string, RefreshGrant>();
  private readonly revokedOrigins = new Set<string>();

  constructor(private readonly random: Randomness) {}

  /** A new refresh token for `grant`. */
  issue(grant: Omit<RefreshGrant, 'revoked'>): string {
    const { random } = this;
    const token = [REFRESH_HEADER, random.token(256), random.token(12), random.token(384), random.token(16)].join('.');
    this.grants.set(token, { ...grant, revoked: false });
    return token;
  }

  /** The grant of a refresh token this pool issued. */
  find(token: string): RefreshGrant | undefined {
    return this.grants.get(token);
  }

  /** Revokes a refresh token and every access token of its sign-in. */
  revoke(grant: RefreshGrant): void {
    grant.revoked = true;
    this.revokedOrigins.add(grant.originJti);
  }

  /** GlobalSignOut: revokes every refresh token of the user and every access token of their sign-ins. */
  revokeUser(sub: string): void {
    for (const grant of this.grants.values()) if (grant.sub === sub) this.revoke(grant);
  }

  /** Whether the sign-in `originJti` was revoked (its access tokens are then refused). */
  isRevoked(originJti: string): boolean {
    return this.revokedOrigins.has(originJti);
  }
}

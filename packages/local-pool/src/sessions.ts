/**
 * Challenges waiting for their answer. Each is found by its Session (and, for the challenges real Cognito sends
 * without one, by its SECRET_BLOCK or DEVICE_KEY), answered once, right or wrong, and expires after the client's
 * AuthSessionValidity (COGNITO-SERVER.md §6).
 *
 * @module
 */
import type { Randomness } from './random.js';
import { MESSAGES, notAuthorized } from './service-error.js';

/** Random bytes of a Session: 96, so 128 base64url characters (SessionType allows 20 to 2,048). */
const SESSION_BYTES = 96;
/** Entries kept before expired ones are swept out. */
const SWEEP_ABOVE = 10_000;

/** Who may answer a challenge: the client that started the sign-in, through the same kind of operation. */
export interface SessionScope {
  readonly clientId: string;
  /** Started by AdminInitiateAuth (answered by AdminRespondToAuthChallenge). */
  readonly admin: boolean;
  /** Milliseconds the challenge may wait for its answer. */
  readonly validityMs: number;
}

interface Entry<Pending> {
  readonly pending: Pending;
  readonly scope: SessionScope;
  readonly keys: readonly string[];
  readonly expiresAt: number;
}

/** The challenges of every pool of an instance (Sessions are random, so one store serves them all). */
export class SessionStore<Pending> {
  private readonly entries = new Map<string, Entry<Pending>>();

  constructor(
    private readonly now: () => Date,
    private readonly random: Randomness,
  ) {}

  /** Stores `pending` under a new Session (returned) and under `otherKeys`. */
  issue(pending: Pending, scope: SessionScope, otherKeys: readonly string[] = []): string {
    const session = this.random.token(SESSION_BYTES);
    this.put(pending, scope, [session, ...otherKeys]);
    return session;
  }

  /** Stores `pending` under `keys` only (a PASSWORD_VERIFIER, which has no Session). */
  put(pending: Pending, scope: SessionScope, keys: readonly string[]): void {
    if (this.entries.size > SWEEP_ABOVE) this.sweep();
    const entry = { pending, scope, keys, expiresAt: this.now().getTime() + scope.validityMs };
    for (const key of keys) this.entries.set(key, entry);
  }

  /**
   * Removes and returns the challenge stored under `key`, with its scope; undefined when there is none (never issued,
   * or answered already).
   *
   * @throws {CognitoError} NotAuthorizedException "Invalid session for the user, session is expired." past its validity
   */
  take(key: string): { pending: Pending; scope: SessionScope } | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    for (const other of entry.keys) this.entries.delete(other);
    if (this.now().getTime() > entry.expiresAt) throw notAuthorized(MESSAGES.sessionExpired);
    return { pending: entry.pending, scope: entry.scope };
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [key, entry] of this.entries) if (now > entry.expiresAt) this.entries.delete(key);
  }
}

/** The key a challenge answered without a Session is also stored under: its SECRET_BLOCK. */
export const secretBlockKey = (secretBlock: string): string => `SECRET_BLOCK ${secretBlock}`;
/** The key a DEVICE_SRP_AUTH is also stored under, for clients that answer it without a Session. */
export const deviceKeyKey = (deviceKey: string): string => `DEVICE_KEY ${deviceKey}`;

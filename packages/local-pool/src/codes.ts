/**
 * The codes a local pool "sends": it sends nothing, it keeps them here for the administration API (and logs that one
 * was sent, without its value).
 *
 * @module
 */

/** What a code was sent for. */
export type CodeKind = 'SMS_MFA' | 'EMAIL_OTP' | 'SMS_OTP' | 'TEMPORARY_PASSWORD';

/** One message the pool would have sent. */
export interface SentCode {
  readonly userPoolId: string;
  /** The user's username. */
  readonly username: string;
  readonly kind: CodeKind;
  readonly medium: 'SMS' | 'EMAIL';
  /** The phone number or e-mail address it would have gone to. */
  readonly destination: string;
  /** The code, or for TEMPORARY_PASSWORD the password. */
  readonly code: string;
  readonly sentAt: Date;
}

/** How many sent codes are kept (the oldest go first). */
const KEPT = 1000;

/** The codes of an instance. */
export class CodeOutbox {
  private readonly sent: SentCode[] = [];

  /** Keeps a code. */
  add(code: SentCode): void {
    this.sent.push(code);
    if (this.sent.length > KEPT) this.sent.shift();
  }

  /** The codes sent, oldest first, of one pool and user when asked. */
  list(filter: { userPoolId?: string | undefined; username?: string | undefined }): SentCode[] {
    return this.sent.filter(
      (code) => (filter.userPoolId === undefined || code.userPoolId === filter.userPoolId) && (filter.username === undefined || code.username === filter.username),
    );
  }
}

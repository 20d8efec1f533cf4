/**
 * Log lines: what the pool did, for a console (`cognito-kit serve`) or a test to read. A line never holds a password,
 * token, secret, verifier or code: a code is "sent" by a `code-sent` line naming who it is for, and read with
 * `sentCodes()`.
 *
 * @module
 */

/** What a line is about. */
export type LogEvent =
  /** One per request: the operation and its outcome (`InitiateAuth 200`, `RespondToAuthChallenge 400 NotAuthorizedException: …`). */
  | 'request'
  /** A code (SMS_MFA, EMAIL_OTP, SMS_OTP) or temporary password was "sent": read it with `sentCodes()`. */
  | 'code-sent'
  /** Tokens were issued to a user. */
  | 'signed-in'
  /** A request the pool could not answer because of a bug of its own (HTTP 500). */
  | 'internal-error';

/** One log line. */
export interface LogLine {
  readonly time: Date;
  readonly level: 'info' | 'warn' | 'error';
  readonly event: LogEvent;
  /** For people: one line, no secret. */
  readonly message: string;
  /** The `x-amzn-RequestId` of the request the line is about. */
  readonly requestId?: string | undefined;
  readonly operation?: string | undefined;
  readonly userPoolId?: string | undefined;
  /** The user's username (not a secret; never a password). */
  readonly username?: string | undefined;
}

/** Receives every log line; what it throws is ignored (a listener cannot break a request). */
export type LogListener = (line: LogLine) => void;

/** The listeners of one instance. */
export class Logger {
  private readonly listeners = new Set<LogListener>();

  /**
   * Adds a listener; returns the function that removes it.
   *
   * @example
   * ```ts
   * const stop = logger.subscribe((line) => console.log(line.message));
   * stop();
   * ```
   */
  subscribe(listener: LogListener): () => void {
    const own = (line: LogLine): void => listener(line);
    this.listeners.add(own);
    return () => {
      this.listeners.delete(own);
    };
  }

  /**
   * Sends a line to every listener.
   *
   * @example
   * ```ts
   * logger.emit({ time: now, level: 'info', event: 'signed-in', message: 'alice signed in' });
   * ```
   */
  emit(line: LogLine): void {
    for (const listener of this.listeners) {
      try {
        listener(line);
      } catch {
        // A listener's failure is its own: the request goes on.
      }
    }
  }
}

/**
 * One request being answered: the instance's state, the instant the request is answered at (one clock reading per
 * request), its request id and operation.
 *
 * @module
 */
import type { PoolsState } from './pool.js';

/** What every operation handler is given. */
export interface Call {
  readonly state: PoolsState;
  /** The pool's clock, read once for the request: TIMESTAMP window, TOTP, session and token expiry. */
  readonly now: Date;
  /** `x-amzn-RequestId` of the reply. */
  readonly requestId: string;
  /** The operation, such as `InitiateAuth`. */
  readonly operation: string;
}

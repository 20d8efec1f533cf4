/**
 * The errors `@cognito-kit/local-pool` throws to its caller (never on the wire: what clients of the endpoint get is
 * Cognito's error reply). Each has a stable string `code` to branch on; messages are for people and never repeat a
 * password, a secret, a token or a code.
 *
 * @module
 */

/**
 * Stable codes of one {@link ConfigProblem}. New codes may be added in minor versions; existing ones never change
 * meaning.
 *
 * - `REQUIRED`: a member the config needs is missing.
 * - `INVALID_TYPE`: a member has the wrong JSON type (a number for a string, an object for a list, ...).
 * - `INVALID_VALUE`: a value outside its allowed set, range or pattern (a flow name, a pool id, base32, ...).
 * - `UNKNOWN_MEMBER`: a member the config does not have (a typo would otherwise be ignored silently).
 * - `DUPLICATE`: a pool id, client id, username, sub or sign-in alias given twice.
 * - `CONFLICT`: members that contradict each other (legacy and ALLOW_ flows, MFA settings in a pool without MFA, ...).
 * - `WEAK_PASSWORD`: a password the pool's password policy refuses, as Cognito would.
 */
export type ConfigProblemCode = 'REQUIRED' | 'INVALID_TYPE' | 'INVALID_VALUE' | 'UNKNOWN_MEMBER' | 'DUPLICATE' | 'CONFLICT' | 'WEAK_PASSWORD';

/** One thing wrong with a config: where (`path`, as in the JSON), which rule (`code`) and why (`message`). */
export interface ConfigProblem {
  readonly code: ConfigProblemCode;
  /** Like `userPools[0].clients[1].explicitAuthFlows[2]`. */
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown by {@link parseLocalPoolsConfig}, {@link createLocalUserPools} and `addUser` for a config (or a user) that
 * cannot be served: `problems` lists every problem found, at once; `code`, `path` and `message` repeat the first.
 *
 * @example
 * ```ts
 * import { LocalPoolConfigError, parseLocalPoolsConfig } from '@cognito-kit/local-pool';
 * try {
 *   parseLocalPoolsConfig(JSON.parse(text));
 * } catch (error) {
 *   if (!(error instanceof LocalPoolConfigError)) throw error;
 *   for (const problem of error.problems) console.error(`${problem.path}: ${problem.message} (${problem.code})`);
 * }
 * ```
 */
export class LocalPoolConfigError extends Error {
  declare readonly code: ConfigProblemCode;
  declare readonly path: string;
  declare readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const first = problems[0] ?? { code: 'INVALID_VALUE', path: '', message: 'the config is invalid' };
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super(`${first.path === '' ? '' : `${first.path}: `}${first.message}${more}`);
    this.name = 'LocalPoolConfigError';
    this.code = first.code;
    this.path = first.path;
    this.problems = problems;
  }
}

/**
 * Stable codes of {@link LocalPoolError}.
 *
 * - `POOL_NOT_FOUND`: no pool of that id in this instance.
 * - `USER_NOT_FOUND`: no user of that name in the pool.
 * - `USERNAME_EXISTS`: the username, or a sign-in alias of the new user, is taken already.
 * - `INVALID_OPTIONS`: an option of {@link createLocalUserPools} has the wrong type.
 * - `INVALID_RANDOM_BYTES`: the injected `randomBytes` returned something other than the bytes asked for.
 */
export type LocalPoolErrorCode = 'POOL_NOT_FOUND' | 'USER_NOT_FOUND' | 'USERNAME_EXISTS' | 'INVALID_OPTIONS' | 'INVALID_RANDOM_BYTES';

/**
 * Thrown by the administration methods of {@link LocalUserPools} and by {@link createLocalUserPools} for its options.
 *
 * @example
 * ```ts
 * import { LocalPoolError } from '@cognito-kit/local-pool';
 * try {
 *   pools.addUser('eu-west-2_LocalPool1', { username: 'alice', password: 'Correct horse 1!' });
 * } catch (error) {
 *   if (error instanceof LocalPoolError && error.code === 'USERNAME_EXISTS') console.log('alice is there already');
 *   else throw error;
 * }
 * ```
 */
export class LocalPoolError extends Error {
  declare readonly code: LocalPoolErrorCode;

  constructor(code: LocalPoolErrorCode, message: string) {
    super(message);
    this.name = 'LocalPoolError';
    this.code = code;
  }
}

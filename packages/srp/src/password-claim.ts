/**
 * The part that user and device PASSWORD_VERIFIER answers share: from the server's SALT, SRP_B and SECRET_BLOCK to
 * the TIMESTAMP and PASSWORD_CLAIM_SIGNATURE.
 *
 * @module
 */
import { SrpError, assertString, describeType } from './errors.js';
import { parseUnsignedHex } from './encoding.js';
import { assertUnusedSession, claimSessionSecrets, type SrpSession } from './session.js';
import { assertValidB, computeS, computeU, computeX, decodeSecretBlock, deriveKey, hashIdentity, signPasswordClaim } from './steps.js';
import { MAX_CHALLENGE_STRING_LENGTH, MAX_SALT_DIGITS, MAX_SRP_PUBLIC_VALUE_DIGITS, assertMaxLength } from './limits.js';
import { secretHasher } from './secret-hash.js';
import { formatTimestamp } from './timestamp.js';

/** Longest accepted value of each member (see limits.ts for why); every other member: the model's StringType. */
const MAX_LENGTH: Readonly<Record<string, readonly [number, 'digits' | 'characters']>> = {
  SRP_B: [MAX_SRP_PUBLIC_VALUE_DIGITS, 'digits'],
  SALT: [MAX_SALT_DIGITS, 'digits'],
};

/**
 * Reads a required ChallengeParameters member, refusing one longer than any honest value before it is parsed.
 *
 * @throws {SrpError} `INVALID_ARGUMENT` when the map itself is missing; `MISSING_CHALLENGE_PARAMETER` when the
 *   member is absent or not a string; `INPUT_TOO_LARGE` when it is too long (SRP_B or SALT over 1,024 hex digits,
 *   any other over 131,072 characters)
 */
export function challengeParameter(parameters: unknown, name: string): string {
  if (typeof parameters !== 'object' || parameters === null) {
    throw new SrpError('INVALID_ARGUMENT', `challengeParameters must be an object, got ${describeType(parameters)}`, 'challengeParameters');
  }
  const value = (parameters as Record<string, unknown>)[name];
  if (typeof value !== 'string') {
    throw new SrpError('MISSING_CHALLENGE_PARAMETER', `challengeParameters.${name} is missing`, name);
  }
  const [max, unit] = MAX_LENGTH[name] ?? [MAX_CHALLENGE_STRING_LENGTH, 'characters'];
  assertMaxLength(value, max, name, unit);
  return value;
}

/** Who signs: pool name, USER_ID_FOR_SRP and password for a user; device group key, device key and device password. */
export interface ClaimIdentity {
  prefix: string;
  userId: string;
  password: string;
}

/** The members every verifier answer ends with. */
export interface SignedClaim {
  PASSWORD_CLAIM_SECRET_BLOCK: string;
  PASSWORD_CLAIM_SIGNATURE: string;
  TIMESTAMP: string;
  SECRET_HASH?: string;
}

/**
 * The part PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER answers share: reads SALT, SRP_B and SECRET_BLOCK, signs
 * the claim with the session's secret, and returns `head` (the answer's own members, first, in the order they are
 * sent) followed by the claim and, with a client secret, SECRET_HASH over `head.USERNAME`.
 */
export function answerChallenge<Head extends { USERNAME: string }>(
  session: SrpSession,
  parameters: unknown,
  identity: ClaimIdentity,
  input: { clientId?: string; clientSecret?: string; now?: Date | undefined },
  head: Head,
): Head & SignedClaim {
  const SALT = challengeParameter(parameters, 'SALT');
  const SRP_B = challengeParameter(parameters, 'SRP_B');
  const SECRET_BLOCK = challengeParameter(parameters, 'SECRET_BLOCK');
  const hashSecret = secretHashFor(input);
  assertUnusedSession(session);
  assertString(identity.password, 'password');
  // Validate every server value before the expensive exponentiations, and before the session is spent: a refused
  // input has used nothing secret, so the caller may correct it and answer with the same session.
  const salt = parseUnsignedHex(SALT, 'SALT', 'INVALID_SALT');
  const B = parseUnsignedHex(SRP_B, 'SRP_B');
  assertValidB(B);
  const secretBlock = decodeSecretBlock(SECRET_BLOCK);
  const TIMESTAMP = formatTimestamp(input.now ?? new Date());
  const { a, A, engine } = claimSessionSecrets(session);

  const u = computeU(A, B);
  const x = computeX(salt, hashIdentity(identity.prefix, identity.userId, identity.password));
  const key = deriveKey(computeS({ a, B, x, u, engine }), u);
  const PASSWORD_CLAIM_SIGNATURE = signPasswordClaim(key, { prefix: identity.prefix, userId: identity.userId, secretBlock, timestamp: TIMESTAMP });
  key.fill(0);
  const answer: Head & SignedClaim = { ...head, PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE, TIMESTAMP };
  if (hashSecret !== undefined) answer.SECRET_HASH = hashSecret(head.USERNAME);
  return answer;
}

/** SECRET_HASH over a username, when the input has a client secret (which needs the client id). */
function secretHashFor(input: { clientId?: string; clientSecret?: string }): ((username: string) => string) | undefined {
  if (input.clientSecret === undefined) return undefined;
  if (input.clientId === undefined) {
    throw new SrpError('INVALID_ARGUMENT', 'clientSecret needs clientId: SECRET_HASH is computed over both', 'clientId');
  }
  return secretHasher(input.clientId, input.clientSecret); // validates both now, before the exponentiations
}

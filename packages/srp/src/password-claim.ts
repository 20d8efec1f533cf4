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
import { formatTimestamp } from './timestamp.js';

/** What the server sent that the claim needs. */
export interface ServerChallengeValues {
  SALT: string;
  SRP_B: string;
  SECRET_BLOCK: string;
}

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

/**
 * Computes the signed claim for one challenge.
 *
 * @param prefix - pool name (users) or device group key (devices)
 * @param userId - USER_ID_FOR_SRP (users) or device key (devices)
 */
export function computePasswordClaim(
  session: SrpSession,
  claim: { prefix: string; userId: string; password: string; challenge: ServerChallengeValues; now: Date | undefined },
): { TIMESTAMP: string; PASSWORD_CLAIM_SIGNATURE: string } {
  assertUnusedSession(session);
  assertString(claim.password, 'password');
  // Validate every server value before the expensive exponentiations, and before the session is spent: a refused
  // input has used nothing secret, so the caller may correct it and answer with the same session.
  const salt = parseUnsignedHex(claim.challenge.SALT, 'SALT', 'INVALID_SALT');
  const B = parseUnsignedHex(claim.challenge.SRP_B, 'SRP_B');
  assertValidB(B);
  const secretBlock = decodeSecretBlock(claim.challenge.SECRET_BLOCK);
  const TIMESTAMP = formatTimestamp(claim.now ?? new Date());
  const { a, A } = claimSessionSecrets(session);

  const u = computeU(A, B);
  const x = computeX(salt, hashIdentity(claim.prefix, claim.userId, claim.password));
  const key = deriveKey(computeS({ a, B, x, u }), u);
  const PASSWORD_CLAIM_SIGNATURE = signPasswordClaim(key, {
    prefix: claim.prefix,
    userId: claim.userId,
    secretBlock,
    timestamp: TIMESTAMP,
  });
  key.fill(0);
  return { TIMESTAMP, PASSWORD_CLAIM_SIGNATURE };
}

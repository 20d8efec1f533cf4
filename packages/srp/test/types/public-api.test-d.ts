// Type tests of the public API (`@cognito-kit/srp` and `/server`), checked by `tsc` in strict mode with
// exactOptionalPropertyTypes (`pnpm run typecheck`, part of `npm test`); nothing here runs. Each expectTypeOf is a
// compile-time assertion, and each @ts-expect-error must meet an error (an unused one fails the type-check).
import { expectTypeOf } from 'vitest';
import {
  SrpError,
  computeA,
  createDeviceVerifier,
  createSrpSession,
  exportSrpSession,
  importSrpSession,
  isSrpSession,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  secretHash,
  secretHasher,
  type DevicePasswordVerifierResponses,
  type DeviceVerifier,
  type PasswordVerifierInput,
  type PasswordVerifierResponses,
  type PrivateValueBits,
  type SrpErrorCode,
  type SrpEngine,
  type SrpSession,
  type SrpSessionOptions,
} from '../../src/index.js';
import {
  DEFAULT_MAX_SKEW_MS,
  createServerChallenge,
  createUserVerifier,
  verifyPasswordClaim,
  type ServerChallenge,
  type VerifyOptions,
} from '../../src/server/index.js';

declare const session: SrpSession;
declare const sdkChallengeParameters: Record<string, string> | undefined; // what the AWS SDK's types give

// Sessions: only srpA is visible, and it is read-only.
expectTypeOf(createSrpSession()).toEqualTypeOf<SrpSession>();
expectTypeOf<SrpSession>().toEqualTypeOf<{ readonly srpA: string }>();
expectTypeOf(createSrpSession).parameter(0).toEqualTypeOf<SrpSessionOptions | undefined>();
expectTypeOf<PrivateValueBits>().toEqualTypeOf<1024 | 256>();
createSrpSession({ privateValueBits: 256 });
createSrpSession({ randomBytes: (n) => new Uint8Array(n) });
// @ts-expect-error only 1024 and 256 bits
createSrpSession({ privateValueBits: 512 });
// @ts-expect-error randomBytes returns bytes
createSrpSession({ randomBytes: (n: number) => n });
// @ts-expect-error srpA is read-only
session.srpA = 'ff';
expectTypeOf(exportSrpSession(session)).toBeString();
expectTypeOf(importSrpSession).returns.toEqualTypeOf<SrpSession>();
declare const maybe: unknown;
if (isSrpSession(maybe)) expectTypeOf(maybe).toEqualTypeOf<SrpSession>();

// The PASSWORD_VERIFIER answer: the SDK's Record<string, string> | undefined is accepted as it is.
const answer = respondToPasswordVerifier(session, { userPoolId: 'us-east-1_a', password: 'p', challengeParameters: sdkChallengeParameters });
expectTypeOf(answer).toEqualTypeOf<PasswordVerifierResponses>();
expectTypeOf(answer.PASSWORD_CLAIM_SIGNATURE).toBeString();
expectTypeOf(answer.SECRET_HASH).toEqualTypeOf<string | undefined>();
expectTypeOf(answer).toExtend<Record<string, string | undefined>>();
expectTypeOf<PasswordVerifierInput['now']>().toEqualTypeOf<Date | undefined>();
// @ts-expect-error the password is a string
respondToPasswordVerifier(session, { userPoolId: 'us-east-1_a', password: 1234, challengeParameters: {} });
// @ts-expect-error userPoolId is required
respondToPasswordVerifier(session, { password: 'p', challengeParameters: {} });
// @ts-expect-error exactOptionalPropertyTypes: an optional member is left out, not set to undefined
respondToPasswordVerifier(session, { userPoolId: 'us-east-1_a', password: 'p', challengeParameters: {}, clientSecret: undefined });

// Devices.
const device = createDeviceVerifier({ deviceGroupKey: 'g', deviceKey: 'us-east-1_k' });
expectTypeOf(device).toEqualTypeOf<DeviceVerifier>();
expectTypeOf(device.DeviceSecretVerifierConfig).toEqualTypeOf<{ Salt: string; PasswordVerifier: string }>();
expectTypeOf(respondToDevicePasswordVerifier).returns.toEqualTypeOf<DevicePasswordVerifierResponses>();

// SECRET_HASH.
expectTypeOf(secretHash).toEqualTypeOf<(username: string, clientId: string, clientSecret: string) => string>();
expectTypeOf(secretHasher('c', 's')).toEqualTypeOf<(username: string) => string>();

// Steps work on bigint.
expectTypeOf(computeA).toEqualTypeOf<(a: bigint, options?: { engine?: SrpEngine }) => bigint>();
// An engine is anything with powModN over bigints.
expectTypeOf(createSrpSession).parameter(0).toEqualTypeOf<SrpSessionOptions | undefined>();
expectTypeOf<SrpSessionOptions['engine']>().toEqualTypeOf<SrpEngine | undefined>();
// @ts-expect-error powModN works on bigints
createSrpSession({ engine: { powModN: (base: number) => base } });
// @ts-expect-error a number is not a bigint
computeA(5);

// Errors: `code` is a closed union, usable as a discriminant.
expectTypeOf<SrpError['code']>().toEqualTypeOf<SrpErrorCode>();
expectTypeOf<SrpError['field']>().toEqualTypeOf<string | undefined>();
expectTypeOf<'INVALID_SRP_B'>().toExtend<SrpErrorCode>();
expectTypeOf<'SESSION_ALREADY_USED'>().toExtend<SrpErrorCode>();
expectTypeOf<'SOMETHING_ELSE'>().not.toExtend<SrpErrorCode>();
expectTypeOf(new SrpError('INVALID_HEX', 'm')).toExtend<Error>();
// @ts-expect-error unknown codes are refused
new SrpError('NOT_A_CODE', 'm');

// The server half.
const stored = createUserVerifier({ userPoolId: 'us-east-1_a', userIdForSrp: 'u', password: 'p' });
expectTypeOf(stored).toExtend<{ salt: string; verifier: string }>();
const challenge = createServerChallenge({ userPoolId: 'us-east-1_a', userIdForSrp: 'u', ...stored }, session.srpA);
expectTypeOf(challenge).toEqualTypeOf<ServerChallenge>();
expectTypeOf(verifyPasswordClaim(challenge, answer)).toEqualTypeOf<boolean>();
expectTypeOf<VerifyOptions>().toHaveProperty('now');
expectTypeOf(DEFAULT_MAX_SKEW_MS).toEqualTypeOf<number>();

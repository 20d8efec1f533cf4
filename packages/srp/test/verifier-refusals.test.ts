// The refusals of the two verifier answers (respondToPasswordVerifier, respondToDevicePasswordVerifier), which share
// password-claim.ts: exact code, field and message, and a session left unspent by each. Written for the mutants that
// survived Stryker run 5 there (packages/srp/MUTATION.md). Runs in every runtime.
import { describe, expect, it } from 'vitest';
import { SrpError, createSrpSession, respondToDevicePasswordVerifier, respondToPasswordVerifier } from '../src/index.js';
import { createServerChallenge, createUserVerifier, verifyPasswordClaim } from '../src/server/index.js';

const user = { userPoolId: 'us-east-1_Refusals1', userIdForSrp: 'refusal-user', password: 'refusal-Passw0rd!' };
const record = { ...user, ...createUserVerifier(user) };

type Answer = Parameters<typeof respondToPasswordVerifier>[1];
type Case = [name: string, input: (parameters: Record<string, string>) => Answer, code: string, field: string, message: string];

const CASES: Case[] = [
  ['challengeParameters null', () => ({ userPoolId: user.userPoolId, password: user.password, challengeParameters: null as never }), 'INVALID_ARGUMENT', 'challengeParameters', 'challengeParameters must be an object, got null'],
  ['challengeParameters undefined', () => ({ userPoolId: user.userPoolId, password: user.password, challengeParameters: undefined }), 'INVALID_ARGUMENT', 'challengeParameters', 'challengeParameters must be an object, got undefined'],
  ['password a number', (p) => ({ userPoolId: user.userPoolId, password: 42 as never, challengeParameters: p }), 'INVALID_ARGUMENT', 'password', 'password must be a string, got number'],
  ['SALT not hex', (p) => ({ userPoolId: user.userPoolId, password: user.password, challengeParameters: { ...p, SALT: 'zz' } }), 'INVALID_SALT', 'SALT', 'SALT is not unsigned hex (only 0-9, a-f, A-F)'],
  ['SRP_B not hex', (p) => ({ userPoolId: user.userPoolId, password: user.password, challengeParameters: { ...p, SRP_B: '0x12' } }), 'INVALID_HEX', 'SRP_B', 'SRP_B is not unsigned hex (only 0-9, a-f, A-F)'],
  ['clientSecret without clientId', (p) => ({ userPoolId: user.userPoolId, password: user.password, challengeParameters: p, clientSecret: 'client-secret' }), 'INVALID_ARGUMENT', 'clientId', 'clientSecret needs clientId: SECRET_HASH is computed over both'],
];

describe('respondToPasswordVerifier refusals: code, field, message, and the session stays unspent', () => {
  it.each(CASES)('%s', (_name, input, code, field, message) => {
    const session = createSrpSession();
    const challenge = createServerChallenge(record, session.srpA);
    let caught: unknown;
    try {
      respondToPasswordVerifier(session, input(challenge.challengeParameters));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SrpError);
    expect(caught).toMatchObject({ code, field, message });
    // Refused before anything secret was used: the same session still answers, and the server accepts it.
    const answer = respondToPasswordVerifier(session, { userPoolId: user.userPoolId, password: user.password, challengeParameters: challenge.challengeParameters });
    expect(verifyPasswordClaim(challenge, answer)).toBe(true);
  });
});

describe('respondToDevicePasswordVerifier shares the refusals', () => {
  it('a device secret without clientId is INVALID_ARGUMENT at clientId', () => {
    const parameters = { USERNAME: 'u', SALT: '01', SRP_B: '02', SECRET_BLOCK: 'AA==' };
    const call = () =>
      respondToDevicePasswordVerifier(createSrpSession(), { deviceGroupKey: 'g', deviceKey: 'k', devicePassword: 'p', challengeParameters: parameters, clientSecret: 's' });
    expect(call).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'clientId' }));
  });
});

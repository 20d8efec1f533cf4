// `now` from another realm (a `vm` context here; an iframe or a test runner's replaced Date in practice) is a Date:
// the builders and the sign-in loop take it, and sign the same TIMESTAMP as for a Date of this realm. A look-alike
// that only inherits from Date.prototype is still refused. Node only (node:vm).
import { runInNewContext } from 'node:vm';
import { createSrpSession } from '@cognito-kit/srp';
import { createServerChallenge, createUserVerifier } from '@cognito-kit/srp/server';
import { describe, expect, it } from 'vitest';
import { buildAdminRespondToAuthChallenge } from '../src/index.js';

const user = { userPoolId: 'eu-west-2_Realm1', userIdForSrp: 'alice', password: 'correct horse' };
const stored = { ...user, ...createUserVerifier(user) };
const common = { userPoolId: user.userPoolId, clientId: 'client123', challengeName: 'PASSWORD_VERIFIER', password: user.password } as const;

function answer(now: unknown) {
  const srpSession = createSrpSession({ privateValueBits: 256 });
  const challengeParameters = createServerChallenge(stored, srpSession.srpA).challengeParameters;
  return buildAdminRespondToAuthChallenge({ ...common, srpSession, challengeParameters, now: now as Date });
}

describe('now of another realm', () => {
  it('is a Date: the TIMESTAMP is the same as for a Date of this realm', () => {
    const foreign: unknown = runInNewContext('new Date(Date.UTC(2026, 11, 7, 9, 5, 3))');
    expect(foreign instanceof Date).toBe(false); // the point: instanceof cannot tell
    expect(answer(foreign).request.ChallengeResponses?.TIMESTAMP).toBe('Mon Dec 7 09:05:03 UTC 2026');
    expect(answer(new Date(Date.UTC(2026, 11, 7, 9, 5, 3))).request.ChallengeResponses?.TIMESTAMP).toBe('Mon Dec 7 09:05:03 UTC 2026');
  });

  it('an invalid Date of another realm, and a look-alike, are INVALID_TYPE at now', () => {
    for (const now of [runInNewContext('new Date(NaN)'), Object.create(Date.prototype), { getTime: () => 0 }]) {
      expect(() => answer(now)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE', path: 'now' }));
    }
  });
});

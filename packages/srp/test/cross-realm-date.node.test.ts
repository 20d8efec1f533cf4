// Node only (node:vm): a Date made in another realm (a vm context here; an iframe or a test runner's sandbox in
// practice) is a Date, and every `now` the package takes accepts it with the same result as this realm's Date:
// formatTimestamp, the answers' `now`, and the server half's `now` option. An object that only inherits from
// Date.prototype is still refused with INVALID_DATE, everywhere.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  SrpError,
  createDeviceVerifier,
  createSrpSession,
  exportSrpSession,
  formatTimestamp,
  importSrpSession,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
} from '../src/index.js';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyDevicePasswordClaim,
  verifyPasswordClaim,
} from '../src/server/index.js';

const ms = Date.UTC(2026, 10, 26, 8, 0, 0, 999);
const here = new Date(ms);
/** The same instant, made by another realm's Date constructor. */
const foreign = (time = ms): Date => runInNewContext(`new Date(${time})`) as Date;
/** Not a Date: it has Date.prototype's methods but no [[DateValue]] slot (getTime would throw). */
const lookAlike = (): Date => Object.create(Date.prototype) as Date;
/** Not a Date either, however honest its getTime looks. */
const lying = (): Date => Object.assign(Object.create(Date.prototype) as Date, { getTime: () => ms });

const expectInvalidDate = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SrpError);
    expect((error as SrpError).code).toBe('INVALID_DATE');
    return;
  }
  throw new Error('expected INVALID_DATE, nothing was thrown');
};

describe('a Date of another realm', () => {
  it('is really foreign: not instanceof this realm\'s Date, yet a Date', () => {
    const date = foreign();
    expect(date instanceof Date).toBe(false);
    expect(Object.prototype.toString.call(date)).toBe('[object Date]');
  });

  it('formatTimestamp accepts it and writes the same TIMESTAMP', () => {
    expect(formatTimestamp(foreign())).toBe(formatTimestamp(here));
    expect(formatTimestamp(foreign())).toBe('Thu Nov 26 08:00:00 UTC 2026');
    expectInvalidDate(() => formatTimestamp(foreign(NaN))); // another realm's Invalid Date is still invalid
    expectInvalidDate(() => formatTimestamp(lookAlike()));
    expectInvalidDate(() => formatTimestamp(lying()));
  });

  const user = { userPoolId: 'us-east-1_CrossRealm1', userIdForSrp: 'alice', password: 'correct horse' };
  const stored = createUserVerifier({ ...user, randomBytes: () => new Uint8Array(16).fill(3) });

  /** One challenge and session; `answer(now)` answers it with its own copy of the session. */
  function userLogin() {
    const session = createSrpSession();
    const challenge = createServerChallenge({ ...user, ...stored }, session.srpA);
    const sealed = exportSrpSession(session);
    const answer = (now: Date) =>
      respondToPasswordVerifier(importSrpSession(sealed), {
        userPoolId: user.userPoolId,
        password: user.password,
        challengeParameters: challenge.challengeParameters,
        now,
      });
    return { challenge, answer };
  }

  it("respondToPasswordVerifier's now accepts it: the same answer as this realm's Date", () => {
    const { answer } = userLogin();
    expect(answer(foreign())).toEqual(answer(here));
    expect(answer(foreign()).TIMESTAMP).toBe('Thu Nov 26 08:00:00 UTC 2026');
    expectInvalidDate(() => answer(lookAlike()));
    expectInvalidDate(() => answer(lying()));
  });

  it("verifyPasswordClaim's now accepts it, with the same verdicts (window included)", () => {
    const { challenge, answer } = userLogin();
    const right = answer(here);
    expect(verifyPasswordClaim(challenge, right, { now: foreign() })).toBe(true);
    expect(verifyPasswordClaim(challenge, right, { now: here })).toBe(true);
    // 5 minutes and 1 second later: outside the default window in both realms
    const late = ms + 5 * 60 * 1000 + 1000;
    expect(verifyPasswordClaim(challenge, right, { now: foreign(late) })).toBe(false);
    expect(verifyPasswordClaim(challenge, right, { now: new Date(late) })).toBe(false);
    expect(verifyPasswordClaim(challenge, right, { now: foreign(late), maxSkewMs: 6 * 60 * 1000 })).toBe(true);
    expectInvalidDate(() => verifyPasswordClaim(challenge, right, { now: lookAlike() }));
    expectInvalidDate(() => verifyPasswordClaim(challenge, right, { now: lying() }));
    expectInvalidDate(() => verifyPasswordClaim(challenge, right, { now: foreign(NaN) }));
  });

  it("respondToDevicePasswordVerifier's and verifyDevicePasswordClaim's now accept it", () => {
    const deviceGroupKey = '-xY12abCDe';
    const deviceKey = 'us-east-1_4c1e4a5f-1b2c-4d3e-8f90-0123456789ab';
    const registered = createDeviceVerifier({ deviceGroupKey, deviceKey });
    const session = createSrpSession();
    const challenge = createDeviceServerChallenge(
      { deviceGroupKey, deviceKey, username: 'alice', deviceSecretVerifierConfig: registered.DeviceSecretVerifierConfig },
      session.srpA,
    );
    const sealed = exportSrpSession(session);
    const answer = (now: Date) =>
      respondToDevicePasswordVerifier(importSrpSession(sealed), {
        deviceGroupKey,
        deviceKey,
        devicePassword: registered.devicePassword,
        challengeParameters: challenge.challengeParameters,
        now,
      });
    const right = answer(foreign());
    expect(right).toEqual(answer(here));
    expect(verifyDevicePasswordClaim(challenge, right, { now: foreign() })).toBe(true);
    expect(verifyDevicePasswordClaim(challenge, right, { now: foreign(ms + 6 * 60 * 1000) })).toBe(false);
    expectInvalidDate(() => answer(lookAlike()));
    expectInvalidDate(() => verifyDevicePasswordClaim(challenge, right, { now: lookAlike() }));
    expectInvalidDate(() => verifyDevicePasswordClaim(challenge, right, { now: lying() }));
  });
});

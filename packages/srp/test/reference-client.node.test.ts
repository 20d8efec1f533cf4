// amazon-cognito-identity-js, the client real Cognito accepts every day, logs in against the server half: its
// transport is replaced by a function that answers with createServerChallenge / verifyPasswordClaim. This proves
// the server half accepts answers it did not compute itself, for users and remembered devices, and that our client
// sends what identity-js sends.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createSrpSession, respondToPasswordVerifier } from '../src/index.js';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyDevicePasswordClaim,
  verifyPasswordClaim,
  type ServerChallenge,
} from '../src/server/index.js';
import { referenceRequire } from './helpers/reference.js';

interface CognitoCallbacks {
  onSuccess: (session: unknown, userConfirmationNecessary?: boolean) => void;
  onFailure: (error: Error) => void;
}
interface ReferenceUser {
  authenticateUser(details: unknown, callbacks: CognitoCallbacks): void;
}
const identity = referenceRequire('amazon-cognito-identity-js') as {
  CognitoUserPool: new (data: { UserPoolId: string; ClientId: string; Storage?: unknown }) => {
    client: { request: (op: string, params: Record<string, unknown>, cb: (err: unknown, data?: unknown) => void) => void };
  };
  CognitoUser: new (data: { Username: string; Pool: unknown; Storage?: unknown }) => ReferenceUser;
  AuthenticationDetails: new (data: { Username: string; Password: string }) => unknown;
};

/** A JWT-shaped token identity-js can decode (it reads the payload, never the signature). */
function fakeToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ exp: 4102444800, iat: 1700000000, ...claims })}.sig`;
}

class MemoryStorage {
  private readonly data = new Map<string, string>();
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  clear() {
    this.data.clear();
  }
}

/** A user pool in memory that speaks Cognito's JSON to identity-js and checks SRP with the server half. */
function fakeCognito(user: { userPoolId: string; userIdForSrp: string; username: string; password: string }, rememberDevices: boolean) {
  const stored = createUserVerifier(user);
  const devices = new Map<string, { deviceGroupKey: string; config: { Salt: string; PasswordVerifier: string } }>();
  const log: { op: string; params: Record<string, unknown> }[] = [];
  let pending: ServerChallenge | undefined;
  let deviceCount = 0;

  const tokens = () => {
    const result: Record<string, unknown> = {
      AccessToken: fakeToken({ username: user.userIdForSrp }),
      IdToken: fakeToken({ 'cognito:username': user.userIdForSrp }),
      RefreshToken: 'refresh-token',
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    };
    if (rememberDevices) {
      deviceCount += 1;
      result.NewDeviceMetadata = {
        DeviceKey: `us-east-1_0000000${deviceCount}-aaaa-4bbb-8ccc-dddddddddddd`,
        DeviceGroupKey: '-dEvGrOuP1',
      };
    }
    return { AuthenticationResult: result, ChallengeParameters: {} };
  };
  const notAuthorized = () => Object.assign(new Error('Incorrect username or password.'), { code: 'NotAuthorizedException' });

  function handle(op: string, params: Record<string, unknown>): unknown {
    log.push({ op, params });
    const answers = (params.ChallengeResponses ?? {}) as Record<string, string>;
    if (op === 'InitiateAuth') {
      const auth = params.AuthParameters as Record<string, string>;
      if (auth.USERNAME !== user.username && auth.USERNAME !== user.userIdForSrp) throw notAuthorized();
      pending = createServerChallenge({ ...user, ...stored }, auth.SRP_A!);
      return { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: pending.challengeParameters, Session: 'session-0123456789abcdef' };
    }
    if (op === 'RespondToAuthChallenge' && params.ChallengeName === 'PASSWORD_VERIFIER') {
      if (pending === undefined || !verifyPasswordClaim(pending, answers)) throw notAuthorized();
      const known = answers.DEVICE_KEY !== undefined && devices.has(answers.DEVICE_KEY);
      if (known) return { ChallengeName: 'DEVICE_SRP_AUTH', ChallengeParameters: {}, Session: 'session-device-0123456789' };
      return tokens();
    }
    if (op === 'RespondToAuthChallenge' && params.ChallengeName === 'DEVICE_SRP_AUTH') {
      const device = devices.get(answers.DEVICE_KEY!);
      if (device === undefined) throw notAuthorized();
      pending = createDeviceServerChallenge(
        { deviceGroupKey: device.deviceGroupKey, deviceKey: answers.DEVICE_KEY!, username: user.userIdForSrp, deviceSecretVerifierConfig: device.config },
        answers.SRP_A!,
      );
      return { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ChallengeParameters: pending.challengeParameters, Session: 'session-device-0123456789' };
    }
    if (op === 'RespondToAuthChallenge' && params.ChallengeName === 'DEVICE_PASSWORD_VERIFIER') {
      if (pending === undefined || !verifyDevicePasswordClaim(pending, answers)) throw notAuthorized();
      return { ...tokens(), AuthenticationResult: { ...tokens().AuthenticationResult, NewDeviceMetadata: undefined } };
    }
    if (op === 'ConfirmDevice') {
      devices.set(params.DeviceKey as string, {
        deviceGroupKey: '-dEvGrOuP1',
        config: params.DeviceSecretVerifierConfig as { Salt: string; PasswordVerifier: string },
      });
      return { UserConfirmationNecessary: false };
    }
    throw new Error(`unexpected ${op} ${String(params.ChallengeName)}`);
  }

  const storage = new MemoryStorage();
  const pool = new identity.CognitoUserPool({ UserPoolId: user.userPoolId, ClientId: 'clientid123', Storage: storage });
  pool.client.request = (op, params, callback) => {
    let data: unknown;
    try {
      data = handle(op, params);
    } catch (error) {
      callback(error);
      return;
    }
    callback(null, data);
  };
  const signIn = (password: string) =>
    new Promise<void>((resolve, reject) => {
      const cognitoUser = new identity.CognitoUser({ Username: user.username, Pool: pool, Storage: storage });
      cognitoUser.authenticateUser(new identity.AuthenticationDetails({ Username: user.username, Password: password }), {
        onSuccess: () => resolve(),
        onFailure: reject,
      });
    });
  return { signIn, log, devices };
}

const userArb = fc.record({
  name: fc.stringMatching(/^[0-9a-zA-Z]{1,12}$/),
  userIdForSrp: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  password: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
});

describe('amazon-cognito-identity-js against the server half', () => {
  test.prop([userArb], { numRuns: 12 })('signs in with the right password: the server half verifies its signature', async ({ name, userIdForSrp, password }) => {
    const cognito = fakeCognito({ userPoolId: `eu-west-2_${name}`, userIdForSrp, username: 'typed-alias@example.com', password }, false);
    await expect(cognito.signIn(password)).resolves.toBeUndefined();
    const answer = cognito.log.find((entry) => entry.params.ChallengeName === 'PASSWORD_VERIFIER')!.params.ChallengeResponses as Record<string, string>;
    expect(answer.USERNAME).toBe(userIdForSrp);
  });

  it('is refused with a wrong password', async () => {
    const cognito = fakeCognito({ userPoolId: 'us-east-1_Pool1', userIdForSrp: 'alice', username: 'alice', password: 'right' }, false);
    await expect(cognito.signIn('wrong')).rejects.toMatchObject({ code: 'NotAuthorizedException' });
  });

  it('confirms a device with its generateHashDevice verifier, then signs in through DEVICE_SRP_AUTH', async () => {
    const cognito = fakeCognito({ userPoolId: 'us-east-1_Pool1', userIdForSrp: 'alice', username: 'alice', password: 'pw' }, true);
    await cognito.signIn('pw');
    expect(cognito.devices.size).toBe(1);
    await cognito.signIn('pw');
    const ops = cognito.log.map((entry) => `${entry.op}:${String(entry.params.ChallengeName ?? '')}`);
    expect(ops).toContain('RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER');
    const deviceAnswer = cognito.log.find((entry) => entry.params.ChallengeName === 'DEVICE_PASSWORD_VERIFIER')!;
    expect((deviceAnswer.params.ChallengeResponses as Record<string, string>).DEVICE_KEY).toBe([...cognito.devices.keys()][0]);
  });
});

describe('our client sends what identity-js sends', () => {
  test.prop([userArb], { numRuns: 8 })('the same ChallengeResponses keys and USERNAME for the same challenge', async ({ name, userIdForSrp, password }) => {
    const userPoolId = `us-west-2_${name}`;
    const cognito = fakeCognito({ userPoolId, userIdForSrp, username: userIdForSrp, password }, false);
    await cognito.signIn(password);
    const reference = cognito.log.find((entry) => entry.params.ChallengeName === 'PASSWORD_VERIFIER')!.params
      .ChallengeResponses as Record<string, string>;

    const stored = createUserVerifier({ userPoolId, userIdForSrp, password });
    const session = createSrpSession();
    const challenge = createServerChallenge({ userPoolId, userIdForSrp, ...stored }, session.srpA);
    const ours = respondToPasswordVerifier(session, { userPoolId, password, challengeParameters: challenge.challengeParameters });
    expect(Object.keys(ours).sort()).toEqual(Object.keys(reference).sort());
    expect(ours.USERNAME).toBe(reference.USERNAME);
    expect(ours.TIMESTAMP).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} [1-9]\d? \d\d:\d\d:\d\d UTC \d{4}$/);
    expect(verifyPasswordClaim(challenge, ours)).toBe(true);
  });
});

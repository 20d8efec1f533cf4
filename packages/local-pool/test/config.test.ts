// The config: parseLocalPoolsConfig reports every problem at once with its path; createLocalUserPools checks a
// typed config the same way; the administration API (addUser, getUser, listUsers, userPools) and the options.
// Portable.
import { signIn } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import { LocalPoolConfigError, LocalPoolError, createLocalUserPools, parseLocalPoolsConfig, type LocalPoolsConfig } from '../src/index.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicConfig, claimsOf, setUp } from './helpers/harness.js';

/** The example, with real values for its placeholders. */
const EXAMPLE = {
  userPools: [
    {
      id: 'eu-west-2_LocalPool1',
      usernameAttributes: ['email'],
      deviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
      clients: [{ id: 'localclient0123456789abcd', secret: 'a local client secret 0123', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
      users: [{ username: 'alice@example.com', password: 'Correct horse 1!', attributes: { email: 'alice@example.com' }, status: 'CONFIRMED', totpSecret: 'JBSWY3DPEHPK3PXP' }],
    },
  ],
};

function problemsOf(json: unknown): [string, string][] {
  try {
    parseLocalPoolsConfig(json);
  } catch (error) {
    if (error instanceof LocalPoolConfigError) return error.problems.map((problem) => [problem.code, problem.path]);
    throw error;
  }
  return [];
}

describe('parseLocalPoolsConfig', () => {
  it('takes the issue`s example, and returns a copy', () => {
    const json = structuredClone(EXAMPLE);
    const parsed = parseLocalPoolsConfig(json);
    expect(parsed).toEqual(EXAMPLE);
    json.userPools[0]!.id = 'changed';
    expect(parsed.userPools[0]?.id).toBe('eu-west-2_LocalPool1');
  });

  it('lists every problem at once, each with its path and a stable code', () => {
    const json = {
      userPools: [
        {
          id: 'bad pool', usernameAttributes: ['email', 'nickname'], aliasAttributes: ['email'], mfaConfiguration: 'SOMETIMES', passwordPolicy: { minimumLength: 3 },
          signInPolicy: { allowedFirstAuthFactors: ['EMAIL_OTP'] }, issuer: 'http://x/', extra: 1,
          clients: [{ id: 'okclient' }, { id: 'dup', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ALLOW_MAGIC'], authSessionValidity: 20 }],
          users: [
            { username: 'alice@example.com', password: 'weak' },
            { password: PASSWORD },
            { username: 'x', password: PASSWORD, totpSecret: '1!', userMFASettingList: ['SMS_MFA'], attributes: { shoe: '9', email: 'nope' } },
            { username: 'alice@example.com', password: PASSWORD },
          ],
        },
        { id: 'eu-west-2_Second', clients: [{ id: 'dup' }] },
      ],
    };
    expect(problemsOf(json)).toEqual([
      ['UNKNOWN_MEMBER', 'userPools[0].extra'],
      ['INVALID_VALUE', 'userPools[0].id'],
      ['INVALID_VALUE', 'userPools[0].usernameAttributes[1]'],
      ['CONFLICT', 'userPools[0].aliasAttributes'],
      ['INVALID_VALUE', 'userPools[0].mfaConfiguration'],
      ['INVALID_VALUE', 'userPools[0].passwordPolicy.minimumLength'],
      ['INVALID_VALUE', 'userPools[0].signInPolicy.allowedFirstAuthFactors'],
      ['INVALID_VALUE', 'userPools[0].issuer'],
      ['INVALID_VALUE', 'userPools[0].clients[1].explicitAuthFlows[2]'],
      ['CONFLICT', 'userPools[0].clients[1].explicitAuthFlows'],
      ['INVALID_VALUE', 'userPools[0].clients[1].authSessionValidity'],
      ['WEAK_PASSWORD', 'userPools[0].users[0].password'],
      ['REQUIRED', 'userPools[0].users[1].username'],
      ['INVALID_VALUE', 'userPools[0].users[2].attributes.shoe'],
      ['INVALID_VALUE', 'userPools[0].users[2].attributes.email'],
      ['INVALID_VALUE', 'userPools[0].users[2].username'],
      ['INVALID_VALUE', 'userPools[0].users[2].totpSecret'],
      ['CONFLICT', 'userPools[0].users[2].userMFASettingList[0]'],
      ['DUPLICATE', 'userPools[0].users[3]'],
      ['DUPLICATE', 'userPools[1].clients[0].id'],
    ]);
  });

  it('the error repeats the first problem, and never a password or secret', () => {
    let error: unknown;
    try {
      parseLocalPoolsConfig({ userPools: [{ id: POOL_ID, clients: [{ id: 'c', secret: '' }], users: [{ username: 'u', password: 'secret pw' }] }] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LocalPoolConfigError);
    expect(error).toMatchObject({ code: 'INVALID_VALUE', path: 'userPools[0].clients[0].secret', name: 'LocalPoolConfigError' });
    expect(JSON.stringify((error as LocalPoolConfigError).problems) + String(error)).not.toContain('secret pw');
  });

  it('the root, the pool list and their types', () => {
    expect(problemsOf(null)).toEqual([['INVALID_TYPE', '']]);
    expect(problemsOf({})).toEqual([['REQUIRED', 'userPools']]);
    expect(problemsOf({ userPools: [{ id: POOL_ID }] })).toEqual([['REQUIRED', 'userPools[0].clients']]);
    expect(problemsOf({ userPools: [{ id: POOL_ID, clients: [], mfaConfiguration: 'OFF', users: [{ username: 'u', password: PASSWORD, totpSecret: 'JBSWY3DPEHPK3PXP', enabled: 'yes' }] }] })).toEqual([
      ['INVALID_TYPE', 'userPools[0].users[0].enabled'],
      ['CONFLICT', 'userPools[0].users[0].totpSecret'],
    ]);
    expect(problemsOf({ userPools: [EXAMPLE.userPools[0], EXAMPLE.userPools[0]] })).toEqual([
      ['DUPLICATE', 'userPools[1].id'],
      ['DUPLICATE', 'userPools[1].clients[0].id'],
    ]);
  });
});

describe('createLocalUserPools', () => {
  it('checks a typed config the same way', () => {
    const config: LocalPoolsConfig = { userPools: [{ id: POOL_ID, clients: [{ id: CLIENT_ID, authSessionValidity: 2 }] }] };
    expect(() => createLocalUserPools(config)).toThrow(LocalPoolConfigError);
  });

  it('refuses options of the wrong type, and randomness that returns the wrong bytes (at first use)', () => {
    expect(() => createLocalUserPools(basicConfig(), { now: 5 as unknown as () => Date })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(() => createLocalUserPools(basicConfig(), { randomBytes: 5 as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    const broken = createLocalUserPools(basicConfig(), { randomBytes: () => new Uint8Array(1) });
    expect(() => broken.listUsers(POOL_ID)).toThrow(expect.objectContaining({ code: 'INVALID_RANDOM_BYTES' }));
  });

  it('draws no random value until first used, so a Worker may create it in its global scope', async () => {
    let draws = 0;
    const pools = createLocalUserPools(basicConfig(), {
      randomBytes: (length) => {
        draws += 1;
        return crypto.getRandomValues(new Uint8Array(length));
      },
    });
    expect(draws).toBe(0);
    expect(pools.listUsers(POOL_ID).map((user) => user.username)).toEqual(['alice']);
    expect(draws).toBeGreaterThan(0);
  });

  it('injected randomness makes an instance reproducible', () => {
    const seeded = () => {
      let counter = 0;
      return (length: number) => Uint8Array.from({ length }, () => (counter = (counter * 31 + 7) % 251));
    };
    const one = createLocalUserPools(basicConfig(), { randomBytes: seeded() });
    const two = createLocalUserPools(basicConfig(), { randomBytes: seeded() });
    expect(one.getUser(POOL_ID, 'alice')?.sub).toBe(two.getUser(POOL_ID, 'alice')?.sub);
  });
});

describe('the administration API', () => {
  it('describes the pools, never a secret', () => {
    const h = setUp(basicConfig({ deviceConfiguration: {} }));
    expect(h.pools.userPools).toEqual([
      {
        userPoolId: POOL_ID,
        issuer: `https://cognito-idp.eu-west-2.amazonaws.com/${POOL_ID}`,
        jwksUri: `https://cognito-idp.eu-west-2.amazonaws.com/${POOL_ID}/.well-known/jwks.json`,
        usernameAttributes: [],
        aliasAttributes: [],
        mfaConfiguration: 'OPTIONAL',
        deviceTracking: true,
        clients: [
          expect.objectContaining({ clientId: CLIENT_ID, hasSecret: false, preventUserExistenceErrors: 'ENABLED', enableTokenRevocation: true, authSessionValidity: 3 }),
          expect.objectContaining({ clientId: 'secretclient0123456789abc', hasSecret: true }),
        ],
      },
    ]);
    expect(JSON.stringify(h.pools.userPools)).not.toContain('localclientsecret');
  });

  it('addUser, getUser (by any name or sub), listUsers; the refusals are typed', async () => {
    const h = setUp(basicConfig({ aliasAttributes: ['email'] }));
    const bob = h.pools.addUser(POOL_ID, { username: 'bob', password: 'Bob password 1!', attributes: { email: 'bob@example.com' }, groups: ['admins'] });
    expect(bob).toMatchObject({ userPoolId: POOL_ID, username: 'bob', status: 'CONFIRMED', enabled: true, groups: ['admins'], attributes: { email: 'bob@example.com', email_verified: 'true' } });
    expect(h.pools.getUser(POOL_ID, 'bob@example.com')?.sub).toBe(bob.sub);
    expect(h.pools.getUser(POOL_ID, bob.sub)?.username).toBe('bob');
    expect(h.pools.getUser(POOL_ID, 'nobody')).toBeUndefined();
    expect(h.pools.listUsers(POOL_ID).map((user) => user.username)).toEqual(['alice', 'bob']);
    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'bob@example.com', password: 'Bob password 1!', now: h.now });
    if (!step.signedIn) throw new Error(step.challengeName);
    expect(claimsOf(step.authenticationResult.AccessToken)['cognito:groups']).toEqual(['admins']);
    expect(claimsOf(step.authenticationResult.IdToken)['cognito:groups']).toEqual(['admins']);
    expect(() => h.pools.addUser(POOL_ID, { username: 'carol', password: 'weak' })).toThrow(expect.objectContaining({ name: 'LocalPoolConfigError', code: 'WEAK_PASSWORD', path: 'user.password' }));
    expect(() => h.pools.addUser(POOL_ID, { username: 'Bob', password: PASSWORD })).toThrow(expect.objectContaining({ name: 'LocalPoolError', code: 'USERNAME_EXISTS' }));
    expect(() => h.pools.addUser(POOL_ID, { username: 'dan', password: PASSWORD, attributes: { email: 'bob@example.com' } })).toThrow(LocalPoolError);
    expect(() => h.pools.listUsers('eu-west-2_Nothing')).toThrow(expect.objectContaining({ code: 'POOL_NOT_FOUND' }));
  });
});

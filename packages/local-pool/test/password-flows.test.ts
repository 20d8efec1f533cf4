// The password flows (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH), CUSTOM_AUTH's refusal, and
// what a user's state does to a sign-in under preventUserExistenceErrors ENABLED and LEGACY. Portable.
import { buildAdminInitiateAuth, buildInitiateAuth, send } from '@cognito-kit/request-builder';
import { signIn } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import type { UserConfig } from '../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, DESTINATION, PASSWORD, POOL_ID, SECRET_CLIENT_ID, basicConfig, refusal, setUp, sign } from './helpers/harness.js';

describe('the password flows', () => {
  it('USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH: the right password gets tokens, a wrong one does not', async () => {
    const h = setUp(basicConfig());
    const base = { userPoolId: POOL_ID, clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET, username: 'alice' };
    expect((await signIn({ ...base, send: h.senders, authFlow: 'USER_PASSWORD_AUTH', password: PASSWORD })).signedIn).toBe(true);
    expect((await signIn({ ...base, send: h.adminSenders, authFlow: 'ADMIN_USER_PASSWORD_AUTH', password: PASSWORD })).signedIn).toBe(true);
    expect((await signIn({ ...base, send: h.adminSenders, authFlow: 'ADMIN_NO_SRP_AUTH', password: PASSWORD })).signedIn).toBe(true);
    for (const [senders, authFlow] of [[h.senders, 'USER_PASSWORD_AUTH'], [h.adminSenders, 'ADMIN_USER_PASSWORD_AUTH']] as const) {
      expect(await refusal(signIn({ ...base, send: senders, authFlow, password: 'Correct horse 2!' }))).toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
      });
    }
  });

  it('an ADMIN_* flow sent to InitiateAuth, or USER_PASSWORD_AUTH to AdminInitiateAuth: "Initiate Auth method not supported."', async () => {
    const h = setUp(basicConfig());
    const adminFlow = await h.call('InitiateAuth', { AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'alice', PASSWORD } });
    expect(adminFlow.body).toEqual({ __type: 'InvalidParameterException', message: 'Initiate Auth method not supported.' });
    const { request } = buildAdminInitiateAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD });
    expect(await refusal(send('AdminInitiateAuth', request, DESTINATION, { ...h.options, sign }))).toMatchObject({ message: 'Initiate Auth method not supported.' });
  });

  it('CUSTOM_AUTH is refused: no Lambda trigger runs here', async () => {
    const config = basicConfig();
    const client = config.userPools[0]?.clients[0];
    if (client !== undefined) client.explicitAuthFlows = ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH'];
    const h = setUp(config);
    const { request } = buildInitiateAuth({ authFlow: 'CUSTOM_AUTH', clientId: CLIENT_ID, username: 'alice', withSrp: true });
    expect(await refusal(send('InitiateAuth', request, DESTINATION, h.options))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Custom auth lambda trigger is not configured for the user pool. (The local user pool runs no Lambda triggers, so CUSTOM_AUTH cannot be emulated.)',
    });
  });

  it('a password is never kept: the pool holds a salt and a verifier, and the administration API shows neither', async () => {
    const h = setUp(basicConfig());
    const shown = JSON.stringify(h.pools.listUsers(POOL_ID));
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toMatch(/verifier|salt|password/i);
  });
});

describe('the user`s state', () => {
  const users: UserConfig[] = [
    { username: 'una', password: PASSWORD, status: 'UNCONFIRMED' },
    { username: 'rita', password: PASSWORD, status: 'RESET_REQUIRED' },
    { username: 'dora', password: PASSWORD, enabled: false },
  ];
  const signInAs = (h: ReturnType<typeof setUp>, username: string, password: string) =>
    signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, authFlow: 'USER_PASSWORD_AUTH', username, password });

  it('ENABLED: refused only once the password is right, and a required reset looks like a wrong password', async () => {
    const h = setUp(basicConfig({ users }));
    expect(await refusal(signInAs(h, 'una', 'Wrong horse 1!'))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(await refusal(signInAs(h, 'una', PASSWORD))).toMatchObject({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    expect(await refusal(signInAs(h, 'rita', PASSWORD))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(await refusal(signInAs(h, 'dora', PASSWORD))).toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    expect(await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'una', password: PASSWORD, now: h.now }))).toMatchObject({
      name: 'UserNotConfirmedException',
    });
  });

  it('LEGACY: refused at once, even with a wrong password', async () => {
    const config = basicConfig({ users });
    const client = config.userPools[0]?.clients[0];
    if (client !== undefined) client.preventUserExistenceErrors = 'LEGACY';
    const h = setUp(config);
    expect(await refusal(signInAs(h, 'una', 'Wrong horse 1!'))).toMatchObject({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    expect(await refusal(signInAs(h, 'rita', 'Wrong horse 1!'))).toMatchObject({ name: 'PasswordResetRequiredException', message: 'Password reset required for the user' });
    const srp = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: CLIENT_ID, username: 'una' });
    expect(await refusal(send('InitiateAuth', srp.request, DESTINATION, h.options))).toMatchObject({ name: 'UserNotConfirmedException' });
  });

  it('a temporary password expires after the policy`s days', async () => {
    const h = setUp(basicConfig({ passwordPolicy: { temporaryPasswordValidityDays: 1 }, users: [{ username: 'tess', password: PASSWORD, status: 'FORCE_CHANGE_PASSWORD' }] }));
    const first = await signInAs(h, 'tess', PASSWORD);
    expect(first.signedIn === false && first.challengeName).toBe('NEW_PASSWORD_REQUIRED');
    h.advance(24 * 60 * 60_000 + 1000);
    expect(await refusal(signInAs(h, 'tess', PASSWORD))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });
});

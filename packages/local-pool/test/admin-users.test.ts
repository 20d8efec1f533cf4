// The Admin user operations (SigV4-signed) and NEW_PASSWORD_REQUIRED: AdminCreateUser makes a FORCE_CHANGE_PASSWORD
// user, whose first sign-in must set a password the pool's policy accepts; AdminSetUserPassword; AdminGetUser. Portable.
import { signIn } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, PASSWORD, POOL_ID, basicConfig, object, refusal, setUp, text, type Harness } from './helpers/harness.js';

const TEMPORARY = 'Temporary 1!';

async function createUser(h: Harness, body: Record<string, unknown>) {
  return h.call('AdminCreateUser', { UserPoolId: POOL_ID, ...body }, { signed: true });
}

describe('AdminCreateUser and NEW_PASSWORD_REQUIRED', () => {
  it('a user created with a temporary password must set a new one that meets the policy', async () => {
    const h = setUp(basicConfig());
    const created = await createUser(h, { Username: 'nina', TemporaryPassword: TEMPORARY, UserAttributes: [{ Name: 'email', Value: 'nina@example.com' }], MessageAction: 'SUPPRESS' });
    expect(created.status).toBe(200);
    const user = object(created.body, 'User');
    expect(user).toMatchObject({ Username: 'nina', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(user.Attributes).toEqual([{ Name: 'sub', Value: expect.stringMatching(/^[0-9a-f-]{36}$/) }, { Name: 'email', Value: 'nina@example.com' }]);
    expect(typeof user.UserCreateDate).toBe('number');
    expect(user.UserCreateDate).toBe(h.now().getTime() / 1000);

    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'nina', password: TEMPORARY, now: h.now });
    if (step.signedIn || step.challengeName !== 'NEW_PASSWORD_REQUIRED') throw new Error('expected NEW_PASSWORD_REQUIRED');
    expect(step.challengeParameters).toEqual({ USER_ID_FOR_SRP: 'nina', requiredAttributes: '[]', userAttributes: '{"email":"nina@example.com"}' });
    expect(await refusal(step.answer({ NEW_PASSWORD: 'weakpassword' }))).toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    });
    const again = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'nina', password: TEMPORARY, now: h.now });
    if (again.signedIn || again.challengeName !== 'NEW_PASSWORD_REQUIRED') throw new Error('expected NEW_PASSWORD_REQUIRED');
    expect((await again.answer({ NEW_PASSWORD: 'Brand new 2?', 'userAttributes.name': 'Nina' })).signedIn).toBe(true);
    expect(h.pools.getUser(POOL_ID, 'nina')).toMatchObject({ status: 'CONFIRMED', attributes: { email: 'nina@example.com', name: 'Nina' } });
    expect(await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'nina', password: TEMPORARY, now: h.now }))).toMatchObject({
      message: 'Incorrect username or password.',
    });
    expect((await signIn({ send: h.adminSenders, userPoolId: POOL_ID, clientId: CLIENT_ID, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'nina', password: 'Brand new 2?' })).signedIn).toBe(true);
  });

  it('without TemporaryPassword one is generated and "sent", readable from the administration API', async () => {
    const h = setUp(basicConfig());
    await createUser(h, { Username: 'gen', UserAttributes: [{ Name: 'email', Value: 'gen@example.com' }], DesiredDeliveryMediums: ['EMAIL'] });
    const [sent] = h.pools.sentCodes({ userPoolId: POOL_ID, username: 'gen', kind: 'TEMPORARY_PASSWORD' });
    expect(sent).toMatchObject({ medium: 'EMAIL', destination: 'gen@example.com' });
    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'gen', password: sent?.code, now: h.now });
    expect(step.signedIn === false && step.challengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(h.log.map((line) => line.message).join('\n')).not.toContain(sent?.code);
  });

  it('refuses a taken username, a weak temporary password and an attribute the pool does not have', async () => {
    const h = setUp(basicConfig());
    expect((await createUser(h, { Username: 'alice', TemporaryPassword: TEMPORARY })).body).toEqual({ __type: 'UsernameExistsException', message: 'User account already exists' });
    expect((await createUser(h, { Username: 'ALICE', TemporaryPassword: TEMPORARY })).body.__type).toBe('UsernameExistsException');
    expect((await createUser(h, { Username: 'weak', TemporaryPassword: 'short' })).body).toEqual({
      __type: 'InvalidPasswordException',
      message: 'Password did not conform with password policy: Password not long enough',
    });
    expect((await createUser(h, { Username: 'odd', TemporaryPassword: TEMPORARY, UserAttributes: [{ Name: 'shoe_size', Value: '9' }] })).body).toEqual({
      __type: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.',
    });
  });

  it('in a pool with usernameAttributes the Username is the e-mail, and the username a generated sub', async () => {
    const h = setUp(basicConfig({ usernameAttributes: ['email'], users: [] }));
    expect((await createUser(h, { Username: 'nina', TemporaryPassword: TEMPORARY })).body).toEqual({ __type: 'InvalidParameterException', message: 'Username should be an email.' });
    const created = await createUser(h, { Username: 'nina@example.com', TemporaryPassword: TEMPORARY, MessageAction: 'SUPPRESS' });
    const user = object(created.body, 'User');
    const sub = (user.Attributes as { Name: string; Value: string }[])[0]?.Value;
    expect(user.Username).toBe(sub);
    expect(user.Attributes).toEqual([{ Name: 'sub', Value: sub }, { Name: 'email', Value: 'nina@example.com' }]);
    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'nina@example.com', password: TEMPORARY, now: h.now });
    expect(step.signedIn === false && step.challengeParameters.USER_ID_FOR_SRP).toBe(sub);
    expect((await createUser(h, { Username: 'nina@example.com', TemporaryPassword: TEMPORARY })).body.__type).toBe('UsernameExistsException');
  });
});

describe('AdminSetUserPassword and AdminGetUser', () => {
  it('Permanent true confirms the user; false makes the password temporary', async () => {
    const h = setUp(basicConfig());
    expect((await h.call('AdminSetUserPassword', { UserPoolId: POOL_ID, Username: 'alice', Password: 'Another one 3#', Permanent: true }, { signed: true })).body).toEqual({});
    expect((await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: 'Another one 3#', now: h.now })).signedIn).toBe(true);
    await h.call('AdminSetUserPassword', { UserPoolId: POOL_ID, Username: 'alice', Password: 'Temporary 4$' }, { signed: true });
    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: 'Temporary 4$', now: h.now });
    expect(step.signedIn === false && step.challengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect((await h.call('AdminSetUserPassword', { UserPoolId: POOL_ID, Username: 'alice', Password: 'weak', Permanent: true }, { signed: true })).body).toEqual({
      __type: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    expect((await h.call('AdminSetUserPassword', { UserPoolId: POOL_ID, Username: 'nobody', Password: PASSWORD }, { signed: true })).body).toEqual({
      __type: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });

  it('AdminGetUser: the user by username or alias, timestamps as epoch seconds, no password', async () => {
    const h = setUp(basicConfig({ aliasAttributes: ['email'] }));
    const reply = await h.call('AdminGetUser', { UserPoolId: POOL_ID, Username: 'alice@example.com' }, { signed: true });
    expect(reply.body).toEqual({
      Username: 'alice',
      UserAttributes: [
        { Name: 'sub', Value: h.pools.getUser(POOL_ID, 'alice')?.sub },
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'name', Value: 'Alice' },
        { Name: 'email_verified', Value: 'true' },
      ],
      UserCreateDate: h.now().getTime() / 1000,
      UserLastModifiedDate: h.now().getTime() / 1000,
      Enabled: true,
      UserStatus: 'CONFIRMED',
    });
    expect(text((await h.call('AdminGetUser', { UserPoolId: POOL_ID, Username: 'nobody' }, { signed: true })).body, '__type')).toBe('UserNotFoundException');
    expect((await h.call('AdminGetUser', { UserPoolId: 'eu-west-2_Nothing', Username: 'alice' }, { signed: true })).body).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'User pool eu-west-2_Nothing does not exist.',
    });
  });
});

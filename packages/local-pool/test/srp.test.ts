// USER_SRP_AUTH against the local pool, driven by the request builder's `send` and sign-in loop: the server half
// really checks the SRP proof, SECRET_HASH, the TIMESTAMP window and single use. Portable (workerd, Deno, Bun,
// Chromium): vitest and Web APIs only, the clock injected.
import { secretHash } from '@cognito-kit/srp';
import { CognitoServiceError, buildAdminInitiateAuth, buildInitiateAuth, buildRespondToAuthChallenge, send, type AuthResponse } from '@cognito-kit/request-builder';
import { signIn } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, DESTINATION, PASSWORD, POOL_ID, SECRET_CLIENT_ID, basicConfig, claimsOf, refusal, setUp, sign, type Harness } from './helpers/harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** InitiateAuth USER_SRP_AUTH, and the right PASSWORD_VERIFIER answer to it (not sent). */
async function challenge(h: Harness, username: string, options: { clientId?: string; clientSecret?: string; password?: string; at?: Date } = {}) {
  const clientId = options.clientId ?? CLIENT_ID;
  const client = options.clientSecret === undefined ? { clientId } : { clientId, clientSecret: options.clientSecret };
  const start = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', ...client, username });
  const reply = await send('InitiateAuth', start.request, DESTINATION, h.options);
  const answer = buildRespondToAuthChallenge({
    challengeName: 'PASSWORD_VERIFIER', userPoolId: POOL_ID, ...client, srpSession: start.srpSession,
    password: options.password ?? PASSWORD, response: reply, now: options.at ?? h.now(),
  });
  return { reply, answer: answer.request };
}

describe('USER_SRP_AUTH', () => {
  it('the right password gets tokens; USER_ID_FOR_SRP is the username; no Session, as real Cognito', async () => {
    const h = setUp(basicConfig());
    const { reply } = await challenge(h, 'alice');
    expect(reply.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(reply.Session).toBeUndefined();
    expect(reply.ChallengeParameters).toMatchObject({ USER_ID_FOR_SRP: 'alice', USERNAME: 'alice' });
    expect(Object.keys(reply.ChallengeParameters ?? {}).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD, now: h.now });
    if (!step.signedIn) throw new Error(step.challengeName);
    expect(step.username).toBe('alice');
    expect(step.authenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(step.authenticationResult.RefreshToken).toMatch(/^eyJjdHkiOiJKV1QiLC/);
    const sub = h.pools.getUser(POOL_ID, 'alice')?.sub;
    expect(claimsOf(step.authenticationResult.AccessToken)).toMatchObject({ sub, username: 'alice', client_id: CLIENT_ID, token_use: 'access', scope: 'aws.cognito.signin.user.admin' });
    expect(claimsOf(step.authenticationResult.IdToken)).toMatchObject({ sub, 'cognito:username': 'alice', aud: CLIENT_ID, token_use: 'id', email: 'alice@example.com' });
  });

  it('AdminInitiateAuth takes USER_SRP_AUTH too (PASSWORD_VERIFIER, then AdminRespondToAuthChallenge)', async () => {
    const h = setUp(basicConfig());
    const step = await signIn({ send: h.adminSenders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD, now: h.now });
    expect(step.signedIn).toBe(true);
    const { request } = buildAdminInitiateAuth({ authFlow: 'USER_SRP_AUTH', userPoolId: 'eu-west-2_OtherPool9', clientId: CLIENT_ID, username: 'alice' });
    expect(await refusal(send('AdminInitiateAuth', request, DESTINATION, { ...h.options, sign }))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool eu-west-2_OtherPool9 does not exist.',
    });
  });

  it('a wrong password is NotAuthorizedException "Incorrect username or password."', async () => {
    const h = setUp(basicConfig());
    const error = await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: 'Wrong horse 1!', now: h.now }));
    expect(error).toBeInstanceOf(CognitoServiceError);
    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 });
  });

  it('a PASSWORD_VERIFIER challenge is answered once: a replayed SECRET_BLOCK, even after a wrong answer, is refused', async () => {
    const h = setUp(basicConfig());
    const { answer } = await challenge(h, 'alice');
    expect((await send('RespondToAuthChallenge', answer, DESTINATION, h.options)).AuthenticationResult).toBeDefined();
    expect(await refusal(send('RespondToAuthChallenge', answer, DESTINATION, h.options))).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const second = await challenge(h, 'alice');
    const tampered = { ...second.answer, ChallengeResponses: { ...second.answer.ChallengeResponses, PASSWORD_CLAIM_SIGNATURE: 'A'.repeat(43) + '=' } };
    expect(await refusal(send('RespondToAuthChallenge', tampered, DESTINATION, h.options))).toMatchObject({ message: 'Incorrect username or password.' });
    expect(await refusal(send('RespondToAuthChallenge', second.answer, DESTINATION, h.options))).toMatchObject({ message: 'Incorrect username or password.' });
  });

  it('the challenge expires after the client`s AuthSessionValidity (3 minutes by default, up to 15)', async () => {
    const h = setUp(basicConfig());
    const start = await challenge(h, 'alice');
    h.advance(3 * 60_000 + 1000);
    const late = { ...start.answer };
    expect(await refusal(send('RespondToAuthChallenge', late, DESTINATION, h.options))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
    const config = basicConfig();
    const pool = config.userPools[0];
    if (pool?.clients[0] !== undefined) pool.clients[0].authSessionValidity = 15;
    const patient = setUp(config);
    const { answer } = await challenge(patient, 'alice', { at: new Date(patient.now().getTime() + 4 * 60_000) });
    patient.advance(4 * 60_000);
    expect((await send('RespondToAuthChallenge', answer, DESTINATION, patient.options)).AuthenticationResult).toBeDefined();
  });

  it('a TIMESTAMP more than 5 minutes from the pool`s clock fails like a wrong password', async () => {
    const h = setUp(basicConfig());
    const { answer } = await challenge(h, 'alice', { at: new Date(h.now().getTime() - 6 * 60_000) });
    expect(await refusal(send('RespondToAuthChallenge', answer, DESTINATION, h.options))).toMatchObject({ message: 'Incorrect username or password.' });
    const padded = await challenge(h, 'alice');
    const timestamp = padded.answer.ChallengeResponses?.TIMESTAMP ?? '';
    const zeroPadded = { ...padded.answer, ChallengeResponses: { ...padded.answer.ChallengeResponses, TIMESTAMP: timestamp.replace(/ (\d) /, ' 0$1 ') } };
    expect(zeroPadded.ChallengeResponses?.TIMESTAMP).toBe('Mon Dec 07 10:20:30 UTC 2026');
    expect(await refusal(send('RespondToAuthChallenge', zeroPadded, DESTINATION, h.options))).toMatchObject({ message: 'Incorrect username or password.' });
  });

  it('an SRP_A that is 0 mod N is InvalidParameterException', async () => {
    const h = setUp(basicConfig());
    const reply = await h.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'alice', SRP_A: '0' } });
    expect(reply.status).toBe(400);
    expect(reply.body.__type).toBe('InvalidParameterException');
    const missing = await h.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'alice' } });
    expect(missing.body).toEqual({ __type: 'InvalidParameterException', message: 'Missing required parameter SRP_A' });
  });
});

describe('SECRET_HASH', () => {
  it('over the name sent at InitiateAuth, then over USER_ID_FOR_SRP: the builder and the loop get it right', async () => {
    const h = setUp(basicConfig({ aliasAttributes: ['email'] }));
    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET, username: 'alice@example.com', password: PASSWORD, now: h.now });
    expect(step.signedIn && step.username).toBe('alice');
  });

  it('missing, or computed with another secret, is refused with Cognito`s messages', async () => {
    const h = setUp(basicConfig());
    const start = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: SECRET_CLIENT_ID, username: 'alice' });
    expect(await refusal(send('InitiateAuth', start.request, DESTINATION, h.options))).toMatchObject({
      name: 'NotAuthorizedException',
      message: `Client ${SECRET_CLIENT_ID} is configured with secret but SECRET_HASH was not received`,
    });
    const wrong = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: SECRET_CLIENT_ID, clientSecret: 'another secret 0123456789abcdef', username: 'alice' });
    expect(await refusal(send('InitiateAuth', wrong.request, DESTINATION, h.options))).toMatchObject({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${SECRET_CLIENT_ID}`,
    });
  });

  it('an answer whose SECRET_HASH is over the alias typed, not USER_ID_FOR_SRP, is refused', async () => {
    const h = setUp(basicConfig({ aliasAttributes: ['email'] }));
    const { answer } = await challenge(h, 'alice@example.com', { clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET });
    const overAlias = { ...answer, ChallengeResponses: { ...answer.ChallengeResponses, SECRET_HASH: secretHash('alice@example.com', SECRET_CLIENT_ID, CLIENT_SECRET) } };
    expect(await refusal(send('RespondToAuthChallenge', overAlias, DESTINATION, h.options))).toMatchObject({
      message: `Unable to verify secret hash for client ${SECRET_CLIENT_ID}`,
    });
  });

  it('an answer whose USERNAME is the alias, not USER_ID_FOR_SRP, fails like a wrong password', async () => {
    const h = setUp(basicConfig({ aliasAttributes: ['email'] }));
    const { answer } = await challenge(h, 'alice@example.com');
    const byAlias = { ...answer, ChallengeResponses: { ...answer.ChallengeResponses, USERNAME: 'alice@example.com' } };
    expect(await refusal(send('RespondToAuthChallenge', byAlias, DESTINATION, h.options))).toMatchObject({ message: 'Incorrect username or password.' });
  });
});

describe('the client`s explicit auth flows', () => {
  it('a flow the client does not allow is InvalidParameterException, worded as Cognito words it', async () => {
    const config = basicConfig();
    const pool = config.userPools[0];
    if (pool !== undefined) pool.clients = [{ id: CLIENT_ID, explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }];
    const h = setUp(config);
    expect(await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD, now: h.now }))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'USER_SRP_AUTH flow not enabled for this client',
    });
    expect(await refusal(signIn({ send: h.adminSenders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD, now: h.now }))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Auth flow not enabled for this client',
    });
    expect((await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, authFlow: 'USER_PASSWORD_AUTH', username: 'alice', password: PASSWORD })).signedIn).toBe(true);
  });

  it('without explicitAuthFlows a client gets Cognito`s default: SRP, refresh and custom, not the password flows', async () => {
    const config = basicConfig();
    const pool = config.userPools[0];
    if (pool !== undefined) pool.clients = [{ id: CLIENT_ID }];
    const h = setUp(config);
    expect((await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD, now: h.now })).signedIn).toBe(true);
    expect(await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, authFlow: 'USER_PASSWORD_AUTH', username: 'alice', password: PASSWORD }))).toMatchObject({
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
    // CUSTOM_AUTH is allowed, and refused because no Lambda trigger runs here.
    expect(await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, authFlow: 'CUSTOM_AUTH', username: 'alice', password: PASSWORD }))).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/^Custom auth lambda trigger is not configured for the user pool\. .*no Lambda triggers/),
    });
  });
});

describe('a name that is no user', () => {
  async function fake(h: Harness, username: string): Promise<AuthResponse> {
    return send('InitiateAuth', buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: CLIENT_ID, username }).request, DESTINATION, h.options);
  }

  it('ENABLED (the default): a simulated PASSWORD_VERIFIER, the same salt and UUID for the same name, that no password answers', async () => {
    const h = setUp(basicConfig());
    const first = await fake(h, 'nobody');
    const again = await fake(h, 'NOBODY'); // names are compared case-insensitively, as in a pool the console creates
    const other = await fake(h, 'somebody');
    expect(first.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(first.ChallengeParameters?.USER_ID_FOR_SRP).toMatch(UUID);
    expect(again.ChallengeParameters?.USER_ID_FOR_SRP).toBe(first.ChallengeParameters?.USER_ID_FOR_SRP);
    expect(again.ChallengeParameters?.SALT).toBe(first.ChallengeParameters?.SALT);
    expect(again.ChallengeParameters?.SRP_B).not.toBe(first.ChallengeParameters?.SRP_B);
    expect(other.ChallengeParameters?.USER_ID_FOR_SRP).not.toBe(first.ChallengeParameters?.USER_ID_FOR_SRP);
    for (const password of [PASSWORD, 'nobody', '']) {
      const error = await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'nobody', password: password || 'x', now: h.now }));
      expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    }
    expect(await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, authFlow: 'USER_PASSWORD_AUTH', username: 'nobody', password: PASSWORD }))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('LEGACY: UserNotFoundException "User does not exist." at InitiateAuth', async () => {
    const config = basicConfig();
    const client = config.userPools[0]?.clients[0];
    if (client !== undefined) client.preventUserExistenceErrors = 'LEGACY';
    const h = setUp(config);
    expect(await refusal(fake(h, 'nobody'))).toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, authFlow: 'USER_PASSWORD_AUTH', username: 'nobody', password: PASSWORD }))).toMatchObject({
      name: 'UserNotFoundException',
    });
  });
});

describe('usernameAttributes and aliasAttributes', () => {
  it('usernameAttributes [email]: the user signs in with the e-mail; USER_ID_FOR_SRP and cognito:username are the sub', async () => {
    const h = setUp(basicConfig({ usernameAttributes: ['email'], users: [{ username: 'alice@example.com', password: PASSWORD }] }));
    const user = h.pools.getUser(POOL_ID, 'alice@example.com');
    expect(user?.sub).toMatch(UUID);
    expect(user?.username).toBe(user?.sub);
    expect(user?.attributes).toMatchObject({ email: 'alice@example.com', email_verified: 'true' });
    const { reply } = await challenge(h, 'Alice@Example.com');
    expect(reply.ChallengeParameters?.USER_ID_FOR_SRP).toBe(user?.sub);
    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET, username: 'alice@example.com', password: PASSWORD, now: h.now });
    if (!step.signedIn) throw new Error(step.challengeName);
    expect(step.username).toBe(user?.sub);
    expect(claimsOf(step.authenticationResult.IdToken)).toMatchObject({ sub: user?.sub, 'cognito:username': user?.sub, email: 'alice@example.com', email_verified: true });
  });

  it('aliasAttributes [email]: the verified e-mail resolves to the username; an unverified one does not', async () => {
    const h = setUp(
      basicConfig({
        aliasAttributes: ['email', 'preferred_username'],
        users: [
          { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', preferred_username: 'ally' } },
          { username: 'bob', password: PASSWORD, attributes: { email: 'bob@example.com', email_verified: 'false' } },
        ],
      }),
    );
    for (const name of ['alice@example.com', 'ally', 'alice']) {
      const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: name, password: PASSWORD, now: h.now });
      expect(step.signedIn && step.username).toBe('alice');
    }
    const { reply } = await challenge(h, 'bob@example.com');
    expect(reply.ChallengeParameters?.USER_ID_FOR_SRP).toMatch(UUID);
    expect(await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'bob@example.com', password: PASSWORD, now: h.now }))).toMatchObject({
      message: 'Incorrect username or password.',
    });
  });
});

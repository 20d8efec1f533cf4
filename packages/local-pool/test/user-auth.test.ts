// USER_AUTH, choice-based sign-in: PASSWORD and PASSWORD_SRP, SELECT_CHALLENGE, and EMAIL_OTP / SMS_OTP as first
// factors (signInPolicy.allowedFirstAuthFactors). Portable.
import { buildInitiateAuth, send } from '@cognito-kit/request-builder';
import { signIn, type SignInInput, type SignInStep } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import { base32Encode } from '../src/totp.js';
import { CLIENT_ID, DESTINATION, PASSWORD, POOL_ID, basicConfig, refusal, setUp, type Harness } from './helpers/harness.js';

const USERS = [
  { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', phone_number: '+447700900123' } },
  { username: 'tom', password: PASSWORD, attributes: { email: 'tom@example.com' }, totpSecret: base32Encode(new TextEncoder().encode('a TOTP key of twenty')) },
  { username: 'nomail', password: PASSWORD },
];

function passwordless(): Harness {
  return setUp(basicConfig({ signInPolicy: { allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] }, users: USERS }));
}

function userAuth(h: Harness, username: string, more: Partial<SignInInput> = {}): Promise<SignInStep> {
  return signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, authFlow: 'USER_AUTH', username, password: PASSWORD, now: h.now, ...more });
}

function lastCode(h: Harness, username: string): string {
  return h.pools.sentCodes({ userPoolId: POOL_ID, username }).at(-1)?.code ?? '';
}

describe('USER_AUTH', () => {
  it('PREFERRED_CHALLENGE PASSWORD and PASSWORD_SRP start that factor', async () => {
    const h = setUp(basicConfig());
    expect((await userAuth(h, 'alice', { preferredChallenge: 'PASSWORD' })).signedIn).toBe(true);
    expect((await userAuth(h, 'alice', { preferredChallenge: 'PASSWORD_SRP' })).signedIn).toBe(true);
    expect(await refusal(userAuth(h, 'alice', { preferredChallenge: 'PASSWORD', password: 'Wrong horse 1!' }))).toMatchObject({ message: 'Incorrect username or password.' });
  });

  it('without one: SELECT_CHALLENGE with AvailableChallenges; the answer starts the chosen factor', async () => {
    const h = setUp(basicConfig());
    const step = await userAuth(h, 'alice');
    if (step.signedIn || step.challengeName !== 'SELECT_CHALLENGE') throw new Error('expected SELECT_CHALLENGE');
    expect(step.availableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    expect((await step.answer({ ANSWER: 'PASSWORD_SRP' })).signedIn).toBe(true);
    const again = await userAuth(h, 'alice');
    if (again.signedIn || again.challengeName !== 'SELECT_CHALLENGE') throw new Error('expected SELECT_CHALLENGE');
    expect((await again.answer({ ANSWER: 'PASSWORD' })).signedIn).toBe(true);
  });

  it('EMAIL_OTP as the first factor: a code to the e-mail address, and no MFA after it', async () => {
    const h = passwordless();
    const step = await userAuth(h, 'tom', { preferredChallenge: 'EMAIL_OTP', password: undefined });
    if (step.signedIn || step.challengeName !== 'EMAIL_OTP') throw new Error('expected EMAIL_OTP');
    expect(step.challengeParameters).toMatchObject({ CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 't***@e***' });
    expect(await refusal(step.answer({ EMAIL_OTP_CODE: lastCode(h, 'tom') === '123456' ? '654321' : '123456' }))).toMatchObject({ name: 'CodeMismatchException' });
    const again = await userAuth(h, 'tom', { preferredChallenge: 'EMAIL_OTP', password: undefined });
    if (again.signedIn || again.challengeName !== 'EMAIL_OTP') throw new Error('expected EMAIL_OTP');
    expect((await again.answer({ EMAIL_OTP_CODE: lastCode(h, 'tom') })).signedIn).toBe(true);
  });

  it('SMS_OTP through SELECT_CHALLENGE; a user without the address is not offered it', async () => {
    const h = passwordless();
    const step = await userAuth(h, 'alice');
    if (step.signedIn || step.challengeName !== 'SELECT_CHALLENGE') throw new Error('expected SELECT_CHALLENGE');
    expect(step.availableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP']);
    const sms = await step.answer({ ANSWER: 'SMS_OTP' });
    if (sms.signedIn || sms.challengeName !== 'SMS_OTP') throw new Error('expected SMS_OTP');
    expect(h.pools.sentCodes({ userPoolId: POOL_ID, username: 'alice' }).at(-1)).toMatchObject({ kind: 'SMS_OTP', destination: '+447700900123' });
    expect((await sms.answer({ SMS_OTP_CODE: lastCode(h, 'alice') })).signedIn).toBe(true);
    const bare = await userAuth(h, 'nomail');
    expect(bare.signedIn === false && bare.availableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
  });

  it('a name that is no user gets the same choices (preventUserExistenceErrors does not apply), and passes none', async () => {
    const config = basicConfig({ signInPolicy: { allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } });
    const client = config.userPools[0]?.clients[0];
    if (client !== undefined) client.preventUserExistenceErrors = 'LEGACY';
    const h = setUp(config);
    const step = await userAuth(h, 'nobody@example.com');
    if (step.signedIn || step.challengeName !== 'SELECT_CHALLENGE') throw new Error('expected SELECT_CHALLENGE');
    expect(step.availableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
    const otp = await step.answer({ ANSWER: 'EMAIL_OTP' });
    if (otp.signedIn || otp.challengeName !== 'EMAIL_OTP') throw new Error('expected EMAIL_OTP');
    expect(otp.challengeParameters.CODE_DELIVERY_DESTINATION).toBe('n***@e***');
    expect(h.pools.sentCodes()).toEqual([]);
    expect(await refusal(otp.answer({ EMAIL_OTP_CODE: '123456' }))).toMatchObject({ name: 'CodeMismatchException' });
    expect(await refusal(userAuth(h, 'nobody@example.com', { preferredChallenge: 'PASSWORD_SRP' }))).toMatchObject({ message: 'Incorrect username or password.' });
  });

  it('needs ALLOW_USER_AUTH', async () => {
    const config = basicConfig();
    const pool = config.userPools[0];
    if (pool !== undefined) pool.clients = [{ id: CLIENT_ID }];
    const h = setUp(config);
    const { request } = buildInitiateAuth({ authFlow: 'USER_AUTH', clientId: CLIENT_ID, username: 'alice' });
    expect(await refusal(send('InitiateAuth', request, DESTINATION, h.options))).toMatchObject({ message: 'USER_AUTH flow not enabled for this client' });
  });
});

// MFA against the local pool through the sign-in loop: SOFTWARE_TOKEN_MFA (RFC 6238 at the pool's clock), SMS_MFA
// and EMAIL_OTP (codes read from the administration API), SELECT_MFA_TYPE, and MFA_SETUP with AssociateSoftwareToken
// and VerifySoftwareToken in their Session and AccessToken forms. Portable.
import { signIn, type SignInInput, type SignInStep } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import type { UserConfig } from '../src/index.js';
import { base32Decode, base32Encode, totp } from '../src/totp.js';
import { CLIENT_ID, PASSWORD, POOL_ID, basicConfig, refusal, setUp, text, type Harness } from './helpers/harness.js';

const TOTP_KEY = new TextEncoder().encode('local pool TOTP key 0123456789ab');
const TOTP_SECRET = base32Encode(TOTP_KEY);

const USERS: UserConfig[] = [
  { username: 'tom', password: PASSWORD, totpSecret: TOTP_SECRET },
  { username: 'sam', password: PASSWORD, attributes: { phone_number: '+447700900123' }, userMFASettingList: ['SMS_MFA'] },
  { username: 'eve', password: PASSWORD, attributes: { email: 'eve@example.org' }, userMFASettingList: ['EMAIL_OTP'] },
  { username: 'sel', password: PASSWORD, attributes: { phone_number: '+447700900456' }, totpSecret: TOTP_SECRET, userMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] },
  { username: 'pat', password: PASSWORD, attributes: { phone_number: '+447700900789' }, totpSecret: TOTP_SECRET, userMFASettingList: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'], preferredMfaSetting: 'SMS_MFA' },
  { username: 'ned', password: PASSWORD },
];

function start(h: Harness, username: string, more: Partial<SignInInput> = {}): Promise<SignInStep> {
  return signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username, password: PASSWORD, now: h.now, ...more });
}

/** The last code the pool "sent" to a user. */
function lastCode(h: Harness, username: string): string {
  const code = h.pools.sentCodes({ userPoolId: POOL_ID, username }).at(-1)?.code;
  if (code === undefined) throw new Error(`no code sent to ${username}`);
  return code;
}

describe('RFC 6238 TOTP', () => {
  it('matches the RFC`s SHA-1 vectors (their last 6 digits)', async () => {
    const key = new TextEncoder().encode('12345678901234567890');
    expect(await totp(key, new Date(59_000))).toBe('287082');
    expect(await totp(key, new Date(1111111109_000))).toBe('081804');
    expect(await totp(key, new Date(2000000000_000))).toBe('279037');
    expect(base32Decode(base32Encode(key))).toEqual(key);
    expect(base32Decode('not base32!')).toBeUndefined();
  });
});

describe('SOFTWARE_TOKEN_MFA', () => {
  it('a user with a totpSecret is asked for the TOTP; the code of now, or 30 s either side, signs in', async () => {
    const h = setUp(basicConfig({ users: USERS }));
    const step = await start(h, 'tom');
    if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    expect(step.challengeParameters).toEqual({ USER_ID_FOR_SRP: 'tom', FRIENDLY_DEVICE_NAME: 'TOTP device' });
    expect(step.session?.length).toBeGreaterThanOrEqual(20);
    expect((await step.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, new Date(h.now().getTime() - 30_000)) })).signedIn).toBe(true);
  });

  it('through AdminInitiateAuth and AdminRespondToAuthChallenge too; a Session answers only its own client and operation', async () => {
    const h = setUp(basicConfig({ users: USERS }));
    const step = await start(h, 'tom', { send: h.adminSenders });
    if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    const answer = { ClientId: CLIENT_ID, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: step.session, ChallengeResponses: { USERNAME: 'tom', SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, h.now()) } };
    expect((await h.call('RespondToAuthChallenge', answer)).body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
    const again = await start(h, 'tom', { send: h.adminSenders });
    if (again.signedIn || again.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    const otherClient = { ...answer, UserPoolId: POOL_ID, ClientId: 'secretclient0123456789abc', Session: again.session };
    expect((await h.call('AdminRespondToAuthChallenge', otherClient, { signed: true })).body.message).toBe('Invalid session for the user.');
    const third = await start(h, 'tom', { send: h.adminSenders });
    if (third.signedIn || third.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    expect((await third.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, h.now()) })).signedIn).toBe(true);
  });

  it('a wrong code is CodeMismatchException, and the Session is then used up', async () => {
    const h = setUp(basicConfig({ users: USERS }));
    const step = await start(h, 'tom');
    if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    const wrong = await totp(TOTP_KEY, new Date(h.now().getTime() + 120_000));
    expect(await refusal(step.answer({ SOFTWARE_TOKEN_MFA_CODE: wrong }))).toMatchObject({ name: 'CodeMismatchException', message: 'Invalid code received for user' });
    expect(await refusal(step.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, h.now()) }))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
  });

  it('an MFA Session expires after 3 minutes', async () => {
    const h = setUp(basicConfig({ users: USERS }));
    const step = await start(h, 'tom');
    if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    h.advance(3 * 60_000 + 1);
    expect(await refusal(step.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, h.now()) }))).toMatchObject({
      message: 'Invalid session for the user, session is expired.',
    });
  });
});

describe('SMS_MFA and EMAIL_OTP', () => {
  it('SMS_MFA: 6 random digits "sent" to the administration API, answered once', async () => {
    const h = setUp(basicConfig({ users: USERS }));
    const step = await start(h, 'sam');
    if (step.signedIn || step.challengeName !== 'SMS_MFA') throw new Error('expected SMS_MFA');
    expect(step.challengeParameters).toEqual({ USER_ID_FOR_SRP: 'sam', CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0123' });
    const sent = h.pools.sentCodes({ userPoolId: POOL_ID, username: 'sam' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'SMS_MFA', medium: 'SMS', destination: '+447700900123', code: expect.stringMatching(/^[0-9]{6}$/) });
    const line = h.log.find((entry) => entry.event === 'code-sent');
    expect(line?.message).toContain('sam');
    expect(line?.message).not.toContain(sent[0]?.code);
    const wrong = sent[0]?.code === '000000' ? '111111' : '000000';
    expect(await refusal(step.answer({ SMS_MFA_CODE: wrong }))).toMatchObject({ name: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' });
    expect(await refusal(step.answer({ SMS_MFA_CODE: lastCode(h, 'sam') }))).toMatchObject({ message: 'Invalid session for the user.' });
    const again = await start(h, 'sam');
    if (again.signedIn || again.challengeName !== 'SMS_MFA') throw new Error('expected SMS_MFA');
    expect((await again.answer({ SMS_MFA_CODE: lastCode(h, 'sam') })).signedIn).toBe(true);
  });

  it('EMAIL_OTP as MFA: the code goes to the e-mail address, masked in the challenge', async () => {
    const h = setUp(basicConfig({ users: USERS }));
    const step = await start(h, 'eve');
    if (step.signedIn || step.challengeName !== 'EMAIL_OTP') throw new Error('expected EMAIL_OTP');
    expect(step.challengeParameters).toMatchObject({ CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'e***@e***' });
    expect((await step.answer({ EMAIL_OTP_CODE: lastCode(h, 'eve') })).signedIn).toBe(true);
  });
});

describe('SELECT_MFA_TYPE', () => {
  it('two MFA and none preferred: the user picks one, which is then asked', async () => {
    const h = setUp(basicConfig({ users: USERS }));
    const step = await start(h, 'sel');
    if (step.signedIn || step.challengeName !== 'SELECT_MFA_TYPE') throw new Error('expected SELECT_MFA_TYPE');
    expect(JSON.parse(step.challengeParameters.MFAS_CAN_CHOOSE ?? '')).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    const totpStep = await step.answer({ ANSWER: 'SOFTWARE_TOKEN_MFA' });
    if (totpStep.signedIn || totpStep.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    expect((await totpStep.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, h.now()) })).signedIn).toBe(true);
    const other = await start(h, 'sel');
    if (other.signedIn || other.challengeName !== 'SELECT_MFA_TYPE') throw new Error('expected SELECT_MFA_TYPE');
    expect(await refusal(other.answer({ ANSWER: 'EMAIL_OTP' }))).toMatchObject({ name: 'InvalidParameterException' });
  });

  it('a preferred MFA is asked at once', async () => {
    const h = setUp(basicConfig({ users: USERS }));
    const step = await start(h, 'pat');
    expect(step.signedIn === false && step.challengeName).toBe('SMS_MFA');
  });
});

describe('MFA_SETUP', () => {
  it('mfaConfiguration ON and no MFA: AssociateSoftwareToken and VerifySoftwareToken with the Session, then tokens; TOTP is set up', async () => {
    const h = setUp(basicConfig({ mfaConfiguration: 'ON', users: [{ username: 'ned', password: PASSWORD }] }));
    const step = await start(h, 'ned');
    if (step.signedIn || step.challengeName !== 'MFA_SETUP') throw new Error('expected MFA_SETUP');
    expect(JSON.parse(step.challengeParameters.MFAS_CAN_SETUP ?? '')).toEqual(['SOFTWARE_TOKEN_MFA']);
    const associated = await h.call('AssociateSoftwareToken', { Session: step.session });
    const secret = text(associated.body, 'SecretCode') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{52}$/);
    const key = base32Decode(secret) ?? new Uint8Array();
    const mismatch = await h.call('VerifySoftwareToken', { Session: text(associated.body, 'Session'), UserCode: '000000' });
    expect(mismatch.body).toEqual({ __type: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' });

    const retry = await start(h, 'ned');
    if (retry.signedIn || retry.challengeName !== 'MFA_SETUP') throw new Error('expected MFA_SETUP');
    const again = await h.call('AssociateSoftwareToken', { Session: retry.session });
    const againKey = base32Decode(text(again.body, 'SecretCode') ?? '') ?? new Uint8Array();
    const verified = await h.call('VerifySoftwareToken', { Session: text(again.body, 'Session'), UserCode: await totp(againKey, h.now()), FriendlyDeviceName: 'my phone' });
    expect(verified.body).toMatchObject({ Status: 'SUCCESS' });
    const done = await retry.answer({ SESSION: text(verified.body, 'Session') ?? '' });
    expect(done.signedIn).toBe(true);
    expect(h.pools.getUser(POOL_ID, 'ned')?.mfa).toEqual({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA', hasTotp: true });
    const next = await start(h, 'ned');
    if (next.signedIn || next.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    expect(next.challengeParameters.FRIENDLY_DEVICE_NAME).toBe('my phone');
    expect((await next.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(againKey, h.now()) })).signedIn).toBe(true);
    expect(key).not.toEqual(againKey);
  });

  it('MFA_SETUP answered before VerifySoftwareToken accepted a code is refused', async () => {
    const h = setUp(basicConfig({ mfaConfiguration: 'ON', users: [{ username: 'ned', password: PASSWORD }] }));
    const step = await start(h, 'ned');
    if (step.signedIn || step.challengeName !== 'MFA_SETUP') throw new Error('expected MFA_SETUP');
    expect(await refusal(step.answer({ SESSION: step.session ?? '' }))).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });

  it('with an access token: AssociateSoftwareToken, VerifySoftwareToken, and the next sign-in asks for the TOTP', async () => {
    const h = setUp(basicConfig({ users: USERS }));
    const first = await start(h, 'ned');
    if (!first.signedIn) throw new Error('expected tokens');
    const AccessToken = first.authenticationResult.AccessToken;
    const associated = await h.call('AssociateSoftwareToken', { AccessToken });
    expect(Object.keys(associated.body)).toEqual(['SecretCode']);
    const key = base32Decode(text(associated.body, 'SecretCode') ?? '') ?? new Uint8Array();
    expect((await h.call('VerifySoftwareToken', { AccessToken, UserCode: await totp(key, h.now()) })).body).toEqual({ Status: 'SUCCESS' });
    expect((await h.call('GetUser', { AccessToken })).body).toMatchObject({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });
    const next = await start(h, 'ned');
    expect(next.signedIn === false && next.challengeName).toBe('SOFTWARE_TOKEN_MFA');
  });
});

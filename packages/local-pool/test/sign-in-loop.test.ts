// The request builder's sign-in loop against the local pool: what the loop sends, not what the pool decides. The
// answers it computes itself (PASSWORD_VERIFIER as the real username, PASSWORD_SRP's SRP_A, DEVICE_SRP_AUTH and
// DEVICE_PASSWORD_VERIFIER), SECRET_HASH on every request, and each challenge it hands back (NEW_PASSWORD_REQUIRED,
// SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP, SELECT_MFA_TYPE, MFA_SETUP, SELECT_CHALLENGE) arriving typed and answered
// through step.answer, through the public senders and the Admin ones with `sign`. The pool's side of the same flows
// (codes, wrong codes, sessions, expiry, policies, refusals) is in srp, mfa, user-auth, devices, admin-users and
// password-flows.test.ts, and not repeated here. Portable: vitest and Web APIs only, the clock injected.
import { CognitoServiceError, RequestValidationError, buildConfirmDevice, send, type HttpRequest } from '@cognito-kit/request-builder';
import { signIn, type AdminSenders, type PublicSenders, type SignInStep } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import type { UserConfig } from '../src/index.js';
import { base32Decode, base32Encode, totp } from '../src/totp.js';
import { CLIENT_ID, CLIENT_SECRET, DESTINATION, PASSWORD, POOL_ID, SECRET_CLIENT_ID, basicConfig, refusal, setUp, sign, text, type Harness } from './helpers/harness.js';

const TOTP_KEY = new TextEncoder().encode('sign-in loop TOTP key 0123456789');
const TOTP_SECRET = base32Encode(TOTP_KEY);
const TEMPORARY = 'Temporary 1!';

const USERS: UserConfig[] = [
  { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com' } },
  { username: 'tom', password: PASSWORD, totpSecret: TOTP_SECRET },
  { username: 'sam', password: PASSWORD, attributes: { phone_number: '+447700900123' }, userMFASettingList: ['SMS_MFA'] },
  { username: 'eve', password: PASSWORD, attributes: { email: 'eve@example.org' }, userMFASettingList: ['EMAIL_OTP'] },
  { username: 'sel', password: PASSWORD, attributes: { phone_number: '+447700900456' }, totpSecret: TOTP_SECRET, userMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] },
  { username: 'nina', password: TEMPORARY, status: 'FORCE_CHANGE_PASSWORD', attributes: { phone_number: '+447700900789' }, userMFASettingList: ['SMS_MFA'] },
];

/** alice signs in with her e-mail too (an alias), and USER_AUTH offers EMAIL_OTP. */
const loopPool = () => setUp(basicConfig({ aliasAttributes: ['email'], signInPolicy: { allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] }, users: USERS }));

/** The client with a secret: the loop adds SECRET_HASH. */
const withSecret = { userPoolId: POOL_ID, clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET };
const withoutSecret = { userPoolId: POOL_ID, clientId: CLIENT_ID };

/** One request the loop sent: the operation, the flow or challenge, its parameter names in order, USERNAME and Session. */
interface Sent {
  operation: string;
  name: string;
  keys: string[];
  username: string | undefined;
  session: string | undefined;
}

interface Sendable {
  AuthFlow?: string;
  AuthParameters?: Record<string, string>;
  ChallengeName?: string;
  ChallengeResponses?: Record<string, string>;
  Session?: string;
}

function entry(operation: string, request: Sendable): Sent {
  const parameters = request.AuthParameters ?? request.ChallengeResponses ?? {};
  return { operation, name: request.AuthFlow ?? request.ChallengeName ?? '', keys: Object.keys(parameters), username: parameters.USERNAME, session: request.Session };
}

/** The senders, and the requests the loop sent through them. */
function recording(senders: PublicSenders): { senders: PublicSenders; sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    senders: {
      InitiateAuth: (request) => {
        sent.push(entry('InitiateAuth', request));
        return senders.InitiateAuth(request);
      },
      RespondToAuthChallenge: (request) => {
        sent.push(entry('RespondToAuthChallenge', request));
        return senders.RespondToAuthChallenge(request);
      },
    },
  };
}

/** [challenge or flow, parameter names] of each request sent. */
const namesAndKeys = (sent: Sent[]) => sent.map((s) => [s.name, s.keys]);

function signedIn(step: SignInStep) {
  if (!step.signedIn) throw new Error(`expected tokens, got the challenge ${step.challengeName}`);
  return step;
}

/** The last code the pool "sent" to a user. */
function lastCode(h: Harness, username: string): string {
  const code = h.pools.sentCodes({ userPoolId: POOL_ID, username }).at(-1)?.code;
  if (code === undefined) throw new Error(`no code sent to ${username}`);
  return code;
}

describe('the answers the loop computes itself', () => {
  it('USER_SRP_AUTH: PASSWORD_VERIFIER is answered as the real username, not the alias typed, with SECRET_HASH on every request', async () => {
    const h = loopPool();
    const { senders, sent } = recording(h.senders);
    const step = signedIn(await signIn({ ...withSecret, send: senders, username: 'alice@example.com', password: PASSWORD, now: h.now }));
    expect(step.username).toBe('alice');
    expect(step.authenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(sent).toEqual([
      { operation: 'InitiateAuth', name: 'USER_SRP_AUTH', keys: ['USERNAME', 'SRP_A', 'SECRET_HASH'], username: 'alice@example.com', session: undefined },
      {
        operation: 'RespondToAuthChallenge',
        name: 'PASSWORD_VERIFIER',
        keys: ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP', 'SECRET_HASH'],
        username: 'alice',
        session: undefined,
      },
    ]);
    const wrong = await refusal(signIn({ ...withSecret, clientSecret: 'another secret entirely 0123456', send: h.senders, username: 'alice', password: PASSWORD, now: h.now }));
    expect(wrong).toBeInstanceOf(CognitoServiceError);
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', status: 400 });
  });

  it('USER_PASSWORD_AUTH sends the password; USER_AUTH with PREFERRED_CHALLENGE PASSWORD_SRP or PASSWORD starts that factor', async () => {
    const h = loopPool();
    const { senders, sent } = recording(h.senders);
    const base = { ...withoutSecret, send: senders, username: 'alice@example.com', password: PASSWORD, now: h.now };
    // Signed in at once by the alias typed: the step still names the real username (the access token's claim).
    expect(signedIn(await signIn({ ...base, authFlow: 'USER_PASSWORD_AUTH' })).username).toBe('alice');
    expect(signedIn(await signIn({ ...base, authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' })).username).toBe('alice');
    expect(signedIn(await signIn({ ...base, authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD' })).username).toBe('alice');
    expect(namesAndKeys(sent)).toEqual([
      ['USER_PASSWORD_AUTH', ['USERNAME', 'PASSWORD']],
      ['USER_AUTH', ['USERNAME', 'PREFERRED_CHALLENGE', 'SRP_A']],
      ['PASSWORD_VERIFIER', ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP']],
      ['USER_AUTH', ['USERNAME', 'PREFERRED_CHALLENGE', 'PASSWORD']],
    ]);
    expect(sent[2]?.username).toBe('alice');
  });

  it('a remembered device: DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER answered, with SECRET_HASH, in place of MFA', async () => {
    const h = setUp(basicConfig({ deviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false }, users: USERS }));
    const base = { ...withSecret, username: 'sam', password: PASSWORD, now: h.now };
    const sms = await signIn({ ...base, send: h.senders });
    if (sms.signedIn || sms.challengeName !== 'SMS_MFA') throw new Error('expected SMS_MFA');
    const first = signedIn(await sms.answer({ SMS_MFA_CODE: lastCode(h, 'sam') }));
    const metadata = first.authenticationResult.NewDeviceMetadata;
    if (metadata?.DeviceKey === undefined || metadata.DeviceGroupKey === undefined) throw new Error('expected NewDeviceMetadata');
    const { request, devicePassword } = buildConfirmDevice({ accessToken: first.authenticationResult.AccessToken, deviceKey: metadata.DeviceKey, deviceGroupKey: metadata.DeviceGroupKey });
    expect(await send('ConfirmDevice', request, DESTINATION, h.options)).toEqual({ UserConfirmationNecessary: false });

    const device = { deviceKey: metadata.DeviceKey, deviceGroupKey: metadata.DeviceGroupKey, devicePassword };
    const { senders, sent } = recording(h.senders);
    signedIn(await signIn({ ...base, send: senders, device }));
    expect(namesAndKeys(sent)).toEqual([
      ['USER_SRP_AUTH', ['USERNAME', 'SRP_A', 'SECRET_HASH', 'DEVICE_KEY']],
      ['PASSWORD_VERIFIER', ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP', 'SECRET_HASH', 'DEVICE_KEY']],
      ['DEVICE_SRP_AUTH', ['USERNAME', 'DEVICE_KEY', 'SRP_A', 'SECRET_HASH']],
      ['DEVICE_PASSWORD_VERIFIER', ['USERNAME', 'DEVICE_KEY', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP', 'SECRET_HASH']],
    ]);
    expect(sent.map((s) => s.username)).toEqual(['sam', 'sam', 'sam', 'sam']);
    expect(h.pools.sentCodes({ userPoolId: POOL_ID, username: 'sam' })).toHaveLength(1);
  });
});

describe('every other challenge handed back typed, and answered through step.answer', () => {
  it('SOFTWARE_TOKEN_MFA through the Admin senders: every request goes through `sign`; unsigned Admin senders are refused', async () => {
    const h = loopPool();
    const signed: [string | undefined, unknown][] = [];
    const recordingSign = (http: HttpRequest): HttpRequest => {
      const body: unknown = JSON.parse(http.body);
      signed.push([http.headers['X-Amz-Target'], typeof body === 'object' && body !== null && 'UserPoolId' in body ? body.UserPoolId : undefined]);
      return sign(http);
    };
    const admin: AdminSenders = {
      AdminInitiateAuth: (request) => send('AdminInitiateAuth', request, DESTINATION, { ...h.options, sign: recordingSign }),
      AdminRespondToAuthChallenge: (request) => send('AdminRespondToAuthChallenge', request, DESTINATION, { ...h.options, sign: recordingSign }),
    };
    const step = await signIn({ ...withSecret, send: admin, username: 'tom', password: PASSWORD, now: h.now });
    if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    expect(step.username).toBe('tom');
    expect(step.challengeParameters).toMatchObject({ USER_ID_FOR_SRP: 'tom' });
    expect(step.availableChallenges).toEqual([]);
    expect(step.session?.length).toBeGreaterThanOrEqual(20);
    signedIn(await step.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, h.now()) }));
    expect(signed).toEqual([
      ['AWSCognitoIdentityProviderService.AdminInitiateAuth', POOL_ID],
      ['AWSCognitoIdentityProviderService.AdminRespondToAuthChallenge', POOL_ID],
      ['AWSCognitoIdentityProviderService.AdminRespondToAuthChallenge', POOL_ID],
    ]);
    signedIn(await signIn({ ...withSecret, send: admin, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'alice@example.com', password: PASSWORD }));
    expect(signed.at(-1)).toEqual(['AWSCognitoIdentityProviderService.AdminInitiateAuth', POOL_ID]);

    const unsigned: AdminSenders = {
      AdminInitiateAuth: (request) => send('AdminInitiateAuth', request, DESTINATION, h.options),
      AdminRespondToAuthChallenge: (request) => send('AdminRespondToAuthChallenge', request, DESTINATION, h.options),
    };
    const refused = await refusal(signIn({ ...withSecret, send: unsigned, username: 'alice@example.com', password: PASSWORD }));
    expect(refused).toBeInstanceOf(RequestValidationError);
    expect(refused).toMatchObject({ code: 'REQUIRED', path: 'options.sign' });
  });

  it('SMS_MFA, EMAIL_OTP, and SELECT_MFA_TYPE then the chosen one: each answer carries USERNAME, SECRET_HASH and its challenge`s Session', async () => {
    const h = loopPool();
    const { senders, sent } = recording(h.senders);
    const start = (username: string) => signIn({ ...withSecret, send: senders, username, password: PASSWORD, now: h.now });

    const sms = await start('sam');
    if (sms.signedIn || sms.challengeName !== 'SMS_MFA') throw new Error('expected SMS_MFA');
    expect(sms.challengeParameters).toMatchObject({ CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' });
    signedIn(await sms.answer({ SMS_MFA_CODE: lastCode(h, 'sam') }));
    expect(sent.at(-1)).toEqual({ operation: 'RespondToAuthChallenge', name: 'SMS_MFA', keys: ['USERNAME', 'SMS_MFA_CODE', 'SECRET_HASH'], username: 'sam', session: sms.session });

    const email = await start('eve');
    if (email.signedIn || email.challengeName !== 'EMAIL_OTP') throw new Error('expected EMAIL_OTP');
    expect(email.challengeParameters).toMatchObject({ CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' });
    signedIn(await email.answer({ EMAIL_OTP_CODE: lastCode(h, 'eve') }));
    expect(sent.at(-1)).toEqual({ operation: 'RespondToAuthChallenge', name: 'EMAIL_OTP', keys: ['USERNAME', 'EMAIL_OTP_CODE', 'SECRET_HASH'], username: 'eve', session: email.session });

    const select = await start('sel');
    if (select.signedIn || select.challengeName !== 'SELECT_MFA_TYPE') throw new Error('expected SELECT_MFA_TYPE');
    expect(JSON.parse(select.challengeParameters.MFAS_CAN_CHOOSE ?? '')).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    const chosen = await select.answer({ ANSWER: 'SOFTWARE_TOKEN_MFA' });
    if (chosen.signedIn || chosen.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    expect(chosen.session).not.toBe(select.session);
    signedIn(await chosen.answer({ SOFTWARE_TOKEN_MFA_CODE: await totp(TOTP_KEY, h.now()) }));
    expect(sent.slice(-2)).toEqual([
      { operation: 'RespondToAuthChallenge', name: 'SELECT_MFA_TYPE', keys: ['USERNAME', 'ANSWER', 'SECRET_HASH'], username: 'sel', session: select.session },
      { operation: 'RespondToAuthChallenge', name: 'SOFTWARE_TOKEN_MFA', keys: ['USERNAME', 'SOFTWARE_TOKEN_MFA_CODE', 'SECRET_HASH'], username: 'sel', session: chosen.session },
    ]);
  });

  it('MFA_SETUP: the step gives the Session for AssociateSoftwareToken, and its SESSION answer goes as the request`s Session', async () => {
    const h = setUp(basicConfig({ mfaConfiguration: 'ON', users: [{ username: 'ned', password: PASSWORD }] }));
    const { senders, sent } = recording(h.senders);
    const setup = await signIn({ ...withoutSecret, send: senders, username: 'ned', password: PASSWORD, now: h.now });
    if (setup.signedIn || setup.challengeName !== 'MFA_SETUP') throw new Error('expected MFA_SETUP');
    expect(setup.username).toBe('ned');
    const associated = await h.call('AssociateSoftwareToken', { Session: setup.session });
    const key = base32Decode(text(associated.body, 'SecretCode') ?? '') ?? new Uint8Array();
    const verified = await h.call('VerifySoftwareToken', { Session: text(associated.body, 'Session'), UserCode: await totp(key, h.now()) });
    expect(verified.body).toMatchObject({ Status: 'SUCCESS' });
    const session = text(verified.body, 'Session') ?? '';
    signedIn(await setup.answer({ SESSION: session }));
    expect(sent.at(-1)).toEqual({ operation: 'RespondToAuthChallenge', name: 'MFA_SETUP', keys: ['USERNAME'], username: 'ned', session });
    expect(h.pools.getUser(POOL_ID, 'ned')?.mfa.hasTotp).toBe(true);
  });

  it('SELECT_CHALLENGE (USER_AUTH without a preference): PASSWORD_SRP gets SRP_A and PASSWORD the password; EMAIL_OTP is handed back', async () => {
    const h = loopPool();
    const { senders, sent } = recording(h.senders);
    const start = async () => {
      const step = await signIn({ ...withoutSecret, send: senders, authFlow: 'USER_AUTH', username: 'alice', password: PASSWORD, now: h.now });
      if (step.signedIn || step.challengeName !== 'SELECT_CHALLENGE') throw new Error('expected SELECT_CHALLENGE');
      expect(step.availableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
      expect(step.username).toBe('alice');
      sent.length = 0;
      return step;
    };

    signedIn(await (await start()).answer({ ANSWER: 'PASSWORD_SRP' }));
    expect(namesAndKeys(sent)).toEqual([
      ['SELECT_CHALLENGE', ['USERNAME', 'ANSWER', 'SRP_A']],
      ['PASSWORD_VERIFIER', ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP']],
    ]);

    signedIn(await (await start()).answer({ ANSWER: 'PASSWORD' }));
    expect(namesAndKeys(sent)).toEqual([['SELECT_CHALLENGE', ['USERNAME', 'ANSWER', 'PASSWORD']]]);

    const otp = await (await start()).answer({ ANSWER: 'EMAIL_OTP' });
    if (otp.signedIn || otp.challengeName !== 'EMAIL_OTP') throw new Error('expected EMAIL_OTP');
    signedIn(await otp.answer({ EMAIL_OTP_CODE: lastCode(h, 'alice') }));
    expect(namesAndKeys(sent)).toEqual([
      ['SELECT_CHALLENGE', ['USERNAME', 'ANSWER']],
      ['EMAIL_OTP', ['USERNAME', 'EMAIL_OTP_CODE']],
    ]);
  });

  it('NEW_PASSWORD_REQUIRED then SMS_MFA, one after the other; the new password and attributes are sent as given', async () => {
    const h = loopPool();
    const { senders, sent } = recording(h.senders);
    const fresh = await signIn({ ...withSecret, send: senders, username: 'nina', password: TEMPORARY, now: h.now });
    if (fresh.signedIn || fresh.challengeName !== 'NEW_PASSWORD_REQUIRED') throw new Error('expected NEW_PASSWORD_REQUIRED');
    expect(fresh.username).toBe('nina');
    expect(JSON.parse(fresh.challengeParameters.requiredAttributes ?? '')).toEqual([]);
    const mfa = await fresh.answer({ NEW_PASSWORD: 'Brand new 1!', 'userAttributes.name': 'Nina' });
    expect(sent.at(-1)).toMatchObject({ name: 'NEW_PASSWORD_REQUIRED', keys: ['USERNAME', 'NEW_PASSWORD', 'userAttributes.name', 'SECRET_HASH'], session: fresh.session });
    if (mfa.signedIn || mfa.challengeName !== 'SMS_MFA') throw new Error('expected SMS_MFA');
    signedIn(await mfa.answer({ SMS_MFA_CODE: lastCode(h, 'nina') }));
    expect(h.pools.getUser(POOL_ID, 'nina')).toMatchObject({ status: 'CONFIRMED', attributes: { name: 'Nina' } });
    const again = await signIn({ ...withSecret, send: senders, username: 'nina', password: 'Brand new 1!', now: h.now });
    expect(again.signedIn === false && again.challengeName).toBe('SMS_MFA');
  });
});

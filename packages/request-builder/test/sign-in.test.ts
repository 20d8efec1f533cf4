// The sign-in loop and `send` against the test pool (the server half behind `fetch`): every challenge kind, through
// the public and the Admin operations, with a client secret, a remembered device, and the refusals. Portable: it runs
// in workerd (no nodejs_compat), Deno, Bun and Chromium too; the pool is reached through an injected fetch.
import { describe, expect, it } from 'vitest';
import {
  CognitoServiceError,
  RequestValidationError,
  buildConfirmDevice,
  send,
  type AuthResponse,
  type HttpRequest,
} from '../src/index.js';
import { signIn, type AdminSenders, type PublicSenders, type SignInInput, type SignInStep } from '../src/sign-in.js';
import { createTestPool, type TestPool, type TestPoolConfig, type TestPoolUser } from './helpers/test-pool.js';
import { base32Decode, base32Encode, totp } from './helpers/totp.js';

const USER_POOL_ID = 'eu-west-2_SignInPool1';
const CLIENT_ID = 'signinclient1';
const CLIENT_SECRET = 'signinclientsecret0123456789abcd';
const DESTINATION = { endpoint: 'https://cognito-idp.eu-west-2.amazonaws.com' };
const START = new Date('2026-12-07T10:20:30Z');
const TOTP_KEY = new TextEncoder().encode('sign-in loop TOTP key');
const TOTP_SECRET = base32Encode(TOTP_KEY, { padding: false });

const USERS = {
  alice: { username: 'a1b2c3d4-alice', password: 'Correct horse 1', aliases: ['alice@example.com'] },
  nina: { username: 'nina', password: 'Temporary 1', newPasswordRequired: { requiredAttributes: ['name'] } },
  tom: { username: 'tom', password: 'Tom password 1', mfa: { type: 'SOFTWARE_TOKEN_MFA', totpSecret: TOTP_SECRET } },
  sam: { username: 'sam', password: 'Sam password 1', mfa: { type: 'SMS_MFA', code: '123456' } },
  eve: { username: 'eve', password: 'Eve password 1', mfa: { type: 'EMAIL_OTP', code: '654321' } },
  sel: { username: 'sel', password: 'Sel password 1', mfa: { type: 'SELECT_MFA_TYPE', smsCode: '111222', totpSecret: TOTP_SECRET } },
  setup: { username: 'setup', password: 'Setup password 1', mfa: { type: 'MFA_SETUP' } },
  otp: { username: 'otp', password: 'Otp password 1', firstFactors: ['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP'], emailOtpCode: '246810' },
  both: { username: 'both', password: 'Both password 1', newPasswordRequired: {}, mfa: { type: 'SMS_MFA', code: '777888' } },
} satisfies Record<string, TestPoolUser>;

/** A pool on a fixed clock, and the senders that reach it through `send` and an injected fetch. */
function setUp(config: Partial<Omit<TestPoolConfig, 'users' | 'now'>> = {}) {
  const pool = createTestPool({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, users: Object.values(USERS), ...config, now: () => START });
  const options = { fetch: (request: Request) => pool.fetch(request) };
  const senders: PublicSenders = {
    InitiateAuth: (request) => send('InitiateAuth', request, DESTINATION, options),
    RespondToAuthChallenge: (request) => send('RespondToAuthChallenge', request, DESTINATION, options),
  };
  const base = {
    send: senders,
    userPoolId: USER_POOL_ID,
    clientId: CLIENT_ID,
    now: () => START,
    ...(config.clientSecret === undefined ? {} : { clientSecret: config.clientSecret }),
  };
  return { pool, options, senders, base };
}

const code = (key: Uint8Array) => totp(key, { now: START });

function signedIn(step: SignInStep) {
  if (!step.signedIn) throw new Error(`expected tokens, got the challenge ${step.challengeName}`);
  return step;
}

/** An operation the request builder does not build (MFA_SETUP's token association), sent to the pool as JSON. */
async function call(pool: TestPool, operation: string, body: object): Promise<Record<string, string>> {
  const response = await pool.fetch(
    new Request(DESTINATION.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(body),
    }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, string>;
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

describe('signIn answers what the library computes', () => {
  it('USER_SRP_AUTH: PASSWORD_VERIFIER is answered and the tokens arrive; the username is the real one, not the alias', async () => {
    const { pool, base } = setUp();
    const step = signedIn(await signIn({ ...base, username: 'alice@example.com', password: USERS.alice.password }));
    expect(step.username).toBe(USERS.alice.username);
    expect(step.authenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(pool.calls.map((c) => [c.operation, c.body.AuthFlow ?? c.body.ChallengeName])).toEqual([
      ['InitiateAuth', 'USER_SRP_AUTH'],
      ['RespondToAuthChallenge', 'PASSWORD_VERIFIER'],
    ]);
  });

  it('with a client secret, every request carries the SECRET_HASH the pool checks', async () => {
    const { base } = setUp({ clientSecret: CLIENT_SECRET });
    expect(signedIn(await signIn({ ...base, username: 'alice@example.com', password: USERS.alice.password })).username).toBe(USERS.alice.username);
    const wrong = await refusal(signIn({ ...base, clientSecret: 'another secret entirely 0123456', username: 'alice', password: 'x' }));
    expect(wrong).toBeInstanceOf(CognitoServiceError);
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', status: 400 });
  });

  it('a wrong password is NotAuthorizedException from the server, after a real signature check', async () => {
    const { base } = setUp();
    const error = await refusal(signIn({ ...base, username: 'alice@example.com', password: 'Wrong horse 1' }));
    expect(error).toBeInstanceOf(CognitoServiceError);
    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.', retryable: false });
  });

  it('USER_PASSWORD_AUTH sends the password; USER_AUTH with PASSWORD_SRP and PASSWORD starts the chosen factor', async () => {
    const { pool, base } = setUp();
    signedIn(await signIn({ ...base, authFlow: 'USER_PASSWORD_AUTH', username: 'alice@example.com', password: USERS.alice.password }));
    signedIn(await signIn({ ...base, authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP', username: 'alice@example.com', password: USERS.alice.password }));
    signedIn(await signIn({ ...base, authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD', username: 'alice@example.com', password: USERS.alice.password }));
    const initiates = pool.calls.filter((c) => c.operation === 'InitiateAuth').map((c) => Object.keys(c.body.AuthParameters as object));
    expect(initiates).toEqual([
      ['USERNAME', 'PASSWORD'],
      ['USERNAME', 'PREFERRED_CHALLENGE', 'SRP_A'],
      ['USERNAME', 'PREFERRED_CHALLENGE', 'PASSWORD'],
    ]);
  });

  it('a remembered device: NewDeviceMetadata, ConfirmDevice, then DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER answered, MFA skipped', async () => {
    const { pool, options, base } = setUp({ deviceTracking: true, clientSecret: CLIENT_SECRET });
    const first = signedIn(await signIn({ ...base, username: 'sam', password: USERS.sam.password }).then((step) => {
      if (step.signedIn || step.challengeName !== 'SMS_MFA') throw new Error('expected SMS_MFA');
      return step.answer({ SMS_MFA_CODE: '123456' });
    }));
    const metadata = first.authenticationResult.NewDeviceMetadata;
    if (metadata?.DeviceKey === undefined || metadata.DeviceGroupKey === undefined) throw new Error('expected NewDeviceMetadata');
    const accessToken = first.authenticationResult.AccessToken ?? '';
    const { request, devicePassword } = buildConfirmDevice({ accessToken, deviceKey: metadata.DeviceKey, deviceGroupKey: metadata.DeviceGroupKey });
    expect(await send('ConfirmDevice', request, DESTINATION, options)).toEqual({ UserConfirmationNecessary: false });

    const device = { deviceKey: metadata.DeviceKey, deviceGroupKey: metadata.DeviceGroupKey, devicePassword };
    pool.calls.length = 0;
    signedIn(await signIn({ ...base, username: 'sam', password: USERS.sam.password, device }));
    expect(pool.calls.map((c) => c.body.ChallengeName ?? c.body.AuthFlow)).toEqual(['USER_SRP_AUTH', 'PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);

    const wrongDevice = { ...device, devicePassword: 'not the device password' };
    expect(await refusal(signIn({ ...base, username: 'sam', password: USERS.sam.password, device: wrongDevice }))).toMatchObject({ name: 'NotAuthorizedException' });
  });
});

describe('signIn hands every other challenge back, typed', () => {
  it('NEW_PASSWORD_REQUIRED with a required attribute', async () => {
    const { pool, base } = setUp();
    const step = await signIn({ ...base, username: 'nina', password: USERS.nina.password });
    if (step.signedIn || step.challengeName !== 'NEW_PASSWORD_REQUIRED') throw new Error('expected NEW_PASSWORD_REQUIRED');
    expect(step.username).toBe('nina');
    expect(JSON.parse(step.challengeParameters.requiredAttributes ?? '[]')).toEqual(['userAttributes.name']);
    signedIn(await step.answer({ NEW_PASSWORD: 'Brand new 1', 'userAttributes.name': 'Nina' }));
    expect(pool.passwordOf('nina')).toBe('Brand new 1');
  });

  it('SOFTWARE_TOKEN_MFA with an RFC 6238 code; a wrong code is CodeMismatchException', async () => {
    const { base } = setUp();
    const step = await signIn({ ...base, username: 'tom', password: USERS.tom.password });
    if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    signedIn(await step.answer({ SOFTWARE_TOKEN_MFA_CODE: await code(TOTP_KEY) }));
    const again = await signIn({ ...base, username: 'tom', password: USERS.tom.password });
    if (again.signedIn || again.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    const wrong = (await code(TOTP_KEY)) === '000000' ? '111111' : '000000';
    expect(await refusal(again.answer({ SOFTWARE_TOKEN_MFA_CODE: wrong }))).toMatchObject({ name: 'CodeMismatchException' });
  });

  it('SMS_MFA and EMAIL_OTP codes', async () => {
    const { base } = setUp({ clientSecret: CLIENT_SECRET });
    const sms = await signIn({ ...base, username: 'sam', password: USERS.sam.password });
    if (sms.signedIn || sms.challengeName !== 'SMS_MFA') throw new Error('expected SMS_MFA');
    signedIn(await sms.answer({ SMS_MFA_CODE: '123456' }));
    const email = await signIn({ ...base, username: 'eve', password: USERS.eve.password });
    if (email.signedIn || email.challengeName !== 'EMAIL_OTP') throw new Error('expected EMAIL_OTP');
    signedIn(await email.answer({ EMAIL_OTP_CODE: '654321' }));
  });

  it('SELECT_MFA_TYPE, then the chosen factor', async () => {
    const { base } = setUp();
    const select = await signIn({ ...base, username: 'sel', password: USERS.sel.password });
    if (select.signedIn || select.challengeName !== 'SELECT_MFA_TYPE') throw new Error('expected SELECT_MFA_TYPE');
    const chosen = await select.answer({ ANSWER: 'SOFTWARE_TOKEN_MFA' });
    if (chosen.signedIn || chosen.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    signedIn(await chosen.answer({ SOFTWARE_TOKEN_MFA_CODE: await code(TOTP_KEY) }));
  });

  it('MFA_SETUP: the step gives the Session for AssociateSoftwareToken, and is answered with VerifySoftwareToken\'s', async () => {
    const { pool, base } = setUp();
    const setup = await signIn({ ...base, username: 'setup', password: USERS.setup.password });
    if (setup.signedIn || setup.challengeName !== 'MFA_SETUP') throw new Error('expected MFA_SETUP');
    const associated = await call(pool, 'AssociateSoftwareToken', { Session: setup.session });
    const key = base32Decode(associated.SecretCode ?? '');
    const verified = await call(pool, 'VerifySoftwareToken', { Session: associated.Session, UserCode: await code(key) });
    expect(verified.Status).toBe('SUCCESS');
    signedIn(await setup.answer({ SESSION: verified.Session ?? '' }));
    expect(pool.mfaOf('setup')).toMatchObject({ type: 'SOFTWARE_TOKEN_MFA' });
  });

  it('SELECT_CHALLENGE (USER_AUTH without a preference): PASSWORD_SRP, PASSWORD or EMAIL_OTP', async () => {
    const { pool, base } = setUp();
    const start = () => signIn({ ...base, authFlow: 'USER_AUTH', username: 'otp', password: USERS.otp.password });
    const first = await start();
    if (first.signedIn || first.challengeName !== 'SELECT_CHALLENGE') throw new Error('expected SELECT_CHALLENGE');
    expect(first.availableChallenges).toEqual(['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP']);
    pool.calls.length = 0;
    signedIn(await first.answer({ ANSWER: 'PASSWORD_SRP' }));
    expect(pool.calls.map((c) => [c.body.ChallengeName, Object.keys(c.body.ChallengeResponses as object)])).toEqual([
      ['SELECT_CHALLENGE', ['USERNAME', 'ANSWER', 'SRP_A']],
      ['PASSWORD_VERIFIER', ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP']],
    ]);

    const second = await start();
    if (second.signedIn || second.challengeName !== 'SELECT_CHALLENGE') throw new Error('expected SELECT_CHALLENGE');
    signedIn(await second.answer({ ANSWER: 'PASSWORD' }));

    const third = await start();
    if (third.signedIn || third.challengeName !== 'SELECT_CHALLENGE') throw new Error('expected SELECT_CHALLENGE');
    const otp = await third.answer({ ANSWER: 'EMAIL_OTP' });
    if (otp.signedIn || otp.challengeName !== 'EMAIL_OTP') throw new Error('expected EMAIL_OTP');
    signedIn(await otp.answer({ EMAIL_OTP_CODE: '246810' }));
  });

  it('NEW_PASSWORD_REQUIRED then SMS_MFA, one after the other', async () => {
    const { base } = setUp({ clientSecret: CLIENT_SECRET });
    const fresh = await signIn({ ...base, username: 'both', password: USERS.both.password });
    if (fresh.signedIn || fresh.challengeName !== 'NEW_PASSWORD_REQUIRED') throw new Error('expected NEW_PASSWORD_REQUIRED');
    const mfa = await fresh.answer({ NEW_PASSWORD: 'Both password 2' });
    if (mfa.signedIn || mfa.challengeName !== 'SMS_MFA') throw new Error('expected SMS_MFA');
    signedIn(await mfa.answer({ SMS_MFA_CODE: '777888' }));
  });
});

describe('signIn through the Admin operations', () => {
  it('signs every request through `sign`, and refuses an Admin operation sent unsigned', async () => {
    const { pool, options, base } = setUp({ clientSecret: CLIENT_SECRET });
    const signed: string[] = [];
    const sign = (http: HttpRequest): HttpRequest => {
      signed.push(http.headers['X-Amz-Target'] ?? '');
      return { ...http, headers: { ...http.headers, Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/eu-west-2/cognito-idp/aws4_request, SignedHeaders=host, Signature=0' } };
    };
    const admin: AdminSenders = {
      AdminInitiateAuth: (request) => send('AdminInitiateAuth', request, DESTINATION, { ...options, sign }),
      AdminRespondToAuthChallenge: (request) => send('AdminRespondToAuthChallenge', request, DESTINATION, { ...options, sign }),
    };
    const step = await signIn({ ...base, send: admin, username: 'tom', password: USERS.tom.password });
    if (step.signedIn || step.challengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('expected SOFTWARE_TOKEN_MFA');
    signedIn(await step.answer({ SOFTWARE_TOKEN_MFA_CODE: await code(TOTP_KEY) }));
    expect(signed).toEqual([
      'AWSCognitoIdentityProviderService.AdminInitiateAuth',
      'AWSCognitoIdentityProviderService.AdminRespondToAuthChallenge',
      'AWSCognitoIdentityProviderService.AdminRespondToAuthChallenge',
    ]);
    signedIn(await signIn({ ...base, send: admin, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'alice@example.com', password: USERS.alice.password }));
    expect(pool.calls.at(-1)?.body.UserPoolId).toBe(USER_POOL_ID);

    const unsigned: AdminSenders = {
      AdminInitiateAuth: (request) => send('AdminInitiateAuth', request, DESTINATION, options),
      AdminRespondToAuthChallenge: (request) => send('AdminRespondToAuthChallenge', request, DESTINATION, options),
    };
    expect(await refusal(signIn({ ...base, send: unsigned, username: 'alice@example.com', password: 'x' }))).toMatchObject({ code: 'REQUIRED', path: 'options.sign' });
  });
});

describe('signIn refuses what it cannot do, with typed errors', () => {
  /** Senders answering InitiateAuth and every challenge answer with the replies given, in order. */
  function scripted(replies: AuthResponse[]): { senders: PublicSenders; sent: string[] } {
    const sent: string[] = [];
    const next = async (name: string): Promise<AuthResponse> => {
      sent.push(name);
      const reply = replies.shift();
      if (reply === undefined) throw new Error('no scripted reply left');
      return reply;
    };
    return { senders: { InitiateAuth: (request) => next(request.AuthFlow), RespondToAuthChallenge: (request) => next(request.ChallengeName) }, sent };
  }
  const input = (senders: PublicSenders): SignInInput => ({ send: senders, userPoolId: USER_POOL_ID, clientId: CLIENT_ID, username: 'alice', password: 'pw' });
  const session = 's'.repeat(24);

  it('a challenge outside the model, or a reply with neither challenge nor tokens, is INVALID_CHALLENGE', async () => {
    const unknown = await refusal(signIn(input(scripted([{ ChallengeName: 'EMAIL_MFA', Session: session }]).senders)));
    expect(unknown).toBeInstanceOf(RequestValidationError);
    expect(unknown).toMatchObject({ code: 'INVALID_CHALLENGE', path: 'response.ChallengeName' });
    expect(await refusal(signIn(input(scripted([{}]).senders)))).toMatchObject({ code: 'INVALID_CHALLENGE' });
  });

  it('a server that asks PASSWORD_SRP again and again is stopped after a few automatic answers', async () => {
    const { senders, sent } = scripted(Array.from({ length: 20 }, () => ({ ChallengeName: 'PASSWORD_SRP', Session: session })));
    expect(await refusal(signIn(input(senders)))).toMatchObject({ code: 'INVALID_CHALLENGE', path: 'response.ChallengeName' });
    expect(sent).toHaveLength(9);
  });

  it('DEVICE_SRP_AUTH without a device, and PASSWORD_VERIFIER without an SRP_A sent, are refused before anything is sent', async () => {
    const device = scripted([{ ChallengeName: 'DEVICE_SRP_AUTH', Session: session }]);
    expect(await refusal(signIn(input(device.senders)))).toMatchObject({ code: 'REQUIRED', path: 'device' });
    expect(device.sent).toEqual(['USER_SRP_AUTH']);
    const verifier = scripted([{ ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: {} }]);
    expect(await refusal(signIn({ ...input(verifier.senders), authFlow: 'USER_PASSWORD_AUTH' }))).toMatchObject({ code: 'INVALID_CHALLENGE' });
  });

  it('bad input: every problem at once, before anything is sent', async () => {
    const { senders, sent } = scripted([]);
    const error = await refusal(
      signIn({ send: { InitiateAuth: senders.InitiateAuth } as never, userPoolId: 'us_east_1_Abc', clientId: CLIENT_ID, username: '', device: { deviceKey: 'x' } as never, now: 'today' as never }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['PATTERN', 'userPoolId'],
      ['INVALID_TYPE', 'send'],
      ['TOO_SHORT', 'username'],
      ['PATTERN', 'device.deviceKey'],
      ['REQUIRED', 'device.deviceGroupKey'],
      ['REQUIRED', 'device.devicePassword'],
      ['INVALID_TYPE', 'now'],
    ]);
    expect(sent).toEqual([]);
    expect(await refusal(signIn(null as never))).toMatchObject({ code: 'INVALID_TYPE', path: 'input' });
    expect(await refusal(signIn({ ...input(senders), authFlow: 'USER_PASSWORD_AUTH', password: undefined }))).toMatchObject({ code: 'REQUIRED', path: 'password' });
    expect(await refusal(signIn({ ...input(senders), authFlow: 'ADMIN_USER_PASSWORD_AUTH' }))).toMatchObject({ code: 'INVALID_ENUM', path: 'authFlow' });
  });
});

describe('send', () => {
  it('sends a built request through the injected fetch and reads the typed reply', async () => {
    const { options } = setUp();
    const reply = await send('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'alice@example.com', PASSWORD: USERS.alice.password } }, DESTINATION, options);
    expect(reply.AuthenticationResult?.TokenType).toBe('Bearer');
  });

  it('a sign hook may return a fetch Request (as aws4fetch does) or a plain request', async () => {
    const { options } = setUp();
    const request = { UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice@example.com', PASSWORD: USERS.alice.password } } as const;
    const authorization = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/eu-west-2/cognito-idp/aws4_request, SignedHeaders=host, Signature=0';
    const asRequest = async (http: HttpRequest) => new Request(http.url, { method: http.method, headers: { ...http.headers, Authorization: authorization }, body: http.body });
    expect((await send('AdminInitiateAuth', request, DESTINATION, { ...options, sign: asRequest })).AuthenticationResult).toBeDefined();
  });

  it('refuses options of the wrong type and passes the abort signal on', async () => {
    const { options } = setUp();
    const request = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'alice', PASSWORD: 'x' } } as const;
    await expect(send('InitiateAuth', request, DESTINATION, { fetch: 'fetch' as never })).rejects.toMatchObject({ code: 'INVALID_TYPE', path: 'options.fetch' });
    await expect(send('InitiateAuth', request, DESTINATION, { sign: 5 as never })).rejects.toMatchObject({ code: 'INVALID_TYPE', path: 'options.sign' });
    let seen: AbortSignal | undefined;
    const controller = new AbortController();
    controller.abort();
    const spy = async (fetchRequest: Request) => {
      seen = fetchRequest.signal;
      return options.fetch(fetchRequest);
    };
    await send('InitiateAuth', request, DESTINATION, { fetch: spy, signal: controller.signal }).catch(() => undefined);
    expect(seen?.aborted).toBe(true);
  });
});

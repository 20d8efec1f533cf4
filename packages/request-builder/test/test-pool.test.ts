// The test pool (test/helpers/test-pool.ts) driven by hand-written awsJson1_1 requests and answered with
// @cognito-kit/srp: every challenge kind reached and answered, and Cognito's refusals on the wire. Portable: it runs
// in workerd, Deno, Bun and Chromium too (no fake timers: the pool's clock is injected).
import {
  createDeviceVerifier,
  createSrpSession,
  respondToDevicePasswordVerifier,
  respondToPasswordVerifier,
  secretHash,
  type SrpSession,
} from '@cognito-kit/srp';
import { describe, expect, it } from 'vitest';
import { createTestPool, type TestPoolConfig, type TestPoolUser } from './helpers/test-pool.js';
import { base32Decode, base32Encode, totp } from './helpers/totp.js';

const USER_POOL_ID = 'eu-west-2_TestPool1';
const CLIENT_ID = 'testclient1';
const CLIENT_SECRET = 'testclientsecret0123456789abcdef';
const ENDPOINT = 'https://cognito-idp.eu-west-2.amazonaws.com/';
const START = new Date('2026-03-04T05:06:07Z');
const TOTP_SECRET = base32Encode(new TextEncoder().encode('a test TOTP secret!!'), { padding: false });
const SIGV4 = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260304/eu-west-2/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature=0';

const USERS = {
  alice: { username: 'alice', password: 'Correct horse 1', aliases: ['alice@example.com'] },
  nina: { username: 'nina', password: 'Temporary 1', newPasswordRequired: { requiredAttributes: ['name'] }, attributes: { email: 'nina@example.com' } },
  tom: { username: 'tom', password: 'Tom password 1', mfa: { type: 'SOFTWARE_TOKEN_MFA', totpSecret: TOTP_SECRET } },
  sam: { username: 'sam', password: 'Sam password 1', mfa: { type: 'SMS_MFA', code: '123456' }, attributes: { phone_number: '+447700900123' } },
  eve: { username: 'eve', password: 'Eve password 1', mfa: { type: 'EMAIL_OTP', code: '654321' }, aliases: ['eve@example.org'] },
  sel: { username: 'sel', password: 'Sel password 1', mfa: { type: 'SELECT_MFA_TYPE', smsCode: '111222', totpSecret: TOTP_SECRET } },
  setup: { username: 'setup', password: 'Setup password 1', mfa: { type: 'MFA_SETUP' } },
  otp: { username: 'otp', password: 'Otp password 1', firstFactors: ['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP'], emailOtpCode: '246810' },
  both: { username: 'both', password: 'Both 1', newPasswordRequired: {}, mfa: { type: 'SMS_MFA', code: '777888' } },
} satisfies Record<string, TestPoolUser>;

/** What a reply body can hold (the fields these tests read). */
interface Reply {
  __type?: string;
  message?: string;
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AvailableChallenges?: string[];
  AuthenticationResult?: {
    AccessToken: string;
    IdToken: string;
    RefreshToken?: string;
    ExpiresIn: number;
    TokenType: string;
    NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string };
  };
  SecretCode?: string;
  Status?: string;
  UserConfirmationNecessary?: boolean;
}

interface Answer {
  status: number;
  headers: Headers;
  body: Reply;
}

/** A pool with an injected clock, and the requests of these tests. */
function harness(config: { users: TestPoolUser[] } & Partial<Omit<TestPoolConfig, 'users' | 'now'>>) {
  let instant = START;
  const pool = createTestPool({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, ...config, now: () => instant });
  const withSecret = config.clientSecret !== undefined;
  const hashOf = (username: string): Record<string, string> => (withSecret ? { SECRET_HASH: secretHash(username, CLIENT_ID, CLIENT_SECRET) } : {});

  async function send(operation: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await pool.fetch(
      new Request(ENDPOINT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    return { status: response.status, headers: response.headers, body: (await response.json()) as Reply };
  }
  const initiate = (AuthFlow: string, AuthParameters: Record<string, string>) => send('InitiateAuth', { AuthFlow, ClientId: CLIENT_ID, AuthParameters });
  const respond = (ChallengeName: string, ChallengeResponses: Record<string, string>, Session?: string) =>
    send('RespondToAuthChallenge', { ChallengeName, ClientId: CLIENT_ID, ChallengeResponses, ...(Session === undefined ? {} : { Session }) });

  /** The PASSWORD_VERIFIER answer for a challenge, signed at the pool's clock. */
  function verifierAnswer(session: SrpSession, reply: Reply, password: string, deviceKey?: string) {
    return respondToPasswordVerifier(session, {
      userPoolId: USER_POOL_ID,
      password,
      challengeParameters: reply.ChallengeParameters,
      now: instant,
      ...(withSecret ? { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } : {}),
      ...(deviceKey === undefined ? {} : { deviceKey }),
    });
  }

  /** USER_SRP_AUTH up to the reply to the PASSWORD_VERIFIER answer. */
  async function srpLogin(name: string, password: string, deviceKey?: string): Promise<Answer> {
    const session = createSrpSession({ privateValueBits: 256 });
    const device = deviceKey === undefined ? {} : { DEVICE_KEY: deviceKey };
    const init = await initiate('USER_SRP_AUTH', { USERNAME: name, SRP_A: session.srpA, ...hashOf(name), ...device });
    expect(init.body.ChallengeName).toBe('PASSWORD_VERIFIER');
    return respond('PASSWORD_VERIFIER', verifierAnswer(session, init.body, password, deviceKey));
  }

  /** USER_PASSWORD_AUTH. */
  const passwordLogin = (name: string, password: string, extra: Record<string, string> = {}) =>
    initiate('USER_PASSWORD_AUTH', { USERNAME: name, PASSWORD: password, ...hashOf(name), ...extra });

  return {
    pool,
    send,
    initiate,
    respond,
    verifierAnswer,
    srpLogin,
    passwordLogin,
    hashOf,
    now: () => instant,
    advance: (ms: number) => {
      instant = new Date(instant.getTime() + ms);
    },
  };
}

const TOKEN = /^[A-Za-z0-9-_=.]+$/;

function expectTokens(answer: Answer, refresh = true): NonNullable<Reply['AuthenticationResult']> {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const result = answer.body.AuthenticationResult!;
  expect(result).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
  expect(result.AccessToken).toMatch(TOKEN);
  expect(result.IdToken).toMatch(TOKEN);
  if (refresh) expect(result.RefreshToken).toMatch(TOKEN);
  else expect(result.RefreshToken).toBeUndefined();
  expect(answer.body.ChallengeName).toBeUndefined();
  return result;
}

function expectError(answer: Answer, type: string, message?: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body.__type?.split('#').pop()).toBe(type);
  expect(answer.headers.get('x-amzn-ErrorType')).toBe(`${type}:`);
  if (message !== undefined) expect(answer.body.message).toBe(message);
}

function expectChallenge(answer: Answer, name: string): string {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body.ChallengeName).toBe(name);
  expect(answer.body.Session).toMatch(/^[A-Za-z0-9-_]{20,}$/);
  return answer.body.Session!;
}

const INCORRECT = 'Incorrect username or password.';
const INVALID_SESSION = 'Invalid session for the user.';

describe('the wire', () => {
  it('an unknown operation is UnknownOperationException, with a request id', async () => {
    const h = harness({ users: [USERS.alice] });
    const answer = await h.send('ListUsers', { UserPoolId: USER_POOL_ID });
    expectError(answer, 'UnknownOperationException');
    expect(answer.headers.get('x-amzn-RequestId')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(answer.headers.get('Content-Type')).toBe('application/x-amz-json-1.1');
    expectError(await h.send('constructor', {}), 'UnknownOperationException');
    const noPrefix = await h.pool.fetch(new Request(ENDPOINT, { method: 'POST', headers: { 'X-Amz-Target': 'InitiateAuth' }, body: '{}' }));
    expect(noPrefix.status).toBe(400);
    expect(((await noPrefix.json()) as Reply).__type).toMatch(/UnknownOperationException$/);
  });

  it('successful replies carry x-amzn-RequestId and the JSON content type; every call is recorded', async () => {
    const h = harness({ users: [USERS.alice] });
    const answer = await h.passwordLogin('alice', USERS.alice.password);
    expectTokens(answer);
    expect(answer.headers.get('x-amzn-RequestId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get('Content-Type')).toBe('application/x-amz-json-1.1');
    await h.send('InitiateAuth', 'not json');
    expect(h.pool.calls.map((c) => c.operation)).toEqual(['InitiateAuth', 'InitiateAuth']);
    expect(h.pool.calls[0]!.body).toMatchObject({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID });
    expect(h.pool.calls[1]!.body).toEqual({});
  });

  it('malformed JSON is SerializationException; a missing required member is a Coral validation error', async () => {
    const h = harness({ users: [USERS.alice] });
    expectError(await h.send('InitiateAuth', '{"AuthFlow":'), 'SerializationException');
    expectError(await h.send('InitiateAuth', '[]'), 'SerializationException');
    expectError(await h.send('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 1 } }), 'SerializationException');
    expectError(
      await h.send('InitiateAuth', { ClientId: CLIENT_ID }),
      'InvalidParameterException',
      "1 validation error detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null",
    );
    const both = await h.send('InitiateAuth', {});
    expect(both.body.message).toMatch(/^2 validation errors detected: Value null at 'authFlow' .*; Value null at 'clientId' /);
    const flow = await h.initiate('PASSWORD', { USERNAME: 'alice' });
    expectError(flow, 'InvalidParameterException');
    expect(flow.body.message).toMatch(/Value 'PASSWORD' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: \[USER_SRP_AUTH, /);
    expectError(await h.initiate('USER_PASSWORD_AUTH', { USERNAME: 'alice' }), 'InvalidParameterException', 'Missing required parameter PASSWORD');
  });

  it('an unknown app client or pool is ResourceNotFoundException', async () => {
    const h = harness({ users: [USERS.alice] });
    expectError(await h.send('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'other', AuthParameters: {} }), 'ResourceNotFoundException', 'User pool client other does not exist.');
    const admin = { AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', ClientId: CLIENT_ID, UserPoolId: 'eu-west-2_Other', AuthParameters: { USERNAME: 'alice', PASSWORD: USERS.alice.password } };
    expectError(await h.send('AdminInitiateAuth', admin, { Authorization: SIGV4 }), 'ResourceNotFoundException', 'User pool eu-west-2_Other does not exist.');
  });

  it('Admin operations need SigV4 and the pool id; then they work as the public ones', async () => {
    const h = harness({ users: [USERS.alice] });
    const body = { UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: USERS.alice.password } };
    const unsigned = await h.send('AdminInitiateAuth', body);
    expectError(unsigned, 'MissingAuthenticationTokenException', 'Request is missing Authentication Token');
    expectError(await h.send('AdminInitiateAuth', body, { Authorization: 'Bearer abc' }), 'MissingAuthenticationTokenException');
    expectTokens(await h.send('AdminInitiateAuth', body, { Authorization: SIGV4 }));

    const session = createSrpSession({ privateValueBits: 256 });
    const srp = { ...body, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: session.srpA } };
    const init = await h.send('AdminInitiateAuth', srp, { Authorization: SIGV4 });
    expect(init.body.ChallengeName).toBe('PASSWORD_VERIFIER');
    const answer = { UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: h.verifierAnswer(session, init.body, USERS.alice.password) };
    expectError(await h.send('AdminRespondToAuthChallenge', answer), 'MissingAuthenticationTokenException');
    // The unsigned attempt was refused before it reached the challenge, so the signed one still answers it.
    expectTokens(await h.send('AdminRespondToAuthChallenge', answer, { Authorization: SIGV4 }));
  });
});

describe('first factors', () => {
  it('USER_SRP_AUTH: PASSWORD_VERIFIER with no Session, answered with the server half checking it → tokens', async () => {
    const h = harness({ users: [USERS.alice] });
    const session = createSrpSession({ privateValueBits: 256 });
    const init = await h.initiate('USER_SRP_AUTH', { USERNAME: 'alice', SRP_A: session.srpA });
    expect(init.status).toBe(200);
    expect(init.body.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(init.body.Session).toBeUndefined();
    expect(Object.keys(init.body.ChallengeParameters!).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    const result = expectTokens(await h.respond('PASSWORD_VERIFIER', h.verifierAnswer(session, init.body, USERS.alice.password)));
    expect(result.NewDeviceMetadata).toBeUndefined();
  });

  it('alias sign-in: USER_ID_FOR_SRP and USERNAME are the real username, which the answer must use', async () => {
    const h = harness({ users: [USERS.alice], clientSecret: CLIENT_SECRET });
    const session = createSrpSession({ privateValueBits: 256 });
    // SECRET_HASH over the name typed at InitiateAuth (the alias).
    const init = await h.initiate('USER_SRP_AUTH', { USERNAME: 'alice@example.com', SRP_A: session.srpA, ...h.hashOf('alice@example.com') });
    expect(init.body.ChallengeParameters).toMatchObject({ USER_ID_FOR_SRP: 'alice', USERNAME: 'alice' });
    const answer = h.verifierAnswer(session, init.body, USERS.alice.password);
    expect(answer.USERNAME).toBe('alice');
    expectTokens(await h.respond('PASSWORD_VERIFIER', answer));

    // A client that hashes the alias in the answer is refused, as Cognito refuses it.
    const again = createSrpSession({ privateValueBits: 256 });
    const second = await h.initiate('USER_SRP_AUTH', { USERNAME: 'alice@example.com', SRP_A: again.srpA, ...h.hashOf('alice@example.com') });
    const aliasHash = { ...h.verifierAnswer(again, second.body, USERS.alice.password), ...h.hashOf('alice@example.com') };
    expectError(await h.respond('PASSWORD_VERIFIER', aliasHash), 'NotAuthorizedException', `Unable to verify secret hash for client ${CLIENT_ID}`);
  });

  it('a wrong password is NotAuthorizedException "Incorrect username or password." (SRP and password flows)', async () => {
    const h = harness({ users: [USERS.alice] });
    expectError(await h.srpLogin('alice', 'wrong password'), 'NotAuthorizedException', INCORRECT);
    expectError(await h.passwordLogin('alice', 'wrong password'), 'NotAuthorizedException', INCORRECT);
    expectError(await h.passwordLogin('nobody', 'x'), 'UserNotFoundException', 'User does not exist.');
    const session = createSrpSession({ privateValueBits: 256 });
    expectError(await h.initiate('USER_SRP_AUTH', { USERNAME: 'nobody', SRP_A: session.srpA }), 'UserNotFoundException', 'User does not exist.');
    expectError(await h.initiate('USER_SRP_AUTH', { USERNAME: 'alice' }), 'InvalidParameterException', 'Missing required parameter SRP_A');
    expectError(await h.initiate('USER_SRP_AUTH', { USERNAME: 'alice', SRP_A: '0' }), 'InvalidParameterException');
  });

  it('a PASSWORD_VERIFIER is answered once (a reused SECRET_BLOCK is refused), and TIMESTAMP must be near the pool clock', async () => {
    const h = harness({ users: [USERS.alice] });
    const session = createSrpSession({ privateValueBits: 256 });
    const init = await h.initiate('USER_SRP_AUTH', { USERNAME: 'alice', SRP_A: session.srpA });
    const answer = h.verifierAnswer(session, init.body, USERS.alice.password);
    expectTokens(await h.respond('PASSWORD_VERIFIER', answer));
    expectError(await h.respond('PASSWORD_VERIFIER', answer), 'NotAuthorizedException', INCORRECT);
    expectError(await h.respond('PASSWORD_VERIFIER', { ...answer, PASSWORD_CLAIM_SECRET_BLOCK: 'AAAA' }), 'NotAuthorizedException', INCORRECT);

    const late = createSrpSession({ privateValueBits: 256 });
    const lateInit = await h.initiate('USER_SRP_AUTH', { USERNAME: 'alice', SRP_A: late.srpA });
    const lateAnswer = h.verifierAnswer(late, lateInit.body, USERS.alice.password);
    h.advance(6 * 60 * 1000); // past the server half's 5-minute TIMESTAMP window
    expectError(await h.respond('PASSWORD_VERIFIER', lateAnswer), 'NotAuthorizedException');
  });

  it('USER_PASSWORD_AUTH → tokens; flow/operation mismatches get Cognito\'s refusals', async () => {
    const h = harness({ users: [USERS.alice] });
    expectTokens(await h.passwordLogin('alice@example.com', USERS.alice.password));
    expectError(await h.initiate('ADMIN_USER_PASSWORD_AUTH', { USERNAME: 'alice', PASSWORD: 'x' }), 'InvalidParameterException', 'Initiate Auth method not supported.');
    expectError(await h.initiate('CUSTOM_AUTH', { USERNAME: 'alice' }), 'InvalidParameterException', 'Custom auth lambda trigger is not configured for the user pool.');
    const admin = { UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: USERS.alice.password } };
    expectError(await h.send('AdminInitiateAuth', admin, { Authorization: SIGV4 }), 'InvalidParameterException', 'Initiate Auth method not supported.');
  });

  it('REFRESH_TOKEN_AUTH and REFRESH_TOKEN: new ID and access tokens, no refresh token; an unknown one is refused', async () => {
    const h = harness({ users: [USERS.alice] });
    const { RefreshToken, AccessToken } = expectTokens(await h.passwordLogin('alice', USERS.alice.password));
    for (const flow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']) {
      const refreshed = expectTokens(await h.initiate(flow, { REFRESH_TOKEN: RefreshToken! }), false);
      expect(refreshed.AccessToken).not.toBe(AccessToken);
    }
    expectError(await h.initiate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: 'refresh.unknown' }), 'NotAuthorizedException', 'Invalid Refresh Token.');
    expectError(await h.initiate('REFRESH_TOKEN_AUTH', {}), 'InvalidParameterException', 'Missing required parameter REFRESH_TOKEN');
  });
});

describe('SECRET_HASH', () => {
  it('missing or wrong at InitiateAuth: NotAuthorizedException with Cognito\'s messages', async () => {
    const h = harness({ users: [USERS.alice], clientSecret: CLIENT_SECRET });
    expectError(
      await h.initiate('USER_PASSWORD_AUTH', { USERNAME: 'alice', PASSWORD: USERS.alice.password }),
      'NotAuthorizedException',
      `Client ${CLIENT_ID} is configured with secret but SECRET_HASH was not received`,
    );
    expectError(
      await h.initiate('USER_PASSWORD_AUTH', { USERNAME: 'alice', PASSWORD: USERS.alice.password, SECRET_HASH: secretHash('alice', CLIENT_ID, 'another secret') }),
      'NotAuthorizedException',
      `Unable to verify secret hash for client ${CLIENT_ID}`,
    );
    expectTokens(await h.passwordLogin('alice', USERS.alice.password));
    expectTokens(await h.srpLogin('alice@example.com', USERS.alice.password));
  });

  it('in MFA answers it is over the real username; on refresh over the token owner\'s real username', async () => {
    const h = harness({ users: [USERS.eve], clientSecret: CLIENT_SECRET });
    const session = expectChallenge(await h.passwordLogin('eve@example.org', USERS.eve.password), 'EMAIL_OTP');
    const wrong = await h.respond('EMAIL_OTP', { USERNAME: 'eve', EMAIL_OTP_CODE: '654321', ...h.hashOf('eve@example.org') }, session);
    expectError(wrong, 'NotAuthorizedException', `Unable to verify secret hash for client ${CLIENT_ID}`);
    const again = expectChallenge(await h.passwordLogin('eve@example.org', USERS.eve.password), 'EMAIL_OTP');
    const { RefreshToken } = expectTokens(await h.respond('EMAIL_OTP', { USERNAME: 'eve', EMAIL_OTP_CODE: '654321', ...h.hashOf('eve') }, again));
    expectError(await h.initiate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: RefreshToken!, ...h.hashOf('eve@example.org') }), 'NotAuthorizedException', `Unable to verify secret hash for client ${CLIENT_ID}`);
    expectTokens(await h.initiate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: RefreshToken!, ...h.hashOf('eve') }), false);
  });
});

describe('USER_AUTH', () => {
  it('PREFERRED_CHALLENGE PASSWORD_SRP with SRP_A → PASSWORD_VERIFIER → tokens', async () => {
    const h = harness({ users: [USERS.alice] });
    const session = createSrpSession({ privateValueBits: 256 });
    const init = await h.initiate('USER_AUTH', { USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: session.srpA });
    expect(init.body.ChallengeName).toBe('PASSWORD_VERIFIER');
    expectTokens(await h.respond('PASSWORD_VERIFIER', h.verifierAnswer(session, init.body, USERS.alice.password)));
  });

  it('PREFERRED_CHALLENGE PASSWORD with PASSWORD → the next step', async () => {
    const h = harness({ users: [USERS.alice, USERS.sam] });
    expectTokens(await h.initiate('USER_AUTH', { USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: USERS.alice.password }));
    expectChallenge(await h.initiate('USER_AUTH', { USERNAME: 'sam', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: USERS.sam.password }), 'SMS_MFA');
    expectError(await h.initiate('USER_AUTH', { USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'wrong' }), 'NotAuthorizedException', INCORRECT);
  });

  it('no PREFERRED_CHALLENGE → SELECT_CHALLENGE with AvailableChallenges; PASSWORD_SRP or PASSWORD answers it', async () => {
    const h = harness({ users: [USERS.alice] });
    const first = await h.initiate('USER_AUTH', { USERNAME: 'alice@example.com' });
    const session = expectChallenge(first, 'SELECT_CHALLENGE');
    expect(first.body.AvailableChallenges).toEqual(['PASSWORD_SRP', 'PASSWORD']);
    const srp = createSrpSession({ privateValueBits: 256 });
    const verifier = await h.respond('SELECT_CHALLENGE', { ANSWER: 'PASSWORD_SRP', USERNAME: 'alice@example.com', SRP_A: srp.srpA }, session);
    expect(verifier.body.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(verifier.body.ChallengeParameters?.USER_ID_FOR_SRP).toBe('alice');
    expectTokens(await h.respond('PASSWORD_VERIFIER', h.verifierAnswer(srp, verifier.body, USERS.alice.password)));

    const second = expectChallenge(await h.initiate('USER_AUTH', { USERNAME: 'alice' }), 'SELECT_CHALLENGE');
    expectTokens(await h.respond('SELECT_CHALLENGE', { ANSWER: 'PASSWORD', USERNAME: 'alice', PASSWORD: USERS.alice.password }, second));
    const third = expectChallenge(await h.initiate('USER_AUTH', { USERNAME: 'alice' }), 'SELECT_CHALLENGE');
    expectError(await h.respond('SELECT_CHALLENGE', { ANSWER: 'EMAIL_OTP', USERNAME: 'alice' }, third), 'InvalidParameterException');
  });

  it('EMAIL_OTP as a first factor: SELECT_CHALLENGE → EMAIL_OTP → EMAIL_OTP_CODE → tokens; a wrong code is CodeMismatchException', async () => {
    const h = harness({ users: [USERS.otp] });
    const first = await h.initiate('USER_AUTH', { USERNAME: 'otp' });
    expect(first.body.AvailableChallenges).toEqual(['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP']);
    const otp = await h.respond('SELECT_CHALLENGE', { ANSWER: 'EMAIL_OTP', USERNAME: 'otp' }, first.body.Session);
    const session = expectChallenge(otp, 'EMAIL_OTP');
    expect(otp.body.ChallengeParameters).toMatchObject({ CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' });
    expectTokens(await h.respond('EMAIL_OTP', { USERNAME: 'otp', EMAIL_OTP_CODE: '246810' }, session));

    const direct = expectChallenge(await h.initiate('USER_AUTH', { USERNAME: 'otp', PREFERRED_CHALLENGE: 'EMAIL_OTP' }), 'EMAIL_OTP');
    expectError(await h.respond('EMAIL_OTP', { USERNAME: 'otp', EMAIL_OTP_CODE: '000000' }, direct), 'CodeMismatchException');
  });
});

describe('after the password', () => {
  it('NEW_PASSWORD_REQUIRED: required attributes listed and enforced; then the new password is the password', async () => {
    const h = harness({ users: [USERS.nina] });
    const first = await h.srpLogin('nina', USERS.nina.password);
    const session = expectChallenge(first, 'NEW_PASSWORD_REQUIRED');
    expect(first.body.ChallengeParameters).toEqual({
      USER_ID_FOR_SRP: 'nina',
      requiredAttributes: '["userAttributes.name"]',
      userAttributes: '{"email":"nina@example.com"}',
    });
    expectError(await h.respond('NEW_PASSWORD_REQUIRED', { USERNAME: 'nina', NEW_PASSWORD: 'Brand new 1' }, session), 'InvalidParameterException', 'Invalid attributes given, name is missing');
    // That answer used the Session up.
    expectError(await h.respond('NEW_PASSWORD_REQUIRED', { USERNAME: 'nina', NEW_PASSWORD: 'Brand new 1', 'userAttributes.name': 'Nina' }, session), 'NotAuthorizedException', INVALID_SESSION);

    const again = expectChallenge(await h.passwordLogin('nina', USERS.nina.password), 'NEW_PASSWORD_REQUIRED');
    expectTokens(await h.respond('NEW_PASSWORD_REQUIRED', { USERNAME: 'nina', NEW_PASSWORD: 'Brand new 1', 'userAttributes.name': 'Nina' }, again));
    expect(h.pool.passwordOf('nina')).toBe('Brand new 1');
    expectTokens(await h.srpLogin('nina', 'Brand new 1'));
    expectError(await h.srpLogin('nina', USERS.nina.password), 'NotAuthorizedException', INCORRECT);
  });

  it('NEW_PASSWORD_REQUIRED comes before MFA', async () => {
    const h = harness({ users: [USERS.both] });
    const session = expectChallenge(await h.passwordLogin('both', USERS.both.password), 'NEW_PASSWORD_REQUIRED');
    const sms = expectChallenge(await h.respond('NEW_PASSWORD_REQUIRED', { USERNAME: 'both', NEW_PASSWORD: 'Both 2' }, session), 'SMS_MFA');
    expectTokens(await h.respond('SMS_MFA', { USERNAME: 'both', SMS_MFA_CODE: '777888' }, sms));
  });

  it('SOFTWARE_TOKEN_MFA: RFC 6238 at the pool clock, ±1 step; a wrong code is CodeMismatchException', async () => {
    const h = harness({ users: [USERS.tom] });
    const key = base32Decode(TOTP_SECRET);
    const first = await h.srpLogin('tom', USERS.tom.password);
    const session = expectChallenge(first, 'SOFTWARE_TOKEN_MFA');
    expect(first.body.ChallengeParameters).toEqual({ USER_ID_FOR_SRP: 'tom', FRIENDLY_DEVICE_NAME: 'TOTP device' });
    const previousStep = await totp(key, { now: h.now().getTime() - 30_000 });
    expectTokens(await h.respond('SOFTWARE_TOKEN_MFA', { USERNAME: 'tom', SOFTWARE_TOKEN_MFA_CODE: previousStep }, session));
    // The Session was answered: it cannot be used again.
    expectError(await h.respond('SOFTWARE_TOKEN_MFA', { USERNAME: 'tom', SOFTWARE_TOKEN_MFA_CODE: previousStep }, session), 'NotAuthorizedException', INVALID_SESSION);

    const again = expectChallenge(await h.passwordLogin('tom', USERS.tom.password), 'SOFTWARE_TOKEN_MFA');
    const stale = await totp(key, { now: h.now().getTime() - 3 * 30_000 });
    const wrong = await h.respond('SOFTWARE_TOKEN_MFA', { USERNAME: 'tom', SOFTWARE_TOKEN_MFA_CODE: stale }, again);
    expectError(wrong, 'CodeMismatchException', 'Invalid code received for user');
  });

  it('SMS_MFA: CODE_DELIVERY_* parameters, the configured code → tokens; a wrong code is CodeMismatchException', async () => {
    const h = harness({ users: [USERS.sam] });
    const first = await h.srpLogin('sam', USERS.sam.password);
    const session = expectChallenge(first, 'SMS_MFA');
    expect(first.body.ChallengeParameters).toEqual({ USER_ID_FOR_SRP: 'sam', CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0123' });
    expectError(await h.respond('SMS_MFA', { USERNAME: 'sam', SMS_MFA_CODE: '000000' }, session), 'CodeMismatchException', 'Invalid code or auth state for the user.');
    const again = expectChallenge(await h.srpLogin('sam', USERS.sam.password), 'SMS_MFA');
    expectError(await h.respond('SMS_MFA', { USERNAME: 'sam' }, again), 'InvalidParameterException', 'Missing required parameter SMS_MFA_CODE');
    const third = expectChallenge(await h.srpLogin('sam', USERS.sam.password), 'SMS_MFA');
    expectTokens(await h.respond('SMS_MFA', { USERNAME: 'sam', SMS_MFA_CODE: '123456' }, third));
  });

  it('EMAIL_OTP MFA after the password → EMAIL_OTP_CODE → tokens', async () => {
    const h = harness({ users: [USERS.eve] });
    const first = await h.srpLogin('eve', USERS.eve.password);
    const session = expectChallenge(first, 'EMAIL_OTP');
    expect(first.body.ChallengeParameters).toEqual({ USER_ID_FOR_SRP: 'eve', CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'e***@e***' });
    expectTokens(await h.respond('EMAIL_OTP', { USERNAME: 'eve', EMAIL_OTP_CODE: '654321' }, session));
  });

  it('SELECT_MFA_TYPE: MFAS_CAN_CHOOSE, then the chosen MFA with a new Session', async () => {
    const h = harness({ users: [USERS.sel] });
    const first = await h.srpLogin('sel', USERS.sel.password);
    const session = expectChallenge(first, 'SELECT_MFA_TYPE');
    expect(first.body.ChallengeParameters).toEqual({ USER_ID_FOR_SRP: 'sel', MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' });
    const sms = expectChallenge(await h.respond('SELECT_MFA_TYPE', { USERNAME: 'sel', ANSWER: 'SMS_MFA' }, session), 'SMS_MFA');
    expect(sms).not.toBe(session);
    expectTokens(await h.respond('SMS_MFA', { USERNAME: 'sel', SMS_MFA_CODE: '111222' }, sms));

    const again = expectChallenge(await h.passwordLogin('sel', USERS.sel.password), 'SELECT_MFA_TYPE');
    const totpSession = expectChallenge(await h.respond('SELECT_MFA_TYPE', { USERNAME: 'sel', ANSWER: 'SOFTWARE_TOKEN_MFA' }, again), 'SOFTWARE_TOKEN_MFA');
    const code = await totp(base32Decode(TOTP_SECRET), { now: h.now() });
    expectTokens(await h.respond('SOFTWARE_TOKEN_MFA', { USERNAME: 'sel', SOFTWARE_TOKEN_MFA_CODE: code }, totpSession));
  });

  it('MFA_SETUP: AssociateSoftwareToken and VerifySoftwareToken with Sessions, then MFA_SETUP → tokens; TOTP from then on', async () => {
    const h = harness({ users: [USERS.setup] });
    const first = await h.srpLogin('setup', USERS.setup.password);
    const session = expectChallenge(first, 'MFA_SETUP');
    expect(first.body.ChallengeParameters).toEqual({ USER_ID_FOR_SRP: 'setup', MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' });
    const associated = await h.send('AssociateSoftwareToken', { Session: session });
    expect(associated.status).toBe(200);
    const { SecretCode, Session: afterAssociate } = associated.body;
    expect(SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(afterAssociate).toMatch(/^[A-Za-z0-9-_]{20,}$/);
    expectError(await h.send('AssociateSoftwareToken', { Session: session }), 'NotAuthorizedException', INVALID_SESSION);
    expectError(await h.send('VerifySoftwareToken', { Session: afterAssociate, UserCode: '12345' }), 'InvalidParameterException');

    const key = base32Decode(SecretCode!);
    const verified = await h.send('VerifySoftwareToken', { Session: afterAssociate, UserCode: await totp(key, { now: h.now() }), FriendlyDeviceName: 'phone' });
    expect(verified.body.Status).toBe('SUCCESS');
    expectTokens(await h.respond('MFA_SETUP', { USERNAME: 'setup' }, verified.body.Session));
    expect(h.pool.mfaOf('setup')).toEqual({ type: 'SOFTWARE_TOKEN_MFA', totpSecret: SecretCode });

    const next = await h.srpLogin('setup', USERS.setup.password);
    const mfa = expectChallenge(next, 'SOFTWARE_TOKEN_MFA');
    expect(next.body.ChallengeParameters?.FRIENDLY_DEVICE_NAME).toBe('phone');
    expectTokens(await h.respond('SOFTWARE_TOKEN_MFA', { USERNAME: 'setup', SOFTWARE_TOKEN_MFA_CODE: await totp(key, { now: h.now() }) }, mfa));
  });

  it('MFA_SETUP: a wrong TOTP is EnableSoftwareTokenMFAException; MFA_SETUP cannot be answered before it is verified', async () => {
    const h = harness({ users: [USERS.setup] });
    const session = expectChallenge(await h.passwordLogin('setup', USERS.setup.password), 'MFA_SETUP');
    const { SecretCode, Session } = (await h.send('AssociateSoftwareToken', { Session: session })).body;
    const stale = await totp(base32Decode(SecretCode!), { now: h.now().getTime() - 5 * 30_000 });
    expectError(await h.send('VerifySoftwareToken', { Session, UserCode: stale }), 'EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');
    expect(h.pool.mfaOf('setup')).toEqual({ type: 'MFA_SETUP' });
    const early = expectChallenge(await h.passwordLogin('setup', USERS.setup.password), 'MFA_SETUP');
    expectError(await h.respond('MFA_SETUP', { USERNAME: 'setup' }, early), 'NotAuthorizedException', INVALID_SESSION);
  });

  it('a Session answers its own challenge only, once, within 3 minutes of the pool clock', async () => {
    const h = harness({ users: [USERS.sam] });
    const session = expectChallenge(await h.passwordLogin('sam', USERS.sam.password), 'SMS_MFA');
    expectError(await h.respond('SOFTWARE_TOKEN_MFA', { USERNAME: 'sam', SOFTWARE_TOKEN_MFA_CODE: '123456' }, session), 'NotAuthorizedException', INVALID_SESSION);
    expectError(await h.respond('SMS_MFA', { USERNAME: 'sam', SMS_MFA_CODE: '123456' }, session), 'NotAuthorizedException', INVALID_SESSION);
    expectError(await h.respond('SMS_MFA', { USERNAME: 'sam', SMS_MFA_CODE: '123456' }, 'x'.repeat(64)), 'NotAuthorizedException', INVALID_SESSION);
    expectError(await h.respond('SMS_MFA', { USERNAME: 'sam', SMS_MFA_CODE: '123456' }), 'NotAuthorizedException', INVALID_SESSION);

    const late = expectChallenge(await h.passwordLogin('sam', USERS.sam.password), 'SMS_MFA');
    h.advance(3 * 60 * 1000 + 1000);
    expectError(await h.respond('SMS_MFA', { USERNAME: 'sam', SMS_MFA_CODE: '123456' }, late), 'NotAuthorizedException', 'Invalid session for the user, session is expired.');

    const other = expectChallenge(await h.passwordLogin('sam', USERS.sam.password), 'SMS_MFA');
    expectError(await h.respond('SMS_MFA', { USERNAME: 'alice', SMS_MFA_CODE: '123456' }, other), 'NotAuthorizedException', INVALID_SESSION);
  });
});

describe('remembered devices', () => {
  /** A login that gets NewDeviceMetadata, and ConfirmDevice for it. */
  async function rememberDevice(h: ReturnType<typeof harness>, username: string, password: string) {
    const login = await h.srpLogin(username, password);
    // Users with MFA answer it first; these tests use users without MFA for the first login.
    const result = expectTokens(login);
    const metadata = result.NewDeviceMetadata!;
    expect(metadata.DeviceKey).toMatch(/^eu-west-2_[0-9a-f-]{36}$/);
    expect(metadata.DeviceGroupKey).toMatch(/^-[A-Za-z0-9-_]+$/);
    const verifier = createDeviceVerifier({ deviceGroupKey: metadata.DeviceGroupKey, deviceKey: metadata.DeviceKey });
    const confirmed = await h.send('ConfirmDevice', { AccessToken: result.AccessToken, DeviceKey: metadata.DeviceKey, DeviceSecretVerifierConfig: verifier.DeviceSecretVerifierConfig, DeviceName: 'test' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ UserConfirmationNecessary: false });
    return { ...metadata, devicePassword: verifier.devicePassword, refreshToken: result.RefreshToken! };
  }

  it('an SRP login gets NewDeviceMetadata; ConfirmDevice stores it; a password login gets none', async () => {
    const h = harness({ users: [USERS.alice], deviceTracking: true });
    const device = await rememberDevice(h, 'alice', USERS.alice.password);
    expect(h.pool.devicesOf('alice')).toEqual([{ deviceKey: device.DeviceKey, deviceGroupKey: device.DeviceGroupKey, confirmed: true }]);
    expect(expectTokens(await h.passwordLogin('alice', USERS.alice.password)).NewDeviceMetadata).toBeUndefined();
    const { AccessToken } = expectTokens(await h.passwordLogin('alice', USERS.alice.password));
    expectError(await h.send('ConfirmDevice', { AccessToken: 'access.unknown', DeviceKey: device.DeviceKey }), 'NotAuthorizedException', 'Invalid Access Token');
    expectError(await h.send('ConfirmDevice', { AccessToken, DeviceKey: 'eu-west-2_00000000-0000-0000-0000-000000000000' }), 'InvalidParameterException', 'Invalid device key given.');
  });

  it('a confirmed DEVICE_KEY gets DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER instead of MFA', async () => {
    const h = harness({ users: [USERS.sam], deviceTracking: true });
    // First login: SMS_MFA, then tokens with NewDeviceMetadata, then ConfirmDevice.
    const sms = expectChallenge(await h.srpLogin('sam', USERS.sam.password), 'SMS_MFA');
    const result = expectTokens(await h.respond('SMS_MFA', { USERNAME: 'sam', SMS_MFA_CODE: '123456' }, sms));
    const metadata = result.NewDeviceMetadata!;
    const verifier = createDeviceVerifier({ deviceGroupKey: metadata.DeviceGroupKey, deviceKey: metadata.DeviceKey });
    const confirm = { AccessToken: result.AccessToken, DeviceKey: metadata.DeviceKey, DeviceSecretVerifierConfig: verifier.DeviceSecretVerifierConfig };
    expect((await h.send('ConfirmDevice', confirm)).status).toBe(200);

    // Next login with the device key (in AuthParameters and the PASSWORD_VERIFIER answer): the device, not SMS.
    const srpSession = expectChallenge(await h.srpLogin('sam', USERS.sam.password, metadata.DeviceKey), 'DEVICE_SRP_AUTH');
    const deviceSession = createSrpSession({ privateValueBits: 256 });
    const next = await h.respond('DEVICE_SRP_AUTH', { USERNAME: 'sam', DEVICE_KEY: metadata.DeviceKey, SRP_A: deviceSession.srpA }, srpSession);
    const verifierSession = expectChallenge(next, 'DEVICE_PASSWORD_VERIFIER');
    expect(next.body.ChallengeParameters).toMatchObject({ DEVICE_KEY: metadata.DeviceKey, USERNAME: 'sam' });
    const answer = respondToDevicePasswordVerifier(deviceSession, {
      deviceGroupKey: metadata.DeviceGroupKey,
      deviceKey: metadata.DeviceKey,
      devicePassword: verifier.devicePassword,
      challengeParameters: next.body.ChallengeParameters,
      now: h.now(),
    });
    const done = expectTokens(await h.respond('DEVICE_PASSWORD_VERIFIER', answer, verifierSession));
    expect(done.NewDeviceMetadata).toBeUndefined();
    expect(h.pool.devicesOf('sam')).toHaveLength(1);
  });

  it('a wrong device password is refused; device steps without a Session are accepted (older clients)', async () => {
    const h = harness({ users: [USERS.alice], deviceTracking: true });
    const device = await rememberDevice(h, 'alice', USERS.alice.password);
    const run = async (devicePassword: string, withSession: boolean) => {
      const srpSession = expectChallenge(await h.srpLogin('alice', USERS.alice.password, device.DeviceKey), 'DEVICE_SRP_AUTH');
      const session = createSrpSession({ privateValueBits: 256 });
      const next = await h.respond('DEVICE_SRP_AUTH', { USERNAME: 'alice', DEVICE_KEY: device.DeviceKey, SRP_A: session.srpA }, withSession ? srpSession : undefined);
      expect(next.body.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
      const answer = respondToDevicePasswordVerifier(session, {
        deviceGroupKey: device.DeviceGroupKey, deviceKey: device.DeviceKey, devicePassword, challengeParameters: next.body.ChallengeParameters, now: h.now(),
      });
      return h.respond('DEVICE_PASSWORD_VERIFIER', answer, withSession ? next.body.Session : undefined);
    };
    expectError(await run('not the device password', true), 'NotAuthorizedException', INCORRECT);
    expectTokens(await run(device.devicePassword, false));
    expectTokens(await run(device.devicePassword, true));
  });

  it('USER_PASSWORD_AUTH with a confirmed DEVICE_KEY gets DEVICE_SRP_AUTH; an unconfirmed one does not', async () => {
    const h = harness({ users: [USERS.alice], deviceTracking: true });
    const device = await rememberDevice(h, 'alice', USERS.alice.password);
    expectChallenge(await h.passwordLogin('alice', USERS.alice.password, { DEVICE_KEY: device.DeviceKey }), 'DEVICE_SRP_AUTH');
    const unconfirmed = expectTokens(await h.srpLogin('alice', USERS.alice.password)).NewDeviceMetadata!;
    const login = expectTokens(await h.passwordLogin('alice', USERS.alice.password, { DEVICE_KEY: unconfirmed.DeviceKey }));
    expect(login.NewDeviceMetadata).toBeUndefined();
  });

  it('tokens of a remembered device refresh only with its DEVICE_KEY', async () => {
    const h = harness({ users: [USERS.alice], deviceTracking: true });
    const device = await rememberDevice(h, 'alice', USERS.alice.password);
    expectError(await h.initiate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: device.refreshToken }), 'NotAuthorizedException', 'Invalid Refresh Token.');
    expectTokens(await h.initiate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: device.refreshToken, DEVICE_KEY: device.DeviceKey }), false);
  });
});

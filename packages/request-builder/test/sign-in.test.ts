// What the sign-in loop and `send` do without a server: the loop's refusals, driven by scripted replies, and `send`
// through a scripted fetch (canned Responses). Signing in against a server, every challenge kind through the loop,
// the Admin senders with `sign`, remembered devices and SECRET_HASH, is tested on the local pool:
// packages/local-pool/test/sign-in-loop.test.ts. Portable: it runs in workerd (no nodejs_compat), Deno, Bun and
// Chromium too.
import { describe, expect, it } from 'vitest';
import { CognitoServiceError, RequestValidationError, send, type AuthResponse, type HttpRequest } from '../src/index.js';
import { signIn, type PublicSenders, type SignInInput } from '../src/sign-in.js';

const USER_POOL_ID = 'eu-west-2_SignInPool1';
const CLIENT_ID = 'signinclient1';
const DESTINATION = { endpoint: 'https://cognito-idp.eu-west-2.amazonaws.com/' };
const AUTHORIZATION = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/eu-west-2/cognito-idp/aws4_request, SignedHeaders=host, Signature=0';
const TOKENS = { AccessToken: 'a.b.c', ExpiresIn: 3600, TokenType: 'Bearer', RefreshToken: 'r', IdToken: 'i.d.t' };

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

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
  /** A fetch answering every request with `body` as Cognito's JSON (status 200 unless given), and what it was sent. */
  function scriptedFetch(body: unknown, status = 200): { fetch: (request: Request) => Promise<Response>; seen: Request[] } {
    const seen: Request[] = [];
    const fetch = async (request: Request): Promise<Response> => {
      seen.push(request);
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'b0f1e2d3-0000-4000-8000-000000000001' } });
    };
    return { fetch, seen };
  }
  const request = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'alice', PASSWORD: 'Correct horse 1' } } as const;

  it('sends a built request through the injected fetch and reads the typed reply', async () => {
    const { fetch, seen } = scriptedFetch({ AuthenticationResult: TOKENS, ChallengeParameters: {}, Unmodelled: 'dropped' });
    const reply = await send('InitiateAuth', request, DESTINATION, { fetch });
    expect(reply).toEqual({ AuthenticationResult: TOKENS, ChallengeParameters: {} });
    expect(reply.AuthenticationResult?.TokenType).toBe('Bearer');
    const [sent] = seen;
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe(DESTINATION.endpoint);
    expect(sent?.headers.get('x-amz-target')).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(sent?.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(sent?.headers.get('authorization')).toBeNull();
    expect(await sent?.json()).toEqual(request);
    const error = await refusal(send('InitiateAuth', request, DESTINATION, { fetch: scriptedFetch({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }, 400).fetch }));
    expect(error).toBeInstanceOf(CognitoServiceError);
    expect(error).toMatchObject({ name: 'NotAuthorizedException', status: 400, requestId: 'b0f1e2d3-0000-4000-8000-000000000001' });
  });

  it('a sign hook may return a fetch Request (as aws4fetch does) or a plain request: the fetch sees its Authorization', async () => {
    const admin = { UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Correct horse 1' } } as const;
    const asRequest = async (http: HttpRequest) => new Request(http.url, { method: http.method, headers: { ...http.headers, Authorization: AUTHORIZATION }, body: http.body });
    const asPlain = (http: HttpRequest): HttpRequest => ({ ...http, headers: { ...http.headers, Authorization: AUTHORIZATION } });
    for (const sign of [asRequest, asPlain]) {
      const { fetch, seen } = scriptedFetch({ AuthenticationResult: TOKENS });
      expect((await send('AdminInitiateAuth', admin, DESTINATION, { fetch, sign })).AuthenticationResult).toEqual(TOKENS);
      expect(seen[0]?.headers.get('authorization')).toBe(AUTHORIZATION);
      expect(seen[0]?.headers.get('x-amz-target')).toBe('AWSCognitoIdentityProviderService.AdminInitiateAuth');
      expect(await seen[0]?.json()).toEqual(admin);
    }
    const unsigned = scriptedFetch({ AuthenticationResult: TOKENS });
    expect(await refusal(send('AdminInitiateAuth', admin, DESTINATION, { fetch: unsigned.fetch }))).toMatchObject({ code: 'REQUIRED', path: 'options.sign' });
    expect(unsigned.seen).toEqual([]);
  });

  it('refuses options of the wrong type and passes the abort signal on', async () => {
    await expect(send('InitiateAuth', request, DESTINATION, { fetch: 'fetch' as never })).rejects.toMatchObject({ code: 'INVALID_TYPE', path: 'options.fetch' });
    await expect(send('InitiateAuth', request, DESTINATION, { sign: 5 as never })).rejects.toMatchObject({ code: 'INVALID_TYPE', path: 'options.sign' });
    const controller = new AbortController();
    controller.abort();
    const { fetch, seen } = scriptedFetch({ AuthenticationResult: TOKENS });
    await send('InitiateAuth', request, DESTINATION, { fetch, signal: controller.signal });
    expect(seen[0]?.signal.aborted).toBe(true);
  });
});

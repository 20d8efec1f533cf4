// The endpoint on the wire: Cognito's error format and headers, the model's validation messages, unknown
// operations, unsigned Admin calls, the body limit, CORS, the well-known routes, routing across pools, and log lines
// that never hold a secret. Portable.
import { signIn } from '@cognito-kit/request-builder/sign-in';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../src/index.js';
import { CLIENT_ID, ENDPOINT, PASSWORD, POOL_ID, basicConfig, claimsOf, setUp, type Harness } from './helpers/harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function get(h: Harness, path: string, method = 'GET'): Promise<Response> {
  return h.pools.fetch(new Request(new URL(path, ENDPOINT), { method }));
}

describe('replies on the wire', () => {
  it('an error: HTTP 400, {"__type","message"}, x-amzn-ErrorType with its colon, x-amzn-ErrorMessage, x-amzn-RequestId', async () => {
    const h = setUp(basicConfig());
    const reply = await h.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'alice', PASSWORD: 'Wrong horse 1!' } });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toBe('{"__type":"NotAuthorizedException","message":"Incorrect username or password."}');
    expect(reply.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(reply.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException:');
    expect(reply.headers.get('x-amzn-errormessage')).toBe('Incorrect username or password.');
    expect(reply.headers.get('x-amzn-requestid')).toMatch(UUID);
  });

  it('a success carries x-amzn-RequestId and the JSON content type, and ChallengeParameters {} with the tokens', async () => {
    const h = setUp(basicConfig());
    const reply = await h.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'alice', PASSWORD } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(reply.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(reply.body.ChallengeParameters).toEqual({});
    expect(Object.keys(reply.body.AuthenticationResult ?? {})).toEqual(['AccessToken', 'ExpiresIn', 'TokenType', 'RefreshToken', 'IdToken']);
  });
});

describe('the model`s checks', () => {
  it('missing required members, every one: "N validation errors detected: Value null at …"', async () => {
    const h = setUp(basicConfig());
    expect((await h.call('InitiateAuth', {})).body).toEqual({
      __type: 'InvalidParameterException',
      message:
        "2 validation errors detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null; Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    });
  });

  it('an enum, a pattern (a sensitive value not repeated), a length, a nested member', async () => {
    const h = setUp(basicConfig());
    const flow = await h.call('InitiateAuth', { AuthFlow: 'MAGIC', ClientId: CLIENT_ID });
    expect(flow.body.message).toBe(
      "1 validation error detected: Value 'MAGIC' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]",
    );
    const client = await h.call('RespondToAuthChallenge', { ClientId: 'not a client!', ChallengeName: 'SMS_MFA', Session: 'short' });
    expect(client.body.message).toBe(
      "2 validation errors detected: Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+; Value at 'session' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
    const nested = await h.call('AdminCreateUser', { UserPoolId: POOL_ID, Username: 'x', UserAttributes: [{ Value: 'v' }] }, { signed: true });
    expect(nested.body.message).toBe("1 validation error detected: Value null at 'userAttributes.1.member.name' failed to satisfy constraint: Member must not be null");
    const code = await h.call('VerifySoftwareToken', { Session: 'a'.repeat(20), UserCode: '12a' });
    expect(code.body.message).toBe(
      "2 validation errors detected: Value at 'userCode' failed to satisfy constraint: Member must have length greater than or equal to 6; Value at 'userCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+",
    );
  });

  it('a member of the wrong JSON type, or a body that is not a JSON object, is a SerializationException', async () => {
    const h = setUp(basicConfig());
    const number = await h.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: 5 });
    expect(number.body).toEqual({ __type: 'com.amazon.coral.service#SerializationException', message: 'NUMBER_VALUE cannot be converted to String' });
    expect(number.headers.get('x-amzn-errortype')).toBe('SerializationException:');
    const map = await h.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: CLIENT_ID, AuthParameters: ['USERNAME'] });
    expect(map.body.__type).toBe('com.amazon.coral.service#SerializationException');
    for (const body of ['{not json', '[]', '"text"']) expect((await h.call('InitiateAuth', body)).body.__type).toBe('com.amazon.coral.service#SerializationException');
  });
});

describe('what the endpoint refuses before the operation', () => {
  it('an operation Cognito does not have, or one the local pool does not emulate: UnknownOperationException', async () => {
    const h = setUp(basicConfig());
    const unknown = await h.call('ListUsers', { UserPoolId: POOL_ID }, { signed: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.__type).toBe('com.amazon.coral.service#UnknownOperationException');
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException:');
    const untargeted = await h.call('InitiateAuth', {}, { headers: { 'X-Amz-Target': 'SomethingElse.InitiateAuth' } });
    expect(untargeted.body.__type).toBe('com.amazon.coral.service#UnknownOperationException');
  });

  it('an Admin operation without a SigV4 Authorization header is refused as AWS refuses it; any signature is accepted', async () => {
    const h = setUp(basicConfig());
    const body = { UserPoolId: POOL_ID, Username: 'alice' };
    const unsigned = await h.call('AdminGetUser', body);
    expect(unsigned.body).toEqual({ __type: 'com.amazon.coral.service#MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' });
    expect((await h.call('AdminGetUser', body, { headers: { Authorization: 'Bearer abc' } })).body.__type).toBe('com.amazon.coral.service#MissingAuthenticationTokenException');
    expect((await h.call('AdminGetUser', body, { signed: true })).status).toBe(200);
    expect((await h.call('AdminInitiateAuth', { UserPoolId: POOL_ID, ClientId: CLIENT_ID, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } })).body.__type).toBe(
      'com.amazon.coral.service#MissingAuthenticationTokenException',
    );
  });

  it('a body over the limit is refused (HTTP 413) without being read to its end', async () => {
    const h = setUp(basicConfig());
    const big = await h.call('InitiateAuth', JSON.stringify({ AuthFlow: 'USER_SRP_AUTH', ClientId: CLIENT_ID, ClientMetadata: { pad: 'x'.repeat(MAX_BODY_BYTES) } }));
    expect(big.status).toBe(413);
    expect(big.body.__type).toBe('RequestEntityTooLargeException');
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const init = { method: 'POST', headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' }, body: endless, duplex: 'half' as const };
    const response = await h.pools.fetch(new Request(ENDPOINT, init));
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 4 * chunk.byteLength);
  });
});

describe('CORS', () => {
  it('preflights are answered with the headers asked for; replies expose the x-amzn headers', async () => {
    const h = setUp(basicConfig());
    const origin = 'http://localhost:5173';
    // A browser's Request drops Origin and Access-Control-Request-* (forbidden headers): the pool then answers for any.
    const kept = new Request(ENDPOINT, { headers: { Origin: origin, 'Access-Control-Request-Headers': 'x-amz-target' } }).headers;
    const preflight = await h.pools.fetch(
      new Request(ENDPOINT, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-amz-target,x-amz-user-agent' } }),
    );
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(kept.has('origin') ? origin : '*');
    const allowed = preflight.headers.get('access-control-allow-headers');
    if (kept.has('access-control-request-headers')) expect(allowed).toBe('content-type,x-amz-target,x-amz-user-agent');
    else expect(allowed).toContain('x-amz-target');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const bare = await h.pools.fetch(new Request(ENDPOINT, { method: 'OPTIONS' }));
    expect(bare.headers.get('access-control-allow-headers')).toBe(
      'content-type,x-amz-target,x-amz-user-agent,authorization,x-amz-date,x-amz-security-token,x-amz-content-sha256,amz-sdk-invocation-id,amz-sdk-request,cache-control',
    );
    expect(bare.headers.get('access-control-allow-origin')).toBe('*');
    const reply = await h.call('InitiateAuth', {}, { headers: { Origin: origin } });
    expect(reply.headers.get('access-control-allow-origin')).toBe(kept.has('origin') ? origin : '*');
    expect(reply.headers.get('access-control-expose-headers')).toBe('x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date');
  });
});

describe('the well-known routes', () => {
  it('GET /<poolId>/.well-known/jwks.json and openid-configuration; 404 for another pool or path; 405 for another method', async () => {
    const h = setUp(basicConfig());
    const jwks = await get(h, `/${POOL_ID}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(jwks.headers.get('content-type')).toBe('application/json');
    const { keys } = (await jwks.json()) as { keys: { kid: string; alg: string; kty: string; use: string }[] };
    expect(keys).toHaveLength(2);
    expect(keys.map((key) => [key.alg, key.kty, key.use])).toEqual([['RS256', 'RSA', 'sig'], ['RS256', 'RSA', 'sig']]);
    const openid = (await (await get(h, `/${POOL_ID}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(openid).toMatchObject({ issuer: `https://cognito-idp.eu-west-2.amazonaws.com/${POOL_ID}`, jwks_uri: `https://cognito-idp.eu-west-2.amazonaws.com/${POOL_ID}/.well-known/jwks.json` });
    const missing = await get(h, '/eu-west-2_Nothing/.well-known/jwks.json');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool eu-west-2_Nothing does not exist.' });
    expect((await get(h, '/somewhere')).status).toBe(404);
    const put = await get(h, '/', 'PUT');
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST, GET, OPTIONS');
  });

  it('an issuer override: the tokens carry it, openid-configuration names it, and access tokens are routed by it', async () => {
    const issuer = `http://127.0.0.1:9229/${POOL_ID}`;
    const h = setUp(basicConfig({ issuer }));
    const openid = (await (await get(h, `/${POOL_ID}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(openid.jwks_uri).toBe(`${issuer}/.well-known/jwks.json`);
    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD, now: h.now });
    if (!step.signedIn) throw new Error(step.challengeName);
    expect(claimsOf(step.authenticationResult.IdToken).iss).toBe(issuer);
    expect((await h.call('GetUser', { AccessToken: step.authenticationResult.AccessToken })).status).toBe(200);
  });
});

describe('several pools', () => {
  it('public operations are routed by ClientId, token operations by the token`s issuer', async () => {
    const config = basicConfig();
    config.userPools.push({ id: 'us-east-1_SecondPool', clients: [{ id: 'secondclient0123456789abc' }], users: [{ username: 'alice', password: 'Second pool 1!' }] });
    const h = setUp(config);
    const first = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'alice', password: PASSWORD, now: h.now });
    const second = await signIn({ send: h.senders, userPoolId: 'us-east-1_SecondPool', clientId: 'secondclient0123456789abc', username: 'alice', password: 'Second pool 1!', now: h.now });
    if (!first.signedIn || !second.signedIn) throw new Error('expected tokens');
    expect(claimsOf(second.authenticationResult.AccessToken).iss).toBe('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_SecondPool');
    const user = await h.call('GetUser', { AccessToken: second.authenticationResult.AccessToken });
    expect(user.body.UserAttributes).toEqual([{ Name: 'sub', Value: h.pools.getUser('us-east-1_SecondPool', 'alice')?.sub }]);
    const unknown = await h.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: 'nosuchclient', AuthParameters: { USERNAME: 'alice', SRP_A: 'ab' } });
    expect(unknown.body).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' });
    expect(h.pools.userPools.map((pool) => pool.userPoolId)).toEqual([POOL_ID, 'us-east-1_SecondPool']);
  });
});

describe('log lines', () => {
  it('one per request, and never a password, token or code', async () => {
    const h = setUp(basicConfig({ users: [{ username: 'sam', password: PASSWORD, attributes: { phone_number: '+447700900123' }, userMFASettingList: ['SMS_MFA'] }] }));
    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, clientId: CLIENT_ID, username: 'sam', password: PASSWORD, now: h.now });
    if (step.signedIn || step.challengeName !== 'SMS_MFA') throw new Error('expected SMS_MFA');
    const code = h.pools.sentCodes().at(-1)?.code ?? '';
    const done = await step.answer({ SMS_MFA_CODE: code });
    if (!done.signedIn) throw new Error(done.challengeName);
    await h.call('GetUser', { AccessToken: done.authenticationResult.AccessToken });
    const messages = h.log.map((line) => line.message);
    expect(h.log.filter((line) => line.event === 'request').map((line) => line.message)).toEqual([
      'InitiateAuth 200',
      'RespondToAuthChallenge 200',
      'RespondToAuthChallenge 200',
      'GetUser 200',
    ]);
    expect(h.log.map((line) => line.event)).toContain('signed-in');
    const all = JSON.stringify(h.log);
    for (const secret of [PASSWORD, code, done.authenticationResult.AccessToken, done.authenticationResult.RefreshToken, done.authenticationResult.IdToken, step.session]) {
      expect(all).not.toContain(secret);
    }
    expect(messages.some((message) => message.includes('SMS_MFA code for sam'))).toBe(true);
  });
});

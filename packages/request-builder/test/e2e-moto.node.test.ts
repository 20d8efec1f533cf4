// End to end against moto, a Cognito emulator on loopback (start it with `node scripts/moto.mjs start`, which prints
// MOTO_ENDPOINT). Each built request is sent both through the AWS SDK v3 client and as the raw HTTP request of
// toHttpRequest (SigV4-signed with aws4fetch for the Admin operations), and moto's answer is checked.
//
// Without MOTO_ENDPOINT the suite is skipped, unless REQUIRE_MOTO is set (CI): then it fails.
//
// What moto 5.2.1 checks (moto/cognitoidp/models.py), and so what these tests can prove:
// - the password (ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH), that the pool and client exist
//   and, on AdminInitiateAuth, belong together; that a refresh token is one it issued, but not to which client (an
//   unknown one makes AdminInitiateAuth fail with HTTP 500, a KeyError in moto);
// - SECRET_HASH, a real HMAC, but only on InitiateAuth USER_SRP_AUTH (over USERNAME) and REFRESH_TOKEN(_AUTH) (over
//   the USERNAME of the login that issued the refresh token), for a client with a secret; never on AdminInitiateAuth
//   or USER_PASSWORD_AUTH, so no test here claims SECRET_HASH is checked there.
// Not checked: SigV4 signatures (the Admin requests are signed, but moto would take them unsigned), ExplicitAuthFlows,
// and SRP. Its PASSWORD_VERIFIER carries random SALT and SRP_B and it accepts any PASSWORD_CLAIM_SIGNATURE, so no
// SRP answer is tested here: the SRP math is proved against the reference clients and the server half of
// @cognito-kit/srp (packages/srp/test), not against moto.
import { secretHash } from '@cognito-kit/srp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAdminInitiateAuth, buildInitiateAuth, type AuthFlow } from '../src/index.js';
import {
  createPool,
  fetchSender,
  jwtClaims,
  motoClient,
  resetMoto,
  sdkSender,
  type MotoPool,
  type Outcome,
  type Sender,
} from './helpers/moto.js';

const endpoint = process.env.MOTO_ENDPOINT || undefined;
const required = !['', '0', 'false'].includes(process.env.REQUIRE_MOTO ?? '');

describe.runIf(required && endpoint === undefined)('moto end to end (REQUIRE_MOTO is set)', () => {
  it('has a MOTO_ENDPOINT', () => {
    expect.fail('REQUIRE_MOTO is set but MOTO_ENDPOINT is not: run `node scripts/moto.mjs start` and export the MOTO_ENDPOINT it prints');
  });
});

/** An answer with tokens that moto issued to `clientId` for the user. */
function expectTokens(outcome: Outcome, clientId: string, user: MotoPool['user'], { refreshToken }: { refreshToken: boolean }) {
  expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, status: 200 });
  if (!outcome.ok) return;
  const result = outcome.reply.AuthenticationResult;
  expect(outcome.reply.ChallengeName).toBeUndefined();
  expect(result).toMatchObject({ TokenType: 'Bearer', ExpiresIn: expect.any(Number), AccessToken: expect.any(String), IdToken: expect.any(String) });
  expect(result?.RefreshToken === undefined).toBe(!refreshToken);
  expect(jwtClaims(result!.AccessToken!)).toMatchObject({ token_use: 'access', client_id: clientId, username: user.username, sub: user.sub });
  expect(jwtClaims(result!.IdToken!)).toMatchObject({ token_use: 'id', aud: clientId, 'cognito:username': user.username, sub: user.sub });
}

/**
 * A refusal: HTTP 400 and the error type (the raw `__type`, or the SDK's error name) ending in `errorType`. With
 * `message`, moto's message too, which tells which check refused the request (see the call sites).
 */
function expectRefused(outcome: Outcome, errorType: string, message?: string) {
  expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: false, status: 400 });
  if (outcome.ok) return;
  expect(outcome.errorType.endsWith(errorType), `error type ${outcome.errorType}`).toBe(true);
  if (message !== undefined) expect(outcome.message).toBe(message);
}

/** A PASSWORD_VERIFIER challenge for the user (moto's SALT, SRP_B and SECRET_BLOCK are random placeholders). */
function expectPasswordVerifier(outcome: Outcome, user: MotoPool['user']) {
  expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, status: 200 });
  if (!outcome.ok) return;
  expect(outcome.reply.ChallengeName).toBe('PASSWORD_VERIFIER');
  expect(outcome.reply.AuthenticationResult).toBeUndefined();
  expect(outcome.reply.ChallengeParameters).toMatchObject({
    USERNAME: user.username,
    USER_ID_FOR_SRP: expect.any(String),
    SALT: expect.stringMatching(/^[0-9a-f]+$/),
    SRP_B: expect.stringMatching(/^[0-9a-f]+$/),
    SECRET_BLOCK: expect.any(String),
  });
}

/** The same secret with its last character changed: a SECRET_HASH over it is well formed but wrong. */
const wrongSecret = (secret: string) => secret.slice(0, -1) + (secret.endsWith('0') ? '1' : '0');

const REFRESH_FLOWS = ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'] as const satisfies readonly AuthFlow[];

describe.skipIf(endpoint === undefined)('against moto (MOTO_ENDPOINT)', () => {
  const url = endpoint ?? 'http://127.0.0.1:1'; // never used when skipped
  const client = motoClient(url);
  let pool: MotoPool;

  beforeAll(async () => {
    await resetMoto(url);
    pool = await createPool(client);
  }, 30_000);

  it("takes moto's client secret (a UUID, not Cognito's shape): the secret is never sent, only hashed", () => {
    const { clientId, clientSecret } = pool.secretClient;
    const { request } = buildInitiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId, clientSecret, username: pool.user.username, password: 'x' });
    expect(request.AuthParameters!.SECRET_HASH).toBe(secretHash(pool.user.username, clientId, clientSecret));
    expect(JSON.stringify(request)).not.toContain(clientSecret);
  });

  describe.each<Sender>([sdkSender(client), fetchSender(url)])('sent through $name', (sender) => {
    /** ADMIN_USER_PASSWORD_AUTH with the client without a secret. */
    const adminLogin = (password = pool.user.password) =>
      buildAdminInitiateAuth({
        authFlow: 'ADMIN_USER_PASSWORD_AUTH',
        userPoolId: pool.userPoolId,
        clientId: pool.publicClient.clientId,
        username: pool.user.username,
        password,
      }).request;

    describe('AdminInitiateAuth', () => {
      it('ADMIN_USER_PASSWORD_AUTH returns tokens', async () => {
        expectTokens(await sender.send('AdminInitiateAuth', adminLogin()), pool.publicClient.clientId, pool.user, { refreshToken: true });
      });

      it('ADMIN_NO_SRP_AUTH returns tokens', async () => {
        const { request } = buildAdminInitiateAuth({
          authFlow: 'ADMIN_NO_SRP_AUTH',
          userPoolId: pool.userPoolId,
          clientId: pool.publicClient.clientId,
          username: pool.user.username,
          password: pool.user.password,
        });
        expectTokens(await sender.send('AdminInitiateAuth', request), pool.publicClient.clientId, pool.user, { refreshToken: true });
      });

      it('a wrong password is refused with NotAuthorizedException', async () => {
        // moto found the user and compared the password: its message for exactly that refusal is the username.
        expectRefused(await sender.send('AdminInitiateAuth', adminLogin(`${pool.user.password}x`)), 'NotAuthorizedException', pool.user.username);
      });

      it.each(REFRESH_FLOWS)('%s with the refresh token of a login returns new tokens', async (authFlow) => {
        const login = await sender.send('AdminInitiateAuth', adminLogin());
        const refreshToken = login.ok ? login.reply.AuthenticationResult?.RefreshToken : undefined;
        expect(refreshToken, JSON.stringify(login)).toEqual(expect.any(String));
        const { request } = buildAdminInitiateAuth({ authFlow, userPoolId: pool.userPoolId, clientId: pool.publicClient.clientId, refreshToken: refreshToken! });
        const refreshed = await sender.send('AdminInitiateAuth', request);
        // No new refresh token: moto, like Cognito without refresh-token rotation, keeps the old one.
        expectTokens(refreshed, pool.publicClient.clientId, pool.user, { refreshToken: false });
        if (refreshed.ok && login.ok) expect(refreshed.reply.AuthenticationResult!.AccessToken).not.toBe(login.reply.AuthenticationResult!.AccessToken);
      });
    });

    describe('InitiateAuth', () => {
      const passwordLogin = (clientId: string, password = pool.user.password, clientSecret?: string) =>
        buildInitiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId, username: pool.user.username, password, ...(clientSecret === undefined ? {} : { clientSecret }) })
          .request;

      it('USER_PASSWORD_AUTH returns tokens', async () => {
        expectTokens(await sender.send('InitiateAuth', passwordLogin(pool.publicClient.clientId)), pool.publicClient.clientId, pool.user, { refreshToken: true });
      });

      it('USER_PASSWORD_AUTH with a wrong password is refused with NotAuthorizedException', async () => {
        // The message moto gives only after comparing the password of the user it found.
        expectRefused(
          await sender.send('InitiateAuth', passwordLogin(pool.publicClient.clientId, `${pool.user.password}x`)),
          'NotAuthorizedException',
          'Incorrect username or password.',
        );
      });

      describe('USER_SRP_AUTH: moto checks SECRET_HASH (over USERNAME) for a client with a secret', () => {
        const srpStart = (clientId: string, clientSecret?: string) =>
          buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId, username: pool.user.username, ...(clientSecret === undefined ? {} : { clientSecret }) }).request;

        it('the client without a secret answers PASSWORD_VERIFIER without SECRET_HASH', async () => {
          expectPasswordVerifier(await sender.send('InitiateAuth', srpStart(pool.publicClient.clientId)), pool.user);
        });

        it('the client with a secret answers PASSWORD_VERIFIER to the right SECRET_HASH', async () => {
          const request = srpStart(pool.secretClient.clientId, pool.secretClient.clientSecret);
          expectPasswordVerifier(await sender.send('InitiateAuth', request), pool.user);
        });

        it('a SECRET_HASH from a wrong secret is refused with NotAuthorizedException', async () => {
          const request = srpStart(pool.secretClient.clientId, wrongSecret(pool.secretClient.clientSecret));
          // moto's message for a failed SECRET_HASH check is the hash it was sent (models.py, initiate_auth).
          expectRefused(await sender.send('InitiateAuth', request), 'NotAuthorizedException', request.AuthParameters!.SECRET_HASH);
        });

        it('no SECRET_HASH is refused with NotAuthorizedException', async () => {
          // Its message is empty (the SDK reports it as "UnknownError"); the request differs from the accepted one
          // above only by the missing SECRET_HASH.
          expectRefused(await sender.send('InitiateAuth', srpStart(pool.secretClient.clientId)), 'NotAuthorizedException');
        });
      });

      describe('REFRESH_TOKEN_AUTH: moto checks SECRET_HASH over the username the refresh token was issued to', () => {
        let refreshToken: string;
        const refresh = (authFlow: (typeof REFRESH_FLOWS)[number], username: string, secret: string) =>
          buildInitiateAuth({ authFlow, clientId: pool.secretClient.clientId, refreshToken, username, clientSecret: secret }).request;

        beforeAll(async () => {
          // Log in with the secret client (moto does not check SECRET_HASH here; Cognito would, so it is sent).
          const login = passwordLogin(pool.secretClient.clientId, pool.user.password, pool.secretClient.clientSecret);
          const outcome = await sender.send('InitiateAuth', login);
          expectTokens(outcome, pool.secretClient.clientId, pool.user, { refreshToken: true });
          refreshToken = outcome.ok ? outcome.reply.AuthenticationResult!.RefreshToken! : '';
        });

        it.each(REFRESH_FLOWS)('%s with SECRET_HASH over the username returns tokens', async (authFlow) => {
          const outcome = await sender.send('InitiateAuth', refresh(authFlow, pool.user.username, pool.secretClient.clientSecret));
          expectTokens(outcome, pool.secretClient.clientId, pool.user, { refreshToken: false });
        });

        it('a SECRET_HASH from a wrong secret is refused with NotAuthorizedException', async () => {
          const request = refresh('REFRESH_TOKEN_AUTH', pool.user.username, wrongSecret(pool.secretClient.clientSecret));
          expectRefused(await sender.send('InitiateAuth', request), 'NotAuthorizedException', request.AuthParameters!.SECRET_HASH);
        });

        it('a SECRET_HASH over the sub instead of the username is refused with NotAuthorizedException', async () => {
          const request = refresh('REFRESH_TOKEN_AUTH', pool.user.sub, pool.secretClient.clientSecret);
          expectRefused(await sender.send('InitiateAuth', request), 'NotAuthorizedException', request.AuthParameters!.SECRET_HASH);
        });
      });
    });
  });
});

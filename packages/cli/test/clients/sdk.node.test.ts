// The AWS SDK for JavaScript v3 (@aws-sdk/client-cognito-identity-provider) against `cognito-kit serve` over HTTP
// on loopback (`endpoint`). The SDK builds, signs (SigV4, for the Admin operations) and parses every request; the SRP
// math comes from @cognito-kit/srp (createSrpSession, respondToPasswordVerifier, secretHash), as the README shows.
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { createSrpSession, respondToPasswordVerifier, secretHash } from '@cognito-kit/srp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoClaims, jwtPayload, rejection, useLocalPool } from './js-helpers.js';

const POOL_ID = 'eu-west-2_SdkPool1';
const PUBLIC_CLIENT = 'sdkpublicclient01234567890';
const SECRET_CLIENT = 'sdksecretclient01234567890';
const CLIENT_SECRET = 'sdk0client0secret0for0the0local0pool0abcdefgh';
const ALICE = { username: 'alice', password: 'Sdk-alice-Pa55word!', email: 'alice@example.com' };
const DAVE = { username: 'dave', temporary: 'Temporary-dave-1!', password: 'Permanent-dave-2@', email: 'dave@example.com' };

const EMAIL_POOL_ID = 'us-east-1_SdkEmail1';
const EMAIL_CLIENT = 'sdkemailclient012345678901';
const EMAIL_SECRET = 'sdk0email0client0secret0for0the0local0pool00';
const CAROL = { email: 'carol@example.com', sub: '6f0c3a52-8a8e-4a44-9d4b-4e4b1c2d3e4f', password: 'Sdk-carol-Pa55word!' };

const FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'];
const pool = useLocalPool(
  {
    userPools: [
      {
        id: POOL_ID,
        clients: [
          { id: PUBLIC_CLIENT, name: 'sdk public', explicitAuthFlows: FLOWS },
          { id: SECRET_CLIENT, name: 'sdk with a secret', secret: CLIENT_SECRET, explicitAuthFlows: FLOWS },
        ],
        users: [{ username: ALICE.username, password: ALICE.password, attributes: { email: ALICE.email } }],
      },
      {
        id: EMAIL_POOL_ID,
        usernameAttributes: ['email'],
        clients: [{ id: EMAIL_CLIENT, name: 'sign in by e-mail', secret: EMAIL_SECRET, explicitAuthFlows: FLOWS }],
        users: [{ username: CAROL.email, sub: CAROL.sub, password: CAROL.password }],
      },
    ],
  },
  () => [DAVE.temporary, DAVE.password],
);

let cognito: CognitoIdentityProviderClient;
/** The Authorization header of each request the SDK sent, after its signing middleware ran. */
const authorizations: Array<{ operation: string; authorization: string | undefined }> = [];

beforeAll(() => {
  cognito = new CognitoIdentityProviderClient({
    region: 'eu-west-2',
    endpoint: pool().url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  });
  cognito.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      authorizations.push({ operation: String(context.commandName).replace(/Command$/, ''), authorization: request.headers?.authorization });
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'recordAuthorization' },
  );
});
afterAll(() => cognito.destroy());

/** USER_SRP_AUTH with the SDK and @cognito-kit/srp: InitiateAuth, then the PASSWORD_VERIFIER answer. */
async function srpLogin(input: {
  clientId: string;
  username: string;
  password: string;
  clientSecret?: string;
  userPoolId?: string;
  /** Changes the answer before it is sent (a wrong SECRET_HASH). */
  tamper?: (responses: Record<string, string>) => void;
}): Promise<{ result: AuthenticationResultType | undefined; challengeParameters: Record<string, string> }> {
  const session = createSrpSession();
  const AuthParameters: Record<string, string> = { USERNAME: input.username, SRP_A: session.srpA };
  if (input.clientSecret !== undefined) AuthParameters.SECRET_HASH = secretHash(input.username, input.clientId, input.clientSecret);
  const challenge = await cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: input.clientId, AuthParameters }));
  expect(challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
  expect(challenge.Session).toBeUndefined(); // as Cognito: the SRP state is in SECRET_BLOCK
  const ChallengeResponses: Record<string, string> = respondToPasswordVerifier(session, {
    userPoolId: input.userPoolId ?? POOL_ID,
    password: input.password,
    challengeParameters: challenge.ChallengeParameters,
    ...(input.clientSecret === undefined ? {} : { clientId: input.clientId, clientSecret: input.clientSecret }),
  });
  input.tamper?.(ChallengeResponses);
  const answer = await cognito.send(new RespondToAuthChallengeCommand({ ChallengeName: 'PASSWORD_VERIFIER', ClientId: input.clientId, ChallengeResponses, Session: challenge.Session }));
  return { result: answer.AuthenticationResult, challengeParameters: challenge.ChallengeParameters ?? {} };
}

async function refresh(clientId: string, refreshToken: string, secretHashOver?: { username: string; secret: string }) {
  const AuthParameters: Record<string, string> = { REFRESH_TOKEN: refreshToken };
  if (secretHashOver !== undefined) AuthParameters.SECRET_HASH = secretHash(secretHashOver.username, clientId, secretHashOver.secret);
  return cognito.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters }));
}

describe('AWS SDK v3 (endpoint) + @cognito-kit/srp against cognito-kit serve', () => {
  it('USER_SRP_AUTH on a public client gets tokens; a wrong password is NotAuthorizedException', async () => {
    const { result, challengeParameters } = await srpLogin({ clientId: PUBLIC_CLIENT, username: ALICE.username, password: ALICE.password });
    expect(challengeParameters).toMatchObject({ USER_ID_FOR_SRP: 'alice', USERNAME: 'alice' });
    expect(Object.keys(challengeParameters).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect(result).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expectCognitoClaims(result?.IdToken, result?.AccessToken, { userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, username: 'alice', email: ALICE.email });

    const wrong = await rejection(srpLogin({ clientId: PUBLIC_CLIENT, username: ALICE.username, password: 'Sdk-alice-Pa55word?' }));
    expect([wrong.name, wrong.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.']);
  });

  it('USER_SRP_AUTH with a client secret: SECRET_HASH over the name, then over USER_ID_FOR_SRP; a wrong one is refused', async () => {
    const { result } = await srpLogin({ clientId: SECRET_CLIENT, username: ALICE.username, password: ALICE.password, clientSecret: CLIENT_SECRET });
    expect(jwtPayload(result?.AccessToken).client_id).toBe(SECRET_CLIENT);

    const wrongAtStart = await rejection(srpLogin({ clientId: SECRET_CLIENT, username: ALICE.username, password: ALICE.password, clientSecret: `${CLIENT_SECRET}x` }));
    expect([wrongAtStart.name, wrongAtStart.message]).toEqual(['NotAuthorizedException', `Unable to verify secret hash for client ${SECRET_CLIENT}`]);

    const wrongInAnswer = await rejection(
      srpLogin({
        clientId: SECRET_CLIENT,
        username: ALICE.username,
        password: ALICE.password,
        clientSecret: CLIENT_SECRET,
        tamper: (responses) => (responses.SECRET_HASH = secretHash('alice', SECRET_CLIENT, `${CLIENT_SECRET}x`)),
      }),
    );
    expect([wrongInAnswer.name, wrongInAnswer.message]).toEqual(['NotAuthorizedException', `Unable to verify secret hash for client ${SECRET_CLIENT}`]);

    const missing = await rejection(cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: SECRET_CLIENT, AuthParameters: { USERNAME: 'alice', SRP_A: createSrpSession().srpA } })));
    expect(missing.name).toBe('NotAuthorizedException');
    expect(missing.message).toMatch(new RegExp(`^Client ${SECRET_CLIENT} is configured (for|with) secret but (SECRET_HASH|secret) was not received$`));

    const wrongPassword = await rejection(srpLogin({ clientId: SECRET_CLIENT, username: ALICE.username, password: `${ALICE.password}x`, clientSecret: CLIENT_SECRET }));
    expect([wrongPassword.name, wrongPassword.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.']);
  });

  it('AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH, SigV4-signed by the SDK: tokens; wrong password and wrong SECRET_HASH refused', async () => {
    authorizations.splice(0);
    const reply = await cognito.send(
      new AdminInitiateAuthCommand({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'alice', PASSWORD: ALICE.password } }),
    );
    expect(authorizations[0]?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/cognito-idp\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/);
    expectCognitoClaims(reply.AuthenticationResult?.IdToken, reply.AuthenticationResult?.AccessToken, { userPoolId: POOL_ID, clientId: PUBLIC_CLIENT, username: 'alice', email: ALICE.email });

    const wrong = await rejection(
      cognito.send(new AdminInitiateAuthCommand({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'alice', PASSWORD: `${ALICE.password}x` } })),
    );
    expect([wrong.name, wrong.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.']);

    const admin = (hash: string) =>
      cognito.send(
        new AdminInitiateAuthCommand({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', UserPoolId: POOL_ID, ClientId: SECRET_CLIENT, AuthParameters: { USERNAME: 'alice', PASSWORD: ALICE.password, SECRET_HASH: hash } }),
      );
    expect((await admin(secretHash('alice', SECRET_CLIENT, CLIENT_SECRET))).AuthenticationResult?.AccessToken).toBeTypeOf('string');
    const wrongHash = await rejection(admin(secretHash('alice', SECRET_CLIENT, `${CLIENT_SECRET}x`)));
    expect([wrongHash.name, wrongHash.message]).toEqual(['NotAuthorizedException', `Unable to verify secret hash for client ${SECRET_CLIENT}`]);
  });

  it('AdminCreateUser, AdminGetUser, AdminSetUserPassword: the user signs in with the permanent password only', async () => {
    const created = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: POOL_ID,
        Username: DAVE.username,
        TemporaryPassword: DAVE.temporary,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: DAVE.email }, { Name: 'email_verified', Value: 'true' }],
      }),
    );
    expect(created.User).toMatchObject({ Username: 'dave', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    const again = await rejection(cognito.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: DAVE.username, TemporaryPassword: DAVE.temporary, MessageAction: 'SUPPRESS' })));
    expect(again.name).toBe('UsernameExistsException');

    // The temporary password leads to NEW_PASSWORD_REQUIRED, not to tokens.
    const temporary = await cognito.send(
      new AdminInitiateAuthCommand({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', UserPoolId: POOL_ID, ClientId: PUBLIC_CLIENT, AuthParameters: { USERNAME: 'dave', PASSWORD: DAVE.temporary } }),
    );
    expect([temporary.ChallengeName, temporary.AuthenticationResult]).toEqual(['NEW_PASSWORD_REQUIRED', undefined]);

    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: POOL_ID, Username: DAVE.username, Password: DAVE.password, Permanent: true }));
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: DAVE.username }));
    expect(user).toMatchObject({ Username: 'dave', UserStatus: 'CONFIRMED', Enabled: true });
    const attributes = Object.fromEntries((user.UserAttributes ?? []).map(({ Name, Value }) => [Name, Value]));
    expect(attributes).toMatchObject({ email: DAVE.email, email_verified: 'true', sub: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const { result } = await srpLogin({ clientId: PUBLIC_CLIENT, username: DAVE.username, password: DAVE.password });
    expect(jwtPayload(result?.IdToken)).toMatchObject({ 'cognito:username': 'dave', sub: attributes.sub, email: DAVE.email });
    const old = await rejection(srpLogin({ clientId: PUBLIC_CLIENT, username: DAVE.username, password: DAVE.temporary }));
    expect([old.name, old.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.']);
    const missing = await rejection(cognito.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'nobody' })));
    expect([missing.name, missing.message]).toEqual(['UserNotFoundException', 'User does not exist.']);
  });

  it('GetUser with the access token returns the user', async () => {
    const { result } = await srpLogin({ clientId: PUBLIC_CLIENT, username: ALICE.username, password: ALICE.password });
    const user = await cognito.send(new GetUserCommand({ AccessToken: result?.AccessToken }));
    expect(user.Username).toBe('alice');
    const attributes = Object.fromEntries((user.UserAttributes ?? []).map(({ Name, Value }) => [Name, Value]));
    expect(attributes).toMatchObject({ email: ALICE.email, sub: jwtPayload(result?.AccessToken).sub });
    const forged = await rejection(cognito.send(new GetUserCommand({ AccessToken: `${result?.AccessToken ?? ''}x` })));
    expect(forged.name).toBe('NotAuthorizedException');
  });

  it('RevokeToken: REFRESH_TOKEN_AUTH then fails with "Refresh Token has been revoked"', async () => {
    const { result } = await srpLogin({ clientId: SECRET_CLIENT, username: ALICE.username, password: ALICE.password, clientSecret: CLIENT_SECRET });
    const refreshToken = result?.RefreshToken ?? '';
    const refreshed = await refresh(SECRET_CLIENT, refreshToken, { username: 'alice', secret: CLIENT_SECRET });
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTypeOf('string');
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined(); // no rotation, as Cognito's default
    const wrongHash = await rejection(refresh(SECRET_CLIENT, refreshToken, { username: 'alice', secret: `${CLIENT_SECRET}x` }));
    expect([wrongHash.name, wrongHash.message]).toEqual(['NotAuthorizedException', `Unable to verify secret hash for client ${SECRET_CLIENT}`]);

    await cognito.send(new RevokeTokenCommand({ Token: refreshToken, ClientId: SECRET_CLIENT, ClientSecret: CLIENT_SECRET }));
    const revoked = await rejection(refresh(SECRET_CLIENT, refreshToken, { username: 'alice', secret: CLIENT_SECRET }));
    expect([revoked.name, revoked.message]).toEqual(['NotAuthorizedException', 'Refresh Token has been revoked']);
    // "It revokes that refresh token and all access tokens generated from it" (COGNITO-SERVER.md §8).
    for (const accessToken of [result?.AccessToken, refreshed.AuthenticationResult?.AccessToken]) {
      const refused = await rejection(cognito.send(new GetUserCommand({ AccessToken: accessToken })));
      expect([refused.name, refused.message]).toEqual(['NotAuthorizedException', 'Access Token has been revoked']);
    }
  });

  it('GlobalSignOut: GetUser with the access token then fails with "Access Token has been revoked"', async () => {
    const { result } = await srpLogin({ clientId: PUBLIC_CLIENT, username: ALICE.username, password: ALICE.password });
    expect((await cognito.send(new GetUserCommand({ AccessToken: result?.AccessToken }))).Username).toBe('alice');
    await cognito.send(new GlobalSignOutCommand({ AccessToken: result?.AccessToken }));
    const refused = await rejection(cognito.send(new GetUserCommand({ AccessToken: result?.AccessToken })));
    expect([refused.name, refused.message]).toEqual(['NotAuthorizedException', 'Access Token has been revoked']);
    const refreshAfter = await rejection(refresh(PUBLIC_CLIENT, result?.RefreshToken ?? ''));
    expect(refreshAfter.name).toBe('NotAuthorizedException');
  });

  it('signs in by e-mail where usernameAttributes is ["email"]: USER_ID_FOR_SRP is the sub, and SECRET_HASH in the answer is over it', async () => {
    const { result, challengeParameters } = await srpLogin({
      userPoolId: EMAIL_POOL_ID,
      clientId: EMAIL_CLIENT,
      clientSecret: EMAIL_SECRET,
      username: CAROL.email,
      password: CAROL.password,
    });
    expect(challengeParameters.USER_ID_FOR_SRP).toBe(CAROL.sub);
    expectCognitoClaims(result?.IdToken, result?.AccessToken, { userPoolId: EMAIL_POOL_ID, clientId: EMAIL_CLIENT, username: CAROL.sub, sub: CAROL.sub, email: CAROL.email });

    // SECRET_HASH over the e-mail typed, in the answer: refused (it must be over USER_ID_FOR_SRP).
    const overEmail = await rejection(
      srpLogin({
        userPoolId: EMAIL_POOL_ID,
        clientId: EMAIL_CLIENT,
        clientSecret: EMAIL_SECRET,
        username: CAROL.email,
        password: CAROL.password,
        tamper: (responses) => (responses.SECRET_HASH = secretHash(CAROL.email, EMAIL_CLIENT, EMAIL_SECRET)),
      }),
    );
    expect([overEmail.name, overEmail.message]).toEqual(['NotAuthorizedException', `Unable to verify secret hash for client ${EMAIL_CLIENT}`]);

    // Refresh: SECRET_HASH over the sub works, over the e-mail does not.
    const refreshToken = result?.RefreshToken ?? '';
    expect((await refresh(EMAIL_CLIENT, refreshToken, { username: CAROL.sub, secret: EMAIL_SECRET })).AuthenticationResult?.IdToken).toBeTypeOf('string');
    const refreshOverEmail = await rejection(refresh(EMAIL_CLIENT, refreshToken, { username: CAROL.email, secret: EMAIL_SECRET }));
    expect([refreshOverEmail.name, refreshOverEmail.message]).toEqual(['NotAuthorizedException', `Unable to verify secret hash for client ${EMAIL_CLIENT}`]);

    const wrong = await rejection(srpLogin({ userPoolId: EMAIL_POOL_ID, clientId: EMAIL_CLIENT, clientSecret: EMAIL_SECRET, username: CAROL.email, password: `${CAROL.password}x` }));
    expect([wrong.name, wrong.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.']);
  });
});

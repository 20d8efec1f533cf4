// The one fixture behind the documentation's runnable TypeScript blocks (scripts/check-snippets.mjs): the local
// Cognito (@cognito-kit/local-pool) is configured from it, and a snippet sees it through its environment. A snippet
// may write the pool ids, the public client ids and the users' e-mail addresses as literals (they are not secret);
// secrets come from the environment, as in real code.
//
//   COGNITO_PASSWORD            alice's password
//   COGNITO_TEMPORARY_PASSWORD  bob's temporary password (AdminCreateUser's): he must choose a new one, then MFA
//   COGNITO_CLIENT_SECRET       the secret of the confidential app client (COGNITO_SECRET_CLIENT_ID)
//   COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_SECRET_CLIENT_ID, COGNITO_USERNAME (alice's e-mail), AWS_REGION
//
// A snippet's stdin gets what a person would type at its prompts, in order: `typed`, then each SMS or e-mail code
// the pool "sends", as it is sent. Keep it small: add a user, client or pool only when a snippet needs one.

const alice = {
  // In a pool that signs in by e-mail, Cognito's username (USER_ID_FOR_SRP) is a UUID equal to the `sub`.
  sub: 'a2c2e290-6d0f-4a08-a5ca-f0162935f3a6',
  email: 'alice@example.com',
  password: 'Correct-Horse-Battery-9',
};
const bob = {
  // Created by AdminCreateUser with a temporary password (FORCE_CHANGE_PASSWORD), with SMS MFA.
  sub: '5f0c8a1e-3b7d-4e2a-9c61-b0b000000001',
  email: 'bob@example.com',
  password: 'Temporary-Password-1',
};
const users = [
  { username: alice.email, sub: alice.sub, password: alice.password },
  {
    username: bob.email,
    sub: bob.sub,
    password: bob.password,
    status: 'FORCE_CHANGE_PASSWORD',
    attributes: { phone_number: '+447700900123' },
    userMFASettingList: ['SMS_MFA'],
  },
];
const FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH'];

export const fixture = {
  region: 'eu-west-2',
  userPoolId: 'eu-west-2_eYpv1mFHB',
  /** An app client without a secret (what a browser or a mobile app uses). */
  publicClient: { clientId: '18u8119jgbpr464n28s1itk2mq' },
  /** An app client with a secret (a server's): every request needs SECRET_HASH. */
  confidentialClient: { clientId: '3m7kq2v9p1c8x4n6t0r5h2j8ws', clientSecret: '1s2ka9evl4cn1t8mcq04fnmh8oh7q0djfs5t4u0a6ehpbkrl8kg' },
  /** A second pool that remembers devices (whose refresh tokens then need the device, as Cognito's do). */
  devicePool: { userPoolId: 'eu-west-2_Dev1ces0n', clientId: '4d7e1vqk2lq8c0mb6n3s9r5t2h' },
  users: { alice, bob },
  /** The first lines a snippet's prompts are answered with (a new password); the codes follow as they are sent. */
  typed: ['Brand-New-Password-2'],
};

/** The local pools: the main pool (two clients, alice and bob) and the device pool (one client, alice). */
export function localPoolsConfig() {
  return {
    userPools: [
      {
        id: fixture.userPoolId,
        usernameAttributes: ['email'],
        clients: [
          { id: fixture.publicClient.clientId, explicitAuthFlows: FLOWS },
          { id: fixture.confidentialClient.clientId, secret: fixture.confidentialClient.clientSecret, explicitAuthFlows: FLOWS },
        ],
        users: structuredClone(users),
      },
      {
        id: fixture.devicePool.userPoolId,
        usernameAttributes: ['email'],
        deviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
        clients: [{ id: fixture.devicePool.clientId, explicitAuthFlows: FLOWS }],
        users: [{ username: alice.email, sub: alice.sub, password: alice.password }],
      },
    ],
  };
}

/** The environment a snippet runs with (besides the AWS endpoint and dummy credentials the runner adds). */
export function snippetEnvironment() {
  return {
    AWS_REGION: fixture.region,
    COGNITO_USER_POOL_ID: fixture.userPoolId,
    COGNITO_CLIENT_ID: fixture.publicClient.clientId,
    COGNITO_SECRET_CLIENT_ID: fixture.confidentialClient.clientId,
    COGNITO_CLIENT_SECRET: fixture.confidentialClient.clientSecret,
    COGNITO_USERNAME: alice.email,
    COGNITO_PASSWORD: alice.password,
    COGNITO_TEMPORARY_PASSWORD: bob.password,
  };
}

/** The first stdin lines of every snippet. */
export function snippetInput() {
  return `${fixture.typed.join('\n')}\n`;
}

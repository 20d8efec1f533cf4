// The one fixture behind the documentation's runnable TypeScript blocks (scripts/check-snippets.mjs): the local
// Cognito is seeded from it, and a snippet sees it through its environment. A snippet may write the pool id, the
// public client id and the user's alias as literals (they are not secret); secrets come from the environment, as in
// real code.
//
//   COGNITO_PASSWORD          the user's password
//   COGNITO_TEMPORARY_PASSWORD  bob's temporary password (AdminCreateUser's): he must choose a new one, then MFA
//   COGNITO_CLIENT_SECRET     the secret of the confidential app client (COGNITO_SECRET_CLIENT_ID)
//   COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_SECRET_CLIENT_ID, COGNITO_USERNAME (the alias), AWS_REGION
//
// Keep it small: add a user or a client only when a snippet needs one. Every snippet gets `snippetInput()` on its
// stdin: the answers a person would type at its prompts, in order (a new password, then an SMS code).

export const fixture = {
  region: 'eu-west-2',
  userPoolId: 'eu-west-2_eYpv1mFHB',
  /** An app client without a secret (what a browser or a mobile app uses). */
  publicClient: { clientId: '18u8119jgbpr464n28s1itk2mq' },
  /** An app client with a secret (a server's): every request needs SECRET_HASH. */
  confidentialClient: {
    clientId: '3m7kq2v9p1c8x4n6t0r5h2j8ws',
    clientSecret: '1s2ka9evl4cn1t8mcq04fnmh8oh7q0djfs5t4u0a6ehpbkrl8kg',
  },
  users: [
    {
      // USER_ID_FOR_SRP: the real username of a pool that signs in with e-mail (Cognito makes it a UUID, the `sub`).
      username: 'a2c2e290-6d0f-4a08-a5ca-f0162935f3a6',
      aliases: ['alice@example.com'],
      password: 'Correct-Horse-Battery-9',
    },
    {
      // A user created by AdminCreateUser with a temporary password, and SMS MFA: NEW_PASSWORD_REQUIRED, then SMS_MFA.
      username: '5f0c8a1e-3b7d-4e2a-9c61-bob000000001',
      aliases: ['bob@example.com'],
      password: 'Temporary-Password-1',
      newPasswordRequired: {},
      mfa: { type: 'SMS_MFA', code: '123456' },
      attributes: { phone_number: '+447700900123' },
    },
  ],
  /** What the snippets' prompts are answered with, in order. */
  typed: ['Brand-New-Password-2', '123456'],
};

const alice = fixture.users[0];

/** One TestPoolConfig per app client: the local Cognito serves one pool and one client per instance. */
export function poolConfigs() {
  return [fixture.publicClient, fixture.confidentialClient].map((client) => ({
    userPoolId: fixture.userPoolId,
    clientId: client.clientId,
    ...(client.clientSecret === undefined ? {} : { clientSecret: client.clientSecret }),
    users: fixture.users.map((user) => structuredClone(user)),
    // The public client remembers devices (the device snippets); the confidential one does not, so its refresh
    // tokens are not bound to a device (the refresh snippet).
    deviceTracking: client.clientSecret === undefined,
  }));
}

/** The environment a snippet runs with (besides the AWS endpoint and dummy credentials the runner adds). */
export function snippetEnvironment() {
  return {
    AWS_REGION: fixture.region,
    COGNITO_USER_POOL_ID: fixture.userPoolId,
    COGNITO_CLIENT_ID: fixture.publicClient.clientId,
    COGNITO_SECRET_CLIENT_ID: fixture.confidentialClient.clientId,
    COGNITO_CLIENT_SECRET: fixture.confidentialClient.clientSecret,
    COGNITO_USERNAME: alice.aliases[0],
    COGNITO_PASSWORD: alice.password,
    COGNITO_TEMPORARY_PASSWORD: fixture.users[1].password,
  };
}

/** The stdin of every snippet: one line per prompt. */
export function snippetInput() {
  return `${fixture.typed.join('\n')}\n`;
}

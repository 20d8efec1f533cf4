/**
 * The demo user pool of `cognito-kit demo` and of `cognito-kit serve` without `--config`: a local pool
 * (`@cognito-kit/local-pool`) that verifies SRP and SECRET_HASH as Cognito does. Its secret and password are demo
 * values, printed or overridden from the environment, never real secrets.
 *
 * @module
 */
import type { LocalPoolsConfig } from '@cognito-kit/local-pool';

/** The demo pool's names and demo secrets. */
export const DEMO = {
  userPoolId: 'us-east-1_DemoPool1',
  /** An app client with a secret (a server's): SECRET_HASH on every request. */
  clientId: 'democlient1234567890abcdef',
  clientSecret: 'demo0secret0that0is0long0enough0for0cognito0123',
  /** An app client without a secret (a browser's or a phone's, as Amplify and amazon-cognito-identity-js use). */
  publicClientId: 'demopublicclient0123456789',
  username: 'alice',
  email: 'alice@example.com',
  password: 'correct horse battery staple',
} as const;

/** Every flow the local pool takes, so the demo pool answers whatever a client tries (CUSTOM_AUTH needs Lambda). */
const ALL_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH'] as const;

/**
 * The demo pool: `us-east-1_DemoPool1` with its two app clients and one user, devices remembered. Its password policy
 * is relaxed (6 characters, no classes) so a demo password from the environment need not follow Cognito's default.
 */
export function demoPoolsConfig(user: { userPoolId: string; clientId: string; clientSecret: string; username: string; password: string }): LocalPoolsConfig {
  return {
    userPools: [
      {
        id: user.userPoolId,
        aliasAttributes: ['email'],
        deviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
        passwordPolicy: { minimumLength: 6, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false },
        clients: [
          { id: user.clientId, name: 'demo (with a secret)', secret: user.clientSecret, explicitAuthFlows: [...ALL_FLOWS] },
          ...(user.clientId === DEMO.publicClientId ? [] : [{ id: DEMO.publicClientId, name: 'demo (public)', explicitAuthFlows: [...ALL_FLOWS] }]),
        ],
        users: [{ username: user.username, password: user.password, attributes: { email: DEMO.email } }],
      },
    ],
  };
}

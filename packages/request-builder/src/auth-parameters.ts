/**
 * AuthParameters for each AuthFlowType, shared by AdminInitiateAuth and InitiateAuth: which input members a flow
 * takes, which it requires, and what goes on the wire (model doc of AuthParametersType, §1.5 of COGNITO.md).
 *
 * @module
 */
import { createSrpSession, secretHash } from '@cognito-kit/srp';
import type { PartBuilder } from './common.js';
import { AUTH_FLOWS, PUBLIC_AUTH_FLOWS, SHAPES, type AuthFlow } from './model.js';
import { FOR_SECRET_HASH, add, onlyFields, srpSessionOf, str } from './validation.js';

/**
 * Input members each flow uses besides `username` and `deviceKey` (which every flow takes) and the common ones. The
 * first is what the flow signs in with: a password, a refresh token, an SRP session (USER_SRP_AUTH), or the choice
 * of CUSTOM_AUTH (withSrp) and USER_AUTH (preferredChallenge), which bring the others.
 */
const FLOW_FIELDS: Record<AuthFlow, readonly string[]> = {
  USER_SRP_AUTH: ['srpSession'],
  ADMIN_USER_PASSWORD_AUTH: ['password'],
  ADMIN_NO_SRP_AUTH: ['password'],
  USER_PASSWORD_AUTH: ['password'],
  REFRESH_TOKEN_AUTH: ['refreshToken'],
  REFRESH_TOKEN: ['refreshToken'],
  CUSTOM_AUTH: ['withSrp', 'srpSession'],
  USER_AUTH: ['preferredChallenge', 'password', 'srpSession'],
};

/**
 * Validates the flow-specific members and builds AuthFlow and AuthParameters. Returns undefined when validation
 * failed (the issues are in `v`); an SRP session is only created once everything is valid.
 */
export const buildAuthParameters: PartBuilder = (input, v, common, admin, operation) => {
  const flows: readonly string[] = admin ? AUTH_FLOWS : PUBLIC_AUTH_FLOWS;
  const flow = input.authFlow;
  if (!flows.includes(flow as string)) {
    // Only a value shaped like an enum name is repeated (MAGIC, ADMIN_NO_SRP): anything else may be a secret typed
    // into the wrong member, and messages never repeat those.
    const got = flow === undefined ? 'none' : typeof flow === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(flow) ? flow : 'another value';
    return add(v, flow === undefined ? 'REQUIRED' : 'INVALID_ENUM', 'authFlow', `must be one of ${flows.join(', ')} for ${operation} (got ${got})`);
  }
  const authFlow = flow as AuthFlow;
  const fields = FLOW_FIELDS[authFlow];
  onlyFields(v, input, [...common, 'authFlow', 'clientSecret', 'username', 'deviceKey', ...fields], `by the ${authFlow} flow`);

  // Key order is wire order: USERNAME, PREFERRED_CHALLENGE, PASSWORD or REFRESH_TOKEN, SRP_A, CHALLENGE_NAME,
  // SECRET_HASH, DEVICE_KEY. A member set to undefined here only happens with an issue, and is then never sent.
  const params: Record<string, string> = {};
  const refresh = fields[0] === 'refreshToken';
  const username = str(v, input.username, 'username', SHAPES.UsernameType, !refresh);
  if (!refresh) params.USERNAME = username!;

  const session = srpSessionOf(v, input.srpSession);
  let srp = fields[0] === 'srpSession';
  let needsPassword = fields[0] === 'password';
  if (authFlow === 'CUSTOM_AUTH') {
    // SRP first when withSrp is true, or a session is given (unless withSrp is false: a conflict).
    const withSrp = input.withSrp;
    if (withSrp !== undefined && typeof withSrp !== 'boolean') add(v, 'INVALID_TYPE', 'withSrp', 'must be a boolean');
    srp = withSrp === true || (session !== undefined && withSrp !== false);
  }
  if (authFlow === 'USER_AUTH') {
    // PREFERRED_CHALLENGE PASSWORD_SRP brings SRP_A, PASSWORD brings PASSWORD.
    const preferred = str(v, input.preferredChallenge, 'preferredChallenge', SHAPES.StringType);
    if (preferred !== undefined) params.PREFERRED_CHALLENGE = preferred;
    srp = preferred === 'PASSWORD_SRP';
    needsPassword = preferred === 'PASSWORD';
    if (input.password !== undefined && !needsPassword) add(v, 'CONFLICT', 'password', 'conflicts with preferredChallenge');
  }
  // A session the flow takes but will not use contradicts withSrp (CUSTOM_AUTH) or preferredChallenge (USER_AUTH).
  if (session !== undefined && !srp && fields.includes('srpSession')) add(v, 'CONFLICT', 'srpSession', `conflicts with ${fields[0]}`);
  if (needsPassword) params.PASSWORD = str(v, input.password, 'password', SHAPES.PasswordType, true)!;
  if (refresh) params.REFRESH_TOKEN = str(v, input.refreshToken, 'refreshToken', SHAPES.TokenModelType, true)!;

  const clientSecret = str(v, input.clientSecret, 'clientSecret', SHAPES.ClientSecret);
  // A refresh token does not carry the username in a form this library can read, and SECRET_HASH is computed over
  // the user's real username (or sub), not an alias: with a secret, the caller must give it.
  if (clientSecret !== undefined && refresh && input.username === undefined) add(v, 'USERNAME_REQUIRED_FOR_SECRET_HASH', 'username', FOR_SECRET_HASH);
  const deviceKey = str(v, input.deviceKey, 'deviceKey', SHAPES.DeviceKeyType);
  if (v.length > 0) return undefined;

  // Everything is valid: now do the work (SRP_A costs an exponentiation).
  const srpSession = srp ? (session ?? createSrpSession()) : undefined;
  if (srpSession !== undefined) params.SRP_A = srpSession.srpA;
  if (srp && authFlow === 'CUSTOM_AUTH') params.CHALLENGE_NAME = 'SRP_A';
  if (clientSecret !== undefined && username !== undefined) params.SECRET_HASH = secretHash(username, input.clientId as string, clientSecret);
  if (deviceKey !== undefined) params.DEVICE_KEY = deviceKey;
  return { AuthFlow: authFlow, AuthParameters: params, srpSession };
};

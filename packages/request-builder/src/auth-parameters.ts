/**
 * AuthParameters for each AuthFlowType, shared by AdminInitiateAuth and InitiateAuth: which input members a flow
 * takes, which it requires, and what goes on the wire (model doc of AuthParametersType, §1.5 of COGNITO.md).
 *
 * @module
 */
import { createSrpSession, isSrpSession, secretHash, type SrpSession } from '@cognito-kit/srp';
import { AUTH_FLOWS, SHAPES, type AuthFlow } from './model.js';
import type { Validator } from './validation.js';

/** Input members each flow uses, besides the common ones. */
const FLOW_FIELDS: Record<AuthFlow, readonly string[]> = {
  USER_SRP_AUTH: ['username', 'deviceKey', 'srpSession'],
  ADMIN_USER_PASSWORD_AUTH: ['username', 'password', 'deviceKey'],
  ADMIN_NO_SRP_AUTH: ['username', 'password', 'deviceKey'],
  USER_PASSWORD_AUTH: ['username', 'password', 'deviceKey'],
  REFRESH_TOKEN_AUTH: ['refreshToken', 'username', 'deviceKey'],
  REFRESH_TOKEN: ['refreshToken', 'username', 'deviceKey'],
  CUSTOM_AUTH: ['username', 'withSrp', 'srpSession', 'deviceKey'],
  USER_AUTH: ['username', 'preferredChallenge', 'password', 'srpSession', 'deviceKey'],
};

export interface BuiltAuthParameters {
  AuthFlow: AuthFlow;
  AuthParameters: Record<string, string>;
  srpSession?: SrpSession;
}

function isRefresh(flow: AuthFlow): boolean {
  return flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN';
}

/**
 * Validates the flow-specific members and builds AuthParameters. Returns undefined when validation failed (the
 * issues are in `v`); an SRP session is only created once everything is valid.
 */
export function buildAuthParameters(
  input: Record<string, unknown>,
  v: Validator,
  allowedFlows: readonly AuthFlow[],
  commonFields: readonly string[],
  operation: string,
): BuiltAuthParameters | undefined {
  const flow = input.authFlow;
  if (flow === undefined) {
    v.add('REQUIRED', 'authFlow', `authFlow is required (one of ${allowedFlows.join(', ')})`);
    return undefined;
  }
  if (typeof flow !== 'string' || !(allowedFlows as readonly string[]).includes(flow)) {
    const known = (AUTH_FLOWS as readonly string[]).includes(flow as string);
    // Only a value shaped like an enum name is repeated (MAGIC, ADMIN_NO_SRP): anything else may be a secret typed
    // into the wrong member, and messages never repeat those.
    const enumLike = typeof flow === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(flow);
    const shown = enumLike ? JSON.stringify(flow) : typeof flow === 'string' ? `(a string of ${flow.length} characters)` : 'value';
    v.add('INVALID_ENUM', 'authFlow', `authFlow ${shown} ${known ? `is not valid for ${operation}` : 'is not an AuthFlowType'} (use one of ${allowedFlows.join(', ')})`);
    return undefined;
  }
  const authFlow = flow as AuthFlow;
  v.onlyFields(input, [...commonFields, 'authFlow', ...FLOW_FIELDS[authFlow]], '', `by the ${authFlow} flow`);

  const params: Record<string, string> = {};
  const username = isRefresh(authFlow)
    ? v.string(input.username, 'username', SHAPES.UsernameType, false)
    : v.string(input.username, 'username', SHAPES.UsernameType, true);
  if (username !== undefined && !isRefresh(authFlow)) params.USERNAME = username;

  const srp = srpPlan(input, authFlow, v);
  if (authFlow === 'ADMIN_USER_PASSWORD_AUTH' || authFlow === 'ADMIN_NO_SRP_AUTH' || authFlow === 'USER_PASSWORD_AUTH') {
    const password = v.string(input.password, 'password', SHAPES.PasswordType, true);
    if (password !== undefined) params.PASSWORD = password;
  }
  if (isRefresh(authFlow)) {
    const token = v.string(input.refreshToken, 'refreshToken', SHAPES.TokenModelType, true);
    if (token !== undefined) params.REFRESH_TOKEN = token;
  }
  if (authFlow === 'USER_AUTH') userAuthParameters(input, v, params);

  const clientSecret = v.string(input.clientSecret, 'clientSecret', SHAPES.ClientSecret, false);
  if (clientSecret !== undefined && isRefresh(authFlow) && input.username === undefined) {
    v.add(
      'USERNAME_REQUIRED_FOR_SECRET_HASH',
      'username',
      `username is required for ${authFlow} with a clientSecret: SECRET_HASH is computed over the user's real username (or sub), not an alias`,
    );
  }
  const deviceKey = v.string(input.deviceKey, 'deviceKey', SHAPES.DeviceKeyType, false);
  if (!v.ok) return undefined;

  // Everything is valid: now do the work (SRP_A costs an exponentiation).
  const built: BuiltAuthParameters = { AuthFlow: authFlow, AuthParameters: params };
  if (srp !== 'none') {
    const session = srp === 'create' ? createSrpSession() : srp;
    params.SRP_A = session.srpA;
    if (authFlow === 'CUSTOM_AUTH') params.CHALLENGE_NAME = 'SRP_A';
    built.srpSession = session;
  }
  if (clientSecret !== undefined && username !== undefined) {
    params.SECRET_HASH = secretHash(username, input.clientId as string, clientSecret);
  }
  if (deviceKey !== undefined) params.DEVICE_KEY = deviceKey;
  return built;
}

/** Whether the flow sends SRP_A, and from which session. */
function srpPlan(input: Record<string, unknown>, flow: AuthFlow, v: Validator): 'none' | 'create' | SrpSession {
  const given = input.srpSession;
  if (given !== undefined && !isSrpSession(given)) {
    v.add('INVALID_SRP_SESSION', 'srpSession', 'srpSession must be a session made by createSrpSession or importSrpSession of @cognito-kit/srp');
    return 'none';
  }
  const session = given as SrpSession | undefined;
  let wanted = flow === 'USER_SRP_AUTH';
  if (flow === 'CUSTOM_AUTH') {
    if (input.withSrp !== undefined && typeof input.withSrp !== 'boolean') {
      v.add('INVALID_TYPE', 'withSrp', 'withSrp must be a boolean');
    }
    if (input.withSrp === false && session !== undefined) {
      v.add('CONFLICT', 'srpSession', 'srpSession is given but withSrp is false');
    }
    wanted = input.withSrp === true || session !== undefined;
  }
  if (flow === 'USER_AUTH') {
    wanted = input.preferredChallenge === 'PASSWORD_SRP';
    if (session !== undefined && !wanted) {
      v.add('CONFLICT', 'srpSession', "srpSession is only used with preferredChallenge: 'PASSWORD_SRP'");
    }
  }
  if (!wanted) return 'none';
  return session ?? 'create';
}

/** USER_AUTH: PREFERRED_CHALLENGE, and PASSWORD when the preferred challenge is PASSWORD. */
function userAuthParameters(input: Record<string, unknown>, v: Validator, params: Record<string, string>): void {
  const preferred = v.string(input.preferredChallenge, 'preferredChallenge', SHAPES.StringType, false);
  if (preferred !== undefined) params.PREFERRED_CHALLENGE = preferred;
  if (preferred === 'PASSWORD') {
    const password = v.string(input.password, 'password', SHAPES.PasswordType, true);
    if (password !== undefined) params.PASSWORD = password;
  } else if (input.password !== undefined) {
    v.add('CONFLICT', 'password', "password is only sent with preferredChallenge: 'PASSWORD'");
  }
}

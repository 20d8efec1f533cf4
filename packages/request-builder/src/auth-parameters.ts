/**
 * AuthParameters for each AuthFlowType, shared by AdminInitiateAuth and InitiateAuth: which input members a flow
 * takes, which it needs, and what goes on the wire (the service model's documentation of AuthParametersType). The CLI
 * asks {@link flowNeeds} too, so what a flow needs is written once.
 *
 * @module
 */
import { createSrpSession, secretHash, type SrpSession } from '@cognito-kit/srp';
import { SHAPES, type AuthFlow } from './model.js';
import { FOR_SECRET_HASH, add, onlyFields, srpSessionOf, str, type Issues } from './validation.js';

/** A flow-specific input member of the InitiateAuth builders. */
export type FlowMember = 'username' | 'password' | 'refreshToken' | 'deviceKey' | 'srpSession' | 'withSrp' | 'preferredChallenge';

/**
 * The input members each flow takes, besides those every request has (`clientId`, `clientSecret`, `session`, ...).
 * A member outside its flow's list is refused (`UNEXPECTED_FIELD`) rather than dropped.
 *
 * @example
 * ```ts
 * import { FLOW_INPUTS } from '@cognito-kit/request-builder';
 * FLOW_INPUTS.USER_PASSWORD_AUTH; // ['username', 'password', 'deviceKey']
 * ```
 */
export const FLOW_INPUTS = {
  USER_SRP_AUTH: ['username', 'srpSession', 'deviceKey'],
  REFRESH_TOKEN_AUTH: ['refreshToken', 'username', 'deviceKey'],
  REFRESH_TOKEN: ['refreshToken', 'username', 'deviceKey'],
  CUSTOM_AUTH: ['username', 'withSrp', 'srpSession', 'deviceKey'],
  ADMIN_NO_SRP_AUTH: ['username', 'password', 'deviceKey'],
  USER_PASSWORD_AUTH: ['username', 'password', 'deviceKey'],
  ADMIN_USER_PASSWORD_AUTH: ['username', 'password', 'deviceKey'],
  USER_AUTH: ['username', 'preferredChallenge', 'password', 'srpSession', 'deviceKey'],
} as const satisfies Record<AuthFlow, readonly FlowMember[]>;

/** What a flow needs: which members are required, and whether it sends SRP_A (so it needs an SRP session). */
export interface FlowNeeds {
  username: boolean;
  password: boolean;
  refreshToken: boolean;
  srp: boolean;
}

/**
 * What `authFlow` needs, given the choices two flows make: CUSTOM_AUTH starts with SRP when `withSrp` is true, and
 * USER_AUTH's `preferredChallenge` PASSWORD_SRP brings SRP_A, PASSWORD brings the password (none: Cognito answers
 * SELECT_CHALLENGE). Refresh flows need no username, except to compute SECRET_HASH (checked by the builders).
 *
 * @example
 * ```ts
 * import { flowNeeds } from '@cognito-kit/request-builder';
 * flowNeeds('USER_AUTH', { preferredChallenge: 'PASSWORD' }); // { username: true, password: true, refreshToken: false, srp: false }
 * ```
 */
export function flowNeeds(authFlow: AuthFlow, choices: { withSrp?: boolean | undefined; preferredChallenge?: string | undefined } = {}): FlowNeeds {
  const refresh = authFlow === 'REFRESH_TOKEN_AUTH' || authFlow === 'REFRESH_TOKEN';
  const passwordFlow = authFlow === 'ADMIN_USER_PASSWORD_AUTH' || authFlow === 'ADMIN_NO_SRP_AUTH' || authFlow === 'USER_PASSWORD_AUTH';
  return {
    username: !refresh,
    password: passwordFlow || (authFlow === 'USER_AUTH' && choices.preferredChallenge === 'PASSWORD'),
    refreshToken: refresh,
    srp:
      authFlow === 'USER_SRP_AUTH' ||
      (authFlow === 'CUSTOM_AUTH' && choices.withSrp === true) ||
      (authFlow === 'USER_AUTH' && choices.preferredChallenge === 'PASSWORD_SRP'),
  };
}

/** A flow whose members passed every check: what {@link authParametersOf} turns into AuthParameters. */
export interface CheckedFlow<Flow extends AuthFlow = AuthFlow> {
  authFlow: Flow;
  needs: FlowNeeds;
  username: string | undefined;
  password: string | undefined;
  refreshToken: string | undefined;
  preferredChallenge: string | undefined;
  /** The session to send SRP_A of, when the flow starts SRP and one was given. */
  srpSession: SrpSession | undefined;
  clientSecret: string | undefined;
  deviceKey: string | undefined;
}

/**
 * Reads and checks the flow-specific members of an InitiateAuth input (the issues go to `issues`): `flows` are the
 * flows `operation` takes; `sharedMembers` lists the input members the builder has read already, which are not
 * unexpected here.
 */
export function readFlow<Flow extends AuthFlow>(
  issues: Issues,
  input: Record<string, unknown>,
  operation: 'AdminInitiateAuth' | 'InitiateAuth',
  flows: readonly Flow[],
  sharedMembers: readonly string[],
): CheckedFlow<Flow> | undefined {
  const authFlow = flows.find((flow) => flow === input.authFlow);
  if (authFlow === undefined) {
    const given = input.authFlow;
    // Only a value shaped like an enum name is repeated (MAGIC, ADMIN_NO_SRP): anything else may be a secret typed
    // into the wrong member, and messages never repeat those.
    const shown = given === undefined ? 'none' : typeof given === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(given) ? given : 'another value';
    return add(issues, given === undefined ? 'REQUIRED' : 'INVALID_ENUM', 'authFlow', `must be one of ${flows.join(', ')} for ${operation} (got ${shown})`);
  }
  const takes: readonly string[] = FLOW_INPUTS[authFlow];
  onlyFields(issues, input, [...sharedMembers, 'authFlow', 'clientSecret', ...takes], `by the ${authFlow} flow`);

  const refresh = authFlow === 'REFRESH_TOKEN_AUTH' || authFlow === 'REFRESH_TOKEN';
  const username = str(issues, input.username, 'username', SHAPES.UsernameType, !refresh);
  const srpSession = srpSessionOf(issues, input.srpSession);

  // CUSTOM_AUTH starts with SRP when withSrp is true, or a session is given (unless withSrp is false: a conflict).
  const withSrp = input.withSrp;
  if (authFlow === 'CUSTOM_AUTH' && withSrp !== undefined && typeof withSrp !== 'boolean') add(issues, 'INVALID_TYPE', 'withSrp', 'must be a boolean');
  const preferredChallenge = authFlow === 'USER_AUTH' ? str(issues, input.preferredChallenge, 'preferredChallenge', SHAPES.StringType) : undefined;
  const needs = flowNeeds(authFlow, { withSrp: withSrp === true || (srpSession !== undefined && withSrp !== false), preferredChallenge });
  if (authFlow === 'USER_AUTH' && input.password !== undefined && !needs.password) add(issues, 'CONFLICT', 'password', 'conflicts with preferredChallenge');
  // A session the flow takes but will not use contradicts withSrp (CUSTOM_AUTH) or preferredChallenge (USER_AUTH).
  if (srpSession !== undefined && !needs.srp && takes.includes('srpSession')) {
    add(issues, 'CONFLICT', 'srpSession', `conflicts with ${authFlow === 'CUSTOM_AUTH' ? 'withSrp' : 'preferredChallenge'}`);
  }
  const password = needs.password ? str(issues, input.password, 'password', SHAPES.PasswordType, true) : undefined;
  const refreshToken = needs.refreshToken ? str(issues, input.refreshToken, 'refreshToken', SHAPES.TokenModelType, true) : undefined;

  const clientSecret = str(issues, input.clientSecret, 'clientSecret', SHAPES.ClientSecret);
  // A refresh token does not carry the username in a form this library can read, and SECRET_HASH is computed over
  // the user's real username (or sub), not an alias: with a secret, the caller must give it.
  if (clientSecret !== undefined && refresh && input.username === undefined) add(issues, 'USERNAME_REQUIRED_FOR_SECRET_HASH', 'username', FOR_SECRET_HASH);
  const deviceKey = str(issues, input.deviceKey, 'deviceKey', SHAPES.DeviceKeyType);
  return { authFlow, needs, username, password, refreshToken, preferredChallenge, srpSession, clientSecret, deviceKey };
}

/**
 * AuthParameters of a checked flow, keys in wire order: USERNAME, PREFERRED_CHALLENGE, PASSWORD or REFRESH_TOKEN,
 * SRP_A, CHALLENGE_NAME, SECRET_HASH, DEVICE_KEY. An SRP flow gets its session here (a new one unless given): SRP_A
 * costs an exponentiation, so only once every member is valid.
 */
export function authParametersOf(flow: CheckedFlow, clientId: string): { authParameters: Record<string, string>; srpSession: SrpSession | undefined } {
  const authParameters: Record<string, string> = {};
  if (flow.needs.username && flow.username !== undefined) authParameters.USERNAME = flow.username;
  if (flow.preferredChallenge !== undefined) authParameters.PREFERRED_CHALLENGE = flow.preferredChallenge;
  if (flow.password !== undefined) authParameters.PASSWORD = flow.password;
  if (flow.refreshToken !== undefined) authParameters.REFRESH_TOKEN = flow.refreshToken;
  const srpSession = flow.needs.srp ? (flow.srpSession ?? createSrpSession()) : undefined;
  if (srpSession !== undefined) authParameters.SRP_A = srpSession.srpA;
  if (srpSession !== undefined && flow.authFlow === 'CUSTOM_AUTH') authParameters.CHALLENGE_NAME = 'SRP_A';
  if (flow.clientSecret !== undefined && flow.username !== undefined) authParameters.SECRET_HASH = secretHash(flow.username, clientId, flow.clientSecret);
  if (flow.deviceKey !== undefined) authParameters.DEVICE_KEY = flow.deviceKey;
  return { authParameters, srpSession };
}

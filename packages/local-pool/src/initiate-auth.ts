/**
 * InitiateAuth and AdminInitiateAuth: the client and its ExplicitAuthFlows, then each flow — USER_SRP_AUTH (also
 * through AdminInitiateAuth, as real Cognito takes it), USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH /
 * ADMIN_NO_SRP_AUTH, REFRESH_TOKEN_AUTH / REFRESH_TOKEN and USER_AUTH; CUSTOM_AUTH is refused, since it needs Lambda
 * triggers, which a local pool does not run.
 *
 * @module
 */
import { AUTH_FLOWS, type AuthFlow } from '@cognito-kit/request-builder';
import type { Call } from './call.js';
import { clientOf } from './clients.js';
import { checkPassword, passwordVerifier, requiredParameter, startLogin } from './first-factor.js';
import type { Input, JsonObject } from './input.js';
import { afterFirstFactor } from './next-step.js';
import type { AppClient } from './pool.js';
import { refresh } from './refresh.js';
import { MESSAGES, invalidParameter } from './service-error.js';
import { startUserAuth } from './user-auth.js';

/** Flows only AdminInitiateAuth takes (COGNITO-SERVER.md §2: InitiateAuth answers "Initiate Auth method not supported."). */
const ADMIN_ONLY: readonly AuthFlow[] = ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];
/** Flows only InitiateAuth takes. */
const PUBLIC_ONLY: readonly AuthFlow[] = ['USER_PASSWORD_AUTH'];

/**
 * InitiateAuth (`admin` false) or AdminInitiateAuth.
 *
 * @example
 * ```ts
 * return initiateAuth(call, input, true);
 * ```
 */
export async function initiateAuth(call: Call, input: Input, admin: boolean): Promise<JsonObject> {
  const client = clientOf(call, input, admin);
  const flow = AUTH_FLOWS.find((known) => known === input.required('AuthFlow'));
  if (flow === undefined) throw new TypeError('AuthFlow was checked against AuthFlowType but is not one of its values');
  if ((admin ? PUBLIC_ONLY : ADMIN_ONLY).includes(flow)) throw invalidParameter(MESSAGES.initiateAuthNotSupported);
  checkFlowEnabled(client, flow, admin);
  const params = input.map('AuthParameters');
  const how = { admin, authFlow: flow };
  switch (flow) {
    case 'USER_SRP_AUTH': {
      const login = await startLogin(call, client, params, how);
      return passwordVerifier(call, login, requiredParameter(params, 'SRP_A'));
    }
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH': {
      const login = await startLogin(call, client, params, how);
      checkPassword(login, requiredParameter(params, 'PASSWORD'));
      return afterFirstFactor(call, login);
    }
    case 'USER_AUTH':
      return startUserAuth(call, await startLogin(call, client, params, how), params);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refresh(call, client, params);
    case 'CUSTOM_AUTH':
      throw invalidParameter(MESSAGES.customAuth);
  }
}

/**
 * The client's ExplicitAuthFlows must allow the flow: InvalidParameterException "<FLOW> flow not enabled for this
 * client" (public), "Auth flow not enabled for this client" (Admin), the messages of COGNITO-SERVER.md §2.
 */
function checkFlowEnabled(client: AppClient, flow: AuthFlow, admin: boolean): void {
  if (client.flows.has(flow)) return;
  throw invalidParameter(admin ? MESSAGES.adminFlowNotEnabled : `${flow} flow not enabled for this client`);
}

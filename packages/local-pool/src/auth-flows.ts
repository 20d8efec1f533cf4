/**
 * An app client's ExplicitAuthFlows and what they allow: which AuthFlow values the client may start (COGNITO.md §1.4,
 * COGNITO-SERVER.md §4).
 *
 * @module
 */
import type { AuthFlow } from '@cognito-kit/request-builder';
import type { ExplicitAuthFlow } from './config.js';

/** ExplicitAuthFlowsType, every value. */
export const EXPLICIT_AUTH_FLOWS: readonly ExplicitAuthFlow[] = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_USER_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
];

/** The legacy values, which cannot be mixed with the `ALLOW_*` ones. */
export const LEGACY_AUTH_FLOWS: readonly ExplicitAuthFlow[] = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'];

/** What a client created without ExplicitAuthFlows gets. */
export const DEFAULT_AUTH_FLOWS: readonly ExplicitAuthFlow[] = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'];

/** The AuthFlow values each `ALLOW_*` setting allows. */
const ALLOWS: Readonly<Record<ExplicitAuthFlow, readonly AuthFlow[]>> = {
  ALLOW_USER_SRP_AUTH: ['USER_SRP_AUTH'],
  ALLOW_REFRESH_TOKEN_AUTH: ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'],
  ALLOW_CUSTOM_AUTH: ['CUSTOM_AUTH'],
  ALLOW_USER_PASSWORD_AUTH: ['USER_PASSWORD_AUTH'],
  ALLOW_ADMIN_USER_PASSWORD_AUTH: ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  ALLOW_USER_AUTH: ['USER_AUTH'],
  // Legacy settings: SRP, refresh and custom authentication were always on; these add the password flows.
  ADMIN_NO_SRP_AUTH: ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
  USER_PASSWORD_AUTH: ['USER_PASSWORD_AUTH'],
  CUSTOM_AUTH_FLOW_ONLY: [],
};

/**
 * The flows a client may start, given its ExplicitAuthFlows (undefined: Cognito's default for a new client). Legacy
 * settings keep SRP, refresh and custom authentication on, as they were before the `ALLOW_*` values; with
 * CUSTOM_AUTH_FLOW_ONLY only custom authentication (and refresh) is left.
 *
 * @example
 * ```ts
 * allowedFlows(['ALLOW_USER_PASSWORD_AUTH']).has('USER_SRP_AUTH'); // false
 * ```
 */
export function allowedFlows(explicit: readonly ExplicitAuthFlow[] | undefined): ReadonlySet<AuthFlow> {
  const settings = explicit ?? DEFAULT_AUTH_FLOWS;
  const allowed = new Set<AuthFlow>(settings.flatMap((setting) => ALLOWS[setting]));
  if (settings.some((setting) => LEGACY_AUTH_FLOWS.includes(setting))) {
    for (const flow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH'] as const) allowed.add(flow);
    if (!settings.includes('CUSTOM_AUTH_FLOW_ONLY')) allowed.add('USER_SRP_AUTH');
  }
  return allowed;
}

/**
 * The SRP state file that carries a login from `admin-initiate-auth` to `respond` (and from one `respond` to the
 * next): the exported SRP session (secret material) and what the answers need besides (pool, client, username,
 * device keys). Written with mode 0600 by temp file + rename; after `respond` uses the session it rewrites the
 * file without it (the login's context stays for later challenges, the secret is gone).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { exportSrpSession, importSrpSession, type SrpSession } from '@cognito-kit/srp';
import { Failure } from './args.js';
import { resolvePath, writePrivateFile, type Context } from './io.js';

export const DEFAULT_STATE_FILE = '.cognito-kit-srp-state.json';
const KIND = 'cognito-kit/srp-state';
const VERSION = 1;

/** The challenge the stored session answers. */
export type VerifierChallenge = 'PASSWORD_VERIFIER' | 'DEVICE_PASSWORD_VERIFIER';

export interface LoginState {
  userPoolId: string;
  clientId: string;
  /** The username typed, then USER_ID_FOR_SRP once a PASSWORD_VERIFIER named it. */
  username?: string;
  deviceKey?: string;
  deviceGroupKey?: string;
  /** Set while the file holds an unused SRP session. */
  pending?: { challenge: VerifierChallenge; srpSession: SrpSession };
}

interface StateFile {
  kind: typeof KIND;
  version: typeof VERSION;
  updatedAt: string;
  userPoolId: string;
  clientId: string;
  username?: string;
  deviceKey?: string;
  deviceGroupKey?: string;
  /** `exportSrpSession` output: secret. Null once used. */
  srpSession: string | null;
  answers: VerifierChallenge | null;
}

export function statePath(ctx: Context, given: string | undefined): string {
  return resolvePath(ctx, given ?? DEFAULT_STATE_FILE);
}

/** Writes (replaces) the state file, mode 0600. */
export function writeState(path: string, state: LoginState): void {
  const file: StateFile = {
    kind: KIND,
    version: VERSION,
    updatedAt: new Date().toISOString(),
    userPoolId: state.userPoolId,
    clientId: state.clientId,
    ...(state.username === undefined ? {} : { username: state.username }),
    ...(state.deviceKey === undefined ? {} : { deviceKey: state.deviceKey }),
    ...(state.deviceGroupKey === undefined ? {} : { deviceGroupKey: state.deviceGroupKey }),
    srpSession: state.pending === undefined ? null : exportSrpSession(state.pending.srpSession),
    answers: state.pending?.challenge ?? null,
  };
  writePrivateFile(path, `${JSON.stringify(file, null, 2)}\n`, { replace: true });
}

/** Reads the state file; undefined when it does not exist. */
export function readState(path: string): LoginState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Failure(`cannot read the state file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let file: Partial<StateFile>;
  try {
    file = JSON.parse(text) as Partial<StateFile>;
  } catch {
    throw new Failure(`the state file ${path} is not JSON: delete it and start again with cognito-kit admin-initiate-auth`);
  }
  if (file === null || typeof file !== 'object' || file.kind !== KIND || file.version !== VERSION) {
    throw new Failure(`${path} is not a cognito-kit state file (version ${VERSION})`);
  }
  if (typeof file.userPoolId !== 'string' || typeof file.clientId !== 'string') throw new Failure(`the state file ${path} lacks userPoolId/clientId`);
  const state: LoginState = { userPoolId: file.userPoolId, clientId: file.clientId };
  if (typeof file.username === 'string') state.username = file.username;
  if (typeof file.deviceKey === 'string') state.deviceKey = file.deviceKey;
  if (typeof file.deviceGroupKey === 'string') state.deviceGroupKey = file.deviceGroupKey;
  if (typeof file.srpSession === 'string' && (file.answers === 'PASSWORD_VERIFIER' || file.answers === 'DEVICE_PASSWORD_VERIFIER')) {
    let srpSession: SrpSession;
    try {
      srpSession = importSrpSession(file.srpSession);
    } catch {
      throw new Failure(`the state file ${path} holds no valid SRP session: start again with cognito-kit admin-initiate-auth`);
    }
    state.pending = { challenge: file.answers, srpSession };
  }
  return state;
}

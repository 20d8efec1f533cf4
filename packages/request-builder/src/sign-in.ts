/**
 * A sign-in loop for callers who do not want to drive challenges by hand: it starts a flow, answers every challenge
 * this library can compute (PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, PASSWORD_SRP, and PASSWORD
 * with the password it was given) and hands every other challenge back as a typed step, until tokens arrive.
 *
 * It is transport-agnostic: it sends through the functions it is given, so it runs on the AWS SDK or on `fetch`
 * (`send` of `@cognito-kit/request-builder`) in every runtime. Its home is the request builder, because it is made
 * of the builders, at an entry point of its own (`@cognito-kit/request-builder/sign-in`): it is an optional layer,
 * so its bytes are counted apart from the builders' budget, and neither the SRP client path nor the builders import
 * it.
 *
 * @module
 */
import { createSrpSession, type SrpSession } from '@cognito-kit/srp';
import { fail } from './errors.js';
import { buildAdminInitiateAuth, buildInitiateAuth } from './initiate-auth.js';
import { member } from './members.js';
import type {
  CustomAuthFlow,
  DevicePasswordVerifierAnswer,
  DeviceSrpAuthAnswer,
  PasswordFlow,
  PasswordVerifierAnswer,
  UserAuthFlow,
  UserSrpAuthFlow,
} from './inputs.js';
import { CHALLENGE_NAMES, NON_EMPTY, SHAPES, type ChallengeName } from './model.js';
import { buildAdminRespondToAuthChallenge, buildRespondToAuthChallenge } from './respond.js';
import type { AdminInitiateAuthRequest, AdminRespondToAuthChallengeRequest, InitiateAuthRequest, RespondToAuthChallengeRequest } from './requests.js';
import type { AuthenticationResultType, AuthResponse } from './responses.js';
import { add, isRecord, requiredStr, str, throwIfAny, type Issues } from './validation.js';

/**
 * How the loop sends the public operations (InitiateAuth and RespondToAuthChallenge). With `fetch`:
 * `{ InitiateAuth: (request) => send('InitiateAuth', request, destination), RespondToAuthChallenge: ... }`; with the
 * AWS SDK: `{ InitiateAuth: (request) => cognito.send(new InitiateAuthCommand(request)), ... }`.
 */
export interface PublicSenders {
  /** Sends InitiateAuth and returns Cognito's reply (a thrown error for an error reply). */
  InitiateAuth(request: InitiateAuthRequest): Promise<AuthResponse>;
  /** Sends RespondToAuthChallenge and returns Cognito's reply. */
  RespondToAuthChallenge(request: RespondToAuthChallengeRequest<ChallengeName>): Promise<AuthResponse>;
}

/** How the loop sends the Admin operations (server side, SigV4-signed by the transport). */
export interface AdminSenders {
  /** Sends AdminInitiateAuth, SigV4-signed, and returns Cognito's reply. */
  AdminInitiateAuth(request: AdminInitiateAuthRequest): Promise<AuthResponse>;
  /** Sends AdminRespondToAuthChallenge, SigV4-signed, and returns Cognito's reply. */
  AdminRespondToAuthChallenge(request: AdminRespondToAuthChallengeRequest<ChallengeName>): Promise<AuthResponse>;
}

/** A remembered device: its keys from NewDeviceMetadata and the password ConfirmDevice registered. */
export interface RememberedDevice {
  deviceKey: string;
  deviceGroupKey: string;
  devicePassword: string;
}

/** The flows the loop starts: the public ones with {@link PublicSenders}, ADMIN_* ones with {@link AdminSenders}. */
export type SignInFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'USER_AUTH' | 'CUSTOM_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH';

/** The input of {@link signIn}. */
export interface SignInInput {
  /** The operations to send through: {@link PublicSenders}, or {@link AdminSenders} for the Admin operations. */
  send: PublicSenders | AdminSenders;
  /** The user pool: SRP hashes its name into x, so the public operations need it too. */
  userPoolId: string;
  clientId: string;
  /** The app client's secret, for clients that have one: SECRET_HASH is added to every request. */
  clientSecret?: string | undefined;
  /** The name the user signs in with (an alias is fine: the answers use the username Cognito returns). */
  username: string;
  /** The password: for SRP (PASSWORD_VERIFIER), the password flows and USER_AUTH's PASSWORD. */
  password?: string | undefined;
  /** `USER_SRP_AUTH` by default. CUSTOM_AUTH starts with SRP; USER_AUTH uses `preferredChallenge` or asks. */
  authFlow?: SignInFlow | undefined;
  /** USER_AUTH: PASSWORD_SRP, PASSWORD, EMAIL_OTP, ...; without it Cognito answers SELECT_CHALLENGE. */
  preferredChallenge?: string | undefined;
  /** A remembered device: DEVICE_KEY is sent, and DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER are answered. */
  device?: RememberedDevice | undefined;
  /** The clock TIMESTAMP is signed with; `() => new Date()` by default. */
  now?: (() => Date) | undefined;
  clientMetadata?: Record<string, string> | undefined;
}

/**
 * What the caller answers each challenge the loop hands back with: its ChallengeResponses without USERNAME and
 * SECRET_HASH, which the loop adds. SELECT_CHALLENGE's PASSWORD_SRP and PASSWORD get SRP_A or the password added
 * too; MFA_SETUP is answered with the SESSION VerifySoftwareToken returned, which the loop sends as the Session.
 */
export interface ChallengeAnswers {
  NEW_PASSWORD_REQUIRED: { NEW_PASSWORD: string; [attribute: `userAttributes.${string}`]: string };
  SOFTWARE_TOKEN_MFA: { SOFTWARE_TOKEN_MFA_CODE: string };
  SMS_MFA: { SMS_MFA_CODE: string };
  EMAIL_OTP: { EMAIL_OTP_CODE: string };
  SMS_OTP: { SMS_OTP_CODE: string };
  SELECT_MFA_TYPE: { ANSWER: 'SMS_MFA' | 'EMAIL_OTP' | 'SOFTWARE_TOKEN_MFA' | (string & {}) };
  MFA_SETUP: { SESSION: string };
  SELECT_CHALLENGE: { ANSWER: 'PASSWORD_SRP' | 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN' | (string & {}) };
  CUSTOM_CHALLENGE: { ANSWER: string; [member: string]: string };
  WEB_AUTHN: { CREDENTIAL: string };
  ADMIN_NO_SRP_AUTH: { PASSWORD: string };
}

/** A challenge the loop hands back. */
export type HandedBackChallenge = keyof ChallengeAnswers;

/** A challenge to answer: what Cognito asked, and `answer`, which sends the answer and returns the next step. */
export interface ChallengeStep<Name extends HandedBackChallenge> {
  readonly signedIn: false;
  readonly challengeName: Name;
  readonly challengeParameters: Readonly<Record<string, string>>;
  /** SELECT_CHALLENGE's choices (AvailableChallenges); empty for other challenges. */
  readonly availableChallenges: readonly string[];
  /** The challenge's Session: MFA_SETUP needs it for AssociateSoftwareToken. */
  readonly session: string | undefined;
  /** The user's real username (USER_ID_FOR_SRP, not an alias). */
  readonly username: string;
  /** Sends the answer and returns the next step; a wrong code throws CognitoServiceError (CodeMismatchException). */
  answer(responses: ChallengeAnswers[Name]): Promise<SignInStep>;
}

/** Every challenge step, one per name, so that `step.challengeName` narrows `step.answer`. */
export type ChallengeSteps = { [Name in HandedBackChallenge]: ChallengeStep<Name> };

/** The end of a sign-in: the tokens, and NewDeviceMetadata when Cognito offers to remember the device. */
export interface SignedIn {
  readonly signedIn: true;
  readonly authenticationResult: AuthenticationResultType;
  /**
   * The user's real username (USER_ID_FOR_SRP, or the access token's `username` claim when the flow signed in at
   * once), never the alias typed: SECRET_HASH on refresh is computed over it.
   */
  readonly username: string;
}

/** Where a sign-in stands: signed in, or a challenge to answer. */
export type SignInStep = SignedIn | ChallengeSteps[HandedBackChallenge];

/** Automatic answers in a row before the loop gives up on a server that never stops asking. */
const MAX_AUTOMATIC_ANSWERS = 8;

/**
 * Signs in: starts `authFlow` (USER_SRP_AUTH by default), answers what the library can compute, and returns either
 * the tokens or the next challenge to answer (MFA codes, a new password, a choice), typed by its name.
 *
 * @returns the first step that needs the caller, or the tokens
 * @throws {CognitoServiceError} from the transport (NotAuthorizedException for a wrong password, ...)
 * @throws {RequestValidationError} for bad input, or a challenge the loop cannot answer (DEVICE_SRP_AUTH without
 *   `device`, a name outside the model's ChallengeNameType)
 * @example
 * ```ts
 * import { send } from '@cognito-kit/request-builder';
 * import { signIn } from '@cognito-kit/request-builder/sign-in';
 *
 * const destination = { region: 'eu-west-2' };
 * let step = await signIn({
 *   send: {
 *     InitiateAuth: (request) => send('InitiateAuth', request, destination),
 *     RespondToAuthChallenge: (request) => send('RespondToAuthChallenge', request, destination),
 *   },
 *   userPoolId: 'eu-west-2_eYpv1mFHB', clientId: '18u8119jgbpr464n28s1itk2mq',
 *   username: 'alice@example.com', password: 'the password',
 * });
 * if (!step.signedIn && step.challengeName === 'SOFTWARE_TOKEN_MFA') {
 *   step = await step.answer({ SOFTWARE_TOKEN_MFA_CODE: '123456' });
 * }
 * if (step.signedIn) console.log(step.authenticationResult.AccessToken);
 * ```
 */
export async function signIn(input: SignInInput): Promise<SignInStep> {
  if (!isRecord(input)) fail('INVALID_TYPE', 'input', 'must be an object');
  return new SignInLoop(input).start();
}

/** What the loop knows between steps. */
class SignInLoop {
  private readonly exchange: Exchange;
  private readonly password: string | undefined;
  private readonly device: RememberedDevice | undefined;
  private readonly now: () => Date;
  /** The user's real username, from the latest challenge that names it. */
  private username: string;
  /** The SRP session whose SRP_A was sent last, for the next (DEVICE_)PASSWORD_VERIFIER. */
  private srpSession: SrpSession | undefined;
  private automaticAnswers = 0;

  constructor(private readonly input: SignInInput) {
    const issues: Issues = [];
    this.exchange = exchangeFor(issues, input);
    this.username = requiredStr(issues, input.username, 'username', SHAPES.UsernameType);
    this.password = str(issues, input.password, 'password', SHAPES.PasswordType);
    this.device = deviceOf(issues, input.device);
    const now = input.now;
    if (now !== undefined && typeof now !== 'function') add(issues, 'INVALID_TYPE', 'now', 'must be a function returning a Date');
    this.now = now ?? (() => new Date());
    throwIfAny(issues);
  }

  async start(): Promise<SignInStep> {
    const started = await this.exchange.initiate(this.flowStart());
    this.srpSession = started.srpSession;
    return this.next(started.reply);
  }

  /** The flow's members: the password goes in the request only where the flow sends it (SRP proves it instead). */
  private flowStart(): FlowStart {
    const { authFlow = 'USER_SRP_AUTH', preferredChallenge } = this.input;
    const username = this.username;
    const deviceKey = member('deviceKey', this.device?.deviceKey);
    switch (authFlow) {
      case 'USER_SRP_AUTH':
        return { authFlow, username, ...deviceKey };
      case 'CUSTOM_AUTH':
        return { authFlow, username, withSrp: true, ...deviceKey };
      case 'USER_AUTH': {
        const password = preferredChallenge === 'PASSWORD' ? this.requirePassword(authFlow) : undefined;
        return { authFlow, username, ...member('preferredChallenge', preferredChallenge), ...member('password', password), ...deviceKey };
      }
      case 'USER_PASSWORD_AUTH':
      case 'ADMIN_USER_PASSWORD_AUTH':
      case 'ADMIN_NO_SRP_AUTH':
        return { authFlow, username, password: this.requirePassword(authFlow), ...deviceKey };
      default:
        return fail('INVALID_ENUM', 'authFlow', `must be one of USER_SRP_AUTH, USER_PASSWORD_AUTH, USER_AUTH, CUSTOM_AUTH, ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH`);
    }
  }

  private requirePassword(needer: string): string {
    return this.password ?? fail('REQUIRED', 'password', `is required by ${needer}`);
  }

  /** The step a reply leads to: the tokens, an automatic answer, or a challenge for the caller. */
  private async next(reply: AuthResponse): Promise<SignInStep> {
    const parameters = reply.ChallengeParameters ?? {};
    this.username = parameters.USER_ID_FOR_SRP ?? parameters.USERNAME ?? this.username;
    if (reply.AuthenticationResult !== undefined) {
      // A flow that signs in at once (a password flow) names no USER_ID_FOR_SRP: the access token does.
      const username = usernameOf(reply.AuthenticationResult.AccessToken) ?? this.username;
      return { signedIn: true, authenticationResult: reply.AuthenticationResult, username };
    }
    const name = CHALLENGE_NAMES.find((known) => known === reply.ChallengeName);
    if (name === undefined) {
      const what = reply.ChallengeName === undefined ? 'missing, and so are the tokens' : 'outside the model: answer it with buildRespondToAuthChallenge';
      return fail('INVALID_CHALLENGE', 'response.ChallengeName', `is ${what}`);
    }
    if (!isHandedBack(name)) {
      // Answered here; a server that asks for ever gets a typed error, not an endless loop.
      if (++this.automaticAnswers > MAX_AUTOMATIC_ANSWERS) fail('INVALID_CHALLENGE', 'response.ChallengeName', `is asked too many times in a row (${name})`);
      return this.next(await this.answerItself(name, reply));
    }
    this.automaticAnswers = 0;
    return challengeStep(name, reply, this.username, async (responses) => this.next(await this.sendAnswer(name, reply, responses)));
  }

  /** Answers a challenge the library can compute. */
  private async answerItself(name: AnsweredHere, reply: AuthResponse): Promise<AuthResponse> {
    switch (name) {
      case 'PASSWORD_VERIFIER': {
        const srpSession = this.takeSrpSession(name);
        const password = this.password ?? fail('REQUIRED', 'password', 'is required to answer PASSWORD_VERIFIER');
        const deviceKey = this.device?.deviceKey;
        return (await this.exchange.respond({ challengeName: name, srpSession, password, response: reply, now: this.now(), ...member('deviceKey', deviceKey) })).reply;
      }
      case 'DEVICE_SRP_AUTH': {
        const { deviceKey } = this.device ?? fail('REQUIRED', 'device', 'is required to answer DEVICE_SRP_AUTH (Cognito asks a remembered device)');
        const sent = await this.exchange.respond({ challengeName: name, username: this.username, deviceKey, response: reply });
        this.srpSession = sent.srpSession;
        return sent.reply;
      }
      case 'DEVICE_PASSWORD_VERIFIER': {
        const device = this.device ?? fail('REQUIRED', 'device', 'is required to answer DEVICE_PASSWORD_VERIFIER');
        const srpSession = this.takeSrpSession(name);
        return (await this.exchange.respond({ challengeName: name, srpSession, ...device, response: reply, now: this.now() })).reply;
      }
      case 'PASSWORD_SRP':
      case 'PASSWORD':
        return this.sendAnswer(name, reply, {});
    }
  }

  /** The session that sent the last SRP_A; an SRP session answers one challenge, so it is taken. */
  private takeSrpSession(name: string): SrpSession {
    const srpSession = this.srpSession ?? fail('INVALID_CHALLENGE', 'response.ChallengeName', `is ${name}, but no SRP_A was sent for it`);
    this.srpSession = undefined;
    return srpSession;
  }

  /**
   * Sends a challenge answer as a map: USERNAME (the real one) and `responses`. Choosing PASSWORD_SRP (SELECT_CHALLENGE,
   * or the challenge itself) adds SRP_A of a new session, PASSWORD the password; MFA_SETUP's SESSION goes as the
   * request's Session. SECRET_HASH is added by the builder.
   */
  private async sendAnswer(name: ChallengeName, reply: AuthResponse, responses: Readonly<Record<string, string>>): Promise<AuthResponse> {
    const challengeResponses: Record<string, string> = { USERNAME: this.username };
    let session: string | undefined;
    for (const [key, value] of Object.entries(responses)) {
      if (name === 'MFA_SETUP' && key === 'SESSION') session = value;
      else Object.defineProperty(challengeResponses, key, { value, enumerable: true, writable: true, configurable: true });
    }
    const choice = name === 'SELECT_CHALLENGE' ? responses.ANSWER : name;
    if (choice === 'PASSWORD_SRP') {
      this.srpSession = createSrpSession();
      challengeResponses.SRP_A = this.srpSession.srpA;
    }
    if (choice === 'PASSWORD') challengeResponses.PASSWORD = this.password ?? fail('REQUIRED', 'password', `is required to answer ${name} with PASSWORD`);
    return (await this.exchange.respond({ challengeName: name, challengeResponses, response: reply, ...member('session', session) })).reply;
  }
}

/**
 * The `username` claim of an access token (Cognito's internal username), read without verifying the token: the
 * loop only learns the name from it, which the token's issuer checks again whenever the token is used. Undefined when
 * the token is not a JWT with that claim.
 */
function usernameOf(accessToken: string | undefined): string | undefined {
  const payload = accessToken?.split('.')[1];
  if (payload === undefined || payload.length > 16_384) return undefined;
  try {
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return isRecord(claims) && typeof claims.username === 'string' ? claims.username : undefined;
  } catch {
    return undefined; // not base64url JSON: not a Cognito access token
  }
}

/** The challenges the loop answers itself. */
type AnsweredHere = Exclude<ChallengeName, HandedBackChallenge>;

function isHandedBack(name: ChallengeName): name is HandedBackChallenge {
  return name !== 'PASSWORD_VERIFIER' && name !== 'DEVICE_SRP_AUTH' && name !== 'DEVICE_PASSWORD_VERIFIER' && name !== 'PASSWORD_SRP' && name !== 'PASSWORD';
}

/**
 * The step for a challenge handed back; `send` sends the caller's answer. Its `challengeName` is the union of the
 * names handed back, which TypeScript checks against each member of the step union in turn.
 */
function challengeStep(
  challengeName: HandedBackChallenge,
  reply: AuthResponse,
  username: string,
  send: (responses: Readonly<Record<string, string>>) => Promise<SignInStep>,
): SignInStep {
  return {
    signedIn: false,
    challengeName,
    challengeParameters: { ...reply.ChallengeParameters },
    availableChallenges: [...(reply.AvailableChallenges ?? [])],
    session: reply.Session,
    username,
    answer: (responses: ChallengeAnswers[HandedBackChallenge]) => send(responses),
  };
}

/** A remembered device, checked: three non-empty strings. */
function deviceOf(issues: Issues, device: unknown): RememberedDevice | undefined {
  if (device === undefined) return undefined;
  if (!isRecord(device)) return add(issues, 'INVALID_TYPE', 'device', 'must be { deviceKey, deviceGroupKey, devicePassword }');
  return {
    deviceKey: requiredStr(issues, device.deviceKey, 'device.deviceKey', SHAPES.DeviceKeyType),
    deviceGroupKey: requiredStr(issues, device.deviceGroupKey, 'device.deviceGroupKey', NON_EMPTY),
    devicePassword: requiredStr(issues, device.devicePassword, 'device.devicePassword', NON_EMPTY),
  };
}

/** What the loop starts a flow with (the client's members are added by the exchange). */
type FlowStart =
  | UserSrpAuthFlow
  | CustomAuthFlow
  | UserAuthFlow
  | PasswordFlow<'USER_PASSWORD_AUTH'>
  | PasswordFlow<'ADMIN_USER_PASSWORD_AUTH'>
  | PasswordFlow<'ADMIN_NO_SRP_AUTH'>;

/** An answer the loop sends (the client's members are added by the exchange). */
type Answer =
  | PasswordVerifierAnswer
  | DeviceSrpAuthAnswer
  | DevicePasswordVerifierAnswer
  | { challengeName: ChallengeName; challengeResponses: Record<string, string>; response: AuthResponse; session?: string };

/** The two calls the loop makes, on the public or the Admin operations. */
interface Exchange {
  initiate(flow: FlowStart): Promise<{ reply: AuthResponse; srpSession: SrpSession | undefined }>;
  respond(answer: Answer): Promise<{ reply: AuthResponse; srpSession: SrpSession | undefined }>;
}

/** The exchange of `input.send`, with the client's members (checked by the builders on every call). */
function exchangeFor(issues: Issues, input: SignInInput): Exchange {
  const send: unknown = input.send;
  const userPoolId = requiredStr(issues, input.userPoolId, 'userPoolId', SHAPES.UserPoolIdType);
  const client = { clientId: input.clientId, ...member('clientSecret', input.clientSecret), ...member('clientMetadata', input.clientMetadata) };
  if (isAdminSenders(send)) {
    return {
      initiate: async (flow) => {
        const { request, srpSession } = buildAdminInitiateAuth({ userPoolId, ...client, ...flow });
        return { reply: await send.AdminInitiateAuth(request), srpSession };
      },
      respond: async (answer) => {
        const { request, srpSession } = buildAdminRespondToAuthChallenge({ userPoolId, ...client, ...answer });
        return { reply: await send.AdminRespondToAuthChallenge(request), srpSession };
      },
    };
  }
  if (isPublicSenders(send)) {
    return {
      initiate: async (flow) => {
        if (flow.authFlow === 'ADMIN_USER_PASSWORD_AUTH' || flow.authFlow === 'ADMIN_NO_SRP_AUTH') {
          return fail('INVALID_ENUM', 'authFlow', 'is an AdminInitiateAuth flow: send through AdminInitiateAuth and AdminRespondToAuthChallenge');
        }
        const { request, srpSession } = buildInitiateAuth({ ...client, ...flow });
        return { reply: await send.InitiateAuth(request), srpSession };
      },
      respond: async (answer) => {
        // The public PASSWORD_VERIFIER answer still takes the pool id: SRP hashes its name.
        const built = answer.challengeName === 'PASSWORD_VERIFIER' && 'srpSession' in answer
          ? buildRespondToAuthChallenge({ userPoolId, ...client, ...answer })
          : buildRespondToAuthChallenge({ ...client, ...answer });
        return { reply: await send.RespondToAuthChallenge(built.request), srpSession: built.srpSession };
      },
    };
  }
  add(issues, 'INVALID_TYPE', 'send', 'must have the functions InitiateAuth and RespondToAuthChallenge, or AdminInitiateAuth and AdminRespondToAuthChallenge');
  const unusable = (): never => fail('INVALID_TYPE', 'send', 'has no function to send with');
  return { initiate: unusable, respond: unusable };
}

function isAdminSenders(send: unknown): send is AdminSenders {
  return isRecord(send) && typeof send.AdminInitiateAuth === 'function' && typeof send.AdminRespondToAuthChallenge === 'function';
}

function isPublicSenders(send: unknown): send is PublicSenders {
  return isRecord(send) && typeof send.InitiateAuth === 'function' && typeof send.RespondToAuthChallenge === 'function';
}

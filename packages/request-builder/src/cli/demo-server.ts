/**
 * The demo's stand-in for Cognito (the tests use it too): a user pool in memory that answers the awsJson1_1 bodies
 * of InitiateAuth, AdminInitiateAuth (USER_SRP_AUTH), their RespondToAuthChallenge operations and ConfirmDevice with
 * the server half of `@cognito-kit/srp`, so every signature and SECRET_HASH is really checked. For demos and tests
 * only: no expiry, no lockout, fake tokens.
 *
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { secretHash } from '@cognito-kit/srp';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyDevicePasswordClaim,
  verifyPasswordClaim,
  type ServerChallenge,
  type StoredDevice,
} from '@cognito-kit/srp/server';

export interface DemoPoolConfig {
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
}

/** A reply: the JSON body Cognito would send, or its error (`__type` and `message`). */
export type Reply = { ok: true; body: Record<string, unknown> } | { ok: false; type: string; message: string };

interface Pending {
  challenge: ServerChallenge;
  username: string;
  deviceKey?: string;
}

const refuse = (type: string, message: string): Reply => ({ ok: false, type, message });

export class EmbeddedCognito {
  /** Users by the name they sign in with; `userIdForSrp` is their real username (USER_ID_FOR_SRP). */
  private readonly users = new Map<string, { salt: string; verifier: string; userIdForSrp: string }>();
  private readonly devices = new Map<string, StoredDevice | { username: string; deviceGroupKey: string; deviceKey: string; deviceSecretVerifierConfig?: undefined }>();
  /** PASSWORD_VERIFIER challenges by SECRET_BLOCK (real Cognito sends no Session with them), others by Session. */
  private readonly pending = new Map<string, Pending>();
  private readonly accessTokens = new Map<string, string>();
  private readonly region: string;
  /** Milliseconds of server math in the last call. */
  lastMathMs = 0;

  constructor(private readonly pool: DemoPoolConfig) {
    this.region = pool.userPoolId.split('_')[0]!;
  }

  /**
   * Creates a user: Cognito keeps a salt and the verifier g^x, never the password. `userIdForSrp` (the real
   * username, returned as USER_ID_FOR_SRP) defaults to `username`; otherwise `username` is an alias for it.
   */
  addUser(username: string, password: string, userIdForSrp = username): void {
    const started = performance.now();
    const stored = { ...createUserVerifier({ userPoolId: this.pool.userPoolId, userIdForSrp, password }), userIdForSrp };
    this.users.set(username, stored);
    this.users.set(userIdForSrp, stored);
    this.lastMathMs = performance.now() - started;
  }

  /** Answers one request; `target` is the X-Amz-Target header, `body` the parsed JSON body. */
  handle(target: string, body: Record<string, unknown>): Reply {
    this.lastMathMs = 0;
    const operation = target.split('.').pop();
    if (operation === 'ConfirmDevice') return this.confirmDevice(body);
    if (body.ClientId !== this.pool.clientId) return refuse('ResourceNotFoundException', 'User pool client does not exist.');
    const admin = operation === 'AdminInitiateAuth' || operation === 'AdminRespondToAuthChallenge';
    if (admin && body.UserPoolId !== this.pool.userPoolId) return refuse('ResourceNotFoundException', 'User pool does not exist.');
    if (operation === 'InitiateAuth' || operation === 'AdminInitiateAuth') return this.initiate(body);
    if (operation === 'RespondToAuthChallenge' || operation === 'AdminRespondToAuthChallenge') return this.respond(body);
    return refuse('UnknownOperationException', `the demo server does not implement ${String(operation)}`);
  }

  private secretHashOk(username: string, given: string | undefined): boolean {
    return this.pool.clientSecret === undefined || given === secretHash(username, this.pool.clientId, this.pool.clientSecret);
  }

  private timed<T>(fn: () => T): T {
    const started = performance.now();
    const value = fn();
    this.lastMathMs += performance.now() - started;
    return value;
  }

  private initiate(body: Record<string, unknown>): Reply {
    if (body.AuthFlow !== 'USER_SRP_AUTH') return refuse('InvalidParameterException', 'the demo server takes USER_SRP_AUTH only');
    const params = (body.AuthParameters ?? {}) as Record<string, string>;
    const username = params.USERNAME ?? '';
    const user = this.users.get(username);
    if (user === undefined) return refuse('NotAuthorizedException', 'Incorrect username or password.');
    if (!this.secretHashOk(username, params.SECRET_HASH)) return refuse('NotAuthorizedException', `Unable to verify secret hash for client ${this.pool.clientId}`);
    if (typeof params.SRP_A !== 'string') return refuse('InvalidParameterException', 'Missing required parameter SRP_A');
    const { userIdForSrp } = user;
    const challenge = this.timed(() =>
      createServerChallenge({ userPoolId: this.pool.userPoolId, userIdForSrp, username: userIdForSrp, salt: user.salt, verifier: user.verifier }, params.SRP_A!),
    );
    this.pending.set(challenge.challengeParameters.SECRET_BLOCK!, {
      challenge,
      username: userIdForSrp,
      ...(params.DEVICE_KEY === undefined ? {} : { deviceKey: params.DEVICE_KEY }),
    });
    return { ok: true, body: { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { ...challenge.challengeParameters } } };
  }

  private respond(body: Record<string, unknown>): Reply {
    const responses = (body.ChallengeResponses ?? {}) as Record<string, string>;
    const secretOptions = this.pool.clientSecret === undefined ? {} : { clientId: this.pool.clientId, clientSecret: this.pool.clientSecret };
    switch (body.ChallengeName) {
      case 'PASSWORD_VERIFIER': {
        const key = responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '';
        const pending = this.pending.get(key);
        this.pending.delete(key); // one answer per challenge, right or wrong
        if (pending === undefined || !this.timed(() => verifyPasswordClaim(pending.challenge, responses, secretOptions))) {
          return refuse('NotAuthorizedException', 'Incorrect username or password.');
        }
        const deviceKey = responses.DEVICE_KEY;
        if (deviceKey !== undefined) {
          const device = this.devices.get(deviceKey);
          if (device?.deviceSecretVerifierConfig !== undefined && device.username === pending.username) {
            const Session = this.newSession({ challenge: pending.challenge, username: pending.username, deviceKey });
            return { ok: true, body: { ChallengeName: 'DEVICE_SRP_AUTH', ChallengeParameters: {}, Session } };
          }
        }
        return this.tokens(pending.username, true);
      }
      case 'DEVICE_SRP_AUTH': {
        const pending = this.takeSession(body.Session);
        const device = this.devices.get(responses.DEVICE_KEY ?? '');
        if (pending === undefined || pending.deviceKey !== responses.DEVICE_KEY) return refuse('NotAuthorizedException', 'Invalid session for the user.');
        if (device?.deviceSecretVerifierConfig === undefined) return refuse('ResourceNotFoundException', 'Device does not exist.');
        if (responses.USERNAME !== pending.username || !this.secretHashOk(pending.username, responses.SECRET_HASH)) {
          return refuse('NotAuthorizedException', 'Incorrect username or secret hash.');
        }
        const challenge = this.timed(() => createDeviceServerChallenge(device as StoredDevice, responses.SRP_A ?? ''));
        const Session = this.newSession({ challenge, username: pending.username, deviceKey: device.deviceKey });
        return { ok: true, body: { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ChallengeParameters: { ...challenge.challengeParameters }, Session } };
      }
      case 'DEVICE_PASSWORD_VERIFIER': {
        const pending = this.takeSession(body.Session);
        if (pending === undefined || !this.timed(() => verifyDevicePasswordClaim(pending.challenge, responses, secretOptions))) {
          return refuse('NotAuthorizedException', 'Incorrect username or password.');
        }
        return this.tokens(pending.username, false);
      }
      default:
        return refuse('InvalidParameterException', `the demo server does not answer ${String(body.ChallengeName)}`);
    }
  }

  private confirmDevice(body: Record<string, unknown>): Reply {
    const username = this.accessTokens.get(String(body.AccessToken));
    if (username === undefined) return refuse('NotAuthorizedException', 'Invalid Access Token');
    const device = this.devices.get(String(body.DeviceKey));
    if (device === undefined || device.username !== username) return refuse('ResourceNotFoundException', 'Device does not exist.');
    const config = body.DeviceSecretVerifierConfig as { Salt?: unknown; PasswordVerifier?: unknown } | undefined;
    if (typeof config?.Salt !== 'string' || typeof config.PasswordVerifier !== 'string') {
      return refuse('InvalidParameterException', 'DeviceSecretVerifierConfig needs Salt and PasswordVerifier');
    }
    this.devices.set(device.deviceKey, { ...device, deviceSecretVerifierConfig: { Salt: config.Salt, PasswordVerifier: config.PasswordVerifier } });
    return { ok: true, body: { UserConfirmationNecessary: false } };
  }

  private newSession(pending: Pending): string {
    const session = randomBytes(48).toString('base64url');
    this.pending.set(session, pending);
    return session;
  }

  private takeSession(session: unknown): Pending | undefined {
    if (typeof session !== 'string') return undefined;
    const pending = this.pending.get(session);
    this.pending.delete(session);
    return pending;
  }

  private tokens(username: string, newDevice: boolean): Reply {
    const token = (kind: string): string => `demo-${kind}.${randomBytes(24).toString('base64url')}`;
    const AccessToken = token('access');
    this.accessTokens.set(AccessToken, username);
    const result: Record<string, unknown> = { AccessToken, ExpiresIn: 3600, TokenType: 'Bearer', RefreshToken: token('refresh'), IdToken: token('id') };
    if (newDevice) {
      const deviceKey = `${this.region}_${randomUUID()}`;
      const deviceGroupKey = `-${randomBytes(6).toString('base64url')}`;
      this.devices.set(deviceKey, { username, deviceKey, deviceGroupKey });
      result.NewDeviceMetadata = { DeviceKey: deviceKey, DeviceGroupKey: deviceGroupKey };
    }
    return { ok: true, body: { ChallengeParameters: {}, AuthenticationResult: result } };
  }
}

// A user pool in memory that answers Cognito's JSON operations with the SRP server half of @cognito-kit/srp, so a
// login through the real AWS SDK client has its SRP signatures (and SECRET_HASH) really verified.
import { secretHash } from '@cognito-kit/srp';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyDevicePasswordClaim,
  verifyPasswordClaim,
  type ServerChallenge,
} from '@cognito-kit/srp/server';

export interface FakePool {
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
  username: string;
  userIdForSrp: string;
  password: string;
}

const error = (type: string, message: string) => ({ status: 400, body: { __type: type, message } });

export function fakeCognito(pool: FakePool) {
  const stored = { ...createUserVerifier(pool), userPoolId: pool.userPoolId, userIdForSrp: pool.userIdForSrp, username: pool.username };
  const sessions = new Map<string, ServerChallenge>();
  const devices = new Map<string, { DeviceGroupKey: string; config?: { Salt: string; PasswordVerifier: string } }>();
  const calls: { operation: string; body: Record<string, unknown> }[] = [];
  let counter = 0;
  const secretOptions = pool.clientSecret === undefined ? {} : { clientId: pool.clientId, clientSecret: pool.clientSecret };

  const newSession = (challenge: ServerChallenge) => {
    const id = `session-${String(++counter).padStart(20, '0')}`;
    sessions.set(id, challenge);
    return id;
  };
  const tokens = (withDevice: boolean) => {
    const result: Record<string, unknown> = { AccessToken: 'access-token', IdToken: 'id-token', RefreshToken: 'refresh-token', ExpiresIn: 3600, TokenType: 'Bearer' };
    if (withDevice) {
      const DeviceKey = `us-east-1_${String(devices.size + 1).padStart(8, '0')}-0000-4000-8000-000000000000`;
      devices.set(DeviceKey, { DeviceGroupKey: '-GrOuPkEy1' });
      result.NewDeviceMetadata = { DeviceKey, DeviceGroupKey: '-GrOuPkEy1' };
    }
    return { body: { ChallengeParameters: {}, AuthenticationResult: result } };
  };

  function answer(operation: string, body: Record<string, unknown>): { status?: number; body: unknown } {
    calls.push({ operation, body });
    if (operation !== 'ConfirmDevice' && body.ClientId !== pool.clientId) return error('ResourceNotFoundException', 'User pool client does not exist.');
    const params = (body.AuthParameters ?? body.ChallengeResponses ?? {}) as Record<string, string>;
    if (operation === 'AdminInitiateAuth' || operation === 'InitiateAuth') {
      if (operation === 'AdminInitiateAuth' && body.UserPoolId !== pool.userPoolId) return error('ResourceNotFoundException', 'User pool does not exist.');
      if (body.AuthFlow !== 'USER_SRP_AUTH') return error('InvalidParameterException', 'only USER_SRP_AUTH here');
      if (params.USERNAME !== pool.username && params.USERNAME !== pool.userIdForSrp) return error('NotAuthorizedException', 'Incorrect username or password.');
      if (pool.clientSecret !== undefined && params.SECRET_HASH !== secretHash(params.USERNAME, pool.clientId, pool.clientSecret)) {
        return error('NotAuthorizedException', `Unable to verify secret hash for client ${pool.clientId}`);
      }
      const challenge = createServerChallenge(stored, params.SRP_A!);
      // Like real Cognito: no Session with PASSWORD_VERIFIER; the SECRET_BLOCK carries the state.
      sessions.set(challenge.challengeParameters.SECRET_BLOCK!, challenge);
      return { body: { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: challenge.challengeParameters } };
    }
    if (operation === 'AdminRespondToAuthChallenge' || operation === 'RespondToAuthChallenge') {
      const name = body.ChallengeName;
      if (name === 'PASSWORD_VERIFIER') {
        const challenge = sessions.get(params.PASSWORD_CLAIM_SECRET_BLOCK ?? '');
        if (challenge === undefined || !verifyPasswordClaim(challenge, params, secretOptions)) return error('NotAuthorizedException', 'Incorrect username or password.');
        const device = params.DEVICE_KEY === undefined ? undefined : devices.get(params.DEVICE_KEY);
        if (device?.config !== undefined) {
          return { body: { ChallengeName: 'DEVICE_SRP_AUTH', ChallengeParameters: {}, Session: `session-device-${String(++counter).padStart(12, '0')}` } };
        }
        return tokens(true);
      }
      if (name === 'DEVICE_SRP_AUTH') {
        const device = devices.get(params.DEVICE_KEY ?? '');
        if (device?.config === undefined) return error('ResourceNotFoundException', 'Device does not exist.');
        if (pool.clientSecret !== undefined && params.SECRET_HASH !== secretHash(params.USERNAME!, pool.clientId, pool.clientSecret)) {
          return error('NotAuthorizedException', 'Unable to verify secret hash');
        }
        const challenge = createDeviceServerChallenge(
          { deviceGroupKey: device.DeviceGroupKey, deviceKey: params.DEVICE_KEY!, username: pool.userIdForSrp, deviceSecretVerifierConfig: device.config },
          params.SRP_A!,
        );
        return { body: { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ChallengeParameters: challenge.challengeParameters, Session: newSession(challenge) } };
      }
      if (name === 'DEVICE_PASSWORD_VERIFIER') {
        const challenge = sessions.get(String(body.Session));
        if (challenge === undefined || !verifyDevicePasswordClaim(challenge, params, secretOptions)) return error('NotAuthorizedException', 'Incorrect device password.');
        return tokens(false);
      }
      return error('InvalidParameterException', `unsupported challenge ${String(name)}`);
    }
    if (operation === 'ConfirmDevice') {
      const device = devices.get(String(body.DeviceKey));
      if (device === undefined) return error('ResourceNotFoundException', 'Device does not exist.');
      device.config = body.DeviceSecretVerifierConfig as { Salt: string; PasswordVerifier: string };
      return { body: { UserConfirmationNecessary: false } };
    }
    return error('InvalidAction', operation);
  }

  return { answer, calls, devices };
}

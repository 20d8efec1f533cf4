// cognito-kit respond: the full pipe admin-initiate-auth → (the server half answers as the AWS CLI would print
// it) → respond, with the printed ChallengeResponses verified by @cognito-kit/srp/server; device challenges with
// device-verifier's password file; pass-through challenges with --answer.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { secretHash } from '@cognito-kit/srp';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyDevicePasswordClaim,
  verifyPasswordClaim,
  type ServerChallenge,
} from '@cognito-kit/srp/server';
import { describe, expect, it } from 'vitest';
import { SECRETS, cli, expectNoSecrets, fileMode, readJson, subdir, useTempDir, type RunResult } from './helpers.js';

const root = useTempDir();
const POOL = 'us-east-1_AbC123xyz';
const CLIENT = 'client0123456789';
const ALIAS = 'alice@example.com';
const USER_ID = '7f3e2c1a-0000-4000-8000-00000000abcd';
const STATE = '.cognito-kit-srp-state.json';
const DEVICE_KEY = 'us-east-1_0f1e2d3c-aaaa-4bbb-8ccc-123456789abc';
const DEVICE_GROUP = '-GrOuPkEy1';
const ENV = { COGNITO_CLIENT_SECRET: SECRETS.COGNITO_CLIENT_SECRET, COGNITO_PASSWORD: SECRETS.COGNITO_PASSWORD };
const secretOptions = { clientId: CLIENT, clientSecret: SECRETS.COGNITO_CLIENT_SECRET };
const stored = createUserVerifier({ userPoolId: POOL, userIdForSrp: USER_ID, password: SECRETS.COGNITO_PASSWORD });
const user = { userPoolId: POOL, userIdForSrp: USER_ID, username: ALIAS, ...stored };

interface Request {
  UserPoolId: string;
  ClientId: string;
  ChallengeName: string;
  ChallengeResponses: Record<string, string>;
  Session?: string;
  AuthParameters?: Record<string, string>;
}

const json = (result: RunResult): Request => {
  expect(result.stderr.startsWith('error') || result.status !== 0 ? result.stderr : '').toBe('');
  return JSON.parse(result.stdout) as Request;
};

/** What `aws cognito-idp admin-initiate-auth --output json` prints for a challenge (4-space indented JSON). */
const awsOutput = (challenge: ServerChallenge | { challengeName: string; challengeParameters: Record<string, string> }, session?: string): string =>
  `${JSON.stringify({ ChallengeName: challenge.challengeName, ...(session === undefined ? {} : { Session: session }), ChallengeParameters: challenge.challengeParameters }, null, 4)}\n`;

/** admin-initiate-auth USER_SRP_AUTH in `cwd`; returns the request and the server's PASSWORD_VERIFIER challenge. */
function initiate(cwd: string, extra: string[] = []): { request: Request; challenge: ServerChallenge } {
  const result = cli(['admin-initiate-auth', '--user-pool-id', POOL, '--client-id', CLIENT, '--auth-flow', 'USER_SRP_AUTH', '--username', ALIAS, ...extra], { cwd, env: ENV });
  expect(result.status).toBe(0);
  expectNoSecrets(result);
  const request = JSON.parse(result.stdout) as Request;
  return { request, challenge: createServerChallenge(user, request.AuthParameters!.SRP_A!) };
}

describe('PASSWORD_VERIFIER through the pipe', () => {
  it('admin-initiate-auth → server half → respond (stdin): the server accepts the printed ChallengeResponses', () => {
    const cwd = subdir(root(), 'pipe');
    const { challenge } = initiate(cwd);
    const result = cli(['respond'], { cwd, env: ENV, input: awsOutput(challenge) });
    expect(result.status).toBe(0);
    const request = JSON.parse(result.stdout) as Request;
    expect(request).toMatchObject({ UserPoolId: POOL, ClientId: CLIENT, ChallengeName: 'PASSWORD_VERIFIER' });
    expect(Object.keys(request)).toEqual(['UserPoolId', 'ClientId', 'ChallengeName', 'ChallengeResponses']);
    expect(request.ChallengeResponses.USERNAME).toBe(USER_ID); // USER_ID_FOR_SRP, not the alias typed
    expect(request.ChallengeResponses.SECRET_HASH).toBe(secretHash(USER_ID, CLIENT, SECRETS.COGNITO_CLIENT_SECRET));
    expect(verifyPasswordClaim(challenge, request.ChallengeResponses, secretOptions)).toBe(true);
    expectNoSecrets(result);

    // The state keeps the login's context but no longer the session; a second answer is refused.
    const state = readJson<{ srpSession: unknown; username: string; answers: unknown }>(join(cwd, STATE));
    expect(state).toMatchObject({ srpSession: null, answers: null, username: USER_ID });
    expect(fileMode(join(cwd, STATE))).toBe(0o600);
    const again = cli(['respond'], { cwd, env: ENV, input: awsOutput(challenge) });
    expect(again.status).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('was already used');
  });

  it('a wrong password gives an answer the server refuses', () => {
    const cwd = subdir(root(), 'wrong');
    const { challenge } = initiate(cwd);
    const result = cli(['respond'], { cwd, env: { ...ENV, COGNITO_PASSWORD: `${SECRETS.COGNITO_PASSWORD}!` }, input: awsOutput(challenge) });
    expect(result.status).toBe(0);
    expect(verifyPasswordClaim(challenge, json(result).ChallengeResponses, secretOptions)).toBe(false);
  });

  it('--input FILE with the password from --password-stdin; Session is passed through', () => {
    const cwd = subdir(root(), 'input-file');
    const { challenge } = initiate(cwd, ['--state', 'login.json']);
    const session = 'AYABeSessionFromCognito0123456789';
    writeFileSync(join(cwd, 'challenge.json'), awsOutput(challenge, session));
    const result = cli(['respond', '--input', 'challenge.json', '--state', 'login.json', '--password-stdin'], {
      cwd,
      env: { COGNITO_CLIENT_SECRET: SECRETS.COGNITO_CLIENT_SECRET },
      input: `${SECRETS.COGNITO_PASSWORD}\n`,
    });
    expect(result.status).toBe(0);
    const request = json(result);
    expect(request.Session).toBe(session);
    expect(verifyPasswordClaim(challenge, request.ChallengeResponses, secretOptions)).toBe(true);
    expectNoSecrets(result);
  });

  it('--password-stdin while the response comes on stdin is a usage error', () => {
    const result = cli(['respond', '--password-stdin'], { cwd: subdir(root(), 'stdin-clash'), input: '{}' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--password-stdin needs stdin, which carries the response JSON');
  });

  it('no password: exit 2 with how to give it; the session stays unused', () => {
    const cwd = subdir(root(), 'no-password');
    const { challenge } = initiate(cwd);
    const result = cli(['respond'], { cwd, env: { COGNITO_CLIENT_SECRET: SECRETS.COGNITO_CLIENT_SECRET }, input: awsOutput(challenge) });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PASSWORD_VERIFIER needs the password: set COGNITO_PASSWORD');
    expect(readJson<{ srpSession: unknown }>(join(cwd, STATE)).srpSession).toEqual(expect.stringMatching(/^cognito-kit\.srp-session\.v1\./));
  });

  it('no state file: exit 1 that names it', () => {
    const cwd = subdir(root(), 'no-state');
    const challenge = createServerChallenge(user, 'ab'.repeat(100));
    const result = cli(['respond', '--user-pool-id', POOL, '--client-id', CLIENT], { cwd, env: ENV, input: awsOutput(challenge) });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('there is none at .cognito-kit-srp-state.json');
  });

  it('a flag that contradicts the state file is a usage error', () => {
    const cwd = subdir(root(), 'contradict');
    const { challenge } = initiate(cwd);
    const result = cli(['respond', '--client-id', 'otherclient'], { cwd, env: ENV, input: awsOutput(challenge) });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--client-id differs from the value in the state file');
  });

  it('challenge parameters that cannot be answered are a validation error naming the parameter', () => {
    const cwd = subdir(root(), 'bad-b');
    const { challenge } = initiate(cwd);
    const broken = { challengeName: 'PASSWORD_VERIFIER', challengeParameters: { ...challenge.challengeParameters, SRP_B: '0' } };
    const result = cli(['respond'], { cwd, env: ENV, input: awsOutput(broken) });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: response\.ChallengeParameters\.SRP_B: /);
    expectNoSecrets(result);
  });
});

describe('input that is not a challenge', () => {
  const cases: [string, string, string][] = [
    ['empty stdin', '', 'stdin is empty'],
    ['text output', 'PASSWORD_VERIFIER\tabc', 'is not JSON (if the AWS CLI printed text or a table, add --output json)'],
    ['a finished login', '{"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"x"}}', 'the login is complete'],
    ['an array', '[]', 'is not a JSON object'],
    ['no ChallengeName', '{"Session":"x"}', 'has no ChallengeName'],
  ];
  it.each(cases)('%s: exit 1', (_, input, message) => {
    const result = cli(['respond', '--user-pool-id', POOL, '--client-id', CLIENT], { cwd: subdir(root(), 'bad-input'), input });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});

describe('remembered device: device-verifier, then PASSWORD_VERIFIER → DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER', () => {
  it('every answer is accepted by the server half', () => {
    const cwd = subdir(root(), 'device');
    const verifier = cli(['device-verifier', '--device-key', DEVICE_KEY, '--device-group-key', DEVICE_GROUP, '--device-password-file', 'device.pw'], { cwd, env: ENV });
    expect(verifier.status).toBe(0);
    const confirm = JSON.parse(verifier.stdout) as { DeviceKey: string; DeviceSecretVerifierConfig: { Salt: string; PasswordVerifier: string } };
    const device = { deviceGroupKey: DEVICE_GROUP, deviceKey: DEVICE_KEY, username: USER_ID, deviceSecretVerifierConfig: confirm.DeviceSecretVerifierConfig };

    const { request: first, challenge } = initiate(cwd, ['--device-key', DEVICE_KEY]);
    expect(first.AuthParameters!.DEVICE_KEY).toBe(DEVICE_KEY);
    const answer = cli(['respond'], { cwd, env: ENV, input: awsOutput(challenge) });
    expect(answer.status).toBe(0);
    const passwordAnswer = json(answer);
    expect(passwordAnswer.ChallengeResponses.DEVICE_KEY).toBe(DEVICE_KEY);
    expect(verifyPasswordClaim(challenge, passwordAnswer.ChallengeResponses, secretOptions)).toBe(true);

    // Cognito: DEVICE_SRP_AUTH with a Session and no parameters.
    const session1 = 'session-device-0000000000001';
    const srpAuth = cli(['respond', '--device-group-key', DEVICE_GROUP], {
      cwd,
      env: ENV,
      input: awsOutput({ challengeName: 'DEVICE_SRP_AUTH', challengeParameters: {} }, session1),
    });
    expect(srpAuth.status).toBe(0);
    const deviceStart = json(srpAuth);
    expect(deviceStart.ChallengeName).toBe('DEVICE_SRP_AUTH');
    expect(deviceStart.Session).toBe(session1);
    expect(Object.keys(deviceStart.ChallengeResponses).sort()).toEqual(['DEVICE_KEY', 'SECRET_HASH', 'SRP_A', 'USERNAME']);
    expect(deviceStart.ChallengeResponses).toMatchObject({ USERNAME: USER_ID, DEVICE_KEY: DEVICE_KEY, SECRET_HASH: secretHash(USER_ID, CLIENT, SECRETS.COGNITO_CLIENT_SECRET) });
    expect(readJson<{ answers: string; deviceGroupKey: string }>(join(cwd, STATE))).toMatchObject({ answers: 'DEVICE_PASSWORD_VERIFIER', deviceGroupKey: DEVICE_GROUP });
    expect(fileMode(join(cwd, STATE))).toBe(0o600);

    const deviceChallenge = createDeviceServerChallenge(device, deviceStart.ChallengeResponses.SRP_A!);
    const session2 = 'session-device-0000000000002';
    const devicePassword = readFileSync(join(cwd, 'device.pw'), 'utf8').trim();
    const final = cli(['respond', '--device-password-file', 'device.pw'], { cwd, env: ENV, input: awsOutput(deviceChallenge, session2) });
    expect(final.status).toBe(0);
    const deviceAnswer = json(final);
    expect(deviceAnswer).toMatchObject({ ChallengeName: 'DEVICE_PASSWORD_VERIFIER', Session: session2 });
    expect(verifyDevicePasswordClaim(deviceChallenge, deviceAnswer.ChallengeResponses, secretOptions)).toBe(true);
    expect(readJson<{ srpSession: unknown }>(join(cwd, STATE)).srpSession).toBeNull();
    for (const result of [verifier, answer, srpAuth, final]) expectNoSecrets(result, [...Object.values(SECRETS), devicePassword]);
  });

  it('DEVICE_PASSWORD_VERIFIER with the device password from COGNITO_DEVICE_PASSWORD, a wrong one refused', () => {
    const cwd = subdir(root(), 'device-env');
    const verifier = cli(['device-verifier', '--device-key', DEVICE_KEY, '--device-group-key', DEVICE_GROUP, '--device-password-file', 'd.pw'], { cwd });
    const config = (JSON.parse(verifier.stdout) as { DeviceSecretVerifierConfig: { Salt: string; PasswordVerifier: string } }).DeviceSecretVerifierConfig;
    const devicePassword = readFileSync(join(cwd, 'd.pw'), 'utf8').trim();
    const device = { deviceGroupKey: DEVICE_GROUP, deviceKey: DEVICE_KEY, username: USER_ID, deviceSecretVerifierConfig: config };
    for (const [password, accepted] of [[devicePassword, true], [SECRETS.COGNITO_DEVICE_PASSWORD, false]] as const) {
      const common = ['--user-pool-id', POOL, '--client-id', CLIENT, '--username', USER_ID, '--device-key', DEVICE_KEY];
      const start = cli(['respond', ...common], { cwd, input: awsOutput({ challengeName: 'DEVICE_SRP_AUTH', challengeParameters: {} }, 'session-device-0000000000003') });
      expect(start.status).toBe(0);
      const challenge = createDeviceServerChallenge(device, json(start).ChallengeResponses.SRP_A!);
      const final = cli(['respond', '--device-group-key', DEVICE_GROUP], { cwd, env: { COGNITO_DEVICE_PASSWORD: password }, input: awsOutput(challenge, 'session-device-0000000000004') });
      expect(final.status).toBe(0);
      expect(verifyDevicePasswordClaim(challenge, json(final).ChallengeResponses)).toBe(accepted);
      expectNoSecrets(final, [password]);
    }
  });

  it('DEVICE_SRP_AUTH without a device key, DEVICE_PASSWORD_VERIFIER without a group key: usage errors', () => {
    const cwd = subdir(root(), 'device-missing');
    const common = ['--user-pool-id', POOL, '--client-id', CLIENT, '--username', USER_ID];
    const noKey = cli(['respond', ...common], { cwd, input: awsOutput({ challengeName: 'DEVICE_SRP_AUTH', challengeParameters: {} }) });
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toContain('DEVICE_SRP_AUTH needs --device-key');
    expect(cli(['respond', ...common, '--device-key', DEVICE_KEY], { cwd, input: awsOutput({ challengeName: 'DEVICE_SRP_AUTH', challengeParameters: {} }) }).status).toBe(0);
    const noGroup = cli(['respond'], {
      cwd,
      env: { COGNITO_DEVICE_PASSWORD: SECRETS.COGNITO_DEVICE_PASSWORD },
      input: awsOutput({ challengeName: 'DEVICE_PASSWORD_VERIFIER', challengeParameters: { USERNAME: USER_ID } }),
    });
    expect(noGroup.status).toBe(2);
    expect(noGroup.stderr).toContain('needs --device-group-key');
  });
});

describe('what an answer lacks is named in one usage error (exit 2, the state file untouched)', () => {
  const common = ['--user-pool-id', POOL, '--client-id', CLIENT];
  const deviceSrpAuth = awsOutput({ challengeName: 'DEVICE_SRP_AUTH', challengeParameters: {} });

  it('DEVICE_SRP_AUTH without a user or a device key names both', () => {
    const result = cli(['respond', ...common], { cwd: subdir(root(), 'lacks-device-srp'), input: deviceSrpAuth });
    expect(result).toEqual({
      status: 2,
      stdout: '',
      stderr:
        "cognito-kit respond: DEVICE_SRP_AUTH needs --username (the response and the state file name no user) and --device-key (the remembered device's key) (see --help)\n",
    });
  });

  it('DEVICE_PASSWORD_VERIFIER without a group key or a device password names both', () => {
    const cwd = subdir(root(), 'lacks-device-verifier');
    const start = cli(['respond', ...common, '--username', USER_ID, '--device-key', DEVICE_KEY], { cwd, input: deviceSrpAuth });
    expect(start.status).toBe(0);
    const before = readFileSync(join(cwd, STATE), 'utf8');
    const result = cli(['respond'], { cwd, input: awsOutput({ challengeName: 'DEVICE_PASSWORD_VERIFIER', challengeParameters: { USERNAME: USER_ID } }) });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "cognito-kit respond: DEVICE_PASSWORD_VERIFIER needs --device-group-key (the device's DeviceGroupKey); DEVICE_PASSWORD_VERIFIER also needs the device password: " +
        'set COGNITO_DEVICE_PASSWORD in the environment or pass --device-password-stdin, --device-password-file FILE and give it on stdin (see --help)\n',
    );
    expect(readFileSync(join(cwd, STATE), 'utf8')).toBe(before); // the session is still there for the next try
  });

  it('a pass-through challenge without --answer or a user, or NEW_PASSWORD_REQUIRED without the new password', () => {
    const sms = cli(['respond', ...common], { cwd: subdir(root(), 'lacks-sms'), input: awsOutput({ challengeName: 'SMS_MFA', challengeParameters: { CODE_DELIVERY_DESTINATION: '+****1234' } }) });
    expect(sms.status).toBe(2);
    expect(sms.stderr).toBe(
      'cognito-kit respond: SMS_MFA needs --answer SMS_MFA_CODE=<value> (its ChallengeParameters: CODE_DELIVERY_DESTINATION) and --username (the response and the state file name no user) (see --help)\n',
    );
    const newPassword = cli(['respond', ...common], { cwd: subdir(root(), 'lacks-new-password'), input: awsOutput({ challengeName: 'NEW_PASSWORD_REQUIRED', challengeParameters: {} }) });
    expect(newPassword.status).toBe(2);
    expect(newPassword.stderr).toBe(
      'cognito-kit respond: NEW_PASSWORD_REQUIRED needs --username (the response and the state file name no user); NEW_PASSWORD_REQUIRED also needs the new password: ' +
        'set COGNITO_NEW_PASSWORD in the environment or pass --new-password-stdin and give it on stdin (see --help)\n',
    );
  });
});

describe('the pool id follows the one rule of @cognito-kit/srp', () => {
  it('--user-pool-id us_east_1_Abc is refused when the answer is built: exit 1, one line', () => {
    const result = cli(['respond', '--user-pool-id', 'us_east_1_Abc', '--client-id', CLIENT, '--answer', 'SMS_MFA_CODE=123456'], {
      cwd: subdir(root(), 'pool-underscores'),
      input: awsOutput({ challengeName: 'SMS_MFA', challengeParameters: { USER_ID_FOR_SRP: USER_ID } }),
    });
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: 'error: userPoolId: userPoolId must be <region>_<letters and digits>, with one underscore (UserPoolIdType) [--user-pool-id]\n',
    });
  });
});

describe('other challenges: --answer pairs passed through', () => {
  const common = ['--user-pool-id', POOL, '--client-id', CLIENT];
  const mfaParameters = { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+********1234', USER_ID_FOR_SRP: USER_ID };

  it('an unknown challenge name (EMAIL_MFA) with --answer: USERNAME and SECRET_HASH added, Session kept', () => {
    const session = 'AYABeMfaSession000000000000000';
    const result = cli(['respond', ...common, '--answer', 'EMAIL_MFA_CODE=123456', '--client-metadata', 'k=v'], {
      cwd: subdir(root(), 'email-mfa'),
      env: ENV,
      input: awsOutput({ challengeName: 'EMAIL_MFA', challengeParameters: mfaParameters }, session),
    });
    expect(result.status).toBe(0);
    expect(json(result)).toEqual({
      UserPoolId: POOL,
      ClientId: CLIENT,
      ChallengeName: 'EMAIL_MFA',
      ChallengeResponses: { EMAIL_MFA_CODE: '123456', USERNAME: USER_ID, SECRET_HASH: secretHash(USER_ID, CLIENT, SECRETS.COGNITO_CLIENT_SECRET) },
      Session: session,
      ClientMetadata: { k: 'v' },
    });
    expectNoSecrets(result);
  });

  it('SOFTWARE_TOKEN_MFA after an SRP login takes pool and client from the used state file', () => {
    const cwd = subdir(root(), 'mfa-after-srp');
    const { challenge } = initiate(cwd);
    expect(cli(['respond'], { cwd, env: ENV, input: awsOutput(challenge) }).status).toBe(0);
    const result = cli(['respond', '--answer', 'SOFTWARE_TOKEN_MFA_CODE=654321'], {
      cwd,
      input: awsOutput({ challengeName: 'SOFTWARE_TOKEN_MFA', challengeParameters: {} }, 'AYABeMfaSession000000000000001'),
    });
    expect(result.status).toBe(0);
    expect(json(result)).toMatchObject({ UserPoolId: POOL, ClientId: CLIENT, ChallengeResponses: { SOFTWARE_TOKEN_MFA_CODE: '654321', USERNAME: USER_ID } });
  });

  it('a challenge that needs an answer, without --answer: exit 2 naming the expected key and the parameters', () => {
    const result = cli(['respond', ...common], { cwd: subdir(root(), 'sms-no-answer'), input: awsOutput({ challengeName: 'SMS_MFA', challengeParameters: mfaParameters }) });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('SMS_MFA needs --answer SMS_MFA_CODE=<value>');
    expect(result.stderr).toContain('CODE_DELIVERY_DESTINATION');
  });

  it('NEW_PASSWORD_REQUIRED: NEW_PASSWORD from the environment, the request only to --out', () => {
    const cwd = subdir(root(), 'new-password');
    const input = awsOutput({ challengeName: 'NEW_PASSWORD_REQUIRED', challengeParameters: { USER_ID_FOR_SRP: USER_ID, requiredAttributes: '[]' } }, 'AYABeNewPasswordSession0000001');
    const refused = cli(['respond', ...common], { cwd, env: { COGNITO_NEW_PASSWORD: SECRETS.COGNITO_NEW_PASSWORD }, input });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('carries ChallengeResponses.NEW_PASSWORD');
    expectNoSecrets(refused);
    const result = cli(['respond', ...common, '--answer', 'userAttributes.name=Alice', '--out', 'answer.json'], { cwd, env: { COGNITO_NEW_PASSWORD: SECRETS.COGNITO_NEW_PASSWORD }, input });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(fileMode(join(cwd, 'answer.json'))).toBe(0o600);
    expect(readJson<Request>(join(cwd, 'answer.json')).ChallengeResponses).toEqual({
      'userAttributes.name': 'Alice',
      USERNAME: USER_ID,
      NEW_PASSWORD: SECRETS.COGNITO_NEW_PASSWORD,
    });
    expectNoSecrets(result);
  });

  it('SELECT_CHALLENGE with ANSWER=PASSWORD_SRP starts SRP: SRP_A sent, session saved for PASSWORD_VERIFIER', () => {
    const cwd = subdir(root(), 'select-srp');
    const start = cli(['respond', ...common, '--username', USER_ID, '--answer', 'ANSWER=PASSWORD_SRP'], {
      cwd,
      env: ENV,
      input: `${JSON.stringify({ ChallengeName: 'SELECT_CHALLENGE', Session: 'AYABeSelectSession00000000001', AvailableChallenges: ['PASSWORD_SRP', 'EMAIL_OTP'] })}\n`,
    });
    expect(start.status).toBe(0);
    const request = json(start);
    expect(Object.keys(request.ChallengeResponses).sort()).toEqual(['ANSWER', 'SECRET_HASH', 'SRP_A', 'USERNAME']);
    expect(readJson<{ answers: string }>(join(cwd, STATE)).answers).toBe('PASSWORD_VERIFIER');
    const challenge = createServerChallenge(user, request.ChallengeResponses.SRP_A!);
    const answer = cli(['respond'], { cwd, env: ENV, input: awsOutput(challenge) });
    expect(answer.status).toBe(0);
    expect(verifyPasswordClaim(challenge, json(answer).ChallengeResponses, secretOptions)).toBe(true);
  });

  it('--answer is refused for the SRP challenges (their answers are computed)', () => {
    const cwd = subdir(root(), 'answer-srp');
    const { challenge } = initiate(cwd);
    const result = cli(['respond', '--answer', 'USERNAME=x'], { cwd, env: ENV, input: awsOutput(challenge) });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--answer is not used for PASSWORD_VERIFIER');
    expect(existsSync(join(cwd, STATE))).toBe(true);
  });

  it('--answer without = or with an empty key is a usage error (value not repeated)', () => {
    const result = cli(['respond', ...common, '--answer', SECRETS.COGNITO_PASSWORD], { cwd: subdir(root(), 'answer-bad'), input: '{"ChallengeName":"SMS_MFA"}' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--answer takes KEY=VALUE');
    expectNoSecrets(result);
  });
});

describe('--now: TIMESTAMP signed at a given instant (a machine whose clock is off)', () => {
  it('PASSWORD_VERIFIER at --now: the server accepts it at that instant and refuses it at its own clock', () => {
    const cwd = subdir(root(), 'now');
    const { challenge } = initiate(cwd);
    const result = cli(['respond', '--now', '2031-02-03T04:05:06.789+01:00'], { cwd, env: ENV, input: awsOutput(challenge) });
    expect(result.status).toBe(0);
    const responses = json(result).ChallengeResponses;
    expect(responses.TIMESTAMP).toBe('Mon Feb 3 03:05:06 UTC 2031'); // the zone applied, the day unpadded
    expect(verifyPasswordClaim(challenge, responses, { ...secretOptions, now: new Date('2031-02-03T03:05:40Z') })).toBe(true);
    expect(verifyPasswordClaim(challenge, responses, secretOptions)).toBe(false);
  });

  it('DEVICE_PASSWORD_VERIFIER at --now is accepted at that instant', () => {
    const cwd = subdir(root(), 'now-device');
    const verifier = cli(['device-verifier', '--device-key', DEVICE_KEY, '--device-group-key', DEVICE_GROUP, '--device-password-file', 'd.pw'], { cwd });
    const config = (JSON.parse(verifier.stdout) as { DeviceSecretVerifierConfig: { Salt: string; PasswordVerifier: string } }).DeviceSecretVerifierConfig;
    const device = { deviceGroupKey: DEVICE_GROUP, deviceKey: DEVICE_KEY, username: USER_ID, deviceSecretVerifierConfig: config };
    const common = ['--user-pool-id', POOL, '--client-id', CLIENT, '--username', USER_ID, '--device-key', DEVICE_KEY];
    const start = cli(['respond', ...common], { cwd, input: awsOutput({ challengeName: 'DEVICE_SRP_AUTH', challengeParameters: {} }, 'session-device-0000000000005') });
    const challenge = createDeviceServerChallenge(device, json(start).ChallengeResponses.SRP_A!);
    const final = cli(['respond', '--device-group-key', DEVICE_GROUP, '--device-password-file', 'd.pw', '--now', '2019-07-04T23:59:59Z'], {
      cwd,
      input: awsOutput(challenge, 'session-device-0000000000006'),
    });
    expect(final.status).toBe(0);
    const responses = json(final).ChallengeResponses;
    expect(responses.TIMESTAMP).toBe('Thu Jul 4 23:59:59 UTC 2019');
    expect(verifyDevicePasswordClaim(challenge, responses, { now: new Date('2019-07-05T00:00:10Z') })).toBe(true);
  });

  it.each(['2026-11-26', '2026-11-26T09:30:00', 'tomorrow', '2026-13-01T00:00:00Z', ''])('--now %j is a usage error and spends nothing', (value) => {
    const cwd = subdir(root(), `now-bad-${value.replace(/\W/g, '') || 'empty'}`);
    const { challenge } = initiate(cwd);
    const result = cli(['respond', '--now', value], { cwd, env: ENV, input: awsOutput(challenge) });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--now must be an ISO 8601 instant with its zone');
    // The session was not used: the same challenge can still be answered.
    expect(verifyPasswordClaim(challenge, json(cli(['respond'], { cwd, env: ENV, input: awsOutput(challenge) })).ChallengeResponses, secretOptions)).toBe(true);
  });

  it('--now for a challenge without TIMESTAMP is a usage error', () => {
    const cwd = subdir(root(), 'now-mfa');
    initiate(cwd);
    const input = awsOutput({ challengeName: 'SOFTWARE_TOKEN_MFA', challengeParameters: { USER_ID_FOR_SRP: USER_ID } }, 'session-mfa-00000000000000001');
    const result = cli(['respond', '--now', '2026-11-26T09:30:00Z', '--answer', 'SOFTWARE_TOKEN_MFA_CODE=123456'], { cwd, env: ENV, input });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--now is not used for SOFTWARE_TOKEN_MFA');
  });
});

// cognito-kit device-verifier: the ConfirmDevice request with a verifier that matches the device password, which
// goes to a new 0600 file and never to the output.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSrpSession, respondToDevicePasswordVerifier } from '@cognito-kit/srp';
import { createDeviceServerChallenge, verifyDevicePasswordClaim } from '@cognito-kit/srp/server';
import { describe, expect, it } from 'vitest';
import { SECRETS, cli, expectNoSecrets, fileMode, readJson, subdir, useTempDir } from './helpers.js';

const root = useTempDir();
const DEVICE_KEY = 'eu-west-2_0d6b53a2-54a6-4a6c-9f52-1e0c1d8bd4a1';
const GROUP = '-dEvIcEgRoUp';
const args = ['device-verifier', '--device-key', DEVICE_KEY, '--device-group-key', GROUP];

interface Confirm {
  AccessToken?: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig: { Salt: string; PasswordVerifier: string };
  DeviceName?: string;
}

describe('cognito-kit device-verifier', () => {
  it('prints {DeviceKey, DeviceSecretVerifierConfig}; the password file (0600) signs a claim the server accepts', () => {
    const cwd = subdir(root(), 'verifier');
    const result = cli([...args, '--device-password-file', 'device.pw', '--device-name', 'laptop'], { cwd, env: { COGNITO_PASSWORD: SECRETS.COGNITO_PASSWORD } });
    expect(result.status).toBe(0);
    const request = JSON.parse(result.stdout) as Confirm;
    expect(Object.keys(request)).toEqual(['DeviceKey', 'DeviceSecretVerifierConfig', 'DeviceName']);
    expect(request.DeviceKey).toBe(DEVICE_KEY);
    expect(request.DeviceName).toBe('laptop');
    expect(request.DeviceSecretVerifierConfig.Salt).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(request.DeviceSecretVerifierConfig.PasswordVerifier).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const file = join(cwd, 'device.pw');
    expect(fileMode(file)).toBe(0o600);
    const devicePassword = readFileSync(file, 'utf8').replace(/\n$/, '');
    expect(devicePassword).toMatch(/^[A-Za-z0-9+/]{54}==$/); // base64 of 40 random bytes
    expect(result.stdout + result.stderr).not.toContain(devicePassword);
    expect(result.stderr).toContain('device password written to device.pw');

    // The verifier belongs to that password: a device login with it is accepted, with another one refused.
    const device = { deviceGroupKey: GROUP, deviceKey: DEVICE_KEY, username: 'alice', deviceSecretVerifierConfig: request.DeviceSecretVerifierConfig };
    for (const [password, accepted] of [[devicePassword, true], [`${devicePassword}x`, false]] as const) {
      const session = createSrpSession();
      const challenge = createDeviceServerChallenge(device, session.srpA);
      const answer = respondToDevicePasswordVerifier(session, { deviceGroupKey: GROUP, deviceKey: DEVICE_KEY, devicePassword: password, challengeParameters: challenge.challengeParameters });
      expect(verifyDevicePasswordClaim(challenge, answer)).toBe(accepted);
    }
  });

  it('never overwrites an existing password file (exit 1, file untouched, nothing printed)', () => {
    const cwd = subdir(root(), 'exists');
    writeFileSync(join(cwd, 'device.pw'), 'the password of a confirmed device\n');
    const result = cli([...args, '--device-password-file', 'device.pw'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('exists: a device password is never overwritten');
    expect(readFileSync(join(cwd, 'device.pw'), 'utf8')).toBe('the password of a confirmed device\n');
  });

  it('--device-password-file is required (the password is never printed)', () => {
    const result = cli(args, { cwd: subdir(root(), 'no-file') });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing --device-password-file');
  });

  it('with COGNITO_ACCESS_TOKEN: AccessToken is included, so the request goes to --out only', () => {
    const cwd = subdir(root(), 'token');
    const env = { COGNITO_ACCESS_TOKEN: SECRETS.COGNITO_ACCESS_TOKEN };
    const refused = cli([...args, '--device-password-file', 'a.pw'], { cwd, env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('carries AccessToken');
    expect(existsSync(join(cwd, 'a.pw'))).toBe(false); // refused before the password file is made
    expectNoSecrets(refused);

    const result = cli([...args, '--device-password-file', 'b.pw', '--out', 'confirm.json'], { cwd, env });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(fileMode(join(cwd, 'confirm.json'))).toBe(0o600);
    const request = readJson<Confirm>(join(cwd, 'confirm.json'));
    expect(Object.keys(request)).toEqual(['AccessToken', 'DeviceKey', 'DeviceSecretVerifierConfig']);
    expect(request.AccessToken).toBe(SECRETS.COGNITO_ACCESS_TOKEN);
    expect(result.stderr).toContain('aws cognito-idp confirm-device --cli-input-json file://confirm.json');
    expectNoSecrets(result);

    const fromStdin = cli([...args, '--device-password-file', 'c.pw', '--out', 'c.json', '--access-token-stdin'], { cwd, input: `${SECRETS.COGNITO_ACCESS_TOKEN}\n` });
    expect(fromStdin.status).toBe(0);
    expect(readJson<Confirm>(join(cwd, 'c.json')).AccessToken).toBe(SECRETS.COGNITO_ACCESS_TOKEN);
  });

  it('an invalid device key is a validation error (exit 1, no file)', () => {
    const cwd = subdir(root(), 'bad-key');
    const result = cli(['device-verifier', '--device-key', 'not-a-device-key', '--device-group-key', GROUP, '--device-password-file', 'd.pw'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('error: deviceKey: deviceKey must be <region>_<lower-case hex and dashes> (DeviceKeyType) [--device-key]\n');
    expect(existsSync(join(cwd, 'd.pw'))).toBe(false);
  });
});

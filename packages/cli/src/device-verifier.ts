/**
 * `cognito-kit device-verifier`: a new device password and the ConfirmDevice request that registers its verifier,
 * for `aws cognito-idp confirm-device --cli-input-json`. The device password goes to a new file (mode 0600),
 * never to stdout or stderr.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { buildConfirmDevice } from '@cognito-kit/request-builder';
import { Failure, type FlagSpec, type Flags } from './args.js';
import { COMMON_HELP, defineCommand, type Command } from './command.js';
import { resolvePath, writePrivateFile, type Context } from './io.js';
import { prepareOutput } from './output.js';
import { Secrets, requireGiven, secretHelp, type SecretName } from './secrets.js';

const NAME = 'device-verifier';
const SECRETS: readonly SecretName[] = ['accessToken'];
const SPEC: Record<string, FlagSpec> = {
  'device-key': { type: 'string' },
  'device-group-key': { type: 'string' },
  'device-password-file': { type: 'string' },
  'device-name': { type: 'string' },
  out: { type: 'string' },
};

const HELP = `usage: cognito-kit device-verifier --device-key KEY --device-group-key KEY --device-password-file FILE

After a login whose AuthenticationResult has NewDeviceMetadata, creates a random device password, writes it to
FILE, and prints the ConfirmDevice request with its DeviceSecretVerifierConfig (Salt and PasswordVerifier):

  cognito-kit device-verifier --device-key "$KEY" --device-group-key "$GROUP" --device-password-file device.pw \\
    > confirm.json
  aws cognito-idp confirm-device --access-token "$TOKEN" --cli-input-json file://confirm.json

Later logins from this device answer DEVICE_PASSWORD_VERIFIER with
"cognito-kit respond --device-group-key GROUP --device-password-file device.pw".

The device password is never printed: it is written to --device-password-file, a new file created with mode 0600
(an existing file is never overwritten: it may hold the password of a device already confirmed).

Options:
  --device-key KEY           NewDeviceMetadata.DeviceKey, such as eu-west-2_0d6b... (required)
  --device-group-key KEY     NewDeviceMetadata.DeviceGroupKey (required)
  --device-password-file FILE
                             where the new device password goes (required; must not exist)
  --device-name NAME         DeviceName for ConfirmDevice
${COMMON_HELP.out}
${COMMON_HELP.help}

Secret (never as a flag): with the access token given, the request includes AccessToken and needs --out.
${secretHelp(SECRETS)}

Exit codes: 0 ok, 1 failure (invalid device key, the password file exists), 2 usage error.`;

export const deviceVerifier: Command = defineCommand({
  name: NAME,
  summary: 'a device password (to a 0600 file) and the ConfirmDevice request with its verifier',
  help: HELP,
  flags: SPEC,
  secrets: SECRETS,
  async run(ctx: Context, flags: Flags): Promise<number> {
    requireGiven({ flags: flags.missing(['device-key', 'device-group-key', 'device-password-file']) });
    const deviceKey = flags.required('device-key');
    const deviceGroupKey = flags.required('device-group-key');
    const passwordFile = flags.required('device-password-file');
    const deviceName = flags.string('device-name');
    const secrets = new Secrets(ctx, flags, SECRETS);
    const accessToken = await secrets.get('accessToken');

    const path = resolvePath(ctx, passwordFile);
    if (existsSync(path)) throw new Failure(`--device-password-file ${passwordFile} exists: a device password is never overwritten (choose a new file)`);
    const { request, devicePassword } = buildConfirmDevice({
      deviceKey,
      deviceGroupKey,
      ...(accessToken === undefined ? {} : { accessToken }),
      ...(deviceName === undefined ? {} : { deviceName }),
    });
    const output = prepareOutput(ctx, request, flags.string('out'), 'aws cognito-idp confirm-device');
    try {
      writePrivateFile(path, `${devicePassword}\n`, { replace: false });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new Failure(`--device-password-file ${passwordFile} exists: a device password is never overwritten (choose a new file)`);
      throw new Failure(`cannot create --device-password-file ${passwordFile} (${code ?? 'error'})`);
    }
    ctx.stderr(`cognito-kit: device password written to ${passwordFile} (mode 0600); keep it with the device key\n`);
    output.write();
    return 0;
  },
});

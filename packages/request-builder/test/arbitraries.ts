// fast-check arbitraries for valid inputs: every optional member sometimes present, strings from palettes that
// include non-ASCII, astral and JSON-special characters so serialization differences would show.
import { fc } from '@fast-check/vitest';
import { createSrpSession, exportSrpSession, importSrpSession } from '@cognito-kit/srp';

const palette = (chars: string) => fc.constantFrom(...[...chars]);
const word = (chars: string, min: number, max: number) =>
  fc.array(palette(chars), { minLength: min, maxLength: max }).map((parts) => parts.join(''));

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const userPoolId = fc
  .tuple(fc.constantFrom('us-east-1', 'eu-west-2', 'ap-southeast-2', 'sa-east-1'), word(ALNUM, 1, 20))
  .map(([region, name]) => `${region}_${name}`);
export const clientId = word(`${ALNUM}_+`, 1, 40);
export const clientSecret = word(`${ALNUM}_+`, 24, 64);
export const username = word(`${ALNUM}._@+-éß漢字🔑"\\/`, 1, 30);
export const password = word(`${ALNUM} !"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~é漢🔑\u00a0`, 1, 60).filter((p) => /\S/.test(p));
export const text = fc.string({ unit: 'grapheme', maxLength: 30 });
export const deviceKey = fc.tuple(fc.constantFrom('us-east-1', 'eu-west-2'), word('0123456789abcdef-', 1, 36)).map(([r, k]) => `${r}_${k}`);
export const refreshToken = word(`${ALNUM}-_=.`, 1, 200);
export const session = fc.string({ unit: 'grapheme-ascii', minLength: 20, maxLength: 80 });
export const clientMetadata = fc.dictionary(text, text, { maxKeys: 4 });
export const contextData = fc.record(
  {
    ipAddress: text,
    serverName: text,
    serverPath: text,
    httpHeaders: fc.array(fc.record({ headerName: text, headerValue: text }), { maxLength: 3 }),
    encodedData: text,
  },
  { requiredKeys: ['ipAddress', 'serverName', 'serverPath', 'httpHeaders'] },
);

/** Members every AdminInitiateAuth input may have, each optional one sometimes absent. */
export const adminCommon = fc.record(
  { userPoolId, clientId, clientSecret, clientMetadata, analyticsEndpointId: text, session, contextData },
  { requiredKeys: ['userPoolId', 'clientId'] },
);

/** One input of every flow, with its optional members sometimes present. */
export const adminFlowInput = fc.oneof(
  fc.record({ authFlow: fc.constant('USER_SRP_AUTH' as const), username, deviceKey }, { requiredKeys: ['authFlow', 'username'] }),
  fc.record(
    { authFlow: fc.constantFrom('ADMIN_USER_PASSWORD_AUTH' as const, 'ADMIN_NO_SRP_AUTH' as const, 'USER_PASSWORD_AUTH' as const), username, password, deviceKey },
    { requiredKeys: ['authFlow', 'username', 'password'] },
  ),
  fc.record(
    { authFlow: fc.constantFrom('REFRESH_TOKEN_AUTH' as const, 'REFRESH_TOKEN' as const), refreshToken, username, deviceKey },
    { requiredKeys: ['authFlow', 'refreshToken', 'username'] },
  ),
  fc.record({ authFlow: fc.constant('CUSTOM_AUTH' as const), username, withSrp: fc.boolean(), deviceKey }, { requiredKeys: ['authFlow', 'username'] }),
  fc.oneof(
    fc.record({ authFlow: fc.constant('USER_AUTH' as const), username, preferredChallenge: fc.constantFrom('EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN') }, { requiredKeys: ['authFlow', 'username'] }),
    fc.record({ authFlow: fc.constant('USER_AUTH' as const), username, preferredChallenge: fc.constant('PASSWORD'), password }),
    fc.record({ authFlow: fc.constant('USER_AUTH' as const), username, preferredChallenge: fc.constant('PASSWORD_SRP') }),
  ),
);

/** SRP sessions are expensive (an exponentiation each): tests share a few. */
export const srpSessions = Array.from({ length: 3 }, () => createSrpSession());
/** A fresh copy (same a) of srpSessions[i], for tests that answer a challenge: a session answers only once. */
export const unusedSrpSession = (i: number) => importSrpSession(srpSessionExports[i % srpSessionExports.length]!);
const srpSessionExports = srpSessions.map((session) => exportSrpSession(session));

// cognito-kit in the runtime: the default (1024-bit a) and privateValueBits: 256, SECRET_HASH and raw modPow.
import {
  N,
  createSrpSession,
  exportSrpSession,
  importSrpSession,
  modPow,
  respondToPasswordVerifier,
  secretHasher,
} from '@cognito-kit/srp';
import { createServerChallenge, createUserVerifier, verifyPasswordClaim } from '@cognito-kit/srp/server';
import { precomputedEngine } from '@cognito-kit/srp/precomputed';
import F from 'cognito-kit:runtime-bench-fixture';

const hexBytes = (hex) => {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
};

/** The two logins: the vector's (1024-bit a, its SRP_B) and the Node-made 256-bit one (a challenge for its SRP_A). */
const LOGINS = {
  '1024': { bits: 1024, data: F.vector },
  '256': { bits: 256, data: F.short },
  // The default login on @cognito-kit/srp/precomputed's engine: g^a and g^x from the shipped powers of g.
  'pre1024': { bits: 1024, data: F.vector, engine: precomputedEngine },
};
for (const login of Object.values(LOGINS)) {
  const bytes = hexBytes(login.data.aHex);
  login.options = login.bits === 256 ? { privateValueBits: 256, randomBytes: () => bytes.slice() } : { randomBytes: () => bytes.slice() };
  if (login.engine !== undefined) login.options.engine = login.engine;
  login.answerInput = {
    userPoolId: login.data.userPoolId,
    password: login.data.password,
    challengeParameters: login.data.challengeParameters,
    now: new Date(login.data.nowMs),
  };
}

const start = (login) => createSrpSession(login.options);
const answer = (login, session) => respondToPasswordVerifier(session, login.answerInput).PASSWORD_CLAIM_SIGNATURE;
/** k sessions with the same a, copied by export/import before the timed region (a session answers once). */
function sessions(login, k) {
  const exported = exportSrpSession(start(login));
  return Array.from({ length: k }, () => importSrpSession(exported));
}

const cases = [];
for (const [name, login] of Object.entries(LOGINS)) {
  const variant = { '1024': 'default (1024-bit a)', '256': 'privateValueBits: 256', pre1024: 'default, precomputed engine' }[name];
  cases.push(
    { id: `kit-${name}/start`, op: 'start', variant, run: () => start(login).srpA, expected: login.data.srpA },
    { id: `kit-${name}/answer`, op: 'answer', variant, prepare: (k) => sessions(login, k), run: (s, i) => answer(login, s[i]), expected: login.data.signature },
    { id: `kit-${name}/login`, op: 'login', variant, run: () => answer(login, start(login)), expected: login.data.signature },
  );
}

const hashFor = secretHasher(F.secret.clientId, F.secret.clientSecret);
cases.push({ id: 'kit/secretHasher', op: 'secretHash', variant: 'secretHasher (keyed once)', run: () => hashFor(F.secret.username), expected: F.secret.secretHash });

const exponent = BigInt('0x' + F.modpow.aHex);
const base = BigInt('0x' + F.modpow.baseHex);
cases.push(
  { id: 'kit/modpow-g^a', op: 'modpow-g^a', run: () => modPow(2n, exponent, N).toString(16), expected: F.modpow.gaHex },
  { id: 'kit/modpow-base^e', op: 'modpow-base^e', run: () => modPow(base, exponent, N).toString(16), expected: F.modpow.baseEHex },
);

/** Every value against the vectors, and a 256-bit login checked by the server half in this runtime. */
function check() {
  const rows = [];
  const row = (name, ok, detail = '') => rows.push({ name, ok: Boolean(ok), detail });
  for (const [name, login] of Object.entries(LOGINS)) {
    const session = start(login);
    row(`kit-${name} SRP_A`, session.srpA === login.data.srpA);
    row(`kit-${name} signature`, answer(login, session) === login.data.signature);
    let refused = false;
    try {
      answer(login, session);
    } catch (error) {
      refused = error?.code === 'SESSION_ALREADY_USED';
    }
    row(`kit-${name} second answer refused (SESSION_ALREADY_USED)`, refused);
  }
  // The server half, in this runtime, with real randomness: a 256-bit login verifies, a wrong password does not.
  const user = { userPoolId: F.short.userPoolId, userIdForSrp: F.short.userIdForSrp, password: F.short.password };
  const stored = createUserVerifier(user);
  for (const [password, want] of [[user.password, true], [user.password + 'x', false]]) {
    const session = createSrpSession({ privateValueBits: 256 });
    const challenge = createServerChallenge({ ...user, ...stored }, session.srpA);
    const responses = respondToPasswordVerifier(session, { userPoolId: user.userPoolId, password, challengeParameters: challenge.challengeParameters });
    row(`server half: 256-bit login with ${want ? 'the right' : 'a wrong'} password ${want ? 'verifies' : 'is refused'}`, verifyPasswordClaim(challenge, responses) === want);
  }
  row('secretHasher', hashFor(F.secret.username) === F.secret.secretHash);
  for (const c of cases.filter((x) => x.op.startsWith('modpow'))) row(c.id, c.run() === c.expected);
  return { ok: rows.every((r) => r.ok), rows };
}

export default { library: 'cognito-kit', cases, check };

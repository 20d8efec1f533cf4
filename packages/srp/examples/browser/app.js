// The example page's script: a full USER_SRP_AUTH login between the client (@cognito-kit/srp) and the server half
// (@cognito-kit/srp/server), a wrong password refused, and the milliseconds of each step. scripts/browser-example.mjs
// opens it in headless Chromium and checks `data-status` on <body> and a screenshot.
import { createSrpSession, respondToPasswordVerifier, secretHash } from '@cognito-kit/srp';
import { createServerChallenge, createUserVerifier, verifyPasswordClaim } from '@cognito-kit/srp/server';

const clientId = 'browserdemo1234567890abcd';
const clientSecret = 'browser0demo0secret0long0enough0for0cognito01';
const $ = (id) => document.getElementById(id);

const short = (text) => (text.length > 36 ? `${text.slice(0, 28)}… (${text.length} chars)` : text);
function timed(fn) {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}
function row(step, side, result, ms) {
  const tr = document.createElement('tr');
  for (const [text, cls] of [[step], [side], [result], [ms === undefined ? '' : ms.toFixed(1), 'ms']]) {
    const td = document.createElement('td');
    if (cls) td.className = cls;
    td.textContent = text;
    tr.append(td);
  }
  $('steps').append(tr);
}

function login(user, typedPassword, label) {
  const [session, msA] = timed(() => createSrpSession());
  row(`${label}: InitiateAuth (SRP_A)`, 'client', short(session.srpA), msA);
  const [challenge, msB] = timed(() => createServerChallenge(user, session.srpA));
  row(`${label}: PASSWORD_VERIFIER challenge (SRP_B, SALT, SECRET_BLOCK)`, 'server', short(challenge.challengeParameters.SRP_B), msB);
  const [answer, msClaim] = timed(() =>
    respondToPasswordVerifier(session, {
      userPoolId: user.userPoolId,
      password: typedPassword,
      clientId,
      clientSecret,
      challengeParameters: challenge.challengeParameters,
    }),
  );
  row(`${label}: RespondToAuthChallenge (u, x, S, HKDF, signature)`, 'client', short(answer.PASSWORD_CLAIM_SIGNATURE), msClaim);
  const [accepted, msVerify] = timed(() => verifyPasswordClaim(challenge, answer, { clientId, clientSecret }));
  row(`${label}: verify signature, TIMESTAMP, SECRET_HASH`, 'server', accepted ? 'accepted: signed in' : 'refused: NotAuthorizedException', msVerify);
  return { accepted, ms: msA + msClaim };
}

function run() {
  $('steps').replaceChildren();
  const status = $('status');
  document.body.dataset.status = 'running';
  try {
    const userPoolId = $('pool').value;
    const username = $('username').value;
    const password = $('password').value;
    const [stored, msVerifier] = timed(() => createUserVerifier({ userPoolId, userIdForSrp: username, password }));
    row('SignUp: salt and verifier stored', 'server', short(stored.verifier), msVerifier);
    row('SECRET_HASH', 'client', secretHash(username, clientId, clientSecret));
    const user = { userPoolId, userIdForSrp: username, ...stored };
    const right = login(user, password, 'right password');
    const wrong = login(user, `${password}!`, 'wrong password');
    const ok = right.accepted && !wrong.accepted;
    status.className = ok ? 'success' : 'failure';
    status.textContent = ok
      ? `Signed in: the right password was accepted (client math ${right.ms.toFixed(1)} ms), the wrong one refused. ${navigator.userAgent.match(/(HeadlessChrome|Chrome|Firefox|Safari)\/[\d.]+/)?.[0] ?? ''}`
      : 'Unexpected: the right password must be accepted and the wrong one refused.';
    document.body.dataset.status = ok ? 'success' : 'failure';
    document.body.dataset.loginMs = right.ms.toFixed(1);
  } catch (error) {
    status.className = 'failure';
    status.textContent = `Error: ${error?.code ?? ''} ${error?.message ?? error}`;
    document.body.dataset.status = 'failure';
  }
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
run();

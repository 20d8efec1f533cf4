#!/usr/bin/env node
// A full USER_SRP_AUTH login between @cognito-kit/srp (the client) and @cognito-kit/srp/server (standing in for
// Cognito), printing each message as it would go over the wire and how long the math took. Then the same login
// with a wrong password, which the server refuses. Run: `npm run example:srp` at the repository root.
import { createSrpSession, respondToPasswordVerifier, secretHash } from '@cognito-kit/srp';
import { createServerChallenge, createUserVerifier, verifyPasswordClaim } from '@cognito-kit/srp/server';

const userPoolId = 'us-east-1_DemoPool1';
const clientId = 'democlient1234567890abcdef';
const clientSecret = process.env.DEMO_CLIENT_SECRET ?? 'demo0secret0that0is0long0enough0for0cognito0123';
const username = 'alice';
const password = process.env.DEMO_PASSWORD ?? 'correct horse battery staple';

const short = (value) => (typeof value === 'string' && value.length > 40 ? `${value.slice(0, 24)}…(${value.length} chars)` : value);
const show = (label, message) => {
  const shown = JSON.stringify(message, (key, value) => (key === '' || typeof value !== 'string' ? value : short(value)), 2);
  console.log(`\n${label}\n${shown}`);
};
const timed = (fn) => {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
};

// What Cognito stores when the user is created: a salt and a verifier, never the password.
const stored = createUserVerifier({ userPoolId, userIdForSrp: username, password });
const user = { userPoolId, userIdForSrp: username, username, ...stored };
console.log(`user pool ${userPoolId}, user ${username} (password not shown), app client with a secret`);

function login(typedPassword, title) {
  console.log(`\n=== ${title} ===`);
  const [session, msA] = timed(() => createSrpSession());
  const initiate = {
    AuthFlow: 'USER_SRP_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: username, SRP_A: session.srpA, SECRET_HASH: secretHash(username, clientId, clientSecret) },
  };
  show(`client → InitiateAuth (SRP_A took ${msA.toFixed(1)} ms)`, initiate);

  const [challenge, msB] = timed(() => createServerChallenge(user, initiate.AuthParameters.SRP_A));
  show(`server → PASSWORD_VERIFIER challenge (SRP_B took ${msB.toFixed(1)} ms)`, {
    ChallengeName: challenge.challengeName,
    ChallengeParameters: challenge.challengeParameters,
  });

  const [ChallengeResponses, msClaim] = timed(() =>
    respondToPasswordVerifier(session, {
      userPoolId,
      password: typedPassword,
      clientId,
      clientSecret,
      challengeParameters: challenge.challengeParameters,
    }),
  );
  show(`client → RespondToAuthChallenge (u, x, S, HKDF and signature took ${msClaim.toFixed(1)} ms)`, {
    ChallengeName: 'PASSWORD_VERIFIER',
    ClientId: clientId,
    ChallengeResponses,
  });

  const [accepted, msVerify] = timed(() => verifyPasswordClaim(challenge, ChallengeResponses, { clientId, clientSecret }));
  console.log(`\nserver checks the signature, TIMESTAMP and SECRET_HASH (${msVerify.toFixed(1)} ms): ${accepted ? 'AuthenticationResult (signed in)' : 'NotAuthorizedException: Incorrect username or password.'}`);
  return accepted;
}

const right = login(password, 'login with the right password');
const wrong = login(`${password}!`, 'login with a wrong password');
if (!right || wrong) {
  console.error('\nunexpected outcome: the right password must be accepted and the wrong one refused');
  process.exit(1);
}
console.log('\nOK: the right password was accepted, the wrong one refused.');

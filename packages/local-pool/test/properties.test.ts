// Invariants of the local pool over generated input: any name and any password a pool accepts sign in over SRP with
// that password and with no other; whatever body reaches an operation, the reply is Cognito's shape (a 200, or a 400
// with __type, message and x-amzn-ErrorType) and never repeats a password or secret it was sent. Portable.
import { fc, test } from '@fast-check/vitest';
import { signIn } from '@cognito-kit/request-builder/sign-in';
import { describe, expect } from 'vitest';
import type { Rule, Rules } from '../src/input.js';
import { OPERATIONS } from '../src/operations.js';
import { CLIENT_ID, CLIENT_SECRET, POOL_ID, SECRET_CLIENT_ID, basicConfig, refusal, setUp, text } from './helpers/harness.js';

/** Characters from several Unicode categories (letters with and without case, marks, symbols, astral planes). */
const NAME_CHARACTERS = ['a', 'Z', '0', '_', '.', '-', '+', '@', 'é', 'ß', 'İ', 'ı', '名', 'ñ', '😀', '\u0301'];
const username = fc.array(fc.constantFrom(...NAME_CHARACTERS), { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));

/**
 * A password the default policy accepts: a fixed prefix meets the rules; the middle is any code points but line
 * breaks (PasswordType's pattern, `[\S]+.*[\S]+`, has no `s` flag), lone surrogates included.
 */
const password = fc
  .string({ unit: 'binary', maxLength: 40 })
  .filter((middle) => !/[\n\r\u2028\u2029]/.test(middle))
  .map((middle) => `Aa1!Aa1!${middle}#`);

describe('SRP over any name and password', () => {
  // One pool for every run (its signing keys are made once); a name already added is skipped.
  const h = setUp(basicConfig({ users: [] }));
  test.prop([username, password, fc.boolean()], { numRuns: 20 })('the password signs in; a different one is refused', async (name, secret, withSecret) => {
    fc.pre(h.pools.getUser(POOL_ID, name) === undefined);
    h.pools.addUser(POOL_ID, { username: name, password: secret });
    const client = withSecret ? { clientId: SECRET_CLIENT_ID, clientSecret: CLIENT_SECRET } : { clientId: CLIENT_ID };
    const step = await signIn({ send: h.senders, userPoolId: POOL_ID, ...client, username: name, password: secret, now: h.now });
    expect(step.signedIn).toBe(true);
    if (step.signedIn) expect(step.username).toBe(name);
    const wrong = await refusal(signIn({ send: h.senders, userPoolId: POOL_ID, ...client, username: name, password: `${secret}x`, now: h.now }));
    expect(wrong).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});

/** A secret no reply text could hold by chance. */
const SENT_SECRET = 'Sent-Secret-7f3a9c1e5b';
/** It, as is and in forms that break a member's pattern or length (a validation message must not quote them). */
const sentSecret = fc.constantFrom(SENT_SECRET, ` ${SENT_SECRET}`, `${SENT_SECRET}\n`, SENT_SECRET.repeat(300));

/** Any JSON value, or the sent secret. */
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 1 }), sentSecret);

/**
 * Bodies for an operation's members as the model defines them: valid and invalid values of every kind, and the sent
 * secret in every member the model marks sensitive (and in maps, whose values are never quoted). Members that are not
 * sensitive get any other JSON: a reply may quote those (an enum value or a pool id it refuses), as Cognito's do.
 */
function valueFor(rule: Rule): fc.Arbitrary<unknown> {
  switch (rule.kind) {
    case 'string':
      return rule.shape.sensitive === true ? fc.oneof(fc.string(), sentSecret, fc.jsonValue({ maxDepth: 1 })) : fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 }));
    case 'enum':
      return fc.oneof(fc.constantFrom(...rule.values), fc.string(), fc.integer());
    case 'map':
      return fc.oneof(fc.dictionary(fc.constantFrom('USERNAME', 'PASSWORD', 'SECRET_HASH', 'SRP_A', 'NEW_PASSWORD', 'DEVICE_KEY', 'x'), anyValue), anyValue);
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 0 }));
    case 'structure':
      return fc.oneof(bodyFor(rule.members), fc.jsonValue({ maxDepth: 0 }));
    case 'list':
      return fc.oneof(fc.array(valueFor(rule.item), { maxLength: 2 }), fc.jsonValue({ maxDepth: 0 }));
  }
}
function bodyFor(rules: Rules): fc.Arbitrary<Record<string, unknown>> {
  const members = Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, valueFor(rule)]));
  return fc.record(members, { requiredKeys: [] });
}
const request = fc.oneof(
  fc.constantFrom(...OPERATIONS.entries()).chain(([name, { rules }]) => fc.tuple(fc.constant(name), bodyFor(rules))),
  fc.tuple(fc.oneof(fc.constantFrom('ListUsers', 'DescribeUserPool', ''), fc.string({ maxLength: 12 })), fc.jsonValue({ maxDepth: 2 })),
);

describe('any body to any operation', () => {
  test.prop([request, fc.boolean()], { numRuns: 300 })('Cognito`s reply shape, and no secret it was sent', async ([name, payload], signed) => {
    const h = setUp(basicConfig());
    const reply = await h.call(name, payload, { signed });
    const sent = JSON.stringify(reply.body) + [...reply.headers.values()].join('\n');
    expect(sent).not.toContain(SENT_SECRET);
    expect(sent).not.toContain('Correct horse 1!');
    if (reply.status === 200) return;
    expect(reply.status).toBe(400);
    const type = text(reply.body, '__type');
    // Cognito's own errors are bare names; the service framework's (an unknown operation, a body that is not JSON)
    // carry their namespace in __type but not in the header.
    expect(type).toMatch(/^(com\.amazon\.coral\.[a-z]+#)?[A-Za-z]+Exception$/);
    expect(typeof text(reply.body, 'message')).toBe('string');
    expect(reply.headers.get('x-amzn-errortype')).toBe(`${type?.replace(/^.*#/, '')}:`);
    expect(h.log.map((line) => JSON.stringify(line)).join('\n')).not.toContain(SENT_SECRET);
  });
});

// Runs @cognito-kit/request-builder inside Cloudflare's workerd WITHOUT nodejs_compat (no Buffer, no process, no
// node:* modules), with @cognito-kit/srp resolved to packages/srp/src. Bundled and counted by the SRP core's runner:
//   node packages/request-builder/scripts/test-workerd.mjs
// which counts the lines this file logs:
//   CASE PASS <group>/<name>
//   CASE FAIL <group>/<name>: <reason>
//   GROUP <group> passed=<n> failed=<m>
// Each exported entrypoint is one workerd test; it throws at the end when one of its cases failed.
import { SrpError, createDeviceVerifier, createSrpSession, exportSrpSession, importSrpSession, isSrpSession, secretHash, type SrpSession } from '@cognito-kit/srp';
import {
  createDeviceServerChallenge,
  createServerChallenge,
  createUserVerifier,
  verifyDevicePasswordClaim,
  verifyPasswordClaim,
  type ServerChallenge,
} from '@cognito-kit/srp/server';
import {
  AUTH_FLOWS,
  CHALLENGE_NAMES,
  MEMBER_ORDER,
  PUBLIC_AUTH_FLOWS,
  RequestValidationError,
  buildAdminInitiateAuth,
  buildAdminRespondToAuthChallenge,
  buildConfirmDevice,
  buildInitiateAuth,
  buildRespondToAuthChallenge,
  redact,
  regionEndpoint,
  requiresSigV4,
  toHttpRequest,
  type AdminInitiateAuthInput,
  type AuthFlow,
  type ChallengeResponse,
  type InitiateAuthInput,
} from '../../src/index.js';

// ---------------------------------------------------------------------------------------------------------------
// A tiny harness, the same as packages/srp/test/workerd/worker.ts (copied: each runner bundle may contain only its
// own package's files).

interface Case {
  name: string;
  run: () => void | Promise<void>;
  /** The runtimes the case applies to (default: all); elsewhere it logs `CASE SKIP <group>/<name>: ...` instead. */
  runtimes?: readonly string[];
}

/** A failed expectation inside a case (as opposed to an unexpected exception). */
class Mismatch extends Error {}

function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 72 ? `${text.slice(0, 60)}…(${text.length} chars)` : text;
}

/** Collects every mismatch of a case, so one FAIL line names all the fields that differ. */
class Checks {
  private readonly problems: string[] = [];

  eq(field: string, actual: unknown, expected: unknown): void {
    if (actual !== expected) this.problems.push(`${field}: got ${show(actual)}, want ${show(expected)}`);
  }

  /** Deep equality through JSON, member order included (the order is the wire order). */
  json(field: string, actual: unknown, expected: unknown): void {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e) this.problems.push(`${field}: got ${a === undefined ? 'undefined' : show(JSON.parse(a))}, want ${show(expected)}`);
  }

  ok(field: string, condition: boolean, detail = 'expected true'): void {
    if (!condition) this.problems.push(`${field}: ${detail}`);
  }

  done(): void {
    if (this.problems.length > 0) throw new Mismatch(this.problems.join('; '));
  }
}

function describeError(error: unknown): string {
  if (error instanceof Mismatch) return error.message;
  if (error instanceof RequestValidationError) return `unexpected RequestValidationError ${error.issues.map((i) => `${i.code} ${i.path}`).join(', ')}: ${error.message}`;
  if (error instanceof SrpError) return `unexpected SrpError ${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `thrown non-error ${show(error)}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const caseName = (text: string) => text.replace(/\s+/g, '_');

async function runGroup(group: string, cases: Case[], runtime: string): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    const name = `${group}/${caseName(c.name)}`;
    if (c.runtimes !== undefined && !c.runtimes.includes(runtime)) {
      console.log(`CASE SKIP ${name}: not applicable in ${runtime}`);
      continue;
    }
    try {
      await c.run();
      passed++;
      console.log(`CASE PASS ${name}`);
    } catch (error) {
      failed++;
      console.log(`CASE FAIL ${name}: ${oneLine(describeError(error))}`);
    }
  }
  console.log(`GROUP ${group} passed=${passed} failed=${failed}`);
  if (failed > 0) throw new Error(`${failed} of ${cases.length} ${group} cases failed`);
  if (passed + failed === 0) throw new Error(`${group} ran no case`);
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures.

const POOL_ID = 'eu-west-2_AbC123';
const CLIENT_ID = 'client123';
const SECRET = 'SuperSecretClientSecret0123456789';
const PASSWORD = 'correct horse ✓ battery';
const DEVICE_KEY = 'eu-west-2_0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const common = { userPoolId: POOL_ID, clientId: CLIENT_ID };
const hash = (username: string) => secretHash(username, CLIENT_ID, SECRET);

/** A global looked up by name: `typeof require` in source would be rewritten by esbuild to its own shim. */
const globalNamed = (name: string): unknown => (globalThis as Record<string, unknown>)[name];

/** The [code, path] pairs of the RequestValidationError `call` throws; also checks the error's own members. */
function issuesOf(call: () => unknown, secrets: readonly string[] = []): [string, string][] {
  try {
    call();
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw new Mismatch(`expected a RequestValidationError, got ${describeError(error)}`);
    const c = new Checks();
    c.ok('instanceof Error', error instanceof Error);
    c.eq('name', error.name, 'RequestValidationError');
    c.ok('issues', Array.isArray(error.issues) && error.issues.length > 0, show(error.issues));
    c.eq('code is the first issue', error.code, error.issues[0]?.code);
    c.eq('path is the first issue', error.path, error.issues[0]?.path);
    for (const text of [error.message, ...error.issues.map((i) => i.message)]) {
      for (const secret of secrets) c.ok('no secret in messages', !text.includes(secret), `a message repeats a secret: ${show(text)}`);
    }
    c.done();
    return error.issues.map((i) => [i.code, i.path]);
  }
  throw new Mismatch('expected a RequestValidationError, nothing was thrown');
}

/** A Cognito response carrying a server challenge (as AdminInitiateAuth / RespondToAuthChallenge return it). */
const responseOf = (challenge: ServerChallenge, session?: string): ChallengeResponse => ({
  ChallengeName: challenge.challengeName,
  ChallengeParameters: { ...challenge.challengeParameters },
  ...(session === undefined ? {} : { Session: session }),
});

// ---------------------------------------------------------------------------------------------------------------
// The runtime itself.

/** Where none of Node's globals exist. Deno 2 and Bun define process, Buffer, global and setImmediate on purpose. */
const WITHOUT_NODE_GLOBALS = ['workerd', 'chromium'];
const NODE_GLOBALS_IN_DENO_AND_BUN = ['process', 'Buffer', 'global', 'setImmediate'];

const runtimeCases: Case[] = [
  // Without nodejs_compat none of Node's globals exist; with it, Buffer and process do.
  ...['process', 'Buffer', 'require', 'module', '__dirname', 'global', 'setImmediate'].map((name) => ({
    name: `runtime:no-${name}`,
    ...(NODE_GLOBALS_IN_DENO_AND_BUN.includes(name) ? { runtimes: WITHOUT_NODE_GLOBALS } : {}),
    run: () => {
      const value = globalNamed(name);
      if (value !== undefined || name in globalThis) {
        throw new Mismatch(`globalThis.${name} is ${typeof value}: is nodejs_compat on?`);
      }
    },
  })),
  {
    name: 'runtime:typeof-process-and-Buffer',
    runtimes: WITHOUT_NODE_GLOBALS,
    run: () => {
      if (typeof process !== 'undefined' || typeof Buffer !== 'undefined') {
        throw new Mismatch(`typeof process is ${typeof process}, typeof Buffer is ${typeof Buffer}`);
      }
    },
  },
  {
    name: 'runtime:is-workerd',
    runtimes: ['workerd'],
    run: () => {
      const agent = (globalNamed('navigator') as { userAgent?: unknown } | undefined)?.userAgent;
      if (agent !== 'Cloudflare-Workers') throw new Mismatch(`navigator.userAgent is ${show(agent)}`);
    },
  },
  {
    name: 'runtime:web-crypto',
    run: () => {
      const webCrypto = globalNamed('crypto') as { getRandomValues?: unknown } | undefined;
      if (typeof webCrypto?.getRandomValues !== 'function') throw new Mismatch('no crypto.getRandomValues');
    },
  },
  {
    // One copy of @cognito-kit/srp in the bundle: a session made here is one the request builder recognizes, and
    // the other way round (two copies, say src and dist, would each refuse the other's sessions).
    name: 'bundle:one-srp-instance',
    run: () => {
      const c = new Checks();
      const built = buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: 'alice' });
      c.ok("the builder's session is an SrpSession here", isSrpSession(built.srpSession));
      const mine = createSrpSession();
      c.eq('a session made here is taken', buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: 'alice', srpSession: mine }).srpSession, mine);
      c.done();
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// AdminInitiateAuth and InitiateAuth: every flow and its AuthParameters.

/** A minimal valid input for each flow (AdminInitiateAuth); the loop case checks it covers AUTH_FLOWS. */
const MINIMAL_ADMIN: Record<AuthFlow, AdminInitiateAuthInput> = {
  USER_SRP_AUTH: { ...common, authFlow: 'USER_SRP_AUTH', username: 'alice' },
  REFRESH_TOKEN_AUTH: { ...common, authFlow: 'REFRESH_TOKEN_AUTH', refreshToken: 'eyJ.abc' },
  REFRESH_TOKEN: { ...common, authFlow: 'REFRESH_TOKEN', refreshToken: 'eyJ.abc' },
  CUSTOM_AUTH: { ...common, authFlow: 'CUSTOM_AUTH', username: 'alice' },
  ADMIN_NO_SRP_AUTH: { ...common, authFlow: 'ADMIN_NO_SRP_AUTH', username: 'alice', password: PASSWORD },
  USER_PASSWORD_AUTH: { ...common, authFlow: 'USER_PASSWORD_AUTH', username: 'alice', password: PASSWORD },
  ADMIN_USER_PASSWORD_AUTH: { ...common, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'alice', password: PASSWORD },
  USER_AUTH: { ...common, authFlow: 'USER_AUTH', username: 'alice' },
};

const initiateCases: Case[] = [
  {
    name: 'admin:USER_SRP_AUTH-creates-a-session-with-Web-Crypto',
    run: () => {
      const c = new Checks();
      const { request, srpSession } = buildAdminInitiateAuth({ ...common, clientSecret: SECRET, authFlow: 'USER_SRP_AUTH', username: 'alice', deviceKey: DEVICE_KEY });
      c.ok('srpSession is a session', isSrpSession(srpSession));
      const srpA = srpSession?.srpA ?? '';
      c.ok('SRP_A is lower-case hex', /^[0-9a-f]+$/.test(srpA), show(srpA));
      c.ok('A > 1', srpA !== '' && BigInt('0x' + srpA) > 1n);
      c.json('request', request, {
        UserPoolId: POOL_ID,
        ClientId: CLIENT_ID,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'alice', SRP_A: srpA, SECRET_HASH: hash('alice'), DEVICE_KEY: DEVICE_KEY },
      });
      c.json('JSON.stringify(srpSession)', srpSession, { srpA });
      const again = buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: 'alice' });
      c.ok('a second request has another SRP_A', again.request.AuthParameters?.SRP_A !== srpA);
      c.eq('an exported session imports back', importSrpSession(exportSrpSession(srpSession!)).srpA, srpA);
      c.done();
    },
  },
  {
    name: 'admin:USER_SRP_AUTH-uses-a-given-session',
    run: () => {
      const c = new Checks();
      const session = createSrpSession();
      const built = buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: 'alice', srpSession: session });
      c.eq('srpSession', built.srpSession, session);
      c.json('AuthParameters', built.request.AuthParameters, { USERNAME: 'alice', SRP_A: session.srpA });
      c.done();
    },
  },
  ...(['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const).map((authFlow) => ({
    name: `admin:${authFlow}-sends-USERNAME-and-PASSWORD`,
    run: () => {
      const c = new Checks();
      const built = buildAdminInitiateAuth({ ...common, authFlow, username: 'alice', password: PASSWORD });
      c.json('AuthParameters', built.request.AuthParameters, { USERNAME: 'alice', PASSWORD });
      c.eq('srpSession', built.srpSession, undefined);
      const withSecret = buildAdminInitiateAuth({ ...common, clientSecret: SECRET, authFlow, username: 'alice', password: PASSWORD, deviceKey: DEVICE_KEY });
      c.json('with a secret', withSecret.request.AuthParameters, { USERNAME: 'alice', PASSWORD, SECRET_HASH: hash('alice'), DEVICE_KEY });
      c.done();
    },
  })),
  ...(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'] as const).map((authFlow) => ({
    name: `admin:${authFlow}-with-a-client-secret-and-username`,
    run: () => {
      const c = new Checks();
      c.json('without a secret', buildAdminInitiateAuth({ ...common, authFlow, refreshToken: 'eyJ.abc' }).request.AuthParameters, { REFRESH_TOKEN: 'eyJ.abc' });
      const withSecret = buildAdminInitiateAuth({ ...common, clientSecret: SECRET, authFlow, refreshToken: 'eyJ.abc', username: 'sub-1234' });
      c.json('with a secret', withSecret.request.AuthParameters, { REFRESH_TOKEN: 'eyJ.abc', SECRET_HASH: hash('sub-1234') });
      c.eq('srpSession', withSecret.srpSession, undefined);
      c.json(
        'a secret without username',
        issuesOf(() => buildAdminInitiateAuth({ ...common, clientSecret: SECRET, authFlow, refreshToken: 'eyJ.abc' }), [SECRET]),
        [['USERNAME_REQUIRED_FOR_SECRET_HASH', 'username']],
      );
      c.done();
    },
  })),
  {
    name: 'admin:CUSTOM_AUTH-alone-and-withSrp',
    run: () => {
      const c = new Checks();
      const alone = buildAdminInitiateAuth({ ...common, authFlow: 'CUSTOM_AUTH', username: 'alice' });
      c.json('alone', alone.request.AuthParameters, { USERNAME: 'alice' });
      c.eq('alone: no session', alone.srpSession, undefined);
      const withSrp = buildAdminInitiateAuth({ ...common, clientSecret: SECRET, authFlow: 'CUSTOM_AUTH', username: 'alice', withSrp: true });
      c.ok('withSrp: a session', isSrpSession(withSrp.srpSession));
      c.json('withSrp', withSrp.request.AuthParameters, { USERNAME: 'alice', SRP_A: withSrp.srpSession?.srpA, CHALLENGE_NAME: 'SRP_A', SECRET_HASH: hash('alice') });
      const session = createSrpSession();
      const given = buildAdminInitiateAuth({ ...common, authFlow: 'CUSTOM_AUTH', username: 'alice', srpSession: session });
      c.json('given session', given.request.AuthParameters, { USERNAME: 'alice', SRP_A: session.srpA, CHALLENGE_NAME: 'SRP_A' });
      c.json('withSrp false and a session', issuesOf(() => buildAdminInitiateAuth({ ...common, authFlow: 'CUSTOM_AUTH', username: 'alice', withSrp: false, srpSession: session })), [
        ['CONFLICT', 'srpSession'],
      ]);
      c.done();
    },
  },
  {
    name: 'admin:USER_AUTH-PASSWORD_SRP',
    run: () => {
      const c = new Checks();
      const srp = buildAdminInitiateAuth({ ...common, authFlow: 'USER_AUTH', username: 'alice', preferredChallenge: 'PASSWORD_SRP' });
      c.ok('a session', isSrpSession(srp.srpSession));
      c.json('AuthParameters', srp.request.AuthParameters, { USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: srp.srpSession?.srpA });
      c.json('with a password', issuesOf(() => buildAdminInitiateAuth({ ...common, authFlow: 'USER_AUTH', username: 'alice', preferredChallenge: 'PASSWORD_SRP', password: PASSWORD }), [PASSWORD]), [
        ['CONFLICT', 'password'],
      ]);
      c.done();
    },
  },
  {
    name: 'admin:USER_AUTH-PASSWORD-and-no-preference',
    run: () => {
      const c = new Checks();
      const password = buildAdminInitiateAuth({ ...common, clientSecret: SECRET, authFlow: 'USER_AUTH', username: 'alice', preferredChallenge: 'PASSWORD', password: PASSWORD });
      c.json('PASSWORD', password.request.AuthParameters, { USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD, SECRET_HASH: hash('alice') });
      c.eq('PASSWORD: no session', password.srpSession, undefined);
      c.json('no preference', buildAdminInitiateAuth({ ...common, authFlow: 'USER_AUTH', username: 'alice' }).request.AuthParameters, { USERNAME: 'alice' });
      c.json('PASSWORD without password', issuesOf(() => buildAdminInitiateAuth({ ...common, authFlow: 'USER_AUTH', username: 'alice', preferredChallenge: 'PASSWORD' })), [['REQUIRED', 'password']]);
      c.done();
    },
  },
  {
    name: 'admin:every-AuthFlowType',
    run: () => {
      const c = new Checks();
      c.json('AUTH_FLOWS covered', [...AUTH_FLOWS].sort(), Object.keys(MINIMAL_ADMIN).sort());
      for (const flow of AUTH_FLOWS) {
        const { request } = buildAdminInitiateAuth(MINIMAL_ADMIN[flow]);
        c.eq(`${flow}: AuthFlow`, request.AuthFlow, flow);
        c.json(`${flow}: members`, Object.keys(request), ['UserPoolId', 'ClientId', 'AuthFlow', 'AuthParameters']);
      }
      c.done();
    },
  },
  {
    name: 'admin:common-members-in-the-SDK-order',
    run: () => {
      const c = new Checks();
      const { request } = buildAdminInitiateAuth({
        ...common,
        authFlow: 'ADMIN_USER_PASSWORD_AUTH',
        username: 'alice',
        password: PASSWORD,
        session: 's'.repeat(20),
        clientMetadata: { tier: 'gold' },
        analyticsEndpointId: 'endpoint-1',
        contextData: { ipAddress: '192.0.2.1', serverName: 'example.com', serverPath: '/login', httpHeaders: [{ headerName: 'User-Agent', headerValue: 'x' }], encodedData: 'abc' },
      });
      c.json('member order', Object.keys(request), MEMBER_ORDER.AdminInitiateAuth);
      c.json('ContextData', request.ContextData, {
        IpAddress: '192.0.2.1',
        ServerName: 'example.com',
        ServerPath: '/login',
        HttpHeaders: [{ headerName: 'User-Agent', headerValue: 'x' }],
        EncodedData: 'abc',
      });
      c.json('AnalyticsMetadata', request.AnalyticsMetadata, { AnalyticsEndpointId: 'endpoint-1' });
      c.json('ClientMetadata', request.ClientMetadata, { tier: 'gold' });
      c.eq('Session', request.Session, 's'.repeat(20));
      c.done();
    },
  },
  {
    name: 'public:USER_SRP_AUTH-has-no-UserPoolId',
    run: () => {
      const c = new Checks();
      const { request, srpSession } = buildInitiateAuth({ clientId: CLIENT_ID, clientSecret: SECRET, authFlow: 'USER_SRP_AUTH', username: 'alice' });
      c.ok('a session', isSrpSession(srpSession));
      c.json('request', request, { AuthFlow: 'USER_SRP_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'alice', SRP_A: srpSession?.srpA, SECRET_HASH: hash('alice') } });
      c.done();
    },
  },
  {
    name: 'public:USER_PASSWORD_AUTH-with-userContextData',
    run: () => {
      const c = new Checks();
      const { request } = buildInitiateAuth({ clientId: CLIENT_ID, authFlow: 'USER_PASSWORD_AUTH', username: 'a', password: 'p', userContextData: { encodedData: 'e', ipAddress: '192.0.2.9' } });
      c.json('request', request, { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'a', PASSWORD: 'p' }, UserContextData: { IpAddress: '192.0.2.9', EncodedData: 'e' } });
      c.done();
    },
  },
  ...(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'] as const).map((authFlow) => ({
    name: `public:${authFlow}-with-a-client-secret-and-username`,
    run: () => {
      const c = new Checks();
      const { request } = buildInitiateAuth({ clientId: CLIENT_ID, clientSecret: SECRET, authFlow, refreshToken: 'eyJ.abc', username: 'sub-1234' });
      c.json('request', request, { AuthFlow: authFlow, ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN: 'eyJ.abc', SECRET_HASH: hash('sub-1234') } });
      c.json('no username', issuesOf(() => buildInitiateAuth({ clientId: CLIENT_ID, clientSecret: SECRET, authFlow, refreshToken: 'eyJ.abc' }), [SECRET]), [
        ['USERNAME_REQUIRED_FOR_SECRET_HASH', 'username'],
      ]);
      c.done();
    },
  })),
  {
    name: 'public:CUSTOM_AUTH-withSrp',
    run: () => {
      const c = new Checks();
      const built = buildInitiateAuth({ clientId: CLIENT_ID, authFlow: 'CUSTOM_AUTH', username: 'alice', withSrp: true });
      c.json('AuthParameters', built.request.AuthParameters, { USERNAME: 'alice', SRP_A: built.srpSession?.srpA, CHALLENGE_NAME: 'SRP_A' });
      c.done();
    },
  },
  {
    name: 'public:USER_AUTH-PASSWORD_SRP-and-PASSWORD',
    run: () => {
      const c = new Checks();
      const srp = buildInitiateAuth({ clientId: CLIENT_ID, authFlow: 'USER_AUTH', username: 'alice', preferredChallenge: 'PASSWORD_SRP' });
      c.json('PASSWORD_SRP', srp.request.AuthParameters, { USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: srp.srpSession?.srpA });
      const password = buildInitiateAuth({ clientId: CLIENT_ID, authFlow: 'USER_AUTH', username: 'alice', preferredChallenge: 'PASSWORD', password: PASSWORD });
      c.json('PASSWORD', password.request.AuthParameters, { USERNAME: 'alice', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD });
      c.done();
    },
  },
  {
    name: 'public:every-public-flow-and-no-ADMIN-flow',
    run: () => {
      const c = new Checks();
      c.json('PUBLIC_AUTH_FLOWS', PUBLIC_AUTH_FLOWS, ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'USER_PASSWORD_AUTH', 'USER_AUTH']);
      for (const flow of PUBLIC_AUTH_FLOWS) {
        const { userPoolId: _pool, ...input } = MINIMAL_ADMIN[flow];
        const { request } = buildInitiateAuth(input as InitiateAuthInput);
        c.eq(`${flow}: AuthFlow`, request.AuthFlow, flow);
        c.ok(`${flow}: no UserPoolId`, !('UserPoolId' in request));
      }
      for (const flow of ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'] as const) {
        const { userPoolId: _pool, ...input } = MINIMAL_ADMIN[flow];
        c.json(`${flow} refused`, issuesOf(() => buildInitiateAuth(input as never), [PASSWORD]), [['INVALID_ENUM', 'authFlow']]);
      }
      c.done();
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// RequestValidationError.

const validationCases: Case[] = [
  {
    name: 'validation:several-issues-with-codes-and-paths',
    run: () => {
      const c = new Checks();
      const issues = issuesOf(
        () =>
          buildAdminInitiateAuth({
            userPoolId: 'bad',
            clientId: '',
            clientSecret: SECRET,
            authFlow: 'ADMIN_USER_PASSWORD_AUTH',
            username: 'has space',
            password: PASSWORD,
            session: 'short',
            deviceKey: 'x',
            clientMetadata: { tier: 5 },
            refreshToken: 'eyJ.abc',
          } as never),
        [SECRET, PASSWORD],
      );
      c.json('issues', issues, [
        ['PATTERN', 'userPoolId'],
        ['TOO_SHORT', 'clientId'],
        ['INVALID_TYPE', 'clientMetadata.tier'],
        ['TOO_SHORT', 'session'],
        ['UNEXPECTED_FIELD', 'refreshToken'],
        ['PATTERN', 'username'],
        ['PATTERN', 'deviceKey'],
      ]);
      try {
        buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: '', deviceKey: 'x' });
      } catch (error) {
        c.ok('message names the other paths', error instanceof Error && error.message.includes('(and 1 more: deviceKey)'), show(error instanceof Error ? error.message : error));
      }
      c.done();
    },
  },
  {
    name: 'validation:nested-paths-and-types',
    run: () => {
      const c = new Checks();
      const issues = issuesOf(() =>
        buildAdminInitiateAuth({
          ...common,
          authFlow: 'BOGUS_FLOW',
          contextData: { ipAddress: '192.0.2.1', serverName: 's', serverPath: '/', httpHeaders: [{ headerName: 'A' }, 'x'] },
          clientMetadata: { 'odd key': 1 },
        } as never),
      );
      c.json('issues', issues, [
        ['INVALID_TYPE', 'clientMetadata["odd key"]'],
        ['REQUIRED', 'contextData.httpHeaders[0].headerValue'],
        ['INVALID_TYPE', 'contextData.httpHeaders[1]'],
        ['INVALID_ENUM', 'authFlow'],
      ]);
      c.json('not an object', issuesOf(() => buildAdminInitiateAuth(null as never)), [['INVALID_TYPE', 'input']]);
      c.done();
    },
  },
  {
    name: 'validation:a-copied-session-is-refused',
    run: () => {
      const copy = JSON.parse(JSON.stringify(createSrpSession())) as SrpSession;
      const c = new Checks();
      c.json('initiate', issuesOf(() => buildAdminInitiateAuth({ ...common, authFlow: 'USER_SRP_AUTH', username: 'alice', srpSession: copy })), [['INVALID_SRP_SESSION', 'srpSession']]);
      c.json(
        'respond',
        issuesOf(() =>
          buildAdminRespondToAuthChallenge({ ...common, challengeName: 'PASSWORD_VERIFIER', srpSession: copy, password: PASSWORD, challengeParameters: { SALT: 'ab', SRP_B: 'cd', SECRET_BLOCK: 'AAAA', USER_ID_FOR_SRP: 'alice' } }),
        ),
        [['INVALID_SRP_SESSION', 'srpSession']],
      );
      c.done();
    },
  },
  {
    name: 'validation:an-unanswerable-challenge-is-INVALID_CHALLENGE',
    run: () => {
      const c = new Checks();
      const parameters = { SALT: 'ab', SRP_B: '00', SECRET_BLOCK: 'AAEC', USER_ID_FOR_SRP: 'alice', USERNAME: 'alice' };
      c.json(
        'SRP_B = 0',
        issuesOf(() => buildAdminRespondToAuthChallenge({ ...common, challengeName: 'PASSWORD_VERIFIER', srpSession: createSrpSession(), password: PASSWORD, response: { ChallengeParameters: parameters } }), [PASSWORD]),
        [['INVALID_CHALLENGE', 'response.ChallengeParameters.SRP_B']],
      );
      c.done();
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// (Admin)RespondToAuthChallenge against the SRP server half of @cognito-kit/srp/server.

const USER = { userPoolId: POOL_ID, userIdForSrp: '7f3e2c1a-0000-4000-8000-00000000abcd', username: 'alice@example.com', password: PASSWORD };
const STORED = createUserVerifierOnce();

/** The user's salt and verifier, made once (lazily: module scope runs before the harness can report a failure). */
function createUserVerifierOnce(): () => { salt: string; verifier: string } {
  let stored: { salt: string; verifier: string } | undefined;
  return () => (stored ??= createUserVerifier(USER));
}

/** AdminInitiateAuth USER_SRP_AUTH, then the server's PASSWORD_VERIFIER challenge for its SRP_A. */
function startSrpLogin(clientSecret?: string) {
  const first = buildAdminInitiateAuth({ ...common, ...(clientSecret === undefined ? {} : { clientSecret }), authFlow: 'USER_SRP_AUTH', username: USER.username });
  const challenge = createServerChallenge({ ...USER, ...STORED() }, first.request.AuthParameters!.SRP_A!);
  return { first, challenge };
}

const respondCases: Case[] = [
  {
    name: 'respond:PASSWORD_VERIFIER-verified-by-the-server-half',
    run: () => {
      const c = new Checks();
      const { first, challenge } = startSrpLogin(SECRET);
      c.eq('challengeName', challenge.challengeName, 'PASSWORD_VERIFIER');
      const { request } = buildAdminRespondToAuthChallenge({
        ...common,
        clientSecret: SECRET,
        challengeName: 'PASSWORD_VERIFIER',
        srpSession: first.srpSession!,
        password: PASSWORD,
        response: responseOf(challenge, 'from-the-response-0123456789'),
      });
      c.json('member order', Object.keys(request), ['UserPoolId', 'ClientId', 'ChallengeName', 'ChallengeResponses', 'Session']);
      c.eq('Session from the response', request.Session, 'from-the-response-0123456789');
      const answer = request.ChallengeResponses ?? {};
      c.json('ChallengeResponses keys', Object.keys(answer).sort(), ['PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'SECRET_HASH', 'TIMESTAMP', 'USERNAME']);
      c.eq('USERNAME is USER_ID_FOR_SRP', answer.USERNAME, USER.userIdForSrp);
      c.eq('SECRET_HASH over USER_ID_FOR_SRP', answer.SECRET_HASH, hash(USER.userIdForSrp));
      c.eq('PASSWORD_CLAIM_SECRET_BLOCK', answer.PASSWORD_CLAIM_SECRET_BLOCK, challenge.challengeParameters.SECRET_BLOCK);
      c.eq('verifyPasswordClaim', verifyPasswordClaim(challenge, answer, { clientId: CLIENT_ID, clientSecret: SECRET }), true);
      c.eq('verify with another secret', verifyPasswordClaim(challenge, answer, { clientId: CLIENT_ID, clientSecret: 'another-secret' }), false);
      c.done();
    },
  },
  {
    name: 'respond:PASSWORD_VERIFIER-wrong-password-is-refused',
    run: () => {
      const { first, challenge } = startSrpLogin();
      const { request } = buildAdminRespondToAuthChallenge({
        ...common,
        challengeName: 'PASSWORD_VERIFIER',
        srpSession: first.srpSession!,
        password: 'wrong password',
        response: responseOf(challenge),
      });
      if (verifyPasswordClaim(challenge, request.ChallengeResponses ?? {}) !== false) throw new Mismatch('a wrong password was accepted');
    },
  },
  {
    name: 'respond:PASSWORD_VERIFIER-with-now-deviceKey-and-challengeParameters',
    run: () => {
      const c = new Checks();
      const { first, challenge } = startSrpLogin();
      const now = new Date('2026-11-03T05:07:08Z');
      const { request } = buildAdminRespondToAuthChallenge({
        ...common,
        challengeName: 'PASSWORD_VERIFIER',
        srpSession: first.srpSession!,
        password: PASSWORD,
        challengeParameters: { ...challenge.challengeParameters },
        deviceKey: DEVICE_KEY,
        now,
        session: 'given-session-0123456789',
      });
      const answer = request.ChallengeResponses ?? {};
      c.eq('TIMESTAMP', answer.TIMESTAMP, 'Tue Nov 3 05:07:08 UTC 2026');
      c.eq('DEVICE_KEY', answer.DEVICE_KEY, DEVICE_KEY);
      c.eq('Session', request.Session, 'given-session-0123456789');
      c.eq('verified at that instant', verifyPasswordClaim(challenge, answer, { now }), true);
      c.eq('stale now', verifyPasswordClaim(challenge, answer), false);
      c.done();
    },
  },
  {
    name: 'respond:public-InitiateAuth-and-RespondToAuthChallenge',
    run: () => {
      const c = new Checks();
      const first = buildInitiateAuth({ clientId: CLIENT_ID, clientSecret: SECRET, authFlow: 'USER_SRP_AUTH', username: USER.username });
      const challenge = createServerChallenge({ ...USER, ...STORED() }, first.srpSession!.srpA);
      const { request } = buildRespondToAuthChallenge({
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        userPoolId: POOL_ID,
        challengeName: 'PASSWORD_VERIFIER',
        srpSession: first.srpSession!,
        password: PASSWORD,
        response: responseOf(challenge),
      });
      c.ok('no UserPoolId on the wire', !('UserPoolId' in request));
      c.json('member order', Object.keys(request), ['ClientId', 'ChallengeName', 'ChallengeResponses']);
      c.eq('verifyPasswordClaim', verifyPasswordClaim(challenge, request.ChallengeResponses ?? {}, { clientId: CLIENT_ID, clientSecret: SECRET }), true);
      c.json('no userPoolId', issuesOf(() => buildRespondToAuthChallenge({ clientId: CLIENT_ID, challengeName: 'PASSWORD_VERIFIER', srpSession: first.srpSession!, password: PASSWORD, response: responseOf(challenge) } as never)), [
        ['REQUIRED', 'userPoolId'],
      ]);
      c.done();
    },
  },
  {
    name: 'respond:DEVICE_SRP_AUTH-and-DEVICE_PASSWORD_VERIFIER-round-trip',
    run: () => {
      const c = new Checks();
      const deviceGroupKey = '-GrOuPkEy1';
      const username = USER.userIdForSrp;
      const registered = createDeviceVerifier({ deviceGroupKey, deviceKey: DEVICE_KEY });
      const device = { deviceGroupKey, deviceKey: DEVICE_KEY, username, deviceSecretVerifierConfig: registered.DeviceSecretVerifierConfig };
      const login = (devicePassword: string) => {
        const srpAuth = buildAdminRespondToAuthChallenge({
          ...common,
          clientSecret: SECRET,
          challengeName: 'DEVICE_SRP_AUTH',
          username,
          deviceKey: DEVICE_KEY,
          session: 'session-device-000000000001',
        });
        c.ok('DEVICE_SRP_AUTH: a session', isSrpSession(srpAuth.srpSession));
        c.json('DEVICE_SRP_AUTH answer', srpAuth.request.ChallengeResponses, { USERNAME: username, DEVICE_KEY, SRP_A: srpAuth.srpSession?.srpA, SECRET_HASH: hash(username) });
        c.eq('DEVICE_SRP_AUTH Session', srpAuth.request.Session, 'session-device-000000000001');
        const challenge = createDeviceServerChallenge(device, srpAuth.request.ChallengeResponses!.SRP_A!);
        c.eq('challengeName', challenge.challengeName, 'DEVICE_PASSWORD_VERIFIER');
        const verifier = buildAdminRespondToAuthChallenge({
          ...common,
          clientSecret: SECRET,
          challengeName: 'DEVICE_PASSWORD_VERIFIER',
          srpSession: srpAuth.srpSession!,
          deviceGroupKey,
          deviceKey: DEVICE_KEY,
          devicePassword,
          response: responseOf(challenge, 'session-device-000000000002'),
        });
        c.eq('Session from the response', verifier.request.Session, 'session-device-000000000002');
        const answer = verifier.request.ChallengeResponses ?? {};
        c.eq('DEVICE_KEY', answer.DEVICE_KEY, DEVICE_KEY);
        c.eq('SECRET_HASH', answer.SECRET_HASH, hash(username));
        return verifyDevicePasswordClaim(challenge, answer, { clientId: CLIENT_ID, clientSecret: SECRET });
      };
      c.eq('right device password', login(registered.devicePassword), true);
      c.eq('wrong device password', login(createDeviceVerifier({ deviceGroupKey, deviceKey: DEVICE_KEY }).devicePassword), false);
      c.done();
    },
  },
  {
    name: 'respond:DEVICE_SRP_AUTH-uses-a-given-session',
    run: () => {
      const c = new Checks();
      const session = createSrpSession();
      const built = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'DEVICE_SRP_AUTH', username: 'alice', deviceKey: DEVICE_KEY, srpSession: session });
      c.eq('srpSession', built.srpSession, session);
      c.json('ChallengeResponses', built.request.ChallengeResponses, { USERNAME: 'alice', DEVICE_KEY, SRP_A: session.srpA });
      c.done();
    },
  },
  {
    name: 'respond:pass-through-with-SECRET_HASH',
    run: () => {
      const c = new Checks();
      const { request } = buildAdminRespondToAuthChallenge({
        ...common,
        clientSecret: SECRET,
        challengeName: 'EMAIL_MFA',
        challengeResponses: { USERNAME: 'alice', EMAIL_MFA_CODE: '123456' },
        session: 'x'.repeat(30),
      });
      c.json('request', request, {
        UserPoolId: POOL_ID,
        ClientId: CLIENT_ID,
        ChallengeName: 'EMAIL_MFA',
        ChallengeResponses: { USERNAME: 'alice', EMAIL_MFA_CODE: '123456', SECRET_HASH: hash('alice') },
        Session: 'x'.repeat(30),
      });
      const kept = buildAdminRespondToAuthChallenge({ ...common, clientSecret: SECRET, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: '1', SECRET_HASH: 'given' } });
      c.eq('a given SECRET_HASH is kept', kept.request.ChallengeResponses?.SECRET_HASH, 'given');
      const newPassword = buildAdminRespondToAuthChallenge({
        ...common,
        challengeName: 'NEW_PASSWORD_REQUIRED',
        challengeResponses: { USERNAME: 'alice', NEW_PASSWORD: 'n3w!', 'userAttributes.name': 'Alice' },
      });
      c.json('NEW_PASSWORD_REQUIRED', newPassword.request.ChallengeResponses, { USERNAME: 'alice', NEW_PASSWORD: 'n3w!', 'userAttributes.name': 'Alice' });
      const publicRequest = buildRespondToAuthChallenge({ clientId: CLIENT_ID, clientSecret: SECRET, challengeName: 'SOFTWARE_TOKEN_MFA', challengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: '654321' }, session: 'y'.repeat(25) });
      c.json('public', publicRequest.request, {
        ClientId: CLIENT_ID,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: 'y'.repeat(25),
        ChallengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: '654321', SECRET_HASH: hash('alice') },
      });
      c.json('no USERNAME to hash', issuesOf(() => buildAdminRespondToAuthChallenge({ ...common, clientSecret: SECRET, challengeName: 'SMS_MFA', challengeResponses: { SMS_MFA_CODE: '1' } } as never), [SECRET]), [
        ['USERNAME_REQUIRED_FOR_SECRET_HASH', 'challengeResponses.USERNAME'],
      ]);
      c.done();
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// toHttpRequest, redact and the model's constants.

const httpCases: Case[] = [
  {
    name: 'http:ConfirmDevice-with-a-device-verifier',
    run: () => {
      const c = new Checks();
      const { request, devicePassword } = buildConfirmDevice({ accessToken: 'eyJ.access', deviceKey: DEVICE_KEY, deviceGroupKey: '-grp' });
      c.eq('device password is base64 of 40 bytes', atob(devicePassword).length, 40);
      c.json('members in SDK order', Object.keys(request), ['AccessToken', 'DeviceKey', 'DeviceSecretVerifierConfig']);
      const http = toHttpRequest('ConfirmDevice', request, { region: 'eu-west-2' });
      c.eq('target', http.headers['X-Amz-Target'], 'AWSCognitoIdentityProviderService.ConfirmDevice');
      c.eq('body', http.body, JSON.stringify(request));
      c.done();
    },
  },
  {
    name: 'http:AdminInitiateAuth-request',
    run: () => {
      const c = new Checks();
      const { request } = buildAdminInitiateAuth({ ...common, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'a', password: 'p' });
      const http = toHttpRequest('AdminInitiateAuth', request);
      c.json('HttpRequest', http, {
        method: 'POST',
        url: 'https://cognito-idp.eu-west-2.amazonaws.com/',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminInitiateAuth' },
        body: JSON.stringify(request),
      });
      c.eq('body is JSON.stringify(request)', http.body, JSON.stringify(request));
      c.json('body parses back', JSON.parse(http.body), request);
      c.done();
    },
  },
  {
    name: 'http:every-operation-and-destination',
    run: () => {
      const c = new Checks();
      const admin = buildAdminInitiateAuth({ ...common, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'a', password: 'p' }).request;
      c.eq('region', toHttpRequest('AdminInitiateAuth', admin, { region: 'us-west-2' }).url, 'https://cognito-idp.us-west-2.amazonaws.com/');
      c.eq('China', toHttpRequest('AdminInitiateAuth', admin, { region: 'cn-north-1' }).url, 'https://cognito-idp.cn-north-1.amazonaws.com.cn/');
      c.eq('endpoint', toHttpRequest('AdminInitiateAuth', admin, { endpoint: 'http://127.0.0.1:5000' }).url, 'http://127.0.0.1:5000/');
      c.eq('regionEndpoint', regionEndpoint('eu-central-1'), 'https://cognito-idp.eu-central-1.amazonaws.com/');
      const publicRequest = buildInitiateAuth({ clientId: CLIENT_ID, authFlow: 'USER_PASSWORD_AUTH', username: 'a', password: 'p' }).request;
      const http = toHttpRequest('InitiateAuth', publicRequest, { region: 'eu-west-2' });
      c.eq('InitiateAuth target', http.headers['X-Amz-Target'], 'AWSCognitoIdentityProviderService.InitiateAuth');
      c.eq('InitiateAuth body', http.body, JSON.stringify(publicRequest));
      const respond = buildAdminRespondToAuthChallenge({ ...common, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a', SMS_MFA_CODE: '1' } }).request;
      c.eq('AdminRespondToAuthChallenge target', toHttpRequest('AdminRespondToAuthChallenge', respond).headers['X-Amz-Target'], 'AWSCognitoIdentityProviderService.AdminRespondToAuthChallenge');
      const publicRespond = buildRespondToAuthChallenge({ clientId: CLIENT_ID, challengeName: 'SMS_MFA', challengeResponses: { USERNAME: 'a', SMS_MFA_CODE: '1' } }).request;
      c.eq('RespondToAuthChallenge url', toHttpRequest('RespondToAuthChallenge', publicRespond, { region: 'ap-southeast-2' }).url, 'https://cognito-idp.ap-southeast-2.amazonaws.com/');
      c.json(
        'requiresSigV4',
        (['AdminInitiateAuth', 'InitiateAuth', 'AdminRespondToAuthChallenge', 'RespondToAuthChallenge'] as const).map(requiresSigV4),
        [true, false, true, false],
      );
      c.done();
    },
  },
  {
    name: 'http:a-fetch-Request-from-the-HttpRequest',
    run: async () => {
      const c = new Checks();
      const { request } = buildInitiateAuth({ clientId: CLIENT_ID, authFlow: 'USER_SRP_AUTH', username: 'alice' });
      const http = toHttpRequest('InitiateAuth', request, { region: 'eu-west-2' });
      const fetchRequest = new Request(http.url, http);
      c.eq('method', fetchRequest.method, 'POST');
      c.eq('url', fetchRequest.url, 'https://cognito-idp.eu-west-2.amazonaws.com/');
      c.eq('Content-Type', fetchRequest.headers.get('content-type'), 'application/x-amz-json-1.1');
      c.eq('X-Amz-Target', fetchRequest.headers.get('x-amz-target'), 'AWSCognitoIdentityProviderService.InitiateAuth');
      c.eq('body', await fetchRequest.text(), JSON.stringify(request));
      c.done();
    },
  },
  {
    name: 'http:refuses-what-cannot-be-sent',
    run: () => {
      const c = new Checks();
      const admin = buildAdminInitiateAuth({ ...common, authFlow: 'ADMIN_USER_PASSWORD_AUTH', username: 'a', password: 'p' }).request;
      const publicRequest = buildInitiateAuth({ clientId: CLIENT_ID, authFlow: 'USER_PASSWORD_AUTH', username: 'a', password: 'p' }).request;
      c.json('public without region', issuesOf(() => toHttpRequest('InitiateAuth', publicRequest)), [['REQUIRED', 'region']]);
      c.json('pool id to a public operation', issuesOf(() => toHttpRequest('InitiateAuth', admin, { region: 'eu-west-2' })), [['UNEXPECTED_FIELD', 'request.UserPoolId']]);
      c.json('admin without pool id', issuesOf(() => toHttpRequest('AdminInitiateAuth', publicRequest, { region: 'eu-west-2' })), [['REQUIRED', 'request.UserPoolId']]);
      c.json('bad region', issuesOf(() => toHttpRequest('AdminInitiateAuth', admin, { region: 'Mars' })), [['PATTERN', 'region']]);
      c.json('bad endpoint', issuesOf(() => toHttpRequest('AdminInitiateAuth', admin, { endpoint: 'ftp://x' })), [['PATTERN', 'endpoint']]);
      c.json('unknown operation', issuesOf(() => toHttpRequest('ConfirmSignUp' as never, admin)), [['INVALID_ENUM', 'operation']]);
      c.done();
    },
  },
  {
    name: 'redact:masks-sensitive-members-and-leaves-the-input-alone',
    run: () => {
      const c = new Checks();
      const { request } = buildAdminInitiateAuth({
        ...common,
        clientSecret: SECRET,
        authFlow: 'ADMIN_USER_PASSWORD_AUTH',
        username: 'alice',
        password: 'pw-secret',
        session: 'session-secret-0123456789',
        contextData: { ipAddress: '192.0.2.1', serverName: 's', serverPath: '/', httpHeaders: [{ headerName: 'Cookie', headerValue: 'id=secret' }], encodedData: 'enc-secret' },
      });
      const before = JSON.stringify(request);
      const safe = redact(request);
      c.eq('input unchanged', JSON.stringify(request), before);
      c.json('redacted', safe, {
        UserPoolId: POOL_ID,
        ClientId: '***',
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: '***', PASSWORD: '***', SECRET_HASH: '***' },
        ContextData: { IpAddress: '192.0.2.1', ServerName: 's', ServerPath: '/', HttpHeaders: [{ headerName: 'Cookie', headerValue: '***' }], EncodedData: '***' },
        Session: '***',
      });
      for (const secret of ['pw-secret', 'session-secret', 'id=secret', 'enc-secret', CLIENT_ID, hash('alice')]) {
        c.ok(`no ${secret}`, !JSON.stringify(safe).includes(secret));
      }
      c.done();
    },
  },
  {
    name: 'redact:ChallengeResponses-and-UserContextData',
    run: () => {
      const c = new Checks();
      const { request } = buildRespondToAuthChallenge({
        clientId: CLIENT_ID,
        challengeName: 'SMS_MFA',
        challengeResponses: { USERNAME: 'a', SMS_MFA_CODE: '1' },
        userContextData: { encodedData: 'x' },
      });
      c.json('redacted', redact(request), { ClientId: '***', ChallengeName: 'SMS_MFA', ChallengeResponses: { USERNAME: '***', SMS_MFA_CODE: '***' }, UserContextData: '***' });
      c.done();
    },
  },
  {
    name: 'model:constants',
    run: () => {
      const c = new Checks();
      c.eq('AUTH_FLOWS', AUTH_FLOWS.length, 8);
      c.eq('CHALLENGE_NAMES', CHALLENGE_NAMES.length, 16);
      // Other operations may join MEMBER_ORDER; these four must be there, in the SDK's member order.
      for (const operation of ['AdminInitiateAuth', 'InitiateAuth', 'AdminRespondToAuthChallenge', 'RespondToAuthChallenge'] as const) {
        c.ok(`MEMBER_ORDER.${operation}`, Array.isArray(MEMBER_ORDER[operation]) && MEMBER_ORDER[operation].length > 0);
      }
      c.eq('MEMBER_ORDER.InitiateAuth[0]', MEMBER_ORDER.InitiateAuth[0], 'AuthFlow');
      c.done();
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Entrypoints: workerd runs each `test` handler as one test ("main", "main:initiate", ...).

interface TestHandler {
  test(controller: unknown, env: unknown, ctx: unknown): Promise<void>;
}

/**
 * The runtime the handler runs in: workerd passes its bindings as `env` (this worker has none);
 * scripts/runtimes/run.mjs passes `{ runtime: 'deno' | 'bun' | 'chromium' }`.
 */
function runtimeOf(env: unknown): string {
  const runtime = (env as { runtime?: unknown } | null | undefined)?.runtime;
  return typeof runtime === 'string' ? runtime : 'workerd';
}

const handler = (group: string, cases: () => Case[]): TestHandler => ({
  test: (_controller, env) => runGroup(group, cases(), runtimeOf(env)),
});

export default handler('runtime', () => runtimeCases);
export const initiate = handler('initiate', () => initiateCases);
export const validation = handler('validation', () => validationCases);
export const respond = handler('respond', () => respondCases);
export const http = handler('http', () => httpCases);

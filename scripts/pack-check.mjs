#!/usr/bin/env node
// The packages as a user gets them: `pnpm pack` tarballs, checked for what they hold, installed into a scratch
// project outside the workspace (offline: the tarballs plus pnpm's store, which already holds @noble/hashes), then
// imported from ESM (`import`), from CommonJS (`require`, through Node's require(esm), unflagged since 20.19),
// type-checked by a strict TypeScript consumer (module nodenext, .mts and .cts), and the `cognito-kit` bin of
// @cognito-kit/cli run (--help, and `demo`: a full login against its embedded server). Each import style performs a
// full SRP login against the server half and builds the requests with the builder. The request builder's tarball
// must hold no CLI, no demo server and no bin: that is @cognito-kit/cli's.
//
//   node scripts/pack-check.mjs [--keep]
//
// The last line is `pack-check: N passed, M failed`; RESULTS_FILE gets { runner, passed, failed }.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pnpm = existsSync(join(root, '.tools/bin/pnpm')) ? join(root, '.tools/bin/pnpm') : 'pnpm';
const started = Date.now();
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail && !ok ? `\n       ${detail.split('\n').join('\n       ')}` : ''}`);
};
const sh = (command, args, cwd, env = {}) => {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 180_000 });
  return { ok: r.status === 0, out: `${r.error ? `${command}: ${r.error.message}\n` : ''}${r.stdout ?? ''}${r.stderr ?? ''}`.trim(), stdout: r.stdout ?? '' };
};

/**
 * Links in a Markdown file of a tarball that will not work on npm or after install: a relative target that leaves
 * the package (`../../SECURITY.md`) or names a file the tarball does not hold, and root-relative paths (`/docs/x.md`).
 * Code (fenced blocks, inline spans) is skipped. `list` holds the tarball's paths without `package/`.
 */
function brokenLinks(file, text, list) {
  const prose = text.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\2[`~]*[ \t]*(\n|$)/gm, '\n').replace(/`[^`\n]*`/g, '');
  const targets = [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g)].map((m) => m[1]),
    ...[...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]),
    ...[...prose.matchAll(/\b(?:href|src)\s*=\s*"([^"]+)"/g)].map((m) => m[1]),
  ];
  const broken = [];
  for (const target of targets) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    const path = decodeURI(target.replace(/[?#].*$/, ''));
    if (path === '') continue;
    if (path.startsWith('/')) {
      broken.push(`${file}: ${target} (a root-relative path)`);
      continue;
    }
    const resolved = posix.normalize(posix.join(posix.dirname(file), path)).replace(/\/$/, '');
    if (resolved.startsWith('../') || resolved === '..') broken.push(`${file}: ${target} (outside the package)`);
    else if (!list.includes(resolved) && !list.some((f) => f.startsWith(`${resolved}/`))) broken.push(`${file}: ${target} (not in the tarball)`);
  }
  return broken;
}

/** Tool configuration files a script may name although the tarball does not ship them (build, typecheck, test). */
const TOOL_CONFIG = /^(tsconfig[\w.-]*\.json|vitest[\w.-]*\.config\.[cm]?[jt]s|stryker\.config\.[cm]?[jt]s)$/;

/** Scripts of a packed package.json that name a file the tarball does not hold (`node ../../scripts/x.mjs`). */
function scriptsPointingOutside(scripts, list) {
  const problems = [];
  for (const [name, command] of Object.entries(scripts ?? {})) {
    for (const raw of command.split(/[\s;&|()]+/)) {
      let token = raw.replace(/^['"]+|['"]+$/g, '');
      if (token.startsWith('-')) token = token.includes('=') ? token.slice(token.indexOf('=') + 1) : '';
      if (token === '' || token.startsWith('@') || token.includes(':') || token.includes('$') || token.includes('*')) continue;
      const pathLike = token.includes('/') || /\.(?:[cm]?js|[cm]?ts|json)$/.test(token);
      if (!pathLike || TOOL_CONFIG.test(token)) continue;
      const resolved = posix.normalize(token).replace(/^\.\//, '').replace(/\/$/, '');
      if (resolved.startsWith('../') || (!list.includes(resolved) && !list.some((f) => f.startsWith(`${resolved}/`)))) {
        problems.push(`"${name}": ${command} (${token} is not in the tarball)`);
      }
    }
  }
  return problems;
}

// Controls: the two checks above must flag what they exist to catch.
{
  const list = ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/main.js'];
  const flagged = scriptsPointingOutside(
    {
      'test:runtimes': 'node ../../scripts/runtimes/suite.mjs --package srp --runtime',
      'test:load': 'node scripts/load.mjs',
      demo: 'node examples/demo.mjs',
      'test:fuzz': 'FUZZ_RUNS=${FUZZ_RUNS:-20000} vitest run test/fuzz.node.test.ts',
      fine: 'node dist/main.js demo && tsc -p tsconfig.build.json && vitest run --config vitest.edge.config.ts && node -e "require(\'node:fs\').rmSync(\'dist\', { recursive: true })" && attw --pack . --profile esm-only',
    },
    list,
  );
  const links = brokenLinks('README.md', '[a](../../SECURITY.md) [b](docs/x.md) [c](/abs.md) [ok](LICENSE) [web](https://x.test/y) [top](#top)\n```md\n[code](../in-code.md)\n```\n', list);
  check(
    'controls: the script check flags ../../scripts/…, scripts/load.mjs, examples/demo.mjs, test/fuzz.node.test.ts; the link check flags ../, a missing file and /abs',
    flagged.length === 4 && !flagged.some((p) => p.startsWith('"fine"')) && links.length === 3,
    [...flagged, ...links].join('\n'),
  );
}

const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');

// Outside the workspace: a pnpm-workspace.yaml or node_modules up the tree must not be found.
const scratch = mkdtempSync(join(tmpdir(), 'cognito-kit-pack-'));
const tarballs = join(scratch, 'tarballs');
const app = join(scratch, 'app');
mkdirSync(tarballs);
mkdirSync(app);

try {
  // 1. Pack (pnpm rewrites workspace:* to the version) and look inside.
  const packages = { srp: '@cognito-kit/srp', 'request-builder': '@cognito-kit/request-builder', 'local-pool': '@cognito-kit/local-pool', cli: '@cognito-kit/cli' };
  const tgz = {};
  for (const dir of Object.keys(packages)) {
    const before = new Set(readdirSync(tarballs));
    const r = sh(pnpm, ['pack', '--pack-destination', tarballs], join(root, 'packages', dir));
    const made = readdirSync(tarballs).filter((f) => !before.has(f) && f.endsWith('.tgz'));
    check(`pnpm pack ${packages[dir]}`, r.ok && made.length === 1, r.out.slice(-800));
    if (made.length !== 1) continue;
    tgz[dir] = join(tarballs, made[0]);
    const list = sh('tar', ['-tzf', tgz[dir]], scratch).stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    // The CLI is a bin, not a library: its JavaScript and source maps, no declarations.
    const must =
      dir === 'cli'
        ? ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/main.js', 'dist/main.js.map', 'src/main.ts']
        : ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts', 'dist/index.js.map', 'dist/index.d.ts.map', 'src/index.ts'];
    if (dir === 'srp') must.push('dist/server/index.js', 'dist/server/index.d.ts');
    const missing = must.filter((f) => !list.includes(f));
    const stray = list.filter((f) => !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/.+\.(js|d\.ts|js\.map|d\.ts\.map)|src\/.+\.(ts|md))$/.test(f) || /(^|\/)(test|__tests__|\.cache|node_modules)\//.test(f) || /\.test\.ts$/.test(f));
    check(`${packages[dir]} tarball holds dist (js, ${dir === 'cli' ? '' : 'd.ts, '}maps), src and docs, nothing else (${list.length} files)`, missing.length === 0 && stray.length === 0, `missing: ${missing.join(', ') || 'none'}; not expected: ${stray.join(', ') || 'none'}`);
    const read = (file) => sh('tar', ['-xzOf', tgz[dir], `package/${file}`], scratch).stdout;
    check(`${packages[dir]} tarball holds LICENSE, identical to the repository's`, list.includes('LICENSE') && read('LICENSE') === rootLicense, list.includes('LICENSE') ? 'LICENSE differs from the root LICENSE' : 'no LICENSE in the tarball');
    const markdown = list.filter((f) => f.endsWith('.md'));
    const broken = markdown.flatMap((file) => brokenLinks(file, read(file), list));
    check(`${packages[dir]}: no Markdown file in the tarball links outside it or to a file it lacks (${markdown.join(', ')})`, list.includes('README.md') && broken.length === 0, broken.join('\n'));
    let packedScripts = {};
    try {
      packedScripts = JSON.parse(read('package.json')).scripts ?? {};
    } catch (error) {
      packedScripts = { '(package.json)': `unreadable: ${error.message}` };
    }
    const outside = scriptsPointingOutside(packedScripts, list);
    check(`${packages[dir]}: no script of the packed package.json names a file the tarball lacks (${Object.keys(packedScripts).join(', ')})`, outside.length === 0, outside.join('\n'));
    if (dir === 'request-builder' || dir === 'local-pool') {
      // A library with no Node code: the CLI and its demo server are @cognito-kit/cli's.
      let bin;
      try {
        bin = JSON.parse(read('package.json')).bin;
      } catch {
        bin = '(package.json unreadable)';
      }
      const nodeOnly = list.filter((f) => /(^|\/)(cli\/|main\.|demo-server\.|demo\.)/.test(f));
      check(`${packages[dir]} tarball holds no CLI, no demo server and no bin (they are @cognito-kit/cli's)`, bin === undefined && nodeOnly.length === 0, `bin: ${JSON.stringify(bin)}; files: ${nodeOnly.join(', ') || 'none'}`);
    }
  }
  if (!tgz.srp || !tgz['request-builder'] || !tgz['local-pool'] || !tgz.cli) throw new Error('no tarballs to install');

  // 2. Install offline into the scratch project. The dependencies between the packages (@cognito-kit/srp@<version>
  //    of the request builder and the CLI, @cognito-kit/request-builder@<version> of the CLI) are not on the
  //    registry yet: the overrides point them at the tarballs.
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'scratch-consumer',
        private: true,
        dependencies: {
          '@cognito-kit/srp': `file:${tgz.srp}`,
          '@cognito-kit/request-builder': `file:${tgz['request-builder']}`,
          '@cognito-kit/local-pool': `file:${tgz['local-pool']}`,
          '@cognito-kit/cli': `file:${tgz.cli}`,
        },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(app, 'pnpm-workspace.yaml'),
    `overrides:\n  "@cognito-kit/srp": ${JSON.stringify(`file:${tgz.srp}`)}\n  "@cognito-kit/request-builder": ${JSON.stringify(`file:${tgz['request-builder']}`)}\n  "@cognito-kit/local-pool": ${JSON.stringify(`file:${tgz['local-pool']}`)}\nupdateNotifier: false\n`,
  );
  const install = sh(pnpm, ['install', '--offline', '--config.confirmModulesPurge=false'], app, { CI: 'true' });
  check(
    'install the tarballs into a scratch project outside the workspace, offline',
    install.ok && ['srp', 'request-builder', 'local-pool', 'cli'].every((name) => existsSync(join(app, `node_modules/@cognito-kit/${name}/package.json`))),
    install.out.slice(-1500),
  );

  // 3. The same login from ESM and from CommonJS. login.cjs takes the three modules, so both import styles run
  //    identical code; it throws on any mismatch.
  writeFileSync(
    join(app, 'login.cjs'),
    `'use strict';
module.exports = function login(srp, server, rb, signIn) {
  const userPoolId = 'eu-west-2_Pack1Test', clientId = 'packclient123', clientSecret = 'pack0secret0long0enough0000', username = 'alice', password = 'correct horse';
  const user = { userPoolId, userIdForSrp: username, ...server.createUserVerifier({ userPoolId, userIdForSrp: username, password }) };
  const first = rb.buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId, clientSecret, username });
  if (!srp.isSrpSession(first.srpSession)) throw new Error('the builder and the consumer see two copies of @cognito-kit/srp');
  const challenge = server.createServerChallenge(user, first.request.AuthParameters.SRP_A);
  const response = { ChallengeName: challenge.challengeName, ChallengeParameters: challenge.challengeParameters, Session: 'pack-check-session-0123456789' };
  const { request } = rb.buildRespondToAuthChallenge({ challengeName: 'PASSWORD_VERIFIER', clientId, clientSecret, userPoolId, srpSession: first.srpSession, password, response });
  if (!server.verifyPasswordClaim(challenge, request.ChallengeResponses, { clientId, clientSecret })) throw new Error('the server half refused the login');
  const http = rb.toHttpRequest('RespondToAuthChallenge', request, { region: 'eu-west-2' });
  if (http.headers['X-Amz-Target'] !== 'AWSCognitoIdentityProviderService.RespondToAuthChallenge') throw new Error('unexpected HTTP request');
  if (srp.secretHash('test', '123abd', 'clientSecret') !== 'LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg=') throw new Error('SECRET_HASH differs');
  if (typeof signIn.signIn !== 'function' || typeof rb.send !== 'function' || typeof rb.readResponse !== 'function') throw new Error('send, readResponse or the sign-in entry point is missing');
  let code;
  try { srp.respondToPasswordVerifier(srp.createSrpSession(), { userPoolId, password, challengeParameters: { ...challenge.challengeParameters, SRP_B: '0' } }); } catch (e) { code = e instanceof srp.SrpError ? e.code : String(e); }
  if (code !== 'INVALID_SRP_B') throw new Error('expected SrpError INVALID_SRP_B, got ' + code);
  return 'signed in';
};
`,
  );
  writeFileSync(
    join(app, 'esm.mjs'),
    `import * as srp from '@cognito-kit/srp';\nimport * as server from '@cognito-kit/srp/server';\nimport * as rb from '@cognito-kit/request-builder';\nimport * as signIn from '@cognito-kit/request-builder/sign-in';\nimport { createLocalUserPools } from '@cognito-kit/local-pool';\nimport login from './login.cjs';\nconsole.log('esm: ' + login(srp, server, rb, signIn));\nconst pools = createLocalUserPools({ userPools: [{ id: 'eu-west-2_Pack1Pool', clients: [{ id: 'packclient1' }], users: [{ username: 'alice', password: 'Correct horse 1!' }] }] });\nconst step = await signIn.signIn({ send: { InitiateAuth: (r) => rb.send('InitiateAuth', r, { endpoint: 'http://local' }, { fetch: (q) => pools.fetch(q) }), RespondToAuthChallenge: (r) => rb.send('RespondToAuthChallenge', r, { endpoint: 'http://local' }, { fetch: (q) => pools.fetch(q) }) }, userPoolId: 'eu-west-2_Pack1Pool', clientId: 'packclient1', username: 'alice', password: 'Correct horse 1!' });\nif (!step.signedIn) throw new Error('the local pool did not sign alice in');\nconsole.log('esm: signed in to the local pool');\nconst { nodeCryptoEngine } = await import('@cognito-kit/srp/node-crypto');\nconst engine = nodeCryptoEngine();\nconst user = { userPoolId: 'eu-west-2_Pack1Pool', userIdForSrp: 'alice', password: 'Correct horse 1!' };\nconst stored = server.createUserVerifier({ ...user, engine });\nconst session = srp.createSrpSession({ engine });\nconst challenge = server.createServerChallenge({ ...user, ...stored }, session.srpA, { engine });\nconst answer = srp.respondToPasswordVerifier(session, { userPoolId: user.userPoolId, password: user.password, challengeParameters: challenge.challengeParameters });\nif (!server.verifyPasswordClaim(challenge, answer)) throw new Error('the node:crypto engine login was refused');\nconsole.log('esm: signed in on the node:crypto engine');\n`,
  );
  writeFileSync(
    join(app, 'cjs.cjs'),
    `'use strict';\nconst srp = require('@cognito-kit/srp');\nconst server = require('@cognito-kit/srp/server');\nconst rb = require('@cognito-kit/request-builder');\nconst signIn = require('@cognito-kit/request-builder/sign-in');\nif (typeof srp.createSrpSession !== 'function') throw new Error('require() did not return the ESM namespace');\nconsole.log('cjs: ' + require('./login.cjs')(srp, server, rb, signIn) + ' (require(esm), Node ' + process.versions.node + ')');\n`,
  );
  const esm = sh(process.execPath, ['esm.mjs'], app);
  check('import from ESM: a full SRP login against the server half, requests built; a sign-in against @cognito-kit/local-pool; a login on @cognito-kit/srp/node-crypto', esm.ok && esm.stdout.includes('esm: signed in') && esm.stdout.includes('signed in to the local pool') && esm.stdout.includes('on the node:crypto engine'), esm.out.slice(-1500));
  const cjs = sh(process.execPath, ['cjs.cjs'], app);
  const warned = /ExperimentalWarning/.test(cjs.out);
  check(`require from CommonJS (require(esm) on Node ${process.versions.node}): the same login${warned ? ' (with an ExperimentalWarning)' : ''}`, cjs.ok && cjs.stdout.includes('cjs: signed in'), cjs.out.slice(-1500));

  // 4. A strict TypeScript consumer resolves the types through the exports maps, from ESM and from CommonJS.
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: false, types: [] }, include: ['*.mts', '*.cts'] }, null, 2),
  );
  const consumer = `import { createSrpSession, respondToPasswordVerifier, SrpError, type SrpErrorCode, type SrpSession } from '@cognito-kit/srp';
import { createServerChallenge, type ServerChallenge } from '@cognito-kit/srp/server';
import { buildInitiateAuth, send, type InitiateAuthRequest } from '@cognito-kit/request-builder';
import { signIn, type PublicSenders, type SignInStep } from '@cognito-kit/request-builder/sign-in';
const session: SrpSession = createSrpSession();
const built: { request: InitiateAuthRequest; srpSession: SrpSession } = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId: 'c', username: 'u' });
const senders: PublicSenders = {
  InitiateAuth: (request) => send('InitiateAuth', request, { region: 'eu-west-2' }),
  RespondToAuthChallenge: (request) => send('RespondToAuthChallenge', request, { region: 'eu-west-2' }),
};
const loop: () => Promise<SignInStep> = () => signIn({ send: senders, userPoolId: 'eu-west-2_a', clientId: 'c', username: 'u', password: 'p' });
void loop;
const challenge: ServerChallenge = createServerChallenge({ userPoolId: 'eu-west-2_a', userIdForSrp: 'u', salt: '00', verifier: '01' }, session.srpA);
const answer: Record<string, string> = respondToPasswordVerifier(session, { userPoolId: 'eu-west-2_a', password: 'p', challengeParameters: challenge.challengeParameters });
const code: SrpErrorCode | undefined = new SrpError('INVALID_HEX', 'x', 'SRP_B').code;
// @ts-expect-error a number is not a password
respondToPasswordVerifier(session, { userPoolId: 'eu-west-2_a', password: 1, challengeParameters: {} });
void built; void answer; void code;
`;
  writeFileSync(join(app, 'consumer.mts'), consumer);
  writeFileSync(join(app, 'consumer.cts'), consumer.replace(/^import /gm, 'import ').replace("import { buildInitiateAuth, send, type InitiateAuthRequest } from '@cognito-kit/request-builder';", "import { buildInitiateAuth, send, type InitiateAuthRequest } from '@cognito-kit/request-builder';\nexport {};"));
  const tsc = sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
  check('a strict TypeScript consumer (nodenext, .mts and .cts) type-checks against the tarballs', tsc.ok, tsc.out.slice(-2000));

  // 5. The CLI from the installed bin of @cognito-kit/cli: --help, then a whole demo login (embedded server half,
  //    demo password: no COGNITO_* of this shell reaches it). It is not a library: importing it is refused.
  const bin = sh(join(app, 'node_modules/.bin/cognito-kit'), ['--help'], app);
  check('the cognito-kit bin of @cognito-kit/cli runs from the installed tarball (--help)', bin.ok && /cognito-kit/.test(bin.out), bin.out.slice(-800));
  const demoEnv = Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith('COGNITO_')).map((name) => [name, '']));
  const demo = sh(join(app, 'node_modules/.bin/cognito-kit'), ['demo'], app, demoEnv);
  check(
    'cognito-kit demo from the installed bin: a full SRP login, a remembered device, a wrong password refused',
    demo.ok && /^OK: /m.test(demo.stdout),
    demo.out.slice(-1500),
  );
  const notLibrary = sh(process.execPath, ['--input-type=module', '-e', "import('@cognito-kit/cli').then(() => console.log('imported'), (e) => console.log(e.code)); import('@cognito-kit/cli/package.json', { with: { type: 'json' } }).then((p) => console.log(p.default.name));"], app);
  check('@cognito-kit/cli exports only its package.json (a CLI, not a library)', /ERR_PACKAGE_PATH_NOT_EXPORTED/.test(notLibrary.stdout) && /@cognito-kit\/cli/.test(notLibrary.stdout), notLibrary.out.slice(-800));
} catch (error) {
  check('pack check ran to the end', false, String(error?.stack ?? error));
} finally {
  if (!process.argv.includes('--keep')) rmSync(scratch, { recursive: true, force: true });
  else console.log(`kept ${scratch}`);
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (process.env.RESULTS_FILE) writeFileSync(process.env.RESULTS_FILE, JSON.stringify({ runner: 'pack-check', passed, failed }) + '\n');
console.log(`pack-check: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;

#!/usr/bin/env node
// The local pool as a Cloudflare Worker, in workerd WITHOUT nodejs_compat, logged into over HTTP from Node.
//
// 1. packages/local-pool/examples/worker/src/worker.ts type-checks against the BUILT packages' .d.ts (no @types/node)
//    and is bundled as a user's bundler would: esbuild, platform neutral (a `node:` import fails the build), format
//    esm, `@cognito-kit/local-pool` resolved through its exports map to packages/*/dist (bundleWorker() of
//    scripts/runtimes/workerd.mjs, whose input check refuses anything but the three dist/ folders, @noble/hashes and
//    the example).
// 2. workerd serves it on a loopback port with the example's own workerd.capnp (one socket, the module, a
//    compatibility date and no compatibility flags), the port given with --socket-addr.
// 3. From Node: a full USER_SRP_AUTH login with `signIn` of @cognito-kit/request-builder/sign-in through `send`
//    with `{ endpoint }` (the Worker verifies the SRP signature), a wrong password refused (NotAuthorizedException),
//    the JWKS and openid-configuration routes, and the ID and access tokens verified by aws-jwt-verify given that
//    JWKS (it never fetches: its fetcher refuses).
// 4. Controls, so the check is seen to see what it claims: a worker that imports node:crypto fails the neutral
//    build; the same worker bundled with node:* left external fails to run in workerd as configured; and with
//    nodejs_compat added to the same config it serves a login (so that failure is the flag's absence, nothing else).
// 5. @cognito-kit/srp/node-crypto in workerd with nodejs_compat: nodeCryptoEngine() refuses at once with
//    ENGINE_UNAVAILABLE (creating its Diffie-Hellman object would cost about 1.4 s of CPU there).
// 6. warmUp() of @cognito-kit/srp in a Worker's global scope, without nodejs_compat: the Worker starts (workerd
//    refuses random values in the global scope, and warmUp draws none) and its first request answers with a valid
//    SRP_A; control: the same Worker calling createSrpSession() in its global scope does not start.
//
//   node scripts/local-pool-worker.mjs [--verbose]     (build first: pnpm -r --filter './packages/**' run build)
//
// Prints the bundle size and the first login's time (workerd makes the pool and its RSA keys on first use). The
// last line is `local-pool-worker: N passed, M failed`; RESULTS_FILE gets { runner, passed, failed }.
// Environment: WORKERD_BIN (a workerd binary to use instead of the workerd package's).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { bundleWorker, repoRoot, runProcess } from './runtimes/workerd.mjs';

const { values: flags } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const exampleDir = join(repoRoot, 'packages/local-pool/examples/worker');
const outDir = join(repoRoot, '.cache/local-pool-worker');
// The Node side (request builder, aws-jwt-verify, workerd) as packages/cli has them installed.
const requireFromCli = createRequire(join(repoRoot, 'packages/cli/package.json'));
const importFromCli = async (specifier) => import(pathToFileURL(requireFromCli.resolve(specifier)).href);
const distDirs = ['srp', 'request-builder', 'local-pool'].map((name) => join(repoRoot, 'packages', name, 'dist'));

const started = Date.now();
const results = [];
const log = (line) => console.log(line);
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail && !ok ? `\n       ${detail}` : ''}`);
  return ok;
};

const config = JSON.parse(readFileSync(join(exampleDir, 'src/pools.json'), 'utf8'));
const poolConfig = config.userPools[0];
const userPoolId = poolConfig.id;
const clientId = poolConfig.clients[0].id;
const user = poolConfig.users[0];

const running = new Set();
try {
  await main();
} catch (error) {
  check('the check ran to the end', false, error?.stack ?? String(error));
} finally {
  for (const server of running) await server.stop();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`local-pool-worker: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
if (process.env.RESULTS_FILE) writeFileSync(process.env.RESULTS_FILE, `${JSON.stringify({ runner: 'local-pool-worker', passed, failed })}\n`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

async function main() {
  const missing = distDirs.filter((dir) => !existsSync(join(dir, 'index.js')));
  if (!check('the packages are built', missing.length === 0, `missing ${missing.map((d) => relative(repoRoot, d)).join(', ')}: run pnpm -r --filter './packages/**' run build`)) return;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  // 1. Types, then the bundle.
  const tsc = await runProcess(process.execPath, [join(repoRoot, 'packages/local-pool/node_modules/typescript/bin/tsc'), '-p', join(exampleDir, 'tsconfig.json')], { cwd: exampleDir, timeoutMs: 120_000 });
  check('the example Worker type-checks against the built .d.ts, strict, without @types/node', tsc.code === 0, `${tsc.stdout}${tsc.stderr}`.trim());

  const nobleDir = realpathSync(join(repoRoot, 'packages/srp/node_modules/@noble/hashes'));
  const allowedInputs = [...distDirs, nobleDir, join(exampleDir, 'src')].map((dir) => dir + sep);
  const workerDir = join(outDir, 'worker');
  // bundleWorker()'s plain configuration ('srp': no source aliases, no src/ required); the inputs are checked here.
  const bundle = await bundleWorker({ package: 'srp', entry: join(exampleDir, 'src/worker.ts'), outDir: workerDir, aliases: {}, allowedInputs, log });
  const inputs = bundle.bundlePath === undefined ? [] : Object.keys(JSON.parse(readFileSync(join(workerDir, 'meta.json'), 'utf8')).inputs).map((input) => join(process.cwd(), input));
  const fromEachDist = distDirs.every((dir) => inputs.some((input) => input.startsWith(dir + sep)));
  if (!check('bundled (esbuild, platform neutral, esm) from the three packages\' dist/ through their exports maps, nothing else', bundle.problems.length === 0 && bundle.bundlePath !== undefined && fromEachDist, [...bundle.problems, ...(fromEachDist ? [] : ['the bundle lacks one of the dist/ folders'])].join(' | '))) return;
  const bytes = readFileSync(bundle.bundlePath);
  const sizeLine = `bundle: ${(bytes.length / 1024).toFixed(1)} KiB (${(gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped), ${inputs.length} files`;
  log(sizeLine);

  // 2. The example's workerd.capnp, as it is, next to the bundle.
  const capnp = readFileSync(join(exampleDir, 'workerd.capnp'), 'utf8');
  const code = capnp.split('\n').filter((line) => !line.trim().startsWith('#')).join('\n');
  check('workerd.capnp: a socket, the module, a compatibility date and no compatibility flags (no nodejs_compat)', /compatibilityDate\s*=/.test(code) && !/compatibilityFlags|nodejs_compat/.test(code) && /sockets\s*=/.test(code));
  copyFileSync(join(exampleDir, 'workerd.capnp'), join(workerDir, 'workerd.capnp'));

  const server = await startWorkerd(workerDir, 'workerd.capnp');
  if (!check('workerd serves the Worker on loopback', server.url !== undefined, server.output().slice(-2000))) return;
  log(`workerd: ${server.url} (${server.startMs} ms to listen); log in ${relative(repoRoot, server.logPath)}`);

  // 3. From Node, over HTTP.
  const { send } = await importFromCli('@cognito-kit/request-builder');
  const { signIn } = await importFromCli('@cognito-kit/request-builder/sign-in');
  const login = (password) => signInThrough(server.url, { send, signIn }, password);

  let t0 = performance.now();
  const first = await attempt(() => login(user.password));
  const firstMs = performance.now() - t0;
  const signedIn = first.value?.signedIn === true ? first.value : undefined;
  const result = signedIn?.authenticationResult;
  check('USER_SRP_AUTH login through signIn + send({ endpoint }): the Worker verifies the SRP signature and returns tokens', result?.IdToken !== undefined && result.AccessToken !== undefined && result.RefreshToken !== undefined, first.error?.stack ?? JSON.stringify(first.value));
  t0 = performance.now();
  const second = await attempt(() => login(user.password));
  const secondMs = performance.now() - t0;
  check('a second login succeeds too (the pool keeps its state between requests)', second.value?.signedIn === true, second.error?.message ?? '');
  log(`first login: ${firstMs.toFixed(0)} ms (the pool and its RSA keys are made on first use); second: ${secondMs.toFixed(0)} ms`);

  const wrong = await attempt(() => login(`${user.password}x`));
  check('a wrong password is refused: NotAuthorizedException "Incorrect username or password."', wrong.error?.name === 'NotAuthorizedException' && /Incorrect username or password/.test(wrong.error.message), wrong.error?.stack ?? 'no error');

  const jwksResponse = await fetch(`${server.url}/${userPoolId}/.well-known/jwks.json`, { signal: AbortSignal.timeout(30_000) });
  const jwks = jwksResponse.ok ? await jwksResponse.json() : undefined;
  const keysOk = Array.isArray(jwks?.keys) && jwks.keys.length > 0 && jwks.keys.every((key) => key.kty === 'RSA' && key.alg === 'RS256' && typeof key.kid === 'string' && key.d === undefined);
  check(`GET /${userPoolId}/.well-known/jwks.json answers the pool's public RSA keys`, keysOk, `${jwksResponse.status} ${JSON.stringify(jwks)}`);
  const oidcResponse = await fetch(`${server.url}/${userPoolId}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(30_000) });
  const oidc = oidcResponse.ok ? await oidcResponse.json() : undefined;
  const issuer = `https://cognito-idp.${userPoolId.split('_')[0]}.amazonaws.com/${userPoolId}`;
  check('GET openid-configuration names the issuer and its JWKS', oidc?.issuer === issuer && oidc?.jwks_uri === `${issuer}/.well-known/jwks.json`, `${oidcResponse.status} ${JSON.stringify(oidc)}`);

  if (result !== undefined && keysOk) {
    const verified = await attempt(() => verifyTokens(result, jwks, signedIn.username));
    check('aws-jwt-verify verifies the ID token (email, cognito:username = USER_ID_FOR_SRP) and the access token, given that JWKS', verified.value === true, verified.error?.stack ?? '');
  } else {
    check('aws-jwt-verify verifies the ID token and the access token, given that JWKS', false, 'no tokens or no JWKS to verify with');
  }
  const stopped = await server.stop();
  const complaints = server.output().split('\n').filter((line) => /uncaught|internal error|disallowed|exception thrown/i.test(line));
  check('workerd logged no uncaught error and stopped on SIGTERM', complaints.length === 0 && stopped, complaints.join(' | '));

  // 4. Controls.
  await controls(allowedInputs, { send, signIn });
  log(sizeLine);
  log(`first login in workerd: ${firstMs.toFixed(0)} ms; second: ${secondMs.toFixed(0)} ms`);
}

/** A full SRP login with the sign-in loop over `send` and `{ endpoint }`: resolves to the loop's last step. */
function signInThrough(endpoint, { send, signIn }, password) {
  const destination = { endpoint };
  const options = () => ({ signal: AbortSignal.timeout(30_000) });
  return signIn({
    send: {
      InitiateAuth: (request) => send('InitiateAuth', request, destination, options()),
      RespondToAuthChallenge: (request) => send('RespondToAuthChallenge', request, destination, options()),
    },
    userPoolId,
    clientId,
    username: user.username,
    password,
  });
}

/** aws-jwt-verify with the pool's JWKS cached and a fetcher that refuses: it verifies offline or not at all. */
async function verifyTokens(result, jwks, username) {
  const { CognitoJwtVerifier } = await importFromCli('aws-jwt-verify');
  const { SimpleJwksCache } = await importFromCli('aws-jwt-verify/jwk');
  const verifierFor = (tokenUse) => {
    const jwksCache = new SimpleJwksCache({ fetcher: { fetch: async (uri) => Promise.reject(new Error(`no download in this check: ${uri}`)) } });
    const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse, clientId }, { jwksCache });
    verifier.cacheJwks(jwks);
    return verifier;
  };
  const id = await verifierFor('id').verify(result.IdToken);
  const access = await verifierFor('access').verify(result.AccessToken);
  const problems = [];
  if (id.email !== user.attributes.email) problems.push(`email ${id.email}`);
  if (id['cognito:username'] !== username) problems.push(`cognito:username ${id['cognito:username']}, expected ${username}`);
  if (id.aud !== clientId || access.client_id !== clientId) problems.push('audience');
  if (access.username !== username || access.sub !== id.sub) problems.push('access token subject');
  if (problems.length > 0) throw new Error(`verified, but the claims are wrong: ${problems.join(', ')}`);
  return true;
}

/**
 * The controls: a worker importing node:crypto (and using it per request) must fail the neutral build; bundled with
 * node:* external it must not serve a login in workerd as configured; with nodejs_compat added it must.
 */
async function controls(allowedInputs, clients) {
  const controlDir = join(outDir, 'control');
  mkdirSync(controlDir, { recursive: true });
  const entry = join(controlDir, 'entry.js');
  writeFileSync(
    entry,
    `import { createHash } from 'node:crypto';
import worker from ${JSON.stringify(join(exampleDir, 'src/worker.ts'))};
export default {
  fetch(request) {
    createHash('sha256').update(request.url).digest('hex');
    return worker.fetch(request);
  },
};
`,
  );
  const inputs = [...allowedInputs, controlDir + sep];
  const refused = await bundleWorker({ package: 'srp', entry, outDir: join(controlDir, 'neutral'), aliases: {}, allowedInputs: inputs, log: () => {} });
  check('control: a worker that imports node:crypto fails the platform-neutral build', refused.bundlePath === undefined && refused.problems.some((p) => p.includes('node:crypto')), refused.problems.join(' | ') || 'it built');

  // The same worker with node:* left to the runtime, as `--external:node:*` would.
  const external = { name: 'node-external', setup: (build) => build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, external: true })) };
  const runDir = join(controlDir, 'external');
  const bundle = await bundleWorker({ package: 'srp', entry, outDir: runDir, aliases: {}, allowedInputs: inputs, plugins: [external], log: () => {} });
  if (!check('control: bundled with node:* external, it builds', bundle.bundlePath !== undefined && bundle.problems.length === 0, bundle.problems.join(' | '))) return;
  const capnp = readFileSync(join(exampleDir, 'workerd.capnp'), 'utf8');
  writeFileSync(join(runDir, 'workerd.capnp'), capnp);
  writeFileSync(join(runDir, 'workerd-nodejs-compat.capnp'), capnp.replace(/compatibilityDate = ("[^"]+"),/, 'compatibilityDate = $1,\n  compatibilityFlags = ["nodejs_compat"],'));

  const strict = await startWorkerd(runDir, 'workerd.capnp');
  let outcome;
  if (strict.url === undefined) {
    outcome = `workerd did not serve it: ${lastLines(strict.output())}`;
  } else {
    const tried = await attempt(() => signInThrough(strict.url, clients, user.password));
    outcome = tried.value?.signedIn === true ? 'a login succeeded' : `the login failed: ${tried.error?.name}: ${tried.error?.message}; ${lastLines(strict.output())}`;
  }
  await strict.stop();
  check('control: that bundle serves no login in workerd as configured (node:crypto does not exist without nodejs_compat)', !outcome.startsWith('a login') && /node:crypto/.test(strict.output()), outcome);
  if (flags.verbose) log(`       ${outcome}`);

  const compat = await startWorkerd(runDir, 'workerd-nodejs-compat.capnp');
  const tried = compat.url === undefined ? { error: new Error(lastLines(compat.output())) } : await attempt(() => signInThrough(compat.url, clients, user.password));
  await compat.stop();
  check('control of the control: the same bundle with nodejs_compat added serves a login (so the failure above is the flag\'s absence)', tried.value?.signedIn === true, tried.error?.stack ?? '');

  await nativeEngineRefused(inputs, external, capnp);
  await warmUpInGlobalScope(allowedInputs, capnp);
}

/**
 * README's Worker advice: warmUp() in the global scope. workerd throws on random values drawn there, so the Worker
 * starting at all shows warmUp draws none; its first request then makes a session (randomness in a request is
 * allowed). The control draws a session in the global scope and must not start.
 */
async function warmUpInGlobalScope(allowedInputs, capnp) {
  const srpIndex = join(repoRoot, 'packages/srp/dist/index.js');
  const serve = async (name, globalScope) => {
    const dir = join(outDir, name);
    mkdirSync(dir, { recursive: true });
    const entry = join(dir, 'entry.js');
    writeFileSync(
      entry,
      `import { createSrpSession, warmUp } from '@cognito-kit/srp';
${globalScope}
export default {
  fetch() {
    return new Response(createSrpSession().srpA);
  },
};
`,
    );
    const bundle = await bundleWorker({ package: 'srp', entry, outDir: dir, aliases: { '@cognito-kit/srp': srpIndex }, allowedInputs: [...allowedInputs, dir + sep], log: () => {} });
    if (bundle.bundlePath === undefined) return { error: new Error(`does not bundle: ${bundle.problems.join(' | ')}`) };
    writeFileSync(join(dir, 'workerd.capnp'), capnp);
    const server = await startWorkerd(dir, 'workerd.capnp');
    const answer = server.url === undefined ? { error: new Error(lastLines(server.output())) } : await attempt(async () => (await fetch(server.url)).text());
    await server.stop();
    return { ...answer, output: server.output() };
  };
  const warmed = await serve('warm-up', 'warmUp();');
  check('warmUp() in a Worker\'s global scope (no nodejs_compat): the Worker starts and its first request makes a session (SRP_A of 3072 bits)', /^[0-9a-f]{760,768}$/.test(warmed.value ?? ''), warmed.value ?? warmed.error?.stack ?? '');
  const control = await serve('random-in-global-scope', 'warmUp();\ncreateSrpSession();');
  check('control: the same Worker drawing a session in its global scope does not serve (workerd refuses random values there)', control.value === undefined && /global scope/i.test(control.output), control.value ?? lastLines(control.output));
}

/**
 * `@cognito-kit/srp/node-crypto` is not offered in workerd (its Diffie-Hellman object costs about 1.4 s of CPU to
 * create there): even with nodejs_compat, nodeCryptoEngine() throws SrpError ENGINE_UNAVAILABLE at once.
 */
async function nativeEngineRefused(allowedInputs, external, capnp) {
  const dir = join(outDir, 'native-engine');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.js');
  writeFileSync(
    entry,
    `import { nodeCryptoEngine } from '@cognito-kit/srp/node-crypto';
export default {
  fetch() {
    const started = Date.now();
    try {
      nodeCryptoEngine();
      return new Response('made');
    } catch (error) {
      return new Response(\`\${error.name} \${error.code} \${Date.now() - started} ms\`);
    }
  },
};
`,
  );
  const aliases = { '@cognito-kit/srp/node-crypto': join(repoRoot, 'packages/srp/dist/node-crypto.js') };
  const bundle = await bundleWorker({ package: 'srp', entry, outDir: dir, aliases, allowedInputs: [...allowedInputs, dir + sep], plugins: [external], log: () => {} });
  if (!check('the node:crypto engine bundled for a Worker (node:* external) builds', bundle.bundlePath !== undefined && bundle.problems.length === 0, bundle.problems.join(' | '))) return;
  writeFileSync(join(dir, 'workerd-nodejs-compat.capnp'), capnp.replace(/compatibilityDate = ("[^"]+"),/, 'compatibilityDate = $1,\n  compatibilityFlags = ["nodejs_compat"],'));
  const compat = await startWorkerd(dir, 'workerd-nodejs-compat.capnp');
  const answer = compat.url === undefined ? { error: new Error(lastLines(compat.output())) } : await attempt(async () => (await fetch(compat.url)).text());
  await compat.stop();
  check('in workerd with nodejs_compat, nodeCryptoEngine() throws SrpError ENGINE_UNAVAILABLE at once (no 1.4 s creation)', /^SrpError ENGINE_UNAVAILABLE \d+ ms$/.test(answer.value ?? '') && Number(/(\d+) ms/.exec(answer.value)?.[1]) < 100, answer.value ?? answer.error?.stack ?? '');
}

function workerdBinary() {
  if (process.env.WORKERD_BIN) return process.env.WORKERD_BIN;
  // The workerd package's main exports the path of the platform binary (as scripts/runtimes/workerd.mjs finds it).
  return requireFromCli('workerd').default;
}

/** A free loopback port: bound, read and released (workerd binds it right after). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * `workerd serve <config> --socket-addr http=127.0.0.1:<port>` in `dir`. Resolves when the port accepts connections
 * ({ url }), or when workerd exits or 20 s pass ({ url: undefined }); output() is what it printed so far. Readiness is
 * a TCP connect, so no request reaches the Worker before the first login.
 */
async function startWorkerd(dir, configName) {
  const port = await freePort();
  const logPath = join(dir, `${configName}.log`);
  const t0 = Date.now();
  const child = spawn(workerdBinary(), ['serve', configName, '--socket-addr', `http=127.0.0.1:${port}`], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  let exit;
  const exited = new Promise((resolve) => {
    child.once('error', (error) => ((output += `\n${error.message}`), (exit = { code: null }), resolve()));
    child.once('exit', (code, signal) => ((exit = { code, signal }), resolve()));
  });
  const handle = {
    url: undefined,
    startMs: 0,
    logPath,
    output: () => output,
    async stop() {
      running.delete(handle);
      if (exit === undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      writeFileSync(logPath, `exit ${exit.code} signal ${exit.signal ?? ''}\n${output}`);
      return exit.signal === 'SIGTERM' || exit.code === 0;
    },
  };
  running.add(handle);
  while (exit === undefined && Date.now() - t0 < 20_000) {
    if (await portOpen(port)) {
      handle.url = `http://127.0.0.1:${port}`;
      handle.startMs = Date.now() - t0;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return handle;
}

async function attempt(fn) {
  try {
    return { value: await fn() };
  } catch (error) {
    return { error };
  }
}

function lastLines(text) {
  return text.split('\n').filter((line) => line.trim() !== '').slice(-4).join(' | ').slice(0, 600);
}


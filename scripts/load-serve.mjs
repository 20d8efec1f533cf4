#!/usr/bin/env node
// Load run of `cognito-kit serve` (a script, not a timed test): N full USER_SRP_AUTH logins over HTTP on loopback, at
// most C in flight, every one verified; no speed threshold fails it, only a wrong outcome does.
//
// - The server: packages/cli/dist/main.js `serve --port 0 --config <file>` as a child process, with one pool, one
//   app client and K users (each password becomes a salt and an SRP verifier at start-up: one exponentiation each).
//   Its first stdout line gives the URL; its CPU time is read from /proc/<pid>/stat before and after the run.
// - The client, here: the request builder's builders and `send`, with an SRP session of `privateValueBits: 256` (the
//   client's cheap setting; the server's side is Cognito's full size), so the server stays the bottleneck on 2 cores:
//   the summary prints both sides' CPU per login to show it. `send` goes through a fetch over node:http with exactly C
//   keep-alive connections, opened before the run (`--client agent`, the default), as a load generator does. With
//   `--client fetch` (the global fetch, connections opened on demand) the run also times Node's accept queue: a
//   saturated node:http server accepts new connections about one per event-loop turn, so the lanes whose connection
//   came late wait seconds while the others cycle (p95 in the seconds, not the server's speed).
// - Checked: a first login (the pool makes its RSA keys then: timed apart, before the run); every one of the N logins
//   returns an ID, access and refresh token; every ID token's `cognito:username` (and token_use, aud) is the user
//   who logged in, and every access token's username; no two logins got the same jti (concurrent sessions never mix);
//   a sample of ID and access tokens verified with aws-jwt-verify given the pool's JWKS; W wrong passwords, mixed into
//   the run, all refused with NotAuthorizedException; the server printed no password and stopped cleanly on SIGTERM.
//
//   node scripts/load-serve.mjs [--logins 2000] [--concurrency 50] [--users 20] [--wrong 5] [--sample 50] [--client agent|fetch]
//   (build first: pnpm -r --filter './packages/**' run build; `pnpm test:load:serve` runs the full size)
//
// Prints a JSON report and one summary line; RESULTS_FILE gets { runner: 'load-serve', passed, failed }, one per check.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot } from './runtimes/workerd.mjs';

const USAGE = 'usage: node scripts/load-serve.mjs [--logins N] [--concurrency C] [--users K] [--wrong W] [--sample S] [--client agent|fetch]';
const { values } = parseArgs({
  options: {
    logins: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    users: { type: 'string', default: '20' },
    wrong: { type: 'string', default: '5' },
    sample: { type: 'string', default: '50' },
    client: { type: 'string', default: 'agent' },
  },
});
const { client: clientKind, ...counts } = values;
const size = Object.fromEntries(Object.entries(counts).map(([name, value]) => [name, Number(value)]));
if (!Object.values(size).every((n) => Number.isInteger(n) && n >= 0) || size.logins < 1 || size.concurrency < 1 || size.users < 1 || !['agent', 'fetch'].includes(clientKind)) {
  console.error(USAGE);
  process.exit(2);
}

const cliDir = join(repoRoot, 'packages/cli');
const requireFromCli = createRequire(join(cliDir, 'package.json'));
const importFromCli = async (specifier) => import(pathToFileURL(requireFromCli.resolve(specifier)).href);
const outDir = join(repoRoot, '.cache/load-serve');
const userPoolId = 'eu-west-2_LoadServe1';
const clientId = 'loadserveclient0123456789';
const users = Array.from({ length: size.users }, (_, i) => ({ username: `load-user-${String(i).padStart(4, '0')}`, password: `Load-Passw0rd-${i}!` }));
const wrongPassword = 'Wrong-Passw0rd!';

const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail && !ok ? `\n       ${detail}` : ''}`);
  return ok;
};

let server;
let summary = 'load-serve: FAILED';
try {
  summary = await main();
} catch (error) {
  check('the run ran to the end', false, error?.stack ?? String(error));
} finally {
  if (server !== undefined && server.exit === undefined) await server.stop();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${summary}; ${passed} passed, ${failed} failed`);
if (process.env.RESULTS_FILE) writeFileSync(process.env.RESULTS_FILE, `${JSON.stringify({ runner: 'load-serve', passed, failed })}\n`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

async function main() {
  const mainJs = join(cliDir, 'dist/main.js');
  if (!check('the CLI is built', existsSync(mainJs), 'packages/cli/dist/main.js is missing: run pnpm -r --filter \'./packages/**\' run build')) return 'load-serve: not run';
  const { createSrpSession } = await importFromCli('@cognito-kit/srp');
  const { CognitoServiceError, buildInitiateAuth, buildRespondToAuthChallenge, send } = await importFromCli('@cognito-kit/request-builder');

  mkdirSync(outDir, { recursive: true });
  const configPath = join(outDir, 'pools.json');
  writeFileSync(
    configPath,
    `${JSON.stringify({ userPools: [{ id: userPoolId, clients: [{ id: clientId, explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }], users: users.map((u) => ({ ...u, status: 'CONFIRMED' })) }] }, null, 2)}\n`,
  );
  server = await startServe(mainJs, configPath);
  if (!check(`cognito-kit serve started with ${size.users} users (first line "listening on http://HOST:PORT")`, server.url !== undefined, `${server.output()}${server.stderr()}`.trim().slice(-1500))) return 'load-serve: the server did not start';
  const startupCpu = server.cpu();
  const destination = { endpoint: server.url };
  const http = clientKind === 'agent' ? agentFetch(size.concurrency) : { fetch: undefined, sockets: () => undefined };
  const options = { fetch: http.fetch };

  /** One full SRP login: InitiateAuth, the client's answer, RespondToAuthChallenge. */
  const login = async (username, password, phases = {}) => {
    let t = performance.now();
    const srpSession = createSrpSession({ privateValueBits: 256 });
    const start = buildInitiateAuth({ authFlow: 'USER_SRP_AUTH', clientId, username, srpSession });
    phases.client = performance.now() - t;
    t = performance.now();
    const challenge = await send('InitiateAuth', start.request, destination, options);
    phases.initiate = performance.now() - t;
    t = performance.now();
    const answer = buildRespondToAuthChallenge({ challengeName: 'PASSWORD_VERIFIER', userPoolId, clientId, srpSession, password, response: challenge });
    phases.client += performance.now() - t;
    t = performance.now();
    const reply = await send('RespondToAuthChallenge', answer.request, destination, options);
    phases.respond = performance.now() - t;
    return reply;
  };

  // The first login makes the pool's RSA keys: timed apart, before the run.
  let t0 = performance.now();
  const first = await attempt(() => login(users[0].username, users[0].password));
  const firstLoginMs = performance.now() - t0;
  check('a first login succeeds (the pool makes its RSA keys on first use)', first.value?.AuthenticationResult?.IdToken !== undefined, first.error?.stack ?? '');

  // C connections opened (and accepted by the idle server) before the run, as a load generator keeps them: a Node
  // server busy with its open connections accepts new ones slowly, which would time the accept queue, not the logins.
  if (clientKind === 'agent') {
    const warm = await attempt(() => Promise.all(Array.from({ length: size.concurrency }, () => http.fetch(new Request(`${server.url}/${userPoolId}/.well-known/jwks.json`)).then((r) => r.text()))));
    check(`${size.concurrency} keep-alive connections opened before the run`, warm.error === undefined && http.sockets() === size.concurrency, warm.error?.stack ?? `${http.sockets()} sockets`);
  }

  // The run: N right passwords and W wrong ones spread among them, at most C at once.
  const tasks = Array.from({ length: size.logins }, (_, i) => ({ user: users[i % users.length], wrong: false }));
  for (let w = 0; w < size.wrong; w++) tasks.splice(Math.floor(((w + 1) * tasks.length) / (size.wrong + 1)), 0, { user: users[w % users.length], wrong: true });
  const outcomes = new Array(tasks.length);
  let next = 0;
  const serverBefore = server.cpu();
  const clientBefore = process.cpuUsage();
  t0 = performance.now();
  const lane = async () => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      const begun = performance.now();
      const phases = {};
      const tried = await attempt(() => login(task.user.username, task.wrong ? wrongPassword : task.user.password, phases));
      outcomes[index] = { ...tried, ms: performance.now() - begun, phases };
    }
  };
  await Promise.all(Array.from({ length: Math.min(size.concurrency, tasks.length) }, lane));
  const wallMs = performance.now() - t0;
  const clientCpu = process.cpuUsage(clientBefore);
  const serverAfter = server.cpu();

  // Every login, verified.
  const right = tasks.map((task, i) => ({ task, ...outcomes[i] })).filter((o) => !o.task.wrong);
  const wrong = tasks.map((task, i) => ({ task, ...outcomes[i] })).filter((o) => o.task.wrong);
  const withTokens = right.filter((o) => ['IdToken', 'AccessToken', 'RefreshToken'].every((name) => typeof o.value?.AuthenticationResult?.[name] === 'string'));
  const firstError = right.find((o) => o.error !== undefined)?.error;
  check(`all ${size.logins} logins returned an ID, access and refresh token`, withTokens.length === size.logins, `${withTokens.length} did; first error: ${firstError?.stack ?? 'none'}`);

  const mismatched = [];
  const jtis = new Set();
  for (const o of withTokens) {
    const id = claims(o.value.AuthenticationResult.IdToken);
    const access = claims(o.value.AuthenticationResult.AccessToken);
    if (id['cognito:username'] !== o.task.user.username || id.token_use !== 'id' || id.aud !== clientId || access.username !== o.task.user.username || access.token_use !== 'access' || access.client_id !== clientId || id.sub !== access.sub) {
      mismatched.push(`${o.task.user.username}: got ${id['cognito:username']} / ${access.username}`);
    }
    jtis.add(id.jti).add(access.jti);
  }
  check('every ID token\'s cognito:username (and the access token\'s username) is the user who logged in', withTokens.length > 0 && mismatched.length === 0, mismatched.slice(0, 5).join(' | '));
  check('no two tokens share a jti (concurrent sessions never mixed)', jtis.size === withTokens.length * 2, `${jtis.size} distinct of ${withTokens.length * 2}`);

  const jwksResponse = await fetch(`${server.url}/${userPoolId}/.well-known/jwks.json`);
  const jwks = jwksResponse.ok ? await jwksResponse.json() : undefined;
  const sample = withTokens.filter((_, i) => size.sample > 0 && i % Math.max(1, Math.floor(withTokens.length / size.sample)) === 0).slice(0, size.sample);
  const verified = await attempt(() => verifySample(sample, jwks));
  check(`aws-jwt-verify verifies a sample of ${sample.length} logins' ID and access tokens, given the pool's JWKS`, sample.length > 0 && verified.value === sample.length, verified.error?.stack ?? `${verified.value} of ${sample.length}`);

  const refused = wrong.filter((o) => o.error instanceof CognitoServiceError && o.error.name === 'NotAuthorizedException');
  check(`all ${size.wrong} wrong passwords, mixed into the run, refused with NotAuthorizedException`, refused.length === size.wrong, wrong.map((o) => o.error?.name ?? 'tokens!').join(', '));

  const stopped = await server.stop();
  const printed = server.output();
  const leaked = [...users.slice(0, 3).map((u) => u.password), wrongPassword, ...sample.flatMap((o) => [o.value.AuthenticationResult.IdToken, o.value.AuthenticationResult.RefreshToken])].filter((secret) => printed.includes(secret));
  check('the server printed no password or token, and stopped on SIGTERM (exit 0, "stopped (SIGTERM)")', leaked.length === 0 && stopped.code === 0 && /stopped \(SIGTERM\)\n$/.test(printed) && server.stderr() === '', `exit ${stopped.code}; ${leaked.length} secrets printed; stderr ${server.stderr().slice(0, 300)}`);

  // The report.
  const latencies = right.map((o) => o.ms).sort((a, b) => a - b);
  const pct = (p, sorted = latencies) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const spread = (name) => {
    const sorted = right.map((o) => o.phases[name]).filter((ms) => ms !== undefined).sort((a, b) => a - b);
    return { p50: +pct(50, sorted).toFixed(1), p95: +pct(95, sorted).toFixed(1), max: +sorted[sorted.length - 1].toFixed(1) };
  };
  const serverCpuMs = serverAfter.totalMs - serverBefore.totalMs;
  const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
  const allVerified = results.every((r) => r.ok);
  const report = {
    logins: size.logins,
    wrongPasswords: size.wrong,
    concurrency: size.concurrency,
    http: clientKind === 'agent' ? `node:http, ${size.concurrency} keep-alive connections opened before the run` : 'fetch (undici), connections opened on demand',
    users: size.users,
    clientPrivateValueBits: 256,
    wallSeconds: +(wallMs / 1000).toFixed(2),
    loginsPerSecond: +(size.logins / (wallMs / 1000)).toFixed(1),
    latencyMs: { p50: +pct(50).toFixed(1), p95: +pct(95).toFixed(1), max: +latencies[latencies.length - 1].toFixed(1) },
    // Each login's two round trips (queueing at the server included) and the client's own math between them.
    phasesMs: { initiateAuth: spread('initiate'), respondToAuthChallenge: spread('respond'), clientMath: spread('client') },
    firstLoginMs: +firstLoginMs.toFixed(0),
    server: {
      startupCpuMs: startupCpu.totalMs,
      runCpuMs: serverCpuMs,
      runCpuUserMs: serverAfter.userMs - serverBefore.userMs,
      runCpuSystemMs: serverAfter.systemMs - serverBefore.systemMs,
      cpuMsPerLogin: +(serverCpuMs / (size.logins + size.wrong)).toFixed(2),
      coresBusy: +(serverCpuMs / wallMs).toFixed(2),
    },
    client: { cpuMsPerLogin: +(clientCpuMs / (size.logins + size.wrong)).toFixed(2), coresBusy: +(clientCpuMs / wallMs).toFixed(2) },
    allVerified,
  };
  console.log(JSON.stringify(report, null, 2));
  writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return (
    `load-serve: ${size.logins} SRP logins over HTTP, concurrency ${size.concurrency}, in ${report.wallSeconds} s: ${report.loginsPerSecond} logins/s; ` +
    `latency p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms, max ${report.latencyMs.max} ms; ` +
    `server CPU ${(serverCpuMs / 1000).toFixed(2)} s (${report.server.cpuMsPerLogin} ms/login, ${report.server.coresBusy} cores), client ${report.client.cpuMsPerLogin} ms/login; ` +
    `all verified: ${allVerified ? 'yes' : 'no'}`
  );
}

/**
 * A fetch over node:http with exactly `connections` keep-alive sockets, used in turn (fifo, so none idles into the
 * server's keep-alive timeout): what `send` calls instead of the global fetch. sockets() counts the open ones.
 */
function agentFetch(connections) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections, scheduling: 'fifo' });
  return {
    sockets: () => Object.values(agent.freeSockets).flat().length + Object.values(agent.sockets).flat().length,
    async fetch(request) {
      const body = request.method === 'GET' ? undefined : Buffer.from(await request.arrayBuffer());
      const url = new URL(request.url);
      const headers = Object.fromEntries(request.headers);
      if (body !== undefined) headers['content-length'] = String(body.length);
      return new Promise((resolve, reject) => {
        const outgoing = httpRequest({ agent, host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: request.method, headers }, (incoming) => {
          const chunks = [];
          incoming.on('data', (chunk) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const replyHeaders = new Headers();
            for (const [name, value] of Object.entries(incoming.headers)) for (const item of [value].flat()) replyHeaders.append(name, item);
            resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode, headers: replyHeaders }));
          });
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    },
  };
}

/** A JWT's payload, unverified (aws-jwt-verify checks the sample). */
function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/** aws-jwt-verify with the pool's JWKS cached and a fetcher that refuses: the number of logins whose tokens verify. */
async function verifySample(sample, jwks) {
  if (jwks === undefined) throw new Error('no JWKS');
  const { CognitoJwtVerifier } = await importFromCli('aws-jwt-verify');
  const { SimpleJwksCache } = await importFromCli('aws-jwt-verify/jwk');
  const verifierFor = (tokenUse) => {
    const jwksCache = new SimpleJwksCache({ fetcher: { fetch: async (uri) => Promise.reject(new Error(`no download in this run: ${uri}`)) } });
    const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse, clientId }, { jwksCache });
    verifier.cacheJwks(jwks);
    return verifier;
  };
  const id = verifierFor('id');
  const access = verifierFor('access');
  let count = 0;
  for (const o of sample) {
    const idClaims = await id.verify(o.value.AuthenticationResult.IdToken);
    const accessClaims = await access.verify(o.value.AuthenticationResult.AccessToken);
    if (idClaims['cognito:username'] === o.task.user.username && accessClaims.username === o.task.user.username) count++;
  }
  return count;
}

/** `cognito-kit serve` as a child: resolves once its first line names the URL (or it exits: url undefined). */
function startServe(main, configPath) {
  const clockTicks = (() => {
    try {
      return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      return 100;
    }
  })();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, 'serve', '--port', '0', '--config', configPath], { cwd: outDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const handle = {
      url: undefined,
      exit: undefined,
      output: () => stdout,
      stderr: () => stderr,
      /** utime and stime of the child, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
      cpu() {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const userMs = (Number(fields[11]) * 1000) / clockTicks;
        const systemMs = (Number(fields[12]) * 1000) / clockTicks;
        return { userMs, systemMs, totalMs: userMs + systemMs };
      },
      stop() {
        if (handle.exit !== undefined) return Promise.resolve(handle.exit);
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        return exited.then((exit) => (clearTimeout(timer), exit));
      },
    };
    const exited = new Promise((done) =>
      child.on('close', (code, signal) => {
        handle.exit = { code, signal };
        done(handle.exit);
        resolve(handle); // before listening: url stays undefined
      }),
    );
    child.on('error', (error) => ((stderr += error.message), resolve(handle)));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const first = /^listening on (http:\/\/\S+)\n/.exec(stdout);
      if (handle.url === undefined && first !== null) {
        handle.url = first[1];
        resolve(handle);
      }
    });
  });
}

async function attempt(fn) {
  try {
    return { value: await fn() };
  } catch (error) {
    return { error };
  }
}

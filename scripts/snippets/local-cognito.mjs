// The local Cognito the documentation snippets run against: packages/request-builder/test/helpers/test-pool.ts (one
// user pool and one app client per instance, Web APIs only: `fetch(request): Promise<Response>`), bundled for Node by
// esbuild and served on 127.0.0.1 by node:http. Requests go to the instance of their ClientId; a request without
// one (ConfirmDevice, GetUser, ... carry an AccessToken) goes to the instance that issued its token, else to the
// first instance.
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bundles the test pool module (platform node, ESM, everything but Node built-ins bundled) and imports it. */
export async function loadTestPool(source, outfile) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({ entryPoints: [source], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent', sourcemap: 'inline' });
  const module = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  if (typeof module.createTestPool !== 'function') throw new Error(`${source} does not export createTestPool`);
  return module;
}

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** The region of a SigV4 Authorization header's credential scope, and its service; undefined when unsigned. */
function signatureScope(authorization) {
  const match = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/.exec(authorization ?? '');
  return match ? { region: match[1], service: match[2] } : undefined;
}

/**
 * Starts a fresh local Cognito: one TestPool per config, all behind one loopback HTTP server.
 * @returns `{ endpoint, pools, close() }`
 */
export async function startLocalCognito({ createTestPool, configs, region }) {
  const pools = configs.map((config) => ({ clientId: config.clientId, pool: createTestPool(config) }));
  const byToken = new Map();
  const errors = [];
  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      let parsed;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        parsed = undefined;
      }
      const scope = signatureScope(req.headers.authorization);
      if (scope && (scope.region !== region || scope.service !== 'cognito-idp')) {
        const message = `request signed for ${scope.service} in ${scope.region}; this Cognito is cognito-idp in ${region}`;
        res.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amzn-ErrorType': 'InvalidSignatureException' });
        res.end(JSON.stringify({ __type: 'InvalidSignatureException', message }));
        return;
      }
      const clientId = parsed && typeof parsed.ClientId === 'string' ? parsed.ClientId : undefined;
      const token = parsed && typeof parsed.AccessToken === 'string' ? parsed.AccessToken : undefined;
      const target =
        pools.find((p) => p.clientId === clientId) ?? (token !== undefined ? byToken.get(token) : undefined) ?? pools[0];
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined && name !== 'host' && name !== 'connection') headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url}`, {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
      });
      const response = await target.pool.fetch(request);
      const answer = Buffer.from(await response.arrayBuffer());
      try {
        const reply = JSON.parse(answer.toString('utf8'));
        const issued = reply?.AuthenticationResult?.AccessToken;
        if (typeof issued === 'string') byToken.set(issued, target);
      } catch {
        // not JSON: nothing to remember
      }
      const outHeaders = {};
      response.headers.forEach((value, name) => {
        outHeaders[name] = value;
      });
      res.writeHead(response.status, outHeaders);
      res.end(answer);
    } catch (error) {
      errors.push(error);
      res.writeHead(500, { 'Content-Type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'InternalErrorException', message: `local Cognito crashed: ${error?.message ?? error}` }));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pools,
    /** Errors the test pool threw (a crash is a 500 to the client, and reported with the snippet). */
    errors,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

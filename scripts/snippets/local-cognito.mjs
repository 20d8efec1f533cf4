// The local Cognito the documentation snippets run against: @cognito-kit/local-pool (the BUILT package, as users get
// it), with the fixture's pools, served on 127.0.0.1 by node:http. Every SigV4-signed request must be scoped to the
// fixture's region and cognito-idp, so a snippet whose client talks to another region or service fails here too.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `createLocalUserPools` of the built local pool (packages/local-pool/dist). */
export async function loadLocalPool(root) {
  const module = await import(pathToFileURL(join(root, 'packages/local-pool/dist/index.js')).href);
  if (typeof module.createLocalUserPools !== 'function') throw new Error('packages/local-pool/dist/index.js does not export createLocalUserPools');
  return module.createLocalUserPools;
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
 * Starts a fresh local Cognito with `config` behind one loopback HTTP server. `onCode` receives each code the pools
 * "send" (an SMS or e-mail code), for the runner to type at the snippet's prompt as a person would.
 * @returns `{ endpoint, pools, calls, errors, close() }`
 */
export async function startLocalCognito({ createLocalUserPools, config, region, onCode = () => {} }) {
  const pools = createLocalUserPools(config);
  const calls = [];
  const errors = [];
  pools.onLog((line) => {
    if (line.event === 'request' && line.operation !== undefined) calls.push(line.operation);
    if (line.event === 'internal-error') errors.push(new Error(line.message));
    if (line.event === 'code-sent') {
      const [sent] = pools.sentCodes({ userPoolId: line.userPoolId, username: line.username }).slice(-1);
      if (sent !== undefined && sent.kind !== 'TEMPORARY_PASSWORD') onCode(sent.code);
    }
  });
  const server = createServer(async (req, res) => {
    try {
      const scope = signatureScope(req.headers.authorization);
      if (scope && (scope.region !== region || scope.service !== 'cognito-idp')) {
        const message = `request signed for ${scope.service} in ${scope.region}; this Cognito is cognito-idp in ${region}`;
        res.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amzn-ErrorType': 'InvalidSignatureException' });
        res.end(JSON.stringify({ __type: 'InvalidSignatureException', message }));
        return;
      }
      const body = await readBody(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined && name !== 'host' && name !== 'connection') headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url}`, {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
      });
      const response = await pools.fetch(request);
      const outHeaders = {};
      response.headers.forEach((value, name) => {
        outHeaders[name] = value;
      });
      res.writeHead(response.status, outHeaders);
      res.end(Buffer.from(await response.arrayBuffer()));
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
    /** The operations called, in order. */
    calls,
    /** Errors of the local pool (a crash is a 500 to the client, and reported with the snippet). */
    errors,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

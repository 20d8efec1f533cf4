// Loaded with `node --import` before every documentation snippet (scripts/check-snippets.mjs). It gives the snippet
// no network: `fetch` to Cognito's regional endpoint (https://cognito-idp.<region>.amazonaws.com/, the fixture's
// region only) goes to the local Cognito on loopback instead, `fetch` to the loopback endpoint itself is allowed, and
// every other request is refused. As a second fence, host names other than `localhost` no longer resolve, so
// node:http / node:https (the AWS SDK's transport, pointed at loopback by AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER)
// cannot leave the machine either.
//
// Its URL carries the settings: preload.mjs?endpoint=http://127.0.0.1:PORT&region=eu-west-2
import dns from 'node:dns';

const settings = new URL(import.meta.url).searchParams;
const endpoint = new URL(settings.get('endpoint') ?? 'http://127.0.0.1:9/');
const region = settings.get('region') ?? 'eu-west-2';
const cognitoHost = `cognito-idp.${region}.amazonaws.com`;
const realFetch = globalThis.fetch;

function refuse(url) {
  return new TypeError(
    `fetch failed: ${url} is not reachable from a documentation snippet (the runner allows https://${cognitoHost}/ and ${endpoint.origin}/ only)`,
  );
}

globalThis.fetch = async function fetch(input, init) {
  const request = new Request(input, init);
  const url = new URL(request.url);
  let target;
  if (url.protocol === 'https:' && url.hostname === cognitoHost && url.port === '') target = new URL(`${url.pathname}${url.search}`, endpoint);
  else if (url.origin === endpoint.origin) target = url;
  else throw refuse(url.href);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return realFetch(target, { method: request.method, headers: request.headers, body, signal: request.signal, redirect: 'manual' });
};

const allowedHosts = new Set(['localhost']);
const realLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  if (allowedHosts.has(hostname)) return realLookup.call(dns, hostname, options, callback);
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (no network for documentation snippets)`), {
    code: 'ENOTFOUND',
    hostname,
  });
  process.nextTick(() => callback(error));
  return {};
};
const realPromisesLookup = dns.promises.lookup;
dns.promises.lookup = async function lookup(hostname, options) {
  if (allowedHosts.has(hostname)) return realPromisesLookup.call(dns.promises, hostname, options);
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (no network for documentation snippets)`), { code: 'ENOTFOUND', hostname });
};

// A local Cognito user pool as a Cloudflare Worker: Web APIs only, so it runs without `nodejs_compat`.
//
// createLocalUserPools checks the config here, at load (a bad pools.json fails the Worker's start-up), and draws no
// random value until the first request: Workers refuse random values in their global scope.
import { createLocalUserPools, parseLocalPoolsConfig } from '@cognito-kit/local-pool';
// The same file `cognito-kit serve --config` reads.
import config from './pools.json';

// parseLocalPoolsConfig types the JSON (and refuses a bad file with every problem and its path).
const pools = createLocalUserPools(parseLocalPoolsConfig(config));
// One line per request and sign-in; never a password, token, secret or code.
pools.onLog((line) => console.log(line.message));

export default {
  fetch: (request: Request): Promise<Response> => pools.fetch(request),
};

#!/usr/bin/env node
// Runs @cognito-kit/request-builder inside Cloudflare's workerd WITHOUT nodejs_compat, with the SRP core's runner
// (packages/srp/scripts/test-workerd.mjs, one runner for both workers): bundles test/workerd/worker.ts with
// @cognito-kit/srp resolved to packages/srp/src, checks the bundle holds only request-builder src (not src/cli),
// srp src, @noble/hashes and the worker, runs `workerd test` and prints `workerd: N passed, M failed` last.
//
//   node packages/request-builder/scripts/test-workerd.mjs [--verbose]
//
// Same environment as the SRP runner: RESULTS_FILE, WORKERD_TIMEOUT_MS, WORKERD_BIN, WORKERD_OUT_DIR (default
// packages/request-builder/.cache/workerd), WORKERD_SRC_DIR (a copy of this package's src/), WORKERD_SRP_SRC_DIR
// (a copy of packages/srp/src). Equivalent: node packages/srp/scripts/test-workerd.mjs --package request-builder
import { main } from '../../srp/scripts/test-workerd.mjs';

await main({ package: 'request-builder' });

// Runs @cognito-kit/srp's own typecheck and test suite with src/modpow.ts replaced by the file named by $MODPOW_CANDIDATE, in a
// copy under the OS temp folder (packages/srp is not touched). The copy sits at the same depth as packages/srp so
// the tests' relative paths (test-vectors/) resolve, through symlinks, to this repo's files.
//
// node experiments/test-candidate.mjs [vitest args, e.g. test/modpow.test.ts]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = dirname(dirname(HERE));
const SRP = join(REPO, 'packages/srp');

const root = mkdtempSync(join(tmpdir(), 'cognito-kit-candidate-'));
const pkg = join(root, 'packages/srp');
try {
  for (const name of ['src', 'test', 'package.json', 'tsconfig.json', 'vitest.config.ts']) {
    cpSync(join(SRP, name), join(pkg, name), { recursive: true });
  }
  cpSync(join(REPO, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
  if (!process.env.MODPOW_CANDIDATE) throw new Error('set MODPOW_CANDIDATE to the modpow.ts to test');
  cpSync(process.env.MODPOW_CANDIDATE, join(pkg, 'src/modpow.ts'));
  symlinkSync(join(SRP, 'node_modules'), join(pkg, 'node_modules'));
  symlinkSync(join(REPO, 'test-vectors'), join(root, 'test-vectors'));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));

  const run = (cmd, args) => {
    console.log(`\n$ ${cmd.replace(pkg, '<copy>')} ${args.join(' ')}`);
    const r = spawnSync(cmd, args, { cwd: pkg, stdio: 'inherit' });
    return r.status ?? 1;
  };
  const tsc = run(join(SRP, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  const extra = process.argv.slice(2);
  const vitest = run(join(SRP, 'node_modules/.bin/vitest'), ['run', ...(extra.length ? extra : [])]);
  console.log(`\ntypecheck: ${tsc === 0 ? 'ok' : 'FAILED'}; tests: ${vitest === 0 ? 'ok' : 'FAILED'} (candidate in place of src/modpow.ts)`);
  process.exitCode = tsc || vitest;
} finally {
  rmSync(root, { recursive: true, force: true });
}

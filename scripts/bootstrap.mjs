#!/usr/bin/env node
// The one entry point behind the README's commands (`npm run demo`, `npm test`, `npm run bench`): on a machine
// with only Node 20 and npm it installs the pinned pnpm into .tools/, installs the workspace from the lockfile,
// builds the packages, then runs the task. Each step is idempotent, so a second run is quick.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2'; // must equal "packageManager" in package.json, or pnpm 12 tries to switch versions
const toolsDir = join(root, '.tools');
const pnpm = join(toolsDir, 'bin', 'pnpm');
// Tools that spawn `pnpm` themselves (publint packs with it) must find the pinned one first.
process.env.PATH = `${join(toolsDir, 'bin')}${delimiter}${process.env.PATH ?? ''}`;

const tasks = {
  demo: () => run('node', [join(root, 'packages/cli/dist/main.js'), 'demo', ...process.argv.slice(3)]),
  test: () => run('node', [join(root, 'scripts/test-all.mjs'), ...process.argv.slice(3)]),
  // `pnpm bench -- --quick` hands us a literal `--`: drop it, pnpm run adds its own
  bench: () => run(pnpm, ['--filter', '@cognito-kit/benchmarks', 'run', 'bench', ...process.argv.slice(3).filter((a) => a !== '--')]),
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const status = run(command, args);
  if (status !== 0) {
    console.error(`✗ ${title} failed (exit ${status})`);
    process.exit(status);
  }
}

const task = process.argv[2];
if (!(task in tasks)) {
  console.error(`usage: node scripts/bootstrap.mjs ${Object.keys(tasks).join('|')} [args]`);
  process.exit(2);
}

const installed = existsSync(pnpm) && spawnSync(pnpm, ['--version'], { encoding: 'utf8' }).stdout?.trim() === PNPM_VERSION;
if (!installed) {
  // A project-local prefix: no root rights needed, and no clash with another pnpm on the machine.
  step(`install pnpm ${PNPM_VERSION} into .tools/`, 'npm', ['install', '--global', '--prefix', toolsDir, '--no-fund', '--no-audit', `pnpm@${PNPM_VERSION}`]);
}
step('pnpm install --frozen-lockfile', pnpm, ['install', '--frozen-lockfile', '--reporter=append-only']);
step('build the packages', pnpm, ['--recursive', '--filter', './packages/**', 'run', 'build']);
process.exit(tasks[task]());

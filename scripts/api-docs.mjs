#!/usr/bin/env node
// API docs generated from the TSDoc (TypeDoc 0.28, typedoc.json: both packages, every entry point) into
// .cache/api-docs, with warnings as errors and validation.notDocumented on: an exported function, class, interface,
// type, variable or method without documentation fails the run. A control run on a one-file fixture with one
// undocumented export must fail the same way, so the check cannot pass vacuously.
//
//   node scripts/api-docs.mjs
//
// The last line is `api-docs: N passed, M failed`; RESULTS_FILE gets { runner, passed, failed }.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const typedoc = join(root, 'node_modules/typedoc/bin/typedoc');
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail && !ok ? `\n       ${detail.split('\n').join('\n       ')}` : ''}`);
};
const run = (args, cwd) => {
  const r = spawnSync(process.execPath, [typedoc, ...args], { cwd, encoding: 'utf8', timeout: 180_000 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '') };
};

const docs = run([], root);
const pages = docs.out.match(/html generated at (\S+)/)?.[1];
check(`API docs of @cognito-kit/srp, /server, /node-crypto, @cognito-kit/request-builder (and /sign-in) and @cognito-kit/local-pool generated (${pages ?? 'no output'}), no undocumented export, no warning`, docs.ok && pages !== undefined, docs.out.split('\n').filter((l) => /warning|error/i.test(l)).slice(0, 30).join('\n'));

// Control: the same settings (typedoc.base.json) on a fixture with one documented and one undocumented export.
const fixture = join(root, '.cache/api-docs-control');
rmSync(fixture, { recursive: true, force: true });
mkdirSync(join(fixture, 'src'), { recursive: true });
writeFileSync(join(fixture, 'src/index.ts'), '/** Documented. @example `documented()` */\nexport function documented(): number {\n  return 1;\n}\n\nexport function undocumentedOnPurpose(): number {\n  return 2;\n}\n');
writeFileSync(join(fixture, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', noEmit: true, types: [] }, include: ['src'] }));
writeFileSync(join(fixture, 'typedoc.json'), JSON.stringify({ extends: [join(root, 'typedoc.base.json')], entryPoints: ['src/index.ts'], out: 'out', readme: 'none', name: 'control' }));
const control = run([], fixture);
check('control: the same settings fail on an undocumented export', !control.ok && /undocumentedOnPurpose.*does not have any documentation/.test(control.out), control.out.slice(-1000));

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (process.env.RESULTS_FILE) writeFileSync(process.env.RESULTS_FILE, JSON.stringify({ runner: 'api-docs', passed, failed }) + '\n');
console.log(`api-docs: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

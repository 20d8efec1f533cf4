#!/usr/bin/env node
// Every TypeScript block of the documentation compiles, and the runnable ones run.
//
//   node scripts/check-snippets.mjs [--no-run] [--verbose] [--only <doc path substring>]
//   node scripts/check-snippets.mjs --self-check     # the controls in scripts/snippets/self-check.md must behave
//
// 1. Extracts every ```ts / ```typescript block of the repository's Markdown (README.md, CONTRIBUTING.md, docs/**,
//    every package README (packages/cli/README.md too), benchmarks/**, test-vectors/README.md and every other .md outside
//    node_modules, .cache and test-vectors/public, which is a verbatim copy of a shared set) into
//    .cache/snippets/<doc-path-slug>-<fence line>.ts, each its own ES module (`export {};` is appended when it has no
//    import or export, so top-level await works), so a diagnostic is reported as `README.md:123:5`.
// 2. Type-checks them all in one `tsc` run: strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, NodeNext,
//    ES2022 + DOM, types ["node"], against the BUILT packages (node_modules/@cognito-kit/* link to packages/*, whose
//    exports maps lead to dist/*.d.ts) and the AWS SDK, aws4fetch and @smithy/signature-v4 installed for
//    packages/request-builder. Then a second run with exactOptionalPropertyTypes off: users have both.
// 3. Runs every checked block (unless ```ts no-run) as a Node ESM module (esbuild transform, the text unchanged)
//    against a local Cognito on loopback: the built @cognito-kit/local-pool with the pools of
//    scripts/snippets/fixture.mjs, behind node:http (scripts/snippets/local-cognito.mjs). Each snippet gets fresh
//    pools, on stdin what a person would type at its prompts (the fixture's lines, then each SMS or e-mail code as
//    the pool "sends" it), and the environment: AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER (honoured by the AWS SDK v3), dummy AWS
//    credentials, AWS_REGION, AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE=/dev/null, and the fixture's values
//    (COGNITO_PASSWORD, COGNITO_CLIENT_SECRET, ...). scripts/snippets/preload.mjs (`node --import`) sends `fetch` to
//    https://cognito-idp.<region>.amazonaws.com/ to the loopback server and refuses every other host. A snippet
//    passes when it exits 0 within 30 s (SNIPPET_TIMEOUT_MS).
//
// Info strings: ```ts no-check skips the type check (and so the run), ```ts no-run skips the run only. Any other
// word after the language is an error (a typo must not switch a check off). Blocks in other languages are not read.
//
// Counts: one per block type-checked (strict), one per block type-checked with exactOptionalPropertyTypes off, one
// per block run; a problem outside a block (tsc crashing, no test pool) counts as one failure. The last line is
// `snippets: N passed, M failed`; RESULTS_FILE gets { runner, passed, failed }.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixture, localPoolsConfig, snippetEnvironment, snippetInput } from './snippets/fixture.mjs';
import { loadLocalPool, startLocalCognito } from './snippets/local-cognito.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const SELF_CHECK = args.includes('--self-check');
const NO_RUN = args.includes('--no-run');
const VERBOSE = args.includes('--verbose');
const ONLY = option('--only');
const TIMEOUT_MS = Number(process.env.SNIPPET_TIMEOUT_MS ?? (SELF_CHECK ? 10_000 : 30_000));
const CONCURRENCY = Math.max(1, Math.min(2, cpus().length));
const TYPESCRIPT_LANGS = new Set(['ts', 'typescript']);
const FLAGS = new Set(['no-check', 'no-run']);

// ---------------------------------------------------------------------------------------------------------------
// 1. Extraction

const SKIP_DIRS = new Set(['node_modules', '.git', '.cache', '.tools', 'dist', 'coverage', 'reports', '.stryker-tmp', 'api-docs']);
const SKIP_PATHS = new Set(['test-vectors/public']);

/** Every Markdown file of the repository that documents it (relative paths, sorted). */
function documentationFiles() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !SKIP_PATHS.has(path)) walk(path);
      } else if (entry.isFile() && entry.name.endsWith('.md') && path !== 'scripts/snippets/self-check.md') {
        found.push(path);
      }
    }
  };
  walk('');
  return found.sort();
}

/**
 * The TypeScript blocks of one Markdown text: `{ doc, fenceLine (1-based), code, lang, flags }`. Fences follow
 * CommonMark: ``` or ~~~ (3 or more), closed by the same character at least as long; an indented fence (a list item)
 * has its indentation removed from its lines.
 */
export function extractBlocks(doc, text) {
  const lines = text.split(/\r?\n/);
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, rest] = open;
    if (fence[0] === '`' && rest.includes('`')) continue; // not a fence: inline code
    const fenceLine = i + 1;
    const content = [];
    const closing = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    for (i++; i < lines.length && !closing.test(lines[i]); i++) {
      let line = lines[i];
      for (let n = 0; n < indent.length && line.startsWith(' '); n++) line = line.slice(1);
      content.push(line);
    }
    const [lang = '', ...flags] = rest.trim().split(/\s+/).filter(Boolean);
    if (!TYPESCRIPT_LANGS.has(lang.toLowerCase())) continue;
    blocks.push({ doc, fenceLine, code: content.join('\n'), lang, flags });
  }
  return blocks;
}

const slug = (doc) => doc.replace(/\.md$/i, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
const hasModuleSyntax = (code) => /^\s*(?:import\s*(?:type\b|[\w*{]|['"])|export\b)/m.test(code);

// ---------------------------------------------------------------------------------------------------------------
// 2. The type check

/** The packages a snippet may import, and where they come from. */
function linkedPackages() {
  const rb = join(root, 'packages/request-builder/node_modules');
  return {
    '@cognito-kit/srp': join(root, 'packages/srp'),
    '@cognito-kit/request-builder': join(root, 'packages/request-builder'),
    '@cognito-kit/local-pool': join(root, 'packages/local-pool'),
    'aws-amplify': join(root, 'packages/cli/node_modules/aws-amplify'),
    'amazon-cognito-identity-js': join(root, 'packages/cli/node_modules/amazon-cognito-identity-js'),
    '@aws-sdk/client-cognito-identity-provider': join(rb, '@aws-sdk/client-cognito-identity-provider'),
    aws4fetch: join(rb, 'aws4fetch'),
    '@smithy/signature-v4': join(rb, '@smithy/signature-v4'),
    '@aws-crypto/sha256-js': join(rb, '@aws-crypto/sha256-js'),
    '@types/node': join(rb, '@types/node'),
  };
}

const compilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
  noErrorTruncation: true,
};

/** Writes the snippet project: the files, package.json (ESM), the two tsconfigs and node_modules links. */
function writeProject(outDir, blocks) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'node_modules'), { recursive: true });
  const problems = [];
  for (const [name, target] of Object.entries(linkedPackages())) {
    if (!existsSync(join(target, 'package.json'))) {
      problems.push(`${name} is not installed at ${relative(root, target)} (run pnpm install)`);
      continue;
    }
    mkdirSync(dirname(join(outDir, 'node_modules', name)), { recursive: true });
    symlinkSync(realpathSync(target), join(outDir, 'node_modules', name), 'dir');
  }
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ name: 'cognito-kit-doc-snippets', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(outDir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, include: ['*.ts'] }, null, 2)}\n`);
  writeFileSync(
    join(outDir, 'tsconfig.loose.json'),
    `${JSON.stringify({ extends: './tsconfig.json', compilerOptions: { exactOptionalPropertyTypes: false } }, null, 2)}\n`,
  );
  const used = new Set();
  for (const block of blocks) {
    block.file = `${slug(block.doc)}-${block.fenceLine}.ts`;
    if (used.has(block.file)) problems.push(`two blocks map to .cache/snippets/${block.file} (${block.doc}:${block.fenceLine}): rename a document`);
    used.add(block.file);
    const code = hasModuleSyntax(block.code) ? block.code : `${block.code}\nexport {};`;
    writeFileSync(join(outDir, block.file), `${code}\n`);
  }
  for (const target of ['@cognito-kit/srp', '@cognito-kit/request-builder', '@cognito-kit/local-pool']) {
    const dir = linkedPackages()[target];
    const dist = join(dir, 'dist/index.d.ts');
    if (!existsSync(dist)) problems.push(`${target} is not built (${relative(root, dist)} is missing): pnpm -r --filter './packages/**' run build`);
    else if (newestMtime(join(dir, 'src')) > statSync(dist).mtimeMs) console.warn(`warning: ${target}'s src/ is newer than its dist/: the snippets are checked against the last build`);
  }
  return problems;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function runProcess(command, commandArgs, options) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, commandArgs, { ...options, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (options.input !== undefined) {
      child.stdin.on('error', () => {}); // a snippet that never reads its stdin closes the pipe: EPIPE is expected then
      child.stdin.write(options.input);
      // More lines may come while it runs (onStdin); the pipe closes when the child exits.
      if (options.onStdin === undefined) child.stdin.end();
      else options.onStdin((text) => child.stdin.writable && child.stdin.write(text));
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.on('error', (error) => {
      stderr += `${error.message}\n`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Runs tsc on one tsconfig; returns the diagnostics, each mapped to its block and documentation line. */
async function typeCheck(outDir, tsconfig, blocksByFile) {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = await runProcess(process.execPath, [tsc, '-p', tsconfig, '--pretty', 'false'], { cwd: outDir });
  const diagnostics = [];
  let current;
  for (const line of `${result.stdout}${result.stderr}`.split('\n')) {
    const match = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    if (match) {
      const [, file, lineNo, col, code, message] = match;
      const block = blocksByFile.get(basename(file)) ?? null;
      const at = block ? `${block.doc}:${block.fenceLine + Number(lineNo)}:${col}` : `${file}:${lineNo}:${col}`;
      current = { block, docLine: block ? block.fenceLine + Number(lineNo) : undefined, at, code, message };
      diagnostics.push(current);
    } else if (current && /^\s/.test(line) && line.trim() !== '') {
      current.message += `\n${line}`;
    } else if (line.trim() !== '') {
      current = { block: null, at: '(tsc)', code: '', message: line };
      diagnostics.push(current);
    }
  }
  const crashed = result.code !== 0 && diagnostics.length === 0;
  if (crashed) diagnostics.push({ block: null, at: '(tsc)', code: '', message: `tsc exited ${result.code ?? result.signal} with no diagnostics` });
  return diagnostics;
}

// ---------------------------------------------------------------------------------------------------------------
// 3. The runs

async function runBlocks(outDir, runnable, createLocalUserPools) {
  const esbuild = await import('esbuild');
  const runDir = join(outDir, 'run');
  const home = join(outDir, 'home');
  mkdirSync(runDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  const preloadFile = pathToFileURL(join(root, 'scripts/snippets/preload.mjs')).href;
  const queue = [...runnable];
  const worker = async () => {
    for (let block = queue.shift(); block !== undefined; block = queue.shift()) {
      // Blank lines before the code: the source map's lines are the documentation's, so a stack trace reads
      // README.md:123 (with the absolute path as the source file).
      const docPath = join(root, block.doc);
      let js;
      try {
        const padded = `${'\n'.repeat(block.fenceLine)}${block.code}\n${hasModuleSyntax(block.code) ? '' : 'export {};\n'}`;
        js = (await esbuild.transform(padded, { loader: 'ts', format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: docPath })).code;
      } catch (error) {
        block.run = { ok: false, detail: `esbuild could not transform it: ${error.message}` };
        continue;
      }
      const file = join(runDir, block.file.replace(/\.ts$/, '.mjs'));
      writeFileSync(file, js);
      // stdin stays open: the codes the pool sends are typed when they are sent, as a person would.
      const stdin = { write: () => {} };
      const cognito = await startLocalCognito({ createLocalUserPools, config: localPoolsConfig(), region: fixture.region, onCode: (code) => stdin.write(`${code}\n`) });
      try {
        const preload = `${preloadFile}?${new URLSearchParams({ endpoint: cognito.endpoint, region: fixture.region })}`;
        const env = {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: home,
          LANG: 'C.UTF-8',
          TZ: 'UTC',
          AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
          COGNITO_LOCAL_ENDPOINT: cognito.endpoint, // where a snippet about the local pool finds it ('cognito-kit serve')
          AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', // the SDK's notice that it will need Node 22
          ...snippetEnvironment(),
        };
        const result = await runProcess(process.execPath, ['--enable-source-maps', '--import', preload, file], {
          cwd: runDir,
          env,
          timeoutMs: TIMEOUT_MS,
          input: snippetInput(),
          onStdin: (write) => (stdin.write = write),
        });
        const ok = result.code === 0 && !result.timedOut;
        const { calls } = cognito;
        const why = result.timedOut ? `timed out after ${TIMEOUT_MS / 1000} s` : result.code === 0 ? '' : `exit ${result.code ?? result.signal}`;
        const output = `${result.stdout}${result.stderr}`.replaceAll(`${pathToFileURL(root).href}/`, '').replaceAll(`${root}${sep}`, '');
        block.run = { ok, timedOut: result.timedOut, ms: result.ms, calls, why, output, poolErrors: cognito.errors.map((e) => e?.stack ?? String(e)) };
      } finally {
        await cognito.close();
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

// ---------------------------------------------------------------------------------------------------------------
// The whole check, on a set of documents

/** Extracts, type-checks (twice) and runs the blocks of `docs`; returns the blocks with their results. */
async function checkDocuments(docs, outDir, { run = true } = {}) {
  const blocks = [];
  for (const doc of docs) blocks.push(...extractBlocks(doc, readFileSync(join(root, doc), 'utf8')));
  const problems = writeProject(outDir, blocks);
  for (const block of blocks) {
    const unknown = block.flags.filter((flag) => !FLAGS.has(flag));
    if (unknown.length > 0) block.problem = `unknown info-string word(s) ${unknown.map((w) => `"${w}"`).join(', ')} after \`\`\`${block.lang} (allowed: ${[...FLAGS].join(', ')})`;
    block.checked = !block.flags.includes('no-check');
    block.runnable = block.checked && !block.flags.includes('no-run');
  }
  const checked = blocks.filter((b) => b.checked);
  // The unchecked ones are left out of the tsc program altogether.
  for (const block of blocks) if (!block.checked) rmSync(join(outDir, block.file), { force: true });
  const byFile = new Map(checked.map((b) => [b.file, b]));
  const passes = { strict: 'tsconfig.json', loose: 'tsconfig.loose.json' };
  const globalDiagnostics = [];
  if (checked.length > 0 && problems.length === 0) {
    for (const [pass, tsconfig] of Object.entries(passes)) {
      const diagnostics = await typeCheck(outDir, tsconfig, byFile);
      for (const block of checked) block[pass] = diagnostics.filter((d) => d.block === block);
      globalDiagnostics.push(...diagnostics.filter((d) => d.block === null).map((d) => ({ ...d, pass })));
    }
  }
  if (run && problems.length === 0) {
    const runnable = blocks.filter((b) => b.runnable);
    if (runnable.length > 0) {
      try {
        await runBlocks(outDir, runnable, await loadLocalPool(root));
      } catch (error) {
        problems.push(`the local Cognito (packages/local-pool/dist) could not be loaded: build the packages first (${error?.message ?? error})`);
      }
    }
  }
  return { blocks, problems, globalDiagnostics };
}

const mark = (ok) => (ok === undefined ? '–' : ok ? 'ok' : 'FAIL');

function report({ blocks, problems, globalDiagnostics }) {
  let passed = 0;
  let failed = 0;
  const count = (ok) => (ok ? passed++ : failed++);
  console.log('\nblock                                         strict  loose  run');
  for (const block of blocks) {
    const strictOk = block.strict === undefined ? undefined : block.strict.length === 0;
    const looseOk = block.loose === undefined ? undefined : block.loose.length === 0;
    const runOk = block.run === undefined ? undefined : block.run.ok;
    for (const ok of [strictOk, looseOk, runOk]) if (ok !== undefined) count(ok);
    if (block.problem) failed++;
    const flags = block.flags.length > 0 ? ` (${block.flags.join(' ')})` : '';
    console.log(`${`${block.doc}:${block.fenceLine}${flags}`.padEnd(46)} ${mark(strictOk).padEnd(7)} ${mark(looseOk).padEnd(6)} ${mark(runOk)}${block.run?.ms ? ` (${(block.run.ms / 1000).toFixed(1)} s)` : ''}`);
  }
  for (const block of blocks) {
    const strictFailed = block.strict?.length > 0;
    const looseFailed = block.loose?.length > 0;
    const runFailed = block.run !== undefined && !block.run.ok;
    if (!strictFailed && !looseFailed && !runFailed && !block.problem && !VERBOSE) continue;
    console.log(`\n── ${block.doc}:${block.fenceLine} (.cache/snippets/${block.file})`);
    if (block.problem) console.log(`  ${block.problem}`);
    const strictText = new Set((block.strict ?? []).map((d) => `${d.at} ${d.code} ${d.message}`));
    for (const d of block.strict ?? []) console.log(`  type check: ${d.at} ${d.code} ${d.message.replaceAll('\n', '\n    ')}`);
    for (const d of block.loose ?? []) {
      const text = `${d.at} ${d.code} ${d.message}`;
      console.log(`  type check, exactOptionalPropertyTypes off: ${strictText.has(text) ? `${d.at} ${d.code} (as above)` : `${text.replaceAll('\n', '\n    ')}`}`);
    }
    if (block.run && (runFailed || VERBOSE)) {
      console.log(`  run: ${block.run.ok ? 'ok' : 'FAILED'}${block.run.why ? `, ${block.run.why}` : ''}; Cognito calls: ${block.run.calls?.join(', ') || 'none'}`);
      const output = (block.run.output ?? block.run.detail ?? '').trim();
      if (output) console.log(`    ${output.slice(-4000).split('\n').join('\n    ')}`);
      for (const error of block.run.poolErrors ?? []) console.log(`  the local Cognito threw: ${error.split('\n').join('\n    ')}`);
    }
  }
  for (const d of globalDiagnostics) {
    failed++;
    console.log(`\n(${d.pass}) ${d.at} ${d.code} ${d.message}`);
  }
  for (const problem of problems) {
    failed++;
    console.log(`\nproblem: ${problem}`);
  }
  return { passed, failed };
}

// ---------------------------------------------------------------------------------------------------------------
// --self-check: the controls of scripts/snippets/self-check.md. Each block's first line says what must happen:
//   // expect: strict=pass|fail|skip loose=pass|fail|skip run=pass|fail|timeout|skip [problem=yes] [calls=Op,Op]
//             [says=text_with_underscores_for_spaces]  (the run's output must contain the text)
// A line marked `// <- error here` must carry a strict diagnostic at exactly that documentation line; a line marked
// `// <- throws here` must appear (as self-check.md:LINE) in the failed run's stack trace.

async function selfCheck() {
  const doc = 'scripts/snippets/self-check.md';
  const outDir = join(root, '.cache/snippets-self-check');
  const result = await checkDocuments([doc], outDir);
  const results = [];
  const expect = (name, ok, detail = '') => {
    results.push(ok);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n       ${detail.split('\n').join('\n       ')}` : ''}`);
  };
  const all = result.blocks.map((b) => b.code).join('\n');
  expect('a ```sh block and a ```ts block nested in a ````md block are not extracted', !all.includes('SH-BLOCK-MARKER') && !all.includes('NESTED-MARKER'));
  expect('the controls were extracted (13 TypeScript blocks, one of them ```typescript, one indented)', result.blocks.length === 13, `found ${result.blocks.length}`);
  expect('no problem outside the blocks (the local Cognito loads, tsc runs)', result.problems.length === 0 && result.globalDiagnostics.length === 0, [...result.problems, ...result.globalDiagnostics.map((d) => `${d.at} ${d.message}`)].join('\n'));
  for (const block of result.blocks) {
    const where = `${doc}:${block.fenceLine}`;
    const spec = /^\/\/ expect: (.*)$/m.exec(block.code.split('\n')[0] ?? '');
    if (!spec) {
      expect(`${where} has an "// expect:" first line`, false);
      continue;
    }
    const want = Object.fromEntries(spec[1].trim().split(/\s+/).map((pair) => pair.split('=')));
    const state = (diags) => (diags === undefined ? 'skip' : diags.length === 0 ? 'pass' : 'fail');
    const detail = (diags) => (diags ?? []).map((d) => `${d.at} ${d.code} ${d.message}`).join('\n');
    expect(`${where}: type check ${want.strict}`, state(block.strict) === want.strict, detail(block.strict));
    expect(`${where}: type check with exactOptionalPropertyTypes off ${want.loose}`, state(block.loose) === want.loose, detail(block.loose));
    const ran = block.run === undefined ? 'skip' : block.run.ok ? 'pass' : block.run.timedOut ? 'timeout' : 'fail';
    expect(`${where}: run ${want.run}`, ran === want.run, `${ran}: ${block.run?.why ?? ''}\n${(block.run?.output ?? '').slice(-2000)}`);
    if (want.says) {
      const text = want.says.replaceAll('_', ' ');
      expect(`${where}: the run's output says "${text}"`, (block.run?.output ?? '').includes(text), (block.run?.output ?? '').slice(-1500));
    }
    if (want.problem === 'yes') expect(`${where}: reported as a problem (${block.problem ?? 'none'})`, block.problem !== undefined);
    else if (block.problem) expect(`${where}: no problem`, false, block.problem);
    if (want.calls) expect(`${where}: reached the local Cognito (${want.calls})`, (block.run?.calls ?? []).join(',') === want.calls, `calls: ${(block.run?.calls ?? []).join(',') || 'none'}`);
    block.code.split('\n').forEach((line, index) => {
      const docLine = block.fenceLine + 1 + index;
      if (line.includes('// <- error here')) {
        const lines = (block.strict ?? []).map((d) => d.docLine);
        expect(`${where}: the diagnostic points at ${doc}:${docLine}`, lines.includes(docLine), `diagnostics at lines ${lines.join(', ') || 'none'}`);
      }
      if (line.includes('// <- throws here')) {
        const output = block.run?.output ?? '';
        expect(`${where}: the stack trace points at ${doc}:${docLine}`, output.includes(`${doc}:${docLine}:`), output.slice(-1500));
      }
    });
  }
  const passed = results.filter(Boolean).length;
  return { passed, failed: results.length - passed };
}

// ---------------------------------------------------------------------------------------------------------------

const started = Date.now();
let counts;
if (SELF_CHECK) {
  counts = await selfCheck();
} else {
  const docs = documentationFiles().filter((doc) => ONLY === undefined || doc.includes(ONLY));
  console.log(`documents: ${docs.length} Markdown files`);
  const result = await checkDocuments(docs, join(root, '.cache/snippets'), { run: !NO_RUN });
  counts = report(result);
  if (result.blocks.length === 0) {
    console.log('problem: no TypeScript block found');
    counts.failed++;
  }
}
console.log(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
const runner = SELF_CHECK ? 'check-snippets-self-check' : 'check-snippets';
if (process.env.RESULTS_FILE) {
  mkdirSync(dirname(process.env.RESULTS_FILE), { recursive: true });
  writeFileSync(process.env.RESULTS_FILE, `${JSON.stringify({ runner, passed: counts.passed, failed: counts.failed })}\n`);
}
console.log(`${SELF_CHECK ? 'snippets self-check' : 'snippets'}: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed === 0 && counts.passed > 0 ? 0 : 1;

// The library source uses Web APIs only. workerd proves it at run time (scripts/runtimes/suite.mjs --runtime workerd); this catches it at once,
// including in code paths no test reaches.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
/** The one module that may use Node's built-ins: the node:crypto engine, its own entry point. */
const NATIVE_ENGINE = 'node-crypto.ts';
const sources = (readdirSync(srcDir, { recursive: true }) as string[])
  .filter((name) => name.endsWith('.ts') && name !== NATIVE_ENGINE)
  .map((name) => ({ name, text: readFileSync(join(srcDir, name), 'utf8') }));

const code = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''");

describe('library sources', () => {
  it('are found', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources.map((s) => [s.name, s.text] as const))('%s uses no Node built-in', (_name, text) => {
    const body = code(text);
    expect(text).not.toMatch(/from\s+'node:|require\(/);
    expect(body).not.toMatch(/\bBuffer\b|\bprocess\b|\b__dirname\b|\bglobal\b(?!This)/);
    // Only @noble/hashes and relative modules may be imported.
    // (statements at the start of a line: doc examples inside comments import '@cognito-kit/srp')
    for (const [, specifier] of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)) {
      expect(specifier!.startsWith('.') || specifier!.startsWith('@noble/hashes/')).toBe(true);
    }
  });

  it('import node-crypto.ts nowhere: only its own entry point reaches it', () => {
    expect(readdirSync(srcDir)).toContain(NATIVE_ENGINE);
    for (const { name, text } of sources) expect(text, name).not.toMatch(/from\s+'\.{1,2}\/(?:\.\.\/)*node-crypto\.js'/);
  });

  it('have package metadata for an ESM, side-effect-free package with one runtime dependency', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
    expect(Object.keys(pkg.dependencies as object)).toEqual(['@noble/hashes']);
  });
});

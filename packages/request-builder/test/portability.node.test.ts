// The library uses Web APIs only and depends on @cognito-kit/srp alone at run time, so it runs in workers, Deno, Bun
// and browsers like the SRP core. The Node CLI is its own package (@cognito-kit/cli): no bin here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
const sources = (readdirSync(srcDir, { recursive: true }) as string[])
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(srcDir, name), 'utf8') }));

const code = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''");

describe('request-builder library sources', () => {
  it('are found', () => {
    expect(sources.length).toBeGreaterThan(8);
  });

  it.each(sources.map((s) => [s.name, s.text] as const))('%s uses no Node built-in', (_name, text) => {
    expect(code(text)).not.toMatch(/\bBuffer\b|\bprocess\b|\b__dirname\b|\brequire\(/);
    for (const [, specifier] of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)) {
      expect(specifier!.startsWith('.') || specifier === '@cognito-kit/srp').toBe(true);
    }
  });

  it('has @cognito-kit/srp as its only runtime dependency, and no bin (the CLI is @cognito-kit/cli)', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(pkg.dependencies!)).toEqual(['@cognito-kit/srp']);
    expect(pkg.bin).toBeUndefined();
  });
});

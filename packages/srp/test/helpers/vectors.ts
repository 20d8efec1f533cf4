// Loads every vector file the suite runs: the repo's copy of the shared public set, the vectors generated from
// reference clients (test-vectors/vectors.json), and any vectors-*.json in ../shared/vectors next to the repo.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Vector {
  id: string;
  kind: 'srp' | 'device_srp' | 'device_verifier' | 'secret_hash' | 'timestamp' | 'padhex' | 'invalid_srp';
  description: string;
  tags: string[];
  input: Record<string, string | number | undefined>;
  expected: Record<string, string>;
  file: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../../..');

function vectorFiles(): string[] {
  const files = [join(repoRoot, 'test-vectors/public/vectors-public.json')];
  const generated = join(repoRoot, 'test-vectors/vectors.json');
  if (existsSync(generated)) files.push(generated);
  const shared = resolve(repoRoot, '../shared/vectors');
  if (existsSync(shared)) {
    for (const name of readdirSync(shared).sort()) {
      if (/^vectors-.*\.json$/.test(name)) files.push(join(shared, name));
    }
  }
  return files;
}

/** All vectors, each id once (the repo copy of the public set wins over ../shared's identical one). */
export function loadVectors(): Vector[] {
  const seen = new Set<string>();
  const out: Vector[] = [];
  for (const file of vectorFiles()) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { vectors: Omit<Vector, 'file'>[] };
    for (const vector of parsed.vectors) {
      if (seen.has(vector.id)) continue;
      seen.add(vector.id);
      out.push({ ...vector, file: file.slice(repoRoot.length + 1) });
    }
  }
  return out;
}

export function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex'));
}

/** A randomBytes that hands out the given chunks in order and fails on any other request. */
export function scriptedRandom(...chunks: Uint8Array[]): (length: number) => Uint8Array {
  return (length) => {
    const next = chunks.shift();
    if (next === undefined || next.length !== length) {
      throw new Error(`unexpected randomBytes(${length}); next scripted chunk has ${next?.length ?? 'no'} bytes`);
    }
    return next;
  };
}

// The only Web APIs this package touches, declared by hand so the build compiles with `types: []` and no DOM
// lib: using anything else (Buffer, process, node:*) fails type-checking instead of failing in a worker.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

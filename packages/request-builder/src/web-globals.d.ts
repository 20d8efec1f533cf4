// The only Web APIs this package touches, declared by hand so the library builds with `types: []` and no DOM lib.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

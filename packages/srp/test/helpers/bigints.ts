// Arbitrary bigints for the PAD properties (pad.test.ts, pad.node.test.ts).
import { fc } from '@fast-check/vitest';

/** Any sign and size up to 3100 bits, small values, and values around byte boundaries. */
export const anyBigint = fc.oneof(
  fc.bigInt({ min: -(1n << 3100n), max: 1n << 3100n }),
  fc.bigInt({ min: -1000n, max: 1000n }),
  // values around byte boundaries, where the sign byte appears or disappears
  fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: -2, max: 2 }), fc.boolean()).map(([bytes, delta, negative]) => {
    const edge = (1n << BigInt(bytes * 8 + 7)) + BigInt(delta);
    return negative ? -edge : edge;
  }),
);

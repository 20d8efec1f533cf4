// Checks a modPow implementation against big-integer's modPow (an independent implementation) on random inputs:
// base 2 and random bases (negative, above the modulus), exponents from 0 to 3100 bits, modulus N and random
// small/odd/even moduli. Used by run.mjs before timing anything; runnable alone: `node experiments/verify.mjs`.
import { randomBytes } from 'node:crypto';
import bigInt from 'big-integer';
import { N } from './variants.mjs';

const randomBits = (bits) => {
  if (bits <= 0) return 0n;
  const bytes = randomBytes(Math.ceil(bits / 8));
  return BigInt.asUintN(bits, BigInt('0x' + bytes.toString('hex')));
};
const randomInt = (max) => Math.floor(Math.random() * max);

export function oracle(base, exponent, modulus) {
  const r = BigInt(bigInt(base.toString()).modPow(bigInt(exponent.toString()), bigInt(modulus.toString())).toString());
  return ((r % modulus) + modulus) % modulus;
}

/** Random cases, drawn once and shared by every variant (with the expected value precomputed). */
export function makeCases(count = 60) {
  const cases = [];
  const push = (base, exponent, modulus) => cases.push({ base, exponent, modulus, expected: oracle(base, exponent, modulus) });
  // SRP shapes: g^a, g^x, base^(a+ux) mod N
  for (let i = 0; i < count; i++) {
    push(2n, randomBits(1024), N);
    push(2n, randomBits(256), N);
    push(randomBits(3072) % N, randomBits(1024 + randomInt(300)), N);
  }
  // exponent lengths across the range, incl. lengths past any table, bases incl. negative and ≥ N
  for (let i = 0; i < count; i++) {
    const e = randomBits(randomInt(3101));
    push(2n, e, N);
    const sign = Math.random() < 0.3 ? -1n : 1n;
    push(sign * randomBits(randomInt(3200)), e, N);
  }
  // other moduli: small, odd, even, with base 2 (the shift path past the modulus) and random bases
  for (let i = 0; i < count * 3; i++) {
    const m = 1n + randomBits(1 + randomInt(400));
    push(2n, randomBits(randomInt(300)), m);
    push(randomBits(randomInt(500)) * (Math.random() < 0.3 ? -1n : 1n), randomBits(randomInt(300)), m);
    const odd = randomBits(64 + randomInt(3000)) | 1n;
    push(randomBits(randomInt(3200)), randomBits(randomInt(600)), odd);
  }
  // edges
  const edges = [
    [5n, 0n, N], [0n, 0n, 7n], [0n, 5n, 7n], [1n, 1n << 1000n, N], [N, 3n, N], [N + 2n, 10n, N], [-1n, 3n, N],
    [4n, 13n, 497n], [123n, 456n, 1n], [2n, 1n, N], [2n, 3071n, N], [2n, 3072n, N], [2n, (1n << 1024n) - 1n, N],
    [2n, 1n << 1023n, N], [2n, (N - 1n) / 2n, N], [2n, 5n, 2n], [2n, 5n, 3n], [2n, 100n, 4n], [3n, 7n, 3n], [2n, 1n, 5n],
    [N - 1n, 2n, N], [2n, 255n, N], [2n, 256n, N], [2n, 257n, N],
  ];
  for (const [b, e, m] of edges) push(b, e, m);
  return cases;
}

/** Throws with the first wrong case; returns the number of cases checked. */
export function verify(name, modPow, cases) {
  for (const c of cases) {
    const got = modPow(c.base, c.exponent, c.modulus);
    if (got !== c.expected) {
      throw new Error(
        `${name}: wrong result for base ${c.base.toString(16).slice(0, 20)}… (${c.base.toString(2).length} bits), ` +
          `exponent of ${c.exponent.toString(2).length} bits, modulus of ${c.modulus.toString(2).length} bits`,
      );
    }
  }
  return cases.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const variants = await import('./variants.mjs');
  const { loadCandidate } = await import('./candidate.mjs');
  const kit = await import('@cognito-kit/srp');
  const cases = makeCases();
  const all = {
    'cognito-kit modPow (dist)': kit.modPow,
    'current(5,8) copy': variants.current(5, 8),
    'montgomery(5,8)': variants.montgomery(5, 8),
    'barrett(5,8)': variants.barrett(5, 8),
    'fixedBase(5)': variants.fixedBase(5),
    'fixedBase(6, eager)': variants.fixedBase(6, { eager: true }),
    'comb(8)': variants.comb(8),
    naive: variants.naive,
    'candidate ($MODPOW_CANDIDATE)': (await loadCandidate()).modPow,
  };
  for (const [name, f] of Object.entries(all)) console.log(`${name.padEnd(34)} ${verify(name, f, cases)} cases ok`);
}

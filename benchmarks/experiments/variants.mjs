// modPow variants on native bigint, for benchmarks/experiments/run.mjs. Each factory returns a function
// `(base, exponent, modulus) => bigint` with the same contract as @cognito-kit/srp's modPow for non-negative
// exponents and moduli ≥ 1 (the argument checks of the real function are left out of every variant alike).
//
//   current(slide, shift)   a copy of packages/srp/src/modpow.ts with the window sizes as parameters
//   montgomery(slide, shift) the same two paths with Montgomery multiplication, R = 2^bitlength(m) (odd m only)
//   barrett(slide, shift)    the same two paths with Barrett reduction
//   fixedBase(w, options)    base 2 mod N by Yao's fixed-base method on a table of 2^(2^(w·i)) mod N
//                            (built lazily, eagerly at creation, or only after `after` calls); other bases and
//                            moduli: current(5, 8)
//   comb(h, options)         base 2 mod N by the Lim–Lee comb (h rows, 2^h entries, exponents ≤ 1024 bits)

// The group modulus, from the package (one definition of N).
import { N } from '@cognito-kit/srp';
export { N };

/** Normalises like the real modPow, then dispatches to `two(e, m)` for base 2 and `general(b, e, m)` otherwise. */
function wrap(two, general) {
  return (base, exponent, modulus) => {
    if (modulus === 1n) return 0n;
    let b = base % modulus;
    if (b < 0n) b += modulus;
    if (exponent === 0n) return 1n;
    if (b === 0n || b === 1n) return b;
    return b === 2n ? two(exponent, modulus) : general(b, exponent, modulus);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The current code, parametrised (a copy of packages/srp/src/modpow.ts)
// ---------------------------------------------------------------------------------------------------------------

function powerOfTwoShift(exponent, modulus, W) {
  const bits = exponent.toString(2);
  const lead = bits.length % W || W;
  let result = (1n << BigInt(parseInt(bits.slice(0, lead), 2))) % modulus;
  for (let i = lead; i < bits.length; i += W) {
    for (let s = 0; s < W; s++) result = (result * result) % modulus;
    const window = parseInt(bits.slice(i, i + W), 2);
    if (window !== 0) result = (result << BigInt(window)) % modulus;
  }
  return result;
}

function slidingWindow(base, exponent, modulus, W) {
  const bits = exponent.toString(2);
  const oddPowers = [base];
  const square = (base * base) % modulus;
  for (let i = 1; i < 1 << (W - 1); i++) oddPowers.push((oddPowers[i - 1] * square) % modulus);
  let result = 1n;
  let started = false;
  let i = 0;
  while (i < bits.length) {
    if (bits.charCodeAt(i) === 48) {
      if (started) result = (result * result) % modulus;
      i++;
      continue;
    }
    let end = Math.min(i + W, bits.length);
    while (bits.charCodeAt(end - 1) === 48) end--;
    const window = parseInt(bits.slice(i, end), 2);
    if (started) {
      for (let s = i; s < end; s++) result = (result * result) % modulus;
      result = (result * oddPowers[(window - 1) >> 1]) % modulus;
    } else {
      result = oddPowers[(window - 1) >> 1];
      started = true;
    }
    i = end;
  }
  return result;
}

export function current(slide = 5, shift = 8) {
  return wrap(
    (e, m) => powerOfTwoShift(e, m, shift),
    (b, e, m) => slidingWindow(b, e, m, slide),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Generic engines: the two paths over an abstract modular multiplication (used by Montgomery and Barrett)
// ---------------------------------------------------------------------------------------------------------------

/** ctx: { mul(x, y), sqr(x), toDomain(x), fromDomain(x), shiftMod(x, w), one } on reduced domain values. */
function engineShift(ctx, exponent, W) {
  const bits = exponent.toString(2);
  const lead = bits.length % W || W;
  let r = ctx.toDomain(1n << BigInt(parseInt(bits.slice(0, lead), 2)));
  for (let i = lead; i < bits.length; i += W) {
    for (let s = 0; s < W; s++) r = ctx.sqr(r);
    const window = parseInt(bits.slice(i, i + W), 2);
    if (window !== 0) r = ctx.shiftMod(r, BigInt(window));
  }
  return ctx.fromDomain(r);
}

function engineSliding(ctx, base, exponent, W) {
  const bits = exponent.toString(2);
  const b = ctx.toDomain(base);
  const odd = [b];
  const sq = ctx.sqr(b);
  for (let i = 1; i < 1 << (W - 1); i++) odd.push(ctx.mul(odd[i - 1], sq));
  let r;
  let i = 0;
  while (i < bits.length) {
    if (bits.charCodeAt(i) === 48) {
      if (r !== undefined) r = ctx.sqr(r);
      i++;
      continue;
    }
    let end = Math.min(i + W, bits.length);
    while (bits.charCodeAt(end - 1) === 48) end--;
    const window = parseInt(bits.slice(i, end), 2);
    if (r !== undefined) {
      for (let s = i; s < end; s++) r = ctx.sqr(r);
      r = ctx.mul(r, odd[(window - 1) >> 1]);
    } else {
      r = odd[(window - 1) >> 1];
    }
    i = end;
  }
  return ctx.fromDomain(r);
}

function bitLength(x) {
  return x.toString(2).length;
}

/** -m^-1 mod 2^k for odd m, by Newton–Hensel lifting (inverse doubles its precision each step). */
function negInversePow2(m, k) {
  let inv = 1n; // m·1 ≡ 1 mod 2
  for (let bits = 1; bits < k; bits *= 2) {
    const mod = BigInt(Math.min(2 * bits, k));
    inv = BigInt.asUintN(Number(mod), inv * (2n - m * inv));
  }
  return BigInt.asUintN(k, -inv);
}

const montContexts = new Map();
function montgomeryContext(m) {
  let ctx = montContexts.get(m);
  if (ctx) return ctx;
  const k = bitLength(m);
  const K = BigInt(k);
  const mPrime = negInversePow2(m, k);
  const redc = (T) => {
    const q = BigInt.asUintN(k, BigInt.asUintN(k, T) * mPrime);
    const t = (T + q * m) >> K;
    return t >= m ? t - m : t;
  };
  ctx = {
    mul: (x, y) => redc(x * y),
    sqr: (x) => redc(x * x),
    toDomain: (x) => (x << K) % m,
    fromDomain: (x) => redc(x),
    // x·2^w in the domain is mont(v)·2^w = mont(v·2^w): a shift and a short reduction, as in the plain path
    shiftMod: (x, w) => (x << w) % m,
  };
  montContexts.set(m, ctx);
  return ctx;
}

export function montgomery(slide = 5, shift = 8) {
  const fallback = current(slide, shift);
  return wrap(
    (e, m) => ((m & 1n) === 1n && m > 3n ? engineShift(montgomeryContext(m), e, shift) : fallback(2n, e, m)),
    (b, e, m) => ((m & 1n) === 1n && m > 3n ? engineSliding(montgomeryContext(m), b, e, slide) : fallback(b, e, m)),
  );
}

const barrettContexts = new Map();
function barrettContext(m) {
  let ctx = barrettContexts.get(m);
  if (ctx) return ctx;
  const k = BigInt(bitLength(m));
  const mu = (1n << (2n * k)) / m;
  const km1 = k - 1n;
  const kp1 = k + 1n;
  const reduce = (T) => {
    // T < m^2 < 2^2k: q underestimates floor(T/m) by at most 2 (HAC 14.42)
    let r = T - (((T >> km1) * mu) >> kp1) * m;
    while (r >= m) r -= m;
    return r;
  };
  ctx = {
    mul: (x, y) => reduce(x * y),
    sqr: (x) => reduce(x * x),
    toDomain: (x) => x % m,
    fromDomain: (x) => x,
    shiftMod: (x, w) => (x << w) % m,
  };
  barrettContexts.set(m, ctx);
  return ctx;
}

export function barrett(slide = 5, shift = 8) {
  const fallback = current(slide, shift);
  return wrap(
    (e, m) => (m > 3n ? engineShift(barrettContext(m), e, shift) : fallback(2n, e, m)),
    (b, e, m) => (m > 3n ? engineSliding(barrettContext(m), b, e, slide) : fallback(b, e, m)),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Fixed base 2 mod N: Yao's method (BGMW) on a table G[i] = 2^(2^(w·i)) mod N
// ---------------------------------------------------------------------------------------------------------------

/**
 * @param w window bits
 * @param options.eager build the table for `eagerBits`-bit exponents when the factory is called (module load)
 * @param options.eagerBits default 1024
 * @param options.maxBits exponents longer than this take the shift path (default 3072)
 * @param options.slide sliding window bits for other bases (default 5)
 * @param options.after the first `after` calls of 2^e mod N take the shift path and build no table (default 0)
 */
export function fixedBase(w, options = {}) {
  const { eager = false, eagerBits = 1024, maxBits = 3072, slide = 5, shift = 8, after = 0 } = options;
  let shiftCalls = 0;
  const W = BigInt(w);
  const mask = (1n << W) - 1n;
  const table = [2n];
  const grow = (digits) => {
    while (table.length < digits) {
      let x = table[table.length - 1];
      for (let s = 0; s < w; s++) x = (x * x) % N;
      table.push(x);
    }
  };
  if (eager) grow(Math.ceil(eagerBits / w));

  const yao = (exponent) => {
    const digits = Math.ceil(bitLength(exponent) / w);
    grow(digits);
    // buckets[d] = indices i whose digit is d
    const buckets = Array.from({ length: 1 << w }, () => []);
    let e = exponent;
    for (let i = 0; i < digits; i++) {
      const d = Number(e & mask);
      if (d !== 0) buckets[d].push(i);
      e >>= W;
    }
    // A = Π_d (Π_{i: e_i = d} G_i)^d  =  Π_{d = h-1}^{1} B_d   with B_d = Π_{e_i ≥ d} G_i
    let A = 1n;
    let B = 1n;
    let aStarted = false;
    let bStarted = false;
    for (let d = (1 << w) - 1; d >= 1; d--) {
      for (const i of buckets[d]) {
        if (bStarted) B = (B * table[i]) % N;
        else {
          B = table[i];
          bStarted = true;
        }
      }
      if (bStarted) {
        if (aStarted) A = (A * B) % N;
        else {
          A = B;
          aStarted = true;
        }
      }
    }
    return A;
  };
  const other = current(slide, shift);
  return wrap(
    (e, m) => {
      if (m === N && bitLength(e) <= maxBits) {
        if (shiftCalls >= after) return yao(e);
        shiftCalls++;
      }
      return other(2n, e, m);
    },
    (b, e, m) => other(b, e, m),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Fixed base 2 mod N: Lim–Lee comb, h rows of ceil(bits/h) columns, one table of 2^h entries
// ---------------------------------------------------------------------------------------------------------------

export function comb(h, options = {}) {
  const { bits = 1024, eager = false, slide = 5, shift = 8 } = options;
  const cols = Math.ceil(bits / h);
  let table = null;
  const build = () => {
    // rowBase[j] = 2^(2^(j·cols)) mod N; table[mask] = Π_{j in mask} rowBase[j]
    const rowBase = [2n];
    for (let j = 1; j < h; j++) {
      let x = rowBase[j - 1];
      for (let s = 0; s < cols; s++) x = (x * x) % N;
      rowBase.push(x);
    }
    table = new Array(1 << h);
    table[0] = 1n;
    for (let m = 1; m < 1 << h; m++) {
      const low = m & -m;
      const j = 31 - Math.clz32(low);
      const rest = m ^ low;
      table[m] = rest === 0 ? rowBase[j] : (table[rest] * rowBase[j]) % N;
    }
  };
  if (eager) build();
  const run = (exponent) => {
    if (table === null) build();
    const bitsStr = exponent.toString(2).padStart(cols * h, '0');
    // bit (j·cols + c) of e lives at string index L-1-(j·cols + c)
    const L = bitsStr.length;
    let r = 1n;
    let started = false;
    for (let c = cols - 1; c >= 0; c--) {
      if (started) r = (r * r) % N;
      let idx = 0;
      for (let j = 0; j < h; j++) if (bitsStr.charCodeAt(L - 1 - (j * cols + c)) === 49) idx |= 1 << j;
      if (idx !== 0) {
        if (started) r = (r * table[idx]) % N;
        else {
          r = table[idx];
          started = true;
        }
      }
    }
    return started ? r : 1n;
  };
  const other = current(slide, shift);
  return wrap(
    (e, m) => (m === N && bitLength(e) <= cols * h ? run(e) : other(2n, e, m)),
    (b, e, m) => other(b, e, m),
  );
}

/** The naive square-and-multiply on bigint (right to left), the baseline every variant should beat. */
export function naive(base, exponent, modulus) {
  if (modulus === 1n) return 0n;
  let b = base % modulus;
  if (b < 0n) b += modulus;
  let r = 1n;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return r;
}

/**
 * Base 2 mod N by the Lim–Lee comb whose h-1 row bases 2^(2^(j·cols)) mod N would be shipped as constants
 * (h-1 numbers of 384 bytes in the bundle); here they are computed when the factory is called and not timed.
 * The 2^h-entry table is built from them on every call (`cache: false`, the first call of a process) or once.
 * Only exponents of up to `bits` bits; others take the shift path.
 */
export function shippedComb(h, options = {}) {
  const { bits = 1024, cache = false } = options;
  const cols = Math.ceil(bits / h);
  const rowBase = [2n];
  for (let j = 1; j < h; j++) {
    let x = rowBase[j - 1];
    for (let s = 0; s < cols; s++) x = (x * x) % N;
    rowBase.push(x);
  }
  let cached = null;
  const buildTable = () => {
    const table = new Array(1 << h);
    table[0] = 1n;
    for (let m = 1; m < 1 << h; m++) {
      const low = m & -m;
      const j = 31 - Math.clz32(low);
      const rest = m ^ low;
      table[m] = rest === 0 ? rowBase[j] : (table[rest] * rowBase[j]) % N;
    }
    return table;
  };
  const run = (exponent) => {
    const table = cache ? (cached ??= buildTable()) : buildTable();
    const bitsStr = exponent.toString(2).padStart(cols * h, '0');
    const L = bitsStr.length;
    let r = 1n;
    let started = false;
    for (let c = cols - 1; c >= 0; c--) {
      if (started) r = (r * r) % N;
      let idx = 0;
      for (let j = 0; j < h; j++) if (bitsStr.charCodeAt(L - 1 - (j * cols + c)) === 49) idx |= 1 << j;
      if (idx !== 0) {
        if (started) r = (r * table[idx]) % N;
        else {
          r = table[idx];
          started = true;
        }
      }
    }
    return started ? r : 1n;
  };
  const other = current(5, 8);
  return wrap(
    (e, m) => (m === N && bitLength(e) <= cols * h ? run(e) : other(2n, e, m)),
    (b, e, m) => other(b, e, m),
  );
}

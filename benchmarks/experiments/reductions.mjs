// What beats V8's bigint `%` for reduction mod the 3072-bit N? Each idea is checked against plain `%` on random
// inputs, then timed in one run: one modular multiplication of two residues, and the whole client S = base^(a+u·x)
// (1025-bit exponent, sliding window of 5) built on it. Writes experiments/REDUCTIONS.md.
//
// node experiments/reductions.mjs [--quick] [--no-write]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTime, machineLine, markdownTable, timeGroup } from '../lib/measure.mjs';
import { kit } from '../lib/fixture.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const write = !process.argv.includes('--no-write');
const timing = quick ? { rounds: 1, minCpuMs: 100, minSamples: 5 } : { rounds: 6, minCpuMs: 150, minSamples: 5 };
const { N } = kit;
const started = Date.now();

// deterministic pseudo-random residues (xorshift), so every run times the same operands
let seed = 0x9e3779b97f4a7c15n;
function random(bits) {
  let value = 0n;
  for (let i = 0; i < bits; i += 64) {
    seed ^= (seed << 13n) & 0xffffffffffffffffn;
    seed ^= seed >> 7n;
    seed ^= (seed << 17n) & 0xffffffffffffffffn;
    value = (value << 64n) | seed;
  }
  return BigInt.asUintN(bits, value);
}

/** -N^-1 mod 2^bits, by Newton's iteration. */
function negatedInverse(bits) {
  let inverse = 1n;
  for (let b = 1; b < bits; b *= 2) inverse = BigInt.asUintN(bits, inverse * (2n - N * inverse));
  return BigInt.asUintN(bits, -inverse);
}

/** Montgomery with R = 2^(sum of chunks); `lazy` keeps values in [0, 2N) (needs R > 4N) and skips the subtraction. */
function montgomery(chunks, { lazy = false } = {}) {
  const rBits = chunks.reduce((s, c) => s + c, 0);
  const steps = chunks.map((c) => ({ bits: c, shift: BigInt(c), np: negatedInverse(c) }));
  const reduce = (t) => {
    for (const { bits, shift, np } of steps) t = (t + BigInt.asUintN(bits, BigInt.asUintN(bits, t) * np) * N) >> shift;
    return lazy || t < N ? t : t - N;
  };
  const R = BigInt(rBits);
  return {
    multiply: (x, y) => reduce(x * y),
    into: (x) => (x << R) % N,
    out: (x) => {
      const r = reduce(x);
      return r >= N ? r - N : r;
    },
  };
}

function barrett() {
  const mu = (1n << 6144n) / N;
  return {
    multiply: (x, y) => {
      const t = x * y;
      let r = t - (((t >> 3071n) * mu) >> 3073n) * N;
      while (r >= N) r -= N;
      return r;
    },
    into: (x) => x,
    out: (x) => x,
  };
}

const plain = { multiply: (x, y) => (x * y) % N, into: (x) => x, out: (x) => x };

const reductions = {
  '`%` (V8 schoolbook division)': plain,
  Barrett: barrett(),
  'Montgomery, R = 2^3072 in one step': montgomery([3072]),
  'Montgomery, 2 × 1536 bits': montgomery([1536, 1536]),
  'Montgomery, 3 × 1024 bits (adopted)': montgomery([1024, 1024, 1024]),
  'Montgomery, 4 × 768 bits': montgomery([768, 768, 768, 768]),
  'Montgomery, 6 × 512 bits': montgomery(Array(6).fill(512)),
  'Montgomery, 12 × 256 bits': montgomery(Array(12).fill(256)),
  'Montgomery, 1024+1025+1025 bits, lazy (no final subtraction)': montgomery([1024, 1025, 1025], { lazy: true }),
};

/** base^e by a left-to-right sliding window of 5 bits over `r`'s multiplication. */
function power(r, base, exponent) {
  const bits = exponent.toString(2);
  const b = r.into(base);
  const odd = [b];
  const square = r.multiply(b, b);
  for (let i = 1; i < 16; i++) odd.push(r.multiply(odd[i - 1], square));
  let result = 0n;
  let started = false;
  for (let i = 0; i < bits.length; ) {
    if (bits[i] === '0') {
      if (started) result = r.multiply(result, result);
      i++;
      continue;
    }
    let end = Math.min(i + 5, bits.length);
    while (bits[end - 1] === '0') end--;
    const window = parseInt(bits.slice(i, end), 2);
    if (started) {
      for (let s = i; s < end; s++) result = r.multiply(result, result);
      result = r.multiply(result, odd[(window - 1) >> 1]);
    } else {
      result = odd[(window - 1) >> 1];
      started = true;
    }
    i = end;
  }
  return r.out(result);
}

/** "Avoid reductions": square twice, reduce once (the 12288-bit product costs more than the reduction saved). */
function squareTwiceReduceOnce(x) {
  const t = x * x;
  return (t * t) % N;
}

// ---- check every idea first -----------------------------------------------------------------------------------
const xs = Array.from({ length: 64 }, () => random(3072) % N);
const edgeResidues = [0n, 1n, N - 1n, N - 2n, (N - 1n) / 2n, 1n << 3071n];
for (const [name, r] of Object.entries(reductions)) {
  for (const x of [...xs, ...edgeResidues]) {
    for (const y of [xs[0], N - 1n, 1n]) {
      const got = r.out(r.multiply(r.into(x), r.into(y)));
      if (got !== (x * y) % N) throw new Error(`${name} multiplies wrong`);
    }
  }
  const e = random(1025);
  if (power(r, xs[1], e) !== kit.modPow(xs[1], e, N)) throw new Error(`${name} exponentiates wrong`);
}
for (const x of xs.slice(0, 8)) if (squareTwiceReduceOnce(x) !== kit.modPow(x, 4n, N)) throw new Error('square twice');
console.log(`every reduction agrees with % and modPow on ${xs.length + edgeResidues.length} residues and a 1025-bit power`);

// ---- allocation per multiplication ------------------------------------------------------------------------------
// V8 heap bytes one multiplication allocates (its garbage): measured in a child process whose young generation is
// large enough that no GC runs between the two readings of the used heap size.
const ALLOC_RUNS = 400;
if (process.argv.includes('--alloc-child')) {
  const { getHeapStatistics } = await import('node:v8');
  const bytes = {};
  for (const [name, r] of Object.entries(reductions)) {
    const [mx, my] = [r.into(xs[0]), r.into(xs[1])];
    for (let i = 0; i < 200; i++) r.multiply(mx, my);
    globalThis.gc();
    const before = getHeapStatistics().used_heap_size;
    for (let i = 0; i < ALLOC_RUNS; i++) r.multiply(mx, my);
    bytes[name] = (getHeapStatistics().used_heap_size - before) / ALLOC_RUNS;
  }
  console.log(JSON.stringify(bytes));
  process.exit(0);
}
const allocChild = spawnSync(process.execPath, ['--expose-gc', '--min-semi-space-size=256', '--max-semi-space-size=256', fileURLToPath(import.meta.url), '--alloc-child'], { encoding: 'utf8' });
if (allocChild.status !== 0) throw new Error(`allocation child: ${allocChild.stderr}`);
const allocated = JSON.parse(allocChild.stdout.trim().split('\n').pop());
console.log('allocated per multiplication:', Object.entries(allocated).map(([name, b]) => `${name} ${Math.round(b)} B`).join('; '));

// ---- timing ---------------------------------------------------------------------------------------------------
const [x, y] = xs;
const base = xs[2];
const e1025 = random(1024) | (1n << 1024n);
const e513 = random(512) | (1n << 512n);
const tables = [];
async function group(title, entries, bytesPerCall) {
  const results = await timeGroup(entries, timing);
  const baseline = results[0];
  console.log(title);
  for (const r of results) console.log(`  ${r.name.padEnd(64)} ${formatTime(r.median).padStart(10)}  ${(r.median / baseline.median).toFixed(2)}×`);
  const allocation = (name) => (bytesPerCall?.[name] === undefined ? [] : [`${(bytesPerCall[name] / 1024).toFixed(2)} KiB`]);
  tables.push(`## ${title}\n\n` + markdownTable(
    ['reduction', 'median', 'vs `%`', 'min', 'min vs `%`', ...(bytesPerCall ? ['allocated per call'] : [])],
    results.map((r) => [r.name, formatTime(r.median), `${(r.median / baseline.median).toFixed(2)}×`, formatTime(r.min), `${(r.min / baseline.min).toFixed(2)}×`, ...(bytesPerCall ? allocation(r.name).concat(allocation(r.name).length ? [] : ['–']) : [])]),
  ));
}

await group('one modular multiplication of two 3072-bit residues (operands in each method\'s own form)', [
  ...Object.entries(reductions).map(([name, r]) => {
    const [mx, my] = [r.into(x), r.into(y)];
    return { name, fn: () => r.multiply(mx, my) };
  }),
  { name: 'the product alone (x·y, no reduction)', fn: () => x * y },
  { name: 'x² alone', fn: () => x * x },
  { name: 'square twice, then one `%` (counts as two steps)', fn: () => squareTwiceReduceOnce(x) },
], allocated);
await group('S = base^e, e of 1025 bits (the default 1024-bit a: a + u·x)', Object.entries(reductions).map(([name, r]) => ({ name, fn: () => power(r, base, e1025) })));
await group('S = base^e, e of 513 bits (privateValueBits: 256)', Object.entries(reductions).map(([name, r]) => ({ name, fn: () => power(r, base, e513) })));

const report = `# Reductions mod N: what beats V8's \`%\`

Run: ${new Date().toISOString()} · ${machineLine()} · \`cd benchmarks && node experiments/reductions.mjs${quick ? ' --quick' : ''}\` (${Math.round((Date.now() - started) / 1000)} s)

Every method was first checked against \`(x·y) % N\` on ${xs.length + edgeResidues.length} residues (0, 1, N−1, 2^3071 among them) and against
modPow on a 1025-bit exponent. Medians of ${timing.rounds} round(s), order reversed every other round; ratios against \`%\` in the same
table. The machine is shared (2 cores): compare ratios within a table, and mins when the medians spread.

Why: a 6144 / 3072-bit \`%\` is a schoolbook division in V8 (48 64-bit digits is below its Burnikel–Ziegler threshold),
about two multiplications. Barrett and one-step Montgomery replace it by two full 3072-bit multiplications (V8 has no
half or truncated product), so they tie. Montgomery in chunks multiplies a c-bit m by N per chunk; summed over the
chunks that is one full product plus 3072·c/2 bit-products for m, so chunks of 768–1536 bits cost less than \`%\`, and
smaller chunks lose to per-operation overhead. Keeping values in [0, 2N) (R = 2^3074) saves the last comparison
only. Squaring twice before reducing doubles the operand and loses. Allocation (V8 heap bytes per multiplication,
garbage included; a child process with a 256 MB young generation, so no GC runs while it is read) falls with fewer,
larger chunks, and \`%\` allocates least; none of the cuts is free: each costs time per multiplication. Not tried because they cannot win on V8: limbs
in typed arrays (V8's bigint digit loops are C++), WebAssembly (not allowed from bytes on Cloudflare Workers).

${tables.join('\n\n')}
`;
if (write) writeFileSync(join(HERE, 'REDUCTIONS.md'), report);
console.log(write ? 'wrote experiments/REDUCTIONS.md' : '(not written: --no-write)');

// cognito-kit's fixed-base tables for 2^e mod N, in a fresh process (started by run.mjs with --expose-gc), following
// packages/srp/src/modpow.ts and fixed-base.ts: a process's first 2^e with a 1024-bit exponent takes the shift path,
// the second builds the long comb; the first 2^e with an exponent of up to 512 bits builds Yao's table, and after
// 16 exponents of up to 256 bits the short comb is built. This times each building call against later calls and
// takes the heap each build retains after a full GC.
import v8 from 'node:v8';

const [file, aHex, xHex, clock = 'wall'] = process.argv.slice(2);
const { kit } = await import(file);
const a = BigInt('0x' + aHex);
const x = BigInt('0x' + xHex);
/** ms, on the wall clock or (clock = cpu) the process's CPU time, as run.mjs's --clock */
const now = clock === 'cpu' ? () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; } : () => performance.now();
const time = (f) => {
  const t0 = now();
  f();
  return now() - t0;
};
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return v8.getHeapStatistics().used_heap_size;
};
const medianOf = (f, n = 9) => Array.from({ length: n }, () => time(f)).sort((p, q) => p - q)[n >> 1];
const ga = () => kit.modPow(2n, a, kit.N);
const gx = () => kit.modPow(2n, x, kit.N);

const first = time(ga); // shift path
const h0 = heap();
const second = time(ga); // builds the long comb
const h1 = heap();
const later = medianOf(ga);
const h2 = heap();
const xFirst = time(gx); // builds Yao's table
const h3 = heap();
const xYao = medianOf(gx, 15); // 16 short exponents in all: the next one builds the short comb
const h4 = heap();
const xCombFirst = time(gx);
const h5 = heap();
const xLater = medianOf(gx);
console.log(JSON.stringify({ first, second, later, tableBytes: h1 - h0, xFirst, xYao, xTableBytes: h3 - h2, xCombFirst, xLater, xCombBytes: h5 - h4 }));

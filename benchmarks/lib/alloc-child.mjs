// Bytes allocated per login, in a child process started by run.mjs as
//   node --expose-gc --min-semi-space-size=<MB> --max-semi-space-size=<MB> alloc-child.mjs <bundle> <adapter> <N>
// The young generation is made large enough that N logins fit without a collection. After a warm-up (JIT, caches,
// cognito-kit's fixed-base table) and a full GC, V8's used heap size is read before and after N logins; with no GC
// in between (checked with PerformanceObserver 'gc' entries) the difference is everything the N logins allocated on
// the V8 heap, garbage included. Memory outside the V8 heap (OpenSSL's, Buffers' backing stores) is reported apart,
// as the change of process.memoryUsage().external.
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

const [file, name, countText, warmText = '4'] = process.argv.slice(2);
const count = Number(countText);
const mod = await import(file);
const adapter = mod.adapters.find((a) => a.name === name);
if (!adapter) throw new Error(`no adapter ${name} in ${file}`);

for (let i = 0; i < Number(warmText); i++) await adapter.login();
const entries = [];
const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
observer.observe({ entryTypes: ['gc'] });
globalThis.gc();
globalThis.gc();
await new Promise((r) => setTimeout(r, 20));

const t0 = performance.now();
const h0 = v8.getHeapStatistics().used_heap_size;
const e0 = process.memoryUsage().external;
for (let i = 0; i < count; i++) await adapter.login();
const h1 = v8.getHeapStatistics().used_heap_size;
const e1 = process.memoryUsage().external;
const t1 = performance.now();
await new Promise((r) => setTimeout(r, 50));
observer.disconnect();
const gcs = entries.filter((e) => e.startTime >= t0 && e.startTime <= t1).length;
console.log(JSON.stringify({ name, count, bytesPerLogin: (h1 - h0) / count, externalPerLogin: (e1 - e0) / count, gcs }));

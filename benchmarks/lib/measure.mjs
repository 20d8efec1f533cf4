// Timing with mitata's `measure`, in rounds: every entry of a group is measured once per round, the order reversed
// on every other round, and the samples of all rounds are pooled before the median is taken. On a shared machine
// this spreads slow phases over every entry of a group instead of letting them land on one.
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { measure } from 'mitata';

/**
 * @param entries [{ name, fn, setup? }] (fn may be async). With `setup`, every iteration calls `setup()` first,
 *   outside the timed region (mitata's computed parameters), and times `fn(setup())` only.
 * @param options.rounds rounds (default 2)
 * @param options.minCpuMs mitata's min_cpu_time per entry and round, in ms (default 250)
 * @param options.now the clock in ns (default mitata's wall clock; {@link cpuClock} for the process's CPU time)
 * @returns [{ name, median, p25, p75, min, samples, roundMedians }] in ns, in the order of `entries`; roundMedians
 *   holds the median of each round (same round = same conditions, for per-round ratios)
 */
export async function timeGroup(entries, { rounds = 2, minCpuMs = 250, minSamples = 8, now } = {}) {
  const pooled = new Map(entries.map((e) => [e.name, []]));
  const perRound = new Map(entries.map((e) => [e.name, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? entries : [...entries].reverse();
    for (const { name, fn, setup } of order) {
      const options = { min_cpu_time: minCpuMs * 1e6, min_samples: minSamples };
      if (now) options.now = now;
      if (setup) options.params = { 0: setup };
      // a function declaring a parameter would be taken by mitata for its iterator style: pass the computed one on
      const timed = setup ? function () { return fn(arguments[0]); } : fn;
      const stats = await measure(timed, options);
      pooled.get(name).push(...stats.samples);
      perRound.get(name)[r] = median([...stats.samples].sort((a, b) => a - b));
    }
  }
  return entries.map(({ name }) => {
    const s = pooled.get(name).sort((a, b) => a - b);
    const at = (q) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
    return { name, median: median(s), p25: at(0.25), p75: at(0.75), min: s[0], samples: s.length, roundMedians: perRound.get(name) };
  });
}

/** Median over rounds of (median of `result` in the round / median of `base` in the same round). */
export function perRoundRatio(result, base) {
  const ratios = result.roundMedians.map((m, i) => m / base.roundMedians[i]).sort((a, b) => a - b);
  return median(ratios);
}

export function median(sorted) {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** "12.3 ms", "45.6 µs", "789 ns" */
export function formatTime(ns) {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(ns >= 1e8 ? 0 : 2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

/** "×1.00", "×6.85 slower" style ratio of `ns` to `baseNs`. */
export function formatRatio(ns, baseNs) {
  const r = ns / baseNs;
  return `${r.toFixed(2)}×`;
}

export function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {}
  return cpus()[0]?.model ?? 'unknown';
}

export function machineLine() {
  return `Node ${process.version} on ${process.platform}/${process.arch}, CPU: ${cpuModel()} (${cpus().length} logical cores)`;
}

/** A Markdown table from rows of cells. */
export function markdownTable(header, rows, align) {
  const sep = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [header, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/**
 * A and B timed alternately (A B, then B A, …) `pairs` times, each call once with performance.now(): for ratios of
 * two millisecond-scale operations on a busy machine, where each pair sees the same conditions.
 * @returns { ratio: median of B/A over the pairs, a: median A (ns), b: median B (ns), pairs }
 */
export async function pairedRatio(fnA, fnB, pairs, now = () => performance.now() * 1e6) {
  const ta = [];
  const tb = [];
  const ratios = [];
  const time = async (f) => {
    const t0 = now();
    await f();
    return now() - t0;
  };
  await fnA();
  await fnB();
  for (let i = 0; i < pairs; i++) {
    let a;
    let b;
    if (i % 2 === 0) {
      a = await time(fnA);
      b = await time(fnB);
    } else {
      b = await time(fnB);
      a = await time(fnA);
    }
    ta.push(a);
    tb.push(b);
    ratios.push(b / a);
  }
  const sorted = (xs) => [...xs].sort((x, y) => x - y);
  return { ratio: median(sorted(ratios)), a: median(sorted(ta)), b: median(sorted(tb)), pairs };
}

/**
 * The CPU time of this process (user + system, all threads, microsecond resolution) in ns: unlike the wall clock it
 * does not count the time other processes hold the cores, so it is the steadier clock on a shared machine. It does
 * count V8's helper threads (parallel scavenges, concurrent compilation) while they run.
 */
export function cpuClock() {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

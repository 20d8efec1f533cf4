// Timing with mitata's `measure`, in rounds: every entry of a group is measured once per round, the order reversed
// on every other round, and the samples of all rounds are pooled before the median is taken. On a shared machine
// this spreads slow phases over every entry of a group instead of letting them land on one.
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { measure } from 'mitata';

/**
 * @param entries [{ name, fn }] (fn may be async)
 * @param options.rounds rounds (default 2)
 * @param options.minCpuMs mitata's min_cpu_time per entry and round, in ms (default 250)
 * @returns [{ name, median, p25, p75, min, samples }] in ns, in the order of `entries`
 */
export async function timeGroup(entries, { rounds = 2, minCpuMs = 250, minSamples = 8 } = {}) {
  const pooled = new Map(entries.map((e) => [e.name, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? entries : [...entries].reverse();
    for (const { name, fn } of order) {
      const stats = await measure(fn, { min_cpu_time: minCpuMs * 1e6, min_samples: minSamples });
      pooled.get(name).push(...stats.samples);
    }
  }
  return entries.map(({ name }) => {
    const s = pooled.get(name).sort((a, b) => a - b);
    const at = (q) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
    return { name, median: median(s), p25: at(0.25), p75: at(0.75), min: s[0], samples: s.length };
  });
}

function median(sorted) {
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

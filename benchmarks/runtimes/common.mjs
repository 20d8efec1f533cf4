// Shared helpers of the Node-side drivers.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export const median = (values) => {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const quantile = (values, q) => {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
};
/** median, p25, p75, min, max and n of a list of milliseconds (4 significant digits). */
export function stats(values) {
  const r = (v) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : null);
  return { medianMs: r(median(values)), p25Ms: r(quantile(values, 0.25)), p75Ms: r(quantile(values, 0.75)), minMs: r(quantile(values, 0)), maxMs: r(quantile(values, 1)), n: values.length };
}
export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
export const cpuModel = () => `${cpus()[0]?.model ?? 'unknown'} (${cpus().length} logical cores)`;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

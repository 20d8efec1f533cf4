// The chart of the main table: one horizontal bar per implementation (the full-login median), on a log scale, with
// its ratio to OpenSSL as the label. Plain SVG written by hand: no dependency.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ms = (ns) => ns / 1e6;
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/**
 * @param title, subtitle text lines
 * @param rows [{ name, ns, ratio, reference }] (ratio: × OpenSSL, or undefined)
 * @returns SVG text
 */
export function renderChart({ title, subtitle, rows }) {
  const labelW = 330;
  const plotW = 520;
  const right = 150;
  const barH = 22;
  const gap = 10;
  const top = 66;
  const width = labelW + plotW + right;
  const height = top + rows.length * (barH + gap) + 46;
  const values = rows.map((r) => ms(r.ns));
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values, 1)));
  const hi = Math.max(...values, 10) * 1.6;
  const X = (v) => labelW + (plotW * (Math.log10(v) - Math.log10(lo))) / (Math.log10(hi) - Math.log10(lo));
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" font-size="13">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="12" y="22" font-size="15" font-weight="600" fill="#111">${esc(title)}</text>`);
  out.push(`<text x="12" y="42" font-size="11" fill="#555">${esc(subtitle)}</text>`);
  const axisY = top + rows.length * (barH + gap);
  for (let d = lo; d <= hi; d *= 10) {
    const x = X(d).toFixed(1);
    out.push(`<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${axisY}" stroke="#ddd" stroke-width="1"/>`);
    out.push(`<text x="${x}" y="${axisY + 16}" text-anchor="middle" font-size="11" fill="#555">${d >= 1 ? d : d.toFixed(-Math.log10(d))} ms</text>`);
  }
  rows.forEach((r, i) => {
    const y = top + i * (barH + gap);
    const v = ms(r.ns);
    const w = Math.max(1, X(v) - labelW);
    const color = /OpenSSL/.test(r.name) ? '#7f7f7f' : /cognito-kit/.test(r.name) ? '#1f77b4' : '#e07b39';
    out.push(`<text x="${labelW - 8}" y="${y + barH / 2 + 4}" text-anchor="end" fill="#111">${esc(r.name)}</text>`);
    out.push(`<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${color}" rx="2"/>`);
    const label = `${fmt(v)} ms${r.ratio !== undefined ? ` · ${r.reference ? '1.00× (reference)' : `${r.ratio.toFixed(r.ratio >= 10 ? 0 : 2)}×`}` : ''}`;
    out.push(`<text x="${(labelW + w + 6).toFixed(1)}" y="${y + barH / 2 + 4}" fill="#111">${esc(label)}</text>`);
  });
  out.push(`<text x="${labelW}" y="${height - 8}" font-size="11" fill="#555">${esc('bars: median time of one full login; × = ratio to OpenSSL (node:crypto) in the same rounds')}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

#!/usr/bin/env node
// Renders benchmarks/chart.svg in headless Chromium (playwright-core, the root devDependency; /usr/bin/chromium or
// CHROMIUM_BIN) and writes a PNG screenshot, to look at the chart as a browser draws it. Not part of `pnpm bench`.
// Usage: node benchmarks/check-chart.mjs [out.png]   (default: .cache/chart.png)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BENCH_DIR } from './lib/vector.mjs';

const out = process.argv[2] ?? join(BENCH_DIR, '.cache/chart.png');
const svg = readFileSync(join(BENCH_DIR, 'chart.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('data:image/svg+xml;base64,' + Buffer.from(svg).toString('base64'));
  // a parse error makes Chromium show its XML error page instead of an <svg> root
  const root = await page.evaluate(() => document.documentElement?.localName);
  const box = await page.evaluate(() => document.documentElement.getBoundingClientRect().toJSON());
  if (root !== 'svg') throw new Error(`chart.svg did not parse as SVG (root: ${root})`);
  await page.setViewportSize({ width: Math.ceil(box.width), height: Math.ceil(box.height) });
  await page.screenshot({ path: out });
  console.log(`chart.svg renders (${Math.round(box.width)}×${Math.round(box.height)}, ${errors.length} console errors) → ${out}`);
} finally {
  await browser.close();
}

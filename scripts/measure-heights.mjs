#!/usr/bin/env node
// Measures the height each widget's embed page takes (what an iframe must reserve when the host
// page runs no resize script), in Chromium, at 640 px and 360 px wide, for a sample of members,
// and writes src/common/widget-heights.js, which the widget registry (src/common/widgets.js)
// reads: so the build, the builder and /oembed need no browser. Run it after a change that
// makes a widget taller (test/node/widget-heights.test.mjs fails when a widget outgrows it):
//   node scripts/build.mjs && node scripts/measure-heights.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { start } from '../server/index.mjs';
import { launch } from './lib/browser.mjs';

export const WIDTHS = [640, 360];

/** Widget → the attribute sets measured (the tallest one counts). */
export const SAMPLES = {
  'member-count': [{}, { state: 'NJ' }],
  principles: [{}],
  'city-stats': [
    { state: 'MD', city: 'Baltimore' },
    { state: 'IL', city: 'Chicago' },
    { state: 'AZ', city: 'Tucson' },
    { state: 'AL', city: 'Selma' },
  ],
  // An endpoint, so that the form shows (without one it shows a short "not set up" message).
  'join-form': [{ endpoint: 'https://example.org/join' }],
  'member-map': [{}],
};

/** Room left over the tallest sample (px), so that a longer name or note does not scroll at once. */
export const MARGIN = 24;

/**
 * The embed page's height (px) for `widget` with `attrs` at `width`, once the widget shows its content.
 * @param {import('playwright-core').Browser} browser
 */
export async function measure(browser, baseUrl, widget, attrs, width) {
  const context = await browser.newContext({ viewport: { width, height: 100 } });
  const page = await context.newPage();
  try {
    const query = new URLSearchParams({ widget, ...attrs });
    await page.goto(`${baseUrl}dist/embed/index.html?${query}`);
    await page.waitForFunction(
      (tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return !!root && root.childElementCount > 0 && !root.querySelector('[part="loading"], .skeleton');
      },
      `maig-${widget}`,
      { timeout: 20000 },
    );
    await page.waitForTimeout(300);
    return await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
  } finally {
    await context.close();
  }
}

/** Every widget's measured heights: { widget: { 640: px, 360: px, samples: { "MD Baltimore": { 640, 360 } } } }. */
export async function measureAll() {
  const server = await start({ port: 0 });
  const browser = await launch();
  try {
    const out = {};
    for (const [widget, samples] of Object.entries(SAMPLES)) {
      out[widget] = { samples: {} };
      for (const attrs of samples) {
        const label = widget === 'join-form' ? '(default)' : Object.values(attrs).join(' ') || '(default)';
        out[widget].samples[label] = {};
        for (const width of WIDTHS) out[widget].samples[label][width] = await measure(browser, server.url, widget, attrs, width);
      }
      for (const width of WIDTHS) out[widget][width] = Math.max(...Object.values(out[widget].samples).map((s) => s[width]));
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const heights = await measureAll();
  const samples = Object.entries(heights)
    .flatMap(([w, h]) => Object.entries(h.samples).map(([label, s]) => `//   ${w} ${label}: ${s[640]} (${s[360]})`))
    .join('\n');
  const text = `// Written by scripts/measure-heights.mjs: each widget's embed page height (px) in Chromium,
// [at 640 px wide, at 360 px wide], the tallest of its samples; the widget registry (widgets.js)
// reserves the 640 px height plus a margin. Re-measure after a change that makes a widget taller.
// Samples, at 640 (at 360):
${samples}
/** @type {Readonly<Record<string, readonly [number, number]>>} */
export const MEASURED = { ${Object.entries(heights).map(([w, h]) => `'${w}': [${h[640]}, ${h[360]}]`).join(', ')} };
`;
  writeFileSync('src/common/widget-heights.js', text);
  for (const [w, h] of Object.entries(heights)) console.log(`measure-heights: ${w}: ${h[640]} px at 640, ${h[360]} px at 360`);
}

// Foundation: entry sizes, a page that loads only the member count's element entry (no loader),
// and one with every widget through the loader. One-tag pages per widget: 15-one-tag.mjs.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSize, kb, measurePage, printRow } from '../lib/measure.mjs';

export const title = 'Foundation: bundle sizes and pages';

export async function run({ baseUrl, browser }) {
  const files = ['maig-widgets.js', 'maig-widgets-all.js', ...readdirSync('dist/elements').map((f) => `elements/${f}`), ...readdirSync('dist/chunks').filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)];
  for (const f of files.filter((f) => f.endsWith('.js'))) {
    const buf = readFileSync(`dist/${f}`);
    console.log(`${`dist/${f}`.padEnd(44)} ${kb(buf.length).padStart(9)} raw ${kb(gzipSize(buf)).padStart(8)} gzip`);
  }
  const count = await measurePage(browser, `${baseUrl}demo/bench/member-count.html`, () =>
    !!document.querySelector('maig-member-count')?.shadowRoot?.querySelector('[part="number"]'),
  );
  printRow('page: member-count entry only', count);
  console.log(`  requests: ${count.urls.join(', ')}`);
  const ready = () =>
    [...document.querySelectorAll('[data-bench-ready]')].every((el) => el.shadowRoot?.querySelector(el.getAttribute('data-bench-ready')));
  // The CMS-safe form: every placeholder became its element, and each shows its content.
  const readyDivs = () =>
    [...document.querySelectorAll('[data-maig-widget]')].every((div) => {
      const root = div.firstElementChild?.shadowRoot;
      return root && root.querySelector('.root') && !root.querySelector('[part="loading"]');
    });
  // Goal: CLS ≤ 0.1 without the optional stylesheet, in every form (the iframe form: 60-embed.mjs).
  printRow('page: every widget (tags)', await measurePage(browser, `${baseUrl}demo/bench/all.html`, ready));
  printRow('  same, CMS-safe divs', await measurePage(browser, `${baseUrl}demo/bench/all-div.html`, readyDivs));
  printRow('  same + maig-widgets.css', await measurePage(browser, `${baseUrl}demo/bench/all-reserved.html`, ready));
  for (const width of [360]) {
    const viewport = { width, height: 740 };
    printRow(`  ${width}px wide`, await measurePage(browser, `${baseUrl}demo/bench/all.html`, ready, { viewport }));
    printRow(`  ${width}px wide, CMS-safe divs`, await measurePage(browser, `${baseUrl}demo/bench/all-div.html`, readyDivs, { viewport }));
    printRow(`  ${width}px wide + maig-widgets.css`, await measurePage(browser, `${baseUrl}demo/bench/all-reserved.html`, ready, { viewport }));
  }
}

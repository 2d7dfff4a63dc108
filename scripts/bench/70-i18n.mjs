// Spanish (issue 11): what the language costs. The JS (gzip) of an English page that shows only a
// member count, against main before the i18n work (commit ab1f2f8, measured the same way: see
// BEFORE); the same page in Spanish; the Spanish catalog chunk on its own (one chunk for every
// widget, fetched only by a Spanish widget). Budgets of the issue: English ≤ +1.5 KB, catalog ≤ 5 KB.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSize, kb, measurePage, printRow } from '../lib/measure.mjs';

export const title = 'Spanish: the cost of the language on English and Spanish pages';

/**
 * demo/bench/member-count.html with the bundles of ab1f2f8 (main before the i18n groundwork),
 * measured the same way on 2026-11-24 (`git archive ab1f2f8`, rollup -c, measurePage): JS gzip
 * bytes (level 9) of its two files, elements/maig-member-count.js and chunks/core-….js.
 */
const BEFORE = { commit: 'ab1f2f8', jsGzip: 14138 };

export async function run({ baseUrl, browser }) {
  const ready = () => !!document.querySelector('maig-member-count')?.shadowRoot?.querySelector('[part="number"]');
  const english = await measurePage(browser, `${baseUrl}demo/bench/member-count.html`, ready);
  printRow('page: member count, English', english);
  const catalogOnEnglish = english.urls.filter((u) => u.includes('catalog-es'));
  console.log(`  Spanish chunk requested on the English page: ${catalogOnEnglish.length ? 'YES (a bug)' : 'no'}`);
  {
    const delta = english.jsGzip - BEFORE.jsGzip;
    console.log(`  vs ${BEFORE.commit}: ${kb(BEFORE.jsGzip)} → ${kb(english.jsGzip)} gzip, ${delta >= 0 ? '+' : ''}${delta} B (budget +1536 B)`);
  }
  const spanish = await measurePage(browser, `${baseUrl}demo/bench/member-count-es.html`, ready);
  printRow('page: member count, Spanish', spanish);
  console.log(`  Spanish page − English page: +${spanish.jsGzip - english.jsGzip} B gzip JS`);
  // A Spanish page fetches the shared catalog and one catalog per widget it shows.
  const chunks = readdirSync('dist/chunks').filter((f) => /^catalog-es-.*\.js$/.test(f));
  const size = (f) => gzipSize(readFileSync(`dist/chunks/${f}`));
  const shared = chunks.find((f) => f.startsWith('catalog-es-shared-'));
  const sharedSize = shared ? size(shared) : 0;
  console.log(`Spanish catalog, shared strings: ${shared} ${sharedSize} B gzip`);
  let all = sharedSize;
  for (const f of chunks.filter((f) => f !== shared)) {
    const own = size(f);
    all += own;
    console.log(`  ${f}: ${own} B gzip; a Spanish page with this widget: ${sharedSize + own} B (budget 5120 B)`);
  }
  console.log(`  every catalog together (a page with all five widgets): ${all} B gzip`);
}

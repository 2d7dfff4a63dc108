// Printing a page with a statistics card, the member map and the Statement of Principles in
// Chromium (print to PDF, as a reader's "Save as PDF" does): the chart prints as an image with its
// summary, the disclosures open, no button, the sources and dates kept. The first page is
// rendered to docs/print/first-page.png (pdftoppm) for people to look at.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP } from '../../server/index.mjs';
import { parseCsv } from '../../scripts/lib/csv.mjs';
import { openPage, serverAndBrowser } from './helpers/browser.mjs';

const web = serverAndBrowser();

const PAGE = `<!doctype html><html lang="en"><head><title>Print</title><meta charset="utf-8">
  <script type="module" src="/dist/maig-widgets.js"></script></head>
  <body><h1>Gun violence figures</h1>
  <maig-city-stats state="MD" city="Baltimore"></maig-city-stats>
  <maig-member-map></maig-member-map>
  <maig-principles></maig-principles></body></html>`;

const shadow = (page, tag, fn) => page.evaluate(([t, f]) => new Function('root', f)(document.querySelector(t).shadowRoot), [tag, fn]);

describe('printing', () => {
  test('a page with a card, the map and the principles prints complete: chart image with its summary, notes open, no buttons', async () => {
    const { page, problems, close } = await openPage(web.browser, `${web.url}demo/__test.html`, {
      prepare: (p) => p.route(`${web.url}demo/__test.html`, (route) => route.fulfill({ contentType: 'text/html', body: PAGE, headers: { 'content-security-policy': CSP } })),
    });
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.waitForFunction(() => document.querySelector('maig-city-stats')?.shadowRoot?.querySelector('[data-figure="local-homicide"]'));
    // Scroll the chart into view so that it is drawn, as a reader who looked at it.
    await page.evaluate(() => document.querySelector('maig-city-stats').shadowRoot.querySelector('[part="chart"]').scrollIntoView());
    await page.waitForFunction(() => document.querySelector('maig-city-stats').shadowRoot.querySelector('[part="chart"]')?.dataset.chart === 'ready', null, { timeout: 20000 });
    await page.waitForFunction(() => document.querySelector('maig-member-map')?.shadowRoot?.querySelector('svg.map'));
    await page.waitForFunction(() => document.querySelector('maig-principles')?.shadowRoot?.querySelector('ol, ul'));
    await page.evaluate(() => window.scrollTo(0, 0));
    const pdf = await page.pdf({ format: 'Letter', printBackground: true, margin: { top: '0.5in', bottom: '0.5in', left: '0.5in', right: '0.5in' } });
    const dir = mkdtempSync(join(tmpdir(), 'maig-print-'));
    writeFileSync(join(dir, 'page.pdf'), pdf);
    const text = execFileSync('pdftotext', [join(dir, 'page.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The card: title, figures, the chart's summary, the notes (a closed disclosure on screen), the sources.
    assert.match(text, /Gun violence in Baltimore, Maryland/);
    const county = parseCsv(readFileSync('data/stats/cdc_county_firearm_homicide_suicide_2019_2024.csv', 'utf8')).rows.map((r) => r.values);
    const count = (intent) => Number(county.find((r) => r.county_fips === '24510' && r.period === '2023' && r.intent === intent).deaths).toLocaleString('en-US');
    assert.ok(text.includes(`${count('homicide')} ${count('suicide')} firearm homicides in firearm suicides in Baltimore (Baltimore's own figure)`));
    assert.match(text, /Maryland's age-adjusted firearm death rate went from/);
    assert.match(text, /CDC publishes firearm homicides and suicides by county, not by city/);
    assert.match(text, /Sources/);
    assert.match(text, /updated June 3, 2025/);
    assert.match(text, /The CDC figures are in the public domain\./);
    // The map's list of every member city by state, opened for print.
    assert.match(text, /Alabama: \d+/);
    // No button or control on paper, no "drawn when it scrolls into view" box.
    for (const word of ['Download the figures', 'Download the chart', 'Show as table', 'Back to the whole country', 'Expand all', 'scrolls into view']) {
      assert.ok(!text.includes(word), `"${word}" printed`);
    }
    // The chart printed as an image taken from the drawn canvas; the notes closed again after printing.
    const image = await shadow(page, 'maig-city-stats', `const i = root.querySelector('img.trend__image'); return i && [i.naturalWidth > 0, i.src.startsWith('data:image/png')];`);
    assert.deepEqual(image, [true, true]);
    assert.equal(await shadow(page, 'maig-city-stats', `return root.querySelector('details.notes').open;`), false);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', join(dir, 'page.pdf'), join(dir, 'page')]);
    const pngOf = (n) =>
      [`page-${n}.png`, `page-0${n}.png`, `page-00${n}.png`].map((f) => join(dir, f)).find((f) => {
        try {
          return readFileSync(f).length > 0;
        } catch {
          return false;
        }
      });
    assert.ok(pngOf(1), 'pdftoppm wrote no PNG');
    // MAIG_WRITE_PRINT_PNG=1 refreshes the pictures in docs/print/.
    if (process.env.MAIG_WRITE_PRINT_PNG === '1') {
      copyFileSync(pngOf(1), 'docs/print/first-page.png');
      copyFileSync(pngOf(2), 'docs/print/second-page.png');
    }
    assert.deepEqual(problems, []);
    await close();
  });
});

// The README's one tag (the loader, dist/maig-widgets.js) on a page that uses one widget, in its
// two forms: the custom tag and the CMS-safe `<div data-maig-widget>` placeholder, each with the
// optional maig-widgets.css (which reserves the widget's room) and text after the widget. For each:
// JS files and bytes (gzip), requests, time to rendered content, CLS (1000 and 360 px wide), and
// whether any module of another widget was requested. Then the budget of issue 8: member count ≤ 12 KB gzip of JS in
// total, member map ≤ 30 KB, the loader ≤ 2 KB.
// Pages are written to dist/bench/one-tag/ (build output, rewritten on every run).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSize, kb, measurePage, printRow } from '../lib/measure.mjs';

export const title = 'One tag per widget: the loader, tag and div forms (JS, requests, time, CLS)';

const OUT = 'dist/bench/one-tag';

/** Each widget with the attributes of a typical embed and what shows it is rendered. */
const WIDGETS = [
  { name: 'member-count', attrs: { state: 'NJ' }, ready: '[part="number"]', fallback: '61 member cities in New Jersey' },
  { name: 'principles', attrs: {}, ready: '[part="list"]', fallback: 'Statement of Principles' },
  { name: 'city-stats', attrs: { city: 'Baltimore', state: 'MD' }, ready: '[data-figure="state-rate"]', fallback: 'Gun violence in Baltimore' },
  { name: 'join-form', attrs: { endpoint: '/join' }, ready: '[part="form"]', fallback: 'Join Mayors Against Illegal Guns' },
  { name: 'member-map', attrs: { highlight: 'Baltimore, MD' }, ready: 'svg.map path.dot', fallback: 'Our city is a member of Mayors Against Illegal Guns.' },
];

const BUDGET = { 'member-count': 12 * 1024, 'member-map': 30 * 1024 };
const LOADER_BUDGET = 2 * 1024;

function page(widget, form) {
  const attrs = Object.entries(widget.attrs);
  const element =
    form === 'tag'
      ? `<maig-${widget.name}${attrs.map(([k, v]) => ` ${k}="${v}"`).join('')}>${widget.fallback}</maig-${widget.name}>`
      : `<div data-maig-widget="${widget.name}"${attrs.map(([k, v]) => ` data-${k}="${v}"`).join('')}>${widget.fallback}</div>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>bench: one tag, ${widget.name} (${form})</title>
    <link rel="stylesheet" href="/dist/maig-widgets.css" />
    <script type="module" src="/dist/maig-widgets.js"></script>
  </head>
  <body>
    <p>A city page with one widget:</p>
    ${element}
    <p>Text after the widget, which must not move.</p>
  </body>
</html>
`;
}

export async function run({ baseUrl, browser }) {
  mkdirSync(OUT, { recursive: true });
  const loader = gzipSize(readFileSync('dist/maig-widgets.js'));
  console.log(`loader dist/maig-widgets.js: ${kb(loader)} gzip (budget ${kb(LOADER_BUDGET)}: ${loader <= LOADER_BUDGET ? 'within' : 'OVER'})`);
  const verdicts = [];
  for (const widget of WIDGETS) {
    for (const form of ['tag', 'div']) {
      const file = `${widget.name}-${form}.html`;
      writeFileSync(`${OUT}/${file}`, page(widget, form));
      const m = await measurePage(
        browser,
        `${baseUrl}dist/bench/one-tag/${file}`,
        ([tag, selector]) => !!document.querySelector(tag)?.shadowRoot?.querySelector(selector),
        { arg: [`maig-${widget.name}`, widget.ready] },
      );
      printRow(`${widget.name} (${form})`, m);
      const others = m.urls.filter((u) => /\/elements\/maig-/.test(u) && !u.endsWith(`/maig-${widget.name}.js`));
      console.log(`  scripts: ${m.urls.filter((u) => u.endsWith('.js')).map((u) => u.replace(/^\/dist\//, '')).join(', ')}${others.length ? ` · OTHER WIDGETS REQUESTED: ${others.join(', ')}` : ' · no other widget requested'}`);
      // Narrow screens wrap text and stack layouts: the reserved room is checked there too.
      const narrow = await measurePage(
        browser,
        `${baseUrl}dist/bench/one-tag/${file}`,
        ([tag, selector]) => !!document.querySelector(tag)?.shadowRoot?.querySelector(selector),
        { arg: [`maig-${widget.name}`, widget.ready], viewport: { width: 360, height: 740 }, runs: 3 },
      );
      printRow(`  360px wide`, narrow);
      if (form === 'tag' && BUDGET[widget.name]) {
        verdicts.push(`${widget.name}: ${kb(m.jsGzip)} gzip JS in ${m.jsFiles} files (budget ${kb(BUDGET[widget.name])}: ${m.jsGzip <= BUDGET[widget.name] ? 'within' : 'OVER'})`);
      }
    }
  }
  for (const line of verdicts) console.log(`budget · ${line}`);
}

// <maig-city-stats>: the card's JS without and with the lazily loaded chart chunk (gzip), the
// statistics a card downloads, time to rendered figures and to the drawn chart.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSize, kb, measurePage, printRow } from '../lib/measure.mjs';

export const title = '<maig-city-stats>: JS with and without the chart chunk, statistics bytes, figures and chart times';

/** Files a module pulls in: static imports (followed) and dynamic imports (listed apart). */
function graph(entry) {
  const statics = new Set();
  const dynamics = new Set();
  const visit = (file) => {
    if (statics.has(file)) return;
    statics.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) visit(normalize(join(dirname(file), spec)));
    for (const [, spec] of code.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) dynamics.add(normalize(join(dirname(file), spec)));
  };
  visit(entry);
  return { statics, dynamics: [...dynamics].filter((d) => !statics.has(d)) };
}

const sizeOf = (files) => [...files].reduce((n, f) => n + gzipSize(readFileSync(f)), 0);

export async function run({ baseUrl, browser }) {
  const entry = 'dist/elements/maig-city-stats.js';
  const { statics, dynamics } = graph(entry);
  const chart = dynamics.filter((d) => d.includes('chart-setup'));
  if (chart.length !== 1) throw new Error(`expected one lazily imported chart-setup chunk, found: ${dynamics.join(', ') || 'none'}`);
  const chartGraph = graph(chart[0]);
  const chartOnly = [...chartGraph.statics].filter((f) => !statics.has(f));
  if ([...statics].some((f) => f.includes('chart-setup'))) throw new Error(`${entry} imports the chart chunk statically`);
  const without = sizeOf(statics);
  const chartBytes = sizeOf(chartOnly);
  console.log(`card JS, no chart (${statics.size} files, gzip):      ${kb(without).padStart(9)}  (${[...statics].map((f) => f.replace('dist/', '')).join(', ')})`);
  console.log(`chart chunk (lazy, gzip):                  ${kb(chartBytes).padStart(9)}  (${chartOnly.map((f) => f.replace('dist/', '')).join(', ')}; budget 50 KB: ${chartBytes <= 50 * 1024 ? 'within' : 'OVER'})`);
  console.log(`card JS with the chart (gzip):             ${kb(without + chartBytes).padStart(9)}`);

  // Statistics bytes per card, for every state's card: index + national + its state file (gzip -9).
  const feed = 'dist/feed/v1';
  const shared = gzipSize(readFileSync(join(feed, 'index.json'))) + gzipSize(readFileSync(join(feed, 'stats/national.json')));
  const perState = readdirSync(join(feed, 'stats/state'))
    .map((f) => [f.replace('.json', '').toUpperCase(), shared + gzipSize(readFileSync(join(feed, 'stats/state', f)))])
    .sort((a, b) => b[1] - a[1]);
  const [maxState, maxBytes] = perState[0];
  const median = perState[Math.floor(perState.length / 2)][1];
  console.log(
    `statistics per card (index + national + state, gzip): largest ${maxState} ${kb(maxBytes)}, median ${kb(median)}, smallest ${perState.at(-1)[0]} ${kb(perState.at(-1)[1])} (budget 6 KB: ${maxBytes <= 6 * 1024 ? 'within' : 'OVER'})`,
  );

  const page = `${baseUrl}demo/bench/city-stats.html`;
  // Figures: the default 1000x800 window, where the chart is below the fold (not loaded).
  const figures = await measurePage(browser, page, () =>
    !!document.querySelector('maig-city-stats')?.shadowRoot?.querySelector('[data-figure="local-homicide"]'),
  );
  printRow('figures rendered, local CDC figure first (chart below fold)', figures);
  const json = figures.urls.filter((u) => u.endsWith('.json'));
  console.log(`  statistics downloaded: ${json.join(', ')} → ${kb(figures.dataGzip)} gzip (index included)`);
  console.log(`  chart code fetched before scrolling: ${figures.urls.some((u) => u.includes('chart-setup')) ? 'YES (should not)' : 'no'}`);
  // Chart: a tall window, so the chart is in view at once and is drawn.
  const drawn = await measurePage(
    browser,
    page,
    () => document.querySelector('maig-city-stats')?.shadowRoot?.querySelector('[part="chart"]')?.getAttribute('data-chart') === 'ready',
    { viewport: { width: 1000, height: 2000 } },
  );
  printRow('chart drawn (card fully in view)', drawn);
}

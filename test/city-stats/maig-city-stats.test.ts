import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/city-stats/define.js';
import type { MaigCityStats } from '../../src/city-stats/maig-city-stats.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, REAL_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';
import { HOSTILE_URLS } from '../shared/safe-url.test.js';
import { cdcRows, cityTotals, en, en1, gvaNames, massTotals, nationalRow, sources } from './stats-data.js';

/** Requests this page made for the chart code (the chart-setup module or chart.js itself). */
const chartRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /chart-setup|\/chart\.js\//.test(name));

const figure = (el: Element, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-figure="${id}"]`);
const value = (el: Element, id: string) => figure(el, id)?.querySelector('data');
const year = (el: Element, id: string) => figure(el, id)?.querySelector('[data-year]')?.textContent?.trim();
const source = (el: Element, id: string) => figure(el, id)?.querySelector('[data-source]')?.textContent?.trim();

async function card(attrs: { state?: string; city?: string; feed?: string }): Promise<MaigCityStats> {
  const el = await fixture<MaigCityStats>(
    html`<maig-city-stats feed=${attrs.feed ?? REAL_FEED} state=${attrs.state ?? ''} city=${attrs.city ?? ''}></maig-city-stats>`,
  );
  await waitForShadow(el, '[data-figure="national-deaths"]');
  return el;
}

/** Checks a figure: the number shown (formatted and in `value`), its year and its source. */
function expectFigure(el: Element, id: string, expected: number, shown: string, when: string, from: string) {
  const data = value(el, id);
  expect(data, `figure ${id}`).to.exist;
  expect(Number(data!.getAttribute('value')), `${id} value`).to.equal(expected);
  expect(data!.textContent!.trim(), `${id} text`).to.equal(shown);
  expect(year(el, id), `${id} year`).to.equal(when);
  expect(source(el, id), `${id} source`).to.equal(from);
}

describe('<maig-city-stats>', () => {
  afterEach(resetFeed);

  // This test must run first in this file: once the chart code is loaded, the page keeps it.
  it('shows the figures without chart.js, and loads the chart only when the card scrolls into view', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div class="spacer" style="height: 4000px">spacer</div>
      <maig-city-stats feed=${REAL_FEED} state="MD" city="Baltimore"></maig-city-stats>
    </div>`);
    window.scrollTo(0, 0);
    const el = wrapper.querySelector('maig-city-stats')!;
    await waitForShadow(el, '[data-figure="state-rate"]');
    // Figures are there; give the observer time to (wrongly) fire.
    await new Promise((r) => setTimeout(r, 600));
    expect(chartRequests(), 'chart code requested before the card was visible').to.deep.equal([]);
    const box = el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!;
    expect(box.dataset.chart).to.equal('waiting');
    expect(shadowText(el, '[part="chart"]')).to.equal('The chart is drawn when it scrolls into view.');

    const ready = oneEvent(el, 'maig-chart-ready');
    box.scrollIntoView();
    const event = await ready;
    expect(event.detail.series).to.deep.equal(['Maryland, rate per 100,000', 'United States, deaths']);
    expect(chartRequests().some((n) => n.includes('chart-setup'))).to.equal(true);
    expect(box.dataset.chart).to.equal('ready');
    const canvas = box.querySelector('canvas')!;
    expect(canvas.width).to.be.greaterThan(0);
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.equal('Line chart. Firearm death rate in Maryland, 2014–2022.');
    await expect(el).to.be.accessible();

    // Destroyed on disconnect, created again when the card comes back.
    const { Chart } = await import('chart.js');
    expect(Chart.getChart(canvas)).to.exist;
    el.remove();
    expect(Chart.getChart(canvas)).to.equal(undefined);
    const again = oneEvent(el, 'maig-chart-ready');
    wrapper.prepend(el);
    await el.updateComplete;
    el.shadowRoot!.querySelector('[part="chart"]')!.scrollIntoView();
    await again;
    const newCanvas = el.shadowRoot!.querySelector('canvas')!;
    expect(Chart.getChart(newCanvas)).to.exist;
  });

  it('draws the chart without animation when the reader asks for reduced motion', async () => {
    const { Chart } = await import('chart.js');
    /** Whether the chart is drawn with animation off. */
    const drawn = async () => {
      const el = await card({ state: 'MD' });
      // The card may already be in view (then the chart is drawn at once), so wait for the chart itself.
      el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!.scrollIntoView();
      const drawnChart = () => {
        const canvas = el.shadowRoot!.querySelector('canvas');
        return canvas ? Chart.getChart(canvas) : undefined;
      };
      await waitUntil(drawnChart, 'the chart was not drawn');
      // A boolean, not chart.js's options proxy: chai would try to print the proxy on failure.
      return drawnChart()!.options.animation === false;
    };
    expect(await drawn(), 'animated by default').to.equal(false);
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(await drawn(), 'not animated under reduced motion').to.equal(true);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('Maryland and Baltimore: every figure equals the sources, with its year and source', async () => {
    const data = await sources();
    const el = await card({ state: 'MD', city: 'Baltimore' });
    const rows = cdcRows(data, 'MD');
    const first = rows[0]!;
    const last = rows.at(-1)!;
    expect(last.year).to.equal('2022');
    expectFigure(el, 'state-deaths', Number(last.deaths), en(last.deaths!), last.year!, 'CDC/NCHS');
    expectFigure(el, 'state-rate', Number(last.age_adjusted_rate_per_100k), en1(last.age_adjusted_rate_per_100k!), last.year!, 'CDC/NCHS');
    const change = Number(last.age_adjusted_rate_per_100k) - Number(first.age_adjusted_rate_per_100k);
    expectFigure(el, 'state-change', Math.round(change * 10) / 10, `${change > 0 ? '+' : ''}${en1(change)}`, `${first.year}–${last.year}`, 'CDC/NCHS');
    expect(shadowText(el, '[data-figure="state-change"]')).to.contain(`since ${first.year} (${en1(first.age_adjusted_rate_per_100k!)} in ${first.year}`);
    const us = nationalRow(data, last.year!);
    expectFigure(el, 'national-deaths', Number(us.firearm_deaths_total), en(us.firearm_deaths_total!), last.year!, 'published reports citing CDC WONDER');
    expect(shadowText(el, '[data-figure="national-deaths"]')).to.contain('secondary source');

    const names = gvaNames(data, 'MD', 'Maryland', 'Baltimore');
    expect(names).to.include('Baltimore');
    const city = cityTotals(data, 'Maryland', names);
    expectFigure(el, 'city-killed', city.killed, en(city.killed), '2014–2017', 'Gun Violence Archive');
    expectFigure(el, 'city-injured', city.injured, en(city.injured), '2014–2017', 'Gun Violence Archive');
    const mass = massTotals(data, 'Maryland', names);
    expectFigure(el, 'city-mass', mass.count, en(mass.count), '2013–September 3, 2025', 'Gun Violence Archive');
    expect(shadowText(el, '[data-figure="city-mass"]')).to.contain(`${en(mass.killed)} killed, ${en(mass.injured)} injured`);
    expect(shadowText(el, '[data-figure="city-mass"]')).to.contain('2025 is a partial year');
    expect(shadowText(el)).to.contain('not comparable with the CDC totals');
    expect(shadowText(el, '[part="title"]')).to.equal('Gun violence in Baltimore, Maryland');

    // Sources at the bottom, as links.
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="sources"] a')].map((a) => a.href);
    expect(links).to.include('https://www.cdc.gov/nchs/pressroom/sosmap/firearm_mortality/firearm.htm');
    expect(links).to.include('https://www.gunviolencearchive.org/');
    expect(links).to.include('https://wisqars.cdc.gov/');
    await expect(el).to.be.accessible();
  });

  it('California state card: CDC figures and the national total, no city section', async () => {
    const data = await sources();
    const el = await card({ state: 'CA' });
    const rows = cdcRows(data, 'CA');
    const last = rows.at(-1)!;
    expectFigure(el, 'state-deaths', Number(last.deaths), en(last.deaths!), last.year!, 'CDC/NCHS');
    expectFigure(el, 'state-rate', Number(last.age_adjusted_rate_per_100k), en1(last.age_adjusted_rate_per_100k!), last.year!, 'CDC/NCHS');
    expect(Number(value(el, 'national-deaths')!.getAttribute('value'))).to.equal(Number(nationalRow(data, last.year!).firearm_deaths_total));
    expect(figure(el, 'city-killed')).to.equal(null);
    expect(shadowText(el, '[part="title"]')).to.equal('Gun deaths in California');
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('Texas and Austin: CDC and GVA figures equal the sources', async () => {
    const data = await sources();
    const el = await card({ state: 'tx', city: 'austin' });
    const last = cdcRows(data, 'TX').at(-1)!;
    expectFigure(el, 'state-deaths', Number(last.deaths), en(last.deaths!), last.year!, 'CDC/NCHS');
    expectFigure(el, 'state-rate', Number(last.age_adjusted_rate_per_100k), en1(last.age_adjusted_rate_per_100k!), last.year!, 'CDC/NCHS');
    const city = cityTotals(data, 'Texas', ['Austin']);
    expect(city.killed).to.be.greaterThan(0);
    expectFigure(el, 'city-killed', city.killed, en(city.killed), '2014–2017', 'Gun Violence Archive');
    expectFigure(el, 'city-injured', city.injured, en(city.injured), '2014–2017', 'Gun Violence Archive');
    const mass = massTotals(data, 'Texas', ['Austin']);
    expectFigure(el, 'city-mass', mass.count, en(mass.count), '2013–September 3, 2025', 'Gun Violence Archive');
    await expect(el).to.be.accessible();
  });

  it('DC: 2022 only, so no change is shown; the city is matched through the alias table', async () => {
    const data = await sources();
    const el = await card({ state: 'DC', city: 'Washington DC' });
    const rows = cdcRows(data, 'DC');
    expect(rows.map((r) => r.year)).to.deep.equal(['2022']);
    expectFigure(el, 'state-deaths', Number(rows[0]!.deaths), en(rows[0]!.deaths!), '2022', 'CDC/NCHS');
    expectFigure(el, 'state-rate', Number(rows[0]!.age_adjusted_rate_per_100k), en1(rows[0]!.age_adjusted_rate_per_100k!), '2022', 'CDC/NCHS');
    expect(value(el, 'state-change')).to.equal(null);
    expect(shadowText(el, '[data-figure="state-change"]')).to.equal('No change is shown: CDC figures for District of Columbia in this feed cover 2022 only.');
    const names = gvaNames(data, 'DC', 'District of Columbia', 'Washington DC');
    expect(names).to.include('Washington');
    const city = cityTotals(data, 'District of Columbia', names);
    expectFigure(el, 'city-killed', city.killed, en(city.killed), '2014–2017', 'Gun Violence Archive');
    // "Washington" (GVA's name) finds the same member.
    const byGvaName = await card({ state: 'DC', city: 'Washington' });
    expect(value(byGvaName, 'city-killed')!.getAttribute('value')).to.equal(String(city.killed));
    await expect(el).to.be.accessible();
  });

  it('Puerto Rico: says there are no CDC state figures, shows the national figures and no city figures', async () => {
    const data = await sources();
    expect(cdcRows(data, 'PR')).to.deep.equal([]);
    const el = await card({ state: 'PR', city: 'San Sebastián' });
    expect(figure(el, 'state-deaths')).to.equal(null);
    expect(shadowText(el, '[data-notice="no-cdc"]')).to.contain('No CDC state figures for Puerto Rico in this feed.');
    const latest = data.national.at(-1)!;
    expectFigure(el, 'national-deaths', Number(latest.firearm_deaths_total), en(latest.firearm_deaths_total!), latest.year!, 'published reports citing CDC WONDER');
    expect(shadowText(el, '[data-notice="no-city"]')).to.equal(
      "No city-level figures in this feed for San Sebastián, PR: Gun Violence Archive has no record under this city's name.",
    );
    expect(shadowText(el, '#trend-title')).to.equal(`Firearm deaths in the United States, ${data.national[0]!.year}–${latest.year}`);
    await expect(el).to.be.accessible();
  });

  it('"Show as table" gives every charted figure as a table, and back', async () => {
    const data = await sources();
    const el = await card({ state: 'MD', city: 'Baltimore' });
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    expect(toggle.textContent!.trim()).to.equal('Show as table');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[part="table"]')).to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect(toggle.textContent!.trim()).to.equal('Show as chart');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="chart"]')!).display).to.equal('none');
    const table = el.shadowRoot!.querySelector<HTMLTableElement>('[part="table"]')!;
    expect(table.checkVisibility()).to.equal(true);
    const rows = [...table.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows.length).to.equal(2022 - 2014 + 1);
    for (const r of cdcRows(data, 'MD')) {
      const row = rows.find((cells) => cells[0] === r.year)!;
      expect(row.slice(1, 4)).to.deep.equal([en(r.deaths!), en1(r.age_adjusted_rate_per_100k!), `${en(nationalRow(data, r.year!).firearm_deaths_total!)}${Number(r.year) >= 2020 ? ' * (secondary source)' : ''}`]);
    }
    // The table covers the years the feed shows (2014-2022), nothing before.
    expect(rows.map((cells) => cells[0])).to.deep.equal(cdcRows(data, 'MD').map((r) => r.year));
    // The city's figures by year are there too.
    const cityTable = el.shadowRoot!.querySelectorAll<HTMLTableElement>('[part="table"]')[1]!;
    expect(cityTable.caption!.textContent).to.contain('Baltimore: people killed and injured in shootings, by year');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(toggle.textContent!.trim()).to.equal('Show as table');
    expect(el.shadowRoot!.querySelector<HTMLElement>('#trend-table')!.hidden).to.equal(true);
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="chart"]')!).display).to.equal('block');
  });

  it('the US series checkbox reflects to show-national', async () => {
    const el = await card({ state: 'MD' });
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.checked).to.equal(false);
    box.click();
    await el.updateComplete;
    expect(el.showNational).to.equal(true);
    expect(el.hasAttribute('show-national')).to.equal(true);
  });

  it('an unknown city: a readable message, and the state and national figures', async () => {
    const el = await card({ state: 'MD', city: 'Springfield' });
    expect(shadowText(el, '[data-notice="query"]')).to.equal(
      '"Springfield" is not a member city in Maryland in this feed, so there are no city-level figures for it. The state and national figures are shown.',
    );
    expect(value(el, 'state-deaths')).to.exist;
    expect(figure(el, 'city-killed')).to.equal(null);
    expect(shadowText(el, '[part="title"]')).to.equal('Gun deaths in Maryland');
    await expect(el).to.be.accessible();
  });

  it('an unknown state: a readable message and the national figures', async () => {
    const data = await sources();
    const el = await card({ state: 'ZZ', city: 'Nowhere' });
    expect(shadowText(el, '[data-notice="query"]')).to.equal('"ZZ" is not a US state or territory code (use one such as "MD"), so only national figures are shown.');
    const latest = data.national.at(-1)!;
    expect(value(el, 'national-deaths')!.getAttribute('value')).to.equal(latest.firearm_deaths_total);
    expect(figure(el, 'state-deaths')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('formats numbers for the page locale', async () => {
    const data = await sources();
    const wrapper = await fixture(html`<div lang="de-DE"><maig-city-stats feed=${REAL_FEED} state="CA"></maig-city-stats></div>`);
    const el = wrapper.querySelector('maig-city-stats')!;
    await waitForShadow(el, '[data-figure="national-deaths"]');
    const last = cdcRows(data, 'CA').at(-1)!;
    expect(value(el, 'state-deaths')!.textContent).to.equal(new Intl.NumberFormat('de-DE').format(Number(last.deaths)));
    expect(value(el, 'state-rate')!.textContent).to.equal(last.age_adjusted_rate_per_100k!.replace('.', ','));
  });

  it('shows a loading state that screen readers hear', async () => {
    mockFetch({ [FIXTURE_FEED]: { hang: true } });
    const el = await fixture<MaigCityStats>(html`<maig-city-stats feed=${FIXTURE_FEED} state="MD"></maig-city-stats>`);
    const status = await waitForShadow(el, '[part="loading"]');
    expect(status.getAttribute('role')).to.equal('status');
    expect(shadowText(el, '[part="loading"]')).to.equal('Loading the gun violence statistics…');
    await expect(el).to.be.accessible();
  });

  it('explains a feed without statistics and keeps the fallback content', async () => {
    mockFetch(fixtureRoutes());
    const el = await fixture<MaigCityStats>(
      html`<maig-city-stats feed=${FIXTURE_FEED} state="MD"><a href="https://www.cdc.gov/">CDC</a></maig-city-stats>`,
    );
    const alert = await waitForShadow(el, '[part="error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(shadowText(el, '[part="error"]')).to.contain('The gun violence statistics could not be shown.');
    expect(el.shadowRoot!.querySelector('slot')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows an error when the state file cannot be read, and retries', async () => {
    let fail = true;
    const fetchMock = mockFetch({
      'stats/state/md.json': () => (fail ? { status: 500 } : { text: '' }),
    });
    const el = await fixture<MaigCityStats>(html`<maig-city-stats feed=${REAL_FEED} state="MD"></maig-city-stats>`);
    await waitForShadow(el, '[part="error"]');
    expect(fetchMock.count('stats/state/md.json')).to.equal(1);
    fail = false;
    fetchMock.restore();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitForShadow(el, '[data-figure="state-deaths"]');
    await waitUntil(() => !el.shadowRoot!.querySelector('[part="error"]'));
  });

  it('downloads only its own state file and the national file', async () => {
    const fetchMock = mockFetch({});
    await card({ state: 'MD', city: 'Baltimore' });
    const stats = fetchMock.calls.filter((u) => u.includes('/stats/'));
    expect(stats.map((u) => new URL(u).pathname.replace(/^.*\/feed\/v1\//, ''))).to.deep.equal(['stats/national.json', 'stats/state/md.json']);
  });
  it('never links a source whose URL is javascript:, data: or vbscript: (shown as text)', async () => {
    // Every "url" in the real files, replaced by a hostile one: the card must show the source names as text.
    const hostile = (value: unknown, i = { n: 0 }): unknown =>
      Array.isArray(value)
        ? value.map((v) => hostile(v, i))
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, /url$/i.test(k) && typeof v === 'string' ? HOSTILE_URLS[i.n++ % HOSTILE_URLS.length] : hostile(v, i)]))
          : value;
    const real = async (path: string) => hostile(await (await fetch(new URL(path, REAL_FEED))).json());
    const [national, md] = await Promise.all([real('stats/national.json'), real('stats/state/md.json')]);
    mockFetch({ 'stats/national.json': { json: national }, 'stats/state/md.json': { json: md } });
    const el = await card({ state: 'MD', city: 'Baltimore' });
    const sources = el.shadowRoot!.querySelector('[part="sources"]')!;
    expect(sources.querySelectorAll('li').length).to.be.greaterThan(1);
    expect(sources.querySelectorAll('a').length, 'links in the source list').to.equal(0);
    for (const a of el.shadowRoot!.querySelectorAll('a[href]')) expect(new URL(a.getAttribute('href')!, document.baseURI).protocol).to.match(/^https?:$/);
    for (const li of sources.querySelectorAll('li')) expect(li.textContent!.trim()).to.not.equal('');
    await expect(el).to.be.accessible();
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../src/city-stats/define.js';
import type { MaigCityStats } from '../../src/city-stats/maig-city-stats.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, GVA_FEED, REAL_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';
import { HOSTILE_URLS } from '../shared/safe-url.test.js';
import { itChromium, itResizable } from '../helpers/engine.js';
import { cdcRows, cityTotals, countyFips, countyRow, en, en1, gvaNames, massTotals, nationalRow, sources } from './stats-data.js';

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
    const mdYears = cdcRows(await sources(), 'MD').map((r) => r.year);
    expect(canvas.getAttribute('aria-label')).to.equal(`Line chart. Firearm death rate in Maryland, ${mdYears[0]}–${mdYears.at(-1)}.`);
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

  itChromium('draws the chart without animation when the reader asks for reduced motion', async () => {
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
    expect(last.year).to.equal('2023');
    expectFigure(el, 'state-deaths', Number(last.deaths), en(last.deaths!), last.year!, 'CDC/NCHS');
    expectFigure(el, 'state-rate', Number(last.age_adjusted_rate_per_100k), en1(last.age_adjusted_rate_per_100k!), last.year!, 'CDC/NCHS');
    const change = Number(last.age_adjusted_rate_per_100k) - Number(first.age_adjusted_rate_per_100k);
    expectFigure(el, 'state-change', Math.round(change * 10) / 10, `${change > 0 ? '+' : ''}${en1(change)}`, `${first.year}–${last.year}`, 'CDC/NCHS');
    expect(shadowText(el, '[data-figure="state-change"]')).to.contain(`since ${first.year} (${en1(first.age_adjusted_rate_per_100k!)} in ${first.year}`);
    const us = nationalRow(data, last.year!);
    expectFigure(el, 'national-deaths', Number(us.firearm_deaths_total), en(us.firearm_deaths_total!), last.year!, 'CDC WISQARS');
    expect(shadowText(el, '[data-figure="national-deaths"]')).not.to.contain('secondary');

    // The local figure leads: Baltimore city is its own county, so it is the city's own figure.
    const fips = countyFips(data, 'Baltimore city', 'Maryland');
    const homicides = countyRow(data, fips, 'homicide', '2023');
    const before = countyRow(data, fips, 'homicide', '2019');
    expectFigure(el, 'local-homicide', Number(homicides.deaths), en(homicides.deaths!), '2023', 'CDC (county figures)');
    expect(figure(el, 'local-homicide')!.dataset.kind).to.equal('city-county');
    expect(shadowText(el, '[data-figure="local-homicide"] .figure__label')).to.equal("firearm homicides in Baltimore (Baltimore's own figure)");
    const delta = Number(homicides.deaths) - Number(before.deaths);
    expect(shadowText(el, '[data-figure="local-homicide"] [data-change]')).to.equal(`${new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' }).format(delta)} since 2019 (${en(before.deaths!)} in 2019)`);
    const suicides = countyRow(data, fips, 'suicide', '2023');
    expectFigure(el, 'local-suicide', Number(suicides.deaths), en(suicides.deaths!), '2023', 'CDC (county figures)');
    expect(shadowText(el, '[data-local-note]')).to.contain("these are the city's own figures");
    // The local figures come before the state's.
    const order = [...el.shadowRoot!.querySelectorAll('[data-figure]')].map((f) => f.getAttribute('data-figure'));
    expect(order.indexOf('local-homicide')).to.be.lessThan(order.indexOf('state-deaths'));

    // The default feed has public-domain sources only: no Gun Violence Archive section or credit.
    expect(figure(el, 'city-killed')).to.equal(null);
    expect(shadowText(el)).not.to.contain('Gun Violence Archive');
    expect(shadowText(el, '[data-rights]')).to.equal('The CDC figures are in the public domain.');
    expect(shadowText(el, '[part="title"]')).to.equal('Gun violence in Baltimore, Maryland');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="sources"] a')].map((a) => a.href);
    expect(links).to.include('https://www.cdc.gov/nchs/state-stats/deaths/firearms.html');
    expect(links).to.include('https://data.cdc.gov/d/psx4-wq38');
    expect(links).to.include('https://wisqars.cdc.gov/');
    expect(links).not.to.include('https://www.gunviolencearchive.org/');
    // About these figures: county vs city, suppression, provisional data.
    const notes = shadowText(el, '[part="notes"]');
    expect(notes).to.contain('CDC publishes firearm homicides and suicides by county, not by city');
    expect(notes).to.contain('"fewer than 10", never 0');
    expect(notes).to.contain("CDC's 2024 county figures are provisional");
    expect(notes).to.contain(data.cityCounties.find((r) => r.member_city === 'Baltimore')!.note!);
    await expect(el).to.be.accessible();
  });

  it('Baltimore with the GVA layer (a feed built --with-gva): GVA city figures, credited', async () => {
    const data = await sources();
    const el = await card({ state: 'MD', city: 'Baltimore', feed: GVA_FEED });
    const names = gvaNames(data, 'MD', 'Maryland', 'Baltimore');
    expect(names).to.include('Baltimore');
    const city = cityTotals(data, 'Maryland', names);
    expectFigure(el, 'city-killed', city.killed, en(city.killed), '2014–2017', 'Gun Violence Archive');
    expectFigure(el, 'city-injured', city.injured, en(city.injured), '2014–2017', 'Gun Violence Archive');
    const mass = massTotals(data, 'Maryland', names);
    expectFigure(el, 'city-mass', mass.count, en(mass.count), '2013–July 22, 2026', 'Gun Violence Archive');
    expect(shadowText(el, '[data-figure="city-mass"]')).to.contain(`${en(mass.killed)} killed, ${en(mass.injured)} injured`);
    expect(shadowText(el, '[data-figure="city-mass"]')).to.contain('2026 is a partial year, to July 22, 2026');
    expect(shadowText(el)).to.contain('Earlier figures: recorded in Baltimore, MD');
    expect(shadowText(el)).to.contain('not comparable with the CDC figures');
    expect(shadowText(el, '[part="title"]')).to.equal('Gun violence in Baltimore, Maryland');

    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="sources"] a')].map((a) => a.href);
    expect(links).to.include('https://www.gunviolencearchive.org/');
    expect(links).to.include('https://wisqars.cdc.gov/');
    expect(shadowText(el, '[data-rights]')).to.equal(
      'The CDC figures are in the public domain. The Gun Violence Archive figures are copyrighted and appear here with its permission.',
    );
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
    const el = await card({ state: 'tx', city: 'austin', feed: GVA_FEED });
    const last = cdcRows(data, 'TX').at(-1)!;
    expectFigure(el, 'state-deaths', Number(last.deaths), en(last.deaths!), last.year!, 'CDC/NCHS');
    expectFigure(el, 'state-rate', Number(last.age_adjusted_rate_per_100k), en1(last.age_adjusted_rate_per_100k!), last.year!, 'CDC/NCHS');
    const city = cityTotals(data, 'Texas', ['Austin']);
    expect(city.killed).to.be.greaterThan(0);
    expectFigure(el, 'city-killed', city.killed, en(city.killed), '2014–2017', 'Gun Violence Archive');
    expectFigure(el, 'city-injured', city.injured, en(city.injured), '2014–2017', 'Gun Violence Archive');
    const mass = massTotals(data, 'Texas', ['Austin']);
    expectFigure(el, 'city-mass', mass.count, en(mass.count), '2013–July 22, 2026', 'Gun Violence Archive');
    await expect(el).to.be.accessible();
  });

  it('DC: 2022 and 2023, the change since 2022; its own local figure; the city is matched through the alias table', async () => {
    const data = await sources();
    const el = await card({ state: 'DC', city: 'Washington DC', feed: GVA_FEED });
    const rows = cdcRows(data, 'DC');
    expect(rows.map((r) => r.year)).to.deep.equal(['2022', '2023']);
    expectFigure(el, 'state-deaths', Number(rows[1]!.deaths), en(rows[1]!.deaths!), '2023', 'CDC/NCHS');
    expectFigure(el, 'state-rate', Number(rows[1]!.age_adjusted_rate_per_100k), en1(rows[1]!.age_adjusted_rate_per_100k!), '2023', 'CDC/NCHS');
    expect(figure(el, 'state-change')!.querySelector('[data-year]')!.textContent).to.equal('2022–2023');
    const homicides = countyRow(data, countyFips(data, 'District of Columbia', 'District of Columbia'), 'homicide', '2023');
    expectFigure(el, 'local-homicide', Number(homicides.deaths), en(homicides.deaths!), '2023', 'CDC (county figures)');
    expect(figure(el, 'local-homicide')!.dataset.kind).to.equal('city-county');
    const names = gvaNames(data, 'DC', 'District of Columbia', 'Washington DC');
    expect(names).to.include('Washington');
    const city = cityTotals(data, 'District of Columbia', names);
    expectFigure(el, 'city-killed', city.killed, en(city.killed), '2014–2017', 'Gun Violence Archive');
    // "Washington" (GVA's name) finds the same member.
    const byGvaName = await card({ state: 'DC', city: 'Washington', feed: GVA_FEED });
    expect(value(byGvaName, 'city-killed')!.getAttribute('value')).to.equal(String(city.killed));
    await expect(el).to.be.accessible();
  });

  it("Philadelphia: 2023 firearm homicides as the city's own figure", async () => {
    const data = await sources();
    const el = await card({ state: 'PA', city: 'Philadelphia' });
    const row = countyRow(data, countyFips(data, 'Philadelphia County', 'Pennsylvania'), 'homicide', '2023');
    expectFigure(el, 'local-homicide', Number(row.deaths), en(row.deaths!), '2023', 'CDC (county figures)');
    expect(shadowText(el, '[data-figure="local-homicide"] [data-whose]')).to.equal("(Philadelphia's own figure)");
    await expect(el).to.be.accessible();
  });

  it("Chicago: Cook County's 2023 figure, labelled as the county's", async () => {
    const data = await sources();
    const el = await card({ state: 'IL', city: 'Chicago' });
    const fips = countyFips(data, 'Cook County', 'Illinois');
    const row = countyRow(data, fips, 'homicide', '2023');
    expectFigure(el, 'local-homicide', Number(row.deaths), en(row.deaths!), '2023', 'CDC (county figures)');
    expect(figure(el, 'local-homicide')!.dataset.kind).to.equal('county');
    expect(shadowText(el, '[data-figure="local-homicide"] .figure__label')).to.equal("firearm homicides in Cook County, where Chicago is (the county's figure, not the city's)");
    expect(shadowText(el, '[data-local-note]')).to.contain("they are Cook County's, which includes more than Chicago");
    expect(data.cityCounties.some((r) => r.member_city === 'Chicago')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("New York City: the sum of its five counties, as a range where one county's count is withheld", async () => {
    const data = await sources();
    const row = data.cityCounties.find((r) => r.state === 'NY' && r.member_city === 'New York')!;
    const parts = row.county_fips!.split(' ').map((f) => countyRow(data, f, 'homicide', '2023'));
    expect(parts.length).to.equal(5);
    const lo = parts.reduce((n, r) => n + (r.deaths === '' ? Number(r.deaths_range!.split('-')[0]) : Number(r.deaths)), 0);
    const hi = parts.reduce((n, r) => n + (r.deaths === '' ? Number(r.deaths_range!.split('-')[1]) : Number(r.deaths)), 0);
    const el = await card({ state: 'NY', city: 'New York' });
    const shown = figure(el, 'local-homicide')!;
    expect(shown.dataset.kind).to.equal('city-county');
    expect(shown.querySelector('.figure__value')!.textContent!.trim()).to.equal(lo === hi ? en(lo) : `${en(lo)} to ${en(hi)}`);
    expect(shadowText(el, '[data-local-note]')).to.contain('New York is made up of 5 whole counties');
    await expect(el).to.be.accessible();
  });

  it('a member whose county count is suppressed reads "fewer than 10", never 0 or blank', async () => {
    const data = await sources();
    // The feed says which members have a suppressed newest count; the source confirms it is 1-9.
    const cities = await (await fetch(new URL('stats/cities.json', REAL_FEED))).json();
    const member = cities.members.find((m: { local: { kind: string; suppressed?: boolean } }) => m.local.kind === 'county' && m.local.suppressed);
    const state = (member.id as string).slice(0, 2).toUpperCase();
    const stateFile = await (await fetch(new URL(`stats/state/${state.toLowerCase()}.json`, REAL_FEED))).json();
    const city = stateFile.cities.find((c: { id: string }) => c.id === member.id);
    const fips = member.local.fips[0] as string;
    const intent = countyRow(data, fips, 'homicide', '2023').deaths === '' ? 'homicide' : 'suicide';
    const row = countyRow(data, fips, intent, '2023');
    expect([row.deaths, row.deaths_range]).to.deep.equal(['', '1-9']);
    const el = await card({ state, city: city.city });
    const shown = figure(el, `local-${intent}`)!;
    expect(shown.querySelector('data')).to.equal(null);
    expect(shown.querySelector('.figure__value')!.textContent!.trim()).to.equal('fewer than 10');
    expect(shown.querySelector('[data-year]')!.textContent).to.equal('2023');
    expect(shadowText(el, `[data-figure="local-${intent}"] [data-change]`)).to.match(/^no change is given since 2019/);
    await expect(el).to.be.accessible();
  });

  it('US 2023: the total and its intents equal the CDC figures', async () => {
    const data = await sources();
    const el = await card({ state: 'MD' });
    const row = nationalRow(data, 2023);
    expectFigure(el, 'national-deaths', Number(row.firearm_deaths_total), en(row.firearm_deaths_total!), '2023', 'CDC WISQARS');
    expect(shadowText(el, '[data-figure="national-deaths"] [data-intents]')).to.equal(
      `: ${en(row.homicide!)} homicides, ${en(row.suicide!)} suicides, ${en(row.unintentional!)} unintentional, ${en(row.legal_intervention!)} legal intervention, ${en(row.undetermined!)} undetermined intent`,
    );
    await expect(el).to.be.accessible();
  });

  it('Puerto Rico: says there are no CDC state or county figures, shows the national figures', async () => {
    const data = await sources();
    expect(cdcRows(data, 'PR')).to.deep.equal([]);
    expect(data.county.some((r) => r.state_name === 'Puerto Rico')).to.equal(false);
    const el = await card({ state: 'PR', city: 'San Sebastián' });
    expect(figure(el, 'state-deaths')).to.equal(null);
    expect(figure(el, 'local-homicide')).to.equal(null);
    expect(shadowText(el, '[data-notice="no-cdc"]')).to.contain('No CDC state figures for Puerto Rico in the sources we use.');
    expect(shadowText(el, '[data-notice="no-local"]')).to.equal(
      "CDC's county figures have no rows for Puerto Rico or any other territory, so there is no local CDC figure for San Sebastián. The figures that exist are shown below.",
    );
    const latest = data.national.at(-1)!;
    expectFigure(el, 'national-deaths', Number(latest.firearm_deaths_total), en(latest.firearm_deaths_total!), latest.year!, 'CDC WISQARS');
    expect(el.shadowRoot!.querySelector('[data-notice="no-city"]')).to.equal(null);
    const gva = await card({ state: 'PR', city: 'San Sebastián', feed: GVA_FEED });
    expect(shadowText(gva, '[data-notice="no-city"]')).to.equal(
      "No Gun Violence Archive figures for San Sebastián, PR: it has no record under this city's name.",
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
    const cellsOf = (t: HTMLTableElement) => [...t.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    const table = el.shadowRoot!.querySelector<HTMLTableElement>('[data-table="trend-table-state"] table')!;
    expect(table.checkVisibility()).to.equal(true);
    const rows = cellsOf(table);
    expect(rows.length).to.equal(2023 - 2014 + 1);
    for (const r of cdcRows(data, 'MD')) {
      const row = rows.find((cells) => cells[0] === r.year)!;
      expect(row.slice(1, 4)).to.deep.equal([en(r.deaths!), en1(r.age_adjusted_rate_per_100k!), en(nationalRow(data, r.year!).firearm_deaths_total!)]);
    }
    // The table covers the years the feed shows (2014-2023), nothing before.
    expect(rows.map((cells) => cells[0])).to.deep.equal(cdcRows(data, 'MD').map((r) => r.year));
    // The local CDC series by year: final years only, 2024 (provisional) left out.
    const local = el.shadowRoot!.querySelector<HTMLTableElement>('[data-table="trend-table-local"] table')!;
    const fips = countyFips(data, 'Baltimore city', 'Maryland');
    expect(cellsOf(local)).to.deep.equal(
      ['2019', '2020', '2021', '2022', '2023'].map((y) => [y, en(countyRow(data, fips, 'homicide', y).deaths!), en(countyRow(data, fips, 'suicide', y).deaths!)]),
    );
    // The default feed has no GVA city table.
    expect(el.shadowRoot!.querySelector('[data-table="trend-table-gva"]')).to.equal(null);
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

  it('San Juan, PR (not a member, no CDC state figures): the heading and the notes say that only US figures are shown', async () => {
    const el = await card({ state: 'PR', city: 'San Juan' });
    expect(shadowText(el, '[part="title"]')).to.equal('Gun deaths in the United States');
    const notes = [...el.shadowRoot!.querySelectorAll('[part="notice"]')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim()).join(' ');
    expect(notes).to.contain('"San Juan" is not one of the member cities in Puerto Rico, so there are no figures for the city.');
    expect(notes).to.not.contain('state and national figures are shown');
    expect(notes).to.not.contain('for Puerto Rico and the whole country are shown');
    expect(notes).to.contain('The national figures are shown.');
    expect(value(el, 'state-deaths')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('an unknown city: a readable message, and the state and national figures', async () => {
    const el = await card({ state: 'MD', city: 'Springfield' });
    expect(shadowText(el, '[data-notice="query"]')).to.equal(
      '"Springfield" is not one of the member cities in Maryland, so there are no figures for the city. The figures for Maryland and the whole country are shown.',
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
    expect(value(el, 'state-rate')!.textContent).to.equal(
      new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(last.age_adjusted_rate_per_100k)),
    );
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

  itResizable('at 320 px each table scrolls in a box that takes focus, and its caption is not clipped', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      // The GVA feed, for its two extra tables.
      const el = await card({ state: 'MD', city: 'Baltimore', feed: GVA_FEED });
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await el.updateComplete;
      const boxes = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.table__scroll')];
      expect(boxes.length).to.equal(4);
      const wide = boxes.filter((b) => b.scrollWidth > b.clientWidth);
      expect(wide.length, 'a table wider than 320 px').to.be.greaterThan(0);
      for (const box of boxes) {
        expect(box.tabIndex).to.equal(0);
        expect(box.getAttribute('role')).to.equal('region');
        box.focus();
        expect(el.shadowRoot!.activeElement).to.equal(box);
        // The caption is outside the box: as wide as the card, wrapped, fully shown.
        const caption = el.shadowRoot!.getElementById(box.getAttribute('aria-labelledby')!.split(' ')[1]!)!;
        expect(box.contains(caption)).to.equal(false);
        expect(caption.scrollWidth).to.be.at.most(caption.clientWidth + 1);
        expect(caption.getBoundingClientRect().right).to.be.at.most(document.documentElement.clientWidth + 0.5);
      }
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says "The chart could not be loaded" in a status message', async () => {
    const el = await card({ state: 'MD' });
    const status = el.shadowRoot!.querySelector<HTMLElement>('[part="chart"] [role="status"]')!;
    expect(status).to.exist;
    // The chart's fate is told in the same live region, which stays in the page.
    (el as unknown as { chart: { status: string } }).chart.status = 'failed';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="chart"] [role="status"]')).to.equal(status);
    expect(status.textContent!.trim()).to.equal('The chart could not be loaded; the table below has every figure.');
    await expect(el).to.be.accessible();
  });

  it('two cards on one page make two distinct regions', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <maig-city-stats feed=${REAL_FEED} state="MD" city="Baltimore"></maig-city-stats>
      <maig-city-stats feed=${REAL_FEED} state="MD" city="Annapolis"></maig-city-stats>
    </div>`);
    const cards = [...wrapper.querySelectorAll('maig-city-stats')];
    for (const c of cards) await waitForShadow(c, '[data-figure="national-deaths"]');
    const name = (region: Element) =>
      region
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => region.getRootNode() instanceof ShadowRoot && (region.getRootNode() as ShadowRoot).getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim())
        .join(' ');
    const names = cards.map((c) => name(c.shadowRoot!.querySelector('section.trend')!));
    expect(names[0]).to.not.equal(names[1]);
    expect(names[0]).to.contain('Baltimore');
    await expect(wrapper).to.be.accessible();
  });

  itChromium('in forced colours with a dark palette, the chart draws its axis text in the system text colour', async () => {
    const { Chart } = await import('chart.js');
    // A canvas normalizes any CSS color to #rrggbb (a styled element would be forced itself).
    const pen = document.createElement('canvas').getContext('2d')!;
    const luminance = (color: string) => {
      pen.fillStyle = '#000000';
      pen.fillStyle = color;
      const hex = String(pen.fillStyle);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    /** The contrast of the chart's axis text with what is behind the chart. */
    const axisContrast = async () => {
      const el = await fixture<MaigCityStats>(html`<maig-city-stats feed=${REAL_FEED} state="MD" theme="dark"></maig-city-stats>`);
      await waitForShadow(el, '[data-figure="national-deaths"]');
      el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!.scrollIntoView();
      const canvas = el.shadowRoot!.querySelector('canvas')!;
      await waitUntil(() => Chart.getChart(canvas), 'the chart was not drawn');
      const tick = String(Chart.getChart(canvas)!.options.scales!.x!.ticks!.color);
      const background = getComputedStyle(el.shadowRoot!.querySelector('.root')!).backgroundColor;
      return { tick, background, ratio: contrast(tick, background) };
    };
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const { ratio, tick, background } = await axisContrast();
      expect(ratio, `axis text ${tick} on ${background}`).to.be.at.least(4.5);
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });
});

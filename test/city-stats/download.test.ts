import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/city-stats/define.js';
import type { MaigCityStats } from '../../src/city-stats/maig-city-stats.js';
import { csvCell, csvText } from '../../src/shared/text/csv.js';
import { REAL_FEED, resetFeed } from '../helpers/feed.js';
import { waitForShadow } from '../helpers/dom.js';
import { cdcRows, cellsOf, countyFips, countyRow, nationalRow, sources } from './stats-data.js';

/** Catches the next download (the temporary link's click): its file name and the file's bytes. */
function nextDownload(): Promise<{ name: string; type: string; bytes: Uint8Array; text: string }> {
  const click = HTMLAnchorElement.prototype.click;
  return new Promise((resolve, reject) => {
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      HTMLAnchorElement.prototype.click = click;
      if (!this.download || !this.href.startsWith('blob:')) return reject(new Error(`not a download: ${this.href}`));
      fetch(this.href)
        .then(async (r) => {
          const blob = await r.blob();
          const bytes = new Uint8Array(await blob.arrayBuffer());
          resolve({ name: this.download, type: blob.type, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) });
        })
        .catch(reject);
    };
  });
}

async function card(lang: string, state: string, city: string): Promise<MaigCityStats> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><maig-city-stats feed=${REAL_FEED} state=${state} city=${city}></maig-city-stats></div>`);
  const el = wrapper.querySelector<MaigCityStats>('maig-city-stats')!;
  await waitForShadow(el, '[data-download="csv"]');
  return el;
}

const rowsOf = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map(cellsOf);

describe('<maig-city-stats> downloads', () => {
  afterEach(resetFeed);

  it("Baltimore's figures as CSV: UTF-8 with BOM, one row per figure, its 2023 figures and their sources", async () => {
    const data = await sources();
    const el = await card('en', 'MD', 'Baltimore');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-download="csv"]')!;
    expect(button.textContent!.trim()).to.equal('Download the figures (CSV)');
    const requests = performance.getEntriesByType('resource').filter((e) => e.name.includes('/feed/')).length;
    const download = nextDownload();
    button.click();
    const file = await download;
    expect(file.name).to.equal('baltimore-md-2023-firearm-figures.csv');
    expect(file.type).to.equal('text/csv;charset=utf-8');
    expect([...file.bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    // No new request for the feed: built from what the card holds.
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes('/feed/')).length).to.equal(requests);
    const [header, ...rows] = rowsOf(file.text);
    expect(header).to.deep.equal(['place', 'year', 'measure', 'value', 'unit', 'source', 'source URL']);
    const find = (place: string, year: string, measure: string) => rows.filter((r) => r[0] === place && r[1] === year && r[2] === measure);
    const fips = countyFips(data, 'Baltimore city', 'Maryland');
    const county = 'CDC, Mapping Injury, Overdose, and Violence - County';
    expect(find('Baltimore, MD', '2023', 'firearm homicides')).to.deep.equal([
      ['Baltimore, MD', '2023', 'firearm homicides', countyRow(data, fips, 'homicide', '2023').deaths, 'deaths', county, 'https://data.cdc.gov/d/psx4-wq38'],
    ]);
    expect(find('Baltimore, MD', '2023', 'firearm suicides')[0]![3]).to.equal(countyRow(data, fips, 'suicide', '2023').deaths);
    const md = cdcRows(data, 'MD').at(-1)!;
    const state = 'CDC/NCHS, Firearm Mortality by State (National Vital Statistics System)';
    expect(find('Maryland', '2023', 'firearm deaths')).to.deep.equal([
      ['Maryland', '2023', 'firearm deaths', md.deaths, 'deaths', state, 'https://www.cdc.gov/nchs/state-stats/deaths/firearms.html'],
    ]);
    expect(find('Maryland', '2023', 'firearm death rate, age-adjusted')[0]![3]).to.equal(String(Number(md.age_adjusted_rate_per_100k)));
    const us = nationalRow(data, 2023);
    expect(find('United States', '2023', 'firearm deaths')[0]!.slice(3)).to.deep.equal([us.firearm_deaths_total, 'deaths', 'CDC WISQARS Fatal Injury Reports', 'https://wisqars.cdc.gov/']);
    expect(find('United States', '2023', 'firearm suicides')[0]![3]).to.equal(us.suicide);
    // The chart's series: every year of the state's rate (2014-2023).
    expect(rows.filter((r) => r[0] === 'Maryland' && r[2] === 'firearm death rate, age-adjusted').map((r) => r[1])).to.deep.equal(cdcRows(data, 'MD').map((r) => r.year));
    // Every row has seven cells, and no Gun Violence Archive figure in the default feed.
    expect(rows.every((r) => r.length === 7)).to.equal(true);
    expect(file.text).not.to.contain('Gun Violence Archive');
  });

  it('in Spanish: headers, measures and the file name in Spanish', async () => {
    const el = await card('es', 'MD', 'Baltimore');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-download="csv"]')!;
    expect(button.textContent!.trim()).to.equal('Descargar las cifras (CSV)');
    const download = nextDownload();
    button.click();
    const file = await download;
    expect(file.name).to.equal('baltimore-md-2023-cifras-armas-de-fuego.csv');
    const [header, ...rows] = rowsOf(file.text);
    expect(header).to.deep.equal(['lugar', 'año', 'medida', 'valor', 'unidad', 'fuente', 'URL de la fuente']);
    expect(rows.some((r) => r[0] === 'Maryland' && r[1] === '2023' && r[2] === 'muertes por arma de fuego' && r[4] === 'muertes')).to.equal(true);
    expect(rows.some((r) => r[0] === 'Estados Unidos' && r[2] === 'homicidios con arma de fuego')).to.equal(true);
  });

  it('the chart as PNG once it is drawn', async function () {
    this.timeout(30000);
    const el = await card('en', 'MD', 'Baltimore');
    // No PNG before the chart is drawn (it is drawn when the card scrolls into view).
    el.shadowRoot!.querySelector('[part="chart"]')!.scrollIntoView();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-download="png"]'), 'no PNG button', { timeout: 25000 }).catch((e) => {
      throw new Error(`${e.message}; chart: ${el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')?.dataset.chart}`);
    });
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-download="png"]')!;
    expect(button.textContent!.trim()).to.equal('Download the chart (PNG)');
    const download = nextDownload();
    button.click();
    const file = await download;
    expect(file.name).to.equal('baltimore-md-2023-firearm-chart.png');
    expect(file.type).to.equal('image/png');
    expect([...file.bytes.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).to.equal('PNG');
    const image = await createImageBitmap(new Blob([file.bytes as Uint8Array<ArrayBuffer>]));
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect([image.width, image.height]).to.deep.equal([canvas.width, canvas.height]);
    await expect(el).to.be.accessible();
  });

  it('no cell can start a formula (the server export rule), and quotes and separators are escaped', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', ' =1', '"=1', '\t=1']) expect(csvCell(bad), bad).to.match(/^"?[\s"]*'/);
    expect(csvCell('a;=HYPERLINK()')).to.equal(`"a;'=HYPERLINK()"`);
    expect(csvCell('x\n@y')).to.equal(`"x\n'@y"`);
    expect(csvCell('Say "hi", ok')).to.equal('"Say ""hi"", ok"');
    expect(csvCell(12.5)).to.equal('12.5');
    expect(csvCell(null)).to.equal('');
    expect(csvText(['a'], [['=2']])).to.equal("\uFEFFa\r\n'=2\r\n");
  });
});

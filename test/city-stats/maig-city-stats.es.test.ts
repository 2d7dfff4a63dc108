import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/city-stats/define.js';
import type { MaigCityStats } from '../../src/city-stats/maig-city-stats.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, GVA_FEED, REAL_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';
import { expectNoEnglish, expectTranslated, langAttributes } from '../helpers/i18n.js';
import { clearFeedCache } from '../../src/shared/feed/client.js';
import { cdcRows, countyRow, nationalRow, sources } from './stats-data.js';

/**
 * The same in English and Spanish on purpose: names of places, of agencies and their
 * publications (CDC/NCHS, CDC WISQARS, CDC WONDER, Gun Violence Archive).
 */
const NAMES: Array<string | RegExp> = [
  /^(CDC\/NCHS|CDC WISQARS|CDC WONDER|Gun Violence Archive)$/,
  /^(Maryland|Baltimore|Illinois|Chicago|Puerto Rico|San Sebastián|Texas)$/,
];

const spanishNumber = (n: number | string, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat('es', options).format(Number(n));

const figure = (el: Element, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-figure="${id}"]`);

type Attrs = { state?: string; city?: string; feed?: string };

/** A card inside `<div lang=…>`; waits for the national figure (the card's content). */
async function card(lang: string, attrs: Attrs, ready = '[data-figure="national-deaths"]'): Promise<MaigCityStats> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}><maig-city-stats feed=${attrs.feed ?? REAL_FEED} state=${attrs.state ?? ''} city=${attrs.city ?? ''}></maig-city-stats></div>`,
  );
  const el = wrapper.querySelector<MaigCityStats>('maig-city-stats')!;
  if (ready) await waitForShadow(el, ready);
  return el;
}

/** The same card in English and in Spanish. */
async function pair(attrs: Attrs, ready?: string): Promise<[MaigCityStats, MaigCityStats]> {
  const en = await card('en', attrs, ready);
  const es = await card('es', attrs, ready);
  return [en, es];
}

/** Every `lang` inside the card is English content marked `en` (names of publications, feed text without Spanish). */
function expectLangMarks(el: Element): void {
  expect(
    langAttributes(el).filter((l) => l !== 'en'),
    'lang attributes other than "en" inside the card',
  ).to.deep.equal([]);
}

async function checkSpanish(en: MaigCityStats, es: MaigCityStats, context: string, allow: Array<string | RegExp> = []): Promise<void> {
  expectNoEnglish(es, context);
  expectTranslated(en, es, [...NAMES, ...allow], context);
  expectLangMarks(es);
  await expect(es).to.be.accessible();
}

describe('<maig-city-stats> in Spanish', () => {
  afterEach(() => {
    resetFeed();
    document.documentElement.removeAttribute('lang');
  });

  it('loading: a Spanish status line', async () => {
    mockFetch({ [FIXTURE_FEED]: { hang: true } });
    const es = await card('es', { feed: FIXTURE_FEED, state: 'MD' }, '[part="loading"]');
    expect(shadowText(es, '[part="loading"]')).to.contain('las estadísticas de violencia armada');
    expectNoEnglish(es, 'loading');
    expect(shadowText(es, '[part="loading"]')).to.not.contain('the gun violence statistics');
    expectLangMarks(es);
    await expect(es).to.be.accessible();
  });

  it('error: a feed without statistics', async () => {
    mockFetch(fixtureRoutes());
    const [en, es] = await pair({ feed: FIXTURE_FEED, state: 'MD' }, '[part="error"]');
    expect(shadowText(es, '[part="error"]')).to.match(/las estadísticas de violencia armada/i);
    await checkSpanish(en, es, 'error (no statistics)');
  });

  it('error: the state file cannot be read', async () => {
    mockFetch({ 'stats/state/md.json': { status: 500 } });
    const [en, es] = await pair({ state: 'MD' }, '[part="error"]');
    await checkSpanish(en, es, 'error (state file)');
  });

  it('stale: a kept copy, with the card in Spanish', async () => {
    await card('es', { state: 'MD' });
    clearFeedCache(); // a new page view: the kept copies stay
    mockFetch({ [REAL_FEED]: { networkError: true }, 'stats/national.json': { networkError: true }, 'stats/state/md.json': { networkError: true } });
    const [en, es] = await pair({ state: 'MD' });
    await waitForShadow(es, '[part="stale"]');
    expect(shadowText(es, '[part="title"]')).to.equal('Muertes por armas de fuego en Maryland');
    await checkSpanish(en, es, 'stale');
  });

  it('Maryland and Baltimore: every label, year line, change line and note in Spanish; numbers and dates in the Spanish locale', async () => {
    const data = await sources();
    // With the GVA layer (a feed built --with-gva), so that its Spanish notes are checked too.
    const [en, es] = await pair({ state: 'MD', city: 'Baltimore', feed: GVA_FEED });
    await waitForShadow(es, '[data-figure="city-mass"]');
    expect(shadowText(es, '[data-rights]')).to.equal(
      'Las cifras de los CDC son de dominio público. Las cifras de Gun Violence Archive están protegidas por derechos de autor y se publican aquí con su permiso.',
    );
    await checkSpanish(en, es, 'Maryland and Baltimore');
    const md = cdcRows(data, 'MD');
    const last = md.at(-1)!;
    expect(shadowText(es, '[data-figure="state-deaths"] .figure__label')).to.equal('muertes por arma de fuego en Maryland');
    expect(figure(es, 'state-deaths')!.querySelector('data')!.textContent).to.equal(spanishNumber(last.deaths!));
    expect(figure(es, 'state-rate')!.querySelector('data')!.textContent).to.equal(spanishNumber(last.age_adjusted_rate_per_100k!, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    expect(shadowText(es, '[data-figure="state-deaths"] .figure__meta')).to.equal(`${last.year} · Fuente: CDC/NCHS`);
    const us = nationalRow(data, Number(last.year));
    expect(figure(es, 'national-deaths')!.querySelector('data')!.textContent).to.equal(spanishNumber(us.firearm_deaths_total!));
    expect(shadowText(es, '[data-figure="national-deaths"] [data-intents]')).to.equal(
      `: ${spanishNumber(us.homicide!)} homicidios, ${spanishNumber(us.suicide!)} suicidios, ${spanishNumber(us.unintentional!)} accidentales, ${spanishNumber(us.legal_intervention!)} por intervención legal, ${spanishNumber(us.undetermined!)} de intención no determinada`,
    );
    expect(shadowText(es, '[data-figure="local-homicide"] .figure__label')).to.equal('homicidios con arma de fuego en Baltimore (cifra propia de Baltimore)');
    expect(shadowText(es, '[data-figure="local-homicide"] [data-change]')).to.match(/^([+-]\d[\d.]*|sin cambio) desde 2019 \(\d[\d.]* en 2019\)$/);
    // The mass shootings' last day, as a Spanish date.
    expect(shadowText(es, '[data-figure="city-mass"]')).to.match(/de 2013 al \d{1,2} de [a-z]+ de \d{4}: /);
    expect(shadowText(es, '.notes summary')).to.equal('Acerca de estas cifras');
    expect(shadowText(es, '[part="sources"] a .visually-hidden')).to.equal('(se abre en una pestaña nueva)');
    // Publication titles stay English, marked so; every feed note has its Spanish version.
    const marked = [...es.shadowRoot!.querySelectorAll('[lang="en"]')].map((n) => n.textContent!.trim());
    expect(marked.length).to.be.greaterThan(0);
    for (const text of marked) expect(text, 'English content marked lang="en"').to.match(/^(CDC|Gun Violence Archive|.*County)/);
    expect(es.shadowRoot!.querySelectorAll('.notes li[lang="en"]').length, 'feed notes left in English').to.equal(0);
  });

  it('one number style per language tag: an es-US card writes "100,000" like its figures, an es card "100.000"', async () => {
    for (const [lang, per, grouped] of [['es-US', '100,000', /^\d{1,3}(,\d{3})+$/], ['es', '100.000', /^\d{1,3}(\.\d{3})+$/]] as const) {
      const el = await card(lang, { state: 'MD', city: 'Baltimore' });
      const text = shadowText(el);
      expect(text, lang).to.include(`por cada ${per} habitantes`);
      expect(text, lang).not.to.match(/100[\s\u00a0\u202f]000/);
      expect(figure(el, 'national-deaths')!.querySelector('data')!.textContent, lang).to.match(grouped);
    }
  });

  it('Chicago: the Cook County figure, labelled as the county’s, in Spanish (page <html lang="es">)', async () => {
    document.documentElement.lang = 'es';
    const en = await card('en', { state: 'IL', city: 'Chicago' });
    const wrapper = await fixture<HTMLDivElement>(html`<div><maig-city-stats feed=${REAL_FEED} state="IL" city="Chicago"></maig-city-stats></div>`);
    const es = wrapper.querySelector<MaigCityStats>('maig-city-stats')!;
    await waitForShadow(es, '[data-figure="local-homicide"]');
    expect(shadowText(es, '[data-figure="local-homicide"] .figure__label')).to.equal(
      'homicidios con arma de fuego en Cook County, donde se encuentra Chicago (cifra del condado, no de la ciudad)',
    );
    expect(shadowText(es, '[data-local-note]')).to.contain('Los CDC publican estas cifras por condado, no por ciudad');
    await checkSpanish(en, es, 'Chicago', [/^Cook County$/]);
  });

  it('a suppressed county count reads "menos de 10"', async () => {
    const data = await sources();
    const cities = await (await fetch(new URL('stats/cities.json', REAL_FEED))).json();
    const member = cities.members.find((m: { local: { kind: string; suppressed?: boolean } }) => m.local.kind === 'county' && m.local.suppressed);
    const state = (member.id as string).slice(0, 2).toUpperCase();
    const stateFile = await (await fetch(new URL(`stats/state/${state.toLowerCase()}.json`, REAL_FEED))).json();
    const city = stateFile.cities.find((c: { id: string }) => c.id === member.id);
    const intent = countyRow(data, member.local.fips[0], 'homicide', '2023').deaths === '' ? 'homicide' : 'suicide';
    const [en, es] = await pair({ state, city: city.city });
    expect(shadowText(es, `[data-figure="local-${intent}"] .figure__value`)).to.equal('menos de 10');
    expect(shadowText(es, `[data-figure="local-${intent}"] [data-change]`)).to.match(/^no se indica el cambio desde 2019/);
    await checkSpanish(en, es, 'suppressed county', [city.city, new RegExp(`^${stateFile.state.name}$`), new RegExp(`County|Parish`)]);
  });

  it('Puerto Rico (es-PR): no CDC state or county figures, said in Spanish', async () => {
    const en = await card('en', { state: 'PR', city: 'San Sebastián' });
    const es = await card('es-PR', { state: 'PR', city: 'San Sebastián' });
    expect(shadowText(es, '[data-notice="no-cdc"]')).to.equal(
      'No hay cifras estatales de los CDC para Puerto Rico en las fuentes que usamos. Los CDC/NCHS no publican cifras estatales de mortalidad por arma de fuego para Puerto Rico en la fuente que usamos. Se muestran las cifras nacionales.',
    );
    expect(shadowText(es, '[data-notice="no-local"]')).to.equal(
      'Las cifras por condado de los CDC no tienen datos de Puerto Rico ni de ningún otro territorio, por lo que no hay una cifra local de los CDC para San Sebastián. A continuación se muestran las cifras disponibles.',
    );
    await checkSpanish(en, es, 'Puerto Rico');
  });

  it('an unknown city and an unknown state: Spanish notices', async () => {
    const [en, es] = await pair({ state: 'MD', city: 'Springfield' });
    expect(shadowText(es, '[data-notice="query"]')).to.equal(
      '"Springfield" no es una de las ciudades miembro de Maryland, por lo que no hay cifras de la ciudad. Se muestran las cifras de Maryland y de todo el país.',
    );
    await checkSpanish(en, es, 'unknown city', [/^Springfield$/]);
    const [en2, es2] = await pair({ state: 'ZZ' });
    expect(shadowText(es2, '[data-notice="query"]')).to.equal(
      '"ZZ" no es un código de estado o territorio de EE. UU. (use uno como "MD"), por lo que solo se muestran las cifras nacionales.',
    );
    expect(shadowText(es2, '[part="title"]')).to.equal('Muertes por armas de fuego en los Estados Unidos');
    await checkSpanish(en2, es2, 'unknown state');
    const [en3, es3] = await pair({ city: 'Baltimore' });
    expect(shadowText(es3, '[data-notice="query"]')).to.contain('No se indicó un estado para "Baltimore"');
    await checkSpanish(en3, es3, 'no state');
  });

  it('table view: captions, headers and the toggle in Spanish', async () => {
    // The GVA feed, so that its two city tables are checked too.
    const [en, es] = await pair({ state: 'MD', city: 'Baltimore', feed: GVA_FEED });
    for (const el of [en, es]) {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await el.updateComplete;
    }
    expect(shadowText(es, '[part="toggle"]')).to.equal('Mostrar como gráfico');
    const heads = [...es.shadowRoot!.querySelectorAll('[data-table="trend-table-state"] th[scope="col"]')].map((th) => th.textContent!.trim());
    expect(heads).to.deep.equal([
      'Año',
      'Maryland: muertes por arma de fuego',
      'Maryland: tasa por cada 100.000 habitantes (ajustada por edad)',
      'Estados Unidos: muertes por arma de fuego',
    ]);
    expect(es.shadowRoot!.querySelectorAll('.table__scroll').length).to.equal(4);
    expect(shadowText(es, '#trend-table-state-caption')).to.match(/^Tasa de muertes por arma de fuego en Maryland, \d{4}–\d{4}: todas las cifras del gráfico/);
    await checkSpanish(en, es, 'table view');
  });

  it('the chart in Spanish: series, axis titles, tooltip, text alternative and status messages', async () => {
    const es = await card('es', { state: 'MD', city: 'Baltimore' });
    const box = es.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!;
    expect(shadowText(es, '[part="chart"] [role="status"]')).to.equal('El gráfico se dibuja cuando aparece en pantalla.');
    es.shadowRoot!.querySelector<HTMLInputElement>('.check input')!.click();
    const ready = oneEvent(es, 'maig-chart-ready');
    box.scrollIntoView();
    const event = await ready;
    expect(event.detail.series).to.deep.equal(['Maryland, tasa por cada 100.000 habitantes', 'Estados Unidos, muertes']);
    const canvas = box.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-label')).to.match(/^Gráfico de líneas\. Tasa de muertes por arma de fuego en Maryland, \d{4}–\d{4}\.$/);
    const { Chart } = await import('chart.js');
    const chart = Chart.getChart(canvas)!;
    const scales = chart.options.scales as Record<string, { title: { text: string } }>;
    expect(scales.y!.title.text).to.equal('Muertes por cada 100.000 habitantes (tasa ajustada por edad)');
    expect(scales.y1!.title.text).to.equal('Muertes por arma de fuego en EE. UU.');
    const label = chart.options.plugins!.tooltip!.callbacks!.label as unknown as (item: { datasetIndex: number; raw: number }) => string;
    expect(label({ datasetIndex: 1, raw: 46728 })).to.equal(`Estados Unidos, muertes: ${spanishNumber(46728)}`);
    expect(label({ datasetIndex: 0, raw: 12.3 })).to.equal(`Maryland, tasa por cada 100.000 habitantes: ${spanishNumber(12.3, { minimumFractionDigits: 1 })}`);
    expect(shadowText(es, '.legend')).to.equal('Maryland, tasa por cada 100.000 habitantes (eje izquierdo) Muertes por arma de fuego en EE. UU. (eje derecho)');
    expectNoEnglish(es, 'chart drawn');
    expectLangMarks(es);
    await expect(es).to.be.accessible();
    // The chart's failure is told in Spanish in the same live region.
    (es as unknown as { chart: { status: string } }).chart.status = 'failed';
    await es.updateComplete;
    expect(shadowText(es, '[part="chart"] [role="status"]')).to.equal('No se pudo cargar el gráfico; la tabla de abajo tiene todas las cifras.');
    expectNoEnglish(es, 'chart failed');
    await expect(es).to.be.accessible();
  });

  it('switches language when its own lang changes', async () => {
    const el = await card('es', { state: 'MD' });
    expect(shadowText(el, '[part="title"]')).to.equal('Muertes por armas de fuego en Maryland');
    el.setAttribute('lang', 'en');
    await waitUntil(() => shadowText(el, '[part="title"]') === 'Gun deaths in Maryland');
    expect(shadowText(el, '[part="toggle"]')).to.equal('Show as table');
  });
});

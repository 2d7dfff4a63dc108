import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/member-count/define.js';
import { mockFetch, type MockRoutes } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, fixtureIndex, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';
import { clearFeedCache, loadResource } from '../../src/shared/feed/client.js';
import { expectNoEnglish, expectTranslated, langAttributes, switchLang } from '../helpers/i18n.js';
import { FEED_SHAPES } from '../../src/member-count/feed-shapes.generated.js';

const ES_HEADLINE = 'Un grupo bipartidista de más de 2000 alcaldes y exalcaldes';
const withSpanishClaim = (): MockRoutes => ({
  ...fixtureRoutes(),
  [FIXTURE_FEED]: { json: { ...fixtureIndex(), coalition: { ...fixtureIndex().coalition, es: { headline: ES_HEADLINE } } } },
});

/** The widget inside a wrapper in `lang`. */
async function render(lang: string, body: TemplateResult): Promise<HTMLElement> {
  const wrapper = await fixture(html`<div lang=${lang}>${body}</div>`);
  return wrapper.querySelector('maig-member-count')!;
}

/** The same state in English and in Spanish, both checked. */
async function both(body: TemplateResult, selector: string, allow: Array<string | RegExp> = []): Promise<HTMLElement> {
  const en = await render('en-US', body);
  await waitForShadow(en, selector);
  const es = await render('es-US', body);
  await waitForShadow(es, selector);
  expectNoEnglish(es);
  expectTranslated(en, es, allow);
  await expect(es).to.be.accessible();
  return es;
}

describe('<maig-member-count> in Spanish', () => {
  afterEach(() => {
    resetFeed();
    document.documentElement.setAttribute('lang', 'en');
  });

  it('counts in Spanish, with a Spanish "as of" date and the Spanish claim from the feed', async () => {
    mockFetch(withSpanishClaim());
    const el = await both(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`, '[part="number"]');
    expect(shadowText(el, '[part="label"]')).to.equal('ciudades miembro');
    expect(shadowText(el, '[part="as-of"]')).to.match(/^Mayors Against Illegal Guns, al \d+ de [a-z]+ de \d{4}$/);
    expect(shadowText(el, '[part="claim"]')).to.equal(`La coalición: un grupo bipartidista de más de 2000 alcaldes y exalcaldes.`);
    expect(langAttributes(el)).to.deep.equal([]);
  });

  it('without a Spanish claim, shows the English one marked lang="en"', async () => {
    mockFetch(fixtureRoutes());
    const el = await both(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`, '[part="number"]');
    expect(shadowText(el, '[part="claim"]')).to.equal('La coalición: a bipartisan group of more than 2,000 current and former mayors.');
    expect(el.shadowRoot!.querySelector('[part="claim"] [lang="en"]')!.textContent).to.equal('a bipartisan group of more than 2,000 current and former mayors');
    expect(langAttributes(el)).to.deep.equal(['en']);
  });

  it('follows the document: <html lang="es-PR">, one member (singular), numbers and dates in Spanish', async () => {
    document.documentElement.setAttribute('lang', 'es-PR');
    const members = { ...fixtureRoutes()['https://feed.test/v1/members.json'].json };
    members.members = Array.from({ length: 2345 }, (_, i) => ({ id: `nj-c${i}`, city: `C${i}`, state: 'NJ' }));
    mockFetch({ ...withSpanishClaim(), 'https://feed.test/v1/members.json': { json: members } });
    const el = await fixture(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`);
    const number = await waitForShadow(el, '[part="number"]');
    expect(number.textContent).to.equal(new Intl.NumberFormat('es-PR').format(2345));
    expectNoEnglish(el);
    clearFeedCache();
    mockFetch(withSpanishClaim());
    const one = await fixture(html`<maig-member-count feed=${FIXTURE_FEED} state="PR"></maig-member-count>`);
    await waitForShadow(one, '[part="number"]');
    expect(shadowText(one, '[part="label"]')).to.equal('ciudad miembro en Puerto Rico');
    expectNoEnglish(one);
    await expect(one).to.be.accessible();
  });

  it('loading', async () => {
    mockFetch({ [FIXTURE_FEED]: { hang: true } });
    const el = await both(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`, '[part="loading"]');
    expect(shadowText(el, '[part="loading"]')).to.equal('Cargando el número de ciudades miembro…');
  });

  it('empty', async () => {
    mockFetch(fixtureRoutes());
    const el = await both(html`<maig-member-count feed=${FIXTURE_FEED} state="WY"></maig-member-count>`, '[part="empty"]', ['Wyoming']);
    expect(shadowText(el, '[part="empty"]')).to.equal('La fuente de datos de la coalición aún no incluye ciudades miembro en Wyoming.');
  });

  it('error: the feed fails, and an unknown state', async () => {
    mockFetch({ ...fixtureRoutes(), [FIXTURE_FEED]: { status: 503 } });
    const el = await both(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`, '[part="error"]', [/feed\.test/]);
    expect(shadowText(el, '.state__title')).to.equal('No se pudo mostrar el número de ciudades miembro.');
    expect(shadowText(el, '[part="error"]')).to.contain('La fuente de datos respondió con un error (HTTP 503).');
    expect(shadowText(el, '[part="retry"]')).to.equal('Intentar de nuevo');
    resetFeed();
    mockFetch(fixtureRoutes());
    const bad = await both(html`<maig-member-count feed=${FIXTURE_FEED} state="ZZ"></maig-member-count>`, '[part="error"]');
    expect(shadowText(bad, '[part="error"]')).to.contain('"ZZ" no es un estado ni un territorio de EE. UU.');
  });

  it('stale: a kept copy, with its date in Spanish', async () => {
    mockFetch(fixtureRoutes());
    await loadResource(FIXTURE_FEED, 'members', FEED_SHAPES);
    clearFeedCache();
    mockFetch({ [FIXTURE_FEED]: { networkError: true }, 'https://feed.test/v1/members.json': { networkError: true } });
    const el = await both(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`, '[part="stale"]');
    expect(shadowText(el, '[part="stale"]')).to.match(
      /^No se pudieron cargar los datos en vivo\. Se muestra una copia guardada el \d+ de [a-z]+ de \d{4}; puede estar desactualizada\.$/,
    );
  });

  it('switches language when its own lang changes', async () => {
    mockFetch(fixtureRoutes());
    const el = await render('en', html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`);
    await waitForShadow(el, '[part="number"]');
    expect(shadowText(el, '[part="label"]')).to.equal('member cities');
    el.setAttribute('lang', 'es-MX');
    await waitForShadow(el, '[part="number"]');
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadowText(el, '[part="label"]')).to.equal('ciudades miembro');
  });

  it('the empty and error messages follow a change of lang, without counting again', async () => {
    mockFetch(fixtureRoutes());
    const empty = await render('en', html`<maig-member-count feed=${FIXTURE_FEED} state="WY"></maig-member-count>`);
    await waitForShadow(empty, '[part="empty"]');
    expect(shadowText(empty, '[part="empty"]')).to.equal("No member cities in Wyoming are listed in the coalition's feed yet.");
    const wyomingEs = 'La fuente de datos de la coalición aún no incluye ciudades miembro en Wyoming.';
    expect(await switchLang(empty, 'es-MX', '[part="empty"]', wyomingEs)).to.deep.equal({ showedLoading: false });
    expectNoEnglish(empty);
    await expect(empty).to.be.accessible();
    expect(await switchLang(empty, 'en', '[part="empty"]', "No member cities in Wyoming are listed in the coalition's feed yet.")).to.deep.equal({ showedLoading: false });

    const failed = await render('en', html`<maig-member-count feed=${FIXTURE_FEED} state="ZZ"></maig-member-count>`);
    await waitForShadow(failed, '[part="error"]');
    expect(shadowText(failed, '[part="error"]')).to.contain('"ZZ" is not a US state or territory.');
    const zzEs = '"ZZ" no es un estado ni un territorio de EE. UU. Use un código postal de USPS, como "NJ", o un nombre, como "New Jersey".';
    expect(await switchLang(failed, 'es', '[part="error"]', zzEs)).to.deep.equal({ showedLoading: false });
    expectNoEnglish(failed);
    await expect(failed).to.be.accessible();
    expect(await switchLang(failed, 'en', '[part="error"]', '"ZZ" is not a US state or territory.')).to.deep.equal({ showedLoading: false });
  });
});

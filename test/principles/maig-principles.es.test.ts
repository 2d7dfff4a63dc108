import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/principles/define.js';
import type { MaigPrinciples } from '../../src/principles/maig-principles.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, REAL_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';
import { clearFeedCache, loadResource } from '../../src/shared/feed/client.js';
import { expectNoEnglish, expectTranslated, langAttributes, switchLang } from '../helpers/i18n.js';
import { FEED_SHAPES } from '../../src/principles/feed-shapes.generated.js';

async function render(lang: string, body: TemplateResult): Promise<MaigPrinciples> {
  const wrapper = await fixture(html`<div lang=${lang}>${body}</div>`);
  return wrapper.querySelector('maig-principles')!;
}

async function both(body: TemplateResult, selector: string, allow: Array<string | RegExp> = []): Promise<MaigPrinciples> {
  const en = await render('en-US', body);
  await waitForShadow(en, selector);
  const es = await render('es', body);
  await waitForShadow(es, selector);
  expectNoEnglish(es);
  expectTranslated(en, es, allow);
  await expect(es).to.be.accessible();
  return es;
}

/** Every text node of the shadow root that is not inside an element marked lang="en". */
const unmarkedText = (el: Element) => {
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  const out: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent!.replace(/\s+/g, ' ').trim();
    if (t && !n.parentElement!.closest('[lang="en"]')) out.push(t);
  }
  return out;
};

describe('<maig-principles> in Spanish', () => {
  afterEach(() => {
    resetFeed();
    document.documentElement.setAttribute('lang', 'en');
  });

  it('the real statement: Spanish controls and note, the English text marked lang="en"', async () => {
    const el = await both(html`<maig-principles feed=${REAL_FEED} join=""></maig-principles>`, '[part="list"]');
    expect(shadowText(el, '[part="english-only"]')).to.equal('La Declaración de Principios solo está disponible en inglés.');
    // The note comes before the statement, right under its heading.
    const note = el.shadowRoot!.querySelector('[part="english-only"]')!;
    expect(note.previousElementSibling!.getAttribute('part')).to.equal('heading');
    for (const part of ['heading', 'preamble', 'list']) {
      expect(el.shadowRoot!.querySelector(`[part="${part}"]`)!.getAttribute('lang'), part).to.equal('en');
    }
    expect(shadowText(el, '.expand-all')).to.equal('Mostrar todo');
    expect(shadowText(el, '.collapse-all')).to.equal('Ocultar todo');
    expect(shadowText(el, '[part="join"]')).to.equal('Únase a Mayors Against Illegal Guns');
    expect(shadowText(el, '.source')).to.match(/^Fuente: .+\.$/);
    expect(el.shadowRoot!.querySelector('.source [lang="en"]')).to.not.equal(null);
    expect(new Set(langAttributes(el))).to.deep.equal(new Set(['en']));
    // Outside the marked English: only Spanish, the coalition's name and list numbers.
    expect(unmarkedText(el).filter((t) => /Whereas|Statement|principles/i.test(t))).to.deep.equal([]);
  });

  it('on an English page there is no note and no lang="en" marking', async () => {
    const el = await render('en-US', html`<maig-principles feed=${REAL_FEED}></maig-principles>`);
    await waitForShadow(el, '[part="list"]');
    expect(el.shadowRoot!.querySelector('[part="english-only"]')).to.equal(null);
    expect(langAttributes(el)).to.deep.equal([]);
  });

  it('follows <html lang="es-US"> and opens everything in Spanish controls', async () => {
    document.documentElement.setAttribute('lang', 'es-US');
    mockFetch(fixtureRoutes());
    const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`);
    await waitForShadow(el, '[part="list"]');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.expand-all')!.click();
    await el.updateComplete;
    expectNoEnglish(el);
    await expect(el).to.be.accessible();
  });

  it('loading', async () => {
    mockFetch({ [FIXTURE_FEED]: { hang: true } });
    const el = await both(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`, '[part="loading"]');
    expect(shadowText(el, '[part="loading"]')).to.equal('Cargando la Declaración de Principios…');
  });

  it('error: the feed fails, and an unknown version', async () => {
    mockFetch({ ...fixtureRoutes(), [FIXTURE_FEED]: { networkError: true } });
    const el = await both(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`, '[part="error"]', [/feed\.test/]);
    expect(shadowText(el, '.state__title')).to.equal('No se pudo mostrar la Declaración de Principios.');
    expect(shadowText(el, '[part="error"]')).to.contain('No se pudo acceder a la fuente de datos. Revise su conexión e inténtelo de nuevo.');
    resetFeed();
    mockFetch(fixtureRoutes());
    const bad = await both(html`<maig-principles feed=${FIXTURE_FEED} version="draft"></maig-principles>`, '[part="error"]');
    expect(shadowText(bad, '[part="error"]')).to.contain('No existe la versión "draft" de la Declaración de Principios.');
  });

  it('stale', async () => {
    mockFetch(fixtureRoutes());
    await loadResource(FIXTURE_FEED, 'principles', FEED_SHAPES);
    clearFeedCache();
    mockFetch({ [FIXTURE_FEED]: { networkError: true }, 'https://feed.test/v1/principles.json': { networkError: true } });
    const el = await both(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`, '[part="stale"]');
    expect(shadowText(el, '[part="stale"]')).to.match(/^No se pudieron cargar los datos en vivo\./);
  });

  it('the message of an unknown version follows a change of lang, without loading again', async () => {
    mockFetch(fixtureRoutes());
    const el = await render('en', html`<maig-principles feed=${FIXTURE_FEED} version="1999"></maig-principles>`);
    await waitForShadow(el, '[part="error"]');
    const english = 'There is no version "1999" of the Statement of Principles. Versions published: "current", "earlier".';
    expect(shadowText(el, '[part="error"]')).to.contain(english);
    const spanish = 'No existe la versión "1999" de la Declaración de Principios. Versiones publicadas: "current", "earlier".';
    expect(await switchLang(el, 'es', '[part="error"]', spanish)).to.deep.equal({ showedLoading: false });
    expectNoEnglish(el);
    await expect(el).to.be.accessible();
    expect(await switchLang(el, 'en', '[part="error"]', english)).to.deep.equal({ showedLoading: false });
  });
});

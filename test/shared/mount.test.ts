import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/member-count/define.js';
// The loader, as the one script tag starts it. Here its element modules would be /src/elements/,
// which does not exist: a widget not imported above is "a module that fails to load".
import { mount } from '../../src/maig-widgets.js';
import type { MaigWidgetsGlobal } from '../../src/shared/mount/mount.js';
import { VERSION } from '../../src/shared/version.js';
import { WIDGET_NAMES } from '../../src/common/widgets.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { waitForShadow } from '../helpers/dom.js';

let warnings: string[] = [];
const originalWarn = console.warn;

const message = (el: Element) => el.querySelector(':scope > [data-maig-message]')?.textContent?.trim();

describe('CMS-safe mounting (data-maig-widget)', () => {
  beforeEach(() => mockFetch(fixtureRoutes()));
  afterEach(resetFeed);

  it('upgrades a div added later, with data- attributes as attributes and its content as fallback', async () => {
    const wrapper = await fixture(html`<div></div>`);
    wrapper.innerHTML = `<div data-maig-widget="member-count" data-state="NJ" data-feed="${FIXTURE_FEED}" data-label="cities in NJ" class="cms"><a href="https://example.org/">Our coalition</a></div>`;
    const placeholder = wrapper.firstElementChild!;
    await waitUntil(() => placeholder.querySelector('maig-member-count'), 'the placeholder was not upgraded');
    const el = placeholder.querySelector('maig-member-count')!;
    expect(el.getAttribute('state')).to.equal('NJ');
    expect(el.getAttribute('label')).to.equal('cities in NJ');
    expect(el.hasAttribute('class')).to.equal(false);
    expect(el.hasAttribute('maig-widget')).to.equal(false);
    expect(el.querySelector('a')!.textContent).to.equal('Our coalition');
    expect(placeholder.hasAttribute('data-maig-mounted')).to.equal(true);
    expect((await waitForShadow(el, '[part="number"]')).textContent).to.equal('2');
    await expect(placeholder).to.be.accessible();
  });

  it('passes data-lang to the widget as lang (issue 11): the widget is Spanish, its dates too, the Spanish catalog is fetched', async () => {
    const wrapper = await fixture(html`<div lang="en"></div>`);
    wrapper.innerHTML = `<div data-maig-widget="member-count" data-lang="es-US" data-feed="${FIXTURE_FEED}" data-state="NJ"></div>`;
    await waitUntil(() => wrapper.querySelector('maig-member-count'), 'the placeholder was not upgraded');
    const el = wrapper.querySelector('maig-member-count')!;
    expect(el.getAttribute('lang')).to.equal('es-US');
    await waitForShadow(el, '[part="number"]');
    expect(el.shadowRoot!.textContent).to.match(/\d{1,2} de [a-z]+ de \d{4}/);
    expect(performance.getEntriesByType('resource').some((e) => /catalog-es/.test(e.name))).to.equal(true);
    await expect(wrapper).to.be.accessible();
  });

  it('never copies event-handler attributes', async () => {
    const wrapper = await fixture(html`<div></div>`);
    wrapper.innerHTML = `<div data-maig-widget="member-count" data-onclick="alert(1)" data-feed="${FIXTURE_FEED}"></div>`;
    const [el] = mount(wrapper);
    expect(el!.localName).to.equal('maig-member-count');
    expect(el!.hasAttribute('onclick')).to.equal(false);
  });

  it('mounts once: a second mount of the same root does nothing', async () => {
    const wrapper = await fixture(html`<div></div>`);
    wrapper.innerHTML = `<div data-maig-widget="maig-member-count" data-feed="${FIXTURE_FEED}"></div>`;
    await waitUntil(() => wrapper.querySelector('maig-member-count'));
    expect(mount(wrapper)).to.deep.equal([]);
    expect(wrapper.querySelectorAll('maig-member-count')).to.have.length(1);
  });

  it('exposes window.maigWidgets.mount for content the observer cannot see (shadow roots)', async () => {
    const global = (window as unknown as { maigWidgets: MaigWidgetsGlobal }).maigWidgets;
    expect(global.version).to.equal(VERSION);
    const host = await fixture(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<div data-maig-widget="member-count" data-feed="${FIXTURE_FEED}" data-state="PR"></div>`;
    await new Promise((r) => setTimeout(r, 20));
    expect(root.querySelector('maig-member-count')).to.equal(null);
    const created = global.mount(root);
    expect(created).to.have.length(1);
    expect((await waitForShadow(created[0]!, '[part="number"]')).textContent).to.equal('1');
  });
});

describe('the loader: names it cannot show', () => {
  beforeEach(() => {
    warnings = [];
    console.warn = (m: string) => warnings.push(m);
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('a placeholder with an unknown name: one warning naming it, a message, the fallback kept', async () => {
    const wrapper = await fixture(html`<div><div data-maig-widget="Bad Name!"><a href="https://example.org/">Our coalition</a></div></div>`);
    mount(wrapper);
    mount(wrapper);
    const placeholder = wrapper.firstElementChild!;
    expect(warnings).to.deep.equal([
      `maig-widgets: data-maig-widget="bad name!" is not a widget (${WIDGET_NAMES.join(', ')}).`,
    ]);
    expect(message(placeholder)).to.equal('“bad name!” is not a widget name, so it could not be shown.');
    expect(placeholder.querySelector('a')!.textContent).to.equal('Our coalition');
    expect(placeholder.hasAttribute('data-maig-failed')).to.equal(true);
    expect(placeholder.querySelector('[data-maig-widget] > :not(a, [data-maig-message])')).to.equal(null);
    await expect(placeholder).to.be.accessible();
  });

  it('an unknown maig-* tag added later: a warning naming it and a message before its fallback', async () => {
    const wrapper = await fixture(html`<div></div>`);
    wrapper.innerHTML = '<maig-member-cuont state="NJ">61 member cities in New Jersey</maig-member-cuont>';
    const el = wrapper.firstElementChild!;
    await waitUntil(() => message(el), 'no message for the unknown tag');
    expect(message(el)).to.equal('“member-cuont” is not a widget name, so it could not be shown.');
    expect(el.textContent).to.contain('61 member cities in New Jersey');
    expect(warnings).to.deep.equal([
      `maig-widgets: <maig-member-cuont> is not a widget (${WIDGET_NAMES.join(', ')}).`,
    ]);
    await expect(wrapper).to.be.accessible();
  });

  it('a widget whose module cannot be loaded: a warning naming it, a message, the fallback kept', async () => {
    // Not imported by this test file, so the loader imports /src/elements/maig-principles.js: a 404.
    const wrapper = await fixture(html`<div><maig-principles><a href="https://example.org/">Statement of Principles</a></maig-principles></div>`);
    const el = wrapper.firstElementChild!;
    await waitUntil(() => message(el), 'no message for the module that failed', { timeout: 5000 });
    expect(message(el)).to.equal('The principles widget could not be loaded.');
    expect(el.querySelector('a')!.textContent).to.equal('Statement of Principles');
    expect(el.hasAttribute('data-maig-failed')).to.equal(true);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^maig-widgets: <maig-principles> could not be loaded from http:\/\/[^ ]+\/src\/elements\/maig-principles\.js \(.+\)\.$/);
    await expect(wrapper).to.be.accessible();
  });
  it('in Spanish: the messages follow the placeholder\'s language (its own lang, an ancestor\'s)', async () => {
    const wrapper = await fixture(html`<div lang="es-PR">
      <div data-maig-widget="mapa"><a href="https://example.org/">Nuestra coalición</a></div>
      <maig-join-form><a href="https://example.org/">Únase</a></maig-join-form>
      <div lang="en"><maig-city-stats></maig-city-stats></div>
    </div>`);
    mount(wrapper);
    const placeholder = wrapper.querySelector('[data-maig-widget]')!;
    expect(message(placeholder)).to.equal('“mapa” no es el nombre de un widget; no se pudo mostrar.');
    const form = wrapper.querySelector('maig-join-form')!;
    await waitUntil(() => message(form), 'no message for the module that failed', { timeout: 5000 });
    expect(message(form)).to.equal('No se pudo cargar el widget “join-form”.');
    const stats = wrapper.querySelector('maig-city-stats')!;
    await waitUntil(() => message(stats), 'no message for the English one', { timeout: 5000 });
    expect(message(stats)).to.equal('The city stats widget could not be loaded.');
    await expect(wrapper).to.be.accessible();
  });

  it('in Spanish: across a shadow root, from its host\'s lang', async () => {
    const host = await fixture(html`<div lang="es"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div data-maig-widget="mapa"></div>';
    mount(root);
    expect(message(root.firstElementChild!)).to.equal('“mapa” no es el nombre de un widget; no se pudo mostrar.');
  });

  it('in Spanish: <html lang="es"> gives Spanish messages', async () => {
    document.documentElement.setAttribute('lang', 'es');
    try {
      const wrapper = await fixture(html`<div><div data-maig-widget="contador"></div></div>`);
      mount(wrapper);
      expect(message(wrapper.firstElementChild!)).to.equal('“contador” no es el nombre de un widget; no se pudo mostrar.');
    } finally {
      document.documentElement.setAttribute('lang', 'en');
    }
  });
});

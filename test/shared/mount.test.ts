import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/member-count/define.js';
import { mount } from '../../src/shared/mount/mount.js';
import type { MaigWidgetsGlobal } from '../../src/shared/mount/mount.js';
import { VERSION } from '../../src/shared/version.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { waitForShadow } from '../helpers/dom.js';

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
    expect(el.querySelector('a')!.textContent).to.equal('Our coalition');
    expect(placeholder.hasAttribute('data-maig-mounted')).to.equal(true);
    expect((await waitForShadow(el, '[part="number"]')).textContent).to.equal('2');
    await expect(placeholder).to.be.accessible();
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

  it('warns about a name that is not a widget instead of throwing', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const wrapper = await fixture(html`<div><div data-maig-widget="Bad Name!"></div></div>`);
      mount(wrapper);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal(['maig-widgets: data-maig-widget="bad name!" is not a widget name (e.g. "member-count").']);
  });
});

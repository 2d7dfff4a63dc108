import { expect, fixture, html } from '@open-wc/testing';
import '../../src/city-stats/define.js';
import type { MaigCityStats } from '../../src/city-stats/maig-city-stats.js';
import { REAL_FEED, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';

// A file of its own: the Spanish test helpers import the catalog, which would count as a request.

/** Requests this page made for the Spanish catalog chunk. */
const catalogRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => name.includes('catalog-es'));

describe('<maig-city-stats> on an English page', () => {
  afterEach(resetFeed);

  it('never requests the Spanish catalog; a Spanish card does (so the check can fail)', async () => {
    const el = await fixture<MaigCityStats>(html`<maig-city-stats feed=${REAL_FEED} state="MD" city="Baltimore"></maig-city-stats>`);
    await waitForShadow(el, '[data-figure="local-homicide"]');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await el.updateComplete;
    expect(shadowText(el, '[part="title"]')).to.equal('Gun violence in Baltimore, Maryland');
    expect(catalogRequests()).to.deep.equal([]);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><maig-city-stats feed=${REAL_FEED} state="MD"></maig-city-stats></div>`);
    const es = wrapper.querySelector<MaigCityStats>('maig-city-stats')!;
    await waitForShadow(es, '[data-figure="national-deaths"]');
    expect(shadowText(es, '[part="title"]')).to.equal('Muertes por armas de fuego en Maryland');
    expect(catalogRequests().length).to.be.greaterThan(0);
  });
});

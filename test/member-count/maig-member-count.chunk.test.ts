// Its own test file (so its own page): nothing here imports the Spanish catalog, so only the
// widget itself can make the page request it.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/member-count/define.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';

const catalogRequests = () => performance.getEntriesByType('resource').filter((r) => r.name.includes('catalog-es'));

describe('the Spanish catalog chunk', () => {
  afterEach(resetFeed);

  it('an English page never requests it; a Spanish member count fetches the shared and its own catalog only', async () => {
    mockFetch(fixtureRoutes());
    const en = await fixture(html`<div lang="en-US"><maig-member-count feed=${FIXTURE_FEED}></maig-member-count></div>`);
    await waitForShadow(en.firstElementChild!, '[part="number"]');
    expect(shadowText(en.firstElementChild!, '[part="label"]')).to.equal('member cities');
    expect(catalogRequests()).to.deep.equal([]);

    const es = await fixture(html`<div lang="es-PR"><maig-member-count feed=${FIXTURE_FEED}></maig-member-count></div>`);
    await waitForShadow(es.firstElementChild!, '[part="number"]');
    expect(shadowText(es.firstElementChild!, '[part="label"]')).to.equal('ciudades miembro');
    // The shared strings and the member count's own: one chunk each, nothing of other widgets.
    const names = catalogRequests().map((r) => new URL(r.name).pathname).sort();
    expect(names).to.deep.equal(['/src/member-count/catalog-es.ts', '/src/shared/i18n/catalog-es.ts']);
  });
});

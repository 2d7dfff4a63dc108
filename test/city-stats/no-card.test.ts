import { expect, fixture, html, oneEvent } from '@open-wc/testing';
// The whole library, as a page that uses other widgets loads it.
import '../../src/maig-widgets-all.js';
import { REAL_FEED, resetFeed } from '../helpers/feed.js';
import { waitForShadow } from '../helpers/dom.js';

const chartRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /chart-setup|\/chart\.js\//.test(name));

describe('a page without <maig-city-stats>', () => {
  afterEach(resetFeed);

  it('never requests the chart code; a card added later does (so the check can fail)', async () => {
    const other = await fixture(html`<maig-member-count feed=${REAL_FEED}></maig-member-count>`);
    await waitForShadow(other, '[part="number"]');
    window.scrollTo(0, document.body.scrollHeight);
    await new Promise((r) => setTimeout(r, 800));
    expect(chartRequests()).to.deep.equal([]);
    expect(document.querySelector('maig-city-stats')).to.equal(null);

    // Control: the same page with a visible card does fetch the chart code.
    const el = await fixture(html`<maig-city-stats feed=${REAL_FEED} state="MD"></maig-city-stats>`);
    await waitForShadow(el, '[part="chart"]');
    const ready = oneEvent(el, 'maig-chart-ready');
    el.shadowRoot!.querySelector('[part="chart"]')!.scrollIntoView();
    await ready;
    expect(chartRequests().some((n) => n.includes('chart-setup'))).to.equal(true);
  });
});

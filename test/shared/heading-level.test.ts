import { expect, fixture, html } from '@open-wc/testing';
import { headingLevel } from '../../src/shared/a11y/heading-level.js';
import '../../src/principles/define.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { waitForShadow } from '../helpers/dom.js';

describe('heading-level: one rule for every widget', () => {
  afterEach(resetFeed);

  it('2 to 6 as given; outside brought to the nearest; 0 hides where a heading can be hidden; not a number gives the default', () => {
    expect([2, 3, 6].map((n) => headingLevel(n, 2))).to.deep.equal([2, 3, 6]);
    expect([7, 99, 1, -4, 2.6].map((n) => headingLevel(n, 2))).to.deep.equal([6, 6, 2, 2, 3]);
    expect(headingLevel(0, 2, { hideable: true })).to.equal(null);
    expect(headingLevel(0, 3)).to.equal(2);
    expect([NaN, undefined, null, '', 'big'].map((n) => headingLevel(n, 3))).to.deep.equal([3, 3, 3, 3, 3]);
    expect(headingLevel('4', 2)).to.equal(4);
  });

  for (const [given, heading, principle] of [['7', '6', '6'], ['1', '2', '3'], ['0', null, '2']] as const) {
    it(`the principles with heading-level="${given}": heading ${heading ?? 'hidden'}, principles at ${principle}`, async () => {
      mockFetch(fixtureRoutes());
      const el = await fixture(html`<maig-principles feed=${FIXTURE_FEED} heading-level=${given}></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      expect(el.shadowRoot!.querySelector('[part="heading"]')?.getAttribute('aria-level') ?? null).to.equal(heading);
      expect(el.shadowRoot!.querySelector('.title')!.getAttribute('aria-level')).to.equal(principle);
      await expect(el).to.be.accessible();
    });
  }
});

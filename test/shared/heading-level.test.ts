import { expect, fixture, html } from '@open-wc/testing';
import { headingLevel } from '../../src/shared/a11y/heading-level.js';
import '../../src/principles/define.js';
import '../../src/city-stats/define.js';
import '../../src/join-form/define.js';
import '../../src/member-map/define.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, REAL_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
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

  const levels = (root: ShadowRoot, selector: string) => [...root.querySelectorAll(selector)].map((h) => h.getAttribute('aria-level'));

  for (const [given, title, section] of [['7', '6', '6'], ['1', '2', '3'], ['0', '2', '3'], ['x', '2', '3']] as const) {
    it(`the city card with heading-level="${given}": title ${title}, sections ${section}`, async () => {
      const el = await fixture(html`<maig-city-stats feed=${REAL_FEED} state="MD" city="Baltimore" heading-level=${given}></maig-city-stats>`);
      await waitForShadow(el, '[part="title"]', 8000);
      expect(el.shadowRoot!.querySelector('[part="title"]')!.getAttribute('aria-level')).to.equal(title);
      const sections = levels(el.shadowRoot!, '[role="heading"]:not([part="title"])');
      expect(sections.length).to.be.above(0);
      expect(new Set(sections)).to.deep.equal(new Set([section]));
      await expect(el).to.be.accessible();
    });
  }

  for (const [given, heading, statement] of [['7', '6', '6'], ['1', '2', '3'], ['0', null, null], ['x', '2', '3']] as const) {
    it(`the join form with heading-level="${given}": heading ${heading ?? 'hidden'}, its Statement's heading ${statement ?? 'hidden'}`, async () => {
      const el = await fixture(html`<maig-join-form endpoint="https://join.test/join" feed=${REAL_FEED} heading-level=${given}></maig-join-form>`);
      const root = el.shadowRoot!;
      expect(root.querySelector('#join-heading')?.getAttribute('aria-level') ?? null).to.equal(heading);
      const form = root.querySelector('form')!;
      if (heading) expect(form.getAttribute('aria-labelledby')).to.equal('join-heading');
      else expect(form.getAttribute('aria-label')).to.equal('Join Mayors Against Illegal Guns');
      root.querySelector<HTMLElement>('[part="principles"] summary')!.click();
      const principles = await waitForShadow(el, 'maig-principles');
      await waitForShadow(principles, '[part="list"]', 8000);
      expect(principles.shadowRoot!.querySelector('[part="heading"]')?.getAttribute('aria-level') ?? null).to.equal(statement);
      await expect(el).to.be.accessible();
    });
  }

  for (const [given, heading] of [['7', '6'], ['1', '2'], ['0', '2'], ['x', '3']] as const) {
    it(`the member map with heading-level="${given}": the zoomed state's heading ${heading}`, async () => {
      const el = await fixture(html`<maig-member-map feed=${REAL_FEED} state="PA" heading-level=${given}></maig-member-map>`);
      const title = await waitForShadow(el, '#detail-title', 8000);
      expect(title.getAttribute('aria-level')).to.equal(heading);
      await expect(el).to.be.accessible();
    });
  }
});

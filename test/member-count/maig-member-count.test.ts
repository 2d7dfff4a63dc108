import { expect, fixture, html } from '@open-wc/testing';
import '../../src/member-count/define.js';
import type { MaigMemberCount } from '../../src/member-count/maig-member-count.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, REAL_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';

describe('<maig-member-count>', () => {
  afterEach(resetFeed);

  describe('with the real default feed', () => {
    it('shows the 548 member cities of the feed, with the as-of date and the claim apart', async () => {
      const el = await fixture<MaigMemberCount>(html`<maig-member-count feed=${REAL_FEED}></maig-member-count>`);
      const number = await waitForShadow(el, '[part="number"]');
      expect(number.textContent).to.equal('548');
      expect(number.getAttribute('value')).to.equal('548');
      expect(shadowText(el, '[part="label"]')).to.equal('member cities');
      expect(shadowText(el, '[part="as-of"]')).to.match(/^Mayors Against Illegal Guns, as of \w+ \d+, \d{4}$/);
      // The headline claim is its own line, never merged with the count.
      expect(shadowText(el, '[part="claim"]')).to.equal('The coalition: a bipartisan group of more than 2,000 current and former mayors.');
      await expect(el).to.be.accessible();
    });

    it('counts one state: state="NJ" gives 61', async () => {
      const el = await fixture<MaigMemberCount>(html`<maig-member-count feed=${REAL_FEED} state="NJ"></maig-member-count>`);
      const number = await waitForShadow(el, '[part="number"]');
      expect(number.textContent).to.equal('61');
      expect(shadowText(el, '[part="label"]')).to.equal('member cities in New Jersey');
    });
  });

  describe('with a fixture feed', () => {
    it('formats the count for the page locale', async () => {
      const members = { ...fixtureRoutes()['https://feed.test/v1/members.json'].json };
      members.members = Array.from({ length: 2345 }, (_, i) => ({ id: `nj-c${i}`, city: `C${i}`, state: 'NJ' }));
      mockFetch({ ...fixtureRoutes(), 'https://feed.test/v1/members.json': { json: members } });
      const wrapper = await fixture(html`<div lang="de-DE"><maig-member-count feed=${FIXTURE_FEED}></maig-member-count></div>`);
      const el = wrapper.querySelector('maig-member-count')!;
      const number = await waitForShadow(el, '[part="number"]');
      expect(number.textContent).to.equal('2.345');
    });

    it('accepts a state name in any case and a label override', async () => {
      mockFetch(fixtureRoutes());
      const el = await fixture<MaigMemberCount>(
        html`<maig-member-count feed=${FIXTURE_FEED} state="puerto rico" label="ciudades miembro"></maig-member-count>`,
      );
      expect((await waitForShadow(el, '[part="number"]')).textContent).to.equal('1');
      expect(shadowText(el, '[part="label"]')).to.equal('ciudades miembro');
    });

    it('hides the claim with hide-claim', async () => {
      mockFetch(fixtureRoutes());
      const el = await fixture<MaigMemberCount>(html`<maig-member-count feed=${FIXTURE_FEED} hide-claim></maig-member-count>`);
      await waitForShadow(el, '[part="number"]');
      expect(el.shadowRoot!.querySelector('[part="claim"]')).to.equal(null);
    });

    it('shows a loading state that screen readers hear', async () => {
      mockFetch({ [FIXTURE_FEED]: { hang: true } });
      const el = await fixture<MaigMemberCount>(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`);
      const status = await waitForShadow(el, '[part="loading"]');
      expect(status.getAttribute('role')).to.equal('status');
      expect(shadowText(el, '[part="loading"]')).to.equal('Loading the member count…');
      await expect(el).to.be.accessible();
    });

    it('shows an empty state for a state with no member', async () => {
      mockFetch(fixtureRoutes());
      const el = await fixture<MaigMemberCount>(html`<maig-member-count feed=${FIXTURE_FEED} state="WY"></maig-member-count>`);
      await waitForShadow(el, '[part="empty"]');
      expect(shadowText(el, '[part="empty"]')).to.equal("No member cities in Wyoming are listed in the coalition's feed yet.");
      await expect(el).to.be.accessible();
    });

    it('explains an unknown state and keeps the fallback content', async () => {
      mockFetch(fixtureRoutes());
      const el = await fixture<MaigMemberCount>(
        html`<maig-member-count feed=${FIXTURE_FEED} state="ZZ"><a href="https://example.org/">Our coalition</a></maig-member-count>`,
      );
      await waitForShadow(el, '[part="error"]');
      expect(shadowText(el, '[part="error"]')).to.contain('"ZZ" is not a US state or territory.');
      const slot = el.shadowRoot!.querySelector('[part="error"] slot') as HTMLSlotElement;
      expect(slot.assignedElements()[0]!.textContent).to.equal('Our coalition');
      await expect(el).to.be.accessible();
    });

    it('shows the feed error and recovers with "Try again"', async () => {
      let fail = true;
      mockFetch({ ...fixtureRoutes(), [FIXTURE_FEED]: () => (fail ? { status: 503 } : fixtureRoutes()[FIXTURE_FEED]) });
      const el = await fixture<MaigMemberCount>(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`);
      await waitForShadow(el, '[part="error"]');
      expect(shadowText(el, '[part="error"]')).to.contain('The data feed answered with an error (HTTP 503).');
      await expect(el).to.be.accessible();
      fail = false;
      (el.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement).click();
      expect((await waitForShadow(el, '[part="number"]')).textContent).to.equal('3');
    });

    it('follows a change of the state attribute', async () => {
      mockFetch(fixtureRoutes());
      const el = await fixture<MaigMemberCount>(html`<maig-member-count feed=${FIXTURE_FEED}></maig-member-count>`);
      expect((await waitForShadow(el, '[part="number"]')).textContent).to.equal('3');
      el.state = 'NJ';
      await el.updateComplete;
      await waitForShadow(el, '[part="label"]');
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(shadowText(el, '[part="number"]')).to.equal('2');
      expect(el.getAttribute('state')).to.equal('NJ');
    });
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/principles/define.js';
import type { MaigPrinciples, PrincipleToggleDetail } from '../../src/principles/maig-principles.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, REAL_FEED, fixtureIndex, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';
import { HOSTILE_URLS } from '../shared/safe-url.test.js';

const toggles = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.toggle')];
const bodyOf = (el: Element, button: HTMLButtonElement) => el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
const visible = (node: Element) => getComputedStyle(node).display !== 'none';

describe('<maig-principles>', () => {
  afterEach(() => {
    resetFeed();
    history.replaceState(null, '', location.pathname + location.search);
  });

  describe('with the real default feed', () => {
    it('shows the current statement: preamble, 12 principles, bodies hidden until opened', async () => {
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${REAL_FEED}></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      expect(shadowText(el, '[part="heading"]')).to.equal('Statement of Principles');
      expect(el.shadowRoot!.querySelector('[part="heading"]')!.getAttribute('aria-level')).to.equal('2');
      const whereas = [...el.shadowRoot!.querySelectorAll('[part="preamble"] p')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
      expect(whereas[0]).to.match(/^Whereas: As mayors, our problems may look different/);
      expect(whereas[1]).to.contain('nearly 40,000 Americans are killed with guns');
      expect(whereas[2]).to.equal('Now, therefore, we resolve to work together to advance the following principles:');
      const items = el.shadowRoot!.querySelectorAll('[part="list"] > li');
      expect(items).to.have.length(12);
      expect(items[0]!.textContent).to.contain('Collect and publish data to better understand gun violence in our communities.');
      expect(toggles(el)).to.have.length(12);
      for (const button of toggles(el)) {
        expect(button.getAttribute('aria-expanded')).to.equal('false');
        expect(visible(bodyOf(el, button))).to.equal(false);
      }
      await expect(el).to.be.accessible();
    });

    it('shows the earlier wording by its id, all expanded with open', async () => {
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${REAL_FEED} version="earlier" open></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      expect(shadowText(el, '[part="heading"]')).to.equal('Statement of Principles (earlier wording)');
      expect(el.shadowRoot!.querySelectorAll('[part="list"] > li')).to.have.length(10);
      expect(shadowText(el, '[part="preamble"]')).to.contain('Over 35,000 Americans are killed every year');
      const buttons = toggles(el);
      expect(buttons).to.have.length(9); // "Invite other cities to join us in this effort." has no body
      for (const b of buttons) {
        expect(b.getAttribute('aria-expanded')).to.equal('true');
        expect(visible(bodyOf(el, b))).to.equal(true);
      }
      await expect(el).to.be.accessible();
    });
  });

  describe('with a fixture feed', () => {
    beforeEach(() => mockFetch(fixtureRoutes()));

    it('opens and closes one principle by click, and fires maig-principle-toggle', async () => {
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      const [first] = toggles(el);
      setTimeout(() => first!.click());
      const event = await oneEvent(el, 'maig-principle-toggle');
      expect((event as CustomEvent<PrincipleToggleDetail>).detail).to.deep.equal({ id: 'collect-data', open: true });
      await el.updateComplete;
      expect(first!.getAttribute('aria-expanded')).to.equal('true');
      expect(visible(bodyOf(el, first!))).to.equal(true);
      first!.click();
      await el.updateComplete;
      expect(first!.getAttribute('aria-expanded')).to.equal('false');
      expect(visible(bodyOf(el, first!))).to.equal(false);
    });

    it('never renders feed text as HTML', async () => {
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED} open></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      const body = el.shadowRoot!.querySelector('#body-collect-data')!;
      expect(body.textContent!.trim()).to.equal('Publish it <b>routinely</b>.');
      expect(body.querySelector('b')).to.equal(null);
    });

    it('works by keyboard: Tab to a principle, Enter and Space toggle it', async () => {
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      const [expandAll, first, second] = [
        ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button:not([disabled])'),
      ];
      expandAll!.focus();
      await sendKeys({ press: 'Tab' }); // "Collapse all" is disabled, so focus goes to the first principle
      expect(el.shadowRoot!.activeElement).to.equal(first);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(first!.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(second);
      await sendKeys({ press: ' ' }); // the space bar (Firefox's key map has no "Space")
      await el.updateComplete;
      expect(second!.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: ' ' }); // the space bar (Firefox's key map has no "Space")
      await el.updateComplete;
      expect(second!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('expands all and collapses all', async () => {
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      const [expandAll, collapseAll] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')];
      expect(collapseAll!.disabled).to.equal(true);
      expandAll!.click();
      await el.updateComplete;
      expect(toggles(el).map((b) => b.getAttribute('aria-expanded'))).to.deep.equal(['true', 'true']);
      expect(expandAll!.disabled).to.equal(true);
      collapseAll!.click();
      await el.updateComplete;
      expect(toggles(el).map((b) => b.getAttribute('aria-expanded'))).to.deep.equal(['false', 'false']);
    });

    it('opens the principle named in the URL hash, and follows hash changes', async () => {
      history.replaceState(null, '', '#act');
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      await el.updateComplete;
      await new Promise((r) => setTimeout(r));
      const [first, second] = toggles(el);
      expect(second!.getAttribute('aria-expanded')).to.equal('true');
      expect(first!.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.activeElement).to.equal(second);
      location.hash = 'collect-data';
      await oneEvent(window, 'hashchange');
      await el.updateComplete;
      expect(first!.getAttribute('aria-expanded')).to.equal('true');
    });

    it('links to join: the feed join address, or the one given', async () => {
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED} join></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="join"] a')!;
      expect(link.href).to.equal('https://example.org/join');
      expect(link.textContent!.trim()).to.equal('Join Mayors Against Illegal Guns');
      el.join = 'https://city.example/join-maig';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="join"] a')!.href).to.equal('https://city.example/join-maig');
      el.join = null;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="join"]')).to.equal(null);
    });

    it('prints every principle expanded', async () => {
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      const rule = [...el.shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules])].find(
        (r) => r instanceof CSSMediaRule && r.conditionText === 'print' && r.cssText.includes('.body'),
      ) as CSSMediaRule | undefined;
      expect(rule, 'a print rule for bodies').to.not.equal(undefined);
      expect(rule!.cssText).to.match(/\.body\s*\{\s*display:\s*block\s*!important/);
    });

    it('explains an unknown version, with the versions the feed has', async () => {
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED} version="1999"></maig-principles>`);
      await waitForShadow(el, '[part="error"]');
      expect(shadowText(el, '[part="error"]')).to.contain('There is no version "1999" of the Statement of Principles. Versions published: "current", "earlier".');
      await expect(el).to.be.accessible();
    });

    it('has a readable loading state', async () => {
      mockFetch({ [FIXTURE_FEED]: { hang: true } });
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`);
      await waitForShadow(el, '[part="loading"]');
      expect(shadowText(el, '[part="loading"]')).to.equal('Loading the Statement of Principles…');
      await expect(el).to.be.accessible();
    });

    it('shows an error for a failing feed, with the fallback content', async () => {
      mockFetch({ [FIXTURE_FEED]: { status: 500 } });
      const el = await fixture<MaigPrinciples>(
        html`<maig-principles feed=${FIXTURE_FEED}><a href="https://example.org/principles">Read the principles</a></maig-principles>`,
      );
      await waitForShadow(el, '[part="error"]');
      expect(shadowText(el, '[part="error"] .state__title')).to.equal('The Statement of Principles could not be shown.');
      expect(el.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
    });

    it('hides the heading with heading-level="0" and nests principle headings below the level given', async () => {
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED} heading-level="3"></maig-principles>`);
      await waitForShadow(el, '[part="list"]');
      expect(el.shadowRoot!.querySelector('.title')!.getAttribute('aria-level')).to.equal('4');
      el.headingLevel = 0;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="heading"]')).to.equal(null);
    });
  });
  describe('with a hostile join URL', () => {
    for (const url of HOSTILE_URLS.slice(0, 9)) {
      it(`shows the join line as text, never a link, for ${JSON.stringify(url)} (feed and attribute)`, async () => {
        const index = fixtureIndex();
        index.coalition.joinUrl = url;
        mockFetch({ ...fixtureRoutes(), [FIXTURE_FEED]: { json: index } });
        const fromFeed = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED} join></maig-principles>`);
        await waitForShadow(fromFeed, '[part="join"]');
        expect(fromFeed.shadowRoot!.querySelector('[part="join"] a'), 'link from the feed').to.equal(null);
        expect(shadowText(fromFeed, '[part="join"]')).to.equal('Join Mayors Against Illegal Guns');
        const fromAttr = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED} join=${url}></maig-principles>`);
        await waitForShadow(fromAttr, '[part="join"]');
        expect(fromAttr.shadowRoot!.querySelector('[part="join"] a'), 'link from the attribute').to.equal(null);
        await expect(fromAttr).to.be.accessible();
      });
    }

    it('still links an https or relative join URL', async () => {
      mockFetch(fixtureRoutes());
      const el = await fixture<MaigPrinciples>(html`<maig-principles feed=${FIXTURE_FEED} join="#sign"></maig-principles>`);
      await waitForShadow(el, '[part="join"] a');
      expect(el.shadowRoot!.querySelector('[part="join"] a')!.getAttribute('href')).to.equal(new URL('#sign', document.baseURI).href);
    });
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/member-count/define.js';
import '../../src/principles/define.js';
import '../../src/city-stats/define.js';
import '../../src/member-map/define.js';
import { mockFetch, restoreFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, REAL_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { shadowText, waitForShadow } from '../helpers/dom.js';

/** The focused element, looking into the shadow root of the focused host. */
const focused = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

const describeFocus = (el: Element | null): string =>
  !el ? 'nothing' : el === document.body ? 'body' : `${el.localName}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;

describe('focus stays on a sensible control', () => {
  afterEach(resetFeed);

  describe('"Try again" in the error state of every widget', () => {
    const widgets: Array<[string, (feed: string) => Promise<HTMLElement>, string]> = [
      ['maig-member-count', (feed) => fixture(html`<maig-member-count feed=${feed}></maig-member-count>`), '[part="number"]'],
      ['maig-principles', (feed) => fixture(html`<maig-principles feed=${feed}></maig-principles>`), '[part="list"]'],
      ['maig-city-stats', (feed) => fixture(html`<maig-city-stats feed=${feed} state="NJ" city="Newark"></maig-city-stats>`), '[part="figure"]'],
      ['maig-member-map', (feed) => fixture(html`<maig-member-map feed=${feed}></maig-member-map>`), 'svg'],
    ];
    for (const [tag, make, ready] of widgets) {
      it(`<${tag}>: on the new "Try again" when it fails again, on the widget when it loads`, async () => {
        mockFetch({ [REAL_FEED]: { status: 503 } });
        const el = await make(REAL_FEED);
        let retry = await waitForShadow<HTMLButtonElement>(el, '[part="error"] .retry');
        await expect(el).to.be.accessible();

        // Fails again: focus lands on the new button, ready to press again.
        retry.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => el.shadowRoot!.querySelector('[part="error"] .retry') && focused() !== retry, 'no second error state');
        retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="error"] .retry')!;
        await waitUntil(() => focused() === retry, `focus is on ${describeFocus(focused())}, not on "Try again"`);
        await expect(el).to.be.accessible();

        // Works: focus stays in the widget, on its box, not on the page's <body>.
        restoreFetch();
        await sendKeys({ press: 'Enter' });
        await waitForShadow(el, ready, 8000);
        expect(document.activeElement, `focus is on ${describeFocus(focused())}`).to.equal(el);
        expect(focused()).to.equal(el.shadowRoot!.querySelector('.root'));
        await expect(el).to.be.accessible();

        // The box is focusable by script only: once left, it is out of the way again.
        (focused() as HTMLElement).blur();
        expect(el.shadowRoot!.querySelector('.root')!.hasAttribute('tabindex')).to.equal(false);
      });
    }
  });

  it('<maig-principles>: "Expand all" and "Collapse all" hand focus to each other when they disable themselves', async () => {
    mockFetch(fixtureRoutes());
    const el = await fixture(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`);
    await waitForShadow(el, '[part="list"]');
    const [expandAll, collapseAll] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')];
    expect([expandAll!.textContent!.trim(), collapseAll!.textContent!.trim()]).to.deep.equal(['Expand all', 'Collapse all']);

    expandAll!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => expandAll!.disabled, 'Expand all did not disable itself');
    await waitUntil(() => focused() === collapseAll, `focus is on ${describeFocus(focused())}`);
    expect(shadowText(el, '[part="list"]')).to.contain('Do things.');
    await expect(el).to.be.accessible();

    await sendKeys({ press: ' ' }); // the space bar (Firefox's key map has no "Space")
    await waitUntil(() => collapseAll!.disabled, 'Collapse all did not disable itself');
    await waitUntil(() => focused() === expandAll, `focus is on ${describeFocus(focused())}`);
    await expect(el).to.be.accessible();

    // With some principles open neither button disables, and focus stays where it was.
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expandAll!.focus();
    collapseAll!.click();
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(focused()).to.equal(expandAll);
  });
});

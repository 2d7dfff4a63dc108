// Chromium only: the reader's system scheme is emulated through the DevTools protocol.
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/member-count/define.js';
import '../../src/principles/define.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { waitForShadow } from '../helpers/dom.js';
import { engine } from '../helpers/engine.js';

const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(27, 27, 27)';
const background = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('.root')!).backgroundColor;
const textColor = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('.root')!).color;

async function count(theme?: string): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(html`<maig-member-count feed=${FIXTURE_FEED} theme=${ifDefined(theme)}></maig-member-count>`);
  await waitForShadow(el, '[part="number"]');
  return el;
}

/** Waits for the MutationObserver and media listeners to have run. */
const settle = () => new Promise((r) => setTimeout(r, 50));

// Chromium only: the reader's system scheme is emulated through the DevTools protocol.
(engine === 'chromium' ? describe : describe.skip)('theme: the widgets match the host page', () => {
  let meta: HTMLMetaElement | null = null;
  beforeEach(() => mockFetch(fixtureRoutes()));
  afterEach(async () => {
    resetFeed();
    document.documentElement.style.removeProperty('color-scheme');
    meta?.remove();
    meta = null;
    await emulateMedia({ colorScheme: 'light' });
  });

  it('a page that declares no color scheme gets the light theme, even when the reader\'s system is dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await count();
    expect(background(el)).to.equal(WHITE);
    expect(textColor(el)).to.equal(DARK);
    await expect(el).to.be.accessible();
  });

  it('a page that declares "light dark" gets the dark theme when the system is dark, the light one when it is light', async () => {
    document.documentElement.style.setProperty('color-scheme', 'light dark');
    await emulateMedia({ colorScheme: 'dark' });
    const el = await count();
    expect(background(el)).to.equal(DARK);
    await expect(el).to.be.accessible();
    await emulateMedia({ colorScheme: 'light' });
    await settle();
    expect(background(el)).to.equal(WHITE);
  });

  it('a page that declares "light dark" in its color-scheme meta tag is followed too', async () => {
    meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'light dark' });
    document.head.append(meta);
    await emulateMedia({ colorScheme: 'dark' });
    const el = await count();
    expect(background(el)).to.equal(DARK);
  });

  it('a page that declares only "dark" gets the dark theme whatever the system', async () => {
    document.documentElement.style.setProperty('color-scheme', 'dark');
    const el = await count();
    expect(background(el)).to.equal(DARK);
  });

  it('follows the page when it switches its own scheme after the widget is shown', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await count();
    expect(background(el)).to.equal(WHITE);
    document.documentElement.style.setProperty('color-scheme', 'light dark');
    await settle();
    expect(background(el)).to.equal(DARK);
    document.documentElement.style.removeProperty('color-scheme');
    await settle();
    expect(background(el)).to.equal(WHITE);
  });

  it('theme="auto" follows the reader\'s system on a light-only page', async () => {
    const el = await count('auto');
    expect(background(el)).to.equal(WHITE);
    await emulateMedia({ colorScheme: 'dark' });
    await settle();
    expect(background(el)).to.equal(DARK);
    await expect(el).to.be.accessible();
  });

  it('theme="light" and theme="dark" force the theme, and a change of the attribute applies at once', async () => {
    document.documentElement.style.setProperty('color-scheme', 'dark');
    const light = await count('light');
    expect(background(light)).to.equal(WHITE);
    document.documentElement.style.removeProperty('color-scheme');
    await settle();
    const dark = await count('dark');
    expect(background(dark)).to.equal(DARK);
    dark.setAttribute('theme', 'light');
    await (dark as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(background(dark)).to.equal(WHITE);
    dark.removeAttribute('theme');
    await (dark as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(background(dark)).to.equal(WHITE);
  });

  it('applies to every widget from the shared base: the principles on a dark page', async () => {
    document.documentElement.style.setProperty('color-scheme', 'dark');
    const el = await fixture<HTMLElement>(html`<maig-principles feed=${FIXTURE_FEED}></maig-principles>`);
    await waitForShadow(el, '[part="list"]');
    expect(background(el)).to.equal(DARK);
    await expect(el).to.be.accessible();
  });
});

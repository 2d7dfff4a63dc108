// What a resident sees when a widget cannot show its data: a sentence in the page's language,
// "Try again", the author's fallback link as a target of its own; the technical detail in the
// console and behind a closed "Details", in English, marked so.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/member-count/define.js';
import { mockFetch } from '../helpers/mock-fetch.js';
import { FIXTURE_FEED, fixtureRoutes, resetFeed } from '../helpers/feed.js';
import { waitForShadow } from '../helpers/dom.js';

const MEMBERS_URL = 'https://feed.test/v1/members.json';

/** Console warnings written while `body` runs. */
async function warningsDuring(body: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return warnings;
}

async function errorCard(lang: string, answer: Parameters<typeof mockFetch>[0][string]): Promise<{ el: HTMLElement; error: HTMLElement }> {
  mockFetch({ ...fixtureRoutes(), [MEMBERS_URL]: answer });
  const wrapper = await fixture(html`<div lang=${lang}>
    <maig-member-count feed=${FIXTURE_FEED}><a href="https://www.mayorsagainstillegalguns.org/">Mayors Against Illegal Guns</a></maig-member-count>
  </div>`);
  const el = wrapper.querySelector<HTMLElement>('maig-member-count')!;
  const error = await waitForShadow(el, '[part="error"]');
  return { el, error };
}

describe('error cards', () => {
  afterEach(resetFeed);

  it('on a Spanish page: a Spanish sentence, no English technical line in view; the detail in the console and behind "Detalles"', async () => {
    let card!: { el: HTMLElement; error: HTMLElement };
    const warnings = await warningsDuring(async () => {
      card = await errorCard('es-US', { status: 404 });
    });
    const { el, error } = card;
    const seen = error.innerText;
    expect(seen).to.include('La fuente de datos respondió con un error (HTTP 404).');
    expect(seen).not.to.match(/Not Found|http:|https:/);
    const details = error.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent!.trim()).to.equal('Detalles');
    expect(details.querySelector('[lang="en"]')!.textContent).to.include(MEMBERS_URL);
    expect(warnings.some((w) => w.includes(MEMBERS_URL))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('on an English page: bad JSON gives a sentence, never the JSON parser\'s own message in view', async () => {
    const { el, error } = await errorCard('en', { text: 'this is not JSON' });
    const seen = error.innerText;
    expect(seen).to.include('The data feed sent something that is not valid JSON.');
    expect(seen).not.to.match(/Unexpected|token|position|JSON\.parse/);
    await expect(el).to.be.accessible();
  });

  it('the author\'s fallback link sits on its own line under "Try again", a target at least 24px high, well apart', async () => {
    const { el, error } = await errorCard('es', { status: 500 });
    const button = error.querySelector('[part="retry"]')!.getBoundingClientRect();
    const link = el.querySelector('a')!.getBoundingClientRect();
    expect(link.height).to.be.at.least(24);
    expect(link.top - button.bottom).to.be.at.least(8);
    expect(link.left).to.be.closeTo(button.left, 1);
    await expect(el).to.be.accessible();
  });

  it('does not reset letter-spacing: a reader\'s own text spacing reaches the widget (WCAG 1.4.12)', async () => {
    mockFetch(fixtureRoutes());
    const wrapper = await fixture(html`<div style="letter-spacing: 0.12em; word-spacing: 0.16em; font-size: 16px">
      <maig-member-count feed=${FIXTURE_FEED}></maig-member-count>
    </div>`);
    const el = wrapper.querySelector('maig-member-count')!;
    await waitForShadow(el, '[part="number"]');
    const style = getComputedStyle(el.shadowRoot!.querySelector('[part="label"]')!);
    expect(style.letterSpacing).to.equal('1.92px');
    expect(style.wordSpacing).to.equal('2.56px');
  });
});

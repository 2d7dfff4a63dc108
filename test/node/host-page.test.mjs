// The built bundles on host pages that are hard on them: a Content-Security-Policy whose
// Trusted Types list refuses Lit's policy, and a reader who set a larger default font size.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP } from '../../server/index.mjs';
import { launchPersistent } from '../../scripts/lib/browser.mjs';
import { axeViolations, serverAndBrowser } from './helpers/browser.mjs';

const web = serverAndBrowser();

const HINT = "trusted-types lit-html 'allow-duplicates'";
/** The page's own Lit, or any script that creates the "lit-html" policy before the widgets. */
const HOST_LIT = "window.trustedTypes.createPolicy('lit-html', { createHTML: (s) => s });";

/**
 * Opens a test page served with `csp`; `hostLit` loads a script creating the lit-html policy first.
 * Collects page errors, console messages and CSP violations.
 */
async function openPage({ csp, hostLit = false, script = '/dist/maig-widgets.js', context: given } = {}) {
  const context = given ?? (await web.browser.newContext());
  const page = await context.newPage();
  const errors = [];
  const messages = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  await page.route(`${web.url}demo/__host-lit.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: HOST_LIT }));
  const html = `<!doctype html><html lang="en"><head><title>host page</title>
    ${hostLit ? '<script src="/demo/__host-lit.js"></script>' : ''}
    <script type="module" src="${script}"></script></head><body><main><h1>A city page</h1>
    <maig-member-count>548 member cities</maig-member-count>
    <maig-principles><a href="https://example.org/principles">Statement of Principles</a></maig-principles>
    </main></body></html>`;
  await page.route(`${web.url}demo/__host.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: html, headers: { 'content-security-policy': csp } }),
  );
  await page.goto(`${web.url}demo/__host.html`);
  await page.waitForLoadState('networkidle');
  return { page, errors, messages, close: () => (given ? page.close() : context.close()) };
}

/** axe-core's violations on the page. */
const axe = (page) => axeViolations(page, { resultTypes: ['violations'] });

const withTrustedTypes = (list) => CSP.replace('trusted-types lit-html', `trusted-types ${list}`);

describe('Trusted Types on the host page', () => {
  for (const [what, csp, hostLit] of [
    ['the page created the "lit-html" policy first (its own Lit)', withTrustedTypes('lit-html'), true],
    ['the trusted-types list omits "lit-html"', withTrustedTypes('host-policy'), false],
  ]) {
    test(`${what}: no uncaught error, one console message naming the fix, fallback content shown`, async () => {
      for (const script of ['/dist/maig-widgets.js', '/dist/elements/maig-member-count.js']) {
        const { page, errors, messages, close } = await openPage({ csp, hostLit, script });
        await page.waitForFunction(() => customElements.get('maig-member-count'));
        assert.deepEqual(errors, [], script);
        const ours = messages.filter((m) => m.text.includes('maig-widgets'));
        assert.equal(ours.length, 1, JSON.stringify(messages));
        assert.equal(ours[0].type, 'warning');
        assert.ok(ours[0].text.includes(HINT), ours[0].text);
        // Besides ours, only the browser's own report of the refused policy (which no script can silence).
        const others = messages.filter((m) => m.type === 'error' && !/^Creating a TrustedTypePolicy named 'lit-html' violates/.test(m.text));
        assert.deepEqual(others, [], 'no other console error (no CSP violation from rendering)');
        // The fallback content shows through, and the widget asked the feed for nothing.
        assert.equal(await page.locator('maig-member-count').innerText(), '548 member cities');
        if (script.endsWith('maig-widgets.js')) assert.equal(await page.getByRole('link', { name: 'Statement of Principles' }).isVisible(), true);
        const state = await page.evaluate(() => ({
          shadow: document.querySelector('maig-member-count').shadowRoot?.innerHTML,
          wrapped: Object.prototype.hasOwnProperty.call(window.trustedTypes, 'createPolicy'),
          feed: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.json')).length,
        }));
        assert.deepEqual(state, { shadow: '<slot></slot>', wrapped: false, feed: 0 });
        assert.deepEqual(await axe(page), []);
        await close();
      }
    });
  }

  test(`with ${HINT} the widgets render next to the page's own Lit, with no message`, async () => {
    const { page, errors, messages, close } = await openPage({ csp: withTrustedTypes("lit-html 'allow-duplicates'"), hostLit: true });
    const number = await page.waitForFunction(() => document.querySelector('maig-member-count')?.shadowRoot?.querySelector('[part="number"]')?.textContent);
    assert.equal(await number.jsonValue(), '548');
    assert.deepEqual(errors, []);
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.text.includes('maig-widgets')), []);
    await page.waitForFunction(() => document.querySelector('maig-principles')?.shadowRoot?.querySelector('[part="list"]'));
    assert.deepEqual(await axe(page), []);
    await close();
  });

  test('a second copy of the widgets (another address) on a page without allow-duplicates: the first renders, nothing is thrown', async () => {
    const context = await web.browser.newContext();
    // The same build served from a second address: its Lit is a second module, which asks for "lit-html" again.
    await context.route(`${web.url}copy2/**`, (route) => {
      const path = new URL(route.request().url()).pathname.replace('/copy2/', '');
      route.fulfill({ contentType: 'text/javascript', body: readFileSync(path) });
    });
    const entry = '/dist/elements/maig-member-count.js';
    const { page, errors, messages, close } = await openPage({ csp: CSP, script: `${entry}"></script><script type="module" src="/copy2${entry}`, context });
    const number = await page.waitForFunction(() => document.querySelector('maig-member-count')?.shadowRoot?.querySelector('[part="number"]')?.textContent);
    assert.equal(await number.jsonValue(), '548');
    assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/copy2/dist/chunks/'))), 'the second copy was loaded');
    assert.deepEqual(errors, []);
    assert.deepEqual(messages.filter((m) => m.text.includes('maig-widgets')), [], 'its elements were never used: no message');
    await close();
    await context.close();
  });

  test('the strict policy the demo server sends still renders every widget', async () => {
    const { page, errors, messages, close } = await openPage({ csp: CSP });
    const number = await page.waitForFunction(() => document.querySelector('maig-member-count')?.shadowRoot?.querySelector('[part="number"]')?.textContent);
    assert.equal(await number.jsonValue(), '548');
    assert.deepEqual(errors, []);
    assert.deepEqual(messages.filter((m) => m.text.includes('maig-widgets')), []);
    await close();
  });
});

describe("the reader's default font size", () => {
  test('a reader who set 32 px gets 32 px widget text, even on a page with html { font-size: 62.5% }', async () => {
    // Chromium's "Font size" setting lives in the profile: write it, then launch with that profile.
    const profile = mkdtempSync(join(tmpdir(), 'maig-font-'));
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 32 } } }));
    const context = await launchPersistent(profile);
    try {
      const page = await context.newPage();
      const sizes = async () => {
        await page.waitForFunction(() => document.querySelector('maig-member-count')?.shadowRoot?.querySelector('[part="number"]'));
        return page.evaluate(() => {
          const root = document.querySelector('maig-member-count').shadowRoot.querySelector('.root');
          const probe = document.createElement('p');
          probe.style.fontSize = 'medium';
          document.body.append(probe);
          const medium = getComputedStyle(probe).fontSize;
          probe.remove();
          return { widget: getComputedStyle(root).fontSize, medium, html: getComputedStyle(document.documentElement).fontSize };
        });
      };
      await page.goto(`${web.url}demo/hostile.html`);
      assert.deepEqual(await sizes(), { widget: '32px', medium: '32px', html: '20px' }, 'hostile page: 62.5% of 32 px is 20 px');
      await page.goto(`${web.url}demo/bench/member-count.html`);
      const plain = await sizes();
      assert.equal(plain.widget, '32px');
      assert.equal(plain.html, '32px');
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

// The confirm pages in Chromium, as a mayor's office sees them: no CSP violation (the stylesheet
// is allowed by its hash), axe clean, one heading, a real button reached with the keyboard;
// pressing it confirms and shows what happens next; the link then says it was used. The store
// does not matter to the pages: SQLite only (mail.test.mjs covers both stores).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../../server/index.mjs';
import { createReceiver } from '../../server/receiver.mjs';
import { launch } from '../../scripts/lib/browser.mjs';
import { axeViolations, reportCspViolations } from './helpers/browser.mjs';
import { newSqlitePath } from './helpers/stores.mjs';
import { CHALLENGE_SECRET, valid } from './helpers/join.mjs';
import { freePort, startSmtp } from './helpers/smtp.mjs';

const axe = (page) => axeViolations(page, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });

describe('confirm pages in Chromium', () => {
  let smtp;
  let env;
  let browser;
  before(async () => {
    smtp = await startSmtp();
    // The public address is this server's own: the page posts to its own origin.
    const port = await freePort();
    const receiver = await createReceiver(
      {
        sqlitePath: newSqlitePath(),
        databaseUrl: null,
        publicUrl: `http://127.0.0.1:${port}`,
        log: { info() {}, warn() {}, error() {} },
        join: { challengeSecret: CHALLENGE_SECRET },
        mail: { smtpUrl: smtp.url, from: 'join@example.org', staffNotify: [] },
      },
      { env: {} },
    );
    const server = await start({ port, routes: [receiver.route] });
    env = {
      url: server.url,
      rows: () => receiver.db.query('SELECT * FROM submissions'),
      post: (body) => fetch(`${server.url}join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      close: async () => {
        await server.close();
        await receiver.close();
      },
    };
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await env?.close();
    await smtp?.close();
  });

  /** Posts a form for `lang`, waits for its mail: the link. */
  async function linkFor(lang) {
    const before = smtp.messages.length;
    const response = await env.post(valid({ city: 'Bisbee', state: 'AZ', email: `${lang}@bisbeeaz.gov`, lang, name: 'Ada "Lovelace" & Byron' }));
    assert.equal(response.status, 201);
    const [mail] = (await smtp.next(before + 1)).slice(before);
    return /http:\/\/127\.0\.0\.1:\d+\/confirm\/[A-Za-z0-9_-]{43}/.exec(mail.text)[0];
  }

  async function open(url) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(reportCspViolations);
    const response = await page.goto(url);
    return { page, problems, response, close: () => context.close() };
  }

  for (const [lang, button, thanks, used] of [
    ['en', 'Confirm', 'Thank you: your request is confirmed', 'This request is already confirmed'],
    ['es', 'Confirmar', 'Gracias: su solicitud está confirmada', 'Esta solicitud ya está confirmada'],
  ]) {
    it(`${lang}: shows what was sent, confirms with the keyboard, then says the link was used`, async () => {
      const link = await linkFor(lang);
      const { page, problems, response, close } = await open(link);
      try {
        assert.equal(response.status(), 200);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.locator('h1').count(), 1);
        assert.match(await page.locator('dl').innerText(), /Bisbee[\s\S]*Arizona \(AZ\)[\s\S]*Ada "Lovelace" & Byron/);
        // The stylesheet applies under the CSP (its hash allows it).
        assert.equal(await page.locator('button').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(11, 61, 145)');
        assert.deepEqual(await axe(page), []);
        await page.screenshot({ path: `tmp/confirm-${lang}.png`, fullPage: true }).catch(() => {});
        // Keyboard: Tab reaches the button (the only control), Enter presses it.
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), button);
        assert.equal(await page.getByRole('button', { name: button }).count(), 1);
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        assert.equal(await page.locator('h1').innerText(), thanks);
        assert.deepEqual(await axe(page), []);
        await page.screenshot({ path: `tmp/thanks-${lang}.png`, fullPage: true }).catch(() => {});
        const rows = await env.rows();
        assert.equal(rows.find((r) => r.email === `${lang}@bisbeeaz.gov`).status, 'confirmed');
        const again = await page.goto(link);
        assert.equal(again.status(), 410);
        assert.equal(await page.locator('h1').innerText(), used);
        assert.deepEqual(await axe(page), []);
        assert.deepEqual(problems.filter((p) => !/status of 410/.test(p)), []);
      } finally {
        await close();
      }
    });
  }

  it('an unknown link: a page in the browser’s language, axe clean', async () => {
    const { page, response, close } = await open(new URL(`/confirm/${'x'.repeat(43)}`, env.url).href);
    try {
      assert.equal(response.status(), 404);
      assert.equal(await page.locator('h1').innerText(), 'This confirmation link does not work');
      assert.deepEqual(await axe(page), []);
    } finally {
      await close();
    }
  });
});

// The join loop, end to end, in Chromium, on both stores: a mayor of Bisbee, AZ (not a member)
// fills in <maig-join-form> and sends it; the confirmation mail reaches a real SMTP server (in
// this process) and its page's Confirm button confirms; a staff account made with
// `node scripts/staff.mjs add` signs in at /staff/, sees the submission confirmed with its
// verification hint, and approves it; then members.json lists Bisbee, <maig-member-count
// state="AZ"> shows one more than before, and the member map finds and marks Bisbee.
// Needs the built bundle, feed and console (node scripts/test.mjs builds them first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, start } from '../../server/index.mjs';
import { createReceiver } from '../../server/receiver.mjs';
import { launch } from '../../scripts/lib/browser.mjs';
import { forEachStore } from './helpers/stores.mjs';
import { freePort, startSmtp } from './helpers/smtp.mjs';

const STAFF_EMAIL = 'staff@example.org';
const STAFF_PASSWORD = 'a long enough pass phrase';
const quiet = { info() {}, warn() {}, error: (...args) => console.error(...args) };

/** The city site's pages the test opens: each holds one widget, under the server's strict CSP. */
const PAGES = {
  '/city/join.html': '<maig-join-form endpoint="/join"><p><a href="https://www.mayorsagainstillegalguns.org/#join">Join Mayors Against Illegal Guns</a></p></maig-join-form>',
  '/city/count.html': '<maig-member-count state="AZ"></maig-member-count>',
  '/city/map.html': '<maig-member-map highlight="Bisbee, AZ"></maig-member-map>',
};

function cityPages(req, res, url) {
  const body = PAGES[url.pathname];
  if (!body) return false;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>City of Bisbee</title><script type="module" src="/dist/maig-widgets.js"></script></head><body><main>${body}</main></body></html>`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': 'no-store' });
  res.end(html);
  return true;
}

/** The number <maig-member-count> shows, once it shows one. */
async function shownCount(page) {
  const number = page.locator('maig-member-count [part="number"]');
  await number.waitFor({ timeout: 30_000 });
  return Number(await number.getAttribute('value'));
}

forEachStore((store) => {
  test('Bisbee, AZ joins: form, confirmation mail, staff approval, then every widget shows it', { timeout: 600_000 }, async (t) => {
    const started = performance.now();
    const smtp = await startSmtp();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const storeOptions = await store.options();
    const feedDir = mkdtempSync(join(tmpdir(), 'maig-loop-feeds-'));
    const receiver = await createReceiver({
      ...storeOptions,
      publicUrl: base,
      log: quiet,
      mail: { smtpUrl: smtp.url, from: 'Mayors Against Illegal Guns <join@example.org>', staffNotify: [] },
      publish: { feedDir },
    });
    const server = await start({ port, routes: [cityPages, receiver.route] });
    const browser = await launch();
    try {
      // The staff account, made as an administrator does, in the same store.
      const made = spawnSync(process.execPath, [fileURLToPath(new URL('../../scripts/staff.mjs', import.meta.url)), 'add', STAFF_EMAIL], {
        input: `${STAFF_PASSWORD}\n`,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: storeOptions.databaseUrl ?? '', MAIG_DB: storeOptions.sqlitePath ?? '' },
      });
      assert.equal(made.status, 0, made.stderr);

      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));

      // Before: Arizona's member count as a resident sees it.
      await page.goto(`${base}/city/count.html`);
      const before = await shownCount(page);
      assert.equal(before, 4, 'data/members.csv lists 4 Arizona cities');
      await page.goto(`${base}/city/map.html`);
      await page.locator('maig-member-map [part="caption"]').filter({ hasText: '“Bisbee, AZ” is not in the coalition\'s member list.' }).waitFor({ timeout: 30_000 });

      // A mayor's office fills in the form and sends it.
      await page.goto(`${base}/city/join.html`);
      await page.getByLabel('Full name').fill('Pat Example');
      await page.getByRole('radio', { name: 'Mayor', exact: true }).check();
      await page.getByLabel('City or town').fill('Bisbee');
      await page.getByLabel('State or territory').selectOption({ label: 'Arizona' });
      await page.getByLabel('Email address').fill('mayor@bisbeeaz.gov');
      await page.getByLabel('I have read and sign the Statement of Principles').check();
      await page.getByRole('button', { name: 'Sign and join' }).click();
      await page.getByText('Thank you. Your form was sent.').waitFor({ timeout: 60_000 });

      // The confirmation mail arrives; its page's Confirm button confirms.
      const [mail] = await smtp.next(1);
      assert.deepEqual(mail.to, ['mayor@bisbeeaz.gov']);
      const link = new RegExp(`${base.replace(/[.:/]/g, '\\$&')}/confirm/[A-Za-z0-9_-]+`).exec(mail.text)?.[0];
      assert.ok(link, `the mail links to the confirm page:\n${mail.text}`);
      assert.ok(mail.html.includes(link), 'the HTML part has the same link');
      await page.goto(link);
      const [before2] = await receiver.db.query('SELECT status FROM submissions');
      assert.equal(before2.status, 'new', 'opening the link confirms nothing');
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.waitForLoadState();
      const [confirmed] = await receiver.db.query('SELECT status, verification FROM submissions');
      assert.deepEqual({ ...confirmed }, { status: 'confirmed', verification: 'official' });

      // Staff sign in, see it confirmed with its hint, and approve it.
      await page.goto(`${base}/staff/`);
      await page.getByLabel('Email').fill(STAFF_EMAIL);
      await page.getByLabel('Password').fill(STAFF_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Bisbee, AZ' }) });
      await row.waitFor({ timeout: 30_000 });
      const rowText = await row.innerText();
      assert.match(rowText, /Confirmed/);
      assert.match(rowText, /Official domain/);
      assert.match(rowText, /bisbeeaz\.gov is registered to the City of Bisbee, AZ/);
      await row.getByRole('link', { name: 'Bisbee, AZ' }).click();
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.locator('#decision-result').filter({ hasText: /^approved/ }).waitFor({ timeout: 180_000 });
      const [approved] = await receiver.db.query('SELECT status, decided_by, member_id FROM submissions');
      assert.equal(approved.status, 'approved');
      assert.equal(approved.decided_by, STAFF_EMAIL);

      // members.json lists Bisbee, from the feed published at the widgets' address.
      const feed = await fetch(`${base}/dist/feed/v1/members.json`);
      assert.match(feed.headers.get('cache-control'), /max-age=60/);
      assert.ok((await feed.json()).members.some((m) => m.city === 'Bisbee' && m.state === 'AZ'));

      // The member count shows one more; the map finds Bisbee and marks it.
      await page.goto(`${base}/city/count.html`);
      assert.equal(await shownCount(page), before + 1);
      await page.goto(`${base}/city/map.html`);
      await page.locator('maig-member-map [part="caption"]').filter({ hasText: "Highlighted: Bisbee, Arizona, one of the coalition's member cities." }).waitFor({ timeout: 30_000 });
      await page.getByLabel('Find a member city').fill('Bisbee');
      await page.getByRole('list', { name: 'Matching member cities' }).getByRole('button', { name: 'Bisbee, Arizona' }).waitFor({ timeout: 10_000 });
      assert.equal(await page.locator('maig-member-map .mark[data-id="az-bisbee"]').count(), 1, 'the map marks Bisbee');
      assert.deepEqual(problems, []);
      await context.close();
      t.diagnostic(`the loop took ${Math.round(performance.now() - started)} ms on ${store.kind}`);
    } finally {
      await browser.close();
      await server.close();
      await receiver.close();
      await smtp.close();
      rmSync(feedDir, { recursive: true, force: true });
    }
  });
});

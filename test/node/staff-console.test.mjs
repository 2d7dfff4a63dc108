// The staff console in Chromium against the real receiver (SQLite): signing in by the labelled
// fields, the submissions list, a submission's detail with its hint and duplicate warning,
// Approve, Reject without and with a reason, placing a city the geocoder cannot place, the
// activity view's audit log, and sign-out; no CSP violation, axe clean in each state, focus
// where the person is. Needs the build (dist/staff/console.js): `node scripts/test.mjs` builds first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../../scripts/lib/browser.mjs';
import { axeViolations, openPage } from './helpers/browser.mjs';
import { serve } from './helpers/join.mjs';
import { store } from './helpers/stores.mjs';
import { addUser } from '../../server/staff/accounts.mjs';

const PASSWORD = 'console test password';
const work = mkdtempSync(join(tmpdir(), 'maig-staff-console-'));
const axe = (page) => axeViolations(page, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
/** Where keyboard focus is, through shadow roots: "tag#id" or "tag: text". */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}: ${el.textContent.trim().slice(0, 60)}` : '';
  });

let app;
let browser;
before(async () => {
  app = await serve({ options: { ...(await store('sqlite').options()), publish: { feedDir: join(work, 'feed') } } });
  browser = await launch();
  await addUser(app.receiver.db, 'staff@example.org', PASSWORD, { params: { N: 2 ** 10, r: 8, p: 1, keyLength: 32, saltLength: 16 } });
});
after(async () => {
  await browser?.close();
  await app?.close();
  rmSync(work, { recursive: true, force: true });
});

async function submission(over) {
  const row = { id: randomUUID(), received_at: new Date().toISOString(), name: 'Ana Ruiz', role: 'Mayor', email: 'mayor@bisbeeaz.gov', status: 'confirmed', ...over };
  await app.receiver.db.run(
    `INSERT INTO submissions (id, idempotency_key, answers_hash, received_at, name, role, city, state, email, phone, message, consent, lang, status, confirmed_at, verification, verification_reason)
     VALUES ($1, $2, 'h', $3, $4, $5, $6, $7, $8, '', '', 1, 'en', $9, $10, $11, $12)`,
    [row.id, randomUUID(), row.received_at, row.name, row.role, row.city, row.state, row.email, row.status, row.status === 'confirmed' ? row.received_at : null, row.verification ?? 'unverified', row.reason ?? 'Not on the .gov list.'],
  );
  return row;
}

test('a staff member signs in, sees a confirmed submission with its hint, approves it, rejects another with a reason, places an unplaced city', async () => {
  const bisbee = await submission({ city: 'Bisbee', state: 'AZ', verification: 'official', reason: 'bisbeeaz.gov is registered to the City of Bisbee, AZ.', received_at: '2026-12-01T10:00:00.000Z' });
  const tucson = await submission({ city: 'Tucson', state: 'AZ', name: 'Resident', role: 'Resident', email: 'someone@mail.example', status: 'new', received_at: '2026-12-02T10:00:00.000Z' });
  const nowhere = await submission({ city: 'Bisbe Junction', state: 'AZ', received_at: '2026-11-30T10:00:00.000Z' });

  const { page, problems, close } = await openPage(browser, `${app.url}staff/`);
  try {
    // Sign in, by the labels a person reads.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.deepEqual(await axe(page), [], 'sign-in form');
    await page.getByLabel('Email').fill('staff@example.org');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match an account.').waitFor();
    assert.match(await focused(page), /sign-in-error/);
    // By keyboard this time: Enter in the password field sends the form.
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');

    // The list: newest first, each row with its city, role, name, email, hint and confirmation.
    await page.getByRole('heading', { name: 'Submissions', level: 1 }).waitFor();
    assert.match(await focused(page), /^h1: Submissions/);
    const rows = page.getByRole('row');
    await rows.nth(3).waitFor();
    const texts = await rows.allInnerTexts();
    assert.match(texts[1], /Tucson, AZ[\s\S]*Possible duplicate[\s\S]*Resident[\s\S]*someone@mail\.example[\s\S]*Unverified domain[\s\S]*Not confirmed[\s\S]*new/);
    assert.match(texts[2], /Bisbee, AZ[\s\S]*Mayor[\s\S]*Ana Ruiz[\s\S]*mayor@bisbeeaz\.gov[\s\S]*Official domain[\s\S]*registered to the City of Bisbee[\s\S]*Confirmed/);
    assert.match(texts[3], /Bisbe Junction, AZ/);
    assert.deepEqual(await axe(page), [], 'submissions list');
    await page.screenshot({ path: join(process.env.MAIG_SHOTS ?? work, 'staff-console-list.png'), fullPage: true });

    // Filter by status.
    await page.getByLabel('Show').selectOption('new');
    await page.getByRole('caption').filter({ hasText: '1 submission (new)' }).waitFor();

    // Tucson is already a member: the warning says so; Reject needs a reason.
    await page.getByRole('link', { name: 'Tucson, AZ' }).click();
    await page.getByRole('heading', { name: 'Tucson, AZ', level: 1 }).waitFor();
    await page.getByText('Tucson, AZ is already a member.').waitFor();
    assert.deepEqual(await axe(page), [], 'detail with a duplicate warning');
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('Write the reason for rejecting').waitFor();
    assert.match(await focused(page), /^textarea#reason/);
    await page.getByLabel(/^Reason/).fill('Sent by a resident; Tucson is already a member.');
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('status').filter({ hasText: 'The submission for Tucson, AZ is rejected.' }).waitFor({ state: 'attached' });
    await page.getByText(/^rejected by staff@example\.org/).waitFor();
    assert.equal((await app.receiver.db.one('SELECT status, decision_reason FROM submissions WHERE id = $1', [tucson.id])).status, 'rejected');

    // Bisbee: approve; the city becomes a member.
    await page.goto(`${app.url}staff/#submission/${bisbee.id}`);
    await page.getByRole('heading', { name: 'Bisbee, AZ', level: 1 }).waitFor();
    await page.getByText('Official domain').waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/^approved by staff@example\.org/).waitFor({ timeout: 120_000 });
    assert.match(await focused(page), /^dd#decision-result: approved/);
    const row = await app.receiver.db.one('SELECT status, decided_by, member_id FROM submissions WHERE id = $1', [bisbee.id]);
    assert.equal(row.status, 'approved');
    assert.equal(row.decided_by, 'staff@example.org');
    assert.ok(row.member_id);
    assert.deepEqual(await axe(page), [], 'approved');

    // A city the geocoder cannot place: the message, then placed by latitude and longitude.
    await page.goto(`${app.url}staff/#submission/${nowhere.id}`);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('heading', { name: 'Place Bisbe Junction, AZ on the map' }).waitFor({ timeout: 60_000 });
    assert.match(await focused(page), /^h3#place-heading/);
    assert.deepEqual(await axe(page), [], 'placement form');
    await page.screenshot({ path: join(process.env.MAIG_SHOTS ?? work, 'staff-console-place.png'), fullPage: true });
    await page.getByLabel('At a latitude and longitude').check();
    await page.getByLabel('Latitude', { exact: true }).fill('31.45');
    await page.getByLabel('Longitude', { exact: true }).fill('-109.92');
    await page.getByRole('button', { name: 'Approve with this place' }).click();
    await page.getByText(/^approved by staff@example\.org/).waitFor({ timeout: 120_000 });

    // The activity view: publishing and the audit log name who did what.
    await page.getByRole('link', { name: 'Activity and audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const audit = page.getByRole('table').filter({ hasText: 'The latest' });
    await audit.getByRole('cell', { name: 'Rejected', exact: true }).waitFor();
    assert.equal(await audit.getByRole('cell', { name: 'Approved', exact: true }).count(), 2);
    await audit.getByText('reason: Sent by a resident; Tucson is already a member.').waitFor();
    await audit.getByText(/placement: lat 31\.45, lon -109\.92; feed published \(\d+ members\)/).waitFor();
    assert.deepEqual(await axe(page), [], 'activity');
    await page.screenshot({ path: join(process.env.MAIG_SHOTS ?? work, 'staff-console-activity.png'), fullPage: true });

    // Members: find the city approved, remove it (a city leaves), confirming first.
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    await page.getByLabel('Find a member').fill('Bisbee, AZ');
    await page.getByRole('caption').filter({ hasText: /^1 of \d+ members$/ }).waitFor();
    await page.getByRole('button', { name: 'Remove Bisbee, AZ' }).click();
    await page.getByRole('heading', { name: 'Remove Bisbee, AZ?' }).waitFor();
    assert.match(await focused(page), /^h2#confirm-heading/);
    assert.deepEqual(await axe(page), [], 'members, confirming a removal');
    await page.getByLabel('Reason (optional)').fill('The council voted to leave.');
    await page.getByRole('button', { name: 'Yes, remove Bisbee, AZ' }).click();
    await page.getByRole('status').filter({ hasText: 'Bisbee, AZ is removed from the members.' }).waitFor({ state: 'attached', timeout: 120_000 });
    const left = await app.receiver.db.one("SELECT removed_by, removed_reason FROM members WHERE city = 'Bisbee' AND state = 'AZ'");
    assert.equal(left.removed_by, 'staff@example.org');
    assert.equal(left.removed_reason, 'The council voted to leave.');

    // Sign out: back to the form, and the API refuses the old session.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal(await page.evaluate(async () => (await fetch('/staff/api/me')).status), 401);
    assert.deepEqual(problems.filter((p) => !/status of 40[139]/.test(p)), [], 'no CSP violation or script error');
  } finally {
    await close();
  }
});

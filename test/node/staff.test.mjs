// The staff room on both stores, over real HTTP: accounts made by `npm run staff` (password on
// standard input), sign-in with scrypt hashes, the session cookie's flags, lockout, CSRF, the
// submissions list and decisions (approve through the publish room, reject, duplicate), the
// duplicate warning, the session export, sign-out and the audit log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, valid } from './helpers/join.mjs';
import { freePort, startSmtp } from './helpers/smtp.mjs';
import { forEachStore } from './helpers/stores.mjs';
import { addUser } from '../../server/staff/accounts.mjs';
import { hashPassword, verifyPassword, SCRYPT } from '../../server/staff/passwords.mjs';

/** Cheap scrypt parameters for accounts the API tests make (the CLI test uses the real ones). */
const FAST = { N: 2 ** 10, r: 8, p: 1, keyLength: 32, saltLength: 16 };
const PASSWORD = 'a staff password of some length';
const work = mkdtempSync(join(tmpdir(), 'maig-staff-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs `node scripts/staff.mjs ...args` with `input` on standard input. */
function cli(args, input, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/staff.mjs', ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

test('passwords: scrypt with its parameters and a salt per hash, constant-time verify', async () => {
  const a = await hashPassword(PASSWORD);
  const b = await hashPassword(PASSWORD);
  assert.match(a, new RegExp(`^scrypt\\$${SCRYPT.N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{43}$`));
  assert.notEqual(a, b, 'a fresh salt each time');
  assert.equal(await verifyPassword(PASSWORD, a), true);
  assert.equal(await verifyPassword(`${PASSWORD} `, a), false);
  assert.equal(await verifyPassword(PASSWORD, 'plain text'), false);
  // A hash made with other parameters still verifies: they are read from the stored form.
  assert.equal(await verifyPassword(PASSWORD, await hashPassword(PASSWORD, FAST)), true);
});

forEachStore((store) => {
  let app;
  let options;
  const base = () => app.url.replace(/\/$/, '');
  const db = () => app.receiver.db;

  before(async () => {
    options = await store.options();
    // Behind one proxy: each test signs in from its own address (X-Forwarded-For), so one test's
    // failures do not lock the next one out.
    app = await serve({ options: { ...options, trustProxy: 1, publish: { feedDir: join(work, `${store.kind}-feed`) } } });
  });
  after(async () => app?.close());

  /** A submission as the join room stores it. */
  async function submission(over = {}) {
    const row = {
      id: randomUUID(),
      received_at: new Date().toISOString(),
      name: 'Ana Ruiz',
      role: 'Mayor',
      city: 'Bisbee',
      state: 'AZ',
      email: 'mayor@bisbeeaz.gov',
      status: 'new',
      verification: 'unverified',
      verification_reason: 'bisbeeaz.gov is not on the .gov list for Bisbee, AZ.',
      ...over,
    };
    await db().run(
      `INSERT INTO submissions (id, idempotency_key, answers_hash, received_at, name, role, city, state, email, phone, message, consent, origin, lang, status, verification, verification_reason, confirmed_at)
       VALUES ($1, $2, 'h', $3, $4, $5, $6, $7, $8, '', '', 1, NULL, 'en', $9, $10, $11, $12)`,
      [row.id, randomUUID(), row.received_at, row.name, row.role, row.city, row.state, row.email, row.status, row.verification, row.verification_reason, row.confirmed_at ?? null],
    );
    return row;
  }

  /** A signed-in client: its cookie and CSRF token, and get/post helpers. */
  let addresses = 0;
  async function signIn(email, password = PASSWORD, headers = {}) {
    const from = { 'x-forwarded-for': `192.0.2.${++addresses}` };
    const res = await fetch(`${base()}/staff/api/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', ...from, ...headers }, body: JSON.stringify({ email, password }) });
    const body = await res.json();
    const cookie = res.headers.get('set-cookie');
    const pair = cookie?.split(';')[0];
    const client = {
      res,
      body,
      cookie,
      csrf: body.csrf,
      get: (path) => fetch(`${base()}/staff/api/${path}`, { headers: { cookie: pair ?? '' } }),
      post: (path, data = {}, extra = {}) =>
        fetch(`${base()}/staff/api/${path}`, {
          method: 'POST',
          headers: { cookie: pair ?? '', 'content-type': 'application/json', 'x-csrf-token': client.csrf ?? '', ...extra },
          body: JSON.stringify(data),
        }),
    };
    return client;
  }
  const audit = async (action) => db().query('SELECT * FROM audit_log WHERE action = $1 ORDER BY at', [action]);

  test('npm run staff -- add reads the password from standard input, refuses a short one; remove ends the account', async () => {
    const env = options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { MAIG_DB: options.sqlitePath };
    const short = await cli(['add', 'cli@example.org'], 'eleven char\n', env);
    assert.equal(short.code, 1);
    assert.match(short.stderr, /too short: use at least 12 characters/);
    assert.equal((await db().one("SELECT COUNT(*) AS n FROM staff_users WHERE email = 'cli@example.org'")).n, 0);

    const added = await cli(['add', 'CLI@Example.org'], `${PASSWORD}\n`, env);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /added cli@example\.org/);
    const user = await db().one("SELECT * FROM staff_users WHERE email = 'cli@example.org'");
    assert.match(user.password_hash, /^scrypt\$32768\$8\$1\$/);
    assert.ok(!user.password_hash.includes(PASSWORD));

    const session = await signIn('cli@example.org');
    assert.equal(session.res.status, 200);
    assert.equal((await session.get('me')).status, 200);

    const removed = await cli(['remove', 'cli@example.org'], '', env);
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal((await session.get('me')).status, 401, 'its session ended with it');
    assert.equal((await cli(['remove', 'cli@example.org'], '', env)).code, 1);
    assert.deepEqual((await audit('account-add')).map((r) => r.subject), ['cli@example.org']);
    assert.deepEqual((await audit('account-remove')).map((r) => r.subject), ['cli@example.org']);
  });

  test('sign-in: a wrong password is refused and audited; the right one gives an HttpOnly, SameSite=Strict cookie for /staff and a CSRF token', async () => {
    await addUser(db(), 'ana@example.org', PASSWORD, { params: FAST });
    const wrong = await signIn('ana@example.org', 'not the password at all');
    assert.equal(wrong.res.status, 401);
    assert.equal(wrong.body.error, 'wrong-credentials');
    assert.equal(wrong.cookie, null);
    const failed = await audit('sign-in-failed');
    assert.equal(failed.at(-1).actor, 'ana@example.org');

    const ok = await signIn('Ana@Example.org ');
    assert.equal(ok.res.status, 200);
    assert.equal(ok.body.user.email, 'ana@example.org');
    assert.match(ok.csrf, /^[\w-]{43}$/);
    const flags = ok.cookie.split(';').map((s) => s.trim());
    assert.match(flags[0], /^maig_staff=[\w-]{43}$/);
    assert.ok(flags.includes('HttpOnly'));
    assert.ok(flags.includes('SameSite=Strict'));
    assert.ok(flags.includes('Path=/staff'));
    assert.ok(!flags.includes('Secure'), 'not Secure on http://127.0.0.1, where the browser would drop it');
    // Only a hash of the session id is stored.
    const id = flags[0].split('=')[1];
    const rows = await db().query('SELECT id_hash FROM staff_sessions');
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((r) => r.id_hash !== id && /^[0-9a-f]{64}$/.test(r.id_hash)));
    const me = await (await ok.get('me')).json();
    assert.equal(me.user.email, 'ana@example.org');
    assert.equal(me.csrf, ok.csrf);
    assert.equal((await fetch(`${base()}/staff/api/me`)).status, 401);
  });

  test('the cookie is Secure when the public address is https', async () => {
    const other = await serve({ options: { ...options, publicUrl: 'https://join.example.org', publish: { feedDir: join(work, `${store.kind}-feed-2`) } } });
    try {
      await addUser(other.receiver.db, 'secure@example.org', PASSWORD, { params: FAST });
      const res = await fetch(`${other.url}staff/api/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'secure@example.org', password: PASSWORD }) });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('set-cookie'), /; Secure;/);
    } finally {
      await other.close();
    }
  });

  test('five wrong passwords lock the account for 15 minutes (even the right one is refused), with a readable message', async () => {
    await addUser(db(), 'lock@example.org', PASSWORD, { params: FAST });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn('lock@example.org', `wrong password ${i}`, { 'x-forwarded-for': `10.0.0.${i}` })).res.status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
    const locked = await signIn('lock@example.org');
    assert.equal(locked.res.status, 429);
    assert.equal(locked.body.error, 'locked');
    assert.match(locked.body.message, /Too many failed sign-ins\. Sign-in is paused for 15 minutes/);
    assert.equal(locked.res.headers.get('retry-after'), '900');
    assert.equal(locked.cookie, null);
  });

  test('five failures from one address lock that address, whatever the emails', async () => {
    await addUser(db(), 'addr@example.org', PASSWORD, { params: FAST });
    {
      const from = (email, password, address) =>
        fetch(`${base()}/staff/api/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ email, password }) });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await from(`nobody${i}@example.org`, 'wrong password', '203.0.113.9')).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
      assert.equal((await from('addr@example.org', PASSWORD, '203.0.113.9')).status, 429, 'the address is locked');
      assert.equal((await from('addr@example.org', PASSWORD, '203.0.113.10')).status, 200, 'another address is not');
    }
  });

  test('a change needs the session CSRF token and this server as Origin', async () => {
    await addUser(db(), 'csrf@example.org', PASSWORD, { params: FAST });
    const s = await signIn('csrf@example.org');
    const row = await submission({ city: 'Tombstone' });
    const none = await s.post(`submissions/${row.id}/reject`, { reason: 'test' }, { 'x-csrf-token': '' });
    assert.equal(none.status, 403);
    assert.equal((await none.json()).error, 'bad-csrf-token');
    const wrong = await s.post(`submissions/${row.id}/reject`, { reason: 'test' }, { 'x-csrf-token': 'x'.repeat(43) });
    assert.equal(wrong.status, 403);
    const crossSite = await s.post(`submissions/${row.id}/reject`, { reason: 'test' }, { origin: 'https://evil.example' });
    assert.equal(crossSite.status, 403);
    assert.equal((await crossSite.json()).error, 'cross-site');
    assert.equal((await db().one('SELECT status FROM submissions WHERE id = $1', [row.id])).status, 'new', 'nothing changed');
    const ok = await s.post(`submissions/${row.id}/reject`, { reason: 'Not a city government' }, { origin: base() });
    assert.equal(ok.status, 200);
  });

  test('submissions newest first, by status, with the duplicate warning (members.csv folded, and another pending one)', async () => {
    await addUser(db(), 'list@example.org', PASSWORD, { params: FAST });
    const s = await signIn('list@example.org');
    const old = await submission({ city: 'Saint Paul', state: 'MN', received_at: '2026-01-01T00:00:00.000Z' });
    const confirmed = await submission({ city: 'Sierra Vista', state: 'AZ', status: 'confirmed', confirmed_at: '2026-02-02T00:00:00.000Z', received_at: '2026-02-01T00:00:00.000Z' });
    const twin = await submission({ city: 'sierra vista', state: 'az', received_at: '2026-02-03T00:00:00.000Z' });
    const all = (await (await s.get('submissions')).json()).submissions;
    const times = all.map((r) => r.received_at);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    const paul = all.find((r) => r.id === old.id);
    assert.deepEqual(paul.duplicates.map((d) => d.kind), ['member'], '"Saint Paul" is members.csv\'s "St. Paul"');
    assert.match(paul.duplicates[0].message, /Saint Paul, MN is already a member/);
    const vista = all.find((r) => r.id === confirmed.id);
    assert.deepEqual(vista.duplicates.map((d) => d.submissionId), [twin.id]);
    const onlyConfirmed = (await (await s.get('submissions?status=confirmed')).json()).submissions;
    assert.ok(onlyConfirmed.length >= 1 && onlyConfirmed.every((r) => r.status === 'confirmed'));
    assert.equal(onlyConfirmed.find((r) => r.id === confirmed.id).confirmed_at, '2026-02-02T00:00:00.000Z');
    assert.equal((await s.get('submissions?status=maybe')).status, 400);
    const one = await (await s.get(`submissions/${twin.id}`)).json();
    assert.equal(one.submission.city, 'sierra vista');
    assert.equal(one.submission.verification, 'unverified');
    assert.equal((await s.get(`submissions/${randomUUID()}`)).status, 404);
  });

  test('approve: a city the geocoder cannot place stops with candidates; placed by latitude and longitude it is approved and a member', async () => {
    await addUser(db(), 'approve@example.org', PASSWORD, { params: FAST });
    const s = await signIn('approve@example.org');
    const row = await submission({ city: 'Bisbe Junction', state: 'AZ', status: 'confirmed', confirmed_at: new Date().toISOString() });
    const stopped = await s.post(`submissions/${row.id}/approve`);
    assert.equal(stopped.status, 409);
    const why = await stopped.json();
    assert.equal(why.error, 'unplaced');
    assert.ok(why.message);
    assert.ok(Array.isArray(why.candidates));
    assert.equal((await db().one('SELECT status FROM submissions WHERE id = $1', [row.id])).status, 'confirmed');
    assert.equal((await audit('approve-stopped')).at(-1).subject, row.id);

    const placed = await s.post(`submissions/${row.id}/approve`, { placement: { lat: 31.44, lon: -109.9 } });
    assert.equal(placed.status, 200, JSON.stringify(await placed.clone().json()));
    const answer = await placed.json();
    assert.equal(answer.submission.status, 'approved');
    assert.equal(answer.submission.decided_by, 'approve@example.org');
    assert.ok(answer.submission.member_id);
    assert.ok(answer.publish?.ok, JSON.stringify(answer.publish));
    const members = (await (await s.get('members')).json()).members;
    assert.ok(members.some((m) => m.city === 'Bisbe Junction' && m.state === 'AZ'));
    const again = await s.post(`submissions/${row.id}/approve`);
    assert.equal(again.status, 409);
    assert.equal((await again.json()).error, 'already-decided');
    const approved = (await audit('approve')).at(-1);
    assert.equal(approved.actor, 'approve@example.org');
    assert.equal(approved.subject, row.id);
    assert.match(approved.detail, /"lat":31\.44/);
    const publish = await (await s.get('publish')).json();
    assert.equal(publish.enabled, true);
    assert.equal(publish.status.last.ok, true);
  });

  test('reject needs a reason; duplicate; both audited and shown in the audit log', async () => {
    await addUser(db(), 'decide@example.org', PASSWORD, { params: FAST });
    const s = await signIn('decide@example.org');
    const a = await submission({ city: 'Douglas' });
    const b = await submission({ city: 'Nogales' });
    const noReason = await s.post(`submissions/${a.id}/reject`, { reason: '  ' });
    assert.equal(noReason.status, 400);
    assert.equal((await noReason.json()).error, 'reason-required');
    const rejected = await (await s.post(`submissions/${a.id}/reject`, { reason: 'Sent by a resident, not the office' })).json();
    assert.equal(rejected.submission.status, 'rejected');
    assert.equal(rejected.submission.decision_reason, 'Sent by a resident, not the office');
    const dup = await (await s.post(`submissions/${b.id}/duplicate`, {})).json();
    assert.equal(dup.submission.status, 'duplicate');
    const log = (await (await s.get('audit')).json()).entries;
    const mine = log.filter((e) => e.actor === 'decide@example.org').map((e) => `${e.action} ${e.subject ?? ''}`.trim());
    assert.deepEqual(mine.slice(0, 3), [`mark-duplicate ${b.id}`, `reject ${a.id}`, 'sign-in']);
  });

  test('the export for a session (CSV and JSON) without the token; signed out it is refused', async () => {
    await addUser(db(), 'export@example.org', PASSWORD, { params: FAST });
    const s = await signIn('export@example.org');
    const csv = await s.get('export.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /text\/csv/);
    assert.match(await csv.text(), /^id,receivedAt,name/);
    const json = await (await s.get('export.json')).json();
    assert.ok(json.submissions.length >= 1);
    assert.equal((await fetch(`${base()}/staff/api/export.csv`)).status, 401);
    assert.deepEqual((await audit('export')).filter((r) => r.actor === 'export@example.org').map((r) => JSON.parse(r.detail).format), ['csv', 'json']);
  });

  test('sign out ends the session and clears the cookie; the console page has a strict CSP', async () => {
    await addUser(db(), 'out@example.org', PASSWORD, { params: FAST });
    const s = await signIn('out@example.org');
    const out = await s.post('sign-out');
    assert.equal(out.status, 200);
    assert.match(out.headers.get('set-cookie'), /^maig_staff=; .*Max-Age=0/);
    assert.equal((await s.get('me')).status, 401);
    assert.equal((await s.get('submissions')).status, 401);
    assert.ok((await audit('sign-out')).some((r) => r.actor === 'out@example.org'));
    const page = await fetch(`${base()}/staff/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(await page.text(), /<maig-staff-console>/);
    assert.equal((await fetch(`${base()}/staff/api/nothing-here`)).status, 404);
    assert.equal((await fetch(`${base()}/staff/api/submissions`, { method: 'DELETE' })).status, 405);
  });

  test('mails not sent yet: listed for staff, and tried again at once from the console', async () => {
    await addUser(db(), 'mail@example.org', PASSWORD, { params: FAST });
    const off = await signIn('mail@example.org');
    assert.deepEqual(await (await off.get('mails')).json(), { enabled: false, mails: [] }, 'mail is off without MAIG_SMTP_URL');
    assert.equal((await off.post('mails/retry')).status, 503);

    const port = await freePort(); // nothing listens there yet: the mail server is down
    const other = await serve({
      options: { ...(await store.options()), trustProxy: 1, publicUrl: 'https://join.example.org', mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'join@example.org' }, publish: { feedDir: join(work, `${store.kind}-feed-4`) } },
    });
    let smtp;
    try {
      assert.equal((await other.post(valid({ city: 'Bisbee', state: 'AZ', email: 'mayor@bisbeeaz.gov' }))).status, 201);
      await addUser(other.receiver.db, 'mail@example.org', PASSWORD, { params: FAST });
      const res = await fetch(`${other.url}staff/api/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' }, body: JSON.stringify({ email: 'mail@example.org', password: PASSWORD }) });
      const { csrf } = await res.json();
      const cookie = res.headers.get('set-cookie').split(';')[0];
      let mails = [];
      for (let i = 0; i < 100 && !(mails[0]?.attempts >= 1); i++) {
        mails = (await (await fetch(`${other.url}staff/api/mails`, { headers: { cookie } })).json()).mails;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(mails.length, 1);
      assert.equal(mails[0].to, 'mayor@bisbeeaz.gov');
      assert.ok(mails[0].lastError, 'the failure is shown');
      smtp = await startSmtp({ port });
      const retried = await fetch(`${other.url}staff/api/mails/retry`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: '{}' });
      assert.equal(retried.status, 200);
      const answer = await retried.json();
      assert.deepEqual([answer.sent, answer.failed, answer.mails.length], [1, 0, 0]);
      assert.equal(smtp.messages.length, 1);
      const [row] = await other.receiver.db.query("SELECT actor, detail FROM audit_log WHERE action = 'mail-retry'");
      assert.deepEqual([row.actor, JSON.parse(row.detail)], ['mail@example.org', { sent: 1, failed: 0 }]);
    } finally {
      await other.close();
      await smtp?.close();
    }
  });
});

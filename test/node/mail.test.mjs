// The mail room on both stores, with a real SMTP server in the process: the confirmation mail
// (English, Spanish) and its link, the staff notice, the confirm pages (a GET never confirms, a
// POST confirms once, used/expired/unknown links), cross-site posts refused, a mail server that
// is down (the mail stays queued, then goes out), mail off, and the verification hint stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openDb } from '../../server/store/db.mjs';
import { migrations as joinMigrations } from '../../server/join/migrations.mjs';
import { createMailRoom } from '../../server/mail/room.mjs';
import { hashToken } from '../../server/mail/confirm.mjs';
import { start } from '../../server/index.mjs';
import { forEachStore } from './helpers/stores.mjs';
import { freePort, startSmtp } from './helpers/smtp.mjs';

const PUBLIC = 'https://join.example.org';
const quiet = { info() {}, warn() {}, error() {} };
/** A log that keeps its lines. */
const recorder = () => {
  const lines = [];
  const keep = (l) => lines.push(String(l));
  return { lines, info: keep, warn: keep, error: keep };
};

/**
 * The mail room on a new database of `store`, its route served on port 0, the join room's
 * table beside it. `submit(over)` stores a submission as the join room does, then calls the
 * hook it calls.
 */
async function setup(store, { smtpUrl = null, log = quiet, mail = {} } = {}) {
  const db = await openDb({ ...(await store.options()), log: quiet });
  await db.migrate('join', joinMigrations);
  const room = createMailRoom({
    db,
    log,
    config: {
      publicUrl: PUBLIC,
      mail: { smtpUrl, from: 'Mayors Against Illegal Guns <join@example.org>', staffNotify: ['staff@example.org'], retry: { baseMs: 300, maxMs: 1200 }, ...mail },
    },
  });
  await db.migrate('mail', room.migrations);
  await room.start();
  const server = await start({ port: 0, routes: [room.route] });
  return {
    db,
    room,
    url: server.url,
    async submit(over = {}, { beforeHook } = {}) {
      const row = {
        id: randomUUID(),
        name: 'Ada Lovelace',
        role: 'mayor',
        city: 'Bisbee',
        state: 'AZ',
        email: 'mayor@bisbeeaz.gov',
        phone: '',
        message: '',
        lang: 'en',
        received_at: new Date().toISOString(),
        ...over,
      };
      await db.run(
        `INSERT INTO submissions (id, idempotency_key, answers_hash, received_at, name, role, city, state, email, phone, message, consent, origin, lang)
         VALUES ($1, $2, 'h', $3, $4, $5, $6, $7, $8, $9, $10, 1, NULL, $11)`,
        [row.id, randomUUID(), row.received_at, row.name, row.role, row.city, row.state, row.email, row.phone, row.message, row.lang],
      );
      await beforeHook?.();
      await room.hooks.onSubmitted(row);
      return row;
    },
    row: (id) => db.one('SELECT status, confirmed_at, verification, verification_reason FROM submissions WHERE id = $1', [id]),
    async close() {
      await server.close();
      await room.close();
      await db.close();
    },
  };
}

/** The link in a mail, and the path and token in it. */
function linkIn(message) {
  const link = /https:\/\/join\.example\.org\/confirm\/[A-Za-z0-9_-]+/.exec(message.text)?.[0];
  assert.ok(link, `a link in:\n${message.text}`);
  return { link, path: new URL(link).pathname, token: link.split('/').pop() };
}

const post = (url, fields, headers = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields), redirect: 'manual' });

/** The page's text without tags (what a person reads). */
const textOf = (page) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]);

/** Waits until the queue has nothing left to send (a sent mail is marked once the server said OK). */
async function drained(room) {
  for (let i = 0; i < 100; i++) {
    const left = await room.pending();
    if (!left.length) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
  return room.pending();
}

forEachStore((store) => {
  describe('with a mail server', () => {
    let smtp;
    let env;
    before(async () => {
      smtp = await startSmtp();
      env = await setup(store, { smtpUrl: smtp.url });
    });
    after(async () => {
      await env.close();
      await smtp.close();
    });

    it('mails the office in English with a link on the public address, and notifies staff; stores the hint', async () => {
      const before = smtp.messages.length;
      const sub = await env.submit();
      const mails = (await smtp.next(before + 2)).slice(before);
      const mail = mails.find((m) => m.to.includes('mayor@bisbeeaz.gov'));
      const notice = mails.find((m) => m.to.includes('staff@example.org'));
      assert.equal(mail.subject, 'Confirm that Bisbee, AZ is joining Mayors Against Illegal Guns');
      assert.equal(mail.from, 'join@example.org');
      assert.match(mail.text, /^Hello Ada Lovelace,/);
      assert.match(mail.text, /Role: Mayor/);
      assert.match(mail.text, /State or territory: Arizona \(AZ\)/);
      const expiry = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.now() + 7 * 24 * 3600 * 1000);
      assert.ok(mail.text.includes(`The link works until ${expiry} and confirms only once.`), mail.text);
      const { link, token } = linkIn(mail);
      assert.equal(token.length, 43); // 32 random bytes, base64url
      assert.ok(mail.html.includes(`href="${link}"`), 'the HTML part links to the same page');
      assert.match(mail.html, /<html lang="en">/);
      // Only the token's hash is stored.
      const stored = await env.db.one('SELECT token_hash, expires_at, created_at FROM confirm_tokens WHERE submission_id = $1', [sub.id]);
      assert.equal(stored.token_hash, hashToken(token));
      assert.equal(Date.parse(stored.expires_at) - Date.parse(stored.created_at), 7 * 24 * 3600 * 1000);
      assert.equal(notice.subject, 'New request to join: Bisbee, AZ');
      assert.match(notice.text, /Email domain: official domain\. bisbeeaz\.gov is registered to the City of Bisbee, AZ/);
      assert.match(notice.text, /https:\/\/join\.example\.org\/staff\//);
      const row = await env.row(sub.id);
      assert.equal(row.verification, 'official');
      assert.match(row.verification_reason, /^bisbeeaz\.gov is registered to the City of Bisbee, AZ \(CISA \.gov list, 2026-08-22\)\.$/);
      assert.deepEqual(await drained(env.room), []);
    });

    it('mails in Spanish when the form was in Spanish; an unverified domain says why', async () => {
      const before = smtp.messages.length;
      const sub = await env.submit({ lang: 'es', email: 'alcaldia.bisbee@gmail.com', name: 'Ana Núñez', role: 'staff' });
      const mail = (await smtp.next(before + 2)).slice(before).find((m) => m.to.includes('alcaldia.bisbee@gmail.com'));
      assert.equal(mail.subject, 'Confirme que Bisbee, AZ se une a Mayors Against Illegal Guns');
      assert.match(mail.text, /^Hola, Ana Núñez:/);
      assert.match(mail.text, /Cargo: Personal, en nombre de un alcalde o alcaldesa/);
      assert.match(mail.text, /Declaración de Principios/);
      assert.match(mail.html, /<html lang="es">/);
      linkIn(mail);
      const row = await env.row(sub.id);
      assert.deepEqual({ ...row, confirmed_at: undefined }, { status: 'new', confirmed_at: undefined, verification: 'unverified', verification_reason: 'gmail.com is not a .gov domain.' });
    });

    it('a GET shows what was sent and never confirms; the POST confirms once', async () => {
      const before = smtp.messages.length;
      const sub = await env.submit({ name: 'Ken <b>Budge</b>' });
      const mail = (await smtp.next(before + 2)).slice(before).find((m) => m.to.includes('mayor@bisbeeaz.gov'));
      const { path, token } = linkIn(mail);
      const page = await fetch(new URL(path, env.url));
      assert.equal(page.status, 200);
      const csp = page.headers.get('content-security-policy');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.equal(page.headers.get('referrer-policy'), 'same-origin');
      const html = await page.text();
      assert.match(html, /<html lang="en">/);
      assert.equal(html.match(/<h1[ >]/g).length, 1);
      assert.doesNotMatch(html, /<script/i);
      assert.match(textOf(html), /City Bisbee State or territory Arizona \(AZ\) Role Mayor Name Ken <b>Budge<\/b>/);
      assert.ok(html.includes('Ken &lt;b&gt;Budge&lt;/b&gt;'), 'the name is escaped');
      assert.match(html, new RegExp(`<form method="post" action="${token}"[^>]*>\\s*<input type="hidden" name="token" value="${token}">\\s*<button type="submit">Confirm</button>`));
      // Mail scanners follow links, more than once.
      await fetch(new URL(path, env.url));
      await fetch(new URL(path, env.url), { method: 'HEAD' });
      assert.equal((await env.row(sub.id)).status, 'new');

      const done = await post(new URL(path, env.url), { token });
      assert.equal(done.status, 200);
      const thanks = textOf(await done.text());
      assert.match(thanks, /Thank you: your request is confirmed/);
      assert.match(thanks, /Coalition staff will now review the request for Bisbee, AZ\. Once it is approved, your city appears on the member map/);
      const row = await env.row(sub.id);
      assert.equal(row.status, 'confirmed');
      assert.ok(Date.now() - Date.parse(row.confirmed_at) < 60_000);

      const again = await post(new URL(path, env.url), { token });
      assert.equal(again.status, 410);
      assert.match(textOf(await again.text()), /This request is already confirmed/);
      const later = await fetch(new URL(path, env.url));
      assert.equal(later.status, 410);
      assert.match(textOf(await later.text()), /The request for Bisbee, AZ was confirmed on /);
      assert.equal((await env.db.one('SELECT used_at FROM confirm_tokens WHERE token_hash = $1', [hashToken(token)])).used_at, row.confirmed_at);
    });

    it('confirming keeps a status staff already set', async () => {
      const before = smtp.messages.length;
      const sub = await env.submit();
      const { path, token } = linkIn((await smtp.next(before + 2)).slice(before).find((m) => m.to.includes('mayor@bisbeeaz.gov')));
      await env.db.run("UPDATE submissions SET status = 'approved' WHERE id = $1", [sub.id]);
      assert.equal((await post(new URL(path, env.url), { token })).status, 200);
      const row = await env.row(sub.id);
      assert.equal(row.status, 'approved');
      assert.ok(row.confirmed_at);
    });

    it('shows the Spanish pages for a Spanish submission', async () => {
      const before = smtp.messages.length;
      await env.submit({ lang: 'es', email: 'alcalde@bisbeeaz.gov' });
      const { path, token } = linkIn((await smtp.next(before + 2)).slice(before).find((m) => m.to.includes('alcalde@bisbeeaz.gov')));
      const html = await (await fetch(new URL(path, env.url))).text();
      assert.match(html, /<html lang="es">/);
      assert.match(textOf(html), /Confirme su solicitud para unirse .* Ciudad Bisbee Estado o territorio Arizona \(AZ\) Cargo Alcalde o alcaldesa/);
      assert.match(html, /<button type="submit">Confirmar<\/button>/);
      const done = textOf(await (await post(new URL(path, env.url), { token })).text());
      assert.match(done, /Gracias: su solicitud está confirmada/);
    });

    it('refuses a cross-site post and a post without the token, and confirms nothing', async () => {
      const before = smtp.messages.length;
      const sub = await env.submit();
      const { path, token } = linkIn((await smtp.next(before + 2)).slice(before).find((m) => m.to.includes('mayor@bisbeeaz.gov')));
      const target = new URL(path, env.url);
      const cross = await post(target, { token }, { 'sec-fetch-site': 'cross-site' });
      assert.equal(cross.status, 403);
      assert.match(textOf(await cross.text()), /This confirmation was not accepted/);
      assert.equal((await post(target, { token }, { origin: 'https://evil.example' })).status, 403);
      assert.equal((await post(target, { token }, { origin: 'null' })).status, 403);
      assert.equal((await post(target, {})).status, 403);
      assert.equal((await env.row(sub.id)).status, 'new');
      // From the page itself (same origin as the public address): accepted.
      const ok = await post(target, { token }, { origin: PUBLIC, 'sec-fetch-site': 'same-origin' });
      assert.equal(ok.status, 200);
      assert.equal((await env.row(sub.id)).status, 'confirmed');
    });

    it('gives an expired link and an unknown one a readable page', async () => {
      const before = smtp.messages.length;
      const sub = await env.submit({ lang: 'es' });
      const { path, token } = linkIn((await smtp.next(before + 2)).slice(before).find((m) => m.subject.startsWith('Confirme')));
      await env.db.run('UPDATE confirm_tokens SET expires_at = $1 WHERE token_hash = $2', [new Date(Date.now() - 1000).toISOString(), hashToken(token)]);
      const expired = await fetch(new URL(path, env.url));
      assert.equal(expired.status, 410);
      assert.match(textOf(await expired.text()), /Este enlace de confirmación venció/);
      const late = await post(new URL(path, env.url), { token });
      assert.equal(late.status, 410);
      assert.equal((await env.row(sub.id)).status, 'new');

      const unknown = await fetch(new URL(`/confirm/${'A'.repeat(43)}`, env.url));
      assert.equal(unknown.status, 404);
      const text = textOf(await unknown.text());
      assert.match(text, /This confirmation link does not work/);
      assert.doesNotMatch(text, /Error|at \w+ \(/);
      const cut = await fetch(new URL(`/confirm/${token.slice(0, 20)}`, env.url), { headers: { 'accept-language': 'es-US,es;q=0.9' } });
      assert.equal(cut.status, 404);
      assert.match(textOf(await cut.text()), /Este enlace de confirmación no funciona/);
      assert.equal((await fetch(new URL(`/confirm/${token}`, env.url), { method: 'DELETE' })).status, 405);
    });
  });

  describe('with a store that is busy when the submission arrives', () => {
    it('gives the hint and the mail once the store is free, without holding the answer', { skip: store.kind !== 'sqlite' && 'the lock is taken with a second SQLite connection' }, async () => {
      const smtp = await startSmtp();
      const log = recorder();
      const env = await setup(store, { smtpUrl: smtp.url, log, mail: { staffNotify: [] } });
      const { default: Database } = await import('better-sqlite3');
      const other = new Database(env.db.describe());
      try {
        const started = performance.now();
        const sub = await env.submit({}, { beforeHook: () => other.exec('BEGIN IMMEDIATE') });
        assert.ok(performance.now() - started < 1000, 'the hook did not wait for the lock');
        assert.ok(log.lines.some((l) => /the store is unavailable \(busy\); the hint and mail of submission .* follow shortly/.test(l)), log.lines.join('\n'));
        other.exec('ROLLBACK');
        const [mail] = await smtp.next(1);
        assert.equal(mail.to[0], 'mayor@bisbeeaz.gov');
        assert.equal((await env.row(sub.id)).verification, 'official');
      } finally {
        if (other.inTransaction) other.exec('ROLLBACK');
        other.close();
        await env.close();
        await smtp.close();
      }
    });
  });

  describe('with a mail server that is down', () => {
    it('stores the submission, keeps the mail queued, and sends it once the server is back', async () => {
      const port = await freePort();
      const log = recorder();
      const env = await setup(store, { smtpUrl: `smtp://127.0.0.1:${port}`, log });
      let smtp;
      try {
        const sub = await env.submit();
        assert.equal((await env.row(sub.id)).verification, 'official');
        // The worker tries, fails, and plans the next try.
        let pending;
        for (let i = 0; i < 100; i++) {
          pending = await env.room.pending();
          if (pending.length === 2 && pending.every((m) => m.attempts >= 1)) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        assert.equal(pending.length, 2);
        const confirmation = pending.find((m) => m.kind === 'confirmation');
        assert.equal(confirmation.to, 'mayor@bisbeeaz.gov');
        assert.equal(confirmation.submissionId, sub.id);
        assert.equal(confirmation.subject, 'Confirm that Bisbee, AZ is joining Mayors Against Illegal Guns');
        assert.ok(confirmation.attempts >= 1);
        assert.match(confirmation.lastError, /ECONNREFUSED|connect/i);
        assert.ok(Date.parse(confirmation.nextAttemptAt) > Date.now() - 100);
        assert.ok(log.lines.some((l) => /mail: sending the confirmation mail .* failed/.test(l)));

        smtp = await startSmtp({ port });
        // No retryNow: the backoff brings it.
        const mails = await smtp.next(2);
        assert.ok(mails.some((m) => m.to.includes('mayor@bisbeeaz.gov') && /\/confirm\//.test(m.text)));
        assert.deepEqual(await drained(env.room), []);
      } finally {
        await env.close();
        await smtp?.close();
      }
    });

    it('retryNow() sends at once what waits for its next try', async () => {
      const port = await freePort();
      const env = await setup(store, { smtpUrl: `smtp://127.0.0.1:${port}`, mail: { retry: { baseMs: 3_600_000, maxMs: 3_600_000 } } });
      let smtp;
      try {
        await env.submit();
        for (let i = 0; i < 100 && !(await env.room.pending()).every((m) => m.attempts >= 1); i++) await new Promise((r) => setTimeout(r, 50));
        const waiting = await env.room.pending();
        assert.equal(waiting.length, 2);
        assert.ok(waiting.every((m) => Date.parse(m.nextAttemptAt) > Date.now() + 3_000_000), 'the next try is an hour away');
        smtp = await startSmtp({ port });
        assert.deepEqual(await env.room.retryNow(), { sent: 2, failed: 0 });
        assert.equal(smtp.messages.length, 2);
        assert.deepEqual(await env.room.pending(), []);
      } finally {
        await env.close();
        await smtp?.close();
      }
    });
  });

  describe('without MAIG_SMTP_URL', () => {
    it('queues no mail, still stores the hint, and says once at start that mail is off', async () => {
      const log = recorder();
      const env = await setup(store, { log });
      try {
        const sub = await env.submit({ email: 'mayor@tucsonaz.gov' });
        const row = await env.row(sub.id);
        assert.equal(row.verification, 'unverified');
        assert.equal(row.verification_reason, 'tucsonaz.gov is registered to the City of Tucson, AZ, not to Bisbee (CISA .gov list, 2026-08-22).');
        assert.equal((await env.db.one('SELECT COUNT(*) AS n FROM mail_queue')).n, 0);
        assert.equal((await env.db.one('SELECT COUNT(*) AS n FROM confirm_tokens')).n, 0);
        assert.deepEqual(await env.room.pending(), []);
        assert.equal(log.lines.filter((l) => /confirmation mail is off/.test(l)).length, 1);
      } finally {
        await env.close();
      }
    });

    it('refuses to start with SMTP but no public address for the links', async () => {
      const db = await openDb({ ...(await store.options()), log: quiet });
      try {
        assert.throws(() => createMailRoom({ db, log: quiet, config: { publicUrl: null, mail: { smtpUrl: 'smtp://127.0.0.1:1', from: 'a@b.org' } } }), /MAIG_PUBLIC_URL/);
      } finally {
        await db.close();
      }
    });
  });
});

// The join receiver on both stores (a SQLite file in a temp folder, and a throwaway PostgreSQL
// 15), over real HTTP on port 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { serve as serveJoin, valid as submission, challengeFrom } from './helpers/join.mjs';
import { forEachStore } from './helpers/stores.mjs';
import { FIELD_MESSAGES, STATES, validateSubmission } from '../../src/common/submission.js';

const TOKEN = 'test-export-token-0123456789';

// Mixed case (the receiver lowercases it) and a phone number.
const valid = (over = {}) => submission({ email: 'Mayor@Newark.example.gov', phone: '973-555-0100', ...over });

forEachStore((store) => {
  let app;
  let storeOptions;
  const serve = async (options = {}, db = storeOptions) => serveJoin({ options: { ...db, ...options, join: { exportToken: TOKEN, ...options.join } }, keyHeader: true });
  const rowsInFile = () => app.rows();
  before(async () => {
    storeOptions = await store.options();
    app = await serve();
  });
  after(async () => {
    await app?.close();
  });
  test('the form lists every state, DC and the five territories', () => {
    for (const code of ['DC', 'PR', 'MP', 'GU', 'VI', 'AS']) assert.ok(STATES.some((s) => s.code === code), code);
    assert.equal(STATES.length, 56);
  });

  test(`stores a valid submission in ${store.kind} and answers 201 with an id, the signature and the language`, async () => {
    const body = valid();
    const res = await app.post(body);
    assert.equal(res.status, 201);
    const answer = await res.json();
    assert.equal(answer.ok, true);
    assert.match(answer.id, /^[0-9a-f-]{36}$/);
    const rows = (await rowsInFile()).filter((r) => r.idempotency_key === body.idempotencyKey);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].id, answer.id);
    assert.equal(rows[0].email, 'mayor@newark.example.gov');
    assert.equal(rows[0].state, 'NJ');
    assert.equal(rows[0].consent, 1);
    // The signature: the version shown (here none said: the current one), its text's hash, the time.
    assert.equal(rows[0].principles_version, 'current');
    assert.equal(rows[0].principles_hash, createHash('sha256').update(readFileSync(new URL('../../data/principles/current.json', import.meta.url))).digest('hex'));
    assert.equal(rows[0].signed_at, rows[0].received_at);
    assert.equal(rows[0].lang, 'en');
    assert.equal(rows[0].status, 'new');
    const earlier = await app.post(valid({ principlesVersion: 'earlier', lang: 'es-PR' }));
    assert.equal(earlier.status, 201);
    const earlierId = (await earlier.json()).id;
    const row = (await rowsInFile()).find((r) => r.id === earlierId);
    assert.equal(row.principles_version, 'earlier');
    assert.equal(row.principles_hash, createHash('sha256').update(readFileSync(new URL('../../data/principles/earlier.json', import.meta.url))).digest('hex'));
    assert.equal(row.lang, 'es');
    const unknown = await app.post(valid({ principlesVersion: 'made-up' }));
    assert.equal(unknown.status, 400);
    assert.equal((await unknown.json()).error, 'unknown-principles');
  });

  test('the same idempotency key stores once and answers the same id; other answers with it get 409', async () => {
    const body = valid({ idempotencyKey: randomUUID() });
    const first = await app.post(body);
    const second = await app.post({ ...body, elapsedMs: 20_000 });
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    const [a, b] = [await first.json(), await second.json()];
    assert.equal(b.id, a.id);
    assert.equal(b.duplicate, true);
    const together = await Promise.all(Array.from({ length: 5 }, () => app.post(body)));
    assert.deepEqual(together.map((r) => r.status), [200, 200, 200, 200, 200]);
    assert.equal((await rowsInFile()).filter((r) => r.idempotency_key === body.idempotencyKey).length, 1);
    const changed = await app.post({ ...body, city: 'Trenton' });
    assert.equal(changed.status, 409);
    assert.equal((await changed.json()).error, 'conflict');
  });

  test('rejects invalid answers with a plain message per field, and stores nothing', async () => {
    const before = (await rowsInFile()).length;
    const res = await app.post(valid({ name: ' ', email: 'not-an-email', state: 'ZZ', role: 'king', consent: false, phone: '12' }));
    assert.equal(res.status, 400);
    const body = await res.json();
    assert.equal(body.error, 'invalid');
    assert.deepEqual(body.fields, {
      name: 'Enter your full name.',
      role: 'Choose one of the roles in the list.',
      state: 'Choose a state or territory from the list.',
      email: 'Enter an email address in the right format, like name@cityofexample.gov.',
      phone: 'Enter a phone number with its area code, like 555-123-4567, or leave it empty.',
      consent: 'To join, confirm that you have read and sign the Statement of Principles.',
    });
    // A stable code per field, so that a form shows its own words in its own language.
    assert.deepEqual(body.codes, { name: 'required', role: 'unknown', state: 'unknown', email: 'format', phone: 'format', consent: 'required' });
    assert.equal((await rowsInFile()).length, before);
  });

  test('the browser and the server validate the same way (one module)', () => {
    const r = validateSubmission(valid({ city: '', message: 'x'.repeat(2001) }));
    assert.equal(r.ok, false);
    assert.equal(r.errors.city, 'Enter your city or town.');
    assert.equal(r.errors.message, 'Your message is too long: use 2,000 characters or fewer.');
    assert.deepEqual({ ...r.codes }, { city: 'required', message: 'too-long' });
    // Markup signs in a name are refused, by the form and by the receiver (the same validator).
    for (const name of ['R0m3r0 <script>', 'Ana {x}', 'Bo`b', 'A [b]', 'C\\D']) {
      const m = validateSubmission(valid({ name }));
      assert.equal(m.codes.name, 'markup', name);
      assert.equal(m.errors.name, 'Write your name without the signs < > { } [ ] \\ or `.');
    }
    assert.equal(validateSubmission(valid({ name: "Ras J. Baraka-O'Neil" })).ok, true);
    // Every code the validator gives has its message (which the form translates).
    for (const [field, code] of Object.entries(validateSubmission({ name: '1', phone: 'x'.repeat(41), email: 'a@b', role: 'x', state: 'ZZ' }).codes)) {
      assert.ok(FIELD_MESSAGES[`${field}:${code}`], `${field}:${code}`);
    }
  });

  test('refuses a missing key, bad JSON and an unknown content type', async () => {
    const noKey = await app.post(valid({ idempotencyKey: undefined }));
    assert.equal(noKey.status, 400);
    assert.equal((await noKey.json()).error, 'bad-key');
    const bad = await fetch(`${app.url}join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error, 'bad-json');
    const xml = await fetch(`${app.url}join`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<a/>' });
    assert.equal(xml.status, 415);
  });

  test('accepts a form-encoded post (the form-encoded mode)', async () => {
    const body = valid();
    const form = new URLSearchParams({ ...body, consent: 'on', elapsedMs: String(body.elapsedMs) });
    const res = await fetch(`${app.url}join`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    assert.equal(res.status, 201);
  });

  test('the honeypot and a too-fast fill are refused server-side and not stored', async () => {
    const before = (await rowsInFile()).length;
    const trap = await app.post(valid({ website: 'http://spam.example' }));
    assert.equal(trap.status, 400);
    assert.equal((await trap.json()).reason, 'honeypot');
    // The fill time is the server's own measure, from the challenge it issued.
    const fast = await app.post(valid({ challenge: challengeFrom(400), elapsedMs: 9000 }));
    assert.equal(fast.status, 400);
    assert.equal((await fast.json()).reason, 'too-fast');
    const none = await app.post(valid({ challenge: undefined }));
    assert.equal(none.status, 400);
    assert.equal((await none.json()).reason, 'no-challenge');
    assert.equal((await rowsInFile()).length, before);
  });

  test('an oversized body gets 413, declared or streamed', async () => {
    const huge = valid({ message: 'x'.repeat(40_000) });
    const res = await app.post(huge);
    assert.equal(res.status, 413);
    assert.equal((await res.json()).error, 'too-large');
    // Streamed without a content-length.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(4096)));
        controller.close();
      },
    });
    const chunked = await fetch(`${app.url}join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' });
    assert.equal(chunked.status, 413);
  });

  test('CORS: an allowed origin gets the header and a preflight; another origin gets a 403 it can read, and nothing is stored', async () => {
    const other = await serve({ join: { allowedOrigins: ['https://city.example'] } }, await store.options());
    try {
      const pre = await fetch(`${other.url}join`, { method: 'OPTIONS', headers: { origin: 'https://city.example', 'access-control-request-method': 'POST' } });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), 'https://city.example');
      assert.match(pre.headers.get('access-control-allow-headers'), /idempotency-key/);
      const ok = await other.post(valid(), { origin: 'https://city.example' });
      assert.equal(ok.status, 201);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://city.example');
      const evil = await other.post(valid(), { origin: 'https://evil.example' });
      assert.equal(evil.status, 403);
      assert.equal(evil.headers.get('access-control-allow-origin'), 'https://evil.example');
      assert.equal((await evil.json()).error, 'origin-not-allowed');
      assert.equal((await other.receiver.rooms.join.list()).filter((r) => r.origin === 'https://evil.example').length, 0);
    } finally {
      await other.close();
    }
    // Default allowlist: the server's own origin only.
    const own = await app.post(valid(), { origin: app.url.replace(/\/$/, '') });
    assert.equal(own.status, 201);
    const foreign = await app.post(valid(), { origin: 'https://elsewhere.example' });
    assert.equal(foreign.status, 403);
  });

  test('rate limit per client address: past the limit, 429 with Retry-After', async () => {
    const limited = await serve({ join: { rateLimit: { limit: 3, windowMs: 24 * 3_600_000 } } }, await store.options());
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.post(valid())).status);
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const res = await limited.post(valid());
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
      assert.match((await res.json()).message, /Too many submissions/);
    } finally {
      await limited.close();
    }
  });

  test('export needs the token: none 401, wrong 403, right gives CSV and JSON', async () => {
    const none = await fetch(`${app.url}join.csv`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate'), /^Bearer/);
    const wrong = await fetch(`${app.url}join.json`, { headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.status, 403);
    const body = valid({ name: '=HYPERLINK("x")', message: 'line one\nline "two"' });
    assert.equal((await app.post(body)).status, 201);
    const json = await fetch(`${app.url}join.json`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(json.status, 200);
    const data = await json.json();
    assert.equal(data.count, data.submissions.length);
    assert.ok(data.submissions.some((s) => s.name === '=HYPERLINK("x")'));
    const csv = await fetch(`${app.url}join.csv`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /^text\/csv/);
    const text = await csv.text();
    assert.equal(text.split('\r\n')[0], 'id,receivedAt,name,role,city,state,email,phone,message,consent,origin,lang,principlesVersion,principlesHash,signedAt,status,confirmedAt,verification');
    assert.ok(text.includes(`"'=HYPERLINK(""x"")"`), 'formula neutralized and quoted');
    assert.ok(text.includes('"line one\nline ""two"""'));
    // Guessing the token: past 10 wrong tries from one address (one above), 429.
    const guesses = [];
    for (let i = 0; i < 11; i++) guesses.push((await fetch(`${app.url}join.csv`, { headers: { authorization: `Bearer guess-${i}` } })).status);
    assert.deepEqual(guesses.slice(8), [403, 429, 429]);
    const off = await serve({ join: { exportToken: null } }, await store.options());
    try {
      assert.equal((await fetch(`${off.url}join.csv`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 403);
    } finally {
      await off.close();
    }
  });

  test('a restart keeps the data, and a retried key after restart still stores once', async () => {
    const body = valid();
    const first = await (await app.post(body)).json();
    const count = (await rowsInFile()).length;
    await app.close();
    app = await serve();
    const again = await app.post(body);
    assert.equal(again.status, 200);
    assert.equal((await again.json()).id, first.id);
    assert.equal((await rowsInFile()).length, count);
    const exported = await (await fetch(`${app.url}join.json`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    assert.ok(exported.submissions.some((s) => s.id === first.id));
  });
});

// Hardening of the reference server and join receiver: a database held by
// another process, slow and abandoned uploads, connection caps, CORS on every answer, export
// tokens, the proxy's client address, rate-limit memory, CSV in `;` locales, and the decoded
// size limit. Real SQLite files in a temp folder, real HTTP on loopback, bounded loops only.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import Database from 'better-sqlite3';
import { LIMITS } from '../../server/index.mjs';
import { createReceiver } from '../../server/receiver.mjs';
import { createRateLimiter } from '../../server/join/rate-limit.mjs';
import { csvCell, MIN_TOKEN_LENGTH } from '../../server/join/export.mjs';
import { serve as serveJoin, valid, quiet } from './helpers/join.mjs';
import { forEachStore } from './helpers/stores.mjs';

const TOKEN = 'hardening-export-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'maig-join-hard-'));
let n = 0;
const dbFile = () => join(dir, `db-${++n}.sqlite`);

/** A receiver on the SQLite file `path`, as `npm start` makes it, with no environment. */
const receiverOn = (path, join = {}, log = quiet().log) => createReceiver({ sqlitePath: path, databaseUrl: null, log, join: { exportToken: null, ...join } }, { env: {} });

/** `count` rows inserted through the store's own interface, 500 to a statement, in one transaction. */
async function insertMany(db, count) {
  await db.tx(async (t) => {
    for (let from = 0; from < count; from += 500) {
      const params = [];
      const values = [];
      for (let i = from; i < Math.min(count, from + 500); i++) {
        const n = params.length;
        values.push(`($${n + 1}, $${n + 2}, 'h', $${n + 3}, 'Name', 'mayor', 'City', 'NJ', 'e@x.gov', '', $${n + 4}, 1, NULL)`);
        params.push(`id-${i}`, `key-${String(i).padStart(16, '0')}`, new Date(1e12 + i).toISOString(), 'm'.repeat(400));
      }
      await t.run(`INSERT INTO submissions (id, idempotency_key, answers_hash, received_at, name, role, city, state, email, phone, message, consent, origin) VALUES ${values.join(', ')}`, params);
    }
  });
}

/** A row inserted by hand (another process, or many at once), with the table's own columns. */
const INSERT = `INSERT INTO submissions (id, idempotency_key, answers_hash, received_at, name, role, city, state, email, phone, message, consent, origin)
  VALUES (?, ?, 'h', ?, 'Name', 'mayor', 'City', 'NJ', 'e@x.gov', '', ?, 1, NULL)`;

/** A receiver on its own database (a new SQLite file unless `options` names another store), logging into `lines`. */
async function serveSqlite(options = {}, limits = {}, extraRoutes = []) {
  const { log, lines } = quiet();
  const { join: joinOptions, ...rest } = options;
  const app = await serveJoin({ options: { sqlitePath: dbFile(), databaseUrl: null, log, ...rest, join: { exportToken: TOKEN, ...joinOptions } }, limits, routes: extraRoutes });
  return { ...app, lines };
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` up to `tries` times; returns its last value. */
async function until(check, tries = 100, every = 50) {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v) return v;
    await pause(every);
  }
  return check();
}

/** A raw connection: everything it received, and whether it closed. */
function rawSocket(url) {
  const { port } = new URL(url);
  const socket = connect(Number(port), '127.0.0.1');
  const state = { socket, data: '', closed: false };
  socket.on('data', (d) => (state.data += d));
  socket.on('error', () => {});
  socket.on('close', () => (state.closed = true));
  return new Promise((resolve) => socket.once('connect', () => resolve(state)));
}

/** A small RFC 4180 reader with a chosen separator, as a spreadsheet in that locale reads the file. */
function readCsv(text, sep) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
      continue;
    }
    if (c === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (c === sep) {
      row.push(cell);
      cell = '';
      atStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atStart = true;
    } else {
      cell += c;
      atStart = false;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

after(() => rmSync(dir, { recursive: true, force: true }));

describe('reference server and join receiver hardening', () => {
  const serve = serveSqlite;

  test('item 6: another process holding the database lock gives 503 with Retry-After at once, and 201 once it lets go', async () => {
    const app = await serve();
    const outside = new Database(app.receiver.config.sqlitePath);
    try {
      outside.exec('BEGIN IMMEDIATE');
      outside.prepare(INSERT).run('x', 'outside-key-0123456', 't', '');
      const own = app.url.replace(/\/$/, '');
      const busy = await app.post(valid(), { origin: own });
      assert.equal(busy.status, 503);
      assert.equal(busy.headers.get('retry-after'), '5');
      assert.equal(busy.headers.get('access-control-allow-origin'), own);
      assert.match((await busy.json()).message, /busy/);
      // Static files and other answers go on meanwhile.
      assert.equal((await fetch(`${app.url}nothing-here`)).status, 404);
      outside.exec('ROLLBACK');
      const body = valid();
      const status = await until(async () => {
        const s = (await app.post(body)).status;
        return s === 503 ? 0 : s;
      }, 60, 100);
      assert.equal(status, 201);
      assert.deepEqual(app.lines.error, []);
    } finally {
      outside.close();
      await app.close();
    }
  });

  test('item 6/7: a full disk gives 503 with Retry-After, not a bare 500', async () => {
    const app = await serve();
    try {
      const db = app.receiver.db.raw;
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
      let res;
      for (let i = 0; i < 20; i++) {
        res = await app.post(valid({ message: 'x'.repeat(1900) }));
        if (res.status !== 201) break;
      }
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '60');
      assert.equal((await res.json()).error, 'unavailable');
    } finally {
      await app.close();
    }
  });

  test('item 6: a receiver that starts while the database cannot be written says so (one warning)', async () => {
    const path = dbFile();
    const first = await receiverOn(path);
    await first.close();
    const outside = new Database(path);
    outside.exec('BEGIN IMMEDIATE');
    const { log, lines } = quiet();
    try {
      const receiver = await receiverOn(path, {}, log);
      await receiver.close();
      assert.equal(lines.warn.length, 1);
      assert.match(lines.warn[0], /cannot be written now \(SQLITE_BUSY\)/);
    } finally {
      outside.exec('ROLLBACK');
      outside.close();
    }
    const fine = quiet();
    await (await receiverOn(path, {}, fine.log)).close();
    assert.deepEqual(fine.lines.warn, []);
  });

  test('item 7: time limits are set (30 s or less) and a body that trickles in is cut with 408', async () => {
    assert.ok(LIMITS.requestTimeout > 0 && LIMITS.requestTimeout <= 30_000);
    assert.ok(LIMITS.headersTimeout > 0 && LIMITS.headersTimeout <= LIMITS.requestTimeout);
    assert.ok(LIMITS.keepAliveTimeout > 0 && LIMITS.keepAliveTimeout <= 30_000);
    assert.ok(LIMITS.connectionsCheckingInterval <= 1000, 'timeouts are checked often enough to hold');
    const defaults = await serve();
    try {
      assert.equal(defaults.server.requestTimeout, LIMITS.requestTimeout);
      assert.equal(defaults.server.headersTimeout, LIMITS.headersTimeout);
      assert.equal(defaults.server.keepAliveTimeout, LIMITS.keepAliveTimeout);
      assert.equal(defaults.server.maxRequestsPerSocket, LIMITS.maxRequestsPerSocket);
    } finally {
      await defaults.close();
    }
    // The same limits, scaled down: one byte every 100 ms against a 600 ms request timeout.
    const app = await serve({}, { requestTimeout: 600, headersTimeout: 600, connectionsCheckingInterval: 50 });
    try {
      const s = await rawSocket(app.url);
      s.socket.write(`POST /join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n`);
      let sent = 0;
      while (!s.closed && sent < 200) {
        s.socket.write('x');
        sent++;
        await pause(100);
      }
      await until(() => s.closed, 40);
      assert.ok(s.closed);
      assert.ok(sent < 200, `cut after ${sent} of 200 bytes`);
      assert.match(s.data, /^HTTP\/1\.1 408/);
      assert.deepEqual(app.lines.error, [], 'a cut upload is not logged as an error');
    } finally {
      await app.close();
    }
  });

  test('item 7: connections per address are capped (503, closed) and counted back down', async () => {
    const app = await serve({}, { maxConnectionsPerAddress: 3 });
    const sockets = [];
    try {
      for (let i = 0; i < 3; i++) sockets.push(await rawSocket(app.url));
      const fourth = await rawSocket(app.url);
      await until(() => fourth.closed);
      assert.ok(fourth.closed);
      assert.match(fourth.data, /^HTTP\/1\.1 503/);
      const first = sockets.shift();
      first.socket.destroy();
      await until(() => first.closed);
      await pause(50);
      const res = await fetch(`${app.url}nothing-here`);
      assert.equal(res.status, 404);
    } finally {
      for (const s of sockets) s.socket.destroy();
      await app.close();
    }
  });

  test('item 7: an abandoned upload is not logged as an error', async () => {
    const app = await serve();
    try {
      for (let i = 0; i < 3; i++) {
        const s = await rawSocket(app.url);
        s.socket.write(`POST /join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"name":`);
        await pause(30);
        s.socket.destroy();
      }
      assert.equal(await until(() => app.receiver.rooms.join.stats.abandoned === 3), true);
      assert.equal((await app.post(valid())).status, 201);
      assert.deepEqual(app.lines.error, []);
    } finally {
      await app.close();
    }
  });

  test('item 9: the rate limiter holds a bounded number of addresses, dropping the one used longest ago', () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, maxAddresses: 100 }, () => t);
    for (let i = 0; i < 40_000; i++) limiter.take(`198.51.${i >> 8}.${i & 255}`);
    assert.equal(limiter.size, 100);
    const defaults = createRateLimiter({ limit: 2, windowMs: 60_000 }, () => t);
    for (let i = 0; i < 40_000; i++) defaults.take(`a${i}`);
    assert.equal(defaults.size, 10_000);
    // A recent address keeps its bucket: still limited.
    limiter.take('203.0.113.1');
    limiter.take('203.0.113.1');
    t += 10;
    assert.ok(limiter.take('203.0.113.1') > 0);
  });
});

// What does not depend on the store runs on both: exports, CORS, tokens, proxies, CSV, sizes.
forEachStore((store) => {
  /** A receiver on a new database of this store. */
  const serve = async (options = {}, limits = {}, extraRoutes = []) => serveSqlite({ ...(await store.options()), ...options }, limits, extraRoutes);

  test('item 6: the export streams page by page: other requests are answered while it is still being written', async () => {
    let exportRes;
    const capture = async (req, res, url) => {
      if (url.pathname === '/join.csv') exportRes = res;
      if (url.pathname === '/probe') {
        res.end(JSON.stringify({ exportEnded: exportRes?.writableEnded ?? null }));
        return true;
      }
      return false;
    };
    const app = await serve({}, {}, [capture]);
    const ROWS = 40_000;
    try {
      await insertMany(app.receiver.db, ROWS);
      const res = await fetch(`${app.url}join.csv`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      const reader = res.body.getReader();
      const firstChunk = await reader.read(); // the client then stops reading for a while
      assert.ok(firstChunk.value.length > 0);
      const probe = await (await fetch(`${app.url}probe`)).json();
      assert.equal(probe.exportEnded, false, 'the server answered another request while the export was still going out');
      // Then the whole file arrives, every row once, in order.
      let text = new TextDecoder().decode(firstChunk.value, { stream: true });
      for (let i = 0; i < 100_000; i++) {
        const { done, value } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value, { stream: true });
      }
      const lines = text.trimEnd().split('\r\n');
      assert.equal(lines.length, ROWS + 1);
      assert.ok(lines[1].startsWith('id-0,'));
      assert.ok(lines[ROWS].startsWith(`id-${ROWS - 1},`));
      const json = await (await fetch(`${app.url}join.json`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
      assert.equal(json.count, ROWS);
      assert.equal(json.submissions.length, ROWS);
      assert.equal(new Set(json.submissions.map((s) => s.id)).size, ROWS);
    } finally {
      await app.close();
    }
  });

  test('item 7: CORS headers on every answer from /join, 4xx and 5xx too; any origin gets its preflight', async () => {
    const app = await serve({ join: { allowedOrigins: ['https://city.example'], rateLimit: { limit: 3, windowMs: 24 * 3_600_000 } } });
    const origin = 'https://city.example';
    const acao = (r) => r.headers.get('access-control-allow-origin');
    try {
      const pre = await fetch(`${app.url}join`, { method: 'OPTIONS', headers: { origin: 'https://other.example', 'access-control-request-method': 'POST' } });
      assert.equal(pre.status, 204);
      assert.equal(acao(pre), 'https://other.example');
      const forbidden = await app.post(valid(), { origin: 'https://other.example' });
      assert.equal(forbidden.status, 403);
      assert.equal(acao(forbidden), 'https://other.example');
      const wrongMethod = await fetch(`${app.url}join`, { headers: { origin } });
      assert.equal(wrongMethod.status, 405);
      assert.equal(acao(wrongMethod), origin);
      const invalid = await app.post(valid({ email: 'nope' }), { origin });
      assert.equal(invalid.status, 400);
      assert.equal(acao(invalid), origin);
      const tooBig = await app.post(valid({ message: 'x'.repeat(20_000) }), { origin });
      assert.equal(tooBig.status, 413);
      assert.equal(acao(tooBig), origin);
      const run = app.receiver.db.run;
      app.receiver.db.run = async () => {
        throw new Error('a bug');
      };
      const broken = await app.post(valid(), { origin });
      app.receiver.db.run = run;
      assert.equal(broken.status, 500);
      assert.equal(acao(broken), origin);
      const limited = await app.post(valid(), { origin });
      assert.equal(limited.status, 429);
      assert.equal(acao(limited), origin);
      assert.equal(app.lines.error.length, 1);
    } finally {
      await app.close();
    }
  });

  test('item 8: during a lockout the right token is refused too; a short token is refused at start', async () => {
    const app = await serve();
    try {
      const get = (token) => fetch(`${app.url}join.json`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal((await get(TOKEN)).status, 200);
      const guesses = [];
      for (let i = 0; i < 12; i++) guesses.push((await get(`guess-${i}`)).status);
      assert.deepEqual(guesses, [...Array(10).fill(403), 429, 429]);
      const right = await get(TOKEN);
      assert.equal(right.status, 429, 'locked out: the right token is refused too, so a 200 tells nothing');
      assert.ok(Number(right.headers.get('retry-after')) >= 1);
    } finally {
      await app.close();
    }
    assert.equal(MIN_TOKEN_LENGTH, 24);
    await assert.rejects(receiverOn(dbFile(), { exportToken: 'ab' }), /use at least 24/);
    await assert.rejects(receiverOn(dbFile(), { exportToken: 'x'.repeat(23) }), /23 characters/);
    await (await receiverOn(dbFile(), { exportToken: 'x'.repeat(24) })).close();
  });

  test('item 9: behind a proxy, the client address is the one the proxy appended, not a forged first entry', async () => {
    // 10 a day: no token comes back while the 40 posts run, however slow the machine is.
    const app = await serve({ trustProxy: 1, join: { rateLimit: { limit: 10, windowMs: 24 * 3_600_000 } } });
    try {
      const statuses = [];
      for (let i = 0; i < 40; i++) {
        const res = await app.post(valid(), { 'x-forwarded-for': `10.9.${i}.1, 203.0.113.7` });
        statuses.push(res.status);
      }
      assert.equal(statuses.filter((s) => s === 201).length, 10);
      assert.equal(statuses.filter((s) => s === 429).length, 30);
      // Another real client (another appended address) still gets through.
      assert.equal((await app.post(valid(), { 'x-forwarded-for': '203.0.113.8' })).status, 201);
    } finally {
      await app.close();
    }
  });

  test('item 10: the CSV has no formula cell whether read with "," or ";" as separator', async () => {
    const app = await serve();
    try {
      const nasty = [
        valid({ name: 'x;=1+1', city: 'Newark;+1', message: "a;=cmd|' /C calc'!A0\n=1+1;  @SUM(1)\n-2+3;\t=A1" }),
        valid({ name: '=1+1 Smith', city: "=cmd|' /C calc'!A0", message: 'quote;"=1+1"' }),
      ];
      for (const b of nasty) assert.equal((await app.post(b)).status, 201);
      const text = await (await fetch(`${app.url}join.csv`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      for (const sep of [',', ';']) {
        const cells = readCsv(text, sep).flat();
        const formulas = cells.filter((c) => /^[=+\-@]/.test(c.trim().replace(/^"+/, '')));
        assert.deepEqual(formulas, [], `separator ${sep}`);
      }
      const rows = readCsv(text, ',');
      assert.equal(rows[1][2], "x;'=1+1");
      // The JSON export keeps the exact text.
      const json = await (await fetch(`${app.url}join.json`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
      assert.equal(json.submissions[0].name, 'x;=1+1');
    } finally {
      await app.close();
    }
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
  });

  test('item 11: a 2,000-character CJK message is accepted form-encoded as in JSON; the decoded limit is the same for both', async () => {
    const app = await serve();
    const form = (b) =>
      fetch(`${app.url}join`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...b, consent: 'on', elapsedMs: String(b.elapsedMs) }).toString(),
      });
    try {
      const cjk = '漢字かな'.repeat(500);
      assert.equal(cjk.length, 2000);
      assert.equal((await app.post(valid({ message: cjk }))).status, 201);
      const encoded = new URLSearchParams({ message: cjk }).toString().length;
      assert.ok(encoded > 16_384, `the form-encoded message alone is ${encoded} bytes`);
      assert.equal((await form(valid({ message: cjk }))).status, 201);
      // Over the limit once decoded: 413 both ways.
      const big = 'x'.repeat(17_000);
      const [a, b] = [await app.post(valid({ message: big })), await form(valid({ message: big }))];
      assert.deepEqual([a.status, b.status], [413, 413]);
      assert.equal((await b.json()).error, 'too-large');
    } finally {
      await app.close();
    }
  });
});

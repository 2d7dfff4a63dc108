// The receiver against what an attacker (or bad luck) sends: 10 KB of nested arrays, uploads of
// 1-10 MB, a disk that fills up and is freed, a script that claims it took its time, over real
// HTTP on loopback. Store-independent checks run on both stores; the full disk is SQLite's.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { serve as serveJoin, valid, challengeFrom } from './helpers/join.mjs';
import { forEachStore, store as storeOf, STORES, startPostgres, stopPostgres, useOwnPostgres } from './helpers/stores.mjs';

// These tests stop and start the database server: not the one the other test files share.
useOwnPostgres();


/**
 * Uploads `bytes` of JSON-looking text to /join over a raw socket, as one POST with a
 * Content-Length (or chunked, without one), and resolves with what the client saw: the answer's
 * status line (null if none could be read) and any socket error (EPIPE, ECONNRESET…).
 */
function upload(url, bytes, { chunked = false } = {}) {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let data = '';
    let error = null;
    socket.on('data', (d) => (data += d));
    socket.on('error', (e) => (error ??= e.code ?? e.message));
    socket.on('close', () => resolve({ status: /^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? null, error, data }));
    socket.on('connect', async () => {
      const head = chunked
        ? 'POST /join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n'
        : `POST /join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`;
      socket.write(head);
      const piece = Buffer.alloc(64 * 1024, 'x');
      for (let sent = 0; sent < bytes && !socket.destroyed; ) {
        const n = Math.min(piece.length, bytes - sent);
        const chunk = chunked ? Buffer.concat([Buffer.from(`${n.toString(16)}\r\n`), piece.subarray(0, n), Buffer.from('\r\n')]) : piece.subarray(0, n);
        sent += n;
        if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r).once('close', r));
      }
      if (chunked && !socket.destroyed) socket.write('0\r\n\r\n');
    });
    setTimeout(() => socket.destroy(), 20_000).unref();
  });
}

forEachStore((store) => {
  const apps = [];
  after(async () => {
    for (const app of apps) await app.close();
  });
  const serve = async (options = {}) => {
    const app = await serveJoin({ options: { ...(await store.options()), ...options } });
    apps.push(app);
    return app;
  };

  test('a field of 10 KB of nested arrays is a 400, not a 500, and nothing is logged as an error', async () => {
    const app = await serve();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const body = JSON.stringify(valid()).replace('"Ada Lovelace"', deep);
    assert.ok(body.length > 10_000);
    const res = await fetch(`${app.url}join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error, 'bad-json');
    // An object in a field too, and a nested value in the idempotency key.
    for (const over of [{ city: { name: 'Newark' } }, { idempotencyKey: ['a'] }, { message: [[['x']]] }]) {
      assert.equal((await app.post(valid(over))).status, 400, JSON.stringify(over));
    }
    assert.equal((await app.post(valid())).status, 201);
    assert.equal((await app.rows()).length, 1);
  });

  test('the minimum fill time is measured by the server: a claimed elapsedMs is not believed', async () => {
    // The receiver's clock is the test's: "after the minimum" does not depend on the machine's load.
    let clock = Date.now();
    const app = await serve({ join: { minFillMs: 600, now: () => clock } });
    // A script that says it took 9 s, at once, with no challenge, or with one it made up.
    const claimed = await app.post(valid({ challenge: undefined, elapsedMs: 9000 }));
    assert.equal(claimed.status, 400);
    assert.equal((await claimed.json()).reason, 'no-challenge');
    const forged = await app.post(valid({ challenge: `${(Date.now() - 60_000).toString(36)}.abc.def` }));
    assert.equal((await forged.json()).reason, 'bad-challenge');
    // A challenge from another server (another secret) is forged too.
    const { challenge: real } = await (await fetch(`${app.url}join/challenge`)).json();
    const [time, nonce, mac] = real.split('.');
    const older = `${(parseInt(time, 36) - 60_000).toString(36)}.${nonce}.${mac}`;
    assert.equal((await (await app.post(valid({ challenge: older }))).json()).reason, 'bad-challenge');
    // The real challenge, sent at once: too fast; the same, sent after the minimum: stored.
    const fast = await app.post(valid({ challenge: real, elapsedMs: 9000 }));
    assert.equal(fast.status, 400);
    const answer = await fast.json();
    assert.equal(answer.reason, 'too-fast');
    assert.equal(answer.retryAfter, 1);
    clock += 650;
    assert.equal((await app.post(valid({ challenge: real, elapsedMs: 0 }))).status, 201);
    assert.equal((await app.rows()).length, 1);
    // The challenge answer: no cache, readable from another origin.
    const res = await fetch(`${app.url}join/challenge`, { headers: { origin: 'https://city.example' } });
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://city.example');
    assert.equal((await res.json()).minFillMs, 600);
  });

  test('uploads of 1, 5 and 10 MB: the client reads the 413, with no reset, and the server goes on', async () => {
    const app = await serve();
    const seen = [];
    for (const mb of [1, 5, 10]) {
      for (let i = 0; i < 2; i++) seen.push([mb, await upload(app.url, mb * 1024 * 1024)]);
    }
    seen.push([5, await upload(app.url, 5 * 1024 * 1024, { chunked: true })]);
    for (const [mb, r] of seen) {
      assert.equal(r.status, '413', `${mb} MB: status ${r.status}, error ${r.error}`);
      assert.equal(r.error, null, `${mb} MB: ${r.error}`);
      assert.match(r.data, /"error":"too-large"/);
    }
    assert.equal((await app.post(valid())).status, 201);
  });
});

test('sqlite: after the disk was full and space is freed, the next post is stored (not "busy")', async () => {
  const app = await serveJoin({ options: await storeOf('sqlite').options() });
  try {
    const db = app.receiver.db.raw;
    const pages = db.pragma('page_count', { simple: true });
    db.pragma(`max_page_count = ${pages}`);
    let full;
    for (let i = 0; i < 40; i++) {
      full = await app.post(valid({ message: 'x'.repeat(1900) }));
      if (full.status !== 201) break;
    }
    assert.equal(full.status, 503);
    assert.equal(full.headers.get('retry-after'), '60');
    assert.match((await full.json()).message, /cannot store submissions/);
    // Space is freed: the very next post goes through.
    db.pragma('max_page_count = 1073741823');
    const next = await app.post(valid());
    assert.equal(next.status, 201, `after the disk was freed: ${next.status} ${next.headers.get('retry-after') ?? ''}`);
  } finally {
    await app.close();
  }
});

test('postgres: while the database server is down, posts get 503 with Retry-After; once it is back, the next post is stored', { skip: !STORES.includes('postgres') }, async () => {
  const app = await serveJoin({ options: await storeOf('postgres').options() });
  try {
    assert.equal((await app.post(valid())).status, 201);
    await stopPostgres();
    let down;
    try {
      down = await app.post(valid());
      assert.equal(down.status, 503);
      assert.equal(down.headers.get('retry-after'), '30');
      assert.equal((await down.json()).error, 'unavailable');
      assert.equal((await fetch(`${app.url}nothing-here`)).status, 404, 'the rest of the server answers meanwhile');
    } finally {
      await startPostgres();
    }
    const body = valid();
    const back = await app.post(body);
    assert.equal(back.status, 201);
    assert.equal((await app.rows()).length, 2);
  } finally {
    await app.close();
  }
});

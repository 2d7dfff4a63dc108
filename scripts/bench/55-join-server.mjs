// Reference server under pressure: how long the event loop is blocked
// while 211,000 rows are exported, how long a static request waits while another process holds
// the database lock, when a body that trickles in is cut, and what 40,000 addresses cost the rate
// limiter. Bounded loops over loopback; figures only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { start } from '../../server/index.mjs';
import { createReceiver } from '../../server/receiver.mjs';
import { createRateLimiter } from '../../server/join/rate-limit.mjs';

export const title = 'Reference server: event loop during export and lock, slow body, rate-limit memory';

const ROWS = 211_000;
const TOKEN = 'bench-export-token-0123456789abcdef';
const INSERT = 'INSERT INTO submissions (id, idempotency_key, answers_hash, received_at, name, role, city, state, email, phone, message, consent, origin)';
const ms = (v) => `${v.toFixed(1)} ms`;

/** The server in its own process (so the client's work is not counted), reporting its event-loop delay. */
const CHILD = `
  const { start } = await import(process.env.SERVER_URL);
  const { createReceiver } = await import(process.env.RECEIVER_URL);
  const receiver = await createReceiver(
    { sqlitePath: process.env.DB, databaseUrl: null, log: { info() {}, warn() {}, error() {} }, join: { exportToken: process.env.TOKEN, minFillMs: 0 } },
    { env: {} },
  );
  // The longest gap between two ticks of a 5 ms timer: how long the event loop was blocked.
  let last = performance.now();
  let max = 0;
  setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 5);
    last = now;
  }, 5).unref();
  const loop = async (req, res, url) => {
    if (url.pathname !== '/__loop') return false;
    res.end(JSON.stringify({ max }));
    max = 0;
    return true;
  };
  const { url } = await start({ port: 0, routes: [loop, receiver.route] });
  console.log(url);
`;

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'maig-server-bench-'));
  const dbPath = join(dir, 'join.sqlite');
  const made = await createReceiver({ sqlitePath: dbPath, databaseUrl: null, log: { info() {}, warn() {}, error() {} } }, { env: {} });
  const db = made.db.raw;
  const insert = db.prepare(`${INSERT} VALUES (?, ?, 'h', ?, 'Bench Mayor', 'mayor', 'Newark', 'NJ', 'mayor@bench.example.gov', '973-555-0100', 'We are in.', 1, NULL)`);
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(`id-${i}`, `key-${String(i).padStart(16, '0')}`, new Date(1.7e12 + i).toISOString());
  })();
  await made.close();
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
    env: {
      ...process.env,
      DB: dbPath,
      TOKEN,
      SERVER_URL: new URL('../../server/index.mjs', import.meta.url).href,
      RECEIVER_URL: new URL('../../server/receiver.mjs', import.meta.url).href,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      child.stdout.once('data', (d) => resolve(String(d).trim()));
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const loopMax = async () => (await (await fetch(`${url}__loop`)).json()).max;
    for (const format of ['csv', 'json']) {
      await loopMax();
      const t0 = performance.now();
      const res = await fetch(`${url}join.${format}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const bytes = (await res.arrayBuffer()).byteLength;
      const total = performance.now() - t0;
      console.log(`export ${format}: ${ROWS.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB in ${ms(total)}; server's longest event-loop block ${ms(await loopMax())}`);
    }
    const outside = new Database(dbPath);
    outside.exec('BEGIN IMMEDIATE');
    outside.prepare(`${INSERT} VALUES ('x', 'outside-key-0123456', 'h', 't', 'n', 'mayor', 'c', 'NJ', 'e', '', '', 1, NULL)`).run();
    const body = { name: 'A B', role: 'mayor', city: 'Newark', state: 'NJ', email: 'a@b.gov', consent: true, idempotencyKey: crypto.randomUUID(), elapsedMs: 5000 };
    await loopMax();
    const t1 = performance.now();
    const [post, get] = await Promise.all([
      fetch(`${url}join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status),
      fetch(`${url}nothing-here`).then((r) => r.status),
    ]);
    console.log(`database locked by another process: POST ${post}, another GET ${get}, both in ${ms(performance.now() - t1)}; server's longest block ${ms(await loopMax())}`);
    outside.exec('ROLLBACK');
    outside.close();
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }

  // A body at one byte every 5 s against the default limits (the request timeout is checked every second).
  const quiet = { warn: () => {}, error: () => {} };
  const receiver = await createReceiver({ sqlitePath: join(mkdtempSync(join(tmpdir(), 'maig-slow-')), 'join.sqlite'), databaseUrl: null, log: quiet }, { env: {} });
  const slow = await start({ port: 0, routes: [receiver.route] });
  try {
    const t = performance.now();
    const cut = await new Promise((resolve) => {
      const socket = connect(Number(new URL(slow.url).port), '127.0.0.1');
      let timer;
      socket.on('connect', () => {
        socket.write('POST /join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n');
        let sent = 0;
        timer = setInterval(() => (sent++ < 100 ? socket.write('x') : socket.destroy()), 5000);
      });
      socket.on('error', () => {});
      socket.resume(); // read the 408 and the end, or 'close' waits for a write to fail
      socket.on('close', () => {
        clearInterval(timer);
        resolve(performance.now() - t);
      });
    });
    console.log(`slow body (1 byte per 5 s): cut after ${(cut / 1000).toFixed(1)} s`);
  } finally {
    await slow.close();
    await receiver.close();
  }

  const limiter = createRateLimiter({ limit: 10, windowMs: 60_000 });
  const few = createRateLimiter({ limit: 10, windowMs: 60_000 });
  const time = (l, n, addr) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) l.take(addr(i));
    return (performance.now() - t) / n;
  };
  time(few, 20_000, (i) => `10.0.0.${i % 100}`);
  const perFew = time(few, 20_000, (i) => `10.0.0.${i % 100}`);
  const perMany = time(limiter, 40_000, (i) => `198.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
  const after = time(limiter, 20_000, (i) => `10.1.0.${i % 100}`);
  console.log(`rate limiter: ${limiter.size.toLocaleString('en-US')} buckets held after 40,000 addresses; ${(perFew * 1000).toFixed(2)} µs per check with 100 addresses, ${(perMany * 1000).toFixed(2)} µs while 40,000 arrive, ${(after * 1000).toFixed(2)} µs after`);
}

// Join form: the element's JS (gzip) and how many submissions per second the reference receiver
// stores on this machine, on SQLite and on PostgreSQL (a bounded loop over loopback: fixed count,
// fixed concurrency, stops by itself).
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { gzipSize, kb, measurePage, printRow } from '../lib/measure.mjs';
import { start } from '../../server/index.mjs';
import { createReceiver } from '../../server/receiver.mjs';
import { newPostgresDatabase } from '../lib/throwaway-postgres.mjs';

export const title = 'Join form: JS size and receiver throughput';

const TOTAL = 2000;
const CONCURRENCY = 20;

/** The files a page loads for `dist/elements/maig-join-form.js`: the entry and its static imports. */
function staticGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s*(?:[^'"();]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) visit(join(file, '..', m[1]));
  };
  visit(entry);
  return [...seen];
}

export async function run({ baseUrl, browser }) {
  const files = staticGraph('dist/elements/maig-join-form.js');
  const entry = readFileSync('dist/elements/maig-join-form.js');
  const all = files.map((f) => readFileSync(f));
  const total = all.reduce((n, b) => n + gzipSize(b), 0);
  console.log(`form JS: entry ${kb(gzipSize(entry))} gzip; with Lit and shared chunks (${files.length} files) ${kb(total)} gzip, ${kb(all.reduce((n, b) => n + b.length, 0))} raw`);

  const page = await measurePage(browser, `${baseUrl}demo/bench/join-form.html`, () =>
    !!document.querySelector('maig-join-form')?.shadowRoot?.querySelector('[part="form"]'),
  );
  printRow('page: <maig-join-form> only', page);

  for (const kind of ['sqlite', 'postgres']) await receiverLoad(kind);
}

/**
 * The whole receiver (every room: the mail room's hook runs too, mail off) storing TOTAL posts at
 * CONCURRENCY, on SQLite or on PostgreSQL (a throwaway server this process starts, or
 * BENCH_DATABASE_URL).
 */
async function receiverLoad(kind) {
  const dir = mkdtempSync(join(tmpdir(), 'maig-join-bench-'));
  const databaseUrl = kind === 'postgres' ? process.env.BENCH_DATABASE_URL || (await newPostgresDatabase()) : null;
  // No fill-time check (minFillMs 0): the bench posts as fast as it can.
  const receiver = await createReceiver(
    { sqlitePath: join(dir, 'join.sqlite'), databaseUrl, log: { info() {}, warn() {}, error: console.error }, join: { rateLimit: { limit: TOTAL * 2, windowMs: 60_000 }, exportToken: null, minFillMs: 0 } },
    { env: {} },
  );
  const { server, url } = await start({ port: 0, host: '127.0.0.1', routes: [receiver.route] });
  const body = (i) => ({
    name: `Bench Mayor ${i}`, role: 'mayor', city: 'Newark', state: 'NJ', email: `mayor${i}@bench.example.gov`,
    phone: '', message: 'bench', consent: true, idempotencyKey: randomUUID(), elapsedMs: 5000, website: '',
  });
  try {
    let next = 0;
    const statuses = new Map();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < TOTAL) {
        const b = body(next++);
        const res = await fetch(`${url}join`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': b.idempotencyKey }, body: JSON.stringify(b) });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    const stored = (await receiver.db.one('SELECT COUNT(*) AS n FROM submissions')).n;
    console.log(
      `receiver on ${kind}: ${TOTAL} POST /join, concurrency ${CONCURRENCY}, loopback: ${(TOTAL / seconds).toFixed(0)} submissions/s stored ` +
        `(${seconds.toFixed(2)} s; ${stored} rows; statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')})`,
    );
  } finally {
    await new Promise((r) => server.close(r));
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

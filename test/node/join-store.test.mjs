// The two-store adapter (server/store/db.mjs) on SQLite and on a throwaway PostgreSQL 15: the
// same SQL text, the same rows back, migrations once, transactions that roll back, and the
// "not now" errors turned into a 503 with Retry-After.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openDb, unavailableReason } from '../../server/store/db.mjs';
import { forEachStore } from './helpers/stores.mjs';

const MIGRATIONS = [
  { id: '001-things', sql: 'CREATE TABLE things (id TEXT PRIMARY KEY, name TEXT NOT NULL, n BIGINT, ok INTEGER NOT NULL DEFAULT 0, lat DOUBLE PRECISION)' },
  { id: '002-index', sql: 'CREATE INDEX things_name ON things (name); CREATE UNIQUE INDEX things_n ON things (n)' },
];

forEachStore((store) => {
  const open = [];
  after(async () => {
    for (const db of open) await db.close();
  });
  const fresh = async () => {
    const db = await openDb({ ...(await store.options()), log: { info() {}, warn() {}, error() {} } });
    open.push(db);
    return db;
  };

  test('migrations run once per room, and the same SQL reads and writes on both stores', async () => {
    const db = await fresh();
    assert.equal(db.kind, store.kind);
    assert.deepEqual(await db.migrate('things', MIGRATIONS), ['001-things', '002-index']);
    assert.deepEqual(await db.migrate('things', MIGRATIONS), []);
    assert.deepEqual(await db.migrate('things', [...MIGRATIONS, { id: '003-col', sql: 'ALTER TABLE things ADD COLUMN note TEXT' }]), ['003-col']);
    const id = randomUUID();
    const ins = await db.run('INSERT INTO things (id, name, n, ok, lat) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING', [id, 'Bisbee', 2 ** 40, true, 31.448]);
    assert.equal(ins.changes, 1);
    assert.equal((await db.run('INSERT INTO things (id, name, n) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [id, 'again', 1])).changes, 0);
    const row = await db.one('SELECT id, name, n, ok, lat, note FROM things WHERE id = $1 AND name = $2 AND $2 = name', [id, 'Bisbee']);
    assert.deepEqual({ ...row }, { id, name: 'Bisbee', n: 2 ** 40, ok: 1, lat: 31.448, note: null });
    const returned = await db.query('INSERT INTO things (id, name, n) VALUES ($1, $2, $3) RETURNING id, name', [randomUUID(), 'Tucson', 7]);
    assert.equal(returned[0].name, 'Tucson');
    assert.equal((await db.one('SELECT COUNT(*) AS c FROM things')).c, 2);
    assert.equal(await db.one('SELECT id FROM things WHERE id = $1', ['none']), undefined);
  });

  test('a transaction commits together, rolls back on a throw, and others wait for it', async () => {
    const db = await fresh();
    await db.migrate('things', MIGRATIONS);
    await assert.rejects(
      db.tx(async (t) => {
        await t.run('INSERT INTO things (id, name, n) VALUES ($1, $2, $3)', ['a', 'A', 1]);
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    assert.equal((await db.one('SELECT COUNT(*) AS c FROM things')).c, 0);
    const order = [];
    const first = db.tx(async (t) => {
      await t.run('INSERT INTO things (id, name, n) VALUES ($1, $2, $3)', ['b', 'B', 2]);
      await new Promise((r) => setTimeout(r, 50));
      order.push('tx');
      return 'done';
    });
    const second = db.run('INSERT INTO things (id, name, n) VALUES ($1, $2, $3)', ['c', 'C', 3]).then(() => order.push('other'));
    assert.equal(await first, 'done');
    await second;
    if (store.kind === 'sqlite') assert.deepEqual(order, ['tx', 'other']);
    assert.equal((await db.one('SELECT COUNT(*) AS c FROM things')).c, 2);
    // A unique violation is a bug to report, not "not now".
    const dup = await db.run('INSERT INTO things (id, name, n) VALUES ($1, $2, $3)', ['d', 'D', 3]).catch((e) => e);
    assert.ok(dup instanceof Error);
    assert.equal(dup.status, undefined);
    assert.equal(unavailableReason(dup), null);
  });
});

test('"not now" errors of both stores become a 503 with Retry-After; others do not', async () => {
  for (const code of ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_READONLY', '57P01', '53100', 'ECONNREFUSED', '40001']) {
    assert.ok(unavailableReason({ code }), code);
  }
  for (const code of ['SQLITE_CONSTRAINT_UNIQUE', '23505', '42P01', undefined]) assert.equal(unavailableReason({ code }), null, String(code));
  // A PostgreSQL that is not there: the query answers 503, it does not hang or crash.
  const db = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:9/none', log: { warn() {} } });
  try {
    const error = await db.query('SELECT 1').catch((e) => e);
    assert.equal(error.status, 503);
    assert.equal(error.headers['retry-after'], '30');
    assert.equal(error.body.error, 'unavailable');
  } finally {
    await db.close();
  }
});

test('sqlite: a database written before migrations (the old submissions table) is taken as it is and upgraded', async () => {
  const { default: Database } = await import('better-sqlite3');
  const { newSqlitePath } = await import('./helpers/stores.mjs');
  const { migrations } = await import('../../server/join/migrations.mjs');
  const { listSubmissions } = await import('../../server/join/submissions.mjs');
  const path = newSqlitePath();
  const old = new Database(path);
  old.exec(`CREATE TABLE submissions (id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL, answers_hash TEXT NOT NULL,
    received_at TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, city TEXT NOT NULL, state TEXT NOT NULL, email TEXT NOT NULL,
    phone TEXT NOT NULL, message TEXT NOT NULL, consent INTEGER NOT NULL, origin TEXT);
    CREATE UNIQUE INDEX submissions_idempotency_key ON submissions (idempotency_key);`);
  old.prepare("INSERT INTO submissions VALUES ('old-1', 'key-0000000000000001', 'h', '2026-01-02T03:04:05.000Z', 'Ada', 'mayor', 'Newark', 'NJ', 'a@newark.gov', '', '', 1, NULL)").run();
  old.close();
  const db = await openDb({ sqlitePath: path, log: { info() {} } });
  try {
    assert.deepEqual(await db.migrate('join', migrations), ['001-submissions', '002-signature-status']);
    const [row] = await listSubmissions(db);
    assert.deepEqual([row.id, row.name, row.consent, row.lang, row.status, row.principlesVersion], ['old-1', 'Ada', true, 'en', 'new', null]);
  } finally {
    await db.close();
  }
});

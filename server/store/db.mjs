// The store every room shares: SQLite (better-sqlite3, a file; the default) or PostgreSQL (`pg`,
// a Pool) when DATABASE_URL is set. One small interface for both:
//
//   const db = await openDb({ databaseUrl, sqlitePath, log });
//   db.kind                      'sqlite' | 'postgres'
//   await db.query(sql, params)  → rows (objects keyed by column name)
//   await db.one(sql, params)    → the first row, or undefined
//   await db.run(sql, params)    → { changes }
//   await db.tx(async (t) => …)  → the callback's result; `t` is a Db bound to the transaction
//                                  (committed when the callback resolves, rolled back when it throws)
//   await db.migrate(room, [{ id, sql }])  runs each migration of `room` not yet run, once
//   await db.canWrite()          → null, or the reason the store cannot be written now
//   await db.close()
//   db.raw                       the better-sqlite3 Database or the pg Pool (tests, tuning)
//
// SQL is written once, PostgreSQL style, with $1, $2 … placeholders (a number may repeat); SQLite
// binds the same text by name. Portable SQL only: TEXT, INTEGER, BIGINT, DOUBLE PRECISION;
// booleans as INTEGER 0/1 (a JS boolean parameter is sent as 1/0); times as ISO-8601 UTC TEXT;
// ids as TEXT (randomUUID()); no SERIAL/AUTOINCREMENT; `ON CONFLICT … DO NOTHING` and
// `RETURNING` work on both. BIGINT comes back as a JS number on both. A migration's `sql` is a
// string (several statements allowed), or `{ sqlite, postgres }` when the dialects must differ.
//
// Errors that mean "not now" (SQLite busy, locked, full, read-only; PostgreSQL down, shutting
// down, too many connections, disk full, read-only) are thrown as an HttpError 503 with
// Retry-After (`error.unavailable` true, the driver's error as `cause`): a route lets it go up,
// and the one error writer (server/http/answer.mjs) answers it. Every other error goes up as is.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError } from '../http/errors.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The SQLite file used when neither DATABASE_URL nor MAIG_DB is set. */
export const DEFAULT_SQLITE = join(here, '..', 'data', 'join.sqlite');

/**
 * How long a SQLite write waits for another process holding the lock. Short on purpose:
 * better-sqlite3 waits synchronously, and every request (static files too) waits with it. Past it
 * the caller gets 503 with Retry-After, and the form tries again later.
 */
export const BUSY_TIMEOUT_MS = 50;

/** After SQLite said "busy": answer 503 at once for this long, without waiting on the lock again. */
const BUSY_HOLD_MS = 1000;

const BUSY = { kind: 'busy', retryAfter: 5, message: 'The receiver is busy. Your form will be sent again in a few seconds.' };
const UNWRITABLE = { kind: 'unwritable', retryAfter: 60, message: 'The receiver cannot store submissions right now. Try again in a minute.' };
const DOWN = { kind: 'down', retryAfter: 30, message: 'The receiver cannot reach its database right now. Try again in a minute.' };

/**
 * Why an error means "not now" (`{ kind: 'busy'|'unwritable'|'down', retryAfter, message }`), or
 * null for any other error (a bug, a constraint, bad SQL). Both stores' codes, in one place.
 */
export function unavailableReason(error) {
  if (!error) return null;
  if (error.unavailable && error.reason) return error.reason;
  const code = String(error.code ?? '');
  // SQLite (better-sqlite3 codes, extended codes start with the primary one).
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return BUSY;
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return UNWRITABLE;
  }
  // PostgreSQL SQLSTATE: serialization failure, deadlock, lock not available: try again soon.
  if (code === '40001' || code === '40P01' || code === '55P03') return BUSY;
  // Disk full, out of memory, too many connections; read-only transaction (a standby).
  if (code === '53100' || code === '53200' || code === '53300' || code === '25006') return UNWRITABLE;
  // Shutting down, cannot connect now, connection exceptions (class 08).
  if (code === '57P01' || code === '57P02' || code === '57P03' || code.startsWith('08')) return DOWN;
  // The network under pg, and the pool's own time-out.
  if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE', 'EAI_AGAIN'].includes(code)) return DOWN;
  const message = String(error.message ?? '');
  if (/timeout exceeded when trying to connect|Connection terminated|connection timeout/i.test(message)) return DOWN;
  return null;
}

/** The 503 a caller gets for a "not now" reason. */
export function unavailableError(reason, cause) {
  const error = new HttpError(
    503,
    { error: 'unavailable', message: reason.message, retryAfter: reason.retryAfter },
    { 'retry-after': String(reason.retryAfter) },
  );
  error.unavailable = true;
  error.reason = reason;
  if (cause) error.cause = cause;
  return error;
}

/** Rethrows a "not now" error as the 503; any other error as it is. */
function translate(error) {
  if (error instanceof HttpError) return error;
  const reason = unavailableReason(error);
  return reason ? unavailableError(reason, error) : error;
}

/** A parameter as both drivers take it: booleans as 1/0, undefined as NULL, dates as ISO text. */
const param = (v) => (v === undefined ? null : v === true ? 1 : v === false ? 0 : v instanceof Date ? v.toISOString() : v);

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  room TEXT NOT NULL,
  id TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (room, id)
)`;

const sqlFor = (migration, kind) => (typeof migration.sql === 'string' ? migration.sql : migration.sql[kind]);

function checkMigrations(room, migrations) {
  const ids = new Set();
  for (const m of migrations) {
    if (!m || typeof m.id !== 'string' || !m.id || ids.has(m.id)) throw new Error(`migrations of ${room}: each needs a distinct string id`);
    ids.add(m.id);
  }
}

/**
 * Opens the store: PostgreSQL when `databaseUrl` is set, else the SQLite file `sqlitePath` (its
 * folder is created; ':memory:' works for tests).
 * @param {{ databaseUrl?: string | null, sqlitePath?: string, log?: Pick<Console, 'warn' | 'error' | 'info'> }} options
 */
export async function openDb({ databaseUrl = null, sqlitePath = DEFAULT_SQLITE, log = console } = {}) {
  return databaseUrl ? openPostgres(databaseUrl, log) : openSqlite(sqlitePath || DEFAULT_SQLITE, log);
}

async function openSqlite(path, log) {
  const { default: Database } = await import('better-sqlite3');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  raw.pragma('busy_timeout = 5000'); // at start only: nothing is served yet
  try {
    raw.pragma('journal_mode = WAL');
  } catch (error) {
    // Another process holding the lock at start: WAL is kept in the file once set, so go on.
    if (!unavailableReason(error)) throw error;
  }
  raw.pragma('synchronous = NORMAL');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);

  const statements = new Map();
  const prepare = (sql) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = raw.prepare(sql);
      if (statements.size > 500) statements.clear();
      statements.set(sql, stmt);
    }
    return stmt;
  };
  // $1, $2 … are SQLite named parameters "1", "2" …: bound from an object.
  const bind = (params) => {
    if (!params.length) return [];
    const named = {};
    params.forEach((v, i) => (named[i + 1] = param(v)));
    return [named];
  };

  /** Until then a "busy" answer is given at once (set on SQLITE_BUSY/LOCKED only). */
  let busyUntil = 0;
  const exec = (fn) => {
    if (Date.now() < busyUntil) throw unavailableError(BUSY);
    try {
      return fn();
    } catch (error) {
      const reason = unavailableReason(error);
      // Only a lock held elsewhere is worth not asking again for a moment. A full or read-only
      // disk is asked again each time, so the first post after it is fixed goes through.
      if (reason?.kind === 'busy') busyUntil = Date.now() + BUSY_HOLD_MS;
      throw translate(error);
    }
  };

  // One connection: a transaction holds it, and other callers wait their turn (a queue), so no
  // statement from another request runs inside someone else's transaction.
  // (The wait is written inline, `while (inTx) await turn;`, so that the check and what follows
  // it run in one go: no other caller can slip in between.)
  let turn = Promise.resolve();
  let inTx = 0;

  const make = (bound) => {
    const db = {
      kind: 'sqlite',
      raw,
      async query(sql, params = []) {
        if (!bound) while (inTx) await turn;
        return exec(() => {
          const stmt = prepare(sql);
          return stmt.reader ? stmt.all(...bind(params)) : (stmt.run(...bind(params)), []);
        });
      },
      async one(sql, params = []) {
        return (await db.query(sql, params))[0];
      },
      async run(sql, params = []) {
        if (!bound) while (inTx) await turn;
        return exec(() => {
          const stmt = prepare(sql);
          if (stmt.reader) return { changes: stmt.all(...bind(params)).length };
          return { changes: stmt.run(...bind(params)).changes };
        });
      },
      async tx(fn) {
        if (bound) return fn(db); // nested: part of the outer transaction
        while (inTx) await turn;
        let release;
        inTx++;
        turn = new Promise((r) => (release = r));
        try {
          exec(() => raw.exec('BEGIN IMMEDIATE'));
          let result;
          try {
            result = await fn(make(true));
          } catch (error) {
            if (raw.inTransaction) raw.exec('ROLLBACK');
            throw translate(error);
          }
          exec(() => raw.exec('COMMIT'));
          return result;
        } catch (error) {
          if (raw.inTransaction) raw.exec('ROLLBACK');
          throw error;
        } finally {
          inTx--;
          release();
        }
      },
      async migrate(room, migrations) {
        checkMigrations(room, migrations);
        while (inTx) await turn;
        raw.pragma('busy_timeout = 5000'); // at start: a moment's wait is fine
        try {
          const exists = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
          if (!exists) raw.exec(MIGRATIONS_TABLE);
          const done = new Set(raw.prepare('SELECT id FROM schema_migrations WHERE room = ?').pluck().all(room));
          const todo = migrations.filter((m) => !done.has(m.id));
          for (const m of todo) {
            raw.transaction(() => {
              if (raw.prepare('SELECT 1 FROM schema_migrations WHERE room = ? AND id = ?').get(room, m.id)) return;
              raw.exec(sqlFor(m, 'sqlite'));
              raw.prepare('INSERT INTO schema_migrations (room, id, applied_at) VALUES (?, ?, ?)').run(room, m.id, new Date().toISOString());
            }).immediate();
            log?.info?.(`store: ${room} migration ${m.id} applied (sqlite)`);
          }
          return todo.map((m) => m.id);
        } catch (error) {
          throw translate(error);
        } finally {
          raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        }
      },
      async canWrite() {
        try {
          const version = raw.pragma('user_version', { simple: true });
          raw.exec('BEGIN IMMEDIATE');
          try {
            raw.pragma(`user_version = ${Number(version) | 0}`);
          } finally {
            raw.exec('ROLLBACK');
          }
          return null;
        } catch (error) {
          return String(error.code ?? error.message);
        }
      },
      async close() {
        if (raw.open) raw.close();
      },
      describe: () => path,
    };
    return db;
  };
  return make(false);
}

async function openPostgres(url, log) {
  const { default: pg } = await import('pg');
  // BIGINT (int8) and COUNT(*) as JS numbers, as SQLite gives them (exact up to 2^53).
  const types = {
    getTypeParser: (oid, format) => (oid === 20 ? (v) => (v === null ? null : Number(v)) : pg.types.getTypeParser(oid, format)),
  };
  const pool = new pg.Pool({ connectionString: url, types, max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  // An idle client that loses its server (a restart): logged, never a crash.
  pool.on('error', (error) => log?.warn?.(`store: an idle PostgreSQL connection failed (${error.code ?? error.message})`));
  const norm = (params) => params.map(param);

  const make = (client) => {
    const runner = client ?? pool;
    const db = {
      kind: 'postgres',
      raw: pool,
      async query(sql, params = []) {
        try {
          return (await runner.query(sql, norm(params))).rows;
        } catch (error) {
          throw translate(error);
        }
      },
      async one(sql, params = []) {
        return (await db.query(sql, params))[0];
      },
      async run(sql, params = []) {
        try {
          return { changes: (await runner.query(sql, norm(params))).rowCount ?? 0 };
        } catch (error) {
          throw translate(error);
        }
      },
      async tx(fn) {
        if (client) return fn(db); // nested: part of the outer transaction
        let c;
        try {
          c = await pool.connect();
        } catch (error) {
          throw translate(error);
        }
        try {
          await c.query('BEGIN');
          const result = await fn(make(c));
          await c.query('COMMIT');
          return result;
        } catch (error) {
          await c.query('ROLLBACK').catch(() => {});
          throw translate(error);
        } finally {
          c.release();
        }
      },
      async migrate(room, migrations) {
        checkMigrations(room, migrations);
        const applied = [];
        await db.tx(async (t) => {
          // Two receivers starting together: one runs the migrations, the other waits for it.
          await t.query("SELECT pg_advisory_xact_lock(hashtext('maig schema_migrations'))");
          await t.query(MIGRATIONS_TABLE);
          const done = new Set((await t.query('SELECT id FROM schema_migrations WHERE room = $1', [room])).map((r) => r.id));
          for (const m of migrations) {
            if (done.has(m.id)) continue;
            await t.query(sqlFor(m, 'postgres'));
            await t.query('INSERT INTO schema_migrations (room, id, applied_at) VALUES ($1, $2, $3)', [room, m.id, new Date().toISOString()]);
            applied.push(m.id);
          }
        });
        for (const id of applied) log?.info?.(`store: ${room} migration ${id} applied (postgres)`);
        return applied;
      },
      async canWrite() {
        try {
          const row = await db.one('SELECT pg_is_in_recovery() AS standby');
          return row?.standby ? 'read-only (a standby server)' : null;
        } catch (error) {
          return String(error.cause?.code ?? error.code ?? error.message);
        }
      },
      async close() {
        if (!pool.ended) await pool.end();
      },
      describe: () => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    };
    return db;
  };
  return make(null);
}

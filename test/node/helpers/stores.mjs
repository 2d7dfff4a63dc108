// The two stores for the receiver's tests: a SQLite file in a temp folder, and a throwaway
// PostgreSQL 15 (scripts/lib/throwaway-postgres.mjs: started by this process the first time a
// test asks for it, as the `postgres` user in a temp folder on a random port, stopped and removed
// at exit). Each call of `store.options()` gives a new empty database (SQLite: a new file;
// PostgreSQL: CREATE DATABASE), so tests do not see one another's rows.
//
//   forEachStore((store) => {            // a describe block per store: 'sqlite', 'postgres'
//     test('…', async () => {
//       const receiver = await createReceiver({ ...(await store.options()), … });
//     });
//   });
//
// MAIG_TEST_STORES=sqlite (or postgres) runs one store only.
import { describe } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPostgresDatabase, postgres, useOwnPostgres } from '../../../scripts/lib/throwaway-postgres.mjs';

export { newPostgresDatabase };

/** The stores to run: both unless MAIG_TEST_STORES names some. */
export const STORES = (process.env.MAIG_TEST_STORES || 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s === 'sqlite' || s === 'postgres');

/** This file's tests stop and start PostgreSQL: they get a server of their own, not the run's shared one. */
export { useOwnPostgres };

/** Stops the throwaway PostgreSQL (a database server that goes away), keeping its data. */
export async function stopPostgres() {
  await (await postgres()).stop();
}

/** Starts it again, on the same port, with the same data. */
export async function startPostgres() {
  await (await postgres()).start();
}

let counter = 0;
let sqliteDir = null;

/** A fresh SQLite file path in this process's temp folder (removed at exit). */
export function newSqlitePath() {
  if (!sqliteDir) {
    sqliteDir = mkdtempSync(join(tmpdir(), 'maig-sqlite-'));
    const dir = sqliteDir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return join(sqliteDir, `db-${++counter}.sqlite`);
}

/**
 * A store for tests: `kind`, and `options()` → the options of a new empty database, to spread
 * into openDb or createReceiver: `{ databaseUrl }` or `{ sqlitePath }` (the other one null).
 */
export function store(kind) {
  return {
    kind,
    async options() {
      return kind === 'postgres' ? { databaseUrl: await newPostgresDatabase(), sqlitePath: null } : { databaseUrl: null, sqlitePath: newSqlitePath() };
    },
  };
}

/** Runs `fn(store)` inside a describe block per store ('sqlite', 'postgres'). */
export function forEachStore(fn, options = {}) {
  for (const kind of STORES) describe(kind, options, () => fn(store(kind)));
}

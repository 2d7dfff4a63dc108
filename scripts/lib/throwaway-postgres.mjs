// A throwaway PostgreSQL (Debian's postgresql package, 15 by default) for tests and benches:
// initdb and pg_ctl run as the `postgres` user (when run as root; as the current user otherwise)
// in a temp folder that user owns, on a random port on 127.0.0.1, with its socket in that folder.
// Started once per process, the first time it is asked for; stopped and removed when the process
// exits. PG_BIN points at another PostgreSQL's bin folder.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.mjs';

export const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin';

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as `postgres` (as root) or as this user; resolves with its output. */
function pgRun(program, args) {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, program), ...args]] : [join(PG_BIN, program), args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${program} ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}


let server = null;
let own = false;

/**
 * This process starts its own server even when MAIG_TEST_PG_PORT names a shared one: for tests
 * that stop and start the server. Call it before the first postgres().
 */
export function useOwnPostgres() {
  own = true;
}

/**
 * Starts the throwaway PostgreSQL once: `{ port, dir, url(db), stop(), start() }`. When
 * MAIG_TEST_PG_PORT is set (scripts/test.mjs starts one server for all its test files), that server
 * is used instead, and it cannot be stopped from here.
 */
export function postgres() {
  const shared = !own && Number(process.env.MAIG_TEST_PG_PORT);
  if (shared && !server) {
    const refuse = () => Promise.reject(new Error('the shared PostgreSQL is not stopped by a test file: call useOwnPostgres() first'));
    server = Promise.resolve({ port: shared, dir: null, url: (db) => `postgres://postgres@127.0.0.1:${shared}/${db}`, stop: refuse, start: refuse });
  }
  server ??= (async () => {
    if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL is not installed at ${PG_BIN} (apt-get install postgresql, or set PG_BIN)`);
    const dir = mkdtempSync(join(tmpdir(), 'maig-pg-'));
    if (asRoot) {
      const { uid, gid } = pgUser();
      chownSync(dir, uid, gid);
    }
    const data = join(dir, 'data');
    process.once('exit', () => stop(dir, data));
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        stop(dir, data);
        process.exit(130);
      });
    }
    await pgRun('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    for (let attempt = 0; ; attempt++) {
      const port = await freePort();
      const startArgs = [
        '-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
        'start',
      ];
      try {
        await pgRun('pg_ctl', startArgs);
        return {
          port,
          dir,
          url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
          stop: () => pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
          start: () => pgRun('pg_ctl', startArgs),
        };
      } catch (error) {
        if (attempt >= 2) throw error; // the port was taken between the check and the start: try another
      }
    }
  })();
  return server;
}

function pgUser() {
  const line = spawnSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).stdout.trim();
  const [, , uid, gid] = line.split(':');
  if (!uid) throw new Error('no `postgres` user: PostgreSQL must run as a non-root user');
  return { uid: Number(uid), gid: Number(gid) };
}

function stop(dir, data) {
  if (existsSync(join(data, 'postmaster.pid'))) {
    const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
    if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), ...args], { stdio: 'ignore' });
    else spawnSync(join(PG_BIN, 'pg_ctl'), args, { stdio: 'ignore' });
  }
  rmSync(dir, { recursive: true, force: true });
}

let counter = 0;

/** A new empty database on the throwaway server: its URL. */
export async function newPostgresDatabase() {
  const pg = await postgres();
  const name = `maig_${process.pid}_${++counter}`;
  const { default: pgLib } = await import('pg');
  const client = new pgLib.Client({ connectionString: pg.url('postgres') });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return pg.url(name);
}

// The publish room: approved cities join the membership (the `members` table, merged with
// data/members.csv), and every change republishes the whole feed into a new folder that replaces
// the served one at once (./folders.mjs). The feed is served at /dist/feed/v1/ (./serve.mjs).
//
//   const publisher = createPublisher({ db, log, options: { dataDir, feedDir, command, … } });
//   publisher.start()            after the migrations: publishes once if the table has rows, then
//                                follows changes made by other receivers (every pollMs, 30 s)
//   await publisher.addMember({ submission, by, placement })
//       → { ok: true, member, already?, publish } | { ok: false, reason: 'unplaced', message, candidates }
//         | { ok: false, reason: 'bad-placement' | 'not-a-city', message }
//   await publisher.removeMember({ memberId, by, reason }) → { ok: true, member, publish } | { ok: false, reason: 'not-member', message }
//   await publisher.listMembers()  → the merged membership, members.csv's cities and approved ones
//   await publisher.publish({ by }) → { ok, dir, version, ms, error, commandError }
//   await publisher.status()       → { publishing, current, last, lastOk, recent, command }
//   publisher.route                serves the published feed
//   await publisher.close()
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { memberId } from '../../scripts/feed/members.mjs';
import { STATE_BY_CODE } from '../../src/common/states.js';
import { runPublishCommand } from './command.mjs';
import { currentFolder, newFolderName, prune, swapCurrent } from './folders.mjs';
import { csvMembers, mergeMembers, mergedDataDir } from './merge.mjs';
import { createFeedRoute } from './serve.mjs';
import { logFromRow, memberFromRow, migrations } from './store.mjs';

export { migrations };

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where published feeds go when MAIG_FEED_DIR is not set. */
export const DEFAULT_FEED_DIR = join(root, 'server', 'data', 'feeds');

/** The feed build and geocoder, in a worker thread kept between calls (see ./worker.mjs). */
function createWorkerClient(log) {
  let worker = null;
  let seq = 0;
  const pending = new Map();
  const fail = (error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker = null;
  };
  const spawn = () => {
    const w = new Worker(new URL('./worker.mjs', import.meta.url), { stdout: true, stderr: true });
    const forward = (stream, write) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop();
        for (const line of lines) if (line.trim()) write(`publish: ${line}`);
      });
    };
    forward(w.stdout, (l) => log.info?.(l));
    forward(w.stderr, (l) => log.warn?.(l));
    w.on('message', ({ id, result, error }) => {
      const call = pending.get(id);
      if (!call) return;
      pending.delete(id);
      if (!pending.size) w.unref();
      if (error) call.reject(new Error(error));
      else call.resolve(result);
    });
    w.on('error', (error) => {
      if (worker === w) fail(error);
    });
    w.on('exit', (code) => {
      if (worker === w) fail(new Error(`the feed builder stopped (exit ${code})`));
    });
    return w;
  };
  return {
    call(op, args) {
      worker ??= spawn();
      worker.ref();
      const id = ++seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, op, args });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

/**
 * @param {{ db: object, log?: Pick<Console, 'info'|'warn'|'error'>, options?: { dataDir?: string,
 *   feedDir?: string, command?: string|null, commandTimeoutMs?: number, keep?: number, pollMs?: number } }} params
 */
export function createPublisher({ db, log = console, options = {} }) {
  const dataDir = resolve(options.dataDir ?? join(root, 'data'));
  const feedDir = resolve(options.feedDir ?? DEFAULT_FEED_DIR);
  const command = options.command?.trim() || null;
  const commandTimeoutMs = options.commandTimeoutMs ?? 120_000;
  const keep = options.keep ?? 3;
  // Another receiver on the same database (PostgreSQL behind a load balancer) may change the
  // membership: every pollMs the table's stamp is compared with the one last built here.
  const pollMs = options.pollMs ?? 30_000;
  const worker = createWorkerClient(log);
  const route = createFeedRoute(feedDir, { log });

  // Publishes run one at a time; a request made while one runs waits for the next, and every
  // request made meanwhile shares that next one (it reads the table when it starts).
  let tail = Promise.resolve();
  let queued = null;
  let running = false;
  let closed = false;
  let timer = null;
  /** The stamp of the table as last built here (the empty table's until then). */
  let builtStamp = stampOf([]);

  async function buildAndSwap(by) {
    const started = performance.now();
    const rows = await db.query('SELECT * FROM members');
    builtStamp = stampOf(rows); // also when the build fails: the same table is not built again and again
    const merged = mergedDataDir(dataDir, rows);
    const name = newFolderName();
    const out = join(feedDir, name);
    let built;
    try {
      built = await worker.call('build', { dataDir: merged.dir, outDir: out });
    } catch (error) {
      built = { errors: [error.message] };
    } finally {
      merged.remove();
    }
    let result;
    if (built.errors.length) {
      rmSync(out, { recursive: true, force: true });
      result = { ok: false, dir: null, version: null, error: built.errors.join('\n'), commandError: null };
      log.error?.(`publish: the feed was not published:\n  ${built.errors.join('\n  ')}`);
    } else {
      swapCurrent(feedDir, name);
      try {
        prune(feedDir, keep);
      } catch (error) {
        log.warn?.(`publish: old feeds could not be removed: ${error.message}`);
      }
      const { version } = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
      const commandError = command ? await runPublishCommand(command, out, { timeoutMs: commandTimeoutMs }) : null;
      if (commandError) log.error?.(`publish: ${commandError} (the feed ${name} is published here)`);
      result = { ok: true, dir: out, version, error: null, commandError };
    }
    result.ms = Math.round(performance.now() - started);
    result.members = merged.members.length;
    await db.run('INSERT INTO publish_log (id, at, actor, ok, dir, version, members, ms, error, command_error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
      randomUUID(),
      new Date().toISOString(),
      by ?? null,
      result.ok,
      result.dir,
      result.version,
      result.members,
      result.ms,
      result.error,
      result.commandError,
    ]);
    if (result.ok) log.info?.(`publish: ${result.members} members → ${result.dir} (${result.ms} ms)`);
    return result;
  }

  function publish({ by = null } = {}) {
    if (closed) return Promise.resolve({ ok: false, error: 'the publisher is closed', dir: null, commandError: null });
    if (queued) return queued;
    const p = tail.then(() => {
      queued = null;
      running = true;
      return buildAndSwap(by).finally(() => (running = false));
    });
    queued = p;
    tail = p.catch(() => {});
    return p;
  }

  /** The merged membership: `{ members: [{ id, city, state, source, …row }], rows }`. */
  async function membership() {
    const rows = await db.query('SELECT * FROM members ORDER BY added_at');
    const { members } = mergeMembers(csvMembers(dataDir), rows);
    return { members, rows };
  }

  const describe = (m) => (m.row ? memberFromRow(m.row) : { id: m.id, rowId: null, city: m.city, state: m.state, source: 'csv', placement: null });

  /** Publishes when the table differs from what was last built here. */
  async function sync(by) {
    if (closed || running || queued) return null;
    const row = await db.one('SELECT COUNT(*) AS n, MAX(added_at) AS added, MAX(removed_at) AS removed FROM members');
    const now = `${Number(row.n)}|${row.added ?? ''}|${row.removed ?? ''}`;
    if (now === builtStamp || running || queued) return null;
    return publish({ by });
  }

  async function addMember({ submission, by = null, placement = null }) {
    const state = String(submission?.state ?? '').trim().toUpperCase();
    if (!STATE_BY_CODE.has(state)) return { ok: false, reason: 'not-a-city', message: `"${state}" is not a state or territory code.` };
    // The name as members.csv writes names: "City of Bisbee" and "Bisbee, AZ" are Bisbee.
    const city = String(submission?.city ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(city|town|village) of\s+/i, '')
      .replace(new RegExp(`,?\\s+${state}$`, 'i'), '')
      .trim();
    if (!city || /[<>]/.test(city)) return { ok: false, reason: 'not-a-city', message: `"${city}" cannot be added: a city needs a name, in plain text.` };
    const id = memberId(state, city);
    const { members } = await membership();
    const existing = members.find((m) => m.id === id);
    if (existing) return { ok: true, already: true, member: describe(existing), publish: null };

    let stored = null;
    if (placement && typeof placement === 'object') {
      const resolved = await worker.call('resolve', { state, placement, by, now: new Date().toISOString() });
      if (!resolved.ok) return resolved;
      stored = resolved.stored;
    }
    const check = await worker.call('check', { member: { city, state }, stored, dataDir });
    if (!check.ok) return check;

    const now = new Date().toISOString();
    const inserted = await db.query(
      `INSERT INTO members (id, feed_id, city, state, county, lat, lon, geonames_id, placement_note, source, submission_id, added_at, added_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'approved', $10, $11, $12) ON CONFLICT DO NOTHING RETURNING *`,
      [randomUUID(), id, city, state, stored?.county ?? null, stored?.lat ?? null, stored?.lon ?? null, stored?.geonames_id ?? null, stored?.placement_note ?? null, submission.id ?? null, now, by],
    );
    if (!inserted.length) {
      // Approved at the same moment by someone else: one row wins, and it is the member.
      const row = await db.one('SELECT * FROM members WHERE feed_id = $1 AND removed_at IS NULL', [id]);
      return { ok: true, already: true, member: row ? memberFromRow(row) : { id, city, state }, publish: null };
    }
    const member = { ...memberFromRow(inserted[0]), placed: check.placed };
    return { ok: true, member, publish: await publish({ by }) };
  }

  async function removeMember({ memberId: wanted, by = null, reason = null }) {
    const { members } = await membership();
    const m = members.find((x) => x.id === wanted || x.row?.id === wanted);
    if (!m) return { ok: false, reason: 'not-member', message: `${wanted} is not a member now.` };
    const now = new Date().toISOString();
    let row;
    if (m.row) {
      [row] = await db.query('UPDATE members SET removed_at = $1, removed_by = $2, removed_reason = $3 WHERE id = $4 AND removed_at IS NULL RETURNING *', [now, by, reason, m.row.id]);
      if (!row) return { ok: false, reason: 'not-member', message: `${m.city}, ${m.state} was removed already.` };
    } else {
      // A city of data/members.csv: a row records its removal (the file itself is left as it is).
      [row] = await db.query(
        `INSERT INTO members (id, feed_id, city, state, source, added_at, added_by, removed_at, removed_by, removed_reason)
         VALUES ($1, $2, $3, $4, 'csv', $5, $6, $5, $6, $7) RETURNING *`,
        [randomUUID(), m.id, m.city, m.state, now, by, reason],
      );
    }
    return { ok: true, member: memberFromRow(row), publish: await publish({ by }) };
  }

  async function listMembers() {
    return (await membership()).members.map(describe);
  }

  async function status() {
    const recent = (await db.query('SELECT * FROM publish_log ORDER BY at DESC LIMIT 10')).map(logFromRow);
    let lastOk = recent.find((r) => r.ok) ?? null;
    if (!lastOk) {
      const row = await db.one('SELECT * FROM publish_log WHERE ok = 1 ORDER BY at DESC LIMIT 1');
      lastOk = row ? logFromRow(row) : null;
    }
    const current = currentFolder(feedDir);
    return {
      publishing: running || Boolean(queued),
      current: current ? { dir: current, version: readVersion(current) } : null,
      last: recent[0] ?? null,
      lastOk,
      recent,
      command: command ? { configured: true } : { configured: false },
    };
  }

  return {
    feedDir,
    dataDir,
    route,
    /**
     * After the migrations: publishes once when the table has rows (data/ may have changed since
     * the last publish), then every pollMs when the table changed without a publish here.
     */
    start() {
      const startup = sync('start');
      if (pollMs > 0 && !timer) {
        timer = setInterval(() => void sync('another receiver').catch((error) => log.warn?.(`publish: cannot check the members table: ${error.message}`)), pollMs);
        timer.unref();
      }
      startup.catch((error) => log.error?.(`publish: the feed could not be published at start: ${error.message}`));
      return startup;
    },
    publish,
    addMember,
    removeMember,
    listMembers,
    status,
    async close() {
      closed = true;
      clearInterval(timer);
      await tail;
      await worker.close();
    },
  };
}

/** What identifies a state of the members table: its row count and latest change times. */
function stampOf(rows) {
  const max = (key) => rows.reduce((m, r) => (r[key] && r[key] > m ? r[key] : m), '');
  return `${rows.length}|${max('added_at')}|${max('removed_at')}`;
}

function readVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

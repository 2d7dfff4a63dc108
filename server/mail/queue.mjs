// The mail queue: every mail is first a row of `mail_queue`, written in the same transaction as
// what caused it, then sent by a worker through SMTP (nodemailer). A mail server that is down
// loses nothing: a failed send is tried again after 1 min, 2, 4 … capped at 1 h (the base and the
// cap are options, for tests), and `pending()` lists what is not sent yet.
//
// Two receivers on one PostgreSQL: a worker claims a mail by moving its next_attempt_at forward
// (a lease) in one UPDATE that only one of them can win, so a mail is sent once.
import { randomUUID } from 'node:crypto';

export const DEFAULT_RETRY = Object.freeze({ baseMs: 60_000, maxMs: 60 * 60_000 });
/** How long a claimed mail stays claimed (a worker that died mid-send frees it after this). */
const LEASE_MS = 5 * 60_000;
/** At most this many mails per run; the next run follows at once. */
const BATCH = 20;
/** Another receiver may have queued mail: look at least this often. */
const POLL_MS = 30_000;

/** The delay after the n-th failed attempt (n ≥ 1): base · 2^(n-1), at most max. */
export const backoff = (attempts, { baseMs, maxMs } = DEFAULT_RETRY) => Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxMs);

const later = (ms) => new Date(Date.now() + ms).toISOString();

/**
 * @param {{ db: any, transport: any | null, from: string | null, log: Console,
 *   retry?: { baseMs: number, maxMs: number }, pollMs?: number }} options
 *   `transport` null: mail is off (nothing is queued; `enqueue` returns null).
 */
export function createMailQueue({ db, transport, from, log, retry = DEFAULT_RETRY, pollMs = POLL_MS }) {
  let timer = null;
  let running = null;
  let stopped = false;
  /** Figures for the bench and the logs: sends, failures, time spent sending. */
  const stats = { sent: 0, failed: 0, sendMs: 0 };

  /**
   * Queues one mail, in `t` (a transaction of the caller) or the store: `{ kind, to, subject,
   * text, html?, submissionId? }` → its id (null when mail is off).
   */
  async function enqueue(mail, t = db) {
    if (!transport) return null;
    const id = randomUUID();
    const now = new Date().toISOString();
    await t.run(
      `INSERT INTO mail_queue (id, kind, to_addr, subject, text_body, html_body, created_at, attempts, next_attempt_at, sent_at, last_error, submission_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $7, NULL, NULL, $8)`,
      [id, mail.kind, mail.to, mail.subject, mail.text, mail.html ?? null, now, mail.submissionId ?? null],
    );
    return id;
  }

  /** Sends one claimed mail; records the result. */
  async function send(row) {
    const t0 = performance.now();
    try {
      await transport.sendMail({ from, to: row.to_addr, subject: row.subject, text: row.text_body, ...(row.html_body ? { html: row.html_body } : {}) });
      stats.sent++;
      stats.sendMs += performance.now() - t0;
      await db.run('UPDATE mail_queue SET sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2', [new Date().toISOString(), row.id]);
      return true;
    } catch (error) {
      stats.failed++;
      const attempts = Number(row.attempts) + 1;
      const wait = backoff(attempts, retry);
      const message = String(error?.response ?? error?.message ?? error).slice(0, 500);
      log.warn(`mail: sending the ${row.kind} mail ${row.id} failed (attempt ${attempts}, next in ${Math.round(wait / 1000)} s): ${message}`);
      await db.run('UPDATE mail_queue SET attempts = $1, next_attempt_at = $2, last_error = $3 WHERE id = $4', [attempts, later(wait), message, row.id]);
      return false;
    }
  }

  /** Sends every mail that is due: `{ sent, failed }`. */
  async function runOnce() {
    const result = { sent: 0, failed: 0 };
    for (;;) {
      const now = new Date().toISOString();
      const due = await db.query(
        `SELECT id, kind, to_addr, subject, text_body, html_body, attempts, next_attempt_at FROM mail_queue
         WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at, created_at LIMIT ${BATCH}`,
        [now],
      );
      for (const row of due) {
        if (stopped) return result;
        // Claim it: only the worker that still sees the time it read wins.
        const { changes } = await db.run('UPDATE mail_queue SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3 AND sent_at IS NULL', [later(LEASE_MS), row.id, row.next_attempt_at]);
        if (changes !== 1) continue;
        if (await send(row)) result.sent++;
        else result.failed++;
      }
      if (due.length < BATCH) return result;
    }
  }

  /** Runs the worker now (once at a time), then plans the next run. */
  function kick() {
    if (!transport || stopped) return Promise.resolve({ sent: 0, failed: 0 });
    if (running) return running.then(() => kick());
    clearTimeout(timer);
    running = runOnce()
      .catch((error) => {
        log.warn(`mail: the queue could not be read (${error?.message ?? error}); trying again later`);
        return { sent: 0, failed: 0 };
      })
      .finally(() => {
        running = null;
        plan().catch(() => schedule(pollMs));
      });
    return running;
  }

  function schedule(ms) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(kick, Math.max(0, ms));
    timer.unref?.();
  }

  /** The next run: when the next unsent mail is due, at the latest after `pollMs`. */
  async function plan() {
    const next = await db.one('SELECT MIN(next_attempt_at) AS at FROM mail_queue WHERE sent_at IS NULL');
    const wait = next?.at ? Date.parse(next.at) - Date.now() : pollMs;
    schedule(Math.min(Math.max(wait, 0), pollMs));
  }

  return {
    enqueue,
    stats,
    /** True when mail is on (an SMTP transport is set). */
    get enabled() {
      return Boolean(transport);
    },
    /** Starts the worker (sends what was left unsent before a restart). */
    start: () => {
      stopped = false;
      if (transport) schedule(0);
    },
    /** Sends what is due now; returns `{ sent, failed }` once done. */
    kick,
    /**
     * Mails not sent yet, oldest first (for the console): `{ id, kind, to, subject, createdAt,
     * attempts, nextAttemptAt, lastError, submissionId }`.
     */
    async pending() {
      const rows = await db.query(
        `SELECT id, kind, to_addr, subject, created_at, attempts, next_attempt_at, last_error, submission_id
         FROM mail_queue WHERE sent_at IS NULL ORDER BY created_at, id`,
      );
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        to: r.to_addr,
        subject: r.subject,
        createdAt: r.created_at,
        attempts: Number(r.attempts),
        nextAttemptAt: r.next_attempt_at,
        lastError: r.last_error,
        submissionId: r.submission_id,
      }));
    },
    /** Tries every unsent mail now, whatever its backoff: `{ sent, failed }`. */
    async retryNow() {
      if (!transport) return { sent: 0, failed: 0 };
      if (running) await running;
      await db.run('UPDATE mail_queue SET next_attempt_at = $1 WHERE sent_at IS NULL', [new Date().toISOString()]);
      return kick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
    },
  };
}

// The mail room: after each new submission, the verification hint (CISA's .gov list) stored on
// its row, the confirmation mail to the office (with its link) and the notice to staff queued;
// the queue's worker sends them through SMTP; /confirm/<token> confirms.
//
// Config (server/config.mjs): mail.smtpUrl (MAIG_SMTP_URL), mail.from (MAIG_MAIL_FROM),
// mail.staffNotify (MAIG_STAFF_NOTIFY, a list), publicUrl (MAIG_PUBLIC_URL: the links' address,
// never the request's Host); for tests mail.retry ({ baseMs, maxMs }) and mail.pollMs.
// Without an SMTP URL mail is off: nothing is queued (no mail, no confirmation link), the hint
// is still stored, and the start-up log says so once.
import nodemailer from 'nodemailer';
import { loadDotgov } from './dotgov.mjs';
import { createMailQueue, DEFAULT_RETRY } from './queue.mjs';
import { createConfirmRoute, issueToken } from './confirm.mjs';
import { confirmationMail, staffNotice } from './templates.mjs';

/** The tables of the room. */
export const MAIL_MIGRATIONS = [
  {
    id: '001-mail-queue-and-confirm-tokens',
    sql: `CREATE TABLE mail_queue (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        to_addr TEXT NOT NULL,
        subject TEXT NOT NULL,
        text_body TEXT NOT NULL,
        html_body TEXT,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        sent_at TEXT,
        last_error TEXT,
        submission_id TEXT
      );
      CREATE INDEX mail_queue_unsent ON mail_queue (sent_at, next_attempt_at);
      CREATE TABLE confirm_tokens (
        token_hash TEXT PRIMARY KEY,
        submission_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE INDEX confirm_tokens_submission ON confirm_tokens (submission_id);`,
  },
];

/** A hook the store refused ("busy", "down") is tried again this many times, 1 s, 2 s … apart. */
const HOOK_RETRIES = 5;
const HOOK_RETRY_MS = 1000;

let dotgov = null;
/** The .gov list, read once per process (16,539 domains). */
const gov = () => (dotgov ??= loadDotgov());

/** Builds the room (see server/receiver.mjs for what a room is). */
export function createMailRoom({ db, config, log }) {
  const mail = config.mail ?? {};
  const publicUrl = config.publicUrl ?? null;
  const staffNotify = Array.isArray(mail.staffNotify) ? mail.staffNotify : String(mail.staffNotify ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  let transport = null;
  if (mail.smtpUrl) {
    if (!publicUrl) throw new Error('MAIG_SMTP_URL is set but MAIG_PUBLIC_URL is not: the confirmation link needs the receiver’s public address (e.g. https://join.example.org)');
    if (!mail.from) throw new Error('MAIG_SMTP_URL is set but MAIG_MAIL_FROM is not: say who the mails come from (e.g. "Mayors Against Illegal Guns <join@example.org>")');
    transport = nodemailer.createTransport({ url: mail.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }
  const queue = createMailQueue({ db, transport, from: mail.from ?? null, log, retry: { ...DEFAULT_RETRY, ...mail.retry }, pollMs: mail.pollMs });
  const { verifyDomain, loadMs, size } = gov();
  const base = String(publicUrl ?? '').replace(/\/+$/, '');

  /** The hint, then the mails, in one transaction. */
  async function record(submission) {
    const { verification, reason } = verifyDomain(submission);
    await db.tx(async (t) => {
      await t.run('UPDATE submissions SET verification = $1, verification_reason = $2 WHERE id = $3', [verification, reason, submission.id]);
      if (!queue.enabled) return;
      const { token, expiresAt } = await issueToken(t, submission.id);
      const confirmation = confirmationMail({ submission, link: `${base}/confirm/${token}`, expiresAt });
      await queue.enqueue({ kind: 'confirmation', to: submission.email, submissionId: submission.id, ...confirmation }, t);
      if (staffNotify.length) {
        const notice = staffNotice({ submission, verification, reason, consoleUrl: `${base}/staff/` });
        await queue.enqueue({ kind: 'staff-notice', to: staffNotify.join(', '), submissionId: submission.id, ...notice }, t);
      }
    });
    if (queue.enabled) setImmediate(() => queue.kick());
  }

  const retries = new Set();
  /** The store said "not now" (busy, down): try again in the background, a few times, without holding the 201. */
  function recordLater(submission, attempt = 1) {
    if (attempt > HOOK_RETRIES) {
      log.error(`mail: submission ${submission.id} got no hint and no mail: the store stayed unavailable`);
      return;
    }
    const timer = setTimeout(async () => {
      retries.delete(timer);
      try {
        await record(submission);
      } catch (error) {
        if (!error?.unavailable) return log.error(error);
        recordLater(submission, attempt + 1);
      }
    }, HOOK_RETRY_MS * attempt);
    retries.add(timer);
  }

  /** After a new submission (before its 201): never waits on SMTP. */
  async function onSubmitted(submission) {
    try {
      await record(submission);
    } catch (error) {
      if (!error?.unavailable) throw error;
      log.warn(`mail: the store is unavailable (${error.reason?.kind ?? error.message}); the hint and mail of submission ${submission.id} follow shortly`);
      recordLater(submission);
    }
  }

  return {
    migrations: MAIL_MIGRATIONS,
    route: createConfirmRoute({ db, log, publicUrl }),
    hooks: { onSubmitted },
    async start() {
      log.info?.(`mail: .gov list of ${size} domains read in ${Math.round(loadMs)} ms`);
      if (!queue.enabled) log.info?.('mail: confirmation mail is off (MAIG_SMTP_URL is not set): submissions are stored, no mail is queued or sent');
      queue.start();
    },
    async close() {
      for (const timer of retries) clearTimeout(timer);
      await queue.stop();
      transport?.close();
    },
    /** True when mail is on. */
    get enabled() {
      return queue.enabled;
    },
    /** Mails not sent yet, oldest first (for the console); see server/mail/queue.mjs. */
    pending: () => queue.pending(),
    /** Tries every unsent mail now: `{ sent, failed }`. */
    retryNow: () => queue.retryNow(),
    verifyDomain,
    /** Send figures since start: `{ sent, failed, sendMs }`; and the .gov list's load time. */
    stats: queue.stats,
    dotgovLoadMs: loadMs,
  };
}

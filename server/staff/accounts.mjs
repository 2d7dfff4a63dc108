// The staff room's tables, accounts, sessions, sign-in lockout and the audit log, on the shared
// store (server/store/db.mjs: SQLite or PostgreSQL, SQL written with $1 placeholders).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { hashPassword, verifyNothing, verifyPassword, SCRYPT } from './passwords.mjs';

export const STAFF_MIGRATIONS = [
  {
    id: '001-staff',
    sql: `
      CREATE TABLE IF NOT EXISTS staff_users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        failed_count INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
      );
      CREATE TABLE IF NOT EXISTS staff_sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS staff_sessions_user ON staff_sessions (user_id);
      CREATE TABLE IF NOT EXISTS staff_address_failures (
        address TEXT PRIMARY KEY,
        failed_count INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
      );
      CREATE TABLE IF NOT EXISTS audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT
      );
      CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
    `,
  },
];

/** Sign-in limits: `maxFailures` wrong passwords in a row lock the account, and the address, for `lockMs`. */
export const LOCKOUT = Object.freeze({ maxFailures: 5, lockMs: 15 * 60_000 });
/** A session lasts 12 hours from sign-in. */
export const SESSION_MS = 12 * 60 * 60_000;

export const normalizeEmail = (email) => String(email ?? '').trim().toLowerCase();
const sha256 = (text) => createHash('sha256').update(String(text)).digest('hex');
const iso = (ms) => new Date(ms).toISOString();

/** Writes one audit row: who, what, on what, with a detail (object → JSON). */
export async function audit(db, { actor, action, subject = null, detail = null }, now = Date.now()) {
  const text = detail === null || detail === undefined ? null : typeof detail === 'string' ? detail : JSON.stringify(detail);
  await db.run('INSERT INTO audit_log (id, at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)', [randomUUID(), iso(now), actor, action, subject, text]);
}

/** The newest audit rows first. */
export async function auditEntries(db, { limit = 200 } = {}) {
  return db.query('SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT $1', [Math.min(Math.max(1, limit | 0), 1000)]);
}

/** Creates an account or sets a new password for an existing one; `{ created }`. */
export async function addUser(db, email, password, { params = SCRYPT, actor = 'command line', now = Date.now() } = {}) {
  const address = normalizeEmail(email);
  const hash = await hashPassword(password, params);
  const existing = await db.one('SELECT id FROM staff_users WHERE email = $1', [address]);
  if (existing) {
    await db.tx(async (t) => {
      await t.run('UPDATE staff_users SET password_hash = $1, failed_count = 0, locked_until = NULL WHERE id = $2', [hash, existing.id]);
      await t.run('DELETE FROM staff_sessions WHERE user_id = $1', [existing.id]);
      await audit(t, { actor, action: 'account-password', subject: address }, now);
    });
    return { created: false };
  }
  await db.tx(async (t) => {
    await t.run('INSERT INTO staff_users (id, email, password_hash, created_at, failed_count) VALUES ($1, $2, $3, $4, 0)', [randomUUID(), address, hash, iso(now)]);
    await audit(t, { actor, action: 'account-add', subject: address }, now);
  });
  return { created: true };
}

/** Removes an account and its sessions; `{ removed }`. */
export async function removeUser(db, email, { actor = 'command line', now = Date.now() } = {}) {
  const address = normalizeEmail(email);
  return db.tx(async (t) => {
    const user = await t.one('SELECT id FROM staff_users WHERE email = $1', [address]);
    if (!user) return { removed: false };
    await t.run('DELETE FROM staff_sessions WHERE user_id = $1', [user.id]);
    await t.run('DELETE FROM staff_users WHERE id = $1', [user.id]);
    await audit(t, { actor, action: 'account-remove', subject: address }, now);
    return { removed: true };
  });
}

const minutesLeft = (until, now) => Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000));

/**
 * Checks a sign-in. Returns `{ ok: true, user }`, `{ ok: false, reason: 'locked', minutes }` or
 * `{ ok: false, reason: 'wrong' }`. Failures count per account and per address; at
 * `maxFailures` either is locked for `lockMs`. A locked account or address is refused without
 * looking at the password.
 */
export async function checkSignIn(db, { email, password, address }, { lockout = LOCKOUT, now = Date.now() } = {}) {
  const addr = normalizeEmail(email);
  const user = await db.one('SELECT id, email, password_hash, failed_count, locked_until FROM staff_users WHERE email = $1', [addr]);
  const byAddress = await db.one('SELECT failed_count, locked_until FROM staff_address_failures WHERE address = $1', [address]);
  for (const row of [user, byAddress]) {
    if (row?.locked_until && Date.parse(row.locked_until) > now) {
      await audit(db, { actor: addr || '(no email)', action: 'sign-in-refused', detail: { address, reason: 'locked' } }, now);
      return { ok: false, reason: 'locked', minutes: minutesLeft(row.locked_until, now) };
    }
  }
  const ok = user ? await verifyPassword(password, user.password_hash) : await verifyNothing(password);
  if (ok) {
    await db.run('UPDATE staff_users SET failed_count = 0, locked_until = NULL WHERE id = $1', [user.id]);
    await db.run('DELETE FROM staff_address_failures WHERE address = $1', [address]);
    return { ok: true, user: { id: user.id, email: user.email } };
  }
  const lockedUntil = iso(now + lockout.lockMs);
  let locked = false;
  // Count the failure: at the limit the count starts again and the lock is set.
  const bump = async (table, key, current) => {
    const count = (current?.failed_count ?? 0) + 1;
    const lock = count >= lockout.maxFailures;
    locked ||= lock;
    if (table === 'staff_users') {
      await db.run('UPDATE staff_users SET failed_count = $1, locked_until = $2 WHERE id = $3', [lock ? 0 : count, lock ? lockedUntil : null, key]);
    } else {
      await db.run(
        `INSERT INTO staff_address_failures (address, failed_count, locked_until) VALUES ($1, $2, $3)
         ON CONFLICT (address) DO UPDATE SET failed_count = $2, locked_until = $3`,
        [key, lock ? 0 : count, lock ? lockedUntil : null],
      );
    }
  };
  if (user) await bump('staff_users', user.id, user);
  await bump('staff_address_failures', address, byAddress);
  await audit(db, { actor: addr || '(no email)', action: 'sign-in-failed', detail: { address, locked } }, now);
  return locked ? { ok: false, reason: 'locked', minutes: minutesLeft(lockedUntil, now) } : { ok: false, reason: 'wrong' };
}

/** Opens a session: `{ id, csrf, expiresAt }`; only the id's hash is stored. */
export async function openSession(db, user, { now = Date.now(), ttlMs = SESSION_MS } = {}) {
  const id = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const expiresAt = iso(now + ttlMs);
  await db.run('DELETE FROM staff_sessions WHERE expires_at < $1', [iso(now)]);
  await db.run('INSERT INTO staff_sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [sha256(id), user.id, csrf, iso(now), expiresAt]);
  return { id, csrf, expiresAt };
}

/** The live session for a cookie value: `{ idHash, user: { id, email }, csrf, expiresAt }` or null. */
export async function findSession(db, id, { now = Date.now() } = {}) {
  if (!id || id.length > 100) return null;
  const row = await db.one(
    `SELECT s.id_hash, s.csrf_token, s.expires_at, u.id AS user_id, u.email
       FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
      WHERE s.id_hash = $1 AND s.expires_at > $2`,
    [sha256(id), iso(now)],
  );
  return row ? { idHash: row.id_hash, user: { id: row.user_id, email: row.email }, csrf: row.csrf_token, expiresAt: row.expires_at } : null;
}

export async function closeSession(db, session) {
  await db.run('DELETE FROM staff_sessions WHERE id_hash = $1', [session.idHash]);
}

/** Constant-time check of the CSRF token a request sent against its session's. */
export function csrfMatches(session, sent) {
  if (typeof sent !== 'string' || !sent) return false;
  const a = Buffer.from(sha256(sent));
  const b = Buffer.from(sha256(session.csrf));
  return timingSafeEqual(a, b);
}

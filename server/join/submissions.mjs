// The submissions table (server/join/migrations.mjs) as the join room reads and writes it, on
// either store. Rows come out in camelCase (receivedAt, principlesVersion…), consent as a boolean.
import { createHash, randomUUID } from 'node:crypto';
import { canonicalAnswers } from '../../src/common/submission.js';

/** Rows per page of an export: each page is one short read, then the event loop runs. */
export const EXPORT_PAGE = 500;

/** Columns of a submission as the exports and other rooms see them. */
export const COLUMNS = `id, received_at AS "receivedAt", name, role, city, state, email, phone, message, consent, origin,
  lang, principles_version AS "principlesVersion", principles_hash AS "principlesHash", signed_at AS "signedAt",
  status, confirmed_at AS "confirmedAt", verification, verification_reason AS "verificationReason",
  decided_at AS "decidedAt", decided_by AS "decidedBy", decision_reason AS "decisionReason", member_id AS "memberId"`;

/** A row as read with COLUMNS: consent as a boolean. */
export const toSubmission = (row) => (row ? { ...row, consent: row.consent === 1 || row.consent === true } : row);

/**
 * Stores once per idempotency key: `{ created: true, submission }`, `{ created: false,
 * submission }` for the same answers again, or `{ conflict: true, id }` when the key came
 * with other answers.
 * @param {import('../store/db.mjs').Db} db
 */
export async function saveSubmission(db, { key, value, origin, lang, principlesVersion, principlesHash }) {
  const hash = createHash('sha256').update(canonicalAnswers(value)).digest('hex');
  const id = randomUUID();
  const at = new Date().toISOString();
  const { changes } = await db.run(
    `INSERT INTO submissions (id, idempotency_key, answers_hash, received_at, name, role, city, state, email, phone, message,
       consent, origin, lang, principles_version, principles_hash, signed_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $4, 'new')
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [id, key, hash, at, value.name, value.role, value.city, value.state, value.email, value.phone, value.message, value.consent, origin, lang, principlesVersion, principlesHash],
  );
  if (changes === 1) return { created: true, submission: await getSubmission(db, id) };
  const existing = await db.one(`SELECT answers_hash AS hash, ${COLUMNS} FROM submissions WHERE idempotency_key = $1`, [key]);
  if (!existing) throw new Error('a submission with this key was neither stored nor found');
  const { hash: existingHash, ...row } = existing;
  if (existingHash !== hash) return { conflict: true, id: row.id };
  return { created: false, submission: toSubmission(row) };
}

/** One submission by id, or undefined. */
export async function getSubmission(db, id) {
  return toSubmission(await db.one(`SELECT ${COLUMNS} FROM submissions WHERE id = $1`, [id]));
}

/**
 * One page of submissions in the order received: `{ rows, next }`, `next` the cursor of the
 * following page (null at the end). Paged so the store stays free for submissions between pages.
 */
export async function pageSubmissions(db, cursor = null, size = EXPORT_PAGE) {
  const rows = cursor
    ? await db.query(`SELECT ${COLUMNS} FROM submissions WHERE (received_at, id) > ($1, $2) ORDER BY received_at, id LIMIT $3`, [cursor.receivedAt, cursor.id, size])
    : await db.query(`SELECT ${COLUMNS} FROM submissions ORDER BY received_at, id LIMIT $1`, [size]);
  const last = rows.at(-1);
  return { rows: rows.map(toSubmission), next: rows.length === size ? { receivedAt: last.receivedAt, id: last.id } : null };
}

/** Every submission (tests, small stores; the exports page through pageSubmissions). */
export async function listSubmissions(db) {
  const out = [];
  for (let p = await pageSubmissions(db); ; p = await pageSubmissions(db, p.next)) {
    out.push(...p.rows);
    if (!p.next) return out;
  }
}

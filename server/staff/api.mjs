// The staff console's JSON API under /staff/api/. Every route but sign-in needs a session; every
// POST needs the session's CSRF token (header x-csrf-token) and this server's Origin. Every staff
// action writes a row to audit_log.
import { HttpError } from '../http/errors.mjs';
import { audit, auditEntries, checkSignIn, closeSession, normalizeEmail, openSession } from './accounts.mjs';
import { duplicateChecker } from './duplicates.mjs';
import { checkOrigin, requireSession, sessionCookie } from './session-http.mjs';

export const STATUSES = ['new', 'confirmed', 'approved', 'rejected', 'duplicate'];
/** A decision is taken once, on a submission still waiting. */
const OPEN = ['new', 'confirmed'];
const MAX_REASON = 1000;

const SUBMISSION_COLUMNS = `id, received_at, name, role, city, state, email, phone, message, consent, origin, lang,
  principles_version, signed_at, status, confirmed_at, verification, verification_reason,
  decided_at, decided_by, decision_reason, member_id`;

/** A submission as the console reads it. */
const present = (row, warnings) => ({ ...row, consent: row.consent === 1 || row.consent === true, duplicates: warnings });

const reasonOf = (body, { required }) => {
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (required && !reason) throw new HttpError(400, { error: 'reason-required', message: 'Give a reason.' });
  if (reason.length > MAX_REASON) throw new HttpError(400, { error: 'reason-too-long', message: `Keep the reason under ${MAX_REASON} characters.` });
  return reason || null;
};

/**
 * @param {object} o
 * @param {import('../store/db.mjs').Db} o.db
 * @param {() => ({ addMember: Function, removeMember: Function, listMembers: Function, publish: Function, status: Function } | null)} o.publisher
 * @param {() => ({ pending: Function } | null)} o.mail
 * @param {(req, res, format: 'csv'|'json') => Promise<void>} o.exportRows  writes the submissions export
 * @param {(req) => Promise<object>} o.readJson  the request's JSON body
 * @param {(req) => string} o.clientAddress
 * @param {(res, status, body, headers?) => void} o.send
 */
export function createStaffApi({ db, publisher: publisherOf, mail: mailOf, exportRows, readJson, clientAddress, send, membersCsv, publicUrl, lockout, now = () => Date.now() }) {
  // The publish and mail rooms, looked up at each call (they may be built after this room).
  const pub = () => publisherOf?.() ?? null;
  const mailer = () => mailOf?.() ?? null;
  /** Mail is on: a mail room with a transport (MAIG_SMTP_URL). */
  const mailOn = () => Boolean(mailer()) && mailer().enabled !== false;
  const session = (req, change = false) => requireSession(db, req, { change, publicUrl, now: now() });
  const act = (s, action, subject, detail) => audit(db, { actor: s.user.email, action, subject, detail }, now());

  /** The membership (members.csv merged with approved cities); null without a publish room. */
  async function members() {
    return pub() ? ((await pub().listMembers()) ?? []) : null;
  }
  const checker = async () => duplicateChecker(db, { membersCsv, members: await members() });

  async function loadSubmission(id) {
    const row = await db.one(`SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1`, [id]);
    if (!row) throw new HttpError(404, { error: 'not-found', message: 'There is no such submission.' });
    return row;
  }
  const mustBeOpen = (row) => {
    if (!OPEN.includes(row.status)) {
      throw new HttpError(409, { error: 'already-decided', message: `This submission was already marked ${row.status}${row.decided_by ? ` by ${row.decided_by}` : ''}.`, status: row.status });
    }
  };
  async function decide(row, s, status, reason, memberId = null) {
    const { changes } = await db.run(
      `UPDATE submissions SET status = $1, decided_at = $2, decided_by = $3, decision_reason = $4, member_id = $5
        WHERE id = $6 AND status IN ('new', 'confirmed')`,
      [status, new Date(now()).toISOString(), s.user.email, reason, memberId, row.id],
    );
    if (changes !== 1) mustBeOpen(await loadSubmission(row.id)); // someone else decided first
    const check = await checker();
    const fresh = await loadSubmission(row.id);
    return present(fresh, check(fresh));
  }
  const needPublisher = () => {
    if (!pub()) throw new HttpError(503, { error: 'publish-off', message: 'Publishing is not set up on this server, so members cannot be changed here.' });
  };

  const routes = {
    'POST sign-in': async (req, res) => {
      checkOrigin(req, publicUrl);
      const body = await readJson(req);
      const email = normalizeEmail(body.email);
      const password = typeof body.password === 'string' ? body.password : '';
      if (!email || !password) throw new HttpError(400, { error: 'missing-fields', message: 'Enter your email and your password.' });
      const result = await checkSignIn(db, { email, password, address: clientAddress(req) }, { lockout, now: now() });
      if (!result.ok && result.reason === 'locked') {
        throw new HttpError(
          429,
          { error: 'locked', message: `Too many failed sign-ins. Sign-in is paused for ${result.minutes} minute${result.minutes === 1 ? '' : 's'}; try again after that.` },
          { 'retry-after': String(result.minutes * 60) },
        );
      }
      if (!result.ok) throw new HttpError(401, { error: 'wrong-credentials', message: 'That email and password do not match an account.' });
      const opened = await openSession(db, result.user, { now: now() });
      await audit(db, { actor: result.user.email, action: 'sign-in', detail: { address: clientAddress(req) } }, now());
      send(res, 200, { user: { email: result.user.email }, csrf: opened.csrf, expiresAt: opened.expiresAt }, { 'set-cookie': sessionCookie(req, publicUrl, opened.id) });
    },
    'GET me': async (req, res) => {
      const s = await session(req);
      send(res, 200, { user: { email: s.user.email }, csrf: s.csrf, expiresAt: s.expiresAt });
    },
    'POST sign-out': async (req, res) => {
      const s = await session(req, true);
      await closeSession(db, s);
      await act(s, 'sign-out');
      send(res, 200, { signedOut: true }, { 'set-cookie': sessionCookie(req, publicUrl, null) });
    },
    'GET submissions': async (req, res, url) => {
      await session(req);
      const status = url.searchParams.get('status');
      if (status && !STATUSES.includes(status)) throw new HttpError(400, { error: 'bad-status', message: `Status is one of ${STATUSES.join(', ')}.` });
      const rows = await db.query(
        `SELECT ${SUBMISSION_COLUMNS} FROM submissions ${status ? 'WHERE status = $1' : ''} ORDER BY received_at DESC, id DESC LIMIT 500`,
        status ? [status] : [],
      );
      const check = await checker();
      send(res, 200, { submissions: rows.map((r) => present(r, check(r))) });
    },
    'GET submission': async (req, res, url, id) => {
      await session(req);
      const row = await loadSubmission(id);
      send(res, 200, { submission: present(row, (await checker())(row)) });
    },
    'POST approve': async (req, res, url, id) => {
      const s = await session(req, true);
      needPublisher();
      const body = await readJson(req);
      const row = await loadSubmission(id);
      mustBeOpen(row);
      const placement = body.placement && typeof body.placement === 'object' ? body.placement : undefined;
      const result = await pub().addMember({ submission: row, by: s.user.email, placement });
      if (!result?.ok) {
        await act(s, 'approve-stopped', row.id, { city: row.city, state: row.state, reason: result?.reason, message: result?.message });
        throw new HttpError(409, { error: result?.reason ?? 'not-added', message: result?.message ?? 'The city could not be added.', candidates: result?.candidates ?? [] });
      }
      const submission = await decide(row, s, 'approved', null, result.member?.id ?? null);
      await act(s, 'approve', row.id, { city: row.city, state: row.state, memberId: result.member?.id, placement: placement ?? null, publish: result.publish ?? null });
      send(res, 200, { submission, member: result.member, publish: result.publish ?? null });
    },
    'POST reject': async (req, res, url, id) => {
      const s = await session(req, true);
      const reason = reasonOf(await readJson(req), { required: true });
      const row = await loadSubmission(id);
      mustBeOpen(row);
      const submission = await decide(row, s, 'rejected', reason);
      await act(s, 'reject', row.id, { city: row.city, state: row.state, reason });
      send(res, 200, { submission });
    },
    'POST duplicate': async (req, res, url, id) => {
      const s = await session(req, true);
      const reason = reasonOf(await readJson(req), { required: false });
      const row = await loadSubmission(id);
      mustBeOpen(row);
      const submission = await decide(row, s, 'duplicate', reason);
      await act(s, 'mark-duplicate', row.id, { city: row.city, state: row.state, reason });
      send(res, 200, { submission });
    },
    'GET members': async (req, res) => {
      await session(req);
      send(res, 200, { members: (await members()) ?? [], enabled: Boolean(pub()) });
    },
    'POST remove-member': async (req, res, url, id) => {
      const s = await session(req, true);
      needPublisher();
      const reason = reasonOf(await readJson(req), { required: false });
      const result = await pub().removeMember({ memberId: id, by: s.user.email, reason });
      if (result && result.ok === false) {
        throw new HttpError(result.reason === 'not-member' ? 404 : 409, { error: result.reason ?? 'not-removed', message: result.message ?? 'The member could not be removed.' });
      }
      await act(s, 'remove-member', id, { reason, member: result?.member ?? null, publish: result?.publish ?? null });
      send(res, 200, { removed: true, member: result?.member ?? null, publish: result?.publish ?? null });
    },
    'GET audit': async (req, res, url) => {
      await session(req);
      send(res, 200, { entries: await auditEntries(db, { limit: Number(url.searchParams.get('limit')) || 200 }) });
    },
    'GET mails': async (req, res) => {
      await session(req);
      send(res, 200, { enabled: mailOn(), mails: mailOn() ? await mailer().pending() : [] });
    },
    'POST mails-retry': async (req, res) => {
      const s = await session(req, true);
      if (!mailOn()) throw new HttpError(503, { error: 'mail-off', message: 'Mail is not set up on this server.' });
      const result = (await mailer().retryNow()) ?? {};
      await act(s, 'mail-retry', null, { sent: result.sent ?? 0, failed: result.failed ?? 0 });
      send(res, 200, { sent: result.sent ?? 0, failed: result.failed ?? 0, mails: await mailer().pending() });
    },
    'GET publish': async (req, res) => {
      await session(req);
      send(res, 200, { enabled: Boolean(pub()), status: pub() ? await pub().status() : null });
    },
    'POST publish': async (req, res) => {
      const s = await session(req, true);
      needPublisher();
      const result = await pub().publish({ by: s.user.email });
      await act(s, 'publish', null, result);
      send(res, 200, { result, status: await pub().status() });
    },
    'GET export': async (req, res, url, format) => {
      const s = await session(req);
      await act(s, 'export', null, { format });
      await exportRows(req, res, format);
    },
  };

  /** Which route a method and path (after /staff/api/) name: [key, id]. */
  function match(method, rest) {
    const parts = rest.split('/');
    if (parts.length === 1) {
      const exp = /^export\.(csv|json)$/.exec(rest);
      if (exp) return [`${method} export`, exp[1]];
      if (rest === 'submissions' || rest === 'members' || rest === 'audit' || rest === 'mails' || rest === 'publish' || rest === 'me') return [`${method} ${rest}`];
      if (rest === 'sign-in' || rest === 'sign-out') return [`${method} ${rest}`];
    }
    if (parts.length === 2 && parts[0] === 'submissions' && parts[1]) return [`${method} submission`, parts[1]];
    if (parts.length === 3 && parts[0] === 'submissions' && ['approve', 'reject', 'duplicate'].includes(parts[2])) return [`${method} ${parts[2]}`, parts[1]];
    if (parts.length === 3 && parts[0] === 'members' && parts[2] === 'remove') return [`${method} remove-member`, parts[1]];
    if (rest === 'mails/retry') return [`${method} mails-retry`];
    return null;
  }

  /** Answers /staff/api/…; returns false for any other path. */
  return async function api(req, res, url) {
    if (!url.pathname.startsWith('/staff/api/')) return false;
    const found = match(req.method === 'HEAD' ? 'GET' : req.method, url.pathname.slice('/staff/api/'.length));
    if (!found) throw new HttpError(404, { error: 'not-found', message: 'There is no such staff address.' });
    const handler = routes[found[0]];
    if (!handler) {
      const name = found[0].split(' ')[1];
      const allow = ['GET', 'POST'].filter((m) => routes[`${m} ${name}`]).join(', ');
      throw new HttpError(405, { error: 'method-not-allowed', message: `Use ${allow}.` }, { allow });
    }
    await handler(req, res, url, found[1] ? decodeURIComponent(found[1]) : undefined);
    return true;
  };
}

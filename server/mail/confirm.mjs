// Confirmation links: the token (32 random bytes, base64url: 256 bits), stored only as its
// sha256, single use, valid 7 days; and the route that serves /confirm/<token>: GET shows what
// was submitted and a Confirm button (a GET never confirms: mail scanners follow links), POST
// confirms once. A link that no longer works gets a page saying so (410 used or expired, 404
// unknown), never a stack trace.
import { createHash, randomBytes } from 'node:crypto';
import { readBody, Abandoned } from '../http/body.mjs';
import { sendPrivateJson } from '../http/answer.mjs';
import { PAGE_HEADERS, confirmPage, messagePage, thanksPage, usedPage } from './pages.mjs';

export const TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const PATH = /^\/confirm\/([^/]*)$/;

export const hashToken = (token) => createHash('sha256').update(token).digest('hex');

/** A new token for `submissionId`, stored (hashed) in `t`: `{ token, expiresAt }`. */
export async function issueToken(t, submissionId, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS).toISOString();
  await t.run('INSERT INTO confirm_tokens (token_hash, submission_id, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, NULL)', [
    hashToken(token),
    submissionId,
    now.toISOString(),
    expiresAt,
  ]);
  return { token, expiresAt };
}

const LOOKUP = `SELECT t.expires_at, t.used_at, t.submission_id, s.city, s.state, s.role, s.name, s.lang
  FROM confirm_tokens t JOIN submissions s ON s.id = t.submission_id WHERE t.token_hash = $1`;

/** The language of a page for a link we cannot read: the browser's first choice, English or Spanish. */
const browserLang = (req) => (/^\s*es\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'es' : 'en');

function sendPage(req, res, status, page, headers = {}) {
  const body = Buffer.from(page);
  res.writeHead(status, { ...PAGE_HEADERS, 'content-length': body.length, ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * A cross-site POST is refused: Sec-Fetch-Site, when the browser sends it, must be same-origin
 * (or none: typed in / bookmarked), and Origin, when sent, must be the receiver's public origin.
 */
function crossSite(req, publicOrigin) {
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  return Boolean(origin && publicOrigin && origin !== publicOrigin);
}

/** The route of /confirm/<token>. */
export function createConfirmRoute({ db, log, publicUrl }) {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : null;

  /** The page for a token that does not confirm (now): used, expired or unknown. */
  function gonePage(req, res, row) {
    if (!row) return sendPage(req, res, 404, messagePage('unknown', browserLang(req)));
    if (row.used_at) return sendPage(req, res, 410, usedPage({ submission: row, usedAt: row.used_at }));
    return sendPage(req, res, 410, messagePage('expired', row.lang));
  }

  async function show(req, res, token) {
    const row = await db.one(LOOKUP, [hashToken(token)]);
    if (!row || row.used_at || row.expires_at <= new Date().toISOString()) return gonePage(req, res, row);
    return sendPage(req, res, 200, confirmPage({ submission: row, token }));
  }

  async function confirm(req, res, token) {
    // A refusal is written in the submission's language when the token is known.
    const known = await db.one(LOOKUP, [hashToken(token)]);
    const lang = known?.lang ?? browserLang(req);
    if (crossSite(req, publicOrigin)) {
      log.warn(`mail: a cross-site confirmation was refused (origin ${req.headers.origin ?? 'none'}, sec-fetch-site ${req.headers['sec-fetch-site'] ?? 'none'})`);
      return sendPage(req, res, 403, messagePage('refused', lang));
    }
    let body;
    try {
      body = new URLSearchParams(await readBody(req, 2048));
    } catch (error) {
      if (error instanceof Abandoned) return;
      return sendPage(req, res, 400, messagePage('refused', lang), { connection: 'close' });
    }
    // The form carries the token itself: a post that does not is not from the page.
    if (body.get('token') !== token) return sendPage(req, res, 403, messagePage('refused', lang));
    const hash = hashToken(token);
    const result = await db.tx(async (t) => {
      const now = new Date().toISOString();
      const { changes } = await t.run('UPDATE confirm_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1', [now, hash]);
      const row = await t.one(LOOKUP, [hash]);
      if (changes !== 1) return { ok: false, row };
      await t.run(
        `UPDATE submissions SET status = CASE WHEN status = 'new' THEN 'confirmed' ELSE status END,
           confirmed_at = COALESCE(confirmed_at, $1) WHERE id = $2`,
        [now, row.submission_id],
      );
      return { ok: true, row };
    });
    if (!result.ok) return gonePage(req, res, result.row);
    log.info?.(`mail: submission ${result.row.submission_id} confirmed`);
    return sendPage(req, res, 200, thanksPage({ submission: result.row }));
  }

  return async function route(req, res, url) {
    const match = PATH.exec(url.pathname);
    if (!match) return false;
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
      sendPrivateJson(res, 405, { error: 'method-not-allowed', message: 'Use GET to see the page, POST to confirm.' }, { allow: 'GET, HEAD, POST' });
      return true;
    }
    let token = '';
    try {
      token = decodeURIComponent(match[1]);
    } catch {}
    try {
      if (!TOKEN_SHAPE.test(token)) {
        if (method === 'POST') req.resume();
        sendPage(req, res, 404, messagePage('unknown', browserLang(req)));
      } else if (method === 'POST') await confirm(req, res, token);
      else await show(req, res, token);
    } catch (error) {
      // The store down or busy (a 503 from server/store/db.mjs), or a bug: a page, never a trace.
      if (!error?.unavailable) log.error(error);
      if (!res.headersSent) {
        const retry = error?.unavailable ? { 'retry-after': String(error.reason?.retryAfter ?? 30) } : {};
        sendPage(req, res, error?.unavailable ? 503 : 500, messagePage('busy', browserLang(req)), retry);
      } else res.destroy();
    }
    return true;
  };
}

// GET /join.csv and /join.json for scripts, behind a bearer token (MAIG_EXPORT_TOKEN), streamed
// page by page so other requests go on while 200,000 rows go out.
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http/errors.mjs';
import { clientAddress } from '../http/client.mjs';
import { pageSubmissions } from './submissions.mjs';

/** Shortest export token accepted: a shorter one can be guessed, lockout or not. */
export const MIN_TOKEN_LENGTH = 24;

export const CSV_COLUMNS = ['id', 'receivedAt', 'name', 'role', 'city', 'state', 'email', 'phone', 'message', 'consent', 'origin', 'lang', 'principlesVersion', 'principlesHash', 'signedAt', 'status', 'confirmedAt', 'verification'];

/**
 * One CSV cell, never a formula in a spreadsheet. A cell that starts with = + - @ (or a tab or
 * carriage return before one) gets a leading apostrophe. Spreadsheets set to `;` as separator
 * (Excel in de, fr, es, it, nl, pt locales) split the line at every `;`, and a parser that does
 * not honour a quote in the middle of a field also starts a row at every line break: so the same
 * apostrophe goes before = + - @ wherever it follows `;`, a tab or a line break (spaces and quotes
 * between skipped). The JSON export keeps the exact text.
 */
export function csvCell(v) {
  let s = v == null ? '' : String(v);
  s = s.replace(/([;\t\r\n])([\s"]*)(?=[=+\-@])/g, "$1$2'");
  if (/^[\s"]*[=+\-@]/.test(s)) s = `'${s}`;
  return /[",;\n\r\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const sha = (s) => createHash('sha256').update(s).digest();

/** Throws at start on a token too short to be safe. */
export function checkTokenLength(token) {
  if (token && String(token).length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `MAIG_EXPORT_TOKEN is ${String(token).length} characters: use at least ${MIN_TOKEN_LENGTH} (e.g. \`openssl rand -hex 24\`), or unset it to turn the exports off.`,
    );
  }
}

/** Checks the bearer token; throws the answer (401, 403, 429 during a lockout) when it is not right. */
export function checkToken(req, { exportToken, tokenLimiter, trustProxy }) {
  if (!exportToken) {
    throw new HttpError(403, { error: 'export-disabled', message: 'Exports are off: set MAIG_EXPORT_TOKEN on the server to turn them on.' });
  }
  // Locked out after too many wrong tokens: refused before the token is even read, the right one too.
  const address = clientAddress(req, trustProxy);
  const wait = tokenLimiter.wait(address);
  if (wait) {
    throw new HttpError(429, { error: 'rate-limited', message: `Too many wrong tokens. Try again in ${wait} seconds.`, retryAfter: wait }, { 'retry-after': String(wait) });
  }
  const match = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!match) {
    throw new HttpError(401, { error: 'unauthorized', message: 'Send the export token as "Authorization: Bearer TOKEN".' }, { 'www-authenticate': 'Bearer realm="maig-join"' });
  }
  if (!timingSafeEqual(sha(match[1].trim()), sha(exportToken))) {
    tokenLimiter.take(address);
    throw new HttpError(403, { error: 'forbidden', message: 'The export token is not right.' });
  }
}

/**
 * Writes every submission as CSV or JSON. After each page: wait for the client when its buffer is
 * full, then always go through the event loop (setImmediate), since a socket that drains at once
 * emits 'drain' in a microtask and the pages would otherwise follow one another without letting
 * any other request in.
 */
export async function exportSubmissions(req, res, { db, format, log }) {
  let page = await pageSubmissions(db);
  res.writeHead(200, {
    'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
    ...(format === 'csv' ? { 'content-disposition': 'attachment; filename="maig-join.csv"' } : {}),
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  let count = 0;
  const write = async (chunk) => {
    if (!res.write(chunk)) {
      await new Promise((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    await new Promise((resolve) => setImmediate(resolve));
  };
  await write(format === 'json' ? '{"submissions":[' : CSV_COLUMNS.join(',') + '\r\n');
  for (;;) {
    const { rows } = page;
    if (rows.length) {
      const text =
        format === 'json'
          ? (count ? ',' : '') + rows.map((r) => JSON.stringify(r)).join(',')
          : rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(',')).join('\r\n') + '\r\n';
      count += rows.length;
      await write(text);
    }
    if (!page.next || res.destroyed) break;
    try {
      page = await pageSubmissions(db, page.next);
    } catch (error) {
      log.error(`join receiver: export stopped after ${count} rows: ${error.cause?.code ?? error.code ?? error.message}`);
      res.destroy();
      return;
    }
  }
  res.end(format === 'json' ? `],"count":${count}}` : '');
}

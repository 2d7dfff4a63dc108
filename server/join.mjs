// The reference receiver for <maig-join-form>: POST /join validates with the form's own code
// (src/join-form/submission.js), stores in SQLite (better-sqlite3, a file on disk) and answers
// with a stable id; GET /join.csv and /join.json export for staff behind a bearer token.
//
// Environment (read by joinOptionsFromEnv):
//   MAIG_DB                 SQLite file (default server/data/join.sqlite; the folder is created)
//   MAIG_ALLOWED_ORIGINS    comma-separated site origins allowed to post (default: this server's own)
//   MAIG_EXPORT_TOKEN       token for the exports (Authorization: Bearer …), at least 24 characters; unset = exports off
//   MAIG_MAX_BODY           submission size limit in bytes, counted decoded (default 16384; JSON and form-encoded alike)
//   MAIG_RATE_LIMIT         submissions per client address per window: "10/60" = 10 per 60 s
//   MAIG_MIN_FILL_MS        minimum time to fill the form (default 3000)
//   MAIG_TRUST_PROXY        behind N proxies ("1" = one): the client address is the entry the nearest
//                           proxy appended to X-Forwarded-For (the Nth from the right), never the first
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sendJson } from './send-json.mjs';
import {
  MIN_FILL_MS,
  canonicalAnswers,
  bare,
  isIdempotencyKey,
  spamReason,
  validateSubmission,
} from '../src/common/submission.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DB = join(here, 'data', 'join.sqlite');

/** Options from the environment (see the header of this file). */
export function joinOptionsFromEnv(env = process.env) {
  const [limit, windowS] = (env.MAIG_RATE_LIMIT ?? '10/60').split('/').map(Number);
  const proxy = String(env.MAIG_TRUST_PROXY ?? '').trim().toLowerCase();
  return {
    dbPath: env.MAIG_DB || DEFAULT_DB,
    allowedOrigins: (env.MAIG_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean),
    exportToken: env.MAIG_EXPORT_TOKEN || null,
    maxBody: Number(env.MAIG_MAX_BODY) || 16 * 1024,
    rateLimit: { limit: limit || 10, windowMs: (windowS || 60) * 1000 },
    minFillMs: env.MAIG_MIN_FILL_MS !== undefined ? Number(env.MAIG_MIN_FILL_MS) : MIN_FILL_MS,
    /** Proxies in front of this server (0: none, the socket's address is the client's). */
    trustProxy: /^\d+$/.test(proxy) ? Math.min(Number(proxy), 10) : proxy === 'true' || proxy === 'yes' ? 1 : 0,
    /** Console for the start-up warning and unexpected errors. */
    log: console,
  };
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS submissions (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL,
    answers_hash TEXT NOT NULL,
    received_at TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    city TEXT NOT NULL,
    state TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    message TEXT NOT NULL,
    consent INTEGER NOT NULL,
    origin TEXT
  );
  CREATE UNIQUE INDEX IF NOT EXISTS submissions_idempotency_key ON submissions (idempotency_key);
  CREATE INDEX IF NOT EXISTS submissions_received_at ON submissions (received_at);
`;

/**
 * How long a write waits for another process holding the database lock. Short on purpose:
 * better-sqlite3 waits synchronously, and every request (static files too) waits with it. Past
 * it the submission gets 503 with Retry-After, and the form tries again later.
 */
const BUSY_TIMEOUT_MS = 50;

/** Rows per page of an export: each page is one short synchronous read, then the event loop runs. */
const EXPORT_PAGE = 500;

/** Opens (or creates) the store. */
export function openStore(dbPath) {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000'); // at start only: nothing is served yet
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const insert = db.prepare(`INSERT INTO submissions
    (id, idempotency_key, answers_hash, received_at, name, role, city, state, email, phone, message, consent, origin)
    VALUES (@id, @key, @hash, @receivedAt, @name, @role, @city, @state, @email, @phone, @message, @consent, @origin)
    ON CONFLICT (idempotency_key) DO NOTHING`);
  const byKey = db.prepare('SELECT id, answers_hash AS hash, received_at AS receivedAt FROM submissions WHERE idempotency_key = ?');
  const columns = 'rowid AS rowid, id, received_at AS receivedAt, name, role, city, state, email, phone, message, consent, origin';
  const first = db.prepare(`SELECT ${columns} FROM submissions ORDER BY received_at, rowid LIMIT ?`);
  const after = db.prepare(`SELECT ${columns} FROM submissions WHERE (received_at, rowid) > (?, ?) ORDER BY received_at, rowid LIMIT ?`);
  const row = ({ rowid, ...r }) => ({ ...r, consent: r.consent === 1 });
  return {
    db,
    /** Stores once per key: `{ id, created }`, or `{ conflict: true }` when the key came with other answers. */
    save(key, value, origin) {
      const hash = createHash('sha256').update(canonicalAnswers(value)).digest('hex');
      const row = { id: randomUUID(), key, hash, receivedAt: new Date().toISOString(), ...value, consent: value.consent ? 1 : 0, origin };
      const { changes } = insert.run(row);
      if (changes === 1) return { id: row.id, receivedAt: row.receivedAt, created: true };
      const existing = byKey.get(key);
      if (existing.hash !== hash) return { conflict: true, id: existing.id };
      return { id: existing.id, receivedAt: existing.receivedAt, created: false };
    },
    /**
     * One page of the export, in the order received: `{ rows, next }`, `next` the cursor of the
     * following page (null at the end). Paged (not one iterator) so the connection stays free for
     * submissions between pages.
     */
    page(cursor = null, size = EXPORT_PAGE) {
      const rows = cursor ? after.all(cursor.receivedAt, cursor.rowid, size) : first.all(size);
      const last = rows.at(-1);
      return { rows: rows.map(row), next: rows.length === size ? { receivedAt: last.receivedAt, rowid: last.rowid } : null };
    },
    /** Every submission (small stores and tests; the exports page through `page`). */
    list() {
      const out = [];
      for (let p = this.page(null); ; p = this.page(p.next)) {
        out.push(...p.rows);
        if (!p.next) return out;
      }
    },
    /** Throws when the database cannot be written now (read-only, locked by another process, disk full). */
    probeWrite() {
      const version = db.pragma('user_version', { simple: true });
      db.exec('BEGIN IMMEDIATE');
      try {
        db.pragma(`user_version = ${Number(version) | 0}`);
      } finally {
        db.exec('ROLLBACK');
      }
    },
    close: () => db.close(),
  };
}

/**
 * A token bucket per client address, holding at most `maxAddresses` buckets: past that the bucket
 * used longest ago goes (a Map keeps insertion order, so that costs O(1), never a sweep).
 */
export function createRateLimiter({ limit, windowMs, maxAddresses = 10_000 }, now = () => Date.now()) {
  const buckets = new Map();
  const refillPerMs = limit / windowMs;
  const current = (address, t) => {
    const b = buckets.get(address);
    return b ? Math.min(limit, b.tokens + (t - b.at) * refillPerMs) : limit;
  };
  const waitFor = (tokens) => Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000));
  return {
    /** Takes one token; returns 0 when allowed, else the seconds to wait. */
    take(address) {
      const t = now();
      const tokens = current(address, t);
      const allowed = tokens >= 1;
      buckets.delete(address); // re-inserted last: the most recently used
      buckets.set(address, { tokens: allowed ? tokens - 1 : tokens, at: t });
      if (buckets.size > maxAddresses) buckets.delete(buckets.keys().next().value);
      return allowed ? 0 : waitFor(tokens);
    },
    /** The seconds to wait before a token is free (0: one is free now); takes nothing. */
    wait(address) {
      const tokens = current(address, now());
      return tokens >= 1 ? 0 : waitFor(tokens);
    },
    /** Buckets held (at most `maxAddresses`). */
    get size() {
      return buckets.size;
    },
  };
}

class HttpError extends Error {
  constructor(status, body, headers = {}) {
    super(body.message);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** A JSON answer that no cache keeps (submissions, errors). */
const send = (res, status, body, headers = {}) => sendJson(res, status, body, { 'cache-control': 'no-store', ...headers });

/** The client went away before its body arrived: not an error worth a log line. */
class Abandoned extends Error {}

/**
 * Reads the body up to `max` raw bytes; past that, a 413 (and the rest of the upload is
 * discarded). Rejects with `Abandoned` when the client goes away (or the server's request
 * timeout cuts a body that trickles in).
 */
function readBody(req, max, limitForPeople) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const tooLarge = () => tooLargeError(limitForPeople);
    if (declared > max) {
      reject(tooLarge());
      return;
    }
    const chunks = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    const gone = () => {
      if (!done) reject(new Abandoned('the client went away during the upload'));
      done = true;
    };
    req.on('error', gone);
    req.on('close', gone);
  });
}

const tooLargeError = (max) =>
  new HttpError(413, { error: 'too-large', message: `The submission is too large: the limit is ${max} bytes.` }, { connection: 'close' });

/**
 * The size of a parsed submission, decoded: the UTF-8 bytes of its keys and values as JSON
 * writes them. The same measure for a JSON and a form-encoded post, so a message is accepted
 * or refused the same way whichever way it was sent.
 */
const decodedSize = (input) => Buffer.byteLength(JSON.stringify(input));

/** Percent-encoding takes up to 3 bytes per byte, JSON's \uXXXX up to 6 per character: the raw body may be this much larger. */
const RAW_FACTOR = 4;

/** Parses a JSON or form-encoded body into a plain object. */
function parseBody(type, text) {
  if (type === 'application/x-www-form-urlencoded') return bare(Object.fromEntries(new URLSearchParams(text)));
  if (type === 'application/json' || type === '') {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new HttpError(400, { error: 'bad-json', message: 'The submission is not valid JSON.' });
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new HttpError(400, { error: 'bad-json', message: 'The submission must be a JSON object.' });
    }
    return bare(data);
  }
  throw new HttpError(415, { error: 'unsupported-type', message: 'Send the submission as application/json or application/x-www-form-urlencoded.' });
}

const CSV_COLUMNS = ['id', 'receivedAt', 'name', 'role', 'city', 'state', 'email', 'phone', 'message', 'consent', 'origin'];

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

/** Shortest export token accepted: a shorter one can be guessed, lockout or not. */
export const MIN_TOKEN_LENGTH = 24;

/**
 * SQLite errors that mean "not now" rather than a bug: another process holds the lock, or the
 * disk is full or read-only. They get 503 with Retry-After (seconds).
 */
function unavailableReason(error) {
  const code = String(error?.code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { retryAfter: 5, message: 'The receiver is busy. Your form will be sent again in a few seconds.' };
  }
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return { retryAfter: 60, message: 'The receiver cannot store submissions right now. Try again in a minute.' };
  }
  return null;
}

const sha = (s) => createHash('sha256').update(s).digest();

/**
 * The receiver. `route` plugs into server/index.mjs's `routes`; `close()` closes the database.
 * Throws at start on an export token shorter than MIN_TOKEN_LENGTH; warns (through `log`) when
 * the database cannot be written.
 * @param {ReturnType<typeof joinOptionsFromEnv>} options
 */
export function createJoinReceiver(options = joinOptionsFromEnv()) {
  const opts = { ...joinOptionsFromEnv({}), ...options };
  if (opts.exportToken && String(opts.exportToken).length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `MAIG_EXPORT_TOKEN is ${String(opts.exportToken).length} characters: use at least ${MIN_TOKEN_LENGTH} (e.g. \`openssl rand -hex 24\`), or unset it to turn the exports off.`,
    );
  }
  const log = opts.log ?? console;
  const store = openStore(opts.dbPath);
  try {
    store.probeWrite();
  } catch (error) {
    log.warn(
      `join receiver: the database ${opts.dbPath} cannot be written now (${error.code ?? error.message}); submissions get 503 until it can.`,
    );
  }
  const limiter = createRateLimiter(opts.rateLimit);
  // Wrong export tokens: 10 per 10 minutes per address, so the token cannot be guessed by brute force.
  const tokenLimiter = createRateLimiter({ limit: 10, windowMs: 10 * 60_000 });
  const allowed = new Set(opts.allowedOrigins);
  /** After SQLite said busy: answer 503 at once until then, without waiting on the lock again. */
  let busyUntil = 0;
  const stats = { abandoned: 0 };

  const clientAddress = (req) => {
    const socketAddress = req.socket.remoteAddress ?? 'unknown';
    if (!opts.trustProxy) return socketAddress;
    // Each proxy appends the address it got the request from: the entry the nearest trusted proxy
    // wrote is the Nth from the right. Entries left of it are whatever the client sent.
    const entries = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return entries[entries.length - opts.trustProxy] ?? entries[0] ?? socketAddress;
  };

  /** CORS headers for an answer on /join: every answer, 4xx and 5xx too, so a cross-origin form can read it. */
  const corsHeaders = (req) => {
    const origin = req.headers.origin;
    return origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
  };

  /** True when this origin may post. No Origin (not a browser): allowed. */
  const originAllowed = (req) => {
    const origin = req.headers.origin;
    if (!origin) return true;
    if (allowed.size) return allowed.has(origin);
    return origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`;
  };

  const unavailable = (reason) =>
    new HttpError(503, { error: 'unavailable', message: reason.message, retryAfter: reason.retryAfter }, { 'retry-after': String(reason.retryAfter) });

  /** Runs a database call; "busy" and "disk full" become a 503 with Retry-After. */
  const withStore = (fn) => {
    if (Date.now() < busyUntil) throw unavailable(unavailableReason({ code: 'SQLITE_BUSY' }));
    try {
      return fn();
    } catch (error) {
      const reason = unavailableReason(error);
      if (!reason) throw error;
      busyUntil = Date.now() + 1000;
      throw unavailable(reason);
    }
  };

  const checkToken = (req) => {
    if (!opts.exportToken) {
      throw new HttpError(403, { error: 'export-disabled', message: 'Exports are off: set MAIG_EXPORT_TOKEN on the server to turn them on.' });
    }
    // Locked out after too many wrong tokens: refused before the token is even read, the right one too.
    const address = clientAddress(req);
    const wait = tokenLimiter.wait(address);
    if (wait) {
      throw new HttpError(429, { error: 'rate-limited', message: `Too many wrong tokens. Try again in ${wait} seconds.`, retryAfter: wait }, { 'retry-after': String(wait) });
    }
    const header = String(req.headers.authorization ?? '');
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) {
      throw new HttpError(401, { error: 'unauthorized', message: 'Send the export token as "Authorization: Bearer TOKEN".' }, { 'www-authenticate': 'Bearer realm="maig-join"' });
    }
    if (!timingSafeEqual(sha(match[1].trim()), sha(opts.exportToken))) {
      tokenLimiter.take(address);
      throw new HttpError(403, { error: 'forbidden', message: 'The export token is not right.' });
    }
  };

  /** POST /join: checks and saves one submission; `cors` is the route's CORS headers for the answer. */
  async function receive(req, res, cors) {
    if (!originAllowed(req)) {
      throw new HttpError(403, { error: 'origin-not-allowed', message: `This receiver does not accept submissions from ${req.headers.origin}.` });
    }
    const wait = limiter.take(clientAddress(req));
    if (wait) {
      throw new HttpError(429, { error: 'rate-limited', message: `Too many submissions from this network. Try again in ${wait} seconds.`, retryAfter: wait }, { 'retry-after': String(wait) });
    }
    const text = await readBody(req, opts.maxBody * RAW_FACTOR, opts.maxBody);
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const input = parseBody(type, text);
    if (decodedSize(input) > opts.maxBody) throw tooLargeError(opts.maxBody);
    const headerKey = req.headers['idempotency-key'];
    const bodyKey = input.idempotencyKey;
    if (headerKey && bodyKey && headerKey !== bodyKey) {
      throw new HttpError(400, { error: 'bad-key', message: 'The Idempotency-Key header and the idempotencyKey field differ.' });
    }
    const key = headerKey ?? bodyKey;
    if (!isIdempotencyKey(key)) {
      throw new HttpError(400, { error: 'bad-key', message: 'Send an idempotency key (a UUID) in the Idempotency-Key header or the idempotencyKey field.' });
    }
    const spam = spamReason(input, opts.minFillMs);
    if (spam) {
      throw new HttpError(400, {
        error: 'rejected',
        reason: spam,
        message: 'This submission looks automated (it was sent too fast, or a hidden field was filled in). Wait a few seconds and send it again.',
      });
    }
    const result = validateSubmission(input);
    if (!result.ok) {
      throw new HttpError(400, { error: 'invalid', message: 'Some answers need fixing.', fields: { ...result.errors }, codes: { ...result.codes } });
    }
    const saved = withStore(() => store.save(key, result.value, req.headers.origin ?? null));
    if (saved.conflict) {
      throw new HttpError(409, { error: 'conflict', message: 'This idempotency key was already used for a different submission. Send a new one.' });
    }
    send(res, saved.created ? 201 : 200, { ok: true, id: saved.id, receivedAt: saved.receivedAt, duplicate: !saved.created }, cors);
  }

  /**
   * Streams the export page by page: one short read, then the event loop runs (and waits for the
   * client when its buffer is full), so other requests go on while 200,000 rows go out.
   */
  async function exportRows(req, res, format) {
    checkToken(req);
    let page = withStore(() => store.page(null));
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
    // After each page: wait for the client when its buffer is full, then always go through the
    // event loop (setImmediate), since a socket that drains at once emits 'drain' in a microtask
    // and the pages would otherwise follow one another without letting any other request in.
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
        page = store.page(page.next);
      } catch (error) {
        log.error(`join receiver: export stopped after ${count} rows: ${error.code ?? error.message}`);
        res.destroy();
        return;
      }
    }
    res.end(format === 'json' ? `],"count":${count}}` : '');
  }

  /** The route for server/index.mjs: returns true when it answered. */
  async function route(req, res, url) {
    const path = url.pathname;
    if (path !== '/join' && path !== '/join.csv' && path !== '/join.json') return false;
    const cors = path === '/join' ? corsHeaders(req) : {};
    try {
      if (path === '/join') {
        if (req.method === 'OPTIONS') {
          // Every origin gets its preflight: an origin that may not post then reads a plain 403
          // instead of a network error it would retry. Posts are checked by origin all the same.
          res.writeHead(204, {
            ...cors,
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': 'content-type, idempotency-key',
            'access-control-max-age': '600',
          });
          res.end();
          return true;
        }
        if (req.method !== 'POST') throw new HttpError(405, { error: 'method-not-allowed', message: 'Send submissions with POST.' }, { allow: 'POST, OPTIONS' });
        await receive(req, res, cors);
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, { error: 'method-not-allowed', message: 'Exports are read with GET.' }, { allow: 'GET' });
      await exportRows(req, res, path === '/join.json' ? 'json' : 'csv');
      return true;
    } catch (error) {
      if (error instanceof Abandoned) {
        stats.abandoned++; // the client is gone: nobody to answer, nothing to log
        return true;
      }
      if (res.headersSent) {
        res.destroy();
        return true;
      }
      if (!(error instanceof HttpError)) {
        log.error(error);
        send(res, 500, { error: 'internal-error', message: 'The receiver had an unexpected problem.' }, cors);
        return true;
      }
      send(res, error.status, error.body, { ...error.headers, ...cors });
      if (error.status === 413 && !req.complete) {
        // Discard the rest of the upload (up to a bound) so the client reads the answer.
        let drained = 0;
        req.on('data', (c) => {
          drained += c.length;
          if (drained > 1024 * 1024) req.destroy();
        });
        req.resume();
      }
      return true;
    }
  }

  return { route, store, options: opts, stats, close: () => store.close() };
}

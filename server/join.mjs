// The reference receiver for <maig-join-form>: POST /join validates with the form's own code
// (src/join-form/submission.js), stores in SQLite (better-sqlite3, a file on disk) and answers
// with a stable id; GET /join.csv and /join.json export for staff behind a bearer token.
//
// Environment (read by joinOptionsFromEnv):
//   MAIG_DB                 SQLite file (default server/data/join.sqlite; the folder is created)
//   MAIG_ALLOWED_ORIGINS    comma-separated site origins allowed to post (default: this server's own)
//   MAIG_EXPORT_TOKEN       token for the exports (Authorization: Bearer …); unset = exports off
//   MAIG_MAX_BODY           request body limit in bytes (default 16384)
//   MAIG_RATE_LIMIT         submissions per client address per window: "10/60" = 10 per 60 s
//   MAIG_MIN_FILL_MS        minimum time to fill the form (default 3000)
//   MAIG_TRUST_PROXY        "1" to take the client address from X-Forwarded-For (behind a proxy)
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import {
  MIN_FILL_MS,
  canonicalAnswers,
  isIdempotencyKey,
  spamReason,
  validateSubmission,
} from '../src/join-form/submission.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DB = join(here, 'data', 'join.sqlite');

/** Options from the environment (see the header of this file). */
export function joinOptionsFromEnv(env = process.env) {
  const [limit, windowS] = (env.MAIG_RATE_LIMIT ?? '10/60').split('/').map(Number);
  return {
    dbPath: env.MAIG_DB || DEFAULT_DB,
    allowedOrigins: (env.MAIG_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean),
    exportToken: env.MAIG_EXPORT_TOKEN || null,
    maxBody: Number(env.MAIG_MAX_BODY) || 16 * 1024,
    rateLimit: { limit: limit || 10, windowMs: (windowS || 60) * 1000 },
    minFillMs: env.MAIG_MIN_FILL_MS !== undefined ? Number(env.MAIG_MIN_FILL_MS) : MIN_FILL_MS,
    trustProxy: env.MAIG_TRUST_PROXY === '1',
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
`;

/** Opens (or creates) the store. */
export function openStore(dbPath) {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const insert = db.prepare(`INSERT INTO submissions
    (id, idempotency_key, answers_hash, received_at, name, role, city, state, email, phone, message, consent, origin)
    VALUES (@id, @key, @hash, @receivedAt, @name, @role, @city, @state, @email, @phone, @message, @consent, @origin)
    ON CONFLICT (idempotency_key) DO NOTHING`);
  const byKey = db.prepare('SELECT id, answers_hash AS hash, received_at AS receivedAt FROM submissions WHERE idempotency_key = ?');
  const all = db.prepare(`SELECT id, received_at AS receivedAt, name, role, city, state, email, phone, message, consent, origin
    FROM submissions ORDER BY received_at, rowid`);
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
    list: () => all.all().map((r) => ({ ...r, consent: r.consent === 1 })),
    close: () => db.close(),
  };
}

/** A token bucket per client address. */
export function createRateLimiter({ limit, windowMs }, now = () => Date.now()) {
  const buckets = new Map();
  const refillPerMs = limit / windowMs;
  return {
    /** Takes one token; returns 0 when allowed, else the seconds to wait. */
    take(address) {
      const t = now();
      if (buckets.size > 10_000) {
        for (const [a, b] of buckets) if (b.tokens + (t - b.at) * refillPerMs >= limit) buckets.delete(a);
      }
      const b = buckets.get(address) ?? { tokens: limit, at: t };
      b.tokens = Math.min(limit, b.tokens + (t - b.at) * refillPerMs);
      b.at = t;
      buckets.set(address, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / refillPerMs / 1000));
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

function send(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Reads the body up to `max` bytes; past that, a 413 (and the rest of the upload is discarded). */
function readBody(req, max) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const tooLarge = () =>
      new HttpError(413, { error: 'too-large', message: `The submission is too large: the limit is ${max} bytes.` }, { connection: 'close' });
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
    req.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
  });
}

/** Parses a JSON or form-encoded body into a plain object. */
function parseBody(type, text) {
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
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
    return data;
  }
  throw new HttpError(415, { error: 'unsupported-type', message: 'Send the submission as application/json or application/x-www-form-urlencoded.' });
}

const CSV_COLUMNS = ['id', 'receivedAt', 'name', 'role', 'city', 'state', 'email', 'phone', 'message', 'consent', 'origin'];

/** One CSV cell; a leading = + - @ is neutralized so a spreadsheet never runs it as a formula. */
function csvCell(v) {
  let s = v == null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const sha = (s) => createHash('sha256').update(s).digest();

/**
 * The receiver. `route` plugs into server/index.mjs's `routes`; `close()` closes the database.
 * @param {ReturnType<typeof joinOptionsFromEnv>} options
 */
export function createJoinReceiver(options = joinOptionsFromEnv()) {
  const opts = { ...joinOptionsFromEnv({}), ...options };
  const store = openStore(opts.dbPath);
  const limiter = createRateLimiter(opts.rateLimit);
  // Wrong export tokens: 10 per 10 minutes per address, so the token cannot be guessed by brute force.
  const tokenLimiter = createRateLimiter({ limit: 10, windowMs: 10 * 60_000 });
  const allowed = new Set(opts.allowedOrigins);

  const clientAddress = (req) => {
    if (opts.trustProxy) {
      const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim();
      if (forwarded) return forwarded;
    }
    return req.socket.remoteAddress ?? 'unknown';
  };

  /** CORS: the origin's headers when it may post, null when it may not. No Origin (not a browser): allowed. */
  const cors = (req) => {
    const origin = req.headers.origin;
    if (!origin) return {};
    const own = `http://${req.headers.host}`;
    const ownTls = `https://${req.headers.host}`;
    const ok = allowed.size ? allowed.has(origin) : origin === own || origin === ownTls;
    if (!ok) return null;
    return { 'access-control-allow-origin': origin, vary: 'Origin' };
  };

  const checkToken = (req) => {
    if (!opts.exportToken) {
      throw new HttpError(403, { error: 'export-disabled', message: 'Exports are off: set MAIG_EXPORT_TOKEN on the server to turn them on.' });
    }
    const header = String(req.headers.authorization ?? '');
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) {
      throw new HttpError(401, { error: 'unauthorized', message: 'Send the export token as "Authorization: Bearer TOKEN".' }, { 'www-authenticate': 'Bearer realm="maig-join"' });
    }
    if (!timingSafeEqual(sha(match[1].trim()), sha(opts.exportToken))) {
      throw new HttpError(403, { error: 'forbidden', message: 'The export token is not right.' });
    }
  };

  async function receive(req, res) {
    const corsHeaders = cors(req);
    if (corsHeaders === null) {
      throw new HttpError(403, { error: 'origin-not-allowed', message: `This receiver does not accept submissions from ${req.headers.origin}.` });
    }
    const wait = limiter.take(clientAddress(req));
    if (wait) {
      throw new HttpError(429, { error: 'rate-limited', message: `Too many submissions from this network. Try again in ${wait} seconds.`, retryAfter: wait }, { 'retry-after': String(wait), ...corsHeaders });
    }
    let text;
    try {
      text = await readBody(req, opts.maxBody);
    } catch (error) {
      if (error instanceof HttpError) error.headers = { ...error.headers, ...corsHeaders };
      throw error;
    }
    try {
      const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      const input = parseBody(type, text);
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
        throw new HttpError(400, { error: 'invalid', message: 'Some answers need fixing.', fields: result.errors });
      }
      const saved = store.save(key, result.value, req.headers.origin ?? null);
      if (saved.conflict) {
        throw new HttpError(409, { error: 'conflict', message: 'This idempotency key was already used for a different submission. Send a new one.' });
      }
      send(res, saved.created ? 201 : 200, { ok: true, id: saved.id, receivedAt: saved.receivedAt, duplicate: !saved.created }, corsHeaders);
    } catch (error) {
      if (error instanceof HttpError) error.headers = { ...error.headers, ...corsHeaders };
      throw error;
    }
  }

  function exportRows(req, res, format) {
    try {
      checkToken(req);
    } catch (error) {
      const wait = error.status === 403 && opts.exportToken ? tokenLimiter.take(clientAddress(req)) : 0;
      if (wait) throw new HttpError(429, { error: 'rate-limited', message: `Too many wrong tokens. Try again in ${wait} seconds.`, retryAfter: wait }, { 'retry-after': String(wait) });
      throw error;
    }
    const rows = store.list();
    if (format === 'json') {
      send(res, 200, { count: rows.length, submissions: rows });
      return;
    }
    const csv = [CSV_COLUMNS, ...rows.map((r) => CSV_COLUMNS.map((c) => r[c]))].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="maig-join.csv"',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(csv),
    });
    res.end(csv);
  }

  /** The route for server/index.mjs: returns true when it answered. */
  async function route(req, res, url) {
    const path = url.pathname;
    if (path !== '/join' && path !== '/join.csv' && path !== '/join.json') return false;
    try {
      if (path === '/join') {
        if (req.method === 'OPTIONS') {
          const headers = cors(req);
          if (headers === null) throw new HttpError(403, { error: 'origin-not-allowed', message: `This receiver does not accept submissions from ${req.headers.origin}.` });
          res.writeHead(204, {
            ...headers,
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': 'content-type, idempotency-key',
            'access-control-max-age': '600',
          });
          res.end();
          return true;
        }
        if (req.method !== 'POST') throw new HttpError(405, { error: 'method-not-allowed', message: 'Send submissions with POST.' }, { allow: 'POST, OPTIONS' });
        await receive(req, res);
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, { error: 'method-not-allowed', message: 'Exports are read with GET.' }, { allow: 'GET' });
      exportRows(req, res, path === '/join.json' ? 'json' : 'csv');
      return true;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      send(res, error.status, error.body, error.headers);
      if (error.status === 413) {
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

  return { route, store, options: opts, close: () => store.close() };
}


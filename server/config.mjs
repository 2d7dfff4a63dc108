// Every environment variable the server reads, in one place. `configFromEnv()` gives the config
// object that createReceiver (server/receiver.mjs) hands to each room; a room reads its own
// section (`config.join`, `config.mail`, …) and the shared top-level entries. Tests and scripts
// pass overrides to createReceiver instead of setting variables (see mergeConfig).
//
// With no variable set the receiver works: SQLite in server/data/join.sqlite, mail off,
// exports off, only this server's own origin may post.
import { DEFAULT_SQLITE } from './store/db.mjs';

/** A person cannot read and fill the join form faster than this (milliseconds). */
export const DEFAULT_MIN_FILL_MS = 3000;

const list = (v) =>
  String(v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** "1" = one proxy, "true"/"yes" = one, a number up to 10; anything else: none. */
function proxies(v) {
  const proxy = String(v ?? '').trim().toLowerCase();
  return /^\d+$/.test(proxy) ? Math.min(Number(proxy), 10) : proxy === 'true' || proxy === 'yes' ? 1 : 0;
}

/** The config from the environment. */
export function configFromEnv(env = process.env) {
  const [limit, windowS] = String(env.MAIG_RATE_LIMIT ?? '10/60').split('/').map(Number);
  return {
    // Where `npm start` listens.
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    // The store: PostgreSQL when DATABASE_URL is set, else the SQLite file MAIG_DB.
    databaseUrl: env.DATABASE_URL || null,
    sqlitePath: env.MAIG_DB || DEFAULT_SQLITE,
    // Behind N proxies ("1" = one): the client address is the entry the nearest proxy appended
    // to X-Forwarded-For (the Nth from the right), never the first.
    trustProxy: proxies(env.MAIG_TRUST_PROXY),
    // The receiver's public address (links in mails), e.g. https://join.example.org; no trailing /.
    publicUrl: (env.MAIG_PUBLIC_URL || '').replace(/\/+$/, '') || null,
    // Console for start-up notes, warnings and unexpected errors.
    log: console,

    join: {
      // Site origins allowed to post (none: this server's own origin only).
      allowedOrigins: list(env.MAIG_ALLOWED_ORIGINS).map((s) => s.replace(/\/$/, '')),
      // Token for GET /join.csv and /join.json (Authorization: Bearer …), at least 24 characters; unset = off.
      exportToken: env.MAIG_EXPORT_TOKEN || null,
      // Submission size limit in bytes, counted decoded (JSON and form-encoded alike).
      maxBody: Number(env.MAIG_MAX_BODY) || 16 * 1024,
      // Submissions per client address per window: "10/60" = 10 per 60 s.
      rateLimit: { limit: limit || 10, windowMs: (windowS || 60) * 1000 },
      // Minimum time between the form fetching its challenge and sending it (ms), measured by the server.
      minFillMs: env.MAIG_MIN_FILL_MS !== undefined && env.MAIG_MIN_FILL_MS !== '' ? Number(env.MAIG_MIN_FILL_MS) : DEFAULT_MIN_FILL_MS,
      // Secret that signs the fill-time challenges (any long random text). Unset: a random one at
      // each start (a form opened before a restart then fetches a new challenge when it sends).
      challengeSecret: env.MAIG_CHALLENGE_SECRET || null,
    },

    mail: {
      smtpUrl: env.MAIG_SMTP_URL || null,
      from: env.MAIG_MAIL_FROM || null,
      staffNotify: list(env.MAIG_STAFF_NOTIFY),
    },

    staff: {},

    publish: {
      feedDir: env.MAIG_FEED_DIR || null,
      command: env.MAIG_PUBLISH_COMMAND || null,
    },
  };
}

/**
 * The config with overrides: top-level entries replace, section objects (join, mail, staff,
 * publish, …) merge one level deep. `createReceiver({ sqlitePath, join: { exportToken } })`.
 */
export function mergeConfig(base, overrides = {}) {
  const out = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const isSection = value && typeof value === 'object' && !Array.isArray(value) && base[key] && typeof base[key] === 'object' && key !== 'log';
    out[key] = isSection ? { ...base[key], ...value } : value;
  }
  return out;
}

// The join room: POST /join takes a submission from <maig-join-form> (validated with the form's
// own code, src/common/submission.js), GET /join/challenge gives the form its fill-time
// challenge, GET /join.csv and /join.json export for scripts behind a bearer token.
// Its table: submissions (./migrations.mjs). After a new submission is stored it calls
// `hooks.onSubmitted(submission)` (the mail room queues the confirmation), then answers 201.
import { HttpError } from '../http/errors.mjs';
import { answerError, sendPrivateJson } from '../http/answer.mjs';
import { Abandoned, RAW_FACTOR, decodedSize, parseBody, readBody, tooLargeError } from '../http/body.mjs';
import { clientAddress, corsHeaders, originAllowed } from '../http/client.mjs';
import { HONEYPOT_FIELD, isIdempotencyKey, validateSubmission } from '../../src/common/submission.js';
import { createChallenges } from './challenge.mjs';
import { checkToken, checkTokenLength, exportSubmissions } from './export.mjs';
import { migrations } from './migrations.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { loadPrinciples, storedLang } from './signature.mjs';
import { getSubmission, listSubmissions, pageSubmissions, saveSubmission } from './submissions.mjs';

const PATHS = new Set(['/join', '/join/challenge', '/join.csv', '/join.json']);

/**
 * @param {{ db: import('../store/db.mjs').Db, config: ReturnType<typeof import('../config.mjs').configFromEnv>,
 *   log: Console, hooks: { onSubmitted(submission: object): Promise<void> } }} shared
 */
export function createJoinRoom({ db, config, log, hooks }) {
  const opts = config.join;
  checkTokenLength(opts.exportToken);
  const trustProxy = config.trustProxy;
  const principles = loadPrinciples();
  const challenges = createChallenges({ secret: opts.challengeSecret, minFillMs: opts.minFillMs, now: opts.now });
  const limiter = createRateLimiter(opts.rateLimit);
  // Wrong export tokens: 10 per 10 minutes per address, so the token cannot be guessed by brute force.
  const tokenLimiter = createRateLimiter({ limit: 10, windowMs: 10 * 60_000 });
  const allowed = new Set(opts.allowedOrigins);
  const stats = { abandoned: 0 };

  const refuse = (reason, retryAfter) =>
    new HttpError(400, {
      error: 'rejected',
      reason,
      message: 'This submission looks automated (it was sent too fast, or a hidden field was filled in). Wait a few seconds and send it again.',
      ...(retryAfter ? { retryAfter } : {}),
    });

  /** POST /join: checks and saves one submission. */
  async function receive(req, res, cors) {
    if (!originAllowed(req, allowed)) {
      throw new HttpError(403, { error: 'origin-not-allowed', message: `This receiver does not accept submissions from ${req.headers.origin}.` });
    }
    const wait = limiter.take(clientAddress(req, trustProxy));
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
    const trap = input[HONEYPOT_FIELD];
    if (trap !== undefined && trap !== null && String(trap).trim() !== '') throw refuse('honeypot');
    // The fill time as this server measured it (the client's own elapsedMs is not trusted).
    if (opts.minFillMs > 0) {
      const failed = challenges.check(input.challenge);
      if (failed) throw refuse(failed.reason, Math.max(1, Math.ceil(failed.waitMs / 1000)));
    }
    const result = validateSubmission(input);
    if (!result.ok) {
      throw new HttpError(400, { error: 'invalid', message: 'Some answers need fixing.', fields: { ...result.errors }, codes: { ...result.codes } });
    }
    const version = input.principlesVersion == null || input.principlesVersion === '' ? 'current' : String(input.principlesVersion);
    if (!principles.has(version)) {
      throw new HttpError(400, { error: 'unknown-principles', message: `There is no Statement of Principles "${version.slice(0, 40)}" to sign.` });
    }
    const saved = await saveSubmission(db, {
      key,
      value: result.value,
      origin: req.headers.origin ?? null,
      lang: storedLang(input.lang),
      principlesVersion: version,
      principlesHash: principles.get(version),
    });
    if (saved.conflict) {
      throw new HttpError(409, { error: 'conflict', message: 'This idempotency key was already used for a different submission. Send a new one.' });
    }
    const { submission } = saved;
    if (saved.created) await hooks.onSubmitted(submission);
    sendPrivateJson(res, saved.created ? 201 : 200, { ok: true, id: submission.id, receivedAt: submission.receivedAt, duplicate: !saved.created }, cors);
  }

  /** The route for the receiver: returns true when it answered. */
  async function route(req, res, url) {
    const path = url.pathname;
    if (!PATHS.has(path)) return false;
    const exporting = path === '/join.csv' || path === '/join.json';
    const cors = exporting ? {} : corsHeaders(req);
    try {
      if (path === '/join/challenge') {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          throw new HttpError(405, { error: 'method-not-allowed', message: 'Fetch a challenge with GET.' }, { allow: 'GET' });
        }
        sendPrivateJson(res, 200, { challenge: challenges.issue(), minFillMs: opts.minFillMs }, cors);
      } else if (path === '/join') {
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
      } else {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, { error: 'method-not-allowed', message: 'Exports are read with GET.' }, { allow: 'GET' });
        checkToken(req, { exportToken: opts.exportToken, tokenLimiter, trustProxy });
        await exportSubmissions(req, res, { db, format: path === '/join.json' ? 'json' : 'csv', log });
      }
    } catch (error) {
      if (error instanceof Abandoned) {
        stats.abandoned++; // the client is gone: nobody to answer, nothing to log
        return true;
      }
      answerError(res, error, { log, headers: cors });
    }
    return true;
  }

  return {
    migrations,
    route,
    /** Warns once at start when the store cannot be written (submissions then get 503 until it can). */
    async start() {
      const problem = await db.canWrite();
      if (problem) log.warn(`join receiver: the database ${db.describe()} cannot be written now (${problem}); submissions get 503 until it can.`);
    },
    options: opts,
    stats,
    challenges,
    principles,
    /** One submission by id (camelCase fields), or undefined. */
    get: (id) => getSubmission(db, id),
    /** Every submission, oldest first. */
    list: () => listSubmissions(db),
    /** A page of submissions, oldest first: `{ rows, next }`. */
    page: (cursor) => pageSubmissions(db, cursor),
  };
}

// Shared set-up of the join receiver tests (join-receiver, join-hardening, join-breaks): a
// submission the receiver accepts, and a receiver served by the reference server over real HTTP
// on port 0.
import { randomUUID } from 'node:crypto';
import { start } from '../../../server/index.mjs';
import { createReceiver } from '../../../server/receiver.mjs';
import { createChallenges } from '../../../server/join/challenge.mjs';

/** The secret the test receivers sign their fill-time challenges with. */
export const CHALLENGE_SECRET = 'test-challenge-secret-0123456789abcdef';
const challenges = createChallenges({ secret: CHALLENGE_SECRET, minFillMs: 0 });

/** A challenge as the receiver would have issued it `ago` ms back (a form shown that long ago). */
export const challengeFrom = (ago = 12_000) => challenges.issue(Date.now() - ago);

/** A valid submission with a fresh idempotency key; `over` replaces or adds fields. */
export const valid = (over = {}) => ({
  name: 'Ada Lovelace',
  role: 'mayor',
  city: 'Newark',
  state: 'NJ',
  email: 'mayor@newark.example.gov',
  phone: '',
  message: 'We are in.',
  consent: true,
  idempotencyKey: randomUUID(),
  challenge: challengeFrom(),
  elapsedMs: 12_000,
  website: '',
  ...over,
});

/** A log that keeps its lines: `{ log, lines: { warn: [], error: [] } }`. */
export const quiet = () => {
  const lines = { warn: [], error: [], info: [] };
  return {
    lines,
    log: {
      info: (m) => lines.info.push(String(m)),
      warn: (m) => lines.warn.push(String(m)),
      error: (m) => lines.error.push(String(m?.stack ?? m)),
    },
  };
};

/**
 * createReceiver(options) (a rate limit of 1000 a minute and the test challenge secret unless
 * `options.join` sets them; a quiet log unless options.log) behind
 * start({ port: 0, routes: [...routes, receiver.route], limits }). `options` is the receiver's
 * config (server/config.mjs): pass the store's `{ databaseUrl, sqlitePath }`.
 * `post(body, headers)` sends JSON to /join; with `keyHeader` it also sends the body's
 * idempotencyKey as the Idempotency-Key header. `close()` stops the server, then the receiver.
 * @param {{ options?: object, limits?: object, routes?: Function[], keyHeader?: boolean }} setup
 */
export async function serve({ options = {}, limits = {}, routes = [], keyHeader = false } = {}) {
  const receiver = await createReceiver(
    {
      log: quiet().log,
      ...options,
      join: { rateLimit: { limit: 1000, windowMs: 60_000 }, challengeSecret: CHALLENGE_SECRET, ...options.join },
    },
    { env: {} },
  );
  const { server, url, close } = await start({ port: 0, routes: [...routes, receiver.route], limits });
  return {
    url,
    server,
    receiver,
    /** Every stored row, as the table holds it (snake_case), oldest first. */
    rows: () => receiver.db.query('SELECT * FROM submissions ORDER BY received_at, id'),
    post: (body, headers = {}) =>
      fetch(`${url}join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(keyHeader && body.idempotencyKey ? { 'idempotency-key': body.idempotencyKey } : {}), ...headers },
        body: JSON.stringify(body),
      }),
    close: async () => {
      await close();
      await receiver.close();
    },
  };
}

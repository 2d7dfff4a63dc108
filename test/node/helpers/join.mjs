// Shared set-up of the join receiver tests (join-receiver, join-hardening): a submission the
// receiver accepts, and a receiver served by the reference server over real HTTP on port 0.
import { randomUUID } from 'node:crypto';
import { start } from '../../../server/index.mjs';
import { createJoinReceiver } from '../../../server/join.mjs';

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
  elapsedMs: 12_000,
  website: '',
  ...over,
});

/**
 * createJoinReceiver(options) (a rate limit of 1000 a minute unless options set one) behind
 * start({ port: 0, routes: [...routes, receiver.route], limits }).
 * `post(body, headers)` sends JSON to /join; with `keyHeader` it also sends the body's
 * idempotencyKey as the Idempotency-Key header. `close()` stops the server, then the receiver.
 * @param {{ options?: object, limits?: object, routes?: Function[], keyHeader?: boolean }} setup
 */
export async function serve({ options = {}, limits = {}, routes = [], keyHeader = false } = {}) {
  const receiver = createJoinReceiver({ rateLimit: { limit: 1000, windowMs: 60_000 }, ...options });
  const { server, url, close } = await start({ port: 0, routes: [...routes, receiver.route], limits });
  return {
    url,
    server,
    receiver,
    post: (body, headers = {}) =>
      fetch(`${url}join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(keyHeader && body.idempotencyKey ? { 'idempotency-key': body.idempotencyKey } : {}), ...headers },
        body: JSON.stringify(body),
      }),
    close: async () => {
      await close();
      receiver.close();
    },
  };
}

// The minimum fill time, measured by the server. When the form is shown it fetches a challenge
// (GET /join/challenge): the time it was issued, a nonce, and an HMAC of both with the server's
// secret. The form sends it back with the answers; the receiver checks the HMAC and measures the
// time since it was issued itself. No cookie, no third party, nothing stored; a script that
// claims it took 9 seconds is not believed: it has to wait them.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A challenge older than this is refused (the form then fetches a new one). */
export const CHALLENGE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * `issue()` → a challenge token; `check(token)` → null when it is good and old enough, else
 * `{ reason: 'no-challenge' | 'bad-challenge' | 'expired' | 'too-fast', waitMs }`.
 * @param {{ secret?: string | null, minFillMs: number, now?: () => number }} options
 */
export function createChallenges({ secret = null, minFillMs, now = () => Date.now() }) {
  const key = secret ? Buffer.from(String(secret)) : randomBytes(32);
  const mac = (text) => createHmac('sha256', key).update(text).digest('base64url');
  return {
    minFillMs,
    issue(at = now()) {
      const body = `${Math.floor(at).toString(36)}.${randomBytes(9).toString('base64url')}`;
      return `${body}.${mac(body)}`;
    },
    check(token) {
      if (typeof token !== 'string' || !token) return { reason: 'no-challenge', waitMs: minFillMs };
      const parts = token.split('.');
      if (parts.length !== 3 || token.length > 200) return { reason: 'bad-challenge', waitMs: minFillMs };
      const [time, nonce, given] = parts;
      const expected = Buffer.from(mac(`${time}.${nonce}`));
      const got = Buffer.from(given);
      if (got.length !== expected.length || !timingSafeEqual(got, expected)) return { reason: 'bad-challenge', waitMs: minFillMs };
      const elapsed = now() - parseInt(time, 36);
      if (!(elapsed >= 0) || elapsed > CHALLENGE_MAX_AGE_MS) return { reason: 'expired', waitMs: minFillMs };
      if (elapsed < minFillMs) return { reason: 'too-fast', waitMs: minFillMs - elapsed };
      return null;
    },
  };
}

// A token bucket per client address (join posts, export tokens, staff sign-in), holding at most
// `maxAddresses` buckets: past that the bucket used longest ago goes (a Map keeps insertion
// order, so that costs O(1), never a sweep).

/** `take(address)` → 0 when allowed, else the seconds to wait; `wait(address)` checks without taking. */
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

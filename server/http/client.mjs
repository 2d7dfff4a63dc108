// Who is asking: the client address (behind `trustProxy` proxies, the one the nearest proxy
// appended to X-Forwarded-For, never a forged first entry) and CORS for cross-origin answers.

/** The client's address; `trustProxy` = how many proxies are in front of this server (0: none). */
export function clientAddress(req, trustProxy = 0) {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return socketAddress;
  // Each proxy appends the address it got the request from: the entry the nearest trusted proxy
  // wrote is the Nth from the right. Entries left of it are whatever the client sent.
  const entries = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return entries[entries.length - trustProxy] ?? entries[0] ?? socketAddress;
}

/**
 * CORS headers for an answer a page on another origin must be able to read (4xx and 5xx too):
 * the request's own origin, never `*` with credentials.
 */
export function corsHeaders(req) {
  const origin = req.headers.origin;
  return origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

/**
 * True when this request's origin may post: one of `allowed` (a Set of origins), or with none
 * listed this server's own origin. No Origin header (not a browser): allowed.
 */
export function originAllowed(req, allowed) {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.size) return allowed.has(origin);
  return origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`;
}

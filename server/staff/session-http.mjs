// The staff session on the wire: the cookie (HttpOnly, Secure except for a local http address,
// SameSite=Strict, Path=/staff), the same-origin check and the CSRF header on every request that
// changes something.
import { HttpError } from '../http/errors.mjs';
import { csrfMatches, findSession, SESSION_MS } from './accounts.mjs';

export const COOKIE = 'maig_staff';
export const CSRF_HEADER = 'x-csrf-token';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The request's own origin: MAIG_PUBLIC_URL when set (never the Host header then), else the Host over http(s). */
export function requestOrigin(req, publicUrl) {
  if (publicUrl) return new URL(publicUrl).origin;
  const proto = req.socket?.encrypted ? 'https' : 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}

/** Secure cookies everywhere except a plain-http address on this machine (127.0.0.1/localhost), where a browser would drop them. */
export function secureCookie(req, publicUrl) {
  const origin = new URL(requestOrigin(req, publicUrl));
  return !(origin.protocol === 'http:' && LOCAL_HOSTS.has(origin.hostname));
}

export function sessionCookie(req, publicUrl, id) {
  const secure = secureCookie(req, publicUrl) ? '; Secure' : '';
  return id === null
    ? `${COOKIE}=; HttpOnly${secure}; SameSite=Strict; Path=/staff; Max-Age=0`
    : `${COOKIE}=${id}; HttpOnly${secure}; SameSite=Strict; Path=/staff; Max-Age=${SESSION_MS / 1000}`;
}

export function readCookie(req, name = COOKIE) {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * Refuses a request that changes something from another site: a browser sends Origin on every
 * POST, and it must be this server's. (SameSite=Strict keeps the cookie off it too.)
 */
export function checkOrigin(req, publicUrl) {
  const origin = req.headers.origin;
  if (!origin) return;
  // Without MAIG_PUBLIC_URL the Host is all there is; behind a proxy that ends TLS the browser's
  // Origin is https while this server sees http, so either scheme goes with that host.
  const own = publicUrl ? [new URL(publicUrl).origin] : [`http://${req.headers.host}`, `https://${req.headers.host}`];
  if (!own.includes(origin)) {
    throw new HttpError(403, { error: 'cross-site', message: 'Requests to the staff console must come from the console itself.' });
  }
}

/** The signed-in session, or a 401. With `change`, the CSRF token must match too (else a 403). */
export async function requireSession(db, req, { change = false, publicUrl, now } = {}) {
  const session = await findSession(db, readCookie(req), { now });
  if (!session) throw new HttpError(401, { error: 'signed-out', message: 'You are signed out. Sign in again to go on.' });
  if (change) {
    checkOrigin(req, publicUrl);
    if (!csrfMatches(session, req.headers[CSRF_HEADER])) {
      throw new HttpError(403, { error: 'bad-csrf-token', message: 'This page is out of date. Reload it and try again.' });
    }
  }
  return session;
}

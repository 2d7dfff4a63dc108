// The staff room: accounts (scripts/staff.mjs), sessions, CSRF, lockout, the audit log, the JSON
// API under /staff/api/ (./api.mjs) and the console itself at /staff/ (built from src/staff/ into
// dist/staff/ by `npm run build`), served under a strict Content-Security-Policy.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError } from '../http/errors.mjs';
import { sendJson } from '../send-json.mjs';
import { serveFile } from '../static.mjs';
import { STAFF_MIGRATIONS, LOCKOUT } from './accounts.mjs';
import { createStaffApi } from './api.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The console's policy: its own scripts only, no inline code or style, no framing, Trusted Types on. */
export const STAFF_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const PAGE_HEADERS = {
  'content-security-policy': STAFF_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Staff console · Mayors Against Illegal Guns</title>
<script type="module" src="/staff/app/staff/console.js"></script>
</head>
<body>
<maig-staff-console><p>Loading the staff console…</p><noscript><p>The staff console needs JavaScript turned on.</p></noscript></maig-staff-console>
</body>
</html>
`;

const send = (res, status, body, headers = {}) => sendJson(res, status, body, { 'cache-control': 'no-store', ...headers });

/** The request's JSON body (at most `max` bytes). */
function readJson(req, max = 16 * 1024) {
  return new Promise((resolve, reject) => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      reject(new HttpError(415, { error: 'unsupported-type', message: 'Send JSON (application/json).' }));
      return;
    }
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, { error: 'too-large', message: 'The request is too large.' }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > max) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text.trim()) return resolve({});
      try {
        const value = JSON.parse(text);
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
        resolve(value);
      } catch {
        reject(new HttpError(400, { error: 'bad-json', message: 'The request is not a JSON object.' }));
      }
    });
    req.on('error', reject);
  });
}

/** The client's address: the socket's, or behind `trustProxy` proxies the entry the nearest one appended to X-Forwarded-For. */
function addressOf(req, trustProxy) {
  if (trustProxy > 0) {
    const hops = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length >= trustProxy) return hops[hops.length - trustProxy];
  }
  return req.socket?.remoteAddress ?? 'unknown';
}

/**
 * @param {{ db: import('../store/db.mjs').Db, config: object, log: Console, rooms: Record<string, any> }} shared
 */
export function createStaffRoom({ db, config, log, rooms }) {
  const staff = config.staff ?? {};
  const distDir = staff.distDir ?? join(root, 'dist');
  const api = createStaffApi({
    db,
    publisher: () => rooms.publish ?? null,
    mail: () => rooms.mail ?? null,
    exportRows: async (req, res, format) => {
      if (!rooms.join?.exportRows) throw new HttpError(503, { error: 'export-off', message: 'The export is not available on this server.' });
      await rooms.join.exportRows(req, res, format);
    },
    readJson,
    clientAddress: (req) => addressOf(req, config.trustProxy ?? 0),
    send,
    membersCsv: staff.membersCsv ?? join(root, 'data', 'members.csv'),
    publicUrl: config.publicUrl ?? null,
    lockout: staff.lockout ?? LOCKOUT,
    now: staff.now ?? (() => Date.now()),
  });

  async function route(req, res, url) {
    const path = url.pathname;
    if (path !== '/staff' && !path.startsWith('/staff/')) return false;
    try {
      if (path.startsWith('/staff/api/')) return await api(req, res, url);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (!res.headersSent) send(res, error.status, error.body, error.headers);
      else res.destroy();
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { error: 'method-not-allowed', message: 'Use GET.' }, { allow: 'GET, HEAD' });
      return true;
    }
    if (path === '/staff') {
      res.writeHead(308, { location: '/staff/' });
      res.end();
      return true;
    }
    if (path === '/staff/' || path === '/staff/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(PAGE), ...PAGE_HEADERS });
      res.end(req.method === 'HEAD' ? undefined : PAGE);
      return true;
    }
    // The console's script and the shared chunks it imports, from the build.
    const asset = /^\/staff\/app\/((?:staff|chunks)\/[\w.-]+\.js(?:\.map)?)$/.exec(path);
    if (asset && serveFile(req, res, distDir, asset[1], { 'x-content-type-options': 'nosniff' })) return true;
    if (asset) log.warn?.(`staff: ${asset[1]} is missing from ${distDir}: run npm run build`);
    send(res, 404, { error: 'not-found', message: 'There is no such page in the staff console.' });
    return true;
  }

  return { migrations: STAFF_MIGRATIONS, route, api };
}

// The staff room: accounts (scripts/staff.mjs), sessions, CSRF, lockout, the audit log, the JSON
// API under /staff/api/ (./api.mjs) and the console itself at /staff/ (built from src/staff/ into
// dist/staff/ by `npm run build`), served under a strict Content-Security-Policy.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerError, sendPrivateJson as send } from '../http/answer.mjs';
import { Abandoned, readBody } from '../http/body.mjs';
import { clientAddress } from '../http/client.mjs';
import { HttpError } from '../http/errors.mjs';
import { exportSubmissions } from '../join/export.mjs';
import { serveFile } from '../static.mjs';
import { STAFF_MIGRATIONS, LOCKOUT } from './accounts.mjs';
import { createStaffApi } from './api.mjs';

const MAX_BODY = 16 * 1024;
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
<link rel="icon" href="data:,">
<title>Staff console · Mayors Against Illegal Guns</title>
<script type="module" src="/staff/app/staff/console.js"></script>
</head>
<body>
<maig-staff-console><p>Loading the staff console…</p><noscript><p>The staff console needs JavaScript turned on.</p></noscript></maig-staff-console>
</body>
</html>
`;

/** The request's JSON body: an object (a placement may nest one level), at most 16 KB. */
async function readJson(req) {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw new HttpError(415, { error: 'unsupported-type', message: 'Send JSON (application/json).' });
  }
  const text = await readBody(req, MAX_BODY);
  if (!text.trim()) return {};
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, { error: 'bad-json', message: 'The request is not valid JSON.' });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, { error: 'bad-json', message: 'The request must be a JSON object.' });
  return value;
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
    exportRows: (req, res, format) => exportSubmissions(req, res, { db, format, log }),
    readJson,
    clientAddress: (req) => clientAddress(req, config.trustProxy ?? 0),
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
      if (error instanceof Abandoned) return true;
      answerError(res, error, { log });
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

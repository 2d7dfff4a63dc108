// Serves the published feed at the address the widgets read (/dist/feed/v1/…) once a feed has
// been published; before that the route lets the built feed in dist/ answer as before.
//
// Cache policy (every widget shows a change within 5 minutes):
//   Cache-Control: public, max-age=60, stale-while-revalidate=180
// A browser or CDN uses its copy for at most 60 s, then may show it for 180 s more while it asks
// again in the background: a copy is never shown more than 4 minutes after it was fetched, which
// leaves a minute for a publish and a slow network. Every answer carries an ETag (the feed's
// version: any change to any file gives a new one) and Last-Modified (when it was published), so
// asking again costs a 304 with no body. The widgets' own kept copy (localStorage) is read only
// when the network fails, and is then marked stale: it never hides a change.
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { currentFolder } from './folders.mjs';

export const FEED_PREFIX = '/dist/feed/v1/';
export const FEED_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=180';

const TYPES = { '.json': 'application/json; charset=utf-8' };

/** What one published folder serves: its files (read once: a folder never changes), version, time. */
function loadFolder(dir) {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const modified = statSync(join(dir, 'index.json')).mtime;
  modified.setMilliseconds(0);
  return { dir, version: index.version, etag: `"${index.version}"`, lastModified: modified.toUTCString(), modifiedMs: modified.getTime(), files: new Map() };
}

/** Does an If-None-Match header list this ETag (weak or strong, or `*`)? */
function matches(header, etag) {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** A route for createApp: answers GET/HEAD under /dist/feed/v1/ from the current published feed. */
export function createFeedRoute(feedRoot, { log = console } = {}) {
  let folder = null;
  return function feedRoute(req, res, url) {
    if (!url.pathname.startsWith(FEED_PREFIX)) return false;
    const dir = currentFolder(feedRoot);
    if (!dir) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    try {
      if (folder?.dir !== dir) folder = loadFolder(dir);
    } catch (error) {
      log.error?.(`publish: the published feed ${dir} cannot be read (${error.code ?? error.message}); serving the built feed`);
      return false;
    }
    let rel;
    try {
      rel = normalize(decodeURIComponent(url.pathname.slice(FEED_PREFIX.length)) || 'index.json');
    } catch {
      return false;
    }
    if (rel.startsWith('..') || rel.includes('\0') || rel.startsWith(sep)) return false;
    let body = folder.files.get(rel);
    if (!body) {
      try {
        body = readFileSync(join(dir, rel));
      } catch {
        const text = JSON.stringify({ error: 'not-found', message: 'This feed has no such file.' });
        res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' });
        res.end(req.method === 'HEAD' ? undefined : text);
        return true;
      }
      folder.files.set(rel, body);
    }
    const headers = {
      'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
      'cache-control': FEED_CACHE_CONTROL,
      etag: folder.etag,
      'last-modified': folder.lastModified,
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    };
    const inm = req.headers['if-none-match'];
    const ims = Date.parse(req.headers['if-modified-since'] ?? '');
    if (inm ? matches(inm, folder.etag) : Number.isFinite(ims) && folder.modifiedMs <= ims) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

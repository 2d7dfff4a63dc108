// Demo-only routes of the reference server: a join receiver that is always down, a slow copy of
// the feed and a broken one, so the demo pages can show the widgets' loading and error states.
import { join } from 'node:path';
import { sendJson } from './http/answer.mjs';
import { serveFile } from './static.mjs';

/** Waits `ms`, or less if the client goes away; resolves true when the client is still there. */
const waitFor = (req, ms) =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    req.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });

/** The demo's route: `root` is the project folder (dist/feed/v1 is served slowly from it). */
export function createDemoRoute({ root }) {
  return async (req, res, url) => {
    const path = url.pathname;
    // A join receiver that is always down, for the join form's failure state in the demo.
    if (path === '/demo/join/unavailable') {
      sendJson(res, 503, { error: 'unavailable', message: 'The demo receiver is down on purpose.' }, { 'retry-after': '30', 'cache-control': 'no-store' });
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path.startsWith('/demo/feeds/slow/')) {
      if (!(await waitFor(req, Number(url.searchParams.get('ms') ?? 6000)))) return true;
      return serveFile(req, res, join(root, 'dist/feed/v1'), path.slice('/demo/feeds/slow'.length));
    }
    if (path.startsWith('/demo/feeds/broken/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"schemaVersion": 1, "this is": not JSON');
      return true;
    }
    return false;
  };
}

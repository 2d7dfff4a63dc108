#!/usr/bin/env node
// The reference server: serves the demo, the built widgets and the default feed (and, from the
// join-form issue on, receives join submissions). `npm start` builds first, then runs this.
// PORT (default 8080) and HOST (default 127.0.0.1) choose where it listens.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveFile } from './static.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A strict policy, as a careful city site would send: no inline script or style, Trusted Types on. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Waits `ms`, or less if the client goes away; resolves true when the client is still there. */
const waitFor = (req, ms) =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    req.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });

/** Builds the request handler; `routes` may answer first (return true when they did). */
export function createApp({ routes = [], root: base = root } = {}) {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      for (const route of routes) if (await route(req, res, url)) return;
      // A join receiver that is always down, for the join form's failure state in the demo.
      if (url.pathname === '/demo/join/unavailable') {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '30' });
        res.end(JSON.stringify({ error: 'unavailable', message: 'The demo receiver is down on purpose.' }));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'method not allowed' }));
        return;
      }
      const path = url.pathname;
      if (path === '/') {
        res.writeHead(302, { location: '/demo/' });
        res.end();
        return;
      }
      // Demo feeds that show the widgets' states: a slow copy of the real feed, and one that fails.
      if (path.startsWith('/demo/feeds/slow/')) {
        if (!(await waitFor(req, Number(url.searchParams.get('ms') ?? 6000)))) return;
        if (serveFile(req, res, join(base, 'dist/feed/v1'), path.slice('/demo/feeds/slow'.length))) return;
      }
      if (path.startsWith('/demo/feeds/broken/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"schemaVersion": 1, "this is": not JSON');
        return;
      }
      const headers = path.startsWith('/demo/') || path.endsWith('.html') ? { 'content-security-policy': CSP } : {};
      if (path.startsWith('/demo/') && serveFile(req, res, join(base, 'demo'), path.slice('/demo'.length), headers)) return;
      if (path.startsWith('/dist/') && serveFile(req, res, join(base, 'dist'), path.slice('/dist'.length), { 'access-control-allow-origin': '*' })) return;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found', path }));
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    }
  };
}

/**
 * Connection limits: a request (headers and body) must arrive within `requestTimeout`, its
 * headers within `headersTimeout` (checked every `connectionsCheckingInterval`), an idle
 * keep-alive connection closes after `keepAliveTimeout` or `maxRequestsPerSocket` requests, and
 * one address holds at most `maxConnectionsPerAddress` connections (past that: 503, closed).
 */
export const LIMITS = Object.freeze({
  requestTimeout: 30_000,
  headersTimeout: 10_000,
  connectionsCheckingInterval: 1_000,
  keepAliveTimeout: 5_000,
  maxRequestsPerSocket: 1_000,
  maxConnectionsPerAddress: 64,
});

/** Caps the open connections per client address. */
function capConnections(server, max) {
  const open = new Map();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 10\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroySoon?.();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

export function start({ port = Number(process.env.PORT ?? 8080), host = process.env.HOST ?? '127.0.0.1', routes = [], limits = {}, root: base = root } = {}) {
  const l = { ...LIMITS, ...limits };
  const server = createServer(
    {
      requestTimeout: l.requestTimeout,
      headersTimeout: Math.min(l.headersTimeout, l.requestTimeout),
      connectionsCheckingInterval: l.connectionsCheckingInterval,
    },
    createApp({ routes, root: base }),
  );
  server.keepAliveTimeout = l.keepAliveTimeout;
  server.maxRequestsPerSocket = l.maxRequestsPerSocket;
  capConnections(server, l.maxConnectionsPerAddress);
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const close = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections(); // the demo's slow feed holds connections open
        });
      resolve({ server, url: `http://${host}:${address.port}/`, close });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // The join receiver (POST /join, GET /join.csv and /join.json): see server/join.mjs for its env.
  const { createJoinReceiver, joinOptionsFromEnv } = await import('./join.mjs');
  let join;
  try {
    join = createJoinReceiver(joinOptionsFromEnv());
  } catch (error) {
    console.error(`maig-widgets server: ${error.message}`);
    process.exit(1);
  }
  const { createOembed } = await import('./oembed.mjs'); // GET /oembed and the embed page's discovery link
  const { url } = await start({ routes: [join.route, createOembed({ csp: CSP }).route] });
  console.log(`maig-widgets demo: ${url}demo/  (feed: ${url}dist/feed/v1/index.json)  Ctrl+C to stop`);
  console.log(`join receiver: POST ${url}join → ${join.options.dbPath}; export ${url}join.csv ${join.options.exportToken ? '(Bearer MAIG_EXPORT_TOKEN)' : '(off: set MAIG_EXPORT_TOKEN)'}`);
}

#!/usr/bin/env node
// The reference server: serves the demo, the built widgets and the default feed, and mounts the
// receiver (server/receiver.mjs: join, and the rooms beside it). `npm start` builds first, then runs this.
// PORT (default 8080) and HOST (default 127.0.0.1) choose where it listens.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveFile } from './static.mjs';
import { createDemoRoute } from './demo.mjs';
import { answerError, sendJson } from './http/answer.mjs';

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

/** Builds the request handler; `routes` may answer first (return true when they did). */
export function createApp({ routes = [], root: base = root } = {}) {
  const demo = createDemoRoute({ root: base });
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      for (const route of routes) if (await route(req, res, url)) return;
      if (await demo(req, res, url)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { error: 'method-not-allowed', message: 'This address is read with GET.' }, { allow: 'GET, HEAD' });
        return;
      }
      const path = url.pathname;
      if (path === '/') {
        res.writeHead(302, { location: '/demo/' });
        res.end();
        return;
      }
      const headers = path.startsWith('/demo/') || path.endsWith('.html') ? { 'content-security-policy': CSP } : {};
      if (path.startsWith('/demo/') && serveFile(req, res, join(base, 'demo'), path.slice('/demo'.length), headers)) return;
      if (path.startsWith('/dist/') && serveFile(req, res, join(base, 'dist'), path.slice('/dist'.length), { 'access-control-allow-origin': '*' })) return;
      sendJson(res, 404, { error: 'not-found', message: 'Nothing is served at this address.', path });
    } catch (error) {
      answerError(res, error);
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
  // The receiver (join, and the rooms mounted in server/receiver.mjs); its settings come from the
  // environment, all read in server/config.mjs.
  const { createReceiver } = await import('./receiver.mjs');
  let receiver;
  try {
    receiver = await createReceiver();
  } catch (error) {
    console.error(`maig-widgets server: ${error.message}`);
    process.exit(1);
  }
  const { createOembed } = await import('./oembed.mjs'); // GET /oembed and the embed page's discovery link
  const { port, host } = receiver.config;
  const { url, close } = await start({ port, host, routes: [receiver.route, createOembed({ csp: CSP }).route] });
  console.log(`maig-widgets demo: ${url}demo/  (feed: ${url}dist/feed/v1/index.json)  Ctrl+C to stop`);
  const exportToken = receiver.config.join.exportToken;
  console.log(`join receiver: POST ${url}join → ${receiver.db.describe()}; export ${url}join.csv ${exportToken ? '(Bearer MAIG_EXPORT_TOKEN)' : '(off: set MAIG_EXPORT_TOKEN)'}`);
  const stop = async () => {
    await close();
    await receiver.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

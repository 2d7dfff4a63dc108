// The publisher's worker thread: the feed build and the geocoder read GeoNames and us-atlas and
// compute for seconds, which would stall every request on the server's own thread. The worker
// keeps their caches between publishes. Messages: { id, op, args } → { id, result } | { id, error }.
import { parentPort } from 'node:worker_threads';
import { buildFeed, formatError } from '../../scripts/feed/build.mjs';
import { checkPlaceable, resolvePlacement } from './placement.mjs';

const ops = {
  /** Builds the feed of `dataDir` into `outDir`; { errors: [text], files, bytes, ms }. */
  async build({ dataDir, outDir }) {
    const started = performance.now();
    const { errors, files } = await buildFeed({ dataDir, outDir, write: true });
    const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
    return { errors: errors.map(formatError), files: files.size, bytes, ms: Math.round(performance.now() - started) };
  },
  check: ({ member, stored, dataDir }) => checkPlaceable(member, stored, dataDir),
  resolve: ({ state, placement, by, now }) => resolvePlacement(state, placement, by, new Date(now)),
};

parentPort.on('message', async ({ id, op, args }) => {
  try {
    parentPort.postMessage({ id, result: await ops[op](args) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
});

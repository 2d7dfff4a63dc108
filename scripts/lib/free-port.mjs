// A TCP port free on 127.0.0.1, for the servers the tests and scripts start themselves.
import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now (nothing listens on it once this resolves). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

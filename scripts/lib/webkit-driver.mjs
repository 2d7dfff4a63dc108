// WebKit for the browser tests: Debian's WebKitWebDriver driving MiniBrowser (libwebkit2gtk-4.1-0).
// MiniBrowser has no headless mode, so it runs on a private X display (Xvfb). startWebKitDriver()
// starts Xvfb on a free display and WebKitWebDriver on a free port and returns how to reach them
// and how to stop them; both also stop when this process exits.
import { spawn } from 'node:child_process';
import { MINIBROWSER } from './find-chrome.mjs';
import { freePort } from './free-port.mjs';

export const WEBKIT_DRIVER = 'WebKitWebDriver';
export const XVFB = 'Xvfb';

export { freePort };

/** Waits until `port` on 127.0.0.1 answers WebDriver's /status, or throws after `timeout` ms. */
async function waitForDriver(port, child, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeout / 1000} s`);
}

/** Starts Xvfb with -displayfd (it picks a free display itself) and resolves with the display number. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    // fd 3 is where Xvfb writes the display number it chose, once it is ready.
    const child = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ child, display: `:${out.trim()}` });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.trim().split('\n').slice(-3).join(' ')}`)));
  });
}

/**
 * Starts Xvfb and WebKitWebDriver. Resolves with `{ port, display, env, stop() }`: `env` holds
 * MAIG_WEBKIT_DRIVER_PORT and DISPLAY for the test runner (web-test-runner.config.mjs reads them).
 */
export async function startWebKitDriver() {
  const children = [];
  const stop = () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  };
  process.once('exit', stop);
  try {
    const xvfb = await startXvfb();
    children.push(xvfb.child);
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: xvfb.display } });
    children.push(driver);
    await waitForDriver(port, driver);
    return { port, display: xvfb.display, env: { MAIG_WEBKIT_DRIVER_PORT: String(port), DISPLAY: xvfb.display }, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

/** The webdriverio options for a WebKitWebDriver on `port` driving MiniBrowser. */
export const webkitCapabilities = (port) => ({
  hostname: '127.0.0.1',
  port: Number(port),
  path: '/',
  logLevel: 'error',
  capabilities: {
    browserName: 'MiniBrowser',
    // webdriverio 9 asks for WebDriver BiDi by default; WebKitWebDriver then refuses the session.
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  },
});

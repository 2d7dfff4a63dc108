// The browser tests in three engines: Chromium and Firefox (Debian's chromium and firefox-esr,
// driven by puppeteer: Chromium over the DevTools protocol, Firefox over WebDriver BiDi) and WebKit
// (Debian's WebKitWebDriver driving MiniBrowser under Xvfb, through webdriverio).
// MAIG_BROWSERS picks engines (comma-separated: chromium,firefox,webkit; default chromium,firefox:
// WebKit still has failures to fix, see docs/testing.md), e.g.
// `MAIG_BROWSERS=chromium npx wtr --config web-test-runner.config.mjs --files test/x/y.test.ts`.
// `npm test` starts Xvfb and WebKitWebDriver itself and passes MAIG_WEBKIT_DRIVER_PORT and DISPLAY;
// without them (wtr run by hand) the WebKit launcher starts and stops its own.
// Tests that need Chromium's DevTools protocol use `itChromium` (test/helpers/engine.ts).
import * as puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { plainSummaryReporter } from './scripts/lib/wtr-plain-reporter.mjs';
import { forcedColorsPlugin } from './scripts/lib/wtr-forced-colors.mjs';
import { FIREFOX, findChrome } from './scripts/lib/find-chrome.mjs';
import { startWebKitDriver, webkitCapabilities } from './scripts/lib/webkit-driver.mjs';
import { gvaFeedPlugin } from './scripts/lib/wtr-gva-feed.mjs';

const chromeFlags = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
  // Test files run in parallel pages; without these, a page in the background gets no
  // animation frames and its fixtures wait forever.
  '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
];

const engines = (process.env.MAIG_BROWSERS || 'chromium,firefox').split(',').map((s) => s.trim()).filter(Boolean);
for (const e of engines) if (!['chromium', 'firefox', 'webkit'].includes(e)) throw new Error(`MAIG_BROWSERS: unknown engine "${e}" (chromium, firefox, webkit)`);

/**
 * A page that waits up to 2 minutes to load a test file: puppeteer's 30 s is too short on a busy
 * two-core machine, and a navigation timeout ends the whole run.
 */
const patient = async (pagePromise) => {
  const page = await pagePromise;
  page.setDefaultNavigationTimeout(120_000);
  return page;
};

// Passing puppeteer makes the runner label the engines "Chromium" and "Firefox" (else "Chrome").
const chromium = () =>
  chromeLauncher({
    puppeteer,
    launchOptions: {
      executablePath: findChrome()?.path, // as npm test finds it (scripts/test.mjs sets CHROME_PATH)
      headless: true,
      args: chromeFlags,
    },
    // Each test file in its own window: with two files at once, a second tab would be hidden,
    // and a hidden page runs no animation frames or IntersectionObserver callbacks.
    createPage: ({ context }) => patient(context.newPage({ type: 'window' })),
  });

const firefox = () =>
  chromeLauncher({
    puppeteer,
    launchOptions: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH || FIREFOX, headless: true },
    createPage: ({ context }) => patient(context.newPage()),
  });

/** WebKit through WebKitWebDriver: the one npm test started, or its own (started on first use, stopped with the runner). */
function webkit() {
  const given = process.env.MAIG_WEBKIT_DRIVER_PORT;
  let own;
  const launcher = webdriverLauncher(webkitCapabilities(given ?? 0));
  const { initialize, stop } = launcher;
  launcher.initialize = async function (...args) {
    if (!given) {
      own = await startWebKitDriver();
      process.env.DISPLAY = own.display;
      this.options.port = own.port;
    }
    await initialize.apply(this, args);
    this.name = 'WebKit';
  };
  launcher.stop = async function () {
    await stop.apply(this);
    own?.stop();
  };
  return launcher;
}

const launchers = { chromium, firefox, webkit };

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  rootDir: '.',
  // One page at a time in each engine (Chromium gives a background page no animation frames,
  // modernweb-dev/web#2588); the three engines run side by side.
  concurrency: 1,
  concurrentBrowsers: 3,
  // Three engines side by side on a busy two-core machine: a test gets 20 s.
  // One more try for a test that fails: on a busy two-core machine with three engines at once, a
  // page can miss a 20 s limit; a test that really fails fails twice.
  testFramework: { config: { timeout: 20000, retries: 1 } },
  // Firefox takes up to half a minute to start on a busy two-core machine.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  // A test file gets 5 minutes in all (WebKit under load takes over 2 for the longest).
  testsFinishTimeout: 300_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), forcedColorsPlugin(), gvaFeedPlugin()],
  browsers: engines.map((e) => launchers[e]()),
  // Progress bars and a redrawn screen on a terminal; plain lines otherwise (CI, logs).
  reporters: [process.stdout.isTTY ? defaultReporter() : summaryReporter({ flatten: false }), plainSummaryReporter()],
};

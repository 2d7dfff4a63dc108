import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { plainSummaryReporter } from './scripts/lib/wtr-plain-reporter.mjs';
import { forcedColorsPlugin } from './scripts/lib/wtr-forced-colors.mjs';
import { gvaFeedPlugin } from './scripts/lib/wtr-gva-feed.mjs';
import { defaultReporter } from '@web/test-runner';
import { findChrome } from './scripts/lib/find-chrome.mjs';

const chromeFlags = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
  // Test files run in parallel pages; without these, a page in the background gets no
  // animation frames and its fixtures wait forever.
  '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
];

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  // One page at a time: Chromium gives a background page no animation frames (modernweb-dev/web#2588).
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), forcedColorsPlugin(), gvaFeedPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome()?.path, // as npm test finds it (scripts/test.mjs sets CHROME_PATH)
        headless: true,
        args: chromeFlags,
      },
      // Each test file in its own window: with two files at once, a second tab would be hidden,
      // and a hidden page runs no animation frames or IntersectionObserver callbacks.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  reporters: [defaultReporter(), plainSummaryReporter()],
};

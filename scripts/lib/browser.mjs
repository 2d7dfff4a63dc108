// Launches Chromium through playwright-core with the flags this machine needs. The browser is the
// one findChrome() finds (CHROME_PATH, the usual paths, the PATH), as scripts/test.mjs does.
import { chromium } from 'playwright-core';
import { findChrome, INSTALL_HINT } from './find-chrome.mjs';

export const CHROME_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

/** Playwright's launch options: the browser found, headless, with CHROME_FLAGS. Throws the install hint if none. */
function options() {
  const found = findChrome();
  if (!found) throw new Error(INSTALL_HINT);
  return { executablePath: found.path, headless: true, args: CHROME_FLAGS };
}

export function launch() {
  return chromium.launch(options());
}

/** A persistent context on the profile folder `profile` (for settings that live in a profile, such as the font size). */
export function launchPersistent(profile) {
  return chromium.launchPersistentContext(profile, options());
}

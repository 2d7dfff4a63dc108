// Which engine runs the tests, and `itChromium` for the few tests that need Chromium's DevTools
// protocol (emulated media features, forced colours: @web/test-runner-commands' emulateMedia and
// the emulate-forced-colors command): in Firefox and WebKit such a test is reported as skipped.
import { sendKeys } from '@web/test-runner-commands';

const ua = navigator.userAgent;

/** The engine this page runs in. */
export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(ua) ? 'firefox' : /Chrom(e|ium)\//.test(ua) ? 'chromium' : 'webkit';

/** `it` for a test that needs Chromium's DevTools protocol: run in Chromium, skipped elsewhere. */
export const itChromium: Mocha.TestFunction = engine === 'chromium' ? it : (it.skip as Mocha.TestFunction);

/** `it` for a test that sets the viewport (setViewport: puppeteer only, so not in WebKit). */
export const itResizable: Mocha.TestFunction = engine === 'webkit' ? (it.skip as Mocha.TestFunction) : it;

/**
 * Types `text` into the focused element. WebKitWebDriver drops a key repeated back to back
 * ("zzzz" arrives as "z"), so in WebKit each key goes on its own, a moment after the last.
 */
export async function typeKeys(text: string): Promise<void> {
  if (engine !== 'webkit') {
    await sendKeys({ type: text });
    return;
  }
  for (const key of text) {
    await sendKeys({ type: key });
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

// Shared set-up of the Node tests that drive Chromium (built-pages, embed, host-page): the
// reference server and a browser for a describe block, a page that collects what went wrong,
// and axe-core's violations.
import { before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import { start } from '../../../server/index.mjs';
import { launch } from '../../../scripts/lib/browser.mjs';

/**
 * Starts the reference server (start({ port: 0, ...startOptions })) and Chromium in a `before`
 * hook and closes both in an `after` hook. Returns an object that holds, once `before` ran,
 * `url` (the server's, ending in "/"), `server` and `browser`.
 */
export function serverAndBrowser(startOptions = {}) {
  const env = {};
  before(async () => {
    Object.assign(env, await start({ port: 0, ...startOptions }));
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.close?.();
  });
  return env;
}

/** The init script openPage adds by default: each CSP violation becomes a console error. */
export const reportCspViolations = () =>
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));

/**
 * Opens `url` in a new context of `browser`, collecting `problems` (console errors, and
 * "pageerror: …"), `warnings` (console warnings) and `requests` (`request(r)` of each: its URL
 * unless given). `init` runs in every frame before its scripts (default: reportCspViolations);
 * `prepare(page)` runs before the page loads (routes). `close()` closes the context.
 */
export async function openPage(browser, url, { init = reportCspViolations, request = (r) => r.url(), prepare } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const warnings = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(init);
  await prepare?.(page);
  const requests = [];
  page.on('request', (r) => requests.push(request(r)));
  await page.goto(url);
  return { page, problems, warnings, requests, close: () => context.close() };
}

let axeSource;
/**
 * axe-core's violations in `frame` (a page or frame), as "rule: target, target" lines. It runs
 * through the devtools protocol, which the page's CSP does not govern. `runOptions` go to axe.run.
 */
export async function axeViolations(frame, runOptions) {
  axeSource ??= readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  await frame.evaluate(axeSource);
  const result = await frame.evaluate((options) => window.axe.run(document, options), runOptions);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

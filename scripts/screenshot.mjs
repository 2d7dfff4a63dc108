#!/usr/bin/env node
// node scripts/screenshot.mjs URL OUT.png [width] [waitMs] [colorScheme]
// Takes a full-page screenshot and prints console errors and CSP violations on the page.
import { launch } from './lib/browser.mjs';

const [url, out = 'shot.png', width = '1200', wait = '2500', scheme = 'light'] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
const problems = [];
page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
await page.addInitScript(() => {
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
});
await page.goto(url, { waitUntil: 'load' });
await page.waitForTimeout(Number(wait));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`${out}${problems.length ? `\n${problems.join('\n')}` : ' (no console errors)'}`);

// Page measurements for `npm run bench`: JS bytes (raw and gzip), requests, time from
// navigation to rendered content (median of runs), and cumulative layout shift.
import { gzipSync } from 'node:zlib';

export const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const CLS_OBSERVER = () => {
  window.__maigCls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__maigCls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

/**
 * Loads `url` `runs` times in fresh contexts; `ready` is a function evaluated in the page that
 * returns true once the content is rendered.
 */
export async function measurePage(browser, url, ready, { runs = 5, arg, viewport = { width: 1000, height: 800 } } = {}) {
  const times = [];
  const cls = [];
  let js = [];
  let requests = 0;
  let other = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.addInitScript(CLS_OBSERVER);
    const seen = [];
    page.on('requestfinished', async (request) => {
      const response = await request.response();
      if (!response) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      seen.push({ url: request.url(), type: request.resourceType(), body });
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(ready, arg, { polling: 'raf', timeout: 30_000 });
    times.push(await page.evaluate(() => performance.now()));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    cls.push(await page.evaluate(() => window.__maigCls));
    if (i === 0) {
      js = seen.filter((s) => s.type === 'script');
      other = seen.filter((s) => s.type !== 'script' && s.type !== 'document');
      requests = seen.length;
    }
    await context.close();
  }
  const jsRaw = js.reduce((n, s) => n + s.body.length, 0);
  const jsGzip = js.reduce((n, s) => n + gzipSize(s.body), 0);
  return {
    jsFiles: js.length,
    jsRaw,
    jsGzip,
    dataGzip: other.filter((s) => s.url.endsWith('.json')).reduce((n, s) => n + gzipSize(s.body), 0),
    requests,
    medianMs: median(times),
    cls: Math.max(...cls),
    urls: [...js, ...other].map((s) => new URL(s.url).pathname),
  };
}

export function printRow(label, m) {
  console.log(
    `${label.padEnd(34)} JS ${String(m.jsFiles).padStart(2)} files ${kb(m.jsRaw).padStart(9)} raw ${kb(m.jsGzip).padStart(8)} gzip | ` +
      `${String(m.requests).padStart(2)} requests | rendered ${m.medianMs.toFixed(0).padStart(4)} ms (median) | CLS ${m.cls.toFixed(3)}`,
  );
}

// Feed shape checks: what the compiled shape tables and their checker cost (gzip; all of them, and
// what each download carries), and how long
// checking each resource of the default feed takes in Chromium (median of 9 batches of 20 after a warm-up).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { gzipSize, kb, median } from '../lib/measure.mjs';
import { READERS } from '../build-shapes.mjs';

export const title = 'Feed shape checks: size and time per resource';

export async function run({ baseUrl, browser }) {
  const bundle = async (minify) =>
    (
      await build({
        stdin: { contents: "export { resourceShapeError } from './src/shared/feed/shape.ts'; export { SHAPES } from './src/shared/feed/shapes/all.generated.ts';", resolveDir: '.', loader: 'ts' },
        bundle: true, write: false, minify, format: 'iife', globalName: 'maigShapes', target: 'es2022', logLevel: 'error',
      })
    ).outputFiles[0].text;
  const min = await bundle(true);
  console.log(`every shape + checker: ${kb(Buffer.byteLength(min))} min, ${kb(gzipSize(Buffer.from(min)))} gzip (no widget loads all of them)`);
  // What each download carries: the checker and the index's table (core chunk), and each element's own table.
  const size = async (contents) => {
    const out = (await build({ stdin: { contents, resolveDir: '.', loader: 'ts' }, bundle: true, write: false, minify: true, format: 'esm', target: 'es2022', logLevel: 'error' })).outputFiles[0].contents;
    return gzipSync(out, { level: 9 }).length;
  };
  const core = await size("export { shapeError } from './src/shared/feed/shape.ts'; export { INDEX_SHAPES } from './src/shared/feed/shapes/index.generated.ts';");
  const parts = [`checker + index table (core): ${kb(core)} gzip`];
  for (const element of Object.keys(READERS)) {
    parts.push(`<maig-${element}> table: ${kb(await size(`export { FEED_SHAPES } from './src/${element}/feed-shapes.generated.ts';`))}`);
  }
  console.log(parts.join(' · '));
  const page = await browser.newPage();
  try {
    await page.goto(`${baseUrl}dist/feed/v1/index.json`);
    await page.evaluate(min);
    const rows = await page.evaluate(async () => {
      const { resourceShapeError, SHAPES } = window.maigShapes;
      const index = await (await fetch('/dist/feed/v1/index.json')).json();
      const paths = { ...index.resources, statsState: index.resources.statsState?.replace('{state}', 'ca') };
      const out = [];
      for (const name of ['index', 'members', 'principles', 'map', 'statsState', 'statsNational', 'statsCities']) {
        const data = name === 'index' ? index : await (await fetch(new URL(paths[name], location.href))).json();
        for (let i = 0; i < 10; i++) resourceShapeError(SHAPES, name, data);
        // Batches of 20 (the page's clock is coarse), 9 batches: time per check.
        const times = [];
        for (let b = 0; b < 9; b++) {
          const t = performance.now();
          for (let i = 0; i < 20; i++) resourceShapeError(SHAPES, name, data);
          times.push((performance.now() - t) / 20);
        }
        out.push({ name, times, ok: resourceShapeError(SHAPES, name, data) === null });
      }
      return out;
    });
    for (const { name, times, ok } of rows) console.log(`${name.padEnd(14)} ${median(times).toFixed(3).padStart(6)} ms${ok ? '' : '  (does not fit its shape!)'}`);
  } finally {
    await page.close();
  }
}

#!/usr/bin/env node
// `npm run bench`: builds if needed, serves the demo, and runs every scripts/bench/*.mjs in
// name order. Each prints figures; nothing here asserts a time.
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { start } from '../server/index.mjs';
import { launch } from './lib/browser.mjs';

if (!existsSync('dist/maig-widgets.js') || process.argv.includes('--build')) {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const { close, url } = await start({ port: 0 });
const browser = await launch();
console.log(`bench: ${new Date().toISOString()} · ${process.version} · Chromium ${browser.version()} · server ${url}`);
try {
  const modules = readdirSync('scripts/bench').filter((f) => f.endsWith('.mjs')).sort();
  for (const file of modules) {
    if (only.length && !only.some((o) => file.includes(o))) continue;
    const mod = await import(pathToFileURL(`scripts/bench/${file}`).href);
    console.log(`\n## ${mod.title ?? file}`);
    await mod.run({ baseUrl: url, browser });
  }
} finally {
  await browser.close();
  await close();
}

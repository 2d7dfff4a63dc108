#!/usr/bin/env node
// `npm run build`: the feed, the bundles (rollup), type declarations and custom-elements.json.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const run = (label, cmd, args) => {
  const t = performance.now();
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`build: ${label} (${Math.round(performance.now() - t)} ms)`);
};

rmSync('dist', { recursive: true, force: true });
run('feed', process.execPath, ['scripts/build-feed.mjs']);
run('feed shapes', process.execPath, ['scripts/build-shapes.mjs']);
run('widget lists', process.execPath, ['scripts/build-registry.mjs']);
run('bundles', bin('rollup'), ['-c', '--silent']);
run('types', bin('tsc'), ['-p', 'tsconfig.build.json']);
// Optional stylesheet that reserves each widget's space before its script runs.
copyFileSync('src/maig-widgets.css', 'dist/maig-widgets.css');
run('manifest', bin('cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--exclude', 'src/staff/**', '--outdir', 'dist', '--quiet']);
// The iframe/oEmbed embed page and the embed builder (scripts/build-embed.mjs), from the manifest.
run('embed', process.execPath, ['scripts/build-embed.mjs']);
// The WordPress plugin (its attribute allow-list from custom-elements.json) and its zip, with the embed page.
const { buildWordPress } = await import('./build-wordpress.mjs');
const wpStart = performance.now();
const wp = buildWordPress();
console.log(`build: wordpress plugin dist/wordpress/maig-widgets.zip, ${wp.files} files, ${(wp.bytes / 1024).toFixed(0)} KB (${Math.round(performance.now() - wpStart)} ms)`);

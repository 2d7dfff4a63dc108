#!/usr/bin/env node
// `npm run build`: the feed, the bundles (rollup), type declarations, custom-elements.json and the
// element reference generated from it (docs/elements.md).
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';

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
// Optional stylesheet that reserves each widget's space before its script runs: the loader's own
// rules (src/common/reserved.js), for the moment before the loader has run.
{
  const { reservedCss } = await import('../src/common/reserved.js');
  writeFileSync(
    'dist/maig-widgets.css',
    `/*
 * Optional: reserves each widget's space before its script has run. The loader (maig-widgets.js)
 * reserves the same space itself as soon as it runs, so this only covers the moment before; add it
 * next to the script if you like:
 *   <link rel="stylesheet" href="https://YOUR-CDN/maig-widgets/dist/maig-widgets.css">
 * It styles only maig elements that are not yet defined and \`data-maig-widget\` placeholders not
 * yet mounted (the CMS-safe form), and nothing else on the page. A widget that could not be shown
 * (\`data-maig-failed\`) gets its room back.
 */
${reservedCss()}`,
  );
}
run('manifest', bin('cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--exclude', 'src/staff/**', '--outdir', 'dist', '--quiet']);
// docs/elements.md, the element reference, from the manifest (not rewritten when CI is set).
run('element reference', process.execPath, ['scripts/build-docs.mjs']);
// The iframe/oEmbed embed page and the embed builder (scripts/build-embed.mjs), from the manifest.
run('embed', process.execPath, ['scripts/build-embed.mjs']);
// The WordPress plugin (its attribute allow-list from custom-elements.json) and its zip, with the embed page.
const { buildWordPress } = await import('./build-wordpress.mjs');
const wpStart = performance.now();
const wp = buildWordPress();
console.log(`build: wordpress plugin dist/wordpress/maig-widgets.zip, ${wp.files} files, ${(wp.bytes / 1024).toFixed(0)} KB (${Math.round(performance.now() - wpStart)} ms)`);

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
run('bundles', bin('rollup'), ['-c', '--silent']);
run('types', bin('tsc'), ['-p', 'tsconfig.build.json']);
// The join validator is plain JS (the Node receiver runs it unbuilt); its hand-written types go beside the others.
copyFileSync('src/join-form/submission.d.ts', 'dist/types/join-form/submission.d.ts');
// Optional stylesheet that reserves each widget's space before its script runs.
copyFileSync('src/maig-widgets.css', 'dist/maig-widgets.css');
run('manifest', bin('cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--outdir', 'dist', '--quiet']);

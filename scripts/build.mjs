#!/usr/bin/env node
// `npm run build`: the feed, the bundles (rollup), type declarations and custom-elements.json.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

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
run('manifest', bin('cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--outdir', 'dist', '--quiet']);

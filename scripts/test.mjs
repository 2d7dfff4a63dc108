#!/usr/bin/env node
// `npm test`: typecheck, build (feed, bundles, manifest), Node tests (feed builder, server),
// browser tests (@web/test-runner in headless Chromium), then one plain closing line:
// "N passed, N failed, N skipped" over all of them. Exits non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { delimiter } from 'node:path';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { COMMON_PATHS, ensureChrome, needsChrome } from './lib/find-chrome.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n── ${name}: ${cmd} ${args.join(' ')}`);
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`── ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (r.status !== 0) failedSteps.push(name);
  return r.status === 0;
}

const addSummary = (file, label) => {
  if (!existsSync(file)) {
    console.log(`${label}: no summary written`);
    totals.failed++;
    return;
  }
  const s = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += s.passed;
  totals.failed += s.failed;
  totals.skipped += s.skipped;
  if (s.sessionErrors) totals.failed += s.sessionErrors;
};

const only = process.argv.slice(2);
const bin = (n) => `node_modules/.bin/${n}`;
const nodeFiles = only.length ? only.filter((f) => f.endsWith('.mjs')) : ['test/node/'];
const browserFiles = only.filter((f) => f.endsWith('.ts'));
const runBrowser = !only.length || browserFiles.length > 0;

// Chromium first (the browser tests and the Node tests that import a browser.mjs drive it): found,
// installed with apt (root on Debian), or one line saying what to install, before any work.
// MAIG_CHROME_SEARCH_PATHS (paths split like PATH; empty: none) replaces the usual paths, for
// testing this on a machine that has Chromium; MAIG_APT_DRY_RUN=1 prints the apt commands only.
if (runBrowser || needsChrome(nodeFiles)) {
  const search = process.env.MAIG_CHROME_SEARCH_PATHS;
  const chrome = ensureChrome({ paths: search === undefined ? COMMON_PATHS : search.split(delimiter).filter(Boolean) });
  if (!chrome.ok) {
    console.error(chrome.message);
    process.exit(1);
  }
  process.env.CHROME_PATH = chrome.path;
}

rmSync('.wtr-out', { recursive: true, force: true });
mkdirSync('.wtr-out', { recursive: true });

step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
const built = step('build', process.execPath, ['scripts/build.mjs']);
if (built && nodeFiles.length) {
  step('node tests', process.execPath, [
    '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/lib/node-summary-reporter.mjs', '--test-reporter-destination=.wtr-out/node-summary.json',
    ...nodeFiles,
  ]);
  addSummary('.wtr-out/node-summary.json', 'node tests');
}
if (built && runBrowser) {
  step('browser tests', bin('wtr'), ['--config', 'web-test-runner.config.mjs', ...(browserFiles.length ? ['--files', ...browserFiles] : [])], { MAIG_QUIET_SUMMARY: '1' });
  addSummary('.wtr-out/summary.json', 'browser tests');
}
if (failedSteps.length) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
if (failedSteps.length && totals.failed === 0) totals.failed = failedSteps.length;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);

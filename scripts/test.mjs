#!/usr/bin/env node
// `npm test`: typecheck and build side by side (feed, bundles, manifest), then the Node tests (feed
// builder, server, built pages) and the browser tests (@web/test-runner in Chromium, Firefox and
// WebKit) side by side, then one plain closing line: "N passed, N failed, N skipped" over all of
// them, after one line per browser engine. Exits non-zero if any step failed.
// Arguments: test files to run (Node .mjs, browser .ts); none runs everything.
// MAIG_BROWSERS picks browser engines (comma-separated: chromium,firefox,webkit; default chromium,firefox:
// WebKit still fails 7 tests under load, see docs/testing.md).
// MAIG_NODE_CONCURRENCY: how many Node test files run at once (default 4).
import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { COMMON_PATHS, ensureChrome, ensureEngines, needsChrome } from './lib/find-chrome.mjs';
import { startWebKitDriver } from './lib/webkit-driver.mjs';
import { postgres } from './lib/throwaway-postgres.mjs';

const started = performance.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
const children = new Set();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs a step. Its output is kept and printed in one block when it ends, so steps that run side
 * by side do not mix their lines. Resolves with whether it exited 0.
 */
function step(name, cmd, args, env = {}) {
  console.log(`── ${name}: started (${cmd} ${args.join(' ')})`);
  const t = performance.now();
  return new Promise((resolve) => {
    const colors = process.stdout.isTTY ? {} : { NO_COLOR: '1' };
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...colors, ...env } });
    children.add(child);
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (e) => out.push(Buffer.from(`${e.message}\n`)));
    child.on('close', (code, signal) => {
      children.delete(child);
      let text = Buffer.concat(out).toString().replace(/\s+$/, '');
      // The test runner clears its progress line with terminal codes even when writing to a file.
      if (!process.stdout.isTTY) text = text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
      console.log(`\n── ${name}\n${text ? `${text}\n` : ''}── ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code ?? signal})`} in ${seconds(t)}`);
      if (code !== 0) failedSteps.push(name);
      resolve(code === 0);
    });
  });
}

const addSummary = (file, label) => {
  if (!existsSync(file)) {
    console.log(`${label}: no summary written`);
    totals.failed++;
    return undefined;
  }
  const s = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += s.passed;
  totals.failed += s.failed + (s.sessionErrors ?? 0);
  totals.skipped += s.skipped;
  return s;
};

const only = process.argv.slice(2);
const bin = (n) => `node_modules/.bin/${n}`;
const nodeFiles = only.length ? only.filter((f) => f.endsWith('.mjs')) : ['test/node/'];
const browserFiles = only.filter((f) => f.endsWith('.ts'));
const runBrowser = !only.length || browserFiles.length > 0;
const engines = (process.env.MAIG_BROWSERS || 'chromium,firefox').split(',').map((s) => s.trim()).filter(Boolean);

// The browsers first (the browser tests, and the Node tests that import a browser.mjs, drive
// Chromium): found, installed with apt (root on Debian), or one line saying what to install,
// before any work. MAIG_CHROME_SEARCH_PATHS (paths split like PATH; empty: none) replaces the
// usual paths, for testing this on a machine that has Chromium; MAIG_APT_DRY_RUN=1 prints the apt
// commands only.
if ((runBrowser && engines.includes('chromium')) || needsChrome(nodeFiles)) {
  const search = process.env.MAIG_CHROME_SEARCH_PATHS;
  const chrome = ensureChrome({ paths: search === undefined ? COMMON_PATHS : search.split(delimiter).filter(Boolean) });
  if (!chrome.ok) {
    console.error(chrome.message);
    process.exit(1);
  }
  process.env.CHROME_PATH = chrome.path;
}
if (runBrowser) {
  const others = ensureEngines({ engines });
  if (!others.ok) {
    console.error(others.message);
    process.exit(1);
  }
}

// Ctrl-C or a kill: stop what runs (the WebKit driver and Xvfb stop on exit, scripts/lib/webkit-driver.mjs).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, async () => {
    console.log(`\nstopping (${signal})`);
    const running = [...children];
    for (const c of running) c.kill('SIGTERM'); // the test runner closes its browsers
    const end = Date.now() + 10_000;
    while (running.some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    process.exit(130);
  });
}

rmSync('.wtr-out', { recursive: true, force: true });
mkdirSync('.wtr-out', { recursive: true });

// One throwaway PostgreSQL for all the Node test files (each makes its own databases on it), started
// while the typecheck and build run: not one initdb per file. Stopped and removed when this exits.
// If it cannot start, each file starts its own and says why.
const sharedPostgres =
  nodeFiles.length && (process.env.MAIG_TEST_STORES || 'postgres').includes('postgres')
    ? postgres().then(
        (pg) => ({ MAIG_TEST_PG_PORT: String(pg.port) }),
        () => ({}),
      )
    : Promise.resolve({});

// The typecheck reads only src/ and test/; the build replaces dist/. They run side by side.
const [, built] = await Promise.all([
  step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']),
  step('build', process.execPath, ['scripts/build.mjs']),
]);

let browserSummary;
if (built) {
  const nodeTests = nodeFiles.length
    ? step('node tests', process.execPath, [
        '--test', `--test-concurrency=${process.env.MAIG_NODE_CONCURRENCY || 4}`,
        '--test-reporter=spec', '--test-reporter-destination=stdout',
        '--test-reporter=./scripts/lib/node-summary-reporter.mjs', '--test-reporter-destination=.wtr-out/node-summary.json',
        ...nodeFiles,
      ], await sharedPostgres)
    : Promise.resolve(true);
  const browserTests = (async () => {
    if (!runBrowser) return true;
    // MiniBrowser has no headless mode: WebKit runs on a private Xvfb display, driven by WebKitWebDriver.
    let webkit;
    if (engines.includes('webkit')) {
      try {
        webkit = await startWebKitDriver();
      } catch (e) {
        console.log(`── browser tests: WebKit could not start: ${e.message}`);
        failedSteps.push('WebKit driver');
        return false;
      }
    }
    try {
      return await step('browser tests', bin('wtr'), ['--config', 'web-test-runner.config.mjs', ...(browserFiles.length ? ['--files', ...browserFiles] : [])], {
        MAIG_QUIET_SUMMARY: '1',
        MAIG_BROWSERS: engines.join(','),
        ...webkit?.env,
      });
    } finally {
      webkit?.stop();
    }
  })();
  await Promise.all([nodeTests, browserTests]);
  if (nodeFiles.length) {
    const s = addSummary('.wtr-out/node-summary.json', 'node tests');
    if (s) console.log(`\nnode: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  }
  if (runBrowser) {
    browserSummary = addSummary('.wtr-out/summary.json', 'browser tests');
    for (const [name, s] of Object.entries(browserSummary?.engines ?? {})) {
      console.log(`browser ${name}: ${s.passed} passed, ${s.failed + s.sessionErrors} failed, ${s.skipped} skipped`);
    }
  }
}
if (failedSteps.length) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
if (failedSteps.length && totals.failed === 0) totals.failed = failedSteps.length;
console.log(`npm test: ${seconds(started)}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);

// `npm test` on a machine without Chromium (issue 12, item 13): found through CHROME_PATH, the usual
// paths or the PATH; installed with apt when root on Debian (a dry run here, so the real Chromium
// stays); otherwise one line saying what to install, before any typecheck or build, no stack trace.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readdirSync } from 'node:fs';
import { ENGINES_HINT, ensureChrome, ensureEngines, findChrome, INSTALL_HINT, missingEngines, needsChrome } from '../../scripts/lib/find-chrome.mjs';
import { launch } from '../../scripts/lib/browser.mjs';

const dir = mkdtempSync(join(tmpdir(), 'maig-chrome-'));
const emptyBin = join(dir, 'bin');
mkdirSync(emptyBin);
symlinkSync(process.execPath, join(emptyBin, 'node')); // a PATH with node and no browser
const fakeDir = join(dir, 'fake');
mkdirSync(fakeDir);
const fake = join(fakeDir, 'chromium');
writeFileSync(fake, '#!/bin/sh\nexit 0\n');
chmodSync(fake, 0o755);
const rootOnDebian = process.getuid?.() === 0 && existsSync('/etc/debian_version');

describe('npm test finds Chromium or says what to install', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('no Chromium anywhere: one line on what to install, before any typecheck or build, exit 1', () => {
    const r = spawnSync(process.execPath, ['scripts/test.mjs'], {
      encoding: 'utf8',
      env: { PATH: emptyBin, HOME: dir, CHROME_PATH: join(dir, 'missing-chromium'), MAIG_CHROME_SEARCH_PATHS: '', MAIG_APT_DRY_RUN: '1' },
      timeout: 60_000,
    });
    assert.equal(r.status, 1);
    assert.deepEqual(r.stderr.trim().split('\n'), [INSTALL_HINT]);
    assert.doesNotMatch(r.stdout + r.stderr, /typecheck|build|\n\s+at /);
    assert.match(r.stdout, /CHROME_PATH=.*missing-chromium is not an executable file/);
    if (rootOnDebian) {
      assert.match(r.stdout, /\(dry run\) apt-get update/);
      assert.match(r.stdout, /\(dry run\) apt-get install -y -qq --no-install-recommends chromium fonts-liberation/);
    }
  });

  test('not root (or not Debian): no apt, the same one line', () => {
    const lines = [];
    const result = ensureChrome({ env: { PATH: emptyBin }, paths: [], root: false, debian: true, log: (l) => lines.push(l) });
    assert.deepEqual(result, { ok: false, message: INSTALL_HINT });
    assert.equal(lines.some((l) => /apt-get/.test(l)), false);
    assert.equal(ensureChrome({ env: { PATH: emptyBin }, paths: [], root: true, debian: false, log: () => {} }).ok, false);
  });

  test('root on Debian: runs apt (dry run), then looks again', () => {
    const lines = [];
    const result = ensureChrome({ env: { PATH: emptyBin }, paths: [], root: true, debian: true, dryRun: true, log: (l) => lines.push(l) });
    assert.equal(result.ok, false);
    assert.deepEqual(lines.filter((l) => l.startsWith('(dry run)')), [
      '(dry run) apt-get update -qq',
      '(dry run) apt-get install -y -qq --no-install-recommends chromium fonts-liberation',
    ]);
  });

  test('found through CHROME_PATH, the usual paths, or a name on the PATH', () => {
    assert.deepEqual(findChrome({ env: { CHROME_PATH: fake, PATH: emptyBin }, paths: [] }), { path: fake, from: 'CHROME_PATH' });
    assert.deepEqual(findChrome({ env: { CHROME_PATH: join(dir, 'nope'), PATH: emptyBin }, paths: [join(dir, 'nope2'), fake] }), { path: fake, from: 'common path' });
    assert.deepEqual(findChrome({ env: { PATH: `${emptyBin}:${dirname(fake)}` }, paths: [] }), { path: fake, from: 'PATH' });
    // A directory or a file that cannot run is not a browser.
    assert.equal(findChrome({ env: { CHROME_PATH: fakeDir, PATH: emptyBin }, paths: [] }), null);
  });

  test('every Node test that launches Chromium is gated: asked for alone, it stops at the same one line', () => {
    const browserTests = readdirSync('test/node').filter((f) => f.endsWith('.test.mjs')).map((f) => `test/node/${f}`).filter((f) => needsChrome([f]));
    for (const name of ['built-pages', 'embed', 'host-page', 'storybook']) assert.ok(browserTests.includes(`test/node/${name}.test.mjs`), name);
    assert.equal(needsChrome(['test/node/catalog.test.mjs', 'test/node/join-receiver.test.mjs']), false);
    assert.equal(needsChrome(['test/node/']), true);
    for (const file of ['test/node/embed.test.mjs', 'test/node/host-page.test.mjs']) {
      const r = spawnSync(process.execPath, ['scripts/test.mjs', file], {
        encoding: 'utf8',
        env: { PATH: emptyBin, HOME: dir, MAIG_CHROME_SEARCH_PATHS: '', MAIG_APT_DRY_RUN: '1' },
        timeout: 60_000,
      });
      assert.equal(r.status, 1, file);
      assert.deepEqual(r.stderr.trim().split('\n'), [INSTALL_HINT], file);
      assert.doesNotMatch(r.stdout + r.stderr, /typecheck|build|\n\s+at /, file);
    }
  });

  test('launch() finds the browser as npm test does: a CHROME_PATH that is not a browser is passed over', { skip: !findChrome({ env: {} }) && 'no Chromium in the usual paths' }, async () => {
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = join(dir, 'missing-chromium');
    try {
      const browser = await launch();
      assert.match(browser.version(), /^\d+\./);
      await browser.close();
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    }
  });
});

describe('npm test finds Firefox and WebKit or says what to install', () => {
  const nothing = { PATH: emptyBin, FIREFOX_PATH: join(dir, 'missing-firefox') };

  test('what each engine needs, looked for on the PATH and at its Debian path', () => {
    assert.deepEqual(missingEngines({ env: nothing, engines: ['firefox'] }).map((m) => m.what), ['Firefox']);
    const webkit = missingEngines({ env: nothing, engines: ['webkit'] }).map((m) => m.what);
    assert.ok(webkit.includes('WebKitWebDriver') && webkit.includes('Xvfb'), webkit.join());
    assert.deepEqual(missingEngines({ env: { ...nothing, FIREFOX_PATH: process.execPath }, engines: ['firefox'] }), []); // any executable file
    assert.deepEqual(missingEngines({ env: nothing, engines: [] }), []);
  });

  test('root on Debian: one apt run for the missing packages (dry run), then looks again', () => {
    const lines = [];
    const result = ensureEngines({ env: nothing, root: true, debian: true, dryRun: true, log: (l) => lines.push(l) });
    assert.equal(result.ok, false);
    const install = lines.filter((l) => l.startsWith('(dry run) apt-get install'));
    assert.equal(install.length, 1);
    for (const pkg of ['firefox-esr', 'webkit2gtk-driver', 'xvfb', 'fonts-liberation']) assert.match(install[0], new RegExp(` ${pkg}( |$)`));
  });

  test('not root: no apt, one line naming what is missing and what to install', () => {
    const lines = [];
    const result = ensureEngines({ env: nothing, engines: ['firefox'], root: false, debian: true, log: (l) => lines.push(l) });
    assert.deepEqual(result, { ok: false, message: `Firefox not found. ${ENGINES_HINT}` });
    assert.deepEqual(lines, []);
  });
});

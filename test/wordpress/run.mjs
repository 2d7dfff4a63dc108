#!/usr/bin/env node
// `npm run test:wordpress`: the WordPress plugin in a real WordPress (Debian's `wordpress` package).
// Installs what it needs with apt (as root), starts its own MariaDB (skip-networking, socket in a
// temporary folder), PHP's built-in web server and the reference server on free ports of 127.0.0.1,
// installs dist/wordpress/maig-widgets.zip as "Upload Plugin" does, saves posts as an Author (kses
// applies) and checks the front end in headless Chromium. Stops everything it started, prints
// "N passed, N failed, N skipped" and its run time.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall } from '../../scripts/lib/apt.mjs';

const started = performance.now();
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
process.chdir(root);

const PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'mariadb-server', 'php-cli', 'php-mysql'];
const CONFIG = '/etc/wordpress/config-maig-widgets-test.php';
const PASSWORD = 'maig-widgets-test-password';
const results = { passed: 0, failed: 0, skipped: 0 };
const cleanups = [];
let tmp;

const log = (...a) => console.log(...a);
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

async function check(name, fn) {
  try {
    const r = await fn();
    if (r === 'skip' || (Array.isArray(r) && r[0] === 'skip')) {
      results.skipped++;
      log(`  - skipped: ${name}${Array.isArray(r) ? ` (${r[1]})` : ''}`);
    } else {
      results.passed++;
      log(`  ✔ ${name}`);
    }
  } catch (e) {
    results.failed++;
    log(`  ✘ ${name}\n      ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n      ')}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}
function equal(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function waitFor(what, fn, ms = 60_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await fn()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts a long-running process; it is stopped (by its pid) at the end. */
function daemon(name, cmd, args, opts = {}) {
  // Its own process group: PHP's built-in server forks workers (PHP_CLI_SERVER_WORKERS), and
  // they all go when the group is stopped.
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...opts });
  const stop = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  let output = '';
  child.stdout.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr.on('data', (d) => (output = (output + d).slice(-20_000)));
  cleanups.push(async () => {
    const exited = child.exitCode !== null || child.signalCode ? Promise.resolve() : new Promise((r) => child.once('exit', r));
    stop('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    stop('SIGKILL');
  });
  child.output = () => output;
  child.name = name;
  return child;
}

async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (e) {
      log(`cleanup: ${e.message}`);
    }
  }
}

function finish(code) {
  log(`\nwordpress test: ${elapsed()}`);
  log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
  process.exit(code ?? (results.failed ? 1 : 0));
}

// ── 1. What it needs: root and apt, or the packages already there ───────────────────────────
function missingPackages() {
  return PACKAGES.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true);
}
const isRoot = process.getuid?.() === 0;
if (!isRoot) {
  console.error('wordpress test: must run as root (it installs Debian packages with apt-get when they are missing, writes /etc/wordpress/config-maig-widgets-test.php, and starts MariaDB and PHP as root). Run it as root on a Debian machine or container.');
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(2);
}
let missing = missingPackages();
if (missing.length) {
  const hasApt = spawnSync('apt-get', ['--version']).status === 0;
  if (!hasApt) {
    console.error(`wordpress test: needs the Debian packages ${missing.join(', ')} and cannot install them: apt-get not found. Install them, or run on Debian.`);
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(2);
  }
  log(`installing ${missing.join(' ')} (apt-get)…`);
  // Keep apt from starting Apache or MariaDB system services: this test starts its own.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  const installed = aptInstall(missing);
  if (ownPolicy) rmSync(policy, { force: true });
  if (!installed.ok) {
    console.error(`wordpress test: could not install ${missing.join(', ')}: ${installed.message}`);
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(2);
  }
  missing = missingPackages();
  if (missing.length) {
    console.error(`wordpress test: still missing ${missing.join(', ')}`);
    process.exit(2);
  }
  log(`installed (${elapsed()})`);
}
if (!existsSync('dist/wordpress/maig-widgets.zip')) {
  log('dist/wordpress/maig-widgets.zip missing: npm run build…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
if (existsSync(CONFIG)) {
  console.error(`wordpress test: ${CONFIG} exists (another run, or a leftover): remove it first.`);
  process.exit(2);
}

const { launch } = await import('../../scripts/lib/browser.mjs');
process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});

try {
  await main();
} catch (e) {
  results.failed++;
  log(`wordpress test: ${e.stack ?? e}`);
} finally {
  await cleanup();
}
finish();

async function main() {
  tmp = mkdtempSync(join(tmpdir(), 'maig-wp-'));
  cleanups.push(async () => {
    if (!process.env.MAIG_WP_KEEP) rmSync(tmp, { recursive: true, force: true });
  });
  const zip = resolve('dist/wordpress/maig-widgets.zip');

  // ── php -l on every PHP file of the packaged plugin (and of this test) ─────────────────────
  const unpacked = join(tmp, 'unpacked');
  mkdirSync(unpacked);
  // WordPress's own PclZip (what "Upload Plugin" uses when PHP has no zip extension).
  execFileSync('php', ['-r', `require '/usr/share/wordpress/wp-admin/includes/class-pclzip.php'; $z = new PclZip('${zip}'); exit($z->extract(PCLZIP_OPT_PATH, '${unpacked}') ? 0 : 1);`]);
  await check('php -l: every PHP file in the zip and in this test has no syntax error', () => {
    const files = [];
    const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.php') && files.push(join(d, e.name))));
    walk(join(unpacked, 'maig-widgets'));
    walk(here);
    const bad = files.filter((f) => spawnSync('php', ['-l', f], { encoding: 'utf8' }).status !== 0);
    equal(bad, [], 'files with syntax errors');
    assert(files.length >= 12, `only ${files.length} PHP files`);
    log(`      ${files.length} files`);
  });
  await check('readme.txt is in WordPress format (name, headers, sections) with the plugin version', () => {
    const readme = readFileSync(join(unpacked, 'maig-widgets/readme.txt'), 'utf8');
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    assert(/^=== MAIG Widgets ===$/m.test(readme), 'plugin name line');
    for (const h of ['Requires at least', 'Tested up to', 'Requires PHP', 'License']) assert(new RegExp(`^${h}: \\S`, 'm').test(readme), h);
    assert(readme.includes(`Stable tag: ${version}`), 'stable tag');
    for (const s of ['Description', 'Installation', 'Frequently Asked Questions', 'Changelog']) assert(readme.includes(`== ${s} ==`), s);
    assert(readFileSync(join(unpacked, 'maig-widgets/maig-widgets.php'), 'utf8').includes(`Version:           ${version}`), 'plugin header version');
  });

  // ── MariaDB: own data folder, socket only ──────────────────────────────────────────────────
  const dbDir = join(tmp, 'mysql');
  const sock = join(tmp, 'mysqld.sock');
  mkdirSync(dbDir);
  execFileSync('mariadb-install-db', ['--user=root', `--datadir=${dbDir}`, '--auth-root-authentication-method=socket', '--skip-test-db'], { stdio: 'ignore' });
  const mysqld = daemon('mariadbd', existsSync('/usr/sbin/mariadbd') ? '/usr/sbin/mariadbd' : '/usr/sbin/mysqld', [
    '--no-defaults', '--user=root', `--datadir=${dbDir}`, `--socket=${sock}`, '--skip-networking', `--pid-file=${join(tmp, 'mysqld.pid')}`,
    '--innodb-buffer-pool-size=32M', '--skip-log-bin',
  ]);
  await waitFor('MariaDB', () => spawnSync('mariadb', [`--socket=${sock}`, '-e', 'SELECT 1']).status === 0, 60_000).catch((e) => {
    throw new Error(`${e.message}\n${mysqld.output()}`);
  });
  execFileSync('mariadb', [`--socket=${sock}`, '-e', 'CREATE DATABASE maig_wp_test']);
  log(`MariaDB up (${elapsed()})`);

  // ── Reference server (embed pages, oEmbed, join receiver) and WordPress (PHP's built-in server) ──
  const refPort = await freePort();
  const ref = daemon('reference server', process.execPath, ['server/index.mjs'], { env: { ...process.env, PORT: String(refPort), HOST: '127.0.0.1', MAIG_DB: join(tmp, 'join.sqlite') } });
  const refUrl = `http://127.0.0.1:${refPort}/`;
  await waitFor('reference server', async () => (await fetch(`${refUrl}dist/feed/v1/index.json`)).ok).catch((e) => {
    throw new Error(`${e.message}\n${ref.output()}`);
  });
  const wpPort = await freePort();
  const wpUrl = `http://127.0.0.1:${wpPort}`;
  const content = join(tmp, 'wp-content');
  for (const d of ['plugins', 'themes', 'uploads', 'upgrade', 'mu-plugins']) mkdirSync(join(content, d), { recursive: true });
  symlinkSync('/usr/share/wordpress/wp-content/themes/twentytwentythree', join(content, 'themes/twentytwentythree'));
  // Test-only: WordPress fetches oEmbed answers with wp_safe_remote_get, which allows ports 80,
  // 443 and 8080 only; the reference server here runs on a random port.
  writeFileSync(join(content, 'mu-plugins/maig-test-ports.php'), `<?php\nadd_filter( 'http_allowed_safe_ports', function ( $ports ) { $ports[] = ${refPort}; return $ports; } );\n`);
  writeFileSync(CONFIG, `<?php
// Written by maig-widgets' test/wordpress/run.mjs; removed when it ends.
define( 'DB_NAME', 'maig_wp_test' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${sock}' );
define( 'WP_CONTENT_DIR', '${content}' );
define( 'WP_CONTENT_URL', '${wpUrl}/wp-content' );
define( 'WP_HOME', '${wpUrl}' );
define( 'WP_SITEURL', '${wpUrl}' );
define( 'FS_METHOD', 'direct' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${join(tmp, 'debug.log')}' );
define( 'AUTH_KEY', 'maig-test-${process.pid}-a' );
define( 'SECURE_AUTH_KEY', 'maig-test-${process.pid}-b' );
define( 'LOGGED_IN_KEY', 'maig-test-${process.pid}-c' );
define( 'NONCE_KEY', 'maig-test-${process.pid}-d' );
define( 'AUTH_SALT', 'maig-test-${process.pid}-e' );
define( 'SECURE_AUTH_SALT', 'maig-test-${process.pid}-f' );
define( 'LOGGED_IN_SALT', 'maig-test-${process.pid}-g' );
define( 'NONCE_SALT', 'maig-test-${process.pid}-h' );
`);
  cleanups.push(async () => rmSync(CONFIG, { force: true }));
  const phpEnv = { ...process.env, MAIG_WP_CONTENT: content, MAIG_WP_URL: wpUrl, MAIG_ZIP: zip, MAIG_JOIN: `${refUrl}join` };
  const wp = (...args) => {
    const r = spawnSync('php', [join(here, 'wp.php'), ...args], { env: phpEnv, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`php wp.php ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
    const line = r.stdout.trim().split('\n').pop();
    return JSON.parse(line);
  };

  const install = wp('install');
  log(`WordPress installed (${elapsed()})`);
  await check('the zip installs as "Upload Plugin" does and activates', () => {
    assert(install.installed, `install failed: ${JSON.stringify(install.installMessages)}`);
    assert(install.activated, 'not active');
    equal(install.plugin.Name, 'MAIG Widgets', 'plugin name');
  });
  await check('Author and Contributor have no unfiltered_html, Editor has no manage_options (the roles the test relies on)', () => {
    equal(install.roles, { author_unfiltered_html: false, contributor_unfiltered_html: false, editor_manage_options: false }, 'capabilities');
  });
  const { posts, embedUrl } = wp('posts');

  const php = daemon('php -S', 'php', ['-S', `127.0.0.1:${wpPort}`, join(here, 'router.php')], {
    cwd: '/usr/share/wordpress',
    env: { ...phpEnv, PHP_CLI_SERVER_WORKERS: '4' },
  });
  await waitFor('WordPress', async () => (await fetch(`${wpUrl}/?p=${posts.plain.id}`)).ok).catch((e) => {
    throw new Error(`${e.message}\n${php.output()}`);
  });
  log(`WordPress up at ${wpUrl} (${elapsed()})`);

  await check('kses keeps every shortcode and block an Author or Contributor saves', () => {
    for (const key of ['shortcodes', 'block', 'contributor']) equal(posts[key].stored, posts[key].content, `${key} post as stored`);
  });

  // ── The front end in Chromium ─────────────────────────────────────────────────────────────
  const browser = await launch();
  cleanups.push(() => browser.close());
  const feed = (p) => JSON.parse(readFileSync(join('dist/feed/v1', p), 'utf8'));
  const njCount = feed('members.json').members.filter((m) => m.state === 'NJ').length;
  const md = feed('stats/state/md.json').cdc.points.at(-1);

  async function open(url, { javaScript = true } = {}) {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    const scripts = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(url);
    return { page, problems, scripts, close: () => context.close() };
  }
  const shadow = (page, host, selector, fn = 'text') =>
    page
      .waitForFunction(
        ([h, s, f]) => {
          const el = document.querySelector(h)?.shadowRoot?.querySelector(s);
          if (!el) return undefined;
          return f === 'text' ? el.textContent.replace(/\s+/g, ' ').trim() || undefined : el.getAttribute(f) ?? undefined;
        },
        [host, selector, fn],
        { timeout: 30_000 },
      )
      .then((h) => h.jsonValue());
  const scrollThrough = async (page) => {
    const height = await page.evaluate(() => document.body.scrollHeight);
    for (let y = 0; y < height; y += 500) await page.evaluate((top) => window.scrollTo(0, top), y);
  };

  await check(`shortcodes saved by an Author render real feed data: ${njCount} members in NJ, 12 principles, Maryland ${md.year} CDC deaths ${md.deaths}, Baltimore highlighted, the join form's fields; no console error`, async () => {
    equal(njCount, 61, 'NJ members in the feed');
    const { page, problems, scripts, close } = await open(posts.shortcodes.url);
    equal(await shadow(page, 'maig-member-count[state="NJ"]', '[part="number"]'), String(njCount), 'member count');
    await page.waitForFunction(() => document.querySelector('maig-principles')?.shadowRoot?.querySelector('[part="list"]'));
    equal(await page.evaluate(() => document.querySelector('maig-principles').shadowRoot.querySelectorAll('[part="list"] > li').length), 12, 'principles');
    await page.locator('maig-city-stats').scrollIntoViewIfNeeded();
    equal(await shadow(page, 'maig-city-stats', '[data-figure="state-deaths"] data', 'value'), String(md.deaths), 'Maryland CDC deaths');
    equal(await shadow(page, 'maig-city-stats', '[data-figure="state-deaths"] [data-year]'), String(md.year), 'Maryland CDC year');
    equal(await shadow(page, 'maig-city-stats', '[part="title"]'), 'Gun violence in Baltimore, Maryland', 'city stats title');
    await page.locator('maig-member-map').scrollIntoViewIfNeeded();
    equal(await shadow(page, 'maig-member-map', '.caption__highlight'), "Highlighted: Baltimore, Maryland, one of the coalition's member cities.", 'map caption');
    equal(await shadow(page, 'maig-member-map', '.mark', 'data-id'), 'md-baltimore', 'map mark');
    await page.locator('maig-join-form').scrollIntoViewIfNeeded();
    equal(await shadow(page, 'maig-join-form', 'form', 'aria-labelledby'), 'join-heading', 'join form');
    const fields = await page.evaluate(() => {
      const s = document.querySelector('maig-join-form').shadowRoot;
      return {
        ids: ['#f-name', '#f-email', '#f-phone', '#f-city', '#f-state', '#f-consent'].filter((id) => s.querySelector(id)),
        email: s.querySelector('label[for="f-email"]')?.textContent.trim(),
        states: s.querySelectorAll('#f-state option[value]:not([value=""])').length,
        endpoint: document.querySelector('maig-join-form').getAttribute('endpoint'),
      };
    });
    equal(fields.ids.length, 6, `join form fields (${fields.ids.join(', ')})`);
    assert(fields.email?.includes('Email address'), 'email label');
    equal(fields.states, 56, 'states and territories in the picker');
    equal(fields.endpoint, `${refUrl}join`, 'join endpoint from Settings');
    await scrollThrough(page);
    await page.waitForFunction(() => document.querySelector('maig-city-stats')?.shadowRoot?.querySelector('canvas'));
    await page.waitForLoadState('networkidle');
    const loaders = scripts.filter((s) => new URL(s).pathname.endsWith('/maig-widgets/dist/maig-widgets.js'));
    equal(loaders.length, 1, 'the loader, requested once');
    equal(await page.evaluate(() => document.querySelector('script[src*="maig-widgets/dist/maig-widgets.js"]')?.type), 'module', 'loader script type');
    equal(problems, [], 'console errors, failed requests');
    if (process.env.MAIG_WP_SCREENSHOTS) await page.screenshot({ path: join(process.env.MAIG_WP_SCREENSHOTS, 'shortcodes.png'), fullPage: true });
    await close();
  });

  await check('a post without a widget loads neither the widget script nor its stylesheet', async () => {
    const { page, scripts, problems, close } = await open(posts.plain.url);
    await page.waitForLoadState('networkidle');
    equal(scripts.filter((s) => s.includes('maig-widgets')), [], 'widget scripts');
    equal(await page.locator('link[href*="maig-widgets"]').count(), 0, 'widget stylesheets');
    equal(problems, [], 'console errors');
    await close();
  });

  await check('without JavaScript each shortcode shows words and a link', async () => {
    const { page, close } = await open(posts.shortcodes.url, { javaScript: false });
    const fallbacks = await page.evaluate(() =>
      [...document.querySelectorAll('[data-maig-widget]')].map((d) => {
        const a = d.querySelector('a');
        return { widget: d.dataset.maigWidget, text: d.textContent.replace(/\s+/g, ' ').trim(), href: a?.href, visible: !!a && a.getBoundingClientRect().height > 0 };
      }),
    );
    equal(fallbacks.map((f) => f.widget), ['member-count', 'member-map', 'principles', 'city-stats', 'join-form'], 'placeholders');
    for (const f of fallbacks) {
      assert(/^https:\/\//.test(f.href ?? '') && f.visible, `${f.widget}: visible https link (${JSON.stringify(f)})`);
      assert(f.text.length > 30, `${f.widget}: words (${f.text})`);
    }
    assert(fallbacks[0].text.includes('in NJ'), `member count fallback names the state: ${fallbacks[0].text}`);
    assert(fallbacks[3].text.includes('Baltimore, MD'), `city stats fallback names the city: ${fallbacks[3].text}`);
    await close();
  });

  await check('an Author cannot inject markup or script through shortcode or block attributes', async () => {
    for (const key of ['inject', 'injectBlock']) {
      const { page, problems, close } = await open(posts[key].url);
      await page.waitForFunction(() => document.querySelectorAll('[data-maig-mounted]').length === document.querySelectorAll('[data-maig-widget]').length, null, { timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const found = await page.evaluate(() => {
        const entry = document.querySelector('.wp-site-blocks') ?? document.body;
        const placeholders = [...document.querySelectorAll('[data-maig-widget]')];
        return {
          injected: window.maigInjected ?? null,
          scriptsInContent: [...entry.querySelectorAll('main script, .entry-content script, [data-maig-widget] script')].length,
          images: [...entry.querySelectorAll('[data-maig-widget] img, .entry-content img')].length,
          handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
          jsLinks: [...document.querySelectorAll('a[href^="javascript:" i]')].length,
          attributes: [...new Set(placeholders.flatMap((d) => [...d.attributes].map((a) => a.name)))].sort(),
          elements: [...document.querySelectorAll('maig-member-count, maig-principles, maig-city-stats')].map((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`).join(' ')),
        };
      });
      equal(found.injected, null, `${key}: window.maigInjected`);
      equal(found.scriptsInContent, 0, `${key}: scripts in the content`);
      equal(found.images, 0, `${key}: images in the content`);
      equal(found.handlers, [], `${key}: event handler attributes`);
      equal(found.jsLinks, 0, `${key}: javascript: links`);
      const allowed = ['class', 'data-maig-widget', 'data-maig-mounted', 'data-state', 'data-label', 'data-city', 'data-join', 'data-heading-level', 'data-theme', 'data-open', 'data-feed'];
      assert(found.attributes.every((a) => allowed.includes(a)), `${key}: placeholder attributes ${found.attributes}`);
      log(`      ${key}: ${found.elements.join(' | ')}`);
      equal(problems.filter((p) => !/maig-widgets|maig-member|maig-principles|maig-city/i.test(p) || /pageerror/.test(p)), [], `${key}: errors other than the widgets' own messages`);
      await close();
    }
  });

  await check(`the block (server-rendered) shows ${njCount} members for NJ and the principles expanded`, async () => {
    const { page, problems, close } = await open(posts.block.url);
    equal(await shadow(page, 'maig-member-count[state="NJ"]', '[part="number"]'), String(njCount), 'member count');
    await page.waitForFunction(() => document.querySelector('maig-principles[open]')?.shadowRoot?.querySelector('[part="list"]'));
    const expanded = await page.evaluate(() => [...document.querySelector('maig-principles').shadowRoot.querySelectorAll('button.toggle')].map((b) => b.getAttribute('aria-expanded')));
    equal(expanded.length, 12, 'principles');
    assert(expanded.every((e) => e === 'true'), `open: ${expanded}`);
    equal(await page.locator('.wp-block-maig-widgets-widget').count(), 3, 'block wrappers');
    equal(problems.filter((p) => !/maig/i.test(p)), [], 'errors');
    await close();
  });

  await check('in the block editor, the Author sees the widget itself in the block preview', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${wpUrl}/wp-login.php`);
    await page.fill('#user_login', 'author1');
    await page.fill('#user_pass', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
    await page.goto(`${wpUrl}/wp-admin/post.php?post=${posts.block.id}&action=edit`);
        await page.waitForFunction(() => document.querySelectorAll('[data-type="maig-widgets/widget"]').length === 3, null, { timeout: 60_000 });
    const count = await page
      .waitForFunction(() => document.querySelector('[data-type="maig-widgets/widget"] maig-member-count')?.shadowRoot?.querySelector('[part="number"]')?.textContent?.trim(), null, { timeout: 60_000 })
      .then((h) => h.jsonValue());
    equal(count, String(njCount), 'member count in the editor');
    // Selecting the block shows the widget picker and its attributes in the sidebar.
    const welcome = page.locator('.edit-post-welcome-guide button[aria-label="Close dialog"]');
    if (await welcome.count()) await welcome.click();
    await page.click('[data-type="maig-widgets/widget"]', { position: { x: 5, y: 5 } });
    await page.waitForSelector('.block-editor-block-inspector select', { timeout: 30_000 });
    const labels = await page.evaluate(() => [...document.querySelectorAll('.block-editor-block-inspector label')].map((l) => l.textContent.trim()));
    for (const l of ['Widget', 'state', 'label', 'hide-claim', 'lang']) assert(labels.includes(l), `sidebar label ${l} in ${labels}`);
    if (process.env.MAIG_WP_SCREENSHOTS) await page.screenshot({ path: join(process.env.MAIG_WP_SCREENSHOTS, 'editor.png') });
    equal(errors, [], 'page errors');
    await context.close();
  });

  const hasEmbed = existsSync(join(unpacked, 'maig-widgets/dist/embed/index.html'));
  await check('a pasted embed URL (bundled copy; on its own line and as an Embed block) becomes an iframe showing the widget, resized to it', async () => {
    if (!hasEmbed) return ['skip', 'no dist/embed in this build: the embed page comes from the embed branch'];
    const { page, problems, close } = await open(posts.embed.url);
    const frames = page.locator('iframe.maig-widgets-embed');
    equal(await frames.count(), 2, 'iframes (URL on its own line, Embed block)');
    equal(await frames.first().getAttribute('src'), embedUrl, 'iframe src');
    const inner = page.frameLocator('iframe.maig-widgets-embed >> nth=0').locator('maig-member-count [part="number"]');
    equal((await inner.textContent({ timeout: 30_000 })).trim(), String(njCount), 'member count in the iframe');
    const principles = page.frameLocator('iframe.maig-widgets-embed >> nth=1').locator('maig-principles [part="list"] > li');
    await principles.first().waitFor({ timeout: 30_000 });
    equal(await principles.count(), 12, 'principles in the Embed block iframe');
    await page.waitForFunction(() => [...document.querySelectorAll('iframe.maig-widgets-embed')].every((f) => f.style.height !== ''), null, { timeout: 30_000 });
    if (process.env.MAIG_WP_SCREENSHOTS) await page.screenshot({ path: join(process.env.MAIG_WP_SCREENSHOTS, 'embed.png'), fullPage: true });
    equal(problems, [], 'errors');
    await close();
  });

  // ── Spanish (issue 11): lang on shortcodes, the block and embeds; a site whose language is Spanish ──
  const SPANISH_FALLBACK = /^Mayors Against Illegal Guns tiene ciudades miembro en PR\. Vea las ciudades miembro \(en inglés\)$/;
  await check('lang on shortcodes, the block and a pasted embed URL reaches the widget validated; the Spanish text loads; an invalid tag is dropped', async () => {
    const { page, problems, scripts, close } = await open(posts.spanish.url);
    await page.waitForFunction(() => document.querySelectorAll('[data-maig-mounted]').length === 5, null, { timeout: 30_000 });
    const langs = await page.evaluate(() =>
      [...document.querySelectorAll('[data-maig-widget]')].map((d) => `${d.dataset.maigWidget}:${d.getAttribute('data-lang') ?? ''}:${d.querySelector(':scope > :is(maig-member-count, maig-principles, maig-city-stats)')?.getAttribute('lang') ?? ''}`),
    );
    equal(langs, ['member-count:es:es', 'principles:es-PR:es-PR', 'member-count::', 'member-count:en:en', 'city-stats:es:es'], 'data-lang on the placeholders and lang on the widgets');
    equal(await shadow(page, 'maig-member-count[state="PR"]', '[part="number"]'), String(feed('members.json').members.filter((m) => m.state === 'PR').length), 'the Spanish member count renders');
    await page.waitForFunction(() => document.querySelector('maig-principles')?.shadowRoot?.querySelector('[part="list"]'));
    assert(scripts.some((u) => /\/catalog-es[-.]/.test(u)), `the Spanish catalog is loaded: ${scripts}`);
    if (hasEmbed) {
      const frame = page.locator('iframe.maig-widgets-embed');
      equal(await frame.count(), 1, 'the pasted Spanish embed URL');
      equal(await frame.getAttribute('title'), 'Número de ciudades miembro · Mayors Against Illegal Guns', 'Spanish iframe title');
      equal(await frame.getAttribute('lang'), 'es', 'iframe lang');
      const inner = page.frameLocator('iframe.maig-widgets-embed').locator('maig-member-count[lang="es"] [part="number"]');
      await inner.waitFor({ timeout: 30_000 });
      equal(await page.frameLocator('iframe.maig-widgets-embed').locator('html').getAttribute('lang'), 'es', 'the embed page is Spanish');
    }
    await page.waitForLoadState('networkidle');
    equal(problems, [], 'errors');
    await close();
  });

  const fallbacks = async (url) => {
    const { page, close } = await open(url, { javaScript: false });
    const out = await page.evaluate(() => ({
      html: document.documentElement.lang,
      list: [...document.querySelectorAll('[data-maig-widget]')].map((d) => ({ text: d.textContent.replace(/\s+/g, ' ').trim(), lang: d.querySelector('p')?.getAttribute('lang') ?? null })),
    }));
    await close();
    return out;
  };
  await check('without JavaScript a Spanish widget\'s words and link are Spanish (marked lang), others stay English', async () => {
    const { list } = await fallbacks(posts.spanish.url);
    assert(SPANISH_FALLBACK.test(list[0].text), `member count PR: ${list[0].text}`);
    equal(list[0].lang, 'es', 'lang of the Spanish fallback');
    assert(/^La Declaración de Principios de Mayors Against Illegal Guns, disponible solo en inglés\./.test(list[1].text), `principles: ${list[1].text}`);
    assert(/^Mayors Against Illegal Guns has member cities in NJ\./.test(list[2].text) && list[2].lang === null, `invalid lang: English, unmarked: ${JSON.stringify(list[2])}`);
    assert(/^Mayors Against Illegal Guns has member cities in MD\./.test(list[3].text) && list[3].lang === 'en', `lang=en: ${JSON.stringify(list[3])}`);
    assert(/^Estadísticas de violencia armada de Baltimore, MD\./.test(list[4].text), `city stats block: ${list[4].text}`);
  });

  await check('on a site whose language is Spanish (es_ES) widgets without lang are Spanish: <html lang="es-ES">, Spanish fallback, the Spanish catalog loads', async () => {
    try {
      equal(wp('locale', 'es_ES').locale, 'es_ES', 'site language saved');
      const noJs = await fallbacks(posts.shortcodes.url);
      equal(noJs.html, 'es-ES', '<html lang>');
      assert(/^Mayors Against Illegal Guns tiene ciudades miembro en NJ\./.test(noJs.list[0].text) && noJs.list[0].lang === null, `member count: ${JSON.stringify(noJs.list[0])}`);
      const { page, scripts, close } = await open(posts.shortcodes.url);
      equal(await shadow(page, 'maig-member-count[state="NJ"]', '[part="number"]'), String(njCount), 'member count');
      equal(await page.evaluate(() => document.querySelector('maig-member-count').getAttribute('lang')), null, 'no lang on the widget: it follows the page');
      assert(scripts.some((u) => /\/catalog-es[-.]/.test(u)), 'the Spanish catalog is loaded');
      await close();
    } finally {
      wp('locale', '');
    }
    const english = await fallbacks(posts.shortcodes.url);
    assert(/^Mayors Against Illegal Guns has member cities in NJ\./.test(english.list[0].text), `English again: ${english.list[0].text}`);
  });

  // ── A base URL in Settings: the script and the embeds come from the reference server ────────
  const base = wp('base-url', refUrl);
  await check('with a base URL in Settings the widgets load from it (cross-origin module) and still render', async () => {
    equal(base.settings.base_url, refUrl, 'saved base URL');
    const { page, problems, scripts, close } = await open(posts.shortcodes.url);
    equal(await shadow(page, 'maig-member-count[state="NJ"]', '[part="number"]'), String(njCount), 'member count');
    assert(scripts.some((s) => s.startsWith(`${refUrl}dist/maig-widgets.js`)), `loader from the base URL: ${scripts}`);
    assert(!scripts.some((s) => s.includes('/wp-content/plugins/maig-widgets/dist/')), 'nothing from the bundled copy');
    await page.waitForLoadState('networkidle');
    equal(problems, [], 'errors');
    await close();
  });
  await check('a pasted embed URL under the base URL goes through the oEmbed provider and shows the widget', async () => {
    const answer = await fetch(`${refUrl}oembed?url=${encodeURIComponent(`${refUrl}dist/embed/index.html?widget=member-count&state=NJ`)}&format=json`);
    if (answer.status === 404 && !existsSync('dist/embed/index.html')) return ['skip', 'the reference server has no /oembed yet (embed branch)'];
    assert(answer.ok, `oEmbed answer ${answer.status}`);
    const { page, problems, close } = await open(base.post.url);
    const frame = page.locator(`iframe[src^="${refUrl}dist/embed/"]`);
    equal(await frame.count(), 1, 'iframes from the provider');
    equal(await frame.getAttribute('sandbox'), null, 'trusted provider: not sandboxed by WordPress');
    const inner = page.frameLocator(`iframe[src^="${refUrl}dist/embed/"]`).locator('maig-member-count [part="number"]');
    equal((await inner.textContent({ timeout: 30_000 })).trim(), String(njCount), 'member count in the iframe');
    await page.waitForFunction((u) => document.querySelector(`iframe[src^="${u}"]`).style.height !== '', `${refUrl}dist/embed/`, { timeout: 30_000 });
    equal(problems, [], 'errors');
    await close();
  });

  await check('Settings → MAIG Widgets: an Editor is refused, an Administrator gets the form with its nonce', async () => {
    const tryAs = async (user) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${wpUrl}/wp-login.php`);
      await page.fill('#user_login', user);
      await page.fill('#user_pass', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
      const res = await page.goto(`${wpUrl}/wp-admin/options-general.php?page=maig-widgets`);
      const out = {
        status: res.status(),
        nonce: await page.locator('form[action="options.php"] input[name="_wpnonce"]').count(),
        base: await page.locator('#maig_widgets_base_url').inputValue().catch(() => null),
      };
      await context.close();
      return out;
    };
    const editor = await tryAs('editor1');
    assert(editor.status === 403 && editor.nonce === 0, `editor: ${JSON.stringify(editor)}`);
    const admin = await tryAs('admin');
    equal(admin, { status: 200, nonce: 1, base: refUrl }, 'administrator');
  });

  await check('PHP logged no notice, warning or error from the plugin', () => {
    const file = join(tmp, 'debug.log');
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => /maig-widgets/.test(l)) : [];
    equal(lines, [], 'debug.log lines naming the plugin');
  });

  await check('uninstall removes its options', () => {
    const u = wp('uninstall');
    equal(u, { before: true, after: false }, 'option before / after uninstall');
  });
}

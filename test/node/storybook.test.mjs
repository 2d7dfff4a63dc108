// Storybook's static build (`storybook build`, as `npm run build-storybook` makes it): a story
// for every element and state, a control for every documented attribute, and stories that
// render from the real default feed served next to them. Builds into a temporary folder.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { launch } from '../../scripts/lib/browser.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Every element the package registers: `defineElement('maig-x', Class)` in src/<name>/define.ts. */
function elements() {
  return readdirSync('src', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join('src', d.name, 'define.ts')))
    .map((d) => {
      const source = readFileSync(join('src', d.name, 'define.ts'), 'utf8');
      const [, tag, className] = source.match(/defineElement\('([a-z-]+)',\s*(\w+)\)/) ?? [];
      assert.ok(tag, `src/${d.name}/define.ts defines no element`);
      return { tag, className };
    });
}

/** The attributes custom-elements.json documents for an element (found by tag, or by class name). */
function documentedAttributes(manifest, { tag, className }) {
  for (const module of manifest.modules) {
    for (const d of module.declarations ?? []) {
      if (d.kind === 'class' && (d.tagName === tag || d.name === className)) return (d.attributes ?? []).map((a) => a.name).sort();
    }
  }
  assert.fail(`custom-elements.json has no declaration for <${tag}>`);
}

let dir;
let server;
let base;
let browser;
let context;
let index;

before(async () => {
  assert.ok(existsSync('dist/feed/v1/index.json'), 'the default feed is built (npm run feed)');
  dir = mkdtempSync(join(tmpdir(), 'maig-storybook-'));
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/.bin/storybook', 'build', '--disable-telemetry', '--quiet', '--output-dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: '1' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`storybook build exited ${code}\n${output}`))));
  });
  index = readJson(join(dir, 'index.json'));
  // A static host: files as they are, 404 for anything else, 405 for a POST to a file.
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(dir, path.endsWith('/') ? `${path}index.html` : path));
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'max-age=600' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
  context = await browser.newContext({ locale: 'en-US' });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** One story's iframe page, with its console errors. */
async function openStory(id) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${base}iframe.html?id=${id}&viewMode=story`);
  return { page, problems };
}

/** Waits for `selector` in the shadow root of the story's element and returns its text. */
const shadowText = (page, tag, selector, timeout = 10_000) =>
  page
    .waitForFunction(([t, s]) => document.querySelector(t)?.shadowRoot?.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim(), [tag, selector], { timeout })
    .then((h) => h.jsonValue());

describe('Storybook static build', () => {
  test('every element has Default, Loading, Empty, Error, Dark and Narrow stories', () => {
    const stories = Object.values(index.entries).filter((e) => e.type === 'story');
    for (const { tag } of elements()) {
      assert.ok(existsSync(`stories/${tag}.stories.ts`), `stories/${tag}.stories.ts`);
      const names = stories.filter((s) => s.title === tag).map((s) => s.name);
      for (const wanted of [/^Default$/, /^Loading/, /^Empty/, /^Error/, /^Dark$/, /^Narrow$/]) {
        assert.ok(names.some((n) => wanted.test(n)), `<${tag}> has no story matching ${wanted}: ${names.join(', ')}`);
      }
    }
  });

  test('each element has a control for every attribute custom-elements.json documents, and no other', async () => {
    const manifest = readJson('dist/custom-elements.json');
    const { page } = await openStory('maig-member-count--default');
    await page.waitForFunction(() => globalThis.__STORYBOOK_PREVIEW__?.storyStoreValue);
    const controls = await page.evaluate(async () => {
      const stories = await globalThis.__STORYBOOK_PREVIEW__.extract();
      return Object.fromEntries(
        Object.entries(stories).map(([id, s]) => [
          id,
          Object.entries(s.argTypes)
            .filter(([, t]) => t.table?.category === 'attributes' && t.control && !t.control.disable)
            .map(([name]) => name)
            .sort(),
        ]),
      );
    });
    for (const element of elements()) {
      const expected = documentedAttributes(manifest, element);
      assert.deepEqual(controls[`${element.tag}--default`], expected, `<${element.tag}> controls`);
    }
    await page.close();
  });

  test('Default stories render the real default feed served by Storybook', async () => {
    const members = readJson('dist/feed/v1/members.json');
    const principles = readJson('dist/feed/v1/principles.json');
    const md = readJson('dist/feed/v1/stats/state/md.json');
    const [count, statement, stats] = await Promise.all(
      ['maig-member-count--default', 'maig-principles--default', 'maig-city-stats--default'].map((id) => openStory(id)),
    );
    assert.equal(await shadowText(count.page, 'maig-member-count', '[part="number"]'), new Intl.NumberFormat('en-US').format(members.members.length));

    await shadowText(statement.page, 'maig-principles', '[part="list"]');
    const current = principles.versions.find((v) => v.id === principles.defaultVersion);
    assert.equal(await statement.page.evaluate(() => document.querySelector('maig-principles').shadowRoot.querySelectorAll('[part="toggle"]').length), current.principles.length);

    const latest = md.cdc.points.at(-1);
    assert.match(await shadowText(stats.page, 'maig-city-stats', '[data-figure="state-deaths"]'), new RegExp(`^${new Intl.NumberFormat('en-US').format(latest.deaths)} firearm deaths in Maryland ${latest.year}`));

    for (const { page, problems } of [count, statement, stats]) {
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('Loading stories stay loading, Empty and Error stories say what happened', async () => {
    const [loading, empty, missing, broken, notSent] = await Promise.all(
      [
        'maig-member-count--loading',
        'maig-member-count--empty',
        'maig-city-stats--error-not-found',
        'maig-principles--error-broken-feed',
        // Its play function fills the form in and sends it to an address with no receiver.
        'maig-join-form--error-not-sent',
      ].map((id) => openStory(id)),
    );
    await loading.page.waitForFunction(() => document.querySelector('maig-member-count')?.shadowRoot?.querySelector('[part="loading"][role="status"]'));
    await loading.page.waitForTimeout(1000);
    assert.ok(await loading.page.evaluate(() => document.querySelector('maig-member-count').shadowRoot.querySelector('[part="loading"]')), 'still loading');

    assert.match(await shadowText(empty.page, 'maig-member-count', '[part="empty"]'), /No member cities in Wyoming/);

    assert.match(await shadowText(missing.page, 'maig-city-stats', '[part="error"][role="alert"]'), /HTTP 404/);

    assert.match(await shadowText(broken.page, 'maig-principles', '[part="error"][role="alert"]'), /could not be shown/);

    assert.match(await shadowText(notSent.page, 'maig-join-form', '.failed', 15_000), /Your form was not sent\. The coalition's server refused the form \(error 404\)/);
    for (const { page } of [loading, empty, missing, broken, notSent]) await page.close();
  });
});

// The WordPress plugin as `npm run build` packages it (no PHP needed here; `npm run test:wordpress`
// runs it in a real WordPress): the allow-list follows custom-elements.json, and the zip holds the
// plugin, its readme and the built widgets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { widgetDefinitions } from '../../scripts/build-wordpress.mjs';

/** Entries of a zip file: name => content (reads the central directory). */
function unzip(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(body) : body);
    p += 46 + nameLen + extra + comment;
  }
  return files;
}

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const zip = unzip(readFileSync('dist/wordpress/maig-widgets.zip'));
const text = (name) => zip.get(`maig-widgets/${name}`)?.toString('utf8');

test('the allow-list has every widget with exactly the attributes custom-elements.json documents', () => {
  const widgets = widgetDefinitions(manifest);
  assert.deepEqual(Object.keys(widgets), ['city-stats', 'join-form', 'member-count', 'member-map', 'principles']);
  const documented = (tag) =>
    manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag || d.name === tag.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase()))
      .attributes.map((a) => a.name);
  for (const [name, w] of Object.entries(widgets)) {
    assert.deepEqual(Object.keys(w.attributes), documented(w.tag), name);
    assert.equal(w.shortcode, `maig_${name.replace(/-/g, '_')}`);
  }
  assert.equal(widgets['member-count'].attributes['hide-claim'].type, 'boolean');
  assert.deepEqual(widgets['member-count'].attributes.theme, { ...widgets['member-count'].attributes.theme, type: 'enum', values: ['light', 'dark', 'auto'] });
  assert.equal(widgets['member-map'].attributes.highlight.type, 'string');
  // The packaged PHP allow-list is that list.
  const php = text('includes/attributes.php');
  for (const [name, w] of Object.entries(widgets)) {
    assert.match(php, new RegExp(`'${name}' => array\\(\\s*'tag' => '${w.tag}'`));
    for (const attr of Object.keys(w.attributes)) assert.ok(php.includes(`'${attr}' => array(`), `${name} ${attr}`);
  }
});

test('the zip holds the plugin, its WordPress readme and the built widgets, without source maps', () => {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  for (const f of ['maig-widgets.php', 'uninstall.php', 'readme.txt', 'includes/render.php', 'includes/attributes.php', 'assets/block-editor.js',
    'dist/maig-widgets.js', 'dist/maig-widgets.css', 'dist/custom-elements.json', 'dist/feed/v1/index.json', 'dist/feed/v1/stats/state/md.json',
    'dist/embed/index.html', 'dist/embed/resize.js']) {
    assert.ok(zip.has(`maig-widgets/${f}`), f);
  }
  for (const el of ['member-count', 'member-map', 'principles', 'city-stats', 'join-form']) assert.ok(zip.has(`maig-widgets/dist/elements/maig-${el}.js`), el);
  assert.deepEqual([...zip.keys()].filter((n) => n.endsWith('.map')), []);
  assert.deepEqual([...zip.keys()].filter((n) => !n.startsWith('maig-widgets/')), []);
  assert.equal(text('dist/maig-widgets.js'), readFileSync('dist/maig-widgets.js', 'utf8'));
  assert.match(text('maig-widgets.php'), new RegExp(`^ \\* Version:\\s+${version.replace(/\./g, '\\.')}$`, 'm'));
  assert.match(text('readme.txt'), /^=== MAIG Widgets ===$/m);
  assert.match(text('readme.txt'), new RegExp(`^Stable tag: ${version.replace(/\./g, '\\.')}$`, 'm'));
  for (const f of [...zip.keys()].filter((n) => n.endsWith('.php'))) {
    const src = zip.get(f).toString('utf8');
    if (f.endsWith('/index.php') || f.endsWith('/uninstall.php')) continue;
    assert.match(src, /defined\( 'ABSPATH' \) \|\| exit;/, `${f} stops when loaded directly`);
  }
});

// The WordPress plugin as `npm run build` packages it (no PHP needed here; `npm run test:wordpress`
// runs it in a real WordPress): the allow-list follows custom-elements.json, and the zip holds the
// plugin, its readme and the built widgets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { phpRegex, widgetDefinitions } from '../../scripts/build-wordpress.mjs';
import { SPANISH } from '../../src/common/lang.js';
import { WIDGETS } from '../../src/common/widgets.js';

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
  assert.deepEqual(Object.keys(widgets), Object.keys(WIDGETS).sort());
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
    'dist/embed/index.html', 'dist/embed/resize.js', 'dist/common/embed-params.js', 'dist/common/lang.js']) {
    assert.ok(zip.has(`maig-widgets/${f}`), f);
  }
  for (const el of Object.keys(WIDGETS)) assert.ok(zip.has(`maig-widgets/dist/elements/maig-${el}.js`), el);
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

// issue 11: `lang` on shortcodes and the block, and the no-JavaScript fallback in Spanish. The
// plugin's own PHP (from the zip) with WordPress's few escaping functions stubbed, when PHP is here
// (the real WordPress run is `npm run test:wordpress`).
const hasPhp = spawnSync('php', ['-v']).status === 0;

test('the plugin says "Spanish" by the widgets\' own rule, written into it at build, and keeps no copy of its own', () => {
  assert.equal(phpRegex(SPANISH), '/^es(?:-|$)/i');
  assert.equal(phpRegex(/a\/b/), '/a\\/b/');
  assert.throws(() => phpRegex(/x/u), /flags/);
  const php = text('includes/attributes.php');
  assert.ok(php.includes(`function maig_widgets_is_spanish_tag( $tag ) {\n\treturn (bool) preg_match( '${phpRegex(SPANISH)}', trim( (string) $tag ) );`), php);
  for (const f of ['includes/render.php', 'includes/oembed.php']) {
    assert.match(text(f), /maig_widgets_is_spanish_tag\( \$lang \)/, f);
    assert.doesNotMatch(text(f), /\^es/, `${f} has no Spanish rule of its own`);
  }
  // Titles come from the registry.
  const widgets = widgetDefinitions(manifest);
  for (const [name, w] of Object.entries(WIDGETS)) assert.equal(widgets[name].title, w.title, name);
});

test('every widget takes lang, described, in the allow-list and the block', () => {
  const widgets = widgetDefinitions(manifest);
  for (const [name, w] of Object.entries(widgets)) {
    assert.equal(w.attributes.lang?.type, 'string', name);
    assert.match(w.attributes.lang.description, /Spanish/, name);
  }
  assert.match(text('assets/block-editor.js'), /def\.name === 'lang'/);
  assert.match(text('readme.txt'), /lang="es"/);
});

test('lang is validated as a BCP 47 tag; a Spanish widget, or any widget on a Spanish site, has a Spanish fallback', { skip: !hasPhp && 'no php' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'maig-wp-'));
  try {
    for (const f of ['includes/render.php', 'includes/attributes.php']) writeFileSync(join(dir, f.split('/')[1]), zip.get(`maig-widgets/${f}`));
    writeFileSync(
      join(dir, 'run.php'),
      `<?php
define( 'ABSPATH', '/' );
$GLOBALS['maig_locale'] = 'en_US';
function get_locale() { return $GLOBALS['maig_locale']; }
function __( $s ) { return $s; }
function wp_check_invalid_utf8( $s ) { return $s; }
function sanitize_text_field( $s ) { return trim( strip_tags( $s ) ); }
function esc_url_raw( $s ) { return $s; }
function esc_url( $s ) { return htmlspecialchars( $s, ENT_QUOTES ); }
function esc_attr( $s ) { return htmlspecialchars( $s, ENT_QUOTES ); }
function esc_html( $s ) { return htmlspecialchars( $s, ENT_QUOTES ); }
function maig_widgets_settings() { return array( 'feed_url' => '', 'join_endpoint' => '' ); }
function maig_widgets_enqueue() {}
require __DIR__ . '/attributes.php';
require __DIR__ . '/render.php';
$out = array();
foreach ( array( 'es', 'es-US', 'es-419', 'zh-Hant-TW', 'EN', ' es ', '', 'es onmouseover=x', 'es"><b>', 'e', 'es-', 'español', 'es_ES', str_repeat( 'a', 40 ) ) as $v ) {
	$out['lang'][] = maig_widgets_attributes( 'member-count', array( 'lang' => $v ) )['lang'] ?? null;
}
$out['block'] = maig_widgets_attributes( 'city-stats', array( 'state' => 'MD', 'lang' => 'es-PR' ) );
$out['es'] = maig_widgets_render( 'member-count', array( 'state' => 'PR', 'lang' => 'es' ) );
$out['en'] = maig_widgets_render( 'member-count', array( 'state' => 'PR' ) );
$out['enOnSpanish'] = null;
$GLOBALS['maig_locale'] = 'es_MX';
$out['site'] = maig_widgets_render( 'principles', array() );
$out['enOnSpanish'] = maig_widgets_render( 'join-form', array( 'lang' => 'en' ) );
echo json_encode( $out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
`,
    );
    const r = spawnSync('php', [join(dir, 'run.php')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.lang, ['es', 'es-US', 'es-419', 'zh-Hant-TW', 'EN', 'es', null, null, null, null, null, null, null, null]);
    assert.deepEqual(out.block, { state: 'MD', lang: 'es-PR' });
    assert.match(out.es, /^<div class="maig-widget" data-maig-widget="member-count" data-state="PR" data-lang="es"><p lang="es">Mayors Against Illegal Guns tiene ciudades miembro en PR\. <a href="https:[^"]+">Vea las ciudades miembro \(en inglés\)<\/a><\/p><\/div>$/);
    assert.match(out.en, /^<div class="maig-widget" data-maig-widget="member-count" data-state="PR"><p>Mayors Against Illegal Guns has member cities in PR\. <a [^>]+>See the member cities<\/a><\/p><\/div>$/);
    // A site in Spanish (es_*): no lang needed, the fallback is Spanish (the widget follows <html lang>).
    assert.match(out.site, /^<div class="maig-widget" data-maig-widget="principles"><p>La Declaración de Principios de Mayors Against Illegal Guns, disponible solo en inglés\. <a [^>]+>Lea la Declaración de Principios \(en inglés\)<\/a><\/p><\/div>$/);
    assert.match(out.enOnSpanish, /data-lang="en"><p lang="en">Mayors can join Mayors Against Illegal Guns by signing/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

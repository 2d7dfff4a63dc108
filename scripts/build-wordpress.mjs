#!/usr/bin/env node
// Part of `npm run build` (after the bundles, the feed and custom-elements.json):
// 1. writes the WordPress plugin's allow-list, integrations/wordpress/maig-widgets/includes/attributes.php,
//    from the widget registry (src/common/widgets.js: which widgets, their titles), dist/custom-elements.json
//    (the attributes each widget documents), the feed (fallback links) and the Spanish rule (src/common/lang.js);
// 2. stages the plugin with the built widgets (loader, elements, chunks, feed, stylesheet, embed pages)
//    in dist/wordpress/maig-widgets/ and zips it as dist/wordpress/maig-widgets.zip.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { SPANISH } from '../src/common/lang.js';
import { WIDGETS } from '../src/common/widgets.js';

const PLUGIN_SRC = 'integrations/wordpress/maig-widgets';
const OUT = 'dist/wordpress';
const STAGE = join(OUT, 'maig-widgets');

/** Each widget's title, from the registry (src/common/widgets.js). */
const TITLES = Object.fromEntries(Object.entries(WIDGETS).map(([name, w]) => [name, w.title]));

/** Said of `lang` when the manifest has no description for it (the native attribute every widget observes). */
const LANG_DESCRIPTION =
  'Language of the widget, a BCP 47 tag: es, es-US, es-PR… give Spanish, anything else English. Default: the page\'s language (on a site whose WordPress language is Spanish, Spanish).';

/** Reads each widget's documented attributes from the manifest. */
export function widgetDefinitions(manifest) {
  const widgets = {};
  for (const mod of manifest.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (decl.kind !== 'class') continue;
      // A class without @tag (today maig-member-map) still names its element: MaigMemberMap -> maig-member-map.
      const tag = decl.tagName ?? decl.name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
      const name = tag.replace(/^maig-/, '');
      if (!(name in TITLES) || !decl.attributes?.length) continue;
      const attributes = {};
      for (const a of decl.attributes ?? []) {
        const text = (a.type?.text ?? '').trim();
        const literals = text.split('|').map((s) => s.trim()).filter((s) => s !== 'null' && s !== 'undefined');
        let type = 'string';
        let values = [];
        if (text === 'boolean') type = 'boolean';
        else if (text === 'number') type = 'number';
        else if (literals.length && literals.every((s) => /^'[^']*'$/.test(s))) {
          type = 'enum';
          values = literals.map((s) => s.slice(1, -1));
        }
        const description = (a.description ?? '').replace(/\s+/g, ' ').trim() || (a.name === 'lang' ? LANG_DESCRIPTION : '');
        attributes[a.name] = { type, values, description };
      }
      // Every widget takes `lang` (issue 11), validated as a BCP 47 tag by render.php. The shortcodes
      // and the block take it from here only: no PHP adds it on its own.
      attributes.lang ??= { type: 'string', values: [], description: LANG_DESCRIPTION };
      widgets[name] = { tag, shortcode: `maig_${name.replace(/-/g, '_')}`, title: TITLES[name] ?? name, attributes };
    }
  }
  return Object.fromEntries(Object.entries(widgets).sort(([a], [b]) => a.localeCompare(b)));
}

/** A PHP literal for a JSON-like value (strings single-quoted and escaped). */
function php(value, indent = '') {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const inner = indent + '\t';
  if (Array.isArray(value)) {
    if (!value.length) return 'array()';
    return `array(\n${value.map((v) => `${inner}${php(v, inner)},`).join('\n')}\n${indent})`;
  }
  const entries = Object.entries(value);
  if (!entries.length) return 'array()';
  return `array(\n${entries.map(([k, v]) => `${inner}${php(k)} => ${php(v, inner)},`).join('\n')}\n${indent})`;
}

/**
 * A PCRE pattern for a JavaScript regular expression of the plain kind the shared rules use
 * (no lookbehind, named groups or `u`/`v` features): `/source/flags`, with i, m and s kept.
 * @param {RegExp} re
 */
export function phpRegex(re) {
  if (/[^ims]/.test(re.flags.replace(/[gy]/g, ''))) throw new Error(`build-wordpress: ${re} has flags PHP cannot take`);
  return `/${re.source.replace(/(?<!\\)\//g, '\\/')}/${re.flags.replace(/[^ims]/g, '')}`;
}

export function attributesPhp(widgets, links) {
  return `<?php
/**
 * Written by \`npm run build\` (scripts/build-wordpress.mjs) from the widget registry
 * (src/common/widgets.js), dist/custom-elements.json, the feed and src/common/lang.js. Do not edit:
 * change the registry or the elements' JSDoc (@attr) instead.
 *
 * @package MaigWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Each widget: its element, shortcode, title and the attributes custom-elements.json documents
 * (type: string, boolean, number or enum with its values).
 *
 * @return array<string, array<string, mixed>>
 */
function maig_widgets_definitions() {
	return ${php(widgets, '\t')};
}

/**
 * Links for the no-JavaScript fallbacks, from the feed.
 *
 * @return array<string, string>
 */
function maig_widgets_links() {
	return ${php(links, '\t')};
}

/**
 * Whether a language tag asks for Spanish (es, es-US, es-PR…): the widgets' own rule, from
 * src/common/lang.js.
 *
 * @param string $tag A language tag.
 * @return bool
 */
function maig_widgets_is_spanish_tag( $tag ) {
	return (bool) preg_match( ${php(phpRegex(SPANISH))}, trim( (string) $tag ) );
}
`;
}

/** A zip archive (deflate) of a folder; entries named under \`prefix/\`. */
function zipFolder(dir, prefix) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dir);
  const chunks = [];
  const central = [];
  let offset = 0;
  // Fixed DOS date/time (2020-01-01 00:00) so the archive is reproducible.
  const dosTime = 0;
  const dosDate = ((2020 - 1980) << 9) | (1 << 5) | 1;
  for (const file of files) {
    const name = Buffer.from(`${prefix}/${relative(dir, file).split(sep).join('/')}`, 'utf8');
    const data = readFileSync(file);
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(stored ? 0 : 8, 10);
    head.writeUInt16LE(dosTime, 12);
    head.writeUInt16LE(dosDate, 14);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(body.length, 20);
    head.writeUInt32LE(data.length, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(0o100644 * 0x10000, 38); // external attributes: regular file, 644
    head.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(head, name);
    offset += local.length + name.length + body.length;
  }
  const centralBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return { zip: Buffer.concat([...chunks, centralBuf, end]), count: files.length };
}

export function buildWordPress() {
  const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
  const index = JSON.parse(readFileSync('dist/feed/v1/index.json', 'utf8'));
  const national = JSON.parse(readFileSync('dist/feed/v1/stats/national.json', 'utf8'));
  const stateFile = readdirSync('dist/feed/v1/stats/state').find((f) => f.endsWith('.json'));
  const state = stateFile ? JSON.parse(readFileSync(join('dist/feed/v1/stats/state', stateFile), 'utf8')) : {};
  const links = {
    site: index.coalition.site,
    join: index.coalition.joinUrl ?? index.coalition.site,
    cdc: state.cdc?.url ?? national.deaths?.url ?? index.coalition.site,
  };
  const widgets = widgetDefinitions(manifest);
  const expected = Object.keys(TITLES).sort();
  if (Object.keys(widgets).join() !== expected.join()) {
    throw new Error(`build-wordpress: custom-elements.json names ${Object.keys(widgets).join(', ')}; expected ${expected.join(', ')}`);
  }
  writeFileSync(join(PLUGIN_SRC, 'includes/attributes.php'), attributesPhp(widgets, links));

  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  cpSync(PLUGIN_SRC, STAGE, { recursive: true });
  const main = join(STAGE, 'maig-widgets.php');
  writeFileSync(main, readFileSync(main, 'utf8')
    .replace(/^( \* Version:\s+).*$/m, `$1${version}`)
    .replace(/define\( 'MAIG_WIDGETS_VERSION', '[^']*' \);/, `define( 'MAIG_WIDGETS_VERSION', '${version}' );`));
  const readme = join(STAGE, 'readme.txt');
  writeFileSync(readme, readFileSync(readme, 'utf8').replace(/^Stable tag: .*$/m, `Stable tag: ${version}`));
  // The built widgets, without source maps (the loader resolves elements/ and chunks/ next to itself).
  const noMaps = (src) => !src.endsWith('.map');
  for (const item of ['maig-widgets.js', 'maig-widgets.css', 'custom-elements.json', 'elements', 'chunks', 'feed', 'embed', 'common']) {
    if (existsSync(join('dist', item))) cpSync(join('dist', item), join(STAGE, 'dist', item), { recursive: true, filter: noMaps });
  }
  const { zip, count } = zipFolder(STAGE, 'maig-widgets');
  writeFileSync(join(OUT, 'maig-widgets.zip'), zip);
  return { files: count, bytes: zip.length };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { files, bytes } = buildWordPress();
  console.log(`build-wordpress: ${OUT}/maig-widgets.zip (${files} files, ${(bytes / 1024).toFixed(0)} KB)`);
}

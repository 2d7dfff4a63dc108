// src/common/: the facts the browser code, the build scripts, the server and the WordPress plugin's
// build share, and what follows from each (the registry's widgets in every built list).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateAll } from '../../scripts/build-registry.mjs';
import { READERS } from '../../scripts/build-shapes.mjs';
import { catalogKey } from '../../src/common/catalog-key.js';
import { cityKey, foldCity, foldText } from '../../src/common/fold-city.js';
import { isSpanish } from '../../src/common/lang.js';
import { STATES, STATE_BY_CODE } from '../../src/common/states.js';
import { WIDGETS, WIDGET_NAMES, tagName } from '../../src/common/widgets.js';

test('the registry names every element folder, and each folder defines the element the registry names', () => {
  const folders = readdirSync('src', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join('src', d.name, 'define.ts')))
    .map((d) => d.name)
    .sort();
  assert.deepEqual([...WIDGET_NAMES].sort(), folders);
  for (const name of WIDGET_NAMES) {
    assert.match(readFileSync(`src/${name}/define.ts`, 'utf8'), new RegExp(`defineElement\\('${tagName(name)}',`), name);
    const w = WIDGETS[name];
    assert.ok(w.title && w.es.title && w.title !== w.es.title, `${name}: an English and a Spanish title`);
    assert.ok(Number.isInteger(w.height) && w.height >= 100, `${name}: a height`);
  }
});

test('the lists written from the registry are current (node scripts/build-registry.mjs)', () => {
  for (const [path, code] of Object.entries(generateAll())) assert.equal(readFileSync(path, 'utf8'), code, `${path}: run node scripts/build-registry.mjs`);
  assert.match(readFileSync('src/maig-widgets-all.ts', 'utf8'), /export \* from '\.\/elements\.generated\.js';/);
});

test('the build follows the registry: element modules, the loader, the embed page and the builder, the shape tables', () => {
  for (const name of WIDGET_NAMES) assert.ok(existsSync(`dist/elements/${tagName(name)}.js`), name);
  // The loader knows exactly these names (its own copy of the list: no titles or heights), and
  // shares no module with the widgets (its copies of the shared rules are its own).
  const loader = readFileSync('dist/maig-widgets.js', 'utf8');
  assert.ok(loader.includes(JSON.stringify(WIDGET_NAMES)));
  assert.ok(!loader.includes(WIDGETS['member-map'].es.title));
  assert.doesNotMatch(loader, /(^|[;}])import[{\s*]|from\s*"\.\/chunks\//);
  const embed = JSON.parse(readFileSync('dist/embed/widgets.json', 'utf8'));
  assert.deepEqual(Object.keys(embed), WIDGET_NAMES);
  for (const name of WIDGET_NAMES) {
    const { title, es, height } = WIDGETS[name];
    assert.deepEqual({ title: embed[name].title, es: embed[name].es, height: embed[name].height, tag: embed[name].tag }, { title, es, height, tag: tagName(name) });
  }
  // The embed page and the builder load the shared modules from dist/common/.
  for (const file of ['embed-params.js', 'lang.js']) assert.equal(readFileSync(`dist/common/${file}`, 'utf8'), readFileSync(`src/common/${file}`, 'utf8'));
  assert.deepEqual(READERS, Object.fromEntries(WIDGET_NAMES.filter((n) => WIDGETS[n].reads.length).map((n) => [n, WIDGETS[n].reads])));
});

test('nothing under src/ imports from scripts/ or server/; server/ and scripts/ import from src/ only through src/common/', () => {
  const files = (dir) => readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(m?js|ts)$/.test(f)).map((f) => join(dir, f));
  const imports = (file) => [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
  for (const file of files('src')) {
    for (const spec of imports(file)) assert.ok(!/(^|\/)(scripts|server)\//.test(spec), `${file} imports ${spec}`);
  }
  // (build-registry.mjs writes import lines of test code: text, not imports of its own.)
  for (const file of [...files('server'), ...files('scripts')].filter((f) => !f.endsWith('build-registry.mjs'))) {
    for (const spec of imports(file)) {
      if (/\/src\//.test(spec)) assert.match(spec, /\/src\/common\//, `${file} imports ${spec}`);
    }
  }
});

test('one Spanish rule: es and es-* in any case, trimmed; nothing else', () => {
  for (const tag of ['es', 'es-US', 'es-PR', 'ES', 'es-419', ' es ', 'es-\n']) assert.equal(isSpanish(tag), true, JSON.stringify(tag));
  for (const tag of ['en', 'en-US', 'fr', '', null, undefined, 'espanol', 'e', 'es_ES', 'xes']) assert.equal(isSpanish(tag), false, JSON.stringify(tag));
});

test('one city-name rule: folding for the feed, the statistics card and the map', () => {
  assert.equal(foldText('  Lee’s Summit '), 'lees summit');
  assert.equal(foldText('Cañon City'), 'canon city');
  assert.equal(foldCity('St. Louis'), 'saint louis');
  assert.equal(foldCity('Ste. Genevieve'), 'sainte genevieve');
  assert.equal(foldCity('Mt. Vernon'), 'mount vernon');
  assert.equal(foldCity('Ft. Lauderdale'), 'fort lauderdale');
  assert.equal(foldCity('Stamford'), 'stamford', 'only whole words are spelled out');
  assert.equal(cityKey('De Soto'), cityKey('DeSoto'));
  assert.equal(cityKey('Winston-Salem'), cityKey('Winston Salem'));
  assert.equal(cityKey('Shelby (county)'), cityKey('Shelby County'));
  assert.notEqual(cityKey('Birmingham (Hoover)'), cityKey('Birmingham'));
});

test('one state list: 50 states, DC and 5 territories, by code', () => {
  assert.equal(STATES.length, 56);
  assert.equal(STATES.filter((s) => s.territory).map((s) => s.code).join(), 'AS,GU,MP,PR,VI');
  assert.equal(STATE_BY_CODE.get('NJ')?.fips, '34');
});

test('the catalog key: 32-bit FNV-1a in base 36', () => {
  assert.equal(catalogKey(''), (0x811c9dc5).toString(36));
  assert.equal(catalogKey('a'), (0xe40c292c).toString(36));
});

// The member map's documented CSS custom-property defaults (JSDoc → dist/custom-elements.json,
// docs/embedding.md) are the values its CSS really falls back to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('../../src/member-map/maig-member-map.styles.ts', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'));

/** The light-theme fallbacks in the CSS: the first `var(--maig-map-…, value)` of each name. */
function cssDefaults() {
  const found = new Map();
  for (const [, name, value] of css.matchAll(/var\((--maig-map-[a-z0-9-]+),\s*([^)]+?)\)/g)) if (!found.has(name)) found.set(name, value.trim());
  return found;
}

test('every documented --maig-map-* default equals the CSS fallback', () => {
  const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === 'MaigMemberMap');
  assert.ok(decl, 'maig-member-map in custom-elements.json');
  const documented = (decl.cssProperties ?? []).filter((p) => p.name.startsWith('--maig-map-'));
  assert.ok(documented.length >= 8, 'the map properties are documented');
  const defaults = cssDefaults();
  for (const p of documented) {
    assert.ok(defaults.has(p.name), `${p.name} is used by the CSS`);
    const real = defaults.get(p.name);
    // A default that is a color must be the literal one; var(--_text) stands for the text color.
    if (real.startsWith('#')) assert.equal(p.default?.toLowerCase(), real.toLowerCase(), `${p.name}: documented ${p.default}, CSS ${real}`);
  }
  for (const n of [0, 1, 2, 3, 4, 5]) assert.ok(documented.some((p) => p.name === `--maig-map-shade-${n}`), `--maig-map-shade-${n} documented`);
});

test('docs/embedding.md lists the shade defaults the CSS uses, light and dark', () => {
  const doc = readFileSync(new URL('../../docs/embedding.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const m = doc.match(/Shade defaults: `--maig-map-shade-0` … `-5` = (.*?) \(dark: (.*?)\)/);
  assert.ok(m, 'docs/embedding.md has the shade defaults');
  const list = (s) => [...s.matchAll(/`(#[0-9a-f]{3,8})`/gi)].map((x) => x[1].toLowerCase());
  const defaults = cssDefaults();
  const light = [0, 1, 2, 3, 4, 5].map((n) => defaults.get(`--maig-map-shade-${n}`));
  const dark = [0, 1, 2, 3, 4, 5].map((n) => defaults.get(`--maig-map-shade-${n}-dark`));
  assert.deepEqual(list(m[1]), light);
  assert.deepEqual(list(m[2]), dark);
});

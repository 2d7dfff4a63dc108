// Every widget documents the same theme default in dist/custom-elements.json: the host page's
// color scheme by default, `auto` for the reader's system, `light`/`dark` to force.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName?.startsWith('maig-'));

test('every widget with a theme attribute documents the host page default, auto and light/dark', () => {
  const themed = elements.filter((d) => (d.attributes ?? []).some((a) => a.name === 'theme'));
  for (const tag of ['maig-join-form', 'maig-city-stats', 'maig-member-map', 'maig-member-count', 'maig-principles']) {
    assert.ok(themed.some((d) => d.tagName === tag), `${tag} documents theme`);
  }
  const texts = new Set();
  for (const d of themed) {
    const text = d.attributes.find((a) => a.name === 'theme').description ?? '';
    assert.match(text, /host page's color scheme/, `${d.tagName}: ${text}`);
    assert.match(text, /`auto` follows the reader's system/, `${d.tagName}: ${text}`);
    texts.add(text);
  }
  assert.equal(texts.size, 1, 'one wording for every widget');
});

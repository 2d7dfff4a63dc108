// What a resident reads on the card, the map and the Statement never speaks of "the feed"
// (a developer's word): neither the English sentences nor their Spanish versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

for (const widget of ['city-stats', 'member-map', 'principles']) {
  test(`${widget}: no "this feed" / "estos datos" in its messages`, () => {
    const catalog = readFileSync(new URL(`../../src/${widget}/catalog-es.ts`, import.meta.url), 'utf8');
    assert.doesNotMatch(catalog, /this feed|estos datos|esta fuente de datos/i);
  });
}

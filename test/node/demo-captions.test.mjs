// The demo's captions state facts of the feed (which years a card has): they must match it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('the demo\'s DC card caption names the CDC years the feed has for DC', () => {
  const demo = readFileSync('demo/index.html', 'utf8');
  const caption = /<code>state="DC"<\/code> \(CDC: ([^)]*)\)/.exec(demo)?.[1];
  assert.ok(caption, 'the DC card has its caption');
  const { cdc } = JSON.parse(readFileSync('dist/feed/v1/stats/state/dc.json', 'utf8'));
  const years = cdc.first === cdc.last ? `${cdc.first} only` : cdc.last - cdc.first === 1 ? `${cdc.first} and ${cdc.last} only` : `${cdc.first} to ${cdc.last}`;
  assert.equal(caption, years);
});

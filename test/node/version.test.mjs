import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('the version in src/shared/version.ts matches package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const src = readFileSync('src/shared/version.ts', 'utf8');
  assert.equal(/VERSION = '([^']+)'/.exec(src)?.[1], pkg.version);
});

test('custom-elements.json documents every element with attributes, events, parts and CSS properties', () => {
  const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
  const byTag = Object.fromEntries(elements.map((e) => [e.tagName, e]));
  for (const tag of ['maig-member-count', 'maig-principles', 'maig-city-stats', 'maig-join-form']) {
    const e = byTag[tag];
    assert.ok(e, `${tag} is in the manifest`);
    assert.ok(e.summary, `${tag} has a summary`);
    assert.ok(e.attributes?.some((a) => a.name === 'feed' && a.description), `${tag} documents feed`);
    assert.ok(e.cssParts?.length >= 4, `${tag} documents its parts`);
    assert.ok(e.cssProperties?.some((p) => p.name === '--maig-font-size'), `${tag} documents --maig-font-size`);
    assert.ok(e.slots?.length >= 1, `${tag} documents its slot`);
  }
  assert.ok(byTag['maig-principles'].events?.some((e) => e.name === 'maig-principle-toggle'));
  assert.ok(byTag['maig-principles'].attributes?.some((a) => a.name === 'heading-level' && a.fieldName === 'headingLevel'));
});

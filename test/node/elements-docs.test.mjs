// docs/elements.md is the element reference generated from dist/custom-elements.json by
// scripts/build-docs.mjs: it must be the file the current manifest gives (committed after the
// JSDoc changed), and it must name every documented attribute, event, CSS property, part and slot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ELEMENTS_MD, elementsMarkdown } from '../../scripts/build-docs.mjs';
import { WIDGET_NAMES, tagName } from '../../src/common/widgets.js';

const manifest = JSON.parse(readFileSync(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'));
const committed = readFileSync(new URL(`../../${ELEMENTS_MD}`, import.meta.url), 'utf8');

test('docs/elements.md is up to date with custom-elements.json (run npm run build and commit it)', () => {
  assert.equal(committed, elementsMarkdown(manifest));
});

test("each widget's section names its whole documented surface", () => {
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  for (const name of WIDGET_NAMES) {
    const tag = tagName(name);
    const d = declarations.find((x) => x.tagName === tag);
    assert.ok(d, `${tag} in the manifest`);
    const start = committed.indexOf(`\n## ${tag}\n`);
    assert.ok(start >= 0, `a section for ${tag}`);
    const next = committed.indexOf('\n## ', start + 1);
    const section = committed.slice(start, next < 0 ? undefined : next);
    const names = [
      ...(d.attributes ?? []).map((a) => a.name),
      ...(d.events ?? []).map((e) => e.name),
      ...(d.cssProperties ?? []).map((p) => p.name),
      ...(d.cssParts ?? []).map((p) => p.name),
    ];
    assert.ok(names.length > 5, `${tag} documents its surface`);
    for (const n of names) assert.ok(section.includes(`| \`${n}\` |`), `${tag}: ${n} is in its table`);
    for (const s of d.slots ?? []) assert.ok(section.includes(s.name ? `| \`${s.name}\` |` : '| (default) |'), `${tag}: slot ${s.name || '(default)'}`);
  }
});

test('a changed description changes the reference', () => {
  const copy = structuredClone(manifest);
  const d = copy.modules.flatMap((m) => m.declarations ?? []).find((x) => x.tagName === tagName(WIDGET_NAMES[0]));
  d.attributes[0].description = 'A description nobody wrote.';
  assert.notEqual(elementsMarkdown(copy), committed);
  assert.match(elementsMarkdown(copy), /A description nobody wrote\./);
});

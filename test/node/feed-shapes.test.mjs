// The shape table the widgets check the feed against is compiled from data/schema/ and kept current.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OUTPUT, READERS, generate, generateAll, inlinedTable, shapeOnly, shapeTable, subTable } from '../../scripts/build-shapes.mjs';

test('the shape tables (full, index, one per element) are compiled from the current schemas', () => {
  assert.equal(readFileSync(OUTPUT, 'utf8'), generate(), 'run node scripts/build-shapes.mjs');
  const files = generateAll();
  assert.deepEqual(
    Object.keys(files).map((f) => f.replace(/.*\/src\//, 'src/')),
    ['src/shared/feed/shapes/all.generated.ts', 'src/shared/feed/shapes/index.generated.ts', ...Object.keys(READERS).map((e) => `src/${e}/feed-shapes.generated.ts`)],
  );
  for (const [file, code] of Object.entries(files)) assert.equal(readFileSync(file, 'utf8'), code, `${file}: run node scripts/build-shapes.mjs`);
});

test('each element gets the shapes of the resources it reads, and no others', () => {
  const table = shapeTable();
  assert.deepEqual(READERS['member-count'], ['members']);
  const count = subTable(table, READERS['member-count']);
  assert.deepEqual(Object.keys(count.resources), ['members']);
  assert.deepEqual(Object.keys(count.defs).filter((ref) => !/^(defs|members)\.schema\.json/.test(ref)), []);
  // Every plain reference resolved: the same shape as the full table's, reference by reference.
  const resolve = (shape, defs, depth = 0) => {
    assert.ok(depth < 50, 'no recursion in the schemas');
    if (Array.isArray(shape)) return shape.map((v) => resolve(v, defs, depth));
    if (typeof shape !== 'object' || shape === null) return shape;
    if (shape.$ref !== undefined && Object.keys(shape).length === 1) return resolve(defs[shape.$ref], defs, depth + 1);
    return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, k === 'required' ? v : resolve(v, defs, depth)]));
  };
  for (const names of [['index'], ...Object.values(READERS)]) {
    const sub = subTable(table, names);
    for (const [ref, shape] of Object.entries(sub.defs)) assert.deepEqual(shape, table.defs[ref], ref);
    // Every reference it holds resolves inside it.
    for (const ref of JSON.stringify(sub.defs).match(/"\$ref":"[^"]+"/g) ?? []) assert.ok(JSON.parse(`{${ref}}`).$ref in sub.defs, ref);
    const small = inlinedTable(table, names);
    assert.deepEqual(small.resources, sub.resources);
    assert.doesNotMatch(JSON.stringify(small.defs), /"\$ref"/, 'no reference left (the schemas have no recursion)');
    for (const name of names) assert.deepEqual(resolve({ $ref: small.resources[name] }, small.defs), resolve({ $ref: table.resources[name] }, table.defs), name);
  }
  // A definition reached from inside itself stays a reference.
  const loop = { defs: { a: { type: 'object', properties: { next: { $ref: 'a' }, t: { $ref: 'b' } } }, b: { type: 'string' } }, resources: { a: 'a' } };
  assert.deepEqual(inlinedTable(loop, ['a']).defs, { a: { type: 'object', properties: { next: { $ref: 'a' }, t: { type: 'string' } } } });
  assert.throws(() => subTable(table, ['geocoding']), /no resource "geocoding"/);
  // Every element that calls loadResource is listed (the type of loadResource enforces the names).
  for (const element of ['member-count', 'principles', 'city-stats', 'member-map']) {
    const source = readFileSync(`src/${element}/maig-${element}.ts`, 'utf8');
    assert.match(source, /FEED_SHAPES/, element);
  }
});

test('the client copy keeps types, required fields and items, and drops value rules', () => {
  const { defs, resources } = shapeTable();
  assert.deepEqual(Object.keys(resources), ['index', 'members', 'principles', 'map', 'statsState', 'statsNational', 'statsCities', 'statsSpanish']);
  const members = defs['members.schema.json'];
  assert.deepEqual(members.required, ['schemaVersion', 'asOf', 'source', 'states', 'members']);
  assert.equal(members.properties.members.type, 'array');
  assert.equal(members.additionalProperties, undefined, 'a later 1.x feed may add fields');
  assert.deepEqual(defs['defs.schema.json#/$defs/text'], { type: 'string' }, 'no pattern or length at runtime');
  assert.equal(defs['index.schema.json'].properties.resources.required, undefined, 'a missing resource is reported by the widget that needs it');
  assert.doesNotMatch(JSON.stringify(defs), /"(oneOf|pattern|enum|const|minLength)"/);
  assert.deepEqual(shapeOnly({ oneOf: [{ type: 'null' }, { $ref: 'defs.schema.json#/$defs/text' }] }, 'https://maig-widgets.local/schema/v1/x.json'), {
    anyOf: [{ type: 'null' }, { $ref: 'defs.schema.json#/$defs/text' }],
  });
  assert.throws(() => shapeOnly({ if: { type: 'string' } }, 'https://maig-widgets.local/schema/v1/x.json'), /keyword "if" is not supported/);
});

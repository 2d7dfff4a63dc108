// The shape table the widgets check the feed against is compiled from data/schema/ and kept current.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OUTPUT, generate, shapeOnly, shapeTable } from '../../scripts/build-shapes.mjs';

test('src/shared/feed/shapes.generated.ts is compiled from the current schemas', () => {
  assert.equal(readFileSync(OUTPUT, 'utf8'), generate(), 'run node scripts/build-shapes.mjs');
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

// The shape table the widgets check the feed against is compiled from data/schema/ and kept current.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OUTPUT, READERS, compact, compactTable, generate, generateAll, inlinedTable, shapeOnly, shapeTable, subTable } from '../../scripts/build-shapes.mjs';

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

test('the compact encoding: types as strings, arrays as [items, min, max], required properties first, optional ones as "?name"', () => {
  assert.equal(compact({}), '', 'any value');
  assert.equal(compact({ type: 'string' }), 'string');
  assert.equal(compact({ type: ['null', 'string'] }), 'null or string');
  assert.equal(compact({ anyOf: [{ type: 'null' }, { type: 'integer' }] }), 'null or integer', 'a union of pure types is one string');
  assert.equal(compact({ anyOf: [{ type: 'null' }, {}] }), '', 'a union with any value is any value');
  const pair = { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 };
  assert.deepEqual(compact({ anyOf: [{ type: 'null' }, { type: 'integer' }, pair] }), { '|': ['null or integer', ['integer', 2, 2]] }, 'pure types, then the array');
  assert.deepEqual(compact({ anyOf: [pair] }), ['integer', 2, 2]);
  assert.throws(() => compact({ anyOf: [pair, { type: 'null' }] }), /one before a type/, 'the checker would not give anyOf\'s message');
  assert.throws(() => compact({ anyOf: [{ type: 'null' }, pair, { type: 'object', properties: { a: {} } }] }), /more than one array or object/);
  assert.deepEqual(compact({ type: 'array', items: { type: 'number' } }), ['number']);
  assert.deepEqual(compact({ type: 'array', items: { type: 'number' }, minItems: 1 }), ['number', 1]);
  assert.deepEqual(compact({ type: 'array', maxItems: 3 }), ['', 0, 3]);
  assert.equal(compact({ type: 'array' }), 'array');
  assert.equal(compact({ type: 'object' }), 'object');
  const object = compact({
    type: 'object',
    required: ['b', 'a', 'c'],
    properties: { a: { type: 'string' }, x: { type: 'integer' }, b: {}, y: { type: 'string' } },
    additionalProperties: { type: 'string' },
  });
  assert.deepEqual(object, { b: '', a: 'string', c: '', '?x': 'integer', '?*': 'string' }, 'y says no more than "?*"');
  assert.deepEqual(Object.keys(object), ['b', 'a', 'c', '?x', '?*'], 'required first, in the order they are checked');
  assert.throws(() => compact({ $ref: 'a' }), /no references/);
  assert.throws(() => compact({ type: 'int' }), /not a JSON type/);
  assert.throws(() => compact({ properties: { a: {} } }), /without a type/);
  assert.throws(() => compact({ type: ['null', 'object'], properties: { a: {} } }), /with type null or object/);
  for (const name of ['?a', '|', '*', '', '0', '12']) {
    assert.throws(() => compact({ type: 'object', properties: { [name]: {} } }), /clashes with the compact encoding/, JSON.stringify(name));
  }
  assert.deepEqual(compactTable(shapeTable(), ['members']).members.members, [{ id: 'string', city: 'string', state: 'string' }]);
});

/** The walker the tables had before the compact encoding, over JSON-Schema-like nodes: the reference. */
function referenceError(value, shape, defs, path = '') {
  const kindOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v);
  const isType = (v, t) => kindOf(v) === t || (t === 'number' && kindOf(v) === 'integer');
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const at = path || '/';
  if (shape.$ref !== undefined) {
    const error = referenceError(value, defs[shape.$ref], defs, path);
    if (error) return error;
  }
  if (shape.type !== undefined) {
    const types = Array.isArray(shape.type) ? shape.type : [shape.type];
    if (!types.some((t) => isType(value, t))) return `${at}: expected ${types.join(' or ')}, found ${kindOf(value)}`;
  }
  if (shape.anyOf) {
    const errors = shape.anyOf.map((s) => referenceError(value, s, defs, path));
    if (!errors.includes(null)) {
      const prefix = `${at}: expected `;
      const found = `, found ${kindOf(value)}`;
      if (errors.every((e) => e.startsWith(prefix) && e.endsWith(found) && !e.includes(' items'))) {
        return prefix + errors.map((e) => e.slice(prefix.length, -found.length)).join(' or ') + found;
      }
      return errors[errors.length - 1];
    }
  }
  if (Array.isArray(value)) {
    if (shape.minItems !== undefined && value.length < shape.minItems) return `${at}: expected at least ${shape.minItems} items, found ${value.length}`;
    if (shape.maxItems !== undefined && value.length > shape.maxItems) return `${at}: expected at most ${shape.maxItems} items, found ${value.length}`;
    if (shape.items) {
      for (let i = 0; i < value.length; i++) {
        const error = referenceError(value[i], shape.items, defs, `${path}/${i}`);
        if (error) return error;
      }
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const key of shape.required ?? []) if (!own(value, key)) return `${path}/${key}: missing`;
    for (const [key, item] of Object.entries(value)) {
      const sub = shape.properties && own(shape.properties, key) ? shape.properties[key] : shape.additionalProperties;
      if (!sub) continue;
      const error = referenceError(item, sub, defs, `${path}/${key}`);
      if (error) return error;
    }
  }
  return null;
}

test('the compact tables and their walker give the old checker\'s answer, message for message, on the real feed broken in every place', async () => {
  const { build } = await import('esbuild');
  const code = (await build({ entryPoints: ['src/shared/feed/shape.ts'], bundle: true, write: false, format: 'esm', target: 'es2022', logLevel: 'error' })).outputFiles[0].text;
  const { resourceShapeError } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const table = shapeTable();
  const full = compactTable(table, Object.keys(table.resources));
  const readers = [full, compactTable(table, ['index']), ...Object.values(READERS).map((names) => compactTable(table, names))];
  const feed = 'dist/feed/v1/';
  const index = JSON.parse(readFileSync(`${feed}index.json`, 'utf8'));
  const docs = { index };
  for (const name of Object.keys(table.resources)) {
    if (name === 'index') continue;
    docs[name] = JSON.parse(readFileSync(feed + index.resources[name].replace('{state}', 'nj'), 'utf8'));
  }
  let checks = 0;
  const errors = new Set();
  const compare = (name, doc, what) => {
    const expected = referenceError(doc, { $ref: table.resources[name] }, table.defs);
    if (expected) errors.add(expected.replace(/\d+/g, 'N'));
    for (const reader of readers) {
      if (!(name in reader)) continue;
      checks++;
      assert.equal(resourceShapeError(reader, name, doc), expected, `${name} ${what}`);
    }
  };
  // Every place (the first two items of each array), replaced by each kind of value, removed, or given an extra field.
  const places = (value, path = []) => {
    if (typeof value !== 'object' || value === null) return [];
    const keys = Array.isArray(value) ? Object.keys(value).slice(0, 2) : Object.keys(value);
    return keys.flatMap((k) => [[...path, k], ...places(value[k], [...path, k])]);
  };
  const swaps = [42, 4.5, null, 'x', true, [], [1, 'x'], [1, 2, 3, 4, 5], {}, { extra: 1 }, undefined];
  for (const [name, doc] of Object.entries(docs)) {
    compare(name, doc, 'as built');
    for (const place of places(doc)) {
      const parent = place.slice(0, -1).reduce((v, k) => v[k], doc);
      const key = place[place.length - 1];
      const kept = parent[key];
      for (const swap of swaps) {
        if (swap !== undefined) parent[key] = swap;
        else if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
        compare(name, doc, `${place.join('/')} = ${JSON.stringify(swap)}`);
        if (swap === undefined && Array.isArray(parent)) parent.splice(Number(key), 0, kept);
        else parent[key] = kept;
      }
      if (typeof kept === 'object' && kept !== null && !Array.isArray(kept)) {
        kept['?es'] = 42; // an unknown field, named like an optional property in the encoding: still allowed
        kept['?*'] = 42;
        compare(name, doc, `${place.join('/')}/?es`);
        delete kept['?es'];
        delete kept['?*'];
      }
    }
    assert.equal(resourceShapeError(full, name, doc), null, `${name} restored`);
  }
  // Every kind of message came up: missing, wrong type, unions, item counts.
  const kinds = [...errors].map((e) => e.replace(/^\S*: /, '').replace(/found \w+/, 'found').replace(/expected .* or .*,/, 'expected union,'));
  for (const kind of ['missing', 'expected string, found', 'expected union, found', 'expected array, found', 'expected object, found', 'expected at least N items, found', 'expected at most N items, found']) {
    assert.ok(kinds.includes(kind), `a mutation gave "${kind}"`);
  }
  assert.ok(checks > 5000, `${checks} checks`);
});

#!/usr/bin/env node
// Compiles the feed's JSON Schemas (data/schema/) into the shape tables the widgets check every
// resource against before using it, read by src/shared/feed/shape.ts (a small checker: plain
// data, no generated functions, no eval, so it runs under a strict CSP; about 0.7 KB gzip with the
// index's table instead of ~6 KB for ajv's standalone code).
//
// The widgets check shapes, not values: a feed of the same major version may add fields, new
// enum values or longer texts (schemaVersion 1.x), so the client copy drops
// `additionalProperties: false`, `const`, `enum`, `pattern`, lengths, bounds and documentation,
// and reads `oneOf` as `anyOf`. Types, required fields, array items and tuple lengths stay: they
// keep `e.slice is not a function` out of the host page. `npm run feed` still applies the full
// schemas. index.json's `resources` keeps its shape (names to strings) but not its required names:
// a widget that needs a resource the feed lacks says so itself ("this feed has no "members" resource").
//
// The tables are written in a compact encoding ({@link compact}; described in shape.ts), every
// `$ref` inlined (gzip packs the repeats better than references): a type is a string
// ("null or string"), an array `[items, minItems, maxItems]`, an object its properties (required
// first, optional ones as "?name"), so that each download carries as few bytes as possible.
// {@link shapeTable} is the JSON-Schema-like intermediate form (with `$ref`s), checked by the tests.
//
// One table per reader, so each download carries only the shapes it uses (issue 8's size budget):
// - src/shared/feed/shapes/index.generated.ts: index.json, read by the feed client (core chunk);
// - src/<element>/feed-shapes.generated.ts: the resources that element reads ({@link READERS}),
//   passed by it to `loadResource` (a member count's download has no map or statistics shapes);
// - src/shared/feed/shapes/all.generated.ts: every resource, for the tests (no widget imports it).
// A resource read by two elements (members) is in both of their tables: a few hundred bytes, and
// no extra request for a shared chunk.
//
// `node scripts/build-shapes.mjs` writes the files that changed; `--check` only says whether they are current.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WIDGETS } from '../src/common/widgets.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_DIR = `${root}data/schema/`;
/** The full table (every resource), for the tests. */
export const OUTPUT = `${root}src/shared/feed/shapes/all.generated.ts`;
export const BASE = 'https://maig-widgets.local/schema/v1/';

/** Resource name (as in index.json `resources`, plus `index`) → schema reference. */
export const RESOURCES = {
  index: `${BASE}index.schema.json`,
  members: `${BASE}members.schema.json`,
  principles: `${BASE}principles.schema.json`,
  map: `${BASE}map.schema.json`,
  statsState: `${BASE}stats.schema.json#/$defs/state`,
  statsNational: `${BASE}stats.schema.json#/$defs/national`,
  statsCities: `${BASE}stats.schema.json#/$defs/cities`,
  statsSpanish: `${BASE}stats.schema.json#/$defs/spanishText`,
};

/**
 * Which resources each element reads (besides the index, which the client checks), from the
 * widget registry's `reads` (src/common/widgets.js): its table is written to
 * src/<element>/feed-shapes.generated.ts. `loadResource` takes a table typed with the names it
 * holds, so an element that starts reading another resource does not compile until the registry
 * lists it. A widget that reads nothing from the feed (the join form) has no table.
 * @type {Record<string, readonly string[]>}
 */
export const READERS = Object.fromEntries(Object.entries(WIDGETS).filter(([, w]) => w.reads.length).map(([name, w]) => [name, w.reads]));

const DROP = new Set([
  'const', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'format', 'multipleOf', 'uniqueItems', 'title', 'description', '$comment', 'examples', 'default', '$schema',
]);
/** What src/shared/feed/shape.ts understands; anything else stops the build. */
const KEEP = new Set(['type', 'required', 'properties', 'additionalProperties', 'items', 'minItems', 'maxItems', 'anyOf', '$ref']);

export function loadSchemas() {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(SCHEMA_DIR + f, 'utf8')));
}

/** The shape-only copy of a schema node, with `$ref`s made absolute (see the header). */
export function shapeOnly(node, base) {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error(`build-shapes: not a schema: ${JSON.stringify(node)}`);
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROP.has(key) || key === '$id' || key === '$defs') continue;
    if (key === 'additionalProperties' && value === false) continue;
    const name = key === 'oneOf' ? 'anyOf' : key;
    if (!KEEP.has(name)) throw new Error(`build-shapes: schema keyword "${key}" is not supported by src/shared/feed/shape.ts`);
    if (name === 'properties') out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOnly(v, base)]));
    else if (name === 'anyOf') out.anyOf = value.map((v) => shapeOnly(v, base));
    else if (name === 'items' || name === 'additionalProperties') out[name] = shapeOnly(value, base);
    else if (name === '$ref') out.$ref = new URL(value, base).href.slice(BASE.length);
    else out[name] = value;
  }
  return out;
}

/** { defs: { ref → shape }, resources: { name → ref } } for every schema and definition. */
export function shapeTable(schemas = loadSchemas()) {
  const defs = {};
  for (const schema of schemas) {
    const id = schema.$id;
    if (!id?.startsWith(BASE)) throw new Error(`build-shapes: unexpected $id ${id}`);
    const file = id.slice(BASE.length);
    if (schema.type || schema.properties) defs[file] = shapeOnly(schema, id);
    if (file === 'index.schema.json') delete defs[file].properties.resources.required;
    for (const [name, def] of Object.entries(schema.$defs ?? {})) defs[`${file}#/$defs/${name}`] = shapeOnly(def, id);
  }
  const resources = Object.fromEntries(Object.entries(RESOURCES).map(([name, ref]) => [name, ref.slice(BASE.length)]));
  // Keep only what the resources reach (subTable fails on a dangling reference).
  return subTable({ defs, resources }, Object.keys(resources));
}

/**
 * A reader's table, smaller: the named resources' shapes with every plain `{ $ref }` replaced by
 * the definition it names (gzip packs the repeats better than long reference strings). A
 * definition reached from inside itself stays a reference, in `defs`. Checks give the same answers.
 */
export function inlinedTable(table, names) {
  const { defs, resources } = subTable(table, names);
  const out = {};
  const inline = (shape, stack) => {
    if (shape.$ref !== undefined && Object.keys(shape).length === 1) {
      if (!stack.includes(shape.$ref)) return inline(defs[shape.$ref], [...stack, shape.$ref]);
      if (!(shape.$ref in out)) {
        out[shape.$ref] = null;
        out[shape.$ref] = inline(defs[shape.$ref], [shape.$ref]);
      }
      return shape;
    }
    const copy = {};
    for (const [key, value] of Object.entries(shape)) {
      if (key === 'properties') copy.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inline(v, stack)]));
      else if (key === 'anyOf') copy.anyOf = value.map((v) => inline(v, stack));
      else if (key === 'items' || key === 'additionalProperties') copy[key] = inline(value, stack);
      else copy[key] = value;
    }
    return copy;
  };
  for (const name of names) {
    const ref = resources[name];
    if (!(ref in out)) out[ref] = inline(defs[ref], [ref]);
  }
  return { defs: Object.fromEntries(Object.entries(out).sort(([x], [y]) => x.localeCompare(y))), resources };
}

/** The part of a table that the named resources reach; fails on a dangling reference. */
export function subTable({ defs, resources }, names) {
  const used = {};
  const visit = (shape) => {
    if (shape.$ref && !(shape.$ref in used)) {
      if (!(shape.$ref in defs)) throw new Error(`build-shapes: unknown $ref ${shape.$ref}`);
      used[shape.$ref] = defs[shape.$ref];
      visit(defs[shape.$ref]);
    }
    for (const v of Object.values(shape.properties ?? {})) visit(v);
    for (const v of shape.anyOf ?? []) visit(v);
    if (shape.items) visit(shape.items);
    if (shape.additionalProperties) visit(shape.additionalProperties);
  };
  for (const name of names) {
    if (!(name in resources)) throw new Error(`build-shapes: no resource "${name}"`);
    visit({ $ref: resources[name] });
  }
  return {
    defs: Object.fromEntries(Object.entries(used).sort(([a], [b]) => a.localeCompare(b))),
    resources: Object.fromEntries(names.map((name) => [name, resources[name]])),
  };
}

/**
 * The compact encoding src/shared/feed/shape.ts reads (see its header) of a shape without
 * references: a type (or a union of pure types) is a string, `""` any value; an array is
 * `[items, minItems?, maxItems?]`; `anyOf` is `{ "|": [types, shape] }` (pure types, then one array or object); an object is its properties,
 * required ones first (in `required` order), optional ones as `"?name"`, `additionalProperties` as
 * `"?*"`. Throws on what the encoding cannot say (a reference, so recursion; a union type with
 * structure; structure without a type), so the build stops instead of checking less.
 */
const JSON_TYPES = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];

export function compact(node, where = '') {
  const fail = (why) => {
    throw new Error(`build-shapes: ${where || '/'}: ${why}`);
  };
  const { type, anyOf, $ref, properties, required, additionalProperties, items, minItems, maxItems, ...rest } = node;
  if (Object.keys(rest).length) fail(`unexpected keywords ${Object.keys(rest).join(', ')}`);
  if ($ref !== undefined) fail(`reference ${$ref} left (a recursive schema): the compact encoding has no references`);
  if (anyOf) {
    if (type !== undefined || properties || required || additionalProperties || items || minItems !== undefined || maxItems !== undefined) fail('anyOf beside other keywords');
    const branches = anyOf.map((b, i) => compact(b, `${where}|${i}`));
    const types = branches.filter((b) => typeof b === 'string');
    // A union of pure types is one string, with the same message ("expected null or string, found integer").
    if (types.includes('')) return '';
    if (types.length === branches.length) return types.join(' or ');
    // Pure types, then one array or object: the checker's message is the one anyOf would give.
    const other = branches[branches.length - 1];
    if (types.length !== branches.length - 1 || typeof other === 'string') fail('anyOf with more than one array or object, or one before a type');
    if (!types.length) return other;
    if (!Array.isArray(other) && '|' in other) fail('anyOf inside anyOf');
    return { '|': [types.join(' or '), other] };
  }
  const structure = properties || required || additionalProperties ? 'object' : items || minItems !== undefined || maxItems !== undefined ? 'array' : undefined;
  if (type === undefined) {
    if (structure) fail(`${structure} keywords without a type`);
    return '';
  }
  const types = Array.isArray(type) ? type : [type];
  // The checker tests a type with a substring of "null or string": only JSON's own type names.
  for (const t of types) if (!JSON_TYPES.includes(t)) fail(`type ${JSON.stringify(t)} is not a JSON type`);
  if (!structure) return types.join(' or ');
  if (types.length !== 1 || types[0] !== structure) fail(`${structure} keywords with type ${types.join(' or ')}`);
  if (structure === 'array') {
    const out = [items ? compact(items, `${where}/[]`) : '', minItems ?? 0, maxItems];
    if (out[2] === undefined) out.pop();
    if (out[1] === 0 && out.length === 2) out.pop();
    return out;
  }
  const out = {};
  const props = properties ?? {};
  const extra = additionalProperties === undefined ? undefined : compact(additionalProperties, `${where}/*`);
  for (const name of [...(required ?? []), ...Object.keys(props)]) {
    if (!name || /^[?|]|^\*$|^(0|[1-9]\d*)$/.test(name)) fail(`property name ${JSON.stringify(name)} clashes with the compact encoding`);
    const optional = !(required ?? []).includes(name);
    const key = optional ? `?${name}` : name;
    if (key in out) continue;
    const shape = name in props ? compact(props[name], `${where}/${name}`) : '';
    // An optional property of the same shape as every other property says nothing more.
    if (optional && extra !== undefined && JSON.stringify(shape) === JSON.stringify(extra)) continue;
    out[key] = shape;
  }
  if (extra !== undefined) out['?*'] = extra;
  return Object.keys(out).length ? out : 'object';
}

/** The compact table of the named resources: { name → compact shape }. */
export function compactTable(table, names) {
  const { defs, resources } = inlinedTable(table, names);
  return Object.fromEntries(names.map((name) => [name, compact(defs[resources[name]])]));
}

const module = (from, constant, names, table, what) => `// Generated by scripts/build-shapes.mjs from data/schema/ (shapes only${what}). Do not edit.
// Encoding: see src/shared/feed/shape.ts.
import type { ShapeTable } from '${from}';

export const ${constant}: ShapeTable<${names.map((n) => `'${n}'`).join(' | ')}> = ${JSON.stringify(table, null, 1)};
`;

/** Every generated file: absolute path → content. */
export function generateAll() {
  const table = shapeTable();
  const files = {
    [OUTPUT]: module('../shape.js', 'SHAPES', Object.keys(table.resources), compactTable(table, Object.keys(table.resources)), ', every resource: for the tests, no widget imports it'),
    [`${root}src/shared/feed/shapes/index.generated.ts`]: module('../shape.js', 'INDEX_SHAPES', ['index'], compactTable(table, ['index']), ': index.json, checked by the feed client'),
  };
  for (const [element, names] of Object.entries(READERS)) {
    files[`${root}src/${element}/feed-shapes.generated.ts`] = module(
      '../shared/feed/shape.js',
      'FEED_SHAPES',
      names,
      compactTable(table, names),
      `: the resources <maig-${element}> reads`,
    );
  }
  return files;
}

/** The full table's module (kept for the tests' first check). */
export function generate() {
  return generateAll()[OUTPUT];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stale = [];
  for (const [path, code] of Object.entries(generateAll())) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      /* first run */
    }
    if (current === code) continue;
    const name = path.slice(root.length);
    if (process.argv.includes('--check')) stale.push(name);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, code);
      console.log(`build-shapes: wrote ${name}`);
    }
  }
  if (stale.length) {
    console.error(`${stale.join(', ')} out of date: run node scripts/build-shapes.mjs`);
    process.exit(1);
  }
}

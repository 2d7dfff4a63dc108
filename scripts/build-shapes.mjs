#!/usr/bin/env node
// Compiles the feed's JSON Schemas (data/schema/) into the shape table the widgets check every
// resource against before using it: src/shared/feed/shapes.generated.ts, read by
// src/shared/feed/shape.ts (a small checker: plain data, no generated functions, no eval, so it
// runs under a strict CSP and costs about 2 KB gzip instead of ~6 KB for ajv's standalone code).
//
// The widgets check shapes, not values: a feed of the same major version may add fields, new
// enum values or longer texts (schemaVersion 1.x), so the client copy drops
// `additionalProperties: false`, `const`, `enum`, `pattern`, lengths, bounds and documentation,
// and reads `oneOf` as `anyOf`. Types, required fields, array items and tuple lengths stay: they
// keep `e.slice is not a function` out of the host page. `npm run feed` still applies the full
// schemas. Every `$ref` becomes a key of one table of definitions. index.json's `resources` keeps
// its shape (names to strings) but not its required names: a widget that needs a resource the feed
// lacks says so itself ("this feed has no "members" resource").
//
// `node scripts/build-shapes.mjs` writes the file if it changed; `--check` only says whether it is current.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_DIR = `${root}data/schema/`;
export const OUTPUT = `${root}src/shared/feed/shapes.generated.ts`;
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
  // Keep only what the resources reach, and fail on a dangling reference.
  const used = {};
  const visit = (shape) => {
    if (shape.$ref) {
      if (!(shape.$ref in defs)) throw new Error(`build-shapes: unknown $ref ${shape.$ref}`);
      if (!(shape.$ref in used)) {
        used[shape.$ref] = defs[shape.$ref];
        visit(defs[shape.$ref]);
      }
    }
    for (const v of Object.values(shape.properties ?? {})) visit(v);
    for (const v of shape.anyOf ?? []) visit(v);
    if (shape.items) visit(shape.items);
    if (shape.additionalProperties) visit(shape.additionalProperties);
  };
  for (const ref of Object.values(resources)) visit({ $ref: ref });
  return { defs: Object.fromEntries(Object.entries(used).sort(([a], [b]) => a.localeCompare(b))), resources };
}

export function generate() {
  const { defs, resources } = shapeTable();
  return `// Generated by scripts/build-shapes.mjs from data/schema/ (shapes only). Do not edit.
import type { ShapeTable } from './shape.js';

export const SHAPES: ShapeTable = ${JSON.stringify({ defs, resources }, null, 1)};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = generate();
  let current = '';
  try {
    current = readFileSync(OUTPUT, 'utf8');
  } catch {
    /* first run */
  }
  if (process.argv.includes('--check')) {
    if (current !== code) {
      console.error('src/shared/feed/shapes.generated.ts is out of date: run node scripts/build-shapes.mjs');
      process.exit(1);
    }
  } else if (current !== code) {
    writeFileSync(OUTPUT, code);
    console.log('build-shapes: wrote src/shared/feed/shapes.generated.ts');
  }
}

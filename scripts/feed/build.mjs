// Builds the static data feed from the editable sources in data/: validates every file against
// the JSON Schemas in data/schema/, reports errors by file, row and field, and writes
// deterministic JSON (same inputs → byte-identical output).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv/dist/2020.js';
import { FeedContext } from './context.mjs';
import * as coalition from './coalition.mjs';
import * as members from './members.mjs';
import * as principles from './principles.mjs';
import * as map from './map.mjs';
import * as stats from './stats.mjs';

/** The feed's sections, in build order. Later sections may read what earlier ones set on ctx. */
export const SECTIONS = [coalition, members, principles, map, stats];

/** Compiled schemas, by the schema files' names and texts: one process building many feeds compiles each set once. */
const ajvCache = new Map();

function loadSchemas(schemaDir) {
  const texts = readdirSync(schemaDir)
    .filter((n) => n.endsWith('.schema.json'))
    .sort()
    .map((f) => [f, readFileSync(join(schemaDir, f), 'utf8')]);
  const key = JSON.stringify(texts);
  let ajv = ajvCache.get(key);
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true });
    for (const [, text] of texts) ajv.addSchema(JSON.parse(text));
    ajvCache.set(key, ajv);
  }
  return ajv;
}

/**
 * @param {{ dataDir?: string, outDir?: string, schemaDir?: string, write?: boolean, gva?: boolean }} options
 *   gva: include the Gun Violence Archive layer (only for a publisher with a GVA agreement; default off).
 * @returns {Promise<{ errors: Array<{file: string, line: number|null, field: string|null, message: string}>, files: Map<string, string>, notes: string[] }>} notes: lines that sum up the build
 */
export async function buildFeed({ dataDir = 'data', outDir = 'dist/feed/v1', schemaDir = join(dataDir, 'schema'), write = true, gva = false } = {}) {
  const ctx = new FeedContext({ dataDir, ajv: loadSchemas(schemaDir) });
  ctx.gva = gva;
  ctx.dates = [];
  ctx.meta = {};
  for (const section of SECTIONS) await section.build(ctx);

  const files = new Map();
  const hash = createHash('sha256');
  for (const [name, { path, data, schemaRef }] of [...ctx.resources].sort(([a], [b]) => a.localeCompare(b))) {
    if (path == null) continue; // an index entry only: a path template such as stats/state/{state}.json
    if (schemaRef) ctx.validate(schemaRef, data, `(output) ${path}`);
    const text = JSON.stringify(data);
    files.set(path, text);
    hash.update(`${name}\0${path}\0${text}\0`);
  }
  const latest = ctx.dates.filter(Boolean).sort().at(-1) ?? '1970-01-01';
  const index = {
    schemaVersion: 1,
    generated: `${latest}T00:00:00Z`,
    version: '',
    coalition: ctx.index.coalition,
    resources: Object.fromEntries([...ctx.resources].sort(([a], [b]) => a.localeCompare(b)).filter(([, r]) => !r.unlisted).map(([name, r]) => [name, r.resourcePath ?? r.path])),
  };
  hash.update(JSON.stringify(index.coalition ?? null));
  index.version = hash.digest('hex').slice(0, 16);
  if (ctx.index.coalition) ctx.validate('https://maig-widgets.local/schema/v1/index.schema.json', index, '(output) index.json');
  files.set('index.json', JSON.stringify(index));

  if (write && ctx.errors.length === 0) {
    rmSync(outDir, { recursive: true, force: true });
    for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const target = join(outDir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  return { errors: ctx.errors, files, notes: ctx.notes };
}

/** "data/members.csv:14: city: is empty" */
export function formatError({ file, line, field, message }) {
  return `${file}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${message}`;
}

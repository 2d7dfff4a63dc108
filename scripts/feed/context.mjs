// What a feed section gets to read its source files and report errors that name the file,
// row and field. Sources are read from the data folder only; no seed is parsed here.
import { readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCsv } from '../lib/csv.mjs';

/**
 * Parsed CSV files by their text, most recent last: one process building many feeds (the tests,
 * the publish worker) parses each big source file once. Rows are frozen, since builds share them.
 */
const csvCache = new Map();
const CSV_CACHE_SIZE = 24;

function parseCsvOnce(text) {
  let parsed = csvCache.get(text);
  if (parsed) csvCache.delete(text);
  else {
    parsed = parseCsv(text);
    for (const row of parsed.rows) Object.freeze(Object.freeze(row).values);
    Object.freeze(parsed.header);
    if (csvCache.size >= CSV_CACHE_SIZE) csvCache.delete(csvCache.keys().next().value);
  }
  csvCache.set(text, parsed);
  return parsed;
}

export class FeedContext {
  constructor({ dataDir, ajv }) {
    this.dataDir = dataDir;
    this.ajv = ajv;
    this.errors = [];
    /** Lines that sum up what was built (buildFeed returns them; `npm run feed` prints them). */
    this.notes = [];
    /** resource name → { path, data, schema } */
    this.resources = new Map();
    this.index = {};
  }

  /** Path of a data file as people see it (relative to the working folder). */
  label(file) {
    const path = join(this.dataDir, file);
    const rel = relative(process.cwd(), path);
    return rel && !rel.startsWith('..') ? rel : resolve(path);
  }

  /** Records an error: `file`, 1-based `line` (or null), `field` (or null), message. */
  error(file, line, field, message) {
    this.errors.push({ file: this.label(file), line, field, message });
  }

  exists(file) {
    return existsSync(join(this.dataDir, file));
  }

  readText(file) {
    try {
      return readFileSync(join(this.dataDir, file), 'utf8');
    } catch (e) {
      this.error(file, null, null, e.code === 'ENOENT' ? 'file is missing' : e.message);
      return null;
    }
  }

  readJson(file) {
    const text = this.readText(file);
    if (text == null) return null;
    try {
      return JSON.parse(text);
    } catch (e) {
      const pos = /position (\d+)/.exec(e.message);
      const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : null;
      this.error(file, line, null, `not valid JSON: ${e.message}`);
      return null;
    }
  }

  /**
   * Reads a CSV file whose header must contain `columns`; returns rows as
   * { line, values }. Rows with the wrong number of cells are reported and dropped.
   */
  readCsv(file, columns) {
    const text = this.readText(file);
    if (text == null) return [];
    const { header, rows } = parseCsvOnce(text.replace(/^\uFEFF/, ''));
    const missing = columns.filter((c) => !header.includes(c));
    if (missing.length) {
      this.error(file, 1, missing.join(', '), `header is missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
      return [];
    }
    return rows.filter((row) => {
      if (row.width !== header.length) {
        this.error(file, row.line, null, `has ${row.width} cells, the header has ${header.length}`);
        return false;
      }
      return true;
    });
  }

  /** Validates `value` against a schema (by $id or $ref); reports each problem at file:line. */
  validate(schemaRef, value, file, line = null, pointerToField = (p) => p.replace(/^\//, '').replace(/\//g, '.')) {
    const validate = this.ajv.getSchema(schemaRef);
    if (!validate) throw new Error(`no schema ${schemaRef}`);
    if (validate(value)) return true;
    for (const err of validate.errors) {
      const field =
        err.keyword === 'required'
          ? pointerToField(`${err.instancePath}/${err.params.missingProperty}`)
          : err.keyword === 'additionalProperties'
            ? pointerToField(`${err.instancePath}/${err.params.additionalProperty}`)
            : pointerToField(err.instancePath) || null;
      const message =
        err.keyword === 'pattern' && err.params.pattern === '^[^<>]*$'
          ? 'must be plain text (no < or >)'
          : err.keyword === 'additionalProperties'
            ? 'is not a known field'
            : err.message;
      this.error(file, line, field || null, message);
    }
    return false;
  }

  /** Adds a resource to the feed: `name` in index.resources → `path` (relative to index.json). */
  emit(name, path, data, schemaRef) {
    this.resources.set(name, { path, data, schemaRef });
  }
}

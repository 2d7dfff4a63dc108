/**
 * Checks a feed resource's shape before any widget uses it, against shape tables compiled from
 * `data/schema/` at build time (`scripts/build-shapes.mjs`): the index's in `shapes/`, used by the
 * feed client, and one per element (`src/<element>/feed-shapes.generated.ts`) with only the
 * resources it reads, passed by it to `loadResource`. Plain data and
 * a small walker: no generated functions, no eval, so it runs under a strict CSP.
 *
 * Shapes only (types, required fields, array items, tuple lengths): a feed of the same major
 * version may add fields or values. The full schemas are applied when the feed is built.
 *
 * The tables use a compact encoding (every byte of this file and of the tables is downloaded):
 * - a string is a type, or a union of types joined by " or " (`"null or string"`); `""` is any value;
 * - an array `[items, minItems?, maxItems?]` is a JSON array whose elements all have shape `items`;
 * - `{ "|": [types, shape] }` is a value of one of the types, or of the shape (JSON Schema's `anyOf`
 *   of pure types, then one array or object: `null` or a list of counts, say);
 * - any other object is a JSON object: each key a property, required unless it starts with `?`
 *   (`"?es"`); `"?*"` is the shape of every property not named (`additionalProperties`). Required
 *   properties come first, in the order they are checked.
 */

/** One node of a shape (see the encoding above). */
export type Shape = string | [items: Shape, minItems?: number, maxItems?: number] | { [key: string]: Shape | [types: string, shape: Shape] };

/** A compiled table: the shape of each resource it holds (`K`). */
export type ShapeTable<K extends string = string> = Record<K, Shape>;

/** Own properties only: nothing is read from a polluted `Object.prototype`. */
const own = Object.hasOwn;

/**
 * The first place where `value` does not have the shape, as "path: expected …, found …", or
 * `null` when it fits. Paths are JSON pointers (`/versions/0/whereas`).
 */
export function shapeError(value: unknown, shape: Shape, path = ''): string | null {
  const at = `${path || '/'}: expected `;
  const kind =
    value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const found = `, found ${kind}`;
  let error: string | null;
  if (typeof shape === 'string') {
    // No JSON type's name is part of another's, so a substring test is exact (the build checks the names).
    return !shape || shape.includes(kind) || (kind === 'integer' && shape.includes('number')) ? null : at + shape + found;
  }
  if (own(shape, '|')) {
    const [types, other] = (shape as Record<string, [string, Shape]>)['|']!;
    // Neither the types nor the other shape: when the other refused the value itself by type
    // ("<at>…<found>"; an item count ends with a number, a deeper error has a longer path), say
    // which types would do.
    return (
      shapeError(value, types, path) &&
      (error = shapeError(value, other, path)) &&
      (error.startsWith(at) && error.endsWith(found) ? `${at}${types} or ${error.slice(at.length)}` : error)
    );
  }
  const list = Array.isArray(shape);
  const want = list ? 'array' : 'object';
  if (kind !== want) return at + want + found;
  if (list) {
    const [, min, max] = shape;
    const n = (value as unknown[]).length;
    if (n < min! || n > max!) return `${at}at ${n < min! ? `least ${min}` : `most ${max}`} items, found ${n}`;
  } else {
    for (const key of Object.keys(shape)) if (key[0] !== '?' && !own(value as object, key)) return `${path}/${key}: missing`;
  }
  // Each item of an array, or each property of an object that the shape names (others may be
  // anything; a feed's own "?x" is not the optional property "x"), stopping at the first error:
  // no list of every entry is built first, so a huge array of the wrong shape is refused at once.
  if (list) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) if ((error = shapeError(items[i], shape[0], `${path}/${i}`))) return error;
    return null;
  }
  for (const key in value as object) {
    if (!own(value as object, key)) continue;
    const name = [key[0] === '?' ? '' : key, `?${key}`, '?*'].find((k) => own(shape, k));
    if (name !== undefined && (error = shapeError((value as Record<string, unknown>)[key], (shape as Record<string, Shape>)[name]!, `${path}/${key}`))) return error;
  }
  return null;
}

/** {@link shapeError} for a named resource of a table (`index`, `members`, `principles`…). */
export function resourceShapeError(table: ShapeTable, name: string, value: unknown): string | null {
  return own(table, name) ? shapeError(value, table[name]!) : null;
}

/**
 * Checks a feed resource's shape before any widget uses it, against shape tables compiled from
 * `data/schema/` at build time (`scripts/build-shapes.mjs`): the index's in `shapes/`, used by the
 * feed client, and one per element (`src/<element>/feed-shapes.generated.ts`) with only the
 * resources it reads, passed by it to `loadResource`. Plain data and
 * a small walker: no generated functions, no eval, so it runs under a strict CSP.
 *
 * Shapes only (types, required fields, array items, tuple lengths): a feed of the same major
 * version may add fields or values. The full schemas are applied when the feed is built.
 */

/** One node of a shape: the JSON Schema keywords the table keeps. */
export interface Shape {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Shape>;
  additionalProperties?: Shape;
  items?: Shape;
  minItems?: number;
  maxItems?: number;
  anyOf?: Shape[];
  $ref?: string;
}

/** A compiled table: definitions by reference, and the reference of each resource it holds (`K`). */
export interface ShapeTable<K extends string = string> {
  defs: Record<string, Shape>;
  resources: Record<K, string>;
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;

const isType = (value: unknown, type: string): boolean => {
  const kind = kindOf(value);
  return kind === type || (type === 'number' && kind === 'integer');
};

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * The first place where `value` does not have the shape, as "path: expected …, found …", or
 * `null` when it fits. Paths are JSON pointers (`/versions/0/whereas`).
 */
export function shapeError(value: unknown, shape: Shape, defs: Record<string, Shape>, path = ''): string | null {
  const at = path || '/';
  if (shape.$ref !== undefined) {
    const target = defs[shape.$ref];
    if (!target) return `${at}: no shape "${shape.$ref}"`;
    const error = shapeError(value, target, defs, path);
    if (error) return error;
  }
  if (shape.type !== undefined) {
    const types = Array.isArray(shape.type) ? shape.type : [shape.type];
    if (!types.some((t) => isType(value, t))) return `${at}: expected ${types.join(' or ')}, found ${kindOf(value)}`;
  }
  if (shape.anyOf) {
    const errors = shape.anyOf.map((s) => shapeError(value, s, defs, path));
    if (!errors.includes(null)) {
      // Every branch refused the value itself by type: say which types would do.
      const prefix = `${at}: expected `;
      const found = `, found ${kindOf(value)}`;
      const all = errors as string[];
      if (all.every((e) => e.startsWith(prefix) && e.endsWith(found) && !e.includes(' items'))) {
        return prefix + all.map((e) => e.slice(prefix.length, -found.length)).join(' or ') + found;
      }
      return all[all.length - 1]!;
    }
  }
  if (Array.isArray(value)) {
    if (shape.minItems !== undefined && value.length < shape.minItems) return `${at}: expected at least ${shape.minItems} items, found ${value.length}`;
    if (shape.maxItems !== undefined && value.length > shape.maxItems) return `${at}: expected at most ${shape.maxItems} items, found ${value.length}`;
    if (shape.items) {
      for (let i = 0; i < value.length; i++) {
        const error = shapeError(value[i], shape.items, defs, `${path}/${i}`);
        if (error) return error;
      }
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const key of shape.required ?? []) {
      if (!own(value, key)) return `${path}/${key}: missing`;
    }
    for (const [key, item] of Object.entries(value)) {
      const sub = shape.properties && own(shape.properties, key) ? shape.properties[key] : shape.additionalProperties;
      if (!sub) continue;
      const error = shapeError(item, sub, defs, `${path}/${key}`);
      if (error) return error;
    }
  }
  return null;
}

/** {@link shapeError} for a named resource of a table (`index`, `members`, `principles`…). */
export function resourceShapeError(table: ShapeTable, name: string, value: unknown): string | null {
  const ref = Object.prototype.hasOwnProperty.call(table.resources, name) ? table.resources[name] : undefined;
  if (ref === undefined) return null;
  return shapeError(value, { $ref: ref }, table.defs);
}

// The member map's feed section: places every member (scripts/feed/geocode.mjs), projects
// states and members with d3-composite-projections' geoAlbersUsaTerritories, and writes
//  - map.json (resource `map`): state and territory outlines as SVG path data and each
//    member's projected point, all the browser needs to draw the map (no projection code);
//  - geocoding.json (resource `geocoding`): how each member was placed, for review.
// Fails, naming the cities, when a member cannot be placed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { STATES } from '../../src/common/states.js';
import { geocodeMembers, readOverrides } from './geocode.mjs';
import { memberId } from './members.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** Width of the map's coordinate space; the height follows from the projection. */
export const WIDTH = 960;
/** topojson-simplify minimum weight (planar triangle area, square degrees) for the 50 states and DC. */
export const MIN_WEIGHT = 0.003;
/** Decimals kept in path data and points (0.1 unit of a 960-wide map). */
export const DIGITS = 1;

let projector = null;
/** Bundles map-projection.js with rollup (d3-composite-projections needs a bundler) and imports it. */
async function loadProjector() {
  if (projector) return projector;
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const bundle = await rollup({ input: join(here, 'map-projection.js'), plugins: [nodeResolve()], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const code = output[0].code;
  const dir = join(tmpdir(), 'maig-feed-map');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `projection-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.mjs`);
  if (!existsSync(file)) {
    // Written aside, then renamed: feed builds in parallel processes never import half a file.
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, code);
    renameSync(part, file);
  }
  projector = await import(pathToFileURL(file).href);
  return projector;
}

let states10m = null;
/**
 * The states' outlines and the point projection, made once per process: they depend only on
 * us-atlas and the constants above, not on the data folder.
 */
async function statesProjector() {
  states10m ??= (async () => {
    const topology = JSON.parse(readFileSync(require.resolve('us-atlas/states-10m.json'), 'utf8'));
    const { projector } = await loadProjector();
    const made = projector(topology, { width: WIDTH, minWeight: MIN_WEIGHT, digits: DIGITS });
    for (const s of made.shapes) Object.freeze(s);
    return made;
  })();
  return states10m;
}

const r = (n) => Math.round(n * 10 ** DIGITS) / 10 ** DIGITS;

export async function build(ctx) {
  const members = ctx.members ?? [];
  const overridesFile = 'geo/overrides.csv';
  const overrides = readOverrides(ctx, overridesFile, memberId);
  // With a broken member list, only the overrides file's own rows are checked.
  if (!members.length || ctx.errors.some((e) => /(^|\/)members\.csv$/.test(e.file))) return;
  const ids = new Set(members.map((m) => m.id));
  for (const [id, o] of overrides) {
    if (!ids.has(id)) ctx.error(overridesFile, o.line, 'city', `"${id}" is not a member in members.csv; remove the row or fix the name`);
  }
  const { placed, unplaced } = geocodeMembers(members, overrides);
  // The statistics section reads each member's county from here.
  ctx.placements = new Map(placed.map((p) => [p.id, p]));
  if (unplaced.length) {
    ctx.error(
      'members.csv',
      null,
      'city',
      `${unplaced.length} member ${unplaced.length === 1 ? 'city' : 'cities'} could not be placed on the map: ${unplaced
        .map((m) => `${m.city}, ${m.state}`)
        .join('; ')}. Check the spelling, or add each to data/geo/overrides.csv with a GeoNames place, a county or lat/lon, and a note.`,
    );
    return;
  }

  const { shapes, viewBox, point } = await statesProjector();
  const projected = placed.map((p) => point([p.lon, p.lat]));
  const byFips = new Map(STATES.map((s) => [s.fips, s]));
  const states = shapes
    .map((s) => {
      const info = byFips.get(s.fips);
      if (!info) {
        ctx.error('(us-atlas) states-10m.json', null, 'id', `unknown state FIPS ${s.fips}`);
        return null;
      }
      const [[x0, y0], [x1, y1]] = s.bounds;
      return { code: info.code, name: info.name, d: s.d, box: [r(x0), r(y0), r(x1 - x0), r(y1 - y0)] };
    })
    .filter(Boolean)
    .sort((a, b) => a.code.localeCompare(b.code));
  const points = [];
  placed.forEach((p, i) => {
    const xy = projected[i];
    if (!xy) {
      ctx.error('members.csv', null, 'city', `${p.city}, ${p.state} is placed at ${p.lat}, ${p.lon}, outside the map's projection`);
      return;
    }
    points.push({ id: p.id, state: p.state, x: r(xy[0]), y: r(xy[1]), placed: p.method });
  });
  // Each state's member count and dots, ready to draw: the browser reads no member to paint the map.
  for (const s of states) {
    const mine = points.filter((p) => p.state === s.code);
    s.count = mine.length;
    s.dots = mine.map((p) => `M${p.x} ${p.y}h0`).join('');
  }
  const atlas = require('us-atlas/package.json');
  ctx.emit(
    'map',
    'map.json',
    {
      schemaVersion: 1,
      source: `US Census Bureau cartographic boundaries (us-atlas ${atlas.version}); member places from GeoNames (CC BY 4.0) and us-atlas county centroids`,
      projection: 'Albers equal-area, US with territories in insets (d3-composite-projections geoAlbersUsaTerritories)',
      viewBox: viewBox.map(r),
      states,
      members: points.map(({ id, x, y, placed: how }) => ({ id, x, y, placed: how })),
    },
    'https://maig-widgets.local/schema/v1/map.schema.json',
  );
  ctx.emit(
    'geocoding',
    'geocoding.json',
    {
      schemaVersion: 1,
      counts: Object.fromEntries(['place', 'county', 'override'].map((m) => [m, placed.filter((p) => p.method === m).length])),
      countyCounts: Object.fromEntries(['placed-in-county', 'point-in-shape', 'geonames', 'none'].map((h) => [h, placed.filter((p) => (p.county?.how ?? 'none') === h).length])),
      members: placed.map(({ id, lon, lat, method, source, county }) => ({ id, lon, lat, method, source, county: county ?? null })),
    },
    'https://maig-widgets.local/schema/v1/map.schema.json#/$defs/geocoding',
  );
}

// Build-time only: projects the us-atlas states and member points with the composite Albers
// projection that keeps Puerto Rico, the Virgin Islands, Guam, the Northern Mariana Islands
// and American Samoa in insets. `d3-composite-projections` works only through a bundler, so
// scripts/feed/map.mjs bundles this file with rollup and runs the bundle.
import { geoAlbersUsaTerritories } from 'd3-composite-projections';
import { geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';

/** Territories are small islands: simplifying them would erase them, so they keep full detail. */
const isTerritory = (fips) => Number(fips) >= 60;

/**
 * The states' outlines, drawn once, and a function that projects a point: the outlines do not
 * depend on the members, so a process building many feeds draws them once (scripts/feed/map.mjs).
 * @param {object} topology us-atlas states-10m.json
 * @param {{ width: number, minWeight: number, digits: number }} options
 * @returns {{ shapes: Array<{fips: string, name: string, d: string, bounds: number[][]}>, viewBox: number[], point: (lonLat: [number, number]) => [number, number] | null }}
 */
export function projector(topology, { width, minWeight, digits }) {
  const full = feature(topology, topology.objects.states);
  const simple = simplify(presimplify(JSON.parse(JSON.stringify(topology))), minWeight);
  const simpleById = new Map(feature(simple, simple.objects.states).features.map((f) => [f.id, f]));
  const projection = geoAlbersUsaTerritories().fitSize([width, width * 0.625], full);
  const path = geoPath(projection).digits(digits);
  const shapes = full.features.map((f) => {
    const shape = isTerritory(f.id) ? f : simpleById.get(f.id);
    return { fips: String(f.id), name: f.properties.name, d: path(shape) ?? '', bounds: path.bounds(f) };
  });
  const [[x0, y0], [x1, y1]] = path.bounds(full);
  const pad = 2;
  const viewBox = [Math.floor(x0) - pad, Math.floor(y0) - pad, Math.ceil(x1 - x0) + 2 * pad, Math.ceil(y1 - y0) + 2 * pad];
  return { shapes, viewBox, point: ([lon, lat]) => projection([lon, lat]) };
}


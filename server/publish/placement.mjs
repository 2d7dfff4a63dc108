// Where a new member goes on the map, decided before it is approved: the feed build's own
// geocoder (scripts/feed/geocode.mjs: GeoNames places, us-atlas counties, data/geo/overrides.csv)
// places it, or staff place it by hand (a GeoNames place, a county, or latitude and longitude),
// as data/geo/overrides.csv does. A city the geocoder cannot place gets GeoNames places of
// similar names in its state, for staff to pick from.
import { FeedContext } from '../../scripts/feed/context.mjs';
import { countyAt, countyByFips, geocodeMembers, loadCounties, loadPlaces, readOverrides } from '../../scripts/feed/geocode.mjs';
import { foldCity as normalizeName } from '../../src/common/fold-city.js';
import { memberId } from '../../scripts/feed/members.mjs';
import { STATE_BY_CODE } from '../../src/common/states.js';

/** Edit distance between two short strings (names), for "did you mean". */
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

let byId = null;
/** GeoNames places by id, with their state. */
function placesById() {
  if (byId) return byId;
  byId = new Map();
  for (const [state, names] of loadPlaces().names) for (const list of names.values()) for (const p of list) byId.set(p.geonameId, { ...p, state });
  return byId;
}

/** The county name of a GeoNames place (its admin2 code), or ''. */
function placeCounty(state, place) {
  const fips = STATE_BY_CODE.get(state)?.fips;
  if (!fips || !/^\d{3}$/.test(place.county ?? '')) return '';
  return countyByFips(`${fips}${place.county}`)?.name ?? '';
}

/**
 * GeoNames places of `state` whose names are like `city` (a near spelling, or one name starting
 * with the other), closest first, then the most populous: { geonameId, name, county, population, lat, lon }.
 */
export function candidates(city, state, limit = 8) {
  const names = loadPlaces().names.get(state);
  if (!names) return [];
  const wanted = normalizeName(city.replace(/^(city|town|village|borough|township) of\s+/i, ''));
  if (!wanted) return [];
  const scored = new Map();
  for (const [key, list] of names) {
    const d = distance(wanted, key);
    const near = d <= Math.max(2, Math.floor(wanted.length / 4));
    const prefix = wanted.length >= 4 && (key.startsWith(wanted) || wanted.startsWith(key));
    if (!near && !prefix) continue;
    for (const p of list) {
      const score = near ? d : d + 10;
      const seen = scored.get(p.geonameId);
      if (!seen || seen.score > score) scored.set(p.geonameId, { score, p });
    }
  }
  return [...scored.values()]
    .sort((a, b) => a.score - b.score || b.p.population - a.p.population || a.p.geonameId - b.p.geonameId)
    .slice(0, limit)
    .map(({ p }) => ({ geonameId: p.geonameId, name: p.name, county: placeCounty(state, p), population: p.population, lat: p.lat, lon: p.lon }));
}

/** Is [lon, lat] in the state (in one of its county shapes, or within half a degree of its county centroids)? */
function inState(state, lon, lat) {
  if (countyAt(state, lon, lat)) return true;
  const counties = [...(loadCounties().get(STATE_BY_CODE.get(state)?.fips)?.values() ?? [])];
  if (!counties.length) return true; // a territory us-atlas has no counties for: nothing to check against
  const lons = counties.map((c) => c.lon);
  const lats = counties.map((c) => c.lat);
  return lon >= Math.min(...lons) - 0.5 && lon <= Math.max(...lons) + 0.5 && lat >= Math.min(...lats) - 0.5 && lat <= Math.max(...lats) + 0.5;
}

const refuse = (message) => ({ ok: false, reason: 'bad-placement', message });

/**
 * Checks a placement staff chose and turns it into what the members table keeps:
 * `{ geonameId }`, `{ county }` (a county name or 5-digit FIPS code of that state) or
 * `{ lat, lon }`. Returns `{ ok: true, stored: { geonames_id, county, lat, lon, placement_note } }`
 * or `{ ok: false, reason: 'bad-placement', message }`.
 */
export function resolvePlacement(state, placement, by, now = new Date()) {
  const info = STATE_BY_CODE.get(state);
  if (!info) return refuse(`"${state}" is not a state or territory code.`);
  const who = `placed by ${by || 'staff'} on ${now.toISOString().slice(0, 10)}`;
  if (placement.geonameId != null && placement.geonameId !== '') {
    const id = Number(placement.geonameId);
    const p = Number.isInteger(id) ? placesById().get(id) : undefined;
    if (!p) return refuse(`GeoNames place ${placement.geonameId} is not a known place in the United States.`);
    if (p.state !== state) return refuse(`GeoNames place ${id} (${p.name}) is not in ${info.name}.`);
    return { ok: true, stored: { geonames_id: id, county: null, lat: p.lat, lon: p.lon, placement_note: `GeoNames ${id} ${p.name}, ${who}` } };
  }
  if (typeof placement.county === 'string' && placement.county.trim()) {
    const text = placement.county.trim();
    const counties = loadCounties().get(info.fips) ?? new Map();
    const c = /^\d{5}$/.test(text) ? (text.startsWith(info.fips) ? countyByFips(text) : null) : counties.get(normalizeName(text.replace(/\s+(county|parish)$/i, '')));
    if (!c) return refuse(`"${text}" is not a county of ${info.name}.`);
    return { ok: true, stored: { geonames_id: null, county: c.name, lat: null, lon: null, placement_note: `centroid of ${c.name} County (${c.fips}), ${who}` } };
  }
  const lat = Number(placement.lat);
  const lon = Number(placement.lon);
  if (placement.lat == null || placement.lat === '' || !Number.isFinite(lat) || lat < -90 || lat > 90) return refuse('Give a GeoNames place, a county, or a latitude between -90 and 90.');
  if (placement.lon == null || placement.lon === '' || !Number.isFinite(lon) || lon < -180 || lon > 180) return refuse('Give a longitude between -180 and 180.');
  if (!inState(state, lon, lat)) return refuse(`${lat}, ${lon} is not in ${info.name}. Latitude comes first; longitudes in the United States are negative.`);
  return { ok: true, stored: { geonames_id: null, county: null, lat, lon, placement_note: `latitude ${lat}, longitude ${lon}, ${who}` } };
}

/** data/geo/overrides.csv as the feed build reads it: member id → placement. */
export function csvOverrides(dataDir) {
  const ctx = new FeedContext({ dataDir, ajv: null });
  return readOverrides(ctx, 'geo/overrides.csv', memberId);
}

/**
 * Can the feed build place `{ city, state }`? With a stored placement (see resolvePlacement)
 * it always can; without one, the geocoder decides (data/geo/overrides.csv included).
 * Returns `{ ok: true, placed }` or `{ ok: false, reason: 'unplaced', message, candidates }`.
 */
export function checkPlaceable({ city, state }, stored, dataDir) {
  const id = memberId(state, city);
  const overrides = csvOverrides(dataDir);
  if (stored) {
    const o = stored.lat != null ? { lat: stored.lat, lon: stored.lon, source: `override: ${stored.placement_note}` } : null;
    if (o) overrides.set(id, o);
    else {
      const c = [...(loadCounties().get(STATE_BY_CODE.get(state)?.fips)?.values() ?? [])].find((x) => x.name === stored.county);
      overrides.set(id, { lat: c.lat, lon: c.lon, countyFips: c.fips, source: `override: ${stored.placement_note}` });
    }
  }
  const { placed } = geocodeMembers([{ id, city, state }], overrides);
  if (placed.length) return { ok: true, placed: placed[0] };
  const name = STATE_BY_CODE.get(state)?.name ?? state;
  return {
    ok: false,
    reason: 'unplaced',
    message: `${city}, ${state} is not a place the map knows in ${name}. Pick the right place below, or give its county or its latitude and longitude.`,
    candidates: candidates(city, state),
  };
}

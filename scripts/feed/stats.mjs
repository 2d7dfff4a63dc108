// data/stats/ → statistics resources:
//   stats/national.json         US firearm deaths by intent (CDC WISQARS; 2020+ secondary)
//   stats/state/{state}.json    one file per state, DC and territory: the CDC state series and the
//                               Gun Violence Archive (GVA) figures of the member cities there
//   stats/cities.json           which members have GVA city figures, and how they were matched
// A card downloads its own state's file and the national file, never the whole country.
// Members are matched to GVA city names by folded name (case, accents, apostrophes, "St." =
// "Saint", spaces and hyphens) plus the reviewed alias table data/stats/gva-aliases.csv.
// Blanks in the sources stay null; no per-capita city rate is ever computed.
import { STATES, STATE_BY_CODE } from '../lib/states.mjs';
import { memberId } from './members.mjs';
import { foldCity } from '../../src/shared/text/fold-city.js';

export { foldCity };

const SCHEMA = 'https://maig-widgets.local/schema/v1/stats.schema.json';
const DIR = 'stats';
const STATE_BY_NAME = new Map(STATES.map((s) => [s.name, s]));
const QUALITIES = new Set(['primary-derived', 'secondary', 'secondary+crosschecked']);

/** Parses a cell as a whole number ≥ 0; '' gives null when `blank` is allowed. Reports errors. */
function integer(ctx, file, line, field, raw, { blank = false, min = 0, max = Infinity } = {}) {
  const text = (raw ?? '').trim();
  if (text === '') {
    if (blank) return null;
    ctx.error(file, line, field, 'is empty');
    return undefined;
  }
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    ctx.error(file, line, field, `"${raw}" is not a whole number${min > 0 ? ` from ${min}` : ''}${Number.isFinite(max) ? ` to ${max}` : ''}`);
    return undefined;
  }
  return Number(text);
}

const year = (ctx, file, line, raw) => integer(ctx, file, line, 'year', raw, { min: 1900, max: 2100 });

function readSources(ctx) {
  const file = `${DIR}/sources.json`;
  const sources = ctx.readJson(file);
  if (!sources) return null;
  return ctx.validate(`${SCHEMA}#/$defs/sources`, sources, file) ? sources : null;
}

function readCdc(ctx, { first }) {
  const file = `${DIR}/cdc_state_firearm_mortality.csv`;
  const byState = new Map();
  const seen = new Map();
  for (const { line, values } of ctx.readCsv(file, ['year', 'state', 'deaths', 'age_adjusted_rate_per_100k'])) {
    const y = year(ctx, file, line, values.year);
    const code = values.state.trim().toUpperCase();
    if (!STATE_BY_CODE.has(code)) {
      ctx.error(file, line, 'state', `"${values.state}" is not a USPS state or territory code`);
      continue;
    }
    const deaths = integer(ctx, file, line, 'deaths', values.deaths);
    const rateText = values.age_adjusted_rate_per_100k.trim();
    let rate = null;
    if (rateText !== '') {
      rate = /^\d+(\.\d+)?$/.test(rateText) ? Number(rateText) : undefined;
      if (rate === undefined) ctx.error(file, line, 'age_adjusted_rate_per_100k', `"${rateText}" is not a rate (a number such as 12.4)`);
    }
    if (y === undefined || deaths === undefined || rate === undefined) continue;
    if (y < first) continue; // years before the first one shown (sources.json cdcState.first)
    const key = `${code} ${y}`;
    if (seen.has(key)) {
      ctx.error(file, line, 'year', `${code} ${y} is listed twice (first on line ${seen.get(key)})`);
      continue;
    }
    seen.set(key, line);
    if (!byState.has(code)) byState.set(code, []);
    byState.get(code).push({ year: y, deaths, rate });
  }
  for (const points of byState.values()) points.sort((a, b) => a.year - b.year);
  return byState;
}

function readNational(ctx, info) {
  const file = `${DIR}/national_firearm_deaths_by_intent.csv`;
  const parts = [['homicide', 'homicide'], ['suicide', 'suicide'], ['unintentional', 'unintentional'], ['legal_intervention', 'legalIntervention'], ['undetermined', 'undetermined']];
  const points = [];
  const seen = new Map();
  for (const { line, values } of ctx.readCsv(file, ['year', 'firearm_deaths_total', ...parts.map(([c]) => c), 'source_quality', 'source'])) {
    const y = year(ctx, file, line, values.year);
    const total = integer(ctx, file, line, 'firearm_deaths_total', values.firearm_deaths_total);
    const point = { year: y, total };
    let ok = y !== undefined && total !== undefined;
    for (const [column, key] of parts) {
      point[key] = integer(ctx, file, line, column, values[column], { blank: true });
      if (point[key] === undefined) ok = false;
    }
    const quality = values.source_quality.trim();
    if (!QUALITIES.has(quality)) {
      ctx.error(file, line, 'source_quality', `"${quality}" is not one of ${[...QUALITIES].join(', ')}`);
      ok = false;
    }
    if (!ok) continue;
    const known = parts.map(([, k]) => point[k]);
    if (known.every((v) => v !== null) && known.reduce((a, b) => a + b, 0) !== total) {
      ctx.error(file, line, 'firearm_deaths_total', `${total} is not the sum of the five intents (${known.reduce((a, b) => a + b, 0)})`);
      continue;
    }
    if (known.some((v) => v !== null && v > total)) {
      ctx.error(file, line, 'firearm_deaths_total', `${total} is smaller than one of its parts`);
      continue;
    }
    if (seen.has(y)) {
      ctx.error(file, line, 'year', `${y} is listed twice (first on line ${seen.get(y)})`);
      continue;
    }
    seen.set(y, line);
    point.secondary = quality !== 'primary-derived';
    if (point.secondary) {
      const via = values.source.trim();
      if (!via) ctx.error(file, line, 'source', 'a secondary row must name where its figures were published');
      else point.via = via;
    }
    points.push(point);
  }
  points.sort((a, b) => a.year - b.year);
  if (!points.length) return null;
  return {
    schemaVersion: 1,
    deaths: {
      source: info.source,
      url: info.url,
      secondaryUrl: info.secondaryUrl,
      first: points[0].year,
      last: points.at(-1).year,
      notes: info.notes,
      points,
    },
  };
}

/**
 * Reads a GVA city file: state (full name), city_or_county, year and count columns.
 * Returns Map "CODE|folded name" → { names: Set, rows: [{ year, ...counts }] }.
 */
function readGva(ctx, file, counts, { first, last }) {
  const byName = new Map();
  for (const { line, values } of ctx.readCsv(file, ['state', 'city_or_county', 'year', ...counts.map(([c]) => c)])) {
    const state = STATE_BY_NAME.get(values.state.trim());
    if (!state) {
      ctx.error(file, line, 'state', `"${values.state}" is not a state name`);
      continue;
    }
    const name = values.city_or_county.trim();
    if (!name) {
      ctx.error(file, line, 'city_or_county', 'is empty');
      continue;
    }
    const y = year(ctx, file, line, values.year);
    if (y === undefined) continue;
    const key = `${state.code}|${foldCity(name)}`;
    if (!byName.has(key)) byName.set(key, { names: new Map(), rows: [] });
    const entry = byName.get(key);
    if (!entry.names.has(name)) entry.names.set(name, []);
    if (y < first || y > last) continue;
    const row = { year: y };
    let ok = true;
    for (const [column, field] of counts) {
      row[field] = integer(ctx, file, line, column, values[column]);
      if (row[field] === undefined) ok = false;
    }
    if (ok) entry.names.get(name).push(row);
  }
  return byName;
}

function readAliases(ctx, memberIds, gvaKnows) {
  const file = `${DIR}/gva-aliases.csv`;
  const aliases = new Map(); // member id → GVA names
  const seen = new Map();
  const stale = [];
  for (const { line, values } of ctx.readCsv(file, ['state', 'member_city', 'gva_name'])) {
    const code = values.state.trim().toUpperCase();
    if (!STATE_BY_CODE.has(code)) {
      ctx.error(file, line, 'state', `"${values.state}" is not a USPS state or territory code`);
      continue;
    }
    const city = values.member_city.trim();
    const id = memberId(code, city);
    if (!city) {
      ctx.error(file, line, 'member_city', 'is empty');
      continue;
    }
    if (!memberIds.has(id)) {
      // A member who left keeps its reviewed aliases harmlessly: say so, do not stop the build.
      stale.push(line);
      continue;
    }
    const name = values.gva_name.trim();
    if (!name || !gvaKnows(code, name)) {
      ctx.error(file, line, 'gva_name', `"${name}" is not a city name in the Gun Violence Archive files for ${code}`);
      continue;
    }
    const key = `${id}|${name}`;
    if (seen.has(key)) {
      ctx.error(file, line, 'gva_name', `"${name}" is listed twice for ${city}, ${code} (first on line ${seen.get(key)})`);
      continue;
    }
    seen.set(key, line);
    if (!aliases.has(id)) aliases.set(id, []);
    aliases.get(id).push(name);
  }
  if (stale.length) {
    console.warn(`stats: ${ctx.label(file)}: line${stale.length > 1 ? 's' : ''} ${stale.join(', ')} name${stale.length > 1 ? '' : 's'} no member city of members.csv; ignored`);
  }
  return aliases;
}

/** Sums rows of several GVA names by year. */
function sumByYear(rowLists, fields) {
  const byYear = new Map();
  for (const rows of rowLists) {
    for (const row of rows) {
      const sum = byYear.get(row.year) ?? Object.fromEntries([['year', row.year], ...fields.map((f) => [f, 0])]);
      for (const f of fields) sum[f] += row[f];
      byYear.set(row.year, sum);
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function build(ctx) {
  const sources = readSources(ctx);
  if (!sources) return;
  const { cdcState, national: nationalInfo, gvaCity, gvaMassShootings } = sources;
  const throughYear = Number(gvaMassShootings.through.slice(0, 4));
  ctx.dates.push(gvaMassShootings.through);

  const cdc = readCdc(ctx, cdcState);
  const national = readNational(ctx, nationalInfo);
  const shootings = readGva(ctx, `${DIR}/gva_city_year.csv`, [['incidents', 'incidents'], ['killed', 'killed'], ['injured', 'injured']], gvaCity);
  const mass = readGva(ctx, `${DIR}/gva_mass_shootings_city_year.csv`, [['mass_shootings', 'count'], ['victims_killed', 'killed'], ['victims_injured', 'injured']], {
    first: gvaMassShootings.first,
    last: throughYear,
  });
  const members = ctx.members ?? [];
  const gvaKnows = (code, name) => [shootings, mass].some((m) => m.get(`${code}|${foldCity(name)}`)?.names.has(name));
  const aliases = readAliases(ctx, new Set(members.map((m) => m.id)), gvaKnows);

  if (national) ctx.emit('statsNational', `${DIR}/national.json`, national, `${SCHEMA}#/$defs/national`);

  const cityRecords = [];
  const citiesByState = new Map();
  for (const member of members) {
    const exactKey = `${member.state}|${foldCity(member.city)}`;
    const exact = [shootings, mass].flatMap((m) => [...(m.get(exactKey)?.names.keys() ?? [])]);
    const extra = aliases.get(member.id) ?? [];
    const names = [...new Set([...exact, ...extra])].sort();
    const match = exact.length && extra.length ? 'exact+alias' : exact.length ? 'exact' : extra.length ? 'alias' : 'none';
    const rowsOf = (source) => names.map((n) => source.get(`${member.state}|${foldCity(n)}`)?.names.get(n) ?? []);
    const shootingPoints = sumByYear(rowsOf(shootings), ['incidents', 'killed', 'injured']);
    const massPoints = sumByYear(rowsOf(mass), ['count', 'killed', 'injured']);
    const knownToMass = names.some((n) => mass.get(`${member.state}|${foldCity(n)}`)?.names.has(n));
    const city = {
      id: member.id,
      city: member.city,
      match,
      gvaNames: names,
      shootings: shootingPoints.length
        ? { source: gvaCity.source, url: gvaCity.url, first: gvaCity.first, last: gvaCity.last, notes: gvaCity.notes, points: shootingPoints }
        : null,
      // A matched city with no mass shooting row had none recorded under its names: an empty
      // list, not null. A city GVA does not know at all gets null (nothing recorded either way).
      massShootings:
        massPoints.length || (match !== 'none' && (shootingPoints.length || knownToMass))
          ? {
              source: gvaMassShootings.source,
              url: gvaMassShootings.url,
              first: gvaMassShootings.first,
              last: throughYear,
              through: gvaMassShootings.through,
              notes: gvaMassShootings.notes,
              points: massPoints,
            }
          : null,
    };
    if (!citiesByState.has(member.state)) citiesByState.set(member.state, []);
    citiesByState.get(member.state).push(city);
    cityRecords.push({ id: member.id, match, gvaNames: names, shootings: !!city.shootings, massShootings: massPoints.length > 0 });
  }

  for (const state of STATES) {
    const points = cdc.get(state.code) ?? [];
    const series = points.length
      ? {
          source: cdcState.source,
          url: cdcState.url,
          first: points[0].year,
          last: points.at(-1).year,
          notes: state.code === 'DC' ? [...cdcState.notes, cdcState.dcNote] : cdcState.notes,
          points,
        }
      : null;
    const data = {
      schemaVersion: 1,
      state: { code: state.code, name: state.name, territory: state.territory },
      cdc: series,
      cdcNote: series ? null : `CDC/NCHS publishes no state firearm mortality figures for ${state.name} in this feed's source.`,
      cities: (citiesByState.get(state.code) ?? []).sort((a, b) => a.id.localeCompare(b.id)),
    };
    ctx.resources.set(`statsState:${state.code.toLowerCase()}`, {
      path: `${DIR}/state/${state.code.toLowerCase()}.json`,
      data,
      schemaRef: `${SCHEMA}#/$defs/state`,
      unlisted: true,
    });
  }
  // The index lists the per-state files once, as a path template the client fills in.
  ctx.resources.set('statsState', { path: null, resourcePath: `${DIR}/state/{state}.json` });

  const withFigures = cityRecords.filter((c) => c.shootings || c.massShootings).length;
  ctx.emit('statsCities', `${DIR}/cities.json`, { schemaVersion: 1, withFigures, members: cityRecords }, `${SCHEMA}#/$defs/cities`);
  const count = (f) => cityRecords.filter(f).length;
  console.log(
    `stats: ${withFigures} of ${cityRecords.length} members have GVA city figures ` +
      `(${count((c) => c.shootings)} killed/injured 2014-2017, ${count((c) => c.massShootings)} mass shootings; ` +
      `matched ${count((c) => c.match === 'exact')} by name, ${count((c) => c.match === 'exact+alias')} by name plus aliases, ` +
      `${count((c) => c.match === 'alias')} by alias only, ${count((c) => c.match === 'none')} not in GVA)`,
  );
}

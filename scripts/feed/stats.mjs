// data/stats/ → statistics resources:
//   stats/national.json         US firearm deaths by intent (CDC WISQARS; 2020+ secondary)
//   stats/state/{state}.json    one file per state, DC and territory: the CDC state series and the
//                               Gun Violence Archive (GVA) figures of the member cities there
//   stats/cities.json           which members have GVA city figures, and how they were matched
// A card downloads its own state's file and the national file, never the whole country.
// Members are matched to GVA city names by folded name (case, accents, apostrophes, "St." =
// "Saint", spaces and hyphens) plus the reviewed alias table data/stats/gva-aliases.csv.
// Blanks in the sources stay null; no per-capita city rate is ever computed.
// The GVA layer is opt-in (ctx.gva, `npm run feed -- --with-gva` or MAIG_FEED_GVA=1): GVA's data
// is copyrighted and may be republished only under an agreement with GVA. Without it (the
// default) the GVA files are not read, the state files carry `gvaCity: null` and
// `gvaMassShootings: null`, every city has no GVA names or figures, and cities.json says `gva: false`.
// Local CDC figures: each member's county comes from the map section's geocoding (ctx.placements,
// the us-atlas county its point lies in); the reviewed table data/stats/city-counties.csv says
// which members are their own county (independent cities, consolidated city-counties, a member
// that is a county) and gives their county FIPS code(s). Firearm homicides and suicides by
// county come from CDC's county file, 2019-2023 final; 2024 (provisional) is read and checked
// but left out of the feed. A count CDC suppresses (1-9) is kept as the range [1, 9], never 0.
import { STATES, STATE_BY_CODE } from '../../src/common/states.js';
import { memberId } from './members.mjs';
import { cityKey } from '../../src/common/fold-city.js';


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
  if (!ctx.validate(`${SCHEMA}#/$defs/sources`, sources, file)) return null;
  for (const [key, entry] of Object.entries(sources)) checkSpanish(ctx, file, key, entry);
  return sources;
}

/**
 * A Spanish version (`es`) must translate every text field of its English entry: every note,
 * in the same number, and the District of Columbia note where there is one. A Spanish `source`
 * is optional (a publication's title stays English); `es` with an empty text is an error too.
 */
function checkSpanish(ctx, file, key, entry) {
  const es = entry.es;
  if (!es) return;
  const where = `${key}.es`;
  if (Array.isArray(entry.notes) && (!Array.isArray(es.notes) || es.notes.length !== entry.notes.length)) {
    ctx.error(file, null, `${where}.notes`, `must translate every note: ${entry.notes.length} in English, ${Array.isArray(es.notes) ? es.notes.length : 0} in Spanish`);
  }
  for (const field of ['dcNote', 'source']) {
    if (field === 'dcNote' && typeof entry.dcNote === 'string' && !es.dcNote) ctx.error(file, null, `${where}.dcNote`, 'is missing: translate the English dcNote');
    if (field in es && !(field in entry)) ctx.error(file, null, `${where}.${field}`, `has no English ${field} to translate`);
  }
  for (const [field, value] of Object.entries(es)) {
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((t) => typeof t !== 'string' || !t.trim())) ctx.error(file, null, `${where}.${field}`, 'is empty');
  }
}

/**
 * stats/es.json: English text → its Spanish, for every series with an `es` in sources.json
 * (notes, the DC note, descriptive source names). One small file fetched only by Spanish cards,
 * so the state files English pages download stay as they were.
 */
function spanishText(sources, withGva) {
  const text = {};
  for (const [key, entry] of Object.entries(sources)) {
    if (!withGva && key.startsWith('gva')) continue;
    const es = entry.es;
    if (!es) continue;
    (es.notes ?? []).forEach((n, i) => entry.notes?.[i] !== undefined && (text[entry.notes[i]] = n));
    if (es.dcNote && entry.dcNote) text[entry.dcNote] = es.dcNote;
    if (es.source) text[entry.source] = es.source;
  }
  return { schemaVersion: 1, text };
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
    const key = `${state.code}|${cityKey(name)}`;
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

/**
 * The rows of a reviewed file that names member cities by `state` and `member_city` (besides
 * `columns`): reports a state that is no USPS code and an empty city, and yields
 * { line, values, code, info, city, id } for each row naming a member city of members.csv. Rows
 * naming no member (a member who left keeps its reviewed rows harmlessly) are listed in one
 * warning at the end; they do not stop the build.
 */
function* memberRows(ctx, file, columns, memberIds) {
  const stale = [];
  for (const { line, values } of ctx.readCsv(file, ['state', 'member_city', ...columns])) {
    const code = values.state.trim().toUpperCase();
    const info = STATE_BY_CODE.get(code);
    if (!info) {
      ctx.error(file, line, 'state', `"${values.state}" is not a USPS state or territory code`);
      continue;
    }
    const city = values.member_city.trim();
    if (!city) {
      ctx.error(file, line, 'member_city', 'is empty');
      continue;
    }
    const id = memberId(code, city);
    if (!memberIds.has(id)) {
      stale.push(line);
      continue;
    }
    yield { line, values, code, info, city, id };
  }
  if (stale.length) {
    console.warn(`stats: ${ctx.label(file)}: line${stale.length > 1 ? 's' : ''} ${stale.join(', ')} name${stale.length > 1 ? '' : 's'} no member city of members.csv; ignored`);
  }
}

function readAliases(ctx, memberIds, gvaKnows) {
  const file = `${DIR}/gva-aliases.csv`;
  const aliases = new Map(); // member id → GVA names
  const seen = new Map();
  for (const { line, values, code, city, id } of memberRows(ctx, file, ['gva_name'], memberIds)) {
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
  return aliases;
}

/**
 * Reads the CDC county file: Map FIPS → { name, state, homicide: Map year → count, suicide: … },
 * a count being a whole number or, where CDC suppresses it, its range [low, high] ("1-9").
 * Only final years (first..last) are kept; `2024-provisional` rows are checked, then left out.
 */
function readCounty(ctx, { first, last }) {
  const file = `${DIR}/cdc_county_firearm_homicide_suicide_2019_2024.csv`;
  const byFips = new Map();
  const seen = new Map();
  for (const { line, values } of ctx.readCsv(file, ['period', 'county_fips', 'county', 'state_name', 'intent', 'deaths', 'deaths_range'])) {
    const period = values.period.trim();
    const provisional = /^\d{4}-provisional$/.test(period);
    const y = provisional ? Number(period.slice(0, 4)) : year(ctx, file, line, period);
    if (y === undefined) continue;
    const fips = values.county_fips.trim();
    if (!/^\d{5}$/.test(fips)) {
      ctx.error(file, line, 'county_fips', `"${fips}" is not a 5-digit county FIPS code`);
      continue;
    }
    const intent = values.intent.trim();
    if (intent !== 'homicide' && intent !== 'suicide') {
      ctx.error(file, line, 'intent', `"${intent}" is not homicide or suicide`);
      continue;
    }
    let count;
    if (values.deaths.trim() === '') {
      const m = /^(\d+)-(\d+)$/.exec(values.deaths_range.trim());
      if (!m || Number(m[1]) > Number(m[2])) {
        ctx.error(file, line, 'deaths_range', `a blank count needs its range, such as 1-9 (found "${values.deaths_range}")`);
        continue;
      }
      count = [Number(m[1]), Number(m[2])];
    } else {
      count = integer(ctx, file, line, 'deaths', values.deaths);
      if (count === undefined) continue;
    }
    const key = `${period} ${fips} ${intent}`;
    if (seen.has(key)) {
      ctx.error(file, line, 'period', `${fips} ${intent} ${period} is listed twice (first on line ${seen.get(key)})`);
      continue;
    }
    seen.set(key, line);
    if (provisional || y < first || y > last) continue;
    if (!byFips.has(fips)) byFips.set(fips, { name: values.county.trim(), state: values.state_name.trim(), homicide: new Map(), suicide: new Map() });
    byFips.get(fips)[intent].set(y, count);
  }
  return byFips;
}

/** Adds counts that may be ranges: exact + exact is exact; with a range, the sum is a range. */
function addCounts(a, b) {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  const [a0, a1] = typeof a === 'number' ? [a, a] : a;
  const [b0, b1] = typeof b === 'number' ? [b, b] : b;
  return [a0 + b0, a1 + b1];
}

/** Reads data/stats/city-counties.csv: member id → { kind, fips: [..], note, line }. */
function readCityCounties(ctx, memberIds) {
  const file = `${DIR}/city-counties.csv`;
  const out = new Map();
  for (const { line, values, code, info, city, id } of memberRows(ctx, file, ['county_fips', 'kind', 'note'], memberIds)) {
    // note_es (optional column): the Spanish of note; where the column exists every row has one.
    const noteEs = values.note_es === undefined ? null : values.note_es.trim();
    const fips = values.county_fips.trim().split(/\s+/);
    const wrong = fips.find((f) => !/^\d{5}$/.test(f) || f.slice(0, 2) !== info.fips);
    if (wrong !== undefined) {
      ctx.error(file, line, 'county_fips', `"${wrong}" is not a county FIPS code of ${info.name} (5 digits starting ${info.fips})`);
      continue;
    }
    const kind = values.kind.trim();
    if (kind !== 'city-county' && kind !== 'county') {
      ctx.error(file, line, 'kind', `"${kind}" is not city-county (the county is the member) or county`);
      continue;
    }
    if (kind === 'county' && fips.length !== 1) {
      ctx.error(file, line, 'county_fips', 'a member labelled with its county has one county');
      continue;
    }
    const note = values.note.trim();
    if (!note) {
      ctx.error(file, line, 'note', 'says nothing: write why, and who checked');
      continue;
    }
    if (/[<>]/.test(note)) {
      ctx.error(file, line, 'note', 'must be plain text (no < or >)');
      continue;
    }
    if (noteEs !== null && (!noteEs || /[<>]/.test(noteEs))) {
      ctx.error(file, line, 'note_es', noteEs ? 'must be plain text (no < or >)' : 'is empty: translate note');
      continue;
    }
    if (out.has(id)) {
      ctx.error(file, line, 'member_city', `${city}, ${code} is listed twice (first on line ${out.get(id).line})`);
      continue;
    }
    out.set(id, { kind, fips, note, noteEs, line });
  }
  return out;
}

/**
 * A member's local CDC figures: its county (from geocoding) or the reviewed city-county row.
 * Returns { local, why } where local is null when there is no figure (why says so).
 */
function localFor(ctx, member, placement, reviewed, county, { first, last }) {
  const file = `${DIR}/city-counties.csv`;
  const row = reviewed.get(member.id);
  const found = placement?.county?.fips;
  if (row && found && !row.fips.includes(found)) {
    ctx.error(file, row.line, 'county_fips', `${member.city}, ${member.state} lies in county ${found} (${placement.county.name}, geocoding.json), not in ${row.fips.join(' ')}`);
    return { local: null, why: 'error' };
  }
  const fips = row ? row.fips : found ? [found] : [];
  if (!fips.length) return { local: null, why: 'no-county' };
  const areas = fips.map((f) => county.get(f));
  if (areas.some((a) => !a)) {
    const missing = fips.filter((f, i) => !areas[i]);
    if (row) ctx.error(file, row.line, 'county_fips', `${missing.join(' ')} has no row in the CDC county file`);
    return { local: null, why: 'not-in-cdc' };
  }
  if (!row && /\bcity$/.test(areas[0].name)) {
    console.warn(`stats: ${member.city}, ${member.state} lies in ${areas[0].name}, an independent city: review it in ${ctx.label(file)} (labelled as the county's until then)`);
  }
  const series = (intent) =>
    Array.from({ length: last - first + 1 }, (_, i) => areas.map((a) => a[intent].get(first + i) ?? null).reduce(addCounts));
  return {
    local: {
      kind: row?.kind ?? 'county',
      fips,
      name: areas.map((a) => a.name).join(', '),
      how: row ? 'reviewed' : placement.county.how,
      note: row?.note ?? null,
      noteEs: row?.noteEs ?? null,
      homicide: series('homicide'),
      suicide: series('suicide'),
    },
    why: null,
  };
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
  const { cdcState, cdcCounty, national: nationalInfo, gvaCity, gvaMassShootings } = sources;
  const withGva = ctx.gva === true;
  const throughYear = Number(gvaMassShootings.through.slice(0, 4));
  ctx.dates.push(withGva ? gvaMassShootings.through : cdcCounty.updated);

  const cdc = readCdc(ctx, cdcState);
  const national = readNational(ctx, nationalInfo);
  const members = ctx.members ?? [];
  const shootings = withGva
    ? readGva(ctx, `${DIR}/gva_city_year.csv`, [['incidents', 'incidents'], ['killed', 'killed'], ['injured', 'injured']], gvaCity)
    : new Map();
  const mass = withGva
    ? readGva(ctx, `${DIR}/gva_mass_shootings_city_year.csv`, [['mass_shootings', 'count'], ['victims_killed', 'killed'], ['victims_injured', 'injured']], {
        first: gvaMassShootings.first,
        last: throughYear,
      })
    : new Map();
  const gvaKnows = (code, name) => [shootings, mass].some((m) => m.get(`${code}|${cityKey(name)}`)?.names.has(name));
  const aliases = withGva ? readAliases(ctx, new Set(members.map((m) => m.id)), gvaKnows) : new Map();
  const county = readCounty(ctx, cdcCounty);
  const reviewed = readCityCounties(ctx, new Set(members.map((m) => m.id)));
  const placements = ctx.placements ?? new Map();

  if (national) ctx.emit('statsNational', `${DIR}/national.json`, national, `${SCHEMA}#/$defs/national`);
  ctx.emit('statsSpanish', `${DIR}/es.json`, spanishText(sources, withGva), `${SCHEMA}#/$defs/spanishText`);

  const cityRecords = [];
  const citiesByState = new Map();
  for (const member of members) {
    const exactKey = `${member.state}|${cityKey(member.city)}`;
    const exact = [shootings, mass].flatMap((m) => [...(m.get(exactKey)?.names.keys() ?? [])]);
    const extra = aliases.get(member.id) ?? [];
    const names = [...new Set([...exact, ...extra])].sort();
    const match = exact.length && extra.length ? 'exact+alias' : exact.length ? 'exact' : extra.length ? 'alias' : 'none';
    const rowsOf = (source) => names.map((n) => source.get(`${member.state}|${cityKey(n)}`)?.names.get(n) ?? []);
    const shootingPoints = sumByYear(rowsOf(shootings), ['incidents', 'killed', 'injured']);
    const massPoints = sumByYear(rowsOf(mass), ['count', 'killed', 'injured']);
    const knownToMass = names.some((n) => mass.get(`${member.state}|${cityKey(n)}`)?.names.has(n));
    const { local, why } = localFor(ctx, member, placements.get(member.id), reviewed, county, cdcCounty);
    // The series' source, years and notes are given once per state file (gvaCity,
    // gvaMassShootings): a card downloads its state's file, kept small (≤ 6 KB gzip with the
    // index and national file). Incidents are left out: the card shows people killed and injured.
    const city = {
      id: member.id,
      city: member.city,
      local: local && { kind: local.kind, fips: local.fips, name: local.name, note: local.note, ...(local.noteEs ? { noteEs: local.noteEs } : {}), homicide: local.homicide, suicide: local.suicide },
      gvaNames: names,
      shootings: shootingPoints.length ? shootingPoints.map(({ year: y, killed, injured }) => ({ year: y, killed, injured })) : null,
      // A matched city with no mass shooting row had none recorded under its names: an empty
      // list, not null. A city GVA does not know at all gets null (nothing recorded either way).
      massShootings: massPoints.length || (match !== 'none' && (shootingPoints.length || knownToMass)) ? massPoints : null,
    };
    if (!citiesByState.has(member.state)) citiesByState.set(member.state, []);
    citiesByState.get(member.state).push(city);
    const latest = local ? [local.homicide.at(-1), local.suicide.at(-1)] : [];
    cityRecords.push({
      id: member.id,
      local: local ? { kind: local.kind, fips: local.fips, how: local.how, suppressed: latest.some((c) => Array.isArray(c)) } : { kind: null, why },
      match,
      gvaNames: names,
      shootings: !!city.shootings,
      massShootings: massPoints.length > 0,
    });
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
      cdcNote: series ? null : `CDC/NCHS publishes no state firearm mortality figures for ${state.name}.`,
      // Where the local CDC figures of this state's members come from (the figures are in each city).
      cdcCounty: { source: cdcCounty.source, url: cdcCounty.url, first: cdcCounty.first, last: cdcCounty.last, updated: cdcCounty.updated },
      // Null without the GVA layer (the default feed): see the header comment.
      gvaCity: withGva ? { source: gvaCity.source, url: gvaCity.url, first: gvaCity.first, last: gvaCity.last, notes: gvaCity.notes } : null,
      gvaMassShootings: withGva
        ? {
            source: gvaMassShootings.source,
            url: gvaMassShootings.url,
            first: gvaMassShootings.first,
            last: throughYear,
            through: gvaMassShootings.through,
            notes: gvaMassShootings.notes,
          }
        : null,
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
  const count = (f) => cityRecords.filter(f).length;
  const localCounts = {
    cityCounty: count((c) => c.local.kind === 'city-county'),
    county: count((c) => c.local.kind === 'county'),
    suppressed: count((c) => c.local.suppressed),
    none: count((c) => c.local.kind === null),
  };
  ctx.emit('statsCities', `${DIR}/cities.json`, { schemaVersion: 1, gva: withGva, withFigures, local: localCounts, members: cityRecords }, `${SCHEMA}#/$defs/cities`);
  const without = cityRecords.filter((c) => c.local.kind === null);
  ctx.notes.push(
    `stats: ${localCounts.cityCounty + localCounts.county} of ${cityRecords.length} members have a local CDC figure for ${cdcCounty.last} ` +
      `(${localCounts.cityCounty} their own city-county, ${localCounts.county} their county; ${localCounts.suppressed} with a ${cdcCounty.last} homicide or suicide count suppressed as 1-9; ` +
      `${localCounts.none} without${without.length ? `: ${without.map((c) => c.id).join(', ')}` : ''})`,
  );
  if (!withGva) {
    ctx.notes.push('stats: Gun Violence Archive layer off (public-domain sources only; --with-gva or MAIG_FEED_GVA=1 turns it on under an agreement with GVA)');
    return;
  }
  ctx.notes.push(
    `stats: ${withFigures} of ${cityRecords.length} members have GVA city figures ` +
      `(${count((c) => c.shootings)} killed/injured 2014-2017, ${count((c) => c.massShootings)} mass shootings; ` +
      `matched ${count((c) => c.match === 'exact')} by name, ${count((c) => c.match === 'exact+alias')} by name plus aliases, ` +
      `${count((c) => c.match === 'alias')} by alias only, ${count((c) => c.match === 'none')} not in GVA)`,
  );
}

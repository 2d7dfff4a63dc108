import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFeed, formatError } from '../../scripts/feed/build.mjs';
import { cityKey as foldCity } from '../../src/common/fold-city.js';
import { parseCsv } from '../../scripts/lib/csv.mjs';

function dataCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'maig-stats-'));
  cpSync('data', dir, { recursive: true });
  return dir;
}
const csv = (file) => parseCsv(readFileSync(join('data/stats', file), 'utf8')).rows.map((r) => r.values);
/** The project's shared public data beside the clone (as in CI), when present; MAIG_SHARED_DATA overrides the folder. */
const SHARED = process.env.MAIG_SHARED_DATA || '../shared/data';
const shared = existsSync(SHARED) ? SHARED : null;
/** Rows of a source file: from ../shared/data when present (the reference), else the copy in data/stats. */
const source = (file) => parseCsv(readFileSync(join(shared ?? 'data/stats', file), 'utf8')).rows.map((r) => r.values);
const messages = (errors, dir) => errors.map(formatError).map((m) => m.replace(`${dir}/`, 'data/'));
/** Replaces line `n` (1-based) of a data file. */
function editLine(dir, file, n, text) {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  lines[n - 1] = typeof text === 'function' ? text(lines[n - 1]) : text;
  writeFileSync(join(dir, file), lines.join('\n'));
}
const lineOf = (file, predicate) => readFileSync(join('data', file), 'utf8').split('\n').findIndex(predicate) + 1;

/** The default feed: public-domain sources only. */
const built = buildFeed({ write: false });
const json = async (path) => JSON.parse((await built).files.get(path));
/** The feed a publisher with a GVA agreement builds (`npm run feed -- --with-gva`). */
const builtGva = buildFeed({ write: false, gva: true });
const gvaJson = async (path) => JSON.parse((await builtGva).files.get(path));

describe('stats feed section', () => {
  test('builds with no error; the index lists the state files once, as a template', async () => {
    const { errors, files } = await built;
    assert.deepEqual(errors.map(formatError), []);
    const index = await json('index.json');
    assert.equal(index.resources.statsNational, 'stats/national.json');
    assert.equal(index.resources.statsState, 'stats/state/{state}.json');
    assert.equal(index.resources.statsCities, 'stats/cities.json');
    assert.ok(!Object.keys(index.resources).some((k) => k.startsWith('statsState:')));
    // One file per state, DC and territory.
    assert.equal([...files.keys()].filter((p) => p.startsWith('stats/state/')).length, 56);
  });

  test('the notes a resident reads never speak of "this feed" (English) or "estos datos" (Spanish)', async () => {
    const { files } = await built;
    for (const [path, text] of files) {
      if (!path.startsWith('stats/')) continue;
      assert.doesNotMatch(text, /this feed|estos datos/i, path);
    }
  });

  test('the copies in data/stats equal the shared public data, byte for byte', { skip: !shared && 'no ../shared/data beside the clone' }, () => {
    const copies = readdirSync('data/stats').filter((f) => f.endsWith('.csv') && existsSync(join(SHARED, f)));
    assert.deepEqual(copies.sort(), [
      'cdc_county_firearm_homicide_suicide_2019_2024.csv',
      'cdc_state_firearm_mortality.csv',
      'gva_city_year.csv',
      'gva_mass_shootings_city_year.csv',
      'national_firearm_deaths_by_intent.csv',
    ]);
    for (const f of copies) assert.ok(readFileSync(join('data/stats', f)).equals(readFileSync(join(SHARED, f))), `data/stats/${f} differs from ${SHARED}/${f}`);
  });

  test('state series equal the CDC file, year by year, for MD, CA, TX and DC, to 2023; none for PR', async () => {
    const cdc = source('cdc_state_firearm_mortality.csv');
    // The feed shows the years from sources.json's cdcState.first on (2014: the file's 2005 row would leave a gap).
    const { first } = JSON.parse(readFileSync('data/stats/sources.json', 'utf8')).cdcState;
    assert.equal(first, 2014);
    for (const code of ['MD', 'CA', 'TX', 'DC']) {
      const state = await json(`stats/state/${code.toLowerCase()}.json`);
      const expected = cdc
        .filter((r) => r.state === code && Number(r.year) >= first)
        .map((r) => ({ year: Number(r.year), deaths: Number(r.deaths), rate: Number(r.age_adjusted_rate_per_100k) }))
        .sort((a, b) => a.year - b.year);
      assert.deepEqual(state.cdc.points, expected, code);
      assert.equal(state.cdc.first, expected[0].year);
      assert.equal(state.cdc.last, 2023);
      assert.ok(state.cdc.source.startsWith('CDC/NCHS'));
    }
    const md = (await json('stats/state/md.json')).cdc.points.at(-1);
    const mdRow = cdc.find((r) => r.state === 'MD' && r.year === '2023');
    assert.deepEqual([md.deaths, md.rate], [Number(mdRow.deaths), Number(mdRow.age_adjusted_rate_per_100k)]);
    const dc = await json('stats/state/dc.json');
    assert.deepEqual(dc.cdc.points.map((p) => p.year), [2022, 2023]);
    assert.ok(dc.cdc.notes.includes('District of Columbia figures are available for 2022 and 2023 only.'));
    const pr = await json('stats/state/pr.json');
    assert.equal(pr.cdc, null);
    assert.match(pr.cdcNote, /no state firearm mortality figures for Puerto Rico/);
  });

  test('national series: every row, primary CDC figures, no blanks; the 2023 intents add up to the total', async () => {
    const national = await json('stats/national.json');
    const rows = source('national_firearm_deaths_by_intent.csv');
    assert.equal(national.deaths.points.length, rows.length);
    for (const row of rows) {
      const point = national.deaths.points.find((p) => p.year === Number(row.year));
      assert.equal(point.total, Number(row.firearm_deaths_total));
      for (const [col, key] of [['homicide', 'homicide'], ['suicide', 'suicide'], ['unintentional', 'unintentional'], ['legal_intervention', 'legalIntervention'], ['undetermined', 'undetermined']]) {
        assert.equal(point[key], Number(row[col]), `${row.year} ${col}`);
      }
      assert.equal(point.secondary, false);
    }
    const y2023 = national.deaths.points.find((p) => p.year === 2023);
    const row = rows.find((r) => r.year === '2023');
    assert.equal(y2023.total, Number(row.firearm_deaths_total));
    assert.equal(y2023.homicide + y2023.suicide + y2023.unintentional + y2023.legalIntervention + y2023.undetermined, y2023.total);
    assert.equal(national.deaths.secondaryUrl, undefined);
  });

  test('local CDC figures: the city-county is the city; elsewhere the county the member lies in; suppressed counts kept as 1-9', async () => {
    const county = source('cdc_county_firearm_homicide_suicide_2019_2024.csv');
    /** The county's final 2019-2023 series of an intent, as the feed writes it. */
    const series = (fips, intent) =>
      [2019, 2020, 2021, 2022, 2023].map((y) => {
        const r = county.find((x) => x.county_fips === fips && x.intent === intent && x.period === String(y));
        if (!r) return null;
        return r.deaths === '' ? r.deaths_range.split('-').map(Number) : Number(r.deaths);
      });
    const cityOf = async (state, id) => (await json(`stats/state/${state}.json`)).cities.find((c) => c.id === id);

    const baltimore = await cityOf('md', 'md-baltimore');
    assert.deepEqual([baltimore.local.kind, baltimore.local.fips, baltimore.local.name], ['city-county', ['24510'], 'Baltimore city']);
    assert.deepEqual(baltimore.local.homicide, series('24510', 'homicide'));
    assert.deepEqual(baltimore.local.suicide, series('24510', 'suicide'));
    const philadelphia = await cityOf('pa', 'pa-philadelphia');
    assert.deepEqual([philadelphia.local.kind, philadelphia.local.homicide], ['city-county', series('42101', 'homicide')]);
    const chicago = await cityOf('il', 'il-chicago');
    assert.deepEqual([chicago.local.kind, chicago.local.fips, chicago.local.name], ['county', ['17031'], 'Cook County']);
    assert.deepEqual(chicago.local.homicide, series('17031', 'homicide'));
    // New York City is five counties: their sum; a suppressed part makes the sum a range.
    const nyc = await cityOf('ny', 'ny-new-york');
    assert.equal(nyc.local.fips.length, 5);
    const parts = nyc.local.fips.map((f) => series(f, 'homicide').at(-1));
    const lo = parts.reduce((n, c) => n + (Array.isArray(c) ? c[0] : c), 0);
    const hi = parts.reduce((n, c) => n + (Array.isArray(c) ? c[1] : c), 0);
    assert.deepEqual(nyc.local.homicide.at(-1), lo === hi ? lo : [lo, hi]);
    // Provisional 2024 is left out: five final years only.
    assert.ok(county.some((r) => r.period === '2024-provisional'));
    assert.equal(chicago.local.suicide.length, 5);
    // Territories: the county file has no rows.
    const pr = await json('stats/state/pr.json');
    assert.ok(pr.cities.length > 0 && pr.cities.every((c) => c.local === null));
    assert.ok(!county.some((r) => r.county_fips.startsWith('72') || r.county_fips.startsWith('69')));

    // Counts by kind in cities.json, and each member's county with how it was found in geocoding.json.
    const cities = await json('stats/cities.json');
    const kinds = (k) => cities.members.filter((m) => m.local.kind === k).length;
    assert.deepEqual(cities.local, {
      cityCounty: kinds('city-county'),
      county: kinds('county'),
      suppressed: cities.members.filter((m) => m.local.suppressed).length,
      none: kinds(null),
    });
    assert.equal(cities.local.none, 6); // 5 in Puerto Rico, Saipan
    assert.ok(cities.local.suppressed > 0);
    const geo = await json('geocoding.json');
    const chicagoPlace = geo.members.find((m) => m.id === 'il-chicago');
    assert.deepEqual(chicagoPlace.county, { fips: '17031', name: 'Cook', how: 'point-in-shape' });
    assert.equal(geo.members.find((m) => m.id === 'tn-shelby-county').county.how, 'placed-in-county');
    assert.equal(geo.members.filter((m) => !m.county).length, geo.countyCounts.none);
  });

  test('a suppressed county count is the range 1-9, never 0 or blank', async () => {
    const cities = await json('stats/cities.json');
    const id = cities.members.find((m) => m.local.suppressed && m.local.kind === 'county').id;
    const city = (await json(`stats/state/${id.slice(0, 2)}.json`)).cities.find((c) => c.id === id);
    const latest = [city.local.homicide.at(-1), city.local.suicide.at(-1)];
    assert.ok(latest.some((c) => Array.isArray(c) && c[0] === 1 && c[1] === 9), JSON.stringify(latest));
    const rows = source('cdc_county_firearm_homicide_suicide_2019_2024.csv').filter((r) => r.county_fips === city.local.fips[0] && r.period === '2023');
    assert.ok(rows.some((r) => r.deaths === '' && r.deaths_range === '1-9'));
  });

  test('the default feed holds no Gun Violence Archive figure, name or text; --with-gva adds the layer', async () => {
    const { errors, files } = await built;
    assert.deepEqual(errors.map(formatError), []);
    const all = [...files.values()].join('\n');
    assert.doesNotMatch(all, /Gun Violence Archive|gunviolencearchive|mass shooting/i);
    for (const [path, text] of files) {
      if (!path.startsWith('stats/state/')) continue;
      const state = JSON.parse(text);
      assert.equal(state.gvaCity, null, path);
      assert.equal(state.gvaMassShootings, null, path);
      for (const c of state.cities) assert.deepEqual([c.gvaNames, c.shootings, c.massShootings], [[], null, null], `${path} ${c.id}`);
    }
    const cities = await json('stats/cities.json');
    assert.equal(cities.gva, false);
    assert.equal(cities.withFigures, 0);
    assert.ok(cities.members.every((m) => m.match === 'none' && m.gvaNames.length === 0 && !m.shootings && !m.massShootings));
    // The same data with the switch: the GVA layer, credited.
    const md = await gvaJson('stats/state/md.json');
    assert.equal((await gvaJson('stats/cities.json')).gva, true);
    assert.match(md.gvaCity.source, /^Gun Violence Archive/);
    assert.ok(md.cities.find((c) => c.id === 'md-baltimore').shootings.length === 4);
    // Without the switch, the GVA files need not even be there.
    const dir = dataCopy();
    for (const f of ['gva_city_year.csv', 'gva_mass_shootings_city_year.csv', 'gva-aliases.csv']) writeFileSync(join(dir, 'stats', f), 'broken');
    const result = await buildFeed({ dataDir: dir, write: false });
    assert.deepEqual(messages(result.errors, dir), []);
  });

  test('the built default feed (dist/feed/v1) holds no GVA-derived figure', { skip: !existsSync('dist/feed/v1/index.json') && 'run node scripts/build.mjs first' }, () => {
    const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    for (const file of walk('dist/feed/v1')) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /Gun Violence Archive|gunviolencearchive/i, file);
      assert.doesNotMatch(text, /"(shootings|massShootings)":\[/, file);
      assert.doesNotMatch(text, /"gvaNames":\["/, file);
    }
  });

  test('GVA city figures: 2014-2017 only, summed over the matched names; mass shootings to 2026-07-22', async () => {
    const gva = source('gva_city_year.csv');
    const md = await gvaJson('stats/state/md.json');
    const baltimore = md.cities.find((c) => c.id === 'md-baltimore');
    assert.ok(baltimore.gvaNames.includes('Baltimore') && baltimore.gvaNames.includes('Baltimore (Waverly)'));
    assert.deepEqual(baltimore.shootings.map((p) => p.year), [2014, 2015, 2016, 2017]);
    for (const point of baltimore.shootings) {
      const rows = gva.filter((r) => r.state === 'Maryland' && baltimore.gvaNames.includes(r.city_or_county) && Number(r.year) === point.year);
      assert.equal(point.killed, rows.reduce((n, r) => n + Number(r.killed), 0));
      assert.equal(point.injured, rows.reduce((n, r) => n + Number(r.injured), 0));
    }
    // 2013 and 2018 are in the source for Baltimore but not used.
    assert.ok(gva.some((r) => r.city_or_county === 'Baltimore' && r.state === 'Maryland' && r.year === '2013'));
    assert.ok(gva.some((r) => r.city_or_county === 'Baltimore' && r.state === 'Maryland' && r.year === '2018'));
    assert.ok(md.gvaCity.notes.some((n) => n.includes('not comparable with CDC totals')));
    const mass = source('gva_mass_shootings_city_year.csv').filter((r) => r.state === 'Maryland' && baltimore.gvaNames.includes(r.city_or_county));
    assert.equal(baltimore.massShootings.reduce((n, p) => n + p.count, 0), mass.reduce((n, r) => n + Number(r.mass_shootings), 0));
    assert.equal(md.gvaMassShootings.through, '2026-07-22');
    assert.equal(md.gvaMassShootings.last, 2026);
    assert.ok(md.gvaMassShootings.notes.some((n) => n.includes('2026 is a partial year')));
    // No per-capita city figure anywhere.
    assert.ok(!/"(rate|perCapita|population)"\s*:/i.test(JSON.stringify(md.cities)));
  });

  test('matching: folded names, the alias table, and members GVA does not know', async () => {
    assert.equal(foldCity('St. Louis'), foldCity('Saint Louis'));
    assert.equal(foldCity('Lee’s Summit'), foldCity("Lees Summit"));
    assert.equal(foldCity('De Soto'), foldCity('DeSoto'));
    assert.equal(foldCity('San Sebastián'), foldCity('San Sebastian'));
    assert.notEqual(foldCity('Birmingham (Hoover)'), foldCity('Birmingham'));
    const cities = await gvaJson('stats/cities.json');
    const record = (id) => cities.members.find((m) => m.id === id);
    // GVA writes both spellings; both are the same city.
    assert.deepEqual([record('mo-st-louis').match, record('mo-st-louis').gvaNames], ['exact', ['Saint Louis', 'St Louis']]);
    assert.deepEqual([record('mo-sunset-hills').match, record('mo-sunset-hills').gvaNames], ['alias', ['Saint Louis (Sunset Hills)']]);
    const dc = (await gvaJson('stats/state/dc.json')).cities[0];
    assert.deepEqual([dc.city, record(dc.id).match, dc.gvaNames], ['Washington DC', 'alias', ['Washington', 'Washington Navy Yard']]);
    const al = await gvaJson('stats/state/al.json');
    // "Birmingham (Hoover)" is Hoover, not Birmingham: not counted for Birmingham.
    assert.ok(!al.cities.find((c) => c.city === 'Birmingham').gvaNames.includes('Birmingham (Hoover)'));
    const pr = await gvaJson('stats/state/pr.json');
    assert.ok(pr.cities.length > 0 && pr.cities.every((c) => record(c.id).match === 'none' && c.shootings === null && c.massShootings === null));
    assert.equal(cities.members.length, 548);
    assert.equal(cities.withFigures, cities.members.filter((m) => m.shootings || m.massShootings).length);
    assert.ok(cities.withFigures > 400, `${cities.withFigures}`);

    // Without its alias row, a member is no longer matched.
    const dir = dataCopy();
    const line = lineOf('stats/gva-aliases.csv', (l) => l.startsWith('MO,Sunset Hills,'));
    editLine(dir, 'stats/gva-aliases.csv', line, '');
    const { files } = await buildFeed({ dataDir: dir, write: false, gva: true });
    const after = JSON.parse(files.get('stats/state/mo.json')).cities.find((c) => c.city === 'Sunset Hills');
    assert.equal(after.shootings, null);
  });

  test('Spanish versions: every note of sources.json and city-counties.csv is in the resources; a missing one is an error', async () => {
    const { files } = await builtGva;
    const sources = JSON.parse(readFileSync('data/stats/sources.json', 'utf8'));
    const md = JSON.parse(files.get('stats/state/md.json'));
    // stats/es.json: English → Spanish for every note and descriptive source name; the state
    // files English pages read carry none of it.
    const { text } = JSON.parse(files.get('stats/es.json'));
    const dc = JSON.parse(files.get('stats/state/dc.json'));
    for (const series of [md.cdc, dc.cdc, md.gvaCity, md.gvaMassShootings, JSON.parse(files.get('stats/national.json')).deaths]) {
      for (const note of series.notes) assert.ok(text[note], `no Spanish for "${note}"`);
      assert.equal(series.es, undefined);
    }
    assert.equal(text[sources.cdcState.dcNote], sources.cdcState.es.dcNote);
    assert.equal(text[sources.gvaCity.source], sources.gvaCity.es.source);
    assert.equal(text[sources.national.source], undefined, 'a publication title stays English');
    assert.equal(JSON.parse(files.get('index.json')).resources.statsSpanish, 'stats/es.json');
    const baltimore = md.cities.find((c) => c.city === 'Baltimore');
    assert.match(baltimore.local.noteEs, /^La ciudad de Baltimore es una ciudad independiente/);

    const dir = dataCopy();
    sources.gvaMassShootings.es.notes.pop();
    sources.national.es.source = 'Informes';
    delete sources.national.source;
    writeFileSync(join(dir, 'stats/sources.json'), JSON.stringify(sources));
    let result = await buildFeed({ dataDir: dir, write: false, gva: true });
    assert.deepEqual(messages(result.errors, dir), ["data/stats/sources.json: national.source: must have required property 'source'"]);
    sources.national.source = 'CDC WISQARS Fatal Injury Reports';
    delete sources.national.es.source;
    delete sources.cdcState.es.dcNote;
    writeFileSync(join(dir, 'stats/sources.json'), JSON.stringify(sources));
    result = await buildFeed({ dataDir: dir, write: false, gva: true });
    assert.deepEqual(messages(result.errors, dir), ["data/stats/sources.json: cdcState.es.dcNote: must have required property 'dcNote'"]);
    sources.cdcState.es.dcNote = 'Solo 2022 y 2023.';
    writeFileSync(join(dir, 'stats/sources.json'), JSON.stringify(sources));
    const ccLine = lineOf('stats/city-counties.csv', (l) => l.startsWith('CO,Denver,'));
    editLine(dir, 'stats/city-counties.csv', ccLine, (l) => l.replace(/,"[^"]*"$/, ',""'));
    result = await buildFeed({ dataDir: dir, write: false, gva: true });
    assert.deepEqual(messages(result.errors, dir), [
      'data/stats/sources.json: gvaMassShootings.es.notes: must translate every note: 3 in English, 2 in Spanish',
      `data/stats/city-counties.csv:${ccLine}: note_es: is empty: translate note`,
    ]);
  });

  test('errors name the file, line and field, and nothing is written', async () => {
    const dir = dataCopy();
    const cdcLine = lineOf('stats/cdc_state_firearm_mortality.csv', (l) => l.startsWith('2022,MD,'));
    editLine(dir, 'stats/cdc_state_firearm_mortality.csv', cdcLine, (l) => l.replace(',813,', ',eight hundred,'));
    editLine(dir, 'stats/cdc_state_firearm_mortality.csv', cdcLine + 1, (l) => l.replace(/^(\d+),[A-Z]{2},/, '$1,ZZ,'));
    const natLine = lineOf('stats/national_firearm_deaths_by_intent.csv', (l) => l.startsWith('2019,'));
    editLine(dir, 'stats/national_firearm_deaths_by_intent.csv', natLine, (l) => l.replace('2019,39707,', '2019,39708,'));
    const qLine = lineOf('stats/national_firearm_deaths_by_intent.csv', (l) => l.startsWith('2021,'));
    editLine(dir, 'stats/national_firearm_deaths_by_intent.csv', qLine, (l) => l.replace(',primary-derived,', ',guess,'));
    editLine(dir, 'stats/gva-aliases.csv', 2, 'CA,Los Altos Hills,Los Altos Hills (made up),typo');
    editLine(dir, 'stats/gva-aliases.csv', 3, 'CO,Edgewater,Denver (Edgewater),listed again below');
    editLine(dir, 'stats/gva_city_year.csv', 2, (l) => l.replace('Alabama,', 'Alabamaa,'));
    editLine(dir, 'stats/gva_city_year.csv', 3, (l) => l.replace(/,2017,1,1,/, ',2017,1,-1,'));
    editLine(dir, 'stats/cdc_county_firearm_homicide_suicide_2019_2024.csv', 2, (l) => l.replace(',1-9,', ',,'));
    editLine(dir, 'stats/cdc_county_firearm_homicide_suicide_2019_2024.csv', 3, (l) => l.replace(',homicide,', ',accident,'));
    const ccLine = lineOf('stats/city-counties.csv', (l) => l.startsWith('MD,Baltimore,'));
    editLine(dir, 'stats/city-counties.csv', ccLine, (l) => l.replace(',24510,', ',24005,'));
    const ccLine2 = lineOf('stats/city-counties.csv', (l) => l.startsWith('PA,Philadelphia,'));
    editLine(dir, 'stats/city-counties.csv', ccLine2, 'PA,Philadelphia,42101,city-county,,"El condado es la ciudad."');
    const sources = JSON.parse(readFileSync(join(dir, 'stats/sources.json'), 'utf8'));
    delete sources.gvaCity.first;
    writeFileSync(join(dir, 'stats/sources.json'), JSON.stringify(sources));
    let result = await buildFeed({ dataDir: dir, outDir: join(dir, 'out'), write: true, gva: true });
    assert.deepEqual(messages(result.errors, dir), ["data/stats/sources.json: gvaCity.first: must have required property 'first'"]);

    sources.gvaCity.first = 2014;
    writeFileSync(join(dir, 'stats/sources.json'), JSON.stringify(sources));
    result = await buildFeed({ dataDir: dir, outDir: join(dir, 'out'), write: true, gva: true });
    assert.deepEqual(messages(result.errors, dir), [
      `data/stats/cdc_state_firearm_mortality.csv:${cdcLine}: deaths: "eight hundred" is not a whole number`,
      `data/stats/cdc_state_firearm_mortality.csv:${cdcLine + 1}: state: "ZZ" is not a USPS state or territory code`,
      `data/stats/national_firearm_deaths_by_intent.csv:${natLine}: firearm_deaths_total: 39708 is not the sum of the five intents (39707)`,
      `data/stats/national_firearm_deaths_by_intent.csv:${qLine}: source_quality: "guess" is not one of primary-derived, secondary, secondary+crosschecked`,
      'data/stats/gva_city_year.csv:2: state: "Alabamaa" is not a state name',
      'data/stats/gva_city_year.csv:3: killed: "-1" is not a whole number',
      'data/stats/gva-aliases.csv:2: gva_name: "Los Altos Hills (made up)" is not a city name in the Gun Violence Archive files for CA',
      'data/stats/gva-aliases.csv:4: gva_name: "Denver (Edgewater)" is listed twice for Edgewater, CO (first on line 3)',
      'data/stats/cdc_county_firearm_homicide_suicide_2019_2024.csv:2: deaths_range: a blank count needs its range, such as 1-9 (found "")',
      'data/stats/cdc_county_firearm_homicide_suicide_2019_2024.csv:3: intent: "accident" is not homicide or suicide',
      `data/stats/city-counties.csv:${ccLine2}: note: says nothing: write why, and who checked`,
      `data/stats/city-counties.csv:${ccLine}: county_fips: Baltimore, MD lies in county 24510 (Baltimore, geocoding.json), not in 24005`,
    ]);
    assert.throws(() => readFileSync(join(dir, 'out', 'index.json')), /ENOENT/);
  });

  test('gva-aliases.csv and city-counties.csv check their member columns alike: state code, empty city, and one warning for rows naming no member', async () => {
    const dir = dataCopy();
    const append = (file, rows) => {
      const text = readFileSync(join(dir, file), 'utf8').replace(/\n$/, '');
      const first = text.split('\n').length + 1;
      writeFileSync(join(dir, file), `${text}\n${rows.join('\n')}\n`);
      return first;
    };
    const a = append('stats/gva-aliases.csv', ['ZZ,Newark,Newark,bad state', 'NJ,,Newark,no city', 'NJ,Nowhere Town,Newark,not a member', 'NJ,Elsewhere,Newark,not a member either']);
    const c = append('stats/city-counties.csv', ['ZZ,Newark,34013,county,n,n', 'NJ, ,34013,county,n,n', 'NJ,Nowhere Town,34013,county,n,n']);
    const warnings = [];
    const warn = console.warn;
    console.warn = (m) => warnings.push(String(m));
    let result;
    try {
      result = await buildFeed({ dataDir: dir, write: false, gva: true });
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(messages(result.errors, dir), [
      `data/stats/gva-aliases.csv:${a}: state: "ZZ" is not a USPS state or territory code`,
      `data/stats/gva-aliases.csv:${a + 1}: member_city: is empty`,
      `data/stats/city-counties.csv:${c}: state: "ZZ" is not a USPS state or territory code`,
      `data/stats/city-counties.csv:${c + 1}: member_city: is empty`,
    ]);
    assert.deepEqual(warnings.filter((w) => w.includes('no member city')).map((w) => w.replace(`${dir}/`, 'data/')), [
      `stats: data/stats/gva-aliases.csv: lines ${a + 2}, ${a + 3} name no member city of members.csv; ignored`,
      `stats: data/stats/city-counties.csv: line ${c + 2} names no member city of members.csv; ignored`,
    ]);
  });
});

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFeed, formatError } from '../../scripts/feed/build.mjs';
import { foldCity } from '../../scripts/feed/stats.mjs';
import { parseCsv } from '../../scripts/lib/csv.mjs';

function dataCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'maig-stats-'));
  cpSync('data', dir, { recursive: true });
  return dir;
}
const csv = (file) => parseCsv(readFileSync(join('data/stats', file), 'utf8')).rows.map((r) => r.values);
const messages = (errors, dir) => errors.map(formatError).map((m) => m.replace(`${dir}/`, 'data/'));
/** Replaces line `n` (1-based) of a data file. */
function editLine(dir, file, n, text) {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  lines[n - 1] = typeof text === 'function' ? text(lines[n - 1]) : text;
  writeFileSync(join(dir, file), lines.join('\n'));
}
const lineOf = (file, predicate) => readFileSync(join('data', file), 'utf8').split('\n').findIndex(predicate) + 1;

const built = buildFeed({ write: false });
const json = async (path) => JSON.parse((await built).files.get(path));

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

  test('state series equal the CDC file, year by year, for MD, CA, TX and DC; none for PR', async () => {
    const cdc = csv('cdc_state_firearm_mortality.csv');
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
      assert.equal(state.cdc.last, expected.at(-1).year);
      assert.ok(state.cdc.source.startsWith('CDC/NCHS'));
    }
    const dc = await json('stats/state/dc.json');
    assert.deepEqual(dc.cdc.points.map((p) => p.year), [2022]);
    assert.ok(dc.cdc.notes.includes('District of Columbia figures are available for 2022 only.'));
    const pr = await json('stats/state/pr.json');
    assert.equal(pr.cdc, null);
    assert.match(pr.cdcNote, /no state firearm mortality figures for Puerto Rico/);
  });

  test('national series: every row, blanks stay null, 2020-2023 marked secondary with where they were published', async () => {
    const national = await json('stats/national.json');
    const rows = csv('national_firearm_deaths_by_intent.csv');
    assert.equal(national.deaths.points.length, rows.length);
    for (const row of rows) {
      const point = national.deaths.points.find((p) => p.year === Number(row.year));
      assert.equal(point.total, Number(row.firearm_deaths_total));
      assert.equal(point.homicide, row.homicide === '' ? null : Number(row.homicide), row.year);
      assert.equal(point.suicide, row.suicide === '' ? null : Number(row.suicide), row.year);
      assert.equal(point.secondary, row.source_quality !== 'primary-derived');
      assert.equal(point.via, point.secondary ? row.source : undefined);
    }
    const y2020 = national.deaths.points.find((p) => p.year === 2020);
    assert.deepEqual([y2020.homicide, y2020.suicide, y2020.unintentional, y2020.legalIntervention, y2020.undetermined], [null, null, null, null, null]);
    assert.deepEqual(national.deaths.points.filter((p) => p.secondary).map((p) => p.year), [2020, 2021, 2022, 2023]);
  });

  test('GVA city figures: 2014-2017 only, summed over the matched names; mass shootings to 2025', async () => {
    const gva = csv('gva_city_year.csv');
    const md = await json('stats/state/md.json');
    const baltimore = md.cities.find((c) => c.id === 'md-baltimore');
    assert.equal(baltimore.match, 'exact+alias');
    assert.ok(baltimore.gvaNames.includes('Baltimore') && baltimore.gvaNames.includes('Baltimore (Waverly)'));
    assert.deepEqual(baltimore.shootings.points.map((p) => p.year), [2014, 2015, 2016, 2017]);
    for (const point of baltimore.shootings.points) {
      const rows = gva.filter((r) => r.state === 'Maryland' && baltimore.gvaNames.includes(r.city_or_county) && Number(r.year) === point.year);
      assert.equal(point.killed, rows.reduce((n, r) => n + Number(r.killed), 0));
      assert.equal(point.injured, rows.reduce((n, r) => n + Number(r.injured), 0));
    }
    // 2013 and 2018 are in the source for Baltimore but not used.
    assert.ok(gva.some((r) => r.city_or_county === 'Baltimore' && r.state === 'Maryland' && r.year === '2013'));
    assert.ok(gva.some((r) => r.city_or_county === 'Baltimore' && r.state === 'Maryland' && r.year === '2018'));
    assert.ok(baltimore.shootings.notes.some((n) => n.includes('not comparable with CDC totals')));
    const mass = csv('gva_mass_shootings_city_year.csv').filter((r) => r.state === 'Maryland' && baltimore.gvaNames.includes(r.city_or_county));
    assert.equal(baltimore.massShootings.points.reduce((n, p) => n + p.count, 0), mass.reduce((n, r) => n + Number(r.mass_shootings), 0));
    assert.equal(baltimore.massShootings.through, '2025-09-03');
    assert.ok(baltimore.massShootings.notes.some((n) => n.includes('partial year')));
    // No per-capita city figure anywhere.
    assert.ok(!/"(rate|perCapita|population)"\s*:/i.test(JSON.stringify(md.cities)));
  });

  test('matching: folded names, the alias table, and members GVA does not know', async () => {
    assert.equal(foldCity('St. Louis'), foldCity('Saint Louis'));
    assert.equal(foldCity('Lee’s Summit'), foldCity("Lees Summit"));
    assert.equal(foldCity('De Soto'), foldCity('DeSoto'));
    assert.equal(foldCity('San Sebastián'), foldCity('San Sebastian'));
    assert.notEqual(foldCity('Birmingham (Hoover)'), foldCity('Birmingham'));
    const mo = await json('stats/state/mo.json');
    const stLouis = mo.cities.find((c) => c.city === 'St. Louis');
    assert.equal(stLouis.match, 'exact');
    // GVA writes both spellings; both are the same city.
    assert.deepEqual(stLouis.gvaNames, ['Saint Louis', 'St Louis']);
    const sunset = mo.cities.find((c) => c.city === 'Sunset Hills');
    assert.deepEqual([sunset.match, sunset.gvaNames], ['alias', ['Saint Louis (Sunset Hills)']]);
    const dc = (await json('stats/state/dc.json')).cities[0];
    assert.deepEqual([dc.city, dc.match, dc.gvaNames], ['Washington DC', 'alias', ['Washington', 'Washington Navy Yard']]);
    const al = await json('stats/state/al.json');
    // "Birmingham (Hoover)" is Hoover, not Birmingham: not counted for Birmingham.
    assert.ok(!al.cities.find((c) => c.city === 'Birmingham').gvaNames.includes('Birmingham (Hoover)'));
    const pr = await json('stats/state/pr.json');
    assert.ok(pr.cities.length > 0 && pr.cities.every((c) => c.match === 'none' && c.shootings === null && c.massShootings === null));
    const cities = await json('stats/cities.json');
    assert.equal(cities.members.length, 548);
    assert.equal(cities.withFigures, cities.members.filter((m) => m.shootings || m.massShootings).length);
    assert.ok(cities.withFigures > 400, `${cities.withFigures}`);

    // Without its alias row, a member is no longer matched.
    const dir = dataCopy();
    const line = lineOf('stats/gva-aliases.csv', (l) => l.startsWith('MO,Sunset Hills,'));
    editLine(dir, 'stats/gva-aliases.csv', line, '');
    const { files } = await buildFeed({ dataDir: dir, write: false });
    const after = JSON.parse(files.get('stats/state/mo.json')).cities.find((c) => c.city === 'Sunset Hills');
    assert.deepEqual([after.match, after.shootings], ['none', null]);
  });

  test('errors name the file, line and field, and nothing is written', async () => {
    const dir = dataCopy();
    const cdcLine = lineOf('stats/cdc_state_firearm_mortality.csv', (l) => l.startsWith('2022,MD,'));
    editLine(dir, 'stats/cdc_state_firearm_mortality.csv', cdcLine, (l) => l.replace(',813,', ',eight hundred,'));
    editLine(dir, 'stats/cdc_state_firearm_mortality.csv', cdcLine + 1, (l) => l.replace(/^(\d+),[A-Z]{2},/, '$1,ZZ,'));
    const natLine = lineOf('stats/national_firearm_deaths_by_intent.csv', (l) => l.startsWith('2019,'));
    editLine(dir, 'stats/national_firearm_deaths_by_intent.csv', natLine, (l) => l.replace('2019,39707,', '2019,39708,'));
    const qLine = lineOf('stats/national_firearm_deaths_by_intent.csv', (l) => l.startsWith('2021,'));
    editLine(dir, 'stats/national_firearm_deaths_by_intent.csv', qLine, (l) => l.replace(',secondary,', ',guess,'));
    editLine(dir, 'stats/gva-aliases.csv', 2, 'CA,Los Altos Hills,Los Altos Hills (made up),typo');
    editLine(dir, 'stats/gva-aliases.csv', 3, 'CO,Edgewater,Denver (Edgewater),listed again below');
    editLine(dir, 'stats/gva_city_year.csv', 2, (l) => l.replace('Alabama,', 'Alabamaa,'));
    editLine(dir, 'stats/gva_city_year.csv', 3, (l) => l.replace(/,2017,1,1,/, ',2017,1,-1,'));
    const sources = JSON.parse(readFileSync(join(dir, 'stats/sources.json'), 'utf8'));
    delete sources.gvaCity.first;
    writeFileSync(join(dir, 'stats/sources.json'), JSON.stringify(sources));
    let result = await buildFeed({ dataDir: dir, outDir: join(dir, 'out'), write: true });
    assert.deepEqual(messages(result.errors, dir), ["data/stats/sources.json: gvaCity.first: must have required property 'first'"]);

    sources.gvaCity.first = 2014;
    writeFileSync(join(dir, 'stats/sources.json'), JSON.stringify(sources));
    result = await buildFeed({ dataDir: dir, outDir: join(dir, 'out'), write: true });
    assert.deepEqual(messages(result.errors, dir), [
      `data/stats/cdc_state_firearm_mortality.csv:${cdcLine}: deaths: "eight hundred" is not a whole number`,
      `data/stats/cdc_state_firearm_mortality.csv:${cdcLine + 1}: state: "ZZ" is not a USPS state or territory code`,
      `data/stats/national_firearm_deaths_by_intent.csv:${natLine}: firearm_deaths_total: 39708 is not the sum of the five intents (39707)`,
      `data/stats/national_firearm_deaths_by_intent.csv:${qLine}: source_quality: "guess" is not one of primary-derived, secondary, secondary+crosschecked`,
      'data/stats/gva_city_year.csv:2: state: "Alabamaa" is not a state name',
      'data/stats/gva_city_year.csv:3: killed: "-1" is not a whole number',
      'data/stats/gva-aliases.csv:2: gva_name: "Los Altos Hills (made up)" is not a city name in the Gun Violence Archive files for CA',
      'data/stats/gva-aliases.csv:4: gva_name: "Denver (Edgewater)" is listed twice for Edgewater, CO (first on line 3)',
    ]);
    assert.throws(() => readFileSync(join(dir, 'out', 'index.json')), /ENOENT/);
  });
});

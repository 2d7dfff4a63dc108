import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFeed, formatError } from '../../scripts/feed/build.mjs';
import { nameVariants } from '../../scripts/feed/geocode.mjs';
import { foldCity } from '../../src/common/fold-city.js';

/** The real data's feed, built once for the tests that only read it. */
let real;
const realFeed = () => (real ??= buildFeed({ write: false }));

function dataCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'maig-data-'));
  cpSync('data', dir, { recursive: true });
  return dir;
}
const messages = (errors, dir) => errors.map(formatError).map((m) => m.replaceAll(`${dir}/`, 'data/'));

describe('member map feed section', () => {
  test('places all 548 members: 524 GeoNames places, 4 county centroids, 20 reviewed overrides', async () => {
    const { errors, files } = await realFeed();
    assert.deepEqual(errors.map(formatError), []);
    const geo = JSON.parse(files.get('geocoding.json'));
    assert.equal(geo.members.length, 548);
    assert.deepEqual(geo.counts, { place: 524, county: 4, override: 20 });
    const by = new Map(geo.members.map((m) => [m.id, m]));
    assert.match(by.get('md-baltimore').source, /^GeoNames 4347778 Baltimore$/);
    assert.equal(by.get('pr-san-sebastian').method, 'place');
    assert.equal(by.get('mp-saipan').method, 'place');
    assert.deepEqual(
      geo.members.filter((m) => m.method === 'county').map((m) => m.id).sort(),
      ['fl-miami-dade', 'ga-athens-clarke-county', 'tn-nashville-and-davidson-county', 'tn-shelby-county'],
    );
    assert.match(by.get('pa-applewold').source, /^override: centroid of us-atlas county 42005 Armstrong/);
    assert.match(by.get('oh-lakeline').source, /^override: centroid of us-atlas county 39085 Lake/);
    // A township is not the city of the same name: Gloucester Township is not Gloucester City.
    assert.equal(by.get('nj-gloucester-township').method, 'override');
  });

  test('map.json: 56 state and territory shapes as path data, a projected point for every member', async () => {
    const { files } = await realFeed();
    const map = JSON.parse(files.get('map.json'));
    assert.equal(map.states.length, 56);
    for (const code of ['PR', 'MP', 'GU', 'VI', 'AS', 'AK', 'HI', 'DC']) assert.ok(map.states.find((s) => s.code === code)?.d.startsWith('M'), code);
    assert.equal(map.members.length, 548);
    // Each state's count and ready-to-draw dots agree with the member points.
    assert.equal(map.states.reduce((n, s) => n + s.count, 0), 548);
    for (const s of map.states) {
      const mine = map.members.filter((p) => p.id.startsWith(`${s.code.toLowerCase()}-`));
      assert.equal(s.count, mine.length, s.code);
      assert.equal(s.dots, mine.map((p) => `M${p.x} ${p.y}h0`).join(''), s.code);
    }
    assert.equal(map.states.find((s) => s.code === 'PR').count, 5);
    assert.equal(map.states.find((s) => s.code === 'MP').count, 1);
    const [vx, vy, vw, vh] = map.viewBox;
    const box = (code) => map.states.find((s) => s.code === code).box;
    const inside = (p, [x, y, w, h], slack = 0) => p.x >= x - slack && p.x <= x + w + slack && p.y >= y - slack && p.y <= y + h + slack;
    for (const p of map.members) assert.ok(inside(p, [vx, vy, vw, vh]), p.id);
    // Members land in their own state's shape box (insets included).
    const point = (id) => map.members.find((m) => m.id === id);
    assert.ok(inside(point('pr-san-sebastian'), box('PR')));
    assert.ok(inside(point('mp-saipan'), box('MP'), 2));
    assert.ok(inside(point('hi-hilo'), box('HI')));
    assert.ok(inside(point('md-baltimore'), box('MD')));
    assert.ok(!inside(point('md-baltimore'), box('PR')));
  });

  test('fails naming the cities it cannot place, and writes nothing', async () => {
    const dir = dataCopy();
    const file = join(dir, 'geo/overrides.csv');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').filter((l) => !/Applewold|Lakeline/.test(l)).join('\n'));
    writeFileSync(join(dir, 'members.csv'), readFileSync(join(dir, 'members.csv'), 'utf8') + 'CA,Nowhere Springs\n');
    const out = mkdtempSync(join(tmpdir(), 'maig-feed-'));
    const { errors } = await buildFeed({ dataDir: dir, outDir: join(out, 'v1') });
    const text = messages(errors, dir);
    assert.equal(text.length, 1);
    assert.match(text[0], /^data\/members\.csv: city: 3 member cities could not be placed on the map: Lakeline, OH; Applewold, PA; Nowhere Springs, CA\./);
    assert.match(text[0], /data\/geo\/overrides\.csv/);
    assert.throws(() => readFileSync(join(out, 'v1', 'index.json')), /ENOENT/);
  });

  test('names file, line and field of a bad override row', async () => {
    const dir = dataCopy();
    const file = join(dir, 'geo/overrides.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('PA,Applewold'));
    lines[at] = 'PA,Applewold,,Atlantis,,,Checked';
    lines.push('OH,Not A Member,,,41.7,-81.3,Checked', 'NY,Fabius2,,,95,-75,Checked', '');
    writeFileSync(file, lines.join('\n'));
    const { errors } = await buildFeed({ dataDir: dir, write: false });
    const text = messages(errors, dir);
    assert.ok(text.includes(`data/geo/overrides.csv:${at + 1}: county: "Atlantis" is not a county of Pennsylvania in us-atlas`), text.join('\n'));
    assert.ok(text.some((m) => /^data\/geo\/overrides\.csv:\d+: city: "oh-not-a-member" is not a member in members\.csv/.test(m)), text.join('\n'));
    assert.ok(text.some((m) => /^data\/geo\/overrides\.csv:\d+: lat: give a county, or a latitude between -90 and 90/.test(m)), text.join('\n'));
    assert.ok(text.some((m) => /could not be placed on the map: Applewold, PA\./.test(m)), text.join('\n'));
  });

  test('name matching folds accents and abbreviations, and tries township and state-suffix variants', () => {
    assert.equal(foldCity('San Sebastián'), 'san sebastian');
    assert.equal(foldCity('St. Paul'), 'saint paul');
    assert.equal(foldCity('Lee’s Summit'), 'lees summit');
    assert.ok(nameVariants('Morris Township', 'NJ').includes('morris'));
    assert.ok(nameVariants('Washington DC', 'DC').includes('washington'));
    assert.ok(nameVariants('Nashville & Davidson County', 'TN').includes('nashville'));
  });
});

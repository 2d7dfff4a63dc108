import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFeed, formatError } from '../../scripts/feed/build.mjs';

/** The real data's feed, built once for the tests that only read it. */
let real;
const realFeed = () => (real ??= buildFeed({ write: false }));

/** A copy of data/ in a temp folder that a test may break. */
function dataCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'maig-data-'));
  cpSync('data', dir, { recursive: true });
  return dir;
}
const messages = (errors) => errors.map(formatError);

describe('feed builder', () => {
  test('builds the real data with no error: 548 members, 46 headings, both principle versions', async () => {
    const { errors, files } = await realFeed();
    assert.deepEqual(messages(errors), []);
    const members = JSON.parse(files.get('members.json'));
    assert.equal(members.members.length, 548);
    assert.equal(new Set(members.members.map((m) => m.state)).size, 46);
    assert.equal(members.members.filter((m) => m.state === 'NJ').length, 61);
    for (const code of ['DC', 'PR', 'MP']) assert.ok(members.members.some((m) => m.state === code), code);
    const principles = JSON.parse(files.get('principles.json'));
    assert.equal(principles.defaultVersion, 'current');
    assert.deepEqual(principles.versions.map((v) => [v.id, v.principles.length, v.whereas.length]), [['current', 12, 2], ['earlier', 10, 3]]);
    const index = JSON.parse(files.get('index.json'));
    assert.equal(index.schemaVersion, 1);
    assert.equal(index.coalition.headline, 'A bipartisan group of more than 2,000 current and former mayors');
    assert.equal(index.coalition.coChairs.length, 11);
    assert.equal(index.resources.members, 'members.json');
  });

  test('is deterministic: two builds give byte-identical files', async () => {
    const out1 = mkdtempSync(join(tmpdir(), 'maig-feed-'));
    const out2 = mkdtempSync(join(tmpdir(), 'maig-feed-'));
    const a = await buildFeed({ outDir: out1 });
    const b = await buildFeed({ outDir: out2 });
    assert.deepEqual([...a.files.keys()].sort(), [...b.files.keys()].sort());
    for (const name of a.files.keys()) {
      assert.equal(readFileSync(join(out1, name), 'utf8'), readFileSync(join(out2, name), 'utf8'), name);
    }
    rmSync(out1, { recursive: true });
    rmSync(out2, { recursive: true });
  });

  test('a different input changes the version hash', async () => {
    const dir = dataCopy();
    const before = JSON.parse((await buildFeed({ dataDir: dir, write: false })).files.get('index.json')).version;
    writeFileSync(join(dir, 'members.csv'), readFileSync(join(dir, 'members.csv'), 'utf8') + 'WY,Cheyenne\n');
    const after = JSON.parse((await buildFeed({ dataDir: dir, write: false })).files.get('index.json')).version;
    assert.notEqual(before, after);
  });

  test('names file, line and field of bad member rows, and writes nothing', async () => {
    const dir = dataCopy();
    const csv = readFileSync(join(dir, 'members.csv'), 'utf8').split('\n');
    csv[2] = 'XX,Somewhere'; // line 3: unknown state
    csv[3] = 'AL,'; // line 4: empty city
    csv[4] = 'AL,Birmingham'; // line 5: duplicate of line 2
    csv[5] = 'AL,<script>alert(1)</script>'; // line 6: markup
    writeFileSync(join(dir, 'members.csv'), csv.join('\n'));
    const out = mkdtempSync(join(tmpdir(), 'maig-feed-'));
    const { errors } = await buildFeed({ dataDir: dir, outDir: join(out, 'v1') });
    const text = messages(errors).map((m) => m.replace(`${dir}/`, 'data/'));
    assert.deepEqual(text, [
      'data/members.csv:3: state: "XX" is not a USPS state or territory code (e.g. NJ, DC, PR)',
      'data/members.csv:4: city: is empty',
      'data/members.csv:5: city: "Birmingham, AL" is listed twice (first on line 2)',
      'data/members.csv:6: city: must be plain text (no < or >)',
    ]);
    assert.throws(() => readFileSync(join(out, 'v1', 'index.json')), /ENOENT/);
  });

  test('names the field of a bad principles file and of bad JSON', async () => {
    const dir = dataCopy();
    const current = JSON.parse(readFileSync(join(dir, 'principles/current.json'), 'utf8'));
    delete current.principles[1].title;
    current.principles[2].body = 'Has <b>markup</b>';
    writeFileSync(join(dir, 'principles/current.json'), JSON.stringify(current));
    writeFileSync(join(dir, 'principles/earlier.json'), '{ "id": "earlier", ');
    const { errors } = await buildFeed({ dataDir: dir, write: false });
    const text = messages(errors).map((m) => m.replace(`${dir}/`, 'data/'));
    assert.ok(text.includes('data/principles/current.json: principles.1.title: must have required property \'title\''), text.join('\n'));
    assert.ok(text.includes('data/principles/current.json: principles.2.body: must be plain text (no < or >)'), text.join('\n'));
    assert.ok(text.some((m) => m.startsWith('data/principles/earlier.json') && m.includes('not valid JSON')), text.join('\n'));
  });

  test('reports a CSV row with the wrong number of cells and a missing column', async () => {
    const dir = dataCopy();
    writeFileSync(join(dir, 'members.csv'), 'state,city\nAL,Selma,extra\nAL,Selma\n');
    let { errors } = await buildFeed({ dataDir: dir, write: false });
    assert.deepEqual(messages(errors).map((m) => m.replace(`${dir}/`, 'data/')), ['data/members.csv:2: has 3 cells, the header has 2']);
    writeFileSync(join(dir, 'members.csv'), 'state,town\nAL,Selma\n');
    ({ errors } = await buildFeed({ dataDir: dir, write: false }));
    assert.deepEqual(messages(errors).map((m) => m.replace(`${dir}/`, 'data/')), ['data/members.csv:1: city: header is missing column city']);
  });
  test('carries the Spanish coalition text and checks a translation has every field of the English', async () => {
    const { files } = await realFeed();
    const { coalition } = JSON.parse(files.get('index.json'));
    assert.deepEqual(coalition.es, { headline: 'Un grupo bipartidista de más de 2000 alcaldes y exalcaldes' });
    const source = JSON.parse(readFileSync('data/coalition.json', 'utf8'));
    assert.match(source.es.note, /not the coalition's own words/, 'a translation of ours says so in the data');

    const dir = dataCopy();
    const build = async (es, headline = source.headline) => {
      writeFileSync(join(dir, 'coalition.json'), JSON.stringify({ ...source, headline, es }));
      const { errors, files: out } = await buildFeed({ dataDir: dir, write: false });
      return { text: messages(errors).map((m) => m.replace(`${dir}/`, 'data/')), index: out.get('index.json') && JSON.parse(out.get('index.json')) };
    };
    assert.deepEqual((await build({ note: 'only a note' })).text, [
      'data/coalition.json: es.headline: is missing: the English "headline" has text, so its Spanish version must too',
    ]);
    assert.deepEqual((await build({ headline: '  ' })).text, [
      'data/coalition.json: es.headline: is missing: the English "headline" has text, so its Spanish version must too',
    ]);
    assert.deepEqual((await build({ headline: 'Texto', slogan: 'Otro' })).text, [
      'data/coalition.json: es.slogan: is not a translatable field (headline, note)',
    ]);
    assert.deepEqual((await build({ headline: 'Texto' }, null)).text, ['data/coalition.json: es.headline: has text but the English "headline" is null']);
    assert.deepEqual((await build('texto')).text, ['data/coalition.json: es: must be an object of Spanish texts with the same keys as the English']);
    const none = await build(undefined);
    assert.deepEqual(none.text, []);
    assert.equal('es' in none.index.coalition, false, 'no Spanish text: no es object');
    rmSync(dir, { recursive: true, force: true });
  });
});

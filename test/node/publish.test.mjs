// The publish room on both stores: approving a city rebuilds the whole feed into a new folder
// that replaces the served one at once; readers during publishes only ever see whole feeds; a
// city the geocoder cannot place gets candidates and is placed by a GeoNames id, a county or
// latitude/longitude; removals (an approved city, a city of data/members.csv); the publish
// command's success and failure; the served feed's cache headers and 304s.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../server/store/db.mjs';
import { createPublisher, migrations } from '../../server/publish/index.mjs';
import { FEED_CACHE_CONTROL } from '../../server/publish/serve.mjs';
import { runPublishCommand, splitCommand } from '../../server/publish/command.mjs';
import { start } from '../../server/index.mjs';
import { forEachStore } from './helpers/stores.mjs';

const quiet = { info() {}, warn() {}, error() {} };
const work = mkdtempSync(join(tmpdir(), 'maig-publish-test-'));
process.once('exit', () => rmSync(work, { recursive: true, force: true }));

/** A script for MAIG_PUBLISH_COMMAND: writes its last argument (the feed folder) to its first, or fails. */
const scripts = join(work, 'with space');
mkdirSync(scripts, { recursive: true });
writeFileSync(join(scripts, 'upload.mjs'), "import { writeFileSync } from 'node:fs';\nconst [marker, dir] = process.argv.slice(2);\nif (marker === 'fail') { console.error('the CDN said 403 Forbidden'); process.exit(3); }\nwriteFileSync(marker, dir);\n");
const command = (marker) => `"${process.execPath}" '${join(scripts, 'upload.mjs')}' ${marker}`;

const json = (dir, file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const azCount = (dir) => json(dir, 'members.json').members.filter((m) => m.state === 'AZ').length;

test('the publish command is split into words as a shell would, and run without one, with a time limit', async () => {
  assert.deepEqual(splitCommand(`upload --to 'my bucket' "a \\"b\\"" c\\ d $HOME`), ['upload', '--to', 'my bucket', 'a "b"', 'c d', '$HOME']);
  assert.deepEqual(splitCommand(`  x  ''  `), ['x', '']);
  assert.throws(() => splitCommand(`upload 'open`), /unclosed ' quote/);
  assert.equal(await runPublishCommand(`"${process.execPath}" -e "process.exit(0)"`, '/tmp'), null);
  assert.match(await runPublishCommand(`"${process.execPath}" -e "setTimeout(() => {}, 60000)"`, '/tmp', { timeoutMs: 300 }), /did not finish within 0\.3 s/);
  assert.match(await runPublishCommand('/nonexistent/upload-feed', '/tmp'), /could not start: \/nonexistent\/upload-feed was not found/);
  assert.match(await runPublishCommand(`"${process.execPath}" -e "process.kill(process.pid, 'SIGKILL')"`, '/tmp'), /was stopped by SIGKILL/);
});

forEachStore((store) => {
  let db;
  let publisher;
  let server;
  let feedDir;
  const marker = join(work, `${store.kind}-uploaded.txt`);

  before(async () => {
    db = await openDb({ ...(await store.options()), log: quiet });
    await db.migrate('publish', migrations);
    feedDir = join(work, `${store.kind}-feeds`);
    publisher = createPublisher({ db, log: quiet, options: { feedDir, command: command(marker) } });
    server = await start({ port: 0, routes: [publisher.route] });
  });
  after(async () => {
    await server?.close();
    await publisher?.close();
    await db?.close();
  });

  test('approving a city lists it in members.json, counts it in its state and on the map, and runs the publish command', async () => {
    const result = await publisher.addMember({ submission: { id: 'sub-1', city: 'Bisbee', state: 'AZ' }, by: 'staff@example.org' });
    assert.equal(result.ok, true, result.message);
    assert.equal(result.member.id, 'az-bisbee');
    assert.equal(result.member.submissionId, 'sub-1');
    assert.equal(result.publish.ok, true, result.publish.error);
    assert.equal(result.publish.commandError, null);
    const dir = readlinkSync(join(feedDir, 'current'));
    assert.equal(join(feedDir, dir), result.publish.dir);
    const members = json(result.publish.dir, 'members.json');
    assert.deepEqual(members.members.find((m) => m.id === 'az-bisbee'), { id: 'az-bisbee', city: 'Bisbee', state: 'AZ' });
    assert.equal(azCount(result.publish.dir), 5, 'Arizona had 4 members in data/members.csv, now 5');
    assert.equal(members.members.length, result.publish.members);
    const map = json(result.publish.dir, 'map.json');
    assert.equal(map.states.find((s) => s.code === 'AZ').count, 5);
    assert.ok(map.members.some((m) => m.id === 'az-bisbee'));
    assert.equal(json(result.publish.dir, 'geocoding.json').members.find((m) => m.id === 'az-bisbee').county.name, 'Cochise');
    assert.equal(readFileSync(marker, 'utf8'), result.publish.dir, 'the command got the new folder as its argument');

    // Served at the widgets' address, with the cache policy, and a 304 for a copy that is still good.
    const res = await fetch(`${server.url}dist/feed/v1/members.json`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), FEED_CACHE_CONTROL);
    const etag = res.headers.get('etag');
    assert.equal(etag, `"${result.publish.version}"`);
    assert.ok(res.headers.get('last-modified'));
    assert.ok((await res.json()).members.some((m) => m.id === 'az-bisbee'));
    const again = await fetch(`${server.url}dist/feed/v1/members.json`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('cache-control'), FEED_CACHE_CONTROL);
    const since = await fetch(`${server.url}dist/feed/v1/index.json`, { headers: { 'if-modified-since': res.headers.get('last-modified') } });
    assert.equal(since.status, 304);
    const stale = await fetch(`${server.url}dist/feed/v1/index.json`, { headers: { 'if-none-match': '"0000000000000000"' } });
    assert.equal(stale.status, 200);
    assert.equal((await stale.json()).version, result.publish.version);
    assert.equal((await fetch(`${server.url}dist/feed/v1/nothing.json`)).status, 404);
    assert.equal((await fetch(`${server.url}dist/feed/v1/../../package.json`)).status, 404);

    // Approving the same city again adds no second row and publishes nothing.
    const twice = await publisher.addMember({ submission: { id: 'sub-2', city: 'City of  Bisbee', state: 'az' }, by: 'staff@example.org' });
    assert.equal(twice.ok, true);
    assert.equal(twice.already, true);
    assert.equal(twice.publish, null);
    assert.equal((await db.query("SELECT * FROM members WHERE feed_id = 'az-bisbee'")).length, 1);
    assert.equal((await publisher.addMember({ submission: { city: 'Bisbee', state: 'ZZ' } })).reason, 'not-a-city');
    assert.equal((await publisher.addMember({ submission: { city: '<b>Bisbee</b>', state: 'AZ' } })).reason, 'not-a-city');
    const listed = await publisher.listMembers();
    assert.equal(listed.filter((m) => m.id === 'az-bisbee').length, 1);
    assert.equal(listed.find((m) => m.id === 'az-tempe').source, 'csv');
  });

  test('a city the geocoder cannot place stops with candidates; staff place it by GeoNames id, by latitude/longitude, by county', async () => {
    const before = (await db.one('SELECT COUNT(*) AS c FROM publish_log')).c;
    const unplaced = await publisher.addMember({ submission: { id: 'sub-3', city: 'Bisbe', state: 'AZ' }, by: 'staff@example.org' });
    assert.equal(unplaced.ok, false);
    assert.equal(unplaced.reason, 'unplaced');
    assert.match(unplaced.message, /Bisbe, AZ/);
    const bisbee = unplaced.candidates.find((c) => c.name === 'Bisbee');
    assert.deepEqual({ ...bisbee, lat: undefined, lon: undefined }, { geonameId: 5284905, name: 'Bisbee', county: 'Cochise', population: 5208, lat: undefined, lon: undefined });
    assert.equal((await db.one('SELECT COUNT(*) AS c FROM members WHERE feed_id = $1', ['az-bisbe'])).c, 0);
    assert.equal((await db.one('SELECT COUNT(*) AS c FROM publish_log')).c, before, 'nothing was published');

    const wrongState = await publisher.addMember({ submission: { id: 'sub-3', city: 'Bisbe', state: 'AZ' }, placement: { geonameId: 5128581 }, by: 'staff@example.org' });
    assert.equal(wrongState.ok, false);
    assert.equal(wrongState.reason, 'bad-placement');
    const swapped = await publisher.addMember({ submission: { id: 'sub-3', city: 'Bisbe', state: 'AZ' }, placement: { lat: -109.9, lon: 31.4 }, by: 'staff@example.org' });
    assert.equal(swapped.reason, 'bad-placement');

    const byId = await publisher.addMember({ submission: { id: 'sub-3', city: 'Warren Mining Camp', state: 'AZ' }, placement: { geonameId: 5284905 }, by: 'staff@example.org' });
    assert.equal(byId.ok, true, byId.message);
    assert.equal(byId.member.placement.geonameId, 5284905);
    const byLatLon = await publisher.addMember({ submission: { id: 'sub-4', city: 'Naco Border Post', state: 'AZ' }, placement: { lat: '31.3354', lon: '-109.9481' }, by: 'staff@example.org' });
    assert.equal(byLatLon.ok, true, byLatLon.message);
    const byCounty = await publisher.addMember({ submission: { id: 'sub-5', city: 'Cochise Rural Towns', state: 'AZ' }, placement: { county: 'Cochise County' }, by: 'staff@example.org' });
    assert.equal(byCounty.ok, true, byCounty.message);
    assert.equal(byCounty.publish.ok, true, byCounty.publish.error);

    const geocoding = json(byCounty.publish.dir, 'geocoding.json').members;
    const warren = geocoding.find((m) => m.id === 'az-warren-mining-camp');
    assert.deepEqual([warren.lat, warren.lon, warren.method], [31.44815, -109.92841, 'override']);
    assert.match(warren.source, /GeoNames 5284905 Bisbee, placed by staff@example\.org/);
    const naco = geocoding.find((m) => m.id === 'az-naco-border-post');
    assert.deepEqual([naco.lat, naco.lon, naco.county.name], [31.3354, -109.9481, 'Cochise']);
    const county = geocoding.find((m) => m.id === 'az-cochise-rural-towns');
    assert.deepEqual([county.method, county.county.how, county.county.name], ['override', 'placed-in-county', 'Cochise']);
    assert.equal(azCount(byCounty.publish.dir), 8);
    assert.ok(json(byCounty.publish.dir, 'map.json').members.some((m) => m.id === 'az-naco-border-post'));
  });

  test('removing members: an approved city and a city of data/members.csv leave the feed; approving again brings one back', async () => {
    const listed = await publisher.listMembers();
    const naco = listed.find((m) => m.id === 'az-naco-border-post');
    const gone = await publisher.removeMember({ memberId: naco.rowId, by: 'staff@example.org', reason: 'asked to leave' });
    assert.equal(gone.ok, true);
    assert.equal(gone.member.removedReason, 'asked to leave');
    const tempe = await publisher.removeMember({ memberId: 'az-tempe', by: 'staff@example.org', reason: 'the mayor left the coalition' });
    assert.equal(tempe.ok, true, tempe.message);
    assert.equal(tempe.publish.ok, true, tempe.publish.error);
    const members = json(tempe.publish.dir, 'members.json').members;
    assert.ok(!members.some((m) => m.id === 'az-naco-border-post' || m.id === 'az-tempe'));
    assert.ok(!json(tempe.publish.dir, 'map.json').members.some((m) => m.id === 'az-tempe'));
    assert.equal(azCount(tempe.publish.dir), 6);
    assert.equal((await publisher.removeMember({ memberId: 'az-tempe', by: 'staff@example.org' })).reason, 'not-member');
    assert.ok(!(await publisher.listMembers()).some((m) => m.id === 'az-tempe'));

    const back = await publisher.addMember({ submission: { id: 'sub-6', city: 'Tempe', state: 'AZ' }, by: 'staff@example.org' });
    assert.equal(back.ok, true);
    assert.ok(!back.already);
    const order = json(back.publish.dir, 'members.json').members.map((m) => m.id);
    assert.ok(order.indexOf('az-tempe') < order.indexOf('az-tucson'), 'a city of members.csv keeps its place in the list');
    assert.equal(azCount(back.publish.dir), 7);
  });

  test('readers during several publishes always get whole, matching files; publishes run one at a time and coalesce', async (t) => {
    const versions = new Map(); // feed version → members.json text of that feed
    const remember = (dir) => versions.set(json(dir, 'index.json').version, readFileSync(join(dir, 'members.json'), 'utf8'));
    remember(join(feedDir, readlinkSync(join(feedDir, 'current'))));
    let reading = true;
    let reads = 0;
    const problems = [];
    const reader = (async () => {
      while (reading) {
        const [index, members] = await Promise.all(['index.json', 'members.json'].map((f) => fetch(`${server.url}dist/feed/v1/${f}`).then(async (r) => ({ etag: r.headers.get('etag'), text: await r.text() }))));
        reads++;
        try {
          const parsed = JSON.parse(index.text);
          if (`"${parsed.version}"` !== index.etag) problems.push(`index.json ${parsed.version} served as ${index.etag}`);
          JSON.parse(members.text);
          const v = members.etag.slice(1, -1);
          if (versions.has(v) && versions.get(v) !== members.text) problems.push(`members.json of ${v} differs from that feed's`);
          if (!versions.has(v)) versions.set(`pending:${v}`, members.text);
        } catch (error) {
          problems.push(error.message);
        }
      }
    })();
    const r1 = await publisher.addMember({ submission: { id: 'sub-7', city: 'Sierra Vista', state: 'AZ' }, by: 'a@example.org' });
    remember(r1.publish.dir);
    const r2 = await publisher.removeMember({ memberId: 'az-sierra-vista', by: 'a@example.org' });
    remember(r2.publish.dir);
    // Three requests: the first runs; the two made while it runs wait, and share the next publish.
    const p1 = publisher.publish({ by: 'a' });
    await new Promise((resolve) => setImmediate(resolve));
    const [p2, p3] = [publisher.publish({ by: 'b' }), publisher.publish({ by: 'c' })];
    assert.equal(p2, p3);
    assert.notEqual(p1, p2);
    assert.equal((await publisher.status()).publishing, true);
    const [a, b, c] = await Promise.all([p1, p2, p3]);
    remember(a.dir);
    remember(b.dir);
    reading = false;
    await reader;
    assert.deepEqual(problems, []);
    assert.ok(reads >= 3, `the reader read ${reads} times`);
    for (const [key, text] of versions) if (key.startsWith('pending:')) assert.equal(versions.get(key.slice(8)), text, 'a read matches a published feed');
    assert.equal(b, c, 'the second and third requests got the same publish');
    assert.ok(a.dir < b.dir, 'the second publish started after the first ended');
    const log = await db.query('SELECT at, dir FROM publish_log WHERE dir = $1 OR dir = $2 ORDER BY at', [a.dir, b.dir]);
    assert.deepEqual(log.map((r) => r.dir), [a.dir, b.dir]);
    assert.ok(log[0].at.replace(/[-:.]/g, '') <= b.dir.split('/').pop().slice(5, 24), 'one at a time: the first was logged before the second began');
    t.diagnostic(`publish times (ms): ${[r1.publish.ms, r2.publish.ms, a.ms, b.ms].join(', ')}`);
    const folders = readdirSync(feedDir).filter((n) => n.startsWith('feed-'));
    assert.equal(folders.length, 3, `old folders are pruned, three kept: ${folders}`);
    assert.ok(r1.publish.ms > 0);
  });

  test('a second receiver on the same database publishes at start, then follows changes made by the first', async () => {
    const otherDir = join(work, `${store.kind}-other-feeds`);
    const other = createPublisher({ db, log: quiet, options: { feedDir: otherDir, pollMs: 200 } });
    try {
      const first = await other.start();
      assert.equal(first.ok, true, first.error);
      assert.ok(json(first.dir, 'members.json').members.some((m) => m.id === 'az-bisbee'), 'its first feed has the approved cities');
      const removed = await publisher.removeMember({ memberId: 'az-bisbee', by: 'staff@example.org' });
      assert.equal(removed.ok, true);
      let members = [];
      for (let i = 0; i < 600; i++) {
        const status = await other.status();
        if (status.current && status.current.dir !== first.dir && !status.publishing) {
          members = json(status.current.dir, 'members.json').members;
          const logged = await db.one('SELECT actor, ok FROM publish_log WHERE dir = $1', [status.current.dir]);
          assert.deepEqual({ ...logged, ok: Number(logged.ok) }, { actor: 'another receiver', ok: 1 });
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.ok(members.length, 'the second receiver published again');
      assert.ok(!members.some((m) => m.id === 'az-bisbee'));
      assert.deepEqual(members, json(removed.publish.dir, 'members.json').members);
    } finally {
      await other.close();
    }
  });

  test('a failing publish command is recorded and shown, and the feed stays published', async () => {
    const failing = createPublisher({ db, log: quiet, options: { feedDir, command: command('fail') } });
    try {
      const result = await failing.publish({ by: 'staff@example.org' });
      assert.equal(result.ok, true);
      assert.match(result.commandError, /exited with code 3: the CDN said 403 Forbidden/);
      assert.equal(readlinkSync(join(feedDir, 'current')), result.dir.slice(feedDir.length + 1));
      const status = await failing.status();
      assert.equal(status.last.commandError, result.commandError);
      assert.equal(status.last.ok, true);
      assert.equal(status.current.version, result.version);
      const row = await db.one('SELECT * FROM publish_log WHERE dir = $1', [result.dir]);
      assert.match(row.command_error, /403 Forbidden/);
      assert.equal((await fetch(`${server.url}dist/feed/v1/index.json`).then((r) => r.json())).version, result.version);
    } finally {
      await failing.close();
    }
  });
});

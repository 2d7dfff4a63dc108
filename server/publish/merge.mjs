// The membership the feed shows: data/members.csv merged with the members table. A city is a
// member when it has an active row (approved, not removed), or when members.csv lists it and no
// row records its removal. A removal stays until the city is approved again.
// mergedDataDir() writes a data folder the feed build reads as it reads data/: the merged
// members.csv, the overrides with the rows' placements, membersAsOf moved to the latest change;
// every other file is a link to the original.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCsv, toCsv } from '../../scripts/lib/csv.mjs';
import { memberId } from '../../scripts/feed/members.mjs';

/** data/members.csv as { id, city, state } rows (bad rows are left for the feed build to report). */
export function csvMembers(dataDir) {
  const { rows } = parseCsv(readFileSync(join(dataDir, 'members.csv'), 'utf8').replace(/^\uFEFF/, ''));
  return rows
    .map(({ values }) => ({ state: (values.state ?? '').trim().toUpperCase(), city: (values.city ?? '').trim() }))
    .map((m) => ({ ...m, id: m.state && m.city ? memberId(m.state, m.city) : null }));
}

/**
 * Merges the csv's members with the table's rows ({ feed_id, city, state, removed_at, added_at,
 * lat, lon, county, placement_note, … }). Returns `{ members: [{ id, city, state, source, row? }] }`
 * in members.csv's order, then the approved cities by approval time.
 */
export function mergeMembers(csv, rows) {
  const active = new Map();
  const removed = new Set();
  for (const r of rows) {
    if (r.removed_at) removed.add(r.feed_id);
    else active.set(r.feed_id, r);
  }
  const members = [];
  const listed = new Set();
  for (const m of csv) {
    if (m.id && listed.has(m.id)) {
      members.push({ ...m, source: 'csv' }); // a duplicate line: the feed build reports it
      continue;
    }
    if (m.id) listed.add(m.id);
    const row = m.id ? active.get(m.id) : undefined;
    if (row) members.push({ ...m, source: 'approved', row });
    else if (!m.id || !removed.has(m.id)) members.push({ ...m, source: 'csv' });
  }
  const added = [...active.values()].filter((r) => !listed.has(r.feed_id)).sort((a, b) => a.added_at.localeCompare(b.added_at) || a.feed_id.localeCompare(b.feed_id));
  for (const r of added) members.push({ id: r.feed_id, city: r.city, state: r.state, source: 'approved', row: r });
  return { members };
}

/** The overrides.csv line of a row placed by hand, or null when the geocoder places it. */
function overrideLine(m) {
  const r = m.row;
  if (!r || (r.lat == null && !r.county)) return null;
  const note = r.placement_note || 'placed by staff';
  if (r.lat != null) return [m.state, m.city, '', '', String(Number(r.lat)), String(Number(r.lon)), note];
  return [m.state, m.city, '', r.county, '', '', note];
}

/**
 * Writes a data folder for the feed build (in the system's temp folder); returns its path and a
 * `remove()`. `rows` are every row of the members table.
 */
export function mergedDataDir(dataDir, rows) {
  const source = resolve(dataDir);
  const dir = mkdtempSync(join(tmpdir(), 'maig-publish-'));
  const { members } = mergeMembers(csvMembers(source), rows);
  const ids = new Set(members.map((m) => m.id));
  for (const name of readdirSync(source)) {
    if (name === 'members.csv' || name === 'coalition.json' || name === 'geo') continue;
    symlinkSync(join(source, name), join(dir, name));
  }
  writeFileSync(join(dir, 'members.csv'), toCsv(['state', 'city'], members.map((m) => [m.state, m.city])));

  // membersAsOf: the day of the latest change to the table, when later than the file's.
  const coalition = JSON.parse(readFileSync(join(source, 'coalition.json'), 'utf8'));
  const latest = rows.flatMap((r) => [r.added_at, r.removed_at]).filter(Boolean).sort().at(-1)?.slice(0, 10);
  if (latest && (!coalition.membersAsOf || latest > coalition.membersAsOf)) coalition.membersAsOf = latest;
  writeFileSync(join(dir, 'coalition.json'), `${JSON.stringify(coalition, null, 2)}\n`);

  // geo/: the reviewed overrides of members still listed, with the table's placements (which win).
  mkdirSync(join(dir, 'geo'));
  for (const name of readdirSync(join(source, 'geo'))) if (name !== 'overrides.csv') symlinkSync(join(source, 'geo', name), join(dir, 'geo', name));
  const columns = ['state', 'city', 'place', 'county', 'lat', 'lon', 'note'];
  const own = new Map(members.map((m) => [m.id, overrideLine(m)]).filter(([, line]) => line));
  const { rows: reviewed } = parseCsv(readFileSync(join(source, 'geo', 'overrides.csv'), 'utf8').replace(/^\uFEFF/, ''));
  const lines = [];
  for (const { values } of reviewed) {
    const state = (values.state ?? '').trim().toUpperCase();
    const city = (values.city ?? '').trim();
    const id = state && city ? memberId(state, city) : null;
    if (id && (!ids.has(id) || own.has(id))) continue; // a removed member, or placed again by staff
    lines.push(columns.map((c) => values[c] ?? ''));
  }
  lines.push(...own.values());
  writeFileSync(join(dir, 'geo', 'overrides.csv'), toCsv(columns, lines));
  return { dir, members, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

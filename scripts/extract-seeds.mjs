#!/usr/bin/env node
// One-time text extraction from the coalition's pages (../shared/seeds) into the editable
// data files under data/. The feed builder reads only data/; no seed is parsed at run time.
// Re-run only to re-import from the seeds: `node scripts/extract-seeds.mjs [seedsDir]`.
// It refuses to overwrite files unless --force is given, so staff edits are never lost.
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { STATES } from '../src/common/states.js';
import { toCsv } from './lib/csv.mjs';
import { slugify } from './lib/slug.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const seedsDir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/seeds');
const out = resolve('data');

const seed = (prefix) => {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}* in ${seedsDir}`);
  return readFileSync(join(seedsDir, name), 'utf8');
};
const current = seed('000_');
const earlier = seed('001_');

const write = (file, text) => {
  const path = join(out, file);
  if (existsSync(path) && !force) {
    console.log(`kept ${file} (exists; --force to overwrite)`);
    return;
  }
  writeFileSync(path, text);
  console.log(`wrote ${file}`);
};

// --- members: "  • State" headings, "    • City" items between "Coalition members" and "Our work"
const byName = new Map(STATES.map((s) => [s.name, s]));
const block = current.slice(current.indexOf('Coalition members'), current.indexOf('Our work'));
const rows = [];
let state = null;
for (const line of block.split('\n')) {
  const m = /^( +)• (.+?)\s*$/.exec(line);
  if (!m) continue;
  if (m[1].length === 2) {
    state = byName.get(m[2]);
    if (!state) throw new Error(`unknown state heading "${m[2]}"`);
  } else {
    rows.push({ state: state.code, city: m[2].replace(/\u2019/g, '’') });
  }
}
write('members.csv', toCsv(['state', 'city'], rows.map((r) => [r.state, r.city])));

// --- principles
const whereas = (text) =>
  [...text.matchAll(/^Whereas: (.+)$/gm)].map((m) => m[1].trim());
const resolve_ = (text) => /^(Now, therefore, .+)$/m.exec(text)?.[1].trim();

function currentPrinciples(text) {
  const part = text.slice(text.indexOf('Now, therefore'), text.indexOf('Coalition members'));
  const items = part.split(/\n {2}• /).slice(1);
  return items.map((item) => {
    const [title, ...body] = item.split('\n').map((l) => l.trim()).filter(Boolean);
    return { title, body: body.join(' ') };
  });
}
function earlierPrinciples(text) {
  const part = text.slice(text.indexOf('Now, therefore'));
  const items = [...part.matchAll(/^ {2}• (.+)$/gm)].map((m) => m[1].trim());
  return items.map((item) => {
    // The first sentence is the title, the rest the body.
    const m = /^(.+?\.)\s+(.*)$/.exec(item);
    return m ? { title: m[1], body: m[2] } : { title: item, body: '' };
  });
}
const withIds = (list) => {
  const seen = new Set();
  return list.map((p) => {
    let id = slugify(p.title.split(/\s+/).slice(0, 6).join(' '));
    while (seen.has(id)) id += '-2';
    seen.add(id);
    return { id, ...p };
  });
};
const versions = [
  {
    id: 'current',
    label: 'Statement of Principles',
    source: 'Mayors Against Illegal Guns, "About" page (current wording)',
    whereas: whereas(current.slice(0, current.indexOf('Coalition members'))),
    resolution: resolve_(current),
    principles: withIds(currentPrinciples(current)),
  },
  {
    id: 'earlier',
    label: 'Statement of Principles (earlier wording)',
    source: 'Mayors Against Illegal Guns, earlier version of the "About" page',
    whereas: whereas(earlier),
    resolution: resolve_(earlier),
    principles: withIds(earlierPrinciples(earlier)),
  },
];
for (const v of versions) write(`principles/${v.id}.json`, JSON.stringify(v, null, 2) + '\n');
// --- coalition index: name, headline claim and co-chairs from the current page
const claim = /grown to (a bipartisan group of more than [\d,]+ current and former mayors)/.exec(current)?.[1];
const chairsText = /The co-chairs include: (.+?)\.\s*$/m.exec(current)?.[1] ?? '';
const coChairs = chairsText
  .split(/;\s*(?:and\s+)?/)
  .map((s) => /^(.+?), (.+?) Mayor (.+)$/.exec(s.trim()))
  .filter(Boolean)
  .map(([, city, stateName, name]) => ({ name, city, state: byName.get(stateName)?.code ?? stateName }));
const founding = /alongside founding chair ([^.]+?)\./.exec(current)?.[1];
const coalition = {
  name: 'Mayors Against Illegal Guns',
  shortName: 'MAIG',
  founded: 2006,
  site: 'https://www.mayorsagainstillegalguns.org/',
  joinUrl: 'https://www.mayorsagainstillegalguns.org/#join',
  contact: null,
  headline: claim ? `A ${claim.slice(2)}` : null,
  foundingChair: founding ?? null,
  coChairs,
  membersAsOf: new Date().toISOString().slice(0, 10),
  membersSource: 'Mayors Against Illegal Guns, "Coalition members" list on its About page',
};
write('coalition.json', JSON.stringify(coalition, null, 2) + '\n');
console.log(`members: ${rows.length}; principles: ${versions.map((v) => `${v.id}=${v.principles.length}`).join(', ')}`);

// Member map: the element's JS and the geometry it downloads, and time to first render with the
// real 548 members and a synthetic 5,000, side by side with the page a webmaster would otherwise
// build: Leaflet with GeoJSON layers of the same states and points (no tiles).
// Pages, the synthetic feed and the Leaflet copy are written to dist/bench/member-map/ (build
// output, rewritten on every run) and served by the bench server.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { feature } from 'topojson-client';
import { gzipSize, kb, measurePage, median } from '../lib/measure.mjs';

export const title = 'Member map: <maig-member-map> against Leaflet + GeoJSON';

const require = createRequire(import.meta.url);
const OUT = 'dist/bench/member-map';
const FEED = 'dist/feed/v1';
const SYNTHETIC = 5000;
const RUNS = 5;

/** A deterministic pseudo-random sequence, so the synthetic feed is the same on every run. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The real feed with 5,000 members: each real member's point repeated with a small jitter. Bench-only, clearly synthetic. */
function writeSyntheticFeed() {
  const index = JSON.parse(readFileSync(join(FEED, 'index.json'), 'utf8'));
  const members = JSON.parse(readFileSync(join(FEED, 'members.json'), 'utf8'));
  const map = JSON.parse(readFileSync(join(FEED, 'map.json'), 'utf8'));
  const geo = JSON.parse(readFileSync(join(FEED, 'geocoding.json'), 'utf8'));
  const rand = random(5000);
  const real = members.members;
  const points = new Map(map.members.map((p) => [p.id, p]));
  const lonlat = new Map(geo.members.map((g) => [g.id, g]));
  const synth = [];
  const synthPoints = [];
  const synthLonLat = [];
  for (let i = 0; i < SYNTHETIC; i++) {
    const m = real[i % real.length];
    const p = points.get(m.id);
    const g = lonlat.get(m.id);
    const id = `${m.state.toLowerCase()}-synthetic-${i}`;
    const dx = (rand() - 0.5) * 6;
    const dy = (rand() - 0.5) * 6;
    synth.push({ id, city: `Synthetic ${i} near ${m.city}`, state: m.state });
    synthPoints.push({ id, x: Math.round((p.x + dx) * 10) / 10, y: Math.round((p.y + dy) * 10) / 10, placed: p.placed });
    synthLonLat.push({ id, city: `Synthetic ${i}`, lon: g.lon + dx / 10, lat: g.lat - dy / 10 });
  }
  const dir = join(OUT, 'feed-5000');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ ...index, resources: { members: 'members.json', map: 'map.json' } }));
  writeFileSync(join(dir, 'members.json'), JSON.stringify({ ...members, members: synth }));
  const states = map.states.map((s) => {
    const mine = synthPoints.filter((p) => p.id.startsWith(`${s.code.toLowerCase()}-`));
    return { ...s, count: mine.length, dots: mine.map((p) => `M${p.x} ${p.y}h0`).join('') };
  });
  writeFileSync(join(dir, 'map.json'), JSON.stringify({ ...map, states, members: synthPoints }));
  return synthLonLat;
}

/** GeoJSON for the Leaflet page: us-atlas states (as a webmaster would convert them) and member points. */
function writeLeafletData(synthetic) {
  const topology = JSON.parse(readFileSync(require.resolve('us-atlas/states-10m.json'), 'utf8'));
  const states = feature(topology, topology.objects.states);
  const members = JSON.parse(readFileSync(join(FEED, 'members.json'), 'utf8')).members;
  const geo = new Map(JSON.parse(readFileSync(join(FEED, 'geocoding.json'), 'utf8')).members.map((g) => [g.id, g]));
  const counts = {};
  for (const m of members) counts[m.state] = (counts[m.state] ?? 0) + 1;
  const codeByName = new Map(JSON.parse(readFileSync(join(FEED, 'members.json'), 'utf8')).states.map((s) => [s.fips, s.code]));
  for (const f of states.features) f.properties.count = counts[codeByName.get(f.id)] ?? 0;
  const point = (id, city, lon, lat) => ({ type: 'Feature', properties: { id, city }, geometry: { type: 'Point', coordinates: [lon, lat] } });
  const real = { type: 'FeatureCollection', features: members.map((m) => point(m.id, m.city, geo.get(m.id).lon, geo.get(m.id).lat)) };
  const synth = { type: 'FeatureCollection', features: synthetic.map((s) => point(s.id, s.city, s.lon, s.lat)) };
  writeFileSync(join(OUT, 'states.geojson.json'), JSON.stringify(states));
  writeFileSync(join(OUT, 'points-548.geojson.json'), JSON.stringify(real));
  writeFileSync(join(OUT, 'points-5000.geojson.json'), JSON.stringify(synth));
  const leaflet = dirname(require.resolve('leaflet/dist/leaflet.js'));
  mkdirSync(join(OUT, 'leaflet'), { recursive: true });
  copyFileSync(join(leaflet, 'leaflet.js'), join(OUT, 'leaflet/leaflet.js'));
  copyFileSync(join(leaflet, 'leaflet.css'), join(OUT, 'leaflet/leaflet.css'));
  // The Leaflet page's script: fetch the GeoJSON, draw states shaded by count and a circle per member.
  writeFileSync(
    join(OUT, 'leaflet-page.js'),
    `const n = new URL(document.currentScript.src).searchParams.get('n') || '548';
const map = L.map('map', { zoomSnap: 0.25 });
Promise.all([fetch('states.geojson.json').then((r) => r.json()), fetch('points-' + n + '.geojson.json').then((r) => r.json())]).then(([states, points]) => {
  performance.mark('leaflet:data');
  const shade = (c) => (c >= 25 ? '#2378c3' : c >= 10 ? '#4f97d1' : c >= 5 ? '#73b3e7' : c >= 2 ? '#aacdec' : c >= 1 ? '#d9e8f6' : '#f0f0f0');
  L.geoJSON(states, { style: (f) => ({ color: '#1b1b1b', weight: 0.5, fillColor: shade(f.properties.count), fillOpacity: 1 }) })
    .bindTooltip((layer) => layer.feature.properties.name + ': ' + layer.feature.properties.count)
    .addTo(map);
  L.geoJSON(points, { pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 2, color: '#ffffff', weight: 1, fillColor: '#1b1b1b', fillOpacity: 1 }) }).addTo(map);
  map.fitBounds([[18, -125], [50, -65]]);
  performance.mark('leaflet:rendered');
  requestAnimationFrame(() => setTimeout(() => { performance.mark('leaflet:painted'); document.body.dataset.ready = '1'; }, 0));
});
`,
  );
  const page = (n) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>bench: Leaflet + GeoJSON, ${n} members</title>
<link rel="stylesheet" href="leaflet/leaflet.css" /><link rel="stylesheet" href="leaflet-page.css" />
<script defer src="leaflet/leaflet.js"></script><script defer src="leaflet-page.js?n=${n}"></script></head>
<body><div id="map"></div><p>Text after the map, which must not move.</p></body></html>`;
  writeFileSync(join(OUT, 'leaflet-page.css'), '#map { width: 100%; aspect-ratio: 966 / 559; background: #fff; }\n');
  writeFileSync(join(OUT, 'leaflet-548.html'), page(548));
  writeFileSync(join(OUT, 'leaflet-5000.html'), page(5000));
}

function writeElementPages() {
  const page = (feed, n) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>bench: maig-member-map, ${n} members</title>
<link rel="stylesheet" href="map-page.css" /><script type="module" src="/dist/elements/maig-member-map.js"></script></head>
<body><maig-member-map feed="${feed}"></maig-member-map><p>Text after the map, which must not move.</p></body></html>`;
  // The room the element takes before its script runs (as docs/embedding.md suggests), like the Leaflet page's #map rule.
  writeFileSync(join(OUT, 'map-page.css'), 'maig-member-map:not(:defined) { display: block; aspect-ratio: 966 / 559; padding-bottom: 20.5em; }\n');
  writeFileSync(join(OUT, 'map-548.html'), page('/dist/feed/v1/index.json', 548));
  writeFileSync(join(OUT, 'map-5000.html'), page('/dist/bench/member-map/feed-5000/index.json', 5000));
}

/** Loads a page `runs` times and reads its performance marks: data → DOM, data → painted frame. */
async function marks(browser, url, prefix, ready, runs = RUNS) {
  const dom = [];
  const painted = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(ready, undefined, { polling: 100, timeout: 30_000 });
    await page.waitForFunction((p) => performance.getEntriesByName(`${p}:painted`).length > 0, prefix, { polling: 50, timeout: 30_000 });
    const [d, r, p] = await page.evaluate((p) => ['data', 'rendered', 'painted'].map((n) => performance.getEntriesByName(`${p}:${n}`)[0].startTime), prefix);
    dom.push(r - d);
    painted.push(p - d);
    await context.close();
  }
  return { dom: median(dom), painted: median(painted) };
}

export async function run({ baseUrl, browser }) {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const synthetic = writeSyntheticFeed();
  writeLeafletData(synthetic);
  writeElementPages();

  // Sizes.
  const gz = (file) => gzipSize(readFileSync(file));
  const element = gz('dist/elements/maig-member-map.js');
  const chunk = (prefix) => readdirSync('dist/chunks').find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  // Every widget shares the core chunk (Lit, @lit/task, the feed client, the base element and styles).
  const core = gz(`dist/chunks/${chunk('core-')}`);
  const decorators = gz(`dist/chunks/${chunk('decorators-')}`);
  const geometry = gz(join(FEED, 'map.json'));
  const members = gz(join(FEED, 'members.json'));
  const leafletJs = gz(join(OUT, 'leaflet/leaflet.js'));
  const leafletCss = gz(join(OUT, 'leaflet/leaflet.css'));
  const statesGeo = gz(join(OUT, 'states.geojson.json'));
  const points548 = gz(join(OUT, 'points-548.geojson.json'));
  const synthGeometry = gz(join(OUT, 'feed-5000/map.json'));
  console.log(`map element JS beyond the shared chunks: ${kb(element)} gzip; with the decorators chunk ${kb(element + decorators)}; budget 20 KB`);
  console.log(`  shared by every widget: core chunk (Lit, @lit/task, feed client, base element and styles) ${kb(core)}`);
  console.log(`geometry (map.json, 56 shapes + 548 points): ${kb(geometry)} gzip; budget 40 KB · members.json ${kb(members)} gzip`);
  console.log(`Leaflet: leaflet.js ${kb(leafletJs)} + leaflet.css ${kb(leafletCss)} gzip; states GeoJSON (us-atlas states-10m) ${kb(statesGeo)} + points ${kb(points548)} gzip`);
  console.log(`synthetic 5,000-member map.json: ${kb(synthGeometry)} gzip`);

  // Time to first render from navigation, and from data to a painted frame.
  const elementReady = () => !!document.querySelector('maig-member-map')?.shadowRoot?.querySelector('svg.map path.dot');
  const leafletReady = () => document.body.dataset.ready === '1';
  const rows = [];
  for (const [label, url, ready, prefix] of [
    ['<maig-member-map>, 548 real', `${baseUrl}${OUT}/map-548.html`, elementReady, 'maig-member-map'],
    ['Leaflet + GeoJSON, 548 real', `${baseUrl}${OUT}/leaflet-548.html`, leafletReady, 'leaflet'],
    ['<maig-member-map>, 5,000 synthetic', `${baseUrl}${OUT}/map-5000.html`, elementReady, 'maig-member-map'],
    ['Leaflet + GeoJSON, 5,000 synthetic', `${baseUrl}${OUT}/leaflet-5000.html`, leafletReady, 'leaflet'],
  ]) {
    const page = await measurePage(browser, url.replace('//dist', '/dist'), ready, { runs: RUNS });
    const m = await marks(browser, url.replace('//dist', '/dist'), prefix, ready);
    rows.push([label, page, m]);
  }
  console.log(`\n${'page'.padEnd(36)} ${'JS gzip'.padStart(9)} ${'data gzip'.padStart(10)} ${'requests'.padStart(8)} ${'first render'.padStart(13)} ${'data→DOM'.padStart(9)} ${'data→paint'.padStart(11)}   CLS`);
  for (const [label, page, m] of rows) {
    console.log(
      `${label.padEnd(36)} ${kb(page.jsGzip).padStart(9)} ${kb(page.dataGzip).padStart(10)} ${String(page.requests).padStart(8)} ${`${page.medianMs.toFixed(0)} ms`.padStart(13)} ${`${m.dom.toFixed(1)} ms`.padStart(9)} ${`${m.painted.toFixed(1)} ms`.padStart(11)}   ${page.cls.toFixed(3)}`,
    );
  }
  console.log('(medians of 5 loads; "first render" is from navigation; data→DOM ends when the SVG or layers are in the document, data→paint after the next frame; budget for 5,000 members: data→DOM under 16 ms. Leaflet draws Web Mercator without territory insets.)');
}

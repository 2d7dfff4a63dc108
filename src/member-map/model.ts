import { cityKey, foldCity, foldText } from '../common/fold-city.js';
import type { MapResource, MapState, Member, MembersResource, StateInfo } from '../shared/feed/types.js';

/** A member city with its projected point (null when the geometry has none for it). */
export interface PlacedMember extends Member {
  x: number | null;
  y: number | null;
}

/** A state or territory on the map, with its members. */
export interface MapArea {
  code: string;
  name: string;
  d: string;
  box: [number, number, number, number];
  /** Number of members (from the geometry, so the first render reads no member). */
  count: number;
  /** Shade class 0–5 (0: no member). */
  bucket: number;
  /** The state's dots as one path ("M x y h0 …"), drawn with round caps. */
  dots: string;
}

/** Everything the element draws, computed once per data load. */
export interface MapModel {
  viewBox: [number, number, number, number];
  /** Every area of the geometry, by name: the drawing order, so the reading order of the states matches their keyboard order. */
  areas: MapArea[];
  /** Areas with at least one member, by name (the keyboard order and the list). */
  withMembers: MapArea[];
  /** Areas with no member, by name. */
  withoutMembers: MapArea[];
  byCode: Map<string, MapArea>;
  /** Every member with its point (built on first use). */
  readonly members: PlacedMember[];
  readonly byId: Map<string, PlacedMember>;
  total: number;
  /** An area's members in name order (built on first use: most are never listed). */
  citiesOf(area: MapArea): PlacedMember[];
}

/** Lower bounds of the shade classes 1–5 (class 0 is "no member"). */
export const BUCKETS = [1, 2, 5, 10, 25] as const;

export function bucketOf(count: number): number {
  let b = 0;
  for (let i = 0; i < BUCKETS.length; i++) if (count >= BUCKETS[i]!) b = i + 1;
  return b;
}

/** Path data for a set of points: each a zero-length segment that a round cap turns into a dot. */
export function dotPath(points: ReadonlyArray<{ x: number | null; y: number | null }>): string {
  let d = '';
  for (const p of points) if (p.x !== null && p.y !== null) d += `M${p.x} ${p.y}h0`;
  return d;
}


/**
 * The drawing needs only the geometry: each state's shape, member count and dots come
 * precomputed in map.json. Members (for lists, search and the highlight) are joined with their
 * points the first time something asks for them.
 */
export function buildModel(membersResource: MembersResource, map: MapResource): MapModel {
  const names = new Map<string, StateInfo>(membersResource.states.map((s) => [s.code, s]));
  const areas: MapArea[] = map.states.map((s: MapState) => ({
    code: s.code,
    name: names.get(s.code)?.name ?? s.name,
    d: s.d,
    box: s.box,
    count: s.count,
    bucket: bucketOf(s.count),
    dots: s.dots,
  }));
  const byName = [...areas].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let placed: PlacedMember[] | undefined;
  let groups: Map<string, PlacedMember[]> | undefined;
  let byId: Map<string, PlacedMember> | undefined;
  const sorted = new Set<string>();
  const join = () => {
    if (placed) return placed;
    // The feed writes points in member order; a lookup table is built only if it does not.
    const points = map.members;
    let lookup: Map<string, MapResource['members'][number]> | undefined;
    groups = new Map();
    placed = membersResource.members.map((m, i) => {
      let p: MapResource['members'][number] | undefined = points[i];
      if (p?.id !== m.id) p = (lookup ??= new Map(points.map((q) => [q.id, q]))).get(m.id);
      const member: PlacedMember = { id: m.id, city: m.city, state: m.state, x: p ? p.x : null, y: p ? p.y : null };
      const list = groups!.get(m.state);
      if (list) list.push(member);
      else groups!.set(m.state, [member]);
      return member;
    });
    return placed;
  };
  return {
    viewBox: map.viewBox,
    areas: byName,
    withMembers: byName.filter((a) => a.count > 0),
    withoutMembers: byName.filter((a) => a.count === 0),
    byCode: new Map(areas.map((a) => [a.code, a])),
    get members() {
      return join();
    },
    get byId() {
      return (byId ??= new Map(join().map((m) => [m.id, m])));
    },
    total: membersResource.members.length,
    citiesOf(area: MapArea) {
      join();
      const list = groups!.get(area.code) ?? [];
      if (!sorted.has(area.code)) {
        const keyed = list.map((member) => ({ key: sortKey(member.city), member }));
        keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        keyed.forEach((k, i) => (list[i] = k.member));
        sorted.add(area.code);
      }
      return list;
    },
  };
}

/** A cheap sort key: lower case, accents dropped only when there are any. */
function sortKey(city: string): string {
  const lower = city.toLowerCase();
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : lower;
}

/** Finds an area by USPS code or name. */
export function findArea(model: MapModel, query: string): MapArea | undefined {
  const q = foldText(query);
  if (!q) return undefined;
  return model.byCode.get(query.trim().toUpperCase()) ?? model.areas.find((a) => foldText(a.name) === q);
}

/** Finds a member from "Baltimore, MD", "Baltimore, Maryland" or an id such as "md-baltimore". */
export function findMember(model: MapModel, query: string): PlacedMember | undefined {
  const text = query.trim();
  if (!text) return undefined;
  const comma = text.lastIndexOf(',');
  if (comma < 0) {
    const byId = model.byId.get(text.toLowerCase());
    if (byId) return byId;
  }
  const city = cityKey(comma >= 0 ? text.slice(0, comma) : text);
  const area = comma >= 0 ? findArea(model, text.slice(comma + 1)) : undefined;
  if (comma >= 0 && !area) return undefined;
  const found = (area ? model.citiesOf(area) : model.members).filter((m) => cityKey(m.city) === city);
  return found.length === 1 || area ? found[0] : undefined;
}

const searchIndexes = new WeakMap<MapModel, string[]>();

/**
 * Members whose city name contains every word typed (accent- and case-blind; "St."/"Mt." as typed
 * or spelled out): names that start with it first, then by name.
 */
export function searchMembers(model: MapModel, query: string): PlacedMember[] {
  // Folded without spelling out, so a word being typed ("ste…") still finds "Sterling"; each
  // city is indexed both ways (`foldCity`: "saint louis", `foldText`: "st louis").
  const words = foldText(query).split(' ').filter(Boolean);
  if (!words.length) return [];
  let index = searchIndexes.get(model);
  if (!index) {
    const stateNames = new Map(model.areas.map((a) => [a.code, foldText(a.name)]));
    index = model.members.map((m) => `${foldCity(m.city)}|${foldText(m.city)}#${m.state.toLowerCase()} ${stateNames.get(m.state) ?? ''}`);
    searchIndexes.set(model, index);
  }
  const scored: Array<[number, string, PlacedMember]> = [];
  index.forEach((hay, i) => {
    const first = words[0]!;
    if (words.every((w) => hay.includes(w))) scored.push([hay.startsWith(first) || hay.includes(`|${first}`) ? 0 : 1, hay, model.members[i]!]);
  });
  return scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).map(([, , m]) => m);
}

/** The viewBox that frames an area, with some room around it and a minimum size. */
export function zoomBox(area: MapArea, full: [number, number, number, number]): [number, number, number, number] {
  const [x, y, w, h] = area.box;
  const minW = full[2] / 12;
  const minH = full[3] / 12;
  const width = Math.max(w * 1.3, minW);
  const height = Math.max(h * 1.3, minH);
  const r = (n: number) => Math.round(n * 10) / 10;
  return [r(x + w / 2 - width / 2), r(y + h / 2 - height / 2), r(width), r(height)];
}

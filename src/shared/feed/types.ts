/**
 * Types of the coalition's public data feed, schema version 1.
 * They match the JSON Schemas in `data/schema/` that `npm run feed` validates against.
 */

/** The feed's major schema version this library reads. */
export const FEED_SCHEMA_VERSION = 1;

/** A co-chair of the coalition. */
export interface CoChair {
  name: string;
  city: string;
  /** USPS code of the state or territory. */
  state: string;
}

/** Who the coalition is and how to reach it. */
export interface Coalition {
  name: string;
  shortName: string;
  founded: number;
  site: string;
  joinUrl: string;
  contact: string | null;
  /** The coalition's own claim, e.g. "more than 2,000 current and former mayors". Not a count of the feed's members. */
  headline: string | null;
  foundingChair: string | null;
  coChairs: CoChair[];
  /** Spanish versions of the coalition text above (the same keys), when the data has them. */
  es?: CoalitionTranslation;
}

/** Spanish versions of the coalition's own text. */
export interface CoalitionTranslation {
  headline: string | null;
}

/** `index.json`: the entry point of a feed. */
export interface FeedIndex {
  schemaVersion: number;
  /** ISO 8601 time the feed was generated (deterministic: derived from the inputs). */
  generated: string;
  /** Content hash of the feed's inputs. */
  version: string;
  coalition: Coalition;
  /** Resource name → path relative to index.json. Paths may hold a `{state}` placeholder. */
  resources: Record<string, string>;
}

/** A state, DC or a territory. */
export interface StateInfo {
  /** USPS code, e.g. "NJ". */
  code: string;
  name: string;
  fips: string;
  territory: boolean;
}

/** One member city. */
export interface Member {
  /** Stable id, e.g. "md-baltimore". */
  id: string;
  city: string;
  /** USPS code of the state or territory. */
  state: string;
}

/** `members.json` */
export interface MembersResource {
  schemaVersion: number;
  /** Date (YYYY-MM-DD) the member list was last updated. */
  asOf: string;
  source: string;
  /** Every state and territory the feed knows, members or not. */
  states: StateInfo[];
  members: Member[];
}

/** One principle of a Statement of Principles. */
export interface Principle {
  id: string;
  title: string;
  /** Plain text; empty when the principle has no body. */
  body: string;
}

/** One version of the Statement of Principles. */
export interface PrinciplesVersion {
  id: string;
  label: string;
  source: string;
  whereas: string[];
  resolution: string;
  principles: Principle[];
}

/** `principles.json` */
export interface PrinciplesResource {
  schemaVersion: number;
  /** Id of the version shown by default. */
  defaultVersion: string;
  versions: PrinciplesVersion[];
}

/** Where a statistics series comes from and what it covers. Blanks in the source stay null. */
export interface StatsSeriesInfo {
  source: string;
  url: string;
  /** First and last year covered. */
  first: number;
  last: number;
  /** Caveats a reader must see: partial years, secondary sources, comparability. */
  notes: string[];
}

/**
 * `stats/es.json`: the Spanish of the statistics' notes and descriptive source names
 * (data/stats/sources.json `es`), keyed by the English text. Fetched only by Spanish cards.
 */
export interface StatsSpanishResource {
  schemaVersion: number;
  text: Record<string, string>;
}

/** CDC/NCHS firearm deaths and age-adjusted rate per 100,000 for one state, by year. */
export interface StateSeries extends StatsSeriesInfo {
  points: Array<{ year: number; deaths: number; rate: number | null }>;
}

/** Gun Violence Archive shootings recorded under a city's names, by year (years with none recorded are absent). */
export type CityShootings = Array<{ year: number; killed: number; injured: number }>;

/** Gun Violence Archive mass shootings (4+ shot) recorded under a city's names, by year. */
export type CityMassShootings = Array<{ year: number; count: number; killed: number; injured: number }>;

/** Source, years and notes of the Gun Violence Archive mass shootings series. */
export interface MassShootingsInfo extends StatsSeriesInfo {
  /** Last day covered (YYYY-MM-DD); the last year is partial. */
  through: string;
}

/**
 * A CDC county count: a whole number, or `[low, high]` where CDC suppresses it (1-9, shown as
 * "fewer than 10") or a sum of counties includes a suppressed one. Null: no row that year.
 */
export type LocalCount = number | [number, number] | null;

/** A member's local CDC firearm homicides and suicides, one count per year from `cdcCounty.first`. */
export interface LocalFigures {
  /** `city-county`: the county is the member (its own figure); `county`: the county the member lies in. */
  kind: 'city-county' | 'county';
  fips: string[];
  /** The CDC name(s) of the county or counties, e.g. "Cook County". */
  name: string;
  /** Reviewed note (data/stats/city-counties.csv), or null. */
  note: string | null;
  /** Spanish version of `note` (city-counties.csv `note_es`), where the data has it. */
  noteEs?: string | null;
  homicide: LocalCount[];
  suicide: LocalCount[];
}

/** A member city's local CDC figures and Gun Violence Archive figures (matched by name and the reviewed alias table). */
export interface StatsCity {
  id: string;
  city: string;
  /** Null where the CDC county file has no area for the member (territories). */
  local: LocalFigures | null;
  /** The GVA city names counted for this member. */
  gvaNames: string[];
  shootings: CityShootings | null;
  massShootings: CityMassShootings | null;
}

/** `stats/state/{state}.json`: one state's CDC series and its member cities' local and GVA figures. */
export interface StatsStateResource {
  schemaVersion: number;
  state: { code: string; name: string; territory: boolean };
  /** Null where CDC publishes no state figures (territories). */
  cdc: StateSeries | null;
  /** Why `cdc` is null. */
  cdcNote: string | null;
  /** Where the members' local figures come from: CDC county file, final years first..last. */
  cdcCounty: { source: string; url: string; first: number; last: number; updated: string };
  /** Null in a feed built without the Gun Violence Archive layer (the default: GVA's data needs its permission). */
  gvaCity: StatsSeriesInfo | null;
  /** Null in a feed built without the Gun Violence Archive layer. */
  gvaMassShootings: MassShootingsInfo | null;
  cities: StatsCity[];
}

/** One year of US firearm deaths by intent. Parts not published for a year are null. */
export interface NationalDeathsPoint {
  year: number;
  total: number;
  homicide: number | null;
  suicide: number | null;
  unintentional: number | null;
  legalIntervention: number | null;
  undetermined: number | null;
  /** True when copied from a published report citing CDC WONDER, not from CDC directly. */
  secondary: boolean;
  /** Where a secondary figure was published. */
  via?: string;
}

/** `stats/national.json` */
export interface StatsNationalResource {
  schemaVersion: number;
  deaths: StatsSeriesInfo & { secondaryUrl?: string; points: NationalDeathsPoint[] };
}

/** `stats/cities.json`: which members have GVA city figures, and how they were matched. */
export interface StatsCitiesResource {
  schemaVersion: number;
  /** True when the feed was built with the Gun Violence Archive layer. */
  gva: boolean;
  withFigures: number;
  /** Members with a local CDC figure, by kind; suppressed: the newest count is 1-9; none: no figure. */
  local: { cityCounty: number; county: number; suppressed: number; none: number };
  members: Array<{
    id: string;
    local: { kind: LocalFigures['kind'] | null; fips?: string[]; how?: string; suppressed?: boolean; why?: string };
    match: 'exact' | 'alias' | 'exact+alias' | 'none';
    gvaNames: string[];
    shootings: boolean;
    massShootings: boolean;
  }>;
}

/** How a member was placed on the map at build time. */
export type PlacementMethod = 'place' | 'county' | 'override';

/** A state or territory outline, projected at build time. */
export interface MapState {
  /** USPS code. */
  code: string;
  name: string;
  /** SVG path data in the map's coordinate space. */
  d: string;
  /** Bounding box [x, y, width, height] in the same space. */
  box: [number, number, number, number];
  /** Number of members in it. */
  count: number;
  /** Its members' points as one path, "M x y h0" each, in member order (drawn with round caps). */
  dots: string;
}

/** A member's projected point. */
export interface MapPoint {
  /** The member's id (as in members.json). */
  id: string;
  x: number;
  y: number;
  placed: PlacementMethod;
}

/** `map.json`: the member map's geometry (Albers with territory insets), projected at build time. */
export interface MapResource {
  schemaVersion: number;
  source: string;
  projection: string;
  /** [x, y, width, height] of the whole map. */
  viewBox: [number, number, number, number];
  states: MapState[];
  members: MapPoint[];
}

/** `geocoding.json`: how each member was placed, for review. */
export interface GeocodingResource {
  schemaVersion: number;
  counts: Record<PlacementMethod, number>;
  members: Array<{ id: string; lon: number; lat: number; method: PlacementMethod; source: string }>;
}

/** Resource name → its type. Later resources (map geometry, statistics) add entries here. */
export interface FeedResources {
  members: MembersResource;
  principles: PrinciplesResource;
  statsNational: StatsNationalResource;
  /** Path template: `stats/state/{state}.json`, `state` the lowercase USPS code. */
  statsState: StatsStateResource;
  statsCities: StatsCitiesResource;
  /** Spanish of the statistics' notes (only Spanish cards fetch it). */
  statsSpanish: StatsSpanishResource;
  map: MapResource;
  geocoding: GeocodingResource;
}

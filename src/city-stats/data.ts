// Pure helpers of <maig-city-stats>: finding the state and city, and shaping the figures.
import type { LocalCount, NationalDeathsPoint, StatsCity, StatsStateResource, StateSeries } from '../shared/feed/types.js';
import { cityKey } from '../common/fold-city.js';
import { STATES } from '../common/states.js';

/** USPS codes the feed has a statistics file for (50 states, DC, 5 territories). */
export const STATE_CODES = STATES.map((s) => s.code);


/** A member city of the state file by its name, id or one of its GVA names. */
export function findCity(state: StatsStateResource, query: string): StatsCity | undefined {
  const q = cityKey(query);
  if (!q) return undefined;
  return (
    state.cities.find((c) => cityKey(c.city) === q || c.id === `${state.state.code.toLowerCase()}-${query.trim().toLowerCase()}`) ??
    state.cities.find((c) => c.gvaNames.some((n) => cityKey(n) === q))
  );
}

export interface StateHeadline {
  latest: StateSeries['points'][number];
  /** The first year with a rate, when it is not the latest. */
  first?: StateSeries['points'][number];
}

export function stateHeadline(series: StateSeries): StateHeadline {
  const latest = series.points.at(-1)!;
  const first = series.points.find((p) => p.rate !== null);
  return { latest, first: first && first.year !== latest.year && latest.rate !== null ? first : undefined };
}

export const nationalFor = (points: NationalDeathsPoint[], year: number) => points.find((p) => p.year === year);

export const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((n, r) => n + pick(r), 0);

/** Every year from `first` to `last`. */
export const yearRange = (first: number, last: number) => Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);

/** A local CDC count as a number, when it is exact (not a suppressed range, not missing). */
export const exact = (c: LocalCount): number | undefined => (typeof c === 'number' ? c : undefined);

/** The index of `year` in a local series that starts at `first`. */
export const at = (series: LocalCount[], first: number, year: number): LocalCount => series[year - first] ?? null;

import { formatDate, formatNumber } from '../shared/format/locale.js';
import type { Values } from '../shared/i18n/i18n.js';
import { BUCKETS } from './model.js';

/** The map's words in the widget's language and numbers in the page's locale, as every part of the map says them. */
export interface MapWords {
  t(source: string, values?: Values): string;
  /** `source` translated, with templates in its `{name}` places (see `MaigElement.tParts`). */
  tParts(source: string, parts: Record<string, unknown>): unknown[];
  number(n: number): string;
  /** "1 member city", "12 member cities". */
  count(n: number): string;
  date(iso: string): string;
  /** A legend entry for shade class `b` (0 to 5): "None", "1", "2–4", "5–9", "10–24", "25 or more". */
  bucket(b: number): string;
}

/** The words for one render, in `locale` (read once per update: finding it walks up the DOM). */
export function mapWords(
  t: MapWords['t'],
  tParts: MapWords['tParts'],
  locale: string,
): MapWords {
  const number = (n: number) => formatNumber(n, locale);
  return {
    t,
    tParts,
    number,
    count: (n) => t(n === 1 ? '{count} member city' : '{count} member cities', { count: number(n) }),
    date: (iso) => formatDate(iso, locale),
    bucket(b) {
      if (b === 0) return t('None');
      const low = BUCKETS[b - 1]!;
      const next = BUCKETS[b];
      if (next === undefined) return t('{count} or more', { count: number(low) });
      return next - 1 === low ? String(low) : `${low}–${next - 1}`;
    },
  };
}

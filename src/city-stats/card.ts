import { formatDate, formatNumber } from '../shared/format/locale.js';
import type { LoadedResource } from '../shared/feed/client.js';
import type { LocalCount, StatsCity, StatsNationalResource, StatsStateResource } from '../shared/feed/types.js';
import type { Lang, Values } from '../shared/i18n/i18n.js';

/** What the card shows: the loaded files, what was asked, and what the card says about it. */
export interface Stats {
  national: LoadedResource<StatsNationalResource>;
  state?: LoadedResource<StatsStateResource>;
  stateQuery: string;
  cityQuery: string;
  city?: StatsCity;
  /** Notices as English text and values, translated when rendered (the language may change). */
  notices: Array<[string, Values]>;
  /** Spanish cards: English note or source name → Spanish (stats/es.json), when it could be read. */
  spanish?: Readonly<Record<string, string>>;
}

/** A figure's source. */
export interface Source {
  name: string;
  url: string;
  /** `en` for a source name kept in English (a publication's title) on a Spanish card. */
  lang?: string;
}

/** The card's words in its language and numbers in the page's locale, as every part of the card says them. */
export interface CardWords {
  t(source: string, values?: Values): string;
  /** The card's language. */
  lang: Lang;
  /** The page's locale for numbers and dates. */
  locale: string;
  /** Level of the card's section headings (one below its title). */
  subLevel: number;
  /** A whole number: "1,234". */
  n(value: number): string;
  /** A rate, one decimal: "12.3". */
  rate(value: number): string;
  /** A change in a rate, signed: "+1.2", "−0.4". */
  signed(value: number): string;
  /** "2019" or "2019–2023". */
  years(first: number, last: number): string;
  /** A local count as read: a number, "fewer than 10" (suppressed 1-9), "10 to 50", or "no figure". */
  count(c: LocalCount): string;
  date(iso: string): string;
}

export function cardWords(t: CardWords['t'], lang: Lang, locale: string, subLevel: number): CardWords {
  const n = (value: number) => formatNumber(value, locale);
  return {
    t,
    lang,
    locale,
    subLevel,
    n,
    rate: (value) => formatNumber(value, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    signed: (value) => formatNumber(value, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
    years: (first, last) => (first === last ? `${first}` : `${first}–${last}`),
    count(c) {
      if (typeof c === 'number') return n(c);
      if (!c) return t('no figure');
      return c[0] <= 1 ? t('fewer than {count}', { count: n(c[1] + 1) }) : t('{low} to {high}', { low: n(c[0]), high: n(c[1]) });
    },
    date: (iso) => formatDate(iso, locale),
  };
}

import { langTag } from '../i18n/i18n.js';

/** The page's language for an element: the nearest `lang` (then the document's: `langTag`), then the browser's. */
export function pageLocale(element?: Element): string {
  const lang = langTag(element) || (typeof navigator !== 'undefined' ? navigator.language : '') || 'en-US';
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

// Creating an Intl formatter costs far more than using one (a map of 548 cities formats
// hundreds of numbers), so each locale and options pair gets one formatter per page.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The page's shared number formatter for `locale` and `options`. */
export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** The page's shared formatter for calendar dates ("November 23, 2026") in `locale`. */
export function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format;
}

/** A whole number in the page's locale: 2000 → "2,000" (en-US), "2.000" (de). */
export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

/** A calendar date (YYYY-MM-DD, read as a date, not a time) in the page's locale. */
export function formatDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return dateFormat(locale).format(new Date(Date.UTC(y, m - 1, d)));
}

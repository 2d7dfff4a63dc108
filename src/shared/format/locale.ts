/** The page's language for an element: the nearest `lang`, then the document's, then the browser's. */
export function pageLocale(element?: Element): string {
  const lang =
    element?.closest('[lang]')?.getAttribute('lang') ||
    (typeof document !== 'undefined' ? document.documentElement.lang : '') ||
    (typeof navigator !== 'undefined' ? navigator.language : '') ||
    'en-US';
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** A whole number in the page's locale: 2000 → "2,000" (en-US), "2.000" (de). */
export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** A calendar date (YYYY-MM-DD, read as a date, not a time) in the page's locale. */
export function formatDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/**
 * Which URLs may become links. Feed text and attributes are data: a `joinUrl` or a source link of
 * `javascript:…`, `data:…` or `vbscript:…` must never be clickable, whatever its case, leading
 * spaces or embedded tabs. Only `http:` and `https:` URLs (and relative ones, which resolve to
 * the page's own scheme) become links; anything else is shown as text by the caller.
 */
const ALLOWED = new Set(['http:', 'https:']);

/**
 * Returns the absolute URL to use as an `href`, or `null` when `value` must not become a link.
 * The URL parser does what the browser would do on click (trims leading C0 controls and spaces,
 * drops tabs and newlines, lower-cases the scheme), so the check sees the scheme that would run.
 */
export function safeHref(value: unknown, base: string = globalThis.document?.baseURI ?? 'https://invalid.invalid/'): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  return ALLOWED.has(url.protocol) ? url.href : null;
}

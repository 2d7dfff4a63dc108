/**
 * Which palette a widget uses, light or dark, from its `theme` attribute:
 *
 * - none (the default): the host page's. A page that declares `color-scheme: light dark` (CSS on
 *   the widget or an ancestor, or `<meta name="color-scheme" content="light dark">`) gets the
 *   dark palette when the reader's system is dark; a page that declares `dark` gets it always; a
 *   page that declares nothing (most city sites, light only) gets the light palette, whatever
 *   the reader's system.
 * - `auto`: the reader's system (`prefers-color-scheme`), whatever the page.
 * - `light` or `dark`: that palette.
 *
 * The answer is set as the custom state `dark` of the element (`:host(:state(dark))` in the
 * styles, see `whenDark` in shared/styles/base.ts), and is worked out again when the reader's
 * system changes, and when the page changes the attributes of `<html>` or `<body>` (a site's own
 * dark-mode switch) or its `color-scheme` meta tag.
 */

/** What an element needs for its palette to be kept up to date. */
export interface SchemeHost extends HTMLElement {
  theme: string | null;
  /** Sets the custom state from {@link isDark}. */
  applyScheme(): void;
}

const hosts = new Set<SchemeHost>();
let media: MediaQueryList | null | undefined;
let observer: MutationObserver | undefined;

const systemIsDark = (): boolean => {
  if (media === undefined) media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  return !!media?.matches;
};

/** The color schemes the page declares for `element` (`['light', 'dark']`, `['normal']`…). */
function declaredSchemes(element: Element): string[] {
  let value = getComputedStyle(element).colorScheme || 'normal';
  // `normal` is also what a page with only the meta tag computes: the tag is the page's default.
  if (value === 'normal') value = element.ownerDocument.querySelector<HTMLMetaElement>('meta[name="color-scheme" i]')?.content || 'normal';
  return value.toLowerCase().trim().split(/[\s,]+/);
}

/** Whether `element` with `theme` (`light`, `dark`, `auto` or none) uses the dark palette now. */
export function isDark(element: Element, theme: string | null | undefined): boolean {
  const chosen = theme?.trim().toLowerCase();
  if (chosen === 'dark') return true;
  if (chosen === 'light') return false;
  if (chosen === 'auto') return systemIsDark();
  const schemes = declaredSchemes(element);
  return schemes.includes('dark') && (!schemes.includes('light') || systemIsDark());
}

const refreshAll = () => hosts.forEach((host) => host.applyScheme());

/** Keeps `host`'s palette up to date while it is connected. */
export function watchScheme(host: SchemeHost): void {
  hosts.add(host);
  if (observer || typeof MutationObserver === 'undefined') return;
  systemIsDark();
  media?.addEventListener?.('change', refreshAll);
  observer = new MutationObserver(refreshAll);
  const doc = host.ownerDocument;
  observer.observe(doc.documentElement, { attributes: true });
  if (doc.body) observer.observe(doc.body, { attributes: true });
  if (doc.head) observer.observe(doc.head, { childList: true, subtree: true, attributes: true, attributeFilter: ['content', 'name'] });
}

export function unwatchScheme(host: SchemeHost): void {
  hosts.delete(host);
  if (hosts.size || !observer) return;
  observer.disconnect();
  observer = undefined;
  media?.removeEventListener?.('change', refreshAll);
}

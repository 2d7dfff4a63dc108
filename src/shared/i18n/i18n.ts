/**
 * Localization for every widget: English is built in (the source strings themselves), Spanish is
 * a catalog fetched as its own chunk, only by a widget whose language is Spanish.
 *
 * Why not @lit/localize: its runtime mode keeps one locale for the whole page and switches it
 * asynchronously, while a widget's language is its own (its `lang` attribute, then the nearest
 * ancestor's, then the document's), so two widgets on one page may differ. This is the small part
 * of it we need: a lookup keyed by the English text, with named placeholders.
 *
 * Each widget's strings are in `src/<widget>/catalog-es.ts`, the shared ones in `./catalog-es.ts`.
 * Use from an element through `MaigElement#t('Try again')`, `t('{count} member cities', { count })`.
 * Every key of a catalog is an English string exactly as the code writes it; a Spanish catalog
 * entry keeps every `{placeholder}` of its key (the catalog test checks this).
 */
import { catalogKey } from '../../common/catalog-key.js';
import { isSpanish } from '../../common/lang.js';

export type Lang = 'en' | 'es';
export type Catalog = Readonly<Record<string, string>>;
export type Values = Readonly<Record<string, string | number>>;

/** The language tag that applies to `el`: its own `lang`, the nearest ancestor's (across shadow roots), the document's. */
export function langTag(el: Element | null | undefined): string {
  for (let node: Node | null | undefined = el; node; ) {
    if (node instanceof Element) {
      // The property for HTML elements: a widget's `lang` set as a property counts before Lit
      // has reflected it to the attribute (Lit renders first, then reflects).
      const lang = node instanceof HTMLElement ? node.lang : node.getAttribute('lang');
      if (typeof lang === 'string' && lang.trim()) return lang.trim();
      node = node.assignedSlot ?? node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  return (typeof document !== 'undefined' && document.documentElement.lang) || '';
}

/** `es`, `es-US`, `es-PR`, `es-MX`… give Spanish; anything else English (the rule of src/common/lang.js). */
export function langOf(tag: string): Lang {
  return isSpanish(tag) ? 'es' : 'en';
}

/** A widget's own Spanish strings: `() => import('./catalog-es.js')`, one chunk per widget. */
export type CatalogLoader = () => Promise<{ default: Catalog }>;

/** The shared strings (states, "Try again", feed errors): every Spanish widget needs them. */
const sharedCatalog: CatalogLoader = () => import('./catalog-es.js');

/** Every Spanish string loaded so far on this page, from every catalog chunk. */
let spanish: Record<string, string> | undefined;
const loaded = new Set<CatalogLoader>();
const loading = new Map<CatalogLoader, Promise<void>>();

function load(loader: CatalogLoader): Promise<void> {
  let pending = loading.get(loader);
  if (!pending) {
    pending = loader().then(
      (m) => {
        spanish = Object.assign(spanish ?? {}, m.default);
        loaded.add(loader);
      },
      (error) => {
        loading.delete(loader); // a failed chunk may load on the next try
        throw error;
      },
    );
    loading.set(loader, pending);
  }
  return pending;
}

/**
 * Fetches the shared Spanish catalog and the widget's own (`own`), each once per page, each its
 * own chunk, so a Spanish page downloads only the words of the widgets it shows. Nothing for English.
 */
export function loadCatalog(lang: Lang, own?: CatalogLoader): Promise<void> | undefined {
  if (catalogReady(lang, own)) return undefined;
  return Promise.all([load(sharedCatalog), ...(own ? [load(own)] : [])]).then(() => undefined);
}

/** True once `lang`'s words are here for a widget with catalog `own` (English always is). */
export function catalogReady(lang: Lang, own?: CatalogLoader): boolean {
  return lang === 'en' || (loaded.has(sharedCatalog) && (!own || loaded.has(own)));
}

/** Fills `{name}` placeholders. */
export function fill(text: string, values?: Values): string {
  return values ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all)) : text;
}

/**
 * The catalog key of an English string in the built chunk (src/common/catalog-key.js): the build
 * (rollup.config.mjs, `hashCatalogKeys`) replaces each English key with it, so Spanish pages do
 * not download the English text a second time; the build fails on a collision. Unbuilt sources
 * (tests, the dev server) keep the English keys, which are looked up first.
 */
export { catalogKey };

/**
 * `source` in `lang` with its placeholders filled. A string missing from the Spanish catalog
 * stays English (the catalog test lists any such string, so none ships).
 */
export function translate(lang: Lang, source: string, values?: Values): string {
  const text = lang === 'es' && spanish ? (spanish[source] ?? spanish[catalogKey(source)] ?? source) : source;
  return fill(text, values);
}

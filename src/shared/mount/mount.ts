/**
 * The loader behind `dist/maig-widgets.js`: it finds the widgets a page uses and imports only
 * their modules, and it upgrades CMS-safe placeholders.
 *
 * - `<maig-member-count>` and every other `maig-*` element not yet defined: its module
 *   `elements/maig-<name>.js` is imported from next to the loader (so a CDN copy works
 *   unconfigured), once per page.
 * - `<div data-maig-widget="member-count" data-state="NJ">fallback</div>`: many CMSs strip
 *   custom tags and non-`data-` attributes, so the div gets the element
 *   `<maig-member-count state="NJ">` as its child, and its own children become the element's
 *   fallback content.
 * - Both are watched for (MutationObserver), so widgets added later load too.
 * - An unknown widget name, or a module that cannot be loaded or registered: a console warning
 *   naming it and a short message in place of the widget, before the author's fallback content.
 *   Nothing is thrown into the host page.
 *
 * This module has no dependency on Lit or the feed client: it must stay small (≤ 2 KB gzip).
 */
import { WIDGET_NAMES } from '../../common/widgets.js';
import { isSpanish } from '../../common/lang.js';
import { VERSION } from '../version.js';
import { adoptReserved } from '../../common/reserved.js';

/** Every widget of this version (src/common/widgets.js): `<maig-NAME>` elements and `data-maig-widget="NAME"` placeholders. */
export const WIDGETS: readonly string[] = WIDGET_NAMES;

const PLACEHOLDER = '[data-maig-widget]';
const MOUNTED = 'data-maig-mounted';
/** Set on an element or placeholder that could not become a widget; the reserving rules (reserved.js) then give its room back. */
const FAILED = 'data-maig-failed';
/** The message put in place of a widget that could not be shown. */
const MESSAGE = 'data-maig-message';

/** Where `maig-<name>.js` modules are imported from; null when they are not loaded on demand. */
let moduleBase: string | null = null;
const loads = new Map<string, Promise<unknown>>();
const warned = new Set<string>();

/**
 * Marks what could not become a widget (maig-widgets.css then stops reserving its room), warns
 * once per `what` (unless `warning` is left out), and puts a short message in front of the author's fallback content, which stays.
 */
function fail(target: Element, what: string, message: string, warning?: string): void {
  if (warning && !warned.has(what)) {
    warned.add(what);
    console.warn(`maig-widgets: ${what} ${warning}`);
  }
  if (target.hasAttribute(FAILED)) return;
  target.setAttribute(FAILED, '');
  const note = target.ownerDocument.createElement('span');
  note.setAttribute(MESSAGE, '');
  note.textContent = `${message} `;
  target.prepend(note);
}

/**
 * The message in the placeholder's language (its own `lang`, an ancestor's, the page's, as
 * `langTag` in shared/i18n finds it): Spanish is written here, not taken from the widgets'
 * catalog, and the lookup is repeated rather than imported, so the loader does not pull in the
 * widgets' shared chunk (the Spanish rule itself is src/common/lang.js's).
 */
function say(target: Element, english: string, spanish: string): string {
  let node: Node | null = target;
  while (node && !(node instanceof Element && node.getAttribute('lang')?.trim())) node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  const tag = node ? (node as Element).getAttribute('lang')! : document.documentElement.lang;
  return isSpanish(tag) ? spanish : english;
}

const notAWidget = (target: Element, what: string, name: string) =>
  fail(
    target,
    what,
    say(target, `“${name}” is not a widget name, so it could not be shown.`, `“${name}” no es el nombre de un widget; no se pudo mostrar.`),
    `is not a widget (${WIDGETS.join(', ')}).`,
  );

/** `root` itself when it matches `selector`, then its descendants that do. */
const select = (root: ParentNode, selector: string): Element[] => [
  ...(root instanceof Element && root.matches(selector) ? [root] : []),
  ...Array.from(root.querySelectorAll(selector)),
];

/** Imports the module of a widget not defined yet and reports when it cannot be used. */
function upgrade(element: Element): void {
  const tag = element.localName;
  const name = tag.slice(5);
  if (!tag.startsWith('maig-') || element.hasAttribute(FAILED) || customElements.get(tag)) return;
  if (!WIDGETS.includes(name)) return notAWidget(element, `<${tag}>`, name);
  if (moduleBase === null) return;
  const url = `${moduleBase}maig-${name}.js`;
  let load = loads.get(url);
  if (!load) loads.set(url, (load = import(/* webpackIgnore: true */ /* @vite-ignore */ url)));
  const readable = `The ${name.replace('-', ' ')} widget`;
  load.then(
    // The module ran; when customElements.define threw for it, the element stays undefined
    // (defineElement already warned, naming it).
    () => customElements.get(tag) || fail(element, `<${tag}>`, say(element, `${readable} could not be started.`, `No se pudo iniciar el widget “${name}”.`)),
    (error: unknown) =>
      fail(element, `<${tag}>`, say(element, `${readable} could not be loaded.`, `No se pudo cargar el widget “${name}”.`), `could not be loaded from ${url} (${error}).`),
  );
}

/** Upgrades one placeholder; returns the element created, or null when there was nothing to do. */
function mountOne(host: Element): HTMLElement | null {
  if (host.hasAttribute(MOUNTED)) return null;
  host.setAttribute(MOUNTED, '');
  const name = host.getAttribute('data-maig-widget')!.trim().toLowerCase().replace(/^maig-/, '');
  if (!WIDGETS.includes(name)) {
    notAWidget(host, `data-maig-widget="${name}"`, name);
    return null;
  }
  const element = host.ownerDocument.createElement(`maig-${name}`);
  for (const { name: dataName, value } of Array.from(host.attributes)) {
    const attribute = dataName.slice(5);
    if (!dataName.startsWith('data-') || !attribute || /^(on|maig-)/.test(attribute)) continue;
    try {
      element.setAttribute(attribute, value);
    } catch {
      /* a name the HTML parser accepts but setAttribute does not: skip it */
    }
  }
  // The placeholder's own content stays as the element's light-DOM fallback.
  element.append(...Array.from(host.childNodes));
  host.append(element);
  return element;
}

/**
 * Upgrades every `[data-maig-widget]` placeholder in `root` (a document, element or shadow root)
 * and loads the modules of the `maig-*` elements in it that are not defined yet. Returns the
 * elements created for placeholders.
 */
export function mount(root: ParentNode = document): HTMLElement[] {
  const created: HTMLElement[] = [];
  try {
    for (const host of select(root, PLACEHOLDER)) {
      const element = mountOne(host);
      if (element) created.push(element);
    }
    select(root, ':not(:defined)').forEach(upgrade);
  } catch (error) {
    console.warn(`maig-widgets: could not mount widgets (${error}).`);
  }
  return created;
}

/** The one global: `window.maigWidgets.mount(root)` for content the loader cannot see (shadow roots). */
export interface MaigWidgetsGlobal {
  version: string;
  mount: typeof mount;
}

/**
 * Mounts what the page has now and what it adds later. `elementsUrl` is where the element
 * modules are (ending in `/`); without it, elements are expected to be defined already. A
 * second loader on the same page (another copy, or loaded twice) leaves the work to the first.
 */
export function startAutoMount(elementsUrl?: string): void {
  if (typeof document === 'undefined' || typeof customElements === 'undefined') return;
  if (elementsUrl && moduleBase === null) moduleBase = elementsUrl;
  const w = window as unknown as { maigWidgets?: MaigWidgetsGlobal };
  if (w.maigWidgets) return;
  Object.defineProperty(w, 'maigWidgets', { value: Object.freeze({ version: VERSION, mount }), configurable: true });
  // The room of every widget not drawn yet, at once (maig-widgets.css only adds the moment before this script runs).
  adoptReserved(document);
  const start = () => {
    mount(document);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) if (node instanceof Element) mount(node);
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

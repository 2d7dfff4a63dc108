/**
 * CMS-safe mounting. Many CMSs strip custom tags and non-`data-` attributes, so the widgets
 * also upgrade `<div data-maig-widget="member-count" data-state="NJ"></div>`: the div gets the
 * element `<maig-member-count state="NJ">` as its child, its own children become the element's
 * fallback content, and divs added later are upgraded too (MutationObserver).
 */
import { VERSION } from '../version.js';

const SELECTOR = '[data-maig-widget]';
const MOUNTED = 'data-maig-mounted';
const VALID_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Upgrades one placeholder; returns the element created, or null when there was nothing to do. */
function mountOne(host: Element): HTMLElement | null {
  if (host.hasAttribute(MOUNTED)) return null;
  const kind = host.getAttribute('data-maig-widget')?.trim().toLowerCase().replace(/^maig-/, '') ?? '';
  if (!VALID_NAME.test(kind)) {
    console.warn(`maig-widgets: data-maig-widget="${kind}" is not a widget name (e.g. "member-count").`);
    host.setAttribute(MOUNTED, 'invalid');
    return null;
  }
  const element = host.ownerDocument.createElement(`maig-${kind}`);
  for (const { name, value } of Array.from(host.attributes)) {
    if (!name.startsWith('data-') || name === 'data-maig-widget' || name === MOUNTED) continue;
    const attribute = name.slice(5);
    if (attribute && !attribute.startsWith('on')) element.setAttribute(attribute, value);
  }
  // The placeholder's own content stays as the element's light-DOM fallback.
  element.append(...Array.from(host.childNodes));
  host.setAttribute(MOUNTED, '');
  host.append(element);
  return element;
}

/** Upgrades every `[data-maig-widget]` placeholder in `root` (a document, element or shadow root). */
export function mount(root: ParentNode = document): HTMLElement[] {
  const found: Element[] = [];
  if (root instanceof Element && root.matches(SELECTOR)) found.push(root);
  found.push(...Array.from(root.querySelectorAll(SELECTOR)));
  return found.map(mountOne).filter((e): e is HTMLElement => e !== null);
}

let observer: MutationObserver | undefined;

/** Mounts what the page has now and what it adds later. Safe to call many times. */
export function startAutoMount(): void {
  if (typeof document === 'undefined') return;
  exposeGlobal();
  if (observer) return;
  const start = () => {
    mount(document);
    observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          if (node instanceof Element) mount(node);
        }
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

/** The one global: `window.maigWidgets.mount(root)` for pages that re-render their content. */
export interface MaigWidgetsGlobal {
  version: string;
  mount: typeof mount;
}

function exposeGlobal(): void {
  const w = window as unknown as { maigWidgets?: MaigWidgetsGlobal };
  if (!w.maigWidgets) {
    Object.defineProperty(w, 'maigWidgets', { value: Object.freeze({ version: VERSION, mount }), configurable: true });
  }
}

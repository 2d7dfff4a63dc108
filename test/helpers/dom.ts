import { waitUntil } from '@open-wc/testing';

/** The element's shadow root, typed. */
export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** Text of the shadow root (or of one part of it), whitespace folded. */
export function shadowText(el: Element, selector?: string): string {
  const root = shadow(el);
  const node = selector ? root.querySelector(selector) : root;
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `selector` matches inside the element's shadow root, and returns it. */
export async function waitForShadow<T extends Element = HTMLElement>(el: Element, selector: string, timeout = 5000): Promise<T> {
  await waitUntil(() => shadow(el).querySelector(selector), `no "${selector}" in <${el.localName}>`, { timeout });
  return shadow(el).querySelector<T>(selector)!;
}

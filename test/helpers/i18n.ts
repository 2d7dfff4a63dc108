import { expect, waitUntil } from '@open-wc/testing';
import catalog from './all-es.generated.js';
import { isSpanish } from '../../src/common/lang.js';

/**
 * The English text a person could see or hear in `root` (a widget's shadow root, its slots'
 * light DOM excluded): text nodes and the attributes read aloud (aria-label, aria-description,
 * title, placeholder, alt, aria-valuetext), skipping any subtree marked `lang="en"` (or another
 * non-Spanish `lang`), which is English on purpose and announced as such.
 */
export function audibleText(root: ShadowRoot | Element): string[] {
  const out: string[] = [];
  const attrs = ['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-roledescription'];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang !== null && !isSpanish(lang)) return;
      if (node.localName === 'style' || node.localName === 'script' || node.localName === 'template') return;
      for (const a of attrs) {
        const v = node.getAttribute(a);
        if (v) out.push(v);
      }
    } else if (node.nodeType === Node.TEXT_NODE) {
      const t = node.textContent!.replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
      return;
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}

/** Literal pieces of each English catalog key worth looking for (placeholders split them). */
const ENGLISH_PIECES: string[] = Object.entries(catalog)
  .filter(([en, es]) => en !== es)
  .flatMap(([en]) => en.split(/\{\w+\}/))
  .map((p) => p.trim())
  // One short word ("of", "US") could be Spanish or a name: look for phrases and longer words.
  .filter((p) => p.length >= 6 && /[a-z]{3}/i.test(p));

/**
 * Fails when any English string of the catalog appears in `el`'s shadow root outside content
 * marked `lang="en"`. Call it in every state of a widget rendered on a Spanish page.
 */
export function expectNoEnglish(el: Element, context = el.localName): void {
  const text = audibleText(el.shadowRoot!).join('\n');
  const found = ENGLISH_PIECES.filter((piece) => text.includes(piece));
  expect(found, `${context}: English text on a Spanish page:\n${text}`).to.deep.equal([]);
}

/** Every `lang` inside the shadow root names a real language, and English content is marked `en`. */
export function langAttributes(el: Element): string[] {
  return [...el.shadowRoot!.querySelectorAll('[lang]')].map((n) => n.getAttribute('lang')!);
}

/**
 * The stronger check, for strings someone forgot to pass through `t()` (so no catalog has them):
 * render the same state twice, in English and in Spanish, and fail on any text (or read-aloud
 * attribute) with three or more letters that is identical in both, outside `lang="en"`
 * content. `allow` lists what is the same in both languages on purpose (names of places and
 * people, the coalition's name, "CDC", numbers with units…), as exact strings or patterns.
 */
export function expectTranslated(english: Element, spanish: Element, allow: Array<string | RegExp> = [], context = spanish.localName): void {
  const allowed = (t: string) =>
    !/[a-z]{3}/i.test(t) ||
    /^Mayors Against Illegal Guns$/.test(t) ||
    allow.some((a) => (typeof a === 'string' ? a === t : a.test(t)));
  const en = new Set(audibleText(english.shadowRoot!));
  const same = audibleText(spanish.shadowRoot!).filter((t) => en.has(t) && !allowed(t));
  expect([...new Set(same)], `${context}: the same text in English and Spanish`).to.deep.equal([]);
}

/**
 * Sets `el`'s own `lang` and waits until the text of `selector` in its shadow root contains
 * `expected`. Returns whether the widget showed its loading state on the way, i.e. whether the
 * change of language ran its data task again (messages are translated at render, so it must not).
 */
export async function switchLang(el: HTMLElement, lang: string, selector: string, expected: string): Promise<{ showedLoading: boolean }> {
  let showedLoading = false;
  const observer = new MutationObserver((records) => {
    for (const node of records.flatMap((r) => [...r.addedNodes])) {
      if (node instanceof Element && (node.matches('[part="loading"]') || node.querySelector('[part="loading"]'))) showedLoading = true;
    }
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  el.setAttribute('lang', lang);
  const text = () => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  try {
    await waitUntil(() => text().includes(expected), `<${el.localName} lang="${lang}">: "${selector}" reads "${text()}", not "${expected}"`);
    await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
    return { showedLoading };
  } finally {
    observer.disconnect();
  }
}

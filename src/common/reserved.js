/**
 * The room each widget takes before it is drawn, written once: the loader (`maig-widgets.js`)
 * adopts these rules into the page as soon as it runs (a constructable stylesheet, allowed by a
 * strict CSP), and the build writes them into
 * the optional `maig-widgets.css` (for the moment before any script has run). Plain JS, so the
 * build reads it in Node. This table belongs with the widget list, and moves into the widget
 * registry when there is one.
 *
 * Heights are what each widget measures once rendered (collapsed), at 1000px and 360px wide, in
 * em of the reader's font size: `[wide, narrow]` (narrow: viewports up to 40em). `tag` is extra
 * CSS for the custom tag only (not for a `<div data-maig-widget>` placeholder, a block already);
 * `box` replaces the height for a widget whose height follows its width.
 *
 * @type {Readonly<Record<string, { height?: readonly [number, number], tag?: string, box?: string }>>}
 */
export const RESERVED = {
  'member-count': { height: [9.2, 11.7], tag: 'display:inline-block;min-width:12em;vertical-align:top' },
  principles: { height: [56, 108] },
  'city-stats': { height: [81, 148] },
  'join-form': { height: [68, 74] },
  'member-map': { box: 'aspect-ratio:966/559;padding-bottom:20.5em' },
};

/**
 * The CSS that reserves the room: only maig elements not yet defined and placeholders not yet
 * mounted, nothing else on the page; a widget that could not be shown (`data-maig-failed`) gets
 * its room back.
 */
export function reservedCss() {
  let wide = '';
  let narrow = '';
  for (const [name, { height, tag, box }] of Object.entries(RESERVED)) {
    const el = `maig-${name}:not(:defined)`;
    const both = `${el},[data-maig-widget='${name}']:not([data-maig-mounted])`;
    wide += `${tag ? `${el}{${tag}}${both}{` : `${both}{display:block;`}${box ?? `min-height:${height?.[0] ?? 0}em`}}\n`;
    if (height && height[1] !== height[0]) narrow += `${both}{min-height:${height[1]}em}\n`;
  }
  return `${wide}@media (max-width:40em){\n${narrow}}\n[data-maig-failed]:not(:defined),[data-maig-widget][data-maig-failed]{min-height:0;aspect-ratio:auto;padding-bottom:0}\n`;
}

/** Documents that adopted the reserving sheet already. */
const adopted = new WeakSet();

/**
 * Adopts {@link reservedCss} into `doc` once, as soon as a script can: without the optional
 * stylesheet, nothing below a widget moves when it appears. A browser without constructable
 * stylesheets simply reserves nothing.
 * @param {Document} doc
 */
export function adoptReserved(doc) {
  try {
    if (adopted.has(doc)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(reservedCss());
    adopted.add(doc);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    /* no constructable stylesheets: the optional stylesheet still works */
  }
}

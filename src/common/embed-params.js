// What the embed page's URL means, in one place for the embed page (embed.js), the embed builder
// (builder.js) and the reference server's oEmbed (server/oembed.mjs). Side-effect free and without
// DOM: the build copies src/common/ to dist/common/, where the embed page loads it, and Node
// imports it from here. (The WordPress plugin's includes/oembed.php follows the same rules in PHP.)
import { isSpanish } from './lang.js';

export { isSpanish };

/**
 * @typedef {object} EmbedAttribute One documented attribute of a widget, as widgets.js/json lists it.
 * @property {string} name
 * @property {'string' | 'boolean' | 'number'} type
 * @property {string} [typeText] The type as the manifest writes it (`'light' | 'dark' | null`).
 * @property {string} description
 * @property {string} [default] The default as the manifest writes it (a literal: `'auto'`, `null`).
 */

/**
 * @typedef {object} EmbedWidget A widget as widgets.js/json (written by scripts/build-embed.mjs
 *   from the registry, src/common/widgets.js, and custom-elements.json) describes it.
 * @property {string} title
 * @property {{ title?: string }} [es]
 * @property {number} [height] The height (px) an iframe reserves when no resize script runs.
 * @property {string} [tag]
 * @property {string} [summary]
 * @property {EmbedAttribute[]} [attributes]
 */

/** @typedef {Required<EmbedWidget>} BuiltWidget An entry of the built widgets.js. */

/** `?widget=` as a key of widgets.json: trimmed, lowercase, `maig-` dropped (`maig-Member-Count` → `member-count`). */
export const widgetName = (/** @type {string | null | undefined} */ value) => (value ?? '').trim().toLowerCase().replace(/^maig-/, '');

/**
 * The widget `?widget=` names in `widgets` (widgets.js/json) as `{ name, widget }`, or undefined.
 * @template {EmbedWidget} W
 * @param {Readonly<Record<string, W>>} widgets
 * @param {string | null | undefined} value
 * @returns {{ name: string, widget: W } | undefined}
 */
export function findWidget(widgets, value) {
  const name = widgetName(value);
  return Object.prototype.hasOwnProperty.call(widgets, name) ? { name, widget: widgets[name] } : undefined;
}

/**
 * `?lang=`: a valid BCP 47 tag (checked and canonicalized by Intl: `es-us` → `es-US`), or null.
 * Anything else (HTML, a made-up tag) is ignored and the embed stays English.
 * @param {unknown} value
 * @returns {string | null}
 */
export function languageTag(value) {
  if (typeof value !== 'string' || !value.trim() || value.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(value.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The embed's title (page title, iframe title, oEmbed title), in Spanish when `lang` is Spanish.
 * @param {EmbedWidget} widget
 * @param {string | null | undefined} lang
 * @returns {string}
 */
export const embedTitle = (widget, lang) => `${(isSpanish(lang) && widget.es?.title) || widget.title} · Mayors Against Illegal Guns`;

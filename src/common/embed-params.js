// What the embed page's URL means, in one place for the embed page (embed.js), the embed builder
// (builder.js) and the reference server's oEmbed (server/oembed.mjs). Side-effect free and without
// DOM, so the browser loads it as a module next to embed.js and Node imports it from src/embed/.
// (The WordPress plugin's includes/oembed.php follows the same rules in PHP.)

/** `?widget=` as a key of widgets.json: trimmed, lowercase, `maig-` dropped (`maig-Member-Count` → `member-count`). */
export const widgetName = (value) => (value ?? '').trim().toLowerCase().replace(/^maig-/, '');

/** The widget `?widget=` names in `widgets` (widgets.js/json) as `{ name, widget }`, or undefined. */
export function findWidget(widgets, value) {
  const name = widgetName(value);
  return Object.prototype.hasOwnProperty.call(widgets, name) ? { name, widget: widgets[name] } : undefined;
}

/**
 * `?lang=`: a valid BCP 47 tag (checked and canonicalized by Intl: `es-us` → `es-US`), or null.
 * Anything else (HTML, a made-up tag) is ignored and the embed stays English.
 */
export function languageTag(value) {
  if (typeof value !== 'string' || !value.trim() || value.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(value.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/** Whether a language tag (or '' / null) asks for Spanish: `es`, `es-US`, `es-PR`… */
export const isSpanish = (lang) => /^es(?:-|$)/i.test(lang ?? '');

/** The embed's title (page title, iframe title, oEmbed title), in Spanish when `lang` is Spanish. */
export const embedTitle = (widget, lang) => `${(isSpanish(lang) && widget.es?.title) || widget.title} · Mayors Against Illegal Guns`;

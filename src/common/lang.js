// Whether a language tag means Spanish: one rule for the widgets (shared/i18n), the loader's own
// messages (shared/mount), the embed page and the reference server's oEmbed (embed-params.js),
// and the WordPress plugin (scripts/build-wordpress.mjs writes it into the plugin as PHP).

/** `es`, `es-US`, `es-PR`, `es-419`…, any case; the tag is trimmed first. Read as PHP by the plugin's build. */
export const SPANISH = /^es(?:-|$)/i;

/**
 * Whether a language tag (or '' / null / undefined) asks for Spanish: `es`, `es-US`, `es-PR`…
 * Anything else is English.
 * @param {string | null | undefined} tag
 * @returns {boolean}
 */
export const isSpanish = (tag) => SPANISH.test((tag ?? '').trim());

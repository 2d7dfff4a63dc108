// The widgets of this version, in one place. Adding a widget is writing its folder
// (src/<name>/define.ts, the element, catalog-es.ts) and one entry here; everything else reads
// this list:
// - the loader (src/shared/mount/mount.ts) knows `<maig-NAME>` and `data-maig-widget="NAME"`;
// - rollup.config.mjs builds `dist/elements/maig-NAME.js` for each;
// - scripts/build-registry.mjs writes the all entry's exports (src/elements.generated.ts) and
//   the tests' Spanish catalog (test/helpers/all-es.generated.ts);
// - scripts/build-shapes.mjs writes each widget's feed shape table from `reads`;
// - scripts/build-embed.mjs writes the embed page's and the builder's widgets.js/json (so the
//   reference server's oEmbed follows) with the titles and `height`;
// - scripts/build-wordpress.mjs writes the plugin's shortcodes, block and titles;
// - Storybook's Actions panel lists the events the manifest documents for them.
// Plain JavaScript (checked by tsc through JSDoc) so Node reads it unbuilt.
import { MEASURED } from './widget-heights.js';

/** Room (px) over a widget's measured height, so that a longer name or note does not scroll at once. */
export const HEIGHT_MARGIN = 24;
/** The height an iframe reserves for `name`: its measured height at 640 px (scripts/measure-heights.mjs) plus the margin. */
const reserved = (/** @type {string} */ name) => {
  const measured = MEASURED[name];
  if (!measured) throw new Error(`widgets.js: no measured height for ${name}: run node scripts/measure-heights.mjs`);
  return measured[0] + HEIGHT_MARGIN;
};

/**
 * @typedef {'members' | 'principles' | 'map' | 'statsState' | 'statsNational' | 'statsCities' | 'statsSpanish'} FeedResource
 * A resource of the feed, as index.json's `resources` names it (statistics split by file).
 */

/**
 * @typedef {object} Widget
 * @property {string} title Its name for people: the embed page's and iframe's title, the builder, oEmbed, the WordPress block and shortcode list.
 * @property {{ title: string }} es The same in Spanish.
 * @property {number} height The height (px) an iframe reserves when the host page runs no resize
 *   script: the whole widget at 640 px wide as scripts/measure-heights.mjs measured it in Chromium
 *   (src/common/widget-heights.js, the tallest of a sample of members) plus HEIGHT_MARGIN; taller content scrolls.
 * @property {readonly FeedResource[]} reads The feed resources it reads (besides index.json): its shape table holds these.
 */

/**
 * Every widget by name (`<maig-NAME>`), in the order the loader's messages and the builder list them.
 * Heights: measured (src/common/widget-heights.js, written by scripts/measure-heights.mjs).
 * @type {Readonly<Record<string, Readonly<Widget>>>}
 */
export const WIDGETS = Object.freeze({
  'member-count': { title: 'Member count', es: { title: 'Número de ciudades miembro' }, height: reserved('member-count'), reads: ['members'] },
  principles: { title: 'Statement of Principles', es: { title: 'Declaración de Principios' }, height: reserved('principles'), reads: ['principles'] },
  'city-stats': { title: 'City statistics', es: { title: 'Estadísticas de la ciudad' }, height: reserved('city-stats'), reads: ['statsNational', 'statsState', 'statsSpanish'] },
  'join-form': { title: 'Join form', es: { title: 'Formulario para unirse' }, height: reserved('join-form'), reads: [] },
  'member-map': { title: 'Member map', es: { title: 'Mapa de ciudades miembro' }, height: reserved('member-map'), reads: ['members', 'map'] },
});

/** Every widget's name, in order. */
export const WIDGET_NAMES = Object.freeze(Object.keys(WIDGETS));

/**
 * A widget's element name.
 * @param {string} name
 * @returns {string}
 */
export const tagName = (name) => `maig-${name}`;

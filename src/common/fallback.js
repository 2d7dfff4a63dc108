// The fallback a widget's tag carries (shown before its script runs, to readers without
// JavaScript and to search engines), written from the feed's current figures rather than typed
// once by hand. Used by the embed builder (its snippets) and the embed page (scripts/build-embed.mjs);
// the WordPress plugin writes the same sentences in PHP (integrations/wordpress/). English only:
// a Spanish widget replaces it as soon as its script runs. Plain JavaScript (checked by tsc
// through JSDoc) so that Node and the browser read it unbuilt. Every text is escaped: the result is
// HTML, never built from unescaped feed text.

/** @param {unknown} s */
export const escapeHtml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const number = (/** @type {number} */ n) => n.toLocaleString('en-US');
/** "2026-11-23" → "November 23, 2026" (UTC: the date as written, in every time zone). */
export const longDate = (/** @type {string} */ iso) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/**
 * @typedef {object} FallbackFeed What the fallback reads; each part only where the widget needs it.
 * @property {{ coalition?: { name: string, site: string } }} [index]
 * @property {{ asOf: string, source: string, states: Array<{ code: string, name: string }>, members: Array<{ city: string, state: string }> }} [members]
 * @property {{ defaultVersion: string, versions: Array<{ id: string, label: string, principles: Array<{ title: string }> }> }} [principles]
 * @property {{ state: { code: string, name: string }, cdc: null | { source: string, last: number, points: Array<{ year: number, deaths: number }> }, cdcCounty: { source: string, last: number, first: number }, cities: Array<{ id: string, city: string, local: null | { kind: string, name: string, homicide: Array<unknown>, suicide: Array<unknown> } }> }} [statsState]
 * @property {{ deaths: { source: string, points: Array<{ year: number, total: number }> } }} [statsNational]
 */

/** A CDC county count as words: "177", "fewer than 10", "no figure". */
function count(/** @type {unknown} */ c) {
  if (typeof c === 'number') return number(c);
  if (Array.isArray(c)) return c[0] <= 1 ? `fewer than ${number(c[1] + 1)}` : `${number(c[0])} to ${number(c[1])}`;
  return 'no figure';
}

/**
 * The fallback HTML of `widget` with `attrs` (attribute → value), from `feed`; '' when the feed
 * lacks what it needs (the tag then carries no fallback rather than a wrong one).
 * @param {string} widget
 * @param {Record<string, string>} attrs
 * @param {FallbackFeed} feed
 * @returns {string}
 */
export function fallbackHtml(widget, attrs, feed) {
  const coalition = feed.index?.coalition;
  const m = feed.members;
  if ((widget === 'member-count' || widget === 'member-map') && m) {
    const code = (attrs.state ?? '').trim().toUpperCase();
    const state = widget === 'member-count' && code ? m.states.find((s) => s.code === code) : undefined;
    const n = state ? m.members.filter((x) => x.state === state.code).length : m.members.length;
    const places = new Set(m.members.map((x) => x.state)).size;
    const what = `${number(n)} member ${n === 1 ? 'city' : 'cities'}`;
    const where = state ? ` in ${state.name}` : `${coalition ? ` of ${coalition.name}` : ''}${widget === 'member-map' ? ` in ${places} states and territories` : ''}`;
    return `<p>${escapeHtml(`${what}${where}, as of ${longDate(m.asOf)}.`)} <small>${escapeHtml(`Source: ${m.source}`)}</small></p>`;
  }
  if (widget === 'principles' && feed.principles) {
    const p = feed.principles;
    const version = p.versions.find((v) => v.id === (attrs.version || p.defaultVersion)) ?? p.versions[0];
    if (!version) return '';
    const items = version.principles.map((x) => `<li>${escapeHtml(x.title)}</li>`).join('');
    const link = coalition ? `<p><a href="${escapeHtml(coalition.site)}">${escapeHtml(`${version.label}, ${coalition.name}`)}</a></p>` : '';
    return `<p>${escapeHtml(version.label)}</p><ol>${items}</ol>${link}`;
  }
  if (widget === 'city-stats' && feed.statsNational) {
    const lines = [];
    const s = feed.statsState;
    const cityQuery = (attrs.city ?? '').trim().toLowerCase();
    const city = s && cityQuery ? s.cities.find((c) => c.city.toLowerCase() === cityQuery) : undefined;
    if (s && city?.local) {
      const { local } = city;
      const i = s.cdcCounty.last - s.cdcCounty.first;
      const area = local.kind === 'city-county' ? `${city.city}, ${s.state.code}` : `${local.name} (where ${city.city}, ${s.state.code} is)`;
      lines.push(`${area}: ${count(local.homicide[i])} firearm homicides and ${count(local.suicide[i])} firearm suicides in ${s.cdcCounty.last}. Source: CDC county figures.`);
    }
    const last = s?.cdc?.points.at(-1);
    if (s?.cdc && last) lines.push(`${s.state.name}: ${number(last.deaths)} firearm deaths in ${last.year}. Source: ${s.cdc.source}.`);
    const us = feed.statsNational.deaths.points.at(-1);
    if (us) lines.push(`United States: ${number(us.total)} firearm deaths in ${us.year}. Source: ${feed.statsNational.deaths.source}.`);
    return lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
  }
  return '';
}

/**
 * The feed resources the fallback of `widget` reads (besides index.json and members), with the
 * `{state}` of the statistics file filled in.
 * @param {string} widget
 * @param {Record<string, string>} attrs
 * @returns {Array<[name: keyof FallbackFeed, resource: string, fill?: Record<string, string>]>}
 */
export function fallbackReads(widget, attrs) {
  if (widget === 'principles') return [['principles', 'principles']];
  if (widget === 'city-stats') {
    const state = (attrs.state ?? '').trim().toLowerCase();
    return [['statsNational', 'statsNational'], ...(/^[a-z]{2}$/.test(state) ? [/** @type {[keyof FallbackFeed, string, Record<string, string>]} */ (['statsState', 'statsState', { state }])] : [])];
  }
  return [];
}

// City-name folding, one rule for the feed builder (Node, unbuilt: matching Gun Violence Archive
// names, geocoding members), <maig-city-stats> (the city a page asks for) and <maig-member-map>
// (finding and searching members).

/**
 * Text folded for matching what people type: accents and case go, apostrophes and dots are
 * dropped ("Lee’s" = "Lees"), any other run of non-letters and non-digits is one space, trimmed.
 * @param {string} text
 * @returns {string}
 */
export function foldText(text) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Abbreviations of place names, spelled out as whole words. */
const SPELLED_OUT = /** @type {Record<string, string>} */ ({ st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' });

/**
 * A city name folded (see {@link foldText}), with "St."/"Ste."/"Mt."/"Ft." spelled out:
 * "St. Louis" → "saint louis", "Mt. Vernon" → "mount vernon". Words stay apart (for searching by word).
 * @param {string} name
 * @returns {string}
 */
export function foldCity(name) {
  return foldText(name).replace(/\b(st|ste|mt|ft)\b/g, (word) => SPELLED_OUT[word] ?? word);
}

/**
 * The key two spellings of one city share: {@link foldCity} without spaces. "St. Louis" =
 * "Saint Louis", "Lee’s Summit" = "Lees Summit", "De Soto" = "DeSoto"; "Birmingham (Hoover)"
 * stays apart from "Birmingham".
 * @param {string} name
 * @returns {string}
 */
export const cityKey = (name) => foldCity(name).replace(/ /g, '');

// Plain JavaScript so that the feed builder (Node, unbuilt) and <maig-city-stats> (browser)
// fold city names with the same code: the feed matches Gun Violence Archive names with it, the
// card finds the city a page asks for with it.

/**
 * Folds a city name for matching: case, accents, apostrophes, dots, spaces and hyphens go, and a
 * leading "St."/"Ste." is "Saint"/"Sainte". "St. Louis" = "Saint Louis", "Lee’s Summit" =
 * "Lees Summit", "De Soto" = "DeSoto"; "Birmingham (Hoover)" stays apart from "Birmingham".
 * @param {string} name
 * @returns {string}
 */
export function foldCity(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/^(st|ste)\.?\s+/, (_m, p) => (p === 'st' ? 'saint ' : 'sainte '))
    .replace(/[’'`.\s-]+/g, '');
}

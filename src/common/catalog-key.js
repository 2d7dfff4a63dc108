// The key of an English string in a built Spanish catalog chunk: read by the widgets at run time
// (shared/i18n/i18n.ts, `translate`) and by the build (rollup.config.mjs, `hashCatalogKeys`), which
// replaces each English key with it so Spanish pages do not download the English text twice.

/**
 * The 32-bit FNV-1a hash of `source` in base 36.
 * @param {string} source
 * @returns {string}
 */
export function catalogKey(source) {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

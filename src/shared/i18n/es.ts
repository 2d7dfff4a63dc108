import type { Catalog } from './i18n.js';

/** Spanish for this widget's strings: the key is the English text exactly as the code writes it. */
const es: Catalog = {};
export default es;

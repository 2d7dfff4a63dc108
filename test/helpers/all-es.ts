/**
 * Every Spanish catalog in one object, for the tests (which look for any English catalog string
 * on a Spanish page). No widget imports this: at run time a Spanish widget fetches the shared
 * catalog (`./catalog-es.ts`) and its own (`src/<widget>/catalog-es.ts`), each its own chunk, so a
 * Spanish page pays only for the widgets it shows. The glossary (`GLOSSARY.md`) keeps the words
 * every widget shares the same.
 */
import type { Catalog } from './i18n.js';
import shared from './catalog-es.js';
import memberCount from '../../member-count/catalog-es.js';
import principles from '../../principles/catalog-es.js';
import memberMap from '../../member-map/catalog-es.js';
import cityStats from '../../city-stats/catalog-es.js';
import joinForm from '../../join-form/catalog-es.js';

const catalog: Catalog = Object.freeze({ ...shared, ...memberCount, ...principles, ...memberMap, ...cityStats, ...joinForm });
export default catalog;

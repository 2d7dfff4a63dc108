/**
 * The Spanish catalog: one chunk, fetched only by a widget whose language is Spanish. Each
 * widget keeps its own strings beside it (`src/<widget>/es.ts`); the glossary
 * (`src/shared/i18n/GLOSSARY.md`) keeps the words every widget shares the same.
 */
import type { Catalog } from './i18n.js';
import shared from './es.js';
import memberCount from '../../member-count/es.js';
import principles from '../../principles/es.js';
import memberMap from '../../member-map/es.js';
import cityStats from '../../city-stats/es.js';
import joinForm from '../../join-form/es.js';

const catalog: Catalog = Object.freeze({ ...shared, ...memberCount, ...principles, ...memberMap, ...cityStats, ...joinForm });
export default catalog;

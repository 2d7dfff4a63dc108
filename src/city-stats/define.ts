import { defineElement } from '../shared/define-element.js';
import { MaigCityStats } from './maig-city-stats.js';

export { MaigCityStats };
export type { ChartReadyDetail } from './maig-city-stats.js';

defineElement('maig-city-stats', MaigCityStats);

declare global {
  interface HTMLElementTagNameMap {
    'maig-city-stats': MaigCityStats;
  }
  interface HTMLElementEventMap {
    'maig-chart-ready': CustomEvent<import('./maig-city-stats.js').ChartReadyDetail>;
  }
}

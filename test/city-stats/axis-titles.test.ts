import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/city-stats/define.js';
import type { MaigCityStats } from '../../src/city-stats/maig-city-stats.js';
import { REAL_FEED } from '../helpers/feed.js';
import { waitForShadow } from '../helpers/dom.js';

describe('<maig-city-stats> chart axis titles', function () {
  this.timeout(60000);
  it('a narrow card (San Sebastián PR; DC with show-national) draws no axis title over the tick labels; a wide one draws them', async () => {
    const { Chart } = await import('chart.js');
    const drawn = async (attrs: string, width: number) => {
      const wrap = await fixture<HTMLElement>(html`<div style=${`width:${width}px`}></div>`);
      const [state, city, national] = attrs.split('|');
      const el = document.createElement('maig-city-stats') as MaigCityStats;
      el.setAttribute('feed', REAL_FEED);
      el.setAttribute('state', state!);
      if (city) el.setAttribute('city', city);
      if (national) el.setAttribute('show-national', '');
      wrap.append(el);
      await waitForShadow(el, '[part="chart"]', 8000);
      const ready = oneEvent(el, 'maig-chart-ready');
      el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!.scrollIntoView();
      await ready;
      const chart = Chart.getChart(el.shadowRoot!.querySelector('canvas')!)!;
      const scales = chart.options.scales as Record<string, { title: { display: boolean } }>;
      const shown = [scales.y!.title.display, scales.y1!.title.display];
      // A title drawn beside its axis needs room for itself and the tick labels.
      const y = chart.scales.y!;
      const room = y.width >= (y as unknown as { _maxLabelWidth?: number })._maxLabelWidth! + (shown[0] ? 12 : 0);
      wrap.remove();
      return { shown, room };
    };
    expect(await drawn('PR|San Sebastián', 300)).to.deep.equal({ shown: [false, false], room: true });
    expect(await drawn('DC||national', 320)).to.deep.equal({ shown: [false, false], room: true });
    expect((await drawn('DC||national', 760)).shown).to.deep.equal([true, true]);
  });

});

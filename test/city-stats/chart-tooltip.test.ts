import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/city-stats/define.js';
import type { MaigCityStats } from '../../src/city-stats/maig-city-stats.js';
import { REAL_FEED, resetFeed } from '../helpers/feed.js';
import { waitForShadow } from '../helpers/dom.js';

/** Moves the real mouse pointer over the canvas at (x, y) of the chart. */
async function hover(canvas: HTMLCanvasElement, x: number, y: number) {
  const box = canvas.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.left + x), Math.round(box.top + y)] });
}

/** A Maryland card with its chart drawn and its tooltip shown by hovering the chart's middle. */
async function hoveredChart() {
  const el = await fixture<MaigCityStats>(html`<maig-city-stats feed=${REAL_FEED} state="MD"></maig-city-stats>`);
  // Listening from the start: a card already in view draws its chart at once.
  const ready = oneEvent(el, 'maig-chart-ready');
  await waitForShadow(el, '[part="chart"]');
  el.shadowRoot!.querySelector('[part="chart"]')!.scrollIntoView();
  await ready;
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const { Chart } = await import('chart.js');
  const chart = Chart.getChart(canvas)!;
  const area = chart.chartArea;
  await hover(canvas, (area.left + area.right) / 2, (area.top + area.bottom) / 2);
  // chart.js handles pointer events on the next animation frame.
  await waitUntil(() => chart.tooltip!.getActiveElements().length > 0, 'tooltip not shown on hover');
  return { el, canvas, chart, area };
}

describe('<maig-city-stats> chart tooltip', () => {
  afterEach(async () => {
    resetFeed();
    await resetMouse();
  });

  it('Escape dismisses the hover tooltip wherever focus is, and the page still gets the key', async () => {
    const { el, canvas, chart, area } = await hoveredChart();

    // Focus is outside the widget (on the page's body).
    (document.activeElement as HTMLElement | null)?.blur();
    let pageGotEscape = false;
    const onKey = (e: KeyboardEvent) => (pageGotEscape ||= e.key === 'Escape');
    document.addEventListener('keydown', onKey);
    await sendKeys({ press: 'Escape' });
    document.removeEventListener('keydown', onKey);
    expect(chart.tooltip!.getActiveElements().length, 'tooltip dismissed').to.equal(0);
    expect(pageGotEscape).to.equal(true);

    // Hovering again shows it again.
    await hover(canvas, (area.left + area.right) / 2 + 5, (area.top + area.bottom) / 2);
    await waitUntil(() => chart.tooltip!.getActiveElements().length > 0, 'tooltip not back on hover');
    await expect(el).to.be.accessible();
  });

  it('a host page that stops Escape from bubbling does not keep the tooltip up', async () => {
    const { el, chart } = await hoveredChart();
    (document.activeElement as HTMLElement | null)?.blur();
    let pageGotEscape = false;
    const stop = (e: KeyboardEvent) => {
      pageGotEscape ||= e.key === 'Escape';
      e.stopPropagation();
    };
    document.body.addEventListener('keydown', stop);
    try {
      await sendKeys({ press: 'Escape' });
    } finally {
      document.body.removeEventListener('keydown', stop);
    }
    expect(pageGotEscape, 'the page got its Escape').to.equal(true);
    expect(chart.tooltip!.getActiveElements().length, 'tooltip dismissed').to.equal(0);
    await expect(el).to.be.accessible();
  });
});

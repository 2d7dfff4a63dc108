import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrendChart, TrendOptions } from './chart-setup.js';
import type { CardWords, Stats } from './card.js';
import { trend, type ChartStatus } from './trend.js';

/** Detail of `maig-chart-ready`. */
export interface ChartReadyDetail {
  /** Labels of the chart's series, e.g. ["Maryland, rate per 100,000", "United States, deaths"]. */
  series: string[];
}

let chartModule: Promise<typeof import('./chart-setup.js')> | undefined;
/** The chart code (chart.js and its registration), fetched once per page, the first time a card's chart is visible. */
const loadChartModule = () => (chartModule ??= import('./chart-setup.js'));

/** The card: its `show-national` attribute, and whether it has rendered yet. */
type Host = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; readonly hasUpdated: boolean; showNational: boolean };

interface Options {
  /** The card's data, when loaded. */
  stats: () => Stats | undefined;
  words: () => CardWords;
  /** What keys a drawn chart: when it changes (other data, locale or language), the chart is drawn again. */
  key: (stats: Stats) => string;
}

/**
 * The trend chart's life: it waits until its box scrolls into view, loads the chart code (one
 * chart at a time), draws in the card's colors and words, shows or hides the US series with
 * `show-national`, tells the page (`maig-chart-ready`), and goes when the card leaves the page.
 * If the chart code cannot be loaded, `status` is `failed` and the card shows the table.
 */
export class ChartController implements ReactiveController {
  private currentStatus: ChartStatus = 'waiting';
  private chart?: TrendChart;
  private chartKey = '';
  private observer?: IntersectionObserver;

  constructor(
    private readonly host: Host,
    private readonly opts: Options,
  ) {
    host.addController(this);
  }

  get status(): ChartStatus {
    return this.currentStatus;
  }

  private set status(value: ChartStatus) {
    if (value === this.currentStatus) return;
    this.currentStatus = value;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // Back in the page after a move: watch for the chart's box again.
    if (this.host.hasUpdated) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.chart?.destroy();
    this.chart = undefined;
    this.chartKey = '';
    if (this.status !== 'failed') this.status = 'waiting';
  }

  hostUpdated(): void {
    const stats = this.opts.stats();
    const box = this.host.renderRoot.querySelector<HTMLElement>('.trend__chart');
    const canvas = box?.querySelector('canvas');
    if (!stats || !box || !canvas || !this.host.isConnected) return;
    const key = this.opts.key(stats);
    if (this.chart && (this.chart.canvas !== canvas || this.chartKey !== key)) {
      this.chart.destroy();
      this.chart = undefined;
    }
    if (this.chart) {
      const national = this.chart.data.datasets[1];
      if (national && national.hidden !== !this.host.showNational) {
        national.hidden = !this.host.showNational;
        this.chart.update();
      }
      return;
    }
    // Only one chart at a time: none while the chart code is loading, or after it failed.
    if (this.status !== 'waiting' || this.observer) return;
    const draw = () => void this.draw(stats, canvas, key);
    if (typeof IntersectionObserver !== 'function') {
      draw();
      return;
    }
    this.observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.observer?.disconnect();
      this.observer = undefined;
      draw();
    });
    this.observer.observe(box);
  }

  private async draw(stats: Stats, canvas: HTMLCanvasElement, key: string): Promise<void> {
    this.status = 'loading';
    try {
      const { createTrendChart } = await loadChartModule();
      // The card may have left the page, or its data changed, while the chart code loaded.
      if (!this.host.isConnected || !canvas.isConnected || this.chart || this.opts.stats() !== stats) {
        this.status = this.chart ? 'ready' : 'waiting';
        return;
      }
      this.chart = createTrendChart(canvas, this.options(stats));
      this.chartKey = key;
      this.status = 'ready';
      this.host.dispatchEvent(
        new CustomEvent<ChartReadyDetail>('maig-chart-ready', {
          detail: { series: this.chart.data.datasets.map((d) => String(d.label)) },
          bubbles: true,
          composed: true,
        }),
      );
    } catch {
      chartModule = undefined;
      this.status = 'failed';
    }
  }

  private options(stats: Stats): TrendOptions {
    const w = this.opts.words();
    const t = trend(w, stats);
    const root = this.host.renderRoot.querySelector<HTMLElement>('.root');
    const style = root ? getComputedStyle(root) : undefined;
    // In forced colours (Windows High Contrast) the page's background is the system's, whatever
    // the card's palette: draw text, grid and lines in the system text color (the card's
    // computed color, which the browser forces), or the axis text of a dark palette vanishes.
    const forced = typeof matchMedia === 'function' && matchMedia('(forced-colors: active)').matches;
    const color = (name: string, fallback: string) => (forced && style?.color) || style?.getPropertyValue(name).trim() || fallback;
    const nationalValues = t.years.map((y) => t.nationalByYear.get(y)?.total ?? null);
    const series: TrendOptions['series'] = t.cdc
      ? [
          {
            label: w.t('{state}, rate per 100,000', { state: t.name ?? '' }),
            values: t.years.map((y) => t.stateByYear.get(y)?.rate ?? null),
            axis: 'left',
            color: color('--_accent', '#005ea2'),
            format: (v) => w.rate(v),
          },
          {
            label: w.t('United States, deaths'),
            values: nationalValues,
            axis: 'right',
            color: color('--_national', '#8c3d00'),
            dashed: true,
            hidden: !this.host.showNational,
            format: (v) => w.n(v),
          },
        ]
      : [{ label: w.t('United States, deaths'), values: nationalValues, axis: 'left', color: color('--_national', '#8c3d00'), dashed: true, format: (v) => w.n(v) }];
    return {
      labels: t.years.map(String),
      series,
      leftTitle: t.cdc ? w.t('Deaths per 100,000 (age-adjusted)') : w.t('US firearm deaths'),
      rightTitle: t.cdc ? w.t('US firearm deaths') : undefined,
      textColor: color('--_text', '#1b1b1b'),
      gridColor: color('--_grid', 'rgba(0,0,0,0.12)'),
      reducedMotion: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
      locale: w.locale,
    };
  }
}

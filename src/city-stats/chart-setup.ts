/**
 * The trend chart, loaded only when a <maig-city-stats> card scrolls into view: the element
 * imports this module dynamically, so chart.js lands in its own chunk and is never fetched on
 * a page without a card. Only the controller, elements, scales and plugin the chart uses are
 * registered (no chart.js/auto).
 */
import { CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement, Tooltip, type ChartConfiguration, type Plugin } from 'chart.js';
import { onEscape } from '../shared/a11y/escape.js';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

export interface TrendSeries {
  label: string;
  /** One value per label; null leaves a gap (no figure that year). */
  values: Array<number | null>;
  /** Left axis or right axis. */
  axis: 'left' | 'right';
  color: string;
  dashed?: boolean;
  hidden?: boolean;
  format: (value: number) => string;
}

export interface TrendOptions {
  labels: string[];
  series: TrendSeries[];
  leftTitle: string;
  rightTitle?: string;
  textColor: string;
  gridColor: string;
  reducedMotion: boolean;
  locale: string;
}

export type TrendChart = Chart<'line', Array<number | null>, string>;

/**
 * WCAG 1.4.13: a tooltip shown on hover must be dismissible without moving the pointer. Escape,
 * wherever focus is, hides the chart's tooltip and its hover points (the host page still gets
 * the key); moving the pointer again shows it again. One plugin per chart: it keeps its own
 * listener to remove.
 */
function dismissTooltipOnEscape(win: Window): Plugin<'line'> {
  let stop: (() => void) | undefined;
  return {
    id: 'maigDismissTooltipOnEscape',
    install(chart) {
      stop = onEscape(win, () => {
        if (!chart.tooltip?.getActiveElements().length) return;
        chart.tooltip.setActiveElements([], { x: 0, y: 0 });
        chart.setActiveElements([]);
        chart.update('none');
      });
    },
    uninstall() {
      stop?.();
      stop = undefined;
    },
  };
}

/**
 * Below this width (CSS pixels) the axis titles are not drawn on the canvas: Chart.js then gives
 * each axis too little room and draws its title over its tick labels. The legend above the chart
 * names each axis in text, so nothing is lost.
 */
export const AXIS_TITLES_MIN_WIDTH = 480;

/** Draws the chart on `canvas`; it resizes with the canvas's parent. Destroy it with `chart.destroy()`. */
export function createTrendChart(canvas: HTMLCanvasElement, options: TrendOptions): TrendChart {
  const { labels, series, textColor, gridColor } = options;
  const tick = (format: (v: number) => string) => (value: number | string) => format(Number(value));
  const wide = (width: number) => width >= AXIS_TITLES_MIN_WIDTH;
  const titles = wide(canvas.parentElement?.clientWidth ?? 0);
  const config: ChartConfiguration<'line', Array<number | null>, string> = {
    type: 'line',
    plugins: [dismissTooltipOnEscape(canvas.ownerDocument.defaultView ?? window)],
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.label,
        data: s.values,
        yAxisID: s.axis === 'left' ? 'y' : 'y1',
        borderColor: s.color,
        backgroundColor: s.color,
        borderWidth: 2.5,
        borderDash: s.dashed ? [6, 4] : [],
        pointRadius: 3,
        pointHoverRadius: 5,
        spanGaps: false,
        hidden: !!s.hidden,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      onResize: (chart, size) => {
        const show = wide(size.width);
        const { y, y1 } = chart.options.scales as Record<'y' | 'y1', { title: { display: boolean } }>;
        if (y.title.display === show) return;
        y.title.display = show;
        y1.title.display = show && !!options.rightTitle;
        chart.update('none');
      },
      animation: options.reducedMotion ? false : { duration: 400 },
      locale: options.locale,
      interaction: { mode: 'index', intersect: false },
      color: textColor,
      scales: {
        x: { ticks: { color: textColor, autoSkip: true, maxRotation: 0 }, grid: { color: gridColor } },
        y: {
          position: 'left',
          beginAtZero: true,
          title: { display: titles, text: options.leftTitle, color: textColor },
          ticks: { color: textColor, callback: tick(series.find((s) => s.axis === 'left')?.format ?? String) },
          grid: { color: gridColor },
        },
        y1: {
          position: 'right',
          display: 'auto',
          beginAtZero: true,
          title: { display: titles && !!options.rightTitle, text: options.rightTitle ?? '', color: textColor },
          ticks: { color: textColor, callback: tick(series.find((s) => s.axis === 'right')?.format ?? String) },
          grid: { drawOnChartArea: false },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => {
              const s = series[item.datasetIndex];
              return s && item.raw != null ? `${s.label}: ${s.format(item.raw as number)}` : '';
            },
          },
        },
      },
    },
  };
  return new Chart(canvas, config);
}

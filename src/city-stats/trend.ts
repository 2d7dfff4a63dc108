import { html, nothing, type TemplateResult } from 'lit';
import { yearRange } from './data.js';
import type { CardWords, Stats } from './card.js';
import { renderTable } from './tables.js';

/** Where the chart is: waiting to scroll into view, its code loading, drawn, or failed to load. */
export type ChartStatus = 'waiting' | 'loading' | 'ready' | 'failed';

/** The years, series and words of the trend chart and its table. */
export function trend(w: CardWords, stats: Stats) {
  const national = stats.national.data.deaths;
  const cdc = stats.state?.data.cdc ?? null;
  const name = stats.state?.data.state.name;
  const first = cdc ? cdc.first : national.first;
  const last = cdc ? cdc.last : national.last;
  const years = yearRange(first, last);
  const stateByYear = new Map(cdc?.points.map((p) => [p.year, p]) ?? []);
  const nationalByYear = new Map(national.points.map((p) => [p.year, p]));
  const missing = cdc ? years.filter((y) => !stateByYear.has(y)) : [];
  const ratePoints = cdc?.points.filter((p) => p.rate !== null) ?? [];
  const describeRate = () => {
    if (!cdc || !name || !ratePoints.length) return '';
    const a = ratePoints[0]!;
    const b = ratePoints.at(-1)!;
    const hi = ratePoints.reduce((m, p) => (p.rate! > m.rate! ? p : m));
    const lo = ratePoints.reduce((m, p) => (p.rate! < m.rate! ? p : m));
    const gap = missing.length ? ` ${w.t('There are no figures for {years}.', { years: w.years(missing[0]!, missing.at(-1)!) })}` : '';
    return a === b
      ? w.t("{state}'s age-adjusted firearm death rate was {rate} per 100,000 in {year}; no other year is available.", { state: name, rate: w.rate(a.rate!), year: a.year })
      : w.t("{state}'s age-adjusted firearm death rate went from {a} per 100,000 in {first} to {b} in {last}; lowest {low} ({lowYear}), highest {high} ({highYear}).", {
          state: name,
          a: w.rate(a.rate!),
          first: a.year,
          b: w.rate(b.rate!),
          last: b.year,
          low: w.rate(lo.rate!),
          lowYear: lo.year,
          high: w.rate(hi.rate!),
          highYear: hi.year,
        }) + gap;
  };
  const na = nationalByYear.get(first);
  const nb = nationalByYear.get(last);
  const describeNational =
    na && nb ? w.t('US firearm deaths: {a} in {first}, {b} in {last}.', { a: w.n(na.total), first: na.year, b: w.n(nb.total), last: nb.year }) : '';
  return {
    name,
    cdc,
    years,
    stateByYear,
    nationalByYear,
    title:
      cdc && name
        ? w.t('Firearm death rate in {state}, {years}', { state: name, years: w.years(first, last) })
        : w.t('Firearm deaths in the United States, {years}', { years: w.years(first, last) }),
    summary: `${describeRate()} ${describeNational}`.trim(),
  };
}
/** The years, series and words of the trend chart and its table. */
export type Trend = ReturnType<typeof trend>;

/** What the trend section shows, and what its controls do. */
export interface TrendView {
  showTable: boolean;
  showNational: boolean;
  chartStatus: ChartStatus;
  /** The chart as a PNG data URL, for print (empty until the page is printed with the chart drawn). */
  chartImage: string;
  /** The page is being printed: without a drawn chart, the table is printed in its place. */
  printing: boolean;
  onNationalChange: (event: Event) => void;
  onToggleTable: () => void;
}

/** The trend section: its title and summary, the controls, the legend, the chart's box and the tables. */
export function renderTrend(w: CardWords, stats: Stats, view: TrendView): TemplateResult {
  const t = trend(w, stats);
  const { showTable, showNational, chartStatus } = view;
  const status =
    chartStatus === 'failed'
      ? w.t('The chart could not be loaded; the table below has every figure.')
      : chartStatus === 'ready'
        ? ''
        : w.t('The chart is drawn when it scrolls into view.');
  // Named by the card's title and its own: two cards on a page make two distinct regions.
  return html`<section class="trend" part="trend" aria-labelledby="card-title trend-title">
    <div class="subtitle" role="heading" aria-level=${w.subLevel} id="trend-title">${t.title}</div>
    <p class="trend__summary" id="trend-summary">${t.summary}</p>
    <div class="trend__controls">
      ${t.cdc
        ? html`<label class="check"
            ><input type="checkbox" .checked=${showNational} @change=${view.onNationalChange} ?disabled=${showTable} />
            ${w.t('Show US firearm deaths (right axis)')}</label
          >`
        : nothing}
      <button class="button button--secondary toggle" part="toggle" type="button" aria-expanded=${showTable ? 'true' : 'false'} aria-controls="trend-table" @click=${view.onToggleTable}>
        ${showTable ? w.t('Show as chart') : w.t('Show as table')}
      </button>
    </div>
    <p class="legend ${showTable ? 'is-hidden' : ''}" aria-hidden="true">
      ${t.cdc
        ? html`<span class="key key--state"></span>${w.t('{state}, rate per 100,000 (left axis)', { state: t.name ?? '' })}${showNational
              ? html` <span class="key key--national"></span>${w.t('US firearm deaths (right axis)')}`
              : nothing}`
        : html`<span class="key key--national"></span>${w.t('US firearm deaths')}`}
    </p>
    <div class="trend__chart ${showTable ? 'is-hidden' : ''}" part="chart" data-chart=${chartStatus}>
      <canvas role="img" aria-label=${w.t('Line chart. {title}.', { title: t.title })} aria-describedby="trend-summary"></canvas>
      ${view.chartImage ? html`<img class="trend__image" src=${view.chartImage} alt="" aria-hidden="true" />` : nothing}
      <p class="trend__status" role="status" data-status=${chartStatus}>${status}</p>
    </div>
    <div class="trend__table ${view.printing && !view.chartImage ? 'trend__table--print' : ''}" id="trend-table" ?hidden=${!showTable && chartStatus !== 'failed'}>
      ${showTable || chartStatus === 'failed' || (view.printing && !view.chartImage) ? renderTable(w, stats, t) : nothing}
    </div>
  </section>`;
}

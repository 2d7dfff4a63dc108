import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { MaigDataElement } from '../shared/base/maig-data-element.js';
import { baseStyles } from '../shared/styles/base.js';
import { loadResource } from '../shared/feed/client.js';
import { FEED_SHAPES } from './feed-shapes.generated.js';
import type { StatsCity } from '../shared/feed/types.js';
import { STATE_CODES, findCity } from './data.js';
import { cityStatsStyles } from './maig-city-stats.styles.js';
import type { Values } from '../shared/i18n/i18n.js';
import { cardWords, type CardWords, type Stats } from './card.js';
import { ChartController } from './chart.js';
import { renderNational, renderState } from './figures.js';
import { renderCity, renderLocal } from './local.js';
import { renderTrend, type TrendView } from './trend.js';
import { renderFooter } from './sources.js';
import { headingLevel } from '../shared/a11y/heading-level.js';
import { PrintController } from '../shared/print.js';

export type { ChartReadyDetail } from './chart.js';

/**
 * Gun-violence figures for a member city, its state and the nation, each with its year and
 * source. A city card leads with the city's CDC firearm homicides and suicides (the newest
 * final year, with the change since the first): its own figure where the city is its own
 * county, otherwise its county's, labelled so; a suppressed count reads "fewer than 10".
 * Then CDC/NCHS state firearm deaths and age-adjusted rate, US firearm deaths by intent, and
 * under "Earlier figures" what Gun Violence Archive recorded for the city. A trend chart (chart.js, loaded only when the
 * card scrolls into view) shows the state's rate over the years, optionally with the US
 * total; "Show as table" gives every charted figure as a table. The figures never wait for
 * the chart.
 *
 * @tag maig-city-stats
 * @summary Firearm deaths in a city's state and the nation, the city's recorded shootings, and a trend chart.
 *
 * @attr state - USPS code of the state, DC or territory (e.g. `MD`). Without it only national figures are shown.
 * @attr city - A member city of that state (e.g. `Baltimore`); leave it out for a state card.
 * @attr show-national - Show the US series on the chart from the start.
 * @attr heading-level - Level (2-6) of the card's heading; its sections use the next level (at most 6). A number outside 2-6 is brought to the nearest. Default 2.
 * @attr feed - URL of the data feed (index.json or its folder).
 * @attr theme - By default the host page's color scheme (light unless the page declares `color-scheme: light dark` and the reader's system is dark, or `dark`); `auto` follows the reader's system; `light` or `dark` forces it.
 *
 * @fires {CustomEvent<ChartReadyDetail>} maig-chart-ready - The trend chart has been drawn (it is loaded when the card scrolls into view).
 *
 * @slot - Fallback content, shown before the script runs and when the feed cannot be read.
 *
 * @csspart base - The card's box.
 * @csspart title - The card's heading.
 * @csspart notice - A message about what was asked (unknown city or state, no CDC figures).
 * @csspart figure - One headline figure with its year and source.
 * @csspart trend - The chart section (chart, its text alternative and table).
 * @csspart chart - The chart's box (reserved height; the canvas is drawn in it).
 * @csspart table - A data table shown by "Show as table" (each in a focusable scroll box named by its caption).
 * @csspart toggle - The "Show as table" button.
 * @csspart notes - Caveats of the figures.
 * @csspart sources - The list of sources, as links.
 * @csspart downloads - The download buttons' row.
 * @csspart download - A download button: the figures as CSV, the chart as PNG (once drawn).
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry - The error state's "Try again" button.
 * @csspart stale - The note shown over a kept, possibly out-of-date copy.
 *
 * @cssprop [--maig-font-size=medium] - Base font size; everything scales from it. Default: the reader's browser setting, not the page's root size.
 * @cssprop [--maig-font-family=system-ui] - Font family.
 * @cssprop [--maig-color-text=#1b1b1b] - Text color.
 * @cssprop [--maig-color-muted=#565c65] - Secondary text color.
 * @cssprop [--maig-color-surface=#ffffff] - Background.
 * @cssprop [--maig-color-surface-alt=#f0f0f0] - Background of the figures.
 * @cssprop [--maig-color-accent=#005ea2] - Figures, links and the state's line.
 * @cssprop [--maig-color-chart-national=#8c3d00] - The US line on the chart (dark theme: `--maig-color-chart-national-dark`, #f2a36b).
 * @cssprop [--maig-color-border=#71767a] - Borders.
 * @cssprop [--maig-radius=0.375em] - Corner radius.
 * @cssprop [--maig-chart-height=16em] - Height of the chart.
 */
export class MaigCityStats extends MaigDataElement {
  /** This widget's Spanish strings: fetched only when it shows in Spanish. */
  static override spanish = () => import('./catalog-es.js');

  static override styles = [baseStyles, cityStatsStyles];

  /** USPS code of the state, DC or territory. */
  @property({ reflect: true }) state: string | null = null;

  /** Name of a member city in that state. */
  @property({ reflect: true }) city: string | null = null;

  /** Shows the US series on the chart. */
  @property({ type: Boolean, reflect: true, attribute: 'show-national' }) showNational = false;

  /** Level of the card's heading (2-6); the card's sections use the next level. */
  @property({ type: Number, reflect: true, attribute: 'heading-level' }) headingLevel = 2;

  @state() private showTable = false;

  protected override get loadingText(): string {
    return this.t('Loading the gun violence statistics…');
  }

  protected override get errorTitle(): string {
    return this.t('The gun violence statistics could not be shown.');
  }

  private readonly data = new Task(this, {
    task: async ([feedUrl, stateAttr, cityAttr, lang]: readonly [string, string | null, string | null, string]): Promise<Stats> => {
      const stateQuery = stateAttr?.trim() ?? '';
      const cityQuery = cityAttr?.trim() ?? '';
      const code = stateQuery.toUpperCase();
      const known = STATE_CODES.includes(code);
      const [national, stateFile, spanish] = await Promise.all([
        loadResource(feedUrl, 'statsNational', FEED_SHAPES),
        known ? loadResource(feedUrl, 'statsState', FEED_SHAPES, { state: code.toLowerCase() }) : Promise.resolve(undefined),
        // The Spanish of the feed's notes: only on a Spanish card; without it the notes show in English, marked so.
        lang === 'es' ? loadResource(feedUrl, 'statsSpanish', FEED_SHAPES).then((r) => r.data.text, () => undefined) : undefined,
      ]);
      const notices: Array<[string, Values]> = [];
      let city: StatsCity | undefined;
      if (stateQuery && !known) {
        notices.push(['"{query}" is not a US state or territory code (use one such as "MD"), so only national figures are shown.', { query: stateQuery }]);
      } else if (!stateQuery && cityQuery) {
        notices.push(['No state was given for "{city}" (add one such as state="MD"), so only national figures are shown.', { city: cityQuery }]);
      }
      if (stateFile && cityQuery) {
        city = findCity(stateFile.data, cityQuery);
        if (!city) {
          // Says what is shown: the state's figures only when there are some (the no-CDC note follows otherwise).
          notices.push([
            stateFile.data.cdc
              ? '"{city}" is not one of the member cities in {state}, so there are no figures for the city. The figures for {state} and the whole country are shown.'
              : '"{city}" is not one of the member cities in {state}, so there are no figures for the city.',
            { city: cityQuery, state: stateFile.data.state.name },
          ]);
        }
      }
      return { national, state: stateFile, stateQuery, cityQuery, city, notices, spanish };
    },
    args: () => [this.feedUrl, this.state, this.city, this.uiLang] as const,
  });

  private readonly chart = new ChartController(this, {
    stats: () => this.data.value,
    words: () => this.words(),
    key: (stats) => `${stats.national.url}|${stats.state?.url ?? ''}|${this.locale}|${this.uiLang}`,
  });

  /** The drawn chart as an image, taken when the page is printed (a canvas can print blank). */
  @state() private chartImage = '';

  /** Printing: the chart as an image (or its table when it was never drawn), the notes open. */
  @state() private printing = false;

  protected readonly printer = new PrintController(this, {
    before: () => {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('[part="chart"] canvas');
      this.chartImage = this.chart.status === 'ready' && canvas ? canvas.toDataURL('image/png') : '';
      this.printing = true;
    },
    after: () => (this.printing = false),
  });

  private get level(): number {
    return headingLevel(this.headingLevel, 2) ?? 2;
  }

  /** The card's words now (its language, the page's locale, its section heading level). */
  private words(): CardWords {
    return cardWords((s, v) => this.t(s, v), this.uiLang, this.locale, Math.min(6, this.level + 1));
  }

  private get trendView(): TrendView {
    return {
      showTable: this.showTable,
      showNational: this.showNational,
      chartStatus: this.chart.status,
      chartImage: this.chartImage,
      printing: this.printing,
      onNationalChange: (event: Event) => (this.showNational = (event.target as HTMLInputElement).checked),
      onToggleTable: () => (this.showTable = !this.showTable),
    };
  }

  private renderStats(stats: Stats): TemplateResult {
    const w = this.words();
    const stateName = stats.state?.data.state.name;
    const title = stats.city
      ? this.t('Gun violence in {city}, {state}', { city: stats.city.city, state: stateName ?? '' })
      : stateName && stats.state?.data.cdc
        ? this.t('Gun deaths in {state}', { state: stateName })
        : this.t('Gun deaths in the United States');
    return html`
      ${this.renderStale(stats.national)} ${stats.state ? this.renderStale(stats.state) : nothing}
      <div class="title" part="title" role="heading" aria-level=${this.level} id="card-title">${title}</div>
      ${stats.notices.map(([m, values]) => html`<p class="notice" part="notice" role="note" data-notice="query">${this.t(m, values)}</p>`)}
      ${stats.state && !stats.state.data.cdc
        ? html`<p class="notice" part="notice" role="note" data-notice="no-cdc">
            ${this.t('No CDC state figures for {state} in the sources we use.', { state: stats.state.data.state.name })}
            ${stats.state.data.cdcNote
              ? this.t("CDC/NCHS publishes no state firearm mortality figures for {state} in the source we use.", { state: stats.state.data.state.name })
              : ''}
            ${this.t('The national figures are shown.')}
          </p>`
        : nothing}
      ${renderLocal(w, stats)}
      ${stats.city ? html`<div class="subtitle" role="heading" aria-level=${w.subLevel}>
            ${stats.state?.data.cdc ? this.t('{state} and the United States', { state: stats.state.data.state.name }) : this.t('The United States')}
          </div>` : nothing}
      <ul class="figures" role="list">
        ${renderState(w, stats)} ${renderNational(w, stats)}
      </ul>
      ${renderTrend(w, stats, this.trendView)} ${renderCity(w, stats)} ${renderFooter(w, stats)}
      <div class="downloads" part="downloads">
        <button class="button button--secondary" part="download" type="button" data-download="csv" @click=${() => this.downloadFigures(stats)}>
          ${this.t('Download the figures (CSV)')}
        </button>
        ${this.chart.status === 'ready'
          ? html`<button class="button button--secondary" part="download" type="button" data-download="png" @click=${() => this.downloadChart(stats)}>
              ${this.t('Download the chart (PNG)')}
            </button>`
          : nothing}
      </div>
    `;
  }

  /** Saves the card's figures as CSV (the code is loaded on the first click). */
  private async downloadFigures(stats: Stats): Promise<void> {
    const { saveFigures } = await import('./download.js');
    saveFigures(this.words(), stats);
  }

  /** Saves the drawn chart as a PNG. */
  private async downloadChart(stats: Stats): Promise<void> {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('[part="chart"] canvas');
    if (!canvas) return;
    const { saveChart } = await import('./download.js');
    saveChart(this.words(), stats, canvas, getComputedStyle(this.renderRoot.querySelector('.root') ?? this).backgroundColor);
  }

  protected override render(): TemplateResult {
    // The skeleton has the card's layout (same grid, same boxes), so the page does not jump when the figures arrive.
    const box = html`<span class="skeleton skeleton--figure"></span>`;
    // A city card: local figures, then state and US, the trend, and the earlier figures.
    const city = !!this.city?.trim();
    const skeleton = html`<span class="skeleton skeleton--title"></span>
      ${city
        ? html`<span class="skeleton skeleton--subtitle"></span><span class="skeleton-grid">${box}${box}</span
            ><span class="skeleton skeleton--text"></span><span class="skeleton skeleton--subtitle"></span>`
        : nothing}
      <span class="skeleton-grid">${box}${box}${box}${box}</span>
      <span class="skeleton skeleton--subtitle"></span><span class="skeleton skeleton--text"></span
      ><span class="skeleton skeleton--control"></span>
      <span class="skeleton skeleton--chart"></span>
      ${city
        ? html`<span class="skeleton skeleton--subtitle"></span><span class="skeleton-grid">${box}${box}${box}</span
            ><span class="skeleton skeleton--text"></span>`
        : nothing}
      <span class="skeleton skeleton--control"></span><span class="skeleton skeleton--sources"></span>`;
    return html`<div class="root" part="base">${this.renderTask(this.data, (v) => this.renderStats(v), skeleton)}</div>`;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { MaigElement } from '../shared/base/maig-element.js';
import { baseStyles } from '../shared/styles/base.js';
import { loadResource, type LoadedResource } from '../shared/feed/client.js';
import type { NationalDeathsPoint, StatsCity, StatsNationalResource, StatsStateResource } from '../shared/feed/types.js';
import { formatDate, formatNumber } from '../shared/format/locale.js';
import { STATE_CODES, findCity, nationalFor, stateHeadline, sum, yearRange } from './data.js';
import { cityStatsStyles } from './maig-city-stats.styles.js';
import type { TrendChart, TrendOptions } from './chart-setup.js';

interface Stats {
  national: LoadedResource<StatsNationalResource>;
  state?: LoadedResource<StatsStateResource>;
  stateQuery: string;
  cityQuery: string;
  city?: StatsCity;
  notices: string[];
}

/** Detail of `maig-chart-ready`. */
export interface ChartReadyDetail {
  /** Labels of the chart's series, e.g. ["Maryland, rate per 100,000", "United States, deaths"]. */
  series: string[];
}

interface Source {
  name: string;
  url: string;
}

let chartModule: Promise<typeof import('./chart-setup.js')> | undefined;
/** The chart code (chart.js and its registration), fetched once per page, the first time a card's chart is visible. */
const loadChartModule = () => (chartModule ??= import('./chart-setup.js'));

/**
 * Gun-violence figures for a member city, its state and the nation, each with its year and
 * source: CDC/NCHS state firearm deaths and age-adjusted rate, US firearm deaths, and what
 * Gun Violence Archive recorded for the city. A trend chart (chart.js, loaded only when the
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
 * @attr heading-level - Level (2-5) of the card's heading; its sections use the next level. Default 2.
 * @attr feed - URL of the data feed (index.json or its folder).
 * @attr theme - `light` or `dark` to force a color scheme.
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
 * @csspart table - The data table shown by "Show as table".
 * @csspart toggle - The "Show as table" button.
 * @csspart notes - Caveats of the figures.
 * @csspart sources - The list of sources, as links.
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
export class MaigCityStats extends MaigElement {
  static override styles = [baseStyles, cityStatsStyles];

  /** USPS code of the state, DC or territory. */
  @property({ reflect: true }) state: string | null = null;

  /** Name of a member city in that state. */
  @property({ reflect: true }) city: string | null = null;

  /** Shows the US series on the chart. */
  @property({ type: Boolean, reflect: true, attribute: 'show-national' }) showNational = false;

  /** Level of the card's heading (2-5); the card's sections use the next level. */
  @property({ type: Number, reflect: true, attribute: 'heading-level' }) headingLevel = 2;

  @state() private showTable = false;
  @state() private chartStatus: 'waiting' | 'loading' | 'ready' | 'failed' = 'waiting';

  protected readonly what = 'the gun violence statistics';

  private chart?: TrendChart;
  private chartKey = '';
  private observer?: IntersectionObserver;

  private readonly data = new Task(this, {
    task: async ([feedUrl, stateAttr, cityAttr]: readonly [string, string | null, string | null]): Promise<Stats> => {
      const stateQuery = stateAttr?.trim() ?? '';
      const cityQuery = cityAttr?.trim() ?? '';
      const code = stateQuery.toUpperCase();
      const known = STATE_CODES.includes(code);
      const [national, stateFile] = await Promise.all([
        loadResource(feedUrl, 'statsNational'),
        known ? loadResource(feedUrl, 'statsState', { state: code.toLowerCase() }) : Promise.resolve(undefined),
      ]);
      const notices: string[] = [];
      let city: StatsCity | undefined;
      if (stateQuery && !known) {
        notices.push(`"${stateQuery}" is not a US state or territory code (use one such as "MD"), so only national figures are shown.`);
      } else if (!stateQuery && cityQuery) {
        notices.push(`No state was given for "${cityQuery}" (add one such as state="MD"), so only national figures are shown.`);
      }
      if (stateFile && cityQuery) {
        city = findCity(stateFile.data, cityQuery);
        if (!city) {
          notices.push(
            `"${cityQuery}" is not a member city in ${stateFile.data.state.name} in this feed, so there are no city-level figures for it. The state and national figures are shown.`,
          );
        }
      }
      return { national, state: stateFile, stateQuery, cityQuery, city, notices };
    },
    args: () => [this.feedUrl, this.state, this.city] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move: watch for the chart's box again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
    this.chart?.destroy();
    this.chart = undefined;
    this.chartKey = '';
    if (this.chartStatus !== 'failed') this.chartStatus = 'waiting';
  }

  private get level(): number {
    return Math.min(5, Math.max(2, Math.round(this.headingLevel) || 2));
  }

  private get subLevel(): number {
    return this.level + 1;
  }

  // ---- numbers -------------------------------------------------------------------------------

  private n(value: number): string {
    return formatNumber(value, this.locale);
  }

  private rate(value: number): string {
    return formatNumber(value, this.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  private signed(value: number): string {
    return formatNumber(value, this.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  }

  private years(first: number, last: number): string {
    return first === last ? `${first}` : `${first}–${last}`;
  }

  // ---- figures -------------------------------------------------------------------------------

  private figure(id: string, value: number, shown: string, label: string | TemplateResult, when: string, source: Source, extra?: string): TemplateResult {
    return html`<li class="figure" part="figure" data-figure=${id}>
      <data class="figure__value" value=${value}>${shown}</data>
      <span class="figure__label">${label}</span>
      <span class="figure__meta"
        ><span class="figure__year" data-year>${when}</span> · Source: <span data-source>${source.name}</span>${extra ? html` · ${extra}` : nothing}</span
      >
    </li>`;
  }

  private nationalSource(point: NationalDeathsPoint, national: StatsNationalResource): Source {
    return point.secondary
      ? { name: 'published reports citing CDC WONDER', url: national.deaths.secondaryUrl }
      : { name: 'CDC WISQARS', url: national.deaths.url };
  }

  private renderState(stats: Stats): TemplateResult | typeof nothing {
    const file = stats.state?.data;
    if (!file) return nothing;
    const cdcSource: Source | undefined = file.cdc ? { name: 'CDC/NCHS', url: file.cdc.url } : undefined;
    if (!file.cdc || !cdcSource) return nothing;
    const { latest, first } = stateHeadline(file.cdc);
    const name = file.state.name;
    return html`
      ${this.figure('state-deaths', latest.deaths, this.n(latest.deaths), `firearm deaths in ${name}`, `${latest.year}`, cdcSource)}
      ${latest.rate !== null
        ? this.figure('state-rate', latest.rate, this.rate(latest.rate), `firearm deaths per 100,000 residents in ${name} (age-adjusted)`, `${latest.year}`, cdcSource)
        : nothing}
      ${first && first.rate !== null && latest.rate !== null
        ? this.figure(
            'state-change',
            Math.round((latest.rate - first.rate) * 10) / 10,
            this.signed(latest.rate - first.rate),
            `change in ${name}'s rate per 100,000 since ${first.year} (${this.rate(first.rate)} in ${first.year}, ${this.rate(latest.rate)} in ${latest.year})`,
            this.years(first.year, latest.year),
            cdcSource,
          )
        : html`<li class="figure figure--note" part="figure" data-figure="state-change">
            <span class="figure__label">No change is shown: CDC figures for ${name} in this feed cover ${latest.year} only.</span>
          </li>`}
    `;
  }

  private renderNational(stats: Stats): TemplateResult | typeof nothing {
    const national = stats.national.data;
    const stateYear = stats.state?.data.cdc?.points.at(-1)?.year;
    const point = stateYear !== undefined ? nationalFor(national.deaths.points, stateYear) : national.deaths.points.at(-1);
    if (!point) return nothing;
    const source = this.nationalSource(point, national);
    return this.figure(
      'national-deaths',
      point.total,
      this.n(point.total),
      'firearm deaths in the United States',
      `${point.year}`,
      source,
      point.secondary ? 'secondary source' : undefined,
    );
  }

  private renderCity(stats: Stats): TemplateResult | typeof nothing {
    if (!stats.cityQuery || !stats.state) return nothing;
    const city = stats.city;
    if (!city) return nothing;
    const name = `${city.city}, ${stats.state.data.state.code}`;
    const { shootings, massShootings } = city;
    if (!shootings && !massShootings) {
      return html`<p class="notice" part="notice" role="note" data-notice="no-city">
        No city-level figures in this feed for ${name}: Gun Violence Archive has no record under this city's name.
      </p>`;
    }
    const gva: Source = { name: 'Gun Violence Archive', url: (shootings ?? massShootings)!.url };
    const span = shootings ? shootings.last - shootings.first + 1 : 0;
    return html`
      <div class="subtitle" role="heading" aria-level=${this.subLevel}>Recorded in ${name}</div>
      <ul class="figures" role="list">
        ${shootings
          ? html`${this.figure(
              'city-killed',
              sum(shootings.points, (p) => p.killed),
              this.n(sum(shootings.points, (p) => p.killed)),
              `people killed in shootings in ${city.city}, ${shootings.first} to ${shootings.last} (${span} years combined)`,
              this.years(shootings.first, shootings.last),
              gva,
            )}
            ${this.figure(
              'city-injured',
              sum(shootings.points, (p) => p.injured),
              this.n(sum(shootings.points, (p) => p.injured)),
              `people injured in shootings in ${city.city}, ${shootings.first} to ${shootings.last} (${span} years combined)`,
              this.years(shootings.first, shootings.last),
              gva,
            )}`
          : html`<li class="figure figure--note" part="figure" data-figure="city-killed">
              <span class="figure__label">No killed or injured figures for ${city.city} for the years this feed uses.</span>
            </li>`}
        ${massShootings
          ? this.figure(
              'city-mass',
              sum(massShootings.points, (p) => p.count),
              this.n(sum(massShootings.points, (p) => p.count)),
              html`mass shootings (4 or more people shot) in ${city.city}, ${massShootings.first} to
                ${formatDate(massShootings.through, this.locale)}: ${this.n(sum(massShootings.points, (p) => p.killed))} killed,
                ${this.n(sum(massShootings.points, (p) => p.injured))} injured`,
              `${massShootings.first}–${formatDate(massShootings.through, this.locale)}`,
              gva,
              `${massShootings.last} is a partial year`,
            )
          : nothing}
      </ul>
      <p class="caveat">
        Gun Violence Archive leaves out most suicides, so its city figures are not comparable with the CDC totals above. No
        per-capita city rate is given: this feed has no current city population.
      </p>
    `;
  }

  // ---- trend ---------------------------------------------------------------------------------

  /** The years, series and words of the trend chart and its table. */
  private trend(stats: Stats) {
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
      const gap = missing.length ? ` There are no figures for ${this.years(missing[0]!, missing.at(-1)!)}.` : '';
      return a === b
        ? `${name}'s age-adjusted firearm death rate was ${this.rate(a.rate!)} per 100,000 in ${a.year}; no other year is available.`
        : `${name}'s age-adjusted firearm death rate went from ${this.rate(a.rate!)} per 100,000 in ${a.year} to ${this.rate(b.rate!)} in ${b.year}; lowest ${this.rate(lo.rate!)} (${lo.year}), highest ${this.rate(hi.rate!)} (${hi.year}).${gap}`;
    };
    const na = nationalByYear.get(first);
    const nb = nationalByYear.get(last);
    const describeNational =
      na && nb ? `US firearm deaths: ${this.n(na.total)} in ${na.year}, ${this.n(nb.total)} in ${nb.year}.` : '';
    return {
      name,
      cdc,
      years,
      stateByYear,
      nationalByYear,
      title: cdc && name ? `Firearm death rate in ${name}, ${this.years(first, last)}` : `Firearm deaths in the United States, ${this.years(first, last)}`,
      summary: `${describeRate()} ${describeNational}`.trim(),
    };
  }

  private chartOptions(stats: Stats): TrendOptions {
    const t = this.trend(stats);
    const root = this.renderRoot.querySelector<HTMLElement>('.root');
    const style = root ? getComputedStyle(root) : undefined;
    const color = (name: string, fallback: string) => style?.getPropertyValue(name).trim() || fallback;
    const nationalValues = t.years.map((y) => t.nationalByYear.get(y)?.total ?? null);
    const series: TrendOptions['series'] = t.cdc
      ? [
          {
            label: `${t.name}, rate per 100,000`,
            values: t.years.map((y) => t.stateByYear.get(y)?.rate ?? null),
            axis: 'left',
            color: color('--_accent', '#005ea2'),
            format: (v) => this.rate(v),
          },
          {
            label: 'United States, deaths',
            values: nationalValues,
            axis: 'right',
            color: color('--_national', '#8c3d00'),
            dashed: true,
            hidden: !this.showNational,
            format: (v) => this.n(v),
          },
        ]
      : [{ label: 'United States, deaths', values: nationalValues, axis: 'left', color: color('--_national', '#8c3d00'), dashed: true, format: (v) => this.n(v) }];
    return {
      labels: t.years.map(String),
      series,
      leftTitle: t.cdc ? 'Deaths per 100,000 (age-adjusted)' : 'US firearm deaths',
      rightTitle: t.cdc ? 'US firearm deaths' : undefined,
      textColor: color('--_text', '#1b1b1b'),
      gridColor: color('--_grid', 'rgba(0,0,0,0.12)'),
      reducedMotion: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
      locale: this.locale,
    };
  }

  private renderTable(stats: Stats, t: ReturnType<MaigCityStats['trend']>): TemplateResult {
    const blank = html`<span aria-hidden="true">–</span><span class="visually-hidden">no figure</span>`;
    const anySecondary = t.years.some((y) => t.nationalByYear.get(y)?.secondary);
    return html`<table class="table" part="table">
        <caption>
          ${t.title}: every figure of the chart${t.cdc ? ' (source: CDC/NCHS; US deaths: CDC WISQARS' : ' (source: CDC WISQARS'}${anySecondary ? ', and where marked *, published reports citing CDC WONDER)' : ')'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            ${t.cdc
              ? html`<th scope="col">${t.name}: firearm deaths</th>
                  <th scope="col">${t.name}: rate per 100,000 (age-adjusted)</th>`
              : nothing}
            <th scope="col">United States: firearm deaths</th>
          </tr>
        </thead>
        <tbody>
          ${t.years.map((y) => {
            const s = t.stateByYear.get(y);
            const u = t.nationalByYear.get(y);
            return html`<tr>
              <th scope="row">${y}</th>
              ${t.cdc
                ? html`<td>${s ? this.n(s.deaths) : blank}</td>
                    <td>${s && s.rate !== null ? this.rate(s.rate) : blank}</td>`
                : nothing}
              <td>${u ? html`${this.n(u.total)}${u.secondary ? html`<span aria-hidden="true"> *</span><span class="visually-hidden"> (secondary source)</span>` : nothing}` : blank}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${anySecondary ? html`<p class="table__note">* Secondary source: published reports citing CDC WONDER.</p>` : nothing}
      ${this.renderCityTable(stats)}`;
  }

  private renderCityTable(stats: Stats): TemplateResult | typeof nothing {
    const city = stats.city;
    if (!city) return nothing;
    const s = city.shootings;
    const m = city.massShootings;
    const none = html`<span class="none">none recorded</span>`;
    return html`
      ${s
        ? html`<table class="table" part="table">
            <caption>
              ${city.city}: people killed and injured in shootings, by year (source: Gun Violence Archive)
            </caption>
            <thead>
              <tr><th scope="col">Year</th><th scope="col">Killed</th><th scope="col">Injured</th></tr>
            </thead>
            <tbody>
              ${yearRange(s.first, s.last).map((y) => {
                const p = s.points.find((q) => q.year === y);
                return html`<tr><th scope="row">${y}</th><td>${p ? this.n(p.killed) : none}</td><td>${p ? this.n(p.injured) : none}</td></tr>`;
              })}
            </tbody>
          </table>`
        : nothing}
      ${m && m.points.length
        ? html`<table class="table" part="table">
            <caption>
              ${city.city}: mass shootings by year (source: Gun Violence Archive; ${m.last} through ${formatDate(m.through, this.locale)})
            </caption>
            <thead>
              <tr><th scope="col">Year</th><th scope="col">Mass shootings</th><th scope="col">Killed</th><th scope="col">Injured</th></tr>
            </thead>
            <tbody>
              ${yearRange(m.first, m.last).map((y) => {
                const p = m.points.find((q) => q.year === y);
                return html`<tr>
                  <th scope="row">${y}</th><td>${p ? this.n(p.count) : none}</td><td>${p ? this.n(p.killed) : none}</td><td>${p ? this.n(p.injured) : none}</td>
                </tr>`;
              })}
            </tbody>
          </table>`
        : nothing}
    `;
  }

  private renderTrend(stats: Stats): TemplateResult {
    const t = this.trend(stats);
    const status =
      this.chartStatus === 'failed'
        ? 'The chart could not be loaded; the table below has every figure.'
        : this.chartStatus === 'ready'
          ? ''
          : 'The chart is drawn when it scrolls into view.';
    return html`<section class="trend" part="trend" aria-labelledby="trend-title">
      <div class="subtitle" role="heading" aria-level=${this.subLevel} id="trend-title">${t.title}</div>
      <p class="trend__summary" id="trend-summary">${t.summary}</p>
      <div class="trend__controls">
        ${t.cdc
          ? html`<label class="check"
              ><input type="checkbox" .checked=${this.showNational} @change=${this.onNationalChange} ?disabled=${this.showTable} />
              Show US firearm deaths (right axis)</label
            >`
          : nothing}
        <button class="button button--secondary toggle" part="toggle" type="button" aria-expanded=${this.showTable ? 'true' : 'false'} aria-controls="trend-table" @click=${this.onToggleTable}>
          ${this.showTable ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      <p class="legend ${this.showTable ? 'is-hidden' : ''}" aria-hidden="true">
        ${t.cdc
          ? html`<span class="key key--state"></span>${t.name}, rate per 100,000 (left axis)${this.showNational
                ? html` <span class="key key--national"></span>US firearm deaths (right axis)`
                : nothing}`
          : html`<span class="key key--national"></span>US firearm deaths`}
      </p>
      <div class="trend__chart ${this.showTable ? 'is-hidden' : ''}" part="chart" data-chart=${this.chartStatus}>
        <canvas role="img" aria-label=${`Line chart. ${t.title}.`} aria-describedby="trend-summary"></canvas>
        ${status ? html`<p class="trend__status">${status}</p>` : nothing}
      </div>
      <div class="trend__table" id="trend-table" ?hidden=${!this.showTable && this.chartStatus !== 'failed'}>${this.showTable || this.chartStatus === 'failed' ? this.renderTable(stats, t) : nothing}</div>
    </section>`;
  }

  private onNationalChange(event: Event): void {
    this.showNational = (event.target as HTMLInputElement).checked;
  }

  private onToggleTable(): void {
    this.showTable = !this.showTable;
  }

  // ---- notes and sources ----------------------------------------------------------------------

  private renderFooter(stats: Stats): TemplateResult {
    const national = stats.national.data.deaths;
    const file = stats.state?.data;
    const sources = new Map<string, string>();
    const notes = new Set<string>();
    if (file?.cdc) {
      sources.set(file.cdc.url, file.cdc.source);
      file.cdc.notes.forEach((n) => notes.add(n));
    }
    sources.set(national.url, 'CDC WISQARS Fatal Injury Reports (US firearm deaths, 1981–2019)');
    if (national.points.some((p) => p.secondary)) sources.set(national.secondaryUrl, 'CDC WONDER (cited by the published reports used for US totals from 2020)');
    national.notes.forEach((n) => notes.add(n));
    for (const series of [stats.city?.shootings, stats.city?.massShootings]) {
      if (!series) continue;
      sources.set(series.url, series.source);
      series.notes.forEach((n) => notes.add(n));
    }
    return html`<details class="notes" part="notes">
        <summary>About these figures</summary>
        <ul>
          ${[...notes].map((n) => html`<li>${n}</li>`)}
        </ul>
      </details>
      <div class="sources" part="sources">
        <div class="sources__title" role="heading" aria-level=${this.subLevel}>Sources</div>
        <ul>
          ${[...sources].map(([url, name]) => html`<li><a href=${url} rel="noopener" target="_blank">${name}<span class="visually-hidden"> (opens in a new tab)</span></a></li>`)}
        </ul>
      </div>`;
  }

  private renderStats(stats: Stats): TemplateResult {
    const stateName = stats.state?.data.state.name;
    const title = stats.city
      ? `Gun violence in ${stats.city.city}, ${stateName}`
      : stateName
        ? `Gun deaths in ${stateName}`
        : 'Gun deaths in the United States';
    return html`
      ${this.renderStale(stats.national)} ${stats.state ? this.renderStale(stats.state) : nothing}
      <div class="title" part="title" role="heading" aria-level=${this.level}>${title}</div>
      ${stats.notices.map((m) => html`<p class="notice" part="notice" role="note" data-notice="query">${m}</p>`)}
      ${stats.state && !stats.state.data.cdc
        ? html`<p class="notice" part="notice" role="note" data-notice="no-cdc">
            No CDC state figures for ${stats.state.data.state.name} in this feed. ${stats.state.data.cdcNote ?? ''} The national figures are
            shown.
          </p>`
        : nothing}
      <ul class="figures" role="list">
        ${this.renderState(stats)} ${this.renderNational(stats)}
      </ul>
      ${this.renderCity(stats)} ${this.renderTrend(stats)} ${this.renderFooter(stats)}
    `;
  }

  protected override render(): TemplateResult {
    // The skeleton has the card's layout (same grid, same boxes), so the page does not jump when the figures arrive.
    const box = html`<span class="skeleton skeleton--figure"></span>`;
    const skeleton = html`<span class="skeleton skeleton--title"></span>
      <span class="skeleton-grid">${box}${box}${box}${box}</span>
      ${this.city?.trim()
        ? html`<span class="skeleton skeleton--subtitle"></span><span class="skeleton-grid">${box}${box}${box}</span
            ><span class="skeleton skeleton--text"></span>`
        : nothing}
      <span class="skeleton skeleton--subtitle"></span><span class="skeleton skeleton--text"></span
      ><span class="skeleton skeleton--control"></span>
      <span class="skeleton skeleton--chart"></span>
      <span class="skeleton skeleton--control"></span><span class="skeleton skeleton--sources"></span>`;
    return html`<div class="root" part="base">${this.renderTask(this.data, (v) => this.renderStats(v), skeleton)}</div>`;
  }

  // ---- chart lifecycle -------------------------------------------------------------------------

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const stats = this.data.value;
    const box = this.renderRoot.querySelector<HTMLElement>('.trend__chart');
    const canvas = box?.querySelector('canvas');
    if (!stats || !box || !canvas || !this.isConnected) return;
    const key = `${stats.national.url}|${stats.state?.url ?? ''}|${this.locale}`;
    if (this.chart && (this.chart.canvas !== canvas || this.chartKey !== key)) {
      this.chart.destroy();
      this.chart = undefined;
    }
    if (this.chart) {
      const national = this.chart.data.datasets[1];
      if (national && national.hidden !== !this.showNational) {
        national.hidden = !this.showNational;
        this.chart.update();
      }
      return;
    }
    // Only one chart at a time: none while the chart code is loading, or after it failed.
    if (this.chartStatus !== 'waiting' || this.observer) return;
    const draw = () => void this.drawChart(stats, canvas, key);
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

  private async drawChart(stats: Stats, canvas: HTMLCanvasElement, key: string): Promise<void> {
    this.chartStatus = 'loading';
    try {
      const { createTrendChart } = await loadChartModule();
      // The card may have left the page, or its data changed, while the chart code loaded.
      if (!this.isConnected || !canvas.isConnected || this.chart || this.data.value !== stats) {
        this.chartStatus = this.chart ? 'ready' : 'waiting';
        return;
      }
      this.chart = createTrendChart(canvas, this.chartOptions(stats));
      this.chartKey = key;
      this.chartStatus = 'ready';
      this.dispatchEvent(
        new CustomEvent<ChartReadyDetail>('maig-chart-ready', {
          detail: { series: this.chart.data.datasets.map((d) => String(d.label)) },
          bubbles: true,
          composed: true,
        }),
      );
    } catch {
      chartModule = undefined;
      this.chartStatus = 'failed';
    }
  }
}

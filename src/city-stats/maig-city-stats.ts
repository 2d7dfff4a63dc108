import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { MaigElement } from '../shared/base/maig-element.js';
import { baseStyles } from '../shared/styles/base.js';
import { loadResource, type LoadedResource } from '../shared/feed/client.js';
import { FEED_SHAPES } from './feed-shapes.generated.js';
import type { LocalCount, LocalFigures, NationalDeathsPoint, StatsCity, StatsNationalResource, StatsStateResource } from '../shared/feed/types.js';
import { formatDate, formatNumber } from '../shared/format/locale.js';
import { STATE_CODES, at, exact, findCity, nationalFor, stateHeadline, sum, yearRange } from './data.js';
import { cityStatsStyles } from './maig-city-stats.styles.js';
import type { TrendChart, TrendOptions } from './chart-setup.js';
import { safeHref } from '../shared/text/safe-url.js';

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
 * @csspart table - A data table shown by "Show as table" (each in a focusable scroll box named by its caption).
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
        loadResource(feedUrl, 'statsNational', FEED_SHAPES),
        known ? loadResource(feedUrl, 'statsState', FEED_SHAPES, { state: code.toLowerCase() }) : Promise.resolve(undefined),
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
      ? { name: 'published reports citing CDC WONDER', url: national.deaths.secondaryUrl ?? national.deaths.url }
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
    const point = (stateYear !== undefined ? nationalFor(national.deaths.points, stateYear) : undefined) ?? national.deaths.points.at(-1);
    if (!point) return nothing;
    const source = this.nationalSource(point, national);
    const parts: Array<[number | null, string]> = [
      [point.homicide, 'homicides'],
      [point.suicide, 'suicides'],
      [point.unintentional, 'unintentional'],
      [point.legalIntervention, 'legal intervention'],
      [point.undetermined, 'undetermined intent'],
    ];
    const known = parts.filter((p): p is [number, string] => p[0] !== null);
    return this.figure(
      'national-deaths',
      point.total,
      this.n(point.total),
      html`firearm deaths in the United States${known.length
        ? html`<span class="figure__parts" data-intents>: ${known.map(([v, what], i) => html`${i ? ', ' : ''}${this.n(v)} ${what}`)}</span>`
        : nothing}`,
      `${point.year}`,
      source,
      point.secondary ? 'secondary source' : undefined,
    );
  }

  // ---- local CDC figures -----------------------------------------------------------------------

  /** A local count as read: a number, "fewer than 10" (suppressed 1-9), "10 to 50", or "no figure". */
  private count(c: LocalCount): string {
    if (typeof c === 'number') return this.n(c);
    if (!c) return 'no figure';
    return c[0] <= 1 ? `fewer than ${this.n(c[1] + 1)}` : `${this.n(c[0])} to ${this.n(c[1])}`;
  }

  /** Where the local figure is from, as the card says it: "Baltimore" (its own) or "Cook County, where Chicago is". */
  private area(city: StatsCity, local: LocalFigures): string {
    return local.kind === 'city-county' ? city.city : `${local.name}, where ${city.city} is`;
  }

  private localFigure(id: string, what: string, city: StatsCity, local: LocalFigures, series: LocalCount[], info: StatsStateResource['cdcCounty']): TemplateResult {
    const latest = at(series, info.first, info.last);
    const first = at(series, info.first, info.first);
    const a = exact(first);
    const b = exact(latest);
    const whose = local.kind === 'city-county' ? `${city.city}'s own figure` : `the county's figure, not the city's`;
    const change =
      a !== undefined && b !== undefined
        ? `${b - a === 0 ? 'no change' : formatNumber(b - a, this.locale, { signDisplay: 'exceptZero' })} since ${info.first} (${this.n(a)} in ${info.first})`
        : `no change is given since ${info.first} (${this.count(first)} in ${info.first}): CDC withholds counts from 1 to 9`;
    return html`<li class="figure" part="figure" data-figure=${id} data-kind=${local.kind}>
      ${b !== undefined
        ? html`<data class="figure__value" value=${b}>${this.n(b)}</data>`
        : html`<span class="figure__value figure__value--range" data-range=${Array.isArray(latest) ? latest.join('-') : ''}>${this.count(latest)}</span>`}
      <span class="figure__label">firearm ${what} in ${this.area(city, local)} <span class="figure__whose" data-whose>(${whose})</span></span>
      <span class="figure__change" data-change>${change}</span>
      <span class="figure__meta"><span class="figure__year" data-year>${info.last}</span> · Source: <span data-source>CDC (county figures)</span></span>
    </li>`;
  }

  private renderLocal(stats: Stats): TemplateResult | typeof nothing {
    const file = stats.state?.data;
    const city = stats.city;
    if (!file || !city) return nothing;
    const local = city.local;
    if (!local) {
      return html`<p class="notice" part="notice" role="note" data-notice="no-local">
        ${file.state.territory
          ? `CDC's county figures have no rows for ${file.state.name} or any other territory, so there is no local CDC figure for ${city.city}.`
          : `CDC's county figures have no area for ${city.city}, so there is no local CDC figure for it.`}
        The figures that exist are shown below.
      </p>`;
    }
    const info = file.cdcCounty;
    return html`<div class="subtitle" role="heading" aria-level=${this.subLevel}>
        ${local.kind === 'city-county' ? `Firearm deaths in ${city.city}, ${info.last}` : `Firearm deaths in ${local.name}, where ${city.city} is, ${info.last}`}
      </div>
      <ul class="figures" role="list">
        ${this.localFigure('local-homicide', 'homicides', city, local, local.homicide, info)}
        ${this.localFigure('local-suicide', 'suicides', city, local, local.suicide, info)}
      </ul>
      <p class="caveat" data-local-note>
        ${local.kind === 'city-county' && local.fips.length > 1
          ? `${city.city} is made up of ${local.fips.length} whole counties (${local.name}), so these are the city's own figures: their sum, given as a range where one county's count is withheld.`
          : local.kind === 'city-county'
          ? `${city.city} is its own county-level area, so these are the city's own figures.`
          : `CDC publishes these figures by county, not by city: they are ${local.name}'s, which includes more than ${city.city}.`}
        CDC does not publish counts from 1 to 9 (shown as "fewer than 10").
      </p>`;
  }

  private renderCity(stats: Stats): TemplateResult | typeof nothing {
    if (!stats.cityQuery || !stats.state) return nothing;
    const city = stats.city;
    if (!city) return nothing;
    const file = stats.state.data;
    const name = `${city.city}, ${file.state.code}`;
    const { shootings, massShootings } = city;
    const heading = html`<div class="subtitle" role="heading" aria-level=${this.subLevel}>Earlier figures: recorded in ${name}</div>`;
    if (!shootings && !massShootings) {
      return html`${heading}<p class="notice" part="notice" role="note" data-notice="no-city">
          No Gun Violence Archive figures in this feed for ${name}: it has no record under this city's name.
        </p>`;
    }
    const s = file.gvaCity;
    const m = file.gvaMassShootings;
    const gva: Source = { name: 'Gun Violence Archive', url: s.url };
    const span = s.last - s.first + 1;
    const killed = shootings ? sum(shootings, (p) => p.killed) : 0;
    const injured = shootings ? sum(shootings, (p) => p.injured) : 0;
    const through = formatDate(m.through, this.locale);
    return html`
      ${heading}
      <ul class="figures" role="list">
        ${shootings
          ? html`${this.figure(
              'city-killed',
              killed,
              this.n(killed),
              `people killed in shootings in ${city.city}, ${s.first} to ${s.last} (${span} years combined)`,
              this.years(s.first, s.last),
              gva,
            )}
            ${this.figure(
              'city-injured',
              injured,
              this.n(injured),
              `people injured in shootings in ${city.city}, ${s.first} to ${s.last} (${span} years combined)`,
              this.years(s.first, s.last),
              gva,
            )}`
          : html`<li class="figure figure--note" part="figure" data-figure="city-killed">
              <span class="figure__label">No killed or injured figures for ${city.city} for the years this feed uses.</span>
            </li>`}
        ${massShootings
          ? this.figure(
              'city-mass',
              sum(massShootings, (p) => p.count),
              this.n(sum(massShootings, (p) => p.count)),
              html`mass shootings (4 or more people shot) in ${city.city}, ${m.first} to ${through}:
                ${this.n(sum(massShootings, (p) => p.killed))} killed, ${this.n(sum(massShootings, (p) => p.injured))} injured`,
              `${m.first}–${through}`,
              { name: 'Gun Violence Archive', url: m.url },
              `${m.last} is a partial year, to ${through}`,
            )
          : nothing}
      </ul>
      <p class="caveat">
        Gun Violence Archive leaves out most suicides, so its city figures are not comparable with the CDC figures above. Its killed and injured
        figures by city stop in ${s.last}. No per-capita city rate is given: this feed has no current city population.
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
    // In forced colours (Windows High Contrast) the page's background is the system's, whatever
    // the card's palette: draw text, grid and lines in the system text color (the card's
    // computed color, which the browser forces), or the axis text of a dark palette vanishes.
    const forced = typeof matchMedia === 'function' && matchMedia('(forced-colors: active)').matches;
    const color = (name: string, fallback: string) => (forced && style?.color) || style?.getPropertyValue(name).trim() || fallback;
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

  /**
   * A table in its own scroll box: at 320 px a wide table scrolls inside the box, which can be
   * focused (and so scrolled with the keyboard) and is named by the card's title and the
   * table's caption. The caption is a paragraph above the box, so it wraps to the card's width
   * instead of being clipped with the table.
   */
  private scrollTable(id: string, caption: string | TemplateResult, head: TemplateResult, body: TemplateResult | TemplateResult[]): TemplateResult {
    return html`<p class="table__caption" id=${`${id}-caption`}>${caption}</p>
      <div class="table__scroll" role="region" tabindex="0" aria-labelledby=${`card-title ${id}-caption`} data-table=${id}>
        <table class="table" part="table" aria-labelledby=${`${id}-caption`}>
          <thead>${head}</thead>
          <tbody>${body}</tbody>
        </table>
      </div>`;
  }

  private renderTable(stats: Stats, t: ReturnType<MaigCityStats['trend']>): TemplateResult {
    const blank = html`<span aria-hidden="true">–</span><span class="visually-hidden">no figure</span>`;
    const anySecondary = t.years.some((y) => t.nationalByYear.get(y)?.secondary);
    return html`${this.renderLocalTable(stats)}
      ${this.scrollTable(
        'trend-table-state',
        `${t.title}: every figure of the chart${t.cdc ? ' (source: CDC/NCHS; US deaths: CDC WISQARS' : ' (source: CDC WISQARS'}${anySecondary ? ', and where marked *, published reports citing CDC WONDER)' : ')'}`,
        html`<tr>
          <th scope="col">Year</th>
          ${t.cdc
            ? html`<th scope="col">${t.name}: firearm deaths</th>
                <th scope="col">${t.name}: rate per 100,000 (age-adjusted)</th>`
            : nothing}
          <th scope="col">United States: firearm deaths</th>
        </tr>`,
        t.years.map((y) => {
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
        }),
      )}
      ${anySecondary ? html`<p class="table__note">* Secondary source: published reports citing CDC WONDER.</p>` : nothing}
      ${this.renderCityTable(stats)}`;
  }

  /** The local CDC series by year (final years only). */
  private renderLocalTable(stats: Stats): TemplateResult | typeof nothing {
    const city = stats.city;
    const local = city?.local;
    const info = stats.state?.data.cdcCounty;
    if (!city || !local || !info) return nothing;
    return this.scrollTable(
      'trend-table-local',
      `${local.kind === 'city-county' ? city.city : local.name}: firearm homicides and suicides by year, ${info.first}–${info.last} (source: CDC county figures; "fewer than 10": CDC does not publish counts from 1 to 9)`,
      html`<tr><th scope="col">Year</th><th scope="col">Firearm homicides</th><th scope="col">Firearm suicides</th></tr>`,
      yearRange(info.first, info.last).map(
        (y) => html`<tr>
          <th scope="row">${y}</th>
          <td>${this.count(at(local.homicide, info.first, y))}</td>
          <td>${this.count(at(local.suicide, info.first, y))}</td>
        </tr>`,
      ),
    );
  }

  private renderCityTable(stats: Stats): TemplateResult | typeof nothing {
    const city = stats.city;
    const file = stats.state?.data;
    if (!city || !file) return nothing;
    const s = city.shootings;
    const m = city.massShootings;
    const info = file.gvaCity;
    const mi = file.gvaMassShootings;
    const none = html`<span class="none">none recorded</span>`;
    return html`
      ${s
        ? this.scrollTable(
            'trend-table-gva',
            `${city.city}: people killed and injured in shootings, by year (source: Gun Violence Archive)`,
            html`<tr><th scope="col">Year</th><th scope="col">Killed</th><th scope="col">Injured</th></tr>`,
            yearRange(info.first, info.last).map((y) => {
              const p = s.find((q) => q.year === y);
              return html`<tr><th scope="row">${y}</th><td>${p ? this.n(p.killed) : none}</td><td>${p ? this.n(p.injured) : none}</td></tr>`;
            }),
          )
        : nothing}
      ${m && m.length
        ? this.scrollTable(
            'trend-table-mass',
            `${city.city}: mass shootings by year (source: Gun Violence Archive; ${mi.last} through ${formatDate(mi.through, this.locale)})`,
            html`<tr><th scope="col">Year</th><th scope="col">Mass shootings</th><th scope="col">Killed</th><th scope="col">Injured</th></tr>`,
            yearRange(mi.first, mi.last).map((y) => {
              const p = m.find((q) => q.year === y);
              return html`<tr>
                <th scope="row">${y}</th><td>${p ? this.n(p.count) : none}</td><td>${p ? this.n(p.killed) : none}</td><td>${p ? this.n(p.injured) : none}</td>
              </tr>`;
            }),
          )
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
    // Named by the card's title and its own: two cards on a page make two distinct regions.
    return html`<section class="trend" part="trend" aria-labelledby="card-title trend-title">
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
        <p class="trend__status" role="status" data-status=${this.chartStatus}>${status}</p>
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
    const city = stats.city;
    const sources = new Map<string, string>();
    const notes = new Set<string>();
    if (city && file) {
      const info = file.cdcCounty;
      sources.set(info.url, `${info.source} (firearm homicides and suicides by county, ${info.first}–${info.last}; updated ${formatDate(info.updated, this.locale)})`);
      notes.add(
        `Local figures: CDC publishes firearm homicides and suicides by county, not by city. Where the city is its own county (an independent city or a consolidated city-county such as Baltimore, Philadelphia or Denver), the figure is the city's own; elsewhere it is the figure of the county the city lies in, and the card names that county.`,
      );
      notes.add('CDC does not publish a county count from 1 to 9, to protect privacy: the card says "fewer than 10", never 0. Where a count is withheld, no change since the first year is given.');
      notes.add(
        `Only final figures (${info.first}–${info.last}) are shown. CDC's ${info.last + 1} county figures are provisional and visibly incomplete in places, so they are left out until they are final.`,
      );
      if (city.local?.note) notes.add(city.local.note);
      if (!city.local && file.state.territory) notes.add(`CDC's county figures have no rows for Puerto Rico, the Northern Mariana Islands or the other territories.`);
    }
    if (file?.cdc) {
      sources.set(file.cdc.url, file.cdc.source);
      file.cdc.notes.forEach((n) => notes.add(n));
    }
    const years = `${national.first}–${national.last}`;
    sources.set(national.url, `${national.source} (US firearm deaths by intent, ${years})`);
    if (national.secondaryUrl && national.points.some((p) => p.secondary)) sources.set(national.secondaryUrl, 'CDC WONDER (cited by published reports)');
    national.notes.forEach((n) => notes.add(n));
    if (city && file && (city.shootings || city.massShootings)) {
      for (const info of [city.shootings ? file.gvaCity : undefined, city.massShootings ? file.gvaMassShootings : undefined]) {
        if (!info) continue;
        sources.set(info.url, info.source);
        info.notes.forEach((n) => notes.add(n));
      }
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
          ${[...sources].map(([url, name]) => {
            // Only http(s) and relative URLs become links; a javascript:/data: source stays text.
            const href = safeHref(url);
            return href
              ? html`<li><a href=${href} rel="noopener" target="_blank">${name}<span class="visually-hidden"> (opens in a new tab)</span></a></li>`
              : html`<li>${name}</li>`;
          })}
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
      <div class="title" part="title" role="heading" aria-level=${this.level} id="card-title">${title}</div>
      ${stats.notices.map((m) => html`<p class="notice" part="notice" role="note" data-notice="query">${m}</p>`)}
      ${stats.state && !stats.state.data.cdc
        ? html`<p class="notice" part="notice" role="note" data-notice="no-cdc">
            No CDC state figures for ${stats.state.data.state.name} in this feed. ${stats.state.data.cdcNote ?? ''} The national figures are
            shown.
          </p>`
        : nothing}
      ${this.renderLocal(stats)}
      ${stats.city ? html`<div class="subtitle" role="heading" aria-level=${this.subLevel}>${stats.state?.data.cdc ? `${stats.state.data.state.name} and the United States` : 'The United States'}</div>` : nothing}
      <ul class="figures" role="list">
        ${this.renderState(stats)} ${this.renderNational(stats)}
      </ul>
      ${this.renderTrend(stats)} ${this.renderCity(stats)} ${this.renderFooter(stats)}
    `;
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

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { MaigDataElement } from '../shared/base/maig-data-element.js';
import { baseStyles } from '../shared/styles/base.js';
import { loadResource, type LoadedResource } from '../shared/feed/client.js';
import { FEED_SHAPES } from './feed-shapes.generated.js';
import type { LocalCount, LocalFigures, NationalDeathsPoint, StatsCity, StatsSeriesInfo, StatsNationalResource, StatsStateResource } from '../shared/feed/types.js';
import { formatDate, formatNumber } from '../shared/format/locale.js';
import { STATE_CODES, at, exact, findCity, nationalFor, stateHeadline, sum, yearRange } from './data.js';
import { cityStatsStyles } from './maig-city-stats.styles.js';
import type { TrendChart, TrendOptions } from './chart-setup.js';
import { safeHref } from '../shared/text/safe-url.js';
import type { Values } from '../shared/i18n/i18n.js';

interface Stats {
  national: LoadedResource<StatsNationalResource>;
  state?: LoadedResource<StatsStateResource>;
  stateQuery: string;
  cityQuery: string;
  city?: StatsCity;
  /** Notices as English text and values, translated when rendered (the language may change). */
  notices: Array<[string, Values]>;
  /** Spanish cards: English note or source name → Spanish (stats/es.json), when it could be read. */
  spanish?: Readonly<Record<string, string>>;
}

/** Detail of `maig-chart-ready`. */
export interface ChartReadyDetail {
  /** Labels of the chart's series, e.g. ["Maryland, rate per 100,000", "United States, deaths"]. */
  series: string[];
}

interface Source {
  name: string;
  url: string;
  /** `en` for a source name kept in English (a publication's title) on a Spanish card. */
  lang?: string;
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

  /** Level of the card's heading (2-5); the card's sections use the next level. */
  @property({ type: Number, reflect: true, attribute: 'heading-level' }) headingLevel = 2;

  @state() private showTable = false;
  @state() private chartStatus: 'waiting' | 'loading' | 'ready' | 'failed' = 'waiting';

  protected override get loadingText(): string {
    return this.t('Loading the gun violence statistics…');
  }

  protected override get errorTitle(): string {
    return this.t('The gun violence statistics could not be shown.');
  }

  private chart?: TrendChart;
  private chartKey = '';
  private observer?: IntersectionObserver;

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
          notices.push([
            '"{city}" is not a member city in {state} in this feed, so there are no city-level figures for it. The state and national figures are shown.',
            { city: cityQuery, state: stateFile.data.state.name },
          ]);
        }
      }
      return { national, state: stateFile, stateQuery, cityQuery, city, notices, spanish };
    },
    args: () => [this.feedUrl, this.state, this.city, this.uiLang] as const,
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
      ${this.meta(when, source, extra)}
    </li>`;
  }

  /** A figure's year and source line: "2023 · Source: CDC WISQARS", then `extra` if any. */
  private meta(when: string | number, source: Pick<Source, 'name' | 'lang'>, extra?: string): TemplateResult {
    return html`<span class="figure__meta"
      ><span class="figure__year" data-year>${when}</span> · ${this.t('Source:')} <span data-source lang=${source.lang ?? nothing}>${source.name}</span>${extra ? html` · ${extra}` : nothing}</span
    >`;
  }

  private nationalSource(point: NationalDeathsPoint, national: StatsNationalResource): Source {
    return point.secondary
      ? { name: this.t('published reports citing CDC WONDER'), url: national.deaths.secondaryUrl ?? national.deaths.url }
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
      ${this.figure('state-deaths', latest.deaths, this.n(latest.deaths), this.t('firearm deaths in {state}', { state: name }), `${latest.year}`, cdcSource)}
      ${latest.rate !== null
        ? this.figure('state-rate', latest.rate, this.rate(latest.rate), this.t('firearm deaths per 100,000 residents in {state} (age-adjusted)', { state: name }), `${latest.year}`, cdcSource)
        : nothing}
      ${first && first.rate !== null && latest.rate !== null
        ? this.figure(
            'state-change',
            Math.round((latest.rate - first.rate) * 10) / 10,
            this.signed(latest.rate - first.rate),
            this.t("change in {state}'s rate per 100,000 since {first} ({a} in {first}, {b} in {last})", {
              state: name,
              first: first.year,
              last: latest.year,
              a: this.rate(first.rate),
              b: this.rate(latest.rate),
            }),
            this.years(first.year, latest.year),
            cdcSource,
          )
        : html`<li class="figure figure--note" part="figure" data-figure="state-change">
            <span class="figure__label">${this.t('No change is shown: CDC figures for {state} in this feed cover {year} only.', { state: name, year: latest.year })}</span>
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
      [point.homicide, '{count} homicides'],
      [point.suicide, '{count} suicides'],
      [point.unintentional, '{count} unintentional'],
      [point.legalIntervention, '{count} legal intervention'],
      [point.undetermined, '{count} undetermined intent'],
    ];
    const known = parts.filter((p): p is [number, string] => p[0] !== null);
    return this.figure(
      'national-deaths',
      point.total,
      this.n(point.total),
      html`${this.t('firearm deaths in the United States')}${known.length
        ? html`<span class="figure__parts" data-intents>: ${known.map(([v, what], i) => html`${i ? ', ' : ''}${this.t(what, { count: this.n(v) })}`)}</span>`
        : nothing}`,
      `${point.year}`,
      source,
      point.secondary ? this.t('secondary source') : undefined,
    );
  }

  // ---- local CDC figures -----------------------------------------------------------------------

  /** A local count as read: a number, "fewer than 10" (suppressed 1-9), "10 to 50", or "no figure". */
  private count(c: LocalCount): string {
    if (typeof c === 'number') return this.n(c);
    if (!c) return this.t('no figure');
    return c[0] <= 1 ? this.t('fewer than {count}', { count: this.n(c[1] + 1) }) : this.t('{low} to {high}', { low: this.n(c[0]), high: this.n(c[1]) });
  }

  /** Where the local figure is from, as the card says it: "Baltimore" (its own) or "Cook County, where Chicago is". */
  private area(city: StatsCity, local: LocalFigures): string {
    return local.kind === 'city-county' ? city.city : this.t('{county}, where {city} is', { county: local.name, city: city.city });
  }

  private localFigure(id: string, what: 'homicides' | 'suicides', city: StatsCity, local: LocalFigures, series: LocalCount[], info: StatsStateResource['cdcCounty']): TemplateResult {
    const latest = at(series, info.first, info.last);
    const first = at(series, info.first, info.first);
    const a = exact(first);
    const b = exact(latest);
    const whose = local.kind === 'city-county' ? this.t("{city}'s own figure", { city: city.city }) : this.t("the county's figure, not the city's");
    const change =
      a !== undefined && b !== undefined
        ? b - a === 0
          ? this.t('no change since {first} ({count} in {first})', { first: info.first, count: this.n(a) })
          : this.t('{change} since {first} ({count} in {first})', {
              change: formatNumber(b - a, this.locale, { signDisplay: 'exceptZero' }),
              first: info.first,
              count: this.n(a),
            })
        : this.t('no change is given since {first} ({count} in {first}): CDC withholds counts from 1 to 9', { first: info.first, count: this.count(first) });
    const area = this.area(city, local);
    return html`<li class="figure" part="figure" data-figure=${id} data-kind=${local.kind}>
      ${b !== undefined
        ? html`<data class="figure__value" value=${b}>${this.n(b)}</data>`
        : html`<span class="figure__value figure__value--range" data-range=${Array.isArray(latest) ? latest.join('-') : ''}>${this.count(latest)}</span>`}
      <span class="figure__label"
        >${what === 'homicides' ? this.t('firearm homicides in {area}', { area }) : this.t('firearm suicides in {area}', { area })}
        <span class="figure__whose" data-whose>(${whose})</span></span
      >
      <span class="figure__change" data-change>${change}</span>
      ${this.meta(info.last, { name: this.t('CDC (county figures)') })}
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
          ? this.t("CDC's county figures have no rows for {state} or any other territory, so there is no local CDC figure for {city}.", { state: file.state.name, city: city.city })
          : this.t("CDC's county figures have no area for {city}, so there is no local CDC figure for it.", { city: city.city })}
        ${this.t('The figures that exist are shown below.')}
      </p>`;
    }
    const info = file.cdcCounty;
    return html`<div class="subtitle" role="heading" aria-level=${this.subLevel}>
        ${local.kind === 'city-county'
          ? this.t('Firearm deaths in {city}, {year}', { city: city.city, year: info.last })
          : this.t('Firearm deaths in {county}, where {city} is, {year}', { county: local.name, city: city.city, year: info.last })}
      </div>
      <ul class="figures" role="list">
        ${this.localFigure('local-homicide', 'homicides', city, local, local.homicide, info)}
        ${this.localFigure('local-suicide', 'suicides', city, local, local.suicide, info)}
      </ul>
      <p class="caveat" data-local-note>
        ${local.kind === 'city-county' && local.fips.length > 1
          ? this.t(
              "{city} is made up of {count} whole counties ({counties}), so these are the city's own figures: their sum, given as a range where one county's count is withheld.",
              { city: city.city, count: local.fips.length, counties: local.name },
            )
          : local.kind === 'city-county'
          ? this.t("{city} is its own county-level area, so these are the city's own figures.", { city: city.city })
          : this.t("CDC publishes these figures by county, not by city: they are {county}'s, which includes more than {city}.", { county: local.name, city: city.city })}
        ${this.t('CDC does not publish counts from 1 to 9 (shown as "fewer than 10").')}
      </p>`;
  }

  private renderCity(stats: Stats): TemplateResult | typeof nothing {
    if (!stats.cityQuery || !stats.state) return nothing;
    const city = stats.city;
    if (!city) return nothing;
    const file = stats.state.data;
    const name = `${city.city}, ${file.state.code}`;
    const { shootings, massShootings } = city;
    const heading = html`<div class="subtitle" role="heading" aria-level=${this.subLevel}>${this.t('Earlier figures: recorded in {place}', { place: name })}</div>`;
    if (!shootings && !massShootings) {
      return html`${heading}<p class="notice" part="notice" role="note" data-notice="no-city">
          ${this.t("No Gun Violence Archive figures in this feed for {place}: it has no record under this city's name.", { place: name })}
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
              this.t('people killed in shootings in {city}, {first} to {last} ({span} years combined)', { city: city.city, first: s.first, last: s.last, span }),
              this.years(s.first, s.last),
              gva,
            )}
            ${this.figure(
              'city-injured',
              injured,
              this.n(injured),
              this.t('people injured in shootings in {city}, {first} to {last} ({span} years combined)', { city: city.city, first: s.first, last: s.last, span }),
              this.years(s.first, s.last),
              gva,
            )}`
          : html`<li class="figure figure--note" part="figure" data-figure="city-killed">
              <span class="figure__label">${this.t('No killed or injured figures for {city} for the years this feed uses.', { city: city.city })}</span>
            </li>`}
        ${massShootings
          ? this.figure(
              'city-mass',
              sum(massShootings, (p) => p.count),
              this.n(sum(massShootings, (p) => p.count)),
              this.t('mass shootings (4 or more people shot) in {city}, {first} to {through}: {killed} killed, {injured} injured', {
                city: city.city,
                first: m.first,
                through,
                killed: this.n(sum(massShootings, (p) => p.killed)),
                injured: this.n(sum(massShootings, (p) => p.injured)),
              }),
              `${m.first}–${through}`,
              { name: 'Gun Violence Archive', url: m.url },
              this.t('{year} is a partial year, to {through}', { year: m.last, through }),
            )
          : nothing}
      </ul>
      <p class="caveat">
        ${this.t('Gun Violence Archive leaves out most suicides, so its city figures are not comparable with the CDC figures above.')}
        ${this.t('Its killed and injured figures by city stop in {year}.', { year: s.last })}
        ${this.t('No per-capita city rate is given: this feed has no current city population.')}
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
      const gap = missing.length ? ` ${this.t('There are no figures for {years}.', { years: this.years(missing[0]!, missing.at(-1)!) })}` : '';
      return a === b
        ? this.t("{state}'s age-adjusted firearm death rate was {rate} per 100,000 in {year}; no other year is available.", { state: name, rate: this.rate(a.rate!), year: a.year })
        : this.t("{state}'s age-adjusted firearm death rate went from {a} per 100,000 in {first} to {b} in {last}; lowest {low} ({lowYear}), highest {high} ({highYear}).", {
            state: name,
            a: this.rate(a.rate!),
            first: a.year,
            b: this.rate(b.rate!),
            last: b.year,
            low: this.rate(lo.rate!),
            lowYear: lo.year,
            high: this.rate(hi.rate!),
            highYear: hi.year,
          }) + gap;
    };
    const na = nationalByYear.get(first);
    const nb = nationalByYear.get(last);
    const describeNational =
      na && nb ? this.t('US firearm deaths: {a} in {first}, {b} in {last}.', { a: this.n(na.total), first: na.year, b: this.n(nb.total), last: nb.year }) : '';
    return {
      name,
      cdc,
      years,
      stateByYear,
      nationalByYear,
      title:
        cdc && name
          ? this.t('Firearm death rate in {state}, {years}', { state: name, years: this.years(first, last) })
          : this.t('Firearm deaths in the United States, {years}', { years: this.years(first, last) }),
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
            label: this.t('{state}, rate per 100,000', { state: t.name ?? '' }),
            values: t.years.map((y) => t.stateByYear.get(y)?.rate ?? null),
            axis: 'left',
            color: color('--_accent', '#005ea2'),
            format: (v) => this.rate(v),
          },
          {
            label: this.t('United States, deaths'),
            values: nationalValues,
            axis: 'right',
            color: color('--_national', '#8c3d00'),
            dashed: true,
            hidden: !this.showNational,
            format: (v) => this.n(v),
          },
        ]
      : [{ label: this.t('United States, deaths'), values: nationalValues, axis: 'left', color: color('--_national', '#8c3d00'), dashed: true, format: (v) => this.n(v) }];
    return {
      labels: t.years.map(String),
      series,
      leftTitle: t.cdc ? this.t('Deaths per 100,000 (age-adjusted)') : this.t('US firearm deaths'),
      rightTitle: t.cdc ? this.t('US firearm deaths') : undefined,
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
    const blank = html`<span aria-hidden="true">–</span><span class="visually-hidden">${this.t('no figure')}</span>`;
    const anySecondary = t.years.some((y) => t.nationalByYear.get(y)?.secondary);
    return html`${this.renderLocalTable(stats)}
      ${this.scrollTable(
        'trend-table-state',
        this.t(
          t.cdc
            ? anySecondary
              ? '{title}: every figure of the chart (source: CDC/NCHS; US deaths: CDC WISQARS, and where marked *, published reports citing CDC WONDER)'
              : '{title}: every figure of the chart (source: CDC/NCHS; US deaths: CDC WISQARS)'
            : anySecondary
              ? '{title}: every figure of the chart (source: CDC WISQARS, and where marked *, published reports citing CDC WONDER)'
              : '{title}: every figure of the chart (source: CDC WISQARS)',
          { title: t.title },
        ),
        html`<tr>
          <th scope="col">${this.t('Year')}</th>
          ${t.cdc
            ? html`<th scope="col">${this.t('{state}: firearm deaths', { state: t.name ?? '' })}</th>
                <th scope="col">${this.t('{state}: rate per 100,000 (age-adjusted)', { state: t.name ?? '' })}</th>`
            : nothing}
          <th scope="col">${this.t('United States: firearm deaths')}</th>
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
            <td>${u ? html`${this.n(u.total)}${u.secondary ? html`<span aria-hidden="true"> *</span><span class="visually-hidden"> ${this.t('(secondary source)')}</span>` : nothing}` : blank}</td>
          </tr>`;
        }),
      )}
      ${anySecondary ? html`<p class="table__note">${this.t('* Secondary source: published reports citing CDC WONDER.')}</p>` : nothing}
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
      this.t('{area}: firearm homicides and suicides by year, {first}–{last} (source: CDC county figures; "fewer than 10": CDC does not publish counts from 1 to 9)', {
        area: local.kind === 'city-county' ? city.city : local.name,
        first: info.first,
        last: info.last,
      }),
      html`<tr>
        <th scope="col">${this.t('Year')}</th>
        <th scope="col">${this.t('Firearm homicides')}</th>
        <th scope="col">${this.t('Firearm suicides')}</th>
      </tr>`,
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
    const none = html`<span class="none">${this.t('none recorded')}</span>`;
    return html`
      ${s
        ? this.scrollTable(
            'trend-table-gva',
            this.t('{city}: people killed and injured in shootings, by year (source: Gun Violence Archive)', { city: city.city }),
            html`<tr>
              <th scope="col">${this.t('Year')}</th>
              <th scope="col">${this.t('Killed')}</th>
              <th scope="col">${this.t('Injured')}</th>
            </tr>`,
            yearRange(info.first, info.last).map((y) => {
              const p = s.find((q) => q.year === y);
              return html`<tr><th scope="row">${y}</th><td>${p ? this.n(p.killed) : none}</td><td>${p ? this.n(p.injured) : none}</td></tr>`;
            }),
          )
        : nothing}
      ${m && m.length
        ? this.scrollTable(
            'trend-table-mass',
            this.t('{city}: mass shootings by year (source: Gun Violence Archive; {year} through {through})', {
              city: city.city,
              year: mi.last,
              through: formatDate(mi.through, this.locale),
            }),
            html`<tr>
              <th scope="col">${this.t('Year')}</th>
              <th scope="col">${this.t('Mass shootings')}</th>
              <th scope="col">${this.t('Killed')}</th>
              <th scope="col">${this.t('Injured')}</th>
            </tr>`,
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
        ? this.t('The chart could not be loaded; the table below has every figure.')
        : this.chartStatus === 'ready'
          ? ''
          : this.t('The chart is drawn when it scrolls into view.');
    // Named by the card's title and its own: two cards on a page make two distinct regions.
    return html`<section class="trend" part="trend" aria-labelledby="card-title trend-title">
      <div class="subtitle" role="heading" aria-level=${this.subLevel} id="trend-title">${t.title}</div>
      <p class="trend__summary" id="trend-summary">${t.summary}</p>
      <div class="trend__controls">
        ${t.cdc
          ? html`<label class="check"
              ><input type="checkbox" .checked=${this.showNational} @change=${this.onNationalChange} ?disabled=${this.showTable} />
              ${this.t('Show US firearm deaths (right axis)')}</label
            >`
          : nothing}
        <button class="button button--secondary toggle" part="toggle" type="button" aria-expanded=${this.showTable ? 'true' : 'false'} aria-controls="trend-table" @click=${this.onToggleTable}>
          ${this.showTable ? this.t('Show as chart') : this.t('Show as table')}
        </button>
      </div>
      <p class="legend ${this.showTable ? 'is-hidden' : ''}" aria-hidden="true">
        ${t.cdc
          ? html`<span class="key key--state"></span>${this.t('{state}, rate per 100,000 (left axis)', { state: t.name ?? '' })}${this.showNational
                ? html` <span class="key key--national"></span>${this.t('US firearm deaths (right axis)')}`
                : nothing}`
          : html`<span class="key key--national"></span>${this.t('US firearm deaths')}`}
      </p>
      <div class="trend__chart ${this.showTable ? 'is-hidden' : ''}" part="chart" data-chart=${this.chartStatus}>
        <canvas role="img" aria-label=${this.t('Line chart. {title}.', { title: t.title })} aria-describedby="trend-summary"></canvas>
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

  /**
   * A series' notes and source name from the feed in the card's language: the Spanish versions
   * where the data has them; otherwise the English, marked `lang="en"` on a Spanish card.
   */
  private feedText(info: StatsSeriesInfo, spanish: Stats['spanish']): { notes: Array<[string, string | undefined]>; source: [string, string | undefined] } {
    const es = this.uiLang === 'es';
    const text = (english: string): [string, string | undefined] => (!es ? [english, undefined] : spanish?.[english] ? [spanish[english]!, undefined] : [english, 'en']);
    return { notes: info.notes.map(text), source: text(info.source) };
  }

  private renderFooter(stats: Stats): TemplateResult {
    const national = stats.national.data.deaths;
    const file = stats.state?.data;
    const city = stats.city;
    const english = this.uiLang === 'es' ? 'en' : undefined;
    /** url → [name, its lang, what the card says about it]. */
    const sources = new Map<string, [string, string | undefined, string]>();
    /** text → its lang. */
    const notes = new Map<string, string | undefined>();
    const addNotes = (list: Array<[string, string | undefined]>) => list.forEach(([n, lang]) => notes.set(n, lang));
    if (city && file) {
      const info = file.cdcCounty;
      sources.set(info.url, [
        info.source,
        english,
        this.t('(firearm homicides and suicides by county, {first}–{last}; updated {date})', {
          first: info.first,
          last: info.last,
          date: formatDate(info.updated, this.locale),
        }),
      ]);
      notes.set(
        this.t(
          "Local figures: CDC publishes firearm homicides and suicides by county, not by city. Where the city is its own county (an independent city or a consolidated city-county such as Baltimore, Philadelphia or Denver), the figure is the city's own; elsewhere it is the figure of the county the city lies in, and the card names that county.",
        ),
        undefined,
      );
      notes.set(
        this.t('CDC does not publish a county count from 1 to 9, to protect privacy: the card says "fewer than 10", never 0. Where a count is withheld, no change since the first year is given.'),
        undefined,
      );
      notes.set(
        this.t("Only final figures ({first}–{last}) are shown. CDC's {next} county figures are provisional and visibly incomplete in places, so they are left out until they are final.", {
          first: info.first,
          last: info.last,
          next: info.last + 1,
        }),
        undefined,
      );
      const local = city.local;
      if (local?.note) {
        if (english && local.noteEs) notes.set(local.noteEs, undefined);
        else notes.set(local.note, english);
      }
      if (!local && file.state.territory) notes.set(this.t("CDC's county figures have no rows for Puerto Rico, the Northern Mariana Islands or the other territories."), undefined);
    }
    if (file?.cdc) {
      const text = this.feedText(file.cdc, stats.spanish);
      sources.set(file.cdc.url, [...text.source, '']);
      addNotes(text.notes);
    }
    const years = `${national.first}–${national.last}`;
    const nationalText = this.feedText(national, stats.spanish);
    sources.set(national.url, [...nationalText.source, this.t('(US firearm deaths by intent, {years})', { years })]);
    if (national.secondaryUrl && national.points.some((p) => p.secondary)) sources.set(national.secondaryUrl, ['CDC WONDER', undefined, this.t('(cited by published reports)')]);
    addNotes(nationalText.notes);
    if (city && file) {
      for (const info of [city.shootings ? file.gvaCity : undefined, city.massShootings ? file.gvaMassShootings : undefined]) {
        if (!info) continue;
        const text = this.feedText(info, stats.spanish);
        sources.set(info.url, [...text.source, '']);
        addNotes(text.notes);
      }
    }
    return html`<details class="notes" part="notes">
        <summary>${this.t('About these figures')}</summary>
        <ul>
          ${[...notes].map(([n, lang]) => html`<li lang=${lang ?? nothing}>${n}</li>`)}
        </ul>
      </details>
      <div class="sources" part="sources">
        <div class="sources__title" role="heading" aria-level=${this.subLevel}>${this.t('Sources')}</div>
        <ul>
          ${[...sources].map(([url, [name, lang, about]]) => {
            const text = html`<span lang=${lang ?? nothing}>${name}</span>${about ? ` ${about}` : ''}`;
            // Only http(s) and relative URLs become links; a javascript:/data: source stays text.
            const href = safeHref(url);
            return href
              ? html`<li><a href=${href} rel="noopener" target="_blank">${text}<span class="visually-hidden"> ${this.t('(opens in a new tab)')}</span></a></li>`
              : html`<li>${text}</li>`;
          })}
        </ul>
      </div>`;
  }

  private renderStats(stats: Stats): TemplateResult {
    const stateName = stats.state?.data.state.name;
    const title = stats.city
      ? this.t('Gun violence in {city}, {state}', { city: stats.city.city, state: stateName ?? '' })
      : stateName
        ? this.t('Gun deaths in {state}', { state: stateName })
        : this.t('Gun deaths in the United States');
    return html`
      ${this.renderStale(stats.national)} ${stats.state ? this.renderStale(stats.state) : nothing}
      <div class="title" part="title" role="heading" aria-level=${this.level} id="card-title">${title}</div>
      ${stats.notices.map(([m, values]) => html`<p class="notice" part="notice" role="note" data-notice="query">${this.t(m, values)}</p>`)}
      ${stats.state && !stats.state.data.cdc
        ? html`<p class="notice" part="notice" role="note" data-notice="no-cdc">
            ${this.t('No CDC state figures for {state} in this feed.', { state: stats.state.data.state.name })}
            ${stats.state.data.cdcNote
              ? this.t("CDC/NCHS publishes no state firearm mortality figures for {state} in this feed's source.", { state: stats.state.data.state.name })
              : ''}
            ${this.t('The national figures are shown.')}
          </p>`
        : nothing}
      ${this.renderLocal(stats)}
      ${stats.city ? html`<div class="subtitle" role="heading" aria-level=${this.subLevel}>
            ${stats.state?.data.cdc ? this.t('{state} and the United States', { state: stats.state.data.state.name }) : this.t('The United States')}
          </div>` : nothing}
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
    const key = `${stats.national.url}|${stats.state?.url ?? ''}|${this.locale}|${this.uiLang}`;
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

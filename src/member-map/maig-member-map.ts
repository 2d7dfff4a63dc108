import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { EmptyResult, MaigDataElement } from '../shared/base/maig-data-element.js';
import { baseStyles } from '../shared/styles/base.js';
import { loadResource, type LoadedResource } from '../shared/feed/client.js';
import { WidgetError } from '../shared/feed/errors.js';
import { FEED_SHAPES } from './feed-shapes.generated.js';
import type { MapResource, MembersResource } from '../shared/feed/types.js';
import { dateFormat, numberFormat } from '../shared/format/locale.js';
import { BenchMarks } from '../shared/perf.js';
import { buildModel, findMember, type MapModel, type PlacedMember } from './model.js';
import { memberMapStyles } from './maig-member-map.styles.js';
import { mapWords, type MapWords } from './words.js';
import { TooltipController } from './tooltip.js';
import { ZoomController } from './zoom.js';
import { MapSearch } from './search.js';
import { PrintController } from '../shared/print.js';
import { CityList } from './list.js';
import { renderLegend, renderMap } from './render-map.js';
import { renderCaption, renderDetail } from './panels.js';
import { headingLevel } from '../shared/a11y/heading-level.js';

export type { MemberSelectDetail } from './zoom.js';

interface Loaded {
  members: LoadedResource<MembersResource>;
  map: LoadedResource<MapResource>;
  model: MapModel;
}

/**
 * Every member city of the coalition on a map of the United States with Puerto Rico, the
 * Virgin Islands, Guam, the Northern Mariana Islands and American Samoa in insets. States are
 * shaded by their number of members, with a dot for each member city. The geometry is
 * projected when the feed is built: the browser downloads path data, runs no projection code
 * and needs no tile server or API key.
 *
 * A person can hover or focus a state (its name and count appear), click it or press Enter to
 * zoom in and list its cities, and press Escape or "Back to the whole country" to return.
 * Arrow keys move between states in name order, the order in which they are read. Escape also
 * dismisses a hover tooltip wherever focus is; in the search box it clears the search first.
 * The zoomed state has `aria-current`, and a zoom by mouse or from a search result is announced
 * politely. A search box finds cities as you type, and a list of every state and its cities is
 * always there for screen readers and keyboards.
 *
 * @summary A map of the coalition's member cities, with a list alternative.
 * @tag maig-member-map
 *
 * @attr feed - URL of the data feed (index.json or its folder). The feed must have `members` and `map` resources.
 * @attr state - Opens zoomed on a state or territory (USPS code such as `PA`, or its name). Updated when a person zooms.
 * @attr highlight - Marks one member city, e.g. `Baltimore, MD` (or its id `md-baltimore`), and names it in the caption.
 * @attr theme - By default the host page's color scheme (light unless the page declares `color-scheme: light dark` and the reader's system is dark, or `dark`); `auto` follows the reader's system; `light` or `dark` forces it.
 * @attr heading-level - Level (2-6) of the zoomed state's panel heading; a number outside 2-6 is brought to the nearest. Default 3.
 *
 * @fires {CustomEvent} maig-member-select - A person picked a state or a city. `detail`: {@link MemberSelectDetail} `{ type: 'state' | 'city', state, city?, id? }`.
 *
 * @slot - Fallback content, shown before the script runs and when the feed cannot be read.
 *
 * @csspart base - The widget's box.
 * @csspart search - The "Find a member city" text field.
 * @csspart results - The list of cities matching the search.
 * @csspart back - The "Back to the whole country" button.
 * @csspart map - The SVG map.
 * @csspart tooltip - The name and count shown over a hovered or focused state.
 * @csspart legend - The legend of shades and marks.
 * @csspart caption - The caption: counts, highlighted city, sources.
 * @csspart detail - The zoomed state's panel with its list of cities.
 * @csspart list - The list of every state and its cities.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The error state's "Try again" button.
 * @csspart stale - The note shown over a kept, possibly out-of-date copy.
 *
 * @cssprop [--maig-font-size=medium] - Base font size; everything scales from it. Default: the reader's browser setting, not the page's root size.
 * @cssprop [--maig-font-family=system-ui] - Font family.
 * @cssprop [--maig-color-text=#1b1b1b] - Text color.
 * @cssprop [--maig-color-muted=#565c65] - Secondary text color.
 * @cssprop [--maig-color-surface=#ffffff] - Background.
 * @cssprop [--maig-color-accent=#005ea2] - Buttons and links.
 * @cssprop [--maig-color-border=#71767a] - Borders, and the outline of states.
 * @cssprop [--maig-color-focus=#2491ff] - Focus ring of the controls (a focused state gets a two-tone ring in `--maig-color-text` over `--maig-color-surface`, which keeps 3:1 against every shade).
 * @cssprop [--maig-map-shade-0=#f0f0f0] - Fill of a state with no member (dark: `--maig-map-shade-0-dark`, and so on).
 * @cssprop [--maig-map-shade-1=#d9e8f6] - Fill of a state with 1 member.
 * @cssprop [--maig-map-shade-2=#aacdec] - Fill of a state with 2–4 members.
 * @cssprop [--maig-map-shade-3=#73b3e7] - Fill of a state with 5–9 members.
 * @cssprop [--maig-map-shade-4=#4f97d1] - Fill of a state with 10–24 members.
 * @cssprop [--maig-map-shade-5=#2378c3] - Fill of a state with 25 or more members.
 * @cssprop [--maig-map-dot=#1b1b1b] - A member city's dot; keep 3:1 against every shade (dark: `--maig-map-dot-dark`).
 * @cssprop [--maig-map-highlight=#b50909] - The highlighted or picked city's ring, and search matches.
 * @cssprop [--maig-radius=0.375em] - Corner radius.
 */
export class MaigMemberMap extends MaigDataElement {
  /** This widget's Spanish strings: fetched only when it shows in Spanish. */
  static override spanish = () => import('./catalog-es.js');

  static override styles = [baseStyles, memberMapStyles];

  /** USPS code or name of the state or territory shown zoomed in; the whole country when unset. */
  @property({ reflect: true }) state: string | null = null;

  /** The member city to mark: "City, ST" or a member id. */
  @property({ reflect: true }) highlight: string | null = null;

  /** Level (2-6) of the zoomed state's panel heading. */
  @property({ type: Number, reflect: true, attribute: 'heading-level' }) headingLevel = 3;

  protected override get loadingText(): string {
    return this.t('Loading the member map…');
  }

  protected override get errorTitle(): string {
    return this.t('The member map could not be shown.');
  }

  /** The words of this render (in the page's locale, read once per update). */
  private words: MapWords = mapWords(
    (s, v) => this.t(s, v),
    (s, p) => this.tParts(s, p),
    'en-US',
  );

  private readonly tooltip = new TooltipController(this);
  private readonly zoom = new ZoomController(this, { model: () => this.model, words: () => this.words, tooltip: this.tooltip });
  private readonly search = new MapSearch(this);
  private readonly list = new CityList(this);
  // Printing lists every member city by state (the list's disclosures open), then restores it.
  protected readonly printer = new PrintController(this, { before: () => this.list.print(true), after: () => this.list.print(false) });
  private readonly bench = new BenchMarks(this, 'maig-member-map', () => !!this.renderRoot.querySelector('svg.map'));

  private readonly data = new Task(this, {
    task: async ([feedUrl]: readonly [string]): Promise<Loaded | EmptyResult> => {
      const [members, map] = await Promise.all([loadResource(feedUrl, 'members', FEED_SHAPES), loadResource(feedUrl, 'map', FEED_SHAPES)]);
      if (!Array.isArray(map.data.states) || !Array.isArray(map.data.members) || !Array.isArray(map.data.viewBox) || map.data.states.some((s) => typeof s.dots !== 'string')) {
        throw new WidgetError('The map data is incomplete, so the map cannot be drawn.');
      }
      this.bench.data();
      if (members.data.members.length === 0) return new EmptyResult('The feed lists no member cities yet.');
      const model = buildModel(members.data, map.data);
      this.bench.model();
      return { members, map, model };
    },
    args: () => [this.feedUrl] as const,
  });

  private get model(): MapModel | undefined {
    const v = this.data.value;
    return v && !(v instanceof EmptyResult) ? v.model : undefined;
  }

  /** Escape in the search box clears it first; then it dismisses the tooltip; then it un-zooms. */
  private onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    const target = e.composedPath()[0];
    const inSearch = target instanceof HTMLInputElement && target.id === 'search';
    if (inSearch && (target.value || this.search.query)) {
      e.preventDefault();
      e.stopPropagation();
      target.value = '';
      this.search.query = '';
      return;
    }
    if (this.tooltip.tip) {
      this.tooltip.hide();
      e.stopPropagation();
      return;
    }
    if (this.state) {
      e.preventDefault();
      this.zoom.back({ keepFocus: inSearch });
    }
  }

  private highlightMemo: { model: MapModel; query: string; member: PlacedMember | undefined } | null = null;

  /** The member named by `highlight`, looked up once per model and value. */
  private findHighlighted(model: MapModel): PlacedMember | undefined {
    const query = this.highlight?.trim() ?? '';
    if (!query) return undefined;
    const memo = this.highlightMemo;
    if (memo && memo.model === model && memo.query === query) return memo.member;
    const member = findMember(model, query);
    this.highlightMemo = { model, query, member };
    return member;
  }

  private renderReady(loaded: Loaded): TemplateResult {
    const { members, map, model } = loaded;
    const w = this.words;
    const zoom = this.zoom;
    const zoomed = zoom.zoomed(model);
    const highlighted = this.findHighlighted(model);
    const picked = zoom.picked ? model.byId.get(zoom.picked) : undefined;
    const marked = picked ?? highlighted;
    const matches = this.search.matches(model);
    const pick = (m: PlacedMember) => zoom.pickCity(m);
    const back = () => zoom.back();
    return html`
      ${this.renderStale(members.stale ? members : map)}
      ${this.search.render(model, matches, zoom.picked, pick, w)}
      ${this.state && !zoomed ? html`<p class="note" role="note">${w.t('“{state}” is not a US state or territory on this map; showing the whole country.', { state: this.state })}</p>` : nothing}
      <div class="layout ${zoomed ? 'layout--zoomed' : ''}">
        <figure class="figure">
          ${zoomed ? html`<button type="button" class="button button--secondary back back--top" part="back" @click=${back}>${w.t('Back to the whole country')}</button>` : nothing}
          ${renderMap({ model, zoomed, marked, matches, state: this.state }, zoom, this.tooltip, w)}
          ${zoomed ? nothing : renderCaption(loaded, this.highlight, highlighted, w)}
        </figure>
        ${zoomed ? renderDetail(model, zoomed, { marked, picked: zoom.picked, headingLevel: headingLevel(this.headingLevel, 3) ?? 3 }, { pick }, w) : nothing}
      </div>
      ${zoomed ? renderCaption(loaded, this.highlight, highlighted, w, false) : nothing}
      ${renderLegend(w)}
      ${this.list.render(model, marked, w)}
      <p class="visually-hidden" role="status" id="map-status">${zoom.announcement}</p>
    `;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const locale = this.locale;
    this.words = mapWords((s, v) => this.t(s, v), (s, p) => this.tParts(s, p), locale);
    // Created while the feed loads: the first Intl formatter of a page is slow to make.
    numberFormat(locale);
    dateFormat(locale);
  }

  protected override render(): TemplateResult {
    // The same room as the search box, the map, its caption, legend and list line.
    const skeleton = html`<span class="skeleton skeleton--search"></span><span class="skeleton skeleton--map"></span><span class="skeleton skeleton--caption"></span>`;
    return html`<div class="root" part="base" @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}>
      ${this.renderTask(this.data, (v) => this.renderReady(v as Loaded), skeleton)}
    </div>`;
  }
}

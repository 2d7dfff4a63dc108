import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { EmptyResult, MaigElement } from '../shared/base/maig-element.js';
import { baseStyles } from '../shared/styles/base.js';
import { loadResource, type LoadedResource } from '../shared/feed/client.js';
import { WidgetError } from '../shared/feed/errors.js';
import { FEED_SHAPES } from './feed-shapes.generated.js';
import type { MapResource, MembersResource } from '../shared/feed/types.js';
import { dateFormat, formatDate, formatNumber, numberFormat } from '../shared/format/locale.js';
import { BUCKETS, buildModel, dotPath, findArea, findMember, searchMembers, zoomBox, type MapArea, type MapModel, type PlacedMember } from './model.js';
import { memberMapStyles } from './maig-member-map.styles.js';
import { onEscape } from '../shared/a11y/escape.js';

/** `detail` of the `maig-member-select` event. */
export interface MemberSelectDetail {
  type: 'state' | 'city';
  /** USPS code of the state or territory. */
  state: string;
  /** The city's name (type `city` only). */
  city?: string;
  /** The member's id, e.g. "md-baltimore" (type `city` only). */
  id?: string;
}

interface Loaded {
  members: LoadedResource<MembersResource>;
  map: LoadedResource<MapResource>;
  model: MapModel;
}

interface Tip {
  code: string;
  /** Hover tips follow the pointer; focus tips follow the keyboard. */
  by: 'hover' | 'focus';
}

/** Search results listed at once; the rest are counted. */
const MAX_RESULTS = 12;


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
 * @attr theme - `light` or `dark` to force a color scheme.
 * @attr heading-level - Level (1-6) of the zoomed state's panel heading. Default 3.
 *
 * @fires maig-member-select - A person picked a state or a city. `detail`: {@link MemberSelectDetail} `{ type: 'state' | 'city', state, city?, id? }`.
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
export class MaigMemberMap extends MaigElement {
  /** This widget's Spanish strings: fetched only when it shows in Spanish. */
  static override spanish = () => import('./catalog-es.js');

  static override styles = [baseStyles, memberMapStyles];

  /** USPS code or name of the state or territory shown zoomed in; the whole country when unset. */
  @property({ reflect: true }) state: string | null = null;

  /** The member city to mark: "City, ST" or a member id. */
  @property({ reflect: true }) highlight: string | null = null;

  /** Level (1-6) of the zoomed state's panel heading. */
  @property({ type: Number, reflect: true, attribute: 'heading-level' }) headingLevel = 3;

  protected override get loadingText(): string {
    return this.t('Loading the member map…');
  }

  protected override get errorTitle(): string {
    return this.t('The member map could not be shown.');
  }

  @state() private query = '';
  @state() private tip: Tip | null = null;
  /** The state that has focus: it gets the focus ring, with or without a tooltip. */
  @state() private focused: string | null = null;
  /** The polite announcement of a zoom by mouse or from a search result. */
  @state() private announcement = '';
  /** Index in `withMembers` of the state that holds the map's one tab stop. */
  @state() private focusIndex = 0;
  /** A city picked from the search or a list. */
  @state() private picked: string | null = null;
  /** States opened in the list alternative (their cities render only when open). */
  @state() private openInList = new Set<string>();
  /** Whether the list alternative is open. */
  @state() private listOpen = false;

  /** What to focus after the next render. */
  private focusAfterRender: (() => HTMLElement | SVGElement | null | undefined) | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private marked = false;
  private tipPosition: { left: string; top: string } | null = null;
  /** Stops the window's Escape listener, present only while a hover tooltip shows. */
  private stopEscape: (() => void) | null = null;
  /** Escape dismisses a hover tooltip even when focus is outside the widget (WCAG 1.4.13). */
  private readonly onWindowEscape = (e: KeyboardEvent): void => {
    // Inside the widget, onKeydown handles it (tooltip first, then the zoom).
    if (!this.tip || e.composedPath().includes(this)) return;
    this.tip = null;
  };

  private readonly data = new Task(this, {
    task: async ([feedUrl]: readonly [string]): Promise<Loaded | EmptyResult> => {
      const [members, map] = await Promise.all([loadResource(feedUrl, 'members', FEED_SHAPES), loadResource(feedUrl, 'map', FEED_SHAPES)]);
      if (!Array.isArray(map.data.states) || !Array.isArray(map.data.members) || !Array.isArray(map.data.viewBox) || map.data.states.some((s) => typeof s.dots !== 'string')) {
        throw new WidgetError('The map geometry in this feed is incomplete (no states, dots, members or viewBox).');
      }
      this.marked = false;
      performance.mark?.('maig-member-map:data');
      if (members.data.members.length === 0) return new EmptyResult('The feed lists no member cities yet.');
      const model = buildModel(members.data, map.data);
      performance.mark?.('maig-member-map:model');
      return { members, map, model };
    },
    args: () => [this.feedUrl] as const,
  });

  private get model(): MapModel | undefined {
    const v = this.data.value;
    return v && !(v instanceof EmptyResult) ? v.model : undefined;
  }

  /** The area shown zoomed in, from the `state` attribute. */
  private zoomedArea(model: MapModel): MapArea | undefined {
    return this.state ? findArea(model, this.state) : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.hideTimer);
    this.listenForEscape(false);
  }

  private listenForEscape(on: boolean): void {
    if (on === !!this.stopEscape) return;
    this.stopEscape?.();
    this.stopEscape = on ? onEscape(window, this.onWindowEscape) : null;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.listenForEscape(this.tip?.by === 'hover');
    const tip = this.renderRoot.querySelector<HTMLElement>('.tip');
    if (tip && this.tipPosition) {
      tip.style.left = this.tipPosition.left;
      tip.style.top = this.tipPosition.top;
      this.keepTipInside(tip);
    }
    const focus = this.focusAfterRender;
    if (focus) {
      this.focusAfterRender = null;
      focus()?.focus();
    }
    if (!this.marked && this.renderRoot.querySelector('svg.map')) {
      this.marked = true;
      performance.mark?.('maig-member-map:rendered');
      // For `npm run bench`: after the next frame's style, layout and paint.
      requestAnimationFrame(() => setTimeout(() => performance.mark?.('maig-member-map:painted'), 0));
    }
  }

  /** Moves the tooltip sideways so that it stays inside the map (an edge state in a narrow column). */
  private keepTipInside(tip: HTMLElement): void {
    const stage = tip.offsetParent as HTMLElement | null;
    const width = stage?.clientWidth ?? 0;
    if (!width) return;
    const half = tip.offsetWidth / 2;
    const center = (parseFloat(this.tipPosition!.left) / 100) * width;
    const clamped = Math.min(width - half, Math.max(half, center));
    if (Math.abs(clamped - center) > 0.5) tip.style.left = `${((clamped / width) * 100).toFixed(2)}%`;
  }

  private select(detail: MemberSelectDetail): void {
    this.dispatchEvent(new CustomEvent<MemberSelectDetail>('maig-member-select', { detail, bubbles: true, composed: true }));
  }

  private statePath(code: string): SVGPathElement | null {
    return this.renderRoot.querySelector<SVGPathElement>(`path.area[data-code="${code}"]`);
  }

  /** Zooms to a state, lists its cities, tells the page. */
  private zoomTo(area: MapArea, { focusDetail }: { focusDetail: boolean }): void {
    const model = this.model;
    if (!model) return;
    this.state = area.code;
    const i = model.withMembers.indexOf(area);
    if (i >= 0) this.focusIndex = i;
    this.tip = null;
    // The keyboard moves focus to the panel's heading, which is read; a click is announced.
    if (focusDetail) this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('#detail-title');
    else this.announce(this.t('Zoomed in on {state}: {count}, listed after the map.', { state: area.name, count: this.countText(area.count) }));
    this.select({ type: 'state', state: area.code });
  }

  /** Says something politely; the same words twice are still read. */
  private announce(text: string): void {
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
  }

  /** Back to the whole country; focus returns to the state that was zoomed (unless it stays in the search box). */
  private back({ keepFocus = false } = {}): void {
    const model = this.model;
    const area = model && this.zoomedArea(model);
    this.state = null;
    this.tip = null;
    if (keepFocus) this.announce(this.t('Showing the whole country.'));
    else if (area && model) {
      const i = model.withMembers.indexOf(area);
      if (i >= 0) this.focusIndex = i;
      this.focusAfterRender = () => (i >= 0 ? this.statePath(area.code) : this.renderRoot.querySelector<HTMLElement>('input[type=search]'));
    }
  }

  private pickCity(member: PlacedMember): void {
    const model = this.model;
    if (!model) return;
    this.picked = member.id;
    const area = model.byCode.get(member.state);
    if (area) {
      this.state = area.code;
      const i = model.withMembers.indexOf(area);
      if (i >= 0) this.focusIndex = i;
    }
    this.tip = null;
    this.announce(
      area
        ? this.t('Zoomed in on {state}: {city} is marked on the map.', { state: area.name, city: member.city })
        : this.t('{city} is marked on the map.', { city: member.city }),
    );
    this.select({ type: 'city', state: member.state, city: member.city, id: member.id });
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    const target = e.composedPath()[0];
    const inSearch = target instanceof HTMLInputElement && target.id === 'search';
    // In the search box, Escape clears the search first; the next one un-zooms.
    if (inSearch && (target.value || this.query)) {
      e.preventDefault();
      e.stopPropagation();
      target.value = '';
      this.query = '';
      return;
    }
    if (this.tip) {
      this.tip = null;
      e.stopPropagation();
      return;
    }
    if (this.state) {
      e.preventDefault();
      this.back({ keepFocus: inSearch });
    }
  }

  private onMapKeydown(e: KeyboardEvent, model: MapModel): void {
    const target = e.target as Element;
    const code = target.getAttribute?.('data-code');
    const list = model.withMembers;
    const move = (i: number) => {
      e.preventDefault();
      this.focusIndex = (i + list.length) % list.length;
      const next = list[this.focusIndex]!;
      this.tip = { code: next.code, by: 'focus' };
      this.focusAfterRender = () => this.statePath(next.code);
    };
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        return move(this.focusIndex + 1);
      case 'ArrowLeft':
      case 'ArrowUp':
        return move(this.focusIndex - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(list.length - 1);
      case 'Enter':
      case ' ': {
        const area = code ? model.byCode.get(code) : undefined;
        if (area) {
          e.preventDefault();
          this.zoomTo(area, { focusDetail: true });
        }
        return;
      }
      default:
    }
  }

  /** One listener for every state: hover and focus show its tooltip, a click zooms to it. */
  private onArea(e: Event, model: MapModel): void {
    const code = (e.target as Element).getAttribute?.('data-code');
    const area = code ? model.byCode.get(code) : undefined;
    if (!area) {
      if (e.type === 'pointerover' && !(e.target as Element).closest?.('.tip')) this.hideTipSoon();
      return;
    }
    if (e.type === 'click') this.zoomTo(area, { focusDetail: (e as MouseEvent).detail === 0 });
    else {
      if (e.type === 'focusin') this.focused = area.code;
      this.showTip(area.code, e.type === 'focusin' ? 'focus' : 'hover');
    }
  }

  private showTip(code: string, by: Tip['by']): void {
    clearTimeout(this.hideTimer);
    if (this.tip?.code !== code || this.tip.by !== by) this.tip = { code, by };
  }

  private hideTipSoon(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (this.tip?.by === 'hover') this.tip = null;
    }, 400);
  }

  private onToggleInList(e: Event, code: string): void {
    const open = (e.target as HTMLDetailsElement).open;
    if (open === this.openInList.has(code)) return;
    const next = new Set(this.openInList);
    if (open) next.add(code);
    else next.delete(code);
    this.openInList = next;
  }

  // ---------------------------------------------------------------- rendering

  /** The page's locale, read once per update (finding it walks up the DOM). */
  private renderLocale = 'en-US';

  private countText(n: number): string {
    return this.t(n === 1 ? '{count} member city' : '{count} member cities', { count: formatNumber(n, this.renderLocale) });
  }

  /** A legend entry for shade class `b` (0 to 5): "None", "1", "2–4", "5–9", "10–24", "25 or more". */
  private bucketText(b: number): string {
    if (b === 0) return this.t('None');
    const low = BUCKETS[b - 1]!;
    const next = BUCKETS[b];
    if (next === undefined) return this.t('{count} or more', { count: formatNumber(low, this.renderLocale) });
    return next - 1 === low ? String(low) : `${low}–${next - 1}`;
  }

  private dateText(iso: string): string {
    return formatDate(iso, this.renderLocale);
  }

  private renderTip(model: MapModel, viewBox: [number, number, number, number]): TemplateResult | typeof nothing {
    const area = this.tip && model.byCode.get(this.tip.code);
    if (!area) return nothing;
    const [fx, fy, fw, fh] = model.viewBox;
    void fx;
    void fy;
    const [vx, vy, vw, vh] = viewBox;
    // Where the state's box is on the stage, in percent (the SVG keeps its aspect ratio, "meet").
    const s = Math.min(fw / vw, fh / vh);
    const ox = (fw - vw * s) / 2;
    const oy = (fh - vh * s) / 2;
    const [bx, by, bw, bh] = area.box;
    const left = ((ox + (bx + bw / 2 - vx) * s) / fw) * 100;
    const top = ((oy + (by - vy) * s) / fh) * 100;
    const bottom = ((oy + (by + bh - vy) * s) / fh) * 100;
    // Above the state when there is room, else below it, else at the top edge: never over it.
    const place = top > 14 ? 'above' : bottom < 86 ? 'below' : 'edge';
    // Applied through the CSSOM in updated(): a style attribute would break a strict CSP.
    this.tipPosition = {
      left: `${Math.min(88, Math.max(12, left)).toFixed(2)}%`,
      top: `${(place === 'above' ? top : place === 'below' ? bottom : 0).toFixed(2)}%`,
    };
    const n = area.count;
    return html`<div class="tip tip--${place}" part="tooltip" aria-hidden="true"
      @pointerenter=${() => clearTimeout(this.hideTimer)} @pointerleave=${() => this.hideTipSoon()}>
      <strong class="tip__name">${area.name}</strong> ${n ? this.countText(n) : this.t('No member city listed')}
      ${n ? html`<span class="tip__hint">${this.state === area.code ? '' : this.t('Click or press Enter to see the cities')}</span>` : nothing}
    </div>`;
  }

  private renderMap(model: MapModel, zoomed: MapArea | undefined, marked: PlacedMember | undefined, matches: PlacedMember[]): TemplateResult {
    const viewBox = zoomed ? zoomBox(zoomed, model.viewBox) : model.viewBox;
    const total = model.total;
    const title = this.t(total === 1 ? 'Map of {count} member city' : 'Map of {count} member cities', { count: formatNumber(total, this.renderLocale) });
    const desc = [
      this.t(
        total === 1
          ? '{count} member city in {states} states and territories, one dot per city; each state is shaded by its number of member cities.'
          : '{count} member cities in {states} states and territories, one dot per city; each state is shaded by its number of member cities.',
        { count: formatNumber(total, this.renderLocale), states: formatNumber(model.withMembers.length, this.renderLocale) },
      ),
      this.t('Alaska, Hawaii, Puerto Rico, the U.S. Virgin Islands, Guam, the Northern Mariana Islands and American Samoa are drawn in insets.'),
      zoomed ? this.t('Zoomed in on {state}.', { state: zoomed.name }) : '',
      this.t("Use the arrow keys to move between states and Enter to list a state's cities; every state and city is also in the list below the map."),
    ]
      .filter(Boolean)
      .join(' ');
    const active = model.withMembers[this.focusIndex]?.code;
    const interactive = new Set(model.withMembers.map((a) => a.code));
    const hoverArea = this.tip?.by === 'hover' ? model.byCode.get(this.tip.code) : undefined;
    const focusArea = this.focused ? model.byCode.get(this.focused) : undefined;
    // Listeners sit on the HTML box around the SVG: Chromium makes an SVG element with focus
    // listeners a tab stop of its own.
    return html`<div class="stage"
      @keydown=${(e: KeyboardEvent) => this.onMapKeydown(e, model)}
      @pointerover=${(e: PointerEvent) => this.onArea(e, model)}
      @focusin=${(e: FocusEvent) => this.onArea(e, model)}
      @click=${(e: MouseEvent) => this.onArea(e, model)}
      @pointerleave=${() => this.hideTipSoon()}
      @focusout=${(e: FocusEvent) => {
        const next = e.relatedTarget as Element | null;
        if (!next?.getAttribute?.('data-code')) this.focused = null;
        if (!(e.currentTarget as Element).contains(next)) this.tip = null;
      }}>
      <svg class="map ${zoomed ? 'map--zoomed' : ''} ${matches.length ? 'map--searching' : ''}" part="map" viewBox=${viewBox.join(' ')}
        preserveAspectRatio="xMidYMid meet" role="group" aria-labelledby="map-title" aria-describedby="map-desc">
        <title id="map-title">${title}</title>
        <desc id="map-desc">${desc}</desc>
        <g class="areas">
          ${model.areas.map((a) =>
            interactive.has(a.code)
              ? svg`<path class="area b${a.bucket} ${zoomed === a ? 'area--zoomed' : ''}" d=${a.d} data-code=${a.code}
                  role="button" tabindex=${a.code === active ? '0' : '-1'} aria-label=${`${a.name}: ${this.countText(a.count)}`}
                  aria-current=${zoomed === a ? 'true' : nothing}></path>`
              : svg`<path class="area b0" d=${a.d} data-code=${a.code} aria-hidden="true"></path>`,
          )}
        </g>
        ${zoomed ? svg`<path class="ring ring--zoomed" d=${zoomed.d} aria-hidden="true"></path>` : nothing}
        ${hoverArea ? svg`<path class="ring ring--hover" d=${hoverArea.d} aria-hidden="true"></path>` : nothing}
        <g class="dots" aria-hidden="true">
          ${model.withMembers.map((a) => svg`<path class="dot" d=${a.dots} data-code=${a.code}></path>`)}
        </g>
        ${matches.length
          ? svg`<g class="matches" aria-hidden="true"><path class="match-halo" d=${dotPath(matches)}></path><path class="match" d=${dotPath(matches)}></path></g>`
          : nothing}
        ${focusArea
          ? svg`<g class="focus-ring" aria-hidden="true" data-code=${focusArea.code}><path class="ring ring--focus-halo" d=${focusArea.d}></path><path class="ring ring--focus" d=${focusArea.d}></path></g>`
          : nothing}
        ${marked && marked.x !== null
          ? svg`<g class="mark" aria-hidden="true" data-id=${marked.id}>
              <path class="mark-halo" d=${dotPath([marked])}></path><path class="mark-ring" d=${dotPath([marked])}></path><path class="mark-core" d=${dotPath([marked])}></path>
            </g>`
          : nothing}
      </svg>
      ${this.renderTip(model, viewBox)}
    </div>`;
  }

  private renderLegend(): TemplateResult {
    const shades = [0, ...BUCKETS.map((_, i) => i + 1)];
    return html`<div class="legend" part="legend">
      <p class="legend__title" id="legend-title">${this.t('Member cities per state')}</p>
      <ul class="legend__shades" aria-labelledby="legend-title">
        ${shades.map((b) => html`<li><span class="swatch b${b}" aria-hidden="true"></span>${this.bucketText(b)}</li>`)}
      </ul>
      <ul class="legend__marks">
        <li><span class="key key--dot" aria-hidden="true"></span>${this.t('A member city')}</li>
        <li><span class="key key--mark" aria-hidden="true"></span>${this.t('Highlighted city')}</li>
      </ul>
    </div>`;
  }

  private renderSearch(model: MapModel, matches: PlacedMember[]): TemplateResult {
    const q = this.query.trim();
    const shown = matches.slice(0, MAX_RESULTS);
    const n = matches.length;
    const status = !q
      ? ''
      : this.t(n === 0 ? 'No member city matches “{query}”.' : n === 1 ? '{count} city matches “{query}”.' : '{count} cities match “{query}”.', {
          count: formatNumber(n, this.renderLocale),
          query: q,
        });
    return html`<div class="search">
      <label for="search">${this.t('Find a member city')}</label>
      <input id="search" part="search" type="search" autocomplete="off" spellcheck="false" .value=${this.query}
        aria-describedby="search-status" aria-controls="results"
        @input=${(e: InputEvent) => (this.query = (e.target as HTMLInputElement).value)} />
      <p id="search-status" class="search__status" role="status">${status}</p>
      <ul id="results" class="results" part="results" ?hidden=${!shown.length} aria-label=${this.t('Matching member cities')}>
        ${shown.map(
          (m) => html`<li><button type="button" class="city" aria-current=${this.picked === m.id ? 'true' : 'false'} @click=${() => this.pickCity(m)}>
            ${m.city}<span class="city__state">, ${model.byCode.get(m.state)?.name ?? m.state}</span></button></li>`,
        )}
        ${matches.length > shown.length
          ? html`<li class="results__more">${this.t('and {count} more: type more of the name.', { count: formatNumber(matches.length - shown.length, this.renderLocale) })}</li>`
          : nothing}
      </ul>
    </div>`;
  }

  private renderDetail(model: MapModel, area: MapArea, marked: PlacedMember | undefined): TemplateResult {
    const n = area.count;
    const level = Math.round(this.headingLevel);
    return html`<section class="detail" part="detail" aria-labelledby="detail-title">
      <div id="detail-title" class="detail__title" role="heading" aria-level=${level >= 1 && level <= 6 ? level : 3} tabindex="-1">${area.name}</div>
      <p class="detail__count">${n ? this.countText(n) : this.t('No member city in {state} is listed in the feed yet.', { state: area.name })}</p>
      ${n
        ? html`<ul class="cities">
            ${model.citiesOf(area).map(
              (m) => html`<li>
                <button type="button" class="city" aria-current=${this.picked === m.id ? 'true' : 'false'} @click=${() => this.pickCity(m)}>
                  ${m.city}${marked?.id === m.id ? html`<span class="city__mark"> ${this.t('(highlighted)')}</span>` : nothing}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      <button type="button" class="button button--secondary back" part="back" @click=${() => this.back()}>${this.t('Back to the whole country')}</button>
    </section>`;
  }

  private renderList(model: MapModel, marked: PlacedMember | undefined): TemplateResult {
    // Rendered when opened: 46 closed <details> cost more than the whole map to create.
    return html`<details class="all" part="list" @toggle=${(e: Event) => {
      if (e.target === e.currentTarget) this.listOpen = (e.target as HTMLDetailsElement).open;
    }}>
      <summary>${this.t(model.total === 1 ? '{count} member city, as a list by state' : 'All {count} member cities, as a list by state', { count: formatNumber(model.total, this.renderLocale) })}</summary>
      ${this.listOpen ? this.renderListBody(model, marked) : nothing}
    </details>`;
  }

  private renderListBody(model: MapModel, marked: PlacedMember | undefined): TemplateResult {
    return html`<ul class="all__states">
        ${model.withMembers.map((a) => {
          const open = this.openInList.has(a.code);
          return html`<li>
            <details ?open=${open} @toggle=${(e: Event) => this.onToggleInList(e, a.code)}>
              <summary>${a.name}: ${this.countText(a.count)}</summary>
              ${open
                ? html`<ul class="all__cities">
                    ${model.citiesOf(a).map((m) => html`<li>${m.city}${marked?.id === m.id ? ` ${this.t('(highlighted)')}` : ''}</li>`)}
                  </ul>`
                : nothing}
            </details>
          </li>`;
        })}
      </ul>
      ${model.withoutMembers.length
        ? html`<p class="all__none">${this.t('No member city listed in: {states}.', { states: model.withoutMembers.map((a) => a.name).join(', ') })}</p>`
        : nothing}`;
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

  private renderReady({ members, map, model }: Loaded): TemplateResult {
    const zoomed = this.zoomedArea(model);
    const highlighted = this.findHighlighted(model);
    const picked = this.picked ? model.byId.get(this.picked) : undefined;
    const marked = picked ?? highlighted;
    const matches = this.query.trim() ? searchMembers(model, this.query) : [];
    const asOf = members.data.asOf;
    return html`
      ${this.renderStale(members.stale ? members : map)}
      ${this.renderSearch(model, matches)}
      ${this.state && !zoomed ? html`<p class="note" role="note">${this.t('“{state}” is not a US state or territory on this map; showing the whole country.', { state: this.state })}</p>` : nothing}
      <div class="layout ${zoomed ? 'layout--zoomed' : ''}">
        <figure class="figure">
          ${zoomed ? html`<button type="button" class="button button--secondary back back--top" part="back" @click=${() => this.back()}>${this.t('Back to the whole country')}</button>` : nothing}
          ${this.renderMap(model, zoomed, marked, matches)}
          <figcaption class="caption" part="caption">
            ${this.highlight
              ? highlighted
                ? html`<p class="caption__highlight"><span class="key key--mark" aria-hidden="true"></span>${this.tParts("Highlighted: {city}, one of the coalition's member cities.", {
                    city: html`<strong>${highlighted.city}, ${model.byCode.get(highlighted.state)?.name ?? highlighted.state}</strong>`,
                  })}</p>`
                : html`<p class="caption__highlight caption__highlight--missing">${this.t("“{highlight}” is not in the coalition's member list.", { highlight: this.highlight })}</p>`
              : nothing}
            <p>
              ${this.tParts(
                model.total === 1
                  ? '{count} member city of {coalition} in {states} states and territories, as of {date}. Source: {source}. Map: {map}.'
                  : '{count} member cities of {coalition} in {states} states and territories, as of {date}. Source: {source}. Map: {map}.',
                {
                  count: formatNumber(model.total, this.renderLocale),
                  coalition: members.index.coalition.name,
                  states: formatNumber(model.withMembers.length, this.renderLocale),
                  date: html`<time datetime=${asOf}>${this.dateText(asOf)}</time>`,
                  // The sources are the feed's English text: marked so a Spanish page reads them as English.
                  source: html`<span lang="en">${members.data.source}</span>`,
                  map: html`<span lang="en">${map.data.source}</span>`,
                },
              )}
            </p>
          </figcaption>
        </figure>
        ${zoomed ? this.renderDetail(model, zoomed, marked) : nothing}
      </div>
      ${this.renderLegend()}
      ${this.renderList(model, marked)}
      <p class="visually-hidden" role="status" id="map-status">${this.announcement}</p>
    `;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.renderLocale = this.locale;
    // Created while the feed loads: the first Intl formatter of a page is slow to make.
    numberFormat(this.renderLocale);
    dateFormat(this.renderLocale);
  }

  protected override render(): TemplateResult {
    // The same room as the search box, the map, its caption, legend and list line.
    const skeleton = html`<span class="skeleton skeleton--search"></span><span class="skeleton skeleton--map"></span><span class="skeleton skeleton--caption"></span>`;
    return html`<div class="root" part="base" @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}>
      ${this.renderTask(this.data, (v) => this.renderReady(v as Loaded), skeleton)}
    </div>`;
  }
}

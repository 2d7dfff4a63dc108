import { html, nothing, svg, type TemplateResult } from 'lit';
import { BUCKETS, dotPath, zoomBox, type MapArea, type MapModel, type PlacedMember } from './model.js';
import { geometryOf, paintAreas } from './geometry.js';
import type { TooltipController } from './tooltip.js';
import type { ZoomController } from './zoom.js';
import type { MapWords } from './words.js';

/** What the map shows: the zoomed state, the marked city and the search matches. */
export interface MapView {
  model: MapModel;
  zoomed: MapArea | undefined;
  marked: PlacedMember | undefined;
  matches: PlacedMember[];
  /** The `state` attribute as written. */
  state: string | null;
}

/** The SVG's title and description, read before the states. */
function describe({ model, zoomed }: MapView, w: MapWords): { title: string; desc: string } {
  const total = model.total;
  const title = w.t(total === 1 ? 'Map of {count} member city' : 'Map of {count} member cities', { count: w.number(total) });
  const desc = [
    w.t(
      total === 1
        ? '{count} member city in {states} states and territories, one dot per city; each state is shaded by its number of member cities.'
        : '{count} member cities in {states} states and territories, one dot per city; each state is shaded by its number of member cities.',
      { count: w.number(total), states: w.number(model.withMembers.length) },
    ),
    w.t('Alaska, Hawaii, Puerto Rico, the U.S. Virgin Islands, Guam, the Northern Mariana Islands and American Samoa are drawn in insets.'),
    zoomed ? w.t('Zoomed in on {state}.', { state: zoomed.name }) : '',
    w.t("Use the arrow keys to move between states and Enter to list a state's cities; every state and city is also in the list below the map."),
  ]
    .filter(Boolean)
    .join(' ');
  return { title, desc };
}

/** Widths (diameters) of the dots and marks in map units on the whole-country view, about CSS pixels at full width. */
export const DOT_WIDTHS = { dot: 3.5, dotZoomed: 6, matchHalo: 9, match: 6, markHalo: 20, markRing: 16, markCore: 7 } as const;

/** A width in map units that draws `px` map-units-at-full-view whatever the zoom (`scale`: how many times the view is magnified). */
const at = (px: number, scale: number): string => String(Math.round((px / scale) * 1000) / 1000);

/** The map: shaded states (the interactive ones are buttons), dots, rings and marks, and the tooltip. */
export function renderMap(view: MapView, zoom: ZoomController, tooltip: TooltipController, w: MapWords): TemplateResult {
  const { model, zoomed, marked, matches } = view;
  const viewBox = zoomed ? zoomBox(zoomed, model.viewBox) : model.viewBox;
  const { title, desc } = describe(view, w);
  // Dots keep their size on screen when zoomed: their widths are divided by the magnification.
  const scale = Math.max(1, Math.min(model.viewBox[2] / viewBox[2], model.viewBox[3] / viewBox[3]));
  const W = DOT_WIDTHS;
  // A zoomed view shows only the state: neighbours and the insets' frames are clipped away.
  const clip = zoomed ? 'url(#zoom-clip)' : nothing;
  const active = model.withMembers[zoom.focusIndex]?.code;
  const geometry = geometryOf(model);
  paintAreas(model, geometry, zoomed, active, (a) => `${a.name}: ${w.count(a.count)}`);
  const tip = tooltip.tip;
  const hoverArea = tip?.by === 'hover' ? model.byCode.get(tip.code) : undefined;
  const focusArea = zoom.focused ? model.byCode.get(zoom.focused) : undefined;
  // Listeners sit on the HTML box around the SVG: Chromium makes an SVG element with focus
  // listeners a tab stop of its own.
  return html`<div class="stage"
      @keydown=${(e: KeyboardEvent) => zoom.onMapKeydown(e, model)}
      @pointerover=${(e: PointerEvent) => zoom.onArea(e, model)}
      @focusin=${(e: FocusEvent) => zoom.onArea(e, model)}
      @click=${(e: MouseEvent) => zoom.onArea(e, model)}
      @pointerleave=${() => tooltip.hideSoon()}
      @focusout=${(e: FocusEvent) => zoom.onFocusOut(e)}>
      <svg class="map ${zoomed ? 'map--zoomed' : ''} ${matches.length ? 'map--searching' : ''}" part="map" viewBox=${viewBox.join(' ')}
        preserveAspectRatio="xMidYMid meet" role="group" aria-labelledby="map-title" aria-describedby="map-desc">
        <title id="map-title">${title}</title>
        <desc id="map-desc">${desc}</desc>
        ${zoomed ? svg`<defs><clipPath id="zoom-clip"><path d=${zoomed.d}></path></clipPath></defs>` : nothing}
        <g class="areas" clip-path=${clip}>
${geometry.areas}</g>
        ${zoomed ? svg`<path class="ring ring--zoomed" d=${zoomed.d} aria-hidden="true"></path>` : nothing}
        ${hoverArea ? svg`<path class="ring ring--hover" d=${hoverArea.d} aria-hidden="true"></path>` : nothing}
        <g class="dots" aria-hidden="true" clip-path=${clip} stroke-width=${at(zoomed ? W.dotZoomed : W.dot, scale)}>
${geometry.dots}</g>
        ${matches.length
          ? svg`<g class="matches" aria-hidden="true"><path class="match-halo" stroke-width=${at(W.matchHalo, scale)} d=${dotPath(matches)}></path><path class="match" stroke-width=${at(W.match, scale)} d=${dotPath(matches)}></path></g>`
          : nothing}
        ${focusArea
          ? svg`<g class="focus-ring" aria-hidden="true" data-code=${focusArea.code}><path class="ring ring--focus-halo" d=${focusArea.d}></path><path class="ring ring--focus" d=${focusArea.d}></path></g>`
          : nothing}
        ${marked && marked.x !== null
          ? svg`<g class="mark" aria-hidden="true" data-id=${marked.id}>
              <path class="mark-halo" stroke-width=${at(W.markHalo, scale)} d=${dotPath([marked])}></path><path class="mark-ring" stroke-width=${at(W.markRing, scale)} d=${dotPath([marked])}></path><path class="mark-core" stroke-width=${at(W.markCore, scale)} d=${dotPath([marked])}></path>
            </g>`
          : nothing}
      </svg>
      ${tooltip.render(model, viewBox, view.state, w)}
    </div>`;
}

/** The legend of shades and marks. */
export function renderLegend(w: MapWords): TemplateResult {
  const shades = [0, ...BUCKETS.map((_, i) => i + 1)];
  return html`<div class="legend" part="legend">
      <p class="legend__title" id="legend-title">${w.t('Member cities per state')}</p>
      <ul class="legend__shades" aria-labelledby="legend-title">
        ${shades.map((b) => html`<li><span class="swatch b${b}" aria-hidden="true"></span>${w.bucket(b)}</li>`)}
      </ul>
      <ul class="legend__marks">
        <li><span class="key key--dot" aria-hidden="true"></span>${w.t('A member city')}</li>
        <li><span class="key key--mark" aria-hidden="true"></span>${w.t('Highlighted city')}</li>
      </ul>
    </div>`;
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { findArea, type MapArea, type MapModel, type PlacedMember } from './model.js';
import type { TooltipController } from './tooltip.js';
import type { MapWords } from './words.js';

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

/** The element: its `state` attribute is the state zoomed in. */
type Host = ReactiveControllerHost & HTMLElement & { state: string | null; readonly renderRoot: HTMLElement | DocumentFragment };

interface Options {
  model: () => MapModel | undefined;
  words: () => MapWords;
  tooltip: TooltipController;
}

/**
 * Moving around the map: the one tab stop among the states and the arrow keys, zooming in on a
 * state (click, Enter) and back out (Escape, "Back to the whole country"), picking a city, where
 * focus goes after each, the polite announcement of a zoom, and the `maig-member-select` event.
 */
export class ZoomController implements ReactiveController {
  /** Index in `withMembers` of the state that holds the map's one tab stop. */
  focusIndex = 0;
  /** The state that has focus: it gets the focus ring, with or without a tooltip. */
  focused: string | null = null;
  /** The polite announcement of a zoom by mouse or from a search result. */
  announcement = '';
  /** A city picked from the search or a list. */
  picked: string | null = null;
  /** What to focus after the next render. */
  private focusAfterRender: (() => HTMLElement | SVGElement | null | undefined) | null = null;

  constructor(
    private readonly host: Host,
    private readonly options: Options,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const focus = this.focusAfterRender;
    if (focus) {
      this.focusAfterRender = null;
      focus()?.focus();
    }
  }

  /** The area shown zoomed in, from the `state` attribute. */
  zoomed(model: MapModel): MapArea | undefined {
    return this.host.state ? findArea(model, this.host.state) : undefined;
  }

  private get root(): HTMLElement | DocumentFragment {
    return this.host.renderRoot;
  }

  private statePath(code: string): SVGPathElement | null {
    return this.root.querySelector<SVGPathElement>(`path.area[data-code="${code}"]`);
  }

  private select(detail: MemberSelectDetail): void {
    this.host.dispatchEvent(new CustomEvent<MemberSelectDetail>('maig-member-select', { detail, bubbles: true, composed: true }));
  }

  /** Says something politely; the same words twice are still read. */
  private announce(text: string): void {
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
    this.host.requestUpdate();
  }

  /** The tab stop moves to `area`. */
  private moveStop(model: MapModel, area: MapArea): number {
    const i = model.withMembers.indexOf(area);
    if (i >= 0) this.focusIndex = i;
    return i;
  }

  /** Zooms to a state, lists its cities, tells the page. */
  zoomTo(area: MapArea, { focusDetail }: { focusDetail: boolean }): void {
    const model = this.options.model();
    if (!model) return;
    this.host.state = area.code;
    this.moveStop(model, area);
    this.options.tooltip.hide();
    // The keyboard moves focus to the panel's heading, which is read; a click is announced.
    if (focusDetail) {
      // Focus leaves the state for the panel's heading: no focus ring, drawn in this update.
      this.focused = null;
      this.focusAfterRender = () => this.root.querySelector<HTMLElement>('#detail-title');
    }
    else {
      const w = this.options.words();
      this.announce(w.t('Zoomed in on {state}: {count}, listed after the map.', { state: area.name, count: w.count(area.count) }));
    }
    this.host.requestUpdate();
    this.select({ type: 'state', state: area.code });
  }

  /** Back to the whole country; focus returns to the state that was zoomed (unless it stays in the search box). */
  back({ keepFocus = false } = {}): void {
    const model = this.options.model();
    const area = model && this.zoomed(model);
    this.host.state = null;
    this.options.tooltip.hide();
    if (keepFocus) this.announce(this.options.words().t('Showing the whole country.'));
    else if (area && model) {
      const i = this.moveStop(model, area);
      if (i >= 0) {
        // The focus that follows would show these: drawn in this update instead of a second one.
        this.focused = area.code;
        this.options.tooltip.show(area.code, 'focus');
      }
      this.focusAfterRender = () => (i >= 0 ? this.statePath(area.code) : this.root.querySelector<HTMLElement>('input[type=search]'));
      this.host.requestUpdate();
    }
  }

  /** Marks a city picked from the search or a list, and zooms to its state. */
  pickCity(member: PlacedMember): void {
    const model = this.options.model();
    if (!model) return;
    this.picked = member.id;
    const area = model.byCode.get(member.state);
    if (area) {
      this.host.state = area.code;
      this.moveStop(model, area);
    }
    this.options.tooltip.hide();
    const w = this.options.words();
    this.announce(
      area
        ? w.t('Zoomed in on {state}: {city} is marked on the map.', { state: area.name, city: member.city })
        : w.t('{city} is marked on the map.', { city: member.city }),
    );
    this.select({ type: 'city', state: member.state, city: member.city, id: member.id });
  }

  /** Arrow keys, Home and End move between states in name order; Enter and Space zoom in. */
  onMapKeydown(e: KeyboardEvent, model: MapModel): void {
    const target = e.target as Element;
    const code = target.getAttribute?.('data-code');
    const list = model.withMembers;
    const move = (i: number) => {
      e.preventDefault();
      this.focusIndex = (i + list.length) % list.length;
      const next = list[this.focusIndex]!;
      this.options.tooltip.show(next.code, 'focus');
      // Its focus ring is drawn in this update: the focus that follows changes nothing (no second update).
      this.focused = next.code;
      this.focusAfterRender = () => this.statePath(next.code);
      this.host.requestUpdate();
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
  onArea(e: Event, model: MapModel): void {
    const tooltip = this.options.tooltip;
    const code = (e.target as Element).getAttribute?.('data-code');
    const area = code ? model.byCode.get(code) : undefined;
    if (!area) {
      if (e.type === 'pointerover' && !(e.target as Element).closest?.('.tip')) tooltip.hideSoon();
      return;
    }
    if (e.type === 'click') this.zoomTo(area, { focusDetail: (e as MouseEvent).detail === 0 });
    else {
      if (e.type === 'focusin' && this.focused !== area.code) {
        this.focused = area.code;
        this.host.requestUpdate();
      }
      tooltip.show(area.code, e.type === 'focusin' ? 'focus' : 'hover');
    }
  }

  /** Focus leaves a state: no focus ring; and the tooltip goes when focus leaves the map. */
  onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Element | null;
    if (!next?.getAttribute?.('data-code') && this.focused !== null) {
      this.focused = null;
      this.host.requestUpdate();
    }
    if (!(e.currentTarget as Element).contains(next)) this.options.tooltip.hide();
  }
}

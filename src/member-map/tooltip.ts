import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { onEscape } from '../shared/a11y/escape.js';
import type { MapModel } from './model.js';
import type { MapWords } from './words.js';

/** The state whose name and count show over the map. */
export interface Tip {
  code: string;
  /** Hover tips follow the pointer; focus tips follow the keyboard. */
  by: 'hover' | 'focus';
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The tooltip over a hovered or focused state: which state, where it goes (above the state, or
 * below, never over it, and inside the map), hiding after the pointer leaves, and Escape, which
 * dismisses a hover tooltip wherever focus is (WCAG 1.4.13).
 */
export class TooltipController implements ReactiveController {
  private current: Tip | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private position: { left: string; top: string } | null = null;
  /** Stops the window's Escape listener, present only while a hover tooltip shows. */
  private stopEscape: (() => void) | null = null;
  /** Escape dismisses a hover tooltip even when focus is outside the widget (WCAG 1.4.13). */
  private readonly onWindowEscape = (e: KeyboardEvent): void => {
    // Inside the widget, the element's keydown handles it (tooltip first, then the zoom).
    if (!this.current || e.composedPath().includes(this.host)) return;
    this.hide();
  };

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  get tip(): Tip | null {
    return this.current;
  }

  show(code: string, by: Tip['by']): void {
    clearTimeout(this.hideTimer);
    if (this.current?.code !== code || this.current.by !== by) this.set({ code, by });
  }

  hide(): void {
    this.set(null);
  }

  /** A hover tooltip goes a moment after the pointer leaves (time to move onto it). */
  hideSoon(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (this.current?.by === 'hover') this.hide();
    }, 400);
  }

  /** The pointer is on the tooltip: it stays. */
  keep(): void {
    clearTimeout(this.hideTimer);
  }

  private set(tip: Tip | null): void {
    if (tip === this.current) return;
    this.current = tip;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    this.listenForEscape(this.current?.by === 'hover');
    const tip = this.host.renderRoot.querySelector<HTMLElement>('.tip');
    if (tip && this.position) {
      tip.style.left = this.position.left;
      tip.style.top = this.position.top;
      this.keepInside(tip);
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.hideTimer);
    this.listenForEscape(false);
  }

  private listenForEscape(on: boolean): void {
    if (on === !!this.stopEscape) return;
    this.stopEscape?.();
    this.stopEscape = on ? onEscape(window, this.onWindowEscape) : null;
  }

  /** Moves the tooltip sideways so that it stays inside the map (an edge state in a narrow column). */
  private keepInside(tip: HTMLElement): void {
    const stage = tip.offsetParent as HTMLElement | null;
    const width = stage?.clientWidth ?? 0;
    if (!width) return;
    const half = tip.offsetWidth / 2;
    const center = (parseFloat(this.position!.left) / 100) * width;
    const clamped = Math.min(width - half, Math.max(half, center));
    if (Math.abs(clamped - center) > 0.5) tip.style.left = `${((clamped / width) * 100).toFixed(2)}%`;
  }

  /** The tooltip for the map shown in `viewBox`; `zoomed` is the `state` attribute (the state zoomed in). */
  render(model: MapModel, viewBox: [number, number, number, number], zoomed: string | null, w: MapWords): TemplateResult | typeof nothing {
    const area = this.current && model.byCode.get(this.current.code);
    if (!area) return nothing;
    const [, , fw, fh] = model.viewBox;
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
    // Applied through the CSSOM in hostUpdated(): a style attribute would break a strict CSP.
    this.position = {
      left: `${Math.min(88, Math.max(12, left)).toFixed(2)}%`,
      top: `${(place === 'above' ? top : place === 'below' ? bottom : 0).toFixed(2)}%`,
    };
    const n = area.count;
    return html`<div class="tip tip--${place}" part="tooltip" aria-hidden="true"
      @pointerenter=${() => this.keep()} @pointerleave=${() => this.hideSoon()}>
      <strong class="tip__name">${area.name}</strong> ${n ? w.count(n) : w.t('No member city listed')}
      ${n ? html`<span class="tip__hint">${zoomed === area.code ? '' : w.t('Click or press Enter to see the cities')}</span>` : nothing}
    </div>`;
  }
}

import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { MapModel, PlacedMember } from './model.js';
import type { MapWords } from './words.js';

/**
 * The list alternative to the map: every state with members and its cities, in disclosures
 * that are always there for screen readers and keyboards. Rendered when opened: 46 closed
 * <details> cost more than the whole map to create.
 */
export class CityList {
  /** Whether the list is open. */
  private open = false;
  /** States opened in the list (their cities render only when open). */
  private openStates = new Set<string>();

  /** What was open before the page was printed (printing opens the whole list). */
  private saved?: { open: boolean; states: Set<string> };
  private lastModel?: MapModel;

  /** `host` re-renders when the state of this part changes. */
  constructor(private readonly host: ReactiveControllerHost) {}

  /** Printing: every state's cities listed (`on`), then what was open before (`!on`). */
  print(on: boolean): void {
    if (on && !this.saved) {
      this.saved = { open: this.open, states: this.openStates };
      this.open = true;
      this.openStates = new Set(this.lastModel?.withMembers.map((a) => a.code) ?? []);
    } else if (!on && this.saved) {
      ({ open: this.open, states: this.openStates } = this.saved);
      this.saved = undefined;
    }
    this.host.requestUpdate();
  }

  render(model: MapModel, marked: PlacedMember | undefined, w: MapWords): TemplateResult {
    this.lastModel = model;
    return html`<details class="all" part="list" ?open=${this.open} @toggle=${(e: Event) => {
      if (e.target !== e.currentTarget) return;
      const open = (e.target as HTMLDetailsElement).open;
      if (open === this.open) return;
      this.open = open;
      this.host.requestUpdate();
    }}>
      <summary>${w.t(model.total === 1 ? '{count} member city, as a list by state' : 'All {count} member cities, as a list by state', { count: w.number(model.total) })}</summary>
      ${this.open ? this.renderBody(model, marked, w) : nothing}
    </details>`;
  }

  private renderBody(model: MapModel, marked: PlacedMember | undefined, w: MapWords): TemplateResult {
    return html`<ul class="all__states">
        ${model.withMembers.map((a) => {
          const open = this.openStates.has(a.code);
          return html`<li>
            <details ?open=${open} @toggle=${(e: Event) => this.onToggle(e, a.code)}>
              <summary>${a.name}: ${w.count(a.count)}</summary>
              ${open
                ? html`<ul class="all__cities">
                    ${model.citiesOf(a).map((m) => html`<li>${m.city}${marked?.id === m.id ? ` ${w.t('(highlighted)')}` : ''}</li>`)}
                  </ul>`
                : nothing}
            </details>
          </li>`;
        })}
      </ul>
      ${model.withoutMembers.length
        ? html`<p class="all__none">${w.t('No member city listed in: {states}.', { states: model.withoutMembers.map((a) => a.name).join(', ') })}</p>`
        : nothing}`;
  }

  private onToggle(e: Event, code: string): void {
    const open = (e.target as HTMLDetailsElement).open;
    if (open === this.openStates.has(code)) return;
    const next = new Set(this.openStates);
    if (open) next.add(code);
    else next.delete(code);
    this.openStates = next;
    this.host.requestUpdate();
  }
}

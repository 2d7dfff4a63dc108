import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { searchMembers, type MapModel, type PlacedMember } from './model.js';
import type { MapWords } from './words.js';

/** Search results listed at once; the rest are counted. */
const MAX_RESULTS = 12;

/** The "Find a member city" box: what is typed, the cities it matches, and their list. */
export class MapSearch {
  private text = '';

  /** `host` re-renders when the state of this part changes. */
  constructor(private readonly host: ReactiveControllerHost) {}

  get query(): string {
    return this.text;
  }

  set query(value: string) {
    if (value === this.text) return;
    this.text = value;
    this.host.requestUpdate();
  }

  /** The member cities that match what is typed (none for an empty box). */
  matches(model: MapModel): PlacedMember[] {
    return this.text.trim() ? searchMembers(model, this.text) : [];
  }

  /** The box, its status line and the matching cities; `pick` is called with the city chosen. */
  render(model: MapModel, matches: PlacedMember[], picked: string | null, pick: (m: PlacedMember) => void, w: MapWords): TemplateResult {
    const q = this.text.trim();
    const shown = matches.slice(0, MAX_RESULTS);
    const n = matches.length;
    const status = !q
      ? ''
      : w.t(n === 0 ? 'No member city matches “{query}”.' : n === 1 ? '{count} city matches “{query}”.' : '{count} cities match “{query}”.', {
          count: w.number(n),
          query: q,
        });
    return html`<div class="search">
      <label for="search">${w.t('Find a member city')}</label>
      <input id="search" part="search" type="search" autocomplete="off" spellcheck="false" .value=${this.text}
        aria-describedby="search-status" aria-controls="results"
        @input=${(e: InputEvent) => (this.query = (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          // Enter picks the only match (with more, the person picks from the list).
          if (e.key === 'Enter' && matches.length === 1) {
            e.preventDefault();
            pick(matches[0]!);
          }
        }} />
      <p id="search-status" class="search__status" role="status">${status}</p>
      <ul id="results" class="results" part="results" ?hidden=${!shown.length} aria-label=${w.t('Matching member cities')}>
        ${shown.map(
          (m) => html`<li><button type="button" class="city" aria-current=${picked === m.id ? 'true' : 'false'} @click=${() => pick(m)}>
            ${m.city}<span class="city__state">, ${model.byCode.get(m.state)?.name ?? m.state}</span></button></li>`,
        )}
        ${matches.length > shown.length
          ? html`<li class="results__more">${w.t('and {count} more: type more of the name.', { count: w.number(matches.length - shown.length) })}</li>`
          : nothing}
      </ul>
    </div>`;
  }
}

import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import { EmptyResult, MaigDataElement } from '../shared/base/maig-data-element.js';
import { baseStyles } from '../shared/styles/base.js';
import { loadResource, type LoadedResource } from '../shared/feed/client.js';
import { WidgetError } from '../shared/feed/errors.js';
import { FEED_SHAPES } from './feed-shapes.generated.js';
import type { MembersResource, StateInfo } from '../shared/feed/types.js';
import { formatDate, formatNumber } from '../shared/format/locale.js';
import { findState } from '../shared/feed/find-state.js';
import { memberCountStyles } from './maig-member-count.styles.js';

interface Counted {
  loaded: LoadedResource<MembersResource>;
  count: number;
  state?: StateInfo;
}

/**
 * The number of member cities in the coalition's feed, for a partner's sidebar: the count in
 * the page's locale, an "as of" date, and, kept apart from the count, the coalition's own
 * headline claim.
 *
 * @tag maig-member-count
 * @summary A live count of the coalition's member cities.
 *
 * @attr feed - URL of the data feed (index.json or its folder).
 * @attr state - Count only one state or territory (USPS code such as `NJ`, or its name).
 * @attr label - Text after the number, instead of "member cities" / "member cities in New Jersey".
 * @attr hide-claim - Leave out the coalition's headline claim.
 * @attr theme - By default the host page's color scheme (light unless the page declares `color-scheme: light dark` and the reader's system is dark, or `dark`); `auto` follows the reader's system; `light` or `dark` forces it.
 * @attr lang - Language of the widget (`es`, `es-US`, `es-PR`… for Spanish; otherwise English). Default: the nearest ancestor's `lang`, then the page's.
 *
 * @slot - Fallback content, shown before the script runs and when the feed cannot be read.
 *
 * @csspart base - The widget's box.
 * @csspart number - The count.
 * @csspart label - The words after the count.
 * @csspart as-of - The "as of" date.
 * @csspart claim - The coalition's headline claim.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state (no member in the state asked for).
 * @csspart error - The error state.
 * @csspart retry - The error state's "Try again" button.
 * @csspart stale - The note shown over a kept, possibly out-of-date copy.
 *
 * @cssprop [--maig-font-size=medium] - Base font size; everything scales from it. Default: the reader's browser setting, not the page's root size.
 * @cssprop [--maig-font-family=system-ui] - Font family.
 * @cssprop [--maig-color-text=#1b1b1b] - Text color.
 * @cssprop [--maig-color-muted=#565c65] - Secondary text color.
 * @cssprop [--maig-color-surface=#ffffff] - Background.
 * @cssprop [--maig-color-accent=#005ea2] - The number's color.
 * @cssprop [--maig-color-border=#71767a] - Border.
 * @cssprop [--maig-radius=0.375em] - Corner radius.
 */
export class MaigMemberCount extends MaigDataElement {
  /** This widget's Spanish strings: fetched only when it shows in Spanish. */
  static override spanish = () => import('./catalog-es.js');

  static override styles = [baseStyles, memberCountStyles];

  // No decorators here: the member count is the smallest widget, and without them a page that
  // shows only a count loads no decorator code.
  static override properties: PropertyDeclarations = {
    state: { reflect: true },
    label: { reflect: true },
    hideClaim: { type: Boolean, reflect: true, attribute: 'hide-claim' },
  };

  /** USPS code or name of a state or territory to count; all members when unset. */
  state: string | null = null;

  /** Replaces the words after the number. */
  label: string | null = null;

  /** Leaves out the coalition's headline claim. */
  hideClaim = false;

  protected override get loadingText(): string {
    return this.t('Loading the member count…');
  }

  protected override get errorTitle(): string {
    return this.t('The member count could not be shown.');
  }

  private readonly data = new Task(this, {
    task: async ([feedUrl, stateQuery]: readonly [string, string | null]): Promise<Counted | EmptyResult> => {
      const loaded = await loadResource(feedUrl, 'members', FEED_SHAPES);
      if (!stateQuery?.trim()) return { loaded, count: loaded.data.members.length };
      const state = findState(loaded.data.states, stateQuery);
      if (!state) {
        throw new WidgetError('"{query}" is not a US state or territory. Use a USPS code such as "NJ" or a name such as "New Jersey".', { query: stateQuery });
      }
      const count = loaded.data.members.filter((m) => m.state === state.code).length;
      if (count === 0) return new EmptyResult("No member cities in {state} are listed in the coalition's feed yet.", { state: state.name });
      return { loaded, count, state };
    },
    // Its messages are English, translated at render: a change of `lang` does not run it again.
    args: () => [this.feedUrl, this.state] as const,
  });

  private renderCount({ loaded, count, state }: Counted): TemplateResult {
    const one = count === 1;
    const label =
      this.label?.trim() ||
      (state ? this.t(one ? 'member city in {state}' : 'member cities in {state}', { state: state.name }) : this.t(one ? 'member city' : 'member cities'));
    const coalition = loaded.index.coalition;
    // The claim in the widget's language when the feed has it; otherwise the English, marked so.
    const translated = this.uiLang === 'en' ? coalition.headline : coalition.es?.headline;
    const claim = translated ?? coalition.headline;
    const lower = claim && claim.charAt(0).toLowerCase() + claim.slice(1);
    return html`
      ${this.renderStale(loaded)}
      <p class="count">
        <data class="number" part="number" value=${count}>${formatNumber(count, this.locale)}</data>
        <span class="label" part="label">${label}</span>
      </p>
      <p class="as-of" part="as-of">
        ${this.tParts('{name}, as of {date}', {
          name: coalition.name,
          date: html`<time datetime=${loaded.data.asOf}>${formatDate(loaded.data.asOf, this.locale)}</time>`,
        })}
      </p>
      ${claim && !this.hideClaim
        ? html`<p class="claim" part="claim">${this.tParts('The coalition: {claim}.', { claim: translated ? lower : html`<span lang="en">${lower}</span>` })}</p>`
        : nothing}
    `;
  }

  protected override render(): TemplateResult {
    const skeleton = html`<span class="skeleton skeleton--number"></span><span class="skeleton skeleton--line"></span><span class="skeleton skeleton--line"></span>`;
    return html`<div class="root" part="base">${this.renderTask(this.data, (v) => this.renderCount(v as Counted), skeleton)}</div>`;
  }
}

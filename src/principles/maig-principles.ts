import { headingLevel, subLevel } from '../shared/a11y/heading-level.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { MaigDataElement } from '../shared/base/maig-data-element.js';
import { baseStyles } from '../shared/styles/base.js';
import { loadResource, type LoadedResource } from '../shared/feed/client.js';
import { WidgetError } from '../shared/feed/errors.js';
import { FEED_SHAPES } from './feed-shapes.generated.js';
import type { PrinciplesResource, PrinciplesVersion } from '../shared/feed/types.js';
import { principlesStyles } from './maig-principles.styles.js';
import { safeHref } from '../shared/text/safe-url.js';

/** `detail` of `maig-principle-toggle`. */
export interface PrincipleToggleDetail {
  /** Id of the principle, or `"all"` for expand all / collapse all. */
  id: string;
  open: boolean;
}

interface Shown {
  loaded: LoadedResource<PrinciplesResource>;
  version: PrinciplesVersion;
}

/**
 * The coalition's Statement of Principles: the "Whereas" preamble, then each principle's title
 * as a disclosure button that shows its body. Expand all / collapse all; printing shows
 * everything; `#<principle-id>` in the page's URL opens that principle.
 *
 * @tag maig-principles
 * @summary The Statement of Principles as an accessible list of disclosures.
 *
 * @attr feed - URL of the data feed (index.json or its folder).
 * @attr version - Id of the version to show (`current`, `earlier`); the feed's default when absent.
 * @attr open - Show every principle expanded.
 * @attr join - Show a link to join the coalition: empty for the feed's join address, or a URL.
 * @attr heading-level - Level (2-6) of the statement's heading; the principles use the next level. A number outside 2-6 is brought to the nearest; `0` hides the heading. Default 2.
 * @attr theme - By default the host page's color scheme (light unless the page declares `color-scheme: light dark` and the reader's system is dark, or `dark`); `auto` follows the reader's system; `light` or `dark` forces it.
 * @attr lang - Language of the widget (`es`, `es-US`, `es-PR`… for Spanish; otherwise English). Default: the nearest ancestor's `lang`, then the page's. The statement itself stays English, marked `lang="en"`.
 *
 * @fires {CustomEvent<PrincipleToggleDetail>} maig-principle-toggle - A principle (or all) was opened or closed by the reader.
 *
 * @slot - Fallback content, shown before the script runs and when the feed cannot be read.
 *
 * @csspart base - The widget's box.
 * @csspart heading - The statement's heading.
 * @csspart preamble - The "Whereas" clauses and resolution.
 * @csspart toolbar - The expand all / collapse all buttons.
 * @csspart list - The list of principles.
 * @csspart toggle - Each principle's disclosure button.
 * @csspart body - Each principle's text.
 * @csspart english-only - The note, on a page in another language, that the statement is available in English only.
 * @csspart join - The link to join.
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
 * @cssprop [--maig-color-accent=#005ea2] - Buttons and links.
 * @cssprop [--maig-color-border=#71767a] - Borders.
 * @cssprop [--maig-color-focus=#2491ff] - Focus ring.
 * @cssprop [--maig-radius=0.375em] - Corner radius.
 * @cssprop [--maig-space=1em] - Padding.
 * @cssprop [--maig-principles-min-height=20em] - Space reserved before the data arrives.
 */
export class MaigPrinciples extends MaigDataElement {
  /** This widget's Spanish strings: fetched only when it shows in Spanish. */
  static override spanish = () => import('./catalog-es.js');

  static override styles = [baseStyles, principlesStyles];

  /** Id of the version to show; the feed's default when unset. */
  @property({ reflect: true }) version: string | null = null;

  /** Show every principle expanded. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Link to join: `""` for the feed's join address, a URL for another, `null` for none. */
  @property({ reflect: true }) join: string | null = null;

  /** Level of the statement's heading (2-6); 0 hides it. */
  @property({ type: Number, reflect: true, attribute: 'heading-level' }) headingLevel = 2;

  @state() private openIds = new Set<string>();

  protected override get loadingText(): string {
    return this.t('Loading the Statement of Principles…');
  }

  protected override get errorTitle(): string {
    return this.t('The Statement of Principles could not be shown.');
  }

  private readonly data = new Task(this, {
    task: async ([feedUrl, version]: readonly [string, string | null]): Promise<Shown> => {
      const loaded = await loadResource(feedUrl, 'principles', FEED_SHAPES);
      const id = version ?? loaded.data.defaultVersion;
      const found = loaded.data.versions.find((v) => v.id === id);
      if (!found) {
        const known = loaded.data.versions.map((v) => `"${v.id}"`).join(', ');
        throw new WidgetError('There is no version "{id}" of the Statement of Principles. Versions published: {known}.', { id, known });
      }
      return { loaded, version: found };
    },
    // Its message is English, translated at render: a change of `lang` does not run it again.
    args: () => [this.feedUrl, this.version] as const,
  });

  private readonly onHashChange = () => this.openFromHash(true);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private lastVersion?: PrinciplesVersion;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const version = this.data.value?.version;
    if (version && version !== this.lastVersion) {
      // A new version: start from the \`open\` attribute and the URL's hash.
      this.lastVersion = version;
      this.openIds = new Set(this.open ? version.principles.map((p) => p.id) : []);
      void this.updateComplete.then(() => this.openFromHash(true));
    } else if (changed.has('open') && version) {
      this.openIds = this.open ? new Set(version.principles.map((p) => p.id)) : new Set();
    }
  }

  /** Opens every principle. */
  expandAll(): void {
    this.openIds = new Set(this.data.value?.version.principles.filter((p) => p.body).map((p) => p.id));
  }

  /** Closes every principle. */
  collapseAll(): void {
    this.openIds = new Set();
  }

  /** Opens (or closes) one principle by id. */
  toggle(id: string, open = !this.openIds.has(id)): void {
    const next = new Set(this.openIds);
    if (open) next.add(id);
    else next.delete(id);
    this.openIds = next;
  }

  /**
   * Expand all / collapse all. The button pressed disables itself (there is nothing more to
   * expand), which would drop focus to the page's <body>: focus moves to the other button.
   */
  private async onToolbar(event: Event, open: boolean): Promise<void> {
    const button = event.currentTarget as HTMLButtonElement;
    const hadFocus = (this.renderRoot as ShadowRoot).activeElement === button;
    if (open) this.expandAll();
    else this.collapseAll();
    this.emit({ id: 'all', open });
    await this.updateComplete;
    if (hadFocus && button.disabled) {
      this.renderRoot.querySelector<HTMLButtonElement>(open ? '.collapse-all' : '.expand-all')?.focus();
    }
  }

  private emit(detail: PrincipleToggleDetail): void {
    this.dispatchEvent(new CustomEvent<PrincipleToggleDetail>('maig-principle-toggle', { detail, bubbles: true, composed: true }));
  }

  private openFromHash(scroll: boolean): void {
    const id = decodeURIComponent(location.hash.slice(1));
    const principle = this.data.value?.version.principles.find((p) => p.id === id);
    if (!principle) return;
    this.toggle(id, true);
    if (scroll) {
      void this.updateComplete.then(() => {
        const button = this.renderRoot.querySelector<HTMLElement>(`#toggle-${CSS.escape(id)}`);
        button?.scrollIntoView({ block: 'start' });
        button?.focus({ preventScroll: true });
      });
    }
  }

  private renderStatement({ loaded, version }: Shown): TemplateResult {
    const withBody = version.principles.filter((p) => p.body);
    const allOpen = withBody.every((p) => this.openIds.has(p.id));
    const noneOpen = withBody.every((p) => !this.openIds.has(p.id));
    const joinUrl = this.join === null ? null : this.join.trim() || loaded.index.coalition.joinUrl;
    // A join URL that is not http(s) or relative (javascript:, data:…) is never a link: plain text.
    const joinHref = joinUrl === null ? null : safeHref(joinUrl);
    // The statement is the coalition's English text: in another language it is marked lang="en"
    // (screen readers switch voice) under a note that it exists in English only.
    const en: 'en' | typeof nothing = this.uiLang === 'en' ? nothing : 'en';
    return html`
      ${this.renderStale(loaded)}
      ${this.renderHeading(version.label, en)}
      ${en === 'en' ? html`<p class="english-only" part="english-only">${this.t('The Statement of Principles is available in English only.')}</p>` : nothing}
      <div class="preamble" part="preamble" lang=${en}>
        ${version.whereas.map((w) => html`<p><span class="whereas-label">Whereas:</span> ${w}</p>`)}
        <p>${version.resolution}</p>
      </div>
      ${withBody.length
        ? html`<div class="toolbar" part="toolbar">
            <button type="button" class="button button--secondary expand-all" ?disabled=${allOpen} @click=${(e: Event) => this.onToolbar(e, true)}>
              ${this.t('Expand all')}
            </button>
            <button type="button" class="button button--secondary collapse-all" ?disabled=${noneOpen} @click=${(e: Event) => this.onToolbar(e, false)}>
              ${this.t('Collapse all')}
            </button>
          </div>`
        : nothing}
      <ol class="list" part="list" lang=${en}>
        ${version.principles.map((p) => this.renderPrinciple(p.id, p.title, p.body))}
      </ol>
      ${joinUrl === null
        ? nothing
        : joinHref
          ? html`<p class="join" part="join"><a class="button" href=${joinHref}>${this.t('Join {name}', { name: loaded.index.coalition.name })}</a></p>`
          : html`<p class="join" part="join">${this.t('Join {name}', { name: loaded.index.coalition.name })}</p>`}
      <p class="source">${this.tParts('Source: {source}.', { source: html`<span lang=${en}>${version.source}</span>` })}</p>
    `;
  }

  private renderHeading(label: string, lang: string | typeof nothing): TemplateResult | typeof nothing {
    const level = headingLevel(this.headingLevel, 2, { hideable: true });
    if (level === null) return nothing;
    return html`<div class="heading" part="heading" role="heading" aria-level=${level} lang=${lang}>${label}</div>`;
  }

  private renderPrinciple(id: string, title: string, body: string): TemplateResult {
    // Under the statement's heading; with the heading hidden, the principles are the top level.
    const level = subLevel(headingLevel(this.headingLevel, 2, { hideable: true }), 2);
    if (!body) {
      return html`<li class="item" id=${id}>
        <div class="title" role="heading" aria-level=${level}><span class="static-title"><span class="number" aria-hidden="true"></span><span class="title-text">${title}</span></span></div>
      </li>`;
    }
    const open = this.openIds.has(id);
    return html`<li class="item" id=${id}>
      <div class="title" role="heading" aria-level=${level}>
        <button
          type="button"
          class="toggle"
          part="toggle"
          id="toggle-${id}"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="body-${id}"
          @click=${() => { this.toggle(id); this.emit({ id, open: !open }); }}
        >
          <span class="number" aria-hidden="true"></span><span class="title-text">${title}</span><span class="chevron" aria-hidden="true"></span>
        </button>
      </div>
      <div class="body ${open ? 'open' : ''}" part="body" id="body-${id}">
        <p>${body}</p>
      </div>
    </li>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<span class="skeleton skeleton--heading"></span>
      ${Array.from({ length: 4 }, () => html`<span class="skeleton"></span>`)}
      ${Array.from({ length: 12 }, () => html`<span class="skeleton skeleton--row"></span>`)}`;
  }

  protected override render(): TemplateResult {
    return html`<div class="root" part="base">${this.renderTask(this.data, (shown) => this.renderStatement(shown), this.renderSkeleton())}</div>`;
  }
}

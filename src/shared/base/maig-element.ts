import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import { resolveFeedUrl, type LoadedResource } from '../feed/client.js';
import { FeedError, describeError } from '../feed/errors.js';
import { formatDate, formatNumber, pageLocale } from '../format/locale.js';
import { litPolicyRefused, warnPolicyRefused } from '../trusted-types.js';
import { isDark, unwatchScheme, watchScheme } from './scheme.js';
import { catalogReady, langOf, langTag, loadCatalog, translate, type CatalogLoader, type Lang, type Values } from '../i18n/i18n.js';

/**
 * What a widget's data task can end with besides its data: nothing to show. `message` is the
 * English text (the catalog key), translated with `values` at render, so it follows `lang`.
 */
export class EmptyResult {
  constructor(
    readonly message: string,
    readonly values?: Values,
  ) {}
}

/** Errors whose detail went to the console already (a re-render writes it once). */
const warnedErrors = new WeakSet<object>();

/**
 * Base of every maig element: the `feed` and `theme` attributes, the page locale, and one look
 * for the loading, empty, error and stale states of a data task.
 */
export abstract class MaigElement extends LitElement {
  // Declared without decorators, like the member count: a page with only a member count then
  // loads no decorator code (they stay in a chunk for the widgets that use them).
  static override properties: PropertyDeclarations = {
    feed: { reflect: true },
    theme: { reflect: true },
    // The native `lang` attribute, observed so that changing it re-renders in the new language.
    lang: { reflect: true },
  };

  /** URL of the data feed (its index.json or its folder). Default: `<meta name="maig-feed">`, then the feed next to the script. */
  feed: string | null = null;

  /**
   * The palette. By default the host page's: a page that declares `color-scheme: light dark`
   * (CSS, or `<meta name="color-scheme" content="light dark">`) gets the dark theme when the
   * reader's system is dark, one that declares `dark` always, one that declares nothing the light
   * theme. `auto` follows the reader's system whatever the page; `light` or `dark` forces it.
   */
  theme: 'light' | 'dark' | 'auto' | null = null;

  /** Custom states (`dark`, for the styles' `:host(:state(dark))`); null where the browser has none. */
  private readonly internalStates: CustomStateSet | null = (() => {
    try {
      return this.attachInternals().states ?? null;
    } catch {
      return null;
    }
  })();

  override connectedCallback(): void {
    super.connectedCallback();
    watchScheme(this);
    this.applyScheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchScheme(this);
  }

  protected override update(changed: PropertyValues): void {
    if (changed.has('theme')) this.applyScheme();
    super.update(changed);
  }

  /**
   * Sets the `dark` state from `theme` and the page (see shared/base/scheme.ts).
   * @internal
   */
  applyScheme(): void {
    const states = this.internalStates;
    if (!states) return;
    try {
      if (isDark(this, this.theme)) states.add('dark');
      else states.delete('dark');
    } catch {
      /* a browser that knows only the older `--dark` form of custom states: the light theme */
    }
  }

  /** The feed this element reads, resolved now. */
  protected get feedUrl(): string {
    return resolveFeedUrl(this, this.feed);
  }

  /** The widget's own Spanish strings, a chunk of their own: `static override spanish = () => import('./catalog-es.js')`. */
  static spanish?: CatalogLoader;

  /** The page's locale for numbers and dates. */
  protected get locale(): string {
    return pageLocale(this);
  }

  /**
   * The widget's language: its own `lang`, then the nearest ancestor's (across shadow roots),
   * then the document's. `es`, `es-US`, `es-PR`… give Spanish; anything else English.
   */
  protected get uiLang(): Lang {
    return langOf(langTag(this));
  }

  /**
   * `source` (the English text) in the widget's language, with `{name}` placeholders filled. A
   * number a translation writes as `{n:100000}` is written the page's way: one number style per
   * language tag ("100,000" in es-US and es-PR, like every figure of the card; "100.000" in es).
   */
  protected t(source: string, values?: Values): string {
    return translate(this.uiLang, source, values).replace(/\{n:(\d+)\}/g, (_, n: string) => formatNumber(Number(n), this.locale));
  }

  /**
   * A Spanish widget waits for the Spanish catalog (its own chunk) before it renders, so that no
   * English word shows first; until then the author's fallback content stays in view. If the
   * catalog cannot be loaded, the widget renders in English rather than not at all.
   */
  protected override async scheduleUpdate(): Promise<void> {
    const lang = this.uiLang;
    const own = (this.constructor as typeof MaigElement).spanish;
    if (!catalogReady(lang, own)) {
      try {
        await loadCatalog(lang, own);
      } catch (error) {
        console.warn('maig-widgets: the Spanish text could not be loaded; showing English.', error);
      }
    }
    super.scheduleUpdate();
  }

  /**
   * When the page's CSP refused Lit's Trusted Types policy (see `shared/trusted-types.ts`), Lit
   * cannot render: the widget shows its fallback content through a plain slot, loads nothing and
   * throws nothing, and the first such widget writes one console message saying what to add.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    if (!litPolicyRefused()) return super.shouldUpdate(changed);
    warnPolicyRefused();
    const root = this.renderRoot;
    if (root && !root.querySelector('slot')) root.replaceChildren(document.createElement('slot'));
    return false;
  }

  /** The loading line screen readers hear, a whole sentence: `this.t('Loading the member count…')`. */
  protected abstract readonly loadingText: string;

  /** The error state's title, a whole sentence: `this.t('The member count could not be shown.')`. */
  protected abstract readonly errorTitle: string;

  /**
   * `source` translated, with each `{name}` replaced by `parts[name]` (text, or a template such
   * as a `<time>` or an English span marked `lang="en"`), in the order the language puts them.
   */
  protected tParts(source: string, parts: Record<string, unknown>): unknown[] {
    return this.t(source)
      .split(/\{(\w+)\}/)
      .map((piece, i) => (i % 2 ? (piece in parts ? parts[piece] : `{${piece}}`) : piece));
  }

  /** The loading state: a status line for screen readers and a placeholder for the eye. */
  protected renderLoading(skeleton: TemplateResult | typeof nothing = nothing): TemplateResult {
    return html`<div class="state state--loading" part="loading" role="status" aria-busy="true">
      <span class="visually-hidden">${this.loadingText}</span>
      <div aria-hidden="true">${skeleton}</div>
    </div>`;
  }

  /** The error state: what happened in plain words, a retry button, and the author's fallback content. */
  protected renderError(error: unknown, retry: () => void): TemplateResult {
    const { message, values, detail } = describeError(error);
    if (detail && !warnedErrors.has(error as object)) {
      if (typeof error === 'object' && error) warnedErrors.add(error);
      console.warn(`maig-widgets: <${this.localName}> ${translate('en', message, values)} (${detail})`);
    }
    return html`<div class="state state--error" part="error" role="alert">
      <p class="state__title">${this.errorTitle}</p>
      <p>${this.t(message, values)}</p>
      ${detail
        ? // Technical detail for whoever looks after the page (a field path, a URL, a parser's
          // message): in the console, and behind a closed "Details", in English, marked so.
          html`<details class="state__detail" part="error-detail">
            <summary>${this.t('Details')}</summary>
            <p lang="en">${detail}</p>
          </details>`
        : nothing}
      <button class="button button--secondary retry" part="retry" type="button" @click=${() => this.retryKeepingFocus(retry)}>${this.t('Try again')}</button>
      <div class="state__fallback"><slot></slot></div>
    </div>`;
  }

  /** The empty state: there is nothing to show for what was asked (`message` in English, translated here). */
  protected renderEmpty(message: string, values?: Values): TemplateResult {
    return html`<div class="state state--empty" part="empty" role="status">
      <p>${this.t(message, values)}</p>
    </div>`;
  }

  /** A note above the content when it comes from a kept copy because the feed could not be read. */
  protected renderStale(loaded: Pick<LoadedResource<unknown>, 'stale' | 'savedAt'>): TemplateResult | typeof nothing {
    if (!loaded.stale) return nothing;
    const text = loaded.savedAt
      ? this.t('The live data could not be loaded. Showing a copy saved on {date}; it may be out of date.', { date: formatDate(loaded.savedAt, this.locale) })
      : this.t('The live data could not be loaded. Showing a copy; it may be out of date.');
    return html`<p class="stale" part="stale" role="note">${text}</p>`;
  }

  /**
   * "Try again" removes itself while the data loads again, so focus would fall to the page's
   * <body>. It goes to the widget's box (`.root`, focusable by script only) instead, stays there
   * while the widget loads and when it shows its content, and moves to the new "Try again" button
   * if that fails again.
   */
  private async retryKeepingFocus(retry: () => unknown): Promise<void> {
    const root = this.renderRoot.querySelector<HTMLElement>('.root');
    if (root) {
      if (!root.hasAttribute('tabindex')) {
        root.tabIndex = -1;
        root.addEventListener('blur', () => root.removeAttribute('tabindex'), { once: true });
      }
      root.focus({ preventScroll: true });
    }
    await retry();
    await this.updateComplete;
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    if (root && focused === root) this.renderRoot.querySelector<HTMLElement>('[part="error"] .retry')?.focus({ preventScroll: true });
  }

  /** Renders a data task in its loading, error, empty and complete states. */
  protected renderTask<T>(
    task: Task<ReadonlyArray<unknown>, T>,
    complete: (value: T) => TemplateResult,
    skeleton: TemplateResult | typeof nothing = nothing,
  ): TemplateResult {
    const loading = () => this.renderLoading(skeleton);
    const retry = () => task.run();
    // A value the widget cannot draw ends in the error state, never in an error thrown into the
    // page (which would also leave the widget loading for ever).
    const draw = (value: T): TemplateResult => {
      try {
        return complete(value);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return this.renderError(new FeedError('schema', '', reason), retry);
      }
    };
    return (
      task.render({
        initial: loading,
        pending: () => (task.value !== undefined && !(task.value instanceof EmptyResult) ? draw(task.value) : loading()),
        complete: (value) => (value instanceof EmptyResult ? this.renderEmpty(value.message, value.values) : draw(value)),
        error: (error) => this.renderError(error, retry),
      }) ?? loading()
    );
  }

}

import { html, nothing, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import type { LoadedResource } from '../feed/client.js';
import { FeedError, describeError } from '../feed/errors.js';
import { formatDate } from '../format/locale.js';
import { translate, type Values } from '../i18n/i18n.js';
import { MaigElement } from './maig-element.js';

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
 * Base of a widget that shows a data task (`@lit/task`): one look for its loading, empty, error
 * and stale states, and "Try again" that keeps focus in the widget.
 */
export abstract class MaigDataElement extends MaigElement {
  /** The loading line screen readers hear, a whole sentence: `this.t('Loading the member count…')`. */
  protected abstract readonly loadingText: string;

  /** The error state's title, a whole sentence: `this.t('The member count could not be shown.')`. */
  protected abstract readonly errorTitle: string;

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

import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { baseStyles } from '../shared/styles/base.js';
import { ApiError } from './api.js';
import { consoleStyles } from './styles.js';

/** What a view's data is: loading, failed (with the server's sentence), or there. */
export type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/** Asks the console to say something in its live region (and, with `focus`, to move focus there). */
export const announce = (from: HTMLElement, message: string): void => {
  from.dispatchEvent(new CustomEvent('staff-announce', { detail: { message }, bubbles: true, composed: true }));
};

/**
 * Base of the console's views: the shared styles, one look for loading and error states, and an
 * answer of 401 (the session ended) sends the person back to the sign-in form.
 */
export abstract class StaffView extends LitElement {
  static override styles = [baseStyles, consoleStyles];

  /** The view's data on its way (focus waits for it: the heading may come with the data). */
  protected fetching: Promise<void> = Promise.resolve();

  /** Moves focus to the view's heading (after navigation), or to its error, once they are rendered. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    await this.fetching;
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>('h1') ?? this.renderRoot.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  }

  /** Moves focus to the element `selector` finds in this view, once it is rendered. */
  protected async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** A failed call: a 401 ends the session in the console; anything else is the view's to show. */
  protected failed(error: unknown): string {
    if (error instanceof ApiError && error.status === 401) {
      this.dispatchEvent(new CustomEvent('staff-signed-out', { detail: { message: error.message }, bubbles: true, composed: true }));
    }
    return error instanceof Error ? error.message : String(error);
  }

  protected renderLoad<T>(load: Load<T>, what: string, ready: (data: T) => TemplateResult | typeof nothing, retry: () => void): TemplateResult | typeof nothing {
    if (load.state === 'loading') return html`<p class="state" role="status">Loading ${what}…</p>`;
    if (load.state === 'error') {
      return html`<div class="state state--error" role="alert" tabindex="-1">
        <p class="state__title">The ${what} could not be loaded.</p>
        <p>${load.message}</p>
        <button class="button button--secondary" type="button" @click=${retry}>Try again</button>
      </div>`;
    }
    return ready(load.data);
  }
}

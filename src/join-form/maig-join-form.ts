import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { property } from '../shared/base/property.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MaigElement } from '../shared/base/maig-element.js';
import { baseStyles } from '../shared/styles/base.js';
import { loadIndex } from '../shared/feed/client.js';
import type { Values } from '../shared/i18n/i18n.js';
import { HONEYPOT_FIELD, MIN_FILL_MS } from '../common/submission.js';
import type { Persist } from './draft.js';
import { prefetchChallenge } from './send.js';
import { joinFormStyles } from './maig-join-form.styles.js';
import { emit } from './events.js';
import { AnswersController } from './answers.js';
import { ValidationController } from './validation.js';
import { SendController } from './sending.js';
import { renderConsent, renderFields, renderHoneypot } from './fields.js';
import { renderConfig, renderStatus, renderSuccess, renderSummary } from './panels.js';
import { headingLevel, subLevel } from '../shared/a11y/heading-level.js';

export type { JoinSubmitDetail, JoinSuccessDetail, JoinErrorDetail } from './events.js';

/**
 * The form a mayor's office fills to join the coalition by signing its Statement of Principles.
 * Real form semantics (labels, autocomplete, constraint validation with plain-language
 * messages, an error summary that takes focus), a draft kept as the person types, and a sender
 * that never submits twice (idempotency key, retries with backoff that honour the receiver's
 * `Retry-After`, a clear "Try again" when it gives up, and by itself when the browser comes back
 * online). Needs a receiver: the `endpoint` attribute (see `server/receiver.mjs` for the
 * reference one). Without it the form shows a configuration message and the fallback content.
 *
 * @summary Join form: sign the Statement of Principles, nothing lost, nothing sent twice.
 * @tag maig-join-form
 *
 * @attr endpoint - URL the form posts to (required; e.g. `/join` on the reference receiver).
 * @attr form-encoded - Post `application/x-www-form-urlencoded` instead of JSON (the idempotency key goes in the body only, so no CORS preflight).
 * @attr persist - Where the draft is kept: `session` (default, this tab), `local` (survives closing the browser) or `none`.
 * @attr city - Prefills the city (for a city's own site).
 * @attr state - Prefills the state or territory: a USPS code (`NJ`) or a name (`New Jersey`).
 * @attr heading - The form's heading text. Default "Join Mayors Against Illegal Guns" (in the form's language).
 * @attr lang - The form's language: `es`, `es-US`, `es-PR`… give Spanish, anything else English. Default: the nearest ancestor's `lang`, then the page's.
 * @attr heading-level - Level (2-6) of the heading; a number outside 2-6 is brought to the nearest; `0` hides it. Default 2.
 * @attr timeout - Milliseconds before one try is given up. Default 15000.
 * @attr retries - Automatic retries after a network error, a timeout or a 5xx. Default 3.
 * @attr retry-delay - Milliseconds before the first retry; doubles after each. Default 1000.
 * @attr min-fill-ms - The form waits until it has been open this long before sending (spam check; the reference receiver requires 3000). Default 3000.
 * @attr feed - URL of the data feed: the Statement of Principles and the coalition's join page come from it.
 * @attr theme - By default the host page's color scheme (light unless the page declares `color-scheme: light dark` and the reader's system is dark, or `dark`); `auto` follows the reader's system; `light` or `dark` forces it.
 *
 * @fires {CustomEvent<JoinSubmitDetail>} maig-join-submit - Valid answers are being sent.
 * @fires {CustomEvent<JoinSuccessDetail>} maig-join-success - The receiver confirmed the submission.
 * @fires {CustomEvent<JoinErrorDetail>} maig-join-error - Answers need fixing, or the form could not be sent after its retries.
 *
 * @slot - Fallback content (e.g. a link to the coalition's join page): shown without JavaScript, and beside the configuration and failure messages.
 *
 * @csspart base - The widget's box.
 * @csspart heading - The heading.
 * @csspart form - The form.
 * @csspart summary - The error summary at the top.
 * @csspart field - Each field's wrapper.
 * @csspart label - Each label.
 * @csspart input - Each text input, select and textarea.
 * @csspart error - Each field's error message.
 * @csspart principles - The disclosure with the Statement of Principles.
 * @csspart submit - The send button.
 * @csspart status - The sending / failure message.
 * @csspart retry - The "Try again" button.
 * @csspart success - The confirmation shown after the receiver stored the submission.
 * @csspart config - The message shown when the form has no endpoint.
 *
 * @cssprop [--maig-font-size=medium] - Base font size; everything scales from it. Default: the reader's browser setting, not the page's root size.
 * @cssprop [--maig-font-family=system-ui] - Font family.
 * @cssprop [--maig-color-text=#1b1b1b] - Text color.
 * @cssprop [--maig-color-muted=#565c65] - Hints.
 * @cssprop [--maig-color-surface=#ffffff] - Background.
 * @cssprop [--maig-color-accent=#005ea2] - Buttons and links.
 * @cssprop [--maig-color-border=#71767a] - Field borders.
 * @cssprop [--maig-color-focus=#2491ff] - Focus ring.
 * @cssprop [--maig-color-danger=#b50909] - Errors.
 * @cssprop [--maig-color-success=#00a91c] - The confirmation's border.
 * @cssprop [--maig-radius=0.375em] - Corner radius.
 * @cssprop [--maig-space=1em] - Padding.
 */
export class MaigJoinForm extends MaigElement {
  /** This widget's Spanish strings: fetched only when it shows in Spanish. */
  static override spanish = () => import('./catalog-es.js');

  static override styles = [baseStyles, joinFormStyles];

  /** URL the form posts to. */
  @property({ reflect: true }) endpoint: string | null = null;

  /** Post form-encoded instead of JSON. */
  @property({ type: Boolean, reflect: true, attribute: 'form-encoded' }) formEncoded = false;

  /** Where the draft is kept. */
  @property({ reflect: true }) persist: Persist = 'session';

  /** City to prefill. */
  @property({ reflect: true }) city: string | null = null;

  /** State or territory to prefill (code or name). */
  @property({ reflect: true }) state: string | null = null;

  /** Heading text (default: "Join Mayors Against Illegal Guns" in the form's language). */
  @property({ reflect: true }) heading: string | null = null;

  /** Level of the heading (2-6); 0 hides it. */
  @property({ type: Number, reflect: true, attribute: 'heading-level' }) headingLevel = 2;

  /** Milliseconds before one try is given up. */
  @property({ type: Number, reflect: true }) timeout = 15_000;

  /** Automatic retries after a network error, a timeout or a 5xx. */
  @property({ type: Number, reflect: true }) retries = 3;

  /** Milliseconds before the first retry; doubles after each. */
  @property({ type: Number, reflect: true, attribute: 'retry-delay' }) retryDelay = 1000;

  /** Minimum time (ms) the form is open before it sends. */
  @property({ type: Number, reflect: true, attribute: 'min-fill-ms' }) minFillMs = MIN_FILL_MS;

  @state() private principlesOpen = false;
  @state() private joinUrl: string | null = null;

  /** `t`, for the parts: the form's words in its language. */
  private readonly say = (source: string, values?: Values): string => this.t(source, values);

  private readonly answers = new AnswersController(this);
  private readonly validation = new ValidationController(this, {
    t: this.say,
    lang: () => this.uiLang,
    locale: () => this.locale,
  });
  private readonly sender = new SendController(this, {
    answers: this.answers,
    validation: this.validation,
    t: this.say,
    lang: () => this.uiLang,
    onFailed: () => {
      if (!this.joinUrl) void this.loadJoinUrl();
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.answers.willUpdate(changed);
    if (changed.has('endpoint') && !this.endpoint?.trim() && !this.joinUrl) void this.loadJoinUrl();
    if (changed.has('endpoint') && this.endpoint?.trim()) prefetchChallenge(new URL(this.endpoint.trim(), this.ownerDocument.baseURI).href);
    if (changed.has('lang') && this.hasUpdated) this.validation.relocalize();
  }

  private configWarned = false;

  protected override updated(): void {
    if (this.endpoint?.trim() || this.configWarned) return;
    this.configWarned = true;
    const message = 'maig-join-form: no endpoint attribute; the form cannot send. Set endpoint="https://…/join" (see docs/receiver.md).';
    console.warn(message);
    emit(this, 'maig-join-error', { kind: 'config', status: null, message, fields: [], attempts: 0, idempotencyKey: null });
  }

  private async loadJoinUrl(): Promise<void> {
    try {
      const index = await loadIndex(this.feedUrl);
      this.joinUrl = index.data.coalition.joinUrl || null;
    } catch {
      /* the slot's fallback content stays the way to join */
    }
  }

  /** Clears the answers and the saved draft. */
  reset(): void {
    this.answers.clear();
    this.validation.clear();
    this.sender.reset();
  }

  /** "Clear the form": the button goes away with the note, so focus moves to the first field. */
  private async clearForm(): Promise<void> {
    this.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#f-name')?.focus();
  }

  /** "Try again": the button goes away while sending, so focus moves to the send button, which stays. */
  private retry(): void {
    this.renderRoot.querySelector<HTMLElement>('button[type="submit"]')?.focus();
    void this.submit();
  }

  private onInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = target.name;
    if (!name || name === HONEYPOT_FIELD) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    this.answers.set(name, value);
    this.validation.follow(this.answers.values);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  /** Validates and sends the form, as the send button does. Resolves when it is done. */
  async submit(): Promise<void> {
    await this.sender.submit();
  }

  private onPrinciplesToggle(event: Event): void {
    const open = (event.target as HTMLDetailsElement).open;
    if (open && !this.principlesOpen) {
      this.principlesOpen = true;
      void import('../principles/define.js');
    }
  }

  /**
   * The embedded Statement's heading level: one below the form's heading, so its heading and
   * its principles' titles nest under the form's (0, no heading of its own, when the form has none).
   */
  private principlesLevel(): number {
    const level = this.level;
    return level === null ? 0 : subLevel(level);
  }

  private renderForm(): TemplateResult {
    const t = this.say;
    const status = this.sender.status;
    const busy = status === 'sending';
    const view = { t, values: this.answers.values, errors: this.validation.errors };
    return html`<form
      part="form"
      novalidate
      aria-labelledby=${ifDefined(this.level !== null ? 'join-heading' : undefined)}
      aria-label=${ifDefined(this.level !== null ? undefined : this.headingText)}
      @submit=${this.onSubmit}
      @input=${this.onInput}
      @change=${this.onInput}
    >
      ${renderSummary(t, this.validation.errors, this.validation.showSummary, (e, f) => this.validation.focusField(e, f))}
      ${this.answers.restored
        ? html`<p class="note" part="restored">
            ${this.t('Your earlier answers were restored.')}
            <button type="button" class="link-button" @click=${() => void this.clearForm()}>${this.t('Clear the form')}</button>
          </p>`
        : nothing}
      ${renderFields(view)}
      <details class="principles" part="principles" @toggle=${this.onPrinciplesToggle}>
        <summary>${this.t('Read the Statement of Principles')}</summary>
        ${this.principlesOpen
          ? html`<maig-principles
              feed=${ifDefined(this.feed ?? undefined)}
              heading-level=${this.principlesLevel()}
              theme=${ifDefined(this.theme ?? undefined)}
            ></maig-principles>`
          : nothing}
      </details>
      ${renderConsent(view)}
      ${renderHoneypot(t)}
      ${renderStatus(
        t,
        { busy, failed: status === 'failed', progress: this.sender.progress, failure: this.sender.failure, joinUrl: this.joinUrl },
        () => this.retry(),
      )}
      <button class="button submit" part="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${busy ? this.t('Sending…') : this.t('Sign and join')}
      </button>
    </form>`;
  }

  /** The form's language, sent with the answers: the receiver writes to the person in it. */
  get formLang(): 'en' | 'es' {
    return this.uiLang;
  }

  /** The heading's level (2-6), or null when `heading-level="0"` hides it. */
  private get level(): number | null {
    return headingLevel(this.headingLevel, 2, { hideable: true });
  }

  private get headingText(): string {
    return this.heading ?? this.t('Join Mayors Against Illegal Guns');
  }

  private renderHeading(): TemplateResult | typeof nothing {
    const level = this.level;
    if (level === null) return nothing;
    return html`<div class="heading" part="heading" id="join-heading" role="heading" aria-level=${level}>${this.headingText}</div>`;
  }

  protected override render(): TemplateResult {
    const t = this.say;
    const configured = Boolean(this.endpoint?.trim());
    const receipt = this.sender.status === 'success' ? this.sender.receipt : null;
    return html`<div class="root" part="base">
      ${this.renderHeading()}
      ${configured && !receipt ? html`<p class="intro">${this.t('Sign the Statement of Principles to join the coalition. Every field is required unless it says optional.')}</p>` : nothing}
      ${!configured ? renderConfig(t, this.joinUrl) : receipt ? renderSuccess(t, receipt) : this.renderForm()}
    </div>`;
  }
}

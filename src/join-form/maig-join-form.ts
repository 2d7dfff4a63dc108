import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { property } from '../shared/base/property.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MaigElement } from '../shared/base/maig-element.js';
import { baseStyles } from '../shared/styles/base.js';
import { loadIndex } from '../shared/feed/client.js';
import {
  bare,
  FIELD_MESSAGES,
  FIELDS,
  HONEYPOT_FIELD,
  MAX_LENGTH,
  MIN_FILL_MS,
  ROLES,
  STATES,
  canonicalAnswers,
  validateSubmission,
  type JoinAnswers,
  type JoinErrorCodes,
  type JoinErrors,
  type JoinField,
  type JoinPayload,
  type JoinRole,
} from './submission.js';
import { clearDraft, loadDraft, saveDraft, type DraftValues, type Persist } from './draft.js';
import { failureMessage, newIdempotencyKey, prefetchChallenge, sendSubmission, type SendFailureKind } from './send.js';
import { joinFormStyles } from './maig-join-form.styles.js';
import { findState } from '../shared/feed/find-state.js';
import { safeHref } from '../shared/text/safe-url.js';
import { formatNumber } from '../shared/format/locale.js';

/** `detail` of `maig-join-submit`: sending starts (no personal data, for analytics). */
export interface JoinSubmitDetail {
  idempotencyKey: string;
  role: JoinRole | string;
  /** USPS code of the state or territory. */
  state: string;
}

/** `detail` of `maig-join-success`: the server confirmed and stored the submission. */
export interface JoinSuccessDetail {
  idempotencyKey: string;
  /** The receiver's id for the stored submission, when it sent one. */
  id: string | null;
  /** HTTP tries it took (1 when the first went through). */
  attempts: number;
}

/** `detail` of `maig-join-error`: the form could not be sent (after the automatic retries). */
export interface JoinErrorDetail {
  /** `invalid` answers (in the browser or from the server), `network`, `timeout`, `server` (5xx), `rejected` (4xx), `rate-limited` (429), `config` (no endpoint). */
  kind: SendFailureKind | 'config';
  /** HTTP status when the server answered. */
  status: number | null;
  message: string;
  /** Fields that need fixing, for `invalid`. */
  fields: JoinField[];
  attempts: number;
  idempotencyKey: string | null;
}

type Status = 'editing' | 'sending' | 'failed' | 'success';

const LABELS: Record<JoinField, string> = {
  name: 'Full name',
  role: 'Your role',
  city: 'City or town',
  state: 'State or territory',
  email: 'Email address',
  phone: 'Phone number',
  message: 'Message',
  consent: 'I have read and sign the Statement of Principles',
};

/** A public event: bubbles out of the shadow root. */
const maigEvent = <T>(type: string, detail: T) => new CustomEvent<T>(type, { detail, bubbles: true, composed: true });

/** Splits a translated sentence around its `[marked]` part (a link, a code word), keeping word order. */
const around = (text: string): [string, string, string] => {
  const [before = '', marked = '', after = ''] = text.split(/[[\]]/);
  return [before, marked, after];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
 * @attr heading-level - Level (1-6) of the heading; `0` hides it. Default 2.
 * @attr timeout - Milliseconds before one try is given up. Default 15000.
 * @attr retries - Automatic retries after a network error, a timeout or a 5xx. Default 3.
 * @attr retry-delay - Milliseconds before the first retry; doubles after each. Default 1000.
 * @attr min-fill-ms - The form waits until it has been open this long before sending (spam check; the reference receiver requires 3000). Default 3000.
 * @attr feed - URL of the data feed: the Statement of Principles and the coalition's join page come from it.
 * @attr theme - `light` or `dark` to force a color scheme.
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

  /** Level of the heading (1-6); 0 hides it. */
  @property({ type: Number, reflect: true, attribute: 'heading-level' }) headingLevel = 2;

  /** Milliseconds before one try is given up. */
  @property({ type: Number, reflect: true }) timeout = 15_000;

  /** Automatic retries after a network error, a timeout or a 5xx. */
  @property({ type: Number, reflect: true }) retries = 3;

  /** Milliseconds before the first retry; doubles after each. */
  @property({ type: Number, reflect: true, attribute: 'retry-delay' }) retryDelay = 1000;

  /** Minimum time (ms) the form is open before it sends. */
  @property({ type: Number, reflect: true, attribute: 'min-fill-ms' }) minFillMs = MIN_FILL_MS;

  // Answers and errors live in objects without a prototype: a page that polluted
  // Object.prototype (`name`, `email`, …) cannot put values into the form.
  @state() private values: DraftValues = bare({});
  @state() private errors: JoinErrors = bare({});
  @state() private showSummary = false;
  @state() private status: Status = 'editing';
  // Messages are kept as what makes them, so that a change of `lang` re-renders them in the new language.
  @state() private progress: (() => string) | null = null;
  @state() private failure: (() => string) | null = null;
  /** Error codes (and the receiver's own words) behind `errors`. */
  private errorSource: { codes: JoinErrorCodes; said?: JoinErrors } = { codes: bare({}) };
  @state() private restored = false;
  @state() private receipt: { id: string | null; email: string } | null = null;
  @state() private principlesOpen = false;
  @state() private joinUrl: string | null = null;

  @query('form') private form?: HTMLFormElement;

  protected override get loadingText(): string {
    return this.t('Loading the join form…');
  }

  protected override get errorTitle(): string {
    return this.t('The join form could not be shown.');
  }

  private startedAt = performance.now();
  /** The key of the submission being sent (or sent and not confirmed) and the answers it is for. */
  private pending: { key: string; answers: string } | undefined;
  private sending = false;
  private validated = false;
  private draftLoadedFor: string | undefined;

  /** Where this form's draft lives: one per endpoint (and element id, for two forms with one endpoint). */
  private get draftId(): string {
    return (this.endpoint?.trim() || 'unconfigured') + (this.id ? `#${this.id}` : '');
  }

  /** Kind of the last failure to send, to retry by itself when the connection comes back. */
  private failedKind: SendFailureKind | undefined;

  /** Stops pending retries when the form leaves the page. */
  private abort: AbortController | undefined;

  private readonly onOnline = () => {
    if (this.status === 'failed' && (this.failedKind === 'network' || this.failedKind === 'timeout')) void this.submit();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.startedAt = performance.now();
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    this.abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.draftLoadedFor !== `${this.persist}|${this.draftId}`) {
      this.draftLoadedFor = `${this.persist}|${this.draftId}`;
      this.restoreDraft();
    } else if ((changed.has('city') || changed.has('state')) && !this.restored) {
      this.values = bare({ ...this.prefill(), ...this.values });
    }
    if (changed.has('endpoint') && !this.endpoint?.trim() && !this.joinUrl) void this.loadJoinUrl();
    if (changed.has('endpoint') && this.endpoint?.trim()) prefetchChallenge(new URL(this.endpoint.trim(), this.ownerDocument.baseURI).href);
    if (changed.has('lang') && this.hasUpdated) {
      const errors = this.setErrors(this.errorSource.codes, this.errorSource.said);
      void this.updateComplete.then(() => this.applyValidity(errors));
    }
  }

  private configWarned = false;

  protected override updated(): void {
    if (this.endpoint?.trim() || this.configWarned) return;
    this.configWarned = true;
    const message = 'maig-join-form: no endpoint attribute; the form cannot send. Set endpoint="https://…/join" (see README, "Receiver").';
    console.warn(message);
    this.emit<JoinErrorDetail>('maig-join-error', { kind: 'config', status: null, message, fields: [], attempts: 0, idempotencyKey: null });
  }

  /** The prefilled answers from the `city` and `state` attributes. */
  private prefill(): DraftValues {
    const out: DraftValues = bare({});
    if (this.city?.trim()) out.city = this.city.trim();
    const found = findState(STATES, this.state ?? '');
    if (found) out.state = found.code;
    return out;
  }

  private restoreDraft(): void {
    const draft = loadDraft(this.persist, this.draftId);
    const saved = bare(draft?.values);
    const typed = Object.values(saved).some((v) => v !== '' && v !== false);
    // A new endpoint with no draft of its own keeps what was typed so far.
    this.values = bare({ ...this.prefill(), ...this.values, ...saved });
    this.pending = draft?.pending;
    this.restored = typed;
  }

  private persistDraft(): void {
    saveDraft(this.persist, this.draftId, { values: this.values, ...(this.pending ? { pending: this.pending } : {}) });
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
    clearDraft(this.persist, this.draftId);
    this.values = this.prefill();
    this.pending = undefined;
    this.setErrors(bare({}));
    this.showSummary = false;
    this.validated = false;
    this.restored = false;
    this.status = 'editing';
    this.failure = null;
    this.receipt = null;
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

  private emit<T>(name: string, detail: T): void {
    this.dispatchEvent(maigEvent(name, detail));
  }

  private onInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = target.name;
    if (!name || name === HONEYPOT_FIELD) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    this.values = bare({ ...this.values, [name]: value });
    this.persistDraft();
    if (this.validated) {
      // After a first try, errors follow the answers as they are fixed.
      this.applyValidity(this.setErrors(validateSubmission(this.values).codes));
    }
  }

  /**
   * The form's own message for a field's error code, in its language (the receiver's English
   * text only on an English page, for a code this form does not know).
   */
  private message(field: JoinField, code: string | undefined, said?: string): string {
    const source = FIELD_MESSAGES[`${field}:${code}`];
    // Only the length limits have a {max}, written by the page's cached number formatter ("2,000" in en-US).
    if (source) return this.t(source, code === 'too-long' ? { max: formatNumber(MAX_LENGTH[field as keyof typeof MAX_LENGTH], this.locale) } : undefined);
    return said && this.uiLang === 'en' ? said : this.t('Check this answer.');
  }

  /** Shows the messages for these codes (and keeps the codes, to say them again in another language). */
  private setErrors(codes: JoinErrorCodes, said?: JoinErrors): JoinErrors {
    this.errorSource = { codes, said };
    return (this.errors = this.messages(codes, said));
  }

  private messages(codes: JoinErrorCodes, said: JoinErrors = bare({})): JoinErrors {
    const out: JoinErrors = bare({});
    for (const field of FIELDS) if (codes[field] || said[field]) out[field] = this.message(field, codes[field], said[field]);
    return out;
  }

  /** Puts our messages into the native constraint validation of each control. */
  private applyValidity(errors: JoinErrors): void {
    const form = this.form;
    if (!form) return;
    for (const field of FIELDS) {
      const controls = form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${field}"]`);
      controls.forEach((c) => c.setCustomValidity(errors[field] ?? ''));
    }
  }

  private controlFor(field: JoinField): HTMLElement | null {
    if (field === 'role') {
      return (
        this.renderRoot.querySelector<HTMLElement>('input[name="role"]:checked') ?? this.renderRoot.querySelector<HTMLElement>('input[name="role"]')
      );
    }
    return this.renderRoot.querySelector<HTMLElement>(`#f-${field}`);
  }

  private focusField(event: Event, field: JoinField): void {
    event.preventDefault();
    const control = this.controlFor(field);
    control?.scrollIntoView({ block: 'center' });
    control?.focus();
  }

  /** Validates with the shared schema and the browser's own checks; returns the answers when valid. */
  private check(): JoinAnswers | null {
    const result = validateSubmission(this.values);
    const codes: JoinErrorCodes = bare(result.codes);
    this.applyValidity(this.messages(codes));
    // A native constraint our schema did not catch still gets a message of ours (the browser's
    // own is in the browser's language, not the page's).
    for (const field of FIELDS) {
      const control = this.controlFor(field) as HTMLInputElement | null;
      if (control && !codes[field] && control.validity && !control.validity.valid) codes[field] = 'format';
    }
    const errors = this.setErrors(codes);
    this.validated = true;
    return Object.keys(errors).length ? null : result.value;
  }

  private async showInvalid(fields: JoinField[]): Promise<void> {
    this.showSummary = true;
    this.status = 'editing';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
    this.emit<JoinErrorDetail>('maig-join-error', {
      kind: 'invalid',
      status: null,
      message: 'Some answers need fixing.',
      fields,
      attempts: 0,
      idempotencyKey: null,
    });
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  /** Validates and sends the form, as the send button does. Resolves when it is done. */
  async submit(): Promise<void> {
    if (this.sending || this.status === 'success') return; // a double click sends once
    const endpoint = this.endpoint?.trim();
    if (!endpoint) return;
    const answers = this.check();
    if (!answers) {
      await this.showInvalid(Object.keys(this.errors) as JoinField[]);
      return;
    }
    this.sending = true;
    this.showSummary = false;
    this.failure = null;
    this.status = 'sending';
    this.progress = () => this.t('Sending your form…');
    const canonical = canonicalAnswers(answers);
    // Same answers as a submission that was sent but not confirmed: same key, so at most one row.
    if (!this.pending || this.pending.answers !== canonical) this.pending = { key: newIdempotencyKey(), answers: canonical };
    const key = this.pending.key;
    this.persistDraft();
    this.emit<JoinSubmitDetail>('maig-join-submit', { idempotencyKey: key, role: answers.role, state: answers.state });

    const wait = this.minFillMs - (performance.now() - this.startedAt);
    if (wait > 0) await sleep(Math.ceil(wait) + 1);
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>(`input[name="${HONEYPOT_FIELD}"]`)?.value ?? '';
    const payload: JoinPayload = {
      ...answers,
      idempotencyKey: key,
      elapsedMs: Math.round(performance.now() - this.startedAt),
      [HONEYPOT_FIELD]: honeypot,
      lang: this.uiLang,
      principlesVersion: 'current', // the form shows the current Statement of Principles
    };
    this.abort = new AbortController();
    const outcome = await sendSubmission({
      signal: this.abort.signal,
      endpoint: new URL(endpoint, this.ownerDocument.baseURI).href,
      payload,
      formEncoded: this.formEncoded,
      timeoutMs: this.timeout,
      retries: this.retries,
      retryDelayMs: this.retryDelay,
      onRetry: (next, delay) => {
        const seconds = Math.max(1, Math.round(delay / 1000));
        const values = { seconds, next, total: this.retries + 1 };
        this.progress = () =>
          seconds === 1
            ? this.t('The form did not go through yet. Trying again in 1 second (try {next} of {total})…', values)
            : this.t('The form did not go through yet. Trying again in {seconds} seconds (try {next} of {total})…', values);
      },
    });
    this.sending = false;

    if (outcome.ok) {
      clearDraft(this.persist, this.draftId); // only now: the server has it
      this.pending = undefined;
      this.receipt = { id: outcome.id, email: answers.email };
      this.status = 'success';
      this.progress = null;
      this.emit<JoinSuccessDetail>('maig-join-success', { idempotencyKey: key, id: outcome.id, attempts: outcome.attempts });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success')?.focus();
      return;
    }
    const fields = Object.keys(outcome.fields).filter((f): f is JoinField => (FIELDS as readonly string[]).includes(f));
    this.emit<JoinErrorDetail>('maig-join-error', {
      kind: outcome.kind,
      status: outcome.status,
      message: outcome.message,
      fields,
      attempts: outcome.attempts,
      idempotencyKey: key,
    });
    if (outcome.kind === 'invalid' && fields.length) {
      // The server found what the browser did not: show our message for each of its codes.
      this.applyValidity(this.setErrors(outcome.codes, outcome.fields));
      this.progress = null;
      this.showSummary = true;
      this.status = 'editing';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
      return;
    }
    // On an English page the receiver's own sentence, if it sent one; else ours, translated.
    this.failure = () =>
      this.uiLang === 'en' && outcome.serverMessage ? outcome.serverMessage : failureMessage(outcome, (s, v) => this.t(s, v));
    this.failedKind = outcome.kind;
    // A 409: this key went with other answers; "Try again" sends these under a new key.
    if (outcome.status === 409) this.pending = undefined;
    if (!this.joinUrl) void this.loadJoinUrl();
    this.progress = null;
    this.status = 'failed';
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
    const level = Math.round(this.headingLevel);
    return level >= 1 && level <= 6 ? Math.min(6, level + 1) : 0;
  }

  private describedBy(field: JoinField, hint = false): string | undefined {
    const ids = [hint ? `f-${field}-hint` : '', this.errors[field] ? `f-${field}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : undefined;
  }

  private renderFieldError(field: JoinField): TemplateResult | typeof nothing {
    const message = this.errors[field];
    return message
      ? html`<p class="error" part="error" id="f-${field}-error"><span class="visually-hidden">${this.t('Error:')} </span>${message}</p>`
      : nothing;
  }

  private renderText(
    field: 'name' | 'city' | 'email' | 'phone',
    type: string,
    autocomplete: string,
    hint: string | null,
    required: boolean,
  ): TemplateResult {
    const invalid = Boolean(this.errors[field]);
    return html`<div class="field ${invalid ? 'field--invalid' : ''}" part="field">
      <label class="label" part="label" for="f-${field}">${this.t(LABELS[field])}${required ? nothing : html` <span class="optional">${this.t('(optional)')}</span>`}</label>
      ${hint ? html`<p class="hint" id="f-${field}-hint">${hint}</p>` : nothing}
      ${this.renderFieldError(field)}
      <input
        class="input"
        part="input"
        id="f-${field}"
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        maxlength=${MAX_LENGTH[field]}
        ?required=${required}
        spellcheck=${field === 'email' ? 'false' : 'true'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy(field, Boolean(hint)))}
        .value=${live(String(this.values[field] ?? ''))}
      />
    </div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const fields = FIELDS.filter((f) => this.errors[f]);
    if (!this.showSummary || !fields.length) return nothing;
    return html`<div class="summary" part="summary" tabindex="-1" role="group" aria-labelledby="summary-title">
      <p class="summary__title" id="summary-title">
        ${fields.length === 1 ? this.t('There is a problem with 1 answer') : this.t('There is a problem with {count} answers', { count: fields.length })}
      </p>
      <ul>
        ${fields.map((f) => html`<li><a href="#f-${f}" @click=${(e: Event) => this.focusField(e, f)}>${this.errors[f]}</a></li>`)}
      </ul>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const busy = this.status === 'sending';
    const roleInvalid = Boolean(this.errors.role);
    const stateInvalid = Boolean(this.errors.state);
    const consentInvalid = Boolean(this.errors.consent);
    const messageInvalid = Boolean(this.errors.message);
    return html`<form
      part="form"
      novalidate
      aria-labelledby=${ifDefined(this.headingLevel >= 1 && this.headingLevel <= 6 ? 'join-heading' : undefined)}
      aria-label=${ifDefined(this.headingLevel >= 1 && this.headingLevel <= 6 ? undefined : this.headingText)}
      @submit=${this.onSubmit}
      @input=${this.onInput}
      @change=${this.onInput}
    >
      ${this.renderSummary()}
      ${this.restored
        ? html`<p class="note" part="restored">
            ${this.t('Your earlier answers were restored.')}
            <button type="button" class="link-button" @click=${() => void this.clearForm()}>${this.t('Clear the form')}</button>
          </p>`
        : nothing}
      ${this.renderText('name', 'text', 'name', null, true)}
      <fieldset class="field ${roleInvalid ? 'field--invalid' : ''}" part="field" aria-describedby=${ifDefined(this.describedBy('role'))}>
        <legend class="label" part="label">${this.t(LABELS.role)}</legend>
        ${this.renderFieldError('role')}
        ${ROLES.map(
          (r) => html`<div class="choice">
            <input
              type="radio"
              id="f-role-${r.value}"
              name="role"
              value=${r.value}
              required
              aria-invalid=${roleInvalid ? 'true' : 'false'}
              .checked=${live(this.values.role === r.value)}
            />
            <label for="f-role-${r.value}">${this.t(r.label)}</label>
          </div>`,
        )}
      </fieldset>
      ${this.renderText('city', 'text', 'address-level2', null, true)}
      <div class="field ${stateInvalid ? 'field--invalid' : ''}" part="field">
        <label class="label" part="label" for="f-state">${this.t(LABELS.state)}</label>
        ${this.renderFieldError('state')}
        <select
          class="input"
          part="input"
          id="f-state"
          name="state"
          autocomplete="address-level1"
          required
          aria-invalid=${stateInvalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy('state'))}
          .value=${live(String(this.values.state ?? ''))}
        >
          <option value="" ?selected=${!this.values.state}>${this.t('Choose…')}</option>
          ${STATES.map((s) => html`<option value=${s.code} ?selected=${this.values.state === s.code}>${s.name}</option>`)}
        </select>
      </div>
      ${this.renderText('email', 'email', 'email', this.t('The coalition will write to you at this address.'), true)}
      ${this.renderText('phone', 'tel', 'tel', null, false)}
      <div class="field ${messageInvalid ? 'field--invalid' : ''}" part="field">
        <label class="label" part="label" for="f-message">${this.t(LABELS.message)} <span class="optional">${this.t('(optional)')}</span></label>
        ${this.renderFieldError('message')}
        <textarea
          class="input"
          part="input"
          id="f-message"
          name="message"
          rows="4"
          autocomplete="off"
          maxlength=${MAX_LENGTH.message}
          aria-invalid=${messageInvalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.describedBy('message'))}
          .value=${live(String(this.values.message ?? ''))}
        ></textarea>
      </div>
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
      <div class="field field--consent ${consentInvalid ? 'field--invalid' : ''}" part="field">
        ${this.renderFieldError('consent')}
        <div class="choice">
          <input
            type="checkbox"
            id="f-consent"
            name="consent"
            required
            aria-invalid=${consentInvalid ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.describedBy('consent'))}
            .checked=${live(this.values.consent === true)}
          />
          <label for="f-consent">${this.t(LABELS.consent)}</label>
        </div>
      </div>
      <div class="hp" aria-hidden="true">
        <label for="f-${HONEYPOT_FIELD}">${this.t('Leave this empty')}</label>
        <input id="f-${HONEYPOT_FIELD}" name=${HONEYPOT_FIELD} type="text" tabindex="-1" autocomplete="off" />
      </div>
      <div class="status ${busy || this.status === 'failed' ? '' : 'visually-hidden'}" part="status" role="status" aria-live="polite">
        ${busy ? html`<p class="progress"><span class="spinner" aria-hidden="true"></span>${this.progress?.()}</p>` : nothing}
        ${this.status === 'failed'
          ? html`<div class="failed">
              <p class="failed__title">${this.t('Your form was not sent.')}</p>
              <p>${this.failure?.()} ${this.t('Your answers are kept on this device; nothing is lost.')}</p>
              <button type="button" class="button retry" part="retry" @click=${() => this.retry()}>${this.t('Try again')}</button>
              ${this.renderElsewhere()}
            </div>`
          : nothing}
      </div>
      <button class="button submit" part="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${busy ? this.t('Sending…') : this.t('Sign and join')}
      </button>
    </form>`;
  }

  /** Another way to join when this form cannot send: the author's fallback, or the feed's join page. */
  private renderElsewhere(): TemplateResult {
    // Only an http(s) or relative join URL becomes a link (never javascript: or data:).
    const href = safeHref(this.joinUrl);
    const [before, link, after] = around(this.t("You can also [join on the coalition's site]."));
    return html`<div class="elsewhere">
      <slot>${href ? html`<p>${before}<a href=${href}>${link}</a>${after}</p>` : nothing}</slot>
    </div>`;
  }

  private renderSuccess(): TemplateResult {
    const receipt = this.receipt!;
    // Announced once, by taking focus (the form it replaces had it): no live region as well.
    return html`<div class="success" part="success" tabindex="-1" role="group" aria-labelledby="success-title" aria-describedby="success-body">
      <p class="success__title" id="success-title">${this.t('Thank you. Your form was sent.')}</p>
      <div id="success-body">
        <p>${this.t("The coalition's staff will write to you at {email}.", { email: receipt.email })}</p>
        ${receipt.id ? html`<p class="receipt">${this.t('Reference:')} <span class="receipt__id">${receipt.id}</span></p>` : nothing}
      </div>
    </div>`;
  }

  private renderConfig(): TemplateResult {
    const [before, code, after] = around(this.t('The page must give it the address of a receiver in its [endpoint] attribute.'));
    return html`<div class="state state--error config" part="config" role="alert">
      <p class="state__title">${this.t('This join form is not set up yet.')}</p>
      <p>${before}<code>${code}</code>${after}</p>
      ${this.renderElsewhere()}
    </div>`;
  }

  private get headingText(): string {
    return this.heading ?? this.t('Join Mayors Against Illegal Guns');
  }

  private renderHeading(): TemplateResult | typeof nothing {
    const level = Math.round(this.headingLevel);
    if (!(level >= 1 && level <= 6)) return nothing;
    return html`<div class="heading" part="heading" id="join-heading" role="heading" aria-level=${level}>${this.headingText}</div>`;
  }

  protected override render(): TemplateResult {
    const configured = Boolean(this.endpoint?.trim());
    return html`<div class="root" part="base">
      ${this.renderHeading()}
      ${configured && this.status !== 'success' ? html`<p class="intro">${this.t('Sign the Statement of Principles to join the coalition. Every field is required unless it says optional.')}</p>` : nothing}
      ${!configured ? this.renderConfig() : this.status === 'success' ? this.renderSuccess() : this.renderForm()}
    </div>`;
  }
}

import type { ReactiveControllerHost } from 'lit';
import { formatNumber } from '../shared/format/locale.js';
import type { Lang, Values } from '../shared/i18n/i18n.js';
import { bare, FIELD_MESSAGES, FIELDS, MAX_LENGTH, validateSubmission, type JoinAnswers, type JoinErrorCodes, type JoinErrors, type JoinField } from '../common/submission.js';
import type { DraftValues } from './draft.js';
import { emit } from './events.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

interface Options {
  t: (source: string, values?: Values) => string;
  lang: () => Lang;
  locale: () => string;
}

/**
 * What needs fixing: the shared schema's checks and the browser's own, a plain-language message
 * per field in the form's language (said again when the language changes), the messages put
 * into each control's native validity, the error summary that takes focus, and the links from
 * the summary to each field.
 */
export class ValidationController {
  // Errors live in an object without a prototype, as the answers do.
  private current: JoinErrors = bare({});
  private summary = false;
  /** After a first try, errors follow the answers as they are fixed. */
  private validated = false;
  /** Error codes (and the receiver's own words) behind `errors`. */
  private source: { codes: JoinErrorCodes; said?: JoinErrors } = { codes: bare({}) };

  constructor(
    private readonly host: Host,
    private readonly options: Options,
  ) {}

  /** The message shown for each field that needs fixing. */
  get errors(): JoinErrors {
    return this.current;
  }

  /** Whether the error summary shows at the top of the form. */
  get showSummary(): boolean {
    return this.summary;
  }

  set showSummary(value: boolean) {
    this.summary = value;
    this.host.requestUpdate();
  }

  /**
   * The form's own message for a field's error code, in its language (the receiver's English
   * text only on an English page, for a code this form does not know).
   */
  private message(field: JoinField, code: string | undefined, said?: string): string {
    const { t } = this.options;
    const source = FIELD_MESSAGES[`${field}:${code}`];
    // Only the length limits have a {max}, written by the page's cached number formatter ("2,000" in en-US).
    if (source) return t(source, code === 'too-long' ? { max: formatNumber(MAX_LENGTH[field as keyof typeof MAX_LENGTH], this.options.locale()) } : undefined);
    return said && this.options.lang() === 'en' ? said : t('Check this answer.');
  }

  /** Shows the messages for these codes (and keeps the codes, to say them again in another language). */
  set(codes: JoinErrorCodes, said?: JoinErrors): JoinErrors {
    this.source = { codes, said };
    this.current = this.messages(codes, said);
    this.host.requestUpdate();
    return this.current;
  }

  private messages(codes: JoinErrorCodes, said: JoinErrors = bare({})): JoinErrors {
    const out: JoinErrors = bare({});
    for (const field of FIELDS) if (codes[field] || said[field]) out[field] = this.message(field, codes[field], said[field]);
    return out;
  }

  /** The language changed: the same errors, in the new language. */
  relocalize(): void {
    const errors = this.set(this.source.codes, this.source.said);
    void this.host.updateComplete.then(() => this.applyValidity(errors));
  }

  /** Puts our messages into the native constraint validation of each control. */
  applyValidity(errors: JoinErrors): void {
    const form = this.host.renderRoot.querySelector('form');
    if (!form) return;
    for (const field of FIELDS) {
      const controls = form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${field}"]`);
      controls.forEach((c) => c.setCustomValidity(errors[field] ?? ''));
    }
  }

  /** An answer changed: after a first try, its error follows it. */
  follow(values: DraftValues): void {
    if (this.validated) this.applyValidity(this.set(validateSubmission(values).codes));
  }

  /** The server found what the browser did not: our message for each of its codes. */
  fromServer(codes: JoinErrorCodes, said: JoinErrors): void {
    this.applyValidity(this.set(codes, said));
  }

  /** No errors, no summary, as a new form. */
  clear(): void {
    this.set(bare({}));
    this.showSummary = false;
    this.validated = false;
  }

  private controlFor(field: JoinField): HTMLElement | null {
    const root = this.host.renderRoot;
    if (field === 'role') {
      return root.querySelector<HTMLElement>('input[name="role"]:checked') ?? root.querySelector<HTMLElement>('input[name="role"]');
    }
    return root.querySelector<HTMLElement>(`#f-${field}`);
  }

  /** A link of the summary: scrolls to its field and focuses it. */
  focusField(event: Event, field: JoinField): void {
    event.preventDefault();
    const control = this.controlFor(field);
    control?.scrollIntoView({ block: 'center' });
    control?.focus();
  }

  /** Validates with the shared schema and the browser's own checks; returns the answers when valid. */
  check(values: DraftValues): JoinAnswers | null {
    const result = validateSubmission(values);
    const codes: JoinErrorCodes = bare(result.codes);
    this.applyValidity(this.messages(codes));
    // A native constraint our schema did not catch still gets a message of ours (the browser's
    // own is in the browser's language, not the page's).
    for (const field of FIELDS) {
      const control = this.controlFor(field) as HTMLInputElement | null;
      if (control && !codes[field] && control.validity && !control.validity.valid) codes[field] = 'format';
    }
    const errors = this.set(codes);
    this.validated = true;
    return Object.keys(errors).length ? null : result.value;
  }

  /** Shows the summary and moves focus to it. */
  async focusSummary(): Promise<void> {
    this.showSummary = true;
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  /** The answers need fixing: the summary takes focus and the page is told. */
  async showInvalid(): Promise<void> {
    const fields = Object.keys(this.errors) as JoinField[];
    await this.focusSummary();
    emit(this.host, 'maig-join-error', { kind: 'invalid', status: null, message: 'Some answers need fixing.', fields, attempts: 0, idempotencyKey: null });
  }
}

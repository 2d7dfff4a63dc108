import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang, Values } from '../shared/i18n/i18n.js';
import { canonicalAnswers, FIELDS, HONEYPOT_FIELD, type JoinField, type JoinPayload } from '../common/submission.js';
import { failureMessage, sendSubmission, type SendFailureKind } from './send.js';
import type { AnswersController } from './answers.js';
import type { ValidationController } from './validation.js';
import { emit } from './events.js';

/** Where the form is: being filled, sending, failed to send, or sent and confirmed. */
export type Status = 'editing' | 'sending' | 'failed' | 'success';

/** The form's sending attributes. */
type Host = ReactiveControllerHost &
  HTMLElement & {
    readonly renderRoot: HTMLElement | DocumentFragment;
    endpoint: string | null;
    formEncoded: boolean;
    timeout: number;
    retries: number;
    retryDelay: number;
    minFillMs: number;
    /** The form's language: the receiver writes to the person in it. */
    readonly formLang: 'en' | 'es';
  };

interface Options {
  answers: AnswersController;
  validation: ValidationController;
  t: (source: string, values?: Values) => string;
  lang: () => Lang;
  /** Called when sending failed: another way to join is looked up. */
  onFailed: () => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sending: validates, sends once (a double click sends once, the same answers keep their
 * idempotency key), waits until the form has been open `min-fill-ms`, retries with backoff
 * (`send.ts`) while saying so, tells the page (`maig-join-submit`, `-success`, `-error`), moves
 * focus to what changed, and sends again by itself when the browser comes back online after a
 * network failure. Messages are kept as what makes them, so a change of `lang` re-renders them
 * in the new language.
 */
export class SendController implements ReactiveController {
  private state: Status = 'editing';
  private progressText: (() => string) | null = null;
  private failureText: (() => string) | null = null;
  private done: { id: string | null; email: string } | null = null;
  private sending = false;
  private startedAt = performance.now();
  /** Kind of the last failure to send, to retry by itself when the connection comes back. */
  private failedKind: SendFailureKind | undefined;
  /** Stops pending retries when the form leaves the page. */
  private abort: AbortController | undefined;

  private readonly onOnline = () => {
    if (this.state === 'failed' && (this.failedKind === 'network' || this.failedKind === 'timeout')) void this.submit();
  };

  constructor(
    private readonly host: Host,
    private readonly options: Options,
  ) {
    host.addController(this);
  }

  get status(): Status {
    return this.state;
  }

  /** The sending line (e.g. "Trying again in 2 seconds…"), while sending. */
  get progress(): string | undefined {
    return this.progressText?.();
  }

  /** Why the form was not sent, when it failed. */
  get failure(): string | undefined {
    return this.failureText?.();
  }

  /** The receiver's confirmation, after success. */
  get receipt(): { id: string | null; email: string } | null {
    return this.done;
  }

  private update(change: Partial<{ state: Status; progressText: (() => string) | null; failureText: (() => string) | null; done: SendController['done'] }>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.startedAt = performance.now();
    window.addEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    this.abort?.abort();
  }

  /** Back to a new form. */
  reset(): void {
    this.update({ state: 'editing', failureText: null, done: null });
  }

  /** Validates and sends the form, as the send button does. Resolves when it is done. */
  async submit(): Promise<void> {
    if (this.sending || this.state === 'success') return; // a double click sends once
    const host = this.host;
    const endpoint = host.endpoint?.trim();
    if (!endpoint) return;
    const { answers: draft, validation, t } = this.options;
    const answers = validation.check(draft.values);
    if (!answers) {
      this.update({ state: 'editing' });
      await validation.showInvalid();
      return;
    }
    this.sending = true;
    validation.showSummary = false;
    this.update({ failureText: null, state: 'sending', progressText: () => t('Sending your form…') });
    const key = draft.keyFor(canonicalAnswers(answers));
    emit(host, 'maig-join-submit', { idempotencyKey: key, role: answers.role, state: answers.state });

    const wait = host.minFillMs - (performance.now() - this.startedAt);
    if (wait > 0) await sleep(Math.ceil(wait) + 1);
    const honeypot = host.renderRoot.querySelector<HTMLInputElement>(`input[name="${HONEYPOT_FIELD}"]`)?.value ?? '';
    const payload: JoinPayload = {
      ...answers,
      idempotencyKey: key,
      elapsedMs: Math.round(performance.now() - this.startedAt),
      [HONEYPOT_FIELD]: honeypot,
      lang: host.formLang,
      principlesVersion: 'current', // the form shows the current Statement of Principles
    };
    this.abort = new AbortController();
    const outcome = await sendSubmission({
      signal: this.abort.signal,
      endpoint: new URL(endpoint, host.ownerDocument.baseURI).href,
      payload,
      formEncoded: host.formEncoded,
      timeoutMs: host.timeout,
      retries: host.retries,
      retryDelayMs: host.retryDelay,
      onRetry: (next, delay) => {
        const seconds = Math.max(1, Math.round(delay / 1000));
        const values = { seconds, next, total: host.retries + 1 };
        this.update({
          progressText: () =>
            seconds === 1
              ? t('The form did not go through yet. Trying again in 1 second (try {next} of {total})…', values)
              : t('The form did not go through yet. Trying again in {seconds} seconds (try {next} of {total})…', values),
        });
      },
    });
    this.sending = false;

    if (outcome.ok) {
      draft.confirmed(); // only now: the server has it
      this.update({ done: { id: outcome.id, email: answers.email }, state: 'success', progressText: null });
      emit(host, 'maig-join-success', { idempotencyKey: key, id: outcome.id, attempts: outcome.attempts });
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>('.success')?.focus();
      return;
    }
    const fields = Object.keys(outcome.fields).filter((f): f is JoinField => (FIELDS as readonly string[]).includes(f));
    emit(host, 'maig-join-error', {
      kind: outcome.kind,
      status: outcome.status,
      message: outcome.message,
      fields,
      attempts: outcome.attempts,
      idempotencyKey: key,
    });
    if (outcome.kind === 'invalid' && fields.length) {
      // The server found what the browser did not: show our message for each of its codes.
      validation.fromServer(outcome.codes, outcome.fields);
      this.update({ progressText: null, state: 'editing' });
      await validation.focusSummary();
      return;
    }
    // On an English page the receiver's own sentence, if it sent one; else ours, translated.
    const failureText = () =>
      this.options.lang() === 'en' && outcome.serverMessage ? outcome.serverMessage : failureMessage(outcome, (s, v) => t(s, v));
    this.failedKind = outcome.kind;
    // A 409: this key went with other answers; "Try again" sends these under a new key.
    if (outcome.status === 409) draft.forgetKey();
    this.options.onFailed();
    this.update({ failureText, progressText: null, state: 'failed' });
  }
}

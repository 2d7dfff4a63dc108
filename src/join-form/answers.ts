import type { PropertyValues, ReactiveControllerHost } from 'lit';
import { findState } from '../shared/feed/find-state.js';
import { bare, STATES } from '../common/submission.js';
import { clearDraft, loadDraft, saveDraft, type DraftValues, type Persist } from './draft.js';
import { newIdempotencyKey } from './send.js';

/** The form: where its draft is kept, and the attributes that prefill it. */
type Host = ReactiveControllerHost & { persist: Persist; endpoint: string | null; id: string; city: string | null; state: string | null };

/**
 * The answers: what is typed, the prefill from the `city` and `state` attributes, and the draft
 * kept as the person types (see `draft.ts`), with the idempotency key of a submission that was
 * sent but not confirmed, so that the same answers are never stored twice.
 */
export class AnswersController {
  // Answers live in an object without a prototype: a page that polluted Object.prototype
  // (`name`, `email`, …) cannot put values into the form.
  private current: DraftValues = bare({});
  private wasRestored = false;
  /** The key of the submission being sent (or sent and not confirmed) and the answers it is for. */
  private pending: { key: string; answers: string } | undefined;
  private loadedFor: string | undefined;

  constructor(private readonly host: Host) {}

  get values(): DraftValues {
    return this.current;
  }

  private set values(values: DraftValues) {
    this.current = values;
    this.host.requestUpdate();
  }

  /** Whether earlier answers were restored from the draft (the form offers to clear them). */
  get restored(): boolean {
    return this.wasRestored;
  }

  private set restored(value: boolean) {
    this.wasRestored = value;
    this.host.requestUpdate();
  }

  /** Where this form's draft lives: one per endpoint (and element id, for two forms with one endpoint). */
  private get draftId(): string {
    return (this.host.endpoint?.trim() || 'unconfigured') + (this.host.id ? `#${this.host.id}` : '');
  }

  /** Before each render: loads the draft of a new place, or takes a new prefill. */
  willUpdate(changed: PropertyValues): void {
    if (this.loadedFor !== `${this.host.persist}|${this.draftId}`) {
      this.loadedFor = `${this.host.persist}|${this.draftId}`;
      this.restore();
    } else if ((changed.has('city') || changed.has('state')) && !this.restored) {
      this.values = bare({ ...this.prefill(), ...this.values });
    }
  }

  /** The prefilled answers from the `city` and `state` attributes. */
  private prefill(): DraftValues {
    const out: DraftValues = bare({});
    if (this.host.city?.trim()) out.city = this.host.city.trim();
    const found = findState(STATES, this.host.state ?? '');
    if (found) out.state = found.code;
    return out;
  }

  private restore(): void {
    const draft = loadDraft(this.host.persist, this.draftId);
    const saved = bare(draft?.values);
    const typed = Object.values(saved).some((v) => v !== '' && v !== false);
    // A new endpoint with no draft of its own keeps what was typed so far.
    this.values = bare({ ...this.prefill(), ...this.values, ...saved });
    this.pending = draft?.pending;
    this.restored = typed;
  }

  private save(): void {
    saveDraft(this.host.persist, this.draftId, { values: this.values, ...(this.pending ? { pending: this.pending } : {}) });
  }

  /** A field changed: kept at once. */
  set(name: string, value: string | boolean): void {
    this.values = bare({ ...this.values, [name]: value });
    this.save();
  }

  /**
   * The idempotency key for these answers (`canonical`): the same as a submission that was sent
   * but not confirmed when the answers are the same (so at most one row), else a new one.
   */
  keyFor(canonical: string): string {
    if (!this.pending || this.pending.answers !== canonical) this.pending = { key: newIdempotencyKey(), answers: canonical };
    this.save();
    return this.pending.key;
  }

  /** The key went with other answers (a 409): the next try gets a new one. */
  forgetKey(): void {
    this.pending = undefined;
  }

  /** The server has the submission: the draft goes. */
  confirmed(): void {
    clearDraft(this.host.persist, this.draftId);
    this.pending = undefined;
  }

  /** Clears the answers (back to the prefill) and the saved draft. */
  clear(): void {
    clearDraft(this.host.persist, this.draftId);
    this.values = this.prefill();
    this.pending = undefined;
    this.restored = false;
  }
}
